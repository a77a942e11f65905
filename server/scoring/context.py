"""Everything a rule may read while judging one profile, built once per ``score_profile`` call."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from parser.models import Profile
from server.rulebook import Rulebook
from server.scoring.matching import Catalogue
from server.scoring.role import Target
from server.scoring.stage import Experience


@dataclass(frozen=True, slots=True)
class Context:
    book: Rulebook
    cat: Catalogue
    as_of: datetime.date
    now: int  # as_of as a month number (see timeline.month_number)
    target: Target
    profile: Profile
    experience: Experience
