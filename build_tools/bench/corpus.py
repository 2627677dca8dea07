"""Generate the benchmark corpus: N pages of Chinese prose with tables, each ending with a
quiz over its own bank of Q single-choice questions with explanations, written three ways:

- ``plain``: the same pages without quizzes (the floor: mkdocs-material + search);
- ``quiz``: the same questions inline, in mkdocs-quiz's ``<quiz>`` syntax (the peer);
- ``trainbook``: a YAML bank per page and a ```quiz fence (us).

Deterministic: the same (pages, questions, seed) gives the same files.
"""

from __future__ import annotations

import random
from pathlib import Path

WORDS = (
    "物业服务",
    "业主",
    "客服",
    "首问负责制",
    "投诉",
    "报修",
    "工单",
    "回访",
    "电梯困人",
    "业委会",
    "公共维修资金",
    "满意度",
    "巡查",
    "应急预案",
    "消防通道",
    "停车管理",
    "装修管理",
    "门禁",
    "快递",
    "噪音",
    "漏水",
    "绿化",
    "保洁",
    "秩序维护",
    "交接班",
    "台账",
    "服务标准",
    "沟通",
    "倾听",
    "复述",
    "安抚",
    "致歉",
    "跟进",
    "闭环",
    "记录",
    "核实",
    "时限",
    "承诺",
    "个人信息",
    "授权",
    "告知",
)
PUNCT = "，，，、。；"

SEARCH = """  - search:
      lang: zh
      separator: '[\\s\\u200b\\-、，。；：？！（）《》“”]+'
"""


def sentence(rng: random.Random, n: int) -> str:
    """n words, two to four between punctuation marks, as in written Chinese.

    Search segments each run of Han characters with jieba, and trainbook memoises the runs it has
    segmented. Runs of one word each (this corpus until session 19) came from about 250 distinct
    runs repeated over every page, so the memo skipped nearly all of jieba's work on the prose
    and the questions, which no real handbook allows; runs of several words are mostly unique.
    """
    parts = []
    left = n
    while left > 0:
        k = min(left, rng.choice((2, 3, 3, 4)))
        left -= k
        for _ in range(k):
            parts.append(rng.choice(WORDS) + rng.choice(("的", "和", "在", "应当", "及时", "按规定")))
        parts.append(rng.choice(PUNCT))
    return "".join(parts).rstrip("，、；") + "。"


def prose(rng: random.Random, page: int) -> str:
    out = [f"# 第 {page} 章 {rng.choice(WORDS)}与{rng.choice(WORDS)}\n"]
    for s in range(3):
        out.append(f"\n## {page}.{s + 1} {rng.choice(WORDS)}要点\n")
        for _ in range(3):
            out.append("\n" + "".join(sentence(rng, 8) for _ in range(4)) + "\n")
        out.append("\n| 事项 | 时限 | 责任人 |\n|---|---|---|\n")
        for _ in range(5):
            out.append(f"| {rng.choice(WORDS)} | {rng.randint(1, 48)} 小时 | {rng.choice(WORDS)}岗 |\n")
    return "".join(out)


def questions(rng: random.Random, page: int, count: int) -> list[dict[str, object]]:
    qs = []
    for i in range(count):
        options = _distinct([sentence(rng, 2).rstrip("。") for _ in range(4)])
        qs.append(
            {
                "id": f"p{page:03d}-q{i + 1:03d}",
                "stem": f"关于{rng.choice(WORDS)}，下列说法正确的是（　）。" + sentence(rng, 3),
                "options": options,
                "answer": rng.randrange(4),
                "explanation": sentence(rng, 6),
            }
        )
    return qs


def _distinct(options: list[str]) -> list[str]:
    """*options* with a repeat marked apart: validation refuses the same option twice. Marked,
    not drawn again, so the random stream (and every other question of the corpus) stays as it was."""
    out: list[str] = []
    for option in options:
        while option in out:
            option += "（另）"
        out.append(option)
    return out


def _yaml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_bank(path: Path, page: int, qs: list[dict[str, object]]) -> None:
    lines = [f"id: bank-{page:03d}", f"title: 第 {page} 章题库", "questions:"]
    for q in qs:
        lines += [
            f"  - id: {q['id']}",
            "    type: single",
            f"    stem: {_yaml_str(str(q['stem']))}",
            "    options:",
            *(f"      - {_yaml_str(o)}" for o in q["options"]),  # type: ignore[attr-defined]
            f"    answer: {'ABCD'[int(q['answer'])]}",  # type: ignore[call-overload]
            f"    explanation: {_yaml_str(str(q['explanation']))}",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def quiz_markup(qs: list[dict[str, object]]) -> str:
    out = []
    for q in qs:
        options: list[str] = q["options"]  # type: ignore[assignment]
        opts = "\n".join(f"- [{'x' if k == q['answer'] else ' '}] {o}" for k, o in enumerate(options))
        out.append(f"<quiz>\n{q['stem']}\n{opts}\n\n{q['explanation']}\n</quiz>\n")
    return "\n".join(out)


def generate(root: Path, kind: str, pages: int, per_page: int, seed: int = 1) -> Path:
    """Write one corpus variant under *root*; returns its mkdocs.yml."""
    docs = root / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    plugins = SEARCH
    if kind == "quiz":
        plugins += "  - mkdocs_quiz\n"
    if kind == "trainbook":
        plugins += "  - trainbook:\n      content: content\n"
        (root / "content" / "banks").mkdir(parents=True, exist_ok=True)
    nav = []
    for p in range(1, pages + 1):
        rng = random.Random(f"{seed}-{p}")
        body = prose(rng, p)
        qs = questions(rng, p, per_page)
        if kind == "quiz":
            body += "\n## 本章自测\n\n" + quiz_markup(qs)
        elif kind == "trainbook":
            write_bank(root / "content" / "banks" / f"bank-{p:03d}.yml", p, qs)
            body += f"\n## 本章自测\n\n```quiz\nbank: bank-{p:03d}\n```\n"
        (docs / f"page-{p:03d}.md").write_text(body, encoding="utf-8")
        nav.append(f"page-{p:03d}.md")
    (docs / "index.md").write_text("# 基准手册\n\n" + sentence(random.Random(seed), 10) + "\n", encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(
        "site_name: 基准手册\n"
        "docs_dir: docs\n"
        "use_directory_urls: false\n"
        "theme:\n  name: material\n  language: zh\n  font: false\n"
        f"plugins:\n{plugins}"
        "markdown_extensions:\n  - tables\n  - admonition\n  - pymdownx.superfences\n",
        encoding="utf-8",
    )
    return config
