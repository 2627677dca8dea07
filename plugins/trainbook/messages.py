"""The one table of trainer-facing messages (validation and loading), in English and Chinese.

A message is made once, from a key of :data:`MESSAGES` and its values, as a :class:`Text`:
a ``str`` holding the English — so logs, sorting and every caller that treats messages as
text see exactly what they always saw — that also carries the Chinese. A value that is a
``Text`` itself ("question 'q1'", "the bank") goes into the Chinese in Chinese, so messages
compose. Front ends pick the language when they print (:func:`localize`).
"""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any

#: Languages messages exist in; the first is the default when a handbook names no language.
MESSAGE_LANGUAGES = ("en", "zh")


class Text(str):
    """English text that knows its Chinese."""

    zh: str

    def __new__(cls, en: str, zh: str | None = None) -> Text:
        self = super().__new__(cls, en)
        self.zh = en if zh is None else zh
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Text, (str(self), self.zh))


def localize(message: str, language: str) -> str:
    """*message* in *language* (``zh`` or ``en``); text that is not a :class:`Text` stays as it is."""
    if language == "zh" and isinstance(message, Text):
        return message.zh
    return str(message)


def _zh(value: Any) -> Any:
    if isinstance(value, Text):
        return value.zh
    if isinstance(value, bool):
        return str(value).lower()
    return value


def _en(value: Any) -> Any:
    if isinstance(value, Text):
        return str(value)
    if isinstance(value, bool):
        return str(value).lower()
    return value


def msg(name: str, /, **values: Any) -> Text:
    """The message *name* of the table, filled in both languages."""
    # Labels such as "the bank" and "question 3" are made for every object loaded (a message
    # needs them only when there is something to report): those without values or with whole
    # numbers only are few, and made once.
    memo = None
    if all(type(v) is int for v in values.values()):
        memo = (name, *values.items())
        hit = _MEMO.get(memo)
        if hit is not None:
            return hit
    try:
        en, zh = MESSAGES[name]
    except KeyError:
        raise KeyError(f"no message {name!r} in trainbook's message table") from None
    text = Text(en.format(**{k: _en(v) for k, v in values.items()}), _fill_zh(zh, values))
    if memo is not None and len(_MEMO) < _MEMO_SIZE:
        _MEMO[memo] = text
    return text


_MEMO: dict[tuple[Any, ...], Text] = {}
_MEMO_SIZE = 4096


_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z0-9'\]})]")
_FORMATTER = string.Formatter()


def _spaced(left: str, right: str) -> bool:
    """Chinese text meets Latin text: a space between them, as Chinese typesetting does."""
    if not left or not right:
        return False
    a, b = left[-1], right[0]
    return bool((_CJK.match(a) and _LATIN.match(b)) or (_LATIN.match(a) and _CJK.match(b)))


def _fill_zh(template: str, values: dict[str, Any]) -> str:
    # Spaces go only where a composed phrase (a Text: "题目 'q1'") meets the template's own
    # words, never inside a value an author wrote.
    out = ""
    phrase_end = False
    for literal, field, spec, conversion in _FORMATTER.parse(template):
        if literal:
            out += (" " if phrase_end and _spaced(out, literal) else "") + literal
            phrase_end = False
        if field is None:
            continue
        value = values[field]
        text = _FORMATTER.convert_field(_zh(value), conversion) if conversion else _zh(value)
        text = format(text, spec or "")
        if isinstance(value, Text):
            out += (" " if _spaced(out, text) else "") + text
            phrase_end = True
        else:
            out += text
            phrase_end = False
    return out


def join(parts: list[Text] | tuple[Text, ...], en: str = "; ", zh: str = "；") -> Text:
    return Text(en.join(str(p) for p in parts), zh.join(p.zh for p in parts))


EMPTY = Text("")

