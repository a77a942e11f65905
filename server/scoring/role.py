"""The role a profile is judged against: what was asked (``Role``) and what it means (``Target``).

A title resolves to a role family of the rulebook (by title or alias, else by the family whose
names hold the title's head noun and whose vocabulary explains its other words; see
``find_family``); the family brings its field and skills. Skills named in the title or job
description are added, but a word in the title that belongs to another field ("cloud" in "Cloud
Kitchen Manager") does not turn into that field's skill once the family is known: that is the
word-overlap trap recruiters laugh at. Without a family, a skill the job description mentions only
once, with nothing else of its field beside it ("the Java Beach coffee bar"), is not taken.
Without a role, the candidate's own direction (latest position, headline) is the role.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from parser.models import Position, Profile
from server.scoring import glossary
from server.scoring.matching import (
    CACHED_TEXT_LENGTH,
    LANGUAGES,
    RANK_WORDS,
    TITLE_MODIFIERS,
    Catalogue,
    content_words,
    cut,
    normalise,
    root,
    shared_beginning,
    stem,
    stems,
    tokens,
)
from server.scoring.similarity import Vector
from server.scoring.timeline import month_number

# The part of a title before a comma, bracket or spaced dash names the job; the rest qualifies it.
_MAIN_TITLE = re.compile(r"\s*(?:,|\(|\|| [-–—] | at | @ )\s*")
# Words that name a rank or a kind of post but no job: a title of these alone says nothing.
_GENERIC_JOB_WORDS = TITLE_MODIFIERS | RANK_WORDS | {"leader", "member"}
# Their stems, as titles inflect them ("Managers", "Management"); but a trainee's stem is a
# trainer's too, and a trainer is a job.
_MODIFIER_STEMS = frozenset(stem(w) for w in TITLE_MODIFIERS) - {stem("trainer")}
_RANK_STEMS = frozenset(stem(w) for w in RANK_WORDS)
_FAMILY_MIN_EXPLAINED = 0.5  # with a job description that agrees
_FAMILY_SURE = 0.75  # on the title alone
OUT_OF_FIELD_WEIGHT = 0.5
# Fields any job may ask for in its title ("German-speaking Support Agent", "Team Leader").
CROSS_CUTTING = frozenset({"languages", "soft_skills"})


@dataclass(frozen=True, slots=True)
class Role:
    """What the recruiter hires for. Every part is optional; more parts, better judgement."""

    title: str | None = None
    description: str | None = None
    skills: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Target:
    """A resolved role: family, field, weighted skills and words, with where they came from."""

    title: str | None
    family: str | None
    field: str | None
    fields: dict[str, float]  # field id -> how close it is to the role (1 own field, 0.5 related)
    skills: dict[str, float]  # skill id -> weight (1 core, 0.5 mentioned but outside the field)
    words: frozenset[str]  # word stems of title, description and family, for the word fallback
    from_direction: bool = False
    direction: str = ""
    # Languages the role itself names (title, description, listed skills), not its family's
    # defaults: a language certificate is relevant only for one of these.
    languages: frozenset[str] = frozenset()
    # What it was resolved from (role, from_direction; not ``direction``, which no rule reads),
    # for rules that memoise per role; None for a Target built by hand.
    key: tuple[object, ...] | None = dataclasses.field(default=None, compare=False)
    # Its title, description and listed skills as one vector (``similarity``), read for meaning
    # when a certificate is not in the catalogue; None when nothing in them can be placed.
    vector: Vector | None = dataclasses.field(default=None, compare=False, repr=False)

    @property
    def known(self) -> bool:
        return bool(self.skills or self.field or self.words)


MEMOISED_DESCRIPTION_LENGTH = 20_000  # characters of a job description a memo may keep
# Characters of a job title (or a headline read as one) read: LinkedIn allows 100 for a title and
# 220 for a headline; past this it is prose pasted in, and reading all of it against every role
# family would cost seconds.
TITLE_READ_LENGTH = 250
ROLE_SKILLS_READ = 100  # skills of a role read


def resolve(role: Role, cat: Catalogue, *, from_direction: bool = False,
            direction: str = "") -> Target:
    """What ``role`` means in this catalogue (memoised: recruiters score many candidates for one
    role, and the same titles recur). ``direction`` is only carried, for the narrative.

    A role read from the candidate's own headline and positions (``from_direction``) is personal
    text: it is resolved afresh and its Target has no key, so no memo keeps any of it. So is a
    role whose description is longer than ``MEMOISED_DESCRIPTION_LENGTH``: job descriptions are
    a page or two, and keeping the odd hundred-kilobyte one in every memo costs too much."""
    role = _readable(role)
    if from_direction or len(role.description or "") > MEMOISED_DESCRIPTION_LENGTH:
        return dataclasses.replace(_resolve(cat, role, from_direction), direction=direction,
                                   key=None)
    target = cat.memoised(_resolve)(role, from_direction)
    return target if target.direction == direction else \
        dataclasses.replace(target, direction=direction)


def _readable(role: Role) -> Role:
    """``role`` as it is read: its title cut at ``TITLE_READ_LENGTH``, at most ``ROLE_SKILLS_READ``
    skills of at most ``TITLE_READ_LENGTH`` each (a job ad names a dozen)."""
    title, skills = role.title, role.skills
    if (title is None or len(title) <= TITLE_READ_LENGTH) and len(skills) <= ROLE_SKILLS_READ \
            and all(len(skill) <= TITLE_READ_LENGTH for skill in skills):
        return role
    return dataclasses.replace(
        role, title=cut(title, TITLE_READ_LENGTH) if title is not None else None,
        skills=tuple(cut(skill, TITLE_READ_LENGTH) for skill in skills[:ROLE_SKILLS_READ]))


def _resolve(cat: Catalogue, role: Role, from_direction: bool) -> Target:
    title = (role.title or "").strip() or None
    family = find_family(title, cat, role.description) if title else None
    entry = cat.book.roles.get(family, {}) if family else {}
    field = entry.get("field") if entry else None
    skills: dict[str, float] = {s: 1.0 for s in entry.get("skills", ())}
    if field is None and title:
        field = _field_from_words(title, role.description, cat)
    fields = _field_weights(field, entry.get("related_fields", ()), cat)
    named: list[str] = []
    if title:
        # Languages only by name ("French", "German-speaking"): a stem would read a country
        # ("France", "Germany") as its language.
        named = _skills_in(title, cat)
        languages = {s for s in named if LANGUAGES in cat.skill_fields(s)}
        if languages:  # "Portuguese–English Translator": the family's other languages do not apply
            skills = {s: w for s, w in skills.items()
                      if s in languages or LANGUAGES not in cat.skill_fields(s)}
        # Without a family, a skill the title names in one word is too often a homonym
        # ("Specialty Coffee Roaster (Java origins)", "Container Terminal Crane Operator"): it
        # counts when another skill of the title or description, or the title's field, backs it.
        if family is None:
            one_word = {s for m in cat.skills.find(title) if len(m.phrase) == 1 for s in m.ids}
            backed = set(_corroborated([*named, *_skills_in(role.description or "", cat)],
                                       set(fields), cat))
            named = [s for s in named if s not in one_word or s in backed
                     or LANGUAGES in cat.skill_fields(s)]  # a language is named, not guessed
        # Of a family's title, a skill outside the family's fields counts when the title names
        # it in several words: a "Food Safety Compliance Specialist" needs food safety, where
        # the "Java" of a "Coffee Buyer (Java origins)" is a homonym.
        phrases = {s for m in cat.skills.find(title) if len(m.phrase) > 1 for s in m.ids}
        for skill in named:
            if family is None or skill in phrases or _in_fields(skill, fields, cat):
                skills.setdefault(skill, 1.0)
    spoken = {s for s in named if LANGUAGES in cat.skill_fields(s)}
    if role.description:
        described = _skills_in(role.description, cat)
        spoken.update(s for s in described if LANGUAGES in cat.skill_fields(s))
        if family is None:
            described = _corroborated(described, set(fields), cat)
        for skill in described:
            inside = family is None or _in_fields(skill, fields, cat)
            weight = 1.0 if inside else OUT_OF_FIELD_WEIGHT
            skills[skill] = max(skills.get(skill, 0.0), weight)
    for listed in role.skills:
        for skill in _skills_in(listed, cat):
            skills[skill] = 1.0  # the recruiter asked for it by name
            named.append(skill)
            if LANGUAGES in cat.skill_fields(skill):
                spoken.add(skill)
    if family is None and title and not skills:
        for skill in cat.skills_by_stem(title):
            skills.setdefault(skill, 1.0)
    if field is None and skills:
        field = cat.majority_field(skills)
        fields = _field_weights(field, (), cat)
    for skill in named:  # a language or soft skill the role names makes its field count too
        for other in cat.skill_fields(skill):
            if other in CROSS_CUTTING:
                fields.setdefault(other, 0.5)
    text = " ".join(filter(None, [title, role.description, *role.skills]))
    words = stems(text)
    if family:
        words |= cat.role_vocab[family]
    return Target(title=title, family=family, field=field, fields=fields,
                  skills=dict(sorted(skills.items())), words=words,
                  from_direction=from_direction, languages=frozenset(spoken),
                  key=(role, from_direction), vector=glossary.vector(text, cat))


def find_family(title: str, cat: Catalogue, description: str | None = None) -> str | None:
    """The role family a job title belongs to, or None when unsure.

    Exact name or alias first. Otherwise a family must explain the title: its names hold the
    title's head noun ("Payroll *Manager*" needs a manager family), and its vocabulary (names,
    skills, field) must explain most of the title's other words, weighted by rarity, rank and
    contract words aside. So "Property Developer" is not a software developer and "Power Plant
    Operator" not a Power BI analyst, while "Cloud Kitchen Manager" is a kitchen manager: the
    rare "kitchen" outweighs the common "cloud". A family that explains the title only in part
    is taken when the job description's skills point to its field. Guessing wrong is worse than
    admitting the title is unknown.
    """
    return _family(title, _families_of(cat, title), described_field(description, cat), cat)


def family_with(title: str, cat: Catalogue, described: str | None) -> str | None:
    """``find_family`` of a position's or project's title whose description has been read
    already (``described``: its ``described_field``). What the title alone says is remembered
    for a short title, as the title's other readings are (see ``stage._work``)."""
    found = cat.memoised(_families_of)(title) if len(title) <= CACHED_TEXT_LENGTH else \
        _families_of(cat, title)
    return _family(title, found, described, cat)


