"""The scorer's memos change its speed, never its answers.

Reports scored warm (memos full, profiles in another order) equal those scored cold; memos are
bounded; a rule called with options other than the catalogue's own is computed afresh; the fast
path for credential URL hosts agrees with ``urllib``.
"""

from __future__ import annotations

import datetime
from functools import partial
from typing import Any
from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benchmarks._profiles import pool
from parser.models import Certificate, Profile, Source
from server.rulebook import Rulebook, load_rulebook
from server.scoring import Role, matching, score_profile
from server.scoring.certificate import host_of
from server.scoring.certificate import resolve as resolve_cert
from server.scoring.context import Context
from server.scoring.matching import catalogue
from server.scoring.plan import rule_options
from server.scoring.role import resolve as resolve_role
from server.scoring.rules import relevance
from server.scoring.stage import read_experience
from server.scoring.timeline import month_of

AS_OF = datetime.date(2025, 11, 1)


@pytest.fixture(scope="module")
def shipped() -> Rulebook:
    return load_rulebook(None)


def _role(value: dict[str, Any] | None) -> Role | None:
    if value is None:
        return None
    return Role(title=value.get("title"), description=value.get("description"),
                skills=tuple(value.get("skills") or ()))


def test_warm_reports_equal_cold_ones(shipped: Rulebook) -> None:
    jobs = [(Profile.from_json(r.profile), _role(r.role)) for r in pool(12, shipped, seed=11)]
    cat = catalogue(shipped)
    cold = []
    for profile, role in jobs:
        cat.clear_memos()
        cold.append(score_profile(profile, role, as_of=AS_OF, rulebook=shipped).to_json())
    for profile, role in jobs:  # fill the memos, then score again in reverse order
        score_profile(profile, role, as_of=AS_OF, rulebook=shipped)
    warm = [score_profile(profile, role, as_of=AS_OF, rulebook=shipped).to_json()
            for profile, role in reversed(jobs)]
    assert warm[::-1] == cold


def test_recall_is_bounded_and_keeps_the_recent(shipped: Rulebook,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    cat = catalogue(shipped)
    monkeypatch.setattr(matching, "MEMO_SIZE", 3)
    computed: list[int] = []

    def compute(n: int) -> int:
        computed.append(n)
        return n * 10

    for n in (1, 2, 3, 1, 4):  # 1 is used again before 4 arrives: 2 is the one dropped
        assert cat.recall("test-table", n, partial(compute, n)) == n * 10
    assert computed == [1, 2, 3, 4]
    assert cat.recall("test-table", 1, lambda: compute(-1)) == 10
    assert cat.recall("test-table", 2, lambda: compute(2)) == 20
    assert computed == [1, 2, 3, 4, 2]
    cat.clear_memos()


def test_other_options_are_not_answered_from_the_memo(shipped: Rulebook) -> None:
    cat = catalogue(shipped)
    profile = Profile(source=Source("html"),
                      certificates=[Certificate(name="Tableau Desktop Specialist",
                                                issuer="Tableau")])
    role = Role(title="Registered Nurse")
    report = score_profile(profile, role, as_of=AS_OF, rulebook=shipped)  # fills the memo
    assert "off_target" in report.certificate_flags(0)
    own = rule_options(shipped, cat)["relevance"]
    lenient = {**own, "relevant-at": 0.0, "off-target-below": -1.0}
    ctx = Context(book=shipped, cat=cat, as_of=AS_OF, now=month_of(AS_OF),
                  target=resolve_role(role, cat), profile=profile,
                  experience=read_experience(profile, cat, month_of(AS_OF)))
    view = resolve_cert(profile.certificates[0], 0, cat)
    assert [f.id for f in relevance.evaluate(lenient, view, ctx).flags] == ["relevant"]
    assert [f.id for f in relevance.evaluate(own, view, ctx).flags] == ["off_target"]


def test_one_certificate_under_two_issuers_means_the_same(shipped: Rulebook) -> None:
    cat = catalogue(shipped)
    a = resolve_cert(Certificate(name="Grant Writing Basics", issuer="Contoso Academy"), 0, cat)
    b = resolve_cert(Certificate(name="Grant Writing Basics", issuer="Fabrikam Learning"), 1, cat)
    c = resolve_cert(Certificate(name="Grant Writing Basics", issuer="Contoso Academy",
                                 skills=["SQL"]), 2, cat)
    assert a.meaning == b.meaning != c.meaning
    assert a.key != b.key


URLS = ["https://www.Credly.com/badges/x", "HTTP://example.org", "https://example.org?x=1",
        "https://user@host.example/x", "https://host.example:8080/x", "https://[::1]/x",
        "http://[oops", " https://x.example", "https://exa\tmple.org/x", "https://x.example\n",
        "www.credly.com/x", "https://", "", None]


def _reference(url: str | None) -> str | None:
    if not url:
        return None
    try:
        return (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    except ValueError:
        return None


@pytest.mark.parametrize("url", URLS)
def test_host_of_agrees_with_urlsplit(url: str | None) -> None:
    assert host_of(url) == _reference(url)


@given(st.sampled_from(["https://", "http://", "HTTPS://", ""]),
       st.text(alphabet=st.sampled_from("abcXYZ09.-@:[]/?# \t\n%é"), max_size=30))
def test_host_of_agrees_with_urlsplit_on_any_text(scheme: str, rest: str) -> None:
    assert host_of(scheme + rest) == _reference(scheme + rest)


def test_a_candidates_long_texts_are_never_kept_in_memory():
    """Descriptions and about texts are the candidate's own words: tokenised, never remembered."""
    from server.scoring import matching

    matching.clear_text_caches()
    description = "Led the migration of Northwind Traders' reporting to a cloud warehouse. " * 3
    assert len(description) > matching.CACHED_TEXT_LENGTH
    assert matching.tokens(description)[:2] == ("led", "the")
    assert matching._short_tokens.cache_info().currsize == 0
    matching.tokens("Certified Kubernetes Administrator")
    assert matching._short_tokens.cache_info().currsize == 1

