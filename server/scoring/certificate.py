"""What a certificate on a profile is, in catalogue terms: entry, skills, field, issuer.

Resolution goes from most to least certain, and records which step answered so notes can say so:
1. the catalogue entry, by exact name or by an alias / acronym / exam code inside the name (when
   the rest of the name fits that entry);
2. skills found in its name (and in the glossary's English of a name in another language) and
   in the skills listed with it (the skill alias index); else the first skills of the role family
   the name names ("Certified Transportation Broker" certifies what a freight broker does); else
   skills whose one-word name shares a stem with a word of the name;
3. otherwise only its words remain, compared with the role's words by the relevance rule.
Its field comes from the entry, else its skills, else a known issuer's few fields or a field
named in it. Its issuer's own initials ("AWS" of the American Welding Society) and its own
acronym are never read as skills.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from parser.models import Certificate
from server.scoring import glossary
from server.scoring.matching import Catalogue, cut, stem, stems, tokens
from server.scoring.role import find_family


@dataclass(frozen=True, slots=True)
class CertView:
    index: int
    cert: Certificate
    entry_id: str | None
    entry: dict[str, Any]  # the catalogue entry ({} when none)
    skills: dict[str, float]
    field: str | None  # the most likely field
    fields: dict[str, float]  # every candidate field -> confidence (1 catalogue/skills, less else)
    issuer_id: str | None  # the stated issuer (or credential URL domain), resolved
    brands: tuple[str, ...]  # issuers the *name* invokes ("AWS Certified …" -> aws)
    how: str  # "catalogue" | "skills" | "words"
    words: frozenset[str]
    # What it resolved to (name, entry, skills, fields, how, words), as a number interned by the
    # catalogue: rules that read only these memoise on it, so one certificate under other
    # issuers or listings shares their answers. None when unknown (a view built by hand).
    meaning: int | None = dataclasses.field(default=None, compare=False)
    # (name, issuer, credential host, listed skills): everything above but index and cert derives
    # from it, so rules may memoise on it.
    key: tuple[Any, ...] = dataclasses.field(default=(), compare=False)


# How much of a certificate's own text is read. Real names and issuers are well under a hundred
# characters; a longer one is pasted prose or hostile, and reading all of it would cost time on
# every rule and memory in every memo that keeps certificates (a 100 kB name, 8 192 times).
READ_TEXT_LENGTH = 250
READ_SKILLS = 50  # listed skills read per certificate (LinkedIn shows at most a handful)
READ_SKILL_LENGTH = 100


def readable(cert: Certificate) -> Certificate:
    """``cert`` as the scorer reads it: a name or issuer past ``READ_TEXT_LENGTH`` cut at a word
    (marked "…"), at most ``READ_SKILLS`` listed skills of at most ``READ_SKILL_LENGTH``. The
    certificate itself when nothing needs cutting (nearly always)."""
    issuer = cert.issuer or ""
    if len(cert.name) <= READ_TEXT_LENGTH and len(issuer) <= READ_TEXT_LENGTH and \
            len(cert.skills) <= READ_SKILLS and \
            all(len(skill) <= READ_SKILL_LENGTH for skill in cert.skills):
        return cert
    return dataclasses.replace(
        cert, name=cut(cert.name, READ_TEXT_LENGTH),
        issuer=cut(cert.issuer, READ_TEXT_LENGTH) if cert.issuer is not None else None,
        skills=[cut(skill, READ_SKILL_LENGTH) for skill in cert.skills[:READ_SKILLS]])


def resolve(cert: Certificate, index: int, cat: Catalogue) -> CertView:
    # Everything but the position depends on the name, issuer, credential host and listed skills
    # alone: memoised per catalogue, since the same certificates recur across profiles.
    key = key_of(cert)
    issuer_id = issuer_of(cat, key)
    return view(cert, index, key, issuer_id, reading(cat, key[0], key[1], issuer_id, key[3]))


def key_of(cert: Certificate) -> tuple[str, str | None, str | None, tuple[str, ...]]:
    """(name, issuer, credential host, listed skills): all of a certificate that its CertView
    depends on besides its position, so what derives from it may be memoised on it."""
    return (cert.name, cert.issuer, host_of(cert.credential_url), tuple(cert.skills))


def issuer_of(cat: Catalogue, key: tuple[Any, ...]) -> str | None:
    """The issuer of a certificate with this ``key_of``, resolved (memoised per catalogue)."""
    # The host only helps find the issuer: once that is known, resolutions differing only in
    # the host are the same one.
    return cat.memoised(_issuer_of)(key[1], key[2])


def view(cert: Certificate, index: int, key: tuple[Any, ...], issuer_id: str | None,
         r: Reading) -> CertView:
    """The CertView of ``cert`` at ``index``, from what its ``key`` resolved to."""
    return CertView(index, cert, r.entry_id, r.entry, r.skills, r.field, r.fields, issuer_id,
                    r.brands, r.how, r.words, r.meaning, key)


class Reading(NamedTuple):
    """What a certificate's text says in catalogue terms: the CertView fields that do not
    depend on the profile, nor on its issuer beyond what ``reading`` says."""

    entry_id: str | None
    entry: dict[str, Any]
    skills: dict[str, float]
    field: str | None
    fields: dict[str, float]
    brands: tuple[str, ...]
    how: str
    words: frozenset[str]
    meaning: int


def reading(cat: Catalogue, name: str, issuer: str | None, issuer_id: str | None,
            listed: tuple[str, ...]) -> Reading:
    """The certificate's Reading, remembered under just what it depends on.

    The issuer plays a part only where the name uses the issuer's initials ("AWS Certified
    Welder" from the American Welding Society), and, for a name the catalogue does not know,
    through the fields the issuer is known in. So one course name under a dozen platforms is
    read once, not once per platform.
    """
    memo = cat.memoised
    entry_id = memo(_entry_of)(name)
    # Letters several bodies use ("CEH", "CPC") mean the credential of the body that issued it.
    own = cat.issuer_credential(name, issuer_id)
    if own is not None:
        entry_id = own
    elif entry_id is not None and _other_bodys(cat, entry_id, issuer_id):
        entry_id = None  # another body's credential the catalogue does not list: read as such
    initials = _acronym(issuer)
    if initials is not None and initials not in tokens(name):
        initials = None  # initials the name does not use change nothing in it
    issuer_fields = () if entry_id and cat.book.certificates.get(entry_id) else \
        _issuer_fields(cat, issuer_id)
    return memo(_read)(name, entry_id, initials, issuer_fields, listed)


def _other_bodys(cat: Catalogue, entry_id: str, issuer_id: str | None) -> bool:
    """Is the stated issuer a credentialing body of its own, working in no field near the
    catalogue entry the name matched? Then the name is that body's credential, not the entry.

    "CEH" from the American Hotel & Lodging Educational Institute is its Certified Executive
    Housekeeper, not EC-Council's ethical hacker. A course platform or an unknown issuer proves
    nothing (a CEH prep course on Udemy is about ethical hacking), and a body in the entry's
    field is a mismatch for the provider rule to flag, not another credential.
    """
    if issuer_id is None:
        return False
    entry = cat.book.certificates.get(entry_id, {})
    issuer = cat.book.issuers.get(issuer_id, {})
    if not entry or not issuer or issuer_id == entry.get("issuer") \
            or issuer.get("tier") not in CREDENTIALING_TIERS:
        return False
    return not any(cat.field_relation(entry.get("field"), f) for f in issuer.get("fields", ()))


def _issuer_fields(cat: Catalogue, issuer_id: str | None) -> tuple[str, ...]:
    return tuple(cat.book.issuers.get(issuer_id or "", {}).get("fields", ()))


def _read(cat: Catalogue, name: str, entry_id: str | None, initials: str | None,
          issuer_fields: tuple[str, ...], listed: tuple[str, ...]) -> Reading:
    """What the certificate is in catalogue terms (shared between calls: the dicts in it are
    read, never changed). Each step is memoised on just what it reads, so a
    known name with another issuer or other listed skills reuses what the name alone says.

    ``initials`` are the issuer's when the name uses them, ``issuer_fields`` the fields of the
    issuer of a name that is no catalogue entry: all the issuer can change here."""
    memo = cat.memoised
    entry = cat.book.certificates.get(entry_id, {}) if entry_id else {}
    skills: dict[str, float] = {s: 1.0 for s in entry.get("skills", ())}
    for text in listed:
        for skill in memo(_text_skills)(text):
            skills.setdefault(skill, 1.0)
    if not entry:
        for skill in memo(_name_skills)(name, initials, issuer_fields):
            skills.setdefault(skill, 1.0)
    own_words = _without_own_acronyms(name, initials)
    if not skills and not entry:
        # A name that names an occupation ("Certified Transportation Broker", "Geprüfter
        # Hufbeschlagschmied") certifies what that occupation does: its family's main skills.
        for skill in memo(_occupation_skills)(own_words):
            if _issuer_works_in(cat, skill, issuer_fields):
                skills[skill] = STEM_SKILL_WEIGHT
    if not skills:  # last resort: one-word skill names that share a stem with its words
        for skill in memo(_stem_skills)(own_words):
            if _issuer_works_in(cat, skill, issuer_fields):
                skills[skill] = STEM_SKILL_WEIGHT
    fields = _fields(entry, skills, issuer_fields, name, cat)
    field = max(sorted(fields), key=lambda f: fields[f]) if fields else None
    brands = memo(_brands)(name)
    how = "catalogue" if entry_id else "skills" if skills else "words"
    skills = dict(sorted(skills.items()))
    # The stems of its own words and of each listed skill: the same as those of the texts
    # joined with spaces (no word spans two of them), each part remembered on its own, so
    # another listing of a known name costs no new tokenising.
    words = _stems(own_words).union(*map(_stems, listed))
    meaning = cat.intern((name, entry_id, tuple(skills.items()), tuple(fields.items()), how,
                          words))
    return Reading(entry_id, entry, skills, field, fields, brands, how, words, meaning)


def _entry_of(cat: Catalogue, name: str) -> str | None:
    return find_entry(name, cat)


def _issuer_of(cat: Catalogue, issuer: str | None, host: str | None) -> str | None:
    return _find_issuer(issuer, host, cat)


def _text_skills(cat: Catalogue, text: str) -> tuple[str, ...]:
    return tuple(skill for match in cat.skills.find(text) for skill in match.ids)


def _occupation_skills(cat: Catalogue, words: str) -> list[str]:
    """The main skills of the role family the words name, if they name one for sure."""
    family = find_family(words, cat)
    return list(cat.book.roles[family]["skills"][:OCCUPATION_SKILLS]) if family else []


def _stem_skills(cat: Catalogue, words: str) -> list[str]:
    return cat.skills_by_stem(words)


def _brands(cat: Catalogue, name: str) -> tuple[str, ...]:
    """Issuers the name invokes ("AWS Certified …" -> aws)."""
    return tuple(sorted({i for m in cat.issuers.find(name) for i in m.ids}))


def _name_skills(cat: Catalogue, name: str, initials: str | None,
                 issuer_fields: tuple[str, ...]) -> list[str]:
    """Skills a name's words point to, minus the issuer's own initials (``initials``) and
    skills foreign to the fields a known issuer works in (``issuer_fields``).

    "AWS Certified Welder" from the American Welding Society is about welding: its "AWS" is the
    society's initials, not Amazon Web Services.
    """
    own = {initials} | own_acronyms(name)  # "CPP" in "Certified Professional Photographer
    # (CPP)" is the certificate's own acronym, not the C++ language
    found = [skill for match in cat.skills.find(name) if match.text not in own
             for skill in match.ids]
    # A name in another language names skills in its English too ("Certyfikat księgowy" ->
    # accountant certificate -> accounting), when the glossary knows its words.
    words = tokens(name)
    english = glossary.of(cat).rewrite(words)
    if english != list(words):
        found += [skill for match in cat.skills.find(" ".join(english))
                  if match.text not in own for skill in match.ids if skill not in found]
    return [s for s in found if _issuer_works_in(cat, s, issuer_fields)]


def _issuer_works_in(cat: Catalogue, skill: str, issuer_fields: tuple[str, ...]) -> bool:
    """Whether ``skill`` is in or next to a field of the issuer (any skill when its fields are
    unknown): an issuer known for welding does not certify C++ by its "CPP"."""
    return not issuer_fields or any(cat.field_relation(f, g) > 0
                                    for f in cat.skill_fields(skill) for g in issuer_fields)


@lru_cache(maxsize=8192)
def _stems(text: str) -> frozenset[str]:
    """``stems`` of a certificate's name (and listed skills), remembered: names recur. Only
    for certificate text, never a candidate's own words (titles, descriptions)."""
    return stems(text)


