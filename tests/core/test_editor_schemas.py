"""The warning about a handbook's editor-schema copies, and the settings merge, in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trainbook import editor_schemas
from trainbook.diagnostics import Report
from trainbook.version import __version__


def _warnings(root: Path) -> list[str]:
    report = Report()
    editor_schemas.check_copies(root, report)
    assert report.errors == []
    return [d.message for d in report.warnings]


def test_no_schema_folder_means_no_warning(tmp_path: Path) -> None:
    assert _warnings(tmp_path) == []


def test_fresh_copies_give_no_warning(tmp_path: Path) -> None:
    editor_schemas.write_copies(tmp_path / editor_schemas.DEFAULT_DIR)
    assert _warnings(tmp_path) == []


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("trainbook 0.0.9\n", "come from trainbook 0.0.9, older than"),
        ("trainbook 99.0\n", "come from trainbook 99.0, newer than the installed trainbook"),
        ("", "differ from those of the installed trainbook"),
        (f"trainbook {__version__}\n", "differ from those of the installed trainbook"),
    ],
)
def test_changed_copies_are_reported_by_their_stamp(tmp_path: Path, stamp: str, expected: str) -> None:
    folder = tmp_path / editor_schemas.DEFAULT_DIR
    editor_schemas.write_copies(folder)
    (folder / "form.schema.json").write_text("{}", encoding="utf-8")
    (folder / editor_schemas.STAMP).write_text(stamp, encoding="utf-8")
    (warning,) = _warnings(tmp_path)
    assert expected in warning


def test_a_missing_copy_counts_as_changed(tmp_path: Path) -> None:
    folder = tmp_path / editor_schemas.DEFAULT_DIR
    editor_schemas.write_copies(folder)
    (folder / "case.schema.json").unlink()
    assert len(_warnings(tmp_path)) == 1


def test_merge_replaces_only_its_own_entries(tmp_path: Path) -> None:
    settings = tmp_path / "settings.json"
    settings.write_text(
        json.dumps({"a": 1, "yaml.schemas": {"./x.json": ["x/*.yml"], "./s/bank.schema.json": ["old/*.yml"]}}),
        encoding="utf-8",
    )
    editor_schemas.merge_settings(settings, {"./s/bank.schema.json": ["content/banks/*.yml"]})
    data = json.loads(settings.read_text(encoding="utf-8"))
    assert data == {"a": 1, "yaml.schemas": {"./x.json": ["x/*.yml"], "./s/bank.schema.json": ["content/banks/*.yml"]}}


@pytest.mark.parametrize("text", ["[1, 2]", '{"yaml.schemas": ["a"]}', "{ // note\n}"])
def test_settings_that_cannot_be_merged_are_left_as_they_are(tmp_path: Path, text: str) -> None:
    settings = tmp_path / "settings.json"
    settings.write_text(text, encoding="utf-8")
    with pytest.raises(editor_schemas.SettingsError, match="left unchanged"):
        editor_schemas.merge_settings(settings, {"./s.json": ["*.yml"]})
    assert settings.read_text(encoding="utf-8") == text
