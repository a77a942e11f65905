"""The Report: what the scorer says about one profile for one role (DESIGN.md, "Report").

Field names and the flag vocabulary are a public contract; ``to_json`` emits exactly that shape.
Everything here is immutable and ordered, so equal inputs serialise to equal JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final

SIGNALS: Final = ("relevance", "recency", "provider", "evidence", "claims")
BANDS: Final = ("strong", "moderate", "weak", "none")
STAGES: Final = ("entry_level", "career_changer", "experienced", "senior")
CERTIFICATE_FLAGS: Final = frozenset({
    "relevant", "off_target", "recent", "dated", "expired", "well_known_provider",
    "unknown_provider", "issuer_mismatch", "soft_skill", "applied", "not_applied",
    "inflated_claim", "verifiable",
})
PROFILE_FLAGS: Final = frozenset({
    "credential_collecting", "focused", "career_change_supported", "deepening", "incoherent",
    "entry_level", "no_certificates", "partial_view",
})
_FLAG_IDS: Final = CERTIFICATE_FLAGS | PROFILE_FLAGS


@dataclass(frozen=True, slots=True)
class Flag:
    id: str
    message: str

    def __post_init__(self) -> None:
        # A typo in a flag id would silently break every consumer (badges, filters): refuse it.
        if self.id not in _FLAG_IDS:
            raise ValueError(f"unknown flag id {self.id!r}")

    def to_json(self) -> dict[str, str]:
        return {"id": self.id, "message": self.message}


@dataclass(frozen=True, slots=True)
class Signal:
    value: float
    note: str
    # The value as the JSON shows it (clamped to 0..1, three decimals), worked out once: a
    # Signal comes from a rule's remembered Outcome and is written into many reports.
    shown: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "shown", round(min(1.0, max(0.0, self.value)), 3))

    def to_json(self) -> dict[str, Any]:
        return {"value": self.shown, "note": self.note}


@dataclass(frozen=True, slots=True)
class CertificateReport:
    index: int
    locator: str | None
    name: str
    issuer: str | None
    score: int
    band: str
    category: str
    field: str | None
    signals: dict[str, Signal]
    flags: tuple[Flag, ...]
    badge: str

    def to_json(self) -> dict[str, Any]:
        # Signal.to_json and Flag.to_json written out here: a report holds a hundred of them.
        signals = {}
        for name in SIGNALS:
            signal = self.signals[name]
            signals[name] = {"value": signal.shown, "note": signal.note}
        return {
            "index": self.index,
            "locator": self.locator,
            "name": self.name,
            "issuer": self.issuer,
            "score": self.score,
            "band": self.band,
            "category": self.category,
            "field": self.field,
            "signals": signals,
            "flags": [{"id": flag.id, "message": flag.message} for flag in self.flags],
            "badge": self.badge,
        }


@dataclass(frozen=True, slots=True)
class RoleSummary:
    title: str | None
    field: str | None
    skills: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "field": self.field, "skills": list(self.skills)}


@dataclass(frozen=True, slots=True)
class Candidate:
    stage: str
    fields: tuple[str, ...]
    direction: str

    def to_json(self) -> dict[str, Any]:
        return {"stage": self.stage, "fields": list(self.fields), "direction": self.direction}


@dataclass(frozen=True, slots=True)
class Summary:
    score: int
    band: str
    headline: str
    narrative: tuple[str, ...]
    flags: tuple[Flag, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "band": self.band,
            "headline": self.headline,
            "narrative": list(self.narrative),
            "flags": [flag.to_json() for flag in self.flags],
        }


@dataclass(frozen=True, slots=True)
class Report:
    as_of: str
    ruleset: str
    role: RoleSummary
    candidate: Candidate
    summary: Summary
    certificates: tuple[CertificateReport, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of,
            "ruleset": self.ruleset,
            "role": self.role.to_json(),
            "candidate": self.candidate.to_json(),
            "summary": self.summary.to_json(),
            "certificates": [cert.to_json() for cert in self.certificates],
        }

    def certificate_flags(self, index: int) -> set[str]:
        """The flag ids of the certificate at Profile position ``index`` (handy for callers)."""
        return {flag.id for flag in self.certificates[index].flags}

    @property
    def flag_ids(self) -> set[str]:
        return {flag.id for flag in self.summary.flags}
