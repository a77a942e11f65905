"""Write ``server/scoring/data/place_words.txt``: the words of place names, which say where a
job or a licence is and never what it is about.

"Queensland Open Builder Licence" and "Tourism Marketing Coordinator, Queensland" share a word
and nothing else; neither the word fallback nor the reading for meaning should count it. The
list is the words of every country's name (ISO 3166-1) and of the first-level divisions of the
countries whose titles and licences name them most (US states, Canadian provinces, German Länder,
Japanese prefectures …, ISO 3166-2, both from the ``pycountry`` package), and of the cities job
titles name most often. Words that also mean something else in a job or certificate name are
left out: the generic ones below ("new", "capital", "central"), nationality adjectives (they
name languages: "French", "Dutch") and every word of a skill in the shipped rulebook ("Java").

Run time needs only the text file; rebuilding needs the ``data`` extra
(``pip install -e '.[data]'``):

    .venv/bin/python scripts/build_place_words.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from server.rulebook import load_rulebook  # noqa: E402
from server.scoring.matching import _plain, tokens  # noqa: E402

OUT = ROOT / "server" / "scoring" / "data" / "place_words.txt"

# First-level divisions (country code, ISO 3166-2 type) that job titles and licences name.
DIVISIONS = {
    ("US", "State"), ("US", "District"), ("CA", "Province"), ("CA", "Territory"),
    ("AU", "State"), ("AU", "Territory"), ("GB", "Country"), ("GB", "Province"),
    ("IE", "Province"), ("NZ", "Region"), ("ZA", "Province"), ("IN", "State"),
    ("DE", "Land"), ("AT", "State"), ("CH", "Canton"), ("ES", "Autonomous community"),
    ("FR", "Metropolitan region"), ("IT", "Region"), ("NL", "Province"), ("BE", "Region"),
    ("PL", "Voivodship"), ("BR", "State"), ("MX", "State"), ("CN", "Province"),
    ("JP", "Prefecture"), ("AE", "Emirate"),
}
# Cities that job titles name ("Cloud Engineer, London"), written as titles write them.
CITIES = """
London Manchester Birmingham Leeds Glasgow Edinburgh Bristol Dublin Cork Paris Lyon Marseille
Toulouse Munich München Frankfurt Hamburg Cologne Köln Düsseldorf Stuttgart Vienna Zurich Geneva
Brussels Antwerp Amsterdam Rotterdam Eindhoven Copenhagen Stockholm Gothenburg Oslo Helsinki
Warsaw Krakow Kraków Wroclaw Prague Budapest Bucharest Lisbon Porto Barcelona Seville Bilbao
Milan Milano Rome Roma Turin Naples Athens Istanbul Ankara Dubai Doha Riyadh Jeddah Cairo
Nairobi Lagos Johannesburg Durban Mumbai Bombay Delhi Bangalore Bengaluru Hyderabad Chennai Pune
Kolkata Karachi Lahore Dhaka Singapore Jakarta Manila Bangkok Hanoi Saigon Shanghai Beijing
Shenzhen Guangzhou Seoul Busan Osaka Yokohama Taipei Sydney Melbourne Brisbane Perth Adelaide
Auckland Toronto Montreal Vancouver Calgary Ottawa Edmonton Chicago Boston Seattle Houston
Dallas Austin Atlanta Miami Denver Phoenix Philadelphia Detroit Minneapolis Pittsburgh Baltimore
Cleveland Nashville Charlotte Orlando Tampa Sacramento Portland Francisco Diego Angeles Vegas
Bogota Bogotá Lima Santiago Buenos Aires Montevideo Caracas Monterrey Guadalajara Tijuana
Brasilia Brasília Recife Salvador Curitiba
"""
# Words of place names that also mean something else in a title or certificate name.
GENERIC_WORDS = """
a al ash and d da de del do el la le les y s ra of the part see man free est sur sul pays ile illes
val nam lao jan st new north northern northwest south southern east eastern west western central
centre center capital capitale city district region province state states territory territories
republic people federation federated kingdom united democratic islamic plurinational minor
outlying ocean island islands isle islas coast bay cape grand grande great greater holy upper
lower saint sankt san santa santo sao cook nelson martin edward prince principe helena vincent
lucia luis pierre ignacio leone ocampo llave mie saga nara uri tome chad jersey guinea niger
acre marche mancha amazonas heard christmas virgin turks cocos keeling mayen plenty comunidad
principado foral landschaft gewest stadt sheng aires angeles diego francisco vegas portland
salvador perth victoria charlotte austin phoenix orlando lima
american african british dutch french indian russian arab arabian australian syrian
"""


def place_names() -> list[str]:
    # Not the official names: their words are forms of state ("Federal", "Union", "Socialist").
    names = [n for c in pycountry.countries for n in (c.name, getattr(c, "common_name", ""))]
    names += [s.name for s in pycountry.subdivisions if (s.country_code, s.type) in DIVISIONS]
    return names + CITIES.split()


def main() -> None:
    book = load_rulebook(None)
    skill_words = {t for skill in book.skills.values()
                   for text in (skill["label"], *skill.get("aliases", ()))
                   for t in tokens(_plain(text))}
    words = {t for name in place_names() for t in tokens(_plain(name))
             if len(t) > 2 and t.isascii() and t.isalpha()}
    words -= set(GENERIC_WORDS.split()) | skill_words
    header = ("# Words of place names (countries, first-level divisions, big cities): where a\n"
              "# job or licence is, never what it is about. Written by\n"
              "# scripts/build_place_words.py from pycountry's ISO 3166 data; do not edit.\n")
    OUT.write_text(header + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} place words -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