# --------------------------------------------------------------------------- the table
# key: (English, Chinese). The English of every message that existed before the table is
# kept word for word (tests/core/test_bad_inputs.py holds authors to it).
MESSAGES: dict[str, tuple[str, str]] = {
    # -- what a message is about ------------------------------------------------------
    "what.the_bank": ("the bank", "题库"),
    "what.none": ("none", "无"),  # an empty list of known ids
    "what.a_bank": ("a question bank", "题库文件"),
    "what.bank_defaults": ("bank defaults", "题库的 defaults"),
    "what.key_defaults": ("key 'defaults'", "键 'defaults'"),
    "what.question_n": ("question {n}", "第 {n} 题"),
    "what.question": ("question '{id}'", "题目 '{id}'"),
    "what.the_case": ("the case study", "案例"),
    "what.a_case": ("a case study", "案例文件"),
    "what.the_exam": ("the exam blueprint", "试卷蓝图"),
    "what.an_exam": ("an exam blueprint", "试卷蓝图文件"),
    "what.key_shuffle": ("key 'shuffle'", "键 'shuffle'"),
    "what.section_n": ("section {n}", "第 {n} 部分"),
    "what.rule_of": ("draw rule {n} of {section}", "{section}的第 {n} 条抽题规则"),
    "what.exam_rule": (
        "draw rule {rule} of section {section} ('{title}') of exam '{exam}'",
        "试卷 '{exam}' 第 {section} 部分（'{title}'）的第 {rule} 条抽题规则",
    ),
    "what.the_rubric": ("the rubric", "评分表"),
    "what.a_rubric": ("a rubric", "评分表文件"),
    "what.criterion_n": ("criterion {n}", "第 {n} 个评分项"),
    "what.criterion": ("criterion '{name}'", "评分项 '{name}'"),
    "what.level_of": ("level {n} of {criterion}", "{criterion}的第 {n} 个等级"),
    "what.the_scheme": ("the assessment scheme", "考核方案"),
    "what.a_scheme": ("an assessment scheme", "考核方案文件"),
    "what.component_n": ("component {n}", "第 {n} 个考核项目"),
    "what.grade_n": ("grade {n}", "第 {n} 个等级"),
    "what.the_form": ("the form", "表单"),
    "what.a_form": ("a form", "表单文件"),
    "what.form_section_n": ("form section {n}", "表单第 {n} 部分"),
    "what.item_of": ("item {n} of {section}", "{section}的第 {n} 项"),
    "what.form_table": ("key 'table' of the form", "表单的键 'table'"),
    "what.front_matter": ("the page front matter", "页面的前置元数据（front matter）"),
    "what.objective_n": ("objective {n}", "第 {n} 个学习目标"),
    "what.path_n": ("learning path {n}", "第 {n} 条学习路径"),
    "what.the_quiz_block": ("the quiz block", "测验块（quiz）"),
    "what.a_quiz_block": ("a quiz block", "测验块（quiz）"),
    "what.the_case_block": ("the case block", "案例块（case）"),
    "what.a_case_block": ("a case block", "案例块（case）"),
    "what.sub_question_of": ("sub-question {n} of {what}", "{what}的第 {n} 个子题"),
    "what.rubric_point_of": ("rubric point {n} of {what}", "{what}的第 {n} 个评分要点"),
    "what.case_id": ("case '{id}'", "案例 '{id}'"),
    "what.bank_id": ("bank '{id}'", "题库 '{id}'"),
    "what.rubric_id": ("rubric '{id}'", "评分表 '{id}'"),
    "what.scheme_id": ("scheme '{id}'", "考核方案 '{id}'"),
    "what.module_id": ("module '{id}'", "模块 '{id}'"),
    "what.any_page": ("any handbook page", "任何手册页面"),
    "what.variant": ("variant {variant}", "{variant} 卷"),
    "what.practice_pool": ("the practice pool (online mock exam)", "练习题池（在线模拟考试）"),
    # kinds of things with ids
    "kind.bank": ("bank", "题库"),
    "kind.question": ("question", "题目"),
    "kind.case": ("case", "案例"),
    "kind.exam": ("exam", "试卷"),
    "kind.rubric": ("rubric", "评分表"),
    "kind.scheme": ("scheme", "考核方案"),
    "kind.form": ("form", "表单"),
    "kind.page": ("page", "页面"),
    "kind.objective": ("objective", "学习目标"),
    "kind.path": ("learning path", "学习路径"),
    "kind.component_in": ("component (in {what})", "{what}中考核项目的"),
    # -- describing a value ------------------------------------------------------------
    "value.nothing": ("nothing", "空值"),
    "value.boolean": ("the boolean {value}", "布尔值 {value}"),
    "value.number": ("the number {value}", "数字 {value}"),
    "value.text": ("the text '{value}'", "文本 '{value}'"),
    "value.list": ("a list", "一个列表"),
    "value.mapping": ("a mapping", "一个映射（键值对）"),
    "value.other": ("{value}", "{value}"),
    # -- files and YAML ----------------------------------------------------------------
    "file.unreadable": ("cannot read file: {reason}", "无法读取文件：{reason}"),
    "file.not_utf8": (
        "file is not UTF-8 text (byte 0x{byte:02x}); save it as UTF-8 (it may be GBK or another encoding)",
        "文件不是 UTF-8 编码（字节 0x{byte:02x}）；请另存为 UTF-8（它可能是 GBK 或其他编码）",
    ),
    "file.empty": ("file is empty", "文件是空的"),
    "file.no_content_folder": ("content folder does not exist", "内容文件夹不存在"),
    "file.no_pages_folder": ("pages folder does not exist", "页面文件夹不存在"),
    "file.content_among_pages": (
        "this looks like a bank, case study or exam blueprint (key '{key}') in the pages folder, which the "
        "site publishes as it is, answers and exam-only questions included: move it to content/banks, "
        "content/cases or content/exams",
        "这个文件像题库、案例或试卷蓝图（有键 '{key}'），却放在页面文件夹里："
        "网站会把它原样发布，答案和考试专用题都在里面。请移到 content/banks、content/cases 或 content/exams",
    ),
    "yaml.too_big": ("file is larger than {mib} MiB; split it", "文件超过 {mib} MiB，请拆分成几个文件"),
    "yaml.too_deep": (
        "nesting deeper than {n} levels; content files never need this",
        "嵌套超过 {n} 层；内容文件不需要这么深",
    ),
    "yaml.too_deep_short": ("nesting deeper than {n} levels", "嵌套超过 {n} 层"),
    "yaml.alias_bomb": (
        "document expands to more than {n} values (alias bomb?); refusing to load it",
        "文档展开后超过 {n} 个值（别名炸弹？），拒绝读取",
    ),
    "yaml.tag": ("the YAML tag '{tag}' is not allowed in content files", "内容文件中不允许使用 YAML 标签 '{tag}'"),
    "yaml.bad_value": ("cannot read value: {problem}", "无法读取这个值：{problem}"),
    "yaml.loose_bool": (
        "{where}'{value}' is read as the boolean {b}; write {b}, or put it in quotes if you mean the text",
        "{where}'{value}' 会被读成布尔值 {b}；请写 {b}，如果想表示文字请加英文引号",
    ),
    "yaml.loose_bool_key": ("key '{key}': ", "键 '{key}'："),
    "yaml.control_char": (
        "{where}the text holds the control character {char} (in YAML, an escape such as \\a or \\x01 in double "
        "quotes); remove it: pages, exports and spreadsheets cannot carry it",
        "{where}文本中有控制字符 {char}（在 YAML 里是双引号中的 \\a、\\x01 这类转义）；"
        "请删掉它：页面、导出文件和表格都无法容纳它",
    ),
    "yaml.key_not_plain": (
        "a key must be a plain value, not a list or mapping",
        "键必须是普通的值，不能是列表或映射",
    ),
    "yaml.duplicate_key": (
        "duplicate key '{key}' (first at line {line}); YAML would silently keep only the last one",
        "重复的键 '{key}'（第一次出现在第 {line} 行）；YAML 会悄悄只保留最后一个",
    ),
    "yaml.syntax": ("YAML syntax error: {detail}", "YAML 语法错误：{detail}"),
    "yaml.error": ("YAML error: {detail}", "YAML 错误：{detail}"),
    "yaml.quote_never_closed": (" (a quote opened here is never closed)", "这里开始的引号一直没有闭合"),
    "yaml.tab": (" (YAML does not allow tabs for indentation)", "YAML 不允许用 Tab（制表符）缩进，请改用空格"),
    "yaml.flow_never_closed": (
        " (a '{open}' opened here is never closed with '{close}')",
        "这里开始的 '{open}' 一直没有用 '{close}' 闭合",
    ),
    # specific hints for what Chinese keyboards type
    "hint.fullwidth_colon": (
        "the colon after '{key}' is a full-width '：'; YAML needs an ASCII colon and a space: '{key}: …'",
        "'{key}' 后面是全角冒号“：”；YAML 只认半角冒号加一个空格：'{key}: …'",
    ),
    "hint.no_space": (
        "'{key}:' needs a space after the colon: '{key}: …'",
        "'{key}:' 的冒号后面要有一个空格：'{key}: …'",
    ),
    "hint.fullwidth_space": (
        "this line is indented with full-width spaces '　'; YAML counts only ASCII spaces: "
        "switch the input method to half-width and indent with the space bar",
        "这一行用全角空格“　”缩进；YAML 只认半角空格：请把输入法切到半角，再用空格键缩进",
    ),
    "hint.deeper_indent": (
        "'{key}:' is indented more than the line above, so YAML reads it as part of that line's value; "
        "line it up with the keys above it",
        "'{key}:' 比上一行缩进得多，YAML 会把它当作上一行值的延续：请与上面的键对齐",
    ),
    "hint.chinese_quotes": (
        "Chinese quotes “…” are ordinary characters to YAML; a value that holds ': ' needs ASCII quotes \"…\" "
        "around the whole value",
        "中文引号“…”在 YAML 里只是普通字符；值里有 ': ' 时，要用英文引号 \"…\" 把整个值括起来",
    ),
    "hint.value_chinese_quotes": (
        '; “…” are Chinese quotes, which YAML keeps as part of the value: remove them or use ASCII quotes "…"',
        '；“…”是中文引号，YAML 会把它们当作值的一部分：请删掉，或改用英文引号 "…"',
    ),
    "hint.list_separator": (
        "; '、' and '，' do not separate list items: write [a, b] with ASCII commas, or one '- ' item per line",
        "；'、' 和 '，' 不能分隔列表项：请写成 [a, b]（英文逗号），或每行一项，以 '- ' 开头",
    ),
    "hint.key_fullwidth_space": (
        "; the key is indented with full-width spaces '　': indent with ASCII spaces only",
        "；这个键前面是全角空格“　”：缩进只能用半角空格",
    ),
    "hint.key_fullwidth_colon": (
        "; '：' is a full-width colon: write '{key}: …' with an ASCII colon and a space",
        "；“：”是全角冒号：请写成 '{key}: …'（半角冒号加一个空格）",
    ),
    "hint.fullwidth_chars": (
        "; '{chars}' is typed in full-width; switch the input method to half-width",
        "；'{chars}' 是全角字符：请把输入法切到半角再输入",
    ),
    "hint.swallowed_key": (
        "; the text of '{into}' holds '{key}{colon}': a full-width colon or a deeper indentation made that line "
        "part of the text",
        "；'{into}' 的文本里有 '{key}{colon}'：全角冒号或多余的缩进让那一行成了这段文本的一部分",
    ),
    "hint.exponent_text": (
        "; YAML reads '{value}' as text: write the number out in full, or with a decimal point and a signed "
        "exponent such as 1.5e+3",
        "；YAML 会把 '{value}' 读成文本：请把数字完整写出，或写成带小数点和正负号指数的形式，如 1.5e+3",
    ),
    "hint.truth_words": (
        "; write true for 对/是/正确 and false for 错/否/错误",
        "；“对/是/正确”写 true，“错/否/错误”写 false",
    ),
    # -- reading keys (reader.py) --------------------------------------------------------
    "read.not_mapping": (
        "{what} must be a mapping of keys, found {found}",
        "{what}应为键值映射（key: value），实际是{found}",
    ),
    "read.unknown_key": ("unknown key '{key}' in {what} (ignored){did}", "{what}中有未知的键 '{key}'（已忽略）{did}"),
    "read.did_you_mean": ("; did you mean '{hint}'?", "；是不是想写 '{hint}'？"),
    "read.known_keys": ("; known keys: {keys}", "；可用的键：{keys}"),
    "read.missing_key": ("{what} is missing required key '{key}'", "{what}缺少必填的键 '{key}'"),
    "read.not_text": (
        "key '{key}' of {what} must be text, found {found}",
        "{what}的键 '{key}' 应为文本，实际是{found}",
    ),
    "read.not_id": (
        "key '{key}' of {what} must be an id (lowercase letters, digits and '-', starting with a letter, "
        "at most 64 characters), found {found}",
        "{what}的键 '{key}' 应为 id（小写字母、数字和 '-'，以字母开头，最多 64 个字符），实际是{found}",
    ),
    "read.not_whole": (
        "key '{key}' of {what} must be a whole number, found {found}",
        "{what}的键 '{key}' 应为整数，实际是{found}",
    ),
    "read.not_number": (
        "key '{key}' of {what} must be a number, found {found}",
        "{what}的键 '{key}' 应为数字，实际是{found}",
    ),
    "read.not_finite": (
        "key '{key}' of {what} must be a finite number, found {written}",
        "{what}的键 '{key}' 应为有限的数字，实际是 {written}",
    ),
    "read.out_of_range": (
        "key '{key}' of {what} must be {range}, found {value}",
        "{what}的键 '{key}' 应{range}，实际是 {value}",
    ),
    "read.range_between": ("from {lo} to {hi}", "在 {lo} 到 {hi} 之间"),
    "read.range_at_least": ("at least {lo}", "至少为 {lo}"),
    "read.range_at_most": ("at most {hi}", "至多为 {hi}"),
    "read.not_bool": (
        "key '{key}' of {what} must be true or false, found {found}",
        "{what}的键 '{key}' 应为 true 或 false，实际是{found}",
    ),
    "read.not_choice": (
        "key '{key}' of {what} must be one of {choices}, found {found}",
        "{what}的键 '{key}' 应为以下之一：{choices}，实际是{found}",
    ),
    "read.not_list": (
        "key '{key}' of {what} must be a list, found {found}",
        "{what}的键 '{key}' 应为列表，实际是{found}",
    ),
    "read.item_not_text": (
        "item {n} of '{key}' in {what} must be text, found {found}",
        "{what}的 '{key}' 中第 {n} 项应为文本，实际是{found}",
    ),
    "read.not_ints": (
        "key '{key}' of {what} must hold whole numbers from {lo} to {hi}, found {found}",
        "{what}的键 '{key}' 应为 {lo} 到 {hi} 之间的整数，实际是{found}",
    ),
    "read.bad_id_in": (
        "'{item}' in '{key}' of {what} is not a valid id",
        "{what}的 '{key}' 中的 '{item}' 不是有效的 id",
    ),
    "read.empty": ("key '{key}' of {what} is empty", "{what}的键 '{key}' 是空的"),
    # -- loading documents (load.py) -------------------------------------------------------
    "load.bad_type": (
        "key 'type' of {what} must be one of {allowed}, found {found}{extra}",
        "{what}的键 'type' 应为以下之一：{allowed}，实际是{found}{extra}",
    ),
    "load.group_in_group": (" (a group cannot hold another group)", "（题组里不能再放题组）"),
    "load.sub_pool_ignored": (
        "key 'pool' of {what} is ignored: a sub-question shares the pool of its group '{group}'",
        "{what}的键 'pool' 被忽略：子题与所在题组 '{group}' 在同一个题池",
    ),
    "load.sub_pool": (
        "key 'pool' of {what} is '{value}', but a sub-question cannot have its own pool: the pool of its group "
        "'{group}' ({pool}) decides; write 'pool' on the group (or move the question out of it) and remove it here",
        "{what}的键 'pool' 是 '{value}'，但子题不能单独设置题池：由所在题组 '{group}' 的题池（{pool}）决定；"
        "请把 'pool' 写在题组上（或把这道题移出题组），并删掉这里的 'pool'",
    ),
    "load.no_explanation": (
        "{what} has no 'explanation'; learners see it after answering",
        "{what}没有 'explanation'（解析）；学员答题后会看到解析",
    ),
    "load.variant_id": (
        "key 'variants' of the exam blueprint: '{found}' is not a variant id; use 1–{max} letters or digits "
        "(A, B, 甲, 1, …): it names the pack's folder",
        "试卷蓝图的键 'variants'：'{found}' 不能作卷别；请用 1–{max} 个字母或数字（A、B、甲、1 …），"
        "它会用作试卷包的文件夹名",
    ),
    "load.variant_twice": (
        "key 'variants' of the exam blueprint names a variant twice",
        "试卷蓝图的键 'variants' 中有重复的卷别",
    ),
    "load.variants_one_text": (
        "key 'variants' of the exam blueprint is the text '{value}', which names one variant; write a list, "
        "one entry per variant: [A, B]",
        "试卷蓝图的键 'variants' 是文本 '{value}'，只表示一个卷别；请写成列表，每个卷别一项：[A, B]",
    ),
    "load.rule_empty": ("{what} is empty; it would match every question", "{what}是空的，会匹配所有题目"),
    "load.criterion_twice": (
        "criterion {n} of {what} has the name '{name}' of criterion {first}; each criterion needs its own name",
        "{what}的第 {n} 个评分项与第 {first} 个评分项同名（'{name}'）；每个评分项要有自己的名称",
    ),
    "load.level_twice": (
        "level {n} of {criterion} has the label '{label}' of level {first}; each level needs its own label",
        "{criterion}的第 {n} 个等级与第 {first} 个等级的标签相同（'{label}'）；每个等级要有自己的标签",
    ),
    "load.criterion_points": (
        "{what} is missing required key 'points' (only a critical criterion goes without points)",
        "{what}缺少必填的键 'points'（只有一票否决项 critical: true 可以不设分值）",
    ),
    "load.item_kinds": (
        "{what} has {kinds}; give only one of scale, choices, lines",
        "{what}同时有 {kinds}；scale、choices、lines 只能给一个",
    ),
    "load.front_matter_not_closed": (
        "the front matter opened by '---' on this line is never closed: add a line --- after its keys"
        " (as written, the page has no front matter and shows those lines as text)",
        "这一行的 '---' 开始了前置元数据（front matter），但没有结束：请在这些键后面加一行 ---"
        "（否则本页没有前置元数据，这些行会作为正文显示）",
    ),
    "load.front_matter_near_miss": (
        "key '{key}' of the front matter is not read by trainbook; did you mean '{hint}'?",
        "前置元数据（front matter）中的键 '{key}' 不会被 trainbook 读取；是不是想写 '{hint}'？",
    ),
    "load.front_matter_not_mapping": (
        "front matter must be a mapping of keys, found {found}",
        "前置元数据（front matter）应为键值映射（key: value），实际是{found}",
    ),
    # -- question types (qtypes/) ----------------------------------------------------------
    "q.explanation_letters": (
        "the explanation of {what} names options by letter ('{found}'), but its options are shown shuffled, "
        "so the letters point at other options: name the options by their words, or add 'shuffle: false'",
        "{what}的解析用字母指称选项（'{found}'），但选项会打乱显示，字母就对不上了：请写出选项的内容，"
        "或加上 'shuffle: false'",
    ),
    "q.options_count": (
        "key 'options' of {what} needs 2 to 8 options, found {n}",
        "{what}的键 'options' 需要 2 到 8 个选项，实际有 {n} 个",
    ),
    "q.letters_form": (
        "key 'answer' of {what} must be option letters such as 'A' or 'ACD', found {found}",
        "{what}的键 'answer' 应为选项字母，如 'A' 或 'ACD'，实际是{found}",
    ),
    "q.not_letter": (
        "key 'answer' of {what}: '{letter}' is not an option letter A–H",
        "{what}的键 'answer'：'{letter}' 不是选项字母 A–H",
    ),
    "q.letter_no_option": (
        "key 'answer' of {what}: letter {letter} has no option (there are {n} options, A–{last})",
        "{what}的键 'answer'：字母 {letter} 没有对应的选项（共 {n} 个选项，A–{last}）",
    ),
    "q.letter_twice": (
        "key 'answer' of {what}: letter {letter} is given twice",
        "{what}的键 'answer'：字母 {letter} 写了两次",
    ),
    "q.single_one_letter": (
        "key 'answer' of {what} (single choice) must be exactly one letter, found {n}",
        "{what}的键 'answer'（单选题）只能有一个字母，实际有 {n} 个",
    ),
    "q.multiple_two_letters": (
        "key 'answer' of {what} (multiple choice) needs at least 2 letters, found {n}; use type single for one answer",
        "{what}的键 'answer'（多选题）至少要有 2 个字母，实际有 {n} 个；只有一个答案请用 type: single",
    ),
    "q.fill_list": (
        "key 'answer' of {what} (fill_blank) must be a list with one entry per blank, found {found}",
        "{what}的键 'answer'（填空题）应为列表，每个空一项，实际是{found}",
    ),
    "q.fill_entry": (
        "blank {n} in 'answer' of {what} must be text or a list of accepted texts, found {found}",
        "{what}的 'answer' 中第 {n} 个空应为文本，或可接受答案的列表，实际是{found}",
    ),
    "q.fill_empty": (
        "blank {n} in 'answer' of {what} accepts an empty answer; write the text the blank expects",
        "{what}的 'answer' 中第 {n} 个空有空白的可接受答案；请写出这个空应填的文字",
    ),
    "q.fill_in_tag": (
        "a blank (___) in the stem of {what} sits inside what Markdown reads as an HTML tag (<letter…>), "
        "where it cannot be shown; if '<' is meant as text, put a space after it",
        "{what}的题干中有空（___）位于 Markdown 视为 HTML 标签的 <…> 之内，无法显示；"
        "如果 < 是普通文字，请在它后面加一个空格",
    ),
    "q.fill_count": (
        "key 'answer' of {what} has {entries} entries but the stem has {n} blanks (written ___)",
        "{what}的键 'answer' 有 {entries} 项，但题干有 {n} 个空（写作 ___）",
    ),
    "q.group_stem": (
        "{what} (a group) needs 'case' or 'stem' for its shared stem",
        "{what}（题组）需要 'case' 或 'stem' 作为共同的题干",
    ),
    "q.group_points": (
        "key 'points' of {what} is ignored: a group is worth the sum of its sub-questions",
        "{what}的键 'points' 被忽略：题组的分值是各子题分值之和",
    ),
    "q.case_missing": (
        "key 'case' of {what}: case study '{case}' does not exist",
        "{what}的键 'case'：案例 '{case}' 不存在",
    ),
    "q.pair_form": (
        "pair {n} in 'pairs' of {what} must be [left, right], found {found}",
        "{what}的 'pairs' 中第 {n} 对应写成 [左, 右]，实际是{found}",
    ),
    "q.option_twice": (
        "option {n} in 'options' of {what} repeats option {first} ('{text}')",
        "{what}的 'options' 中第 {n} 个选项与第 {first} 个相同（'{text}'）",
    ),
    "q.distractor_is_right": (
        "distractor {n} in 'distractors' of {what} ('{text}') is the right side of pair {pair} too; a learner "
        "could not tell them apart",
        "{what}的 'distractors' 中第 {n} 项（'{text}'）与第 {pair} 对的右侧相同，学员无法区分",
    ),
    "q.distractor_twice": (
        "distractor {n} in 'distractors' of {what} repeats distractor {first} ('{text}')",
        "{what}的 'distractors' 中第 {n} 项与第 {first} 项相同（'{text}'）",
    ),
    "q.pair_items": ("a list of {n} items", "一个有 {n} 项的列表"),
    "q.pair_side_empty": ("a pair whose {side} side is empty", "{side}侧为空的一对"),
    "q.pair_side": ("a pair whose {side} side is {found}", "{side}侧为{found}的一对"),
    "q.side_left": ("left", "左"),
    "q.side_right": ("right", "右"),
    "q.pairs_count": (
        "key 'pairs' of {what} needs 2 to 10 pairs, found {n}",
        "{what}的键 'pairs' 需要 2 到 10 对，实际有 {n} 对",
    ),
    "q.matching_letters": (
        "{what} has {n} right-hand entries ({pairs} pairs and {distractors} distractors); a printed paper "
        "letters them a–z, so at most {max}",
        "{what}共有 {n} 个右侧选项（{pairs} 对加 {distractors} 个干扰项）；试卷用 a–z 标号，最多 {max} 个",
    ),
    "q.pairs_same_right": (
        "key 'pairs' of {what} uses the same right side twice",
        "{what}的键 'pairs' 中有两对的右侧相同",
    ),
    "q.items_count": (
        "key 'items' of {what} needs 2 to 10 items, found {n}",
        "{what}的键 'items' 需要 2 到 10 项，实际有 {n} 项",
    ),
    "q.items_twice": ("key 'items' of {what} lists the same item twice", "{what}的键 'items' 中有重复的项"),
    "q.rubric_sum": (
        "key 'rubric' of {what}: rubric points add up to {total:g} but the question is worth {points:g} points",
        "{what}的键 'rubric'：评分要点合计 {total:g} 分，但本题分值是 {points:g} 分",
    ),
    "q.truth_written": (
        "key 'answer' of {what} (true_false) must be YAML true or false, found '{written}'",
        "{what}的键 'answer'（判断题）应为 YAML 的 true 或 false，实际是 '{written}'",
    ),
    "q.truth": (
        "key 'answer' of {what} (true_false) must be YAML true or false, found {found}",
        "{what}的键 'answer'（判断题）应为 YAML 的 true 或 false，实际是{found}",
    ),
    # -- cross-file rules (validate.py) ------------------------------------------------------
    "check.component_name_twice": (
        "component name '{name}' is used twice in {what} (also at {others}); the score sheet's columns"
        " are matched by name, so each component needs a name of its own",
        "{what}中有两个考核项目都叫 '{name}'（另见 {others}）；成绩表按名称对应各列，每个考核项目的名称须各不相同",
    ),
    "check.duplicate_id": (
        "duplicate {kind} id '{id}' (also defined at {others})",
        "重复的{kind} id '{id}'（另见 {others}）",
    ),
    "check.no_module": (
        "key 'module' of {what}: no handbook page has front matter id '{module}'",
        "{what}的键 'module'：没有哪个手册页面的前置元数据 id 是 '{module}'",
    ),
    "check.path_no_module": (
        "key 'modules' of learning path '{path}': no handbook page has front matter id '{module}'",
        "学习路径 '{path}' 的键 'modules'：没有哪个手册页面的前置元数据 id 是 '{module}'",
    ),
    "check.path_module_twice": (
        "key 'modules' of learning path '{path}': '{module}' is listed twice",
        "学习路径 '{path}' 的键 'modules'：'{module}' 列出了两次",
    ),
    "form.order_item": (
        "item {n} of 'order' in the form must be one of {blocks}, found {found}",
        "表单键 'order' 的第 {n} 项必须是 {blocks} 之一，实际是 {found}",
    ),
    "form.order_twice": (
        "'{block}' is listed twice in key 'order' of the form",
        "表单键 'order' 中 '{block}' 列出了两次",
    ),
    "form.order_absent": (
        "key 'order' of the form names '{block}', but the form has no '{block}'",
        "表单键 'order' 列出了 '{block}'，但表单没有 '{block}'",
    ),
    "form.order_missing": (
        "key 'order' of the form leaves out {blocks}; name every block the form has, in printing order",
        "表单键 'order' 漏掉了 {blocks}；请按打印顺序列出表单具有的每一部分",
    ),
    "check.path_no_exam": (
        "key 'exam' of learning path '{path}': exam '{exam}' does not exist",
        "学习路径 '{path}' 的键 'exam'：考试 '{exam}' 不存在",
    ),
    "check.path_exam_offline": (
        "key 'exam' of learning path '{path}': exam '{exam}' has no mock exam on the site (online: true)",
        "学习路径 '{path}' 的键 'exam'：考试 '{exam}' 在网站上没有模拟考试（需要 online: true）",
    ),
    "check.objective_undefined": (
        "key 'objectives' of {what}: objective '{objective}' is not defined in the front matter of {where}",
        "{what}的键 'objectives'：学习目标 '{objective}' 没有在{where}的前置元数据中定义",
    ),
    "check.rule_no_bank": (
        "key 'bank' of {what}: bank '{bank}' does not exist",
        "{what}的键 'bank'：题库 '{bank}' 不存在",
    ),
    "check.rule_no_objective": (
        "key 'objectives' of {what}: objective '{objective}' does not exist",
        "{what}的键 'objectives'：学习目标 '{objective}' 不存在",
    ),
    "check.rule_no_question": (
        "key 'ids' of {what}: question '{id}' does not exist",
        "{what}的键 'ids'：题目 '{id}' 不存在",
    ),
    "check.rule_sub_question": (
        "key 'ids' of {what}: '{id}' is a sub-question of group '{group}'; a group is drawn whole, name '{group}'",
        "{what}的键 'ids'：'{id}' 是题组 '{group}' 的子题；题组只能整组抽取，请写 '{group}'",
    ),
    "check.shortfall": (
        "exam '{exam}', section {section} ('{title}'), draw rule {rule} {rule_text} cannot be filled from "
        "{scope}: needs {need}, has {have}{already}",
        "试卷 '{exam}' 第 {section} 部分（'{title}'）的第 {rule} 条抽题规则 {rule_text} 无法从{scope}抽满："
        "需要 {need} 题，只有 {have} 题{already}",
    ),
    "check.online_exam_pool": (
        "key 'pool' of {what} asks for exam-pool questions, which {scope} never holds: the mock exam on the site "
        "(online: true) draws from practice questions only; write pool: any (papers draw from both pools, the "
        "mock exam from practice questions) or pool: practice, or remove online: true",
        "{what}的键 'pool' 要求抽考试题，但{scope}里不会有考试题：网站上的模拟考试（online: true）只从练习题中抽取；"
        "请写 pool: any（纸质试卷从两个题池抽，模拟考试只抽练习题）或 pool: practice，或者去掉 online: true",
    ),
    "check.shortfall_seed": (
        "exam '{exam}', section {section} ('{title}'), draw rule {rule} {rule_text} cannot be filled for "
        "variant {variant} with seed {seed}: needs {need}, has {have}{already}",
        "试卷 '{exam}' 第 {section} 部分（'{title}'）的第 {rule} 条抽题规则 {rule_text} 无法为 {variant} 卷"
        "（种子 {seed}）抽满：需要 {need} 题，只有 {have} 题{already}",
    ),
    "draw.already_drawn": (
        "; already drawn by an earlier rule (a question is drawn at most once per paper): {drawn}",
        "；已被前面的规则抽走（同一份试卷中每题最多抽一次）：{drawn}",
    ),
    "draw.drawn_by": ("'{id}' by rule {rule} of section {section}", "'{id}'（第 {section} 部分第 {rule} 条规则）"),
    "check.exam_pass": (
        "key 'pass' of exam '{exam}' is {mark:g} but paper {variant} is worth only {total:g} points",
        "试卷 '{exam}' 的键 'pass' 是 {mark:g}，但 {variant} 卷总分只有 {total:g} 分",
    ),
    "check.online_unequal_totals": (
        "mock exam '{exam}', section {section} ({title}): this rule draws questions worth different points"
        " ({worths}), so attempts differ in total while the pass mark stays {mark:g} points; give the section"
        " 'points', or draw questions of one worth",
        "模拟考试 '{exam}' 第 {section} 大题（{title}）：这条规则抽到的题分值不同（{worths} 分），"
        "每次作答的总分会不同，而及格分固定为 {mark:g} 分；请给这一大题写 'points'，或只抽同一分值的题",
    ),
    "check.level_points": (
        "level '{level}' of criterion '{criterion}' in {what} gives {points:g} points, more than the criterion's "
        "{max:g}",
        "{what}中评分项 '{criterion}' 的等级 '{level}' 给 {points:g} 分，超过了该评分项的 {max:g} 分",
    ),
    "check.rubric_pass": (
        "key 'pass' of {what} is {mark:g} but the criteria give at most {total:g} points",
        "{what}的键 'pass' 是 {mark:g}，但各评分项合计最多 {total:g} 分",
    ),
    "check.weights": (
        "key 'components' of {what}: weights add up to {total:g}, they must add up to 100",
        "{what}的键 'components'：权重合计 {total:g}，应正好是 100",
    ),
    "check.component_ref": (
        "key '{key}' of component '{component}' in {what}: {key} '{ref}' does not exist",
        "{what}中考核项目 '{component}' 的键 '{key}'：{kind} '{ref}' 不存在",
    ),
    "check.grades_order": (
        "key 'grades' of {what} must list the highest grade first",
        "{what}的键 'grades' 应从最高的等级开始排列",
    ),
    "check.lowest_grade": (
        "the lowest grade of {what} starts at {min:g}; a total below it gets no grade",
        "{what}的最低等级从 {min:g} 分开始；低于它的总分得不到任何等级",
    ),
    "check.case_block_missing": (
        "case block: case study '{id}' does not exist",
        "案例块（case）：案例 '{id}' 不存在",
    ),
    "check.included": (
        "in text included into this page (line {line} of the included {kind} block): {message}",
        "在插入本页的文本中（插入的 {kind} 块第 {line} 行）：{message}",
    ),
    "check.fence_near_miss": (
        "a code block marked '{word}' is shown as code, not run; did you mean ```{kind} (lowercase)?",
        "标记为 '{word}' 的代码块只会按代码原样显示；是不是想写 ```{kind}（小写英文）？",
    ),
    "check.fence_not_closed_indented": (
        "the {kind} block opened here is never closed: add a line {marker} after its keys, indented"
        " as the opening line (without it Markdown shows the keys as text)",
        "这里开始的 {kind} 块没有结束行：请在它的键后面加一行 {marker}，缩进与开头一行相同"
        "（缺了这一行，这些键会作为正文显示）",
    ),
    "check.fence_not_closed": (
        "the {kind} block opened here is never closed: add a line {marker} after its keys"
        " (without it the rest of the page is read as the block)",
        "这里开始的 {kind} 块没有结束行：请在它的键后面加一行 {marker}（缺了这一行，本页其余内容都会被当作这个块）",
    ),
    "check.block_in_quote": (
        "a {kind} block inside a blockquote ('>') is not supported; move it out of the quote",
        "不支持把 {kind} 块放在引用块（'>'）里；请把它移到引用块外面",
    ),
    # -- quiz fences (fences.py) ---------------------------------------------------------------
    "quiz.needs_bank_or_ids": ("the quiz block needs 'bank' or 'ids'", "测验块（quiz）需要 'bank' 或 'ids'"),
    "quiz.time_ignored": (
        "key 'time' of the quiz block only applies with mode: exam (ignored)",
        "测验块（quiz）的键 'time' 只在 mode: exam 时有效（已忽略）",
    ),
    "quiz.no_bank": ("quiz block: bank '{bank}' does not exist", "测验块（quiz）：题库 '{bank}' 不存在"),
    "quiz.sub_question": (
        "quiz block: '{id}' is a sub-question of group '{group}'; name the group",
        "测验块（quiz）：'{id}' 是题组 '{group}' 的子题；请写题组的 id",
    ),
    "quiz.not_in_bank": (
        "quiz block: question '{id}' is not in bank '{bank}'",
        "测验块（quiz）：题目 '{id}' 不在题库 '{bank}' 中",
    ),
    "quiz.no_question": ("quiz block: question '{id}' does not exist", "测验块（quiz）：题目 '{id}' 不存在"),
    "quiz.exam_pool": (
        "quiz block names '{id}', an exam-pool question; exam-pool questions are reserved for formal exams and "
        "never published",
        "测验块（quiz）引用了 '{id}'，它属于考试题池（pool: exam）；考试题只用于正式考试，从不发布",
    ),
    "quiz.matches_nothing": (
        "quiz block matches no practice-pool question{filters}",
        "测验块（quiz）没有匹配到任何练习题池的题目{filters}",
    ),
    "quiz.filters": (" ({filters})", "（{filters}）"),
    "quiz.pick_exceeds": (
        "quiz block: pick: {pick}, but only {count} practice-pool questions match; every round shows all {count}",
        "测验块（quiz）：pick: {pick}，但只匹配到 {count} 道练习题，每次练习都会显示全部 {count} 题",
    ),
    # -- editor schema copies (editor_schemas.py) ----------------------------------------------
    "schemas.differ": (
        "editor schemas in {where} differ from those of the installed trainbook {version}; "
        "run 'trainbook schemas' (or 'make schemas') to update them",
        "{where} 中的编辑器 schema 与已安装的 trainbook {version} 不一致；"
        "请运行 'trainbook schemas'（或 'make schemas'）更新",
    ),
    "schemas.newer": (
        "editor schemas in {where} come from trainbook {stamped}, newer than the installed trainbook {version}; "
        "upgrade trainbook (requirements.txt) or run 'trainbook schemas' to go back",
        "{where} 中的编辑器 schema 来自 trainbook {stamped}，比已安装的 trainbook {version} 新；"
        "请升级 trainbook（requirements.txt），或运行 'trainbook schemas' 退回",
    ),
    "schemas.older": (
        "editor schemas in {where} come from trainbook {stamped}, older than the installed {version}; "
        "run 'trainbook schemas' (or 'make schemas') to update them",
        "{where} 中的编辑器 schema 来自 trainbook {stamped}，比已安装的 {version} 旧；"
        "请运行 'trainbook schemas'（或 'make schemas'）更新",
    ),
    # -- command line summaries ------------------------------------------------------------------
    "cli.summary": ("{where}: {errors} error(s), {warnings} warning(s)", "{where}：{errors} 个错误，{warnings} 个警告"),
    "cli.clean": ("{where}: no problems found", "{where}：没有发现问题"),
    "cli.files_written": ("{where}: {n} file(s) written", "{where}：已写出 {n} 个文件"),
    "cli.fix_first": ("fix the problems above first; nothing was written", "请先修正上面的问题；没有写出任何文件"),
    "cli.needs_clean": (
        "{command} needs content without errors; fix the errors above first",
        "{command} 需要没有错误的内容；请先修正上面的错误",
    ),
    # -- command line usage errors (argparse's own, same English words) -------------------------
    "args.error": ("{prog}: error: {message}", "{prog}：错误：{message}"),
    "cli.command_error": ("trainbook {command}: error: {message}", "trainbook {command}：错误：{message}"),
    "args.usage": ("usage: ", "用法："),
    "args.required": ("the following arguments are required: {args}", "缺少必需的参数：{args}"),
    "args.unrecognized": ("unrecognized arguments: {args}", "无法识别的参数：{args}"),
    "args.choice": (
        "argument {arg}: invalid choice: {value} (choose from {choices})",
        "参数 {arg} 的值 {value} 无效，可选：{choices}",
    ),
    "args.expected_one": ("argument {arg}: expected one argument", "参数 {arg} 后面缺少它的值"),
    "args.bad_value": ("argument {arg}: invalid {type} value: {value}", "参数 {arg} 的值 {value} 无效（应为 {type}）"),
    "args.not_count": (
        "argument {arg}: not a whole number of 0 or more: {value}",
        "参数 {arg} 的值 {value} 无效（应为 0 或更大的整数）",
    ),
    "args.ambiguous": ("ambiguous option: {option} could match {matches}", "选项 {option} 不明确，可能是：{matches}"),
    "args.exclusive": ("argument {arg}: not allowed with argument {other}", "参数 {arg} 不能与 {other} 同时使用"),
    "args.one_of": ("one of the arguments {args} is required", "需要以下参数之一：{args}"),
    # -- trainbook schemas and init: the editor's settings.json ---------------------------------
    "settings.unreadable": (
        "{path}: cannot be read ({error}); it was left unchanged",
        "{path}：无法读取（{error}）；未作改动",
    ),
    "settings.not_json": (
        "{path}:{line}:{col}: not plain JSON ({error}; comments and trailing commas are not rewritten, they "
        "would be lost); it was left unchanged",
        "{path}:{line}:{col}：不是纯 JSON（{error}；注释和末尾的逗号无法保留，所以不改写）；未作改动",
    ),
    "settings.not_object": (
        "{path}: expected a JSON object {{…}}, found {found}; it was left unchanged",
        "{path}：应为 JSON 对象 {{…}}，实际是 {found}；未作改动",
    ),
    "settings.key_not_object": (
        "{path}: key '{key}' is not an object {{…}}; it was left unchanged",
        "{path}：键 '{key}' 不是对象 {{…}}；未作改动",
    ),
    "schemas.written": (
        "Editor schemas written to {out} (trainbook {version}); {settings} updated.",
        "编辑器 schema 已写到 {out}（trainbook {version}）；{settings} 已更新。",
    ),
    "schemas.by_hand": ("Add this to {settings} by hand:\n{snippet}", "请手动把下面的内容加入 {settings}：\n{snippet}"),
    # -- trainbook grade: the scores, responses and manifest files -----------------------------
    "offline.no_site": (
        "{site}: no index.html (build the site first); offline copy not written",
        "{site}：没有 index.html（请先生成网站），离线副本没有写出",
    ),
    "offline.failed": ("offline copy not written: {error}", "离线副本没有写出：{error}"),
    "offline.written": (
        "{target}: {n} files, the site for opening from disk (unzip, then open {folder}/index.html)",
        "{target}：{n} 个文件，可以直接从磁盘打开的网站（解压后打开 {folder}/index.html）",
    ),
    "grade.not_found": ("file not found", "找不到文件"),
    "grade.note_no_score": ("no score for {component}: counted as 0", "{component}无成绩，按 0 分计"),
    "grade.note_marked_over_sheet": (
        "{component}: {marked} from the marked papers; the scores sheet's {sheet} is not used",
        "{component}按答卷计 {marked} 分，成绩表中的 {sheet} 分未采用",
    ),
    "grade.note_veto": ("{component}: 一票否决 (veto) triggered, so failed", "{component}触发一票否决，判为不合格"),
    "grade.note_veto_items": (
        "{component}: 一票否决 (veto) triggered (veto items: {items}), so failed",
        "{component}触发一票否决（否决项：{items}），判为不合格",
    ),
    "grade.table_kind": ("expected a .csv or .xlsx file, found '{found}'", "应为 .csv 或 .xlsx 文件，实际是 '{found}'"),
    "grade.unreadable": ("cannot be read as {kind}: {error}", "无法按 {kind} 读取：{error}"),
    "grade.a_table": ("a table", "表格"),
    "sheet.xls": (
        "it is an Excel 97–2003 workbook (.xls) or a WPS spreadsheet: open it in Excel or WPS and save it as "
        "an Excel workbook (*.xlsx)",
        "这是 Excel 97–2003 工作簿（.xls）或 WPS 表格文件：请用 Excel 或 WPS 打开，另存为“Excel 工作簿 (*.xlsx)”",
    ),
    "sheet.not_xlsx": (
        "it is not an xlsx workbook (an .xlsx file is a zip archive, this one is not): save it from Excel or WPS "
        "as an Excel workbook (*.xlsx)",
        "这不是 xlsx 工作簿（.xlsx 文件是 zip 压缩包，这个文件不是）：请用 Excel 或 WPS 另存为“Excel 工作簿 (*.xlsx)”",
    ),
    "sheet.formula_unsaved": (
        "cell {cell} holds a formula whose result was never saved in the file: open it in Excel or WPS, "
        "save it, and run again",
        "单元格 {cell} 是公式，但文件里没有保存它的计算结果：请用 Excel 或 WPS 打开并保存后再运行",
    ),
    "grade.a_folder": ("is a folder; give the table's file", "这是文件夹，请给出表格文件"),
    "grade.workbook_named_text": (
        "this is a spreadsheet workbook named '{suffix}': give it its own name (.xlsx), or save it as CSV",
        "这是一个 Excel 工作簿，文件名却是 '{suffix}'：请把扩展名改回 .xlsx，或另存为 CSV",
    ),
    "grade.encoding": (
        "the text is neither UTF-8 nor GB18030 (GBK): save it from Excel as CSV UTF-8, or as an Excel workbook (.xlsx)",
        "文本既不是 UTF-8 也不是 GB18030（GBK）编码：请在 Excel 里另存为“CSV UTF-8”或 Excel 工作簿（.xlsx）",
    ),
    "grade.empty": ("the file is empty; expected a header row", "文件是空的；第一行应为表头"),
    "grade.header_unnamed": ("column {n} of the header has no name", "表头第 {n} 列没有列名"),
    "grade.header_twice": ("column '{name}' appears twice in the header", "列 '{name}' 在表头中出现了两次"),
    "grade.header_twice_number": (
        "column '{name}' appears twice in the header: a spreadsheet turns a typed {typed} into the number"
        " {name}; format the header row as text, or enter the answers in the pack's responses-template.xlsx",
        "列 '{name}' 在表头中出现了两次：电子表格会把输入的 {typed} 变成数字 {name}；"
        "请把第一行设为文本格式，或在试卷包的 responses-template.xlsx 中录入",
    ),
    "grade.row_too_wide": (
        "the row has {cells} cells but the header names only {width} columns",
        "这一行有 {cells} 个单元格，但表头只有 {width} 列",
    ),
    "grade.no_people": ("the sheet has a header but no candidates", "表格只有表头，没有考生"),
    "grade.no_responses": (
        "the sheet has a header but no candidate's answers; enter one row per candidate",
        "表格只有表头，没有考生的作答；请每位考生录入一行",
    ),
    "grade.missing_column": ("missing column '{name}'", "缺少列 '{name}'"),
    "grade.missing_question_column": (
        "missing column '{no}' (question {no} of the exam '{exam}')",
        "缺少列 '{no}'（试卷 '{exam}' 的第 {no} 题）",
    ),
    "grade.unknown_response_column": (
        "unknown column '{name}'; expected {id}, {variant}, the question numbers 1…{last} and, if wanted, {name_col}",
        "未知的列 '{name}'；应为 {id}、{variant}、题号 1…{last}，可以另有 {name_col}",
    ),
    "grade.missing_component_column": (
        "missing column '{name}' (component '{component}' of scheme '{scheme}')",
        "缺少列 '{name}'（考核方案 '{scheme}' 的考核项 '{component}'）",
    ),
    "grade.unknown_score_column": (
        "unknown column '{name}'; scheme '{scheme}' expects {expected} and optionally <rubric component>一票否决",
        "未知的列 '{name}'；考核方案 '{scheme}' 需要 {expected}，还可以有“<评分表考核项>一票否决”",
    ),
    "grade.id_empty": ("'{id}' is empty", "'{id}' 为空"),
    "grade.id_twice": (
        "'{id}' {person} appears twice (first on row {row})",
        "'{id}' {person} 出现了两次（第一次在第 {row} 行）",
    ),
    "grade.variant_unknown": (
        "column '{column}': variant '{variant}' is not in the manifest of '{exam}' (variants: {known})",
        "列 '{column}'：试卷 '{variant}' 不在 '{exam}' 的试卷清单中（已有：{known}）",
    ),
    "grade.stray_answer": (
        "column '{column}': variant {variant} has no question {column}",
        "列 '{column}'：{variant} 卷没有第 {column} 题",
    ),
    "grade.bad_response": ("column '{column}' (question '{id}'): {problem}", "列 '{column}'（题目 '{id}'）：{problem}"),
    "grade.veto_value": (
        "column '{column}': expected 是 or 否, found '{found}'",
        "列 '{column}'：应填 是 或 否，实际是 '{found}'",
    ),
    "grade.score_not_number": (
        "column '{column}': expected a score from 0 to 100, found '{found}'",
        "列 '{column}'：应为 0 到 100 的分数，实际是 '{found}'",
    ),
    "grade.score_range": (
        "column '{column}': score {score} is out of range (0 to 100)",
        "列 '{column}'：分数 {score} 超出范围（0 到 100）",
    ),
    "grade.not_scored": (
        "'{id}' {person} is not in the scores file {scores}",
        "'{id}' {person} 不在成绩表 {scores} 中",
    ),
    "grade.not_scored_zeros": (
        "'{id}' {person} is not in the scores file {scores}, which has {found}: a spreadsheet drops the"
        " leading zeros of a number typed into a cell not formatted as text",
        "'{id}' {person} 不在成绩表 {scores} 中，成绩表里有 {found}：未设为文本格式的单元格会丢掉数字前面的 0",
    ),
    "grade.name_mismatch": (
        "'{column}' is {found}, but '{id}' {person} is {name} in the scores file {scores}; check the '{id}'",
        "'{column}' 是 {found}，但成绩表 {scores} 中 '{id}' {person} 是 {name}；请核对 '{id}'",
    ),
    "grade.manifest_missing": (
        "exam manifest not found; build the exam pack (trainbook exam build) or pass --manifest",
        "找不到试卷清单（manifest）；请先生成试卷包（trainbook exam build），或用 --manifest 指定",
    ),
    "grade.manifest_not_json": (
        "'{name}' is not the pack's manifest.json: grade reads the JSON manifest (manifest.csv holds the same "
        "entries for a spreadsheet)",
        "'{name}' 不是试卷包的 manifest.json：评分读取 JSON 格式的试卷清单（manifest.csv 是给表格软件看的同一份清单）",
    ),
    "grade.manifest_json": ("not a valid JSON manifest: {error}", "不是有效的 JSON 试卷清单：{error}"),
    "grade.manifest_format": (
        "expected 'format': '{expected}', found {found}",
        "'format' 应为 '{expected}'，实际是 {found}",
    ),
    "grade.manifest_exam": (
        "the manifest is for exam '{found}', not '{exam}'",
        "这份试卷清单属于试卷 '{found}'，不是 '{exam}'",
    ),
    "grade.manifest_variants": (
        "'variants' must map each variant id to its list of items",
        "'variants' 应把每个试卷编号（A、B…）对应到它的题目列表",
    ),
    "grade.variant_items": ("variant '{variant}': expected a list of items", "试卷 '{variant}'：应为题目列表"),
    "grade.item": ("variant '{variant}' item {n}", "试卷 '{variant}' 第 {n} 项"),
    "grade.item_object": (
        "{what}: expected an object with no, id, type, points, answer",
        "{what}：应为含 no、id、type、points、answer 的对象",
    ),
    "grade.item_required": ("{what}: 'no', 'id' and 'points' are required", "{what}：必须有 'no'、'id' 和 'points'"),
    "grade.item_points": (
        "{what}: 'points' must be a number of 0 or more, found {found}",
        "{what}：'points' 应为不小于 0 的数，实际是 {found}",
    ),
    "grade.item_no_twice": (
        "{what}: number '{no}' is already an item of variant '{variant}'",
        "{what}：题号 '{no}' 在试卷 '{variant}' 中已经用过",
    ),
    "grade.item_unknown": (
        "{what}: question '{id}' is not in any bank of the content folder",
        "{what}：题目 '{id}' 不在内容文件夹的任何题库中",
    ),
    "grade.item_type": (
        "{what}: question '{id}' is type '{type}' in its bank, not '{listed}'",
        "{what}：题目 '{id}' 在题库中的题型是 '{type}'，不是 '{listed}'",
    ),
    "grade.item_group": (
        "{what}: a group is listed by its sub-questions, not as '{id}'",
        "{what}：题组应按其小题列出，不能列为 '{id}'",
    ),
    "grade.item_order": (
        "{what}: 'order' {order} is not a permutation of the {count} entries of '{id}'",
        "{what}：'order' {order} 不是 '{id}' 的 {count} 个选项的一种排列",
    ),
    "grade.item_answer": ("{what}: 'answer' is missing for question '{id}'", "{what}：题目 '{id}' 缺少 'answer'"),
    "grade.no_scheme": (
        "scheme '{scheme}' does not exist (schemes: {known})",
        "考核方案 '{scheme}' 不存在（已有：{known}）",
    ),
    "grade.personal_data": (
        "results are personal data and may not be written inside {what} ({folder}); choose another --out",
        "成绩属于个人信息，不能写到{what}（{folder}）里；请用 --out 另选文件夹",
    ),
    # -- folders no command writes into (outfolder.py) -------------------------------------------
    "out.the_site": ("the built site", "已生成的网站"),
    "out.the_content": ("the content folder", "内容文件夹"),
    "out.the_pages": ("the handbook's pages (docs_dir in mkdocs.yml)", "手册页面文件夹（mkdocs.yml 的 docs_dir）"),
    "grade.out_not_folder": ("exists and is not a folder", "已存在，且不是文件夹"),
    "grade.no_content": ("content folder not found", "找不到内容文件夹"),
    "grade.needs_responses": (
        "trainbook grade: --exam and --manifest go with --responses (the papers to mark)",
        "trainbook grade：--exam 和 --manifest 要和 --responses（要判分的答卷）一起用",
    ),
    "grade.which_exam": ("say which exam the responses are for with --exam", "请用 --exam 说明这些答卷属于哪份试卷"),
    "grade.no_exam": ("exam '{exam}' does not exist", "试卷 '{exam}' 不存在"),
    "grade.exam_not_in_scheme": (
        "scheme '{scheme}' has no component for exam '{exam}' (its components' exams: {used}); its marks "
        "would count nowhere",
        "考核方案 '{scheme}' 没有哪一项用试卷 '{exam}'（各项用的试卷：{used}），这些答卷的分数无处计入",
    ),
    "grade.other_pack": (
        "this responses sheet was made for the exam pack built with seed {seed} (mark {mark}), but "
        "{manifest} is the pack built with seed {manifest_seed} (mark {manifest_mark}): marked against "
        "another pack's key, the scores would be wrong. Grade with the sheet's own pack; if it was "
        "replaced, build it again into another folder (trainbook exam build {exam} --seed {seed} --out "
        "FOLDER; with the banks unchanged it is the same pack) and pass its manifest.json with --manifest",
        "这份答卷录入表属于种子 {seed} 生成的试卷包（标记 {mark}），而 {manifest} 是种子 {manifest_seed} "
        "生成的试卷包（标记 {manifest_mark}）：按另一份试卷包的答案评分，分数是错的。请用这张表自己的试卷包评分；"
        "若它已被覆盖，把它重新生成到另一个文件夹（trainbook exam build {exam} --seed {seed} --out 文件夹；"
        "题库没改时与原来完全相同），再用 --manifest 指向其中的 manifest.json",
    ),
    "grade.failed": ("{n} problem(s); nothing was written", "{n} 个问题；没有写出任何文件"),
    "grade.done": ("{out}: {people} people graded, {failed} not passed", "{out}：已评 {people} 人，{failed} 人未通过"),
    "grade.done_items": (
        "{out}: {people} people graded, {failed} not passed, {items} questions analysed",
        "{out}：已评 {people} 人，{failed} 人未通过，已分析 {items} 道题",
    ),
    # -- trainbook exam build / forms build ------------------------------------------------------
    "pack.no_content": ("{folder}: content folder does not exist", "{folder}：内容文件夹不存在"),
    "pack.variant_total": ("{variant} {total:g}", "{variant} 卷 {total:g} 分"),
    "pack.unequal_totals": (
        "note: the variants of exam '{exam}' are worth different totals ({totals}); `trainbook grade` "
        "scores each paper out of its own, and `points` on each blueprint section makes them equal",
        "注意：试卷 '{exam}' 各卷总分不同（{totals}）；trainbook grade 按各卷自己的满分折算，"
        "在蓝图每个部分写上 points 可使各卷总分相同",
    ),
    "pack.ids_and_all": (
        "name the exams to build (EXAM_ID …) or give --all, not both",
        "要么写出要生成的试卷（EXAM_ID …），要么用 --all，不能两个都写",
    ),
    "pack.seed": ("--seed: expected an integer, found {found}", "--seed：应为整数，实际是 {found}"),
    "pack.variants": ("--variants: name at least one variant, e.g. A,B", "--variants：至少写一个试卷编号，例如 A,B"),
    "pack.which_exams": (
        "name the exams to build (EXAM_ID …) or pass --all",
        "请写出要生成的试卷（EXAM_ID …），或用 --all",
    ),
    "pack.unknown_exams": (
        "no exam blueprint {ids} in {folder} (known: {known})",
        "{folder} 中没有试卷蓝图 {ids}（已有：{known}）",
    ),
    "pack.no_exams": ("{folder} holds no exam blueprint", "{folder} 中没有试卷蓝图"),
    "pack.template": ("template {template}: {error}", "模板 {template}：{error}"),
    "pack.templates_missing": (
        "--templates {folder}: no such folder (the built-in templates were not used instead)",
        "--templates {folder}：找不到这个文件夹（没有改用内置模板）",
    ),
    "pack.template_encoding": (
        "{path}: the template is not UTF-8 text ({error}); save it as UTF-8",
        "{path}：模板不是 UTF-8 文本（{error}）；请以 UTF-8 编码保存",
    ),
    "pack.not_finite": (
        "exam '{exam}': the manifest would hold a number that is not finite (NaN or infinity); "
        "check the 'points' of its questions and sections (nothing was written)",
        "试卷 '{exam}'：清单中会出现非有限数（NaN 或无穷大）；请检查题目和大题的 'points'（没有写出任何文件）",
    ),
    "pack.formats": (
        "--format: expected pdf, html or pdf,html, found {found}",
        "--format：应为 pdf、html 或 pdf,html，实际是 {found}",
    ),
    "pack.nothing": ("nothing", "空"),
    "pack.too_long": (
        "{where}: {document} prints on {pages} A4 pages, more than the {allowed} its 'pages' key allows; "
        "shorten it or raise 'pages' (no file was written)",
        "{where}：{document} 打印出来有 {pages} 页 A4，超过了 'pages' 允许的 {allowed} 页；"
        "请缩短内容或调大 'pages'（没有写出任何文件）",
    ),
    "pack.no_variant": (
        "exam '{exam}' has no variant {ids} (its variants: {known})",
        "试卷 '{exam}' 没有 {ids} 卷（它的试卷：{known}）",
    ),
    "pack.out_secret": (
        "{out}: exam papers, keys and manifests may not be written inside {what} ({folder}): the handbook "
        "site would publish them; choose another --out",
        "{out}：试卷、参考答案和清单不能写到{what}（{folder}）里，否则会随手册网站发布；请用 --out 另选文件夹",
    ),
    "pack.out_site_files": (
        "{out}: printed sheets may not be written inside {what} ({folder}): the next site build would take "
        "them for handbook files or delete them; choose another --out",
        "{out}：打印表单不能写到{what}（{folder}）里，否则下次生成网站时会被当作手册文件或被删除；"
        "请用 --out 另选文件夹",
    ),
    "pack.out_replaces": (
        "{entry}: the build would replace this folder, which holds {what} ({folder}); choose another --out",
        "{entry}：生成时会替换这个文件夹，而它包含{what}（{folder}）；请用 --out 另选文件夹",
    ),
    "pack.entries_filled": (
        "{path}: the answers of {n} candidate(s) have been entered here, and building the pack again"
        " would replace this file; move it out of {folder} first (or choose another --out)",
        "{path}：这里已经录入了 {n} 位考生的答卷，重新生成试卷包会覆盖这个文件；"
        "请先把它移出 {folder}（或用 --out 另选文件夹）",
    ),
    "pack.entries_unreadable": (
        "{path}: this copy of the responses sheet cannot be read (protected with a password, or damaged),"
        " so it may hold entered answers, and building the pack again would replace it; move it out of"
        " {folder} first (or choose another --out)",
        "{path}：这份答卷录入表无法读取（设了密码或已损坏），里面可能有录入的答卷，重新生成试卷包会覆盖它；"
        "请先把它移出 {folder}（或用 --out 另选文件夹）",
    ),
    "pack.foreign_files": (
        "{folder}: not made by exam build: {files}; building the pack again replaces this folder, so"
        " move them out first (or choose another --out)",
        "{folder}：{files} 不是 exam build 生成的，而重新生成试卷包会替换整个文件夹；"
        "请先把它移出去（或用 --out 另选文件夹）",
    ),
    "pack.unsafe_path": (
        "{path}: a printed document's path must stay inside the output folder; nothing was written",
        "{path}：打印文件的路径必须在输出文件夹之内；没有写出任何文件",
    ),
    "pack.out_is_file": (
        "{out}: --out must be a folder, but a file of that name exists",
        "{out}：--out 应为文件夹，但已有同名文件",
    ),
    "pack.not_writable": (
        "{out}: cannot write there ({parent} is not a writable folder)",
        "{out}：无法写入（{parent} 不是可写的文件夹）",
    ),
    "pack.write_failed": ("{out}: cannot write there ({error})", "{out}：无法写入（{error}）"),
    "pack.no_weasyprint": (
        "PDF output needs WeasyPrint and its system libraries (pango): {error}",
        "生成 PDF 需要 WeasyPrint 及其系统库（pango）：{error}",
    ),
    "pack.font_missing": (
        "CJK font {fonts} not found; install the Debian package {package} (sudo apt-get install {package}); "
        "no PDF was written",
        "找不到中文字体 {fonts}；请安装 Debian 软件包 {package}（sudo apt-get install {package}）；没有写出 PDF",
    ),
    "pack.font_unused": (
        "CJK font {font} was not used for the text; install {package}; no PDF was written",
        "正文没有使用中文字体 {font}；请安装 {package}；没有写出 PDF",
    ),
    "pack.error": ("trainbook: error: {message}", "trainbook：错误：{message}"),
    # -- trainbook import: reading a 题库 workbook or a text list (cells in the paper notation) ---
    "flat.answer": ("answer", "答案"),
    "flat.empty": ("{what} is empty", "{what}为空"),
    "flat.not_letter": (
        "{what} '{text}': '{ch}' is not a letter {first}–{last}",
        "{what} '{text}'：'{ch}' 不是 {first}–{last} 的字母",
    ),
    "flat.no_such_letter": (
        "{what} '{text}': there is nothing under {letter} (only {first}–{last})",
        "{what} '{text}'：没有 {letter} 这一项（只有 {first}–{last}）",
    ),
    "flat.letter_twice": ("{what} '{text}': letter {letter} is given twice", "{what} '{text}'：字母 {letter} 写了两次"),
    "flat.too_many_options": (
        "a choice question has at most {max} options, found {count}",
        "选择题最多 {max} 个选项，实际有 {count} 个",
    ),
    "flat.not_truth": (
        "{what} '{text}' is not true or false (write 对/错, 正确/错误, √/× or T/F)",
        "{what} '{text}' 不是对或错（请写 对/错、正确/错误、√/× 或 T/F）",
    ),
    "flat.rubric_line": (
        "{what} line '{line}' must end with its points, e.g. 安抚业主情绪（2分）",
        "{what}的这一行 '{line}' 末尾应写分值，例如 安抚业主情绪（2分）",
    ),
    "flat.rubric": ("rubric", "评分要点"),
    "flat.option_count": (
        "{type} needs 2 to {max} options, found {count}",
        "{type}需要 2 到 {max} 个选项，实际有 {count} 个",
    ),
    "flat.multi_letters": (
        "answer '{answer}': multiple choice needs at least 2 letters",
        "答案 '{answer}'：多选题至少要有 2 个字母",
    ),
    "flat.single_letter": (
        "answer '{answer}': single choice takes exactly one letter",
        "答案 '{answer}'：单选题只能有一个字母",
    ),
    "flat.blank_empty": (
        "answer '{answer}': blank {n} has an empty accepted answer",
        "答案 '{answer}'：第 {n} 空有一个空的可接受答案",
    ),
    "flat.no_blanks": (
        "a fill_blank stem must mark each blank with ___ (3 or more underscores)",
        "填空题的题干应用 ___（3 个或更多下划线）标出每个空",
    ),
    "flat.blank_count": (
        "answer '{answer}' gives {given} blank(s) (separated by ;) but the stem has {n} (___)",
        "答案 '{answer}' 给了 {given} 个空（用 ; 分隔），但题干有 {n} 个（___）",
    ),
    "flat.group_cells": (
        "a group row has no options or answer: its sub-questions follow in their own rows",
        "题组行不写选项和答案：它的小题各占一行，写在后面",
    ),
    "flat.group_needs": ("a group needs a case id (案例) or a shared stem", "题组需要案例编号（案例）或共同题干"),
    "flat.matching_count": (
        "matching needs 2 to 10 left-hand items (options), found {count}",
        "匹配题需要 2 到 10 个左侧项（选项），实际有 {count} 个",
    ),
    "flat.matching_answer": (
        "answer '{answer}' must give one right-hand letter (a, b, …) for each of the {count} left-hand items",
        "答案 '{answer}' 应为 {count} 个左侧项各给一个右侧字母（a、b…）",
    ),
    "flat.ordering_count": (
        "ordering needs 2 to 10 items (options), found {count}",
        "排序题需要 2 到 10 项（选项），实际有 {count} 项",
    ),
    "flat.ordering_answer": (
        "answer '{answer}' must name every one of the {count} items once, in the right order",
        "答案 '{answer}' 应按正确顺序把 {count} 项各写一次",
    ),
    "flat.short_answer": (
        "a short_answer question needs its reference answer in the answer cell",
        "简答题的参考答案应写在答案列",
    ),
    "flat.tf_options": (
        "a true_false question has no options; remove them or change the type",
        "判断题没有选项；请删去选项或改题型",
    ),
    "import.type": (
        "题型 '{type}' is not a question type; write one of {known}",
        "题型 '{type}' 不是题型；请写 {known} 之一",
    ),
    "import.flag": ("{what} '{text}' must be 是 or 否", "{what} '{text}' 应为 是 或 否"),
    "import.difficulty": ("难度 '{text}' must be 易/中/难 or 1–3", "难度 '{text}' 应为 易/中/难 或 1–3"),
    "import.points": ("分值 '{text}' must be a number of points", "分值 '{text}' 应为分数"),
    "import.points_negative": (
        "分值 '{text}' must be a number of points, 0 or more",
        "分值 '{text}' 应为 0 或更大的分数",
    ),
    "import.pool": ("用途 '{text}' must be 练习 (practice) or 考试 (exam)", "用途 '{text}' 应为 练习 或 考试"),
    "import.not_in_group": ("a {type} cannot be inside the group '{group}'", "{type} 题不能放在题组 '{group}' 中"),
    "import.no_stem": ("题干 (stem) is empty", "题干为空"),
    "import.objective": (
        "学习目标 '{objective}' is not an objective id (lowercase letters, digits and '-')",
        "学习目标 '{objective}' 不是目标编号（小写字母、数字和 '-'）",
    ),
    "import.case": ("案例 '{case}' is not a case study id", "案例 '{case}' 不是案例编号"),
    "import.bank_taken": (
        "bank id '{bank}' is already used by {path}; choose another --bank",
        "题库编号 '{bank}' 已被 {path} 使用；请另选 --bank",
    ),
    "import.no_group": (
        "题组 '{group}' names no group row (a row of type 题组 with that 编号)",
        "题组 '{group}' 找不到对应的题组行（题型为 题组、编号为它的行）",
    ),
    "import.empty_group": (
        "this group has no sub-questions (rows whose 题组 is its 编号)",
        "这个题组没有小题（题组列写它编号的行）",
    ),
    "import.id_taken": (
        "编号 '{id}' is already a question id in the content; leave 编号 empty for a new id",
        "编号 '{id}' 已是内容中的题目编号；留空编号即可得到新编号",
    ),
    "import.id_twice": ("编号 '{id}' is used by two rows", "编号 '{id}' 被两行使用"),
    "import.too_many_subs": (
        "group '{group}' has too many sub-questions to number",
        "题组 '{group}' 的小题太多，无法编号",
    ),
    "import.bad_bank": (
        "--bank '{bank}' is not an id (lowercase letters, digits, '-')",
        "--bank '{bank}' 不是编号（小写字母、数字、'-'）",
    ),
    "import.bad_prefix": ("--prefix '{prefix}' cannot start an id", "--prefix '{prefix}' 不能作为编号的开头"),
    "import.exists": ("{exists} (--force replaces it)", "{exists}（加 --force 可覆盖）"),  # exists: output.exists
    "import.no_rows": ("found no question rows to import", "没有找到可导入的题目行"),
    "import.none_left": ("no good rows left to import", "没有剩下可导入的正确行"),
    "import.repeated_column": ("column {n} '{name}' repeats column {first}", "第 {n} 列 '{name}' 与第 {first} 列重复"),
    "import.unknown_column": ("column '{name}' is not known and is ignored", "列 '{name}' 无法识别，已忽略"),
    "import.option_gap": ("选项{letter} is empty but a later option is not", "选项{letter} 为空，但后面的选项不为空"),
    "import.workbook": ("cannot read the workbook: {error}", "无法读取工作簿：{error}"),
    "import.no_sheet": ("no sheet '{sheet}' (sheets: {known})", "没有工作表 '{sheet}'（已有：{known}）"),
    "import.no_header": (
        "no sheet has a header row with 题干 and 答案 (or 题型) in its first 10 rows",
        "没有哪个工作表在前 10 行里有含 题干 和 答案（或 题型）的表头",
    ),
    "import.answer_twice": (
        "a second answer line for the question whose answer is on line {first}; "
        "if a new question starts here, give it its number (2. …)",
        "这道题在第 {first} 行已有答案，这里又有一行答案；如果这里是新的一题，请给它加上题号（如 2.）",
    ),
    "import.stray_line": ("line '{line}' belongs to no question part", "这一行 '{line}' 不属于任何题目"),
    "import.encoding": ("the file is neither UTF-8 nor GB18030 text", "文件既不是 UTF-8 也不是 GB18030 文本"),
    "import.unreadable": ("cannot read the file: {error}", "无法读取文件：{error}"),
    "import.skipped": ("skipped {n} bad row(s): {rows}", "跳过了 {n} 个有问题的行：{rows}"),
    "import.nothing_written": ("{out}: nothing written ({n} error(s))", "{out}：没有写出文件（{n} 个错误）"),
    "import.checked": ("{out}: checked {n} question(s)", "{out}：检查了 {n} 道题"),
    "import.wrote": ("{out}: wrote {n} question(s)", "{out}：写出了 {n} 道题"),
    # -- writing outputs (trainbook.atomic) ------------------------------------------------------
    "output.exists": ("exists already; nothing was written", "已经存在，未作改动"),
    "output.unwritable": ("cannot be written: {reason}", "无法写入：{reason}"),
    "output.is_folder": ("cannot be written: it is a folder; name a file", "无法写入：这是一个文件夹；请给出文件名"),
    "output.not_a_folder": ("exists and is not a folder", "已存在，且不是文件夹"),
    # why the system refused (an errno), inside output.unwritable and pack.write_failed
    "output.reason.no_folder": ("the folder does not exist", "文件夹不存在"),
    "output.reason.not_folder_on_path": (
        "a part of the path is a file, not a folder",
        "路径中有一部分是文件，不是文件夹",
    ),
    "output.reason.is_folder": ("it is a folder; name a file", "这是一个文件夹；请给出文件名"),
    "output.reason.exists": ("it exists already", "已经存在"),
    "output.reason.denied": ("permission denied", "没有写入权限"),
    "output.reason.read_only": ("the file system is read-only", "文件系统是只读的"),
    "output.reason.disk_full": ("the disk is full", "磁盘已满"),
    "output.reason.name_too_long": ("the name is too long", "名称太长"),
    "output.reason.system": ("{error}", "{error}"),
    # -- trainbook export ------------------------------------------------------------------------
    "export.snapped": (
        "moodle: question '{id}': answer credit {percent}% is not a Moodle grade; snapped to {snapped}%",
        "moodle：题目 '{id}'：答案得分比例 {percent}% 不是 Moodle 允许的值；已取最近的 {snapped}%",
    ),
    "export.no_bank": ("no bank '{bank}' in the content (banks: {known})", "内容中没有题库 '{bank}'（已有：{known}）"),
    "export.no_exam": (
        "no exam blueprint '{exam}' in the content (exams: {known})",
        "内容中没有试卷蓝图 '{exam}'（已有：{known}）",
    ),
    "export.no_variant": (
        "exam '{exam}' has no variant '{variant}' (variants: {known})",
        "试卷 '{exam}' 没有 '{variant}' 卷（已有：{known}）",
    ),
    "export.shortfall": (
        "exam '{exam}' cannot be drawn: run trainbook validate for the rule that falls short",
        "试卷 '{exam}' 无法抽题：请运行 trainbook validate 查看抽不满的规则",
    ),
    "export.exam_order": (
        "exam '{exam}' variant {variant}: questions in paper order; options in bank order "
        "(the printed variant's option order is not applied)",
        "试卷 '{exam}' {variant} 卷：题目按试卷顺序；选项按题库顺序（没有采用纸质试卷的选项顺序）",
    ),
    "export.both": (
        "trainbook export: give --bank or --exam, not both",
        "trainbook export：--bank 和 --exam 只能选一个",
    ),
    "export.failed": ("trainbook export: {message}", "trainbook export 出错：{message}"),
    "export.done": (
        "{out}: {fmt}: {n} question(s) from {parts} bank(s)",
        "{out}：{fmt}：{n} 道题，来自 {parts} 个题库",
    ),
    "export.done_exam": (
        "{out}: {fmt}: {n} question(s) from {parts} section(s) of the paper",
        "{out}：{fmt}：{n} 道题，来自试卷的 {parts} 个大题",
    ),
    "export.published": (
        "the export holds {n} exam-only question(s) (pool: exam) with their answers, and may not be "
        "written inside {what} ({folder}): it would be published with the handbook. Export the practice "
        "questions only (--pool practice) or choose another --out",
        "导出的文件含 {n} 道考试专用题（pool: exam）及其答案，不能写到{what}（{folder}）里，否则会随手册网站"
        "发布。只导出练习题（--pool practice），或用 --out 另选位置",
    ),
    "export.exam_pool": (
        "{fmt}: {n} exam-pool question(s) included (reserved for formal exams)",
        "{fmt}：包含 {n} 道考试题库的题（留给正式考试）",
    ),
    # -- trainbook stats: the report's words ----------------------------------------------------
    "stats.summary": (
        "Questions: {total} top-level, {cases} case studies, {groups} case-based groups",
        "题目：顶层 {total} 道，案例 {cases} 个，基于案例的题组 {groups} 个",
    ),
    "stats.bank": ("bank", "题库"),
    "stats.module": ("module", "模块"),
    "stats.total": ("total", "合计"),
    "stats.practice": ("practice", "练习"),
    "stats.exam": ("exam", "考试"),
    "stats.types": ("types", "题型"),
    "stats.easy": ("1", "易"),
    "stats.medium": ("2", "中"),
    "stats.hard": ("3", "难"),
    "stats.by_type": ("By type:", "按题型："),
    "stats.by_difficulty": ("By difficulty:", "按难度："),
    "stats.by_pool": ("By pool:", "按用途："),
    "stats.by_module": ("By module:", "按模块："),
    "stats.coverage": (
        "Objective coverage (flag: fewer than {minimum} questions):",
        "学习目标覆盖（少于 {minimum} 题时标出）：",
    ),
    "stats.too_few": ("too few", "题目太少"),
    "stats.positions": (
        "Answer positions (flag: one letter above {share} of a bank's single-choice answers, "
        "or true/false outside {band} true):",
        "答案位置（某个字母超过题库单选答案的 {share}，或判断题“对”的比例不在 {band} 之间时标出）：",
    ),
    "stats.true_share": (" ({share} true)", "（{share} 为对）"),
    "stats.fixed": (", {n} in fixed order", "，{n} 道固定顺序"),
    "stats.position_line": (
        "single {letters}{fixed}; true/false {true}/{false}{share}",
        "单选 {letters}{fixed}；判断 对/错 {true}/{false}{share}",
    ),
    "stats.unbalanced": ("unbalanced", "不均衡"),
    "stats.flagged": ("{n} objective(s) below {minimum} questions", "{n} 个学习目标少于 {minimum} 题"),
    "stats.flagged_list": (": {ids}", "：{ids}"),
    # -- marking a printed answer (responses file cells) -----------------------------------------
    "paper.not_marked": (
        "questions of type {type} are not marked from a responses file",
        "{type} 题不从答卷表评分",
    ),
    "paper.bad_letter": (
        "'{letter}' is not an option letter here (the paper prints {shown})",
        "'{letter}' 不是这道题的选项字母（试卷上印的是 {shown}）",
    ),
    "paper.bad_tf": (
        "'{written}' is not a true/false mark (write 对 or 错, √ or ×, T or F)",
        "'{written}' 不是判断题的作答（请写 对 或 错、√ 或 ×、T 或 F）",
    ),
    "paper.bad_points": (
        "'{written}' is not a number of points (0 to {worth})",
        "'{written}' 不是分数（0 到 {worth}）",
    ),
    "paper.points_range": ("{value} points is outside 0 to {worth}", "{value} 分不在 0 到 {worth} 之间"),
    "front.content_errors": ("trainbook: content has errors:", "trainbook：内容有错误："),
    "front.strict_warnings": (
        "trainbook: {n} content warning(s) in strict mode (listed above)",
        "trainbook：严格模式（strict）下有 {n} 个内容警告（见上）",
    ),
}

