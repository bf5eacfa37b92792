"""What a check found: the statuses of the rates, relations and year-over-year checks.

The ``status`` of ``ratios.csv`` (:func:`ratios.compare_ratios`), of the part/whole checks
(:func:`ratios.part_whole`) and the ``stated_status`` of the year-over-year tables
(:mod:`yoy`), with the labels the brief and charts show, and :data:`EPS`, the slack of
their float comparisons.
"""

from __future__ import annotations

CONSISTENT = "consistent"
MISMATCH = "mismatch"
CLAIM_ONLY = "claim_only"
COMPUTED_ONLY = "computed_only"
#: Status -> Chinese label used in the brief and charts.
STATUS_ZH = {
    CONSISTENT: "一致",
    MISMATCH: "不一致",
    CLAIM_ONLY: "仅有声明",
    COMPUTED_ONLY: "仅可推算",
}
STATUS_EN = {
    CONSISTENT: "consistent",
    MISMATCH: "mismatch",
    CLAIM_ONLY: "claim only",
    COMPUTED_ONLY: "computed only",
}
#: Rows of :func:`infer_ratios`: the numbers were paired by their wording, not by a
#: catalogue relation. Their status carries the suffix, so no code that looks for
#: ``consistent`` or ``mismatch`` takes them for catalogue facts.
INFERRED_SUFFIX = " (inferred)"
CONSISTENT_INFERRED = CONSISTENT + INFERRED_SUFFIX
MISMATCH_INFERRED = MISMATCH + INFERRED_SUFFIX
COMPUTED_INFERRED = COMPUTED_ONLY + INFERRED_SUFFIX
STATUS_ZH.update({CONSISTENT_INFERRED: "一致（推断）", MISMATCH_INFERRED: "不一致（推断）",
                  COMPUTED_INFERRED: "仅可推算（推断）"})
STATUS_EN.update({CONSISTENT_INFERRED: "consistent (inferred)",
                  MISMATCH_INFERRED: "mismatch (inferred)",
                  COMPUTED_INFERRED: "computed only (inferred)"})
BASIS_CATALOGUE, BASIS_INFERRED = "catalogue", "inferred"
CHECK_OK, CHECK_VIOLATED, CHECK_UNCERTAIN = "ok", "violated", "uncertain"
#: Slack of a check's float comparisons (a rate recomputed as 95.99999999 is 96).
EPS = 1e-9
