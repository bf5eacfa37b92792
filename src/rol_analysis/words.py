"""Where the words of a Chinese sentence begin and end: what suggest's patterns are made of.

Chinese is written without spaces, so a pattern cut out of a sentence by a count of
characters can start or end inside a word: 晓率 of 知晓率, 训班 of 培训班. Such a piece
both misses wordings it should take and matches others (训班 of 轮训班 as of 培训班). The
words come from jieba's dictionary, through its Rust implementation (``rjieba``: a wheel
of a few MB with the dictionary inside, about 0.1 s to load, the same words as the
``jieba`` package).
It is imported on the first call only: extraction, builds and notebooks never load it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources

# What a word holds: a CJK ideograph, a letter or a digit. A token without one is a mark
# (、，“”《》…), never the start of a pattern's words.
_WORD_RE = re.compile(r"[\u4e00-\u9fff\w]")
# The mark of a number's place in a marked sentence (suggest.marked_sentences).
_NUMBER_MARK = "#"
# Marks that stand inside a phrase the words before a number may hold: quotes and
# brackets around a name (“一窗受理”事项, 《民法典》学习).
_INNER_MARKS = set("“”‘’\"《》〈〉「」『』（）()")
# Characters that join no word at its edge: jieba's guess at a word its dictionary lacks
# (its HMM) otherwise joins them to a neighbour (率为 of 受理率为, 一是, 我局).
_FUNCTION_CHARS = set("为达的等由向对于及和与共有是均约在把将从至到了其另仅被这我本")
#: A frame word stands right before the numbers of at least this many statistics
#: (distinct measure labels) of the gold sets ...
FRAME_MEASURES = 3
#: ... and is a word of the statistic's own label in fewer than this share of them: 总数,
#: 共计, 累计, 达到, 召开 frame a number; 案件, 事项, 培训 name what it counts.
FRAME_IN_LABEL = 0.5
# The frame words of the gold sets (tests/frame_words.py writes it; a test checks it).
_FRAMES_FILE = "frame_words.txt"
# The last figure written in digits of a gold anchor: the number the anchor ends with.
_ANCHOR_NUMBER_RE = re.compile(r"[0-9０-９][0-9０-９.]*")
# Marks that end the clause before a number: words beyond them are not its frame.
_CLAUSE_END_RE = re.compile(r"[，,。；;：:、]")


@lru_cache(maxsize=1)
def _segmenter():
    import rjieba  # (a dictionary of a few MB: loaded by suggest only)

    return rjieba


def tokens(text: str) -> list[tuple[str, int, int]]:
    """The words of ``text`` with their start and end offsets, in order.

    A marked sentence's ``#`` (where its number stands) is a token of its own, and the
    text on each side of it is read apart: the number ends the words before it.

    Examples
    --------
    >>> [w for w, _, _ in tokens("群众知晓率达#，举办法治培训班")]
    ['群众', '知晓率', '达', '#', '，', '举办', '法治', '培训班']
    """
    out, pos = [], 0
    for part in re.split(f"({re.escape(_NUMBER_MARK)})", text):
        if part == _NUMBER_MARK:
            out.append((part, pos, pos + 1))
        elif part:
            out += [(w, pos + s, pos + e) for w, s, e in _words(part)]
        pos += len(part)
    return out


@lru_cache(maxsize=4096)
def bounds(text: str) -> frozenset[int]:
    """The offsets of ``text`` where a word starts or ends (0 and ``len(text)`` too)."""
    return frozenset({0, len(text)}.union(*({s, e} for _, s, e in tokens(text))))


def edge_words(text: str, least: int = 2) -> tuple[str, str]:
    """The fewest whole words that open ``text`` and the fewest that close it, each of
    ``least`` characters or more: (法治, 知晓率) of 法治宣传知晓率, never (法治, 晓率).

    Examples
    --------
    >>> edge_words("法治宣传知晓率")
    ('法治', '知晓率')
    """
    words = [w for w, _, _ in tokens(text)]
    first = last = ""
    for w in words:
        first += w
        if len(first) >= least:
            break
    for w in reversed(words):
        last = w + last
        if len(last) >= least:
            break
    return first, last


def is_word(token: str) -> bool:
    """Whether a token is a word (holds an ideograph, a letter or a digit), not a mark."""
    return bool(_WORD_RE.search(token)) and token != _NUMBER_MARK


def widen(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` widened to the whole words it stands in: 晓率 of 群众知晓率
    becomes 知晓率.

    Examples
    --------
    >>> s = "群众知晓率达#"
    >>> s[slice(*widen(s, 3, 5))]
    '知晓率'
    """
    cuts = bounds(text)
    return max(b for b in cuts if b <= start), min(b for b in cuts if b >= end)


