"""Each paragraph of the recruiter's reasoning, as relative assertions over fictional profiles."""

from __future__ import annotations

from tests.scoring.conftest import cert, flags, job, profile, score

# --- relevance ---------------------------------------------------------------------------------


def test_relevant_beats_off_target_in_several_fields(book):
    cases = [
        ("Data Analyst", "Microsoft Certified: Power BI Data Analyst Associate",
         "ServSafe Food Protection Manager"),
        ("Registered Nurse", "Basic Life Support (BLS) Provider",
         "Google Ads Search Certification"),
        ("Accountant", "Certified Public Accountant", "OSHA 30-Hour Construction"),
        ("Supply Chain Analyst", "Certified Supply Chain Professional",
         "SHRM Certified Professional"),
        ("HR Generalist", "SHRM Certified Professional", "AWS Certified Cloud Practitioner"),
        ("Kitchen Manager", "ServSafe Food Protection Manager", "CISSP"),
        ("Site Supervisor", "OSHA 30-Hour Construction", "HubSpot Inbound Marketing Certification"),
    ]
    for role, good, bad in cases:
        report = score(book, profile(cert(good), cert(bad)), role)
        assert report.certificates[0].score > report.certificates[1].score, role
        assert "relevant" in flags(report, 0), (role, report.certificates[0].signals)
        assert "off_target" in flags(report, 1), (role, report.certificates[1].signals)


def test_word_overlap_trap_cloud_kitchen(book):
    prof = profile(cert("AWS Certified Cloud Practitioner", "Amazon Web Services"),
                   cert("ServSafe Food Protection Manager", "ServSafe"))
    report = score(book, prof, "Cloud Kitchen Manager",
                   description="Run a delivery-only cloud kitchen brand; food safety first.")
    assert report.role.field == "hospitality"
    assert "off_target" in flags(report, 0)
    assert "relevant" in flags(report, 1)


def test_unknown_certificate_gets_reasoned_relevance(book):
    prof = profile(cert("Tableau and SQL for Reporting Bootcamp", "Fabrikam Academy"),
                   cert("Sourdough Baking Weekend", "Fabrikam Academy"))
    report = score(book, prof, "Data Analyst")
    first = report.certificates[0].signals["relevance"]
    assert first.value > report.certificates[1].signals["relevance"].value
    assert "not in the catalogue" in first.note
    assert "Tableau" in first.note


def test_job_description_and_listed_skills_widen_the_role(book):
    prof = profile(cert("Kubernetes in Production", "Contoso Learning"))
    plain = score(book, prof, "Operations Specialist")
    described = score(book, prof, "Operations Specialist",
                      description="You will run our Kubernetes clusters.")
    listed = score(book, prof, "Operations Specialist", skills=("Kubernetes",))
    assert described.certificates[0].signals["relevance"].value > \
        plain.certificates[0].signals["relevance"].value
    assert "relevant" in flags(listed)


def test_non_english_skill_words(book):
    prof = profile(cert("Certificado en Análisis de Datos", "Universidad Example"))
    report = score(book, prof, "Analista de datos")
    assert "relevant" in flags(report)


# --- recency -----------------------------------------------------------------------------------


def test_recent_beats_old_in_a_fast_field(book):
    prof = profile(cert("Microsoft Certified: Power BI Data Analyst Associate", "Microsoft",
                        "2025-06"),
                   cert("Microsoft Certified: Power BI Data Analyst Associate", "Microsoft",
                        "2017-06"))
    report = score(book, prof, "Data Analyst")
    assert report.certificates[0].score > report.certificates[1].score
    assert "recent" in flags(report, 0) and "dated" in flags(report, 1)
    note = report.certificates[1].signals["recency"].note
    assert "months before 2025-11" in note and "half-life 24 months" in note


def test_old_accounting_certificate_dates_slowly(book):
    prof = profile(cert("Certified Public Accountant", "AICPA", "2017-06"),
                   cert("Microsoft Certified: Power BI Data Analyst Associate", "Microsoft",
                        "2017-06"))
    report = score(book, prof, "Accountant")
    assert report.certificates[0].signals["recency"].value > \
        report.certificates[1].signals["recency"].value
    assert "dated" not in flags(report, 0)


def test_expired_is_flagged_and_said_plainly(book):
    prof = profile(cert("Basic Life Support (BLS) Provider", "American Heart Association",
                        "2022-01", expires="2024-01"),
                   cert("Basic Life Support (BLS) Provider", "American Heart Association",
                        "2024-06", expires="2026-06"))
    report = score(book, prof, "Registered Nurse")
    assert "expired" in flags(report, 0) and "expired" not in flags(report, 1)
    assert "Expired 2024-01" in report.certificates[0].signals["recency"].note
    assert report.certificates[0].score < report.certificates[1].score
    assert report.certificates[0].score <= 60  # relevant, but it certifies nothing current


