"""Naming one of the products just shown by a word of its title («the kettle», «the lite
x» beside Lite X and Lite 2) or by a fact of it («the real leather one»)."""

from __future__ import annotations

import itertools
import re

from assistant.catalogue.models import Product
from assistant.search.countries import countries_said

_NO_NAME_WORDS = frozenset("one two six ten the and for set kit all new".split())


def distinctive_match(message: str, products: list[Product]) -> list[str]:
    """The one product a distinctive word (or a model pair) of its title names, else []."""
    words = set(re.findall(r"[a-z0-9']+", message.lower()))
    said = words | {word.rstrip("s") for word in words}
    hits = []
    for product in products:
        title_words = set(re.findall(r"[a-z0-9']+", product.title.lower()))
        distinctive = {  # «the zen»: short model words too, not «one» or «set»
            word for word in title_words if len(word) > 3 or (len(word) == 3 and word.isalpha())
        } - _NO_NAME_WORDS
        # «the purple dumbbell» of the «… Adjustable Dumbbells»: one said, the title's plural
        shared = {word for word in distinctive if word in said or word.rstrip("s") in said}
        if shared:
            hits.append((len(shared), product.id))
    if not hits:  # «go 400 deluxe, 2 of them»: a model said by its short word and number
        said = " ".join(re.findall(r"[a-z0-9']+", message.lower()))
        paired = [p.id for p in products if _pair_said(p.title, said)]
        return paired if len(paired) == 1 else []
    best = max(score for score, _ in hits)
    winners = [pid for score, pid in hits if score == best]
    if len(winners) > 1:  # «the lite x» beside Lite X and Lite 2: the pair of words said
        said = " ".join(re.findall(r"[a-z0-9']+", message.lower()))
        paired = [p.id for p in products if p.id in winners and _pair_said(p.title, said)]
        winners = paired if len(paired) == 1 else winners
    if len(winners) > 1:  # «the zen one» beside Zen and Zen 800: the plain Zen
        titles = [_title_words(p.title) for p in products if p.id in winners]
        makes = {w for p in products if p.id in winners for w in _title_words(p.brand or "")}
        common = set(said.split()).intersection(*titles) - makes  # a model word, not the make
        plain = [
            pid
            for pid, title in zip(winners, titles, strict=True)
            if common and all(_stands_alone(word, title) for word in common)
        ]
        winners = plain if len(plain) == 1 else winners
    return winners if len(winners) == 1 else []


def _title_words(title: str) -> list[str]:
    """A title's words as typed apart («carry-on» one word), lower-cased."""
    return [word.strip(",.()") for word in title.lower().split()]


def _stands_alone(word: str, title: list[str]) -> bool:
    """Whether a title word has no model mark or number after it (the «Zen» of «Atlas & Oak
    Zen Carry-On», not of «Packwell Zen 800 Carry-On»)."""
    at = title.index(word)
    after = title[at + 1] if at + 1 < len(title) else ""
    return not model_mark(after)


def model_mark(word: str) -> bool:
    """Whether a title word marks a model after its name: «800», «X»; not the model «Go»."""
    return word.isdigit() or len(word) == 1


# «X and Y», «X vs Y»; not «the serum dewleaf posted, the luma skin one» (which one: Y)
_NAMES_APART = re.compile(r"\s*(?:\bvs\.?|\bversus\b|\band\b|\bor\b|[,;])\s*", re.I)


def each_named_apart(message: str, products: list[Product]) -> dict[str, str]:
    """«the cairn gear one and the wildpine one», «bassline one vs the nimbus classic s»:
    the shown products that parts of the message name each on its own (product id -> the
    part), when two or more parts name different ones; else {}."""
    found: dict[str, str] = {}
    for part in _NAMES_APART.split(message):
        for pid in distinctive_match(part, products) if part.strip() else []:
            found.setdefault(pid, part.strip())
    return found if len(found) >= 2 else {}


def _pair_said(title: str, said: str) -> bool:
    """Whether two neighbouring title words, one a short model mark or number («classic
    200» beside a plain Classic), are said together."""
    words = re.findall(r"[a-z0-9']+", title.lower())
    pairs = (
        f"{a} {b}"
        for a, b in itertools.pairwise(words)
        if min(len(a), len(b)) <= 2 or a.isdigit() or b.isdigit()
    )
    return any(re.search(rf"\b{re.escape(pair)}\b", said) for pair in pairs)


_THE_X_ONE = re.compile(r"\bthe ((?:[a-z-]+ ){1,2})ones?\b", re.I)


def by_its_facts(message: str, shown: list[Product]) -> list[str]:
    """«the real leather one» beside two «Leather» bags: the one whose facts say leather
    (its material), when its title does not tell them apart."""
    said = _THE_X_ONE.search(message)
    if said is None or len(shown) < 2:
        return []
    words = set(said.group(1).lower().split())
    words |= countries_said(said.group(1))  # «the ethiopian one»: Ethiopia
    hits = [
        p.id
        for p in shown
        if words & set(re.findall(r"[a-z-]+", " ".join(p.attributes.values()).lower()))
        or any(  # «the organic one»: the one whose «organic» says yes
            value.lower() in {"yes", "true"} and set(name.lower().split()) <= words
            for name, value in p.attributes.items()
        )
    ]
    return hits if len(hits) == 1 else []
