"""A shopper who does not mind: «any colour is fine», «whichever», «size doesn't matter»,
«i'm not set on a colour». To an open «which one?» that takes a version in stock; in a
search, those words name no colour, size or kind."""

from __future__ import annotations

import re

from assistant.catalogue.models import Product

_DIMENSION = (
    r"colou?rs?|shades?|sizes?|brands?|flavou?rs?|styles?|models?|editions?|versions?|ones?"
)
# the option a dimension word is about; «version», «one»: every option
_OPTION_OF = {"color": "colour", "shade": "colour", "flavor": "flavour"}
NOT_MINDED = re.compile(
    # «any colour is fine», «whichever one works», «either will do»; not «any good?»
    rf"\b(?:any|whatever|whichever|either)(?:\s+(?P<a>{_DIMENSION}))?(?:\s+of (?:them|those))?"
    r"(?:(?:\s*'s|\s+is|\s+(?:will|would|should) be)\s+(?:totally\s+|really\s+)?"
    r"(?:fine|ok|okay|good|great|grand|cool|alright)|\s+(?:works?|will do|would do))\b"
    # said at a clause's end, not asked: «whichever is good for hiking», «does any colour
    # work with the iphone 16?»
    r"(?:\s+(?:(?:by|with|for) me|too|honestly|tbh|really|lol))*(?=\s*(?:[,.;!]|$))(?![^?]*\?)"
    # «any colour, size S»: not a question («in any colour?»)
    rf"|\b(?:any|whatever|whichever)\s+(?P<g>{_DIMENSION})(?=\s*(?:[,.;!]|$))(?![^?]*\?)"
    # «colour doesn't matter», «the size does not really matter to me»
    rf"|\b(?:the\s+)?(?P<b>{_DIMENSION})\s+(?:doesn'?t|does not|dont|won'?t|wont)\s+"
    r"(?:really\s+)?matter(?:\s+(?:much|really|to me))?"
    # «i'm not set on a colour», «not fussed about the size»
    r"|\b(?:i'?m\s+|im\s+|i am\s+)?not\s+(?:really\s+|too\s+|that\s+|very\s+)?"
    r"(?:set on|fussed(?: about)?|bothered(?: about)?|picky(?: about)?|fussy(?: about)?|"
    rf"particular about)\s+(?:the\s+|a\s+|any\s+|which\s+|what\s+)?(?P<c>{_DIMENSION})"
    # «i don't care about the colour», «don't mind which size»
    r"|\b(?:i\s+)?(?:don'?t|do not|dont)\s+(?:really\s+)?(?:care|mind)\s+(?:about\s+)?"
    rf"(?:the\s+|which\s+|what\s+)?(?P<d>{_DIMENSION})"
    # «no colour preference», «no preference on size»
    rf"|\bno\s+(?P<e>{_DIMENSION})\s+preference"
    rf"|\bno\s+preference\s+(?:on|for|about)\s+(?:the\s+)?(?P<f>{_DIMENSION})",
    re.I,
)
# a whole answer to «which one?» that leaves the choice to us
_SHRUG = re.compile(
    r"^\W*(?:(?:ok|okay|hmm|um|eh|oh|well|honestly|tbh|lol)\W+)*"
    r"(?:any|anyone|any one|whichever|whatever|either|either one|"
    r"(?:i\s+)?(?:don'?t|dont|do not)\s+(?:really\s+)?(?:mind|care)|"
    r"(?:it\s+)?(?:doesn'?t|does not|dont)\s+(?:really\s+)?matter|no preference|surprise me|"
    r"you (?:pick|choose|decide)|(?:it'?s\s+)?up to you|dealer'?s choice)"
    r"(?:\W+(?:is fine|works|will do|really|honestly|tbh|lol|i don'?t mind|"
    r"(?:it\s+)?(?:doesn'?t|dont)\s+matter|you (?:pick|choose)|up to you))*\W*$",
    re.I,
)


def without_indifference(text: str) -> str:
    """The text without what it says the shopper does not mind («hoodie, any colour is
    fine»: a hoodie), so no colour, size or kind is read from those words."""
    left = NOT_MINDED.sub(" ", text)
    left = re.sub(r"\s*,\s*(?:,\s*)+", ", ", left)
    return re.sub(r"\s+", " ", left).strip(" ,;") or text


def any_version(product: Product | None, text: str, said: dict[str, str]) -> dict[str, str]:
    """To an open «which one?», «any colour is fine» or «whichever»: the options of the
    first version in stock that fits what is chosen so far; when a free option is named
    and another is still open («any colour» of a tee in four sizes), only the free one,
    its value the one most versions in stock have. {} when nothing says so."""
    if product is None:
        return {}
    minded = NOT_MINDED.search(text)
    if minded is None and not _SHRUG.match(text):
        return {}
    wanted = {name: value.lower() for name, value in said.items()}
    wanted |= {name: value.lower() for name, value in product.options_named_in(text).items()}
    fits = [
        variant
        for variant in product.variants
        if variant.stock > 0
        and all(variant.options.get(name, "").lower() == value for name, value in wanted.items())
    ]
    if not fits:
        return {}
    open_options = set(product.options_by_name()) - set(wanted)
    free = _options_named(minded, product) if minded else open_options
    if open_options <= free:
        return dict(fits[0].options)
    choice = {name: value for name, value in fits[0].options.items() if name in wanted}
    for name in free & open_options:
        counts: dict[str, int] = {}
        for variant in fits:
            counts[variant.options[name]] = counts.get(variant.options[name], 0) + 1
        choice[name] = max(counts, key=lambda value: counts[value])
    return choice


def _options_named(minded: re.Match[str], product: Product) -> set[str]:
    """The product's options a «not minded» phrase is about (all of them for «any one»)."""
    word = next((group for group in minded.groups() if group), None)
    if word is None:
        return set(product.options_by_name())
    name = word.lower().rstrip("s")
    options = set(product.options_by_name())
    if name in {"one", "version"}:
        return options
    name = _OPTION_OF.get(name, name)
    if name == "size" and "size" not in options:
        name = "capacity"  # a pan's or a kettle's sizes are its capacities
    return {name} & options
