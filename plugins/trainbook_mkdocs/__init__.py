"""MkDocs adapter for trainbook: a thin layer over the ``trainbook`` core."""
