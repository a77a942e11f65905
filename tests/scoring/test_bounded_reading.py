"""What the scorer reads of text too long to be what it claims to be, and of too many entries.

A pasted page in a certificate's name, a job title or a company, thousands of positions, a
hundred-kilobyte job description: each is read in part (and said so with "…" where it is
quoted), so a request costs about what a real profile costs and no memo keeps the excess.
Reports still give each certificate as the profile does. No timings are asserted: what is
checked is what gets read and kept.
"""

from __future__ import annotations

import dataclasses
import datetime
from typing import Any

import pytest

from parser.models import Certificate, Profile
from server.rulebook import Rulebook, load_rulebook
from server.scoring import Role, matching, score_profile
from server.scoring.certificate import (
    READ_SKILL_LENGTH,
    READ_SKILLS,
    READ_TEXT_LENGTH,
    host_of,
    readable,
)
from server.scoring.matching import catalogue, cut
from server.scoring.role import (
    MEMOISED_DESCRIPTION_LENGTH,
    ROLE_SKILLS_READ,
    TITLE_READ_LENGTH,
)
from server.scoring.role import resolve as resolve_role
from server.scoring.stage import WORK_READ

AS_OF = datetime.date(2025, 11, 1)
PASTED_PAGE = "Led cloud migrations with Terraform and Python for data platforms. " * 30_000


@pytest.fixture(scope="module")
def shipped() -> Rulebook:
    return load_rulebook(None)


def _profile(*certificates: Certificate, positions: list[Any] | None = None) -> Profile:
    return Profile.from_json({"source": {"format": "json-resume", "layout": None, "warnings": []},
                              "certificates": [dataclasses.asdict(c) for c in certificates],
                              "positions": positions or []})


def _memo_keys(cat: matching.Catalogue) -> list[Any]:
    """Every key the catalogue's memo tables hold."""
    return [key for table in cat._tables.values() for key in table]


def _longest_text(value: Any) -> int:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, tuple | list | frozenset):
        return max((_longest_text(v) for v in value), default=0)
    return 0


def test_long_titles_and_job_descriptions_are_not_kept(shipped: Rulebook) -> None:
    from server.scoring import role as role_module
    from server.scoring import stage

    cat = catalogue(shipped)
    cat.clear_memos()

    def kept(function: Any) -> int:
        cached = cat._memos.get(function)
        return 0 if cached is None else cached.cache_info().currsize

    long_title = "Cloud engineer " * 200  # a bare title too long to be only a job's name
    long_job = Role(title="Data Engineer", description="Pipelines in Python. " * 2_000)
    assert len(long_job.description or "") > MEMOISED_DESCRIPTION_LENGTH
    score_profile(_profile(positions=[{"title": long_title, "company": "Contoso"}]), long_job,
                  as_of=AS_OF, rulebook=shipped)
    assert kept(stage._reading) == kept(role_module._resolve) == 0
    assert max(map(_longest_text, _memo_keys(cat)), default=0) <= TITLE_READ_LENGTH + 1
    # Ordinary ones are kept, as before.
    score_profile(_profile(positions=[{"title": "Cloud Engineer", "company": "Contoso"}]),
                  Role(title="Data Engineer", description="Pipelines in Python."),
                  as_of=AS_OF, rulebook=shipped)
    assert kept(stage._reading) == kept(role_module._resolve) == 1


def test_an_endless_certificate_is_read_in_part_and_reported_whole(shipped: Rulebook) -> None:
    """A pasted page as a certificate name costs no more than a long name, and no memo keeps it."""
    cat = catalogue(shipped)
    cat.clear_memos()
    endless = "AWS Certified Solutions Architect – Associate " + "and more words " * 20_000
    cert = Certificate(name=endless, issuer="Amazon Web Services " * 5_000,
                       skills=[f"skill {i} " * 50 for i in range(500)])
    read = readable(cert)
    assert len(read.name) <= READ_TEXT_LENGTH + 1 and read.name.endswith("\u2026")
    assert read.name.startswith("AWS Certified Solutions Architect – Associate and more")
    assert len(read.skills) == READ_SKILLS
    assert max(map(len, read.skills)) <= READ_SKILL_LENGTH + 1
    role = Role(title="Cloud Architect")
    report = score_profile(_profile(cert), role, as_of=AS_OF, rulebook=shipped)
    assert report.certificates[0].name == endless          # reported as the profile gives it
    assert max(map(_longest_text, _memo_keys(cat))) <= READ_TEXT_LENGTH + 1
    # What was read is all that counts: the cut certificate scores the same.
    cut = score_profile(_profile(read), role, as_of=AS_OF, rulebook=shipped)
    assert report.certificates[0].score == cut.certificates[0].score
    assert report.certificates[0].signals == cut.certificates[0].signals


