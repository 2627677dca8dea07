"""What handbook pages get for readers: learning paths (front matter ``paths``), a module page's
header and footer — read, checked and written without MkDocs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from trainbook.handbook_pages import PageAdditions, duration_text
from trainbook.markup import MarkdownRenderer
from trainbook.model import Project
from trainbook.render import Renderer
from trainbook.strings import Strings
from trainbook.validate import validate

HOME = """---
title: 手册
paths:
  - id: new-hire
    title: 新入职客服专员
    intro: 先学**流程**。
    modules: [process, laws]
    exam: mock
    next: 做一次模拟考试。
  - id: supervisor
    title: 客服主管
    modules: [laws]
---

# 手册

欢迎。
"""

PROCESS = """---
id: process
title: 服务流程
duration: 360
audience: [客服专员, 客服主管]
objectives:
  - id: pro-1
    text: 能闭环处理报修
---

```text
# not the title: inside a code block
```

# 服务流程

正文第一段。
"""

LAWS = """---
id: laws
title: 法律法规
duration: 45
---

# 法律法规

正文。
"""

BANK = """id: process-bank
title: 流程题库
module: process
questions:
  - {id: p-1, type: true_false, stem: 报修要回访。, answer: true, explanation: 是。}
  - {id: p-2, type: true_false, stem: 考试题。, answer: true, explanation: 是。, pool: exam}
"""

EXAM = """id: mock
title: 流程考试
online: true
sections:
  - title: 一、判断题
    draw: [{bank: process-bank, count: 1}]