@lru_cache(maxsize=8192)
def _without_own_acronyms(name: str, initials: str | None) -> str:
    """The name's tokens without its own acronym and the issuer's ``initials``."""
    own = {initials} | own_acronyms(name)
    return " ".join(w for w in tokens(name) if w not in own)


@lru_cache(maxsize=8192)
def own_acronyms(name: str) -> frozenset[str]:
    """The tokens by which a name abbreviates itself: the initials of all its words, or a
    bracketed acronym spelled by a run of them ("AIFD Certified Floral Designer (CFD)" -> "cfd",
    "Certified Professional – Food Safety (CP-FS)" -> "cp", "fs"). They stand for the name's
    own words, so they are not read as something else (computational fluid dynamics)."""
    whole = _acronym(name)
    # (Latin letters only: a name in Chinese or Japanese is tokenised by character, and its
    # "initials" would be the whole name.)
    found = {whole} if whole and whole.isascii() else set()
    insides = re.findall(r"\(([^()]*)\)", name)
    if not insides:
        return frozenset(found)
    # One letter per word: a run of consecutive words' initials is a stretch of this string.
    initials = "".join(w[0] for w in tokens(re.sub(r"\(.*?\)", " ", name))
                       if w not in _LINK_WORDS and not w.isdigit())
    for inside in insides:
        spelled = "".join(t for t in tokens(inside) if t.isalpha() and t.isascii())
        if len(spelled) >= 2 and spelled in initials:
            found.update(t for t in tokens(inside) if t.isalpha() and t.isascii())
    return frozenset(found)


