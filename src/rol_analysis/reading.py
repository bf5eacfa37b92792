"""Raw report file -> decoded text, for every format reports are published in.

Reports arrive as plain text (UTF-8, UTF-8 with BOM, GB18030/GBK, UTF-16), Word files,
saved government web pages and PDFs. :func:`read_report` turns any of them into one
string, :attr:`RawDocument.text`, and every character offset the package records
(``char_start``/``char_end`` in ``mentions.csv``) indexes into exactly that string.

Conventions that offsets depend on:

- A byte-order mark is not text: it is removed, so offset 0 is the first character
  after the BOM.
- Line endings are kept as decoded (a ``\\r\\n`` file keeps its ``\\r``), so an offset
  counts the same characters an editor shows; nothing is translated or trimmed.
- For ``.docx``, ``.html`` and ``.pdf`` the text is built by this module (paragraphs
  joined with ``\\n``); offsets index into that built text, which is deterministic for
  the same file.
- Kangxi radicals (U+2F00..U+2FDF) and CJK Radicals Supplement characters
  (U+2E80..U+2EFF) that stand for an ideograph are replaced by it (``⼆`` -> ``二``,
  ``⺠`` -> ``民``; :func:`rol_analysis.normalize.radicals_to_ideographs`), in every
  format: one character for one, so offsets are those of the file's characters.
- A PDF page without a usable text layer (a scan) is read by OCR (:mod:`rol_analysis.ocr`,
  the optional extra ``rol-analysis[ocr]``), page by page: the recognised lines in
  reading order, paragraphs rebuilt; :attr:`RawDocument.ocr` maps offsets back to the
  page and box.

The file is only read, never written. Every problem is an :class:`InputError` whose
message names the file, the problem and the fix.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .exceptions import InputError
from .normalize import radicals_to_ideographs

FORMATS = {".txt": "txt", ".docx": "docx", ".html": "html", ".htm": "html", ".pdf": "pdf"}

# Digits (ASCII and full-width) and the characters Chinese numerals are written with,
# including the financial forms; a report without any of them states no statistic.
_NUMERAL_RE = re.compile(r"[0-9０-９〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟]")
_CJK_RE = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]")

# Share of ideographs that must be GB2312 level-1 (the 3,755 everyday characters) for
# bytes decoded as GB18030 to be accepted as Chinese. Measured: the seed report 0.999;
# its UTF-8 bytes misread as GB18030 0.14; Big5 bytes misread as GB18030 0.33.
_MIN_COMMON_SHARE = 0.85


@dataclass(frozen=True)
class RawDocument:
    """A raw report as read from disk.

    Attributes
    ----------
    text : str
        The decoded text (BOM removed, line endings as in the file). Character offsets
        recorded anywhere in the package index into this string.
    encoding : str
        ``utf-8``, ``utf-8-sig``, ``gb18030`` or ``utf-16`` for text and HTML files
        (HTML may also report the charset its ``<meta>`` declares, e.g. ``big5``);
        ``""`` for docx and pdf, whose encoding is internal to the format.
    format : str
        ``txt``, ``docx``, ``html`` or ``pdf``.
    path : pathlib.Path
        The file read.
    sha256 : str
        Hex sha256 of the file's bytes (provenance of the processed tables).
    ocr : rol_analysis.ocr.OcrText or None
        For a PDF with scanned pages: the page, box and recognition score of every
        recognised line, by offset into ``text``; None when nothing was OCR'd.
    page_meta : dict
        For a government web page: ``issuer`` and ``date`` (ISO) as its metadata table
        gives them (发文机关/发布机构, 成文日期/发布日期; see :func:`_page_meta`), each
        only when found. Empty for other formats.
    """

    text: str
    encoding: str
    format: str
    path: Path
    sha256: str
    ocr: object = None
    page_meta: dict = field(default_factory=dict)


def read_report(path) -> RawDocument:
    """Read a raw report of any supported format.

    Parameters
    ----------
    path : path-like
        A ``.txt``, ``.docx``, ``.html``/``.htm`` or ``.pdf`` file.

    Returns
    -------
    RawDocument

    Raises
    ------
    InputError
        When the file is missing, empty, binary, of an unsupported type, cannot be
        decoded with confidence, is a scanned PDF without a text layer, is a corrupt
        Word/PDF file, or contains no number at all (so it is not a report).
    """
    path = Path(path)
    if not path.exists():
        raise InputError(
            f"{path}: the file does not exist. Check the path, or put the report at "
            "data/raw/<region>/<year>.<txt|docx|html|pdf>."
        )
    if not path.is_file():
        raise InputError(
            f"{path}: this is not a file (it is a folder or a device). Give the path of "
            "the report file itself."
        )
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        hint = ""
        if path.suffix.lower() in (".doc", ".wps", ".rtf", ".odt"):
            hint = " Open it in Word, WPS or LibreOffice and save it as .docx."
        raise InputError(
            f"{path}: files of type {path.suffix or '(no extension)'!r} are not supported; "
            "a report must be .txt, .docx, .html/.htm or .pdf." + hint
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(
            f"{path}: the file cannot be read ({exc.strerror or exc}). Check its "
            "permissions and that it is not locked by another program, then retry."
        ) from None
    if not data.strip():
        raise InputError(
            f"{path}: the file is empty. Replace it with the report's text (copy the "
            "published report into it, or save the original Word/PDF file here)."
        )

    ocr_text, page_meta = None, {}
    if fmt == "txt":
        text, encoding = decode_text(data, path)
    elif fmt == "html":
        text, encoding, page_meta = _read_html(data, path)
    elif fmt == "docx":
        text, encoding = _read_docx(data, path), ""
    else:
        (text, ocr_text), encoding = _read_pdf(data, path), ""

    # Radical look-alikes (⼆ for 二) become the ideographs they stand for in every format,
    # a .txt too (text copied out of a PDF carries them): one character for one, so
    # offsets hold, and a radical never means anything else in a report's prose.
    text = radicals_to_ideographs(text)
    _check_content(text, path, fmt)
    return RawDocument(
        text=text, encoding=encoding, format=fmt, path=path,
        sha256=hashlib.sha256(data).hexdigest(), ocr=ocr_text, page_meta=page_meta,
    )


# --------------------------------------------------------------------------- text


def decode_text(data: bytes, path: Path, fix: str | None = None) -> tuple[str, str]:
    """Decode the bytes of a plain-text report; never guess silently.

    Order: a BOM decides (UTF-8, UTF-16); then strict UTF-8; then GB18030 when it
    decodes cleanly *and* the result reads as everyday Chinese; anything else is
    refused with the best guess of charset-normalizer in the message.

    Parameters
    ----------
    data : bytes
        The file's content.
    path : pathlib.Path
        The file, for messages.
    fix : str, optional
        What a message says to do, for a file that is no report (a review worksheet:
        save it from Excel as 'CSV UTF-8'); by default, re-save the report as UTF-8.

    Returns
    -------
    (str, str)
        The text without BOM and the encoding name (``utf-8``, ``utf-8-sig``,
        ``utf-16`` or ``gb18030``).

    Raises
    ------
    InputError
        When the bytes are binary or no encoding can be established with confidence.
    """
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise _resave(path, "it is encoded as UTF-32, which is not supported", fix)
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data, "utf-8-sig", path, fix), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # The utf-16 codec reads the BOM to pick the byte order and drops it.
        return _strict(data, "utf-16", path, fix), "utf-16"
    if b"\x00" in data and fix is not None:
        raise InputError(f"{path}: the file contains NUL bytes, so it is binary (a "
                         f"workbook saved under a text name?) or UTF-16 without a "
                         f"byte-order mark. {fix}")
    if b"\x00" in data:
        raise InputError(
            f"{path}: the file contains NUL bytes, so it is binary (or UTF-16 without a "
            "byte-order mark), not a text report. If it is a Word or PDF file, give it "
            "its real extension (.docx/.pdf); otherwise re-save it as UTF-8 text."
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_chinese(text):
        return text, "gb18030"
    raise _resave(path, f"its encoding cannot be established with confidence "
                        f"(not UTF-8, not GB18030/GBK Chinese; {_guess(data)})", fix)


def _strict(data: bytes, encoding: str, path: Path, fix: str | None = None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise _resave(
            path, f"it starts with a {encoding.upper()} byte-order mark but byte "
                  f"{exc.start} is not valid {encoding.upper()}", fix
        ) from None


def _resave(path: Path, problem: str, fix: str | None = None) -> InputError:
    return InputError(
        f"{path}: {problem}. " + (fix or "Open it in an editor that shows the Chinese "
                                  "correctly and re-save it as UTF-8, then retry.")
    )


def _guess(data: bytes) -> str:
    """charset-normalizer's best guess, for the error message only."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return "no text encoding fits the bytes"
    return f"it may be {best.encoding}"


