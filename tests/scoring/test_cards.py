"""Certificate cards and the memo keys: faster, never different, never keeping anything of a
candidate.

A certificate's card serves every profile that lists it; nothing a candidate wrote about
themselves (name, about, descriptions, companies, credential IDs and links, locators) is
reachable from anything the process keeps after scoring.
"""

from __future__ import annotations

import datetime
import gc

from parser.models import Certificate, Person, Position, Profile, Project, Source
from server.rulebook import Rulebook, load_rulebook
from server.scoring import Role, score_profile
from server.scoring.card import card_of
from server.scoring.certificate import key_of, reading
from server.scoring.context import Context
from server.scoring.matching import catalogue
from server.scoring.plan import plan_of
from server.scoring.role import resolve
from server.scoring.stage import read_experience
from server.scoring.timeline import month_of

AS_OF = datetime.date(2025, 11, 1)


def test_one_card_per_certificate_text(book: Rulebook) -> None:
    cat = catalogue(book)
    prof = Profile(source=Source("html"))
    ctx = Context(book=book, cat=cat, as_of=AS_OF, now=month_of(AS_OF),
                  target=resolve(Role(title="Data Analyst"), cat), profile=prof,
                  experience=read_experience(prof, cat, month_of(AS_OF)))
    own = plan_of(book, cat).own_rules
    first = Certificate("Tableau Desktop Specialist", "Tableau", "2024-01",
                        credential_id="A-1", credential_url="https://example.org/a/1")
    again = Certificate("Tableau Desktop Specialist", "Tableau", "2019-05",
                        credential_id="B-2", credential_url="https://example.org/b/2")
    card = card_of(first, ctx, own)
    assert card_of(again, ctx, own) is card  # dates, IDs and link paths are not its text
    assert set(card.outcomes) == {rule_id for rule_id, _, _ in own}
    view = card.view(again, 3)
    assert (view.index, view.cert, view.key) == (3, again, key_of(again))
    other = Certificate("Tableau Desktop Specialist", "Udemy")
    assert card_of(other, ctx, own) is not card


def test_a_name_is_read_once_whatever_platform_issued_it(book: Rulebook) -> None:
    cat = catalogue(book)
    name = "Grant Writing for Nonprofits"
    contoso = reading(cat, name, "Contoso Academy", None, ())
    fabrikam = reading(cat, name, "Fabrikam Learning", None, ())
    assert contoso is fabrikam  # neither's initials are in the name, neither is in the catalogue


def _candidate(ids: list[str], phrases: list[str]) -> Profile:
    name, company, credential, path, locator = ids
    about, current, earlier, project, headline = (f"{phrase} " * 10 for phrase in phrases)
    return Profile(
        source=Source("html"),
        person=Person(name=f"{name} Example", headline=f"Data Analyst. {headline}",
                      about=about),
        certificates=[
            Certificate("Tableau Desktop Specialist", "Tableau", "2024-01",
                        credential_id=f"{credential}-77", locator=f"/html/body/{locator}[1]",
                        credential_url=f"https://www.credly.com/badges/{path}"),
            Certificate("Google Data Analytics Professional Certificate", "Coursera", "2023-02"),
            Certificate("Forklift Operator Safety Training", "Fabrikam Safety", None)],
        positions=[Position("Data Analyst", f"{company} Ltd", "2022-01", None,
                            f"SQL, Tableau and Power BI. {current}"),
                   Position("Barista", "Contoso", "2018-01", "2021-12", earlier)],
        projects=[Project("Sales dashboard", f"Tableau and SQL. {project}", "2023-05")])


SEED = "qzx"


def _markers(seed: str) -> tuple[list[str], list[str]]:
    ids = [f"{seed}{word}{seed}" for word in ("name", "company", "credential", "path", "loc")]
    phrases = [f"{seed} {word} {seed}vv" for word in ("about", "now", "then", "side", "head")]
    return ids, phrases


def _kept(seed: str) -> list[int]:
    """Which markers a string held by a live container object contains. The markers are made
    after the objects are listed, so that only what held them before counts."""
    holders = gc.get_objects()
    ids, phrases = _markers(seed)
    texts = ids + phrases
    found: set[int] = set()
    for holder in holders:
        for item in gc.get_referents(holder):
            if isinstance(item, str) and len(item) > 8:
                found.update(i for i, text in enumerate(texts) if text in item)
    return sorted(found)


def test_nothing_of_the_candidate_is_kept_after_scoring() -> None:
    """What the scorer remembers (cards, readings, Outcomes, resolved roles and titles) is
    catalogue knowledge and certificate text: the candidate's name, employers, credential IDs
    and links, locators and their own longer texts die with the request, whether the role is
    the recruiter's or the candidate's own direction. (Single words of a headline or a latest
    position may stay in the tokeniser's word caches; whole texts may not.)"""
    book = load_rulebook(None)
    for role in (Role(title="Data Analyst"), None):
        ids, phrases = _markers(SEED)
        report = score_profile(_candidate(ids, phrases), role, as_of=AS_OF, rulebook=book)
        read = ids[1] in str(report.to_json())  # the scorer did read the candidate
        del ids, phrases, report
        assert read
    gc.collect()
    assert _kept(SEED) == []
