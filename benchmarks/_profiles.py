"""Fictional profiles for the benchmarks and the service tests (no real person, employer or URL).

``profile_json(n)`` is one fixed cloud-engineering candidate in the Profile JSON form that
/api/v1/score takes (the service tests use it). ``pool(count, rulebook)`` is a deterministic pool
of distinct, realistic candidates with requests to score them: each is built around a field of
the rulebook, with catalogue certificates (by name or alias), course certificates named after
skills, niche certificates no catalogue lists, positions and a role to judge against. The speed
benchmarks draw from the pool so that any memoisation in the scorer is measured on the variety
real traffic has, not on one profile replayed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from server.rulebook import Rulebook

# (name, issuer, issued, skills): a plausible cloud/data career's worth of learning.
CERTIFICATES = [
    ("AWS Certified Solutions Architect – Associate", "Amazon Web Services", "2023-04",
     ["AWS", "Cloud Architecture"]),
    ("Microsoft Certified: Azure Fundamentals", "Microsoft", "2022-11", ["Azure"]),
    ("Certified Kubernetes Administrator (CKA)", "The Linux Foundation", "2024-02",
     ["Kubernetes"]),
    ("HashiCorp Certified: Terraform Associate", "HashiCorp", "2023-09", ["Terraform"]),
    ("Google Data Analytics Professional Certificate", "Coursera", "2021-06", ["SQL"]),
    ("Effective Communication", "LinkedIn Learning", "2020-03", ["Communication"]),
    ("Python for Everybody", "Coursera", "2019-08", ["Python"]),
    ("Scrum Master Certified", "Contoso Academy", "2022-01", ["Scrum"]),
    ("Docker Essentials", "Fabrikam Learning", "2021-10", ["Docker"]),
    ("Time Management Fundamentals", "LinkedIn Learning", "2020-07", []),
]
POSITIONS = [
    ("Cloud Engineer", "Northwind Traders", "2022-03", None,
     "Runs the AWS platform with Terraform and Kubernetes."),
    ("Systems Administrator", "Contoso", "2018-09", "2022-02",
     "Linux servers, Docker, scripting in Python."),
    ("IT Support Analyst", "Fabrikam", "2016-05", "2018-08", "Help desk and networking."),
]


def profile_json(certificates: int = 10, name: str = "Dana Example") -> dict[str, Any]:
    """A Profile with ``certificates`` entries (the list repeats with numbered names past ten)."""
    certs = []
    for i in range(certificates):
        cert_name, issuer, issued, skills = CERTIFICATES[i % len(CERTIFICATES)]
        suffix = f" (part {i // len(CERTIFICATES) + 1})" if i >= len(CERTIFICATES) else ""
        certs.append({
            "name": cert_name + suffix, "issuer": issuer, "issued": issued, "expires": None,
            "credential_id": f"EXAMPLE-{i:04d}", "credential_url": f"https://example.org/cred/{i}",
            "skills": skills, "kind": "certification", "locator": None,
        })
    return {
        "source": {"format": "json-resume", "layout": None, "warnings": []},
        "person": {"name": name, "headline": "Cloud Engineer at Northwind Traders",
                   "about": "Builds reliable cloud platforms.", "location": "Example City"},
        "certificates": certs,
        "positions": [{"title": t, "company": c, "start": s, "end": e, "description": d,
                       "location": None} for t, c, s, e, d in POSITIONS],
        "education": [{"school": "Example University", "degree": "BSc", "field": "Computing",
                       "start": "2012", "end": "2016"}],
        "projects": [],
        "skills": ["AWS", "Terraform", "Kubernetes", "Python"],
        "courses": [],
    }


# Niche and non-English certificates that no catalogue is expected to list, as people write them.
UNLISTED = [
    ("Certificado de Profesionalidad: Gestión Contable y de Auditoría", "Fabrikam Formación"),
    ("Zertifikat Qualitätsmanagementbeauftragter", "Contoso Akademie"),
    ("Attestation de formation : Sauveteur Secouriste du Travail", "Fabrikam Prévention"),
    ("Curso de Excel Avançado para Finanças", "Contoso Escola"),
    ("Advanced Sourdough Baking", "Northwind Culinary School"),
    ("Forklift Operator Safety Training", "Fabrikam Safety"),
    ("Introduction to Arboriculture", "Contoso Green Academy"),
    ("Certified Cold Chain Logistics Practitioner", "Northwind Logistics Institute"),
    ("Pediatric Advanced Life Support Refresher", "Contoso Health Academy"),
    ("Wine Tasting and Sommelier Basics", "Fabrikam Wine School"),
    ("Data Storytelling with Dashboards", "Contoso Analytics Academy"),
    ("Kanban for Service Teams", "Northwind Agile Guild"),
    ("Grant Writing for Nonprofits", "Fabrikam Community College"),
    ("Negotiation Masterclass: Guaranteed Results in 30 Days", "Contoso Online"),
    ("Industrial Hygiene Fundamentals", "Northwind Safety Council"),
    ("Formação em Gestão de Projetos Ágeis", "Fabrikam Academia"),
    ("Certificat de spécialisation en paie", "Contoso Institut"),
    ("Warehouse Inventory Control with SAP", "Northwind Training"),
    ("Clinical Documentation Essentials", "Fabrikam Medical Education"),
    ("Motion Design for Social Media", "Contoso Creative School"),
    ("Become a Python Expert in 10 Days", "Fabrikam Online"),
    ("Power Plant Operations Level 2", "Northwind Energy Academy"),
    ("Customer Success Management Foundations", "Contoso Learning"),
    ("Tax Preparation Specialist Program", "Fabrikam Tax School"),
]
PLATFORMS = ("Coursera", "Udemy", "LinkedIn Learning", "edX", "Contoso Academy",
             "Fabrikam Learning")
COURSE_FORMS = ("{} Essentials", "Introduction to {}", "{} for Professionals", "Applied {}",
                "{} in Practice", "Hands-on {}")
COMPANIES = ("Northwind Traders", "Contoso", "Fabrikam", "Tailspin Toys", "Wide World Importers",
             "Adventure Works", "Woodgrove Bank", "Litware", "Proseware", "Alpine Ski House")
FREE_TITLES = ("Analytics Lead, Retail", "Junior Platform Engineer (remote)",
               "Head of People Operations", "Clinical Nurse Educator",
               "Warehouse Shift Supervisor", "Growth Marketer – B2B SaaS",
               "Audit Senior", "Cloud Kitchen Manager", "Data Intern")
FIRST_NAMES = ("Dana", "Alex", "Sam", "Robin", "Kim", "Jordan", "Casey", "Riley", "Morgan")


@dataclass(frozen=True, slots=True)
class Request:
    """One scoring request of the pool: the Profile JSON and the role (None: own direction)."""

    profile: dict[str, Any]
    role: dict[str, Any] | None

    def body(self, as_of: str) -> dict[str, Any]:
        """The /api/v1/score request body."""
        return {"profile": self.profile, "role": self.role, "as_of": as_of}


def pool(count: int, book: Rulebook, certificates: int = 20, seed: int = 2025,
         openings: int = 30) -> list[Request]:
    """``count`` distinct candidates, each with ``certificates`` certificates, deterministic.

    Each is judged for one of ``openings`` job openings (title, and often a job description and
    skills), as a recruiter screens many candidates per opening; most candidates come from the
    opening's field, the rest from anywhere; one in ten is judged against their own direction.
    """
    rng = random.Random(seed)
    by_field: dict[str, list[str]] = {}
    for key, entry in sorted(book.certificates.items()):
        by_field.setdefault(entry["field"], []).append(key)
    roles_by_field: dict[str, list[str]] = {}
    for key, entry in sorted(book.roles.items()):
        roles_by_field.setdefault(entry["field"], []).append(key)
    fields = sorted(set(by_field) & set(roles_by_field))
    if not fields:
        raise ValueError("the rulebook has no field with both certificates and roles")
    jobs = [_opening(rng, book, fields, roles_by_field) for _ in range(openings)]
    requests = []
    for number in range(count):
        field, role = rng.choice(jobs)
        own = field if field is not None and rng.random() < 0.6 else rng.choice(fields)
        candidate = _candidate(rng, book, own, fields, by_field, roles_by_field, number,
                               certificates)
        requests.append(Request(candidate, None if rng.random() < 0.1 else role))
    return requests


def _candidate(rng: random.Random, book: Rulebook, field: str, fields: list[str],
               by_field: dict[str, list[str]], roles_by_field: dict[str, list[str]], number: int,
               size: int) -> dict[str, Any]:
    everything = [key for f in fields for key in by_field[f]]
    main_role = book.roles[rng.choice(roles_by_field[field])]
    own_skills = [book.skills[s]["label"] for s in main_role["skills"] if s in book.skills]
    certs = []
    for i in range(size):
        kind = rng.random()
        if kind < 0.45:  # a catalogue certificate of the candidate's field, by name or alias
            certs.append(_catalogue_cert(rng, book, rng.choice(by_field[field])))
        elif kind < 0.65:  # one from anywhere in the catalogue
            certs.append(_catalogue_cert(rng, book, rng.choice(everything)))
        elif kind < 0.9 and own_skills:  # a platform course named after one of the field's skills
            name = rng.choice(COURSE_FORMS).format(rng.choice(own_skills))
            certs.append(_cert(rng, name, rng.choice(PLATFORMS), []))
        else:
            name, issuer = rng.choice(UNLISTED)
            certs.append(_cert(rng, name, issuer, []))
        if i % 5 == 0 and own_skills:
            certs[-1]["skills"] = rng.sample(own_skills, min(2, len(own_skills)))
    positions = _positions(rng, book, main_role, fields, roles_by_field)
    person = f"{rng.choice(FIRST_NAMES)} Example"
    profile = {
        "source": {"format": "html", "layout": None, "warnings": []},
        "person": {"name": person, "headline": f"{main_role['title']} at {positions[0]['company']}",
                   "about": None, "location": "Example City"},
        "certificates": certs,
        "positions": positions,
        "education": [],
        "projects": [{"title": f"{own_skills[0]} showcase" if own_skills else "Side project",
                      "description": ", ".join(own_skills[1:4]) or None, "start": "2023-02",
                      "end": None, "url": None}] if number % 3 == 0 else [],
        "skills": own_skills[:5],
        "courses": [],
    }
    return profile


def _catalogue_cert(rng: random.Random, book: Rulebook, key: str) -> dict[str, Any]:
    entry = book.certificates[key]
    name = entry["name"] if rng.random() < 0.7 or not entry.get("aliases") else \
        rng.choice(entry["aliases"])
    issuer_entry = book.issuers[entry["issuer"]]
    issuer = issuer_entry["name"] if rng.random() < 0.8 else rng.choice(PLATFORMS)
    return _cert(rng, name, issuer, [])


def _cert(rng: random.Random, name: str, issuer: str, skills: list[str]) -> dict[str, Any]:
    year = rng.randint(2014, 2025)
    issued = f"{year}-{rng.randint(1, 12):02d}" if rng.random() < 0.9 else None
    expires = f"{year + 3}-{rng.randint(1, 12):02d}" if issued and rng.random() < 0.2 else None
    verifiable = rng.random() < 0.4
    return {"name": name, "issuer": issuer, "issued": issued, "expires": expires,
            "credential_id": f"EXAMPLE-{rng.randint(1000, 9999)}" if verifiable else None,
            "credential_url": f"https://example.org/verify/{rng.randint(10000, 99999)}"
            if verifiable else None,
            "skills": skills, "kind": "certification", "locator": None}


def _positions(rng: random.Random, book: Rulebook, main_role: dict[str, Any], fields: list[str],
               roles_by_field: dict[str, list[str]]) -> list[dict[str, Any]]:
    titles = [main_role["title"]] * rng.randint(1, 2)
    if rng.random() < 0.5:  # an earlier career elsewhere
        titles.append(book.roles[rng.choice(roles_by_field[rng.choice(fields)])]["title"])
    titles += [main_role["title"]] * rng.randint(0, 1)
    positions = []
    end: str | None = None
    year = rng.randint(2018, 2025)
    for i, title in enumerate(titles):  # latest first, as profiles list them
        start = f"{year}-{rng.randint(1, 12):02d}"
        role = next((r for r in book.roles.values() if r["title"] == title), main_role)
        skills = [book.skills[s]["label"] for s in role["skills"][:6] if s in book.skills]
        used = ", ".join(rng.sample(skills, min(3, len(skills))))
        positions.append({"title": ("Senior " if i == 0 and rng.random() < 0.3 else "") + title,
                          "company": rng.choice(COMPANIES), "start": start, "end": end,
                          "description": f"Day to day: {used}." if used else None,
                          "location": None})
        end = start
        year -= rng.randint(2, 5)
    return positions


def _opening(rng: random.Random, book: Rulebook, fields: list[str],
             roles_by_field: dict[str, list[str]]) -> tuple[str | None, dict[str, Any]]:
    """(its field if it is a catalogue role, the role as the API takes it)."""
    if rng.random() < 0.2:
        return None, {"title": rng.choice(FREE_TITLES)}
    field = rng.choice(fields)
    entry = book.roles[rng.choice(roles_by_field[field])]
    skills = [book.skills[s]["label"] for s in entry["skills"] if s in book.skills]
    described = rng.sample(skills, min(4, len(skills)))
    return field, {"title": entry["title"],
                   "description": f"We need someone with {', '.join(described)} experience."
                   if described and rng.random() < 0.6 else None,
                   "skills": described[:2] if rng.random() < 0.3 else []}
