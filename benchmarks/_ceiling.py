"""Imported before ``certsignal serve`` by ``load_throughput.py --ceiling``: scoring is replaced by
a precomputed Report of a candidate with as many certificates as the request's, so
/api/v1/score does everything but scoring (read and check the body, build the Profile, encode a
Report of the same size, log) and the ratio it reaches is the ceiling that no speed-up of the
scorer can pass. Benchmarks only.
"""

from __future__ import annotations

import datetime
import functools
from typing import Any

import server.api.inputs
from benchmarks._profiles import pool
from parser.models import Profile
from server.rulebook import load_rulebook
from server.scoring import Role, score_profile


@functools.cache
def _report(certificates: int) -> Any:
    """The Report of one candidate with ``certificates`` certificates (scored on first use, in
    the warm-up that load_throughput.py runs before the clock)."""
    sample = pool(1, load_rulebook(None), certificates=certificates, seed=3)[0]
    role = Role(**{**(sample.role or {}), "skills": tuple((sample.role or {}).get("skills", ()))})
    return score_profile(Profile.from_json(sample.profile), role, as_of=datetime.date(2025, 6, 1))


def _precomputed(profile: Profile, *_args: Any, **_kwargs: Any) -> Any:
    return _report(len(profile.certificates))


server.api.inputs.score_profile = _precomputed  # type: ignore[attr-defined]
