"""Shared helpers for the scorer's tests: a small rulebook of our own and profile builders."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from parser.models import Certificate, Person, Position, Profile, Project, Source
from server.rulebook import Rulebook, load_rulebook
from server.scoring import Report, Role, score_profile

RULEBOOK_DIR = Path(__file__).resolve().parent / "rulebook"
AS_OF = datetime.date(2025, 11, 1)


@pytest.fixture(scope="session")
def book() -> Rulebook:
    return load_rulebook(RULEBOOK_DIR, include_shipped=False)


def cert(name: str, issuer: str | None = None, issued: str | None = "2025-01", **kw) -> Certificate:
    return Certificate(name=name, issuer=issuer, issued=issued, **kw)


def job(title: str, company: str, start: str, end: str | None = None,
        description: str | None = None) -> Position:
    return Position(title=title, company=company, start=start, end=end, description=description)


def profile(*certificates: Certificate, positions: tuple[Position, ...] = (),
            projects: tuple[Project, ...] = (), headline: str | None = None,
            warnings: tuple[str, ...] = ()) -> Profile:
    return Profile(source=Source("html", warnings=list(warnings)),
                   person=Person(name="Dana Example", headline=headline),
                   certificates=list(certificates), positions=list(positions),
                   projects=list(projects))


def score(book: Rulebook, prof: Profile, title: str | None = None, **role) -> Report:
    chosen = Role(title=title, **role) if title or role else None
    return score_profile(prof, chosen, as_of=AS_OF, rulebook=book)


def flags(report: Report, index: int = 0) -> set[str]:
    return report.certificate_flags(index)


# An experienced data analyst, used as a neutral background in many tests.
ANALYST = (job("Data Analyst", "Northwind Traders", "2019-01", None,
               "SQL and Power BI dashboards for sales."),)
