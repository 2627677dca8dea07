"""YAML loading that keeps the source position of every key and value.

PyYAML's safe loader drops positions and silently keeps the last of two equal
keys. We compose the node graph ourselves, turn it into :class:`Map` / :class:`Seq`
containers that remember where each key and value stood, report duplicate keys,
and refuse hostile documents (alias bombs, deep nesting, huge files) before they
cost time or memory.
"""

from __future__ import annotations

import re
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
#: Characters no text of a handbook may hold: C0 controls other than tab, newline and carriage
#: return, lone surrogates, U+FFFE and U+FFFF. XML 1.0 (Moodle, QTI), spreadsheets and UTF-8
#: output refuse them. YAML lets them in only through escapes of a double-quoted scalar
#: ("\a", "\x01", "\ud800"): its reader refuses them as raw characters.
CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class Map(dict[Any, Any]):
    """A mapping that knows where it, each key and each value stood."""

    pos: Pos
    key_pos: dict[Any, Pos]
    val_pos: dict[Any, Pos]
    #: keys whose plain value YAML 1.1 read as a boolean though not written true/false
    #: (yes, no, on, off …), with the text as written: a reader that wants true/false only
    #: can refuse it by name.
    loose_bools: dict[Any, str]
    #: keys whose value was written but refused (a tag, a value the constructor cannot read) and
    #: reported: they hold None, and are not "missing" too.
    refused: frozenset[Any] = frozenset()

    def at(self, key: Any) -> Pos:
        """Where the value of *key* is; for a nested list or mapping, its key's line."""
        if isinstance(self.get(key), (Map, Seq)) and key in self.key_pos:
            return self.key_pos[key]
        return self.val_pos.get(key, self.key_pos.get(key, self.pos))

    def positions(self) -> dict[Any, Pos]:
        """:meth:`at` of every key (written out: the model keeps this for every object)."""
        key_pos, val_pos, pos = self.key_pos, self.val_pos, self.pos
        return {
            k: key_pos[k] if isinstance(v, (Map, Seq)) and k in key_pos else val_pos.get(k, key_pos.get(k, pos))
            for k, v in self.items()
        }

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

    def build(self, node: yaml.Node, depth: int = 0, key: Any = None, within: Any = None) -> Any:
        """*key*: the mapping key *node* is the value of; *within*: the key of the list it is an item of."""
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
                seq.append(self.build(item, depth + 1, within=key if key is not None else within))
                seq.item_pos.append(self.pos(item))
            return seq
        if node.tag == STR_TAG and isinstance(node, yaml.ScalarNode):
            if node.style == '"' and CONTROL_RE.search(node.value):
                return self.without_controls(node, key if key is not None else within)
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

    def without_controls(self, node: yaml.ScalarNode, key: Any) -> str:
        """*node*'s text without the characters :data:`CONTROL_RE` refuses; the first is reported."""
        value: str = node.value
        found = CONTROL_RE.search(value)
        assert found is not None
        where = msg("yaml.loose_bool_key", key=key) if key is not None else Text("")
        char = f"U+{ord(found.group(0)):04X}"
        self.report.error(self.pos(node), msg("yaml.control_char", where=where, char=char))
        return CONTROL_RE.sub("", value)

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
            before = len(self.report.items)
            out[key] = self.build(value_node, depth + 1, key)
            if out[key] is None and len(self.report.items) > before:
                out.refused = out.refused | {key}
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
    if FAST_LOADER is not None:
        try:
            return _OnePass(path, line_offset).load(text)
        except (_NotPlainError, yaml.YAMLError):
            pass  # read again below: every message and position as it always was
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


class _NotPlainError(Exception):
    """The document needs more than :class:`_OnePass` does; the full path reads it."""


_MERGE_TAG = "tag:yaml.org,2002:merge"
_UNSET = object()  # an open mapping's key, before it is read


