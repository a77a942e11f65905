"""The candidate's experience as the stage rule and the evidence rule read it.

Only positions and projects, with their dates, titles and descriptions, are used: never age,
graduation year, names or anything else that could stand in for a protected attribute.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from parser.models import Profile
from server.scoring.matching import CACHED_TEXT_LENGTH, Catalogue, cut
from server.scoring.role import TITLE_READ_LENGTH, family_with
from server.scoring.timeline import month_number, year_span


@dataclass(frozen=True, slots=True)
class Work:
    """One position or project, resolved: when, what field, which skills it shows."""

    kind: str  # "position" | "project"
    title: str
    company: str | None
    start: int | None
    end: int | None  # None: ongoing (or undated end)
    span: str  # "2021–2023", as notes print it
    family: str | None
    field: str | None
    skills: frozenset[str]

    def active_after(self, month: int, now: int) -> bool:
        """Was this work going on at or after ``month``? (undated work counts: benefit of doubt)"""
        end = self.end if self.end is not None else now
        return end >= month

    def describe(self) -> str:
        where = f" at {self.company}" if self.company else ""
        when = f", {self.span}" if self.span else ""
        if self.kind == "project":
            return f"in the project \u201c{self.title}\u201d{when}"
        return f"at {self.company} as {self.title}{when}" if self.company else \
            f"as {self.title}{where}{when}"


@dataclass(frozen=True, slots=True)
class Experience:
    work: tuple[Work, ...]
    positions: tuple[Work, ...]  # the work that is positions (rules ask per certificate)
    months: int  # total months in positions, overlaps counted once
    fields: dict[str, int]  # field -> months, positions only
    titles: tuple[str, ...]  # position titles, latest first

    @property
    def main_fields(self) -> tuple[str, ...]:
        """Fields by time spent, most first (ties by id, for determinism)."""
        return tuple(sorted(self.fields, key=lambda f: (-self.fields[f], f)))


# Positions (and projects) read, in the profile's order (latest first on LinkedIn): real profiles
# list a few dozen at most, and each new title is looked up among all role families.
WORK_READ = 100


def read_experience(profile: Profile, cat: Catalogue, now: int) -> Experience:
    work: list[Work] = []
    for position in profile.positions[:WORK_READ]:
        if position.title:
            work.append(_work("position", position.title, position.company, position.start,
                              position.end, position.description, cat))
    for project in profile.projects[:WORK_READ]:
        if project.title:
            work.append(_work("project", project.title, None, project.start, project.end,
                              project.description, cat))
    positions = [w for w in work if w.kind == "position"]
    fields: dict[str, int] = defaultdict(int)
    for w in positions:
        if w.field and w.start is not None:
            fields[w.field] += max(1, (w.end if w.end is not None else now) - w.start)
    ordered = sorted(positions, key=lambda w: -(w.start or 0))
    return Experience(work=tuple(work), positions=tuple(positions),
                      months=_merged_months(positions, now),
                      fields=dict(sorted(fields.items())),
                      titles=tuple(w.title for w in ordered))


def _work(kind: str, title: str, company: str | None, start: str | None, end: str | None,
          description: str | None, cat: Catalogue) -> Work:
    # Both are named in sentences ("Applied as … at …"): a pasted page in either is cut.
    title = cut(title, TITLE_READ_LENGTH)
    company = cut(company, TITLE_READ_LENGTH) if company else company
    # A short bare title recurs across profiles and is memoised; a description is the candidate's
    # own text, read afresh and never kept, and so is a title too long to be only a job's name.
    family, field, shown = cat.memoised(_reading)(title, None) \
        if not description and len(title) <= CACHED_TEXT_LENGTH else \
        _reading(cat, title, description)
    return Work(kind=kind, title=title, company=company, start=month_number(start),
                end=month_number(end) if end else None, span=year_span(start, end) if start
                else "", family=family, field=field, skills=shown)


def _reading(cat: Catalogue, title: str, description: str | None) -> tuple[
        str | None, str | None, frozenset[str]]:
    """(role family, field, skills shown) of a title and its description."""
    # The description is read once, for the family and for the skills; what the title alone
    # says of the family is remembered (see role.family_with).
    described = list(cat.skills.find(description)) if description else []
    family = family_with(title, cat, cat.majority_field({s: 1.0 for m in described
                                                         for s in m.ids}))
    entry = cat.book.roles.get(family, {}) if family else {}
    skills: set[str] = set()
    for match in (*cat.skills.find(title), *described):
        skills.update(match.ids)
    field = entry.get("field")
    if field is None and skills:
        votes: dict[str, float] = defaultdict(float)
        for skill in skills:
            for f in cat.skill_fields(skill):
                votes[f] += cat.idf.get(skill, 1.0)
        field = max(sorted(votes), key=lambda f: votes[f]) if votes else None
    # The family's skills count as shown: a "Registered Nurse" uses patient care without saying so.
    return family, field, frozenset(skills | set(entry.get("skills", ())))


def _merged_months(positions: list[Work], now: int) -> int:
    spans = sorted((w.start, w.end if w.end is not None else now) for w in positions
                   if w.start is not None)
    total, current_start, current_end = 0, None, None
    for start, end in spans:
        end = max(start, min(end, now))
        if current_end is None or start > current_end:
            if current_end is not None and current_start is not None:
                total += current_end - current_start + 1
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_end is not None and current_start is not None:
        total += current_end - current_start + 1
    return total
