"""Text to catalogue: stems, phrase matching, role families, certificate entries, acronyms."""

from __future__ import annotations

import pytest

from parser.models import Certificate
from server.rulebook import load_rulebook
from server.scoring.certificate import find_entry, find_issuer, own_acronyms
from server.scoring.certificate import resolve as resolve_cert
from server.scoring.matching import (
    PhraseIndex,
    catalogue,
    content_words,
    normalise,
    stem,
    tokens,
)
from server.scoring.role import Role, direction_role, find_family, latest_position, resolve
from server.scoring.rules import relevance
from tests.scoring.conftest import job, profile


def test_normalise_and_tokens():
    assert normalise("Gestión  Ágil!") == "gestion agil"
    assert tokens("C++ and C# on Node.js") == ("c++", "and", "c#", "on", "node.js")
    assert tokens("AZ-104 / PL-300") == ("az", "104", "pl", "300")


def test_words_of_other_alphabets_are_read():
    # Greek, Cyrillic and Arabic names were once read as no words at all.
    assert tokens("Допуск по электробезопасности, IV группа") == \
        ("допуск", "по", "электробезопасности", "iv", "группа")
    assert tokens("Πιστοποίηση Διαμεσολαβητή") == ("πιστοποιηση", "διαμεσολαβητη")
    assert tokens("الرخصة المهنية") == ("الرخصة", "المهنية")
    # Latin letters that are not letter + accent have plain forms too.
    assert tokens("Łączność Sjøfart") == tokens("Lacznosc Sjofart") == ("lacznosc", "sjofart")


def test_stem_joins_word_forms_but_not_neighbours():
    assert stem("auditor") == stem("audit")
    assert stem("accounting") == stem("accountant")
    assert stem("management") == stem("manager")
    assert stem("engineering") == stem("engineer")
    assert stem("compensation") != stem("competitor")


def test_phrase_index_prefers_the_longest_phrase():
    index = PhraseIndex()
    index.add("Power BI", "power_bi")
    index.add("Power BI Data Analyst", "pl_300")
    index.add("data", "data")
    found = list(index.find("Microsoft Power BI Data Analyst and data"))
    assert [m.ids for m in found] == [("pl_300",), ("data",)]


def test_family_by_alias_and_by_words(book):
    cat = catalogue(book)
    assert find_family("Analista de datos", cat) == "data_analyst"
    assert find_family("Senior Accountant", cat) == "accountant"
    assert find_family("Registered Nurse, Emergency Department", cat) == "nurse"
    assert find_family("Staff Nurse (nights)", cat) == "nurse"


def test_family_refuses_false_friends(book):
    cat = catalogue(book)
    assert find_family("Property Developer", cat) is None
    assert find_family("Power Plant Operator", cat) is None
    assert find_family("Cloud Kitchen Manager", cat,
                       "Runs a delivery-only kitchen: menu planning and food safety.") == \
        "kitchen_manager"


def test_family_needs_the_title_word_not_only_its_stem():
    cat = catalogue(load_rulebook())
    # A trainer is not a trainee, though both stem to "train" ("trainee trader" is a trader).
    assert find_family("Corporate Sales Trainer", cat) != "trader"
    # "Accessibility" shares a stem with "access", not a word: no identity and access engineer.
    assert find_family("Accessibility Specialist, Digital Products", cat) != \
        "identity_access_engineer"
    # Word forms that differ only at the end still meet, across languages too
    # ("facilitator" is the Spanish alias "facilitador").
    assert find_family("Agile Team Facilitator", cat) == "scrum_master"


def test_a_title_that_names_only_a_rank_is_read_with_its_qualifier():
    cat = catalogue(load_rulebook())
    contact_centre = find_family("Team Leader, Customer Contact Centre", cat)
    assert contact_centre is not None
    assert cat.book.roles[contact_centre]["field"] == "customer_success"


def test_a_family_title_after_words_no_family_knows_names_the_job():
    cat = catalogue(load_rulebook())
    assert find_family("Sushi Chef", cat) == "chef"
    # Not by another family's one-word alias ("writer" is among a content marketer's titles).
    assert find_family("Specifications Writer", cat) != "content_marketer"


def test_a_title_without_a_family_is_read_with_its_qualifier():
    # "School Interpreter" names no family; a Spanish one is an interpreter. (A hospital
    # interpreter is a medical interpreter, a family of its own.)
    cat = catalogue(load_rulebook())
    assert find_family("School Interpreter", cat) is None
    assert find_family("School Interpreter (Spanish)", cat) == "translator"
    assert find_family("Hospital Interpreter (Spanish)", cat) == "medical_interpreter"


