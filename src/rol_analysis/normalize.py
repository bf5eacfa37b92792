"""Text normalisation that remembers where every character came from.

Extraction reads a cleaned copy of the report (digits and ``%`` in ASCII, radicals
mapped to ordinary ideographs, ``**bold**`` markers dropped, words and numbers broken
across PDF lines joined), but every mention it reports must point into the *raw*
decoded text, so that ``raw[char_start:char_end]`` is the mention as published. Each
step below therefore rewrites the text through a list of edits and carries, for every
output character, the raw offsets it came from.

What changes, and why:

- NFKC, except for the full-width Chinese punctuation ``，：；！？（）`` which NFKC would
  turn into ASCII: a full-width comma must stay a clause break, never look like a
  thousands separator (``48，65件``).
- Kangxi radicals (U+2F00..U+2FD5, PDF text layers) go to their ideographs through NFKC,
  except ``⼾`` which NFKC maps to the traditional ``戶``: it becomes ``户``. CJK Radicals
  Supplement characters (``⻓`` ``⻛`` …), which NFKC leaves alone, are mapped with the
  table below (Unicode's EquivalentUnifiedIdeograph data for that block).
- ``**`` markers left by a Markdown conversion are dropped.
- Spaces next to a CJK character are dropped (``849 件``, ``全区 150 名``); spaces
  between two Latin words or two numbers are kept.
- A line break (with any blank lines) inside a paragraph is removed, joining words
  (``区人大常委\\n\\n会备案``) and numbers with their units (``培训班16\\n期``). A break
  is kept when the line before ends a sentence, or either line is a heading or a short
  title/signature line, so sections are never merged.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np

# Full-width punctuation that keeps its Chinese form (see module docstring).
_KEEP = frozenset("，：；！？（）［］｛｝～")

# CJK Radicals Supplement -> unified ideograph (EquivalentUnifiedIdeograph.txt); only the
# radicals that stand for a whole character in running text are listed.
_SUPPLEMENT = {
    0x2E81: 0x5382, 0x2E85: 0x4EBB, 0x2E86: 0x5182, 0x2E89: 0x5202, 0x2E8A: 0x535C,
    0x2E8C: 0x5C0F, 0x2E90: 0x5C22, 0x2E92: 0x5DF3, 0x2E93: 0x5E7A, 0x2E94: 0x5F51,
    0x2E96: 0x5FC4, 0x2E97: 0x5FC3, 0x2E98: 0x624C, 0x2E99: 0x6535, 0x2E9B: 0x65E1,
    0x2E9C: 0x65E5, 0x2E9D: 0x6708, 0x2E9E: 0x6B7A, 0x2E9F: 0x6BCD, 0x2EA0: 0x6C11,
    0x2EA1: 0x6C35, 0x2EA2: 0x6C3A, 0x2EA3: 0x706C, 0x2EA4: 0x722B, 0x2EA6: 0x4E2C,
    0x2EA7: 0x725B, 0x2EA8: 0x72AD, 0x2EA9: 0x738B, 0x2EAA: 0x758B, 0x2EAB: 0x76EE,
    0x2EAC: 0x793A, 0x2EAD: 0x793B, 0x2EAE: 0x7AF9, 0x2EAF: 0x7CF8, 0x2EB0: 0x7E9F,
    0x2EB1: 0x7F53, 0x2EB2: 0x7F52, 0x2EB3: 0x7F51, 0x2EB6: 0x7F8A, 0x2EB9: 0x8002,
    0x2EBA: 0x8080, 0x2EBB: 0x807F, 0x2EBC: 0x8089, 0x2EBD: 0x81FC, 0x2EBE: 0x8279,
    0x2EBF: 0x8279, 0x2EC0: 0x8279, 0x2EC1: 0x864E, 0x2EC2: 0x8864, 0x2EC3: 0x8980,
    0x2EC4: 0x897F, 0x2EC5: 0x89C1, 0x2EC6: 0x89D2, 0x2EC8: 0x8BA0, 0x2EC9: 0x8D1D,
    0x2ECA: 0x8DB3, 0x2ECB: 0x8F66, 0x2ECC: 0x8FB6, 0x2ECD: 0x8FB6, 0x2ECF: 0x961D,
    0x2ED0: 0x9485, 0x2ED1: 0x9577, 0x2ED2: 0x9578, 0x2ED3: 0x957F, 0x2ED4: 0x95E8,
    0x2ED6: 0x961D, 0x2ED7: 0x96E8, 0x2ED8: 0x9752, 0x2ED9: 0x97E6, 0x2EDA: 0x9875,
    0x2EDB: 0x98CE, 0x2EDC: 0x98DE, 0x2EDD: 0x98DF, 0x2EDF: 0x98E0, 0x2EE0: 0x9963,
    0x2EE2: 0x9A6C, 0x2EE3: 0x9AA8, 0x2EE4: 0x9B3C, 0x2EE5: 0x9C7C, 0x2EE6: 0x9E1F,
    0x2EE7: 0x5364, 0x2EE8: 0x9EA6, 0x2EE9: 0x9EC4, 0x2EEA: 0x9EFE, 0x2EEC: 0x9F50,
    0x2EEE: 0x9F7F, 0x2EF0: 0x9F99, 0x2EF3: 0x9F9F,
}
# NFKC maps these Kangxi radicals to a traditional or variant form that simplified
# Chinese text does not use.
_KANGXI_OVERRIDE = {0x2F3E: 0x6237}  # ⼾ -> 户 (NFKC gives 戶)

_CJK = r"\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’"
# (the leading lookahead, implied by both branches, lets the scan reject a position
# that is no space before it tries the lookbehinds: three times faster on a report)
_SPACE_RE = re.compile(
    rf"(?=[ \t\u00a0])(?:(?<=[{_CJK}])[ \t\u00a0]+(?=\S)|(?<=\S)[ \t\u00a0]+(?=[{_CJK}]))"
)
_MARKER_RE = re.compile(r"\*\*")
_BREAK_RE = re.compile(r"[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)*[ \t\u00a0]*")
# A line that starts a numbered heading or list item: 一、 （一） (一) 1. 1、 （1） 第一部分.
_HEADING_START_RE = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、.．](?!\d)"
    r"|第[一二三四五六七八九十\d]+[部分章节条])"
)
# A line ending in a number (not a heading) continues on the next line: "培训班16\n期".
_NUMBER_END_RE = re.compile(r"[\u4e00-\u9fff][\d.,]*\d$")
_SENTENCE_END = frozenset("。！？；：!?;:")
#: Lines shorter than this that carry no sentence punctuation are titles, headings or
#: signatures (a PDF's broken body lines are the width of the page).
SHORT_LINE = 30


@dataclass(frozen=True)
class Normalized:
    """Normalised text with, for each character, the raw span it came from.

    Attributes
    ----------
    text : str
        The normalised text.
    raw : str
        The raw text it was made from.
    starts, ends : numpy.ndarray
        ``raw[starts[i]:ends[i]]`` is the raw source of ``text[i]``.
    """

    text: str
    raw: str
    starts: np.ndarray
    ends: np.ndarray

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw offsets ``(raw_start, raw_end)`` of the normalised span ``[start, end)``.

        Anything dropped inside the span (a space, a line break, a ``**``) is included,
        so ``raw[raw_start:raw_end]`` is the passage as written.
        """
        if end <= start:
            pos = int(self.starts[start]) if start < len(self.text) else len(self.raw)
            return pos, pos
        return int(self.starts[start]), int(self.ends[end - 1])

    def raw_text(self, start: int, end: int) -> str:
        """The raw passage behind the normalised span ``[start, end)``."""
        a, b = self.raw_span(start, end)
        return self.raw[a:b]


