"""Benchmark: where a build of the seed spends its time, and the validation step's parts.

In a temporary root holding the seed (never data/raw), in one invocation:

  (a) Great Expectations' import, as the kernel pays it once per build, in fresh child
      processes (alternating, ``--repeat`` each, CPU seconds): as rol-analysis imports
      it (jsonschema's IRI parser deferred, ``imports.defer_iri_parser``) against the
      baseline of jsonschema imported first as any other program does (the parser
      compiled at import);
  (b) ``validate.validate_tables`` on the seed's published tables, warm (suites kept
      between calls, as in a kernel that validated before) against the baseline of the
      suite files parsed and built anew for every call;
  (c) ``--builds`` forced builds (``rol build --force``) in this process on one warm
      kernel, as a batch worker runs them: each notebook's wall time and its cells over
      50 ms (papermill's own timings, read before the notebook is scrubbed). The first
      build pays the kernel's start and imports; the others are warm.

CPU seconds are steadier than wall seconds on a machine shared with other work. Last
line (medians; ``*_x`` is baseline / new)::

    gx_import_cpu_s=<s> gx_import_baseline_cpu_s=<s> gx_import_x=<x> validate_cpu_s=<s>
    validate_suites_rebuilt_cpu_s=<s> validate_x=<x> cold_build_s=<s> warm_build_s=<s>
    warm_validate_cell_s=<s> load=<start>-><end>

    python bench/build_phases.py --repeat 3 --builds 3
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "data/raw/weibin/2023.txt"

# Each child prints the CPU seconds of the import alone (its interpreter start excluded).
_IMPORT = """
import os, sys, time
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
t = time.process_time()
if sys.argv[1] == "baseline":
    import jsonschema  # what nbformat or altair does first, the parser compiled with it
from rol_analysis import validate
validate._gx()
print(time.process_time() - t)
"""


def gx_import(repeat: int) -> tuple[list[float], list[float]]:
    new, base = [], []
    for _ in range(repeat):
        for mode, out in (("baseline", base), ("new", new)):
            proc = subprocess.run([sys.executable, "-c", _IMPORT, mode], check=True,
                                  capture_output=True, text=True)
            out.append(float(proc.stdout.strip().splitlines()[-1]))
    return new, base


def validation(root: Path, repeat: int) -> tuple[list[float], list[float]]:
    from rol_analysis import validate

    folder = root / "data/processed/weibin/2023"
    mentions = validate._read_table(folder, "mentions")
    indicators = validate._read_table(folder, "indicators")
    n_chars = json.loads((folder / "report.json").read_text("utf-8"))["n_chars"]
    suites = REPO / "expectations"
    validate.validate_tables(mentions, indicators, n_chars, suites)  # GX imported, warm
    new, base = [], []
    for k in range(5 * repeat):  # alternating, each first in turn: a run is under a second
        for rebuilt, out in ((True, base), (False, new))[::1 if k % 2 else -1]:
            if rebuilt:
                validate._built_suites.cache_clear()
            t = time.process_time()
            validate.validate_tables(mentions, indicators, n_chars, suites)
            out.append(time.process_time() - t)
    return new, base


def builds(root: Path, n: int) -> list[dict[str, float]]:
    """``n`` forced builds on one warm kernel; per build: notebook and cell seconds."""
    from click.testing import CliRunner

    from rol_analysis import cli, engine, pipeline

    timings: dict[str, float] = {}
    run, scrub = pipeline.run_notebook, pipeline._scrub

    def timed_run(root_, nb_name, *args, **kwargs):
        t = time.perf_counter()
        try:
            return run(root_, nb_name, *args, **kwargs)
        finally:
            timings[nb_name] = time.perf_counter() - t

    def timed_scrub(path):
        nb = json.loads(Path(path).read_text("utf-8"))
        for cell in nb["cells"]:
            took = cell.get("metadata", {}).get("papermill", {}).get("duration")
            if took is not None and took > 0.05:
                timings[f"  {Path(path).stem}: {''.join(cell['source'])[:48]!r}"] = took
        return scrub(path)

    shutdown = engine.shutdown_current
    pipeline.run_notebook, pipeline._scrub = timed_run, timed_scrub
    engine.shutdown_current = lambda: None  # one kernel for every build, as a worker has
    out = []
    try:
        for _ in range(n):
            timings.clear()
            t = time.perf_counter()
            result = CliRunner().invoke(cli.main, ["build", "--region", "weibin", "--year",
                                                   "2023", "--root", str(root), "--force",
                                                   "-q"])
            assert result.exit_code == 0, result.output
            out.append({"build": time.perf_counter() - t, **timings})
    finally:
        pipeline.run_notebook, pipeline._scrub = run, scrub
        engine.shutdown_current = shutdown
        shutdown()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3,
                        help="child processes of (a) each; (b) runs 5 times as many")
    parser.add_argument("--builds", type=int, default=3, help="forced builds for (c), >= 2")
    args = parser.parse_args()
    load0 = os.getloadavg()[0]
    tmp = Path(tempfile.mkdtemp(prefix="rol-bench-phases-"))
    try:
        root = tmp / "root"
        (root / "data/raw/weibin").mkdir(parents=True)
        shutil.copy(REPO / "data/raw/regions.csv", root / "data/raw/regions.csv")
        shutil.copy(SEED, root / "data/raw/weibin/2023.txt")
        new, base = gx_import(args.repeat)
        print(f"(a) Great Expectations import, CPU s: {statistics.median(new):.2f} "
              f"(baseline, IRI parser built at import: {statistics.median(base):.2f})")
        runs = builds(root, max(2, args.builds))
        for k, run in enumerate(runs):
            print(f"(c) build {k + 1} ({'cold kernel' if k == 0 else 'warm'}): "
                  f"{run['build']:.2f} s")
            for name, took in run.items():
                if name != "build":
                    print(f"    {took:6.2f} {name}")
        v_new, v_base = validation(root, args.repeat)
        print(f"(b) validate_tables, CPU s: {statistics.median(v_new):.3f} (baseline, "
              f"suites rebuilt: {statistics.median(v_base):.3f})")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    warm = runs[1:]
    cell = [v for r in warm for k, v in r.items() if "02_validate" in k and "validate_step" in k]
    g, gb = statistics.median(new), statistics.median(base)
    v, vb = statistics.median(v_new), statistics.median(v_base)
    print(f"gx_import_cpu_s={g:.2f} gx_import_baseline_cpu_s={gb:.2f} gx_import_x={gb / g:.2f} "
          f"validate_cpu_s={v:.3f} validate_suites_rebuilt_cpu_s={vb:.3f} "
          f"validate_x={vb / v:.2f} cold_build_s={runs[0]['build']:.2f} "
          f"warm_build_s={statistics.median(r['build'] for r in warm):.2f} "
          f"warm_validate_cell_s={statistics.median(cell) if cell else float('nan'):.2f} "
          f"load={load0:.2f}->{os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
