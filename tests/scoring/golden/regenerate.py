"""Write the golden Reports that tests/scoring/test_golden_reports.py compares against.

Run: .venv/bin/python tests/scoring/golden/regenerate.py

Every fixture whose ``expected.json`` is a Profile (not an expected error) is scored against each
role in ``ROLES`` at ``AS_OF`` with the shipped rulebook; one JSON file per fixture holds its
Reports keyed by role label. Regenerate only when the scorer's judgement or the shipped rulebook
data changes on purpose (never to make a speed change pass), and say so in the commit.
"""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from parser.models import Profile  # noqa: E402
from server.rulebook import load_rulebook  # noqa: E402
from server.scoring import Role, score_profile  # noqa: E402
from tests.fixture_cases import Case, cases  # noqa: E402

GOLDEN = Path(__file__).resolve().parent
AS_OF = datetime.date(2025, 11, 1)
# A technical role, a role far from most fixtures, and no role (the candidate's own direction).
ROLES: dict[str, Role | None] = {
    "data-analyst": Role(title="Data Analyst"),
    "registered-nurse": Role(title="Registered Nurse"),
    "no-role": None,
}


def profile_cases() -> list[Case]:
    """Fixtures whose expected.json is a Profile (the parser's output is pinned by them)."""
    return [case for case in cases() if case.error is None]


def reports(case: Case) -> dict[str, Any]:
    """The Reports of one fixture Profile, by role label (shipped rulebook, fixed ``as_of``)."""
    profile = Profile.from_json(case.expected)
    book = load_rulebook(None)
    return {label: score_profile(profile, role, as_of=AS_OF, rulebook=book).to_json()
            for label, role in ROLES.items()}


def path_of(case: Case) -> Path:
    return GOLDEN / f"{case.name}.json"


def serialise(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def main() -> int:
    written = 0
    for case in profile_cases():
        path_of(case).write_text(serialise(reports(case)), encoding="utf-8")
        written += 1
    print(f"wrote {written} golden files to {GOLDEN}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
