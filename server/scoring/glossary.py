"""Reading a certificate named in another language: its occupational words put into English.

The word vectors behind closeness in meaning (``similarity``) know English; "Schweißfachmann",
"Técnico en Cuidados Auxiliares de Enfermería" or "調理師免許" would be unreadable to them. The
rulebook's ``glossary`` (language -> {term: English}) holds the vocabulary of occupations, trades
and workplace subjects in the languages candidates write in; ``Glossary.rewrite`` replaces each
term it finds (the longest first, on the same normalised tokens the rest of the scorer uses, so
accents, case and CJK characters match as they do everywhere else) by its English.

A one-word term that is also an English word ("installation", "control") is left alone: in an
English name it means what it says, and its English reading is the same or close.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from server.rulebook import Rulebook
from server.scoring import similarity
from server.scoring.matching import Catalogue, tokens


@dataclass(frozen=True)
class Glossary:
    phrases: dict[tuple[str, ...], tuple[str, ...]]  # a term's tokens -> its English tokens
    longest: int  # tokens in the longest term

    @classmethod
    def of(cls, book: Rulebook, english: Collection[str] = ()) -> Glossary:
        """The book's glossary; one-word terms found in ``english`` (a vocabulary) are skipped."""
        phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
        for language in sorted(book.glossary):  # first language wins a term two of them share
            for term, meaning in book.glossary[language].items():
                key = tokens(term)
                if key and not (len(key) == 1 and key[0] in english):
                    phrases.setdefault(key, tokens(meaning))
        return cls(phrases, max(map(len, phrases), default=0))

    def rewrite(self, words: Sequence[str]) -> list[str]:
        """``words`` (normalised tokens) with every glossary term replaced by its English."""
        out: list[str] = []
        i = 0
        while i < len(words):
            for size in range(min(self.longest, len(words) - i), 0, -1):
                meaning = self.phrases.get(tuple(words[i:i + size]))
                if meaning is not None:
                    out.extend(meaning)
                    i += size
                    break
            else:
                out.extend(self.compound(words[i]) or (words[i],))
                i += 1
        return out

    def compound(self, word: str) -> tuple[str, ...] | None:
        """The English of a compound word made of two glossary words, or None.

        German, Dutch and the Nordic languages write a subject and its kind as one word
        ("Schweißerprüfung": welder + test, "Staplerfahrerausweis": forklift driver + licence); the
        glossary cannot list every pairing. The split with the longest known head wins; a linking
        "s", "n", "en" or "es" may stand between the two parts."""
        if len(word) < 2 * _MIN_PART or not word.isalpha() or not word.isascii():
            return None
        for cut in range(len(word) - _MIN_PART, _MIN_PART - 1, -1):
            head = self.phrases.get((word[:cut],))
            if head is None:
                continue
            rest = word[cut:]
            for link in ("", "s", "n", "en", "es"):
                if rest.startswith(link) and len(rest) - len(link) >= _MIN_PART:
                    tail = self.phrases.get((rest[len(link):],))
                    if tail is not None:
                        return head + tail
        return None


_MIN_PART = 4  # letters in each part of a compound the glossary reads


def of(cat: Catalogue) -> Glossary:
    """The catalogue's glossary, built once per catalogue against the word vectors' English
    (their vocabulary also holds the rulebook's words in other languages: "Gesellenbrief"
    is no English word, so it is read through the glossary)."""
    if cat.glossary is None:
        cat.glossary = Glossary.of(cat.book, similarity.vectors().english)
    return cat.glossary


def vector(text: str, cat: Catalogue) -> similarity.Vector | None:
    """``similarity.vector`` of ``text`` read through the catalogue's glossary."""
    return similarity.vector(text, of(cat).rewrite)
