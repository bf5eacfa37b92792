"""Score rate checking against the hand-labelled stated rates of a gold set.

Each set folder (tests/data/dev, blind, ...) holds ``rates.tsv`` (described in
tests/data/dev/README.md, "Rates stated with their counts"): every stated rate whose two
counts (a part and its whole, or the values before and after a change) stand in the
text, with an anchor for the rate and one for each count.

Every fixture of the set is extracted and run through :func:`ratios.compare_ratios` with
its mentions (catalogue relations plus pairs inferred from the wording). A row of that
table *checks* a stated rate when it carries the rate (its ``rate_text`` and sentence are
the mention inside ``rate_anchor``) and a recomputed value. Per labelled rate:

- *right*: a row checks it with the two labelled counts (either order);
- *wrong*: a row checks it with another pair of numbers;
- *unchecked*: no row recomputes it.

*Spurious*: rows that recompute a stated rate that is not labelled (its counts are not
in the text, so any pair given to it is wrong). A wrong pairing is worse than none:
``wrong`` and ``spurious`` should stay 0.

A folder without gold tables (tests/data/rates_sample, rates only) is read from its
``<slug>_<year>.txt`` files.

Run ``python tests/rates_eval.py [-v] [FOLDER ...]`` (default: the twenty-two gold sets of
``SETS``); ``-v`` lists every labelled rate with its outcome and every spurious row.
``--list FOLDER`` prints, per fixture, every stated rate a row recomputes (its pair,
status and basis), labels or not: how a fresh set's pairs are read by a person before
its ``rates.tsv`` exists. ``--chance`` instead measures how often a *fake* rate finds a
unique false whole anywhere in a report, the risk behind ``ratios.FAR_PRECISION`` and
``FAR_SHARE_PRECISION``: every exact count of every fixture as the part, fake rates
17.0%..99.9% (one decimal) and 25%..99% (integers, the whole before the part).
"""

from __future__ import annotations

import csv
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SETS = ("dev", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7",
        "blind8", "blind9", "blind10", "blind11", "blind12", "blind13",
        "blind14", "blind15", "blind16", "blind17", "blind18", "blind19",
        "blind20", "blind21")
RATE_COLUMNS = ["fixture", "rate_anchor", "rate_value", "a_anchor", "b_anchor", "kind",
                "note"]
RATE_KINDS = {"share", "reduction", "increase", "points"}


def read_rates(folder: Path) -> list[dict]:
    """The labelled rates of one set (``[]`` when it has no ``rates.tsv``)."""
    path = folder / "rates.tsv"
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    for r in rows:
        assert list(r) == RATE_COLUMNS, path
    return rows


