"""`trainbook forms build`: every rubric, form and scheme score sheet as print-ready PDF + HTML."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from trainbook_cli.main import main

from .pdftools import embedded_fonts, pdf_text, rightmost_lines_mm, squashed, tree_bytes

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini"
SHEETS = ("rubrics/mini-roleplay", "forms/mini-form", "schemes/mini-scheme")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The mini handbook's sheets, built twice into two folders."""
    root = tmp_path_factory.mktemp("forms")
    outs = (root / "one", root / "two")
    for out in outs:
        assert main(["forms", "build", "--content", str(MINI / "content"), "--out", str(out)]) == 0
    return outs


def test_every_rubric_form_and_scheme_gets_a_pdf_and_an_html(built: tuple[Path, Path]) -> None:
    out = built[0]
    produced = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert produced == sorted(f"{s}.{ext}" for s in SHEETS for ext in ("html", "pdf"))


def test_two_builds_are_byte_identical(built: tuple[Path, Path]) -> None:
    assert tree_bytes(built[0]) == tree_bytes(built[1])


def test_pdf_text_layer_holds_the_chinese_and_the_cjk_fonts_are_embedded(built: tuple[Path, Path]) -> None:
    rubric = built[0] / "rubrics/mini-roleplay.pdf"
    text = squashed(pdf_text(rubric))
    assert "投诉受理情景模拟评分表" in text and "泄露业主个人信息" in text
    assert "第 1 页 / 共 1 页" in text
    fonts = embedded_fonts(rubric)
    assert any("NotoSerifCJK" in name.replace("-", "") for name in fonts), fonts
    assert fonts and all(fonts.values()), fonts


def test_every_sheet_stays_inside_the_right_margin(built: tuple[Path, Path]) -> None:
    """A4 is 210 mm wide and print.css keeps 16 mm on the right: no table rule may reach past 194 mm.
    (The rubric table's fixed column widths once left out the cell padding, and its 得分 column,
    where the examiner writes, ran off the paper at 210 mm.)"""
    for sheet in SHEETS:
        reach = rightmost_lines_mm(built[0] / f"{sheet}.pdf")
        assert reach and all(0 < r <= 194.1 for r in reach), (sheet, reach)


def test_rubric_sheet_has_tick_boxes_per_level_critical_items_and_a_signature_line(built: tuple[Path, Path]) -> None:
    html = (built[0] / "rubrics/mini-roleplay.html").read_text(encoding="utf-8")
    assert html.count("□</span> <strong>") == 2  # one box per level of 接听礼仪
    assert "一票否决项" in html and "向他人透露业主电话" in html
    assert "合计" in html and "考官签名" in html


def test_failed_build_leaves_the_output_folder_untouched(
    built: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    shutil.copytree(built[0], out)
    before = tree_bytes(out)
    content = tmp_path / "content"
    shutil.copytree(MINI / "content", content)
    form = content / "forms/mini-form.yml"
    form.write_text(form.read_text(encoding="utf-8").replace("rows: 3", "rows: many"), encoding="utf-8")
    assert main(["forms", "build", "--content", str(content), "--out", str(out)]) == 1
    assert "mini-form.yml:" in capsys.readouterr().err
    assert tree_bytes(out) == before


def test_unwritable_out_is_one_line_and_no_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    args = ["forms", "build", "--content", str(MINI / "content"), "--out", str(blocker / "out")]
    assert main([*args, "--lang", "en"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "cannot write there" in err
    assert blocker.read_text(encoding="utf-8") == "x"


def test_a_chinese_handbook_is_told_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["forms", "build", "--content", str(MINI / "content"), "--out", str(blocker / "out")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("trainbook：错误：") and "无法写入" in err and "不是可写的文件夹" in err


def test_missing_cjk_font_names_it_and_writes_no_pdf(tmp_path: Path) -> None:
    # A fontconfig that only knows DejaVu: Pango would fall back to it and print empty boxes.
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">'
        f"<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>{tmp_path / 'fc'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "trainbook_cli.main",
            "forms",
            "build",
            "--content",
            str(MINI / "content"),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "FONTCONFIG_FILE": str(conf)},
    )
    assert result.returncode == 1
    assert "Noto Serif CJK SC" in result.stderr and "fonts-noto-cjk" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_a_sheet_longer_than_its_pages_stops_the_build_at_that_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINI / "content", content)
    form = content / "forms/mini-form.yml"
    form.write_text(form.read_text(encoding="utf-8").replace("rows: 3", "rows: 60") + "pages: 1\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["forms", "build", "--content", str(content), "--out", str(out), "--format", "pdf"]) == 1
    err = capsys.readouterr().err
    line = form.read_text(encoding="utf-8").splitlines().index("pages: 1") + 1
    assert f"mini-form.yml:{line}:" in err and "forms/mini-form prints on" in err and "more than the 1" in err
    assert "Traceback" not in err and not out.exists()


def test_a_form_prints_its_table_where_its_order_puts_it(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(MINI / "content", content)
    form = content / "forms/mini-form.yml"
    form.write_text(
        form.read_text(encoding="utf-8").replace("table:\n", "table:\n  title: 参加人员\n")
        + "order: [fields, intro, table, sections]\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["forms", "build", "--content", str(content), "--out", str(out), "--format", "pdf"]) == 0
    text = squashed(pdf_text(out / "forms/mini-form.pdf"))
    assert text.index("参加人员") < text.index("序号") < text.index("服务评价")
