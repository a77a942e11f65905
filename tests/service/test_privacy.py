"""Logs carry request ids, routes, statuses and timings — never a word of the profile."""

from __future__ import annotations

import io
import logging

from tests.service.samples import json_resume_bytes, profile_json

MARKERS = ("Zephyrine Example", "Quokka Certified Wrangler", "Northwind-Secret-Project")


def test_no_profile_content_in_logs(client, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    profile = profile_json(2, name=MARKERS[0])
    profile["certificates"][0]["name"] = MARKERS[1]
    profile["positions"][0]["description"] = MARKERS[2]
    role = {"title": MARKERS[2]}
    client.post("/api/v1/score", json={"profile": profile, "role": role})
    client.post("/api/v1/analyze", json={"html": f"<main><h1>{MARKERS[0]}</h1></main>",
                                         "url": f"https://www.linkedin.com/in/{MARKERS[2]}"})
    client.post("/api/v1/parse", data=json_resume_bytes(name=MARKERS[0]),
                content_type="application/json")
    client.post("/report", data={"files": (io.BytesIO(json_resume_bytes(name=MARKERS[0])),
                                           "zephyrine.json"), "role_title": MARKERS[2]},
                content_type="multipart/form-data")
    client.get(f"/api/v1/health?who={MARKERS[0]}")
    text = caplog.text
    assert "request id=" in text and "status=200" in text and "route=/api/v1/score" in text
    for marker in MARKERS:
        assert marker not in text
        assert marker.replace(" ", "%20") not in text
