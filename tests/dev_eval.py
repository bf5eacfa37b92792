"""Score extraction against hand-checked gold tables (the seed and the dev set).

The dev set (tests/data/dev/, described in its README.md) holds paraphrased report
excerpts, each with a gold table listing every statistic in it. A gold row is

- *found* when a mention's raw span lies inside an occurrence of the row's anchor and
  its value equals the gold value (relative tolerance 1e-9);
- *named correctly* when that mention's ``indicator_id`` equals the gold ``id`` (both
  empty counts as correct: leaving a number unnamed is right when no indicator fits);
- *named wrongly* when the mention has a non-empty id other than the gold id;
- otherwise found but *unnamed*.

Parts (the ``part_of`` column): a gold row with a ``part_of`` is *part ok* when its
mention has no id and the same ``part_of``; a mention whose non-empty ``part_of``
differs from its gold row's (empty included) is *part wrong*. *Attributed* rows are the
rows named with their (non-empty) gold id plus the parts ok: a statistic an analyst can
line up across regions, either as an indicator or as a part of one.

A mention that matches no gold row is a *false positive*. Matching is one to one: a
shared value (``报备率、及时率均达100%``) is two gold rows and needs two mentions.

Run ``python tests/dev_eval.py`` for a per-fixture table; ``-v`` also lists the misses.
``python tests/dev_eval.py tests/data/blind`` scores another folder laid out the same way
(the blind set, written after the catalogue was tuned on the dev set).
"""

from __future__ import annotations

import csv
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV = REPO / "tests" / "data" / "dev"
GOLD_COLUMNS = ["id", "section", "value", "unit", "qualifier", "anchor", "zh_name",
                "en_name", "kind", "measure", "part_of"]


def anchor_occurrences(raw: str, anchor: str) -> list[int]:
    """Start offsets of every occurrence of ``anchor`` in ``raw`` (overlaps included)."""
    out, start = [], raw.find(anchor)
    while start >= 0:
        out.append(start)
        start = raw.find(anchor, start + 1)
    return out


def inside_anchor(raw: str, anchor: str, start: int, end: int) -> bool:
    """True when the raw span ``[start, end)`` lies inside an occurrence of ``anchor``."""
    return any(o <= start and end <= o + len(anchor) for o in anchor_occurrences(raw, anchor))


def same_value(a: float, b: float) -> bool:
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12)


def read_gold(path: Path) -> list[dict]:
    """The rows of a gold TSV (columns as written; ``value`` stays a string)."""
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


QUALIFIERS = {"exact", "at_least", "at_most", "approx"}
KINDS = {"count", "amount", "rate", "change", "duration"}


def check_gold(folder: Path, name: str, sections: set[str]):
    """Assert the gold table of fixture ``name`` is well formed; yield each row that
    names an indicator, with its ``where`` label, for the set's own id rule."""
    import re

    raw = (folder / f"{name}.txt").read_text(encoding="utf-8")
    rows = read_gold(folder / f"{name}.gold.tsv")
    assert rows and list(rows[0]) == GOLD_COLUMNS
    for r in rows:
        where = f"{name}: {r['anchor']!r}"
        assert raw.count(r["anchor"]) == 1, f"{where}: anchor must occur exactly once"
        assert r["qualifier"] in QUALIFIERS and r["kind"] in KINDS, where
        assert r["measure"], f"{where}: every statistic has a measure"
        assert r["section"] in sections, where
        float(r["value"])
        if r["part_of"]:
            assert re.fullmatch(r"[a-z][a-z0-9_]*", r["part_of"]), where
            assert not r["id"], f"{where}: a part names its whole in part_of, not in id"
        if r["id"]:
            assert re.fullmatch(r"[a-z][a-z0-9_]*", r["id"]), where
            yield r, where


def fixtures(folder: Path = DEV) -> list[str]:
    """Names (``<slug>_<year>``) of the dev fixtures that have a gold table."""
    return sorted(p.name[: -len(".gold.tsv")] for p in folder.glob("*.gold.tsv"))


def year_of(name: str) -> int:
    return int(name.rsplit("_", 1)[1])