@lru_cache(maxsize=8192)
def _acronym(text: str | None) -> str | None:
    """"American Welding Society" -> "aws": the initials a name may use for itself or its issuer.

    Words in brackets (where the acronym itself usually stands) are left out."""
    words = tokens(re.sub(r"\(.*?\)", " ", text or ""))
    if len(words) == 1 and text and text.isupper():
        return words[0]  # a body known by its letters ("IPC", "NEBOSH"): they are its initials
    initials = "".join(w[0] for w in words if w not in _LINK_WORDS and not w.isdigit())
    return initials if len(initials) >= 2 else None


def find_entry(name: str, cat: Catalogue) -> str | None:
    """The catalogue certificate a name refers to: exact, else the longest known name inside it.

    A name found inside a longer one counts only if the other words of the name fit that
    certificate (its names, skills, field, issuer): "Transport Manager CPC" is not the medical
    coders' CPC, and "Certified Logistics Associate (CLA)" not a legal assistant's CLA.
    """
    exact = cat.certificates.lookup(name)
    if exact:
        return exact[0]
    words = _stems(name)
    best = None
    for match in cat.certificates.find(name):
        if len(match.phrase) == 1 and len(match.phrase[0]) < 3:
            continue
        if best is not None and len(match.phrase) <= len(best[0].phrase):
            continue
        rest = words - {stem(w) for w in match.phrase}
        # The name's own acronym ("Certified Professional in Patient Safety (CPPS)") names the
        # entry that shares the acronym only if the words it abbreviates are that entry's name
        # (not the pet sitters' "Certified Professional Pet Sitter (CPPS)").
        spelled = len(match.phrase) == 1 and match.phrase[0] in own_acronyms(name)
        for key in match.ids:
            vocab = cat.certificate_name_words(key) if spelled else \
                cat.certificate_vocab.get(key, frozenset())
            if not rest or len(rest & vocab) / len(rest) >= _ENTRY_MIN_FIT:
                best = (match, key)
                break
    return best[1] if best else None


