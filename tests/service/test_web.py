"""Recruiter pages: upload, report with timeline, ranking, downloads, and escaping everywhere."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re

import pytest
from lxml import html as lxml_html

from parser import Profile
from server.results import from_json
from server.rulebook import load_rulebook
from server.scoring import Role, score_profile
from server.web.timeline import timeline_svg
from tests.service.samples import json_resume_bytes, profile_json

HOSTILE = "<script>alert('pwned')</script>"
HOSTILE_NAME = '<img src=x onerror="alert(1)">'


def upload(client, *files: tuple[bytes, str], **fields: str):
    data = {"files": [(io.BytesIO(content), name) for content, name in files],
            "role_title": "Cloud Engineer", "as_of": "2025-01-15", **fields}
    return client.post("/report", data=data, content_type="multipart/form-data")


def test_index_is_a_plain_form(client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.mimetype == "text/html"
    tree = lxml_html.fromstring(page.data)
    form = tree.xpath("//form")[0]
    assert form.get("enctype") == "multipart/form-data"
    assert tree.xpath("//input[@type='file' and @multiple]")
    assert not tree.xpath("//script") and not tree.xpath("//*[@style]")


def test_single_report(client) -> None:
    page = upload(client, (json_resume_bytes(), "dana.json"))
    assert page.status_code == 200
    tree = lxml_html.fromstring(page.data)
    assert tree.xpath("string(//article[@id='c1']//h2)") == "Dana Example"
    assert tree.xpath("//article[@id='c1']//*[contains(@class, 'summary-band')]/@data-band")
    assert len(tree.xpath("//li[contains(@class, 'certificate')]")) == 5
    assert len(tree.xpath("//*[@data-certsignal-band]")) == 5
    svg = tree.xpath("//svg[contains(@class, 'timeline')]")
    assert len(svg) == 1 and svg[0].get("role") == "img"
    assert not tree.xpath("//table")  # one candidate: no ranking
    assert {f.get("value") for f in tree.xpath("//form//input[@name='format']")} == {"csv", "json"}
    assert not tree.xpath("//script") and not tree.xpath("//*[@style]")


def test_ranking_of_several_with_a_bad_file(client) -> None:
    weak = json_resume_bytes(name="Alex Example", headline="Pastry Chef",
                             certificates=[("Food Hygiene Level 2", "Contoso Academy", "2015")])
    page = upload(client, (json_resume_bytes(), "dana.json"), (b"\x00\x01 not a profile", "x.bin"),
                  (weak, "alex.json"))
    assert page.status_code == 200
    tree = lxml_html.fromstring(page.data)
    rows = tree.xpath("//section[contains(@class, 'ranking')]//tbody/tr")
    assert len(rows) == 2
    links = [a.get("href") for a in tree.xpath("//section[contains(@class,'ranking')]//a")]
    assert sorted(links) == ["#c1", "#c3"]
    for link in links:
        assert tree.xpath(f"//article[@id='{link[1:]}']")
    scores = [int(r.xpath("string(td[3])")) for r in rows]
    assert scores == sorted(scores, reverse=True)
    failed = tree.xpath("string(//section[contains(@class, 'failed')])")
    assert "x.bin" in failed
    carried = from_json(tree.xpath("//input[@name='results']/@value")[0])
    assert [r["file"] for r in carried if "error" in r] == ["x.bin"]
    assert len(carried) == 3


def test_hostile_text_is_shown_as_text(client) -> None:
    hostile = json_resume_bytes(name=HOSTILE_NAME, headline=HOSTILE,
                                certificates=[(HOSTILE, "Evil <b>Corp</b>", "2023-05")])
    page = upload(client, (hostile, "evil.json"), role_title=HOSTILE)
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "<script>" not in text and "<img src=x" not in text and "<b>Corp" not in text
    assert "&lt;script&gt;" in text
    tree = lxml_html.fromstring(page.data)
    assert not tree.xpath("//script") and not tree.xpath("//img") and not tree.xpath("//b")
    assert HOSTILE in tree.xpath("string(//li[contains(@class,'certificate')]//h4)")
    assert any(HOSTILE in t for t in tree.xpath("//svg//title/text()"))


def test_upload_without_files_is_refused_politely(client) -> None:
    page = client.post("/report", data={"role_title": "Analyst"},
                       content_type="multipart/form-data")
    assert page.status_code == 400 and page.mimetype == "text/html"
    assert b"Choose at least one profile file" in page.data


def test_downloads(client) -> None:
    profile = Profile.from_json(profile_json(2))
    weak, strong = _report(profile), _report(profile)
    weak["summary"].update(score=40, band="weak", headline="-2+3")  # as a stranger's text may
    strong["summary"].update(score=80, band="strong")
    results = [
        {"file": "a.json", "name": "=HYPERLINK(\"http://evil.example\")", "report": weak},
        {"file": "b.json", "name": "Dana Example", "report": strong},
        {"file": "c.bin", "error": {"code": "unsupported_format", "message": "not a profile"}},
    ]
    answer = client.post("/download", data={"format": "csv", "results": json.dumps(results)})
    assert answer.status_code == 200
    assert answer.headers["Content-Disposition"].startswith("attachment; filename=")
    rows = list(csv.DictReader(io.StringIO(answer.get_data(as_text=True))))
    assert [r["file"] for r in rows] == ["b.json", "a.json", "c.bin"]
    assert [r["rank"] for r in rows] == ["1", "2", ""]
    assert rows[1]["name"].startswith("'=") and rows[1]["headline"] == "'-2+3"
    assert rows[0]["flags"] == " ".join(f["id"] for f in strong["summary"]["flags"])
    assert rows[1]["certificates"] == "2"
    assert rows[2]["error"] == "unsupported_format: not a profile"
    answer = client.post("/download", data={"format": "json", "results": json.dumps(results)})
    assert [r["file"] for r in answer.get_json()] == ["b.json", "a.json", "c.bin"]


@pytest.mark.parametrize("carried", [
    "{nope",
    "[" * 100_000 + "]" * 100_000,                                   # past any parser's depth
    '[{"file": "x", "report": ' + "[" * 500 + "]" * 500 + "}]",
    '[{"file": "x", "name": null, "report": {"summary": "x"}}]',     # edited by hand
    '[{"file": "x", "name": null, "report": {"summary": {"score": 5}, "certificates": 7}}]',
    '[{"file": "x", "error": "nope"}]',
    '[{"file": 5, "error": {"code": "c", "message": "m"}}]',
    '{"file": "x"}',
])
@pytest.mark.parametrize("kind", ["csv", "json"])
def test_download_refuses_results_it_did_not_write(client, carried: str, kind: str) -> None:
    answer = client.post("/download", data={"format": kind, "results": carried})
    assert answer.status_code == 400 and answer.get_json()["error"]["code"] == "invalid_results"


def test_download_refuses_another_format(client) -> None:
    answer = client.post("/download", data={"format": "xlsx", "results": "[]"})
    assert answer.status_code == 400


def _report(profile: Profile) -> dict:
    return score_profile(profile, Role(title="Cloud Engineer"),
                         as_of=datetime.date(2025, 1, 15), rulebook=load_rulebook()).to_json()


def test_timeline_draws_positions_and_certificates() -> None:
    profile = Profile.from_json(profile_json(6))
    svg = str(timeline_svg(profile, _report(profile), key="t"))
    tree = lxml_html.fragment_fromstring(svg)
    assert tree.get("role") == "img" and tree.get("aria-labelledby") == "tl-title-t tl-desc-t"
    assert len(tree.xpath(".//g[contains(@class,'position')]/rect")) == 3
    markers = tree.xpath(".//g[@class='certificate']")
    assert len(markers) == 6
    assert {m.get("data-band") for m in markers} <= {"strong", "moderate", "weak", "none"}
    assert all(m.xpath("title/text()") and m.xpath("text/text()") for m in markers)
    years = [int(y) for y in tree.xpath(".//text[@class='year']/text()")]
    assert years[0] <= 2016 and years[-1] >= 2024
    assert "style=" not in svg  # the CSP allows no inline style


def test_timeline_without_dates_is_none() -> None:
    data = profile_json(2)
    for cert in data["certificates"]:
        cert["issued"] = None
    data["positions"] = []
    profile = Profile.from_json(data)
    assert timeline_svg(profile, _report(profile), key="x") is None


def test_timeline_markers_never_overlap() -> None:
    data = profile_json(10)
    for cert in data["certificates"]:
        cert["issued"] = "2023-03"  # all in one month
    profile = Profile.from_json(data)
    svg = str(timeline_svg(profile, _report(profile), key="m"))
    spots = re.findall(r'<text x="([\d.]+)" y="([\d.]+)" class="number"', svg)
    assert len(spots) == 10 and len(set(spots)) == 10