def _is_common_hanzi(ch: str) -> bool:
    try:
        b = ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return 0xB0 <= b[0] <= 0xD7


def _looks_chinese(text: str) -> bool:
    """True when decoded text reads as everyday Chinese rather than mojibake.

    Bytes of another encoding read as GB18030 land mostly on rare (GB2312 level-2 or
    outside GB2312) ideographs, kana and private-use code points; real report text is
    almost all level-1 characters.
    """
    hanzi = _CJK_RE.findall(text)
    if len(hanzi) < 2:
        return False
    if any(unicodedata.category(c) == "Co" for c in text):  # private use: mojibake
        return False
    common = sum(1 for c in hanzi if _is_common_hanzi(c))
    return common / len(hanzi) >= _MIN_COMMON_SHARE


def _check_content(text: str, path: Path, fmt: str) -> None:
    """Refuse text that is empty, binary-looking or states no number."""
    if not text.strip():
        what = {"html": "the page has no article text (it may be filled in by "
                        "JavaScript: save the page's text or PDF instead)",
                "docx": "the Word file has no text",
                "txt": "the file has only whitespace",
                "pdf": "the PDF has no text"}[fmt]
        raise InputError(f"{path}: {what}. Replace it with the report's text and retry.")
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f\v")
    if controls > max(2, len(text) // 1000):
        raise InputError(
            f"{path}: the decoded text is full of control characters, so the file is "
            "binary or in an unexpected encoding. Re-save the report as UTF-8 text "
            "(or give a Word/PDF file its real extension) and retry."
        )
    if not _CJK_RE.search(text):
        raise InputError(
            f"{path}: the file contains no Chinese characters, so it does not look like a "
            "rule-of-law government report (法治政府建设年度报告). Check that this is the "
            "right file."
        )
    if not _NUMERAL_RE.search(text):
        raise InputError(
            f"{path}: the file contains no number at all (no digit and no Chinese "
            "numeral), so it does not look like a report: an annual report states counts "
            "and rates. Check that this is the right file and not a cover page or notice."
        )


# --------------------------------------------------------------------------- docx


def _read_docx(data: bytes, path: Path) -> str:
    """Body paragraphs and table cells, in document order, joined with ``\\n``.

    Page headers and footers are left out: they repeat the issuer or page numbers,
    which are not part of the report's prose.
    """
    import io
    import zipfile

    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(
            f"{path}: this is an old binary Word (.doc) file renamed to .docx. Open it in "
            "Word, WPS or LibreOffice, save it as .docx, and retry."
        )
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import LxmlError

    try:
        check_zip_sizes(data, path, "Word file")
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        _docx_blocks(document, lines)
    except (PackageNotFoundError, zipfile.BadZipFile, LxmlError, KeyError, ValueError,
            AttributeError, OSError) as exc:
        raise InputError(
            f"{path}: the Word file is corrupt or not a .docx ({type(exc).__name__}). "
            "Open it in Word or WPS and save it again as .docx, or save it as PDF or "
            "UTF-8 text, and retry."
        ) from None
    return "\n".join(lines)


# A Word report is text plus a few pictures: tens of MB unpacked at most. These bounds
# keep a crafted archive (a "zip bomb": 1 MB that unpacks to GBs) from being inflated
# at all; python-docx would read every part into memory before we see any text.
MAX_UNPACKED_BYTES = 200_000_000
MAX_UNPACKED_XML_BYTES = 50_000_000  # one XML part; lxml needs several times this
MAX_ZIP_MEMBERS = 10_000


def check_zip_sizes(data: bytes, path: Path, what: str = "archive") -> None:
    """Refuse a zip whose declared uncompressed sizes are beyond any real report.

    Only the central directory is read (nothing is inflated), so a bomb is refused at
    once. The declared sizes can be trusted for memory: :mod:`zipfile` never inflates a
    member past its declared size (it fails the CRC check instead).

    Raises
    ------
    InputError
        Too many members, one XML part over ``MAX_UNPACKED_XML_BYTES`` or all members
        together over ``MAX_UNPACKED_BYTES``.
    """
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        infos = zf.infolist()
    total = sum(i.file_size for i in infos)
    biggest = max(infos, key=lambda i: i.file_size, default=None)
    xml_over = [i for i in infos if i.filename.lower().endswith((".xml", ".rels"))
                and i.file_size > MAX_UNPACKED_XML_BYTES]
    if len(infos) > MAX_ZIP_MEMBERS or total > MAX_UNPACKED_BYTES or xml_over:
        part = xml_over[0] if xml_over else biggest
        raise InputError(
            f"{path}: the {what} would unpack to {total / 1e6:,.0f} MB in {len(infos)} "
            f"parts (largest: {part.filename if part else '-'}, "
            f"{(part.file_size if part else 0) / 1e6:,.0f} MB) from {len(data) / 1e6:,.1f} MB; "
            f"a report is far smaller (limit {MAX_UNPACKED_BYTES // 1_000_000} MB, "
            f"{MAX_UNPACKED_XML_BYTES // 1_000_000} MB per XML part), so it was not opened. "
            "If it is a genuine report, save it again as .docx without embedded media, or "
            "as PDF or UTF-8 text, and retry."
        )


def _docx_blocks(container, lines: list[str]) -> None:
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            _docx_table(block, lines)
        else:
            text = block.text.strip()
            if text:
                lines.append(text)


def _docx_table(table, lines: list[str]) -> None:
    # A merged cell is returned once per grid position it covers: read it once. The
    # set holds the XML elements themselves (not id()s, which lxml proxies reuse).
    seen: set = set()
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            _docx_blocks(cell, lines)


# --------------------------------------------------------------------------- pdf

# pdfminer inflates a Flate stream whole, in memory. A page's content stream or an
# image of a scanned page is a few MB to tens of MB; a stream beyond this is a bomb
# (1 MB of file can claim 1 GiB), refused before pdfminer sees it.
MAX_PDF_STREAM_BYTES = 150_000_000
# pdfminer logs a warning per font it cannot measure ("Could not get FontBBox from font
# descriptor ...": Chromium's PDFs, 79 lines for a 9-page report) and per odd object; the
# text it returns is the same, and a real failure raises. Every command (build, validate,
# review, extract) reads PDFs through this module, so this one setting quiets them all.
logging.getLogger("pdfminer").setLevel(logging.ERROR)
_PDF_STREAM_RE = re.compile(rb"stream\r?\n")


def check_pdf_streams(data: bytes, path: Path, limit: int = MAX_PDF_STREAM_BYTES) -> None:
    """Refuse a PDF with a Flate stream that inflates past ``limit`` bytes.

    A PDF declares no uncompressed sizes, so each zlib stream is inflated piecewise
    and only counted (1 MB at a time, nothing kept), stopping at ``limit``: memory
    stays flat and a bomb is refused in a fraction of a second.

    Raises
    ------
    InputError
        Naming the file, the stream's offset and the fix.
    """
    for found in _PDF_STREAM_RE.finditer(data):
        start = found.end()
        if data[start:start + 1] != b"\x78":  # no zlib header: not Flate, not ours
            continue
        size = _inflated_size(data, start, limit)
        if size > limit:
            raise InputError(
                f"{path}: a compressed stream at byte {start} would inflate to more than "
                f"{limit // 1_000_000} MB from a {len(data) / 1e6:,.1f} MB file, far beyond "
                "any report page, so the file was not opened (it looks like a "
                "decompression bomb). If it is a genuine report, print it to PDF again or "
                "save it as .docx or UTF-8 text, and retry."
            )


def _inflated_size(data: bytes, start: int, limit: int, chunk: int = 1 << 20) -> int:
    """Bytes the zlib stream at ``data[start:]`` inflates to, counted up to ``limit``.

    A second Flate layer inside (a filter array applying FlateDecode twice) is counted
    through as well. Corrupt data ends the count: pdfminer reports it afterwards.
    """
    import zlib

    outer, inner = zlib.decompressobj(), None
    total = pos = 0
    while not outer.eof and total <= limit:
        if outer.unconsumed_tail:
            feed = outer.unconsumed_tail
        elif start + pos < len(data):
            feed = data[start + pos:start + pos + chunk]
            pos += len(feed)
        else:
            break
        try:
            out = outer.decompress(feed, chunk)
        except zlib.error:
            return total
        if inner is None and total == 0 and out[:1] == b"\x78":
            inner = zlib.decompressobj()
        if inner is None:
            total += len(out)
            continue
        try:
            total += len(inner.decompress(out, chunk))
            while inner.unconsumed_tail and total <= limit:
                total += len(inner.decompress(inner.unconsumed_tail, chunk))
        except zlib.error:  # the first bytes only looked like zlib
            inner = None
            total += len(out)
    return total


def _read_pdf(data: bytes, path: Path):
    """The PDF's text, page by page: the text layer where a page has a usable one, OCR
    (:mod:`rol_analysis.ocr`) where it does not.

    Returns
    -------
    (str, OcrText or None)
        Pages each followed by ``\\n`` (a paragraph that an OCR'd page runs on to the
        next OCR'd page is joined); the OCR provenance, None when no page was OCR'd.
    """
    import io

    if b"%PDF" not in data[:1024]:
        raise InputError(
            f"{path}: the file has a .pdf extension but is not a PDF. Give it its real "
            "extension, or export the report to PDF again, and retry."
        )
    check_pdf_streams(data, path)
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        text = extract_text(io.BytesIO(data), laparams=LAParams())
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(
            f"{path}: the PDF is password-protected. Save an unprotected copy (print to "
            "PDF, or export the text) and retry."
        ) from None
    except Exception as exc:  # noqa: BLE001 - pdfminer raises PSEOF, KeyError, struct
        # and zlib errors and more on damaged files; all mean "cannot read this PDF".
        raise InputError(
            f"{path}: the PDF is corrupt or truncated and cannot be read "
            f"({type(exc).__name__}). Download or export it again and retry."
        ) from None
    # pdfminer ends each page with a form feed.
    pages = text.split("\x0c")
    if len(pages) > 1 and pages[-1] == "":
        pages.pop()
    scanned = [i for i, page in enumerate(pages) if not _usable_text_layer(page)]
    if not scanned:
        # a newline per page keeps offsets and line logic simple without merging the
        # last line of a page into the next
        return text.replace("\x0c", "\n"), None
    from . import ocr
    from .layout import install_command

    undecodable = [i + 1 for i in scanned if _glyph_codes_only(pages[i])]
    if undecodable and not ocr.available():
        # Not a scan: the text is there but its fonts carry no Unicode map, so saying
        # "scanned image" would send the user looking for a scanner problem.
        where = ("the PDF's text layer" if len(undecodable) == len(pages) else
                 f"the text layer of page{'s' if len(undecodable) > 1 else ''} "
                 f"{ocr.page_list(undecodable)}")
        raise InputError(
            f"{path}: {where} cannot be decoded: its fonts have no Unicode "
            "map, so pdfminer reads glyph numbers such as (cid:0), not characters. Export "
            "the report to PDF again with embedded Unicode fonts (or save it as .docx or "
            "UTF-8 text), or read it by OCR: install the OCR extra with "
            f"{install_command('ocr')} (README, Scanned PDFs) and retry."
        )
    ocr.require(path, [] if len(scanned) == len(pages) else [i + 1 for i in scanned])
    prov = ocr.OcrText()
    out: list[str] = []
    pos = 0
    recognised = ocr.read_pages(data, scanned, path)
    last_open = False  # the previous page was OCR'd and its last paragraph runs on
    for i, layer in enumerate(pages):
        if i not in scanned:
            out.append(layer + "\n")
            pos += len(layer) + 1
            last_open = False
            continue
        page = next(recognised)
        if last_open and page.open_start and out and out[-1].endswith("\n"):
            out[-1] = out[-1][:-1]
            pos -= 1
        prov.spans.extend(ocr.shift(page.spans, pos))
        prov.pages.append(i + 1)
        out.append(page.text + "\n")
        pos += len(page.text) + 1
        last_open = page.open_end
    return "".join(out), prov


def _usable_text_layer(page: str) -> bool:
    """Whether a page's text layer holds text (not nothing, not '(cid:NN)' glyph codes)."""
    return bool(page.strip()) and not _glyph_codes_only(page)


def _glyph_codes_only(page: str) -> bool:
    """Whether a page's text layer is mostly '(cid:NN)' glyph codes (no Unicode map)."""
    body = page.strip()
    cid_marks = len(re.findall(r"\(cid:\d+\)", body))
    return bool(cid_marks) and cid_marks * 8 >= len(body) / 2


# --------------------------------------------------------------------------- html

_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE
)
_GB_NAMES = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936", "euc-cn", "hz-gb-2312"}
# Declared charsets honoured as they stand; anything else (iso-8859-1, windows-1252 are
# common wrong defaults of old CMSes) is ignored and the bytes are sniffed instead.
_TRUSTED_NAMES = {"utf-8", "utf8", "big5", "big5-hkscs", "utf-16"}