def test_a_skill_the_title_names_in_several_words_counts_outside_the_familys_fields():
    cat = catalogue(load_rulebook())
    compliance = resolve(Role("Food Safety Compliance Specialist"), cat)
    assert compliance.family == "compliance_officer" and "food_safety" in compliance.skills
    # One word is not enough: the "Java" of a coffee buyer is a homonym.
    coffee = resolve(Role("Retail Buyer, Java Coffees"), cat)
    assert coffee.family == "retail_buyer" and "java" not in coffee.skills


def test_place_names_are_not_words_of_a_job():
    assert content_words("Queensland Open Builder Licence") == ("open", "builder")
    assert content_words("Tourism Marketing Coordinator, Queensland") == \
        ("tourism", "marketing", "coordinator")
    # Words of place names that mean something else stay.
    assert content_words("Java Developer") == ("java", "developer")
    assert content_words("French Teacher") == ("french", "teacher")
    cat = catalogue(load_rulebook())
    builder = resolve_cert(Certificate("Queensland Open Builder Licence"), 0, cat)
    tourism = resolve(Role("Tourism Marketing Coordinator, Queensland"), cat)
    assert relevance.score(relevance.DEFAULT, builder, tourism, cat)[0] < \
        relevance.DEFAULT["off-target-below"]


def test_the_kind_of_credential_is_not_a_shared_word():
    cat = catalogue(load_rulebook())
    licence = resolve_cert(Certificate("Massachusetts Construction Supervisor License"), 0, cat)
    nurse = resolve(Role("Licensed Practical Nurse Supervisor"), cat)
    plumber = resolve_cert(Certificate("Texas Master Plumber License"), 0, cat)
    assert relevance.score(relevance.DEFAULT, licence, nurse, cat)[0] < \
        relevance.score(relevance.DEFAULT, plumber, resolve(Role("Plumber"), cat), cat)[0]


def test_description_vetoes_a_family_from_another_field(book):
    cat = catalogue(book)
    target = resolve(Role("Cloud Kitchen Manager",
                          "Menu planning, food safety and kitchen operations."), cat)
    assert target.field == "hospitality"
    assert "cloud_computing" not in target.skills


def test_lone_homonym_in_a_description_is_not_a_skill(book):
    cat = catalogue(book)
    target = resolve(Role("Espresso Artist", "Pours at the Python Lounge coffee bar."), cat)
    assert "python" not in target.skills
    backed = resolve(Role("Reporting Specialist", "SQL queries and Tableau dashboards."), cat)
    assert {"sql", "tableau"} <= set(backed.skills)


def test_lone_homonym_in_a_title_without_a_family_is_not_a_skill():
    cat = catalogue(load_rulebook())  # the shipped one: its skills hold the homonyms
    roaster = resolve(Role("Specialty Coffee Roaster (Java and Sumatra origins)"), cat)
    assert "java" not in roaster.skills and roaster.field != "software_engineering"
    # Backed by another skill, or a language: it counts.
    backed = resolve(Role("Java and Spring Boot Integrator"), cat)
    assert "java" in backed.skills
    assert "spanish_language" in resolve(Role("Hospital Interpreter (Spanish)"), cat).skills


def test_listed_skills_always_count(book):
    target = resolve(Role("Barista", skills=("Python",)), catalogue(book))
    assert target.skills["python"] == 1.0


def test_certificate_entry_needs_the_rest_of_the_name_to_fit(book):
    cat = catalogue(book)
    assert find_entry("AWS Certified Cloud Practitioner (CLF-C02)", cat) == \
        "aws_cloud_practitioner"
    assert find_entry("PMP", cat) == "pmp"
    assert find_entry("Road Haulage Transport Manager CPA", cat) is None



def test_a_spelled_out_acronym_names_the_entry_with_those_words():
    # CPPS is the pet sitters' and patient safety's; only the words say which.
    cat = catalogue(load_rulebook())
    assert find_entry("Certified Professional Pet Sitters (CPPS)", cat) == "psi_cpps"
    assert find_entry("Certified Professional in Patient Safety (CPPS)", cat) is None


def test_issuer_by_alias_and_by_credential_domain(book):
    cat = catalogue(book)
    assert find_issuer("Amazon Web Services (AWS)", None, cat) == "aws"
    assert find_issuer(None, "https://learn.microsoft.com/en-us/users/example/x", cat) == \
        "microsoft"
    assert find_issuer("Fabrikam Academy", "https://example.org/x", cat) is None
    assert find_issuer(None, "http://[not-a-host", cat) is None  # found by the fuzz test