def _apply(text: str, starts: np.ndarray, ends: np.ndarray, edits):
    """Apply sorted, non-overlapping edits ``(start, end, replacement)`` to ``text``.

    Each replacement character takes the raw span of the whole replaced passage, so a
    mention that contains it maps back to everything it replaced.
    """
    if not edits:
        return text, starts, ends
    parts: list[str] = []
    s_parts: list[np.ndarray] = []
    e_parts: list[np.ndarray] = []
    pos = 0
    for a, b, rep in edits:
        parts.append(text[pos:a])
        s_parts.append(starts[pos:a])
        e_parts.append(ends[pos:a])
        if rep:
            parts.append(rep)
            s_parts.append(np.full(len(rep), starts[a], dtype=starts.dtype))
            e_parts.append(np.full(len(rep), ends[b - 1], dtype=ends.dtype))
        pos = b
    parts.append(text[pos:])
    s_parts.append(starts[pos:])
    e_parts.append(ends[pos:])
    return "".join(parts), np.concatenate(s_parts), np.concatenate(e_parts)


def map_char(ch: str) -> str:
    """The normalised form of one character (NFKC with the fixes described above)."""
    cp = ord(ch)
    if cp in _SUPPLEMENT:
        return chr(_SUPPLEMENT[cp])
    if cp in _KANGXI_OVERRIDE:
        return chr(_KANGXI_OVERRIDE[cp])
    if ch in _KEEP:
        return ch
    out = unicodedata.normalize("NFKC", ch)
    if out == "\u3000" or ch == "\u3000":
        return " "
    return out


def _radical_table() -> dict[int, str]:
    table = {}
    for cp in range(0x2E80, 0x2FE0):
        out = map_char(chr(cp))
        # one character for one, so that offsets into the text hold
        if out != chr(cp) and len(out) == 1:
            table[cp] = out
    return table


#: Kangxi radicals and CJK Radicals Supplement -> the ideograph each stands for.
RADICALS = _radical_table()


