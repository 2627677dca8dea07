"""Structural checks of exported files: what Moodle's importer and a QTI 2.1 player require.

The official XSDs cannot be shipped with these tests, so the elements, attributes, their order
and the cross-references the formats require are checked here instead. Each check returns the
problems found (empty when the file is fine), so a failing test shows all of them.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

# -- Moodle XML -----------------------------------------------------------------------------------

MOODLE_TYPES = {"category", "multichoice", "truefalse", "shortanswer", "cloze", "ordering", "matching", "essay"}
MOODLE_FRACTIONS = {
    100.0, 90.0, 83.33333, 80.0, 75.0, 70.0, 66.66667, 60.0, 50.0, 40.0, 33.33333, 30.0, 25.0, 20.0,
    16.66667, 14.28571, 12.5, 11.11111, 10.0, 5.0, 0.0,
}  # fmt: skip
ANSWER_NUMBERING = {"abc", "ABCD", "123", "iii", "IIII", "none"}


def _is_fraction(value: str) -> bool:
    try:
        f = abs(float(value))
    except ValueError:
        return False
    return any(abs(f - allowed) < 1e-4 for allowed in MOODLE_FRACTIONS)


def check_moodle(data: bytes) -> list[str]:
    problems: list[str] = []
    root = etree.fromstring(data)
    if root.tag != "quiz":
        return [f"root element is <{root.tag}>, not <quiz>"]
    seen_category = False
    for i, qel in enumerate(root.findall("question"), 1):
        qtype = qel.get("type")
        where = f"question {i} ({qel.findtext('name/text') or qtype})"
        if qtype not in MOODLE_TYPES:
            problems.append(f"{where}: unknown type {qtype!r}")
            continue
        if qtype == "category":
            seen_category = True
            if not (qel.findtext("category/text") or "").startswith("$course$/top/"):
                problems.append(f"{where}: category path must start with $course$/top/")
            continue
        if not seen_category:
            problems.append(f"{where}: comes before any category")
        for path in ("name/text", "questiontext/text", "idnumber", "defaultgrade"):
            if not (qel.findtext(path) or "").strip():
                problems.append(f"{where}: missing {path}")
        if qel.find("questiontext").get("format") not in ("html", "moodle_auto_format", "plain_text", "markdown"):
            problems.append(f"{where}: questiontext has no valid format")
        try:
            float(qel.findtext("defaultgrade") or "x")
        except ValueError:
            problems.append(f"{where}: defaultgrade is not a number")
        answers = qel.findall("answer")
        if qtype == "multichoice":
            if qel.findtext("single") not in ("true", "false"):
                problems.append(f"{where}: <single> must be true or false")
            if qel.findtext("shuffleanswers") not in ("true", "false", "1", "0"):
                problems.append(f"{where}: <shuffleanswers> must be true or false")
            if qel.findtext("answernumbering") not in ANSWER_NUMBERING:
                problems.append(f"{where}: <answernumbering> must be one of {sorted(ANSWER_NUMBERING)}")
            fractions = [a.get("fraction", "") for a in answers]
            if len(answers) < 2 or not all(_is_fraction(f) for f in fractions):
                problems.append(f"{where}: needs 2+ answers with Moodle fractions, found {fractions}")
            positive = sum(float(f) for f in fractions if _is_fraction(f) and float(f) > 0)
            if abs(positive - 100) > 0.01:
                problems.append(f"{where}: right answers add up to {positive}%, not 100%")
        elif qtype == "truefalse":
            texts = sorted(a.findtext("text") or "" for a in answers)
            if texts != ["false", "true"] or sorted(a.get("fraction") for a in answers) != ["0", "100"]:
                problems.append(f"{where}: truefalse needs answers true and false with fractions 100 and 0")
        elif qtype == "shortanswer":
            if not answers or any(a.get("fraction") != "100" or not a.findtext("text") for a in answers):
                problems.append(f"{where}: shortanswer needs accepted answers at fraction 100")
        elif qtype == "cloze":
            text = qel.findtext("questiontext/text") or ""
            codes = re.findall(r"\{\d+:SHORTANSWER:(?:\\.|[^}\\])+\}", text)
            if len(codes) < 2:
                problems.append(f"{where}: cloze text holds {len(codes)} SHORTANSWER blanks")
        elif qtype == "ordering":
            for tag in ("layouttype", "selecttype", "selectcount", "gradingtype", "showgrading"):
                if qel.find(tag) is None:
                    problems.append(f"{where}: ordering lacks <{tag}>")
            if [a.get("fraction") for a in answers] != [str(n) for n in range(1, len(answers) + 1)]:
                problems.append(f"{where}: ordering answers must be numbered 1, 2, … in the right order")
        elif qtype == "matching":
            subs = qel.findall("subquestion")
            paired = [s for s in subs if (s.findtext("text") or "").strip()]
            if len(paired) < 2 or any(not (s.findtext("answer/text") or "").strip() for s in subs):
                problems.append(f"{where}: matching needs 2+ subquestions, each with an answer")
        elif qtype == "essay" and (qel.find("graderinfo/text") is None or qel.findtext("responseformat") is None):
            problems.append(f"{where}: essay lacks graderinfo or responseformat")
    return problems


# -- QTI 2.1 --------------------------------------------------------------------------------------

QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
ITEM_ORDER = ["responseDeclaration", "outcomeDeclaration", "itemBody", "responseProcessing", "modalFeedback"]
BLOCKS = {
    "p", "div", "ul", "ol", "table", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "hr",
    "address", "rubricBlock", "choiceInteraction", "orderInteraction", "matchInteraction",
    "extendedTextInteraction",
}  # fmt: skip
INTERACTIONS = {
    "choiceInteraction",
    "orderInteraction",
    "matchInteraction",
    "extendedTextInteraction",
    "textEntryInteraction",
}
NCNAME = re.compile(r"^[A-Za-z_][\w.-]*$")


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname


def check_qti_item(data: bytes) -> list[str]:
    problems: list[str] = []
    root = etree.fromstring(data)
    if root.tag != QTI + "assessmentItem":
        return [f"root is {root.tag}, not a QTI 2.1 assessmentItem"]
    for attr in ("identifier", "title", "adaptive", "timeDependent"):
        if root.get(attr) is None:
            problems.append(f"assessmentItem lacks required attribute {attr}")
    ident = root.get("identifier", "?")
    if not NCNAME.match(ident):
        problems.append(f"identifier {ident!r} is not an NCName")
    children = [_local(c) for c in root]
    if any(c not in ITEM_ORDER for c in children):
        problems.append(f"{ident}: unexpected children {children}")
    elif [ITEM_ORDER.index(c) for c in children] != sorted(ITEM_ORDER.index(c) for c in children):
        problems.append(f"{ident}: children out of schema order: {children}")
    if children.count("itemBody") != 1:
        problems.append(f"{ident}: needs exactly one itemBody")
    declared = {d.get("identifier"): d for d in root.findall(QTI + "responseDeclaration")}
    outcomes = {d.get("identifier") for d in root.findall(QTI + "outcomeDeclaration")}
    if "SCORE" not in outcomes:
        problems.append(f"{ident}: no SCORE outcome")
    body = root.find(QTI + "itemBody")
    if body is None:
        return problems
    for child in body:
        if _local(child) not in BLOCKS:
            problems.append(f"{ident}: itemBody holds <{_local(child)}>, which is not block content")
    if body.text and body.text.strip():
        problems.append(f"{ident}: itemBody holds loose text")
    used = set()
    for el in body.iter():
        if not isinstance(el.tag, str):
            continue
        if not el.tag.startswith(QTI):
            problems.append(f"{ident}: element {el.tag} is outside the QTI namespace")
        name = _local(el)
        if name in INTERACTIONS:
            rid = el.get("responseIdentifier")
            if rid not in declared:
                problems.append(f"{ident}: {name} answers undeclared response {rid!r}")
            used.add(rid)
        if name in ("choiceInteraction", "orderInteraction"):
            choices = [c.get("identifier") for c in el.findall(QTI + "simpleChoice")]
            if len(choices) < 2 or len(set(choices)) != len(choices):
                problems.append(f"{ident}: {name} needs 2+ distinct simpleChoice identifiers")
            correct = [v.text for v in declared.get(el.get("responseIdentifier"), el).iter(QTI + "value")]
            if any(c not in choices for c in correct):
                problems.append(f"{ident}: correct response {correct} names no choice")
        if name == "matchInteraction":
            sets = el.findall(QTI + "simpleMatchSet")
            if len(sets) != 2:
                problems.append(f"{ident}: matchInteraction needs two simpleMatchSets")
            else:
                lefts = {c.get("identifier") for c in sets[0]}
                rights = {c.get("identifier") for c in sets[1]}
                for v in declared.get(el.get("responseIdentifier"), el).iter(QTI + "value"):
                    a, _, b = (v.text or "").partition(" ")
                    if a not in lefts or b not in rights:
                        problems.append(f"{ident}: directed pair {v.text!r} names no choices")
        if name == "textEntryInteraction" and _local(el.getparent()) == "itemBody":
            problems.append(f"{ident}: textEntryInteraction must sit inside a block, not in itemBody")
    unused = set(declared) - used
    if unused:
        problems.append(f"{ident}: responses declared but never asked: {sorted(unused)}")
    # QTI 2.1 shows a modal feedback only when response processing sets its outcome to its identifier.
    set_values = {
        (sov.get("identifier"), (base.text or "").strip())
        for sov in root.iter(QTI + "setOutcomeValue")
        for base in sov.findall(QTI + "baseValue")
    }
    for fb in root.findall(QTI + "modalFeedback"):
        outcome, shown = fb.get("outcomeIdentifier"), fb.get("identifier")
        if outcome not in outcomes:
            problems.append(f"{ident}: modalFeedback's outcome {outcome!r} is not declared")
        if fb.get("showHide") == "show" and (outcome, shown) not in set_values:
            problems.append(f"{ident}: modalFeedback {shown!r} can never show: nothing sets {outcome} to it")
    return problems


def check_qti_package(data: bytes) -> list[str]:
    problems: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = set(zf.namelist())
        if "imsmanifest.xml" not in names:
            return ["package has no imsmanifest.xml at its root"]
        manifest = etree.fromstring(zf.read("imsmanifest.xml"))
        if manifest.tag != CP + "manifest" or not manifest.get("identifier"):
            problems.append("imsmanifest.xml root must be an IMS CP manifest with an identifier")
        if [_local(c) for c in manifest] != ["metadata", "organizations", "resources"]:
            problems.append(f"manifest children are {[_local(c) for c in manifest]}")
        listed = set()
        for res in manifest.iter(CP + "resource"):
            href = res.get("href")
            if res.get("type") != "imsqti_item_xmlv2p1" or not res.get("identifier"):
                problems.append(f"resource {href}: needs an identifier and type imsqti_item_xmlv2p1")
            if href not in names:
                problems.append(f"resource {href} is not in the zip")
            listed.add(href)
            problems += [f"{href}: {p}" for p in check_qti_item(zf.read(href))] if href in names else []
        extra = names - listed - {"imsmanifest.xml"}
        if extra:
            problems.append(f"files not in the manifest: {sorted(extra)}")
    return problems


# -- GIFT -----------------------------------------------------------------------------------------


def parse_gift(text: str) -> list[dict[str, str]]:
    """A small GIFT reader: questions as {'name', 'before', 'answers', 'after'}; raises on bad syntax.

    Follows Moodle's rules: a question ends at a blank line; ``\\`` escapes the next character;
    an unescaped ``{`` opens the answers, which end at the next unescaped ``}``.
    """
    questions = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        lines = [ln for ln in chunk.splitlines() if not ln.lstrip().startswith("//")]
        body = "\n".join(lines).strip()
        if not body or body.startswith("$CATEGORY:"):
            continue
        m = re.match(r"^::((?:\\.|[^:\\])*)::", body)
        if not m:
            raise ValueError(f"question without ::name:: : {body[:60]!r}")
        rest = body[m.end() :]
        depth, opened, closed = 0, -1, -1
        i = 0
        while i < len(rest):
            ch = rest[i]
            if ch == "\\":
                i += 2
                continue
            if ch == "{":
                if depth or opened >= 0:
                    raise ValueError(f"second or nested {{ in {m.group(1)}")
                depth, opened = 1, i
            elif ch == "}":
                if not depth:
                    raise ValueError(f"unmatched }} in {m.group(1)}")
                depth, closed = 0, i
            elif ch in "~=" and not depth:
                raise ValueError(f"unescaped {ch!r} outside the answers of {m.group(1)}")
            i += 1
        if opened < 0 or closed < 0:
            raise ValueError(f"no answer block in {m.group(1)}")
        questions.append(
            {
                "name": m.group(1),
                "before": rest[:opened],
                "answers": rest[opened + 1 : closed],
                "after": rest[closed + 1 :],
            }
        )
    return questions


def gift_unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)