class _OnePass:
    """The usual document — mappings, lists and scalars without tags, anchors or aliases, and
    nothing to report — read in one pass over libyaml's events, into the same Map/Seq with the
    same positions as composing and then building (the nodes carry the marks of the events).

    The moment the document is anything else (a tag, an anchor or alias, a merge key, a
    duplicate or non-scalar key, a YAML 1.1 yes/no, a value the constructor refuses, nesting
    near the limit, too many nodes, a syntax error, a second document) it gives up: the full
    path then reads the document and reports exactly what it always reported. Iterative, so
    depth never recurses."""

    def __init__(self, path: str, line_offset: int):
        self.path = path
        self.line_offset = line_offset
        self.constructor = yaml.SafeLoader("")
        resolvers = self.constructor.yaml_implicit_resolvers
        #: First characters some implicit resolver (int, float, bool, null …) looks at.
        self.claimed = frozenset(resolvers)
        self.fast_str = None not in resolvers and not self.constructor.yaml_path_resolvers

    def load(self, text: str) -> Any:
        # Each open collection: [container, key, key position] (key unused for a Seq). The loop
        # is written out (no helper calls per event): a large handbook has ~200,000 events.
        path, line_offset, unset = self.path, self.line_offset + 1, _UNSET
        stack: list[list[Any]] = []
        root: Any = None
        documents = nodes = 0
        scalar_event, map_start, seq_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
        collection_end = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
        fast_str, claimed = self.fast_str, self.claimed
        event: Any
        value: Any
        loader = FAST_LOADER(text)
        try:
            get_event = loader.get_event
            while (event := get_event()) is not None:
                kind = type(event)
                if kind is scalar_event or kind is map_start or kind is seq_start:
                    if event.anchor is not None or event.tag is not None:
                        raise _NotPlainError
                    nodes += 1
                    if nodes > MAX_NODES or len(stack) >= MAX_DEPTH - 2:
                        raise _NotPlainError
                    mark = event.start_mark
                    pos = Pos(path, mark.line + line_offset, mark.column + 1)
                    if kind is scalar_event:
                        value = event.value
                        if event.style == '"' and CONTROL_RE.search(value):
                            raise _NotPlainError  # the full path reports it
                        # A string, known without asking the resolver: quoted, or plain and starting
                        # with a character no implicit resolver (int, bool, null …) looks at.
                        if not fast_str or (event.implicit[0] and (not value or value[0] in claimed)):
                            value = self.scalar(event)
                    elif kind is map_start:
                        value = Map()
                        value.pos = pos
                        value.key_pos, value.val_pos, value.loose_bools = {}, {}, {}
                    else:
                        value = Seq()
                        value.pos = pos
                        value.item_pos = []
                    if not stack:
                        if kind is scalar_event:
                            root = value
                    else:
                        # Into the open collection: a list item, a mapping key, or that key's value.
                        top = stack[-1]
                        container = top[0]
                        if type(container) is Seq:
                            container.append(value)
                            container.item_pos.append(pos)
                        elif top[1] is unset:
                            if type(value) is str:
                                value = sys.intern(value)
                            elif isinstance(value, (list, dict)):
                                raise _NotPlainError
                            if value in container.key_pos:
                                raise _NotPlainError  # a duplicate key: the full path reports it
                            top[1], top[2] = value, pos
                        else:
                            key = top[1]
                            container[key] = value
                            container.key_pos[key] = top[2]
                            container.val_pos[key] = pos
                            top[1] = unset
                    if kind is not scalar_event:
                        stack.append([value, unset, None])
                elif kind in collection_end:
                    value = stack.pop()[0]
                    if not stack:
                        root = value
                elif kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        raise _NotPlainError
                elif kind is yaml.AliasEvent:
                    raise _NotPlainError
                # else: stream start and end, document end
        finally:
            loader.dispose()
        return root

    def scalar(self, event: Any) -> Any:
        tag = self.constructor.resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
        if tag == STR_TAG:
            return event.value
        if tag == _MERGE_TAG or (tag == BOOL_TAG and not event.style and event.value.lower() not in ("true", "false")):
            raise _NotPlainError
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
        try:
            return self.constructor.construct_object(node, deep=True)
        except Exception as exc:  # whatever it is, the full path meets it as it always did
            raise _NotPlainError from exc
