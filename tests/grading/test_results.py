"""Weighted results of a scheme, checked against totals worked out by hand."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from trainbook_cli.main import main

from .conftest import grade_args, read_csv

# 理论笔试 × 50 % + 情景模拟 × 30 % + 培训出勤 × 20 %, one decimal, half up.
EXPECTED = {
    # 工号: (理论笔试, 总分, 等级, 是否合格, 排名)
    "E01": ("90", "91.4", "优秀", "是", "1"),  # 45 + 26.4 + 20
    "E03": ("70", "80.6", "不合格", "否", "2"),  # 35 + 27.6 + 18, but 一票否决
    "E02": ("75", "80.5", "良好", "是", "3"),  # 37.5 + 24 + 19
    "E04": ("65", "73.5", "合格", "是", "4"),  # 32.5 + 21 + 20
    "E05": ("50", "64.5", "合格", "是", "5"),  # 25 + 22.5 + 17
    "E07": ("35", "61.0", "合格", "是", "6"),  # 17.5 + 25.5 + 18
    "E06": ("40", "54.0", "不合格", "否", "7"),  # 20 + 18 + 16
    "E08": ("30", "49.0", "不合格", "否", "8"),  # 15 + 19.95 + 14 = 48.95 → 49.0
    "E09": ("20", "37.0", "不合格", "否", "9"),  # 10 + 15 + 12
    "E10": ("10", "14.0", "不合格", "否", "10"),  # 5 + 0 (no score) + 9
}


def test_results_csv_has_a_bom_and_the_documented_columns(graded: Path) -> None:
    raw = (graded / "results.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    header = raw.decode("utf-8-sig").splitlines()[0].split(",")
    assert header == [
        "工号",
        "姓名",
        "部门",
        "理论笔试",
        "情景模拟",
        "培训出勤",
        "总分",
        "等级",
        "是否合格",
        "排名",
        "备注",
    ]


def test_written_scores_come_from_the_marked_papers_and_totals_are_weighted(graded: Path) -> None:
    rows = read_csv(graded / "results.csv")
    assert [r["工号"] for r in rows] == list(EXPECTED)
    got = {r["工号"]: (r["理论笔试"], r["总分"], r["等级"], r["是否合格"], r["排名"]) for r in rows}
    assert got == EXPECTED


def test_a_critical_item_failure_forces_fail_and_says_why(graded: Path) -> None:
    e03 = next(r for r in read_csv(graded / "results.csv") if r["工号"] == "E03")
    assert e03["是否合格"] == "否" and e03["等级"] == "不合格"
    assert "情景模拟触发一票否决" in e03["备注"] and "泄露业主个人信息" in e03["备注"]


def test_a_missing_score_counts_as_zero_and_is_noted(graded: Path) -> None:
    e10 = next(r for r in read_csv(graded / "results.csv") if r["工号"] == "E10")
    assert e10["情景模拟"] == "" and e10["备注"] == "情景模拟无成绩，按 0 分计"


def test_department_averages(graded: Path) -> None:
    rows = {r["部门"]: r for r in read_csv(graded / "departments.csv")}
    # 客服一部: (91.4 + 80.5 + 80.6 + 61.0 + 37.0) / 5; 客服二部: (73.5 + 64.5 + 54.0 + 49.0 + 14.0) / 5
    assert (rows["客服一部"]["平均分"], rows["客服一部"]["合格人数"]) == ("70.1", "3")
    assert (rows["客服二部"]["平均分"], rows["客服二部"]["合格人数"]) == ("51.0", "2")


def test_each_paper_is_scored_out_of_its_own_variants_full_marks(class_dir: Path) -> None:
    """Variants drawn with the bank's points may differ in total; full marks on either is 100."""
    path = class_dir / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["variants"]["B"][0]["points"] = 4  # B is worth 22, A still 20 (the manifest's "total")
    path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    assert main(grade_args()) == 0
    written = {r["工号"]: r["理论笔试"] for r in read_csv(class_dir / "out" / "results.csv")}
    assert written["E01"] == "90"  # A: 18 of 20
    assert written["E02"] == "77.3"  # B: 15 + 2 more for its first question, 17 of 22 (not of 20: 85)


def test_equal_totals_share_a_rank(class_dir: Path) -> None:
    scores = (class_dir / "scores.csv").read_text(encoding="utf-8")
    scores = scores.replace("E07,周九,客服一部,85,否,90", "E07,周九,客服一部,100,否,100")  # 17.5 + 30 + 20
    scores = scores.replace("E05,钱七,客服二部,75,否,85", "E05,钱七,客服二部,75,否,100")  # 25 + 22.5 + 20
    (class_dir / "scores.csv").write_text(scores, encoding="utf-8")
    assert main(grade_args()) == 0
    ranks = {r["工号"]: (r["总分"], r["排名"]) for r in read_csv(class_dir / "out/results.csv")}
    assert ranks["E05"] == ("67.5", "5") and ranks["E07"] == ("67.5", "5")
    assert ranks["E06"][1] == "7"