# --------------------------------------------------------------------------- describing values


def describe(value: Any) -> Text:
    """A value as a message shows it: "the text '…'", "a list", …"""
    if value is None:
        return msg("value.nothing")
    if isinstance(value, bool):
        return msg("value.boolean", value=str(value).lower())
    if isinstance(value, (int, float)):
        return msg("value.number", value=value)
    if isinstance(value, str):
        short = value if len(value) <= 30 else value[:29] + "…"
        return msg("value.text", value=short)
    if isinstance(value, list):
        return msg("value.list")
    if isinstance(value, dict):
        return msg("value.mapping")
    return msg("value.other", value=type(value).__name__)


_CN_QUOTED = re.compile(r"^\s*[“‘「『].*[”’」』]\s*$", re.S)
_CN_SEPARATED = re.compile(r"\S\s*[、，；]\s*\S")
TRUTH_WORDS = frozenset({"对", "错", "正确", "错误", "是", "否", "√", "×", "✓", "✗", "T", "F"})


def chinese_quoted(value: str) -> bool:
    """Whether *value* is wrapped in Chinese quotes (“A”, ‘q1’, 「…」)."""
    return bool(_CN_QUOTED.match(value))


_FULLWIDTH_ASCII = re.compile(r"[\uff01-\uff5e]+")


