"""View: say so when the profile was only partly visible to the reader.

A ``source.warnings`` entry starting with ``partial view:`` (the parser writes it when, say, only
the first certificates of a collapsed section were on the page) becomes ``partial_view``.

Options: ``prefix`` ("partial view:").

PASS (no flag):               warnings []
FAIL (flag ``partial_view``): warnings ["partial view: 3 of 9 certificates were shown"]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from server.scoring.context import Context
from server.scoring.report import Flag
from server.scoring.rules import Finding, Scored

ID = "view"
CONF = {"prefix": str}
DEFAULT: dict[str, Any] = {"prefix": "partial view:"}


def evaluate(conf: dict[str, Any], ctx: Context, scored: Sequence[Scored]) -> Finding:
    prefix = conf["prefix"].casefold()
    partial = [w for w in ctx.profile.source.warnings if w.casefold().startswith(prefix)]
    if not partial:
        return Finding()
    detail = "; ".join(w[len(prefix):].strip() for w in partial)
    message = (f"Partial view ({detail}): the judgement covers only what was visible; open the "
               "full certifications page for a complete reading.")
    return Finding(flags=(Flag("partial_view", message),), sentences=(message,))
