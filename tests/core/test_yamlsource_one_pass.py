"""The one-pass reader (the usual document, straight from libyaml's events) gives the same
values, positions and problems as the full path (compose, then build) — on the example
handbook, on the test corpora and on thousands of mangled documents."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from trainbook import yamlsource
from trainbook.diagnostics import Report
from trainbook.yamlsource import Map, Seq, load_yaml

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(yamlsource.FAST_LOADER is None, reason="PyYAML without libyaml")

# What makes the one-pass reader give up, and plain text around it.
PIECES = [":", "- ", "&a ", "*a", "!!str ", "!!int ", "! ", "yes", "No", "on", "\t", '"', "'", "[", "]", "{", "}",
          "<<: *a", "\n", "  ", "---\n", "? ", "~", "1e3", "2024-13-45", "2024-01-02", "0x1F", "#", "|", ">",
          "null", "true", "-1", ".inf", "：", "\u3000", "key: v\n", "id: x\n"]  # fmt: skip


def shape(value: Any) -> Any:
    """Everything load_yaml's result carries: values, types, every position."""
    if isinstance(value, Map):
        items = [(k, shape(v), value.key_pos[k], value.val_pos[k]) for k, v in value.items()]
        return ("map", value.pos, items, dict(value.loose_bools))
    if isinstance(value, Seq):
        return ("seq", value.pos, [shape(v) for v in value], list(value.item_pos))
    return (type(value).__name__, value)


def both_ways(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    def read() -> Any:
        report = Report()
        try:
            value = shape(load_yaml(text, "x.yml", report, line_offset=3))
        except Exception as e:  # the full path lets some exceptions through; so must the one pass
            value = ("raised", repr(e))
        return value, [str(d) for d in report.items]

    one_pass = read()

    def give_up(self: Any, text: str) -> Any:
        raise yamlsource._NotPlainError

    with monkeypatch.context() as m:
        m.setattr(yamlsource._OnePass, "load", give_up)
        full = read()
    return one_pass, full


def corpus() -> list[Path]:
    files = [*ROOT.glob("content/**/*.yml"), *ROOT.glob("tests/**/*.yml"), *ROOT.glob("tests/**/*.yaml")]
    return sorted(p for p in files if p.is_file())


def test_every_yaml_file_of_the_repository_reads_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    read = 0
    for path in corpus():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # the bad-encoding fixtures never reach the parser
        one_pass, full = both_ways(text, monkeypatch)
        assert one_pass == full, path
        read += 1
    assert read > 100


@pytest.mark.parametrize("seed", range(4))
def test_mangled_documents_read_the_same(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("content/banks/*.yml"))]
    rng = random.Random(seed)
    for _ in range(400):
        text = rng.choice(texts)
        text = text[: rng.randrange(0, min(len(text), 2500))]
        for _ in range(rng.randrange(1, 4)):
            at = rng.randrange(0, len(text) + 1)
            if rng.random() < 0.5:
                text = text[:at] + rng.choice(PIECES) + text[at:]
            else:
                text = text[:at] + text[at + rng.randrange(1, 6) :]
        one_pass, full = both_ways(text, monkeypatch)
        assert one_pass == full, text


def test_the_usual_bank_is_read_in_one_pass() -> None:
    # Otherwise the tests above would compare the full path with itself.
    text = (ROOT / "content" / "banks").glob("*.yml").__next__().read_text(encoding="utf-8")
    assert isinstance(yamlsource._OnePass("x.yml", 0).load(text), Map)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: 1\na: 2\n",
        "a: yes\n",
        "<<: {a: 1}\n",
        "? [a]\n: 1\n",
        "a: 1\n---\nb: 2\n",
    ],
)
def test_what_the_one_pass_reader_leaves_to_the_full_path(text: str) -> None:
    with pytest.raises(yamlsource._NotPlainError):
        yamlsource._OnePass("x.yml", 0).load(text)
