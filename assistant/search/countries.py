"""Countries said by their adjective («japanese green tea», «the ethiopian one»), as origins
are listed (Japan, Ethiopia)."""

from __future__ import annotations

import re

COUNTRY_OF = {
    "ethiopian": "ethiopia", "colombian": "colombia", "kenyan": "kenya", "brazilian": "brazil",
    "guatemalan": "guatemala", "japanese": "japan", "chinese": "china", "indian": "india",
    "italian": "italy", "french": "france", "mexican": "mexico", "peruvian": "peru",
    "vietnamese": "vietnam", "korean": "korea", "taiwanese": "taiwan", "german": "germany",
    "sri lankan": "sri lanka", "rwandan": "rwanda", "costa rican": "costa rica",
}  # fmt: skip
# not «french press», a grind
COUNTRY_ADJECTIVE = re.compile(
    r"\b(" + "|".join(sorted(COUNTRY_OF, key=len, reverse=True)) + r")\b(?! press)", re.I
)


# «green tea from japan», «grown in colombia»: a country said as where a thing comes from
# (not «im in india», «he's from india»: where a person is)
COUNTRY_OF_ORIGIN = re.compile(
    r"(?<!'s )(?<!'m )(?<!'re )(?<!\bis )(?<!\bim )(?<!\bam )(?<!\bare )(?<!\bhes )(?<!\bshes )"
    r"\b(?:from|grown in|made in|origin:?)\s+("
    + "|".join(sorted(set(COUNTRY_OF.values()), key=len, reverse=True))
    + r")\b",
    re.I,
)


def countries_said(text: str) -> set[str]:
    """The countries a text names by their adjective or as an origin, lower-cased
    («japanese»: japan; «from japan»: japan)."""
    adjectives = {COUNTRY_OF[found.lower()] for found in COUNTRY_ADJECTIVE.findall(text)}
    return adjectives | {found.lower() for found in COUNTRY_OF_ORIGIN.findall(text)}
