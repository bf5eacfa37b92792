"""Chinese OCR of scanned PDF pages, offline, with the page and box of every line.

Scanned reports (the signed, red-headed, stamped paper copy put through a scanner) have
no text layer. :func:`read_pages` renders each such page with pdfium, takes the red ink
out (seal, red header), recognises the text with RapidOCR (PP-OCRv6 Chinese detection
and recognition, ONNX models shipped inside the ``rapidocr`` wheel, run on the CPU by
onnxruntime) and puts the lines back into reading order and paragraphs, so that the
rest of the package reads the text as it reads a text PDF.

The packages come with the optional extra ``rol-analysis[ocr]``; without it
:func:`require` raises an :class:`~rol_analysis.exceptions.InputError` with the install
command. Nothing is downloaded at run time: the models are the wheel's own files, passed
by path.

Provenance: :class:`OcrText` keeps, for every recognised line, its span in the rebuilt
text, its page (1-based), its box in PDF points from the page's top-left corner and its
recognition score (0-1, RapidOCR's mean character confidence). :meth:`OcrText.locate`
maps a span of the text back to them.

Results can be cached by image hash: set ``ROL_OCR_CACHE`` to a folder and a page
already seen (same pixels, same settings, same models) is not recognised again. Pages
stream: one page image is in memory at a time.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .exceptions import InputError
from .layout import install_command

#: Render resolution: 150 dpi puts 12 pt body text at ~25 px, which the recogniser reads
#: as well as at 200 dpi (it rescales every line to 48 px) for half the pixels.
DPI = 150
#: Longest side, in pixels, a page is rendered at (A3 at 150 dpi is 2,480 px): a PDF
#: declaring a huge page cannot make one bitmap take gigabytes.
MAX_SIDE = 3600
#: Recognition scores under this are flagged for review (mentions' ``ocr_score``).
LOW_SCORE = 0.9
#: Longest side the detector sees. PP-OCRv6 finds 12 pt lines of an A4 page at 960 px
#: as at full size (1754 px), in a quarter of the time.
DET_SIDE = 960
#: Bumped whenever layout or settings change what a cached page would hold.
_CACHE_VERSION = "1"


@dataclass(frozen=True)
class Line:
    """One recognised line (or fragment of a line) of a page.

    Attributes
    ----------
    text : str
    score : float
        Mean character confidence, 0-1.
    box : tuple of float
        ``(x0, y0, x1, y1)`` in pixels of the rendered page, top-left origin.
    """

    text: str
    score: float
    box: tuple[float, float, float, float]


@dataclass
class Span:
    """Where a line of one page landed in the rebuilt text."""

    start: int
    end: int
    page: int
    bbox: tuple[float, float, float, float]  # PDF points, top-left origin
    score: float


@dataclass
class OcrText:
    """Recognised text of the OCR'd pages of one document and its provenance.

    Attributes
    ----------
    spans : list of Span
        In text order; offsets index into the document text they were added to.
    pages : list of int
        The 1-based numbers of the pages that were OCR'd.
    """

    spans: list[Span] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)

    @property
    def mean_score(self) -> float | None:
        """Mean recognition score over all recognised characters (None: nothing read)."""
        chars = sum(s.end - s.start for s in self.spans)
        if not chars:
            return None
        return sum(s.score * (s.end - s.start) for s in self.spans) / chars

    def locate(self, start: int, end: int) -> tuple[int, str, float] | None:
        """``(page, bbox, score)`` of the text span ``[start, end)``, or None.

        The box is the union of the boxes of the lines the span touches on its first
        page, written ``"x0,y0,x1,y1"`` in PDF points from the page's top-left corner;
        the score is the lowest of those lines' scores. None when the span is not on an
        OCR'd page.
        """
        import bisect

        starts = [s.start for s in self.spans]
        i = bisect.bisect_right(starts, start) - 1
        if i < 0 or self.spans[i].end <= start:
            # offsets between two lines (a joined line break): take the next line
            i += 1
            if i >= len(self.spans) or self.spans[i].start >= end:
                return None
        first = self.spans[i]
        hit = [s for s in self.spans[i:] if s.start < end and s.page == first.page]
        x0 = min(s.bbox[0] for s in hit)
        y0 = min(s.bbox[1] for s in hit)
        x1 = max(s.bbox[2] for s in hit)
        y1 = max(s.bbox[3] for s in hit)
        return first.page, f"{x0:.1f},{y0:.1f},{x1:.1f},{y1:.1f}", min(s.score for s in hit)


def available() -> bool:
    """Whether the OCR extra is installed (import only checked, nothing loaded)."""
    from importlib.util import find_spec

    return all(find_spec(m) is not None for m in ("rapidocr", "onnxruntime", "pypdfium2"))


def require(path, pages: list[int]) -> None:
    """Raise the install message when the OCR extra is missing.

    Parameters
    ----------
    path : path-like
        The PDF, for the message.
    pages : list of int
        1-based numbers of the pages without a text layer.
    """
    if available():
        return
    which = ("has no text layer (it is a scanned image)" if pages == [] else
             f"has no usable text layer on page{'s' if len(pages) > 1 else ''} "
             f"{page_list(pages)} (scanned images)")
    raise InputError(
        f"{path}: the PDF {which}, so it needs OCR, which is an optional extra. Install "
        f"it with {install_command('ocr')} and retry (the models ship with it; nothing is "
        "downloaded at run time)."
    )


def page_list(pages: list[int]) -> str:
    """``1, 2, 3``: 1-based page numbers for a message, the first ten and ``...``."""
    return ", ".join(str(p) for p in pages[:10]) + (" ..." if len(pages) > 10 else "")


# ----------------------------------------------------------------------------- engine

@lru_cache(maxsize=1)
def _engine():
    """The RapidOCR engine with the wheel's own model files (never a download)."""
    import logging

    import rapidocr
    from rapidocr import RapidOCR

    models = Path(rapidocr.__file__).parent / "models"
    det = _one(models, "*det*.onnx")
    rec = _one(models, "*rec*.onnx")
    threads = int(os.environ.get("ROL_OCR_THREADS", "0") or 0)
    params = {
        "Global.log_level": "error",
        # pages are upright; the angle classifier would only cost time
        "Global.use_cls": False,
        "Det.model_path": str(det),
        "Det.limit_type": "max",
        "Det.limit_side_len": DET_SIDE,
        "Rec.model_path": str(rec),
    }
    if threads > 0:
        params["EngineConfig.onnxruntime.intra_op_num_threads"] = threads
        params["EngineConfig.onnxruntime.inter_op_num_threads"] = 1
    engine = RapidOCR(params=params)
    logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    return engine


