"""What the extractor did on each fresh set the one time it was unseen, and what that says.

A fresh gold set is scored once, on the main of its day, before anyone tunes on it
(docs/reports.md); after that the set is development material and its figures on later
code are tuned figures. ``tests/data/first_runs/<set>.tsv`` keeps that one run: for every
gold row of the set, whether it was found and the ``indicator_id``, ``part_of`` and
``measure`` the extractor gave it then. These are the only errors the project has that
unseen text really produced, so a proposed way to tell right names from wrong ones (a
confidence gate, a learned ranker) is tried against them, not against tuned figures.

``python tests/first_runs.py dump FOLDER OUT`` writes the table for the gold set
``FOLDER`` with whatever ``rol_analysis`` is importable: run it from a checkout of the
scoring commit (``git worktree add --detach /tmp/fr <commit>``, then
``PYTHONPATH=/tmp/fr/src python tests/first_runs.py dump tests/data/blind7 out.tsv``).

``python tests/first_runs.py study`` reads every table and prints, for each signal that
could gate a name, how many right and wrong first-run names a gate on it would keep
(leave one set out where the signal is learned).
"""

from __future__ import annotations

import csv
import math
import sys
from pathlib import Path

import dev_eval

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
FIRST = DATA / "first_runs"
COLUMNS = ["fixture", "row", "found", "id", "part_of", "measure"]


def tables() -> list[Path]:
    """The first-run tables in the order the sets were scored (blind4 … blind16, not
    the string order that puts blind10 first)."""
    return sorted(FIRST.glob("*.tsv"),
                  key=lambda t: (len(t.stem), t.stem))


def dump(folder: Path, out: Path) -> int:
    """Extract and score ``folder``; write one line per gold row to ``out``."""
    lines = []
    for name, raw, result in dev_eval.extracted(folder):
        gold = dev_eval.read_gold(folder / f"{name}.gold.tsv")
        s = dev_eval.score(name, raw, gold, result.mentions)
        ms = result.mentions
        for gi in range(len(gold)):
            mi = s.mention_of.get(gi)
            if mi is None:
                lines.append([name, gi, 0, "", "", ""])
                continue
            m = ms.iloc[mi]
            part = m["part_of"] if "part_of" in ms.columns else ""
            lines.append([name, gi, 1, m["indicator_id"] or "", part or "",
                          m["measure"] if "measure" in ms.columns else ""])
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(COLUMNS)
        w.writerows(lines)
    return len(lines)


def read(path: Path) -> list[dict]:
    """The named rows of one first-run table, each joined with its gold row."""
    folder = DATA / path.stem
    gold = {name: dev_eval.read_gold(folder / f"{name}.gold.tsv")
            for name in dev_eval.fixtures(folder)}
    raw = {name: (folder / f"{name}.txt").read_text(encoding="utf-8") for name in gold}
    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            g = gold[r["fixture"]][int(r["row"])]
            out.append({**r, "set": path.stem, "gold_id": g["id"],
                        "gold_part": g.get("part_of") or "",
                        "clause": _clause(raw[r["fixture"]], g["anchor"])})
    return out


def _clause(raw: str, anchor: str) -> str:
    """The text from the last clause break before ``anchor`` to its end."""
    at = raw.find(anchor)
    start = max(raw.rfind(ch, 0, at) for ch in "，。；：\n") + 1
    return raw[start:at + len(anchor)]


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _kept(named: list[dict], key, share: float) -> tuple[int, int]:
    """Right and wrong names kept by a gate keeping the ``share`` best by ``key``."""
    ranked = sorted(named, key=key, reverse=True)[:round(len(named) * share)]
    right = sum(r["id"] == r["gold_id"] for r in ranked)
    return right, len(ranked) - right


def study(tables: list[Path]) -> str:
    """How well each signal separates right from wrong first-run names."""
    from rol_analysis import catalogue

    names = {i: ind.zh_name for i, ind in catalogue.load().indicators.items()}
    doc_freq: dict[str, int] = {}
    for zh in names.values():
        for b in _bigrams(zh):
            doc_freq[b] = doc_freq.get(b, 0) + 1
    idf = {b: math.log(len(names) / n) for b, n in doc_freq.items()}
    rows = [r for t in tables for r in read(t)]
    named = [r for r in rows if r["found"] == "1" and r["id"]]
    for r in named:
        zb = _bigrams(names[r["id"]])
        r["overlap"] = len(zb & _bigrams(r["measure"])) / max(1, len(zb))
        total = sum(idf[b] for b in zb) or 1.0
        r["coverage"] = sum(idf[b] for b in zb if b in r["clause"]) / total
        # the indicator's record on the other sets' first runs (Laplace-smoothed)
        other = [o for o in named if o["id"] == r["id"] and o["set"] != r["set"]]
        r["record"] = (sum(o["id"] == o["gold_id"] for o in other) + 1) / (len(other) + 2)
    right = sum(r["id"] == r["gold_id"] for r in named)
    lines = [f"first-run names: {len(named)} ({right} right, {len(named) - right} wrong) "
             f"over {', '.join(t.stem for t in tables)}",
             f"{'signal':28} {'keep':>5} {'right kept':>11} {'wrong kept':>11} "
             f"{'precision':>9}"]
    for label, key in (("measure overlaps the name", lambda r: r["overlap"]),
                       ("clause covers the name", lambda r: r["coverage"]),
                       ("indicator's record (LOSO)", lambda r: r["record"])):
        for share in (1.0, 0.75, 0.5, 0.25):
            kr, kw = _kept(named, key, share)
            lines.append(f"{label:28} {share:5.0%} {kr:5d}/{right:<5d} "
                         f"{kw:5d}/{len(named) - right:<5d} {kr / max(1, kr + kw):9.1%}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if argv[:1] == ["dump"] and len(argv) == 3:
        print(f"{argv[2]}: {dump(Path(argv[1]), Path(argv[2]))} gold rows")
        return 0
    if argv[:1] == ["study"]:
        found = tables()
        if not found:
            print(f"first_runs.py: no tables in {FIRST}", file=sys.stderr)
            return 2
        print(study(found))
        return 0
    print("usage: first_runs.py dump FOLDER OUT | first_runs.py study", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.path.append(str(REPO / "src"))
    raise SystemExit(main(sys.argv[1:]))
