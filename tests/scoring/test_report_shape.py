"""The Report matches the DESIGN.md contract, is deterministic and explains itself."""

from __future__ import annotations

import json

import pytest

from server.scoring import Role, score_profile
from server.scoring.report import BANDS, CERTIFICATE_FLAGS, PROFILE_FLAGS, SIGNALS, STAGES, Flag
from tests.scoring.conftest import ANALYST, AS_OF, cert, profile, score

TOP = {"as_of", "ruleset", "role", "candidate", "summary", "certificates"}
CERT_KEYS = {"index", "locator", "name", "issuer", "score", "band", "category", "field",
             "signals", "flags", "badge"}


def _sample():
    return profile(
        cert("Google Data Analytics Professional Certificate", "Coursera", "2024-03",
             locator="/html/body/li[1]"),
        cert("AWS Certified Cloud Practitioner", "AWS", "2019-03", credential_id="EXAMPLE-1"),
        cert("Become an Excel Master in 7 Days", "Udemy", "2025-05"),
        positions=ANALYST)


def test_shape_matches_the_contract(book):
    data = score(book, _sample(), "Data Analyst").to_json()
    assert set(data) == TOP
    assert data["as_of"] == "2025-11-01"
    assert data["ruleset"] == "certsignal-test@0.1"
    assert set(data["role"]) == {"title", "field", "skills"}
    assert set(data["candidate"]) == {"stage", "fields", "direction"}
    assert data["candidate"]["stage"] in STAGES
    summary = data["summary"]
    assert set(summary) == {"score", "band", "headline", "narrative", "flags"}
    assert 0 <= summary["score"] <= 100 and summary["band"] in BANDS
    assert summary["narrative"][-1].startswith("This is advice for a person")
    assert all(f["id"] in PROFILE_FLAGS for f in summary["flags"])
    for i, item in enumerate(data["certificates"]):
        assert set(item) == CERT_KEYS
        assert item["index"] == i
        assert set(item["signals"]) == set(SIGNALS)
        assert all(0 <= s["value"] <= 1 and s["note"] for s in item["signals"].values())
        assert all(f["id"] in CERTIFICATE_FLAGS for f in item["flags"])
        assert item["category"] in ("technical", "soft_skill")
        assert item["badge"]
    assert data["certificates"][0]["locator"] == "/html/body/li[1]"
    json.dumps(data)  # serialisable as is


def test_deterministic(book):
    first = json.dumps(score(book, _sample(), "Data Analyst").to_json(), sort_keys=False)
    for _ in range(3):
        assert json.dumps(score(book, _sample(), "Data Analyst").to_json()) == first


def test_as_of_defaults_to_today(book):
    import datetime

    report = score_profile(_sample(), Role(title="Data Analyst"), rulebook=book)
    assert report.as_of == datetime.date.today().isoformat()


def test_unknown_flag_id_is_refused():
    with pytest.raises(ValueError, match="unknown flag"):
        Flag("great_certificate", "…")


def test_hostile_and_empty_text_does_not_crash(book):
    weird = profile(cert("<script>alert(1)</script>", "", None), cert("   ", None, "not a date"),
                    cert("Ω" * 5000, "💥", "1899-13"))
    report = score(book, weird, "Data Analyst", description="")
    assert len(report.certificates) == 3
    assert report.to_json()["certificates"][0]["name"] == "<script>alert(1)</script>"


def test_as_of_is_used(book):
    early = score_profile(_sample(), Role(title="Data Analyst"), as_of=AS_OF.replace(year=2024),
                          rulebook=book)
    late = score(book, _sample(), "Data Analyst")
    assert early.certificates[0].signals["recency"].value > \
        late.certificates[0].signals["recency"].value


def _profiles():
    from hypothesis import strategies as st

    from parser.models import Certificate, Person, Position, Profile, Source

    text = st.one_of(st.none(), st.text(max_size=40))
    date = st.one_of(st.none(), st.sampled_from(["2019", "2024-05", "2031-01", "1999-12", "x"]))
    certificate = st.builds(Certificate, name=st.text(max_size=60), issuer=text, issued=date,
                            expires=date, credential_url=text,
                            skills=st.lists(st.text(max_size=15), max_size=3))
    position = st.builds(Position, title=text, company=text, start=date, end=date,
                         description=text)
    return st.builds(Profile, source=st.just(Source("html")),
                     person=st.builds(Person, headline=text),
                     certificates=st.lists(certificate, max_size=6),
                     positions=st.lists(position, max_size=4))


def test_any_profile_scores_within_bounds_and_deterministically(book):
    from hypothesis import HealthCheck, given, settings

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_profiles())
    def check(prof):
        first = score(book, prof, "Data Analyst").to_json()
        assert first == score(book, prof, "Data Analyst").to_json()
        assert 0 <= first["summary"]["score"] <= 100
        assert all(0 <= c["score"] <= 100 for c in first["certificates"])
        assert len(first["certificates"]) == len(prof.certificates)
        score(book, prof)  # and without a role

    check()