def find_issuer(issuer: str | None, url: str | None, cat: Catalogue) -> str | None:
    """The stated issuer, resolved; else the issuer whose domain the credential URL is on."""
    return _find_issuer(issuer, host_of(url), cat)


MAX_HOST_LENGTH = 253


def host_of(url: str | None) -> str | None:
    """The host of a credential URL ("https://www.credly.com/…" -> "www.credly.com")."""
    if not url:
        return None
    plain = _PLAIN_HOST.match(url)
    if plain:  # the usual "https://host/path": what urlsplit would say, without its cost
        host = plain[1].lower()
    else:
        try:
            host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
        except ValueError:  # "http://[oops" and other unparseable text: no domain to go on
            return None
    # No domain name is longer (RFC 1035); a longer "host" names nothing and would only weigh
    # down the memos it keys.
    return host if len(host) <= MAX_HOST_LENGTH else None


def _find_issuer(issuer: str | None, host: str | None, cat: Catalogue) -> str | None:
    if issuer:
        exact = cat.issuers.lookup(issuer)
        if exact:
            return exact[0]
        inside = sorted(cat.issuers.find(issuer), key=lambda m: -len(m.phrase))
        if inside and len(inside[0].phrase) * 2 >= len(tokens(issuer)):
            return inside[0].ids[0]
    if host is not None:
        parts = host.removeprefix("www.").split(".")
        for i in range(len(parts) - 1):  # credly.com, then its parent domains
            key = cat.domains.get(".".join(parts[i:]))
            if key:
                return key
    return None


