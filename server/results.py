"""Many candidates' results as one table: ranking, CSV and JSON (web downloads and batch).

A result is ``{"file", "name", "report"}`` for an analysed input or ``{"file", "error": {"code",
"message"}}`` for one that was refused; refused inputs are kept in every output, never dropped.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

import fastjsonschema

from server.openapi import validator

CSV_COLUMNS = ("rank", "file", "name", "score", "band", "headline", "certificates", "flags",
               "error")
# A cell starting with one of these is run as a formula by spreadsheet programs; certificate
# names and headlines come from strangers' profiles, so such cells are defused with a quote.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def success(file: str, name: str | None, report: dict[str, Any]) -> dict[str, Any]:
    return {"file": file, "name": name, "report": report}


def failure(file: str, code: str, message: str) -> dict[str, Any]:
    return {"file": file, "error": {"code": code, "message": message}}


def _score(result: dict[str, Any]) -> int:
    report = result.get("report")
    if not isinstance(report, dict):
        return -1
    summary = report.get("summary") or {}
    score = summary.get("score")
    return score if isinstance(score, int) else -1


def ranked(results: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Best score first; ties keep input order; refused inputs last."""
    return sorted(results, key=lambda r: -_score(r))


def row(rank: int | None, result: dict[str, Any]) -> dict[str, Any]:
    report = result.get("report") if isinstance(result.get("report"), dict) else None
    error = result.get("error") if isinstance(result.get("error"), dict) else None
    summary = (report or {}).get("summary") or {}
    return {
        "rank": rank if report else "",
        "file": result.get("file") or "",
        "name": result.get("name") or "",
        "score": summary.get("score", ""),
        "band": summary.get("band", ""),
        "headline": summary.get("headline", ""),
        "certificates": len((report or {}).get("certificates") or []) if report else "",
        "flags": " ".join(f.get("id", "") for f in summary.get("flags") or []
                          if isinstance(f, dict)),
        "error": f"{error.get('code')}: {error.get('message')}" if error else "",
    }


def rows(results: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    rank = 0
    for result in ranked(results):
        if isinstance(result.get("report"), dict):
            rank += 1
        out.append(row(rank, result))
    return out


def _defuse(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def to_csv(results: Iterable[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for item in rows(results):
        writer.writerow({k: _defuse(v) for k, v in item.items()})
    return buffer.getvalue()


def to_json(results: Iterable[dict[str, Any]]) -> str:
    return json.dumps(ranked(results), ensure_ascii=False, indent=2) + "\n"


def from_json(text: str) -> list[dict[str, Any]]:
    """Results carried back by the download form, exactly as ``to_json`` wrote them: each a
    ``success`` with a Report that matches its published schema or a ``failure``. Anything else
    (a form edited by hand, a truncated field) is refused with ValueError."""
    try:
        value = json.loads(text)
    except RecursionError:
        raise ValueError("results nested too deeply to read") from None
    if not isinstance(value, list):
        raise ValueError("results must be a list")
    for number, item in enumerate(value, start=1):
        problem = _problem(item)
        if problem:
            raise ValueError(f"result {number}: {problem}")
    return value


def _problem(item: Any) -> str | None:
    if not isinstance(item, dict) or not isinstance(item.get("file"), str):
        return "not an object with a 'file'"
    if "report" in item:
        if set(item) != {"file", "name", "report"} or not isinstance(item["name"], str | None):
            return "a report comes with 'file' and 'name' only"
        try:
            validator("Report")(item["report"])
        except fastjsonschema.JsonSchemaValueException as invalid:
            return f"not a report ({invalid.message})"
        return None
    refusal = item.get("error")
    if set(item) != {"file", "error"} or not isinstance(refusal, dict) or \
            set(refusal) != {"code", "message"} or \
            not all(isinstance(part, str) for part in refusal.values()):
        return "neither a report nor an error"
    return None
