"""Closeness in meaning from the shipped word vectors (server/scoring/similarity.py), and how the
relevance rule uses it for certificates the catalogue does not list."""

from __future__ import annotations

import numpy as np
import pytest

from parser.models import Certificate
from server.rulebook import load_rulebook
from server.scoring import similarity
from server.scoring.certificate import resolve as resolve_cert
from server.scoring.matching import catalogue
from server.scoring.role import Role, resolve
from server.scoring.rules import relevance


def close(a: str, b: str) -> float:
    value = similarity.cosine(similarity.vector(a), similarity.vector(b))
    assert value is not None, (a, b)
    return value


@pytest.mark.parametrize(("text", "near", "far"), [
    ("Certified Arborist, International Society of Arboriculture", "Tree Surgeon",
     "Payroll Clerk"),
    ("Certified Pool Operator", "Swimming Pool Maintenance Technician", "Tax Accountant"),
    ("Forklift Truck Operation", "Warehouse Operative", "Marketing Copywriter"),
    ("Advanced Cardiac Care Course", "Intensive Care Nurse", "Software Tester"),
])
def test_a_text_is_closer_to_the_job_it_belongs_to(text, near, far):
    assert close(text, near) > close(text, far) + 0.15


def test_words_the_vocabulary_lacks_count_but_are_not_placed():
    tables = similarity.vectors()
    assert "polysomnographer" not in tables.index
    # An unknown word moves the text nowhere...
    assert close("hospital cardiac surgery polysomnographer",
                 "hospital cardiac surgery") == pytest.approx(1.0, abs=1e-6)
    # ...but a text made mostly of them is not read at all.
    assert similarity.vector("polysomnographer echocardiographer surgery") is None


def test_unknown_acronyms_are_not_read():
    assert close("XQZT Data Analysis", "Data Analysis") == pytest.approx(1.0, abs=1e-6)


def test_blank_foreign_or_coded_texts_are_not_read():
    assert similarity.vector("") is None
    assert similarity.vector("— 2 —") is None
    # Mostly outside the (English) vocabulary: not read rather than guessed.
    assert similarity.vector("Zertifikat Gabelstaplerfahrer Flurförderzeuge") is None
    assert similarity.cosine(None, similarity.vector("Data Analyst")) is None


def test_vectors_are_unit_length_and_loaded_once():
    vector = similarity.vector("Project Management")
    assert vector is not None and np.linalg.norm(vector) == pytest.approx(1.0, abs=1e-5)
    assert similarity.vectors() is similarity.vectors()


def test_broken_tables_are_a_clear_error(tmp_path):
    broken = tmp_path / "word_vectors.npz"
    broken.write_bytes(b"not an archive")
    with pytest.raises(similarity.SimilarityUnavailable, match="cannot read the word vectors"):
        similarity.WordVectors.load(broken)
    with pytest.raises(similarity.SimilarityUnavailable):
        similarity.WordVectors.load(tmp_path / "missing.npz")


# --- the relevance rule -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def cat():
    return catalogue(load_rulebook())


def reading(cat, name: str, role: Role, issuer: str | None = None,
            conf: dict | None = None) -> relevance.Reading:
    cert = resolve_cert(Certificate(name, issuer=issuer), 0, cat)
    return relevance.score(conf or relevance.DEFAULT, cert, resolve(role, cat), cat)


def test_an_unlisted_certificate_close_in_meaning_outranks_one_far_from_it(cat):
    role = Role("Tree Surgeon", "Climbs, prunes and fells trees safely.")
    near = reading(cat, "Urban Tree Climbing and Pruning", role, "Northwind Green Academy")
    far = reading(cat, "Swimming Pool Water Chemistry", role, "Northwind Green Academy")
    assert near.closeness is not None and far.closeness is not None
    assert near.closeness > far.closeness
    assert near.value > far.value
    assert near.weight == relevance.DEFAULT["unknown-similarity-weight"]


def test_closeness_is_explained_in_the_note(cat):
    cert = resolve_cert(Certificate("Pool Plant Operations Certificate"), 0, cat)
    outcome = relevance.judge(relevance.DEFAULT, cert,
                              resolve(Role("Swimming Pool Maintenance Technician"), cat), cat)
    assert "Read for meaning, its name is" in outcome.note
    assert "which makes up 50% of its relevance" in outcome.note


def test_a_catalogue_certificate_is_judged_by_the_catalogue_alone(cat):
    listed = reading(cat, "AWS Certified Cloud Practitioner", Role("Cloud Kitchen Manager"))
    assert listed.closeness is None and listed.weight == 0.0
    conf = {**relevance.DEFAULT, "unknown-similarity-weight": 0.0}
    unlisted = reading(cat, "Pool Plant Operations Certificate", Role("Pool Technician"), conf=conf)
    assert unlisted.closeness is None  # weight 0: meaning is not read at all


def test_unlisted_certificates_are_remembered_with_their_issuer(cat):
    """The issuer is read for meaning when the catalogue does not list the certificate, so the
    memo must tell two issuers apart."""
    role = Role("Tree Surgeon")
    a = reading(cat, "Level 3 Award", role, "International Society of Arboriculture")
    b = reading(cat, "Level 3 Award", role, "Institute of Chartered Accountants")
    assert a.value != b.value


def test_meaning_never_vetoes_skills_the_role_shares(cat):
    """An employer's forklift authorisation is forklift driving to the rulebook (a skill the role
    needs, read from "chariot élévateur"); its French name, even read through the glossary, is far
    from "Cariste" to the word vectors. The skills win. (CACES R489 itself is a catalogue entry,
    read as such, so it would not exercise the word vectors.)"""
    role = Role("Cariste")
    name = "Autorisation de conduite chariot élévateur catégorie 1A"
    conf = {**relevance.DEFAULT, "unknown-similarity-weight": 0.0}
    alone = reading(cat, name, role, "AFPA", conf=conf)
    read = reading(cat, name, role, "AFPA")
    assert read.shared and read.value == alone.value
    assert read.closeness is not None and read.weight == 0.0  # read, and outweighed
    cert = resolve_cert(Certificate(name, issuer="AFPA"), 0, cat)
    note = relevance.judge(relevance.DEFAULT, cert, resolve(role, cat), cat).note
    assert "the skills it shares with the role count for more" in note
