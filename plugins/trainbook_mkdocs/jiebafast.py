"""jieba, as Material's search uses it, with the same results in less time.

Material's search plugin splits each run of Han characters with ``jieba.cut`` (accurate mode,
HMM on). Two parts of that cost every build the same whatever the handbook holds, and both
are done here with results identical to jieba's:

- **Loading the dictionary.** jieba reads its prefix dictionary (about 500,000 entries) from a
  ``marshal`` cache, about 0.6 s. :func:`load_dictionary` keeps the same entries as one UTF-8
  text of words and one array of counts, read in about a third of the time; the first build
  lets jieba load and writes that cache.
- **Cutting a run.** jieba builds a dictionary of candidate words per character, then a route
  through it, through generators at every step. :class:`Cutter` does the same arithmetic in
  one loop: the same candidates, the same sums in the same order (so the same floating-point
  values), the same tie-break (the longer word), and jieba's own HMM (``jieba.finalseg``) for
  unknown stretches.

Anything this was not checked against — another jieba version, a patched ``jieba.cut``, a run
with characters outside the range jieba treats as one block — goes to jieba itself.
"""

from __future__ import annotations

import array
import contextlib
import hashlib
import itertools
import json
import os
import re
import sys
import tempfile
from math import log
from pathlib import Path
from typing import Any

#: jieba versions whose accurate mode this module reproduces (the tests compare with each).
VERIFIED = frozenset(["0.42", "0.42.1"])
# jieba's re_han_default matches these with letters, digits and a few signs; a run of them
# alone is one block, cut by the DAG and the HMM.
_ONE_BLOCK = re.compile("[\u4e00-\u9fd5]+")
_MAGIC = b"trainbook jieba dictionary 2\n"
_CHUNK = 32768  # entries per chunk of the cache file


def verified_tokenizer(jieba: Any) -> Any:
    """The tokenizer behind ``jieba.cut`` when it is jieba's own, unpatched, in a version this
    module reproduces; None otherwise (jieba is then asked directly, and loads by itself)."""
    cut = getattr(jieba, "cut", None)
    tokenizer = getattr(cut, "__self__", None)
    if (
        getattr(jieba, "__version__", None) in VERIFIED
        and type(tokenizer) is getattr(jieba, "Tokenizer", None)
        and getattr(cut, "__func__", None) is jieba.Tokenizer.cut
    ):
        return tokenizer
    return None


class Cutter:
    """``list(jieba.cut(text))`` for a run of Han characters."""

    def __init__(self, jieba: Any):
        self._jieba = jieba
        self.tokenizer = verified_tokenizer(jieba)
        self._freq: dict[str, int] | None = None
        self._total = 0
        self._logs: dict[str, float] = {}
        self._logtotal = 0.0

    def cut(self, text: str) -> list[str]:
        """The words of *text*, as jieba's accurate mode (HMM on) gives them."""
        tokenizer = self.tokenizer
        if tokenizer is None or not _ONE_BLOCK.fullmatch(text):
            return list(self._jieba.cut(text.encode("utf-8")))
        tokenizer.check_initialized()
        freq, total = tokenizer.FREQ, tokenizer.total
        if freq is not self._freq or total != self._total:
            # A dictionary loaded or a word added since: the cached logarithms are stale.
            self._freq, self._total, self._logs = freq, total, {}
            self._logtotal = log(total)
        return self._route(text, freq)

    def _route(self, text: str, freq: dict[str, int]) -> list[str]:
        # jieba.Tokenizer.get_DAG and calc in one backward pass: for each position, the best
        # (score, end) over the dictionary words starting there, score = log(count) - log(total)
        # + the score after the word, the larger end on a tie (jieba takes max of tuples).
        n = len(text)
        logs, logtotal, get = self._logs, self._logtotal, freq.get
        score = [0.0] * (n + 1)
        end = list(range(n + 1))
        for start in range(n - 1, -1, -1):
            word = text[start]
            count = get(word)
            best = None
            i = start
            while count is not None:  # every prefix of a word is in FREQ (count 0 if not a word)
                if count:
                    w = logs.get(word)
                    if w is None:
                        w = logs[word] = log(count) - logtotal
                    s = w + score[i + 1]
                    if best is None or s >= best:
                        best, end[start] = s, i
                i += 1
                if i == n:
                    break
                word = text[start : i + 1]
                count = get(word)
            # No word starts here: the character alone, at count 1 (jieba's "or 1").
            score[start] = 0.0 - logtotal + score[start + 1] if best is None else best
        # jieba.Tokenizer.__cut_DAG: single characters gather in a buffer; a buffer that is not
        # itself a word goes through the HMM.
        words: list[str] = []
        hmm = self._jieba.finalseg.cut
        x = 0
        buf = ""
        while x < n:
            y = end[x] + 1
            if y - x == 1:
                buf += text[x]
            else:
                if buf:
                    _unknown(buf, words, get, hmm)
                    buf = ""
                words.append(text[x:y])
            x = y
        if buf:
            _unknown(buf, words, get, hmm)
        return words