def test_issuers_own_initials_are_not_a_skill(book):
    cat = catalogue(book)
    welder = resolve_cert(Certificate("AWS Certified Welder", "American Welding Society"), 0,
                          cat)
    assert "aws" not in welder.skills
    cloud = resolve_cert(Certificate("AWS networking deep dive", "Fabrikam Academy"), 0, cat)
    assert "aws" in cloud.skills



def test_a_word_form_guess_must_fit_the_issuers_fields():
    # "Grade" is a form of grading (education), but the American Concrete Institute certifies
    # concrete testing: its fields decide.
    cat = catalogue(load_rulebook())
    concrete = resolve_cert(Certificate("ACI Concrete Field Testing Technician – Grade I",
                                        "American Concrete Institute"), 0, cat)
    assert "education" not in concrete.fields
    assert "construction" in concrete.fields


def test_a_name_that_names_an_occupation_certifies_its_skills():
    cat = catalogue(load_rulebook())
    broker = resolve_cert(Certificate("Certified Transportation Broker (CTB)",
                                      "Transportation Intermediaries Association"), 0, cat)
    assert set(broker.skills) & set(cat.book.roles["freight_broker"]["skills"])
    score = relevance.score
    assert score(relevance.DEFAULT, broker, resolve(Role("Freight Broker Agent"), cat), cat)[0] \
        > score(relevance.DEFAULT, broker, resolve(Role("Transit Bus Operator"), cat), cat)[0]


def test_a_body_known_by_its_letters_is_not_a_skill():
    # IPC's soldering credential is not infection prevention and control (IPC).
    cat = catalogue(load_rulebook())
    solder = resolve_cert(Certificate("IPC J-STD-001 Certified IPC Specialist (CIS)", "IPC"), 0,
                          cat)
    assert "infection_prevention_and_control" not in solder.skills
    assert "infection_prevention_and_control" in resolve_cert(
        Certificate("IPC Lead Nurse Course", "Fabrikam Health Academy"), 0, cat).skills


@pytest.mark.parametrize(("name", "issuer", "entry"), [
    # Letters several bodies use mean the credential of the body that issued it.
    ("CEH", "EC-Council", "ceh"),
    ("CEH", "International Executive Housekeepers Association", "ieha_ceh"),
    ("CPC", "AAPC", "aapc_cpc"),
    ("CPC", "Driver and Vehicle Standards Agency", "driver_cpc"),
    # A course platform or an unknown issuer says nothing about whose credential it is.
    ("CEH", "Udemy", "ceh"),
    ("CEH", "Fabrikam Academy", "ceh"),
    # Nor does a university, whose course prepares for another body's exam.
    ("Project Management Professional (PMP)", "Stanford University", "pmp"),
    # A body in the entry's own field issuing it is a mismatch (the provider rule's), not
    # another credential.
    ("PMP", "CompTIA", "pmp"),
])
def test_a_shared_acronym_resolves_by_its_issuer(name, issuer, entry):
    shipped = catalogue(load_rulebook(None))  # the bodies and acronyms of the real catalogue
    assert resolve_cert(Certificate(name, issuer), 0, shipped).entry_id == entry


def test_another_bodys_credential_the_catalogue_lacks_is_not_the_entry():
    # The American Hotel & Lodging Educational Institute certifies hotel staff; a "CEH" from it
    # is not EC-Council's ethical hacker, and its reading keeps to the issuer's fields.
    view = resolve_cert(Certificate("CEH", "American Hotel & Lodging Educational Institute"),
                        0, catalogue(load_rulebook(None)))
    assert view.entry_id is None
    assert "ethical_hacking" not in view.skills
    assert view.field == "hospitality"


def test_direction_from_latest_position_then_headline():
    prof = profile(positions=(job("Barista", "Contoso", "2015-01", "2018-01"),
                              job("Data Analyst", "Northwind Traders", "2021-01")),
                   headline="Analytics")
    role, direction = direction_role(prof)
    assert role.title == "Data Analyst" and "Northwind Traders" in direction
    assert latest_position(prof.positions).title == "Data Analyst"
    role, direction = direction_role(profile(headline="Registered Nurse"))
    assert role.title == "Registered Nurse" and "headline" in direction
    assert direction_role(profile())[0] == Role()