def value_hint(value: Any) -> Text:
    """A hint for a value typed on a Chinese keyboard that a typed key refused ('' when none)."""
    if not isinstance(value, str):
        return EMPTY
    if _CN_QUOTED.match(value):
        return msg("hint.value_chinese_quotes")
    wide = _FULLWIDTH_ASCII.search(value)
    if wide and wide.group(0) not in ("，", "；", "：") and not _CN_SEPARATED.search(value):
        return msg("hint.fullwidth_chars", chars=wide.group(0))
    if _CN_SEPARATED.search(value):
        return msg("hint.list_separator")
    if value.strip() in TRUTH_WORDS:
        return msg("hint.truth_words")
    return EMPTY


def swallowed_hint(mapping: dict[Any, Any], key: str) -> Text:
    """A hint when a required *key* is missing because its line became part of another value's text."""
    pattern = re.compile(rf"(?:^|\s){re.escape(key)}\s*([：:])")
    for other, value in mapping.items():
        if isinstance(value, str):
            found = pattern.search(value)
            if found:
                return msg("hint.swallowed_key", into=other, key=key, colon=found.group(1))
    return EMPTY


def key_hint(key: Any) -> Text:
    """A hint for an unknown key that a Chinese keyboard made ('' when none)."""
    if not isinstance(key, str):
        return EMPTY
    if key.startswith("\u3000"):
        return msg("hint.key_fullwidth_space")
    if "：" in key:
        return msg("hint.key_fullwidth_colon", key=key.split("：", 1)[0].strip())
    return EMPTY


