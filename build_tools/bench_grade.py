"""Benchmark of ``trainbook grade``: N people × 100 questions, for N = 1,000 / 2,500 / 5,000.

Run with ``make bench-grade``. Generates a synthetic handbook (one bank of 100 questions of
mixed types, an exam, a scheme), an exam manifest with two variants, a scores sheet and a
responses sheet, then times one full grading run (read, mark, analyse, write the CSVs and the
report) per size. The target: 5,000 people in under 10 s, growing linearly.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from trainbook.grading import GradeRequest, grade

QUESTIONS = 100
LETTERS = "ABCD"


def bank_yaml() -> str:
    lines = ["id: bench", "title: 基准题库", "module: bench", "defaults: {points: 1, pool: exam}", "questions:"]
    for i in range(QUESTIONS):
        qid, obj = f"b{i:03d}", f"obj-{i % 10}"
        kind = ("single", "multiple", "true_false", "fill_blank", "short_answer")[i % 5]
        lines.append(f"  - {{id: {qid}, type: {kind}, objectives: [{obj}], explanation: 略,")
        if kind == "single":
            lines.append(f"     stem: 单选 {i}, options: [甲, 乙, 丙, 丁], answer: A}}")
        elif kind == "multiple":
            lines.append(f"     stem: 多选 {i}, options: [甲, 乙, 丙, 丁], answer: AC, partial: true}}")
        elif kind == "true_false":
            lines.append(f"     stem: 判断 {i}, answer: true}}")
        elif kind == "fill_blank":
            lines.append(f"     stem: 填空 {i} ___, answer: [首问负责制]}}")
        else:
            lines.append(f"     stem: 简答 {i}, reference: 略, points: 4}}")
    return "\n".join(lines) + "\n"


def write_content(root: Path) -> None:
    (root / "handbook").mkdir(parents=True)
    objectives = "".join(f"  - {{id: obj-{i}, text: 目标 {i}}}\n" for i in range(10))
    (root / "handbook/bench.md").write_text(f"---\nid: bench\ntitle: 基准\nobjectives:\n{objectives}---\n\n# 基准\n")
    for sub in ("banks", "exams", "schemes"):
        (root / sub).mkdir()
    (root / "banks/bench.yml").write_text(bank_yaml(), encoding="utf-8")
    ids = ", ".join(f"b{i:03d}" for i in range(QUESTIONS))
    (root / "exams/bench.yml").write_text(
        f"id: bench\ntitle: 基准考试\npass: 60\nseed: 1\nvariants: [A, B]\n"
        f"sections:\n  - title: 全部\n    draw:\n      - {{ids: [{ids}]}}\n",
        encoding="utf-8",
    )
    (root / "schemes/bench.yml").write_text(
        "id: bench\ntitle: 基准方案\ncomponents:\n"
        "  - {id: written, name: 理论笔试, weight: 60, exam: bench}\n"
        "  - {id: practical, name: 情景模拟, weight: 40}\n"
        "grades:\n  - {label: 优秀, min: 90}\n  - {label: 合格, min: 60}\n  - {label: 不合格, min: 0}\n",
        encoding="utf-8",
    )


def manifest(rng: random.Random) -> dict[str, object]:
    variants: dict[str, list[dict[str, object]]] = {}
    for v in ("A", "B"):
        order = list(range(QUESTIONS))
        if v == "B":
            rng.shuffle(order)
        items = []
        for no, i in enumerate(order, 1):
            kind = ("single", "multiple", "true_false", "fill_blank", "short_answer")[i % 5]
            entry: dict[str, object] = {"no": str(no), "id": f"b{i:03d}", "type": kind, "points": 1}
            if kind in ("single", "multiple"):
                perm = list(range(4))
                if v == "B":
                    rng.shuffle(perm)
                entry["order"] = perm
                right = [0] if kind == "single" else [0, 2]
                entry["answer"] = "".join(sorted(LETTERS[perm.index(r)] for r in right))
            elif kind == "true_false":
                entry["answer"] = "对"
            elif kind == "fill_blank":
                entry["answer"] = "首问负责制|首问责任制"
            else:
                entry["points"], entry["answer"] = 4, None
            items.append(entry)
        variants[v] = items
    return {"format": "trainbook-exam-manifest/1", "exam": "bench", "title": "基准考试", "total": 160,
            "variants": variants}  # fmt: skip


def write_people(root: Path, n: int, data: dict[str, object], rng: random.Random) -> None:
    variants = data["variants"]
    assert isinstance(variants, dict)
    with (root / "scores.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["工号", "姓名", "部门", "情景模拟"])
        for p in range(n):
            w.writerow([f"P{p:05d}", f"员工{p}", f"项目{p % 40:02d}", rng.randint(40, 100)])
    with (root / "responses.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["工号", "试卷", *(str(i) for i in range(1, QUESTIONS + 1))])
        for p in range(n):
            v = "AB"[p % 2]
            ability = rng.random()
            row = [f"P{p:05d}", v]
            for entry in variants[v]:
                kind, good = entry["type"], rng.random() < 0.3 + 0.6 * ability
                if rng.random() < 0.03:
                    row.append("")
                elif kind == "single":
                    row.append(entry["answer"] if good else rng.choice(LETTERS))
                elif kind == "multiple":
                    row.append(entry["answer"] if good else rng.choice(["A", "B", "CD", "ABD", entry["answer"][0]]))
                elif kind == "true_false":
                    row.append(rng.choice(["对", "√"]) if good else "错")
                elif kind == "fill_blank":
                    row.append("首问负责制" if good else "不知道")
                else:
                    row.append(str(rng.randint(0, 4)))
            w.writerow(row)


def to_xlsx(path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh):
            sheet.append(row)
    target = path.with_suffix(".xlsx")
    book.save(target)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 2500, 5000])
    parser.add_argument("--xlsx", action="store_true", help="read the responses from an .xlsx workbook instead of csv")
    args = parser.parse_args()
    rng = random.Random(20261201)
    with tempfile.TemporaryDirectory(prefix="bench-grade-") as tmp:
        root = Path(tmp)
        write_content(root / "content")
        data = manifest(rng)
        (root / "manifest.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        print(f"{'people':>8} {'questions':>9} {'seconds':>8} {'ms/person':>10}")
        for n in args.sizes:
            write_people(root, n, data, rng)
            responses = root / "responses.csv"
            if args.xlsx:
                responses = to_xlsx(responses)
            request = GradeRequest(
                scheme="bench",
                scores=root / "scores.csv",
                out=root / f"out-{n}",
                content=root / "content",
                responses=responses,
                manifest=root / "manifest.json",
                site_dir=root / "site",
            )
            start = time.perf_counter()
            outcome = grade(request)
            seconds = time.perf_counter() - start
            assert outcome.people == n and outcome.items == QUESTIONS
            print(f"{n:>8} {QUESTIONS:>9} {seconds:>8.2f} {1000 * seconds / n:>10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
