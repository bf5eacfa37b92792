"""Would a text model learned from the gold tables name what the rules leave unnamed?

Leave one set out over the first runs (``tests/data/first_runs``, README there): for each
fresh set S (blind4 … blind21), a model is trained on the gold rows of every other gold
set (dev, blind, blind2 … blind21 except S) and scored on S's first-run rows, as the
extractor left them the one time S was unseen.

Input of a row: character 1–3-grams of the number's clause, of its sentence and of the
clause before (where the topic often stands), its unit, and its measure label (the gold
``measure`` for training rows; the first run's measure for S's rows, as the extractor
had it). Target: the gold id, or ``none`` for a row with no id (a part or an unnamed
statistic). Two models, both deterministic and in plain NumPy/SciPy (no scikit-learn):
a multinomial naive Bayes and an L2 multinomial logistic regression (L-BFGS from zeros).

Two uses are measured on S's first-run rows:

- fallback: a row the first run found with no id and no part_of gets the model's best
  id among the catalogue indicators whose units take the row's unit, when its
  probability is at least ``t`` (never ``none``, never an id outside the catalogue);
- veto: a row the first run named is unnamed when the model gives its id a
  probability below ``u``.

``python tests/first_runs_learned.py nb|lr [CACHE.npz]`` prints, for several thresholds,
the LOSO totals: named right and named wrongly as a share of all rows (dev_eval's rule:
right is the gold id, or no id where the gold has none), and the names gained and lost.
The logistic regression takes 2-3 minutes per set left out on two cores (about 40 in
all; the naive Bayes under a minute in all); ``CACHE.npz`` keeps each set's
probabilities, so a rerun that finds them there only recounts.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

import dev_eval
import numpy as np

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
FIRST = DATA / "first_runs"
BREAKS = "，。；：\n,;:"
ENDS = "。；\n;"


def gold_sets() -> list[str]:
    """Every gold set: dev, blind, blind2 … (first-run tables exist for blind4 on)."""
    return ["dev"] + sorted((p.name for p in DATA.glob("blind*") if p.is_dir()),
                            key=lambda s: (len(s), s))


def _span(raw: str, at: int, end: int, stops: str) -> tuple[int, int]:
    start = max(raw.rfind(ch, 0, at) for ch in stops) + 1
    nxt = [i for i in (raw.find(ch, end) for ch in stops) if i >= 0]
    return start, min(nxt) if nxt else len(raw)


def context(raw: str, anchor: str) -> tuple[str, str, str]:
    """(clause, sentence, previous clause) of the number inside ``anchor``."""
    at = raw.find(anchor)
    end = at + len(anchor)
    c0, c1 = _span(raw, at, end, BREAKS)
    s0, s1 = _span(raw, at, end, ENDS)
    p0, _ = _span(raw, max(0, c0 - 1), max(0, c0 - 1), BREAKS)
    return raw[c0:c1], raw[s0:s1], raw[p0:max(p0, c0 - 1)]


def rows_of(name: str) -> list[dict]:
    """Every gold row of set ``name`` with its text context."""
    folder = DATA / name
    out = []
    for fx in dev_eval.fixtures(folder):
        raw = (folder / f"{fx}.txt").read_text(encoding="utf-8")
        for i, g in enumerate(dev_eval.read_gold(folder / f"{fx}.gold.tsv")):
            clause, sentence, before = context(raw, g["anchor"])
            out.append({"set": name, "fixture": fx, "row": i, "gold_id": g["id"],
                        "gold_part": g.get("part_of") or "", "unit": g["unit"],
                        "measure": g["measure"], "clause": clause,
                        "sentence": sentence, "before": before})
    return out


def first_run(name: str, gold: list[dict]) -> list[dict]:
    """``gold`` rows of ``name`` joined with what its first run gave them."""
    by = {(r["fixture"], r["row"]): r for r in gold}
    out = []
    with open(FIRST / f"{name}.tsv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            g = dict(by[(r["fixture"], int(r["row"]))])
            g.update(found=r["found"] == "1", id=r["id"], part_of=r["part_of"],
                     measure=r["measure"])
            out.append(g)
    return out


def _grams(text: str, tag: str) -> list[str]:
    return [f"{tag}{text[i:i + n]}" for n in (1, 2, 3) for i in range(len(text) - n + 1)]


def features(r: dict) -> Counter:
    """Character 1–3-grams of the clause, sentence, previous clause and measure; unit."""
    f = Counter(_grams(r["clause"], "c:"))
    f.update(g for g in _grams(r["sentence"], "s:") if len(g) == 4)
    f.update(g for g in _grams(r["before"], "p:") if len(g) <= 4)
    f.update(_grams(r["measure"], "m:"))
    f[f"u:{r['unit']}"] += 1
    return f


def matrix(rows: list[dict], vocab: dict[str, int]):
    """Sparse row matrix of binary features, each row scaled to unit length."""
    from scipy import sparse

    ind, ptr = [], [0]
    for r in rows:
        cols = sorted({vocab[k] for k in features(r) if k in vocab})
        ind.extend(cols)
        ptr.append(len(ind))
    data = np.ones(len(ind))
    x = sparse.csr_matrix((data, ind, ptr), shape=(len(rows), len(vocab)))
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1 / norms) @ x


def label(r: dict) -> str:
    return r["gold_id"] or "none"


def train(rows: list[dict], kind: str, c: float = 10.0, min_df: int = 3):
    """(vocab, classes, predict) for a model of ``kind`` learned from ``rows``."""
    df = Counter(k for r in rows for k in set(features(r)))
    vocab = {k: i for i, k in enumerate(sorted(k for k, n in df.items() if n >= min_df))}
    classes = sorted({label(r) for r in rows})
    y = np.array([classes.index(label(r)) for r in rows])
    x = matrix(rows, vocab)
    k, d = len(classes), len(vocab)
    onehot = np.zeros((len(rows), k))
    onehot[np.arange(len(rows)), y] = 1
    if kind == "nb":
        counts = (x.T @ onehot).T + 0.1  # k x d
        logp = np.log(counts / counts.sum(axis=1, keepdims=True))
        prior = np.log(onehot.sum(axis=0) / len(rows))
        w, b = logp.T, prior
    else:
        from scipy.optimize import minimize

        def loss(theta):
            w = theta[:d * k].reshape(d, k)
            b = theta[d * k:]
            z = x @ w + b
            z -= z.max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
            nll = -np.log(p[np.arange(len(rows)), y] + 1e-12).sum()
            g = p - onehot
            gw = x.T @ g + w / c
            return nll + (w * w).sum() / (2 * c), np.concatenate([gw.ravel(), g.sum(axis=0)])

        res = minimize(loss, np.zeros(d * k + k), jac=True, method="L-BFGS-B",
                       options={"maxiter": 100, "maxcor": 5})
        w, b = res.x[:d * k].reshape(d, k), res.x[d * k:]

    def predict(test: list[dict]) -> np.ndarray:
        z = matrix(test, vocab) @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=1, keepdims=True)

    return classes, predict


def predictions(kind: str, cache: Path | None = None):
    """(first-run rows, classes, probabilities) of every fresh set, each set's model
    learned from every other gold set; ``cache`` (an .npz) keeps them between runs."""
    sets = gold_sets()
    gold = {s: rows_of(s) for s in sets}
    firsts = [s for s in sets if (FIRST / f"{s}.tsv").exists()]
    stored = dict(np.load(cache, allow_pickle=False)) if cache and cache.exists() else {}
    out = []
    for s in firsts:
        runs = first_run(s, gold[s])
        if f"{s}:p" in stored:
            classes, p = list(stored[f"{s}:c"]), stored[f"{s}:p"]
        else:
            classes, predict = train([r for o in sets if o != s for r in gold[o]], kind)
            p = predict(runs)
            stored[f"{s}:c"], stored[f"{s}:p"] = np.array(classes), p
            if cache:
                np.savez_compressed(cache, **stored)
            print(f"{s} done", file=sys.stderr)
        out.append((runs, classes, p))
    return out


def study(kind: str, cache: Path | None = None,
          tfall=(0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9),
          uveto=(0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2)) -> str:
    """The LOSO totals of both uses, for each threshold."""
    from rol_analysis import catalogue

    cat = catalogue.load().indicators
    fall = {(t, g): Counter() for t in tfall for g in (True, False)}
    veto = {u: Counter() for u in uveto}
    base = Counter()
    for runs, classes, p in predictions(kind, cache):
        incat = np.array([c in cat for c in classes])
        for r, pr in zip(runs, p):
            named = r["found"] and r["id"]
            base["rows"] += 1
            base["right"] += r["found"] and r["id"] == r["gold_id"]
            base["wrong"] += bool(named) and r["id"] != r["gold_id"]
            if r["found"] and not r["id"] and not r["part_of"]:
                base["open"] += 1
                base["open_id"] += bool(r["gold_id"])
                for gated in (True, False):
                    allowed = incat & np.array([not gated or (c in cat and r["unit"]
                                                              in cat[c].units)
                                                for c in classes])
                    if not allowed.any():
                        continue
                    best = int(np.argmax(np.where(allowed, pr, -1)))
                    got = classes[best]
                    key = ("gain" if got == r["gold_id"] else
                           "lost_none" if not r["gold_id"] else "wrong_other")
                    for t in tfall:
                        if pr[best] >= t:
                            fall[(t, gated)][key] += 1
            elif named:
                pid = pr[classes.index(r["id"])] if r["id"] in classes else 0.0
                for u in uveto:
                    if pid < u:
                        right = r["id"] == r["gold_id"]
                        veto[u]["right_lost" if right else "wrong_removed"] += 1
                        veto[u]["none_gold"] += not right and not r["gold_id"]
    n = base["rows"]
    lines = [f"model {kind}; first-run rows {n}: named right {base['right']} "
             f"({base['right'] / n:.1%}), wrongly {base['wrong']} "
             f"({base['wrong'] / n:.1%}); found with no id and no part_of "
             f"{base['open']} ({base['open_id']} of them with a gold id)",
             "fallback: found, no id, no part_of; the model's best catalogue id "
             "(units taking the number's unit, or any) when p >= t",
             f"{'t':>5} {'unit gate':>9} {'right+':>7} {'none->id':>9} {'other id':>9} "
             f"{'d right':>8} {'d wrong':>8}"]
    for (t, gated), c in fall.items():
        dr = c["gain"] - c["lost_none"]
        dw = c["lost_none"] + c["wrong_other"]
        lines.append(f"{t:5.2f} {'yes' if gated else 'no':>9} {c['gain']:7d} "
                     f"{c['lost_none']:9d} {c['wrong_other']:9d} "
                     f"{dr / n:+8.1%} {dw / n:+8.1%}")
    lines += ["veto: named; unnamed when the model gives the id p < u",
              f"{'u':>5} {'wrong removed':>14} {'(gold no id)':>12} {'right lost':>11} "
              f"{'d right':>8} {'d wrong':>8}"]
    for u, c in veto.items():
        dr = c["none_gold"] - c["right_lost"]
        lines.append(f"{u:5.3f} {c['wrong_removed']:14d} {c['none_gold']:12d} "
                     f"{c['right_lost']:11d} {dr / n:+8.1%} "
                     f"{-c['wrong_removed'] / n:+8.1%}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.path.append(str(REPO / "src"))
    args = sys.argv[1:]
    if not args or args[0] not in ("nb", "lr") or len(args) > 2:
        print("usage: first_runs_learned.py nb|lr [CACHE.npz]", file=sys.stderr)
        raise SystemExit(2)
    print(study(args[0], Path(args[1]) if len(args) > 1 else None))
