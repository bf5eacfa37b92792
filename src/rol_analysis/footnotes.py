"""How a brief numbers its source sentences, and where another brief's figure links to.

A brief lists the sentences its numbers come from at its end, numbered in report order
(``<li id="src-N">``), and every figure's footnote links there. The number of a sentence
is a function of the region-year's published tables alone (:func:`numbered`): no build
order, time or random id enters it, so a rebuild from the same inputs writes the same
anchors.

Inside its sentence each number the brief quotes is marked (``<mark id="src-N-k">``, the
``k``-th number of sentence ``N`` from its start): a figure's footnote links to its own
number, so that a sentence of six numbers, or one that states the same value twice, does
not leave the reader to guess which is the figure's. Where a number stands in the
sentence is worked out from the tables alone (:func:`spans`): the sentence is the report's
passage with spaces and ``**`` dropped, and the tables keep each number's text as the
report wrote it and its position in the report.

The year-over-year table and the regions table show other region-years' figures (the
peers of :func:`layout.brief_peers`); each links to its sentence in that region-year's
published brief (``../../<region>/<year>/brief.html#src-N``, :func:`href`). The link's
``N`` is worked out here from the peer's tables by the same rule as that brief's own
(:func:`peer_notes`), so neither brief reads the other's HTML, and the brief
fingerprint records these numbers: when a peer's numbering changes (a number found or
excluded before the linked one), the briefs that link into it are rebuilt. The link goes
to the figure's own number in that sentence.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import fileio
from .normalize import compact

#: The anchor of source sentence ``n`` in a brief (``sources.html.j2`` writes it).
ANCHOR = "src-{n}"
#: The anchor of the ``k``-th marked number (from 1) of source sentence ``n``.
MARK = "src-{n}-{k}"

#: (mentions, indicators, report.json stat keys) -> that folder's indicator -> number
_PEER_CACHE: dict = {}


def numbered(mentions, indicators, excluded) -> dict[str, int]:
    """Sentence -> footnote number of a report's sentences, in report order.

    Parameters
    ----------
    mentions, indicators : pandas.DataFrame
        The region-year's tables (``char_start``, ``indicator_id``, ``sentence``); the
        numbers of ``mentions`` are cited, those of ``indicators`` when it is empty.
    excluded : list of dict
        The numbers a reviewer excluded (:func:`reviews.excluded_numbers`): their
        sentences take their place in report order.

    Returns
    -------
    dict
        Each distinct sentence with the number of its first appearance, from 1. A brief
        numbers the sentences only its validation findings quote after these.
    """
    cited = mentions if mentions is not None and len(mentions) else indicators
    order = [(int(r["char_start"]), r["sentence"]) for r in
             cited.sort_values(["char_start", "indicator_id"], kind="stable")
             [["char_start", "sentence"]].to_dict("records")]
    # an excluded number's sentence takes its place in report order (a stable sort:
    # without exclusions the order is the one above)
    order += [(int(e.get("char_start") or 0), e.get("sentence")) for e in excluded]
    notes: dict[str, int] = {}
    for _, sentence in sorted(order, key=lambda x: x[0]):
        if isinstance(sentence, str) and sentence.strip():
            notes.setdefault(sentence, len(notes) + 1)
    return notes


def cited_numbers(mentions, indicators, excluded) -> dict[str, list[tuple[int, str]]]:
    """Sentence -> the numbers of the tables that stand in it, ``(char_start, text)``.

    The numbers of ``mentions`` (of ``indicators`` when it is empty, as :func:`numbered`
    cites them) and those a reviewer excluded (:func:`reviews.excluded_numbers`), each
    position once, in report order.
    """
    cited = mentions if mentions is not None and len(mentions) else indicators
    rows = [(r["char_start"], r["text"], r["sentence"]) for r in
            cited[["char_start", "text", "sentence"]].to_dict("records")]
    rows += [(e.get("char_start"), e.get("text"), e.get("sentence")) for e in excluded]
    out: dict[str, dict[int, str]] = {}
    for start, text, sentence in rows:
        if isinstance(sentence, str) and isinstance(text, str) and text.strip():
            try:
                at = int(start)
            except (TypeError, ValueError):
                continue
            out.setdefault(sentence, {}).setdefault(at, text)
    return {s: sorted(v.items()) for s, v in out.items()}


#: A restart of the number order: the sentence is written again later in the report
#: (one footnote quotes it once), or the tables place the next number before the last.
_RESTART = 1_000_000


def _places(sentence: str, text: str) -> list[tuple[int, int]]:
    """Every span of ``sentence`` that reads ``text`` (a number as the raw report wrote
    it: the sentence drops its spaces and ``**``), numbers of their own first: the
    ``2件`` inside ``12件`` or a date's ``12`` of ``12月`` only when there is no other."""
    from .mentions import number_context

    flat = compact(text)
    if not flat:
        return []
    pattern = re.compile(r"\s*".join(re.escape(c) for c in flat))
    found, at = [], 0
    while (m := pattern.search(sentence, at)) is not None:
        found.append((m.start(), m.end()))
        at = m.start() + 1
    own = [f for f in found if not number_context(sentence, *f)]
    return own or found


