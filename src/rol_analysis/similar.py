"""Indicators of similar wording: a retrieval over the catalogue's own text, for the
reviewer only.

The review worksheet's ``candidates`` cell (:func:`reviews.candidates_cell`) lists the
indicators the matcher considered. When the matcher considered none, or not the right
one, a reviewer still has to find the indicator among 313. :func:`similar_indicators`
offers a few more, shown after the matcher's and marked as such (按用词相近 similar
wording): the indicators whose text (name, aliases, definition and the words of their
patterns) shares the most rare two-character sequences with the number's measure label
and sentence, among those that take the number's unit and kind.

Nothing here names a number: extraction never reads it, so attribution is unchanged.
The brief's year-over-year note reads it too (:func:`yoy.unpaired`), to offer a number
of the other year as an unconfirmed candidate for an indicator only one year names.
The choices (which text, what context, the weights, the fit, three at most) were made
on the development sets dev … blind12 and checked once on blind13–15
(``tests/candidates_eval.py``; docs/design.md gives the figures).
"""

from __future__ import annotations

import math
import re
from collections import Counter

#: How many similar-wording indicators a cell shows at most (a reviewer reads a cell,
#: not a list: three found the right id for three in four of the numbers whose cell
#: lacked it on dev … blind12; five found 23 more of 393 at two more names per cell).
CAP = 3

_HAN = re.compile(r"[\u4e00-\u9fff]+")
# catalogue -> (catalogue, index): keyed by identity, the catalogue kept so its id is not
# reused while cached
_INDEX: dict[int, tuple] = {}


def _bigrams(text: str) -> set[str]:
    """The two-character sequences inside runs of CJK ideographs (punctuation, digits
    and regex syntax split runs: a pattern's literal words count, its syntax does not)."""
    out = set()
    for run in _HAN.findall(text or ""):
        out.update(run[i:i + 2] for i in range(len(run) - 1))
    return out


def _index(catalogue) -> tuple[dict[str, list[str]], dict[str, float]]:
    """Each bigram's indicators (in catalogue order) and its inverse document frequency."""
    got = _INDEX.get(id(catalogue))
    if got is not None and got[0] is catalogue:
        return got[1]
    holders: dict[str, list[str]] = {}
    for iid, ind in catalogue.indicators.items():
        for g in sorted(_bigrams(" ".join([ind.zh_name, *ind.aliases, ind.definition,
                                           *ind.patterns]))):
            holders.setdefault(g, []).append(iid)
    n = len(catalogue.indicators)
    idf = {g: math.log(n / len(ids)) for g, ids in holders.items()}
    _INDEX[id(catalogue)] = (catalogue, (holders, idf))
    return holders, idf


def similar_indicators(catalogue, measure: str, sentence: str, unit: str, kind: str,
                       shown=(), cap: int = CAP, topic: str = "") -> list[str]:
    """Up to ``cap`` indicator ids whose catalogue text best shares the words of a number's
    measure label and sentence, best first (ties by id: deterministic).

    Parameters
    ----------
    catalogue : Catalogue
    measure : str
        The number's ``measure`` label.
    sentence : str
        The number's sentence.
    unit, kind : str
        The number's unit and kind: only indicators that take that unit and are of that
        kind are offered (a reviewer cannot set a name the gate would refuse).
    shown : iterable of str
        Ids the cell names already (left out).
    cap : int
    topic : str
        A topic the number's clause carries from the paragraph before when its measure
        names none (:attr:`extract.Explanation.topic`): read as the front of the measure,
        as the measure itself would have it within a paragraph (行政复议 + 审结数).

    Returns
    -------
    list of str
        Each scores the sum of the inverse document frequencies of the bigrams it shares
        with the measure label and with the sentence (a bigram in both counts twice: the
        label says what is counted); ids scoring 0 are left out.
    """
    holders, idf = _index(catalogue)
    want = Counter(_bigrams(topic + measure)) + Counter(_bigrams(sentence))
    shown = set(shown)
    score: dict[str, float] = {}
    # only the indicators sharing a bigram are scored (a report has hundreds of numbers);
    # summed in bigram order and rounded: floats added in set order (PYTHONHASHSEED) differ
    # in the last bit, which turned equal scores into a different order from run to run
    for g in sorted(want):
        for iid in holders.get(g, ()):
            score[iid] = score.get(iid, 0.0) + want[g] * idf[g]
    scored = sorted((-round(s, 9), iid) for iid, s in score.items()
                    if s > 0 and iid not in shown and catalogue.indicators[iid].kind == kind
                    and unit in catalogue.indicators[iid].units)
    return [iid for _, iid in scored[:cap]]
