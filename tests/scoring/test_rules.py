"""Each rule module on its own: interface, option validation, and its PASS/FAIL examples."""

from __future__ import annotations

import datetime

import pytest

from server.rulebook import RulebookError, load_rulebook
from server.scoring import rules
from server.scoring.certificate import resolve as resolve_cert
from server.scoring.context import Context
from server.scoring.matching import catalogue
from server.scoring.role import Role, resolve
from server.scoring.rules import (
    category,
    claims,
    coherence,
    evidence,
    provider,
    recency,
    relevance,
    stage,
    story,
    view,
    volume,
)
from server.scoring.stage import read_experience
from server.scoring.timeline import month_of
from tests.scoring.conftest import AS_OF, RULEBOOK_DIR, cert, job, profile


def ctx_for(book, prof, title, description=None):
    cat = catalogue(book)
    now = month_of(AS_OF)
    return Context(book=book, cat=cat, as_of=AS_OF, now=now,
                   target=resolve(Role(title=title, description=description), cat), profile=prof,
                   experience=read_experience(prof, cat, now))


def run(book, module, certificate, title, positions=(), description=None):
    prof = profile(certificate, positions=positions)
    ctx = ctx_for(book, prof, title, description)
    view_ = resolve_cert(certificate, 0, ctx.cat)
    return module.evaluate(dict(module.DEFAULT), view_, ctx)


def ids(outcome):
    return {f.id for f in outcome.flags}


@pytest.mark.parametrize("module", list(rules.ALL_RULES.values()), ids=list(rules.ALL_RULES))
def test_rule_interface(module):
    assert module.ID in rules.ALL_RULES and rules.get(module.ID) is module
    assert set(module.DEFAULT) == set(module.CONF)
    assert "PASS" in module.__doc__ and "FAIL" in module.__doc__
    assert callable(module.evaluate)
    assert rules.validate(module.ID, {}) == module.DEFAULT


def test_unknown_rule_id():
    with pytest.raises(ValueError, match="no such rule"):
        rules.get("astrology")


