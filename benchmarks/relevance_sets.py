"""Upkeep of the relevance evaluation sets as the catalogue grows (benchmarks/relevance/README.md).

Run:
  .venv/bin/python benchmarks/relevance_sets.py check NEW.yaml
      Say, for each pair of a file of candidate pairs, whether the catalogue lists its
      certificate or an evaluation set already uses it (both must be replaced). Prints nothing
      else, so someone writing pairs blind can run it without learning anything of the sets.
  .venv/bin/python benchmarks/relevance_sets.py relabel [pairs dev holdout]
      Mark niche / non_english pairs whose certificate the catalogue now lists as ``listed``
      (labels untouched). Prints counts only.
  .venv/bin/python benchmarks/relevance_sets.py append NEW.yaml SET "comment"
      Append a file's pairs to a set in its layout, after a comment line. Prints counts only.

Certificates are compared the way tests/test_relevance_set.py compares them (that test imports
the matching from here): case-folded words, whole and without a bracketed abbreviation, against
every name and alias of the shipped catalogue's YAML.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from server.rulebook import SHIPPED

RELEVANCE = Path(__file__).resolve().parent / "relevance"
SETS = {"pairs": RELEVANCE / "pairs.yaml", "dev": RELEVANCE / "dev.yaml",
        "holdout": RELEVANCE / "holdout.yaml", "traps": RELEVANCE / "traps.yaml"}
UNLISTED = ("niche", "non_english")
KEYS = ("certificate", "role", "relevant", "field", "kind", "why")


def read_pairs(path: Path) -> list[dict[str, Any]]:
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return list(document.get("pairs") or [])


def normalised(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.casefold()).strip()


def name_forms(name: str) -> set[str]:
    """A certificate name as the catalogue check compares it: whole, and without the bracketed
    abbreviation ("Fachkraft für Lagerlogistik (IHK)" is also "Fachkraft für Lagerlogistik")."""
    return {normalised(name), normalised(re.sub(r"\(.*?\)", " ", name))}


def shipped_entries(section: str) -> dict[str, dict[str, Any]]:
    """One section of the shipped rulebook, read straight from its YAML files: only ids and
    names are needed, and the check must not fail because another part is mid-edit."""
    entries: dict[str, dict[str, Any]] = {}
    for path in sorted(SHIPPED.rglob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        entries.update(document.get(section) or {})
    return entries


@cache
def catalogue_names() -> dict[str, str]:
    """Every shipped certificate name and alias, normalised, to its rulebook id."""
    names: dict[str, str] = {}
    for key, entry in shipped_entries("certificates").items():
        for name in (entry["name"], *entry.get("aliases", [])):
            names[normalised(name)] = key
    return names


def rulebook_ids(pair: dict[str, Any]) -> list[str]:
    """The rulebook certificates a pair's certificate is listed as (empty when unlisted)."""
    names = catalogue_names()
    return sorted({names[form] for form in name_forms(pair["certificate"]["name"])
                   if form in names})


def check(path: Path) -> int:
    used = {form for set_path in SETS.values() for pair in read_pairs(set_path)
            for form in name_forms(pair["certificate"]["name"])}
    pairs = read_pairs(path)
    problems = 0
    for index, pair in enumerate(pairs):
        name = pair["certificate"]["name"]
        found = (["LISTED in the catalogue"] if rulebook_ids(pair) else []) + \
            (["ALREADY USED in an evaluation set"] if name_forms(name) & used else [])
        if found:
            problems += 1
            print(f"pair {index}: {name!r}: " + "; ".join(found))
    print(f"{len(pairs)} pairs, {problems} to replace")
    return 0


def relabel(names: list[str]) -> int:
    for name in names:
        path = SETS[name]
        pairs = read_pairs(path)
        covered = [i for i, pair in enumerate(pairs)
                   if pair["kind"] in UNLISTED and rulebook_ids(pair)]
        lines = path.read_text(encoding="utf-8").split("\n")
        starts = [i for i, line in enumerate(lines) if line.startswith("  - certificate:")]
        if len(starts) != len(pairs):
            raise SystemExit(f"{path}: expected one '  - certificate:' line per pair")
        for i in covered:
            end = starts[i + 1] if i + 1 < len(starts) else len(lines)
            kind = next(j for j in range(starts[i], end)
                        if re.match(r"^    kind: (niche|non_english)\b", lines[j]))
            lines[kind] = re.sub(r"kind: (niche|non_english)", "kind: listed", lines[kind])
        path.write_text("\n".join(lines), encoding="utf-8")
        after = Counter(pair["kind"] for pair in read_pairs(path))
        print(f"{name}: {len(covered)} relabelled listed; now {dict(after)} of {len(pairs)}")
    return 0


def append(new: Path, name: str, comment: str) -> int:
    pairs = read_pairs(new)
    out = ["", f"  # --- {comment} " + "-" * max(3, 90 - len(comment)), ""]
    for pair in pairs:
        if set(pair) != set(KEYS):
            raise SystemExit(f"{new}: a pair needs exactly the keys {', '.join(KEYS)}")
        out += [f"  - certificate: {_flow(pair['certificate'])}",
                f"    role: {_flow(pair['role'])}",
                f"    relevant: {'true' if pair['relevant'] else 'false'}",
                f"    field: {pair['field']}", f"    kind: {pair['kind']}",
                f"    why: {_quoted(pair['why'])}", ""]
    path = SETS[name]
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + "\n".join(out),
                    encoding="utf-8")
    print(f"appended {len(pairs)}; {len(read_pairs(path))} pairs in {name} now")
    return 0


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _flow(mapping: dict[str, Any]) -> str:
    def value(item: Any) -> str:
        if isinstance(item, list):
            return "[" + ", ".join(_quoted(x) for x in item) + "]"
        return _quoted(item)

    return "{" + ", ".join(f"{key}: {value(item)}" for key, item in mapping.items()) + "}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check").add_argument("file", type=Path)
    relabelling = commands.add_parser("relabel")
    relabelling.add_argument("sets", nargs="*", metavar="SET",
                             help=f"of {', '.join(sorted(SETS))} [default: pairs dev holdout]")
    appending = commands.add_parser("append")
    appending.add_argument("file", type=Path)
    appending.add_argument("set", choices=sorted(SETS))
    appending.add_argument("comment")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.file)
    if args.command == "relabel":
        unknown = sorted(set(args.sets) - set(SETS))
        if unknown:
            parser.error(f"no such set: {', '.join(unknown)}")
        return relabel(args.sets or ["pairs", "dev", "holdout"])
    return append(args.file, args.set, args.comment)


if __name__ == "__main__":
    sys.exit(main())