def spans(sentence: str, numbers) -> dict[int, tuple[int, int]]:
    """Where each number stands in its sentence as the brief quotes it.

    Parameters
    ----------
    sentence : str
        The sentence of the tables (``mentions.sentence``).
    numbers : iterable of (int, str)
        The numbers of the sentence: ``char_start`` (the position in the report) and
        ``text`` (as the report wrote it, ``2 次``, ``１２件``, ``1.2万元``).

    Returns
    -------
    dict
        ``char_start`` -> ``(start, end)`` in ``sentence``, ``sentence[start:end]`` being
        the number as quoted; a number the sentence does not read is left out.

    Notes
    -----
    A text found more than once in the sentence (审结12件，其中12件…, or the ``2`` of a
    date) is told apart by the numbers around it: the sentence is the report's passage
    with only spaces and ``**`` dropped, so the distance between two numbers in it is at
    most, and nearly always exactly, their distance in the report. The places are chosen
    together, in report order, to fit those distances best (a Viterbi pass); measured on
    the 589 texts of the gold sets, all 4,736 numbers are placed where extraction read
    them, 184 of them written more than once in their sentence.
    """
    nums = sorted({(int(a), t) for a, t in numbers})
    options = [(a, places) for a, t in nums if (places := _places(sentence, t))]
    best: list[tuple[int, list[tuple[int, int]]]] = []  # per place of the last: (cost, path)
    last = 0
    for a, places in options:
        if not best:
            best = [(0, [p]) for p in places]
        else:
            gap, step = a - last, []
            for p in places:
                cost, path = min(((c + _misfit(path[-1], p, gap), path) for c, path in best),
                                 key=lambda x: x[0])
                step.append((cost, [*path, p]))
            best = step
        last = a
    if not best:
        return {}
    path = min(best, key=lambda x: x[0])[1]
    return {a: p for (a, _), p in zip(options, path, strict=True)}


def _misfit(before: tuple[int, int], after: tuple[int, int], gap: int) -> int:
    """How far two places of consecutive numbers are from their distance ``gap`` in the
    report: the characters the sentence would have dropped between them (0 in a plain
    text), or :data:`_RESTART` when the second does not follow the first in it."""
    d = after[0] - before[0]
    return gap - d if before[1] <= after[0] and d <= gap else _RESTART


def marks(sentence: str, numbers) -> dict[int, tuple[int, int, int]]:
    """:func:`spans` with each number's mark: ``char_start`` -> ``(k, start, end)``,
    ``k`` counting the sentence's marked spans from 1 in sentence order (two numbers of
    one span, a sentence the report writes twice, share its mark)."""
    placed = spans(sentence, numbers)
    order = {p: k for k, p in enumerate(sorted(set(placed.values())), 1)}
    return {a: (order[p], *p) for a, p in placed.items()}


