"""Fuzzing `trainbook grade` with hypothesis: random edits of the responses, the scores sheet and
the exam manifest never make an exception escape — every run ends with exit 0, or exit 1 with its
problems listed and nothing written.

By default the examples are derandomized and few, so `make test` is quick and repeatable;
`HYPOTHESIS_PROFILE=fuzz` (as for tests/core/test_fuzz.py) runs many more, random ones.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.slots import slots
from trainbook_cli.main import main

from .conftest import FIXTURES, grade_args

#: Cells and values that steer the readers into their less-travelled paths.
CELLS = ["", " ", "-1", "1e400", "nan", "inf", "９９", "A,B", '"', "E01", "C", "Z", "对", "√", "；", "\x00", "\ufeff"]
FUZZING = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
VALUES: list[Any] = [None, True, 0, -1, 1.5, 1e308, float("nan"), float("inf"), 10**400, "", "x", [], {}, [1], {"a": 1}]


def _edit_json(text: str, data: st.DataObject) -> str:
    manifest = json.loads(text)
    paths = slots(manifest)[1:]
    # Half the time one field of one item: most of what a hand edit (or a scanner's export) gets wrong.
    fields = [p for p in paths if len(p) == 4 and p[0] == "variants"]
    at = data.draw(st.sampled_from(fields if data.draw(st.booleans()) else paths))
    parent = manifest
    for step in at[:-1]:
        parent = parent[step]
    if data.draw(st.integers(0, 3)) == 0:
        del parent[at[-1]]
    else:
        parent[at[-1]] = data.draw(st.sampled_from(VALUES))
    return json.dumps(manifest, ensure_ascii=False)


def _edit_csv(text: str, data: st.DataObject) -> str:
    rows = [line.split(",") for line in text.splitlines()]
    if not rows:  # cut to nothing by an earlier edit
        return data.draw(st.sampled_from(CELLS) | st.text(max_size=4))
    how = data.draw(st.sampled_from(["cell", "drop row", "repeat row", "cut", "text"]))
    r = data.draw(st.integers(0, len(rows) - 1))
    if how == "cell":
        c = data.draw(st.integers(0, len(rows[r]) - 1))
        rows[r][c] = data.draw(st.sampled_from(CELLS) | st.text(max_size=4))
    elif how == "drop row":
        del rows[r]
    elif how == "repeat row":
        rows.insert(r, list(rows[data.draw(st.integers(0, len(rows) - 1))]))
    lines = "\n".join(",".join(row) for row in rows) + "\n"
    if how == "cut":
        return lines[: data.draw(st.integers(0, len(lines)))]
    if how == "text":
        at = data.draw(st.integers(0, len(lines)))
        return lines[:at] + data.draw(st.text(max_size=3)) + lines[at:]
    return lines


@settings(max_examples=2000 if FUZZING else 100, derandomize=not FUZZING, deadline=None, database=None)
@given(st.data())
def test_edited_inputs_end_in_a_result_or_a_list_of_problems(data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "class"
        shutil.copytree(FIXTURES, root)
        for name in data.draw(
            st.lists(st.sampled_from(["responses.csv", "scores.csv", "manifest.json"]), min_size=1, max_size=3)
        ):
            path = root / name
            text = path.read_text(encoding="utf-8")
            edited = _edit_json(text, data) if name.endswith(".json") else _edit_csv(text, data)
            path.write_text(edited, encoding="utf-8")
        err = io.StringIO()
        here = Path.cwd()
        os.chdir(root)
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
                code = main(grade_args())
        finally:
            os.chdir(here)
        assert "Traceback" not in err.getvalue()
        assert code in (0, 1), err.getvalue()
        if code == 1:
            assert "nothing was written" in err.getvalue()
            assert not (root / "out").exists()
        else:
            assert (root / "out" / "results.csv").is_file()