def _family(title: str, found: str | tuple[Candidate, ...] | None, described: str | None,
            cat: Catalogue, *, translated: bool = False) -> str | None:
    """The family from what the title says (``_families_of``) and the description's field;
    failing that, the one its trailing words name; failing that, the title read through the
    rulebook's glossary ("Könyvelő" → bookkeeper, "Бухгалтер" → accountant), once."""
    if isinstance(found, str):
        return found
    family = (_choose(found, described, cat) if found else None) or _by_trailing_words(title, cat)
    if family is None and not translated:
        family = _with_qualifier(title, described, cat)
    if family is not None or translated:
        return family
    words = tokens(title)
    english = glossary.of(cat).rewrite(words)
    if english == list(words):
        return None  # nothing in it the glossary knows: no second reading
    text = " ".join(english)
    return _family(text, _families_of(cat, text), described, cat, translated=True)


def _with_qualifier(title: str, described: str | None, cat: Catalogue) -> str | None:
    """The family of "<qualifier> <job>" when the job alone names none: an "After-Sales
    Service Technician, Luxury Timepieces" services watches."""
    main, qualifier = _title_parts(title)
    if qualifier is None or all(w in RANK_WORDS for w in tokens(qualifier)):
        return None
    found = _families_of(cat, f"{qualifier} {main}")
    if isinstance(found, str):
        return found
    return _choose(found, described, cat) if found else None


