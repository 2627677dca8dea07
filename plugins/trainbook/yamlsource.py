"""YAML loading that keeps the source position of every key and value.

PyYAML's safe loader drops positions and silently keeps the last of two equal
keys. We compose the node graph ourselves, turn it into :class:`Map` / :class:`Seq`
containers that remember where each key and value stood, report duplicate keys,
and refuse hostile documents (alias bombs, deep nesting, huge files) before they
cost time or memory.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import yaml

from .diagnostics import Pos, Report
from .messages import Text, msg
from .yamlhints import syntax_problem

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 200_000  # counts alias expansions, so a billion-laughs document stops early
PLAIN_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")
BOOL_TAG = "tag:yaml.org,2002:bool"


class Map(dict[Any, Any]):
    """A mapping that knows where it, each key and each value stood."""

    pos: Pos
    key_pos: dict[Any, Pos]
    val_pos: dict[Any, Pos]
    #: keys whose plain value YAML 1.1 read as a boolean though not written true/false
    #: (yes, no, on, off …), with the text as written: a reader that wants true/false only
    #: can refuse it by name.
    loose_bools: dict[Any, str]

    def at(self, key: Any) -> Pos:
        """Where the value of *key* is; for a nested list or mapping, its key's line."""
        if isinstance(self.get(key), (Map, Seq)) and key in self.key_pos:
            return self.key_pos[key]
        return self.val_pos.get(key, self.key_pos.get(key, self.pos))

    def positions(self) -> dict[Any, Pos]:
        return {k: self.at(k) for k in self}

    def key_at(self, key: Any) -> Pos:
        return self.key_pos.get(key, self.pos)


class Seq(list[Any]):
    """A sequence that knows where it and each item stood."""

    pos: Pos
    item_pos: list[Pos]

    def at(self, index: int) -> Pos:
        return self.item_pos[index] if 0 <= index < len(self.item_pos) else self.pos


def entries(seq: Seq | None) -> Iterator[tuple[int, Any, Pos]]:
    """(index, item, where the item stood) for each item of *seq*; nothing for None."""
    if seq is not None:
        for i, item in enumerate(seq):
            yield i, item, seq.at(i)


class YamlLimitError(Exception):
    def __init__(self, pos: Pos, message: Text):
        self.pos = pos
        self.message = message
        super().__init__(message)


def _pos(path: str, mark: Any) -> Pos:  # yaml.error.Mark or libyaml's Mark
    if mark is None:
        return Pos(path)
    return Pos(path, mark.line + 1, mark.column + 1)


# libyaml (C) when PyYAML was built with it: same nodes and marks, several times faster. Its
# error texts differ from the pure-Python parser's, so a document it rejects is parsed again
# in Python and reported exactly as before.
FAST_LOADER: Any = getattr(yaml, "CSafeLoader", None)
STR_TAG = "tag:yaml.org,2002:str"


def _prescan(text: str, path: str, line_offset: int, loader: Any = yaml.SafeLoader) -> None:
    """Walk the event stream (no recursion, no expansion) to bound nesting depth."""
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                pos = _pos(path, event.start_mark)
                raise YamlLimitError(
                    Pos(path, pos.line + line_offset, pos.col),
                    msg("yaml.too_deep", n=MAX_DEPTH),
                )
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