def radicals_to_ideographs(text: str) -> str:
    """``text`` with radical code points replaced by the ordinary ideographs they stand for.

    PDF text layers (Chromium with Noto Sans SC, many government PDFs) write ``⼆`` (U+2F06)
    for ``二`` and ``⺠`` (U+2EA0) for ``民``: they look the same but match no pattern,
    heading or typed text. Kangxi radicals go through NFKC, the supplement through the
    table above; one character for one, so every offset into the text stays valid.
    Radicals without an ideograph (component forms NFKC and the table leave) stay.

    Examples
    --------
    >>> radicals_to_ideographs("（⼆）⼈⺠调解")
    '（二）人民调解'
    """
    return text.translate(RADICALS)


_WHITESPACE_RE = re.compile(r"\s+")


def compact(text) -> str:
    """``text`` without whitespace and ``**`` markers, as sentences are compared.

    A mentions table's ``sentence`` is made readable (spaces next to Chinese dropped,
    others kept) and its ``text`` is the raw slice (``849 件``): both compacted, a number's
    text is found in its sentence whichever spaces either kept. ``None`` gives ``""``.

    Examples
    --------
    >>> compact("办理 **849 件**，同比 增长")
    '办理849件，同比增长'
    """
    return _WHITESPACE_RE.sub("", str(text or "").replace("**", ""))


# Characters that are their own normal form: the CJK ideographs of the basic block and
# printable ASCII (tests/test_normalize.py checks each). Only the runs of others are read
# for the characters to map: a C scan over them, where set(text) made a string object of
# every character of the text.
_OTHER_CHARS_RE = re.compile(r"[^\u4e00-\u9fff\x20-\x7e]+")


def _char_edits(text: str):
    # Map each *distinct* character once: a report has a few thousand, the text a
    # million, so this keeps the pass linear in C code (re.finditer) rather than Python.
    others = set("".join(_OTHER_CHARS_RE.findall(text)))
    changed = {ch: m for ch in others if (m := map_char(ch)) != ch}
    if not changed:
        return []
    cls = re.compile("[" + "".join(re.escape(c) for c in sorted(changed)) + "]")
    return [(m.start(), m.end(), changed[m.group()]) for m in cls.finditer(text)]


def _is_title_line(line: str) -> bool:
    """A heading, title, signature or date line: never joined to its neighbours."""
    line = line.strip()
    if not line:
        return True
    # a run-in heading (（五）加强法治宣传教育。开展…普法活动一) is a paragraph's first line:
    # its heading sentence ends inside the line, so its wrap is joined (trial 5 F4)
    if (_HEADING_START_RE.match(line) and len(line) <= 2 * SHORT_LINE
            and line[-1] not in _SENTENCE_END
            and not any(c in line[:-1] for c in "。；;")):
        return True
    return len(line) < SHORT_LINE and not any(c in line for c in "，,。；;")


def _break_edits(text: str):
    edits = []
    for m in _BREAK_RE.finditer(text):
        a, b = m.start(), m.end()
        prev_start = text.rfind("\n", 0, a) + 1
        prev = text[prev_start:a]
        nxt_end = text.find("\n", b)
        nxt = text[b: nxt_end if nxt_end >= 0 else len(text)]
        if not prev.strip() or not nxt.strip():
            continue
        if prev.rstrip()[-1] in _SENTENCE_END:
            continue
        if _HEADING_START_RE.match(nxt.strip()):
            continue
        if _is_title_line(prev) and not _NUMBER_END_RE.search(prev):
            continue
        edits.append((a, b, ""))
    return edits


def normalize(raw: str) -> Normalized:
    """Normalise report text, keeping the map back to raw offsets.

    Parameters
    ----------
    raw : str
        The decoded raw report text (``\\r\\n`` is treated like ``\\n``).

    Returns
    -------
    Normalized
        ``.text`` and ``.raw_span(start, end)``.

    Examples
    --------
    >>> n = normalize("审减金额 1628 万元")
    >>> n.text
    '审减金额1628万元'
    >>> n.raw_text(4, 10)
    '1628 万元'
    """
    text = raw
    starts = np.arange(len(raw), dtype=np.int64)
    ends = starts + 1
    text, starts, ends = _apply(text, starts, ends, [
        (m.start(), m.end(), "") for m in re.finditer(r"\r(?=\n)", text)])
    text, starts, ends = _apply(text, starts, ends, _char_edits(text))
    text, starts, ends = _apply(text, starts, ends, [
        (m.start(), m.end(), "") for m in _MARKER_RE.finditer(text)])
    text, starts, ends = _apply(text, starts, ends, _break_edits(text))
    text, starts, ends = _apply(text, starts, ends, [
        (m.start(), m.end(), "") for m in _SPACE_RE.finditer(text)])
    return Normalized(text, raw, starts, ends)
