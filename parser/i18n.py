"""Every localised string the readers match, in one table keyed by locale.

LinkedIn renders labels in the *viewer's* interface language, so a recruiter browsing in French sees
French labels on an English profile. Readers should prefer structure (a month token plus a year,
in item order) over these words; the words confirm and classify. Labels marked "(unverified)" were
not seen in a real capture (see shared/reference/linkedin-formats.md, section 9): matching them is
harmless, and a page whose labels are all unknown still yields dates by structure, with a warning.

All strings are compared case-insensitively after ``parser.text.fold`` (accents kept).
"""

from __future__ import annotations

from typing import Final

LOCALES: Final = ("en", "es", "fr", "de", "pt")

# Month tokens -> month number. Abbreviations may carry a trailing dot on the page ("janv.").
MONTHS: Final[dict[str, dict[str, int]]] = {
    "en": {
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
        "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
        "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
        "november": 11, "dec": 12, "december": 12,
    },
    "es": {
        "ene": 1, "enero": 1, "feb": 2, "febrero": 2, "mar": 3, "marzo": 3, "abr": 4,
        "abril": 4, "may": 5, "mayo": 5, "jun": 6, "junio": 6, "jul": 7, "julio": 7, "ago": 8,
        "agosto": 8, "sept": 9, "sep": 9, "septiembre": 9, "setiembre": 9, "oct": 10,
        "octubre": 10, "nov": 11, "noviembre": 11, "dic": 12, "diciembre": 12,
    },
    "fr": {
        "janv": 1, "janvier": 1, "févr": 2, "fevr": 2, "février": 2, "fevrier": 2, "mars": 3,
        "avr": 4, "avril": 4, "mai": 5, "juin": 6, "juil": 7, "juillet": 7, "août": 8, "aout": 8,
        "sept": 9, "septembre": 9, "oct": 10, "octobre": 10, "nov": 11, "novembre": 11,
        "déc": 12, "dec": 12, "décembre": 12, "decembre": 12,
    },
    "de": {
        "jan": 1, "januar": 1, "jän": 1, "jänner": 1, "feb": 2, "februar": 2, "mär": 3,
        "märz": 3, "mrz": 3, "apr": 4, "april": 4, "mai": 5, "jun": 6, "juni": 6, "jul": 7,
        "juli": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "okt": 10,
        "oktober": 10, "nov": 11, "november": 11, "dez": 12, "dezember": 12,
    },
    "pt": {
        "jan": 1, "janeiro": 1, "fev": 2, "fevereiro": 2, "mar": 3, "março": 3, "marco": 3,
        "abr": 4, "abril": 4, "mai": 5, "maio": 5, "jun": 6, "junho": 6, "jul": 7, "julho": 7,
        "ago": 8, "agosto": 8, "set": 9, "setembro": 9, "out": 10, "outubro": 10, "nov": 11,
        "novembro": 11, "dez": 12, "dezembro": 12,
    },
}

# Words that mean "still ongoing" at the end of a date range.
PRESENT: Final[dict[str, tuple[str, ...]]] = {
    "en": ("present", "now", "current"),
    "es": ("actualidad", "presente", "hoy"),
    "fr": ("aujourd’hui", "aujourd'hui", "présent", "ce jour"),
    "de": ("heute", "derzeit"),
    "pt": ("o momento", "presente", "atual", "hoje"),
}