def _decode_html(data: bytes, path: Path) -> tuple[str, str]:
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_text(data, path)
    found = _META_CHARSET_RE.search(data[:8192])
    declared = found.group(1).decode("ascii").lower() if found else ""
    if declared in _GB_NAMES:
        # Pages labelled gb2312 routinely use GBK characters; GB18030 is a superset.
        try:
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            pass
    elif declared in _TRUSTED_NAMES:
        codec = "utf-8" if declared in ("utf-8", "utf8") else declared
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            pass  # a wrong declaration is common: sniff below
    return decode_text(data, path)


# Elements that never hold the article.
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "nav", "header",
              "footer", "aside", "form", "button", "select", "input", "textarea", "svg",
              "canvas", "object", "embed", "head", "link", "meta", "map")
# id/class words of navigation, page chrome and widgets on Chinese government sites
# (wzdh 网站导航, dqwz 当前位置, fx 分享, bdshare 百度分享, ewm 二维码, xgxx 相关信息).
_CHROME_RE = re.compile(
    r"(^|[-_\s])(nav|navbar|menu|header|head|top|topbar|toolbar|banner|footer|foot|bottom|"
    r"breadcrumbs?|crumbs?|position|location|dqwz|wzdh|share|bdshare|fx|sidebar|side|"
    r"left|right|copyright|links?|friendlinks?|yqlj|search|login|print|qrcode|ewm|"
    r"related|xgxx|xglj|pager|pagination|comment|tools?|info|source|ad|ads)($|[-_\s\d])",
    re.IGNORECASE,
)
# Containers CMSes put the article into (TRS, Hanweb, Dayu and common templates).
_CONTENT_HINT_RE = re.compile(
    r"^(zoom|fontzoom|trs_editor|trs_editor_view|ucap-content|content|article|"
    r"article[-_]?(content|con|body)|art[-_]?con|pages?[-_]content|news[-_]?(content|con)|"
    r"detail|view|wzcon|js_content|main[-_]?content|text|txt|body[-_]?text)$",
    re.IGNORECASE,
)
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "table", "tr", "li", "ul", "ol",
               "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "center", "pre", "dl",
               "dt", "dd", "tbody", "thead", "body", "html", "figure", "figcaption"}
