"""IMS QTI 2.1 content package: a zip of one assessmentItem per question plus imsmanifest.xml.

single/multiple/true_false → choiceInteraction; fill_blank → textEntryInteraction per blank
(each accepted answer mapped, case-insensitive); ordering → orderInteraction; matching →
matchInteraction (distractors as extra targets); short_answer → extendedTextInteraction with
the reference and rubric in a scorer-only rubricBlock; group → its sub-questions, each with
the shared stem. Scoring: SCORE = the question's points for a right response (fill_blank: the
points shared by the blanks). Losses: groups split; multiple choice with ``partial: true``
scored all-or-nothing; tags and explanation kept only as item metadata / modal feedback.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Mapping
from html.parser import HTMLParser
from pathlib import Path

from ..model import Case, Choice, FillBlank, Matching, Ordering, Question, ShortAnswer, TrueFalse
from ..stablezip import entry
from .common import ExportContext, context, leaves
from .losses import Losses, loss
from .select import Selection

NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"

LOSS_GROUP = loss(
    "groups split into separate items (the shared stem repeated in each)", "个题组拆成单独的题目（每题重复共同题干）"
)
LOSS_PARTIAL = loss(
    "multiple-choice questions with partial: true scored all-or-nothing", "道 partial: true 的多选题改为全对才得分"
)
LOSS_TAGS = loss(
    "questions whose tags are not carried (QTI items have no tags)", "题的标签没有带上（QTI 题目没有标签）"
)
LOSSES = (LOSS_GROUP, LOSS_PARTIAL, LOSS_TAGS)

# XHTML elements QTI 2.1 content may hold (a subset of what the sanitiser lets through).
_ALLOWED = {
    "p", "div", "span", "strong", "em", "b", "i", "u", "ul", "ol", "li", "table", "thead", "tbody", "tfoot",
    "tr", "td", "th", "caption", "br", "hr", "img", "a", "code", "pre", "blockquote", "h1", "h2", "h3", "h4",
    "h5", "h6", "sub", "sup", "small", "big", "tt", "abbr", "acronym", "cite", "dfn", "kbd", "q", "samp",
    "var", "dl", "dt", "dd", "address",
}  # fmt: skip
_ATTRS = {
    "a": ("href",),
    "img": ("src", "alt", "width", "height"),
    "td": ("colspan", "rowspan"),
    "th": ("colspan", "rowspan"),
}
_VOID = {"br", "hr", "img"}
_BLOCK = {
    "p",
    "div",
    "ul",
    "ol",
    "table",
    "pre",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dl",
    "hr",
    "address",
}


def _document(root: ET.Element) -> bytes:
    body: bytes = ET.tostring(root, encoding="utf-8")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body + b"\n"


def q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


class _Builder(HTMLParser):
    """Sanitised HTML → elements in the QTI namespace; unknown tags are unwrapped to their text.

    ``<tb-blank n="0">`` placeholders become textEntryInteraction elements.
    """

    def __init__(self, root: ET.Element):
        super().__init__(convert_charrefs=True)
        self.stack = [root]

    def _append_text(self, text: str) -> None:
        cur = self.stack[-1]
        if len(cur):
            cur[-1].tail = (cur[-1].tail or "") + text
        else:
            cur.text = (cur.text or "") + text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tb-blank":
            n = int(dict(attrs).get("n") or 0)
            ET.SubElement(
                self.stack[-1],
                q("textEntryInteraction"),
                {"responseIdentifier": f"RESPONSE_{n + 1}", "expectedLength": "12"},
            )
            return
        if tag not in _ALLOWED:
            return
        keep = {k: v for k, v in attrs if k in _ATTRS.get(tag, ()) and v is not None}
        if tag == "img":
            keep.setdefault("alt", "")
            if "src" not in keep:
                return
        el = ET.SubElement(self.stack[-1], q(tag), keep)
        if tag not in _VOID:
            self.stack.append(el)

    def handle_endtag(self, tag: str) -> None:
        if tag in _ALLOWED and tag not in _VOID and len(self.stack) > 1 and self.stack[-1].tag == q(tag):
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self._append_text(data)


def _content(parent: ET.Element, html: str, block: bool) -> None:
    """Append *html* to *parent*; with *block*, loose text and inline elements get a <div> around them."""
    holder = ET.Element("holder")
    builder = _Builder(holder)
    builder.feed(html)
    builder.close()
    if not block:
        parent.text = (parent.text or "") + (holder.text or "")
        parent.extend(list(holder))
        return
    pending: ET.Element | None = None

    def wrap() -> ET.Element:
        nonlocal pending
        if pending is None:
            pending = ET.SubElement(parent, q("div"))
        return pending

    if holder.text and holder.text.strip():
        wrap().text = holder.text
    for child in list(holder):
        tail, child.tail = child.tail, None
        if child.tag.removeprefix(f"{{{NS}}}") in _BLOCK:
            pending = None
            parent.append(child)
        else:
            wrap().append(child)
        if tail and tail.strip():
            w = wrap()
            if len(w):
                w[-1].tail = (w[-1].tail or "") + tail
            else:
                w.text = (w.text or "") + tail


def _score_decl(item: ET.Element, points: float) -> None:
    out = ET.SubElement(
        item, q("outcomeDeclaration"), {"identifier": "SCORE", "cardinality": "single", "baseType": "float"}
    )
    dv = ET.SubElement(out, q("defaultValue"))
    ET.SubElement(dv, q("value")).text = "0"
    mx = ET.SubElement(
        item, q("outcomeDeclaration"), {"identifier": "MAXSCORE", "cardinality": "single", "baseType": "float"}
    )
    dv = ET.SubElement(mx, q("defaultValue"))
    ET.SubElement(dv, q("value")).text = f"{points:g}"


def _response(item: ET.Element, ident: str, cardinality: str, base: str, values: list[str]) -> ET.Element:
    decl = ET.SubElement(
        item, q("responseDeclaration"), {"identifier": ident, "cardinality": cardinality, "baseType": base}
    )
    if values:
        cr = ET.SubElement(decl, q("correctResponse"))
        for v in values:
            ET.SubElement(cr, q("value")).text = v
    return decl


def _match_correct(points: float) -> ET.Element:
    rp = ET.Element(q("responseProcessing"))
    cond = ET.SubElement(rp, q("responseCondition"))
    rif = ET.SubElement(cond, q("responseIf"))
    match = ET.SubElement(rif, q("match"))
    ET.SubElement(match, q("variable"), {"identifier": "RESPONSE"})
    ET.SubElement(match, q("correct"), {"identifier": "RESPONSE"})
    sov = ET.SubElement(rif, q("setOutcomeValue"), {"identifier": "SCORE"})
    ET.SubElement(sov, q("baseValue"), {"baseType": "float"}).text = f"{points:g}"
    return rp


class _Item:
    """What one type writer fills in: declarations before the body, interactions in it, processing after."""

    def __init__(self, item: ET.Element, body: ET.Element, ctx: ExportContext, question: Question):
        self.item, self.body, self.ctx, self.q = item, body, ctx, question
        self.processing: ET.Element | None = None


def _choice(it: _Item) -> None:
    b = it.q.body
    assert isinstance(b, (Choice, TrueFalse))
    options: tuple[str, ...]
    answer: tuple[int, ...]
    if isinstance(b, TrueFalse):
        options, answer, shuffle, multi = ("对", "错"), ((0,) if b.answer else (1,)), False, False
    else:
        options, answer, shuffle, multi = b.options, b.answer, b.shuffle, it.q.type == "multiple"
        if b.partial:
            it.ctx.losses.add(LOSS_PARTIAL, it.q.id)
    ids = [f"C{i + 1}" for i in range(len(options))]
    _response(it.item, "RESPONSE", "multiple" if multi else "single", "identifier", [ids[i] for i in answer])
    _content(it.body, it.ctx.stem_html(it.q), True)
    inter = ET.SubElement(
        it.body,
        q("choiceInteraction"),
        {
            "responseIdentifier": "RESPONSE",
            "shuffle": "true" if shuffle else "false",
            "maxChoices": "0" if multi else "1",
        },
    )
    for ident, option in zip(ids, options, strict=True):
        ch = ET.SubElement(inter, q("simpleChoice"), {"identifier": ident})
        _content(ch, it.ctx.inline(option), False)
    it.processing = _match_correct(it.q.points)


def _fill_blank(it: _Item) -> None:
    b = it.q.body
    assert isinstance(b, FillBlank)
    each = it.q.points / len(b.blanks)
    sums = []
    for i, accepted in enumerate(b.blanks, 1):
        decl = _response(it.item, f"RESPONSE_{i}", "single", "string", [accepted[0]])
        mapping = ET.SubElement(decl, q("mapping"), {"defaultValue": "0"})
        for a in dict.fromkeys(accepted):
            ET.SubElement(mapping, q("mapEntry"), {"mapKey": a, "mappedValue": f"{each:g}", "caseSensitive": "false"})
        sums.append(f"RESPONSE_{i}")
    _content(it.body, it.ctx.stem_html(it.q, lambda n: f'<tb-blank n="{n}"></tb-blank>'), True)
    rp = ET.Element(q("responseProcessing"))
    sov = ET.SubElement(rp, q("setOutcomeValue"), {"identifier": "SCORE"})
    total = ET.SubElement(sov, q("sum"))
    for ident in sums:
        ET.SubElement(total, q("mapResponse"), {"identifier": ident})
    it.processing = rp


def _ordering(it: _Item) -> None:
    b = it.q.body
    assert isinstance(b, Ordering)
    ids = [f"I{i + 1}" for i in range(len(b.items))]
    _response(it.item, "RESPONSE", "ordered", "identifier", ids)
    _content(it.body, it.ctx.stem_html(it.q), True)
    inter = ET.SubElement(it.body, q("orderInteraction"), {"responseIdentifier": "RESPONSE", "shuffle": "true"})
    for ident, item in zip(ids, b.items, strict=True):
        ch = ET.SubElement(inter, q("simpleChoice"), {"identifier": ident})
        _content(ch, it.ctx.inline(item), False)
    it.processing = _match_correct(it.q.points)


def _matching(it: _Item) -> None:
    b = it.q.body
    assert isinstance(b, Matching)
    lefts = [f"L{i + 1}" for i in range(len(b.pairs))]
    rights = [f"R{i + 1}" for i in range(len(b.pairs) + len(b.distractors))]
    _response(
        it.item,
        "RESPONSE",
        "multiple",
        "directedPair",
        [f"{lid} {rid}" for lid, rid in zip(lefts, rights, strict=False)],
    )
    _content(it.body, it.ctx.stem_html(it.q), True)
    inter = ET.SubElement(
        it.body,
        q("matchInteraction"),
        {"responseIdentifier": "RESPONSE", "shuffle": "true", "maxAssociations": str(len(lefts))},
    )
    sources = ET.SubElement(inter, q("simpleMatchSet"))
    for ident, (left, _right) in zip(lefts, b.pairs, strict=True):
        ch = ET.SubElement(sources, q("simpleAssociableChoice"), {"identifier": ident, "matchMax": "1"})
        _content(ch, it.ctx.inline(left), False)
    targets = ET.SubElement(inter, q("simpleMatchSet"))
    for ident, text in zip(rights, [p[1] for p in b.pairs] + list(b.distractors), strict=True):
        ch = ET.SubElement(targets, q("simpleAssociableChoice"), {"identifier": ident, "matchMax": "1"})
        _content(ch, it.ctx.inline(text), False)
    it.processing = _match_correct(it.q.points)


def _short_answer(it: _Item) -> None:
    b = it.q.body
    assert isinstance(b, ShortAnswer)
    _response(it.item, "RESPONSE", "single", "string", [])
    _content(it.body, it.ctx.stem_html(it.q), True)
    rubric = ET.SubElement(it.body, q("rubricBlock"), {"view": "scorer"})
    html = "<h4>参考答案</h4>" + it.ctx.html(b.reference)
    if b.rubric:
        items = "".join(f"<li>{it.ctx.inline(p.point)}（{p.points:g} 分）</li>" for p in b.rubric)
        html += f"<h4>评分要点</h4><ol>{items}</ol>"
    _content(rubric, html, True)
    ET.SubElement(it.body, q("extendedTextInteraction"), {"responseIdentifier": "RESPONSE", "expectedLines": "8"})


#: trainbook type → the writer of its declarations, interaction and response processing.
WRITERS: Mapping[str, Callable[[_Item], None]] = {
    "single": _choice,
    "multiple": _choice,
    "true_false": _choice,
    "fill_blank": _fill_blank,
    "ordering": _ordering,
    "matching": _matching,
    "short_answer": _short_answer,
}


def item_xml(question: Question, shared: str, ctx: ExportContext) -> bytes:
    ET.register_namespace("", NS)
    ET.register_namespace("xsi", XSI)
    item = ET.Element(
        q("assessmentItem"),
        {
            "identifier": question.id,
            "title": question.id,
            "adaptive": "false",
            "timeDependent": "false",
            f"{{{XSI}}}schemaLocation": f"{NS} {QTI_XSD}",
        },
    )
    body = ET.Element(q("itemBody"))
    if shared:
        _content(body, ctx.html(shared), True)
    it = _Item(item, body, ctx, question)
    WRITERS[question.type](it)
    # Element order the schema requires: responseDeclaration*, outcomeDeclaration*, itemBody,
    # responseProcessing?, modalFeedback*.
    _score_decl(item, question.points)
    item.append(body)
    if it.processing is not None:
        item.append(it.processing)
    if question.explanation:
        # A modal feedback shows when its outcome holds its identifier, so processing sets it on
        # every submission: the explanation follows any answer, as on the handbook's own quizzes.
        if it.processing is None:
            it.processing = ET.SubElement(item, q("responseProcessing"))
        shown = ET.SubElement(it.processing, q("setOutcomeValue"), {"identifier": "FEEDBACK"})
        ET.SubElement(shown, q("baseValue"), {"baseType": "identifier"}).text = "EXPLANATION"
        fb = ET.SubElement(
            item, q("modalFeedback"), {"outcomeIdentifier": "FEEDBACK", "identifier": "EXPLANATION", "showHide": "show"}
        )
        _content(fb, ctx.html(question.explanation), True)
        ET.SubElement(
            item,
            q("outcomeDeclaration"),
            {"identifier": "FEEDBACK", "cardinality": "single", "baseType": "identifier"},
        )
        _reorder(item)
    if question.tags:
        ctx.losses.add(LOSS_TAGS, question.id)
    ET.indent(item, "  ")
    return _document(item)


_ORDER = ("responseDeclaration", "outcomeDeclaration", "itemBody", "responseProcessing", "modalFeedback")


def _reorder(item: ET.Element) -> None:
    children = list(item)
    for c in children:
        item.remove(c)
    children.sort(key=lambda c: _ORDER.index(c.tag.removeprefix(f"{{{NS}}}")))
    item.extend(children)


def manifest_xml(entries: list[tuple[str, str]], package_id: str) -> bytes:
    ET.register_namespace("", CP)
    ET.register_namespace("xsi", XSI)
    m = ET.Element(f"{{{CP}}}manifest", {"identifier": package_id, f"{{{XSI}}}schemaLocation": f"{CP} {CP_XSD}"})
    meta = ET.SubElement(m, f"{{{CP}}}metadata")
    ET.SubElement(meta, f"{{{CP}}}schema").text = "QTIv2.1 Package"
    ET.SubElement(meta, f"{{{CP}}}schemaversion").text = "1.0.0"
    ET.SubElement(m, f"{{{CP}}}organizations")
    res = ET.SubElement(m, f"{{{CP}}}resources")
    for ident, href in entries:
        r = ET.SubElement(
            res, f"{{{CP}}}resource", {"identifier": f"res-{ident}", "type": "imsqti_item_xmlv2p1", "href": href}
        )
        ET.SubElement(r, f"{{{CP}}}file", {"href": href})
    ET.indent(m, "  ")
    return _document(m)


def build(selection: Selection, cases: Mapping[str, Case]) -> tuple[bytes, Losses]:
    ctx = context("qti", cases)
    buf = io.BytesIO()
    entries = []
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for part in selection.parts:
            for question, shared in leaves(part.questions, ctx, LOSS_GROUP):
                href = f"items/{question.id}.xml"
                zf.writestr(entry(href), item_xml(question, shared, ctx))
                entries.append((question.id, href))
        name = selection.parts[0].name if selection.parts else "empty"
        zf.writestr(entry("imsmanifest.xml"), manifest_xml(entries, f"trainbook-{name}"))
    return buf.getvalue(), ctx.losses


def write(selection: Selection, out: Path, cases: Mapping[str, Case]) -> Losses:
    data, losses = build(selection, cases)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return losses