# Line and section labels. Each list is tried as a prefix of a normalised line or heading.
LABELS: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "certifications_heading": {
        "en": ("licenses & certifications", "licences & certifications",
               "licenses and certifications", "licences and certifications", "certifications",
               "certificates", "certificates & licenses", "licenses", "certification"),
        "es": ("licencias y certificaciones", "certificaciones", "certificados"),
        "fr": ("licences et certifications", "certifications", "certificats"),
        "de": ("bescheinigungen und zertifikate", "lizenzen und zertifikate", "zertifikate",
               "zertifizierungen"),
        "pt": ("licenças e certificados", "licenças e certificações", "certificações",
               "certificados"),
    },
    "experience_heading": {
        "en": ("experience",), "es": ("experiencia",), "fr": ("expérience",),
        "de": ("berufserfahrung", "erfahrung"), "pt": ("experiência",),
    },
    "education_heading": {
        "en": ("education",), "es": ("educación", "formación"), "fr": ("formation",),
        "de": ("ausbildung",), "pt": ("formação acadêmica", "educação", "formação"),
    },
    "projects_heading": {
        "en": ("projects",), "es": ("proyectos",), "fr": ("projets",), "de": ("projekte",),
        "pt": ("projetos",),
    },
    "skills_heading": {
        "en": ("skills",), "es": ("aptitudes", "competencias"), "fr": ("compétences",),
        "de": ("kenntnisse", "fähigkeiten"), "pt": ("competências",),
    },
    "courses_heading": {
        "en": ("courses",), "es": ("cursos",), "fr": ("cours",), "de": ("kurse",),
        "pt": ("cursos",),
    },
    "about_heading": {
        "en": ("about", "summary"), "es": ("acerca de",), "fr": ("infos", "à propos"),
        "de": ("info", "über mich"), "pt": ("sobre",),
    },
    # "Issued May 2024"; the word is optional on some layouts, dates are found by structure.
    "issued": {
        "en": ("issued",), "es": ("expedición", "emitido", "expedido"),  # es/fr/de/pt unverified
        "fr": ("délivrée le", "délivré le", "délivré", "émis le", "émise le"),
        "de": ("ausgestellt",), "pt": ("emitido em", "emitida em", "emitido", "emissão"),
    },
    "expires": {
        "en": ("expires",), "es": ("vencimiento", "caduca", "vence"),
        "fr": ("expire le", "expire", "expiration"), "de": ("gültig bis", "läuft ab"),
        "pt": ("expira em", "expira", "expiração"),
    },
    "expired": {
        "en": ("expired",), "es": ("caducó", "venció", "caducado", "vencido"),
        "fr": ("expiré", "expirée"), "de": ("abgelaufen",), "pt": ("expirou", "expirado"),
    },
    "no_expiration": {
        "en": ("no expiration date", "no expiration"),
        "es": ("sin fecha de vencimiento", "sin fecha de caducidad", "sin caducidad"),
        "fr": ("pas de date d’expiration", "pas de date d'expiration",
               "aucune date d’expiration", "aucune date d'expiration"),
        "de": ("kein ablaufdatum",), "pt": ("sem data de expiração", "sem expiração"),
    },
    "credential_id": {
        "en": ("credential id", "license number", "licence number"),
        "es": ("id de la credencial", "id de credencial", "número de licencia"),
        "fr": ("id de la certification", "identifiant de la certification",
               "id de l’identifiant", "id de la licence", "numéro de licence"),
        "de": ("nachweis-id", "zertifikats-id", "id des nachweises", "lizenznummer"),
        "pt": ("código da credencial", "id da credencial", "número da licença"),
    },
    "show_credential": {
        "en": ("show credential", "see credential", "view credential"),
        "es": ("mostrar credencial", "ver credencial"),
        "fr": ("afficher la certification", "voir la certification", "afficher l’identifiant"),
        "de": ("nachweis anzeigen", "zertifikat anzeigen"),
        "pt": ("exibir credencial", "mostrar credencial", "ver credencial"),
    },
    "skills_line": {
        "en": ("skills:",), "es": ("aptitudes:", "competencias:"),
        "fr": ("compétences :", "compétences:"), "de": ("kenntnisse:",),
        "pt": ("competências:",),
    },
    # The collapsed-list footer: "Show all 12 licenses & certifications".
    "show_all": {
        "en": ("show all", "see all"), "es": ("mostrar todo", "mostrar las", "ver todo"),
        "fr": ("afficher tout", "afficher les", "voir tout"),
        "de": ("alle ", "anzeigen"), "pt": ("exibir todos", "exibir todas", "mostrar tudo",
                                             "ver todos"),
    },
    # Honors read "Issued by <Org> · <date>": an award, not a certificate.
    "issued_by": {
        "en": ("issued by",), "es": ("emitido por", "otorgado por"),
        "fr": ("émis par", "décerné par"),
        "de": ("ausgestellt von", "verliehen von"), "pt": ("emitido por", "concedido por"),
    },
    # Stop marker after an entry's fields (thumbnails of attached documents).
    "attached_media": {
        "en": ("attached media",), "es": ("contenido multimedia adjunto",),
        "fr": ("médias joints",), "de": ("angehängte medien",), "pt": ("mídia anexada",),
    },
    # The top card's link after the location line.
    "contact_info": {
        "en": ("contact info",), "es": ("información de contacto",), "fr": ("coordonnées",),
        "de": ("kontaktinfo",), "pt": ("informações de contato",),
    },
    "honors_heading": {
        "en": ("honors & awards", "honours & awards", "honors and awards"),
        "es": ("reconocimientos y premios",), "fr": ("distinctions et prix",),
        "de": ("auszeichnungen",), "pt": ("prêmios e reconhecimentos",),
    },
    # A project's or course's link to the position it belongs to; not part of its description.
    "associated_with": {
        "en": ("associated with",), "es": ("asociado con",), "fr": ("associé à",),
        "de": ("verbunden mit",), "pt": ("associado a", "associado com"),
    },
    "empty_details": {
        "en": ("nothing to see for now",), "es": ("nada que ver por ahora",),
        "fr": ("rien à afficher pour le moment",), "de": ("momentan nichts zu sehen",),
        "pt": ("nada para ver por enquanto",),
    },
}


def all_labels(kind: str) -> tuple[str, ...]:
    """Every locale's labels of one kind, longest first so the most specific prefix wins."""
    from parser.text import fold

    words = {fold(w) for per_locale in LABELS[kind].values() for w in per_locale}
    return tuple(sorted(words, key=len, reverse=True))


def month_table() -> dict[str, int]:
    """All month tokens of all locales. No token means two different months across locales."""
    merged: dict[str, int] = {}
    for per_locale in MONTHS.values():
        merged.update(per_locale)
    return merged
