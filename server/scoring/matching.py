"""Text to catalogue ids: normalisation, phrase (alias) indexes and rarity weights.

Every name a rulebook entry answers to (label, title, aliases, acronyms, exam codes) becomes a
token sequence in a ``PhraseIndex``; free text is matched greedily, longest phrase first, so
"Power BI Data Analyst" finds the certificate, not the words "data" and "analyst". Matching works on
accent-stripped, case-folded tokens, which lets "Gestión de proyectos" meet "gestion de proyectos".

Rarity: a skill referred to by few certificates and roles says more about a match than one that
everything lists ("communication"), so each skill gets an IDF weight computed from the catalogue.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
import weakref
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeVar, cast

from server.rulebook import Rulebook

if TYPE_CHECKING:  # glossary imports this module
    from server.scoring.glossary import Glossary

# Latin words (keeping "c++", "c#" and "node.js" whole), or one CJK character: Chinese, Japanese
# and Korean write compounds without spaces ("日商簿記検定", "정보처리기사"), so a word boundary
# says nothing there; one Han or Kana character, or one Hangul syllable, per token lets an alias
# ("簿記", "회계") match as a phrase inside the compound. Kana voicing marks are kept (see _plain).
_CJK = "\u3041-\u3096\u3099-\u309f\u30a1-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7a3"
# Alphabets written with spaces between words, read as words like Latin: Greek, Cyrillic,
# Hebrew and Arabic ("Допуск по электробезопасности", "Πιστοποίηση Διαμεσολαβητή").
_ALPHABETS = "\u0370-\u03ff\u0400-\u052f\u05d0-\u05ea\u0620-\u064a\u066e-\u06d3"
_TOKEN = re.compile(rf"[a-z0-9{_ALPHABETS}][a-z0-9+#{_ALPHABETS}]*(?:\.[a-z0-9+#]+)*|[{_CJK}]")
# Latin letters that are not a base letter and an accent, so NFKD leaves them whole: their plain
# forms, so that "Łódź" and "Lodz", "Sjøfart" and "Sjofart" read alike.
_LATIN_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i",
                                "æ": "ae", "œ": "oe", "þ": "th", "ŀ": "l"})
# Combining marks that are letters' own parts, not accents: the kana voicing marks (が is not か).
_KEEP_MARKS = frozenset("\u3099\u309a")
# Words that never carry meaning on their own in a certificate name or job title, in the locales
# the parser reads. They are skipped by the word fallback only; phrases may still contain them.
STOPWORDS: Final = frozenset({
    "a", "an", "and", "the", "of", "for", "in", "on", "at", "to", "with", "by", "from", "or",
    "as", "via", "is", "are", "be", "your", "you", "our", "we", "this", "that", "de", "la", "le",
    "les", "des", "du", "et", "en", "el", "los", "las", "del", "y", "para", "con", "por", "um",
    "uma", "o", "os", "e", "do", "da", "dos", "das", "no", "na", "der", "die", "und",
    "für", "fur", "mit", "von", "zu", "im", "am", "ein", "eine", "certificate", "certificates",
    "certification", "certifications", "certified", "certificado", "certificacao", "certificat",
    "zertifikat", "zertifizierung", "course", "courses", "curso", "cours", "kurs", "training",
    "program", "programme", "programa", "professional", "specialization", "specialisation",
    "diploma", "badge", "level", "foundation", "foundations", "fundamentals", "introduction",
    "intro", "basics", "basic", "advanced", "essentials", "associate", "expert", "practitioner",
    "part", "module", "online", "class", "bootcamp", "nanodegree", "track", "path", "learning",
    "skill", "skills", "1", "2", "3", "i", "ii", "iii", "professionnel", "professionnelle",
    "profesional", "profesionalidad", "profissional", "certificazione", "titre", "carte",
    "attestation", "gepruft", "geprufter", "diplom", "diplome", "award", "holder", "member",
    # The kind of credential, shared by licences of every trade ("Construction Supervisor
    # License" and "Licensed Practical Nurse" have nothing in common).
    "license", "licence", "licensed", "licenced", "licensure", "registered", "chartered",
    "accredited", "qualified", "qualification", "credential", "designation", "endorsement",
    "permit", "exam", "examination",
})

# Words of place names ("Queensland", "Texas", "Tokyo"): where a job or licence is, never what it
# is about, so a licence and a job in the same state share nothing by it. Built from ISO 3166 by
# scripts/build_place_words.py, minus words that mean something else ("Java", "French").
PLACE_WORDS: Final = frozenset(
    line for line in (Path(__file__).resolve().parent / "data" / "place_words.txt")
    .read_text(encoding="utf-8").splitlines() if line and not line.startswith("#"))
# What a fallback comparison of words skips: words without meaning of their own, and places.
SKIPPED_WORDS: Final = STOPWORDS | PLACE_WORDS


_Result = TypeVar("_Result")
# How many distinct inputs (certificate names, job titles, roles) each memo of a Catalogue keeps.
# Real traffic repeats them: the same certificates and roles come back profile after profile.
MEMO_SIZE: Final = 8192
_MISSING: Final = object()


def normalise(text: str) -> str:
    """Case-folded, accent-stripped, punctuation-free text ("Gestión  Ágil!" -> "gestion agil")."""
    return " ".join(tokens(_plain(text)))


# Texts up to this length (certificate names, skill labels, role and position titles) recur across
# requests and are worth remembering; longer ones (about texts, job and position descriptions) are
# a candidate's own words: they are tokenised afresh and never kept in the worker's memory.
CACHED_TEXT_LENGTH = 80


def tokens(text: str) -> tuple[str, ...]:
    """Word tokens; keeps "c++", "c#" and dots inside words ("node.js"), drops the rest."""
    if len(text) <= CACHED_TEXT_LENGTH:
        return _short_tokens(text)
    return _tokens(text)


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(_plain(text).replace("-", " ").replace("/", " ")))


_short_tokens = lru_cache(maxsize=8192)(_tokens)


def clear_text_caches() -> None:
    """Forget every remembered text (benchmarks measure the cold cost with it)."""
    _short_tokens.cache_clear()
    stem.cache_clear()
    root.cache_clear()


def cut(text: str, length: int) -> str:
    """``text`` if it is at most ``length`` characters, else its beginning cut at a word and
    marked "…": what the scorer reads of a text too long to be what it claims to be (a name, a
    title)."""
    if len(text) <= length:
        return text
    head = text[:length]
    space = head.rfind(" ")
    return (head[:space] if space >= length // 2 else head).rstrip() + "\u2026"


def _plain(text: str) -> str:
    """Case-folded and accent-stripped; ASCII text (most of it) needs only lower-casing, which
    is what NFKD and casefold amount to for it.

    NFKD also folds full-width forms ("２級" -> "2級") but splits Hangul syllables into jamo and
    kana into base and voicing mark; NFC afterwards puts those back together, once the Latin
    accents are gone."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LATIN_LETTERS))
    stripped = "".join(ch for ch in decomposed
                       if not unicodedata.combining(ch) or ch in _KEEP_MARKS)
    return stripped if stripped.isascii() else unicodedata.normalize("NFC", stripped)


