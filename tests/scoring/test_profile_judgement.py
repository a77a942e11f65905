"""Profile-level reasoning: volume, coherence, story, stage, direction, visibility."""

from __future__ import annotations

from tests.scoring.conftest import ANALYST, cert, job, profile, score

PL300 = "Microsoft Certified: Power BI Data Analyst Associate"
UNRELATED = ["ServSafe Food Protection Manager", "OSHA 30-Hour Construction",
             "Basic Life Support (BLS) Provider", "Certified Supply Chain Professional",
             "SHRM Certified Professional", "CISSP", "Google Ads Search Certification",
             "HubSpot Inbound Marketing Certification", "Project Management Professional"]


def test_credential_collecting_is_flagged_and_never_raises_the_score(book):
    few = profile(cert(PL300, "Microsoft", "2025-02"), positions=ANALYST)
    many = profile(cert(PL300, "Microsoft", "2025-02"),
                   *[cert(name, None, "2025-0" + str(1 + i % 3)) for i, name in
                     enumerate(UNRELATED)], positions=ANALYST)
    base, collected = score(book, few, "Data Analyst"), score(book, many, "Data Analyst")
    assert "credential_collecting" in collected.flag_ids
    assert "credential_collecting" not in base.flag_ids
    assert collected.summary.score <= base.summary.score


def test_equal_certificates_do_not_add_up(book):
    one = profile(cert(PL300, "Microsoft", "2025-02"), positions=ANALYST)
    three = profile(*[cert(PL300, "Microsoft", "2025-02") for _ in range(3)], positions=ANALYST)
    assert score(book, three, "Data Analyst").summary.score <= \
        score(book, one, "Data Analyst").summary.score + 4  # at most the "focused" bonus


def test_burst_is_credential_collecting(book):
    burst = profile(*[cert(f"Power BI module {i}", "Fabrikam Academy", "2025-03")
                      for i in range(7)], positions=ANALYST)
    report = score(book, burst, "Data Analyst")
    assert "credential_collecting" in report.flag_ids
    assert "within 3 months" in next(f.message for f in report.summary.flags
                                     if f.id == "credential_collecting")


def test_focused_vs_incoherent(book):
    focused = profile(cert(PL300, "Microsoft"), cert("Google Data Analytics", "Google"),
                      cert("Tableau reporting", "Fabrikam Academy"), positions=ANALYST)
    scattered = profile(cert("ServSafe Food Protection Manager"),
                        cert("OSHA 30-Hour Construction"), cert("CISSP"),
                        cert("Certified Public Accountant"), cert("SHRM Certified Professional"),
                        positions=ANALYST)
    a, b = score(book, focused, "Data Analyst"), score(book, scattered, "Data Analyst")
    assert "focused" in a.flag_ids and "incoherent" not in a.flag_ids
    assert "incoherent" in b.flag_ids and "focused" not in b.flag_ids
    assert a.summary.score > b.summary.score


def test_career_change_supported(book):
    prof = profile(cert("Google Data Analytics Professional Certificate", "Coursera", "2023-06"),
                   positions=(job("Data Analyst", "Contoso", "2024-02"),
                              job("Store Manager", "Northwind Traders", "2015-01", "2024-01")))
    report = score(book, prof, "Data Analyst")
    assert report.candidate.stage == "career_changer"
    assert "career_change_supported" in report.flag_ids
    message = next(f.message for f in report.summary.flags if f.id == "career_change_supported")
    assert "Contoso" in message and "2023-06" in message


def test_career_change_in_preparation(book):
    prof = profile(cert("Certified Supply Chain Professional", "ASCM", "2025-01"),
                   positions=(job("Registered Nurse", "Fabrikam Health", "2014-01"),))
    report = score(book, prof, "Supply Chain Analyst")
    assert "career_change_supported" in report.flag_ids
    assert report.candidate.stage == "career_changer"


def test_deepening(book):
    prof = profile(cert("Certified Public Accountant", "AICPA", "2021-05"),
                   positions=(job("Staff Accountant", "Northwind Traders", "2018-01"),))
    report = score(book, prof, "Senior Accountant")
    assert "deepening" in report.flag_ids and "career_change_supported" not in report.flag_ids


