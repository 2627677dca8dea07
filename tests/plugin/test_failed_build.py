"""A failed build never leaves a half-written site: content problems stop `mkdocs build`
before it touches site/, and `make site` swaps a new site in only when the build succeeded."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.sitebuild import ENV, mkdocs_build, snapshot

ROOT = Path(__file__).resolve().parents[2]
BUILD_SITE = ROOT / "build_tools" / "build-site.sh"
MKDOCS = str(Path(sys.executable).parent / "mkdocs")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def good_site(mini_site: Path) -> dict[str, tuple[bytes, int]]:
    """The mini site built once, as it stood before the next build."""
    result = mkdocs_build(mini_site)
    assert result.returncode == 0, result.stderr
    return snapshot(mini_site / "site")


def test_a_content_error_leaves_the_previous_site_untouched(mini_site: Path, good_site: dict) -> None:
    edit(mini_site / "content/banks/mini.yml", "answer: ABD", "answer: ABZ")
    result = mkdocs_build(mini_site)
    assert result.returncode != 0 and "'answer'" in result.stderr
    assert snapshot(mini_site / "site") == good_site


def test_a_content_warning_in_strict_mode_leaves_the_previous_site_untouched(mini_site: Path, good_site: dict) -> None:
    edit(mini_site / "content/cases/night-lift.yml", "summary:", "sumary:")
    result = mkdocs_build(mini_site)
    # The mini handbook is Chinese (theme.language: zh), so is the message.
    assert result.returncode != 0 and "未知的键 'sumary'" in result.stderr
    assert snapshot(mini_site / "site") == good_site


def build_site(site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["sh", str(BUILD_SITE), MKDOCS, "site"], cwd=site, capture_output=True, text=True, env=ENV)


def test_make_site_keeps_the_previous_site_when_the_build_fails_late(mini_site: Path, good_site: dict) -> None:
    # A broken link is found by MkDocs itself, after it has begun writing; only the swap protects site/.
    edit(mini_site / "content/handbook/index.md", "这一页没有测验。", "这一页没有测验，见[别处](nowhere.md)。")
    result = build_site(mini_site)
    assert result.returncode != 0 and "nowhere.md" in result.stderr
    assert snapshot(mini_site / "site") == good_site
    assert sorted(p.name for p in mini_site.iterdir() if p.name.startswith("site")) == ["site"]


def test_make_site_replaces_the_site_when_the_build_succeeds(mini_site: Path, good_site: dict) -> None:
    edit(mini_site / "content/handbook/index.md", "这一页没有测验。", "这一页已经更新。")
    result = build_site(mini_site)
    assert result.returncode == 0, result.stderr
    assert "这一页已经更新。" in (mini_site / "site/index.html").read_text(encoding="utf-8")
    assert set(snapshot(mini_site / "site")) == set(good_site)
    assert sorted(p.name for p in mini_site.iterdir() if p.name.startswith("site")) == ["site"]


def test_an_exam_only_sub_question_stops_even_a_build_that_is_not_strict(mini_site: Path) -> None:
    # The group's pool decides where a sub-question goes: an exam-only sub-question of a practice
    # group would be published with its group, so `pool: exam` on it is an error, not a warning
    # that `strict: false` lets through.
    edit(
        mini_site / "content/banks/mini.yml",
        "        stem: 值班客服首先应当（　）。",
        "        pool: exam\n        stem: ZZSUBSECRETZZ值班客服首先应当（　）。",
    )
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"], cwd=mini_site, capture_output=True, text=True, env=ENV
    )
    assert result.returncode != 0
    assert "题目 'm-group-a' 的键 'pool' 是 'exam'，但子题不能单独设置题池" in result.stderr
    written = [p for p in (mini_site / "site").rglob("*") if p.is_file()] if (mini_site / "site").exists() else []
    assert not [p for p in written if b"ZZSUBSECRETZZ" in p.read_bytes()]


def test_a_bank_copied_among_the_pages_stops_the_build_before_it_is_published(mini_site: Path) -> None:
    """MkDocs copies every file of the pages folder into the site: the bank's answers and its
    exam-only questions would be published as they are."""
    bank = (mini_site / "content/banks/mini.yml").read_text(encoding="utf-8")
    (mini_site / "content/handbook/modules/mini-bank.yml").write_text(bank, encoding="utf-8")
    line = bank[: bank.index("questions:")].count("\n") + 1
    result = mkdocs_build(mini_site)
    assert result.returncode != 0
    where = f"content/handbook/modules/mini-bank.yml:{line}:1: error: "
    assert where + "这个文件像题库、案例或试卷蓝图（有键 'questions'）" in result.stderr
    assert not (mini_site / "site").exists()
