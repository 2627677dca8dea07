"""`make bench`: build one generated corpus three ways — plain mkdocs-material, mkdocs-quiz
(the peer, installed only in the benchmark's own virtualenv) and trainbook — alternating,
after a warm-up, and report median wall and CPU time, peak RSS, site and search-index size,
plus `trainbook validate` time and the `mkdocs serve` rebuild after editing one bank, and the
example handbook's search index (its size, and its Chinese terms found as whole words).

Targets (issue 12) are checked here, never by a timed unit test; `--check` makes a missed
target exit 1. Results go to stdout and, as JSON, to --out. `--instructions` counts instructions
under valgrind instead of timing (`make bench-instructions`): steady on a noisy machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus

KINDS = ("plain", "quiz", "trainbook")
ROOT = Path(__file__).resolve().parents[2]
# The example handbook's search index when issue 12 was filed (raw bytes), and the words its
# Chinese search had to find whole then and must still find.
EXAMPLE_INDEX_BEFORE = 1_980_000
EXAMPLE_TERMS = ("业委会", "电梯困人", "首问负责制", "公共维修资金")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


def run(cmd: list[str], cwd: Path) -> dict[str, float]:
    """Wall, CPU (user+sys) and peak RSS of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        sys.exit(f"bench: {' '.join(cmd)} failed in {cwd}:\n{err.decode(errors='replace')[-3000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mib": usage.ru_maxrss / 1024}


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def search_index(site: Path) -> int:
    for name in ("search/search_index.json", "search/search_index.js"):
        if (site / name).is_file():
            return (site / name).stat().st_size
    return 0


def page_weight(site: Path, name: str) -> int:
    return len(gzip.compress((site / name).read_bytes(), mtime=0))