_SUFFIXES = ("ation", "ition", "ment", "ness", "ing", "ist", "ity", "ant", "ent", "ion", "ary",
             "ive", "er", "or", "al", "e")


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """A light stem, so that "auditor" meets "audit", "accountant" meets "accounting" and
    "management" meets "manager", while "compensation" stays apart from "competitor".
    Used only to compare words of job titles and certificate names; cut to six letters, so
    it groups a word family loosely (see ``root`` for the uncut form). A product's name with a
    sign in it ("network+") is not cut: "networking" is not CompTIA's Network+."""
    return root(word)[:6] if word.isalnum() else word


@lru_cache(maxsize=16384)
def root(word: str) -> str:
    """``stem`` before it is cut to six letters: "electronics" -> "electronic" and
    "electrocardiography" stay apart, where both stems are "electr". A name with a sign in it
    ("network+", "c#", "node.js") is a product's name, never inflected: it is its own root."""
    if not word.isalnum():
        return word
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    for _ in range(2):  # "engineering" -> "engineer" -> "engine"
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


def stems(text: str) -> frozenset[str]:
    """Stems of the words that say what a certificate or job is about (not its rank or kind)."""
    return frozenset(stem(w) for w in content_words(text) if w not in TITLE_MODIFIERS)


def content_words(text: str) -> tuple[str, ...]:
    """Tokens minus stopwords, places and bare numbers: the words a fallback comparison may
    use."""
    return tuple(t for t in tokens(text)
                 if t not in SKIPPED_WORDS and not t.isdigit() and len(t) > 1)


LANGUAGES: Final = "languages"  # the field of language skills, which any job may ask for