# --------------------------------------------------------------------------- which language


def _tolerant_loader() -> Any:
    import yaml

    class Loader(yaml.SafeLoader):
        """mkdocs.yml may hold !!python/name and !ENV tags; only theme.language matters here."""

    def ignore(loader: Any, suffix: str, node: Any) -> None:
        return None

    Loader.add_multi_constructor("", ignore)
    Loader.add_multi_constructor("!", ignore)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", ignore)
    return Loader


def mkdocs_config(root: str | Path) -> dict[str, Any]:
    """The handbook's mkdocs.yml (or mkdocs.yaml) in *root*, read without MkDocs; empty when
    there is none or it cannot be read. The command line reads the language, nav and docs_dir here."""
    import yaml

    for name in ("mkdocs.yml", "mkdocs.yaml"):
        path = Path(root) / name
        if not path.is_file():
            continue
        try:
            data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_tolerant_loader())
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            return {}
        return data if isinstance(data, dict) else {}
    return {}


def handbook_language(root: str | Path) -> str:
    """The messages' language for the handbook in *root*: its mkdocs.yml ``theme.language``
    (``zh`` or ``en``, as the generated pages pick it); ``en`` without mkdocs.yml or when the
    theme names no language (MkDocs' own default)."""
    from .strings import language_code

    theme = mkdocs_config(root).get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    return language_code(language) if isinstance(language, str) and language.strip() else "en"
