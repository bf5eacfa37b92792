"""The CJK font used by charts and briefs.

The font comes from the ``pylopdf-fonts-zh-cn`` package (Noto Sans SC, SIL Open Font
License), never from the system: a chart or brief built on a laptop with PingFang and on
a CI runner without any CJK font must come out byte-identical, and a fresh machine has
no CJK font at all (matplotlib then draws boxes and warns "Glyph ... missing").

Two uses:

- :func:`use_in_matplotlib` registers the font with matplotlib and makes it the default
  sans-serif family.
- :func:`font_face_css` subsets the font to the characters a page uses and returns an
  ``@font-face`` rule with the subset inlined as a base64 WOFF, so the HTML brief reads
  on a machine without CJK fonts and makes no request for a font.
"""

from __future__ import annotations

import base64
import io
from functools import lru_cache
from pathlib import Path

from .exceptions import BuildError, UsageError

#: Family name of the font inside the OTF file (what matplotlib knows it by).
FAMILY = "Noto Sans SC"
#: Family name of the embedded subset in HTML; distinct from FAMILY so an installed full
#: Noto Sans SC never masks a broken embedding (the browser test relies on this).
WEB_FAMILY = "RolBriefSans"
#: Every brief can show ASCII (numbers, English names, the sha256) whatever its text.
ASCII = "".join(chr(c) for c in range(0x20, 0x7F))
# Tables a horizontal web page never reads; dropping them keeps the subset small.
_DROP_TABLES = ["vhea", "vmtx", "VORG", "BASE", "DSIG"]


def font_path() -> Path:
    """Path of Noto Sans SC Regular inside the ``pylopdf-fonts-zh-cn`` package.

    Raises
    ------
    UsageError
        When the package is not installed (it is a dependency of rol-analysis, so this
        means a broken environment).
    """
    try:
        import pylopdf_fonts_zh_cn
    except ImportError:
        raise UsageError(
            "the Chinese font package pylopdf-fonts-zh-cn is not installed, so charts and "
            "briefs cannot draw Chinese: run `pip install pylopdf-fonts-zh-cn` (or reinstall "
            "rol-analysis, which depends on it)."
        ) from None
    path = Path(pylopdf_fonts_zh_cn.sans_path())
    if not path.is_file():
        raise UsageError(
            f"{path}: the Noto Sans SC font file of pylopdf-fonts-zh-cn is missing; "
            "reinstall it with `pip install --force-reinstall pylopdf-fonts-zh-cn`."
        )
    return path


@lru_cache(maxsize=1)
def _font_bytes() -> bytes:
    # Read once per process: batch builds render hundreds of briefs, and the 8 MB read
    # is a third of the cost of one subset.
    return font_path().read_bytes()


@lru_cache(maxsize=1)
def digest() -> str:
    """sha256 of the font file: part of the build fingerprint, since every chart and
    every embedded subset is drawn from it (an upgrade of pylopdf-fonts-zh-cn changes
    the briefs' and validation reports' bytes while nothing of rol-analysis changed)."""
    import hashlib

    return hashlib.sha256(_font_bytes()).hexdigest()


def use_in_matplotlib() -> str:
    """Register the font with matplotlib and make it the default family.

    Safe to call repeatedly. Also switches ``axes.unicode_minus`` off, because the
    Unicode minus sign drawn from a CJK font looks wrong next to the font's digits.

    Returns
    -------
    str
        The family name now used for text (``"Noto Sans SC"``).
    """
    import matplotlib
    from matplotlib import font_manager

    path = str(font_path())
    known = {f.fname for f in font_manager.fontManager.ttflist}
    if path not in known:
        font_manager.fontManager.addfont(path)
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [FAMILY]
    matplotlib.rcParams["axes.unicode_minus"] = False
    # Text in SVG/PDF output as paths: no dependency on the viewer's fonts either.
    matplotlib.rcParams["svg.fonttype"] = "path"
    return FAMILY


def subset_woff(text: str) -> bytes:
    """The font cut down to the characters of ``text`` (plus ASCII), as WOFF bytes.

    HarfBuzz's subsetter (uharfbuzz) cuts the font, about 20 ms for a brief's ~600
    distinct characters (fontTools' pure-Python subsetter took 0.4 s, a fifth of a whole
    brief in batch builds); fontTools then wraps the small result as WOFF. Deterministic:
    the same characters give the same bytes (the font's own timestamp is kept, zlib).

    Parameters
    ----------
    text : str
        Any text; only its set of characters matters.

    Returns
    -------
    bytes
        A WOFF font file.
    """
    import uharfbuzz as hb
    from fontTools.ttLib import TTFont

    codepoints = sorted({ord(c) for c in set(text) | set(ASCII) if ord(c) >= 0x20})
    request = hb.SubsetInput()
    for cp in codepoints:
        request.unicode_set.add(cp)
    for tag in _DROP_TABLES:  # HarfBuzz names a table by its tag packed into an int
        request.drop_table_tag_set.add(int.from_bytes(tag.encode("ascii"), "big"))
    cut = hb.subset(_face(), request)
    if cut is None:
        raise BuildError("the CJK font could not be subset for the brief; reinstall "
                         "pylopdf-fonts-zh-cn and uharfbuzz.")
    font = TTFont(io.BytesIO(cut.blob.data), recalcTimestamp=False, recalcBBoxes=False)
    font.flavor = "woff"  # zlib; woff2 would need brotli, a further dependency
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


@lru_cache(maxsize=1)
def _face():
    import uharfbuzz as hb

    return hb.Face(hb.Blob(_font_bytes()))


def font_face_css(text: str, family: str = WEB_FAMILY) -> str:
    """An ``@font-face`` rule embedding the subset of the font that ``text`` needs.

    Parameters
    ----------
    text : str
        The page's text (the set of characters is what matters).
    family : str
        The CSS family name to declare.

    Returns
    -------
    str
        CSS text; reference it with ``font-family: "<family>"``.
    """
    data = base64.b64encode(subset_woff(text)).decode("ascii")
    return (
        "@font-face {\n"
        f'  font-family: "{family}";\n'
        f'  src: url("data:font/woff;base64,{data}") format("woff");\n'
        "  font-weight: 100 900;\n"
        "  font-style: normal;\n"
        "  font-display: block;\n"
        "}\n"
    )