@dataclass
class Score:
    """How one extraction compares with one gold table."""

    name: str
    gold: int = 0
    found: int = 0
    correct: int = 0
    wrong: int = 0
    false_positives: int = 0
    with_id: int = 0          # gold rows that have an indicator id
    correct_with_id: int = 0  # ... and were found and named with it
    with_part: int = 0        # gold rows that have a part_of
    part_ok: int = 0          # ... found, no id and the same part_of
    part_wrong: int = 0       # found rows whose non-empty part_of differs from gold's
    section_ok: int = 0       # found rows whose Section column is the gold's section
    section_empty: int = 0    # found rows whose Section column is empty
    missed: list[dict] = field(default_factory=list)      # gold rows not found
    misnamed: list[tuple] = field(default_factory=list)   # (gold row, mention id) wrong
    mispart: list[tuple] = field(default_factory=list)    # (gold row, id, part_of) wrong
    part_missed: list[tuple] = field(default_factory=list)  # (gold row, id) gold part unseen
    unnamed: list[dict] = field(default_factory=list)     # found, id empty, gold has one
    extra: list[tuple] = field(default_factory=list)      # (text, value, id, sentence)
    outcomes: list[tuple] = field(default_factory=list)   # (gold index, id, part_of) found
    mention_of: dict = field(default_factory=dict)        # gold index -> mention row found

    def add(self, other: Score) -> None:
        for k in ("gold", "found", "correct", "wrong", "false_positives", "with_id",
                  "correct_with_id", "with_part", "part_ok", "part_wrong", "section_ok",
                  "section_empty"):
            setattr(self, k, getattr(self, k) + getattr(other, k))


def score(name: str, raw: str, gold: list[dict], mentions) -> Score:
    """Match ``mentions`` (extraction rows) to ``gold`` rows one to one and count."""
    if "part_of" not in mentions.columns:
        mentions = mentions.assign(part_of="")
    if "section" not in mentions.columns:
        mentions = mentions.assign(section="")
    rows = list(mentions[["indicator_id", "part_of", "value", "char_start", "char_end",
                          "text", "sentence", "section"]].itertuples(index=False))
    cands = [[i for i, m in enumerate(rows)
              if same_value(m.value, float(g["value"]))
              and inside_anchor(raw, g["anchor"], m.char_start, m.char_end)]
             for g in gold]
    taken: dict[int, int] = {}  # mention index -> gold index
    match: dict[int, int] = {}
    # First the mention that carries the gold id, so that two gold rows sharing one
    # anchor (a shared value, a list) are not crossed; then any remaining candidate.
    for exact in (True, False):
        for gi, g in enumerate(gold):
            if gi in match:
                continue
            for mi in cands[gi]:
                if mi not in taken and (not exact or rows[mi].indicator_id == g["id"]):
                    taken[mi], match[gi] = gi, mi
                    break
    s = Score(name, gold=len(gold), with_id=sum(1 for g in gold if g["id"]),
              with_part=sum(1 for g in gold if g.get("part_of")))
    for gi, g in enumerate(gold):
        if gi not in match:
            s.missed.append(g)
            continue
        s.found += 1
        got = rows[match[gi]].indicator_id
        section = rows[match[gi]].section or ""
        s.section_ok += section == g["section"]
        s.section_empty += not section
        part = rows[match[gi]].part_of or ""
        gold_part = g.get("part_of") or ""
        s.outcomes.append((gi, got, part))
        s.mention_of[gi] = match[gi]
        if gold_part and not got and part == gold_part:
            s.part_ok += 1
        elif part and part != gold_part:
            s.part_wrong += 1
            s.mispart.append((g, got, part))
        elif gold_part:
            s.part_missed.append((g, got))
        if got == g["id"]:
            s.correct += 1
            s.correct_with_id += bool(got)
        elif got:
            s.wrong += 1
            s.misnamed.append((g, got))
        else:
            s.unnamed.append(g)
    for mi, m in enumerate(rows):
        if mi not in taken:
            s.false_positives += 1
            s.extra.append((m.text, m.value, m.indicator_id, m.sentence))
    return s


def extracted(folder: Path = DEV, names: list[str] | None = None):
    """(name, raw text, extraction) of every fixture of ``folder`` (or of ``names``):
    text only, no pipeline."""
    from rol_analysis import extract

    for name in names or fixtures(folder):
        raw = (folder / f"{name}.txt").read_text(encoding="utf-8")
        yield name, raw, extract.extract_text(raw, name.rsplit("_", 1)[0], year_of(name))


