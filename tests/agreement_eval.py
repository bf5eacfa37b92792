"""How often two careful readers agree on a statistic's indicator, beside the extractor.

A gold set's ``id`` and ``part_of`` columns are one reader's judgement (re-read by a
second engineer who saw the first one's labels). ``second_reading.tsv`` in a set folder is
an *independent* second annotation: another engineer, who saw neither the gold's labels
nor the extractor's output, filled ``id`` and ``part_of`` for every gold row from the text
and the catalogue's names alone (tests/data/dev/README.md, "Second reading"). Columns:
``fixture``, ``anchor``, ``value``, ``id``, ``part_of``, one line per gold row in gold
order.

Scored like the extractor against the gold (``dev_eval.py``), the second reader gives
the figure a machine can be held to: *named wrongly* is a row the second reader names
with an id other than the gold's (an empty gold id included). Then the extractor's wrong
names are split by whether the two readers agree on that row's id: a wrong name on a row
the readers themselves read differently says the indicator's definition is unclear, one
on a row they agree on is the extractor's own error.

Run ``python tests/agreement_eval.py [FOLDER ...]`` (default: every set that has a
``second_reading.tsv``); ``-v`` lists the rows the readers disagree on.
"""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
SECOND = "second_reading.tsv"
COLUMNS = ["fixture", "anchor", "value", "id", "part_of"]


class ReadingError(ValueError):
    """A second reading that does not line up with its gold tables."""


def read_second(folder: Path) -> dict[str, list[dict]]:
    """The second reading of ``folder``, per fixture, in gold order."""
    path = folder / SECOND
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        if reader.fieldnames != COLUMNS:
            raise ReadingError(f"{path}: header must be {COLUMNS}, not {reader.fieldnames}")
        out: dict[str, list[dict]] = {}
        for row in reader:
            out.setdefault(row["fixture"], []).append(row)
    return out


def pair_rows(folder: Path) -> list[tuple[str, int, dict, dict]]:
    """(fixture, row index, gold row, second-reading row) for every gold row of
    ``folder``.

    Raises :class:`ReadingError` naming the fixture and row when the second reading
    misses a fixture, has another number of rows, or its anchors or values differ."""
    from dev_eval import fixtures, read_gold

    second = read_second(folder)
    names = fixtures(folder)
    unknown = sorted(set(second) - set(names))
    if unknown:
        raise ReadingError(f"{folder / SECOND}: fixtures with no gold table: {unknown}")
    out = []
    for name in names:
        gold = read_gold(folder / f"{name}.gold.tsv")
        other = second.get(name, [])
        if len(other) != len(gold):
            raise ReadingError(f"{folder / SECOND}: {name} has {len(other)} rows, the gold "
                               f"table {len(gold)}; read every gold row once, in order")
        for gi, (g, s) in enumerate(zip(gold, other, strict=True)):
            if (g["anchor"], g["value"]) != (s["anchor"], s["value"]):
                raise ReadingError(f"{folder / SECOND}: {name}: row {s['anchor']!r} "
                                   f"{s['value']} stands where the gold has "
                                   f"{g['anchor']!r} {g['value']}")
            out.append((name, gi, g, s))
    return out


@dataclass
class Agreement:
    """Two readers (gold, second) and the extractor, over one set's rows."""

    rows: int = 0
    same_id: int = 0            # both the same id, or both none
    either_named: int = 0       # rows at least one reader named
    both_named_other: int = 0   # both named, different ids
    only_gold_named: int = 0
    only_second_named: int = 0
    second_wrong: int = 0       # second names an id other than gold's (dev_eval's "wrong")
    second_id_ok: int = 0       # gold rows with an id that the second reader names alike
    gold_with_id: int = 0
    with_part: int = 0          # rows either reader gave a part_of
    same_part: int = 0          # ... and both gave the same
    extractor_wrong_agreed: int = 0     # extractor wrong where the readers agree on id
    extractor_wrong_disputed: int = 0   # extractor wrong where they do not
    disputed: list[tuple] = field(default_factory=list)  # (fixture, gold, second, extractor)

    @property
    def second_wrong_share(self) -> float:
        return self.second_wrong / self.rows if self.rows else 0.0


