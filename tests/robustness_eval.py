"""How stable attribution is under meaning-preserving rewording (issue 9).

Rules written while reading one text often do not hold on the next report, because the
next report says the same thing in other words (出任 for 担任, 达 for 达到). This eval
measures that directly, one rewording at a time: for every fixture of the chosen gold
sets it applies one edit of ``tests/data/robustness/edits.tsv`` to the whole text,
extracts again and compares each gold row's outcome with the unedited text's.

An edit is a row ``from``, ``to``, ``why``: ``from`` is a Python regular expression
(a plain word is one), ``to`` its replacement, ``why`` the reason the edit keeps the
meaning *and* the grammar words around numbers that decide what a number is. A gold
row's anchor is carried through the edit by offsets (a replacement that straddles the
anchor's edge widens it to the whole replacement), so rows still line up.

A row's *outcome* is (found, indicator id, part_of) of the mention matched to it by
``dev_eval.score``. A row is *right* when found with its gold id (both empty counts) and
its gold ``part_of``. Per edit the report gives the texts the edit touched, the gold
rows in them, the rows whose outcome changed, of those how many went from right to
wrong, unnamed or missed (``lost``) and from not right to right (``gained``), and the
change in false positives.

Run::

    python tests/robustness_eval.py [-v] [--edits FILE] FOLDER [FOLDER ...]

with one or more folders laid out like tests/data/dev (default: tests/data/dev). ``-v``
lists every changed row. Extraction runs once per fixture plus once per edit that
touches it (about 15 s for dev and blind … blind15 together).
"""

from __future__ import annotations

import csv
import re
import sys
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from dev_eval import DEV, REPO, fixtures, read_gold, score, year_of

EDITS = REPO / "tests" / "data" / "robustness" / "edits.tsv"


@dataclass(frozen=True)
class Edit:
    """One meaning-preserving rewording: regex ``source`` -> ``target``."""

    source: str
    target: str
    why: str

    @property
    def label(self) -> str:
        return f"{self.source} -> {self.target}"