@pytest.mark.parametrize(("rule", "options", "message"), [
    ("recency", {"half-life": 3}, "ruleset.rules.recency: unknown option 'half-life'"),
    ("recency", {"floor": "low"}, "ruleset.rules.recency.floor: expected a number"),
    ("volume", {"top": 2.5}, "ruleset.rules.volume.top: expected an integer"),
    ("stage", {"senior-words": "lead"}, "ruleset.rules.stage.senior-words: expected a list"),
    ("nonsense", {"x": 1}, "ruleset.rules.nonsense: no such rule"),
])
def test_wrong_options_name_rule_and_option(tmp_path, rule, options, message):
    for source in RULEBOOK_DIR.glob("*.yaml"):
        (tmp_path / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    import yaml

    (tmp_path / "ruleset.yaml").write_text(yaml.safe_dump(
        {"ruleset": {"name": "x", "version": "1", "rules": {rule: options}}}), encoding="utf-8")
    with pytest.raises(RulebookError, match=message.replace(".", r"\.")) as raised:
        load_rulebook(tmp_path, include_shipped=False)
    assert raised.value.where.endswith("ruleset.yaml")


def test_relevance_pass_fail(book):
    good = run(book, relevance, cert("Microsoft Certified: Power BI Data Analyst Associate"),
               "Data Analyst")
    bad = run(book, relevance, cert("AWS Certified Cloud Practitioner"), "Cloud Kitchen Manager",
              description="Runs a delivery-only kitchen: menu planning and food safety.")
    assert "relevant" in ids(good) and "off_target" in ids(bad)
    assert relevance.gate(relevance.DEFAULT, 0.0) == relevance.DEFAULT["gate-floor"]
    assert relevance.gate(relevance.DEFAULT, 0.9) == 1.0


def test_recency_pass_fail(book):
    assert "recent" in ids(run(book, recency, cert("Tableau", issued="2025-03"), "Data Analyst"))
    assert "dated" in ids(run(book, recency, cert("AWS Certified Cloud Practitioner",
                                                  issued="2019-03"), "Cloud Engineer"))
    assert "expired" in ids(run(book, recency, cert("CISSP", issued="2020-01",
                                                    expires="2024-06"), "Security Analyst"))


def test_provider_licence_from_a_public_authority_is_not_a_mismatch(book):
    """A CPA or nursing licence is granted by a state board even though a professional body sets
    the exam: the board is the right issuer, not a course site pretending."""
    for authority in ("Illinois Board of Examiners", "Washington State Department of Health",
                      "Ministerio de Educación"):
        outcome = run(book, provider, cert("CPA", authority), "Accountant")
        assert "issuer_mismatch" not in ids(outcome), authority
        assert authority in outcome.note and outcome.value >= 0.8
    # A course site is not an authority: still a mismatch.
    assert "issuer_mismatch" in ids(run(book, provider, cert("CPA", "Example Skills Co"),
                                        "Accountant"))


def test_provider_licence_from_a_listed_licensing_authority_of_its_field():
    """A regulator the rulebook lists (tier licensing_authority) grants licences whose exam
    another body sets, in its own field only; a professional body never does."""
    shipped = load_rulebook()
    nurse = "Registered Nurse (NCLEX-RN)"
    granted = run(shipped, provider, cert(nurse, "Nursing Council of New Zealand"),
                  "Registered Nurse")
    assert "issuer_mismatch" not in ids(granted) and granted.value >= 0.8
    assert "public licensing authority" in granted.note
    # A kind of board stands for every state's: the note names the one on the profile.
    ohio = run(shipped, provider, cert(nurse, "Ohio Board of Nursing"), "Registered Nurse")
    assert "issuer_mismatch" not in ids(ohio) and "Ohio Board of Nursing" in ohio.note
    cpa = run(shipped, provider, cert("CPA", "Illinois State Board of Accountancy"), "Accountant")
    assert "issuer_mismatch" not in ids(cpa) and cpa.value >= 0.8
    # A certification body of the same field is not an authority: still a mismatch.
    assert "issuer_mismatch" in ids(run(shipped, provider, cert(
        nurse, "Pharmacy Technician Certification Board"), "Registered Nurse"))


def test_provider_pass_fail(book):
    assert "well_known_provider" in ids(run(book, provider, cert("CPA", "AICPA"), "Accountant"))
    assert "issuer_mismatch" in ids(run(book, provider, cert(
        "AWS Certified Solutions Architect", "Udemy"), "Cloud Engineer"))
    unknown = run(book, provider, cert("Bookkeeping basics", "Example Skills Co"), "Accountant")
    assert "unknown_provider" in ids(unknown) and unknown.value >= 0.5


def test_category_pass_fail(book):
    assert not ids(run(book, category, cert("CAPM project management"), "Project Manager"))
    assert "soft_skill" in ids(run(book, category, cert("Effective Communication Skills"),
                                   "Project Manager"))


def test_evidence_pass_fail(book):
    tableau = cert("Tableau Desktop Specialist", issued="2023-05")
    good = run(book, evidence, tableau, "Data Analyst",
               (job("Data Analyst", "Northwind Traders", "2024-01"),))
    bad = run(book, evidence, tableau, "Data Analyst", (job("Barista", "Contoso", "2023-01"),))
    old = run(book, evidence, tableau, "Data Analyst",
              (job("Data Analyst", "Northwind Traders", "2010-01", "2015-01"),))
    assert "applied" in ids(good) and "Northwind Traders" in good.note
    assert "not_applied" in ids(bad) and "not_applied" in ids(old)


def test_claims_pass_fail(book):
    assert not ids(run(book, claims, cert("Excel Data Analysis"), "Data Analyst"))
    assert "inflated_claim" in ids(run(book, claims, cert(
        "Become an Excel Master in 7 Days — Guaranteed Results"), "Data Analyst"))
    assert "inflated_claim" in ids(run(book, claims, cert("Excel-Kurs, Erfolg garantiert"),
                                       "Data Analyst"))


def _profile_rule(book, module, prof, title, conf=None):
    from server.scoring.engine import _judge

    ctx = ctx_for(book, prof, title)
    options = rules.options(book)
    scored = [_judge(resolve_cert(c, i, ctx.cat), ctx, options, {"relevance": 1.0})
              for i, c in enumerate(prof.certificates)]
    return module.evaluate(conf or dict(module.DEFAULT), ctx, scored)


def test_stage_pass_fail(book):
    experienced = _profile_rule(book, stage, profile(positions=(
        job("Data Analyst", "Contoso", "2019-01", "2025-06"),)), "Data Analyst")
    entry = _profile_rule(book, stage, profile(positions=(
        job("Data Intern", "Contoso", "2025-03", "2025-08"),)), "Data Analyst")
    senior = _profile_rule(book, stage, profile(positions=(
        job("Director of Finance", "Contoso", "2012-01"),)), "Accountant")
    assert experienced.extra["stage"] == "experienced" and not experienced.flags
    assert entry.extra["stage"] == "entry_level" and entry.flags[0].id == "entry_level"
    assert senior.extra["stage"] == "senior"
    assert senior.extra["weight"] < experienced.extra["weight"] < entry.extra["weight"]


def test_volume_pass_fail(book):
    calm = profile(*[cert("Tableau", issued=f"202{i}-01") for i in range(3)])
    burst = profile(*[cert(f"Course {i}", issued="2025-02") for i in range(12)],
                    positions=(job("Clerk", "Contoso", "2020-01"),))
    assert not _profile_rule(book, volume, calm, "Data Analyst").flags
    assert _profile_rule(book, volume, burst, "Data Analyst").flags[0].id == \
        "credential_collecting"
    assert volume.aggregate(volume.DEFAULT, [80, 80, 80, 80]) == 80
    assert volume.aggregate(volume.DEFAULT, [80]) >= volume.aggregate(volume.DEFAULT, [80, 10])


def test_coherence_pass_fail(book):
    focused = profile(cert("Tableau"), cert("Power BI Data Analyst"), cert("SQL for analysts"))
    scattered = profile(cert("ServSafe Manager"), cert("OSHA 30"), cert("CISSP"), cert("CPA"),
                        cert("SHRM-CP"))
    assert _profile_rule(book, coherence, focused, "Data Analyst").flags[0].id == "focused"
    assert _profile_rule(book, coherence, scattered, "Data Analyst").flags[0].id == "incoherent"


def test_story_pass_fail(book):
    change = profile(cert("Google Data Analytics", issued="2023-06"), positions=(
        job("Data Analyst", "Contoso", "2024-01"), job("Chef", "Fabrikam", "2015-01", "2023-12")))
    deepen = profile(cert("CPA", issued="2021-01"), positions=(
        job("Staff Accountant", "Contoso", "2018-01"),))
    assert _profile_rule(book, story, change, "Data Analyst").flags[0].id == \
        "career_change_supported"
    assert _profile_rule(book, story, deepen, "Accountant").flags[0].id == "deepening"
    assert not _profile_rule(book, story, profile(cert("CPA")), "Accountant").flags


def test_view_pass_fail(book):
    assert not _profile_rule(book, view, profile(cert("CPA")), "Accountant").flags
    partial = profile(cert("CPA"), warnings=("partial view: 3 of 9 certificates were shown",))
    assert _profile_rule(book, view, partial, "Accountant").flags[0].id == "partial_view"


def test_rule_options_change_the_judgement(book):
    prof = profile(cert("Tableau", issued="2024-11"))
    ctx = ctx_for(book, prof, "Data Analyst")
    v = resolve_cert(prof.certificates[0], 0, ctx.cat)
    strict = recency.evaluate({**recency.DEFAULT, "recent-at": 0.9}, v, ctx)
    lenient = recency.evaluate({**recency.DEFAULT, "recent-at": 0.5}, v, ctx)
    assert "recent" not in ids(strict) and "recent" in ids(lenient)


def test_shipped_ruleset_options_are_valid():
    import yaml

    from server.rulebook import SHIPPED

    document = yaml.safe_load((SHIPPED / "ruleset.yaml").read_text(encoding="utf-8"))
    for rule_id, given in document["ruleset"]["rules"].items():
        rules.validate(rule_id, given)
    assert document["ruleset"]["name"] == "certsignal-default"


def test_as_of_month_arithmetic():
    from server.scoring.timeline import label, month_number

    assert month_number("2024-05") - month_number("2023-05") == 12
    assert label(month_number("2024")) == "2024-06"
    assert month_number("garbage") is None
    assert month_of(datetime.date(2025, 1, 31)) == month_number("2025-01")