def _one(folder: Path, pattern: str) -> Path:
    found = sorted(folder.glob(pattern))
    if not found:
        raise InputError(
            f"{folder}: the OCR model files ({pattern}) are missing from the rapidocr "
            f"package. Reinstall it with `pip install --force-reinstall rapidocr` and retry."
        )
    return found[-1]


@lru_cache(maxsize=1)
def _fingerprint() -> str:
    """What a cached page depends on besides its pixels: settings, code and models."""
    import rapidocr

    models = Path(rapidocr.__file__).parent / "models"
    parts = [_CACHE_VERSION, getattr(rapidocr, "__version__", ""), str(DET_SIDE)]
    parts += [f"{p.name}:{p.stat().st_size}" for p in sorted(models.glob("*.onnx"))]
    return "|".join(parts)


# ------------------------------------------------------------------------- recognition

def suppress_red(rgb):
    """Red ink (seals, red headers, red rules) turned white; other pixels unchanged.

    A pixel is red ink when its red channel clearly exceeds both others. Black text
    printed under a seal stays dark (all channels low), so it survives.

    Parameters
    ----------
    rgb : numpy.ndarray
        ``(h, w, 3)`` uint8.

    Returns
    -------
    numpy.ndarray
        A new array.
    """
    import numpy as np

    img = rgb.astype(np.int16)
    r, g, b = img[..., 0], img[..., 1], img[..., 2]
    red = (r - np.maximum(g, b) > 50) & (r > 110)
    out = rgb.copy()
    out[red] = 255
    return out