_CELL_TAGS = {"td", "th"}


def _read_html(data: bytes, path: Path) -> tuple[str, str, dict]:
    """The article body of a saved government web page, paragraphs joined by ``\\n``.

    Navigation, header, footer, breadcrumbs, share bars, scripts and styles are
    dropped; the article container is the element with the CMS's content id/class
    (``zoom``, ``TRS_Editor``, ``content`` ...) or else the one with the most
    punctuated, non-link text. The page title (``h1`` or ``<title>``) is put first
    when the container does not already start with it, because region and year are
    read from the title. The page's metadata table is read before the page chrome
    goes (:func:`_page_meta`): text, encoding and that metadata are returned.
    """
    html, encoding = _decode_html(data, path)
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    title = _html_title(soup)
    meta = _page_meta(soup)
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    main = _find_article(soup)
    for tag in main.find_all(True):
        if _decomposed(tag):
            continue
        if _is_chrome(tag) and (_link_share(tag) > 0.3 or len(_squash(tag.get_text(""))) < 80):
            tag.decompose()
    lines = _html_lines(main)
    body = "\n".join(lines)
    if title and not any(title.replace(" ", "") in ln.replace(" ", "")
                         for ln in lines[:3]):
        body = title + "\n" + body if body else title
    return body, encoding, meta