def _spans(raw: str, anchor: str) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of ``anchor`` in ``raw``, as dev_eval finds them."""
    from dev_eval import anchor_occurrences

    return [(at, at + len(anchor)) for at in anchor_occurrences(raw, anchor)]


def _inside(spans, start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def _compact(s) -> str:
    from rol_analysis.normalize import compact  # src is on the path only once main() ran

    return compact(s)


@dataclass
class RateScore:
    name: str
    stated: int = 0
    right: int = 0
    wrong: int = 0
    unchecked: int = 0
    spurious: int = 0
    lines: list = field(default_factory=list)

    def add(self, o: RateScore) -> None:
        for k in ("stated", "right", "wrong", "unchecked", "spurious"):
            setattr(self, k, getattr(self, k) + getattr(o, k))


def _offsets(mentions) -> dict:
    """(compact text, compact sentence) -> raw (start, end) of every such mention."""
    out: dict = {}
    for rec in mentions[["text", "sentence", "char_start", "char_end"]].itertuples(
            index=False):
        key = (_compact(rec.text), _compact(rec.sentence))
        span = (int(rec.char_start), int(rec.char_end))
        if span not in out.setdefault(key, []):
            out[key].append(span)
    return out


def _values(vals, spans) -> set:
    """Values of the mentions inside ``spans``."""
    return {v for (start, end), v in vals.items() if _inside(spans, start, end)}


_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?(?:千万|百万|十万|万|亿|千)?")


def _anchor_values(anchor: str) -> set:
    """Values of the numbers written in an anchor that holds no mention: a count that
    extraction drops on purpose (a target, 6万平方米年度目标) can still be a rate's
    whole (``ratios._target_share`` reads it from the sentence)."""
    from rol_analysis import numbers

    return {numbers.parse_number(m.group()) for m in _NUMBER_RE.finditer(anchor)}


def _fits(row, want) -> bool:
    """True when the row's two numbers have the labelled counts' values (either order)."""
    pair = (row["numerator"], row["denominator"])
    return any(p in want[0] and q in want[1] for p, q in (pair, pair[::-1]))


def _where(offsets, text, sentence) -> list:
    return offsets.get((_compact(text), _compact(sentence)), [])


def score_fixture(name: str, raw: str, labelled: list[dict], table, mentions) -> RateScore:
    """Compare one fixture's ratios table with its labelled rates."""
    s = RateScore(name, stated=len(labelled))
    offsets = _offsets(mentions)
    vals = {(int(r.char_start), int(r.char_end)): float(r.value)
            for r in mentions[["char_start", "char_end", "value"]].itertuples(index=False)}
    checks = []  # (rate spans, numerator spans, denominator spans, row)
    for rec in table.to_dict("records"):
        rec_val = rec.get("recomputed")
        if not rec.get("rate_text") or rec_val is None or (
                isinstance(rec_val, float) and math.isnan(rec_val)):
            continue
        checks.append((_where(offsets, rec["rate_text"], rec["rate_sentence"]),
                       _where(offsets, rec["numerator_text"], rec["numerator_sentence"]),
                       _where(offsets, rec["denominator_text"], rec["denominator_sentence"]),
                       rec))
    claimed = set()
    for g in labelled:
        rate_at = _spans(raw, g["rate_anchor"])
        a_at, b_at = _spans(raw, g["a_anchor"]), _spans(raw, g["b_anchor"])
        mine = [c for c in checks if any(_inside(rate_at, *sp) for sp in c[0])]
        claimed.update(id(c[3]) for c in mine)

        # The values of the labelled counts: a report may state one count twice
        # (纠错236件 in two paragraphs) and the catalogue takes either occurrence.
        want = tuple(_values(vals, at) or _anchor_values(g[col])
                     for at, col in ((a_at, "a_anchor"), (b_at, "b_anchor")))
        fitting = [c for c in mine if _fits(c[3], want)]
        if fitting:
            s.right += 1
            c = fitting[0]
            outcome = f"right    {c[3]['status']}"
        elif mine:
            s.wrong += 1
            c = mine[0]
            outcome = (f"WRONG    {c[3]['numerator_text']}/{c[3]['denominator_text']} "
                       f"{c[3]['status']}")
        else:
            s.unchecked += 1
            outcome = "unchecked"
        s.lines.append(f"  {outcome:48} {g['kind']:9} {g['rate_anchor']}  "
                       f"[{g['a_anchor']} | {g['b_anchor']}]")
    for c in checks:
        if id(c[3]) in claimed or not c[0]:
            continue
        r = c[3]
        s.spurious += 1
        s.lines.append(f"  SPURIOUS {r['rate_text']} <- {r['numerator_text']}/"
                       f"{r['denominator_text']} {r['status']} {r['basis']}: "
                       f"{_compact(r['rate_sentence'])[:50]}")
    return s


def set_fixtures(folder: Path) -> list[str]:
    """The fixtures of a set: those with a gold table, or, in a rates-only sample
    (tests/data/rates_sample: no gold tables), every ``<slug>_<year>.txt``."""
    from dev_eval import fixtures

    return fixtures(folder) or sorted(p.stem for p in folder.glob("*_*.txt"))


def evaluate(folder: Path) -> list[RateScore]:
    """Extract every fixture of ``folder`` and score its rate checks."""
    from dev_eval import extracted

    from rol_analysis import ratios

    labelled = read_rates(folder)
    out = []
    for name, raw, ex in extracted(folder, set_fixtures(folder)):
        table = ratios.compare_ratios(ex.indicators, mentions=ex.mentions)
        out.append(score_fixture(name, raw, [g for g in labelled if g["fixture"] == name],
                                 table, ex.mentions))
    return out


