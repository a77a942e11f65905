"""ROC AUC of the relevance signal over the recruiter-labelled certificate–role pairs.

Run: .venv/bin/python benchmarks/relevance_auc.py [--pairs benchmarks/relevance/pairs.yaml]
     [--rules DIR] [--min 0.90] [--misses N]
Prints the pair count, the number of fields, the AUC overall and per kind (listed, niche,
non_english, trap); exits 1 when the overall AUC is below --min (the gate is 0.90).

Each pair is scored through the public API (``score_profile`` on a one-certificate profile, as_of
fixed), and the certificate's relevance value is the score. AUC is computed here as the
Mann–Whitney U statistic (ties count half), so no extra dependency is needed.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.relevance_sets import read_pairs
from parser.models import Certificate, Profile, Source
from server.rulebook import Rulebook, load_rulebook
from server.scoring import Role, score_profile

PAIRS = Path(__file__).resolve().parent / "relevance" / "pairs.yaml"
AS_OF = datetime.date(2025, 11, 1)


def auc(scores: Sequence[float], labels: Sequence[bool]) -> float | None:
    """P(score of a random relevant pair > that of a random irrelevant one); ties count 1/2."""
    ordered = sorted(zip(scores, labels, strict=True), key=lambda p: p[0])
    ranks = [0.0] * len(ordered)
    i = 0
    while i < len(ordered):  # average ranks over ties
        j = i
        while j + 1 < len(ordered) and ordered[j + 1][0] == ordered[i][0]:
            j += 1
        for k in range(i, j + 1):
            ranks[k] = (i + j) / 2 + 1
        i = j + 1
    positives = sum(1 for _, label in ordered if label)
    negatives = len(ordered) - positives
    if not positives or not negatives:
        return None
    rank_sum = sum(rank for rank, (_, label) in zip(ranks, ordered, strict=True) if label)
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def relevance(pair: dict, book: Rulebook) -> tuple[float, str]:
    c = pair["certificate"]
    certificate = Certificate(name=c["name"], issuer=c.get("issuer"), issued=None,
                              skills=list(c.get("skills") or []))
    r = pair["role"]
    role = Role(title=r.get("title"), description=r.get("description"),
                skills=tuple(r.get("skills") or ()))
    report = score_profile(Profile(source=Source("html"), certificates=[certificate]), role,
                           as_of=AS_OF, rulebook=book)
    signal = report.certificates[0].signals["relevance"]
    return signal.value, signal.note


def evaluate(pairs: list[dict], book: Rulebook) -> dict:
    scored = [(pair, *relevance(pair, book)) for pair in pairs]
    by_kind: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    for pair, value, _ in scored:
        by_kind[pair.get("kind", "?")].append((value, bool(pair["relevant"])))
    return {
        "pairs": len(pairs),
        "fields": len({p.get("field") for p in pairs}),
        "auc": auc([v for _, v, _ in scored], [bool(p["relevant"]) for p, _, _ in scored]),
        "kinds": {kind: (len(items), auc([v for v, _ in items], [label for _, label in items]))
                  for kind, items in sorted(by_kind.items())},
        "scored": scored,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--rules", type=Path, default=None, help="override rulebook directory")
    parser.add_argument("--min", type=float, default=0.90, help="lowest acceptable AUC")
    parser.add_argument("--misses", type=int, default=0,
                        help="also list the N worst-ranked pairs of each label")
    args = parser.parse_args(argv)
    pairs = read_pairs(args.pairs)
    book = load_rulebook(args.rules)
    result = evaluate(pairs, book)
    print(f"pairs: {result['pairs']}   fields: {result['fields']}   ruleset: {book.name}")
    overall = result["auc"]
    print(f"AUC overall: {overall:.3f}" if overall is not None else "AUC overall: n/a")
    threshold = float(book.ruleset.get("rules", {}).get("relevance", {}).get("relevant-at", 0.5))
    for kind, (count, value) in result["kinds"].items():
        if value is not None:
            shown = f"AUC {value:.3f}"
        else:  # one label only (the traps are all irrelevant): how many were kept below the bar
            right = sum(1 for pair, v, _ in result["scored"] if pair.get("kind") == kind
                        and (v >= threshold) == bool(pair["relevant"]))
            shown = f"AUC n/a (one label); {right}/{count} on the right side of {threshold}"
        print(f"  {kind:<12} {count:>4} pairs   {shown}")
    if args.misses:
        scored = result["scored"]
        worst_true = sorted((s for s in scored if s[0]["relevant"]), key=lambda s: s[1])
        worst_false = sorted((s for s in scored if not s[0]["relevant"]), key=lambda s: -s[1])
        for title, rows in (("relevant, scored low", worst_true),
                            ("irrelevant, scored high", worst_false)):
            print(f"\n{title}:")
            for pair, value, note in rows[: args.misses]:
                print(f"  {value:.2f} [{pair.get('kind')}] {pair['certificate']['name']} -> "
                      f"{pair['role']['title']}\n       {note}")
    if overall is None or overall < args.min:
        print(f"FAIL: AUC below {args.min:.2f}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