def test_a_certificate_of_ordinary_length_is_read_whole() -> None:
    cert = Certificate(name="Microsoft Certified: Dynamics 365 Finance and Operations Apps "
                            "Solution Architect Expert", issuer="Microsoft", skills=["ERP"])
    assert readable(cert) is cert


def test_thousands_of_positions_are_read_as_the_first_hundred(shipped: Rulebook) -> None:
    positions = [{"title": f"Platform Engineer {i}", "company": "Contoso",
                  "start": f"{2024 - i // 12:04d}-{12 - i % 12:02d}", "end": None if i == 0 else
                  f"{2024 - (i - 1) // 12:04d}-{12 - (i - 1) % 12:02d}"} for i in range(5_000)]
    cert = Certificate(name="HashiCorp Certified: Terraform Associate", issuer="HashiCorp")
    role = Role(title="Cloud Engineer")
    every = score_profile(_profile(cert, positions=positions), role, as_of=AS_OF,
                          rulebook=shipped)
    first = score_profile(_profile(cert, positions=positions[:WORK_READ]), role, as_of=AS_OF,
                          rulebook=shipped)
    assert every.to_json() == first.to_json()


@pytest.mark.parametrize("where", ["title", "company", "headline", "certificate"])
def test_a_pasted_page_is_quoted_in_part(shipped: Rulebook, where: str) -> None:
    positions = [{"title": "Cloud Engineer", "company": "Contoso", "start": "2022-01"}]
    cert = Certificate(name="Certified Kubernetes Administrator (CKA)",
                       issuer="The Linux Foundation")
    if where == "certificate":
        cert = dataclasses.replace(cert, name=PASTED_PAGE)
    elif where == "headline":
        positions = []
    else:
        positions[0][where] = PASTED_PAGE
    profile = _profile(cert, positions=positions)
    if where == "headline":
        profile.person.headline = PASTED_PAGE
    report = score_profile(profile, None, as_of=AS_OF, rulebook=shipped)  # own direction
    sentences = [report.summary.headline, *report.summary.narrative,
                 *(signal.note for c in report.certificates for signal in c.signals.values())]
    assert max(map(len, sentences)) < 2 * TITLE_READ_LENGTH + 500
    assert any("\u2026" in sentence for sentence in sentences)
    assert report.certificates[0].name == cert.name


def test_a_job_ad_with_thousands_of_skills_is_read_as_its_first_hundred(
        shipped: Rulebook) -> None:
    skills = ("Python", "SQL", *(f"Made-up skill number {i}" for i in range(5_000)))
    endless = Role(title="Data Engineer " * 100, skills=skills)
    read = Role(title=cut("Data Engineer " * 100, TITLE_READ_LENGTH),
                skills=skills[:ROLE_SKILLS_READ])
    cat = catalogue(shipped)
    target = resolve_role(endless, cat)
    assert target.key is not None and target.key[0] == read  # what a memo keeps
    profile = _profile(Certificate(name="Google Cloud Professional Data Engineer",
                                   issuer="Google Cloud"))
    assert score_profile(profile, endless, as_of=AS_OF, rulebook=shipped).to_json() == \
        score_profile(profile, read, as_of=AS_OF, rulebook=shipped).to_json()


def test_a_credential_link_with_an_impossible_host_names_no_domain() -> None:
    assert host_of("https://www.credly.com/badges/x") == "www.credly.com"
    assert host_of("https://" + "a" * 250 + ".com/badge") is None
    assert host_of("credly." + "b" * 300) is None
