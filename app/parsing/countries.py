"""Country names and ISO alpha-3 codes (``AUS``) to the one name the app stores."""

from __future__ import annotations

import re
from functools import cache

import pycountry

_WORD = re.compile(r"[^\s,;:()|·•]+")

#: names clients and Upwork use that differ from ISO's short names
_ALIASES = {
    "usa": "United States",
    "us": "United States",
    "united states of america": "United States",
    "uk": "United Kingdom",
    "great britain": "United Kingdom",
    "england": "United Kingdom",
    "uae": "United Arab Emirates",
    "russia": "Russia",
    "south korea": "South Korea",
    "korea": "South Korea",
    "vietnam": "Vietnam",
    "viet nam": "Vietnam",
    "iran": "Iran",
    "taiwan": "Taiwan",
    "bolivia": "Bolivia",
    "venezuela": "Venezuela",
    "tanzania": "Tanzania",
    "moldova": "Moldova",
    "syria": "Syria",
    "laos": "Laos",
    "turkey": "Turkey",
    "türkiye": "Turkey",
    "czech republic": "Czechia",
    "macedonia": "North Macedonia",
    "palestine": "Palestine",
    "hong kong": "Hong Kong",
    "macau": "Macao",
    "ivory coast": "Côte d'Ivoire",
    "cote d'ivoire": "Côte d'Ivoire",
    "curacao": "Curaçao",
    "brunei": "Brunei",
}


def _display_name(country: object) -> str:
    for attr in ("common_name", "name"):
        value = getattr(country, attr, None)
        if value:
            return str(value).split(",")[0] if attr == "name" and "," in value else str(value)
    raise AssertionError("pycountry entry without a name")


@cache
def _table() -> tuple[dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    codes: dict[str, str] = {}
    for country in pycountry.countries:
        shown = _display_name(country)
        codes[country.alpha_3] = shown
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names[value.lower()] = shown
    overrides = {"RUS": "Russia", "TUR": "Turkey", "VNM": "Vietnam", "IRN": "Iran"}
    overrides |= {"TWN": "Taiwan", "BOL": "Bolivia", "VEN": "Venezuela", "TZA": "Tanzania"}
    overrides |= {"MDA": "Moldova", "SYR": "Syria", "LAO": "Laos", "PSE": "Palestine"}
    overrides |= {"BRN": "Brunei"}
    codes.update(overrides)
    for shown in overrides.values():
        names[shown.lower()] = shown
    names.update(_ALIASES)
    return names, codes


def country_name(text: str | None) -> str | None:
    """``AUS`` → ``Australia``; ``canada`` → ``Canada``; unknown text → None."""
    if not text:
        return None
    value = " ".join(text.split()).strip(" .,")
    if not value:
        return None
    names, codes = _table()
    if len(value) == 3 and value.isalpha() and value.isupper():
        found = codes.get(value)
        if found:
            return found
    return names.get(value.lower())


def find_country(text: str) -> tuple[str, int, int] | None:
    """The first country name or alpha-3 code in ``text``: (name, start, end)."""
    names, codes = _table()
    tokens = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
    for i, (_word, start, _end) in enumerate(tokens):
        for j in range(min(i + 5, len(tokens)), i, -1):
            phrase = " ".join(t[0] for t in tokens[i:j])
            key = phrase.lower().strip(".")
            shown = names.get(key) if len(key) > 3 else None
            if shown is None and j == i + 1 and len(phrase) == 3 and phrase.isupper():
                shown = codes.get(phrase)
            if shown is not None:
                return shown, start, tokens[j - 1][2]
    return None