def test_an_xlsx_scores_sheet_grades_like_the_csv(class_dir: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in read_rows(class_dir / "scores.csv"):
        sheet.append([float(c) if c.replace(".", "", 1).isdigit() else c for c in row])
    book.save(class_dir / "scores.xlsx")
    args = grade_args()
    args[args.index("scores.csv")] = "scores.xlsx"
    assert main(args) == 0
    got = {r["工号"]: r["总分"] for r in read_csv(class_dir / "out/results.csv")}
    assert got == {pid: v[1] for pid, v in EXPECTED.items()}


def _xlsx_with_a_formula(class_dir: Path, saved: str | None) -> None:
    """scores.xlsx whose first candidate's 情景模拟 score is =SUM(...), with or without the result
    a spreadsheet program saves beside a formula (openpyxl writes none)."""
    book = openpyxl.Workbook()
    sheet = book.active
    rows = read_rows(class_dir / "scores.csv")
    for row in rows:
        sheet.append([float(c) if c.replace(".", "", 1).isdigit() else c for c in row])
    col = rows[0].index("情景模拟")
    sheet.cell(row=2, column=col + 1, value=f"=SUM({rows[1][col]},0)")
    book.save(class_dir / "scores.xlsx")
    if saved is not None:
        with zipfile.ZipFile(class_dir / "scores.xlsx") as z:
            parts = {name: z.read(name) for name in z.namelist()}
        sheet_xml = parts["xl/worksheets/sheet1.xml"].decode()
        with_result = re.sub(r"(<f>SUM\([^<]*</f>)(<v>\s*</v>|<v\s*/>)?", rf"\1<v>{saved}</v>", sheet_xml)
        parts["xl/worksheets/sheet1.xml"] = with_result.encode()
        with zipfile.ZipFile(class_dir / "scores.xlsx", "w") as z:
            for name, data in parts.items():
                z.writestr(name, data)


def test_a_formula_without_its_saved_result_is_reported_not_counted_as_zero(
    class_dir: Path, capsys: pytest.CaptureFixture
) -> None:
    _xlsx_with_a_formula(class_dir, saved=None)
    args = grade_args()
    args[args.index("scores.csv")] = "scores.xlsx"
    assert main(args) == 1
    assert "scores.xlsx:2: cell " in capsys.readouterr().err
    assert not (class_dir / "out").exists()


def test_a_formula_with_its_saved_result_grades_by_that_result(class_dir: Path) -> None:
    rows = read_rows(class_dir / "scores.csv")
    _xlsx_with_a_formula(class_dir, saved=rows[1][rows[0].index("情景模拟")])
    args = grade_args()
    args[args.index("scores.csv")] = "scores.xlsx"
    assert main(args) == 0
    got = {r["工号"]: r["总分"] for r in read_csv(class_dir / "out/results.csv")}
    assert got == {pid: v[1] for pid, v in EXPECTED.items()}


def test_without_responses_the_written_column_is_required(class_dir: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(grade_args(responses=False)) == 1
    assert "scores.csv:1: missing column '理论笔试'" in capsys.readouterr().err


def read_rows(path: Path) -> list[list[str]]:
    return [line.split(",") for line in path.read_text(encoding="utf-8").splitlines()]


def test_names_from_the_sheet_are_text_in_the_report(class_dir: Path) -> None:
    scores = (class_dir / "scores.csv").read_text(encoding="utf-8")
    (class_dir / "scores.csv").write_text(scores.replace("张三", "<img src=x onerror=alert(1)>"), encoding="utf-8")
    assert main(grade_args()) == 0
    html = (class_dir / "out/report.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "<img" not in html


def test_a_csv_saved_by_chinese_excel_in_gb18030_is_read(class_dir: Path) -> None:
    scores = class_dir / "scores.csv"
    scores.write_bytes(scores.read_text(encoding="utf-8").encode("gb18030"))
    assert main(grade_args()) == 0
    assert read_csv(class_dir / "out/results.csv")[0]["姓名"] == "张三"


def test_the_example_handbooks_worked_example(tmp_path: Path, monkeypatch) -> None:
    # content/schemes/cs-annual.yml: 笔试 85、情景模拟 78、应急演练 90、满意度 88、出勤 96 → 85.7，良好
    root = Path(__file__).resolve().parents[2]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "s.csv").write_text(
        "工号,姓名,部门,理论笔试,情景模拟,应急演练,业主满意度,培训出勤\nA1,甲,客服部,85,78,90,88,96\n", encoding="utf-8"
    )
    args = ["grade", "cs-annual", "--content", str(root / "content"), "--scores", "s.csv", "--out", "out"]
    assert main(args) == 0
    row = read_csv(tmp_path / "out/results.csv")[0]
    assert (row["总分"], row["等级"], row["是否合格"]) == ("85.7", "良好", "是")


def test_class_averages_and_rates_round_half_up_like_the_totals(class_dir: Path) -> None:
    # Totals 93.5 and 77.0 average exactly 85.25: 四舍五入 gives 85.3 (binary formatting gave 85.2);
    # 1 of 8 passing is 12.5 %, shown 13 %.
    rows = ["工号,姓名,部门,理论笔试,情景模拟,培训出勤", "P1,甲,一部,95,90,95", "P2,乙,一部,70,80,90"]
    rows += [f"Q{i},丙{i},二部,{90 if i == 0 else 10},90,90" for i in range(8)]
    (class_dir / "scores.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert main(grade_args(responses=False)) == 0
    totals = {r["工号"]: r["总分"] for r in read_csv(class_dir / "out" / "results.csv")}
    assert (totals["P1"], totals["P2"]) == ("93.5", "77.0")  # 47.5 + 27 + 19; 35 + 24 + 18
    departments = {r["部门"]: r for r in read_csv(class_dir / "out" / "departments.csv")}
    assert departments["一部"]["平均分"] == "85.3"
    assert departments["二部"]["合格率"] == "13%"
    report = (class_dir / "out" / "report.html").read_text(encoding="utf-8")
    assert '<td class="num">85.3</td><td class="num">100%</td>' in report
    assert '<td class="num">13%</td>' in report


def test_an_english_report_gives_its_notes_in_english_and_results_csv_keeps_chinese(class_dir: Path) -> None:
    assert main(grade_args("en", "--lang", "en")) == 0
    html = (class_dir / "en" / "report.html").read_text(encoding="utf-8")
    assert "no score for 情景模拟: counted as 0" in html  # E10
    assert "情景模拟: 一票否决 (veto) triggered (veto items: 泄露业主个人信息、与业主争吵), so failed" in html  # E03
    assert "按 0 分计" not in html and "判为不合格" not in html
    notes = {r["工号"]: r["备注"] for r in read_csv(class_dir / "en" / "results.csv")}
    assert notes["E10"] == "情景模拟无成绩，按 0 分计"
    assert notes["E03"].startswith("情景模拟触发一票否决（否决项：泄露业主个人信息")


def test_option_shares_round_half_up_like_every_other_figure(class_dir: Path) -> None:
    for name in ("scores.csv", "responses.csv"):  # eight candidates: shares in eighths, 12.5 % and 62.5 %
        lines = (class_dir / name).read_text(encoding="utf-8").splitlines()
        (class_dir / name).write_text("\n".join(lines[:-2]) + "\n", encoding="utf-8")
    assert main(grade_args()) == 0
    items = {r["题目ID"]: r["各选项选择率"] for r in read_csv(class_dir / "out/items.csv")}
    assert items["q1"] == "A* 63%; B 13%; C 13%; D 0%; 未答 13%"


def test_the_marked_papers_win_over_a_written_score_in_the_scores_sheet_and_the_difference_is_noted(
    class_dir: Path,
) -> None:
    lines = (class_dir / "scores.csv").read_text(encoding="utf-8").splitlines()
    lines[0] += ",理论笔试"
    lines = [lines[0]] + [
        line + (",50" if line.startswith("E01,") else ",90" if line.startswith("E02,") else ",") for line in lines[1:]
    ]
    (class_dir / "scores.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(grade_args()) == 0
    rows = {r["工号"]: r for r in read_csv(class_dir / "out/results.csv")}
    assert (rows["E01"]["理论笔试"], rows["E01"]["总分"]) == ("90", "91.4")  # as marked, not the sheet's 50
    assert rows["E01"]["备注"] == "理论笔试按答卷计 90 分，成绩表中的 50 分未采用"
    assert rows["E02"]["理论笔试"] == "75" and "成绩表中的 90 分未采用" in rows["E02"]["备注"]
    assert rows["E04"]["备注"] == ""  # no sheet value: nothing to note


def test_report_links_follow_the_handbooks_use_directory_urls(class_dir: Path) -> None:
    """trainbook's starters build pages as modules/x.html: a link to modules/x/ would not exist."""
    (class_dir / "mkdocs.yml").write_text("site_name: 测试\nuse_directory_urls: false\n", encoding="utf-8")
    assert main(grade_args("out", "--site-url", "https://handbook.example/")) == 0
    html = (class_dir / "out/report.html").read_text(encoding="utf-8")
    assert 'href="https://handbook.example/modules/service.html"' in html
    assert "modules/service/" not in html