# Labels of a government page's metadata table (信息公开 pages: 索引号, 发文机关, 成文日期,
# 发布机构, 发布日期 …), by field, most specific first: the body that issued the document
# before the office that posted it, the date it was signed before the date it was posted.
_META_FIELDS = {"issuer": ("发文机关", "发文单位", "发布机构"),
                "date": ("成文日期", "发文日期", "发布日期", "发布时间")}
# Every label such a table uses: a value ends where the next label starts (one cell can
# hold several fields: 发布机构：某局 发布日期：2025-03-28).
_META_LABEL_RE = re.compile(
    r"(索引号|主题分类|信息分类|体裁分类|组配分类|服务对象|发文机关|发文单位|发布机构|"
    r"成文日期|发文日期|发布日期|发布时间|发文字号|文号|标题|名称|有效性|时效|关键词|"
    r"主题词|来源|信息来源|浏览次数|访问次数|点击数|字号)\s*[:：]?")


#: The most elements a metadata cell or row holds (a <tr> of four label/value pairs has
#: about twenty). A label-like word inside a larger block is the article's prose, and
#: reading such a block's whole text once per word made a long page (paragraphs split by
#: <br> in one <div>, each with 来源 or 名称) cost time quadratic in its length.
_META_MAX_NODES = 100


