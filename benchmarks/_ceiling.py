"""Imported before ``certsignal serve`` by ``load_throughput.py --ceiling``: scoring is replaced by
one precomputed Report of a 20-certificate candidate, so /api/v1/score does everything but
scoring (read and check the body, build the Profile, encode a full Report, log) and the ratio
it reaches is the ceiling that no speed-up of the scorer can pass. Benchmarks only.
"""

from __future__ import annotations

import datetime
from typing import Any

import server.api.inputs
from benchmarks._profiles import pool
from parser.models import Profile
from server.rulebook import load_rulebook
from server.scoring import Role, score_profile

_sample = pool(1, load_rulebook(None), seed=3)[0]
_role = Role(**{**(_sample.role or {}), "skills": tuple((_sample.role or {}).get("skills", ()))})
_REPORT = score_profile(Profile.from_json(_sample.profile), _role,
                        as_of=datetime.date(2025, 6, 1))


def _precomputed(*_args: Any, **_kwargs: Any) -> Any:
    return _REPORT


server.api.inputs.score_profile = _precomputed  # type: ignore[assignment]
