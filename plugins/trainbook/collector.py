"""When Python's cyclic garbage collector runs while a handbook is loaded and built.

Loading a large handbook creates hundreds of thousands of objects that all stay alive (the
YAML trees while they are read, then the model), and next to no reference cycles. The
collector does not know that: every few hundred allocations it walks the young objects, and
each time the survivors have grown by a quarter it walks everything alive — on a 10,000-question
handbook that was half of the loading time, for nothing to collect.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic collection inside the block (the caller creates no garbage cycles worth
    collecting); the collector is as it was afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
