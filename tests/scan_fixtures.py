"""Scanned copies of the seed report, made in the tests (no binary is committed).

The seed (data/raw/weibin/2023.txt) is typeset as a government document would be (a red
issuer header with a red rule, black body text in the packaged Noto Sans SC) by
reportlab, rasterised by pdfium at 150 dpi, then rewrapped as an image-only PDF, as a
scanner would produce. Variants of the same pages:

- ``clean``: the rasterised pages as they are;
- ``rotated``: every page turned by 0.5-1 degree (alternating sign), as a sheet fed
  slightly askew;
- ``noisy``: Gaussian noise and JPEG compression at quality 40;
- ``stamped``: a red circular seal with a star and issuer text drawn over the text of
  the first and last page, as on the signed copy.

Everything is deterministic (fixed seeds, fixed layout), so the images and their hashes
are the same on every run and the OCR cache keyed by image hash stays valid.
"""

from __future__ import annotations

import io
import math
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "data" / "raw" / "weibin" / "2023.txt"
VARIANTS = ("clean", "rotated", "noisy", "stamped")
DPI = 150
ISSUER = "新乡市卫滨区人民政府"


def _ttf_font(text: str, folder: Path) -> Path:
    """Noto Sans SC cut to ``text``'s characters and converted to TrueType outlines.

    reportlab embeds only TrueType (glyf) fonts and the packaged Noto Sans SC is CFF, so
    the subset's cubic outlines are converted to quadratic ones (fontTools' cu2qu).
    """
    path = folder / "noto-subset.ttf"
    if path.is_file():
        return path
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    from rol_analysis import fonts

    font = TTFont(str(fonts.font_path()))
    opts = subset.Options()
    opts.drop_tables += ["vhea", "vmtx", "VORG", "BASE", "GSUB", "GPOS"]
    sub = subset.Subsetter(opts)
    sub.populate(text=text + "".join(chr(c) for c in range(0x20, 0x7F)))
    sub.subset(font)
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    font["maxp"] = newTable("maxp")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                 "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                 "maxComponentElements", "maxPoints", "maxContours",
                 "maxCompositePoints", "maxCompositeContours", "maxComponentDepth"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    maxp.numGlyphs = len(order)
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 2.0
    font["post"].extraNames = []
    font["post"].mapping = {}
    font.sfntVersion = "\x00\x01\x00\x00"
    font.save(str(path))
    return path


def _paragraphs(text: str) -> list[str]:
    # The seed marks its run-in headings with markdown ** (bold in the printed copy).
    return [p.replace("**", "").strip() for p in text.splitlines() if p.strip()]


def text_pdf(folder: Path) -> Path:
    """The seed typeset as a text PDF (A4, 12 pt body, red header on page 1)."""
    path = folder / "seed-text.pdf"
    if path.is_file():
        return path
    from reportlab.lib.colors import Color, black
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    raw = SEED.read_text(encoding="utf-8")
    paras = _paragraphs(raw)
    font = _ttf_font(raw + ISSUER + "文件", folder)
    pdfmetrics.registerFont(TTFont("NotoSub", str(font)))
    width, height = A4
    margin_x, margin_top, margin_bottom = 72, 72, 72
    size, leading = 12, 20
    red = Color(0.85, 0.05, 0.05)
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    y = height - margin_top
    # Red header: issuer name in large red type over a red rule (红头).
    c.setFillColor(red)
    c.setFont("NotoSub", 26)
    c.drawCentredString(width / 2, y - 20, ISSUER + "文件")
    c.setStrokeColor(red)
    c.setLineWidth(2)
    c.line(margin_x, y - 38, width - margin_x, y - 38)
    c.setFillColor(black)
    y -= 80
    usable = width - 2 * margin_x

    def new_page():
        nonlocal y
        c.showPage()
        y = height - margin_top

    for i, para in enumerate(paras):
        title = i == 0
        fsize = 16 if title else size
        c.setFont("NotoSub", fsize)
        heading = bool(re.match(r"^[一二三四五六七八九十]+、", para))
        indent = 0 if title or heading else 2 * fsize
        line, lines, first = "", [], True
        for ch in para:
            limit = usable - (indent if first else 0)
            if pdfmetrics.stringWidth(line + ch, "NotoSub", fsize) > limit:
                lines.append((line, indent if first else 0))
                line, first = "", False
            line += ch
        if line:
            lines.append((line, indent if first else 0))
        for text, ind in lines:
            if y < margin_bottom:
                new_page()
                c.setFont("NotoSub", fsize)
            if title:
                c.drawCentredString(width / 2, y, text)
            else:
                c.drawString(margin_x + ind, y, text)
            y -= leading if not title else leading * 1.6
        if title:
            y -= 6
    c.showPage()
    c.save()
    return path