def _small(tag) -> bool:
    """Whether ``tag`` has at most :data:`_META_MAX_NODES` descendants (counted no
    further than that, so the test costs the same on any page)."""
    return sum(1 for _ in itertools.islice(tag.descendants, _META_MAX_NODES + 1)) \
        <= _META_MAX_NODES


def _page_meta(soup) -> dict:
    """Issuer and date from a government page's metadata table, when it has one.

    The table sits outside the article (often in a container the chrome filter drops),
    and lays a label out as ``<th>发文机关</th><td>某县人民政府</td>``, ``<td>发布机构：
    某县司法局</td>`` or ``<li><span>发布日期：</span>2025-03-28</li>``: the value is the
    rest of the label's element, else what follows that element in its parent, up to
    the next label. A date must be a real
    date (yyyy-mm-dd, yyyy年m月d日, yyyy/m/d); an issuer a short name in Chinese.

    Returns
    -------
    dict
        ``issuer`` and ``date`` (ISO), each only when found.
    """
    from .sections import _date_in

    wanted = {name for names in _META_FIELDS.values() for name in names}
    found: dict[str, str] = {}
    for node in soup.find_all(string=_META_LABEL_RE):
        cell = node.parent
        if cell is None or not _small(cell):
            continue  # a label-like word (来源, 名称) in a block of the article's prose
        text = _squash(cell.get_text(" "))
        # a label opens its cell or follows a space, and a colon or the cell's end
        # follows it: 发布机构 inside a sentence of the article is not one
        for m in _META_LABEL_RE.finditer(text):
            name = m.group(1)
            head = text[:m.start()]
            if name not in wanted or name in found or (head and not head.endswith(" ")):
                continue
            rest = text[m.end():]
            if not m.group().rstrip().endswith((":", "：")) and rest.strip():
                continue
            value = _META_LABEL_RE.split(rest)[0].strip(" :：")
            if not value and cell.parent is not None and _small(cell.parent):
                # the label has an element of its own (<th>, <span>, <dt>): the value
                # follows it in the parent (<tr>, <li>, <dl>)
                row = _squash(cell.parent.get_text(" "))
                after = row[row.find(text) + len(text):] if text in row else ""
                value = _META_LABEL_RE.split(after)[0].strip(" :：")
            if value:
                found[name] = value
    meta = {}
    for name in _META_FIELDS["issuer"]:
        value = found.get(name, "")
        if 2 <= len(value) <= 40 and _CJK_RE.search(value) and not re.search(r"\d", value):
            meta["issuer"] = value
            break
    for name in _META_FIELDS["date"]:
        date, _ = _date_in(found.get(name, ""))
        if date:
            meta["date"] = date
            break
    return meta