def compare(pairs: list[tuple[str, int, dict, dict]],
            extractor: dict[tuple[str, int], str] | None = None) -> Agreement:
    """Count agreement over ``pairs``; ``extractor`` maps (fixture, gold row index) to
    the id the extractor gave that gold row (rows it did not find are absent)."""
    a = Agreement()
    for name, gi, g, s in pairs:
        gid, sid = g["id"], s["id"]
        a.rows += 1
        a.same_id += gid == sid
        if gid or sid:
            a.either_named += 1
            if gid and sid and gid != sid:
                a.both_named_other += 1
            elif gid and not sid:
                a.only_gold_named += 1
            elif sid and not gid:
                a.only_second_named += 1
        a.second_wrong += bool(sid) and sid != gid
        a.gold_with_id += bool(gid)
        a.second_id_ok += bool(gid) and sid == gid
        gp, sp = g.get("part_of") or "", s["part_of"]
        if gp or sp:
            a.with_part += 1
            a.same_part += gp == sp
        got = (extractor or {}).get((name, gi))
        if got and got != gid:
            if gid == sid:
                a.extractor_wrong_agreed += 1
            else:
                a.extractor_wrong_disputed += 1
        if gid != sid:
            a.disputed.append((name, g, s, got))
    return a


def extractor_ids(folder: Path) -> dict[tuple[str, int], str]:
    """(fixture, gold row index) -> the id the extractor gives that gold row."""
    from dev_eval import evaluate

    return {(sc.name, gi): got for sc in evaluate(folder=folder)
            for gi, got, _part in sc.outcomes}


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f}%" if d else "    -"


def report(name: str, a: Agreement) -> str:
    differ = a.both_named_other + a.only_gold_named + a.only_second_named
    return "\n".join([
        f"{name}: {a.rows} rows; the readers give the same id (or none) to {a.same_id} "
        f"({_pct(a.same_id, a.rows)})",
        f"  rows either reader named: {a.either_named}; they differ on {differ} "
        f"({_pct(differ, a.either_named)}): both named, other ids {a.both_named_other}; "
        f"gold only {a.only_gold_named}; second only {a.only_second_named}",
        f"  second reader scored like the extractor: named wrongly {a.second_wrong} "
        f"({_pct(a.second_wrong, a.rows)}), id rows ok {a.second_id_ok}/{a.gold_with_id}",
        f"  part_of: rows either reader gave one {a.with_part}, the same {a.same_part}",
        f"  extractor named wrongly: {a.extractor_wrong_agreed} on rows the readers agree "
        f"on, {a.extractor_wrong_disputed} on rows they read differently",
    ])


def main(argv: list[str]) -> int:
    folders = [Path(x) for x in argv if not x.startswith("-")] or sorted(
        p.parent for p in DATA.glob(f"*/{SECOND}"))
    for folder in folders:
        if not (folder / SECOND).is_file():
            print(f"agreement_eval.py: {folder}: no {SECOND}; pass a set folder that has "
                  "an independent second reading", file=sys.stderr)
            return 2
        try:
            pairs = pair_rows(folder)
        except ReadingError as exc:
            print(f"agreement_eval.py: {exc}", file=sys.stderr)
            return 2
        a = compare(pairs, extractor_ids(folder))
        print(report(folder.name, a))
        if "-v" in argv:
            for name, g, s, got in a.disputed:
                print(f"    {name}: {g['anchor']}  gold={g['id'] or '-'} "
                      f"second={s['id'] or '-'} extractor={got or '-'}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    sys.path.insert(0, str(REPO / "tests"))
    raise SystemExit(main(sys.argv[1:]))
