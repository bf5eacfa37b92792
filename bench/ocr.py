"""Benchmark: OCR of scanned A4 pages at 150 dpi on one core, against a baseline in the
same run.

Makes the seed report as a scan (tests/scan_fixtures.py: typeset by reportlab, rasterised
at 150 dpi, rewrapped as an image-only PDF; 3 dense A4 pages, ~1,100 characters and
~35 lines each) and a ``--pages``-page scan (the seed's clean, rotated, noisy and stamped
pages in turn), then times

- ``text layer``: :func:`rol_analysis.reading.read_report` of the typeset PDF itself (the
  same pages with their text layer: what reading costs without OCR);
- ``ocr``: :func:`read_report` of the N-page scan: render, take out red ink, detect,
  recognise, rebuild paragraphs, page by page (the OCR cache is off);

with onnxruntime held to one thread (``ROL_OCR_THREADS=1``), and prints wall and CPU
seconds per page, the ratio to the text-layer read, and the peak resident memory of the
process after the text-layer read and after the N-page scan (pages stream, so it should
not grow with N). ``--seal`` also reads the stamped variant with and without red-ink
suppression and counts the seed's gold values found each way.

The machine may be shared: wall time then exceeds CPU time; CPU seconds per page are the
cost on one free core. Target: <= 6 s per A4 page at 150 dpi on one core.
Run: ``.venv/bin/python bench/ocr.py [--pages 20] [--seal]``.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "tests"))  # the scan fixtures the tests use


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def timed(fn):
    w, c = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - w, time.process_time() - c


def gold_found(doc) -> int:
    import csv

    from rol_analysis import extract

    ex = extract.extract_text(doc.text, "weibin", 2023, ocr=doc.ocr)
    m = ex.mentions
    n = 0
    with open(REPO / "tests" / "data" / "weibin_2023.gold.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            hit = m[m["indicator_id"] == row["id"]]
            n += (len(hit) == 1 and abs(hit.iloc[0]["value"] - float(row["value"])) < 1e-9
                  and hit.iloc[0]["unit"] == row["unit"]
                  and hit.iloc[0]["qualifier"] == row["qualifier"])
    return n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=20, help="pages of the long scan")
    ap.add_argument("--seal", action="store_true",
                    help="also compare red-ink suppression on/off on the stamped scan")
    args = ap.parse_args()
    os.environ["ROL_OCR_THREADS"] = "1"
    os.environ.pop("ROL_OCR_CACHE", None)

    import scan_fixtures

    from rol_analysis import layout, ocr, reading

    if not ocr.available():
        print(f"the OCR extra is not installed: {layout.install_command('ocr')}")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        text_pdf = scan_fixtures.text_pdf(folder)
        variants = {v: scan_fixtures.variant_pages(v, folder) for v in scan_fixtures.VARIANTS}
        n_seed = len(variants["clean"])
        pages = [variants[scan_fixtures.VARIANTS[(i // n_seed) % 4]][i % n_seed]
                 for i in range(args.pages)]
        long_pdf = scan_fixtures.image_pdf(pages, folder / "long.pdf")
        del pages, variants
        chars = len(reading.read_report(text_pdf).text)

        # baseline: the same pages through their text layer (3 reads, best)
        t_text = min(timed(lambda: reading.read_report(text_pdf))[1] for _ in range(3))
        rss_text = peak_rss_mb()
        ocr._engine()  # model load is once per process, not per page
        rss_pages = []  # peak RSS after each page: flat if pages stream
        recognise = ocr.recognise

        def recognise_and_measure(*a, **k):
            out = recognise(*a, **k)
            rss_pages.append(peak_rss_mb())
            return out

        ocr.recognise = recognise_and_measure
        doc, wall, cpu = timed(lambda: reading.read_report(long_pdf))
        ocr.recognise = recognise
        rss_ocr = peak_rss_mb()
        n = len(doc.ocr.pages)
        per_wall, per_cpu = wall / n, cpu / n
        base = t_text / n_seed
        print(f"seed: {n_seed} A4 pages, {chars:,} characters; scan of {n} pages at "
              f"{ocr.DPI} dpi, one onnxruntime thread, {os.cpu_count()} cores "
              f"(load average {os.getloadavg()[0]:.1f})")
        print(f"{'step':<12}{'wall s/page':>13}{'cpu s/page':>12}{'x text layer':>14}")
        print(f"{'text layer':<12}{base:>13.3f}{'':>12}{1:>14.1f}")
        print(f"{'ocr':<12}{per_wall:>13.2f}{per_cpu:>12.2f}{per_wall / base:>14.0f}")
        print(f"peak RSS: {rss_text:.0f} MB after the text-layer reads, "
              f"{rss_pages[0]:.0f} MB after page 1, {rss_pages[min(4, n - 1)]:.0f} MB after "
              f"page {min(5, n)}, {rss_ocr:.0f} MB after page {n}; mean recognition score "
              f"{doc.ocr.mean_score:.4f}")
        if args.seal:
            stamped = scan_fixtures.scan_pdf("stamped", folder)
            data = stamped.read_bytes()
            found = {}
            for red in (True, False):
                text, prov = "", ocr.OcrText()
                for page in ocr.read_pages(data, list(range(n_seed)), stamped, red=red):
                    prov.spans.extend(ocr.shift(page.spans, len(text)))
                    text += page.text + "\n"
                found[red] = (gold_found(reading.RawDocument(text, "", "pdf", stamped, "",
                                                             prov)),
                              prov.mean_score, text.count("人民政府文件"))
            for red, (g, score, header) in found.items():
                print(f"stamped scan, red suppression {'on ' if red else 'off'}: "
                      f"{g}/56 gold values, mean score {score:.4f}, red header read "
                      f"{header} time(s)")
        verdict = "OK" if per_cpu <= 6 else "SLOW"
        print(f"ocr_cpu_s_per_page={per_cpu:.2f} ocr_wall_s_per_page={per_wall:.2f} "
              f"x_text_layer={per_wall / base:.0f} peak_rss_mb={rss_ocr:.0f} "
              f"pages={n} ({verdict}: target <= 6 s per page on one core)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
