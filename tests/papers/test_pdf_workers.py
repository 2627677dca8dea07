"""An exam pack's PDFs are made on every core (papers.pdf.pdfs_of), with the same result as one by one."""

from __future__ import annotations

from concurrent.futures.process import BrokenProcessPool

import pytest

from trainbook.papers import pdf
from trainbook.papers.errors import PackError

PAGE = '<html lang="zh-CN"><body style="font-family: \'Noto Serif CJK SC\'"><p>第 {n} 份：客服考核</p></body></html>'


@pytest.fixture(autouse=True)
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "_cores", lambda: 2)  # the worker path, whatever machine runs the test


def test_documents_made_by_workers_are_byte_identical_and_in_order() -> None:
    htmls = [PAGE.format(n=n) for n in range(3)]
    assert pdf.pdfs_of(htmls) == [pdf.html_to_pdf_pages(h) for h in htmls]


def test_a_failing_document_raises_its_pack_error_in_both_languages() -> None:
    no_cjk = "<html><body style=\"font-family: 'DejaVu Sans'\"><p>plain</p></body></html>"
    with pytest.raises(PackError) as raised:
        pdf.pdfs_of([PAGE.format(n=1), no_cjk])
    assert pdf.BODY_FONT in str(raised.value)
    assert raised.value.message.zh != str(raised.value.message)  # the Chinese crossed the process boundary


class _NoWorkers:
    """A pool whose workers never start, as under a script without a `__main__` guard."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def __enter__(self) -> _NoWorkers:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def map(self, *args: object) -> list[object]:
        raise BrokenProcessPool("a child process terminated abruptly")


def test_when_workers_cannot_start_the_documents_are_made_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "ProcessPoolExecutor", _NoWorkers)
    htmls = [PAGE.format(n=n) for n in range(2)]
    assert pdf.pdfs_of(htmls) == [pdf.html_to_pdf_pages(h) for h in htmls]