class _Builder:
    def __init__(self, path: str, report: Report, line_offset: int):
        self.path = path
        self.report = report
        self.line_offset = line_offset
        self.nodes = 0
        self.constructor = yaml.SafeLoader("")

    def pos(self, node: yaml.Node) -> Pos:
        mark = node.start_mark
        return Pos(self.path, mark.line + 1 + self.line_offset, mark.column + 1)

    def build(self, node: yaml.Node, depth: int = 0, key: Any = None) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise YamlLimitError(
                self.pos(node),
                msg("yaml.alias_bomb", n=MAX_NODES),
            )
        if depth > MAX_DEPTH:
            raise YamlLimitError(self.pos(node), msg("yaml.too_deep_short", n=MAX_DEPTH))
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in PLAIN_TAGS:
            # Safe loading would refuse it anyway; say so instead of reading it as a plain list.
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.report.error(self.pos(node), msg("yaml.tag", tag=tag))
            return None
        if isinstance(node, yaml.MappingNode):
            return self.build_map(node, depth)
        if isinstance(node, yaml.SequenceNode):
            seq = Seq()
            seq.pos = self.pos(node)
            seq.item_pos = []
            for item in node.value:
                seq.append(self.build(item, depth + 1))
                seq.item_pos.append(self.pos(item))
            return seq
        if node.tag == STR_TAG and isinstance(node, yaml.ScalarNode):
            return node.value  # most values: no constructor round trip needed
        try:
            value = self.constructor.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as exc:
            self.report.error(self.pos(node), msg("yaml.bad_value", problem=exc.problem))
            return None
        if (
            isinstance(node, yaml.ScalarNode)
            and node.tag == BOOL_TAG
            and not node.style  # plain: None in PyYAML, "" in libyaml
            and node.value.lower() not in ("true", "false")
        ):
            # YAML 1.1 reads yes/no/on/off as booleans; an author who wrote them rarely means that.
            where = msg("yaml.loose_bool_key", key=key) if key is not None else Text("")
            self.report.warning(self.pos(node), msg("yaml.loose_bool", where=where, value=node.value, b=value))
        return value

    def build_map(self, node: yaml.MappingNode, depth: int) -> Map:
        out = Map()
        out.pos = self.pos(node)
        out.key_pos = {}
        out.val_pos = {}
        out.loose_bools = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                merged = self.build(value_node, depth + 1)
                sources = merged if isinstance(merged, list) else [merged]
                for src in sources:
                    if isinstance(src, Map):
                        for k, v in src.items():
                            if k not in out:
                                out[k] = v
                                out.key_pos[k] = src.key_pos[k]
                                out.val_pos[k] = src.val_pos[k]
                continue
            key = self.build(key_node, depth + 1)
            if type(key) is str:
                # The same few keys in every question; the model keeps them (``where``) once each.
                key = sys.intern(key)
            if isinstance(key, (list, dict)):
                self.report.error(self.pos(key_node), msg("yaml.key_not_plain"))
                continue
            if key in out.key_pos:
                first = out.key_pos[key]
                self.report.error(self.pos(key_node), msg("yaml.duplicate_key", key=key, line=first.line))
                continue
            out[key] = self.build(value_node, depth + 1, key)
            if (
                isinstance(value_node, yaml.ScalarNode)
                and value_node.tag == BOOL_TAG
                and not value_node.style
                and value_node.value.lower() not in ("true", "false")
            ):
                out.loose_bools[key] = value_node.value
            out.key_pos[key] = self.pos(key_node)
            out.val_pos[key] = self.pos(value_node)
        return out


def load_yaml(text: str, path: str, report: Report, line_offset: int = 0) -> Any:
    """Parse one YAML document; problems go to *report*, the result is None on failure.

    *line_offset* shifts reported lines, for YAML embedded in Markdown.
    """
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        report.error(Pos(path, 1 + line_offset), msg("yaml.too_big", mib=MAX_BYTES // (1024 * 1024)))
        return None
    try:
        node = _compose(text, path, line_offset)
    except YamlLimitError as exc:
        report.error(exc.pos, exc.message)
        return None
    except yaml.MarkedYAMLError as exc:
        line, col, message = syntax_problem(exc, text)
        report.error(Pos(path, line + line_offset, col), message)
        return None
    except yaml.YAMLError as exc:
        report.error(Pos(path, 1 + line_offset), msg("yaml.error", detail=str(exc)))
        return None
    except RecursionError:
        report.error(Pos(path, 1 + line_offset), msg("yaml.too_deep_short", n=MAX_DEPTH))
        return None
    if node is None:
        return None
    try:
        return _Builder(path, report, line_offset).build(node)
    except YamlLimitError as exc:
        report.error(exc.pos, exc.message)
        return None


def _compose(text: str, path: str, line_offset: int) -> yaml.Node | None:
    if FAST_LOADER is not None:
        try:
            _prescan(text, path, line_offset, FAST_LOADER)
            node: yaml.Node | None = yaml.compose(text, Loader=FAST_LOADER)
            return node
        except yaml.YAMLError:
            pass  # re-parse below for the pure-Python parser's message and position
    _prescan(text, path, line_offset)
    return yaml.compose(text, Loader=yaml.SafeLoader)