def read_edits(path: Path = EDITS) -> list[Edit]:
    """The edits of a TSV with columns from, to, why; a bad row raises ValueError
    naming the file, the line and the fix."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    edits = []
    for line, r in enumerate(rows, start=2):
        if not r.get("from") or r.get("to") is None or not r.get("why"):
            raise ValueError(f"{path}:{line}: every edit needs from, to and why (tab-separated)")
        try:
            re.compile(r["from"])
        except re.error as exc:
            raise ValueError(f"{path}:{line}: 'from' is not a regular expression ({exc}); "
                             "escape it or fix it") from None
        edits.append(Edit(r["from"], r["to"], r["why"]))
    return edits


def apply(edit: Edit, raw: str) -> tuple[str, list[tuple[int, int, int, int]]]:
    """``raw`` with every match of the edit replaced, and the replaced spans as
    (old start, old end, new start, new end), in order."""
    out, spans, last, shift = [], [], 0, 0
    for m in re.finditer(edit.source, raw):
        new = m.expand(edit.target)
        out.append(raw[last:m.start()])
        out.append(new)
        spans.append((m.start(), m.end(), m.start() + shift, m.start() + shift + len(new)))
        shift += len(new) - (m.end() - m.start())
        last = m.end()
    out.append(raw[last:])
    return "".join(out), spans


def carry(spans: list[tuple[int, int, int, int]], start: int, end: int) -> tuple[int, int]:
    """The span ``[start, end)`` of the old text in the new one: a replacement that
    overlaps an edge widens the span to cover the whole replacement."""
    starts = [s[0] for s in spans]

    def where(p: int, left: bool) -> int:
        i = bisect_right(starts, p) - 1
        if i < 0:
            return p
        o0, o1, n0, n1 = spans[i]
        if left and o0 <= p < o1:
            return n0
        if not left and o0 < p <= o1:
            return n1
        if p >= o1:
            return p + n1 - o1
        return p + n0 - o0  # before span i's start (only when p == o0 and not left)

    return where(start, True), where(end, False)


def outcomes(s, gold: list[dict]) -> list[tuple]:
    """Per gold row: (found, id, part_of); not found is (False, '', '')."""
    got = {gi: (True, i, p) for gi, i, p in s.outcomes}
    return [got.get(gi, (False, "", "")) for gi in range(len(gold))]


def right(o: tuple, g: dict) -> bool:
    return o[0] and o[1] == g["id"] and o[2] == (g.get("part_of") or "")


@dataclass
class Tally:
    """What one edit did over the fixtures it touched."""

    edit: Edit
    texts: int = 0
    rows: int = 0
    changed: int = 0
    lost: int = 0
    gained: int = 0
    fp_delta: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for k in ("texts", "rows", "changed", "lost", "gained", "fp_delta"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.notes += other.notes


def _show(o: tuple) -> str:
    if not o[0]:
        return "missed"
    return (o[1] or "-") + (f" part_of={o[2]}" if o[2] else "")


def measure(folder: Path, edits: list[Edit], names: list[str] | None = None) -> list[Tally]:
    """One Tally per edit over the fixtures of ``folder`` (or ``names`` of it)."""
    from rol_analysis import extract

    tallies = [Tally(e) for e in edits]
    for name in names or fixtures(folder):
        raw = (folder / f"{name}.txt").read_text(encoding="utf-8")
        gold = read_gold(folder / f"{name}.gold.tsv")
        slug, year = name.rsplit("_", 1)[0], year_of(name)
        base = score(name, raw, gold, extract.extract_text(raw, slug, year).mentions)
        before = outcomes(base, gold)
        for t in tallies:
            new, spans = apply(t.edit, raw)
            if not spans:
                continue
            moved = []
            for g in gold:
                a = raw.find(g["anchor"])
                na, nb = carry(spans, a, a + len(g["anchor"]))
                moved.append({**g, "anchor": new[na:nb]})
            s = score(name, new, moved, extract.extract_text(new, slug, year).mentions)
            after = outcomes(s, moved)
            t.texts += 1
            t.rows += len(gold)
            t.fp_delta += s.false_positives - base.false_positives
            for g, m, o0, o1 in zip(gold, moved, before, after):
                if o0 == o1:
                    continue
                t.changed += 1
                r0, r1 = right(o0, g), right(o1, g)
                t.lost += r0 and not r1
                t.gained += r1 and not r0
                mark = "lost" if r0 and not r1 else "gained" if r1 and not r0 else "moved"
                want = _show((True, g["id"], g.get("part_of") or ""))
                t.notes.append(f"  {mark:6} {folder.name}/{name}: gold={want} "
                               f"{_show(o0)} -> {_show(o1)}  {m['anchor']}")
    return tallies


def table(tallies: list[Tally], title: str) -> str:
    head = (f"{'edit':58} {'texts':>5} {'rows':>5} {'changed':>7} {'lost':>5} "
            f"{'gained':>6} {'FP':>4}")
    lines = [f"== {title}", head, "-" * len(head)]
    tot = Tally(Edit("", "", ""))
    for t in sorted(tallies, key=lambda t: (-t.lost, -t.changed, t.edit.label)):
        tot.add(t)
        lines.append(f"{t.edit.label[:58]:58} {t.texts:5d} {t.rows:5d} {t.changed:7d} "
                     f"{t.lost:5d} {t.gained:6d} {t.fp_delta:+4d}")
    lines.append("-" * len(head))
    lines.append(f"{'total':58} {tot.texts:5d} {tot.rows:5d} {tot.changed:7d} "
                 f"{tot.lost:5d} {tot.gained:6d} {tot.fp_delta:+4d}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    path, args, i = EDITS, [], 0
    while i < len(argv):
        if argv[i] == "--edits" and i + 1 < len(argv):
            path, i = Path(argv[i + 1]), i + 2
            continue
        args.append(argv[i])
        i += 1
    folders = [Path(a) for a in args if not a.startswith("-")] or [DEV]
    for f in folders:
        if not f.is_dir() or not fixtures(f):
            print(f"robustness_eval.py: {f}: no <name>.gold.tsv files there; pass folders "
                  "laid out like tests/data/dev", file=sys.stderr)
            return 2
    try:
        edits = read_edits(path)
    except (OSError, ValueError) as exc:
        print(f"robustness_eval.py: {exc}", file=sys.stderr)
        return 2
    total = [Tally(e) for e in edits]
    for f in folders:
        for t, u in zip(total, measure(f, edits)):
            t.add(u)
    print(table(total, " ".join(f.name for f in folders)))
    if "-v" in args:
        for t in total:
            if t.notes:
                print(f"\n-- {t.edit.label}")
                print("\n".join(t.notes))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    raise SystemExit(main(sys.argv[1:]))