def recognise(rgb, red: bool = True) -> list[Line]:
    """The lines of one page image.

    Parameters
    ----------
    rgb : numpy.ndarray
        ``(h, w, 3)`` uint8 page image.
    red : bool
        Whether to take out red ink first (:func:`suppress_red`).

    Returns
    -------
    list of Line
        As the detector found them (not yet in reading order).
    """
    import numpy as np

    img = suppress_red(rgb) if red else rgb
    cache = _cache_file(img, red)
    if cache is not None and cache.is_file():
        try:
            return [Line(t, s, tuple(b)) for t, s, b in json.loads(cache.read_text("utf-8"))]
        except (ValueError, TypeError):
            pass  # a damaged cache entry is recognised again and rewritten
    result = _engine()(np.ascontiguousarray(img))
    lines = []
    if result.boxes is not None:
        for quad, text, score in zip(result.boxes, result.txts, result.scores):
            xs = [float(p[0]) for p in quad]
            ys = [float(p[1]) for p in quad]
            text = text.strip()
            if text:
                lines.append(Line(text, round(float(score), 4),
                                  (min(xs), min(ys), max(xs), max(ys))))
    if cache is not None:
        _write_cache(cache, lines)
    return lines


def _cache_file(img, red: bool) -> Path | None:
    folder = os.environ.get("ROL_OCR_CACHE")
    if not folder:
        return None
    h = hashlib.sha256()
    h.update(f"{_fingerprint()}|{red}|{img.shape}".encode())
    h.update(img.tobytes())
    return Path(folder) / f"{h.hexdigest()}.json"


def _write_cache(path: Path, lines: list[Line]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps([[x.text, x.score, list(x.box)] for x in lines],
                                  ensure_ascii=False), "utf-8")
        tmp.replace(path)
    except OSError:
        pass  # a cache that cannot be written only costs time


# ------------------------------------------------------------------------------ layout

#: Tallest line box kept, as a share of the page height (a 40 pt heading is ~5 %).
_MAX_LINE_HEIGHT = 0.07
# A page number in the footer ("- 3 -", "— 3 —", "第3页", "3/12"): not report text.
_FOLIO_RE = re.compile(r"^[-—–－一\s]*(?:第\s*)?\d{1,3}\s*(?:页|/\s*\d{1,3})?[-—–－一\s]*$")


