"""Number parsing for report text: digits, separators, 万/亿 scales, Chinese numerals.

Reports write the same quantity many ways: ``1,274.6万元``, ``8.6万条``, ``十二次``,
``两场``, ``二百余场``, ``百分之百``. This module turns the *number part* of such an
expression into a float; finding where a number starts and ends, and which counting
word and qualifier go with it, is the job of :mod:`rol_analysis.extract`.

Chinese numerals are converted by cn2an (a maintained converter) rather than by hand.
Its import costs ~0.15 s, so it is imported only when a Chinese numeral is met, and
results are cached because reports repeat the same few numerals.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

#: Scale words written after a number, largest first so regex alternation prefers them.
SCALES: dict[str, float] = {
    "千万": 1e7,
    "百万": 1e6,
    "十万": 1e5,
    "万": 1e4,
    "亿": 1e8,
    "千": 1e3,
}

#: Characters that make up a Chinese numeral (the counting digits and place words).
CN_DIGITS = "零〇一二两三四五六七八九"
CN_PLACES = "十百千万亿"
CN_NUMERAL_CHARS = CN_DIGITS + CN_PLACES + "点"

_ARABIC_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_PERCENT_CN_RE = re.compile(r"百分之(.+)")
_FRACTION_RE = re.compile(r"(.+?)分之(.+)")


def parse_arabic(text: str) -> float:
    """Parse digits with optional thousands commas and a decimal point.

    Parameters
    ----------
    text : str
        For example ``"212386"``, ``"1,274.6"``, ``"8.6"`` (full-width digits must be
        NFKC-normalised first, see :mod:`rol_analysis.normalize`).

    Returns
    -------
    float

    Raises
    ------
    ValueError
        When ``text`` is not such a number (for example ``"1,27"``).
    """
    text = text.strip()
    if not _ARABIC_RE.fullmatch(text):
        raise ValueError(f"not an arabic number: {text!r}")
    return float(text.replace(",", ""))


@lru_cache(maxsize=4096)
def parse_chinese(text: str) -> float:
    """Parse a Chinese numeral: ``十二`` -> 12, ``两`` -> 2, ``二百`` -> 200, ``三点五`` -> 3.5.

    A bare place word (``百``, ``千``) means one of it, as in ``百分之百``.

    Raises
    ------
    ValueError
        When cn2an cannot read ``text`` as a numeral.
    """
    text = text.strip()
    if text in ("十", "百", "千", "万", "亿"):
        # cn2an rejects a bare place word other than 十; in 百分之百 it means 100.
        return {"十": 10.0, "百": 100.0, "千": 1e3, "万": 1e4, "亿": 1e8}[text]
    if not text or any(ch not in CN_NUMERAL_CHARS for ch in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    import cn2an  # deferred: ~0.15 s import, needed only for Chinese numerals

    try:
        return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, IndexError) as exc:
        raise ValueError(f"not a Chinese numeral: {text!r} ({exc})") from None


def parse_number(text: str) -> float:
    """Parse a whole number expression, scale included, to a float.

    Parameters
    ----------
    text : str
        An arabic or Chinese number, optionally followed by a scale word (万, 亿, 千万,
        …) and optionally written as ``百分之…``; examples: ``"1,274.6万"`` ->
        12746000, ``"8.6万"`` -> 86000, ``"十二"`` -> 12, ``"两"`` -> 2,
        ``"3.5亿"`` -> 350000000, ``"百分之九十五点五"`` -> 95.5, ``"百分之百"`` -> 100.
        A fraction is read as a percentage, rounded to two decimals as reports state
        rates: ``"四分之一"`` -> 25, ``"三分之二"`` -> 66.67, ``"4分之1"`` -> 25.
        Qualifiers (余, 多) and counting words are not part of it.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        When ``text`` is not a number expression.
    """
    text = text.strip()
    m = _PERCENT_CN_RE.fullmatch(text)
    if m:
        return parse_number(m.group(1))
    m = _FRACTION_RE.fullmatch(text)
    if m:
        whole, part = parse_number(m.group(1)), parse_number(m.group(2))
        if not whole:
            raise ValueError(f"a fraction of zero: {text!r}")
        return round(100.0 * part / whole, 2)
    if not text:
        raise ValueError("empty number")
    if text[0].isdigit():
        base, scale = _split_scale(text)
        return float(Decimal(repr(parse_arabic(base))) * Decimal(int(scale)))
    return parse_chinese(text)


def scaled(number: str, scale: str = "") -> float:
    """``number`` (as :func:`parse_number` reads it) times the scale word ``scale``.

    Decimal arithmetic keeps ``2.3亿`` at 230000000 rather than 229999999.99999997.

    Examples
    --------
    >>> scaled("2.3", "亿")
    230000000.0
    >>> scaled("二百", "万")
    2000000.0
    """
    text = number.strip()
    if "分之" in text:
        return parse_number(text) * scale_factor(scale)  # a percentage has no scale
    if not scale and text.isdigit():
        return float(text)  # the common case, without Decimal's cost
    factor = Decimal(int(scale_factor(scale)))
    if text[:1].isdigit():
        base, inner = _split_scale(text)
        parse_arabic(base)  # raises ValueError on a malformed number
        return float(Decimal(base.replace(",", "")) * Decimal(int(inner)) * factor)
    return float(Decimal(repr(parse_number(text))) * factor)


def _split_scale(text: str) -> tuple[str, float]:
    """Split a trailing scale word from arabic digits: ``"8.6万"`` -> (``"8.6"``, 1e4)."""
    for word, factor in SCALES.items():
        if text.endswith(word):
            return text[: -len(word)], factor
    return text, 1.0


def scale_factor(word: str) -> float:
    """The factor of a scale word (``"万"`` -> 10000); 1 for an empty word.

    Raises
    ------
    ValueError
        When ``word`` is not a scale word.
    """
    if not word:
        return 1.0
    try:
        return SCALES[word]
    except KeyError:
        raise ValueError(f"not a scale word: {word!r}") from None
