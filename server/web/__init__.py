"""Pages for recruiters: upload profiles, read each report, rank several, download the results.

Server-rendered and script-free. The service stores nothing: every result lives only in the page
that shows it, and the download buttons post those results back to be returned as a file.
"""

from __future__ import annotations

import datetime
import logging
from typing import Any

from flask import Blueprint, Response, g, render_template, request

from parser import ParserError, Profile
from server import __version__, results
from server.api.inputs import as_of_from, parse, role_from_form, rulebook, score
from server.errors import APIError
from server.scoring.report import BANDS
from server.web.timeline import BAND_SHAPES, timeline_svg

bp = Blueprint("web", __name__)
log = logging.getLogger("certsignal.errors")

BAND_LABELS = {"strong": "Strong signal", "moderate": "Moderate signal", "weak": "Weak signal",
               "none": "No signal"}
SIGNAL_LABELS = {"relevance": "Relevance", "recency": "Recency", "provider": "Provider",
                 "evidence": "Evidence", "claims": "Claims"}
DOWNLOADS = {"csv": ("text/csv; charset=utf-8", results.to_csv),
             "json": ("application/json", results.to_json)}


@bp.app_context_processor
def _page_globals() -> dict[str, Any]:
    return {"version": __version__, "band_labels": BAND_LABELS, "bands": BANDS,
            "band_shapes": BAND_SHAPES, "signal_labels": SIGNAL_LABELS}


@bp.get("/")
def index() -> str:
    """The upload form."""
    return render_template("index.html", ruleset=rulebook().name)


@bp.post("/report")
def report() -> tuple[str, int]:
    """Analyse every uploaded file; one report, or a ranking followed by every report.

    A file that cannot be read is listed with its reason; the others still get their reports.
    """
    files = [f for f in request.files.getlist("files") if f.filename]
    try:
        role = role_from_form(request.form)
        as_of = as_of_from(request.form.get("as_of"), blank_is_none=True)
    except APIError as error:
        return render_template("index.html", ruleset=rulebook().name, problem=error.message,
                               form=request.form), 400
    if not files:
        return render_template("index.html", ruleset=rulebook().name, form=request.form,
                               problem="Choose at least one profile file to analyse."), 400
    candidates = [_analyse(i, f.filename or f"file {i}", f.read(), f.mimetype, role, as_of)
                  for i, f in enumerate(files, start=1)]
    carried = [c["result"] for c in candidates]
    ranking = sorted((c for c in candidates if "report" in c["result"]),
                     key=lambda c: -c["result"]["report"]["summary"]["score"])
    return render_template(
        "results.html", candidates=candidates, ranking=ranking,
        failed=[c for c in candidates if "error" in c["result"]],
        role=role, carried=results.to_json(carried).strip(),
    ), 200


def _analyse(number: int, filename: str, data: bytes, media_type: str | None, role: Any,
             as_of: datetime.date | None) -> dict[str, Any]:
    key = f"c{number}"
    try:
        profile = parse(data, filename, media_type)
        report = score(profile, role, as_of)
    except ParserError as error:
        return {"key": key, "result": results.failure(filename, error.code, error.message)}
    except Exception as error:  # one broken file must not cost the recruiter the other reports
        log.error("unhandled %s analysing upload %d in request %s", type(error).__name__,
                  number, g.get("request_id", "-"))
        return {"key": key, "result": results.failure(
            filename, "internal_error", "the service failed to analyse this file")}
    return {"key": key, "profile": profile,
            "result": results.success(filename, profile.person.name, report),
            "timeline": timeline_svg(profile, report, key=key),
            "certificates": _certificate_rows(profile, report)}


def _certificate_rows(profile: Profile, report: dict[str, Any]) -> list[dict[str, Any]]:
    """Each certificate's report with the dates from the profile, for the table."""
    rows = []
    for number, entry in enumerate(report.get("certificates") or [], start=1):
        index = entry.get("index")
        cert = profile.certificates[index] if isinstance(index, int) and 0 <= index < len(
            profile.certificates) else None
        rows.append({"number": number, "entry": entry, "certificate": cert})
    return rows


@bp.post("/download")
def download() -> Response:
    """The results carried by the page, returned as a CSV or JSON file.

    :raise 400: the form does not carry results, or asks for another format.
    """
    kind = request.form.get("format", "")
    if kind not in DOWNLOADS:
        raise APIError(400, "invalid_format", "format must be 'csv' or 'json'")
    try:
        carried = results.from_json(request.form.get("results", ""))
    except ValueError:
        raise APIError(400, "invalid_results", "the form does not carry readable results") \
            from None
    media_type, render = DOWNLOADS[kind]
    stamp = datetime.date.today().isoformat()
    return Response(render(carried), mimetype=media_type.split(";")[0], headers={
        "Content-Type": media_type,
        "Content-Disposition": f'attachment; filename="certsignal-{stamp}.{kind}"'})