"""

CASE = """id: leak
title: 楼上漏水
module: process
summary: 楼上漏水，业主来电。
scenario: 业主来电说楼上漏水。
"""


def _content(tmp_path: Path, home: str = HOME) -> Path:
    content = tmp_path / "content"
    for rel, text in {
        "handbook/index.md": home,
        "handbook/modules/process.md": PROCESS,
        "handbook/modules/laws.md": LAWS,
        "banks/process.yml": BANK,
        "cases/leak.yml": CASE,
        "exams/mock.yml": EXAM,
    }.items():
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return content


@pytest.fixture
def project(tmp_path: Path) -> Project:
    project, report = validate(_content(tmp_path))
    assert report.errors == [], [str(d) for d in report.errors]
    return project


def _additions(project: Project, generated: set[str] | None = None) -> PageAdditions:
    generated = (
        generated
        if generated is not None
        else {
            "trainbook/cases/leak.md",
            "trainbook/banks/process-bank.md",
            "trainbook/exams/mock.md",
        }
    )
    return PageAdditions(project, Renderer(MarkdownRenderer()), generated)


def test_learning_paths_are_read_from_front_matter_in_order(project: Project) -> None:
    home = next(p for p in project.pages if p.src_path == "index.md")
    assert [(p.id, p.title, p.modules) for p in home.paths] == [
        ("new-hire", "新入职客服专员", ("process", "laws")),
        ("supervisor", "客服主管", ("laws",)),
    ]
    assert not home.is_module


def test_a_path_naming_a_missing_module_is_an_error_at_that_entry(tmp_path: Path) -> None:
    home = HOME.replace("modules: [laws]", "modules:\n      - laws\n      - lawz")
    _, report = validate(_content(tmp_path, home))
    [error] = report.errors
    assert (error.pos.line, error.pos.col) == (14, 9) and error.pos.path.endswith("index.md")
    assert "learning path 'supervisor'" in error.message and "'lawz'" in error.message


def test_a_path_without_modules_is_an_error_naming_the_key(tmp_path: Path) -> None:
    home = HOME.replace("    title: 客服主管\n    modules: [laws]\n", "    title: 客服主管\n")
    _, report = validate(_content(tmp_path, home))
    assert any("'modules'" in d.message and "learning path 2" in d.message for d in report.errors)


def test_a_path_ending_in_an_exam_without_a_mock_exam_is_an_error(tmp_path: Path) -> None:
    content = _content(tmp_path)
    (content / "exams/mock.yml").write_text(EXAM.replace("online: true", "online: false"), encoding="utf-8")
    _, report = validate(content)
    [error] = report.errors
    assert error.pos.line == 8 and "key 'exam' of learning path 'new-hire'" in error.message


def test_a_path_ending_in_an_unknown_exam_is_an_error(tmp_path: Path) -> None:
    _, report = validate(_content(tmp_path, HOME.replace("exam: mock", "exam: mok")))
    assert [(d.pos.line, d.message) for d in report.errors] == [
        (8, "key 'exam' of learning path 'new-hire': exam 'mok' does not exist")
    ]


def test_module_header_goes_under_the_title_not_into_a_code_block(project: Project) -> None:
    body = PROCESS.split("---\n", 2)[2]
    out = _additions(project).add("modules/process.md", body)
    head = out.index("tb-module-head")
    assert out.index("# 服务流程") < head < out.index("正文第一段")
    assert out.index("# not the title") < out.index("# 服务流程")
    assert "6 学时" in out and "客服专员、客服主管" in out and "能闭环处理报修" in out


def test_module_progress_data_lists_only_practice_questions_of_the_module(project: Project) -> None:
    out = _additions(project).add("modules/process.md", "# 服务流程\n")
    data = json.loads(re.search(r'class="tb-progress__data" data-tb-progress>(.*?)</script>', out).group(1))
    assert data["modules"] == {"process": {"ids": ["p-1"], "title": "服务流程", "href": "tb-doc:modules/process.md"}}
    assert set(data["words"]) == {"todo", "doing", "done", "next", "cont", "all"}


def test_module_footer_links_its_cases_and_bank_page(project: Project) -> None:
    out = _additions(project).add("modules/process.md", "# 服务流程\n\n正文。\n")
    footer = out[out.index("正文。") :]
    assert "[楼上漏水](../trainbook/cases/leak.md)" in footer and "楼上漏水，业主来电。" in footer
    assert "(../trainbook/banks/process-bank.md)" in footer


def test_a_module_without_cases_or_questions_gets_no_footer(project: Project) -> None:
    out = _additions(project).add("modules/laws.md", "# 法律法规\n\n正文。\n")
    assert out.rstrip().endswith("正文。")
    assert "tb-progress__data" not in out  # nothing to track: no practice questions


def test_paths_list_modules_in_order_with_durations_and_where_to_start(project: Project) -> None:
    out = _additions(project).add("index.md", "# 手册\n\n欢迎。\n")
    assert out.index("# 手册") < out.index("tb-paths") < out.index("欢迎。")
    new_hire = out[out.index('id="path-new-hire"') : out.index('id="path-supervisor"')]
    assert new_hire.index("tb-doc:modules/process.md") < new_hire.index("tb-doc:modules/laws.md")
    assert "6 学时" in new_hire and "45 分钟" in new_hire and "<strong>流程</strong>" in new_hire
    assert 'data-tb-next="process"' in new_hire  # laws has no practice questions to track
    assert "做一次模拟考试。" in new_hire
    assert '<a href="tb-doc:trainbook/exams/mock.md">流程考试（模拟考试）</a>' in new_hire
    assert 'data-tb-final="tb-doc:trainbook/exams/mock.md"' in new_hire


def test_pages_without_reader_data_are_left_alone(project: Project) -> None:
    text = "# 其他\n\n正文。\n"
    assert _additions(project).add("other.md", text) == text


@pytest.mark.parametrize(
    ("minutes", "text"), [(480, "8 学时"), (90, "1.5 学时"), (45, "45 分钟"), (100, "100 分钟"), (None, None)]
)
def test_duration_counts_study_hours_of_sixty_minutes(minutes: int | None, text: str | None) -> None:
    assert duration_text(Strings("zh"), minutes) == text
