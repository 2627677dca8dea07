"""The scheme page's calculator reads each weight from its data attribute (assets/scheme.js)."""

from __future__ import annotations

import re

from trainbook.diagnostics import Pos
from trainbook.model import Component, Grade, Scheme
from trainbook.render import environment


def test_the_calculator_gets_each_weight_as_written_not_as_printed() -> None:
    """The calculator must weigh as `trainbook grade` does: with the weight itself, not the text
    printed for the reader (rounded, or a fraction)."""
    third = 100 / 3
    parts = [Component(Pos("s.yml"), id=c, name=c, weight=third) for c in ("a", "b", "c")]
    grades = (Grade(Pos("s.yml"), label="合格", min=60),)
    scheme = Scheme(Pos("s.yml"), id="s", title="s", components=tuple(parts), grades=grades)
    html = environment().get_template("scheme_calc.html").render(scheme=scheme)
    weights = re.findall(r'data-weight="([^"]*)"', html)
    assert [float(w) for w in weights] == [third] * 3