def described_field(description: str | None, cat: Catalogue) -> str | None:
    """The field most of the skills a job description names belong to, if any."""
    return cat.majority_field({s: 1.0 for s in _skills_in(description or "", cat)})


Candidate = tuple[float, float, str]  # (share of the title explained, closeness, family)


def _families_of(cat: Catalogue, title: str) -> str | tuple[Candidate, ...] | None:
    """What the title alone says: its family when a name or alias spells it out, else the
    families that explain it (which the job description may still narrow, see ``_choose``),
    None when it has no words to go on."""
    main, unranked = _job_words(title)
    for text in (title, main, " ".join(unranked)):
        exact = cat.roles.lookup(text)
        if exact:
            return exact[0]
    return _explaining(main, cat)


def _job_words(title: str) -> tuple[str, list[str]]:
    """The part of a title that names the job, and its words without rank ("Senior", "Lead").

    That is the part before a comma or bracket ("Data Analyst, Marketing"), unless it names no
    job of its own: "Team Leader, Customer Contact Centre" is a contact-centre team leader."""
    main, qualifier = _title_parts(title)
    if qualifier is not None and all(w in _GENERIC_JOB_WORDS for w in tokens(main)):
        main = f"{qualifier} {main}"
    return main, [w for w in tokens(main) if w not in RANK_WORDS]