def test_entry_level_weighs_certificates_more(book):
    certificate = cert("Google Data Analytics Professional Certificate", "Coursera", "2025-04")
    entry = score(book, profile(certificate, positions=(
        job("Data Intern", "Contoso", "2025-05", "2025-09", "SQL reports"),)), "Data Analyst")
    experienced = score(book, profile(certificate, positions=(
        job("Data Analyst", "Contoso", "2019-01", None, "SQL reports"),)), "Data Analyst")
    assert entry.candidate.stage == "entry_level" and "entry_level" in entry.flag_ids
    assert experienced.candidate.stage == "experienced"
    assert entry.certificates[0].score <= experienced.certificates[0].score + 1
    # the same certificate moves the summary further from neutral for the entry-level candidate
    assert abs(entry.summary.score - 50) > abs(experienced.summary.score - 50)


def test_senior_with_few_certificates_is_not_penalised(book):
    senior_jobs = (job("Head of Accounting", "Fabrikam", "2016-01", None, "Financial reporting"),
                   job("Accountant", "Contoso", "2008-01", "2015-12", "Auditing and tax"))
    none = score(book, profile(positions=senior_jobs), "Accountant")
    one = score(book, profile(cert("Certified Public Accountant", "AICPA", "2010-03"),
                              positions=senior_jobs), "Accountant")
    five = score(book, profile(*[cert("Certified Public Accountant", "AICPA", "2010-03")] * 5,
                               positions=senior_jobs), "Accountant")
    assert one.candidate.stage == "senior"
    assert one.summary.band in ("moderate", "strong")
    assert one.summary.score >= five.summary.score - 4  # volume never raises the score
    assert "no_certificates" in none.flag_ids
    assert any("never held against" in s for s in one.summary.narrative)


def test_no_role_judges_against_the_candidates_direction(book):
    prof = profile(cert(PL300, "Microsoft"), cert("ServSafe Food Protection Manager"),
                   positions=ANALYST, headline="Data Analyst")
    report = score(book, prof)
    assert report.role.field == "data_analytics"
    assert "own direction" in report.summary.narrative[0]
    assert "own direction" in report.summary.headline
    assert report.certificates[0].score > report.certificates[1].score


def test_no_role_no_direction_is_neutral(book):
    report = score(book, profile(cert(PL300, "Microsoft")))
    assert report.certificates[0].signals["relevance"].value == 0.5


def test_no_certificates(book):
    report = score(book, profile(positions=ANALYST), "Data Analyst")
    assert "no_certificates" in report.flag_ids
    assert report.summary.band == "none" and report.certificates == ()
    assert report.summary.narrative[-1].startswith("This is advice")


def test_partial_view(book):
    prof = profile(cert(PL300, "Microsoft"),
                   warnings=("partial view: 2 of 9 certificates were on the page",))
    report = score(book, prof, "Data Analyst")
    assert "partial_view" in report.flag_ids
    assert "2 of 9" in next(f.message for f in report.summary.flags if f.id == "partial_view")


def test_stage_never_reads_education_or_names(book):
    from parser.models import Education

    base = profile(cert(PL300, "Microsoft"), positions=ANALYST)
    other = profile(cert(PL300, "Microsoft"), positions=ANALYST)
    other.person.name = "Alex Example-Sample"
    other.education = [Education(school="Example University", degree="BSc", start="1975",
                                 end="1979")]
    assert score(book, base, "Data Analyst").to_json() == \
        score(book, other, "Data Analyst").to_json()


def test_focus_elsewhere_is_not_a_plus_for_this_role(book):
    cloud = profile(cert("AWS Certified Cloud Practitioner"),
                    cert("AWS Certified Solutions Architect"), cert("Kubernetes operations"),
                    positions=(job("Cloud Engineer", "Contoso", "2019-01"),))
    for_cloud = score(book, cloud, "Cloud Engineer")
    for_kitchen = score(book, cloud, "Kitchen Manager")
    assert "focused" in for_cloud.flag_ids and "focused" in for_kitchen.flag_ids
    assert for_kitchen.summary.band in ("weak", "none")
    assert for_cloud.summary.score > for_kitchen.summary.score
