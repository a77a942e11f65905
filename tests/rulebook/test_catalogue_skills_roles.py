"""The shipped skill and role catalogue and the inflated-claim wording (server/rulebook/data).

These check what the scorer relies on: enough skills and roles across fields, one skill per name
(an alias that points at two skills makes relevance ambiguous), roles that list real skills, and
claim patterns that catch marketing wording without flagging real credential names.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

import pytest

from server.rulebook import Rulebook, load_rulebook
from server.rulebook.schema import CATEGORIES

LOCALES = ("en", "es", "fr", "de", "pt")

# Words so generic that a skill called only this would match nearly every certificate.
GENERIC = {
    "management", "data", "design", "sales", "marketing", "business", "technology", "it",
    "software", "engineering", "analysis", "development", "operations", "strategy", "finance",
    "security", "cloud", "health", "skills", "training", "certification", "professional",
    "fundamentals", "basics", "introduction", "advanced", "manager", "specialist",
}


@pytest.fixture(scope="module")
def book() -> Rulebook:
    return load_rulebook()


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a name; keeps "+", "#" and "." so C, C++ and C#
    (or .NET and NET) stay apart, and treats hyphens, underscores and slashes as spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[-_/]+", " ", plain).split())


def plain_words(text: str) -> str:
    """Roughly what the scorer also matches claims against: folded, punctuation dropped."""
    return " ".join(re.findall(r"[\w+#.]+", fold(text)))


def names(entry: dict, key: str) -> list[str]:
    return [entry[key], *entry.get("aliases", [])]


# --- skills -------------------------------------------------------------------------------


def test_skill_floor(book: Rulebook) -> None:
    assert len(book.skills) >= 600, f"only {len(book.skills)} skills"


def test_skills_cover_many_fields(book: Rulebook) -> None:
    used = {f for skill in book.skills.values() for f in skill["fields"]}
    assert len(used) >= 30, f"skills use only {len(used)} fields: {sorted(used)}"


def test_both_categories_used(book: Rulebook) -> None:
    used = {skill["category"] for skill in book.skills.values()}
    assert used == set(CATEGORIES)
    soft = [k for k, s in book.skills.items() if s["category"] == "soft"]
    assert len(soft) >= 30, f"only {len(soft)} soft skills"


def test_soft_skills_sit_in_the_soft_skills_field(book: Rulebook) -> None:
    wrong = [k for k, s in book.skills.items()
             if s["category"] == "soft" and "soft_skills" not in s["fields"]]
    assert not wrong, f"soft skills without the soft_skills field: {wrong}"


def test_each_skill_has_one_to_three_fields(book: Rulebook) -> None:
    wrong = {k: s["fields"] for k, s in book.skills.items() if not 1 <= len(s["fields"]) <= 3}
    assert not wrong, wrong


def test_a_name_points_at_one_skill(book: Rulebook) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for key, skill in book.skills.items():
        for name in names(skill, "label"):
            owners[fold(name)].add(key)
    clashes = {name: sorted(keys) for name, keys in owners.items() if len(keys) > 1}
    assert not clashes, f"names shared by several skills: {clashes}"


def test_no_skill_is_a_generic_word(book: Rulebook) -> None:
    generic = {(key, name) for key, skill in book.skills.items()
               for name in names(skill, "label") if fold(name) in GENERIC}
    assert not generic, f"generic names that would match everything: {sorted(generic)}"


@pytest.mark.parametrize("skill_id", [
    "python", "sql", "aws", "microsoft_azure", "google_cloud", "kubernetes", "docker",
    "terraform", "linux", "networking_fundamentals", "project_management", "scrum",
    "stakeholder_management", "financial_reporting", "patient_care",
    "cardiopulmonary_resuscitation", "search_engine_optimization", "google_ads",
    "communication", "leadership", "time_management", "negotiation", "food_safety",
])
def test_common_skills_exist(book: Rulebook, skill_id: str) -> None:
    assert skill_id in book.skills


@pytest.mark.parametrize(("skill_id", "alias"), [
    ("kubernetes", "k8s"),
    ("google_cloud", "GCP"),
    ("microsoft_excel", "MS Excel"),
    ("search_engine_optimization", "SEO"),
    ("cardiopulmonary_resuscitation", "CPR"),
    ("project_management", "gestión de proyectos"),
    ("project_management", "gestion de projet"),
    ("project_management", "Projektmanagement"),
    ("project_management", "gestão de projetos"),
    ("data_analysis", "análisis de datos"),
    ("leadership", "liderazgo"),
])
def test_aliases_carry_acronyms_and_other_languages(
    book: Rulebook, skill_id: str, alias: str
) -> None:
    assert fold(alias) in {fold(n) for n in names(book.skills[skill_id], "label")}


def test_cloud_words_do_not_make_a_kitchen_skill_technical_cloud(book: Rulebook) -> None:
    # "cloud kitchen" is a restaurant that only delivers: nothing about it is cloud computing.
    kitchen = book.roles["restaurant_manager"]
    assert "cloud kitchen manager" in {fold(n) for n in names(kitchen, "title")}
    assert kitchen["field"] == "hospitality"
    cloudy = [s for s in kitchen["skills"] if "cloud_computing" in book.skills[s]["fields"]]
    assert not cloudy, cloudy


# --- roles --------------------------------------------------------------------------------


def test_role_floor(book: Rulebook) -> None:
    assert len(book.roles) >= 60, f"only {len(book.roles)} roles"


def test_roles_span_fields(book: Rulebook) -> None:
    fields = {role["field"] for role in book.roles.values()}
    assert len(fields) >= 25, f"roles cover only {len(fields)} fields: {sorted(fields)}"


def test_every_role_lists_enough_skills(book: Rulebook) -> None:
    thin = {k: len(r["skills"]) for k, r in book.roles.items() if not 6 <= len(r["skills"]) <= 20}
    assert not thin, f"roles outside 6-20 skills: {thin}"


def test_every_role_is_described_with_titles_in_other_languages(book: Rulebook) -> None:
    bare = [k for k, r in book.roles.items() if not r.get("description") or
            len(r.get("aliases", [])) < 3]
    assert not bare, f"roles without a description or aliases: {bare}"


def test_a_title_points_at_one_role(book: Rulebook) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for key, role in book.roles.items():
        for name in names(role, "title"):
            owners[fold(name)].add(key)
    clashes = {name: sorted(keys) for name, keys in owners.items() if len(keys) > 1}
    assert not clashes, f"titles shared by several roles: {clashes}"


def test_role_skills_mostly_belong_to_the_role_fields(book: Rulebook) -> None:
    # A role's own fields (plus soft skills) should explain most of its skills; otherwise the
    # list was written for another role.
    for key, role in book.roles.items():
        fields = {role["field"], *role.get("related_fields", []), "soft_skills"}
        # One step further: fields related to the role's field are near enough.
        fields |= set(book.fields[role["field"]].get("related", []))
        inside = [s for s in role["skills"] if fields & set(book.skills[s]["fields"])]
        assert len(inside) >= 0.7 * len(role["skills"]), (
            f"{key}: only {len(inside)} of {len(role['skills'])} skills fit its fields"
        )


@pytest.mark.parametrize(("role_id", "alias"), [
    ("data_analyst", "Analista de datos"),
    ("project_manager", "Chef de projet"),
    ("project_manager", "Projektleiter"),
    ("registered_nurse", "Enfermeiro"),
    ("site_reliability_engineer", "SRE"),
    ("database_administrator", "DBA"),
])
def test_role_titles_in_other_languages(book: Rulebook, role_id: str, alias: str) -> None:
    assert fold(alias) in {fold(n) for n in names(book.roles[role_id], "title")}


# --- inflated claims ----------------------------------------------------------------------

POSITIVE = {
    "en": [
        "Complete Mastery of Python",
        "Mastery in Excel",
        "Master of Excel in a weekend",
        "Become an Expert in 10 Days: SQL",
        "Expert in 30 days - Digital Marketing",
        "Guaranteed Job Placement Data Science Bootcamp",
        "Cloud Bootcamp with job guarantee",
        "100% Job Guaranteed Java Program",
        "Zero to Hero: Kubernetes",
        "From Zero to Expert in AWS",
        "Become a Python Ninja",
        "Excel Guru Certificate",
        "The Ultimate Digital Marketing Course",
        "Learn React in 7 days",
        "Data Science in 24 Hours",
        "Python in one day",
    ],
    "es": [
        "Domina Excel en 30 días",
        "Domina Python en solo 7 dias",
        "Empleo garantizado: curso de programación",
        "Resultados garantizados en marketing digital",
        "Experto en 30 días en Power BI",
        "Conviértete en un experto en ciberseguridad",
        "De cero a experto en SQL",
        "Dominio total de Excel",
        "El curso definitivo de Python",
    ],
    "fr": [
        "Devenez expert en Data Science",
        "Emploi garanti après la formation",
        "Réussite garantie à l'examen",
        "Expert en 30 jours : Excel",
        "Python en 10 jours",
        "De zéro à héros en JavaScript",
        "Maîtrise totale de la comptabilité",
        "La formation ultime en marketing",
    ],
    "de": [
        "Experte in 30 Tagen: Projektmanagement",
        "Excel in nur 5 Tagen",
        "Garantierter Jobeinstieg als Entwickler",
        "Python-Kurs mit Jobgarantie",
        "Von Null zum Profi in SQL",
        "Werden Sie zum Experten für Cloud",
        "Der ultimative Excel-Kurs",
    ],
    "pt": [
        "Domine Excel em 30 dias",
        "Python em apenas 7 dias",
        "Emprego garantido em TI",
        "Especialista em 30 dias em marketing",
        "Torne-se um especialista em dados",
        "Do zero ao especialista em Java",
        "Domínio completo de SQL",
        "O guia definitivo de Power BI",
    ],
}

NEGATIVE = [
    "Masters of Science in Computer Science",
    "Master of Science in Data Science",
    "Master of Business Administration (MBA)",
    "Master in Management",
    "Professional Scrum Master I (PSM I)",
    "Certified ScrumMaster (CSM)",
    "SAFe Scrum Master",
    "Scrum Master in Practice",
    "Master Data Management with SAP MDG",
    "Lean Six Sigma Master Black Belt",
    "Master Certified Coach (MCC)",
    "Microsoft Certified: Azure Solutions Architect Expert",
    "Cisco Certified Internetwork Expert (CCIE)",
    "AWS Certified Solutions Architect – Professional",
    "Google Ads Search Certification",
    "Advanced Cardiac Life Support (ACLS)",
    "Project Management Professional (PMP)",
    "Data Analysis with Python - 100% online",
    "Valid for 3 years",
    "Issued in 2023",
    "Industriemeister Metall (IHK)",
    "Máster en Dirección de Proyectos",
    "Gestión de proyectos ágiles",
    "Certificat de compétences en bureautique",
    "Beginner to Advanced Excel",
    "Teaching English as a Foreign Language (TEFL) - 120 hours",
    "ServSafe Food Handler",
    "A Cloud Guru: Kubernetes Deep Dive",
]


def _compiled(book: Rulebook, locales: tuple[str, ...]) -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for loc in locales for p in book.inflated_claims[loc]]


def _matches(patterns: list[re.Pattern[str]], text: str) -> list[str]:
    return [m.group(0) for p in patterns for candidate in (text, plain_words(text))
            if (m := p.search(candidate))]


def test_claims_cover_five_languages(book: Rulebook) -> None:
    assert set(LOCALES) <= set(book.inflated_claims)


@pytest.mark.parametrize(("locale", "text"),
                         [(loc, text) for loc, texts in POSITIVE.items() for text in texts])
def test_inflated_wording_is_caught_by_its_language(
    book: Rulebook, locale: str, text: str
) -> None:
    assert _matches(_compiled(book, (locale,)), text), f"{locale}: {text!r} not flagged"


@pytest.mark.parametrize("text", NEGATIVE)
def test_real_credential_names_are_not_flagged(book: Rulebook, text: str) -> None:
    # The scorer applies every locale's patterns to every name, so negatives face all of them.
    found = _matches(_compiled(book, tuple(sorted(book.inflated_claims))), text)
    assert not found, f"{text!r} flagged by {found}"


def test_claim_patterns_join_into_one_expression(book: Rulebook) -> None:
    # No inline global flags: a consumer may OR all patterns together.
    joined = "|".join(f"(?:{p})" for ps in book.inflated_claims.values() for p in ps)
    re.compile(joined, re.IGNORECASE)