def evaluate(names: list[str] | None = None, folder: Path = DEV) -> list[Score]:
    """Extract every fixture of ``folder`` (or of ``names``) and score it."""
    return [score(name, raw, read_gold(folder / f"{name}.gold.tsv"), result.mentions)
            for name, raw, result in extracted(folder, names)]


def total(scores: list[Score]) -> Score:
    t = Score("total")
    for s in scores:
        t.add(s)
    return t


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f}%" if d else "    -"


def table(scores: list[Score]) -> str:
    """Per-fixture and total counts, with percentages of the gold rows.

    ``id rows ok``: of the gold rows that have an indicator id, how many were found and
    named with it (the rows without one count as correct when left unnamed).
    ``named/all``: rows found and named with their (non-empty) gold id, over *all* gold
    rows. This is issue 9's headline metric: a statistic left without an indicator does
    not count, so it measures the catalogue's coverage and the matcher together.
    ``part ok``: of the gold rows that are parts (``part_of``), how many were found with
    no id and that ``part_of``; ``part wrong``: found rows given a ``part_of`` other
    than gold's; ``attr/all``: rows named with their gold id plus parts ok, over all rows.
    """
    head = (f"{'fixture':24} {'gold':>5} {'found':>13} {'named ok':>13} {'wrong':>12} "
            f"{'FP':>4} {'id rows ok':>16} {'named/all':>9} {'part ok':>9} "
            f"{'part wrong':>10} {'attr/all':>8}")
    lines = [head, "-" * len(head)]
    for s in [*scores, total(scores)]:
        if s.name == "total":
            lines.append("-" * len(head))
        lines.append(f"{s.name:24} {s.gold:5d} {s.found:5d} {_pct(s.found, s.gold)} "
                     f"{s.correct:5d} {_pct(s.correct, s.gold)} "
                     f"{s.wrong:4d} {_pct(s.wrong, s.gold)} {s.false_positives:4d} "
                     f"{s.correct_with_id:4d}/{s.with_id:<4d} {_pct(s.correct_with_id, s.with_id)} "
                     f"{_pct(s.correct_with_id, s.gold):>9} "
                     f"{s.part_ok:4d}/{s.with_part:<4d} {s.part_wrong:10d} "
                     f"{_pct(s.correct_with_id + s.part_ok, s.gold):>8}")
    return "\n".join(lines)


def details(s: Score) -> str:
    out = [f"== {s.name}"]
    out += [f"  missed   {g['value']}{g['unit']} [{g['id'] or '-'}] {g['anchor']}"
            for g in s.missed]
    out += [f"  wrong    {g['value']}{g['unit']} gold={g['id'] or '-'} got={got} {g['anchor']}"
            for g, got in s.misnamed]
    out += [f"  unnamed  {g['value']}{g['unit']} gold={g['id']} {g['anchor']}"
            for g in s.unnamed if g["id"]]
    out += [f"  part?    {g['value']}{g['unit']} gold part_of={g['part_of']} got "
            f"id={got or '-'} part_of=- {g['anchor']}" for g, got in s.part_missed]
    out += [f"  part!    {g['value']}{g['unit']} gold part_of={g.get('part_of') or '-'} "
            f"id={g['id'] or '-'} got id={got or '-'} part_of={part} {g['anchor']}"
            for g, got, part in s.mispart]
    out += [f"  extra    {t!r} {v} [{i or '-'}] {sent[:60]}" for t, v, i, sent in s.extra]
    return "\n".join(out)


def main(argv: list[str]) -> int:
    folders = [a for a in argv if not a.startswith("-")]
    if len(folders) > 1:
        print("usage: dev_eval.py [-v] [FOLDER]  (one folder of <slug>_<year>.txt and "
              ".gold.tsv files; default tests/data/dev)", file=sys.stderr)
        return 2
    folder = Path(folders[0]) if folders else DEV
    if not folder.is_dir() or not fixtures(folder):
        print(f"dev_eval.py: {folder}: no <name>.gold.tsv files there; pass a folder laid "
              "out like tests/data/dev", file=sys.stderr)
        return 2
    scores = evaluate(folder=folder)
    if "-v" in argv:
        for s in scores:
            print(details(s))
    print(table(scores))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    raise SystemExit(main(sys.argv[1:]))
