"""How well the ``measure`` label of a number reads: whole words of its sentence, the
gold writer's wording, and one label for one measure across reports.

Every fixture of a gold set is extracted and its mentions matched to the gold rows as
:mod:`dev_eval` matches them. For every gold row extraction found, the label of the
mention found (its ``measure``) is checked three ways:

- *not whole*: :func:`rol_analysis.suggest.whole_label` refuses it, as ``rol catalogue
  suggest`` does before proposing it: either *short* (fewer than
  ``suggest.MIN_LABEL_CHARS`` characters besides its scope words and ending: 覆盖数) or
  *cut* (not read as whole words of the number's sentence: 件事数 of 一件事, a label
  that misquotes the clause);
- *exact*: the label equals the gold row's ``measure``; *loose*: equal once quotes and
  brackets are dropped from both and the scope words (累计, 其中…) they open with;
- *shared*: how many distinct labels stand in two or more fixtures of the set (the same
  measure in two reports should get the same label), beside the same count of the gold
  measures.

Run ``python tests/labels_eval.py [-v] FOLDER...``: a line per set and a total (where the
shared count is over all the sets together); ``-v`` lists each label that is not whole,
with the gold measure and the anchor.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from dev_eval import DEV, extracted, fixtures, read_gold, score

REPO = Path(__file__).resolve().parents[1]
# what a gold writer and the builder may each write around the same words: quotes,
# brackets and spaces (the builder drops them, measure._DROP_CHARS_RE)
_MARKS_RE = re.compile(r"[“”\"‘’'《》「」『』〈〉【】\[\]（）()\s]+")


@dataclass
class Labels:
    """The labels of one set (or the total)."""

    name: str
    found: int = 0
    short: int = 0
    cut: int = 0
    exact: int = 0
    loose: int = 0
    fixtures_of: dict = field(default_factory=dict)       # label -> fixtures
    gold_fixtures_of: dict = field(default_factory=dict)  # gold measure -> fixtures
    failures: list = field(default_factory=list)  # (fixture, why, label, gold row)

    def add(self, other: Labels) -> None:
        for k in ("found", "short", "cut", "exact", "loose"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        for mine, theirs in ((self.fixtures_of, other.fixtures_of),
                             (self.gold_fixtures_of, other.gold_fixtures_of)):
            for label, names in theirs.items():
                mine.setdefault(label, set()).update(f"{other.name}/{n}" for n in names)

    @staticmethod
    def shared(fixtures_of: dict) -> int:
        return sum(1 for names in fixtures_of.values() if len(names) >= 2)


def _loose(measure: str) -> str:
    from rol_analysis.suggest import group_key

    return group_key(_MARKS_RE.sub("", measure))


def why_not_whole(measure: str, marked: str) -> str:
    """``""`` when :func:`suggest.whole_label` takes ``measure`` for the number marked
    ``#`` in ``marked``, else ``short`` or ``cut``."""
    from rol_analysis import suggest

    if suggest.whole_label(measure, [marked]):
        return ""
    stem = suggest._LABEL_TAIL_RE.sub("", suggest.group_key(measure))
    return "short" if len(stem) < suggest.MIN_LABEL_CHARS else "cut"


def labels(folder: Path) -> Labels:
    """Extract every fixture of ``folder`` and check the label of each gold row found."""
    from rol_analysis.suggest import marked_sentences

    out = Labels(folder.name)
    for name, raw, result in extracted(folder):
        gold = read_gold(folder / f"{name}.gold.tsv")
        s = score(name, raw, gold, result.mentions)
        records = result.mentions.to_dict("records")
        marked = marked_sentences(records)
        for gi, g in enumerate(gold):
            out.gold_fixtures_of.setdefault(g["measure"], set()).add(name)
            if gi not in s.mention_of:
                continue
            rec = records[s.mention_of[gi]]
            label = rec["measure"]
            out.found += 1
            out.fixtures_of.setdefault(label, set()).add(name)
            out.exact += label == g["measure"]
            out.loose += _loose(label) == _loose(g["measure"])
            why = why_not_whole(label, marked.get(str(int(rec["char_start"])), ""))
            if why:
                setattr(out, why, getattr(out, why) + 1)
                out.failures.append((name, why, label, g))
    return out


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f}%" if d else "    -"


def _row(t: Labels) -> str:
    return (f"{t.name:10} {t.found:5d} {t.short + t.cut:5d} {t.short:5d} {t.cut:5d} "
            f"{t.exact:5d} {_pct(t.exact, t.found)} {t.loose:5d} {_pct(t.loose, t.found)} "
            f"{Labels.shared(t.fixtures_of):6d} {Labels.shared(t.gold_fixtures_of):6d}")


def table(sets: list[Labels]) -> str:
    """Per set and total: gold rows found, labels not whole (short, cut), exact and
    loose agreement with the gold measure, labels and gold measures in 2+ fixtures."""
    head = (f"{'set':10} {'found':>5} {'!whl':>5} {'short':>5} {'cut':>5} "
            f"{'exact':>12} {'loose':>12} {'shared':>6} {'gold':>6}")
    lines = [head, "-" * len(head)]
    total = Labels("total")
    for t in sets:
        lines.append(_row(t))
        total.add(t)
    if len(sets) > 1:
        lines += ["-" * len(head), _row(total)]
    return "\n".join(lines)


def details(t: Labels) -> str:
    out = [f"== {t.name}: labels not whole words of their sentence"]
    out += [f"  {why:5} {name} {label}  gold={g['measure']}  {g['anchor']}"
            for name, why, label, g in t.failures]
    return "\n".join(out)


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv if not a.startswith("-")] or [DEV]
    bad = [f for f in folders if not f.is_dir() or not fixtures(f)]
    if bad:
        print(f"labels_eval.py: {bad[0]}: no <name>.gold.tsv files there; pass folders "
              "laid out like tests/data/dev", file=sys.stderr)
        return 2
    sets = [labels(f) for f in folders]
    if "-v" in argv:
        for t in sets:
            print(details(t))
    print(table(sets))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    raise SystemExit(main(sys.argv[1:]))
