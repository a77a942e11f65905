"""The issuer and certificate catalogue (server/rulebook/data/issuers.yaml, certificates/*.yaml).

These hold the catalogue to the floors of issue 3 and to the properties the scorer relies on:
names and aliases resolve to exactly one entry, a certificate's field is one its issuer is
known in, badge hosts are never mistaken for issuers, and well-known credentials carry the
validity a recruiter would expect.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest

from server.rulebook import load_rulebook
from server.rulebook.schema import ASSESSMENTS, LEVELS, TIERS

# The domains the issue names, each as the fields that make it up.
DOMAINS: dict[str, set[str]] = {
    "cloud": {"cloud_computing", "devops"},
    "data": {"data_analytics", "data_engineering", "data_science", "databases"},
    "security": {"cybersecurity"},
    "software": {"software_engineering", "web_development", "mobile_development",
                 "quality_assurance"},
    "project management": {"project_management"},
    "product management": {"product_management"},
    "agile": {"agile"},
    "marketing and advertising": {"digital_marketing", "marketing"},
    "design and UX": {"ux_design", "graphic_design"},
    "sales and CRM": {"sales", "customer_success"},
    "finance": {"finance"},
    "accounting": {"accounting"},
    "human resources": {"human_resources"},
    "healthcare": {"healthcare", "health_informatics"},
    "supply chain": {"supply_chain"},
    "soft skills": {"soft_skills"},
}
MIN_PER_DOMAIN = 3

# Hosts that serve badges for many organisations: never evidence of one issuer.
BADGE_HOSTS = ("credly.com", "youracclaim.com", "accredible.com", "credential.net", "badgr.com",
               "badgr.io", "openbadges.org", "certifier.io")
HOSTNAME = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


@pytest.fixture(scope="module")
def book() -> Any:
    return load_rulebook()


@pytest.fixture(scope="module")
def certificate_by_alias(book: Any) -> dict[str, str]:
    index: dict[str, str] = {}
    for key, entry in book.certificates.items():
        for text in (entry["name"], *entry.get("aliases", [])):
            index.setdefault(_norm(text), key)
    return index


@pytest.fixture(scope="module")
def issuer_by_alias(book: Any) -> dict[str, str]:
    index: dict[str, str] = {}
    for key, entry in book.issuers.items():
        for text in (entry["name"], *entry.get("aliases", [])):
            index.setdefault(_norm(text), key)
    return index


def test_floors(book: Any) -> None:
    assert len(book.issuers) >= 80, len(book.issuers)
    assert len(book.certificates) >= 200, len(book.certificates)


def test_every_tier_is_used(book: Any) -> None:
    used = Counter(entry["tier"] for entry in book.issuers.values())
    assert set(TIERS) <= set(used), f"unused tiers: {set(TIERS) - set(used)}"


def test_every_assessment_and_level_is_used(book: Any) -> None:
    assessments = {entry["assessment"] for entry in book.certificates.values()}
    levels = {entry.get("level") for entry in book.certificates.values()}
    assert set(ASSESSMENTS) <= assessments, set(ASSESSMENTS) - assessments
    assert set(LEVELS) <= levels, set(LEVELS) - levels


@pytest.mark.parametrize("domain", sorted(DOMAINS))
def test_each_domain_of_the_issue_is_covered(book: Any, domain: str) -> None:
    fields = DOMAINS[domain]
    held = [key for key, entry in book.certificates.items() if entry["field"] in fields]
    assert len(held) >= MIN_PER_DOMAIN, f"{domain}: only {held}"


def test_certificate_names_and_aliases_are_unambiguous(book: Any) -> None:
    owners: dict[str, set[str]] = {}
    for key, entry in book.certificates.items():
        for text in (entry["name"], *entry.get("aliases", [])):
            owners.setdefault(_norm(text), set()).add(key)
    clashes = {text: sorted(keys) for text, keys in owners.items() if len(keys) > 1}
    assert not clashes, clashes


def test_issuer_names_and_aliases_are_unambiguous(book: Any) -> None:
    owners: dict[str, set[str]] = {}
    for key, entry in book.issuers.items():
        for text in (entry["name"], *entry.get("aliases", [])):
            owners.setdefault(_norm(text), set()).add(key)
    clashes = {text: sorted(keys) for text, keys in owners.items() if len(keys) > 1}
    assert not clashes, clashes


def test_certificate_field_is_one_its_issuer_is_known_in(book: Any) -> None:
    wrong = {
        key: (entry["issuer"], entry["field"])
        for key, entry in book.certificates.items()
        if entry["field"] not in book.issuers[entry["issuer"]]["fields"]
    }
    assert not wrong, wrong


def test_certificates_name_two_to_eight_known_skills(book: Any) -> None:
    wrong = {key: len(entry["skills"]) for key, entry in book.certificates.items()
             if not 2 <= len(entry["skills"]) <= 8}
    assert not wrong, wrong


def test_no_certificate_is_attributed_to_a_badge_host(book: Any) -> None:
    unknown = {key for key, entry in book.issuers.items() if entry["tier"] == "unknown"}
    attributed = {key: entry["issuer"] for key, entry in book.certificates.items()
                  if entry["issuer"] in unknown}
    assert not attributed, attributed


def test_issuer_domains_are_bare_hostnames_and_never_badge_hosts(book: Any) -> None:
    owners: dict[str, set[str]] = {}
    for key, entry in book.issuers.items():
        for host in entry.get("domains", []):
            assert HOSTNAME.match(host), f"{key}: {host!r} is not a bare hostname"
            assert not any(host == bad or host.endswith("." + bad) for bad in BADGE_HOSTS), \
                f"{key}: {host} is a badge host"
            owners.setdefault(host, set()).add(key)
    shared = {host: sorted(keys) for host, keys in owners.items() if len(keys) > 1}
    assert not shared, shared


def test_soft_skill_courses_are_recognisable_as_soft(book: Any) -> None:
    # The scorer weighs soft-skill certificates as supplementary by their skills' category.
    missing = [key for key, entry in book.certificates.items()
               if entry["field"] == "soft_skills"
               and not any(book.skills[s]["category"] == "soft" for s in entry["skills"])]
    assert not missing, missing


def test_technical_certificates_name_a_technical_skill(book: Any) -> None:
    missing = [key for key, entry in book.certificates.items()
               if entry["field"] != "soft_skills"
               and not any(book.skills[s]["category"] == "technical" for s in entry["skills"])]
    assert not missing, missing


@pytest.mark.parametrize(("alias", "expected"), [
    ("AZ-104", "azure_administrator_associate"),
    ("SAA-C03", "aws_solutions_architect_associate"),
    ("AWS Certified Solutions Architect – Associate", "aws_solutions_architect_associate"),
    ("Microsoft Certified: Azure Administrator Associate", "azure_administrator_associate"),
    ("CompTIA Sec+", "comptia_security_plus"),
    ("pmp", "pmp"),
    ("CISSP", "cissp"),
    ("CSM", "csm"),
    ("PSM I", "psm_1"),
    ("CKA", "cka"),
    ("DP-203", "azure_data_engineer_associate"),
    ("CASP+", "comptia_securityx"),
    ("SHRM-CP", "shrm_cp"),
    ("BLS", "aha_bls"),
    ("CIPP/E", "cipp_e"),
    ("GA4 Certification", "google_analytics_certification"),
    ("CPA-20", "anbima_cpa_20"),
    ("AdA-Schein", "ihk_ada"),
])
def test_common_aliases_resolve(certificate_by_alias: dict[str, str], alias: str,
                                expected: str) -> None:
    assert certificate_by_alias.get(_norm(alias)) == expected


@pytest.mark.parametrize(("alias", "expected"), [
    ("AWS", "aws"),
    ("(ISC)²", "isc2"),
    ("ISC2", "isc2"),
    ("AXELOS", "peoplecert"),
    ("PeopleCert", "peoplecert"),
    ("APICS", "ascm"),
    ("Trailhead", "salesforce"),
    ("Lynda.com", "linkedin_learning"),
    ("HarvardX", "harvard"),
])
def test_issuer_aliases_resolve(issuer_by_alias: dict[str, str], alias: str,
                                expected: str) -> None:
    assert issuer_by_alias.get(_norm(alias)) == expected


@pytest.mark.parametrize(("key", "months"), [
    ("aws_solutions_architect_associate", 36),
    ("comptia_security_plus", 36),
    ("pmp", 36),
    ("cissp", 36),
    ("aha_bls", 24),
    ("csm", 24),
    ("azure_administrator_associate", 12),
    ("azure_fundamentals", None),
    ("psm_1", None),
    ("cfa_charter", None),
    ("google_ads_search", 12),
])
def test_well_known_validity(book: Any, key: str, months: int | None) -> None:
    assert book.certificates[key]["validity_months"] == months


def test_issuers_of_known_credentials(book: Any) -> None:
    expected = {"pmp": "pmi", "cissp": "isc2", "ccna": "cisco", "cfa_charter": "cfa_institute",
                "itil_4_foundation": "peoplecert", "shrm_cp": "shrm", "cscp": "ascm",
                "aha_bls": "american_heart_association", "psm_1": "scrum_org",
                "csm": "scrum_alliance"}
    got = {key: book.certificates[key]["issuer"] for key in expected}
    assert got == expected