# A URL whose host needs none of urlsplit's care (no user, port, brackets, spaces or controls).
_PLAIN_HOST = re.compile(r"(?i:https?)://([A-Za-z0-9.-]+)(?=[/?#]|\Z)")
_ENTRY_MIN_FIT = 0.5
# Issuers that grant credentials of their own: a matching name may be theirs (a platform, a
# university teaching a prep course for it, or an unknown host is not), and a name may claim one
# of theirs (the provider rule).
CREDENTIALING_TIERS = frozenset({"vendor_exam", "professional_body", "licensing_authority"})
STEM_SKILL_WEIGHT = 0.7  # a skill guessed from a word form or an occupation the name names
OCCUPATION_SKILLS = 5  # the first (most telling) skills of a role family a name names
_LINK_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "to", "a", "an", "de", "du",
                         "des", "la", "le", "der", "und", "fur", "e", "y", "et"})
# How sure each source of a field is: the catalogue entry and the skills say what the certificate
# teaches; an issuer known in a few fields, or a field named in the title, only suggest it.
ISSUER_FIELD_CONFIDENCE = 0.8
NAMED_FIELD_CONFIDENCE = 0.8
MAX_ISSUER_FIELDS = 3  # an issuer active in more fields says nothing about one certificate


def _fields(entry: dict[str, Any], skills: dict[str, float], issuer_fields: tuple[str, ...],
            name: str, cat: Catalogue) -> dict[str, float]:
    if entry:
        return {entry["field"]: 1.0}
    majority = cat.majority_field(skills)
    if majority:
        return {majority: 1.0}
    fields: dict[str, float] = {}
    if 0 < len(issuer_fields) <= MAX_ISSUER_FIELDS:
        for f in issuer_fields:
            fields[f] = ISSUER_FIELD_CONFIDENCE
    for match in cat.fields.find(name):
        for f in match.ids:
            fields[f] = max(fields.get(f, 0.0), NAMED_FIELD_CONFIDENCE)
    return dict(sorted(fields.items()))