# Words in a job title that say rank or contract, not what the job is ("Senior", "Trainee").
TITLE_MODIFIERS: Final = frozenset({
    "senior", "sr", "junior", "jr", "lead", "head", "chief", "principal", "staff", "associate",
    "assistant", "trainee", "intern", "apprentice", "entry", "level", "deputy", "acting",
    "interim", "remote", "contract", "freelance", "part", "time", "full", "ii", "iii", "iv",
    "team", "group", "global", "regional", "international", "officer", "specialist",
    "coordinator", "manager", "director", "supervisor", "executive", "consultant", "advisor",
    "adviser", "representative", "agent", "worker", "operator", "technician", "professional",
})


# Rank and contract words: "Senior Business Analyst" is a Business Analyst.
RANK_WORDS: Final = frozenset({
    "senior", "sr", "junior", "jr", "lead", "head", "chief", "principal", "staff", "trainee",
    "intern", "apprentice", "entry", "level", "deputy", "acting", "interim", "remote", "contract",
    "freelance", "part", "time", "full", "i", "ii", "iii", "iv",
})


@dataclass(frozen=True, slots=True)
class Match:
    ids: tuple[str, ...]
    phrase: tuple[str, ...]
    start: int

    @property
    def text(self) -> str:
        return " ".join(self.phrase)


@dataclass
class PhraseIndex:
    """Token-sequence -> ids; ``find`` matches greedily, longest first, without overlaps."""

    phrases: dict[tuple[str, ...], set[str]] = field(default_factory=lambda: defaultdict(set))
    longest: int = 0
    # First word -> the longest phrase that starts with it: most words of a text start no phrase
    # at all, and ``find`` then moves on after one lookup instead of trying every length.
    starts: dict[str, int] = field(default_factory=dict)

    def add(self, phrase: str, key: str) -> None:
        words = tokens(phrase)
        if words:
            self.phrases[words].add(key)
            self.longest = max(self.longest, len(words))
            self.starts[words[0]] = max(self.starts.get(words[0], 0), len(words))

    def lookup(self, text: str) -> tuple[str, ...]:
        """Ids whose whole name is exactly ``text`` (after normalisation)."""
        return tuple(sorted(self.phrases.get(tokens(text), ())))

    def find(self, text: str | Iterable[str]) -> Iterator[Match]:
        words = tokens(text) if isinstance(text, str) else tuple(text)
        phrases, starts = self.phrases, self.starts
        i, count = 0, len(words)
        while i < count:
            for size in range(min(starts.get(words[i], 0), count - i), 0, -1):
                ids = phrases.get(words[i:i + size])
                if ids:
                    yield Match(tuple(sorted(ids)), words[i:i + size], i)
                    i += size
                    break
            else:
                i += 1


def _certificate_name_words(cat: Catalogue, key: str) -> frozenset[str]:
    return frozenset().union(*map(_name_stems, _names(cat.book.certificates[key], "name")))


def _name_stems(name: str) -> frozenset[str]:
    """The stems of a name's content words."""
    return frozenset(stem(w) for w in content_words(name))


def _names(entry: dict[str, Any], *keys: str) -> list[str]:
    names = [entry[k] for k in keys if isinstance(entry.get(k), str)]
    return names + list(entry.get("aliases", ()))


