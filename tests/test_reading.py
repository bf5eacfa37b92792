"""Reading raw reports: every encoding and format gives the same honest text, and every
unusable file gives an InputError that names the file."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from rol_analysis import fileio, layout
from rol_analysis.exceptions import InputError
from rol_analysis.reading import RawDocument, read_report

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "data" / "raw" / "weibin" / "2023.txt"
INPUTS = REPO / "tests" / "data" / "inputs"

SAMPLE = (
    "卫滨区2023年法治政府建设年度报告\n"
    "六、依法有效化解社会矛盾纠纷\n"
    "全区各级人民调解组织共受理、调解纠纷849件，调解成功率100%；"
    "审减金额 1628 万元，惠及市场主体500余个，开展应急演练六次。\n"
)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "data, encoding",
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (SAMPLE.encode("utf-8-sig"), "utf-8-sig"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.encode("gbk"), "gb18030"),
        (SAMPLE.encode("utf-16"), "utf-16"),  # BOM + native order
        (b"\xfe\xff" + SAMPLE.encode("utf-16-be"), "utf-16"),
        (b"\xff\xfe" + SAMPLE.encode("utf-16-le"), "utf-16"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16", "utf16be-bom", "utf16le-bom"],
)
def test_every_encoding_round_trips_to_the_same_text(tmp_path, data, encoding):
    path = _write(tmp_path, "2023.txt", data)
    doc = read_report(path)
    assert isinstance(doc, RawDocument)
    assert doc.text == SAMPLE  # BOM removed: offset 0 is the first character
    assert doc.encoding == encoding
    assert doc.format == "txt"
    assert doc.path == path
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert path.read_bytes() == data  # read-only


def test_crlf_line_endings_are_kept_so_offsets_count_what_an_editor_shows(tmp_path):
    crlf = SAMPLE.replace("\n", "\r\n")
    doc = read_report(_write(tmp_path, "2023.txt", crlf.encode("gb18030")))
    assert doc.text == crlf
    start = doc.text.index("调解纠纷849件")
    assert doc.text[start:start + 8] == "调解纠纷849件"
    assert start == crlf.index("调解纠纷849件") != SAMPLE.index("调解纠纷849件")


def test_seed_is_read_as_utf8_unchanged():
    doc = read_report(SEED)
    assert doc.encoding == "utf-8"
    assert doc.text == SEED.read_bytes().decode("utf-8")
    assert doc.sha256 == fileio.sha256_file(SEED)


def test_committed_gb18030_fixture_text_re_encodes_to_the_file_bytes():
    path = INPUTS / "qingshan_2023_county.gb18030.txt"
    doc = read_report(path)
    assert doc.encoding == "gb18030"
    assert "调解成功率98.2%" in doc.text
    assert "\r\n" in doc.text
    assert doc.text.encode("gb18030") == path.read_bytes()


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("big5", errors="ignore"),
        # UTF-8 with its last character cut in half: not UTF-8, and as GB18030 mojibake
        SAMPLE.encode("utf-8") + "调".encode()[:2],
    ],
    ids=["big5", "broken-utf8"],
)
def test_undecodable_text_is_refused_with_a_resave_hint(tmp_path, data):
    path = _write(tmp_path, "2023.txt", data)
    with pytest.raises(InputError) as err:
        read_report(path)
    assert str(path) in err.value.message
    assert "re-save it as UTF-8" in err.value.message


@pytest.mark.parametrize(
    "name, data, words",
    [
        ("2023.txt", b"", "empty"),
        ("2023.txt", b"  \r\n\t\n", "empty"),
        ("2023.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("2023.txt", "本文件仅为说明，请参阅正式文本。".encode(), "does not look like a report"),
        ("2023.txt", b"Annual report 2023: 849 cases mediated.", "no Chinese characters"),
        ("2023.doc", SAMPLE.encode(), "save it as .docx"),
        ("2023.xlsx", SAMPLE.encode(), "not supported"),
        ("2023.docx", b"this is not a zip archive at all", "corrupt"),
        ("2023.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "old binary Word"),
        ("2023.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n%%EOF", "corrupt"),
        ("2023.pdf", SAMPLE.encode(), "not a PDF"),
    ],
    ids=["empty", "whitespace", "binary", "no-number", "no-chinese", "doc", "xlsx",
         "corrupt-docx", "renamed-doc", "corrupt-pdf", "text-as-pdf"],
)
def test_unusable_files_raise_input_error_naming_the_file(tmp_path, name, data, words):
    path = _write(tmp_path, name, data)
    with pytest.raises(InputError) as err:
        read_report(path)
    assert str(path) in err.value.message
    assert words in err.value.message
    assert "\n" not in err.value.message  # one paragraph


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        read_report(tmp_path / "2023.txt")
    (tmp_path / "2024.txt").mkdir()
    with pytest.raises(InputError, match="not a file"):
        read_report(tmp_path / "2024.txt")


# --------------------------------------------------------------------------- docx


def test_docx_paragraphs_and_table_cells_in_document_order(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("卫滨区2023年法治政府建设年度报告", level=1)
    document.add_paragraph("一、依法有效化解社会矛盾纠纷")
    document.add_paragraph("全区人民调解组织调解纠纷849件，调解成功率100%。")
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "指标"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "数量"  # one merged cell
    table.cell(1, 0).text = "法律援助案件"
    table.cell(1, 1).text = "751件"
    table.cell(1, 2).text = "同比增长12.6%"
    document.add_paragraph("")  # empty paragraphs are dropped
    document.add_paragraph("二、存在的问题")
    path = tmp_path / "2023.docx"
    document.save(path)
    before = path.read_bytes()

    doc = read_report(path)
    assert doc.format == "docx" and doc.encoding == ""
    assert doc.text.split("\n") == [
        "卫滨区2023年法治政府建设年度报告",
        "一、依法有效化解社会矛盾纠纷",
        "全区人民调解组织调解纠纷849件，调解成功率100%。",
        "指标", "数量", "法律援助案件", "751件", "同比增长12.6%",
        "二、存在的问题",
    ]
    assert path.read_bytes() == before
    assert doc.sha256 == hashlib.sha256(before).hexdigest()


# --------------------------------------------------------------------------- html


def test_gbk_government_page_keeps_only_the_article():
    path = INPUTS / "yunxi_2023_gov_page.gbk.html"
    doc = read_report(path)
    assert doc.format == "html" and doc.encoding == "gb18030"
    lines = doc.text.split("\n")
    assert lines[0] == "云溪市2023年法治政府建设年度报告"  # title from <h1>
    assert "二、深化“放管服”改革" in lines
    assert "全年受理行政复议案件57件" in doc.text
    assert "重大执法决定法制审核 193件" in lines  # table rows survive, one a line
    assert lines[-2:] == ["云溪市人民政府", "2024年3月25日"]
    for noise in ("网站首页", "政务公开", "当前位置", "分享到", "打印本页", "相关信息",
                  "主办单位", "备案号", "浏览次数", "统计代码", "_hmt", "jquery", "搜索",
                  "line-height"):
        assert noise not in doc.text, noise


def test_html_without_known_container_found_by_text_density(tmp_path):
    body = "".join(
        f"<p>第{i}段：全县各级人民调解组织共调解纠纷{800 + i}件，调解成功率99%以上，"
        "化解信访积案若干件，群众满意度持续提升。</p>" for i in range(1, 6)
    )
    page = (
        '<html><head><meta charset="gbk"><title>某县2023年法治政府建设年度报告 - 某县政府</title>'
        "<script>var x = '统计 123';</script></head><body>"
        '<ul class="menu"><li><a href="/">首页</a></li><li><a href="/a">机构概况</a></li>'
        '<li><a href="/b">政务公开</a></li><li><a href="/c">办事服务</a></li></ul>'
        f'<table><tr><td class="c1">{body}</td></tr></table>'
        '<div id="foot">版权所有 某县人民政府 电话 12345678</div></body></html>'
    )
    path = _write(tmp_path, "2023.html", page.encode("gbk"))
    doc = read_report(path)
    assert doc.encoding == "gb18030"
    assert doc.text.split("\n")[0] == "某县2023年法治政府建设年度报告"  # from <title>
    assert "调解纠纷805件" in doc.text
    for noise in ("首页", "机构概况", "版权所有", "统计"):
        assert noise not in doc.text, noise


def test_html_declared_utf8_but_saved_as_gbk_is_sniffed(tmp_path):
    page = ('<html><head><meta charset="utf-8"></head><body><div id="zoom"><p>'
            + "全年办理法律援助案件751件，调解纠纷849件，调解成功率100%。" * 5
            + "</p></div></body></html>")
    doc = read_report(_write(tmp_path, "2023.htm", page.encode("gbk")))
    assert doc.encoding == "gb18030"
    assert "法律援助案件751件" in doc.text


def test_html_page_without_article_text_is_refused(tmp_path):
    page = ('<html><head><meta charset="utf-8"><script>render("法治政府 2023")</script>'
            '</head><body><div id="app"></div></body></html>')
    path = _write(tmp_path, "2023.html", page.encode())
    with pytest.raises(InputError, match="JavaScript") as err:
        read_report(path)
    assert str(path) in err.value.message


# --------------------------------------------------------------------------- pdf


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    """A PDF with a Chinese text layer (CID font, no font file) and an image-only one."""
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    folder = tmp_path_factory.mktemp("pdf")
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    text_pdf = folder / "2023.pdf"
    c = canvas.Canvas(str(text_pdf), invariant=1)
    c.setFont("STSong-Light", 12)
    for i, line in enumerate(["卫滨区2023年法治政府建设年度报告", "六、依法有效化解社会矛盾纠纷",
                              "全区人民调解组织调解纠纷849件，调解成功率100%。"]):
        c.drawString(72, 760 - 24 * i, line)
    c.showPage()
    c.setFont("STSong-Light", 12)
    c.drawString(300, 760, "新乡市卫滨区司法局")
    c.drawString(300, 736, "2023年12月29日")
    c.save()

    scan_pdf = folder / "scan.pdf"
    c = canvas.Canvas(str(scan_pdf), invariant=1)
    c.rect(72, 500, 400, 200, fill=1)  # ink without any text, like a scanned page
    c.showPage()
    c.save()
    return text_pdf, scan_pdf


def test_pdf_text_layer_in_chinese(pdfs):
    text_pdf, _ = pdfs
    doc = read_report(text_pdf)
    assert doc.format == "pdf" and doc.encoding == ""
    lines = [ln for ln in doc.text.split("\n") if ln.strip()]
    assert lines == ["卫滨区2023年法治政府建设年度报告", "六、依法有效化解社会矛盾纠纷",
                     "全区人民调解组织调解纠纷849件，调解成功率100%。",
                     "新乡市卫滨区司法局", "2023年12月29日"]
    assert "\x0c" not in doc.text  # page breaks become newlines


def test_scanned_pdf_without_the_ocr_extra_names_the_install_command(pdfs, monkeypatch):
    from rol_analysis import ocr

    _, scan_pdf = pdfs
    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(InputError) as err:
        read_report(scan_pdf)
    msg = err.value.message
    assert str(scan_pdf) in msg and "no text layer" in msg
    assert layout.install_command("ocr") in msg


@pytest.mark.parametrize("extra", ["ocr", "dask"])
def test_an_extras_install_command_fits_how_rol_was_installed(monkeypatch, tmp_path, extra):
    """Trial 23: a README user (a checkout's .venv, `make ocr`) was told `pip install
    'rol-analysis[ocr]'`, which installs into whatever pip comes first on the PATH; the
    Dask extra's hint (`rol build --scheduler`) still said the bare pip (session 24)."""
    import sys

    checkout = Path(layout.__file__).resolve().parents[2]
    monkeypatch.setattr(sys, "prefix", str(checkout / ".venv"))
    assert layout.install_command(extra) == f"`make {extra}` in {checkout}"
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "env"))  # pip, conda, another venv
    monkeypatch.setattr(sys, "executable", str(tmp_path / "env/bin/python"))
    assert layout.install_command(extra) == (
        f"`{tmp_path / 'env/bin/python'} -m pip install 'rol-analysis[{extra}]'`")


def test_scan_with_no_text_on_it_is_refused(pdfs):
    from rol_analysis import ocr

    if not ocr.available():
        pytest.skip("the OCR extra is not installed: pip install -e '.[ocr]'")
    _, scan_pdf = pdfs  # a filled rectangle: ink, but no text to recognise
    with pytest.raises(InputError) as err:
        read_report(scan_pdf)
    assert str(scan_pdf) in err.value.message and "no text" in err.value.message


# ------------------------------------------------------------ hostile sizes and shapes


def _nested_and_flat(n: int) -> tuple[bytes, bytes]:
    """The same sentences as ``n`` nested divs and as ``n`` sibling divs."""
    lines = [f"第{i}项：调解纠纷{800 + i}件，调解成功率99%，办结案件若干。" for i in range(n)]
    head = "<html><head><title>某县2023年法治政府建设年度报告</title></head><body>"
    nested = head + "".join(f"<div>{t}" for t in lines) + "</div>" * n + "</body></html>"
    flat = head + "".join(f"<div>{t}</div>" for t in lines) + "</body></html>"
    return nested.encode(), flat.encode()


def _elements_visited(monkeypatch, path) -> tuple[str, int]:
    """Read ``path``, counting every element bs4's subtree walks step through."""
    from bs4.element import Tag

    visited = [0]
    original = Tag.descendants

    def counting(self):
        for node in original.fget(self):
            visited[0] += 1
            yield node

    monkeypatch.setattr(Tag, "descendants", property(counting))
    text = read_report(path).text
    monkeypatch.setattr(Tag, "descendants", original)
    return text, visited[0]


def test_deeply_nested_html_is_read_in_linear_work(tmp_path, monkeypatch):
    # A page of nested divs once made each tag's `decomposed` check search its whole
    # subtree: quadratic work (151 s for 10,000 levels). bench/html_nesting.py times it.
    work = {}
    for n in (150, 300):
        nested, flat = _nested_and_flat(n)
        text_nested, work[n] = _elements_visited(monkeypatch, _write(tmp_path, f"n{n}.html",
                                                                     nested))
        flat_lines = read_report(_write(tmp_path, f"f{n}.html", flat)).text.split("\n")
        # the article finder may keep a part of the nest; what it keeps is the text,
        # once and in order
        lines = text_nested.split("\n")
        assert len(lines) > 10 and len(set(lines)) == len(lines)
        assert lines[1:] == flat_lines[flat_lines.index(lines[1]):][:len(lines) - 1]
    # Twice the depth: about twice the work (it was four times, and more).
    assert work[300] < 2.6 * work[150], work


def _zip_bomb(path: Path, unpacked: int) -> Path:
    """A .docx-shaped zip whose one media part inflates to ``unpacked`` zero bytes.

    The deflate stream is one compressed block of zeros repeated (each block ends with
    a full flush, so copies are independent): a few hundred KB that claim ``unpacked``.
    """
    import struct
    import zlib

    chunk = 1 << 24
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = comp.compress(b"\0" * chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    copies = unpacked // chunk
    stream = block * copies + zlib.compressobj(9, zlib.DEFLATED, -15).flush()
    crc = 0
    zeros = b"\0" * chunk
    for _ in range(copies):
        crc = zlib.crc32(zeros, crc)
    size = copies * chunk
    members = [("[Content_Types].xml", 0, b"<Types/>", len(b"<Types/>"),
                zlib.crc32(b"<Types/>")), ("word/media/image1.png", 8, stream, size, crc)]
    out, central = b"", b""
    for name, method, data, usize, ucrc in members:
        header = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0, ucrc,
                             len(data), usize, len(name), 0)
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0,
                               ucrc, len(data), usize, len(name), 0, 0, 0, 0, 0,
                               len(out)) + name.encode()
        out += header + name.encode() + data
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members),
                      len(central), len(out), 0)
    path.write_bytes(out + central + end)
    return path


def _refused(bomb: Path, match: str) -> tuple[InputError, int]:
    """The error reading ``bomb`` raises (its message matching ``match``) and the peak
    memory traced while reading it."""
    import tracemalloc

    tracemalloc.start()
    try:
        with pytest.raises(InputError, match=match) as err:
            read_report(bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return err.value, peak


def test_zip_bomb_docx_is_refused_before_anything_is_inflated(tmp_path):
    bomb = _zip_bomb(tmp_path / "2023.docx", 1 << 30)  # 1 GiB of zeros
    assert bomb.stat().st_size < 3_000_000
    err, peak = _refused(bomb, "unpack")
    assert str(bomb) in err.message and "save it again" in err.message
    assert peak < 30_000_000, peak  # the file itself, not its 1 GiB contents


def test_nesting_deeper_than_the_recursion_limit_is_read(tmp_path):
    import sys

    n = sys.getrecursionlimit() + 200
    lines = [f"{i}件。" for i in range(n)]
    page = ("<html><head><title>某县2023年法治政府建设年度报告</title></head><body>"
            + "".join(f"<div>{t}" for t in lines) + "</div>" * n + "</body></html>")
    doc = read_report(_write(tmp_path, "2023.html", page.encode()))
    assert f"{n - 1}件。" in doc.text.split("\n")


def _pdf_bomb(path: Path, unpacked: int) -> Path:
    """A PDF whose one Flate stream inflates to ``unpacked`` zero bytes (~1 MB per GiB)."""
    import zlib

    chunk = 1 << 24
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = comp.compress(b"\0" * chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    adler, zeros = 1, b"\0" * chunk
    for _ in range(unpacked // chunk):
        adler = zlib.adler32(zeros, adler)
    body = (b"\x78\xda" + block * (unpacked // chunk)
            + zlib.compressobj(9, zlib.DEFLATED, -15).flush() + adler.to_bytes(4, "big"))
    path.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Length " + str(len(body)).encode()
                     + b" /Filter /FlateDecode >>\nstream\n" + body
                     + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
    return path


def test_pdf_stream_bomb_is_refused_without_inflating_it(tmp_path):
    bomb = _pdf_bomb(tmp_path / "2023.pdf", 1 << 30)
    err, peak = _refused(bomb, "inflate")
    assert str(bomb) in err.message
    assert peak < 60_000_000, peak  # streamed in 1 MB pieces, never held whole


# A government page of the 信息公开 kind, written for this test: its metadata table
# (th/td pairs) sits outside the article, which no signature closes.
META_PAGE = """<html><head><meta charset="utf-8">
<title>某某县2024年法治政府建设年度报告_某某县人民政府网</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/xxgk">信息公开</a></div>
<table class="xxgk-table">
<tr><th>索引号</th><td>000000000/2025-00012</td><th>主题分类</th><td>法治政府</td></tr>
<tr><th>发文机关</th><td>某某县人民政府</td><th>成文日期</th><td>2025年02月18日</td></tr>
<tr><th>发布机构</th><td>某某县司法局</td><th>发布日期</th><td>2025-02-21 09:30</td></tr>
</table>
<div class="article"><h1>某某县2024年法治政府建设年度报告</h1><div id="zoom">
<p>2024年，某某县法治政府建设稳步推进，各发布机构依法公开政府信息。</p>
<p>一、依法履行政府职能。全年新增政务服务事项52项，网上办理业务2474件。</p>
<p>二、化解矛盾纠纷。全年调解纠纷849件，办理法律援助案件120件。</p>
</div></div><div class="footer">版权所有：某某县人民政府</div></body></html>"""


def test_html_metadata_table_gives_issuer_and_date(tmp_path):
    doc = read_report(_write(tmp_path, "2024.html", META_PAGE.encode()))
    # the body that issued it and the day it was signed, before who posted it and when
    assert doc.page_meta == {"issuer": "某某县人民政府", "date": "2025-02-18"}
    assert "索引号" not in doc.text and "发文机关" not in doc.text


@pytest.mark.parametrize("table,expected", [
    # one cell a field, label and value with a colon (发布机构/发布日期 only)
    ('<table class="meta"><tr><td>索引号：0001/202503-00021</td><td>发布机构：某某县司法局</td>'
     '</tr><tr><td>发布日期：2025-03-28</td><td>浏览次数：1326</td></tr></table>',
     {"issuer": "某某县司法局", "date": "2025-03-28"}),
    # a list whose labels have elements of their own, two fields in one line
    ('<ul class="info"><li><span>发布机构：</span>某某区司法局</li>'
     '<li>发布时间：2025/3/2 来源：某某区人民政府网</li></ul>',
     {"issuer": "某某区司法局", "date": "2025-03-02"}),
    # no table: nothing is made up from the article's words (各发布机构…)
    ("", {}),
])
def test_html_metadata_layouts(tmp_path, table, expected):
    page = META_PAGE.replace(META_PAGE[META_PAGE.index('<table'):META_PAGE.index(
        '</table>') + len('</table>')], table)
    assert read_report(_write(tmp_path, "2024.html", page.encode())).page_meta == expected


def test_html_metadata_reading_is_linear_in_a_long_page(tmp_path, monkeypatch):
    """A long page whose paragraphs are split by <br> in one <div>, each holding a
    label-like word (来源), must not have that whole <div> read once per word: the text
    read for the metadata stays within a few times the page (it was the page times the
    number of lines), and the metadata table beside it is still found."""
    from bs4.element import Tag

    lines = "<br>".join(f"第{i}条信息来源于本县调查，全年办理案件{i}件。" for i in range(800))
    page = META_PAGE.replace("<p>2024年", f"<div>{lines}</div><p>2024年")
    real, read = Tag.get_text, []

    def get_text(self, *args, **kwargs):
        text = real(self, *args, **kwargs)
        read.append(len(text))
        return text

    monkeypatch.setattr(Tag, "get_text", get_text)
    doc = read_report(_write(tmp_path, "2024.html", page.encode()))
    assert doc.page_meta == {"issuer": "某某县人民政府", "date": "2025-02-18"}
    assert sum(read) < 10 * len(page), (sum(read), len(page))