def _html_title(soup) -> str:
    for tag in soup.find_all(["h1", "h2"]):
        text = _squash(tag.get_text(" "))
        if 6 <= len(text) <= 80 and ("报告" in text or "法治" in text):
            return text
    if soup.title and soup.title.string:
        text = _squash(soup.title.string)
        # "标题_某某区人民政府网" / "标题 - 网站名": keep the part before the site name.
        text = re.split(r"\s*[_|－—-]{1,2}\s*", text)[0]
        if "报告" in text or "法治" in text:
            return text
    return ""


def _decomposed(tag) -> bool:
    """Whether ``tag`` was destroyed by an earlier ``decompose()`` (of it or an ancestor).

    Not ``tag.decomposed``: on a live tag bs4 looks the missing ``_decomposed`` attribute
    up as a child tag of that name, a search of the whole subtree, which made deeply
    nested pages quadratic. ``decompose()`` sets the flag in the instance dict.
    """
    return tag.__dict__.get("_decomposed", False)


def _is_chrome(tag) -> bool:
    attrs = " ".join([tag.get("id") or "", *(tag.get("class") or [])])
    return bool(attrs.strip()) and bool(_CHROME_RE.search(attrs))


def _link_share(tag) -> float:
    text = len(_squash(tag.get_text("")))
    if not text:
        return 1.0
    links = sum(len(_squash(a.get_text(""))) for a in tag.find_all("a"))
    return links / text


