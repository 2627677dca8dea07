"""A jieba of the tests' own: the module's names around a fresh tokenizer, so that a test can load,
cache and change dictionaries without touching the process-wide one."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jieba


def isolated_jieba(dictionary: Path | None = None) -> tuple[Any, Any]:
    """(a stand-in for the jieba module, its tokenizer): ``cut`` and ``dt`` are the fresh tokenizer's."""
    tokenizer = jieba.Tokenizer() if dictionary is None else jieba.Tokenizer(str(dictionary))
    module = SimpleNamespace(
        __version__=jieba.__version__,
        __file__=jieba.__file__,
        Tokenizer=jieba.Tokenizer,
        finalseg=jieba.finalseg,
        cut=tokenizer.cut,
        dt=tokenizer,
    )
    return module, tokenizer
