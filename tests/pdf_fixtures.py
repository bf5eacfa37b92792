"""Tiny hand-made text PDFs with the font quirks real report PDFs carry.

Chromium printing with Noto Sans SC writes a ToUnicode map that sends some glyphs to
Kangxi radicals (U+2F00..) and CJK Radicals Supplement code points (⺠ for 民), and font
descriptors without a FontBBox (pdfminer warns once per glyph). Printed without CJK fonts,
the text layer has no Unicode map at all and pdfminer reads every glyph as ``(cid:N)``.
These PDFs reproduce each, a few hundred bytes each, with no font program embedded.
"""

from __future__ import annotations


def text_pdf(lines: list[str], unicode_map: bool = True) -> bytes:
    """A one-page PDF that shows ``lines`` in a CID font (Identity-H, 2-byte codes).

    Parameters
    ----------
    lines : list of str
        The text, one line each; characters are written as given (radicals stay radicals).
    unicode_map : bool
        Whether the font carries a ToUnicode map; without one the text cannot be decoded.
    """
    chars = list(dict.fromkeys("".join(lines)))
    code = {ch: 0x100 + i for i, ch in enumerate(chars)}
    ops = [b"BT /F1 12 Tf 14 TL 72 760 Td"]
    for line in lines:
        ops.append(b"<" + b"".join(code[c].to_bytes(2, "big") for c in line).hex().encode()
                   + b"> Tj T*")
    ops.append(b"ET")
    content = b"\n".join(ops)
    to_unicode = b" /ToUnicode 7 0 R" if unicode_map else b""
    pairs = b"".join(b"<%04x> <%s>\n" % (code[c], c.encode("utf-16-be").hex().encode())
                     for c in chars)
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"1 begincodespacerange <0000> <ffff> endcodespacerange\n"
            b"%d beginbfchar\n" % len(chars) + pairs + b"endbfchar endcmap end end")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H "
        b"/DescendantFonts [8 0 R]" + to_unicode + b" >>",
        # no /FontBBox, as Chromium writes it
        b"<< /Type /FontDescriptor /FontName /X /Flags 4 /Ascent 800 /Descent -200 "
        b"/CapHeight 700 /ItalicAngle 0 /StemV 80 >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo "
        b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/DW 1000 /FontDescriptor 6 0 R >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += (b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objs) + 1, xref))
    return out