def _prose_score(text: str) -> float:
    # Chinese prose is long runs with commas and full stops; menus are short labels.
    return len(text) + 20 * (text.count("，") + text.count("。") + text.count("；"))


def _find_article(soup):
    body = soup.body or soup
    for tag in body.find_all(True):
        if not _decomposed(tag) and _is_chrome(tag) and _link_share(tag) > 0.5:
            tag.decompose()
    best, best_score = None, 0.0
    for tag in body.find_all(True):
        if _decomposed(tag):
            continue
        names = [tag.get("id") or "", *(tag.get("class") or [])]
        if any(_CONTENT_HINT_RE.match(n) for n in names if n):
            text = _squash(tag.get_text(""))
            score = _prose_score(text) * (1 - _link_share(tag))
            if score > best_score:
                best, best_score = tag, score
    if best is not None and best_score >= 200:
        # Templates nest hinted containers (div.article > div#zoom > div.TRS_Editor);
        # the innermost one that still holds nearly all the prose leaves out the
        # title bar and publication line around it.
        for tag in best.find_all(True):
            names = [tag.get("id") or "", *(tag.get("class") or [])]
            if any(_CONTENT_HINT_RE.match(n) for n in names if n):
                text = _squash(tag.get_text(""))
                if _prose_score(text) * (1 - _link_share(tag)) >= 0.9 * best_score:
                    best = tag
        return best
    # No known container: credit each text block's prose to its parent and
    # grandparent (the readability idea) and take the highest-scoring element.
    scores: dict[int, tuple[float, object]] = {}
    for block in body.find_all(["p", "div", "td", "section", "li"]):
        own = _squash("".join(s for s in block.find_all(string=True, recursive=False)))
        if block.name == "p" or len(own) >= 20:
            text = own if block.name != "p" else _squash(block.get_text(""))
            if len(text) < 10:
                continue
            score = _prose_score(text)
            for weight, node in ((1.0, block.parent), (0.5, getattr(block.parent, "parent", None))):
                if node is None or node.name in ("[document]", "html"):
                    continue
                prev = scores.get(id(node), (0.0, node))[0]
                scores[id(node)] = (prev + weight * score, node)
            if block.name != "p":
                prev = scores.get(id(block), (0.0, block))[0]
                scores[id(block)] = (prev + score, block)
    if not scores:
        return body
    # The best of score * (1 - link share), ties to the first scored. The link share
    # walks a node's subtree, so it is computed only for nodes whose raw score can still
    # win: on a deeply nested page, computing it for every node was quadratic.
    ranked = sorted(enumerate(scores.values()), key=lambda item: -item[1][0])
    best, best_score, best_at = body, float("-inf"), len(ranked)
    for at, (score, node) in ranked:
        if score < best_score:
            break
        if score == best_score and at > best_at:
            continue
        weighted = score * (1 - _link_share(node))
        if weighted > best_score or (weighted == best_score and at < best_at):
            best, best_score, best_at = node, weighted, at
    return best


def _squash(text: str) -> str:
    return re.sub(r"[\s\xa0\u3000]+", " ", text).strip()


def _html_lines(root) -> list[str]:
    """Block-aware text: each block element and ``<br>`` starts a new line."""
    from bs4 import NavigableString, Tag
    from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

    parts: list[str] = []
    # An explicit stack, not recursion: pages nest divs deeper than Python's recursion
    # limit. A string on the stack is output to append once its element is done.
    stack: list = [iter(root.children)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        if isinstance(child, str) and not isinstance(child, NavigableString):
            parts.append(child)  # the separator queued when the element was entered
        elif isinstance(child, (Comment, Declaration, Doctype, ProcessingInstruction)):
            continue
        elif isinstance(child, NavigableString):
            parts.append(str(child))
        elif isinstance(child, Tag):
            if child.name == "br":
                parts.append("\n")
            elif child.name in _BLOCK_TAGS:
                parts.append("\n")
                stack.append(itertools.chain(child.children, ["\n"]))
            elif child.name in _CELL_TAGS:
                stack.append(itertools.chain(child.children, [" "]))
            else:
                stack.append(iter(child.children))
    lines = []
    for line in "".join(parts).split("\n"):
        line = _squash(line)
        if line:
            lines.append(line)
    return lines
