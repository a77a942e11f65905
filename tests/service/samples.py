"""Fictional candidates for service tests and the load benchmark (no real person, no real URL).

``profile_json`` is a Profile in its JSON form (what /api/v1/score takes); ``json_resume`` is an
upload in a format the parser reads, so web and batch tests exercise parsing as well.
"""

from __future__ import annotations

import json
from typing import Any

# One copy of the sample candidate, shared with the benchmarks (which may not import tests/).
from benchmarks._profiles import CERTIFICATES, POSITIONS, profile_json

__all__ = ["CERTIFICATES", "POSITIONS", "json_resume", "json_resume_bytes", "profile_json"]


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
