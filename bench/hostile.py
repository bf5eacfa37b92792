"""Benchmark: hostile-shaped inputs against a harmless twin, in the same run.

- ``nested``: a web page of ``--divs`` nested ``<div>``s (10,000: about 120 KB) read by
  :func:`rol_analysis.reading.read_report`, against a flat page of the same divs and
  text. Target: at most 2x the flat page (it was ~12x: quadratic in the depth).
- ``bomb``: a 1 GiB zip bomb saved as ``.docx`` (a few MB on disk), against an honest
  ``.docx`` of the seed report, and a PDF whose one Flate stream inflates to 1 GiB.
  Target: each refused (InputError) in under 2 s with peak Python memory under 300 MB.

Run: ``.venv/bin/python bench/hostile.py [--divs 10000]``. Last line: the figures.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "tests"))

SEED = REPO / "data" / "raw" / "weibin" / "2023.txt"


def pages(divs: int) -> tuple[bytes, bytes]:
    """(nested, flat) pages: ``divs`` short sentences, one per div."""
    lines = [f"{i}件。" for i in range(divs)]
    head = "<html><head><title>某县2023年法治政府建设年度报告</title></head><body>"
    nested = head + "".join(f"<div>{t}" for t in lines) + "</div>" * divs + "</body></html>"
    flat = head + "".join(f"<div>{t}</div>" for t in lines) + "</body></html>"
    return nested.encode(), flat.encode()


def seconds(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def timed(fn) -> tuple[float, int, object]:
    """Seconds, peak traced bytes and the result (or the exception raised)."""
    tracemalloc.start()
    t0 = time.perf_counter()
    try:
        out = fn()
    except Exception as exc:  # noqa: BLE001 - a refusal is the expected outcome
        out = exc
    seconds = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak, out


def main(argv=None) -> int:
    import docx
    from test_reading import _pdf_bomb, _zip_bomb

    from rol_analysis.reading import read_report

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--divs", type=int, default=10_000, help="nesting depth (default 10000)")
    args = ap.parse_args(argv)
    nested, flat = pages(args.divs)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "nested.html").write_bytes(nested)
        (tmp / "flat.html").write_bytes(flat)
        read_report(tmp / "flat.html")  # warm imports
        t_flat = min(seconds(lambda: read_report(tmp / "flat.html")) for _ in range(2))
        t_nested = min(seconds(lambda: read_report(tmp / "nested.html")) for _ in range(2))
        honest = docx.Document()
        for line in SEED.read_text(encoding="utf-8").splitlines():
            honest.add_paragraph(line)
        honest.save(tmp / "honest.docx")
        t_docx, peak_docx, _ = timed(lambda: read_report(tmp / "honest.docx"))
        bomb = _zip_bomb(tmp / "bomb.docx", 1 << 30)
        t_bomb, peak_bomb, out = timed(lambda: read_report(bomb))
        refused = type(out).__name__ == "InputError"
        pdf = _pdf_bomb(tmp / "bomb.pdf", 1 << 30)
        t_pdf, peak_pdf, out_pdf = timed(lambda: read_report(pdf))
        pdf_refused = type(out_pdf).__name__ == "InputError"
    ratio = t_nested / t_flat
    print(f"nested page: {args.divs:,} divs, {len(nested) / 1000:.0f} KB")
    print(f"{'case':<22}{'seconds':>10}{'peak MB':>10}")
    print(f"{'flat html':<22}{t_flat:>10.3f}{'':>10}")
    print(f"{'nested html':<22}{t_nested:>10.3f}{'':>10}")
    print(f"{'honest docx':<22}{t_docx:>10.3f}{peak_docx / 1e6:>10.1f}")
    print(f"{'1 GiB zip bomb docx':<22}{t_bomb:>10.3f}{peak_bomb / 1e6:>10.1f}  "
          f"{'refused' if refused else 'NOT REFUSED: ' + repr(out)[:80]}")
    print(f"{'1 GiB Flate PDF bomb':<22}{t_pdf:>10.3f}{peak_pdf / 1e6:>10.1f}  "
          f"{'refused' if pdf_refused else 'NOT REFUSED: ' + repr(out_pdf)[:80]}")
    ok = (ratio <= 2 and refused and pdf_refused and max(t_bomb, t_pdf) < 2
          and max(peak_bomb, peak_pdf) < 300e6)
    print(f"nested_vs_flat={ratio:.2f} docx_bomb_s={t_bomb:.3f} "
          f"docx_bomb_peak_mb={peak_bomb / 1e6:.1f} pdf_bomb_s={t_pdf:.3f} "
          f"pdf_bomb_peak_mb={peak_pdf / 1e6:.1f} {'OK' if ok else 'MISSED'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