def test_stem_fallback_needs_word_forms_not_shared_beginnings():
    cat = catalogue(load_rulebook())
    assert "ecg_interpretation" not in cat.skills_by_stem("Electronics")
    assert "ecg_interpretation" not in cat.skills_by_stem("Instalaciones eléctricas")
    assert "servicenow" not in cat.skills_by_stem("Técnico en Serviços de Redes")  # a brand
    assert "patience_and_composure" not in cat.skills_by_stem("Certified Composer")
    assert not cat.skills_by_stem("Certified Personal Trainer")  # not "Personalbeschaffung"
    assert "french_language" not in cat.skills_by_stem("France")
    assert cat.skills_by_stem("French") == ["french_language"]  # a language by its name
    assert stem("electronics") == stem("electrocardiography")  # why the stem alone is not enough


def test_roles_keep_their_field_when_a_title_word_resembles_a_skill():
    cat = catalogue(load_rulebook())
    assert resolve(Role("Electronics Store Manager"), cat).field != "healthcare"
    assert resolve(Role("Estate Agency Branch Manager (France)"), cat).field != "languages"


def test_known_certificate_and_unknown_role_share_words_by_chance():
    cat = catalogue(load_rulebook())
    belt = resolve_cert(Certificate("Certified Six Sigma Green Belt (CSSGB)"), 0, cat)
    karate = resolve(Role("Karate Instructor", "Teaches children up to green belt."), cat)
    assert relevance.score(relevance.DEFAULT, belt, karate, cat)[0] <= \
        relevance.DEFAULT["unknown-value"]


def test_a_product_name_with_a_sign_is_not_a_word_form():
    assert stem("network+") != stem("networking")
    assert stem("c++") == "c++" and stem("node.js") == "node.js"
    cat = catalogue(load_rulebook())
    network = resolve_cert(Certificate("CompTIA Network+", "CompTIA"), 0, cat)
    events = resolve(Role("Networking Events Coordinator", "Organises business networking "
                          "breakfasts and member events for a chamber of commerce."), cat)
    assert events.field != "networking"  # the title word alone does not set the field
    assert relevance.score(relevance.DEFAULT, network, events, cat)[0] < \
        relevance.DEFAULT["off-target-below"]


@pytest.mark.parametrize(("name", "own"), [
    ("Certified Risk Manager (CRM)", {"crm"}),
    ("AIFD Certified Floral Designer (CFD)", {"cfd"}),  # the issuer's initials lead the name
    ("Certified Professional – Food Safety (CP-FS)", {"cp", "fs"}),
    ("Certified Kubernetes Administrator (CKA)", {"cka"}),
    ("导游资格证", set()),  # read by character: no initials
])
def test_a_name_knows_its_own_acronym(name, own):
    assert own <= own_acronyms(name)
    assert not own_acronyms(name) & {"aifd", "sql", "aws"}


def test_a_certificates_own_acronym_is_not_another_skill():
    # "CFD" in the floral designers' certificate is the certificate itself, not computational
    # fluid dynamics, which the same letters name in the skills.
    shipped = catalogue(load_rulebook(None))
    floral = resolve_cert(Certificate("AIFD Certified Floral Designer (CFD)",
                                      "American Institute of Floral Designers"), 0, shipped)
    fluid = resolve_cert(Certificate("CFD for Engineers", "Fabrikam Academy"), 0, shipped)
    assert fluid.skills and not set(fluid.skills) & set(floral.skills)


def test_interpreting_is_a_trade_not_a_language():
    # A language certificate attests languages; a medical interpreter's attests the trade, so the
    # rule that a language certificate is off-target unless the role names its language does not
    # apply to it.
    shipped = catalogue(load_rulebook(None))
    interpreter = resolve_cert(Certificate("Certified Medical Interpreter (CMI-Spanish)",
                                           "National Board of Certification for Medical "
                                           "Interpreters"), 0, shipped)
    assert "interpreting" in interpreter.skills
    assert "interpreting" not in relevance.languages_of(interpreter, shipped)
    goethe = resolve_cert(Certificate("Goethe-Zertifikat C1", "Goethe-Institut"), 0, shipped)
    assert relevance.languages_of(goethe, shipped) == {"german_language"}


@pytest.mark.parametrize(("title", "family"), [
    ("Könyvelő", "accountant"),  # Hungarian
    ("Бухгалтер", "accountant"),  # Russian
    ("Λογιστής", "accountant"),  # Greek
    ("Sairaanhoitaja", "registered_nurse"),  # Finnish
    ("Pengembang perangkat lunak", "software_engineer"),  # Indonesian
])
def test_a_title_in_another_language_is_read_through_the_glossary(title, family):
    assert find_family(title, catalogue(load_rulebook(None))) == family


def test_an_english_title_without_a_family_gets_no_second_reading():
    # Nothing in it is a glossary term: it stays unknown rather than guessed.
    assert find_family("Java Coffee Roaster", catalogue(load_rulebook(None))) is None
