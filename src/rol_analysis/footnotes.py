"""How a brief numbers its source sentences, and where another brief's figure links to.

A brief lists the sentences its numbers come from at its end, numbered in report order
(``<li id="src-N">``), and every figure's footnote links there. The number of a sentence
is a function of the region-year's published tables alone (:func:`numbered`): no build
order, time or random id enters it, so a rebuild from the same inputs writes the same
anchors.

The year-over-year table and the regions table show other region-years' figures (the
peers of :func:`layout.brief_peers`); each links to its sentence in that region-year's
published brief (``../../<region>/<year>/brief.html#src-N``, :func:`href`). The link's
``N`` is worked out here from the peer's tables by the same rule as that brief's own
(:func:`peer_notes`), so neither brief reads the other's HTML, and the brief
fingerprint records these numbers: when a peer's numbering changes (a number found or
excluded before the linked one), the briefs that link into it are rebuilt.
"""

from __future__ import annotations

from pathlib import Path

from . import fileio

#: The anchor of source sentence ``n`` in a brief (``sources.html.j2`` writes it).
ANCHOR = "src-{n}"

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


def peer_notes(peers) -> dict[str, dict[str, int]]:
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
        ``"<region>/<year>" -> {indicator_id: n}``; a peer whose tables cannot be read
        is left out (its figures are shown without a link, and the analysis that reads
        the same tables reports the problem).
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


def _indicator_notes(mentions_path, indicators_path, report_path) -> dict[str, int] | None:
    import pandas as pd

    from .reviews import excluded_numbers

    try:
        mentions = pd.read_parquet(mentions_path) if mentions_path.exists() else None
        indicators = pd.read_parquet(indicators_path)
    except Exception:  # noqa: BLE001 - pyarrow raises many types for a bad file
        return None
    notes = numbered(mentions, indicators, excluded_numbers(fileio.read_json(report_path, {})))
    return {r["indicator_id"]: notes[r["sentence"]]
            for r in indicators[["indicator_id", "sentence"]].to_dict("records")
            if isinstance(r["indicator_id"], str) and r["sentence"] in notes}


def href(region: str, year: int, n: int) -> str:
    """The link from one brief (``reports/<r>/<y>/brief.html``) to source sentence ``n``
    of another region-year's brief, relative, so that the published folder can be moved
    or opened offline as it is."""
    return f"../../{region}/{int(year)}/brief.html#{ANCHOR.format(n=n)}"