def total(scores: list[RateScore], name: str = "total") -> RateScore:
    t = RateScore(name)
    for s in scores:
        t.add(s)
    return t


def line(s: RateScore) -> str:
    return (f"{s.name:10} stated {s.stated:3d}  right {s.right:3d}  wrong {s.wrong:2d}  "
            f"unchecked {s.unchecked:3d}  spurious {s.spurious:2d}")


def chance(folders: list[Path]) -> tuple[float, float]:
    """Share of (part, fake rate) trials in which a unique whole fits by chance: fake
    rates with one decimal (whole anywhere), integer rates (whole before the part)."""
    from dev_eval import extracted

    from rol_analysis import wording

    fake = ([(x / 10, 0.05, False) for x in range(170, 1000, 7)]
            + [(float(v), 0.5, True) for v in range(25, 100)])
    tried = [0, 0]
    hits = [0, 0]
    for folder in folders:
        for _name, _raw, ex in extracted(folder):
            text = wording.text_of(ex.mentions)
            counts = [n for n in text.numbers if wording.is_count(n) and n.value > 0]
            for n in counts:
                wholes = [d for d in counts if d is not n and d.value >= n.value
                          and wording.unit_class(d.unit) == wording.unit_class(n.unit)]
                for rate, half, before in fake:
                    fits = [d for d in wholes if abs(n.value / d.value * 100 - rate) <= half]
                    k = int(before)
                    tried[k] += 1
                    if before and any(d.start > n.start for d in fits):
                        continue
                    hits[k] += len({d.value for d in fits}) == 1
    return hits[0] / tried[0], hits[1] / tried[1]


def listing(folder: Path) -> list[str]:
    """Every row that recomputes a stated rate, per fixture (see ``--list``)."""
    from dev_eval import extracted

    from rol_analysis import ratios

    out = []
    for name, _raw, ex in extracted(folder, set_fixtures(folder)):
        table = ratios.compare_ratios(ex.indicators, mentions=ex.mentions)
        for r in table.to_dict("records"):
            if not r["rate_text"] or math.isnan(r["recomputed"]):
                continue
            out.append(f"{name:24} {r['rate_text']:>10} <- {r['numerator_text']} / "
                       f"{r['denominator_text']} [{r['method']}] {r['status']} "
                       f"({r['basis']}): {_compact(r['rate_sentence'])[:60]}")
    return out


def main(argv: list[str]) -> int:
    if "--list" in argv:
        folders = [Path(a) for a in argv if not a.startswith("-")]
        if len(folders) != 1 or not folders[0].is_dir():
            print("usage: rates_eval.py --list FOLDER", file=sys.stderr)
            return 2
        print("\n".join(listing(folders[0])))
        return 0
    if "--chance" in argv:
        folders = [REPO / "tests" / "data" / s for s in SETS]
        one, share = chance(folders)
        print(f"false unique whole: one-decimal rates {one:.2%}, integer shares (whole "
              f"before) {share:.2%}")
        return 0
    folders = [Path(a) for a in argv if not a.startswith("-")] or [
        REPO / "tests" / "data" / s for s in SETS]
    totals = []
    for folder in folders:
        if not (folder / "rates.tsv").exists():
            print(f"rates_eval.py: {folder}: no rates.tsv there; pass a gold set folder "
                  "(tests/data/<set>)", file=sys.stderr)
            return 2
        scores = evaluate(folder)
        if "-v" in argv:
            for s in scores:
                if s.lines:
                    print(f"== {s.name}")
                    print("\n".join(s.lines))
        totals.append(total(scores, folder.name))
        print(line(totals[-1]), flush=True)
    if len(totals) > 1:
        print(line(total(totals)))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    sys.path.insert(0, str(REPO / "tests"))
    raise SystemExit(main(sys.argv[1:]))
