"""Scanned reports: image-only PDFs read by OCR, with the page and box of every number.

The scans are made here from the seed report (tests/scan_fixtures.py: typeset, rasterised
at 150 dpi, rewrapped as images; clean, rotated, noisy+JPEG and stamped variants) and kept
in pytest's cache, as are the recognised lines (keyed by image hash, ``ROL_OCR_CACHE``):
each page image is recognised once, and again only when its pixels or the OCR settings
change. Skipped without the optional extra (``make ocr``); CI installs it and fails if
it is missing.
"""

from __future__ import annotations

import csv
import json
import os
import re
import socket
import unicodedata
from pathlib import Path

import pytest
import scan_fixtures
from conftest import make_root, rol

from rol_analysis import extract, ocr, reading

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "data" / "weibin_2023.gold.tsv"
SEED = REPO / "data" / "raw" / "weibin" / "2023.txt"
NEEDED = {"clean": 54, "rotated": 50, "noisy": 50, "stamped": 50}

if not ocr.available():
    if os.environ.get("CI"):
        pytest.fail("the OCR extra is not installed under CI: .ci/run must run `make ocr`",
                    pytrace=False)
    pytest.skip("the OCR extra is not installed: run `make ocr` (pip install -e '.[ocr]')",
                allow_module_level=True)
pytest.importorskip("reportlab")


@pytest.fixture(scope="session")
def scans(request):
    """Folder of the scanned PDFs (pytest cache); OCR results cached beside them."""
    folder = Path(request.config.cache.mkdir("rol-ocr-scans"))
    pages = Path(request.config.cache.mkdir("rol-ocr-pages"))
    before = os.environ.get("ROL_OCR_CACHE")
    os.environ["ROL_OCR_CACHE"] = str(pages)  # also seen by `rol` subprocesses
    yield folder
    if before is None:
        os.environ.pop("ROL_OCR_CACHE", None)
    else:
        os.environ["ROL_OCR_CACHE"] = before


_READ: dict[str, tuple] = {}


@pytest.fixture(scope="session")
def read_variant(scans):
    """variant -> (RawDocument, Extraction), each read once per session."""
    def read(name: str):
        if name not in _READ:
            doc = reading.read_report(scan_fixtures.scan_pdf(name, scans))
            _READ[name] = doc, extract.extract_text(doc.text, "weibin", 2023, ocr=doc.ocr)
        return _READ[name]
    return read