def test_undated_is_neutral_with_a_note(book):
    report = score(book, profile(cert("Certified Public Accountant", "AICPA", None)), "Accountant")
    recency = report.certificates[0].signals["recency"]
    assert recency.value == 0.5 and "No issue date" in recency.note


# --- provider ----------------------------------------------------------------------------------


def test_well_known_provider_vs_unknown_never_heavily_penalised(book):
    prof = profile(cert("Tableau dashboards", "Microsoft"),
                   cert("Tableau dashboards", "Fabrikam Skills Hub"))
    report = score(book, prof, "Data Analyst")
    known, unknown = report.certificates
    assert "well_known_provider" in flags(report, 0) and "unknown_provider" in flags(report, 1)
    assert known.score > unknown.score
    assert known.score - unknown.score <= 10  # provider matters less than skills
    assert unknown.band == known.band or unknown.score >= 45


def test_issuer_mismatch(book):
    prof = profile(cert("AWS Certified Solutions Architect – Associate", "Udemy"),
                   cert("AWS Certified Solutions Architect – Associate", "Amazon Web Services"),
                   cert("AWS for Beginners", "Udemy"))
    report = score(book, prof, "Cloud Engineer")
    assert "issuer_mismatch" in flags(report, 0)
    assert "Udemy" in report.certificates[0].signals["provider"].note
    assert "issuer_mismatch" not in flags(report, 1) | flags(report, 2)
    assert report.certificates[0].score < report.certificates[1].score


def test_credential_url_domain_identifies_the_issuer(book):
    prof = profile(cert("Power BI Data Analyst", None,
                        credential_url="https://learn.microsoft.com/users/example/1"))
    report = score(book, prof, "Data Analyst")
    assert "well_known_provider" in flags(report) and "verifiable" in flags(report)


# --- category ----------------------------------------------------------------------------------


def test_soft_skill_is_weighed_lightly(book):
    prof = profile(cert("Effective Communication Skills", "LinkedIn Learning"),
                   cert("Project Management Professional", "PMI"))
    report = score(book, prof, "Project Manager")
    soft, hard = report.certificates
    assert soft.category == "soft_skill" and "soft_skill" in flags(report, 0)
    assert hard.category == "technical"
    assert soft.score < hard.score


# --- evidence ----------------------------------------------------------------------------------


def test_applied_beats_not_applied_and_names_the_company(book):
    pl300 = cert("Microsoft Certified: Power BI Data Analyst Associate", "Microsoft", "2023-05")
    applied = score(book, profile(pl300, positions=(
        job("BI Analyst", "Northwind Traders", "2024-01", None, "Power BI reporting"),)),
        "Data Analyst")
    unapplied = score(book, profile(pl300, positions=(
        job("Barista", "Contoso Coffee", "2023-01", None, "Espresso and guest service"),)),
        "Data Analyst")
    assert "applied" in flags(applied) and "not_applied" in flags(unapplied)
    note = applied.certificates[0].signals["evidence"].note
    assert "Northwind Traders" in note and "BI Analyst" in note and "2024–" in note
    assert applied.certificates[0].score > unapplied.certificates[0].score


def test_projects_count_as_evidence(book):
    from parser.models import Project

    prof = profile(cert("Google Data Analytics Professional Certificate", "Coursera", "2024-02"),
                   projects=(Project(title="Sales dashboard", description="Tableau and SQL",
                                     start="2024-06"),))
    report = score(book, prof, "Data Analyst")
    assert "applied" in flags(report)
    assert "Sales dashboard" in report.certificates[0].signals["evidence"].note


def test_no_positions_no_not_applied_flag(book):
    report = score(book, profile(cert("Certified Public Accountant", "AICPA")), "Accountant")
    assert "not_applied" not in flags(report) and "applied" not in flags(report)


def test_verifiable(book):
    report = score(book, profile(cert("Certified Public Accountant", "AICPA",
                                      credential_url="https://example.org/verify/EXAMPLE-42"),
                                 cert("Certified Public Accountant", "AICPA")), "Accountant")
    assert "verifiable" in flags(report, 0) and "verifiable" not in flags(report, 1)
    assert report.certificates[0].score >= report.certificates[1].score


# --- claims ------------------------------------------------------------------------------------


def test_inflated_claim(book):
    prof = profile(cert("Power BI Mastery: Guaranteed Job in 30 Days", "Fabrikam Academy"),
                   cert("Power BI Reporting Essentials", "Fabrikam Academy"),
                   cert("Power BI Experto en 10 días", "Fabrikam Academy"))
    report = score(book, prof, "Data Analyst")
    assert "inflated_claim" in flags(report, 0) and "inflated_claim" not in flags(report, 1)
    assert "inflated_claim" in flags(report, 2)
    assert report.certificates[0].signals["claims"].value < 0.5
    assert report.certificates[0].score < report.certificates[1].score
