"""The scorer: reads a profile's certificates the way an experienced recruiter does.

    from server.scoring import Role, score_profile, Report
    report = score_profile(profile, Role(title="Data Analyst"), as_of=date(2025, 11, 1))
    report.to_json()   # the DESIGN.md Report shape

Deterministic: the same Profile, Role, rulebook and ``as_of`` give the same Report.
"""

from __future__ import annotations

from server.scoring.engine import score_profile
from server.scoring.report import Report
from server.scoring.role import Role

__all__ = ["Report", "Role", "score_profile"]
