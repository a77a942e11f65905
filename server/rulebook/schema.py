"""The shape of every rulebook YAML file, as JSON Schema (validated on load).

A file may hold any of the top-level sections below; entries in ``fields``, ``skills``,
``issuers``, ``certificates`` and ``roles`` are keyed by a snake_case id that other entries use
to refer to them (a certificate's ``issuer``, ``skills`` and ``field``; a role's ``skills``).
"""

from __future__ import annotations

from typing import Any

ID = {"type": "string", "pattern": "^[a-z0-9][a-z0-9_]*$"}
TEXT = {"type": "string", "minLength": 1}
TEXTS = {"type": "array", "items": TEXT, "uniqueItems": True}
IDS = {"type": "array", "items": ID, "uniqueItems": True}

VOLATILITY = ("fast", "medium", "slow")
CATEGORIES = ("technical", "soft")
TIERS = ("vendor_exam", "professional_body", "licensing_authority", "university",
         "learning_platform", "bootcamp", "unknown")
ASSESSMENTS = ("exam", "completion", "portfolio", "experience")
LEVELS = ("foundational", "associate", "professional", "expert")


def _entries(properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {
        "type": "object",
        "propertyNames": ID,
        "additionalProperties": {
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        },
    }


SECTIONS: dict[str, dict[str, Any]] = {
    "ruleset": {
        "type": "object",
        "properties": {
            "name": TEXT,
            "version": TEXT,
            "description": TEXT,
            # Per-rule options, keyed by rule id; each rule module validates its own options.
            "rules": {"type": "object", "additionalProperties": {"type": "object"}},
            "weights": {"type": "object", "additionalProperties": {"type": "number",
                                                                    "minimum": 0}},
            "bands": {"type": "object", "additionalProperties": {"type": "number",
                                                                  "minimum": 0, "maximum": 100}},
        },
        "additionalProperties": False,
    },
    "volatility": {
        "type": "object",
        "propertyNames": {"enum": list(VOLATILITY)},
        "additionalProperties": {
            "type": "object",
            "properties": {"half_life_months": {"type": "integer", "minimum": 1},
                           "description": TEXT},
            "required": ["half_life_months"],
            "additionalProperties": False,
        },
    },
    "fields": _entries(
        {"label": TEXT, "volatility": {"enum": list(VOLATILITY)}, "aliases": TEXTS,
         "related": IDS, "description": TEXT},
        ["label", "volatility"],
    ),
    "skills": _entries(
        {"label": TEXT, "aliases": TEXTS, "category": {"enum": list(CATEGORIES)},
         "fields": IDS},
        ["label", "category", "fields"],
    ),
    "issuers": _entries(
        {"name": TEXT, "aliases": TEXTS, "tier": {"enum": list(TIERS)}, "fields": IDS,
         "domains": TEXTS},
        ["name", "tier", "fields"],
    ),
    "certificates": _entries(
        {"name": TEXT, "aliases": TEXTS, "issuer": ID, "skills": IDS, "field": ID,
         "assessment": {"enum": list(ASSESSMENTS)},
         "validity_months": {"type": ["integer", "null"], "minimum": 1},
         "level": {"enum": [*LEVELS, None]}},
        ["name", "issuer", "skills", "field", "assessment"],
    ),
    "roles": _entries(
        {"title": TEXT, "aliases": TEXTS, "field": ID, "related_fields": IDS, "skills": IDS,
         "description": TEXT},
        ["title", "field", "skills"],
    ),
    # Wording that promises mastery or results, as regular expressions, keyed by locale.
    "inflated_claims": {
        "type": "object",
        "propertyNames": {"pattern": "^[a-z]{2}$"},
        "additionalProperties": {"type": "array", "items": TEXT, "minItems": 1},
    },
    # language -> {term as written in it: plain English}: the vocabulary of occupations and
    # workplace subjects, so certificates named in other languages can be read for meaning.
    "glossary": {
        "type": "object",
        "propertyNames": {"pattern": "^[a-z]{2}$"},
        "additionalProperties": {"type": "object", "additionalProperties": TEXT,
                                 "minProperties": 1},
    },
}

FILE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": SECTIONS,
    "additionalProperties": False,
    "minProperties": 1,
}
