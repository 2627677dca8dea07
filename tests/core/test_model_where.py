"""A model object's ``where`` (each key's position) is stored compactly and reads like the dict it was made from."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainbook.diagnostics import Pos
from trainbook.model import Where, frozen_where
from trainbook.validate import validate

ROOT = Path(__file__).resolve().parents[2]


def test_where_reads_like_the_dict_it_was_made_from() -> None:
    source = {"id": Pos("b.yml", 3, 5), "stem": Pos("b.yml", 4, 11), 1: Pos("b.yml", 900, 70000)}
    where = frozen_where(source)
    assert isinstance(where, Where)
    assert dict(where) == source and list(where) == list(source) and len(where) == 3
    assert where["stem"] == Pos("b.yml", 4, 11) and where.get(1) == Pos("b.yml", 900, 70000)
    assert "id" in where and "options" not in where
    assert where.get("options") is None and where.get("options", Pos("b.yml")) == Pos("b.yml")
    with pytest.raises(KeyError):
        where["options"]


def test_maps_of_the_same_keys_share_them() -> None:
    a = frozen_where({"id": Pos("a.yml", 1, 1), "stem": Pos("a.yml", 2, 1)})
    b = frozen_where({"id": Pos("b.yml", 7, 1), "stem": Pos("b.yml", 8, 3)})
    assert isinstance(a, Where) and isinstance(b, Where)
    assert a._keys is b._keys


def test_positions_from_several_files_stay_a_plain_mapping() -> None:
    source = {"id": Pos("a.yml", 1, 1), "base": Pos("b.yml", 2, 1)}  # a merge key's source file
    where = frozen_where(source)
    assert not isinstance(where, Where) and dict(where) == source
    assert frozen_where({}) == {} and frozen_where(None) == {}


def test_the_example_handbook_keeps_every_position() -> None:
    project, report = validate(ROOT / "content")
    assert not report.errors
    questions = [q for bank in project.banks for q in bank.questions]
    assert questions and all(isinstance(q.where, Where) for q in questions)
    for q in questions:
        assert q.at("id").path == q.pos.path and q.at("id").line >= q.pos.line
