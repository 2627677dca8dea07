"""``trainbook grade``: assessment results from a scheme, a scores sheet and, optionally, the
marked answers of a printed exam.

scores + scheme → weighted totals, grades, ranks (scores.py, results.py); responses + exam
manifest → marks (manifest.py, responses.py) → item statistics and objective mastery (items.py);
everything → results.csv, items.csv and a self-contained report.html (output.py, report.py).
Results are personal data: they are read only from the files given and written only to the
output folder (run.py refuses one inside the site or the content: ..outfolder).
"""

from __future__ import annotations

from .errors import GradeError
from .run import GradeRequest, grade

__all__ = ["GradeError", "GradeRequest", "grade"]