def raster_pages(pdf: Path, dpi: int = DPI):
    """The PDF's pages as RGB PIL images (pdfium)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [doc[i].render(scale=dpi / 72).to_pil().convert("RGB")
                for i in range(len(doc))]
    finally:
        doc.close()


def _rotate(img, degrees: float):
    from PIL import Image

    return img.rotate(degrees, resample=Image.BICUBIC, expand=False, fillcolor=(255, 255, 255))


def _noise_jpeg(img, seed: int):
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(seed)
    arr = np.asarray(img, dtype=np.int16)
    arr = arr + rng.normal(0, 18, arr.shape[:2])[..., None].astype(np.int16)
    noisy = Image.fromarray(np.clip(arr, 0, 255).astype("uint8"))
    buf = io.BytesIO()
    noisy.save(buf, "JPEG", quality=40)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")


def _stamp(img, centre: tuple[float, float], folder: Path):
    """A red seal (ring, star, issuer text round the top) drawn over the page."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(_ttf_font(SEED.read_text(encoding="utf-8")
                                            + ISSUER + "文件", folder)), 30)
    r = int(1.9 / 2.54 * DPI)  # a 38 mm seal
    layer = Image.new("RGBA", (2 * r + 4, 2 * r + 4), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    red = (220, 30, 35, 200)
    d.ellipse((2, 2, 2 * r + 2, 2 * r + 2), outline=red, width=9)
    cx = cy = r + 2
    star = []
    for k in range(10):
        rad = r * (0.28 if k % 2 == 0 else 0.11)
        ang = -math.pi / 2 + k * math.pi / 5
        star.append((cx + rad * math.cos(ang), cy + rad * math.sin(ang)))
    d.polygon(star, fill=red)
    text = ISSUER
    for k, ch in enumerate(text):
        ang = math.pi * (-0.95 + 0.9 * (k + 0.5) / len(text))  # over the top arc
        glyph = Image.new("RGBA", (40, 40), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((5, 2), ch, font=font, fill=red)
        glyph = glyph.rotate(-math.degrees(ang) - 90, resample=Image.BICUBIC)
        gx = cx + 0.72 * r * math.cos(ang) - 20
        gy = cy + 0.72 * r * math.sin(ang) - 20
        layer.alpha_composite(glyph, (int(gx), int(gy)))
    out = img.convert("RGBA")
    # multiply: ink under the seal stays dark, as with a real stamp over print
    x0, y0 = int(centre[0] * img.width) - r, int(centre[1] * img.height) - r
    region = out.crop((x0, y0, x0 + layer.width, y0 + layer.height))
    import numpy as np

    base = np.asarray(region, dtype=np.float32) / 255
    top = np.asarray(layer, dtype=np.float32) / 255
    alpha = top[..., 3:4]
    mixed = base[..., :3] * (1 - alpha + alpha * top[..., :3])
    region = Image.fromarray((mixed * 255).round().astype("uint8"))
    out = out.convert("RGB")
    out.paste(region, (x0, y0))
    return out


def variant_pages(name: str, folder: Path):
    """The seed's pages as scanned images for one variant (see module docstring)."""
    pages = raster_pages(text_pdf(folder))
    if name == "clean":
        return pages
    if name == "rotated":
        return [_rotate(p, (0.6 + 0.3 * (i % 2)) * (1 if i % 2 else -1))
                for i, p in enumerate(pages)]
    if name == "noisy":
        return [_noise_jpeg(p, seed=i) for i, p in enumerate(pages)]
    if name == "stamped":
        last = len(pages) - 1
        return [_stamp(p, (0.55, 0.3), folder) if i == 0 else
                _stamp(p, (0.7, 0.45), folder) if i == last else p
                for i, p in enumerate(pages)]
    raise ValueError(name)


def image_pdf(pages, path: Path, jpeg: bool = False) -> Path:
    """Pages (PIL images) wrapped as an image-only PDF, one image per A4 page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    tmp = path.with_suffix(".tmp")
    c = canvas.Canvas(str(tmp), pagesize=A4, invariant=1)
    for img in pages:
        buf = io.BytesIO()
        img.save(buf, "JPEG" if jpeg else "PNG", **({"quality": 85} if jpeg else {}))
        buf.seek(0)
        c.drawImage(ImageReader(buf), 0, 0, width=A4[0], height=A4[1])
        c.showPage()
    c.save()
    tmp.replace(path)
    return path


def scan_pdf(name: str, folder: Path) -> Path:
    """The image-only PDF of variant ``name``, made once and kept in ``folder``."""
    path = folder / f"seed-{name}.pdf"
    if not path.is_file():
        image_pdf(variant_pages(name, folder), path, jpeg=(name == "noisy"))
    return path