def _gold():
    with open(GOLD, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _found(mentions, row, text: str) -> bool:
    """The gold row is found: same indicator, value, unit and qualifier, and the words
    around it (the anchor, spaces and width aside) at the mention in the OCR text."""
    hit = mentions[mentions["indicator_id"] == row["id"]]
    if len(hit) != 1:
        return False
    m = hit.iloc[0]
    if not (m["value"] == pytest.approx(float(row["value"])) and m["unit"] == row["unit"]
            and m["qualifier"] == row["qualifier"]):
        return False
    anchor = _squash(row["anchor"])
    window = _squash(text[max(0, m["char_start"] - 60):m["char_end"] + 60])
    return anchor in window


@pytest.mark.parametrize("variant", scan_fixtures.VARIANTS)
def test_gold_values_read_from_the_scan(read_variant, variant):
    doc, ex = read_variant(variant)
    gold = _gold()
    missed = [r["id"] for r in gold if not _found(ex.mentions, r, doc.text)]
    assert len(gold) - len(missed) >= NEEDED[variant], (variant, missed)


@pytest.mark.parametrize("variant", scan_fixtures.VARIANTS)
def test_no_number_that_is_not_in_the_report(read_variant, variant):
    _, ex = read_variant(variant)
    seed = extract.extract_text(SEED.read_text(encoding="utf-8"), "weibin", 2023)
    stated = set(zip(seed.mentions["value"], seed.mentions["unit"]))
    invented = [(r.text, r.value, r.unit) for r in ex.mentions.itertuples()
                if (r.value, r.unit) not in stated]
    assert invented == []
    # nor a catalogue indicator the seed does not state
    assert set(ex.mentions["indicator_id"]) - {""} <= set(seed.mentions["indicator_id"])


def test_text_reads_like_the_text_report(read_variant):
    """Reading order and paragraphs: the scan's paragraphs are the seed's paragraphs."""
    doc, _ = read_variant("clean")
    seed_paras = [_squash(p.replace("**", "")) for p in SEED.read_text("utf-8").splitlines()
                  if p.strip()]
    got = [_squash(p) for p in doc.text.splitlines() if p.strip()]
    assert got == seed_paras
    assert doc.format == "pdf" and doc.ocr.pages == [1, 2, 3]


def test_red_header_and_seal_are_not_read_into_the_text(read_variant):
    clean, _ = read_variant("clean")
    stamped, _ = read_variant("stamped")
    assert scan_fixtures.ISSUER + "文件" not in clean.text  # the red header
    assert clean.text.startswith("2023年度卫滨区法治政府建设工作情况")
    assert _squash(stamped.text) == _squash(clean.text)


def test_mentions_carry_page_box_and_score(read_variant):
    doc, ex = read_variant("clean")
    m = ex.mentions
    assert list(m.columns) == extract.MENTION_COLUMNS
    assert m["page"].notna().all() and set(m["page"]) <= {1, 2, 3}
    assert m["ocr_score"].between(0, 1).all()
    assert all(doc.text[i:j] == t for i, j, t in zip(m["char_start"], m["char_end"], m["text"]))
    # pages follow the text, and on a page the boxes go down the page with the text
    assert list(m["page"]) == sorted(m["page"])
    for _, rows in m.groupby("page"):
        boxes = [tuple(map(float, b.split(","))) for b in rows["bbox"]]
        for x0, y0, x1, y1 in boxes:
            assert 0 <= x0 < x1 <= 595.3 and 0 <= y0 < y1 <= 841.9  # inside an A4 page
        tops = [b[1] for b in boxes]
        assert tops == sorted(tops)
    row = m[m["indicator_id"] == "disputes_mediated"].iloc[0]  # 调解纠纷849件, page 3
    assert row["page"] == 3 and "849" in row["text"]
    assert doc.ocr.mean_score > 0.95


def test_text_input_has_empty_ocr_columns():
    ex = extract.extract_file(SEED)
    m = ex.mentions
    assert m["page"].isna().all() and (m["bbox"] == "").all() and m["ocr_score"].isna().all()
    assert ex.meta["ocr_pages"] == [] and ex.meta["ocr_mean_score"] is None


def test_mixed_pdf_keeps_text_layer_pages(scans, read_variant):
    """Page 2 scanned between two pages with a text layer: only page 2 is OCR'd."""
    import pypdfium2 as pdfium

    mixed = scans / "seed-mixed.pdf"
    if not mixed.is_file():
        text_pdf = pdfium.PdfDocument(str(scan_fixtures.text_pdf(scans)))
        scan = pdfium.PdfDocument(str(scan_fixtures.scan_pdf("clean", scans)))
        out = pdfium.PdfDocument.new()
        out.import_pages(text_pdf, [0])
        out.import_pages(scan, [1])
        out.import_pages(text_pdf, [2])
        out.save(str(mixed.with_suffix(".tmp")))
        for d in (out, scan, text_pdf):
            d.close()
        mixed.with_suffix(".tmp").replace(mixed)
    doc = reading.read_report(mixed)
    assert doc.ocr.pages == [2]
    ex = extract.extract_text(doc.text, "weibin", 2023, ocr=doc.ocr)
    found = sum(_found(ex.mentions, r, doc.text) for r in _gold())
    assert found >= 54
    on_scan = ex.mentions[ex.mentions["page"].notna()]
    assert len(on_scan) and set(on_scan["page"]) == {2}
    first = ex.mentions[ex.mentions["indicator_id"] == "exec_meeting_rol_briefings"].iloc[0]
    assert first["bbox"] == "" and first["text"] == "2 次"  # page 1: text layer as written


def test_ocr_needs_no_network(scans, monkeypatch):
    """The models are the wheel's own files: nothing is fetched, even on first use."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    def refuse(*args, **kwargs):
        raise AssertionError("OCR tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.delenv("ROL_OCR_CACHE", raising=False)
    ocr._engine.cache_clear()
    font = ImageFont.truetype(str(scan_fixtures._ttf_font(SEED.read_text("utf-8"), scans)), 36)
    img = Image.new("RGB", (600, 80), "white")
    ImageDraw.Draw(img).text((10, 15), "调解纠纷849件", font=font, fill="black")
    lines = ocr.recognise(np.asarray(img))
    assert [x.text for x in lines] == ["调解纠纷849件"]


def test_rol_extract_on_a_scan(scans, tmp_path):
    scan = scan_fixtures.scan_pdf("clean", scans)
    out = tmp_path / "out"
    proc = rol("extract", scan, "--out", out, "--region", "weibin", "--year", "2023",
               check=0)
    assert proc.stderr.count("Traceback") == 0
    import pandas as pd

    m = pd.read_csv(out / "mentions.csv", encoding="utf-8-sig")
    assert m["page"].notna().all() and m["bbox"].notna().all()
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert report["ocr_pages"] == [1, 2, 3] and report["ocr_mean_score"] > 0.95


def test_rol_build_on_a_scan_shows_page_provenance(scans, tmp_path):
    root = make_root(tmp_path / "project")
    (root / "data" / "raw" / "weibin" / "2023.txt").unlink()  # the scan instead
    scan = scan_fixtures.scan_pdf("clean", scans)
    (root / "data" / "raw" / "weibin" / "2023.pdf").write_bytes(scan.read_bytes())
    rol("build", "--region", "weibin", "--year", "2023", "--root", root, check=0)
    html = (root / "reports" / "weibin" / "2023" / "brief.html").read_text("utf-8")
    assert "经 OCR 识别" in html and "平均识别置信度 0.99" in html
    assert re.search(r"第3页，数字经 OCR 识别，识别置信度 [01]\.\d\d", html)  # 调解纠纷849件
