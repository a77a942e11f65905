"""How long scoring takes: a 20-certificate profile, and how the cost grows at 200.

Run: .venv/bin/python benchmarks/score_speed.py [--rules DIR] [--repeat 30]
Prints the median milliseconds to score a 20-certificate profile (catalogue already loaded),
the same as a ratio to a baseline measured in the same run (a JSON round-trip of that Profile:
``json.loads(json.dumps(profile.to_json()))`` plus ``Profile.from_json``), and the ratio of the
200-certificate time to the 20-certificate time (10.0 would be linear growth).
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

from parser.models import Certificate, Person, Position, Profile, Project, Source
from server.rulebook import Rulebook, load_rulebook
from server.scoring import Role, score_profile

AS_OF = datetime.date(2025, 11, 1)
NAMES = [
    ("AWS Certified Solutions Architect – Associate", "Amazon Web Services"),
    ("Microsoft Certified: Power BI Data Analyst Associate", "Microsoft"),
    ("Google Data Analytics Professional Certificate", "Coursera"),
    ("Project Management Professional (PMP)", "Project Management Institute"),
    ("Certified ScrumMaster (CSM)", "Scrum Alliance"),
    ("Tableau Desktop Specialist", "Tableau"),
    ("SQL for Data Science", "Coursera"),
    ("Effective Communication Skills", "LinkedIn Learning"),
    ("Become an Excel Master in 7 Days", "Udemy"),
    ("ServSafe Food Protection Manager", "ServSafe"),
]


def build(n: int) -> Profile:
    certificates = [Certificate(name=f"{NAMES[i % len(NAMES)][0]}" + (f" {i}" if i >= 10 else ""),
                                issuer=NAMES[i % len(NAMES)][1],
                                issued=f"{2016 + i % 9}-{1 + i % 12:02d}",
                                credential_url="https://example.org/verify/EXAMPLE" if i % 3 == 0
                                else None, skills=["SQL", "Python"] if i % 4 == 0 else [])
                    for i in range(n)]
    positions = [Position(title="Data Analyst", company="Northwind Traders", start="2021-03",
                          description="SQL, Power BI and Python reporting for sales."),
                 Position(title="Business Analyst", company="Contoso", start="2017-01",
                          end="2021-02", description="Requirements, Excel models, Tableau.")]
    return Profile(source=Source("html"), person=Person(name="Dana Example",
                                                        headline="Data Analyst"),
                   certificates=certificates, positions=positions,
                   projects=[Project(title="Churn dashboard", description="Tableau and SQL",
                                     start="2023-01")])


def median_ms(action: Callable[[], object], repeat: int) -> float:
    action()  # warm caches (token and phrase lookups) the way a running service has them
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args(argv)
    book: Rulebook = load_rulebook(args.rules)
    role = Role(title="Data Analyst", description="SQL, Power BI, Python; stakeholder reporting.")
    small, large = build(20), build(200)

    def score(profile: Profile) -> Callable[[], object]:
        return lambda: score_profile(profile, role, as_of=AS_OF, rulebook=book)

    def round_trip() -> object:
        return Profile.from_json(json.loads(json.dumps(small.to_json())))

    start = time.perf_counter()
    score(build(1))()
    first = (time.perf_counter() - start) * 1000
    base = median_ms(round_trip, args.repeat)
    t20 = median_ms(score(small), args.repeat)
    t200 = median_ms(score(large), max(5, args.repeat // 5))
    print(f"rulebook: {book.name} ({len(book.certificates)} certificates, "
          f"{len(book.skills)} skills, {len(book.roles)} roles)")
    print(f"first call (builds the catalogue indexes): {first:.1f} ms")
    print(f"baseline  JSON round-trip of the 20-certificate Profile: {base:.3f} ms")
    print(f"score     20 certificates:  {t20:.2f} ms median   ({t20 / base:.1f}x baseline)")
    print(f"score    200 certificates:  {t200:.2f} ms median   ({t200 / t20:.1f}x the 20-"
          "certificate time; 10x is linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
