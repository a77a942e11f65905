"""Fictional candidates for service tests and the load benchmark (no real person, no real URL).

``profile_json`` is a Profile in its JSON form (what /api/v1/score takes); ``json_resume`` is an
upload in a format the parser reads, so web and batch tests exercise parsing as well.
"""

from __future__ import annotations

import json
from typing import Any

# (name, issuer, issued, skills): a plausible cloud/data career's worth of learning.
CERTIFICATES = [
    ("AWS Certified Solutions Architect – Associate", "Amazon Web Services", "2023-04",
     ["AWS", "Cloud Architecture"]),
    ("Microsoft Certified: Azure Fundamentals", "Microsoft", "2022-11", ["Azure"]),
    ("Certified Kubernetes Administrator (CKA)", "The Linux Foundation", "2024-02",
     ["Kubernetes"]),
    ("HashiCorp Certified: Terraform Associate", "HashiCorp", "2023-09", ["Terraform"]),
    ("Google Data Analytics Professional Certificate", "Coursera", "2021-06", ["SQL"]),
    ("Effective Communication", "LinkedIn Learning", "2020-03", ["Communication"]),
    ("Python for Everybody", "Coursera", "2019-08", ["Python"]),
    ("Scrum Master Certified", "Contoso Academy", "2022-01", ["Scrum"]),
    ("Docker Essentials", "Fabrikam Learning", "2021-10", ["Docker"]),
    ("Time Management Fundamentals", "LinkedIn Learning", "2020-07", []),
]
POSITIONS = [
    ("Cloud Engineer", "Northwind Traders", "2022-03", None,
     "Runs the AWS platform with Terraform and Kubernetes."),
    ("Systems Administrator", "Contoso", "2018-09", "2022-02",
     "Linux servers, Docker, scripting in Python."),
    ("IT Support Analyst", "Fabrikam", "2016-05", "2018-08", "Help desk and networking."),
]


def profile_json(certificates: int = 10, name: str = "Dana Example") -> dict[str, Any]:
    """A Profile with ``certificates`` entries (the list repeats with numbered names past ten)."""
    certs = []
    for i in range(certificates):
        cert_name, issuer, issued, skills = CERTIFICATES[i % len(CERTIFICATES)]
        suffix = f" (part {i // len(CERTIFICATES) + 1})" if i >= len(CERTIFICATES) else ""
        certs.append({
            "name": cert_name + suffix, "issuer": issuer, "issued": issued, "expires": None,
            "credential_id": f"EXAMPLE-{i:04d}", "credential_url": f"https://example.org/cred/{i}",
            "skills": skills, "kind": "certification", "locator": None,
        })
    return {
        "source": {"format": "json-resume", "layout": None, "warnings": []},
        "person": {"name": name, "headline": "Cloud Engineer at Northwind Traders",
                   "about": "Builds reliable cloud platforms.", "location": "Example City"},
        "certificates": certs,
        "positions": [{"title": t, "company": c, "start": s, "end": e, "description": d,
                       "location": None} for t, c, s, e, d in POSITIONS],
        "education": [{"school": "Example University", "degree": "BSc", "field": "Computing",
                       "start": "2012", "end": "2016"}],
        "projects": [],
        "skills": ["AWS", "Terraform", "Kubernetes", "Python"],
        "courses": [],
    }


def json_resume(name: str = "Dana Example", certificates: list[tuple[str, str, str]] | None = None,
                headline: str = "Cloud Engineer") -> dict[str, Any]:
    """A JSON Resume document; ``certificates`` as (name, issuer, date) triples."""
    certs = certificates if certificates is not None else [
        (n, issuer, issued) for n, issuer, issued, _ in CERTIFICATES[:5]]
    return {
        "basics": {"name": name, "label": headline, "summary": "Builds cloud platforms."},
        "work": [{"name": c, "position": t, "startDate": s, "endDate": e, "summary": d}
                 for t, c, s, e, d in POSITIONS],
        "certificates": [{"name": n, "issuer": i, "date": d} for n, i, d in certs],
        "skills": [{"name": "Cloud", "keywords": ["AWS", "Terraform"]}],
    }


def json_resume_bytes(**kwargs: Any) -> bytes:
    return json.dumps(json_resume(**kwargs)).encode("utf-8")
