"""Knowledge of national, non-English certificates, issuers and trade roles (server/rulebook/data).

The relevance evaluation set (benchmarks/relevance/pairs.yaml) measures this knowledge; these
tests hold it with *other* names than the set uses (other grades, codes, spellings and titles),
so that what was added generalises instead of fitting the set's pairs. Orderings are judged
through the public scorer (``score_profile``), so they stay true whatever its tuning.
"""

from __future__ import annotations

import datetime
import unicodedata

import pytest

from parser.models import Certificate, Profile, Source
from server.rulebook import Rulebook, load_rulebook
from server.scoring import Role, score_profile

AS_OF = datetime.date(2025, 11, 1)


@pytest.fixture(scope="module")
def book() -> Rulebook:
    return load_rulebook()


def relevance(book: Rulebook, name: str, issuer: str | None, title: str) -> float:
    profile = Profile(source=Source("html"),
                      certificates=[Certificate(name=name, issuer=issuer, issued=None)])
    report = score_profile(profile, Role(title=title), as_of=AS_OF, rulebook=book)
    return report.certificates[0].signals["relevance"].value


# (certificate, issuer, a role it is made for, a role it says nothing about)
ORDERINGS = [
    ("CACES R489 catégorie 1A", "AFPA", "Cariste", "Comptable"),
    ("Habilitation électrique BR", "Apave", "Électricien", "Graphic Designer"),
    ("NR-35 – Trabalho em Altura (reciclagem)", "SENAI-SP", "Roofer", "Data Analyst"),
    ("NR-10 Básico", "SENAI", "Eletricista", "Recruiter"),
    ("Certificado de Profesionalidad SSCS0108 Atención sociosanitaria a personas en el domicilio",
     "Servicio Público de Empleo Estatal", "Auxiliar de ayuda a domicilio", "Backend Developer"),
    ("Certificado de Profesionalidad HOTR0408 Cocina", "SEPE", "Cook", "Network Engineer"),
    ("VCA VOL", "SSVV", "Bricklayer", "Payroll Specialist"),
    ("Permis de feu – travaux par points chauds", "Bureau Veritas", "Welder", "Marketing Manager"),
    ("Fachkraft für Lagerlogistik", "IHK München und Oberbayern", "Lagerist", "Frontend Developer"),
    ("Geprüfte Bilanzbuchhalterin (IHK)", "IHK Berlin", "Buchhalter", "Scrum Master"),
    ("Boki Level 2", "The Japan Chamber of Commerce and Industry", "Accountant", "Chef"),
    ("Titre professionnel Comptable assistant", "Ministère du Travail", "Comptable",
     "Électricien"),
    ("GWO Working at Heights", "Global Wind Organisation", "Servicetechniker Windenergie",
     "Tax Advisor"),
    ("Fusion Splicing and OTDR Testing", "The Fiber Optic Association", "Fibre Technician",
     "HR Business Partner"),
    ("FIMO marchandises", "AFTRAL", "Chauffeur poids lourd", "UX Designer"),
    ("Berufskraftfahrer-Weiterbildung Modul 3", "DEKRA", "LKW-Fahrer", "Data Scientist"),
    ("ASE A5 Brakes", "ASE", "Car Mechanic", "Registered Nurse"),
]


@pytest.mark.parametrize(("name", "issuer", "fits", "unrelated"), ORDERINGS,
                         ids=[row[0][:40] for row in ORDERINGS])
def test_national_certificates_rank_their_own_trade_first(
    book: Rulebook, name: str, issuer: str, fits: str, unrelated: str
) -> None:
    right = relevance(book, name, issuer, fits)
    wrong = relevance(book, name, issuer, unrelated)
    assert right > wrong, f"{name!r}: {right:.2f} for {fits!r}, {wrong:.2f} for {unrelated!r}"
    assert right >= 0.5, f"{name!r} reads as only {right:.2f} relevant to {fits!r}"


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@pytest.mark.parametrize(("section", "key", "name"), [
    ("issuers", "ihk", "Industrie- und Handelskammer"),
    ("issuers", "hwk", "Handwerkskammer"),
    ("issuers", "tuv", "TÜV Rheinland"),
    ("issuers", "dekra", "DEKRA"),
    ("issuers", "sepe", "SEPE"),
    ("issuers", "senai", "Serviço Nacional de Aprendizagem Industrial"),
    ("issuers", "senac", "SENAC"),
    ("issuers", "cfc_brasil", "CRC"),
    ("issuers", "france_competences", "RNCP"),
    ("issuers", "afpa", "AFPA"),
    ("issuers", "cnam", "Cnam"),
    ("issuers", "jcci", "日本商工会議所"),
    ("issuers", "ipa_japan", "情報処理推進機構"),
    ("issuers", "hrd_korea", "한국산업인력공단"),
    ("issuers", "mohrss", "人力资源和社会保障部"),
    ("issuers", "miit", "工业和信息化部"),
    ("certificates", "nissho_boki_2", "日商簿記2級"),
    ("certificates", "ipa_fundamental_it_engineer", "基本情報技術者試験"),
    ("certificates", "engineer_information_processing", "정보처리기사"),
    ("certificates", "cicpa_cpa", "注册会计师"),
    ("roles", "care_worker", "介護職員"),
    ("skills", "bookkeeping", "簿記"),
    ("skills", "financial_accounting", "会計"),
    ("skills", "logistics_management", "物流"),
    ("skills", "patient_care", "看護"),
    ("skills", "financial_accounting", "contabilidad"),
    ("skills", "financial_accounting", "comptabilité"),
    ("skills", "financial_accounting", "contabilidade"),
    ("skills", "bookkeeping", "Buchhaltung"),
    ("skills", "financial_reporting", "Bilanzbuchhaltung"),
    ("skills", "warehouse_management", "Lagerlogistik"),
    ("skills", "material_handling", "CACES R489"),
])
def test_names_in_their_own_language_and_script(book: Rulebook, section: str, key: str,
                                                name: str) -> None:
    entry = getattr(book, section)[key]
    own = entry.get("name") or entry.get("label") or entry.get("title")
    assert fold(name) in {fold(n) for n in (own, *entry.get("aliases", []))}


def test_bodies_that_certify_every_trade_say_nothing_about_the_field(book: Rulebook) -> None:
    # A chamber or public agency behind hundreds of qualifications vouches for a certificate
    # but does not tell its field: the scorer reads fields only from issuers with a few.
    broad = ("ihk", "sepe", "ministere_du_travail", "hrd_korea", "mohrss", "senai")
    narrow = {key: book.issuers[key]["fields"] for key in broad if
              len(book.issuers[key]["fields"]) <= 3}
    assert not narrow, narrow