def _rows(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped into visual rows (top to bottom), fragments left to right."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda x: ((x.box[1] + x.box[3]) / 2, x.box[0])):
        cy = (line.box[1] + line.box[3]) / 2
        if rows:
            last = rows[-1]
            top = min(x.box[1] for x in last)
            bottom = max(x.box[3] for x in last)
            if top <= cy <= bottom:
                last.append(line)
                continue
        rows.append([line])
    return [sorted(r, key=lambda x: x.box[0]) for r in rows]


def _join(a: str, b: str, wrapped: bool = False) -> str:
    """What goes between two pieces of text: nothing for Chinese, a space between Latin
    words; a number wrapped onto the next line (``《2`` / ``023年``) is one number."""
    if not (a and b and a[-1].isascii() and a[-1].isalnum()
            and b[0].isascii() and b[0].isalnum()):
        return ""
    return "" if wrapped and a[-1].isdigit() and b[0].isdigit() else " "


@dataclass
class _PageLayout:
    rows: list[list[Line]]
    left: float
    right: float
    char: float  # typical character height


def layout(lines: list[Line], width: float, height: float) -> _PageLayout:
    """Reading order of one page's lines, footer page numbers dropped."""
    import statistics

    # A "line" taller than any heading is a picture, a rule or a black bar the
    # recogniser read a stroke into (a filled rectangle comes out as 一).
    lines = [x for x in lines if x.box[3] - x.box[1] <= _MAX_LINE_HEIGHT * height]
    rows = _rows(lines)
    rows = [r for r in rows
            if not (min(x.box[1] for x in r) > 0.9 * height
                    and _FOLIO_RE.match("".join(x.text for x in r)))]
    if not rows:
        return _PageLayout([], 0, width, 1)
    char = statistics.median(x.box[3] - x.box[1] for r in rows for x in r)
    lefts = [r[0].box[0] for r in rows]
    rights = [r[-1].box[2] for r in rows]
    # body margins: the most common left edge and the far right edge of full lines
    left = statistics.median_low(sorted(lefts)[: max(1, len(lefts) // 2)])
    right = sorted(rights)[int(0.8 * (len(rights) - 1))]
    return _PageLayout(rows, left, right, char)


def _starts_paragraph(row: list[Line], page: _PageLayout) -> bool:
    x0 = row[0].box[0]
    x1 = row[-1].box[2]
    indented = x0 - page.left > 1.2 * page.char
    centred = x0 - page.left > 2 * page.char and page.right - x1 > 2 * page.char
    return indented or centred


def _ends_paragraph(row: list[Line], page: _PageLayout) -> bool:
    text = "".join(x.text for x in row)
    short = page.right - row[-1].box[2] > 1.5 * page.char
    return short or (text.endswith(("。", "：", ":")) and
                     page.right - row[-1].box[2] > 0.6 * page.char)


# ------------------------------------------------------------------------------- pages

@dataclass
class PageText:
    """The rebuilt text of one OCR'd page.

    Attributes
    ----------
    index : int
        0-based page index.
    text : str
        Paragraphs joined by ``\\n``, no trailing newline.
    spans : list of Span
        Offsets relative to ``text``.
    open_start, open_end : bool
        The first row continues a paragraph (not indented) / the last row runs on to
        the next page (reaches the right margin), so two pages join without a break.
    """

    index: int
    text: str
    spans: list[Span]
    open_start: bool
    open_end: bool


def read_pages(data: bytes, pages: list[int], path, red: bool = True, dpi: int = DPI):
    """Recognise the given pages of a PDF, one page image in memory at a time.

    Parameters
    ----------
    data : bytes
        The PDF file.
    pages : list of int
        0-based page indices to OCR.
    path : path-like
        The file, for messages.
    red : bool
        Suppress red ink before recognition.
    dpi : int
        Render resolution.

    Yields
    ------
    PageText
        In page order.
    """
    require(path, [p + 1 for p in pages])
    import numpy as np
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise InputError(
            f"{path}: the PDF cannot be opened for OCR ({exc}). Download or export it "
            "again and retry."
        ) from None
    try:
        for index in pages:
            page = doc[index]
            try:
                # a page declared poster-sized is rendered no larger than MAX_SIDE pixels
                scale = min(dpi / 72, MAX_SIDE / max(page.get_size()))
                bitmap = page.render(scale=scale)
                rgb = np.asarray(bitmap.to_pil().convert("RGB"))
                bitmap.close()
            finally:
                page.close()
            lines = recognise(rgb, red=red)
            h_px, w_px = rgb.shape[:2]
            del rgb
            yield _page_text(lines, w_px, h_px, index, 1 / scale)
    finally:
        doc.close()


def _page_text(lines: list[Line], width: float, height: float, index: int,
               to_pt: float) -> PageText:
    """One page's rows joined into paragraphs, with each fragment's span."""
    page = layout(lines, width, height)
    out: list[str] = []
    spans: list[Span] = []
    pos = 0
    prev = None
    for row in page.rows:
        if prev is not None:
            if _ends_paragraph(prev, page) or _starts_paragraph(row, page):
                out.append("\n")
                pos += 1
            else:
                sep = _join(prev[-1].text, row[0].text, wrapped=True)
                out.append(sep)
                pos += len(sep)
        for k, frag in enumerate(row):
            if k:
                sep = _join(row[k - 1].text, frag.text) or (
                    " " if frag.box[0] - row[k - 1].box[2] > 2 * page.char else "")
                out.append(sep)
                pos += len(sep)
            out.append(frag.text)
            box = tuple(round(v * to_pt, 1) for v in frag.box)
            spans.append(Span(pos, pos + len(frag.text), index + 1, box, frag.score))
            pos += len(frag.text)
        prev = row
    open_start = bool(page.rows) and not _starts_paragraph(page.rows[0], page)
    open_end = bool(page.rows) and not _ends_paragraph(page.rows[-1], page)
    return PageText(index, "".join(out), spans, open_start, open_end)


def shift(spans: list[Span], offset: int) -> list[Span]:
    """Spans with ``offset`` added (a page's text placed in the document text)."""
    return [Span(s.start + offset, s.end + offset, s.page, s.bbox, s.score) for s in spans]