def cut(sentence: str, marked) -> list[dict]:
    """``sentence`` cut at its marked spans, for a template to write (and escape):
    ``{"text", "k"}`` pieces in order, ``k`` the mark of a number's piece, else None.

    Parameters
    ----------
    marked : iterable of (k, start, end)
        :func:`marks`' values (repeats are one mark).
    """
    pieces, at = [], 0
    for k, a, b in sorted(set(marked), key=lambda m: m[1]):
        if a < at:  # overlapping spans cannot both be marked: the first is kept
            continue
        if a > at:
            pieces.append({"text": sentence[at:a], "k": None})
        pieces.append({"text": sentence[a:b], "k": k})
        at = b
    if at < len(sentence) or not pieces:
        pieces.append({"text": sentence[at:], "k": None})
    return pieces


def peer_notes(peers) -> dict[str, dict[str, list]]:
    """The footnote number of each indicator's sentence in the peers' briefs.

    Parameters
    ----------
    peers : iterable of (region, year, path)
        :func:`layout.brief_peers`'s listing; ``path`` is any file of the peer's tables
        folder (its ``mentions.parquet``, ``indicators.parquet`` and ``report.json`` are
        read).

    Returns
    -------
    dict
        ``"<region>/<year>" -> {indicator_id: [n, k]}``: the figure is the ``k``-th marked
        number of source sentence ``n`` (``k`` None when its sentence does not read its
        text); a peer whose tables cannot be read is left out (its figures are shown
        without a link, and the analysis that reads the same tables reports the problem).
    """
    out = {}
    for region, year, path in peers:
        folder = Path(path).parent
        files = [folder / "mentions.parquet", folder / "indicators.parquet",
                 folder / "report.json"]
        try:
            # no mentions table: its indicators are cited, as by its own brief
            key = tuple(fileio.stat_key(f) if f.exists() or n else None
                        for n, f in enumerate(files))
        except OSError:
            continue
        if key not in _PEER_CACHE:
            if len(_PEER_CACHE) > 10_000:  # bounded: `rol list` of a national project
                _PEER_CACHE.clear()
            _PEER_CACHE[key] = _indicator_notes(*files)
        if _PEER_CACHE[key] is not None:
            out[f"{region}/{year}"] = _PEER_CACHE[key]
    return out


def _indicator_notes(mentions_path, indicators_path, report_path) -> dict[str, list] | None:
    import pandas as pd

    from .reviews import excluded_numbers

    try:
        mentions = pd.read_parquet(mentions_path) if mentions_path.exists() else None
        indicators = pd.read_parquet(indicators_path)
    except Exception:  # noqa: BLE001 - pyarrow raises many types for a bad file
        return None
    excluded = excluded_numbers(fileio.read_json(report_path, {}))
    notes = numbered(mentions, indicators, excluded)
    numbers = cited_numbers(mentions, indicators, excluded)
    out, marked = {}, {}
    for r in indicators[["indicator_id", "sentence", "char_start"]].to_dict("records"):
        sentence = r["sentence"]
        if isinstance(r["indicator_id"], str) and sentence in notes:
            if sentence not in marked:
                marked[sentence] = marks(sentence, numbers.get(sentence, []))
            k = marked[sentence].get(int(r["char_start"]))
            # a list, as the brief fingerprint's JSON reads it back
            out[r["indicator_id"]] = [notes[sentence], k[0] if k else None]
    return out


def href(region: str, year: int, n: int, k: int | None = None) -> str:
    """The link from one brief (``reports/<r>/<y>/brief.html``) to source sentence ``n``
    of another region-year's brief (to its ``k``-th marked number, when given),
    relative, so that the published folder can be moved or opened offline as it is."""
    anchor = ANCHOR.format(n=n) if k is None else MARK.format(n=n, k=k)
    return f"../../{region}/{int(year)}/brief.html#{anchor}"
