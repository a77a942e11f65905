"""What an oversized profile costs to score, as a multiple of an ordinary one.

Run:  .venv/bin/python benchmarks/hostile_sizes.py

Scores one fictional 20-certificate profile (the baseline, benchmarks/_profiles.py) and then the
same profile with one part blown up the way a hostile or broken client could within the
service's 20 MB body limit: a pasted page as certificate names, a job title, a company or a job
description, thousands of positions with distinct titles, thousands of certificates. Prints each
one's time and its ratio to the baseline measured in the same run. The scorer reads only so much
of each (server/scoring: certificate.READ_TEXT_LENGTH, role.TITLE_READ_LENGTH, stage.WORK_READ),
so none should cost more than a few hundred baselines; thousands of certificates cost in
proportion to their number (every one is reported). The rulebook's indexes are built first.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._profiles import pool
from parser.models import Profile
from server.rulebook import Rulebook, load_rulebook
from server.scoring import Role, score_profile
from server.scoring.matching import catalogue

AS_OF = datetime.date(2025, 11, 1)
PAGE = "Led cloud migrations with Terraform, Kubernetes and Python for data platforms. "


def _names(profile: dict[str, Any]) -> None:
    for number, cert in enumerate(profile["certificates"][:10]):
        cert["name"] = f"{number} " + PAGE * 350  # ~27 kB each


def _positions(profile: dict[str, Any]) -> None:
    first = profile["positions"][0]
    profile["positions"] = [{**first, "title": f"Platform Engineer {i}"} for i in range(5_000)]


def _certificates(profile: dict[str, Any]) -> None:
    first = profile["certificates"][0]
    profile["certificates"] = [{**first, "name": f"Certificate number {i}"}
                               for i in range(20_000)]


def _set(where: str, key: str) -> Callable[[dict[str, Any]], None]:
    def blow_up(profile: dict[str, Any]) -> None:
        profile[where][0 if where == "positions" else key][key] = PAGE * 25_000  # ~2 MB
    return blow_up


CASES: dict[str, Callable[[dict[str, Any]], None]] = {
    "10 certificate names of 27 kB": _names,
    "a 2 MB job title": _set("positions", "title"),
    "a 2 MB company": _set("positions", "company"),
    "a 2 MB position description": _set("positions", "description"),
    "5 000 positions, distinct titles": _positions,
    "20 000 certificates": _certificates,
}


def _time(book: Rulebook, profile: Profile, role: Role | None, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        score_profile(profile, role, as_of=AS_OF, rulebook=book)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    book = load_rulebook(None)
    catalogue(book)
    sample = pool(1, book, certificates=20, seed=3)[0]
    value = sample.role or {}
    role = Role(title=value.get("title"), description=value.get("description"),
                skills=tuple(value.get("skills") or ()))
    baseline = _time(book, Profile.from_json(sample.profile), role, repeat=20)
    print(f"baseline: a 20-certificate profile, {baseline * 1000:.2f} ms "
          f"({len(json.dumps(sample.profile)) / 1000:.0f} kB)")
    long_job = Role(title=role.title, description=PAGE * 1_250)  # ~100 kB, the API's limit
    cases: list[tuple[str, Profile, Role | None]] = [
        ("a 100 kB job description", Profile.from_json(sample.profile), long_job)]
    for name, blow_up in CASES.items():
        document = copy.deepcopy(sample.profile)
        blow_up(document)
        cases.append((name, Profile.from_json(document), role))
    for name, profile, judged_for in cases:
        size = len(json.dumps({"profile": profile.to_json(),
                               "role": dataclasses.asdict(judged_for) if judged_for else None}
                              )) / 1e6
        took = _time(book, profile, judged_for, repeat=1)
        print(f"  {name:34} request {size:4.1f} MB  {took * 1000:9.1f} ms  "
              f"= {took / baseline:6.0f}x the baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