def _title_parts(title: str) -> tuple[str, str | None]:
    """A title's job part and its first qualifier ("Data Analyst (Marketing), Remote" ->
    "Data Analyst", "Marketing")."""
    main, *rest = _MAIN_TITLE.split(title, maxsplit=1)
    qualifier = _MAIN_TITLE.split(rest[0], maxsplit=1)[0].strip(" )") if rest else ""
    return main, qualifier or None


def _by_trailing_words(title: str, cat: Catalogue) -> str | None:
    """A family named exactly by the title's last words, when nothing explains the whole title.

    Titles put what the job is last and narrow it down before: an "Enterprise Network Engineer"
    is a network engineer, a "Hospital Environmental Services Manager" an environmental
    services manager. Only exact names and aliases of two words or more count, and only as a
    last resort, so a false friend ("Cloud Kitchen Manager") is still judged on every word first.
    """
    words = _job_words(title)[1]
    for start in range(1, len(words) - 1):
        exact = cat.roles.lookup(" ".join(words[start:]))
        if exact:
            return exact[0]
    # One word, a family's own title, when the words before it name nothing any family
    # knows: a "Sushi Chef" is a chef, where a "Pastry Chef" may be another family (and a
    # "Specifications Writer" is not whoever has "writer" among other titles).
    before = words[:-1]
    if before and not any(stem(w) in cat.role_word_idf for w in before):
        titled = [key for key in cat.roles.lookup(words[-1])
                  if normalise(cat.book.roles[key]["title"]) == words[-1]]
        if titled:
            return titled[0]
    return None


def _explaining(main: str, cat: Catalogue) -> tuple[Candidate, ...] | None:
    """The families whose vocabulary explains most of the title, with how well."""
    title_words = content_words(main)
    if not title_words:
        return None
    words = [stem(w) for w in title_words]
    specific = [i for i, w in enumerate(words) if w not in _MODIFIER_STEMS]
    core = [words[i] for i in specific] or words

    def rarity(word: str) -> float:
        return cat.role_word_idf.get(word, cat.unseen_idf)

    # The nearer a word stands to the head noun, the more it says what the job is: a "cloud
    # kitchen manager" manages a kind of kitchen, so "kitchen" outweighs "cloud".
    weights = {w: rarity(w) / (len(core) - i) for i, w in enumerate(core)}
    total = sum(weights.values())

    # The word a family's names must hold: the head noun, or, when the head only says rank or
    # kind of work ("Accounting *Assistant*"), the word nearest to it ("Accounting").
    # It must be one of the family's name words in full, not only by stem: "Accessibility
    # Specialist" is not an identity and *access* engineer.
    at = specific[-1] if words[-1] in _MODIFIER_STEMS and specific else len(words) - 1
    key_word, key_root = words[at], root(title_words[at])
    # A skill named in several words in the title ("Learning and Development Manager") says
    # which field the job is in; a family from an unrelated field is then a false friend.
    phrase_field = cat.majority_field({s: 1.0 for m in cat.skills.find(main)
                                       if len(m.phrase) > 1 for s in m.ids})
    candidates: list[Candidate] = []
    for family in cat.families_with_word.get(key_word, ()):
        if not any(_same_word(key_root, r) for r in cat.role_roots[family]):
            continue
        if phrase_field and not cat.field_relation(phrase_field,
                                                   cat.book.roles[family]["field"]):
            continue
        vocab = cat.role_vocab[family]
        explained = sum(weight for w, weight in weights.items() if w in vocab) / total
        if explained >= _FAMILY_MIN_EXPLAINED:
            # The closest of its names: shared words count, words the title lacks count against
            # ("Business Analyst" is closer to "Senior Business Analyst" than "Business
            # Intelligence Analyst" is).
            score = max(sum(rarity(w) for w in set(words) & name)
                        - 0.5 * sum(rarity(w) for w in name - set(words) - _RANK_STEMS)
                        for name in cat.role_names[family])
            candidates.append((explained, round(score, 6), family))
    return tuple(candidates)


def _same_word(a: str, b: str) -> bool:
    """Whether two roots are forms of one word: equal, or apart only in their last two letters
    ("forestry"/"forest", "facilitator"/"facilitador"), not a word and a longer one built on it
    ("accessibility"/"access"), as their six-letter stems may be."""
    return a == b or shared_beginning(a, b) >= max(len(a), len(b)) - 2


