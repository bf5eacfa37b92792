"""Benchmark: the raw-report duplicate check (``filing.check``) over a batch.

Generates a tree of ``--regions`` regions x ``--years`` years of synthetic raw reports
from the seed (every number perturbed, each file labelled SYNTHETIC; a third saved as
GB18030, a third with CRLF line endings, the rest UTF-8) in a temporary root, never in
data/raw, then times the check for every region-year as a batch does:

  (a) bytes only: the size/sha256 comparison alone (what the check did before the text
      comparison), run once per region-year over all files;
  (b) text, cold: the same with the decoded-text digests, ``.rol-cache`` empty (every
      file decoded once, then reused within the process);
  (c) text, warm: a new process's view: in-process digests dropped, the digests read
      back from ``.rol-cache/text-digest/``;
  (d) text, uncached: every digest recomputed each time (what a check without the cache
      would cost: a decode per file per region-year).

Last line: ``files=<n> bytes_s=<s> cold_s=<s> warm_s=<s> uncached_s=<s>
warm_vs_bytes=<x> uncached_vs_warm=<x>``.

    python bench/filing.py --regions 100 --years 3
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

from rol_analysis import filing, layout

SEED = Path(__file__).resolve().parent.parent / "data/raw/weibin/2023.txt"


def make_tree(root: Path, regions: int, years: int) -> list[tuple[str, int]]:
    text = SEED.read_text(encoding="utf-8")
    rng = random.Random(0)
    out = []
    for r in range(regions):
        slug = f"synth-{r:03d}"
        for y in range(2021, 2021 + years):
            body = "".join(str(rng.randint(0, 9)) if c.isdigit() else c for c in text)
            body = f"SYNTHETIC test report {slug} {y}\n" + body.replace("2023年", f"{y}年")
            path = root / "data/raw" / slug / f"{y}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            kind = (r + y) % 3
            data = (body.encode("gb18030") if kind == 0 else
                    body.replace("\n", "\r\n").encode("utf-8") if kind == 1 else
                    body.encode("utf-8"))
            path.write_bytes(data)
            out.append((slug, y))
    return out


def run(root: Path, pairs, text: bool) -> float:
    saved = filing.TEXT_COMPARED
    filing.TEXT_COMPARED = filing.TEXT_COMPARED if text else ()
    try:
        start = time.perf_counter()
        for slug, year in pairs:
            paths = layout.build_paths(root, slug, year)
            filing.check(paths, {"stated_year": None, "warnings": []})
        return time.perf_counter() - start
    finally:
        filing.TEXT_COMPARED = saved


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--regions", type=int, default=100)
    ap.add_argument("--years", type=int, default=3)
    ap.add_argument("--uncached-n", type=int, default=10,
                    help="region-years timed without any cache (scaled to all)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="rol-bench-filing-"))
    try:
        pairs = make_tree(tmp, args.regions, args.years)
        bytes_s = run(tmp, pairs, text=False)
        filing._DIGESTS.clear()
        cold_s = run(tmp, pairs, text=True)
        filing._DIGESTS.clear()
        warm_s = run(tmp, pairs, text=True)
        # no cache at all: the disk cache removed and the in-process one dropped before
        # every region-year, on a sample, scaled to the batch
        sample = pairs[: args.uncached_n]
        start = time.perf_counter()
        for pair in sample:
            shutil.rmtree(layout.cache_dir(tmp) / "text-digest", ignore_errors=True)
            filing._DIGESTS.clear()
            run(tmp, [pair], text=True)
        uncached_s = (time.perf_counter() - start) * len(pairs) / len(sample)
        print(f"files={len(pairs)} bytes_s={bytes_s:.2f} cold_s={cold_s:.2f} "
              f"warm_s={warm_s:.2f} uncached_s={uncached_s:.2f} "
              f"warm_vs_bytes={warm_s / bytes_s:.1f} uncached_vs_warm={uncached_s / warm_s:.1f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
