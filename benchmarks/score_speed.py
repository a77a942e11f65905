"""How long scoring takes: 20-certificate profiles, cold and warm, and how the cost grows at 200.

Run: .venv/bin/python benchmarks/score_speed.py [--rules DIR] [--profiles 50] [--repeat 3]
Scores a pool of distinct, realistic fictional profiles (benchmarks/_profiles.py: catalogue and
unlisted certificate names, varied positions and roles) with the catalogue indexes already built,
and prints the median milliseconds per profile:
- cold: every memo of the scorer emptied before each profile (nothing seen before);
- warm: after one pass over the pool, as a running service is (names and roles recur, profiles
  do not repeat within a pass);
each also as a ratio to a baseline measured in the same run (a JSON round-trip of the same
Profile: ``json.loads(json.dumps(profile.to_json()))`` plus ``Profile.from_json``); then the ratio
of the 200-certificate time to the 20-certificate time (10.0 would be linear growth).
"""

from __future__ import annotations

import argparse
import datetime
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._profiles import Request, pool
from parser.models import Profile
from server.rulebook import Rulebook, load_rulebook
from server.scoring import Role, score_profile
from server.scoring.matching import catalogue, clear_text_caches

AS_OF = datetime.date(2025, 11, 1)
Job = tuple[Profile, Role | None]


def jobs(requests: list[Request]) -> list[Job]:
    def role(value: dict[str, object] | None) -> Role | None:
        if value is None:
            return None
        skills = value.get("skills") or ()
        return Role(title=value.get("title"), description=value.get("description"),  # type: ignore[arg-type]
                    skills=tuple(skills))  # type: ignore[arg-type]

    return [(Profile.from_json(r.profile), role(r.role)) for r in requests]


def forget(book: Rulebook) -> None:
    """Empty every memo the scorer keeps (the catalogue's, and the text helpers')."""
    catalogue(book).clear_memos()
    clear_text_caches()


def median_ms(work: list[Job], action: Callable[[Job], object], repeat: int,
              before: Callable[[], None] | None = None) -> float:
    """Median over every job and repetition of one call's time, ``before`` run untimed."""
    times = []
    for _ in range(repeat):
        for job in work:
            if before is not None:
                before()
            start = time.perf_counter()
            action(job)
            times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", type=Path, default=None)
    parser.add_argument("--profiles", type=int, default=50, help="distinct 20-certificate ones")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the pool")
    args = parser.parse_args(argv)
    book: Rulebook = load_rulebook(args.rules)
    small = jobs(pool(args.profiles, book, certificates=20))
    large = jobs(pool(max(3, args.profiles // 10), book, certificates=200, seed=7))

    def score(job: Job) -> object:
        return score_profile(job[0], job[1], as_of=AS_OF, rulebook=book)

    def round_trip(job: Job) -> object:
        return Profile.from_json(json.loads(json.dumps(job[0].to_json())))

    start = time.perf_counter()
    catalogue(book)
    first = (time.perf_counter() - start) * 1000
    base = median_ms(small, round_trip, args.repeat)
    cold = median_ms(small, score, args.repeat, before=lambda: forget(book))
    cold200 = median_ms(large, score, 1, before=lambda: forget(book))
    for job in small + large:  # one pass: what a running service has seen
        score(job)
    warm = median_ms(small, score, args.repeat)
    warm200 = median_ms(large, score, args.repeat)
    print(f"rulebook: {book.name} ({len(book.certificates)} certificates, "
          f"{len(book.skills)} skills, {len(book.roles)} roles)")
    print(f"catalogue indexes built once per rulebook: {first:.1f} ms")
    print(f"pool: {len(small)} distinct 20-certificate profiles, {len(large)} of 200")
    print(f"baseline  JSON round-trip of a 20-certificate Profile: {base:.3f} ms median")
    for name, t20, t200 in (("cold", cold, cold200), ("warm", warm, warm200)):
        print(f"score {name}  20 certificates: {t20:6.2f} ms median ({t20 / base:5.1f}x baseline)"
              f"   200: {t200:6.2f} ms ({t200 / t20:.1f}x the 20-certificate time; 10x is "
              "linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