def _choose(candidates: tuple[Candidate, ...], described: str | None,
            cat: Catalogue) -> str | None:
    """The family among the title's ``candidates``, given the job description's field."""
    if described:  # a job description that is about another field vetoes a family
        candidates = tuple(c for c in candidates
                           if cat.field_relation(described, cat.book.roles[c[2]]["field"]) > 0
                           or c[0] >= 1.0)
    if not candidates:
        return None
    # Of the families that explain the title well enough to be sure, the one whose name is
    # closest: "Enterprise Network Engineer" is a network engineer, though a systems
    # administrator's skills happen to hold "enterprise" too.
    sure = [c for c in candidates if c[0] >= _FAMILY_SURE]
    top = max((c[1], c[0]) for c in sure)[::-1] if sure else max(c[:2] for c in candidates)
    tied = sorted(c[2] for c in candidates if c[:2] == top)
    if len({cat.book.roles[key]["field"] for key in tied}) > 1:
        # "Data Intern": data analyst, data engineer or data protection officer? Only the job
        # description can tell; without one, say unknown rather than pick by name.
        agreeing = sorted(tied, key=lambda key: -cat.field_relation(
            described, cat.book.roles[key]["field"]))
        if not described or not cat.field_relation(described,
                                                   cat.book.roles[agreeing[0]]["field"]):
            return None
        tied = agreeing
    return tied[0] if top[0] >= _FAMILY_SURE or described else None


def direction_role(profile: Profile) -> tuple[Role, str]:
    """The candidate's own direction: the latest position's title, else the headline."""
    latest = latest_position(profile.positions)
    headline = profile.person.headline
    if latest is not None and latest.title:
        title = cut(latest.title, TITLE_READ_LENGTH)
        at = f" at {cut(latest.company, TITLE_READ_LENGTH)}" if latest.company else ""
        return (Role(title=title, description=" ".join(filter(None, [
            headline, latest.description]))), f"{title} (latest position{at})")
    if headline:
        title = cut(headline, TITLE_READ_LENGTH)
        return Role(title=title, description=profile.person.about), f"{title} (headline)"
    return Role(), "not stated (no headline or positions)"


def latest_position(positions: list[Position]) -> Position | None:
    """The current position (no end) that started last; else the one that ended last.

    Ties go to the earlier entry, since profiles list the latest position first.
    """

    def key(item: tuple[int, Position]) -> tuple[int, int, int]:
        index, p = item
        if p.end is None and p.start is not None:
            return (1, month_number(p.start) or -1, -index)
        return (0, month_number(p.end) or month_number(p.start) or -1, -index)

    titled = [(i, p) for i, p in enumerate(positions) if p.title]
    return max(titled, key=key)[1] if titled else None


def _skills_in(text: str, cat: Catalogue) -> list[str]:
    found: list[str] = []
    for match in cat.skills.find(text):
        found.extend(match.ids)
    return found


def _corroborated(found: list[str], fields: set[str], cat: Catalogue) -> list[str]:
    """Skills of a job description that another skill there (or the title's field) backs up.

    With no role family to check against, one lone match is too often a homonym: "the Java
    Beach coffee bar", "Kafka, Mann and Rilke". Two skills of one field are a pattern.
    """
    kept = []
    for skill in found:
        own = set(cat.skill_fields(skill))
        others = {f for other in found if other != skill for f in cat.skill_fields(other)}
        if own & (others | fields) or any(cat.field_relation(a, b) for a in own for b in others):
            kept.append(skill)
    return kept


def _in_fields(skill: str, fields: dict[str, float], cat: Catalogue) -> bool:
    return not fields or any(f in fields or f in CROSS_CUTTING for f in cat.skill_fields(skill))


def _field_weights(field: str | None, extra: object, cat: Catalogue) -> dict[str, float]:
    if field is None:
        return {}
    weights = {field: 1.0}
    for other in sorted({*cat.related.get(field, ()), *(extra or ())}):  # type: ignore[misc]
        weights.setdefault(other, 0.5)
    return weights


def _field_from_words(title: str, description: str | None, cat: Catalogue) -> str | None:
    """A field named in the title ("Accounting Clerk"), unless the job description is about an
    unrelated one ("Networking Events Coordinator" organises breakfasts, not routers)."""
    described = described_field(description, cat)
    for match in sorted(cat.fields.find(title), key=lambda m: -len(m.phrase)):
        field = match.ids[0]
        if described is None or cat.field_relation(described, field) > 0:
            return field
    return None


