"""Recency: how current a certificate is at ``as_of``, by the half-life of its field.

Value = 0.5 ** (age / half-life), never below ``floor`` (old knowledge is background, not nothing).
The half-life comes from the field's volatility class in fields.yaml (fast 24 months, slow 96).
An expiry date before ``as_of`` means expired, said plainly; a catalogue ``validity_months``
passed without an expiry on the profile means "probably lapsed unless renewed".

Options: ``recent-at`` (0.7), ``dated-below`` (0.35), ``floor`` (0.15), ``expired-value`` (0.1),
``lapsed-factor`` (0.6), ``undated-value`` (0.5), ``default-volatility`` ("medium"),
``expired-cap`` (60: an expired certificate scores at most this, however relevant and applied).

PASS (flag ``recent``):  issued "2025-03", data analytics, as_of 2025-11-01
FAIL (flag ``dated``):   issued "2019-03", cloud computing, as_of 2025-11-01
FAIL (flag ``expired``): expires "2024-06", as_of 2025-11-01
"""

from __future__ import annotations

from typing import Any

from server.scoring.certificate import CertView
from server.scoring.context import Context
from server.scoring.report import Flag
from server.scoring.rules import Outcome, remembered
from server.scoring.timeline import label, month_number

ID = "recency"
CONF = {"recent-at": float, "dated-below": float, "floor": float, "expired-value": float,
        "lapsed-factor": float, "undated-value": float, "default-volatility": str,
        "expired-cap": float}
DEFAULT: dict[str, Any] = {"recent-at": 0.7, "dated-below": 0.35, "floor": 0.15,
                           "expired-value": 0.1, "lapsed-factor": 0.6, "undated-value": 0.5,
                           "default-volatility": "medium", "expired-cap": 60.0}
_PACE = {"fast": "a fast-moving field", "medium": "a steadily changing field",
         "slow": "a slow-changing field"}


def evaluate(conf: dict[str, Any], cert: CertView, ctx: Context) -> Outcome:
    # Remembered per catalogue under just what the Outcome reads: the month it expired (when it
    # has), else the issue date, the pace of its field (not the field: fields of one pace read
    # alike) and the catalogue's validity. Few distinct combinations, so most are answered
    # from memory even for profiles never seen before.
    return remembered(ID, conf, ctx.cat, _key(conf, cert, ctx), lambda: judge(conf, cert, ctx))


def _key(conf: dict[str, Any], cert: CertView, ctx: Context) -> tuple[Any, ...]:
    expires = month_number(cert.cert.expires)
    if expires is not None and expires < ctx.now:
        return ("expired", expires, ctx.now)
    issued = cert.cert.issued
    if month_number(issued) is None:
        return ("undated",)
    validity = cert.entry.get("validity_months") if expires is None else None
    return (issued, _volatility(conf, cert, ctx), validity, ctx.now)


def _volatility(conf: dict[str, Any], cert: CertView, ctx: Context) -> str:
    volatility: str = ctx.book.fields.get(cert.field or "", {}).get(
        "volatility", conf["default-volatility"])
    return volatility


def judge(conf: dict[str, Any], cert: CertView, ctx: Context) -> Outcome:
    expires = month_number(cert.cert.expires)
    as_of = f"{ctx.as_of:%Y-%m}"
    if expires is not None and expires < ctx.now:
        message = f"Expired {label(expires)}: not current until renewed."
        return Outcome(conf["expired-value"], f"Expired {label(expires)}, before {as_of}: it "
                       "no longer certifies current standing until it is renewed.",
                       (Flag("expired", message),), cap=conf["expired-cap"])
    issued = month_number(cert.cert.issued)
    if issued is None:
        return Outcome(conf["undated-value"], "No issue date shown, so how current it is cannot "
                       "be told; left neutral.")
    volatility = _volatility(conf, cert, ctx)
    half_life = int(ctx.book.volatility.get(volatility, {}).get("half_life_months", 48))
    age = max(0, ctx.now - issued)
    value = max(conf["floor"], 0.5 ** (age / half_life))
    pace = f"{_PACE.get(volatility, 'its field')} (half-life {half_life} months)"
    head = f"Issued {cert.cert.issued}, {age} months before {as_of}"
    flags: tuple[Flag, ...] = ()
    if value >= conf["recent-at"]:
        note = f"{head}: current in {pace}."
        flags = (Flag("recent", f"Recent: issued {cert.cert.issued}."),)
    elif value < conf["dated-below"]:
        note = f"{head}: background, not current capability in {pace}."
        flags = (Flag("dated", f"Dated: issued {cert.cert.issued}, {age} months ago."),)
    else:
        note = f"{head}: still fairly current in {pace}."
    validity = cert.entry.get("validity_months")
    if expires is None and validity and age > validity:
        value *= conf["lapsed-factor"]
        note += (f" It is usually valid for {validity} months, so it has probably lapsed "
                 f"unless renewed.")
    return Outcome(value, note, flags)
