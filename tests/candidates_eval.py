"""How often the review worksheet puts the right indicator in front of the reviewer.

``rol review`` writes, per number, a ``candidates`` cell (:func:`rol_analysis.reviews.
candidates_cell`): the indicators the matcher considered, the ones a reason names (a tie's
rival, the total of a part, the ones ruled out or taken), and after them the indicators
of similar wording (按用词相近). For every gold row with an ``id`` or a ``part_of`` that
extraction found (rows matched as :mod:`dev_eval` matches them), this script asks where
the gold id (for a part: its whole) stands among the catalogue ids the cell names, in
the order the cell names them:

- *first*: the first id of the cell;
- *top 3*: among its first three ids;
- *anywhere*: somewhere in the cell (``wording`` counts those only the similar-wording
  part names);
- *absent*: not in the cell.

Rows are split by what extraction did: *right* (named with the gold id, or the gold
part with no id), *wrong* (named with another id, or made a part of another total) and
*unnamed*. Rows extraction did not find have no cell and are counted apart (``not
found``).

Run ``python tests/candidates_eval.py [-v] FOLDER...``: a table per set and a total;
``-v`` lists the rows whose gold id is absent, with the number's measure and cell.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from dev_eval import DEV, fixtures, read_gold, score, year_of

REPO = Path(__file__).resolve().parents[1]
OUTCOMES = ("right", "wrong", "unnamed")
PLACES = ("first", "top3", "anywhere", "absent")
# the mark candidates_cell writes before the similar-wording ids
WORDING_MARK = "按用词相近"
_ID = re.compile(r"(?<![a-z0-9_])[a-z][a-z0-9_]*(?![a-z0-9_])")


def cell_ids(cell: str, known) -> tuple[list[str], set[str]]:
    """The catalogue ids the cell names, in order of first appearance, and those named
    only in its similar-wording part (after :data:`WORDING_MARK`)."""
    def ids(text: str) -> list[str]:
        return list(dict.fromkeys(t for t in _ID.findall(text) if t in known))

    # each reading has its own similar-wording part; the matcher's ids come first
    readings = cell.split(" ‖ ")
    matcher, wording = [], []
    for r in readings:
        head, _, tail = r.partition(WORDING_MARK)
        matcher += ids(head)
        wording += ids(tail)
    ordered = list(dict.fromkeys(matcher + wording))
    return ordered, set(ordered) - set(matcher)


def place(target: str, ordered: list[str]) -> str:
    """Where ``target`` stands in ``ordered`` (:data:`PLACES`)."""
    if ordered[:1] == [target]:
        return "first"
    if target in ordered[:3]:
        return "top3"
    return "anywhere" if target in ordered else "absent"


@dataclass
class Tally:
    """Counts of one set (or the total): ``counts[outcome][place]``."""

    name: str
    counts: dict = field(default_factory=lambda: {o: dict.fromkeys(PLACES, 0)
                                                   for o in OUTCOMES})
    wording: int = 0          # rows whose gold id only the similar-wording part names
    not_found: int = 0
    absent: list = field(default_factory=list)  # (fixture, gold row, outcome, measure, cell)

    def add(self, other: Tally) -> None:
        for o in OUTCOMES:
            for p in PLACES:
                self.counts[o][p] += other.counts[o][p]
        self.wording += other.wording
        self.not_found += other.not_found


def tally(folder: Path, catalogue=None) -> Tally:
    """Extract every fixture of ``folder``, build each found number's candidates cell as
    the worksheet does, and count where the gold id stands in it."""
    from rol_analysis import catalogue as _catalogue
    from rol_analysis import extract, reviews

    cat = catalogue or _catalogue.load()
    out = Tally(folder.name)
    for name in fixtures(folder):
        raw = (folder / f"{name}.txt").read_text(encoding="utf-8")
        gold = read_gold(folder / f"{name}.gold.tsv")
        result = extract.extract_text(raw, name.rsplit("_", 1)[0], year_of(name),
                                      catalogue=cat, explain=True)
        s = score(name, raw, gold, result.mentions)
        records = result.mentions.to_dict("records")
        outcome_of = {gi: (got, part) for gi, got, part in s.outcomes}
        for gi, g in enumerate(gold):
            target = g["id"] or g.get("part_of") or ""
            if not target:
                continue
            if gi not in s.mention_of:
                out.not_found += 1
                continue
            rec = records[s.mention_of[gi]]
            got, part = outcome_of[gi]
            if g["id"]:
                outcome = "right" if got == g["id"] else "wrong" if got else "unnamed"
            else:
                outcome = ("right" if not got and part == target else
                           "wrong" if got or part else "unnamed")
            start = int(rec["char_start"])
            cell = (reviews.candidates_cell(result.explain[start], cat, start, rec)
                    if start in result.explain else "")
            ordered, wording = cell_ids(cell, cat.indicators)
            where = place(target, ordered)
            out.counts[outcome][where] += 1
            out.wording += target in wording
            if where == "absent":
                out.absent.append((name, g, outcome, rec.get("measure", ""), cell))
    return out


def _row(t: Tally) -> str:
    cells = []
    for o in (*OUTCOMES, "all"):
        c = (t.counts[o] if o != "all" else
             {p: sum(t.counts[x][p] for x in OUTCOMES) for p in PLACES})
        n = sum(c.values())
        shown = c["first"], c["first"] + c["top3"], n - c["absent"]
        cells.append(f"{n:4d} {shown[0]:4d} {shown[1]:4d} {shown[2]:4d}")
    return f"{t.name:10} " + " | ".join(cells) + f" | {t.wording:4d} {t.not_found:4d}"


def table(tallies: list[Tally]) -> str:
    """Per set and total: for each outcome (right, wrong, unnamed, all) the rows, how many
    have the gold id first, in the top 3 (first included) and anywhere in the cell; then
    how many only the similar-wording part names, and the rows not found."""
    group = f"{'rows':>4} {'1st':>4} {'top3':>4} {'any':>4}"
    head = (f"{'set':10} " + " | ".join(f"{o:^19}" for o in (*OUTCOMES, "all")) +
            f" | {'word':>4} {'nf':>4}")
    sub = f"{'':10} " + " | ".join([group] * 4) + f" | {'':>4} {'':>4}"
    lines = [head, sub, "-" * len(sub)]
    total = Tally("total")
    for t in tallies:
        lines.append(_row(t))
        total.add(t)
    if len(tallies) > 1:
        lines += ["-" * len(sub), _row(total)]
    return "\n".join(lines)


def details(t: Tally) -> str:
    out = [f"== {t.name}: gold id absent from the cell"]
    for name, g, outcome, measure, cell in t.absent:
        want = g["id"] or f"part_of={g['part_of']}"
        out.append(f"  {outcome:8} {name} {g['value']}{g['unit']} gold={want} "
                   f"measure={measure} {g['anchor']}\n           cell: {cell or '-'}")
    return "\n".join(out)


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv if not a.startswith("-")] or [DEV]
    bad = [f for f in folders if not f.is_dir() or not fixtures(f)]
    if bad:
        print(f"candidates_eval.py: {bad[0]}: no <name>.gold.tsv files there; pass folders "
              "laid out like tests/data/dev", file=sys.stderr)
        return 2
    tallies = [tally(f) for f in folders]
    if "-v" in argv:
        for t in tallies:
            print(details(t))
    print(table(tallies))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    raise SystemExit(main(sys.argv[1:]))