class Catalogue:
    """Indexes over one Rulebook, built once per Rulebook object (see ``catalogue``)."""

    def __init__(self, book: Rulebook) -> None:
        self.book = book
        self.rule_options: dict[str, dict[str, Any]] | None = None  # set by the engine, once
        self._memos: dict[Callable[..., Any], Any] = {}
        self._tables: dict[str, OrderedDict[Hashable, Any]] = {}
        self._serial = itertools.count(1)
        self.claim_patterns: tuple[re.Pattern[str], ...] | None = None  # by the claims rule
        self.glossary: Glossary | None = None  # built by ``glossary.of`` on first use
        self._labels: dict[tuple[str, str], str] = {}  # (kind, id) -> label, filled by label()
        self._skill_fields = {key: tuple(entry.get("fields", ()))
                              for key, entry in book.skills.items()}
        self.skills = self._index(book.skills, "label")
        self.certificates = self._index(book.certificates, "name")
        self.issuers = self._index(book.issuers, "name")
        self.roles = self._index(book.roles, "title")
        self.fields = self._index(book.fields, "label")
        self.field_ids = self._index({k: {} for k in book.fields}, "label")
        for key in book.fields:  # the id itself ("data_analytics") reads as a phrase too
            self.field_ids.add(key.replace("_", " "), key)
        self.domains: dict[str, str] = {}
        for key, entry in sorted(book.issuers.items()):
            for domain in entry.get("domains", ()):
                self.domains.setdefault(domain.lower().removeprefix("www."), key)
        self.idf = self._rarity(book)
        # One-word skill names by stem ("arborist" ~ "arboriculture" no, "sommelier" yes): the
        # last resort for a certificate or title no phrase matched.
        # Not indexed by stem: names written as acronyms or brands ("ECG", "ServiceNow"), which
        # another word's beginning does not make ("eléctricas", "Serviços"), and languages,
        # which are named, not inflected: a stem would read "France" or "francés" alike.
        self.skill_stems: dict[str, set[tuple[str, str]]] = defaultdict(set)
        self.language_names: dict[str, str] = {}
        for key, entry in sorted(book.skills.items()):
            label = tokens(entry["label"])
            if LANGUAGES in entry.get("fields", ()) and len(label) == 2 and \
                    label[1] == "language":  # "German language" is named "German"
                self.language_names.setdefault(label[0], key)
                continue
            for name in _names(entry, "label"):
                words = tokens(name)
                if len(words) == 1 and len(words[0]) >= 5 and words[0] not in STOPWORDS \
                        and not _acronym_or_brand(name):
                    self.skill_stems[stem(words[0])].add((words[0], key))
        self.language_skills = frozenset(self.language_names.values())
        # The word stems of each skill's label: what the skill is called, without the words an
        # alias carries along ("Six Sigma Green Belt methods").
        self.skill_words: dict[str, frozenset[str]] = {
            key: stems(entry["label"]) for key, entry in book.skills.items()}
        self.related = {key: frozenset(entry.get("related", ())) for key, entry in
                        book.fields.items()}
        # Word-level view of role families, for titles no alias spells out ("Audit Senior"):
        # the words of each family's names, and its vocabulary (names, skills, field).
        self.role_words: dict[str, frozenset[str]] = {}
        self.role_names: dict[str, tuple[frozenset[str], ...]] = {}
        self.role_vocab: dict[str, frozenset[str]] = {}
        # The families whose names hold a word (stem), in id order: a title's head noun is
        # looked up there rather than in every family.
        self.families_with_word: dict[str, list[str]] = {}
        # The uncut roots of the words of each family's names: a title's head noun must be one
        # of them, give or take an ending ("accessibility" and "access" share a stem, not a
        # root).
        self.role_roots: dict[str, frozenset[str]] = {}
        # The same skill, field and issuer names recur across entries: their stems, once each.
        name_stems = cache(_name_stems)
        for key, entry in sorted(book.roles.items()):
            names = set().union(*map(name_stems, _names(entry, "title")))
            vocab = set(names)
            for skill in entry.get("skills", ()):
                vocab.update(*map(name_stems, _names(book.skills.get(skill, {}), "label")))
            for field_id in (entry.get("field"), *entry.get("related_fields", ())):
                vocab.update(*map(name_stems, _names(book.fields.get(field_id or "", {}),
                                                     "label")))
            self.role_words[key] = frozenset(names)
            for word in names:
                self.families_with_word.setdefault(word, []).append(key)
            self.role_names[key] = tuple(frozenset(stem(w) for w in content_words(name))
                                         for name in _names(entry, "title"))
            self.role_roots[key] = frozenset(root(w) for name in _names(entry, "title")
                                             for w in content_words(name))
            self.role_vocab[key] = frozenset(vocab)
        # The same for certificates: the words that may stand beside an acronym in a name that
        # really means this certificate ("CPC" is a medical coder's credential, but "Transport
        # Manager CPC" is not).
        self.certificate_vocab: dict[str, frozenset[str]] = {}
        # Each issuer's own credentials under the names they carry without the issuer's own
        # words ("CEH (IEHA)" -> the housekeepers' "ceh"), so that a bare acronym that several
        # bodies use resolves by who issued it.
        self.issuer_words = {key: frozenset(w for name in _names(entry, "name")
                                            for w in tokens(name))
                             for key, entry in book.issuers.items()}
        self.issuer_credentials: dict[tuple[str, tuple[str, ...]], str] = {}
        for key, entry in sorted(book.certificates.items()):
            for name in _names(entry, "name"):
                own = self.without_issuer(name, entry["issuer"])
                if own:
                    self.issuer_credentials.setdefault((entry["issuer"], own), key)
        for key, entry in sorted(book.certificates.items()):
            fitting = set().union(*map(name_stems, _names(entry, "name")))
            for skill in entry.get("skills", ()):
                fitting.update(*map(name_stems, _names(book.skills.get(skill, {}), "label")))
            fitting.update(*map(name_stems, (
                *_names(book.fields.get(entry["field"], {}), "label"),
                *_names(book.issuers.get(entry["issuer"], {}), "name"))))
            self.certificate_vocab[key] = frozenset(fitting)
        counts: dict[str, int] = defaultdict(int)
        for role_names in self.role_words.values():
            for word in role_names:
                counts[word] += 1
        total = len(self.role_words)
        self.unseen_idf = math.log(total + 1) + 1.0  # a word no role uses is as rare as it gets
        # How common each word is across every name in the catalogue, so that sharing "data" or
        # "design" with a job title counts for less than sharing "sommelier".
        named: dict[str, int] = defaultdict(int)
        documents = 0
        for section, key_name in ((book.certificates, "name"), (book.roles, "title"),
                                  (book.skills, "label")):
            for entry in section.values():
                documents += 1
                for word in set().union(*map(name_stems, _names(entry, key_name))):
                    named[word] += 1
        self.word_idf = {w: math.log((documents + 1) / (n + 1)) + 1.0 for w, n in named.items()}
        self.unseen_word_idf = math.log(documents + 1) + 1.0
        self.role_word_idf = {w: math.log((total + 1) / (n + 1)) + 1.0 for w, n in counts.items()}

    def without_issuer(self, name: str, issuer_id: str) -> tuple[str, ...]:
        """The tokens of a certificate's name without the words of its issuer's names."""
        words = self.issuer_words.get(issuer_id, frozenset())
        return tuple(w for w in tokens(name) if w not in words)

    def certificate_name_words(self, key: str) -> frozenset[str]:
        """The stems of a catalogue certificate's name and aliases."""
        return self.memoised(_certificate_name_words)(key)

    def issuer_credential(self, name: str, issuer_id: str | None) -> str | None:
        """The issuer's own catalogue credential that ``name`` names, the issuer's words aside
        ("CEH" from the International Executive Housekeepers Association), if there is one."""
        if issuer_id is None:
            return None
        return self.issuer_credentials.get((issuer_id, self.without_issuer(name, issuer_id)))

    def memoised(self, function: Callable[..., _Result]) -> Callable[..., _Result]:
        """``function(self, *args)`` with a bounded cache private to this catalogue.

        For pure functions of a catalogue and hashable text (a certificate's name and issuer, a
        job title): their answer depends on this rulebook only, so it is kept with it.
        """
        cached = self._memos.get(function)
        if cached is None:
            cached = self._memos[function] = lru_cache(MEMO_SIZE)(partial(function, self))
        result: Callable[..., _Result] = cached
        return result

    def recall(self, table: str, key: Hashable, compute: Callable[[], _Result]) -> _Result:
        """The answer remembered under ``key`` in ``table``, else ``compute()`` (remembered).

        For answers that depend on more than hashable arguments can carry; the caller's key
        must stand for everything ``compute`` reads. At most ``MEMO_SIZE`` per table, the least
        recently used dropped first.
        """
        memo = self._tables.get(table)
        if memo is None:
            memo = self._tables[table] = OrderedDict()
        result = memo.get(key, _MISSING)
        if result is not _MISSING:  # (a lookup, not a KeyError: most keys of a new profile miss)
            memo.move_to_end(key)
            return cast(_Result, result)
        answer = memo[key] = compute()
        if len(memo) > MEMO_SIZE:
            memo.popitem(last=False)
        return answer

    def intern(self, value: Hashable) -> int:
        """A small number standing for ``value`` in memo keys, so that they hash and compare
        fast; never reused for another value (one forgotten gets a new number if seen again)."""
        return self.recall("interned", value, self._serial.__next__)

    def clear_memos(self) -> None:
        """Forget every memoised answer (benchmarks measure the cold path with it)."""
        for cached in self._memos.values():
            cached.cache_clear()
        self._tables.clear()

    @staticmethod
    def _index(entries: dict[str, dict[str, Any]], *keys: str) -> PhraseIndex:
        index = PhraseIndex()
        for key, entry in sorted(entries.items()):
            for name in _names(entry, *keys):
                index.add(name, key)
        return index

    @staticmethod
    def _rarity(book: Rulebook) -> dict[str, float]:
        uses: dict[str, int] = defaultdict(int)
        for entry in (*book.certificates.values(), *book.roles.values()):
            for skill in entry.get("skills", ()):
                uses[skill] += 1
        documents = len(book.certificates) + len(book.roles)
        return {key: math.log((documents + 1) / (uses[key] + 1)) + 1.0 for key in book.skills}

    def skills_by_stem(self, text: str) -> list[str]:
        """Skills whose one-word name is a form of a word of ``text`` (the same root, or a
        long shared beginning followed by short endings); of those, only the closest (the
        longest shared beginning). A language only by its exact name."""
        found: set[str] = set()
        for word in content_words(text):
            if word in TITLE_MODIFIERS:
                continue
            language = self.language_names.get(word)
            if language:
                found.add(language)
                continue
            best: list[str] = []
            best_shared = 0
            for name, key in sorted(self.skill_stems.get(stem(word), ())):
                shared = shared_beginning(word, name)
                if not _word_forms(word, name, shared) or shared < best_shared:
                    continue
                if shared > best_shared:
                    best, best_shared = [], shared
                best.append(key)
            found.update(best)
        return sorted(found)

    def field_relation(self, a: str | None, b: str | None) -> float:
        """1 for the same field, 0.5 for fields the rulebook calls related, else 0."""
        if a is None or b is None:
            return 0.0
        if a == b:
            return 1.0
        if b in self.related.get(a, ()) or a in self.related.get(b, ()):
            return 0.5
        return 0.0

    def majority_field(self, skills: Mapping[str, float]) -> str | None:
        """The field most of these weighted skills belong to, rarer skills weighing more; ties go
        to the alphabetically first field, so the answer never depends on dict order."""
        votes: dict[str, float] = defaultdict(float)
        for skill, weight in skills.items():
            for field_id in self.skill_fields(skill):
                votes[field_id] += weight * self.idf.get(skill, 1.0)
        return max(sorted(votes), key=lambda f: votes[f]) if votes else None

    def skill_fields(self, skill: str) -> tuple[str, ...]:
        return self._skill_fields.get(skill, ())

    def label(self, kind: str, key: str | None) -> str:
        """Human label of a field / skill / role id, for notes."""
        if key is None:
            return "unknown"
        # Notes name a dozen skills and fields per certificate: each label is looked up once.
        known = self._labels.get((kind, key))
        if known is not None:
            return known
        entry = getattr(self.book, kind).get(key)
        if entry is None:
            return str(key)  # not a catalogue id: nothing to remember
        text = self._labels[kind, key] = str(entry.get("label") or entry.get("title")
                                             or entry.get("name") or key)
        return text


