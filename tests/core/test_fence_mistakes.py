"""A trainer's slips in a page's quiz and case fences: each is one message at the line to fix."""

from __future__ import annotations

from pathlib import Path

from trainbook.validate import validate

PAGE = "content/handbook/slip.md"


def problems(site: Path, text: str, language: str = "en") -> list[str]:
    (site / PAGE).write_text(text, encoding="utf-8")
    _, report = validate("content")
    return [d.text(language) for d in report.sorted() if d.pos.path == PAGE]


def test_a_quiz_fence_never_closed_is_reported_at_its_opening_line(mini_site: Path) -> None:
    text = "# 自测\n\n```quiz\nbank: mini\n\n## 下一节\n\n正文：还有内容。\n"
    assert problems(mini_site, text) == [
        f"{PAGE}:3:1: error: the quiz block opened here is never closed: add a line ``` after its keys"
        " (without it the rest of the page is read as the block)"
    ]
    assert problems(mini_site, text, "zh") == [
        f"{PAGE}:3:1: error: 这里开始的 quiz 块没有结束行：请在它的键后面加一行 ```"
        "（缺了这一行，本页其余内容都会被当作这个块）"
    ]


def test_a_case_fence_never_closed_names_its_own_fence_characters(mini_site: Path) -> None:
    lines = problems(mini_site, "# 案例\n\n~~~~case\nid: leak\n")
    assert len(lines) == 1
    assert lines[0].startswith(f"{PAGE}:3:1: error: the case block opened here is never closed: add a line ~~~~ ")


def test_a_closed_fence_on_the_last_line_is_not_reported(mini_site: Path) -> None:
    assert problems(mini_site, "# 自测\n\n```quiz\nbank: mini\n```") == []


def test_a_yaml_mistake_in_a_case_fence_is_one_message_not_also_empty(mini_site: Path) -> None:
    lines = problems(mini_site, "# 案例\n\n```case\nid: [leak\n```\n")
    assert len(lines) == 1 and "YAML" in lines[0] and "empty" not in lines[0]


def test_a_misspelled_module_key_in_the_front_matter_is_a_warning_naming_the_key(mini_site: Path) -> None:
    # Unnoticed, the page silently stops being a module: no duration, audience or objectives shown.
    assert problems(mini_site, "---\nid: slip\nduraton: 60\naudience: [客服专员]\n---\n# 课程\n", "zh") == [
        f"{PAGE}:3:1: warning: 前置元数据（front matter）中的键 'duraton' 不会被 trainbook 读取；"
        "是不是想写 'duration'？"
    ]


def test_the_themes_and_the_authors_own_front_matter_keys_are_not_flagged(mini_site: Path) -> None:
    text = "---\nid: slip\ntitle: T\nhide: [toc]\ntags: [a]\ntemplate: x.html\nstatus: new\nowner: 张三\n---\n# T\n"
    assert problems(mini_site, text) == []


def test_front_matter_never_closed_is_a_warning_at_its_first_line(mini_site: Path) -> None:
    lines = problems(mini_site, "---\nid: slip\nduration: 60\n\n# 课程\n")
    assert lines == [
        f"{PAGE}:1:1: warning: the front matter opened by '---' on this line is never closed: add a line ---"
        " after its keys (as written, the page has no front matter and shows those lines as text)"
    ]


def test_a_page_opening_with_a_horizontal_rule_is_not_front_matter(mini_site: Path) -> None:
    assert problems(mini_site, "---\n\n# 课程\n\n正文。\n") == []


def test_a_full_width_colon_in_a_one_line_fence_gets_the_keyboard_hint(mini_site: Path) -> None:
    # "bank：mini" is valid YAML for one text, so no syntax error carries the hint a bank file gets.
    assert problems(mini_site, "# 自测\n\n```quiz\nbank：mini\n```\n", "zh") == [
        f"{PAGE}:4:1: error: 测验块（quiz）应为键值映射（key: value），实际是文本 'bank：mini'；"
        "'bank' 后面是全角冒号“：”；YAML 只认半角冒号加一个空格：'bank: …'"
    ]


def test_a_key_without_a_space_after_its_colon_in_a_case_fence_gets_the_hint(mini_site: Path) -> None:
    assert problems(mini_site, "# 案例\n\n```case\nid:leak\n```\n") == [
        f"{PAGE}:4:1: error: a case block must be a mapping of keys, found the text 'id:leak';"
        " 'id:' needs a space after the colon: 'id: …'"
    ]


def test_one_line_front_matter_with_a_full_width_colon_gets_the_hint(mini_site: Path) -> None:
    [line] = problems(mini_site, "---\nid：slip\n---\n# 课程\n", "zh")
    assert line.startswith(f"{PAGE}:2:1: error: 前置元数据（front matter）应为键值映射")
    assert line.endswith("'id' 后面是全角冒号“：”；YAML 只认半角冒号加一个空格：'id: …'")


def test_a_quiz_or_case_fence_in_the_wrong_case_or_misspelled_is_a_warning(mini_site: Path) -> None:
    # Markdown shows such a block as code: the learner would see the raw keys instead of a quiz.
    text = "# T\n\n```Quiz\nbank: mini\n```\n\n!!! note\n\n    ~~~ quizz\n    bank: mini\n    ~~~\n\n```cases\n```\n"
    said = "warning: a code block marked '{}' is shown as code, not run; did you mean ```{} (lowercase)?"
    assert problems(mini_site, text) == [
        f"{PAGE}:3:1: " + said.format("Quiz", "quiz"),
        f"{PAGE}:9:5: " + said.format("quizz", "quiz"),
        f"{PAGE}:13:1: " + said.format("cases", "case"),
    ]


def test_code_blocks_in_other_languages_are_not_flagged(mini_site: Path) -> None:
    text = (
        "# T\n\n```css\na {}\n```\n\n```yaml\nbank: mini\n```\n\n```\nquiz\n```\n\n````markdown\n```Quiz\n```\n````\n"
    )
    assert problems(mini_site, text) == []


def test_a_fence_in_an_admonition_whose_closing_line_is_missing_or_outdented_is_an_error(mini_site: Path) -> None:
    said = (
        "error: the quiz block opened here is never closed: add a line ``` after its keys, indented as the"
        " opening line (without it Markdown shows the keys as text)"
    )
    outdented = '# T\n\n!!! tip "自测"\n\n    ```quiz\n    bank: mini\n```\n\n正文。\n'
    missing = '# T\n\n!!! tip "自测"\n\n    ```quiz\n    bank: mini\n\n正文。\n'
    assert problems(mini_site, outdented) == [f"{PAGE}:5:5: {said}"]
    assert problems(mini_site, missing) == [f"{PAGE}:5:5: {said}"]
    assert problems(mini_site, missing.replace("bank: mini\n", "bank: mini\n    ```\n")) == []
