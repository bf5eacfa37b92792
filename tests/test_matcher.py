"""Catalogue matching (:mod:`rol_analysis.matcher`): the compiled patterns and their index.

How numbers are named in whole sentences is tested through
:func:`rol_analysis.extract.extract_text` in tests/test_extract.py and
tests/test_precision.py; these tests look at the matcher itself.
"""

from __future__ import annotations

from pathlib import Path

from rol_analysis import catalogue, extract
from rol_analysis.matcher import _matcher, _needed_words, _WordIndex


def test_the_needed_words_prefilter_never_hides_a_match():
    # the matcher skips a pattern search when the sentence holds none of the words the
    # pattern needs; over real-report sentences, every match holds one of them
    import re as _re

    assert _needed_words(['(?:常务会|党组会)[^。]{0,24}听取[^，,]{0,16}法治#']) == (
        "党组会", "常务会")
    assert _needed_words(['(?:调解)?纠纷#', '#人']) is None  # nothing needed
    matcher = _matcher(catalogue.load())
    entries = {e.iid: e for es in matcher.by_unit.values() for e in es}
    texts = [p.read_text(encoding="utf-8") for p in
             sorted((Path(__file__).parent / "data" / "dev").glob("*.txt"))]
    checked = 0
    for text in texts:
        for sent in _re.split(r"[。！？\n]", text):
            for num in _re.finditer(r"\d+(?:\.\d+)?", sent):
                marked = sent[:num.start()] + "#" + sent[num.end():]
                for e in entries.values():
                    if e.rx is not None and e.lits is not None and e.rx.search(marked):
                        checked += 1
                        assert any(w in marked for w in e.lits), (e.iid, marked)
        # aliases likewise, over the measures of the same report's numbers
        for label in extract.extract_text(text).mentions["measure"]:
            for e in entries.values():
                if (e.alias_rx is not None and e.alias_lits is not None
                        and e.alias_rx.search(label.removeprefix("其中"))):
                    checked += 1
                    assert any(w in label for w in e.alias_lits), (e.iid, label)
    assert checked > 100
    # the one-pass word index finds exactly the entries a word test finds, words
    # inside longer words included (常务会 in 常务会议)
    index = _WordIndex([("常务会",), ("常务会议", "党组会"), None, ()])
    assert index.hits("县政府常务会议研究") == {0, 1, 2}
    assert index.hits("党组会") == {1, 2}
    assert index.hits("无关的句子") == {2}


def test_scored_says_why_it_set_an_indicator_aside():
    """``reasons`` (for the review worksheet) names the check that set a matching
    indicator aside, and is left empty for the one that fits; the scores are the same
    with and without it."""
    matcher = _matcher(catalogue.load())
    marked = "市委理论学习中心组会上学法#。"
    args = (marked, "市委理论学习中心组会上学法数", marked, "次", "count")
    reasons: dict = {}
    told = matcher.scored(*args, hash_pos=marked.find("#"), reasons=reasons)
    assert told == matcher.scored(*args, hash_pos=marked.find("#"))
    assert reasons.get("exec_meeting_law_study_sessions") == "exclude"
    assert "central_group_law_study_sessions" not in reasons
    # approval items cut (取消) are outside the count of items held: a scope check
    cut = "本年度共取消行政许可事项#。"
    reasons = {}
    matcher.scored(cut, "取消行政许可事项数", cut, "项", "count", hash_pos=cut.find("#"),
                   reasons=reasons)
    assert reasons == {"admin_approval_items": "scope"}