# Word forms may part after this many letters ("accounting" ~ "accountant"), when what follows
# on either side is no longer than an ending ("-ation" plus a plural).
_FORM_SHARED = 7
_FORM_ENDING = 6


def shared_beginning(a: str, b: str) -> int:
    """How many letters ``a`` and ``b`` share from their start."""
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                min(len(a), len(b)))


def _word_forms(word: str, name: str, shared: int) -> bool:
    """Whether ``word`` and ``name`` are forms of one word, not two words that begin alike:
    the same root ("auditor", "auditing"), or a long shared beginning and short endings.
    "electronics" ~ "electrocardiography" share six letters and then part for good, "personal"
    is only the start of "Personalbeschaffung", and "composer" and "composure" part too soon."""
    if root(word) == root(name):
        return True
    return shared >= _FORM_SHARED and max(len(word), len(name)) - shared <= _FORM_ENDING


def _acronym_or_brand(name: str) -> bool:
    """A name written with a capital inside it ("ECG", "ServiceNow", "iOS"): an acronym or a
    brand, which only its exact spelling names."""
    return any(ch.isupper() for ch in name[1:])


_CACHE: dict[int, tuple[weakref.ref[Rulebook], Catalogue]] = {}


def catalogue(book: Rulebook) -> Catalogue:
    """The Catalogue of ``book``, built on first use (a Rulebook is immutable once loaded)."""
    cached = _CACHE.get(id(book))
    if cached is not None and cached[0]() is book:
        return cached[1]
    built = Catalogue(book)
    key = id(book)

    def forget(_ref: weakref.ref[Rulebook]) -> None:
        _CACHE.pop(key, None)

    _CACHE[key] = (weakref.ref(book, forget), built)
    return built
