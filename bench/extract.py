"""Benchmark: normalise + extract ~1 MB of report text, against baselines in the same run.

Builds ~1 MB by repeating the seed report with perturbed numbers (so the catalogue
matching sees varied values, not one cached sentence), then times

- ``read``: reading the text back from a file (the cost of just getting the text),
- ``finditer``: one plain ``re.finditer`` for digits over the text,
- ``normalize``: :func:`rol_analysis.normalize.normalize`,
- ``extract``: :func:`rol_analysis.extract.extract_text` (normalise, find, match, tables),

and prints seconds and ratios to the baselines. Target: ``extract`` under 1 s per MB
on one core. Run: ``.venv/bin/python bench/extract.py [--mb 1] [--repeat 3]``.

``--baseline CHECKOUT`` also times the extraction of another checkout of the project (a
``git worktree`` of an older commit) on the same text, in child processes that alternate
with this one's (a loaded machine slows both alike), and prints the ratio: how a change
moved the speed, measured in one run.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

SEED = REPO / "data" / "raw" / "weibin" / "2023.txt"


def build_text(megabytes: float, seed: int = 0) -> str:
    """The seed repeated to ``megabytes`` of UTF-8, each copy's numbers perturbed."""
    rng = random.Random(seed)
    base = SEED.read_text(encoding="utf-8")
    parts, size = [], 0
    target = int(megabytes * 1_000_000)
    while size < target:
        copy = re.sub(r"(?<![\d年])\d{1,4}(?![\d年月日])",
                      lambda m: str(max(1, int(m.group()) + rng.randint(-3, 9))), base)
        parts.append(copy)
        size += len(copy.encode("utf-8"))
    return "\n\n".join(parts)


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=1.0, help="megabytes of text (default 1)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per timing, best kept")
    ap.add_argument("--baseline", type=Path, default=None, metavar="CHECKOUT",
                    help="another checkout of the project whose extraction is timed too")
    ap.add_argument("--extract-once", type=Path, default=None, metavar="SRC",
                    help=argparse.SUPPRESS)  # child process: time one extraction of SRC
    args = ap.parse_args(argv)
    if args.extract_once is not None:
        return _extract_once(args.extract_once, args.mb)
    if args.baseline is not None:
        return _compare(args.baseline.resolve(), args.mb, args.repeat)

    # imported here, after the sys.path insert above, so the bench runs from a checkout
    from rol_analysis import catalogue, extract, normalize

    text = build_text(args.mb)
    mb = len(text.encode("utf-8")) / 1e6
    cat = catalogue.load()
    extract.extract_text(SEED.read_text(encoding="utf-8"), catalogue=cat)  # warm caches

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        path.write_text(text, encoding="utf-8")
        t_read = best_of(args.repeat, lambda: path.read_text(encoding="utf-8"))
    digits = re.compile(r"\d+")
    t_re = best_of(args.repeat, lambda: sum(1 for _ in digits.finditer(text)))
    t_norm = best_of(args.repeat, lambda: normalize.normalize(text))
    result = {}
    t_ext = best_of(args.repeat, lambda: result.update(r=extract.extract_text(text,
                                                                              catalogue=cat)))
    r = result["r"]
    print(f"text: {mb:.2f} MB, {len(text):,} characters; "
          f"{len(r.mentions):,} mention rows, {(r.mentions['indicator_id'] != '').sum():,} "
          "matched to the catalogue")
    print(f"{'step':<12}{'seconds':>10}{'s/MB':>10}{'x read':>10}{'x finditer':>12}")
    for name, t in (("read", t_read), ("finditer", t_re), ("normalize", t_norm),
                    ("extract", t_ext)):
        print(f"{name:<12}{t:>10.3f}{t / mb:>10.3f}{t / t_read:>10.1f}{t / t_re:>12.1f}")
    verdict = "OK" if t_ext / mb < 1.0 else "SLOW"
    print(f"extract: {t_ext / mb:.3f} s per MB ({verdict}: target < 1 s per MB)")
    return 0


def _extract_once(src: Path, megabytes: float) -> int:
    """Print the seconds one extraction of the bench text takes with the code in ``src``
    (the package of that checkout, imported before this one's)."""
    sys.path.insert(0, str(src))
    from rol_analysis import catalogue, extract

    text = build_text(megabytes)
    cat = catalogue.load()
    extract.extract_text(SEED.read_text(encoding="utf-8"), catalogue=cat)  # warm caches
    t0 = time.perf_counter()
    extract.extract_text(text, catalogue=cat)
    print(time.perf_counter() - t0)
    return 0


def _compare(baseline: Path, megabytes: float, repeat: int) -> int:
    """Time this checkout's extraction against ``baseline``'s, alternating child
    processes; print the best of ``repeat`` for each and their ratio."""
    if not (baseline / "src" / "rol_analysis").is_dir():
        print(f"bench/extract.py: {baseline} is no checkout of rol-analysis (it has no "
              "src/rol_analysis); pass the root of one, e.g. a `git worktree add` of the "
              "commit to compare with.", file=sys.stderr)
        return 2
    mb = len(build_text(megabytes).encode("utf-8")) / 1e6
    checkouts = {"this": REPO / "src", "baseline": baseline / "src"}
    best = dict.fromkeys(checkouts, float("inf"))
    for _ in range(repeat):
        for name, src in checkouts.items():
            out = subprocess.run([sys.executable, __file__, "--mb", str(megabytes),
                                  "--extract-once", str(src)],
                                 check=True, capture_output=True, text=True).stdout
            best[name] = min(best[name], float(out.split()[-1]))
    print(f"text: {mb:.2f} MB; baseline: {baseline}")
    for name, t in best.items():
        print(f"{name:<10}{t:>10.3f} s{t / mb:>10.3f} s/MB")
    print(f"extract: {best['this'] / mb:.3f} s per MB, baseline {best['baseline'] / mb:.3f} "
          f"s per MB ({best['this'] / best['baseline']:.2f}x the baseline's time)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
