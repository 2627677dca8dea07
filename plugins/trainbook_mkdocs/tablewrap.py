"""Each Markdown table of a page in a block of its own, for Material's table wrapper.

When a page has loaded, Material's JavaScript moves every table without a class
(``table:not([class])``, what Markdown writes) into a scrolling wrapper. Its stylesheet also
has ``.md-typeset table:not([class]) + *``: a rule on whatever follows a table. With such a
rule, moving a child of an element makes the browser restyle that element's whole subtree.
A table written straight into the page is a child of the article, so the article was
restyled at once, in the task that runs Material's ``DOMContentLoaded`` handlers: on the
example's module pages that task took 16–19 ms without the tables and 49–72 ms with them
(Chromium, traced as Lighthouse traces; docs/performance.md). In a plain ``<div>`` of its
own, only the table itself is restyled.

The ``<div>`` has no box of its own (no margin, border or padding), so the page looks the
same; without JavaScript, the block after a table loses Material's extra top margin.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

#: The wrapper's class (assets/trainbook.css gives it no style).
WRAPPER = "tb-table"


class TableWrapTreeprocessor(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag == "table" and "class" not in child.attrib:
                    wrapper = ET.Element("div", {"class": WRAPPER})
                    wrapper.tail, child.tail = child.tail, None
                    parent.remove(child)
                    wrapper.append(child)
                    parent.insert(index, wrapper)


class TableWrapExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After the inline patterns (20) and before prettify (10), which indents the new block.
        md.treeprocessors.register(TableWrapTreeprocessor(md), "trainbook_tablewrap", 15)