def _unknown(buf: str, words: list[str], get: Any, hmm: Any) -> None:
    """Single characters in a row: one word, or, unless they form a known word, the HMM's cut."""
    if len(buf) == 1:
        words.append(buf)
    elif not get(buf):
        words.extend(hmm(buf))
    else:
        words.extend(buf)


def dictionary_path(jieba: Any, tokenizer: Any) -> str:
    """The file *tokenizer* reads its dictionary from."""
    if tokenizer.dictionary is None:  # jieba's DEFAULT_DICT: the one in its package
        return os.path.join(os.path.dirname(os.path.abspath(jieba.__file__)), "dict.txt")
    return str(tokenizer.dictionary)


def cache_dir() -> Path | None:
    """Where this user's trainbook caches live (``$XDG_CACHE_HOME/trainbook``, else
    ``~/.cache/trainbook``); None without a home directory (never a folder named ``~``)."""
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        home = os.path.expanduser("~")
        if home.startswith("~"):
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "trainbook"


def load_dictionary(jieba: Any, tokenizer: Any, directory: Path | None) -> bool:
    """Give *tokenizer* (not yet initialised) its dictionary from the cache in *directory*; True
    when it came from there. Otherwise jieba loads it as always, and the cache is written for
    the next build (silently not, when *directory* cannot be written or is None)."""
    if tokenizer.initialized or directory is None:
        return False
    path = dictionary_path(jieba, tokenizer)
    try:
        st = os.stat(path)
    except OSError:
        return False  # jieba reports a missing dictionary its own way when it loads it
    key = [jieba.__version__, path, st.st_size, st.st_mtime_ns, sys.byteorder]
    cache = directory / f"jieba-{hashlib.sha256(json.dumps(key).encode()).hexdigest()[:24]}.bin"
    loaded = _read(cache, key)
    if loaded is not None:
        tokenizer.FREQ, tokenizer.total = loaded
        tokenizer.initialized = True
        with contextlib.suppress(OSError):
            os.utime(cache)  # in use: the last to be cleared away
        return True
    tokenizer.initialize()
    _write(cache, key, tokenizer.FREQ, tokenizer.total)
    _clear_old(directory)
    return False


#: Dictionary caches kept (each jieba installation has its own: every virtualenv, every CI
#: checkout); the least recently used go.
KEEP = 4


def _clear_old(directory: Path) -> None:
    try:
        caches = sorted(directory.glob("jieba-*.bin"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in caches[KEEP:]:
            old.unlink()
    except OSError:
        pass  # another build cleared it first, or the directory is not ours to tidy


def _read(cache: Path, key: list[object]) -> tuple[dict[str, int], int] | None:
    # Read a chunk at a time, so that little more than the dictionary itself is ever in memory
    # (the build's peak memory is one of its targets).
    try:
        with cache.open("rb") as f:
            if f.read(len(_MAGIC)) != _MAGIC:
                return None
            head = json.loads(f.readline())
            if head["key"] != key:
                return None
            freq: dict[str, int] = {}
            for count, size in head["chunks"]:
                counts = array.array("q")
                counts.fromfile(f, count)
                words = f.read(size).decode("utf-8").split("\n")
                if len(words) != count:
                    return None
                freq.update(zip(words, counts, strict=True))
            if f.read(1):
                return None
            return freq, int(head["total"])
    except (OSError, EOFError, ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None  # a damaged or foreign file: jieba loads, and the cache is written afresh


def _write(cache: Path, key: list[object], freq: dict[str, int], total: int) -> None:
    if any("\n" in word for word in freq):
        return
    entries = iter(freq.items())
    chunks: list[tuple[bytes, bytes]] = []
    try:
        while part := list(itertools.islice(entries, _CHUNK)):
            counts = array.array("q", (count for _, count in part)).tobytes()
            chunks.append((counts, "\n".join(word for word, _ in part).encode("utf-8")))
    except (OverflowError, TypeError):
        return
    head = {"key": key, "total": total, "chunks": [[len(c) // 8, len(w)] for c, w in chunks]}
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache.parent, prefix=".jieba-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(_MAGIC + json.dumps(head).encode() + b"\n")
                for counts, words in chunks:
                    out.write(counts + words)
            os.replace(tmp, cache)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass  # no cache this time; jieba's own load works the same
