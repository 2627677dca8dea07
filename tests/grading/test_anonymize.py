"""--anonymize: names and 工号 replaced by stable pseudonyms everywhere in the outputs."""

from __future__ import annotations

from pathlib import Path

from trainbook_cli.main import main

from .conftest import grade_args, read_csv

NAMES = ["张三", "李四", "王五", "赵六", "钱七", "孙八", "周九", "吴十", "郑十一", "冯十二"]
IDS = [f"E{i:02d}" for i in range(1, 11)]


def outputs(out: Path) -> str:
    return "".join(p.read_text(encoding="utf-8-sig") for p in sorted(out.iterdir()))


def test_anonymized_outputs_hold_no_name_and_no_staff_number(class_dir: Path) -> None:
    assert main(grade_args("anon", "--anonymize")) == 0
    text = outputs(class_dir / "anon")
    assert not [n for n in NAMES if n in text]
    assert not [i for i in IDS if i in text]
    rows = read_csv(class_dir / "anon/results.csv")
    assert sorted(r["工号"] for r in rows) == [f"学员{i:03d}" for i in range(1, 11)]
    assert all(r["姓名"] == r["工号"] for r in rows)
    assert "姓名和工号已替换为化名" in (class_dir / "anon/report.html").read_text(encoding="utf-8")


def test_the_same_salt_gives_the_same_pseudonyms(class_dir: Path) -> None:
    assert main(grade_args("one", "--anonymize", "--salt", "2026年度")) == 0
    assert main(grade_args("two", "--anonymize", "--salt", "2026年度")) == 0
    assert (class_dir / "one/results.csv").read_bytes() == (class_dir / "two/results.csv").read_bytes()
    assert (class_dir / "one/report.html").read_bytes() == (class_dir / "two/report.html").read_bytes()


def test_pseudonyms_keep_each_persons_results_together(class_dir: Path) -> None:
    assert main(grade_args("plain")) == 0
    assert main(grade_args("anon", "--anonymize", "--salt", "s")) == 0
    plain = sorted((r["总分"], r["部门"], r["备注"]) for r in read_csv(class_dir / "plain/results.csv"))
    anon = sorted((r["总分"], r["部门"], r["备注"]) for r in read_csv(class_dir / "anon/results.csv"))
    assert plain == anon


def test_another_salt_gives_other_pseudonyms(class_dir: Path) -> None:
    assert main(grade_args("one", "--anonymize", "--salt", "a")) == 0
    assert main(grade_args("two", "--anonymize", "--salt", "b")) == 0
    one = {r["总分"]: r["工号"] for r in read_csv(class_dir / "one/results.csv")}
    two = {r["总分"]: r["工号"] for r in read_csv(class_dir / "two/results.csv")}
    assert one != two