def last_words(text: str, most: int) -> str:
    """The whole words that end ``text``, at most ``most`` characters (the last word
    alone when it is longer), marks and function words (的, 等) before the first of them
    dropped: the words right before a number. Words are taken back to the first list or
    clause mark, and never from another number (3期、专题研讨: 专题研讨).

    Examples
    --------
    >>> last_words("全年召开党委会", 6)
    '召开党委会'
    >>> last_words("举办培训班3期、专题研讨", 6)
    '专题研讨'
    """
    toks = [w for w, _, _ in tokens(text)]
    taken: list[str] = []
    for w in reversed(toks):
        if taken and len(w) + sum(map(len, taken)) > most:
            break
        if not is_word(w) and w not in _INNER_MARKS:
            break  # 、，：…: the words before it belong to another item
        if any(c.isdigit() for c in w) and taken:
            # a number of its own (20类事项): neither it nor its counting word (类) is
            # the wording of this one
            if len(taken[0]) == 1:
                taken.pop(0)
            break
        taken.insert(0, w)
    # a mark or a function word (的, 等, 和) opens no phrase: 的案件线索 is 案件线索
    while taken and (not is_word(taken[0]) or taken[0] in _FUNCTION_CHARS):
        taken.pop(0)
    return "".join(taken)


def _words(text: str) -> list[tuple[str, int, int]]:
    """jieba's words of ``text`` (no ``#``): its dictionary's, and the words it guesses
    for runs of characters its dictionary lacks (法审员, 卫健委, 网办率), unless a guess
    opens with the counting word of a number (名市 of 22名市管干部, 年县 of 2024年县) or
    has a function character at an edge (率为, 一是): those are read as the dictionary's
    words."""
    seg = _segmenter()
    out = []
    for w, s, e in seg.tokenize(text, hmm=True):
        if len(w) > 1 and not seg.has_word(w) and (
                w[0] in _FUNCTION_CHARS or w[-1] in _FUNCTION_CHARS
                or (s and text[s - 1].isdigit())):
            out += [(x, s + a, s + b) for x, a, b in seg.tokenize(w, hmm=False)]
        else:
            out.append((w, s, e))
    return out


def frames_of(rows) -> list[str]:
    """The frame words of gold rows: the words that stand right before the numbers of
    many statistics (:data:`FRAME_MEASURES` labels or more) and are seldom words of
    their labels (under :data:`FRAME_IN_LABEL` of the times): 总数, 达, 共计, 累计, 召开.
    A pattern made of them alone (``总数达#``) would name any number so framed.

    Parameters
    ----------
    rows : iterable of (str, str)
        A gold row's ``anchor`` (the words before its number, then the number) and its
        labels (``measure`` and ``zh_name`` joined).

    Returns
    -------
    list of str
        The frame words, sorted.

    Examples
    --------
    >>> frames_of([("总数达12名", "法律明白人数"), ("总数达3个", "调解组织数"),
    ...            ("总数达8件", "复议案件数"), ("调解纠纷8件", "调解纠纷数")])
    ['总数', '达']
    """
    labels, seen, in_label = defaultdict(set), Counter(), Counter()
    for anchor, label in rows:
        figures = list(_ANCHOR_NUMBER_RE.finditer(anchor))
        if not figures:
            continue
        head = _CLAUSE_END_RE.split(anchor[:figures[-1].start()])[-1]
        for w, _, _ in tokens(last_words(head, 6) if head else ""):
            if is_word(w):
                labels[w].add(label)
                seen[w] += 1
                in_label[w] += w in label
    return sorted(w for w in labels if len(labels[w]) >= FRAME_MEASURES
                  and in_label[w] < FRAME_IN_LABEL * seen[w])


@lru_cache(maxsize=1)
def frame_words() -> frozenset[str]:
    """The frame words of the gold sets (:func:`frames_of`), shipped with the package."""
    text = (resources.files("rol_analysis") / "catalogue" / _FRAMES_FILE).read_text("utf-8")
    return frozenset(w for w in text.split() if not w.startswith("#"))


def only_frame(pieces) -> list[str]:
    """The words of ``pieces`` (the word pieces of a pattern) when every one is a frame
    word (:func:`frame_words`) or a function character (的, 达): such a pattern says how
    a number is stated, not what it counts. [] when one word names something.

    Examples
    --------
    >>> only_frame(["总数达"])
    ['总数', '达']
    >>> only_frame(["法律明白人", "总数达"])
    []
    """
    found = [w for p in pieces for w, _, _ in tokens(p) if is_word(w)]
    frames = frame_words()
    return found if found and all(w in frames or w in _FUNCTION_CHARS for w in found) else []
