"""The rulebook: what CertSignal knows (fields, skills, issuers, certificates, roles, claim
wording) and how it weighs it (``ruleset``), all kept as YAML beside this module.

``load_rulebook(override_dir)`` reads the shipped files, then a self-hoster's directory: a file
there with the same relative path replaces the shipped file; any other file adds entries, and an
entry id it shares with the shipped rulebook replaces that entry. Everything is validated against
``schema.FILE_SCHEMA`` and cross-checked (every id referred to exists); the first problem raises
``RulebookError`` naming the file and the key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from server.rulebook.schema import FILE_SCHEMA, SECTIONS

SHIPPED = Path(__file__).resolve().parent / "data"
ENTRY_SECTIONS = ("fields", "skills", "issuers", "certificates", "roles")


class RulebookError(Exception):
    """A rulebook file is unreadable, malformed, or refers to something that does not exist."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where


@dataclass(frozen=True)
class Rulebook:
    ruleset: dict[str, Any]
    volatility: dict[str, dict[str, Any]]
    fields: dict[str, dict[str, Any]]
    skills: dict[str, dict[str, Any]]
    issuers: dict[str, dict[str, Any]]
    certificates: dict[str, dict[str, Any]]
    roles: dict[str, dict[str, Any]]
    inflated_claims: dict[str, list[str]]
    glossary: dict[str, dict[str, str]]
    origin: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def name(self) -> str:
        """"name@version", as the Report's ``ruleset`` field shows it."""
        return f"{self.ruleset.get('name', 'certsignal')}@{self.ruleset.get('version', '0')}"

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "ruleset": self.ruleset,
            "volatility": self.volatility,
            "fields": self.fields,
            "skills": self.skills,
            "issuers": self.issuers,
            "certificates": self.certificates,
            "roles": self.roles,
            "inflated_claims": self.inflated_claims,
            "glossary": self.glossary,
        }


def load_rulebook(override_dir: Path | str | None = None, *,
                  include_shipped: bool = True) -> Rulebook:
    """Read, merge, validate and cross-check the rulebook. Cached per directory.

    ``include_shipped=False`` reads ``override_dir`` alone: a complete, self-contained rulebook
    (tests use it to judge against a small catalogue they control).
    """
    if not include_shipped and not override_dir:
        raise RulebookError("(rulebook)", "include_shipped=False needs a rules directory")
    return _load(str(Path(override_dir).resolve()) if override_dir else None, include_shipped)


@cache
def _load(override_dir: str | None, include_shipped: bool = True) -> Rulebook:
    files = _files(SHIPPED) if include_shipped else {}
    if override_dir is not None:
        root = Path(override_dir)
        if not root.is_dir():
            raise RulebookError(override_dir, "rules directory does not exist")
        files.update(_files(root))  # same relative path: the self-hoster's file replaces ours
    merged: dict[str, Any] = {name: {} for name in SECTIONS}
    origin: dict[str, str] = {}
    # Shipped files first, then the self-hoster's (each group in path order), so that an override
    # file wins whatever its name ("local.yaml" sorts before the shipped "ruleset.yaml").
    def applied_last(item: tuple[str, Path]) -> tuple[bool, str]:
        return (override_dir is not None and item[1].is_relative_to(override_dir), item[0])

    for relative, path in sorted(files.items(), key=applied_last):
        document = _read(path)
        overriding = override_dir is not None and path.is_relative_to(override_dir)
        for section, content in document.items():
            if section == "glossary":  # term by term: several files may add to one language
                for language, terms in content.items():
                    for term, english in terms.items():
                        where = f"glossary.{language}.{term}"
                        if where in origin and not overriding:
                            raise RulebookError(
                                str(path), f"{where} is defined twice (also in {origin[where]})"
                            )
                        merged[section].setdefault(language, {})[term] = english
                        origin[where] = relative
            elif section in ENTRY_SECTIONS or section in ("volatility", "inflated_claims"):
                for key, value in content.items():
                    where = f"{section}.{key}"
                    if where in origin and not overriding:
                        raise RulebookError(
                            str(path), f"{where} is defined twice (also in {origin[where]})"
                        )
                    merged[section][key] = value
                    origin[where] = relative
            else:  # ruleset: merged key by key, so an override may change one weight
                _deep_merge(merged[section], content)
                origin[section] = relative  # the last file that set it, for error messages
    book = Rulebook(origin=origin, **merged)
    _check_references(book)
    _check_patterns(book)
    _check_rule_options(book)
    return book


def _check_rule_options(book: Rulebook) -> None:
    """Each rule's options in ``ruleset.rules`` exist and have the right type (or RulebookError
    naming rule and option). The rules know their options, so they are asked; imported here, not
    at the top, because the scoring package itself imports this module."""
    from server.scoring.rules import options

    options(book)


# libyaml's safe loader when PyYAML was built with it: the same documents as yaml.safe_load,
# read about eight times faster (the shipped rulebook is megabytes of YAML, read at every start).
_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _files(root: Path) -> dict[str, Path]:
    return {p.relative_to(root).as_posix(): p for p in root.rglob("*.yaml")}


def _read(path: Path) -> dict[str, Any]:
    try:
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except (OSError, UnicodeDecodeError) as error:
        raise RulebookError(str(path), f"cannot be read ({error})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        at = f"line {mark.line + 1}: " if mark else ""
        raise RulebookError(str(path), f"{at}invalid YAML ({getattr(error, 'problem', error)})")\
            from None
    if document is None:
        return {}
    problem = jsonschema.exceptions.best_match(
        jsonschema.Draft202012Validator(FILE_SCHEMA).iter_errors(document)
    )
    if problem is not None:
        key = ".".join(str(p) for p in problem.absolute_path) or "(top level)"
        raise RulebookError(str(path), f"{key}: {problem.message}")
    return dict(document)


def _deep_merge(into: dict[str, Any], new: dict[str, Any]) -> None:
    for key, value in new.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _deep_merge(into[key], value)
        else:
            into[key] = value


def _check_references(book: Rulebook) -> None:
    def need(section: str, key: str, attribute: str, ids: list[str], known: dict[str, Any]) -> None:
        for ref in ids:
            if ref not in known:
                where = book.origin.get(f"{section}.{key}", section)
                raise RulebookError(where, f"{section}.{key}.{attribute}: unknown id {ref!r}")

    for key, entry in book.fields.items():
        need("fields", key, "related", entry.get("related", []), book.fields)
        if entry["volatility"] not in book.volatility:
            need("fields", key, "volatility", [entry["volatility"]], book.volatility)
    for key, entry in book.skills.items():
        need("skills", key, "fields", entry["fields"], book.fields)
    for key, entry in book.issuers.items():
        need("issuers", key, "fields", entry["fields"], book.fields)
    for key, entry in book.certificates.items():
        need("certificates", key, "issuer", [entry["issuer"]], book.issuers)
        need("certificates", key, "field", [entry["field"]], book.fields)
        need("certificates", key, "skills", entry["skills"], book.skills)
    for key, entry in book.roles.items():
        need("roles", key, "field", [entry["field"]], book.fields)
        need("roles", key, "related_fields", entry.get("related_fields", []), book.fields)
        need("roles", key, "skills", entry["skills"], book.skills)


def _check_patterns(book: Rulebook) -> None:
    for locale, patterns in book.inflated_claims.items():
        for i, pattern in enumerate(patterns):
            try:
                re.compile(pattern)
            except re.error as error:
                where = book.origin.get(f"inflated_claims.{locale}", "inflated_claims")
                raise RulebookError(where, f"inflated_claims.{locale}[{i}]: {error}") from None