def free_port() -> int:
    # A fixed port may be taken by something else on a shared machine; serve would then exit.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve_rebuild(root: Path, mkdocs: str, edit: Path, timeout: float = 600) -> float:
    """Seconds MkDocs reports for the rebuild after *edit* changes (median of 3 edits)."""
    proc = subprocess.Popen(
        [mkdocs, "serve", "-a", f"127.0.0.1:{free_port()}"],
        cwd=root,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        for line in proc.stderr or ():
            lines.put(line)

    threading.Thread(target=pump, daemon=True).start()
    built = re.compile(r"Documentation built in ([0-9.]+) seconds")
    deadline = time.monotonic() + timeout
    original = edit.read_text(encoding="utf-8")
    times: list[float] = []
    builds = 0
    serving = False  # the watcher takes its first look only once the server is up
    edited: float | None = None  # when the file was last changed, while no rebuild has come

    def change() -> float:
        nonlocal builds
        builds += 1
        edit.write_text(original + "\n" * builds, encoding="utf-8")
        return time.monotonic()

    try:
        while len(times) < 3:
            if proc.poll() is not None and lines.empty():
                sys.exit(f"bench: mkdocs serve in {root} exited with {proc.returncode}")
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                if time.monotonic() > deadline:
                    raise
                if edited is not None and time.monotonic() - edited > 30:
                    edited = change()  # the watcher missed it (polling races a busy machine): again
                continue
            if not serving and "Serving on" in line:
                serving = True
                time.sleep(1.5)  # past the watcher's first snapshot
                edited = change()
                continue
            m = built.search(line)
            if not m or edited is None:
                continue
            times.append(float(m.group(1)))
            time.sleep(1.5)  # past the watcher's debounce
            edited = change()
    except queue.Empty:
        sys.exit(f"bench: mkdocs serve in {root} did not rebuild within {timeout:.0f} s")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        edit.write_text(original, encoding="utf-8")
    return statistics.median(times)


def example_index(python: Path, work: Path) -> dict[str, object]:
    """The example handbook built as `make site` builds it, into *work*: its search index's
    size and which of EXAMPLE_TERMS it lacks as whole words (between separators)."""
    site = work / "example-site"
    run([str(python.parent / "mkdocs"), "build", "-q", "-d", str(site)], ROOT)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = [f"{d['title']} {d['text']}" for d in index["docs"]]
    missing = [
        term
        for term in EXAMPLE_TERMS
        if not any(re.search(r"(^|[\s\u200b])" + term + r"([\s\u200b]|$)", t) for t in texts)
    ]
    return {"search_index_bytes": search_index(site), "terms_missing": missing}


def example_target(example: dict[str, object]) -> tuple[str, bool, str]:
    size = int(example["search_index_bytes"])  # type: ignore[call-overload]
    missing = example["terms_missing"]
    assert isinstance(missing, list)
    found = "all four terms found whole" if not missing else "not found whole: " + "、".join(missing)
    return (
        "example handbook's search index <= half of 1.98 MB, its terms found",
        size <= EXAMPLE_INDEX_BEFORE / 2 and not missing,
        f"{size / 1e3:.0f} KB ({size / EXAMPLE_INDEX_BEFORE:.2f}x), {found}",
    )


def corpus_root(work: Path, kind: str, pages: int, per_page: int) -> Path:
    """Where the corpus of *kind* and that size lives under *work*: ``<kind>-<pages>x<per_page>``."""
    return work / f"{kind}-{pages}x{per_page}"


def fresh_corpus(work: Path, kind: str, pages: int, per_page: int) -> Path:
    """The corpus of *kind* and that size, generated anew at :func:`corpus_root`."""
    root = corpus_root(work, kind, pages, per_page)
    shutil.rmtree(root, ignore_errors=True)
    corpus.generate(root, kind, pages, per_page)
    return root


def round_order(extra: Sequence[str]) -> list[str]:
    """The builds of one round of the alternation. Those the targets compare with plain follow it
    back to back; mkdocs-quiz's, which takes as long as all of them together, closes the round.
    Between plain's build and trainbook's the host then drifts for seconds, not for the length of
    mkdocs-quiz's build (session 27 measured plain's same pages 15 % apart in two rounds)."""
    return ["plain", "trainbook", *extra, "quiz"]


def bench(
    pages: int, per_page: int, runs: int, python: Path, work: Path, smaller: Path | None = None
) -> dict[str, object]:
    """One corpus built the three ways, alternating. *smaller*: the trainbook corpus of the
    smaller size, built again in the same alternation (``trainbook_smaller``), so that the growth
    of trainbook's extra time compares builds that the machine's drift hit alike; with it, the
    same pages with one question each (``trainbook_one``), which shows whether trainbook's own
    cost per question stays the same as the handbook grows (reported, not a target)."""
    mkdocs = str(python.parent / "mkdocs")
    roots = {kind: fresh_corpus(work, kind, pages, per_page) for kind in KINDS}
    extra: list[str] = []
    if smaller is not None:
        roots["trainbook_smaller"] = smaller
        roots["trainbook_one"] = fresh_corpus(work, "trainbook", pages, 1)
        extra = ["trainbook_smaller", "trainbook_one"]
    kinds = round_order(extra)
    samples: dict[str, list[dict[str, float]]] = {k: [] for k in kinds}
    for kind in kinds:  # warm-up: jieba cache, bytecode, page cache
        run([mkdocs, "build", "-q"], roots[kind])
    for _ in range(runs):
        for kind in kinds:  # alternating, so drift in machine load hits all of them alike
            samples[kind].append(run([mkdocs, "build", "-q"], roots[kind]))
    result: dict[str, object] = {"pages": pages, "questions": pages * per_page}
    for kind in extra:
        result[kind] = {
            "wall_s": statistics.median(s["wall"] for s in samples[kind]),
            "cpu_s": statistics.median(s["cpu"] for s in samples[kind]),
        }
    for kind in KINDS:
        site = roots[kind] / "site"
        result[kind] = {
            "wall_s": statistics.median(s["wall"] for s in samples[kind]),
            "cpu_s": statistics.median(s["cpu"] for s in samples[kind]),
            "rss_mib": statistics.median(s["rss_mib"] for s in samples[kind]),
            "site_bytes": dir_size(site),
            "search_index_bytes": search_index(site),
            "page_gzip_bytes": page_weight(site, "page-001.html"),
        }
    validate = [run([str(python.parent / "trainbook"), "validate", "content"], roots["trainbook"]) for _ in range(3)]
    result["validate_s"] = statistics.median(v["wall"] for v in validate)
    edits = {
        "plain": roots["plain"] / "docs" / "page-001.md",
        "trainbook": roots["trainbook"] / "content" / "banks" / "bank-001.yml",
    }
    rebuilds: dict[str, list[float]] = {kind: [] for kind in edits}
    for _ in range(2):  # alternating, like the builds: the machine's drift hits both alike
        for kind, edit in edits.items():
            rebuilds[kind].append(serve_rebuild(roots[kind], mkdocs, edit))
    result["rebuild_s"] = {kind: statistics.median(times) for kind, times in rebuilds.items()}
    return result


def targets(small: dict[str, object], large: dict[str, object] | None) -> list[tuple[str, bool, str]]:
    def g(r: dict[str, object], kind: str, key: str) -> float:
        return float(r[kind][key])  # type: ignore[index]

    plain, quiz, tb = (g(small, k, "wall_s") for k in KINDS)
    # On a shared machine wall time follows the load; the CPU ratio is shown beside it.
    cpu_plain, cpu_quiz, cpu_tb = (g(small, k, "cpu_s") for k in KINDS)
    out = [
        ("trainbook <= 0.4x mkdocs-quiz", tb <= 0.4 * quiz, f"{tb / quiz:.2f}x (CPU {cpu_tb / cpu_quiz:.2f}x)"),
        ("trainbook <= 1.6x plain", tb <= 1.6 * plain, f"{tb / plain:.2f}x (CPU {cpu_tb / cpu_plain:.2f}x)"),
        (
            "peak RSS <= 1.3x plain",
            g(small, "trainbook", "rss_mib") <= 1.3 * g(small, "plain", "rss_mib"),
            f"{g(small, 'trainbook', 'rss_mib') / g(small, 'plain', 'rss_mib'):.2f}x",
        ),
        ("validate < 2 s", float(small["validate_s"]) < 2, f"{float(small['validate_s']):.2f} s"),  # type: ignore[arg-type]
    ]
    rebuild = small["rebuild_s"]
    assert isinstance(rebuild, dict)
    out.append(
        (
            "serve rebuild <= 1.3x plain",
            rebuild["trainbook"] <= 1.3 * rebuild["plain"],
            f"{rebuild['trainbook'] / rebuild['plain']:.2f}x",
        )
    )
    extra = g(small, "trainbook", "page_gzip_bytes") - g(small, "plain", "page_gzip_bytes")
    per_page = int(small["questions"]) // int(small["pages"])  # type: ignore[call-overload]
    if per_page == 50:
        out.append(("50-question page <= +40 KB gzipped", extra <= 40 * 1024, f"+{extra / 1024:.1f} KB"))
    if large is not None:
        # Both extras from the larger corpus's one alternation when it rebuilt the smaller
        # trainbook corpus too: its plain build is the same pages as the smaller one's, and the
        # machine's speed, which drifts between the two blocks of runs, then hits all alike.
        again = "trainbook_smaller" in large
        small_tb = g(large, "trainbook_smaller", "wall_s") if again else tb
        small_cpu = g(large, "trainbook_smaller", "cpu_s") if again else cpu_tb
        large_plain = g(large, "plain", "wall_s")
        large_cpu_plain = g(large, "plain", "cpu_s")
        base_small = small_tb - (large_plain if again else plain)
        base_large = g(large, "trainbook", "wall_s") - large_plain
        # No extra at the smaller size (a tiny corpus): linear growth cannot be shown.
        ratio = base_large / base_small if base_small > 0 else float("inf")
        cpu_small = small_cpu - (large_cpu_plain if again else cpu_plain)
        cpu_large = g(large, "trainbook", "cpu_s") - large_cpu_plain
        cpu_ratio = cpu_large / cpu_small if cpu_small > 0 else float("inf")
        out.append(
            (
                "extra time linear (2x questions <= 2.1x extra)",
                ratio <= 2.1,
                f"{ratio:.2f}x (CPU {cpu_ratio:.2f}x)",
            )
        )
    return out


def per_question(small: dict[str, object], large: dict[str, object] | None) -> str | None:
    """trainbook's own cost per 1,000 questions, up to the smaller corpus and from there to the
    larger one (all from the larger corpus's one alternation), and its build of the same pages
    with one question each beside plain's. Unlike the growth target's extras over plain, the two
    steps do not depend on how trainbook's build of the prose compares with plain's."""
    if large is None or "trainbook_one" not in large:
        return None

    def cpu(kind: str) -> float:
        return float(large[kind]["cpu_s"])  # type: ignore[index]

    pages, n_small, n_large = int(large["pages"]), int(small["questions"]), int(large["questions"])  # type: ignore[call-overload]
    first = (cpu("trainbook_smaller") - cpu("trainbook_one")) / (n_small - pages) * 1000
    second = (cpu("trainbook") - cpu("trainbook_smaller")) / (n_large - n_small) * 1000
    ratio = f"{second / first:.2f}x" if first > 0 else "n/a"
    return (
        f"trainbook CPU s per 1,000 questions: {first:.3f} from {pages:,} to {n_small:,}, {second:.3f} from"
        f" {n_small:,} to {n_large:,} ({ratio}); {pages} pages with one question each: trainbook"
        f" {cpu('trainbook_one'):.2f} s, plain {cpu('plain'):.2f} s"
    )


_IREFS = re.compile(r"I\s+refs:\s+([\d,]+)")
_LL_MISSES = re.compile(r"LL misses:\s+([\d,]+)")


def count_instructions(
    python: Path, roots: dict[str, Path], work: Path, l2_kib: int | None = None
) -> dict[str, dict[str, int]]:
    """Instructions each corpus's `mkdocs build` executes, counted by valgrind (cachegrind; fixed
    hash seed): the same from one run to the next, where time on a shared machine moves by
    10-25 %. Two builds at a time (the machine has 2 cores). With *l2_kib*, cachegrind also
    simulates the caches, with a second-level cache of that size (8-way) in place of the last
    level, and its misses are counted too (``l2_misses``): what a page's size costs beyond its
    instructions (session 24)."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        sys.exit("bench: --instructions needs valgrind (make bench-instructions installs it)")
    env = {**ENV, "PYTHONHASHSEED": "0"}
    mkdocs = str(python.parent / "mkdocs")
    cache = ["--cache-sim=yes", f"--LL={l2_kib * 1024},8,64"] if l2_kib else ["--cache-sim=no"]
    counts: dict[str, dict[str, int]] = {}
    pending = list(roots.items())
    while pending:
        batch, pending = pending[:2], pending[2:]
        procs = []
        for kind, root in batch:
            cmd = [valgrind, "--tool=cachegrind", *cache, "--cachegrind-out-file=/dev/null"]
            cmd += [str(python), mkdocs, "build", "-q", "-d", str(work / f"site-instructions-{kind}")]
            proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            procs.append((kind, root, proc))
        for kind, root, proc in procs:
            _, err = proc.communicate()
            text = err.decode(errors="replace")
            found, misses = _IREFS.search(text), _LL_MISSES.search(text)
            if proc.returncode or found is None or (l2_kib and misses is None):
                sys.exit(f"bench: valgrind build failed in {root}:\n{text[-3000:]}")
            counts[kind] = {"instructions": int(found.group(1).replace(",", ""))}
            if l2_kib and misses is not None:
                counts[kind]["l2_misses"] = int(misses.group(1).replace(",", ""))
    return counts


def l2_report(misses: dict[str, int], pages: int, small: int, large: int | None, kib: int) -> list[str]:
    """The lines `--instructions --l2-kib` adds: second-level cache misses, and per question in
    each step. Instructions per question stay the same from step to step; these need not, once a
    page and the copies made of it outgrow the cache (information, not a target)."""
    m = {k: v / 1e6 for k, v in misses.items()}
    lines = [
        f"second-level cache misses ({kib} KiB simulated, M): plain {m['plain']:.2f}, trainbook {m['trainbook']:.2f}"
    ]
    if large is not None:
        first = (misses["trainbook"] - misses["trainbook_one"]) / (small - pages)
        second = (misses["trainbook_large"] - misses["trainbook"]) / (large - small)
        lines.append(
            f"per question: {first:,.0f} up to {small:,}, {second:,.0f} from {small:,} to {large:,}"
            f" ({second / first:.2f}x)"
        )
    return lines


def instructions_report(counts: dict[str, int], pages: int, small: int, large: int | None) -> list[str]:
    """The lines `--instructions` prints: ratios and steps of the counts (information, not targets)."""
    g = {k: v / 1e9 for k, v in counts.items()}
    lines = [
        f"instructions (G): plain {g['plain']:.2f}, trainbook {g['trainbook']:.2f}"
        f" ({g['trainbook'] / g['plain']:.2f}x plain) at {small:,} questions"
    ]
    if large is not None:
        first = (g["trainbook"] - g["trainbook_one"]) / (small - pages) * 1000
        second = (g["trainbook_large"] - g["trainbook"]) / (large - small) * 1000
        extra = (g["trainbook_large"] - g["plain"]) / (g["trainbook"] - g["plain"])
        lines += [
            f"trainbook at {large:,} questions {g['trainbook_large']:.2f}, {pages} pages with one question"
            f" each {g['trainbook_one']:.2f}",
            f"per 1,000 questions: {first:.3f} G up to {small:,}, {second:.3f} G from {small:,} to {large:,}"
            f" ({second / first:.2f}x); the extras over plain grow {extra:.2f}x",
        ]
    return lines


def instructions_main(args: argparse.Namespace, work: Path) -> int:
    small_q = args.pages * args.questions
    large_q = args.pages * args.large if args.large else None
    roots = {
        "plain": fresh_corpus(work, "plain", args.pages, args.questions),
        "trainbook": fresh_corpus(work, "trainbook", args.pages, args.questions),
    }
    if args.large:
        roots["trainbook_large"] = fresh_corpus(work, "trainbook", args.pages, args.large)
        roots["trainbook_one"] = fresh_corpus(work, "trainbook", args.pages, 1)
    for root in roots.values():  # warm-up: jieba's and trainbook's caches, bytecode
        run([str(args.python.parent / "mkdocs"), "build", "-q"], root)
    events = count_instructions(args.python, roots, work, args.l2_kib)
    counts = {kind: e["instructions"] for kind, e in events.items()}
    lines = instructions_report(counts, args.pages, small_q, large_q)
    report: dict[str, object] = {"pages": args.pages, "instructions": counts}
    if args.l2_kib:
        misses = {kind: e["l2_misses"] for kind, e in events.items()}
        lines += l2_report(misses, args.pages, small_q, large_q, args.l2_kib)
        report["l2_misses"] = misses
    report["report"] = lines
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print("\n" + "\n".join(f"  {line}" for line in lines))
    print(f"\nwritten {args.out}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--questions", type=int, default=50, help="questions per page (default 50)")
    ap.add_argument("--large", type=int, default=100, help="questions per page of the second corpus (0: skip)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--python", type=Path, default=Path(sys.executable))
    ap.add_argument("--work", type=Path, default=None, help="where corpora are built (default: a temp dir)")
    ap.add_argument("--out", type=Path, default=Path("dist/bench/results.json"))
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    ap.add_argument(
        "--instructions",
        action="store_true",
        help="instead of timing: count the instructions of plain's and trainbook's builds (valgrind)",
    )
    ap.add_argument(
        "--l2-kib",
        type=int,
        default=None,
        help="with --instructions: also count misses of a simulated second-level cache of this size"
        " (512: the project's machine, per core); several times slower",
    )
    args = ap.parse_args()
    work = (args.work or Path(tempfile.mkdtemp(prefix="trainbook-bench-"))).absolute()
    args.python = args.python.absolute()
    if args.instructions:
        return instructions_main(args, work)
    small = bench(args.pages, args.questions, args.runs, args.python, work)
    smaller = corpus_root(work, "trainbook", args.pages, args.questions)
    large = bench(args.pages, args.large, args.runs, args.python, work, smaller) if args.large else None
    example = example_index(args.python, work)
    checks = [*targets(small, large), example_target(example)]
    info = per_question(small, large)
    report = {
        "small": small,
        "large": large,
        "example": example,
        "targets": [{"target": t, "ok": ok, "value": v} for t, ok, v in checks],
        "per_question": info,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for r in (small, large):
        if r is None:
            continue
        print(f"\n{r['pages']} pages x {int(r['questions']) // int(r['pages'])} questions ({r['questions']}):")  # type: ignore[call-overload]
        print(f"  {'build':<10} {'wall s':>8} {'cpu s':>8} {'RSS MiB':>8} {'site MB':>8} {'index KB':>9}")
        for kind in KINDS:
            k = r[kind]
            assert isinstance(k, dict)
            print(
                f"  {kind:<10} {k['wall_s']:8.2f} {k['cpu_s']:8.2f} {k['rss_mib']:8.0f} "
                f"{k['site_bytes'] / 1e6:8.1f} {k['search_index_bytes'] / 1e3:9.0f}"
            )
        for again, per in (("trainbook_smaller", args.questions), ("trainbook_one", 1)):
            if again in r:
                k = r[again]
                assert isinstance(k, dict)
                print(f"  {'trainbook':<10} {k['wall_s']:8.2f} {k['cpu_s']:8.2f}  ({per} per page, same alternation)")
        print(f"  trainbook validate {r['validate_s']:.2f} s; serve rebuild {r['rebuild_s']}")
    print()
    for target, ok, value in checks:
        print(f"  {'PASS' if ok else 'FAIL'}  {target}: {value}")
    if info:
        print(f"\n  (not a target) {info}")
    print(f"\nwritten {args.out}")
    return 1 if args.check and not all(ok for _, ok, _ in checks) else 0


if __name__ == "__main__":
    sys.exit(main())
