"""Versions said without naming them: an end of the product's range («the biggest bag»,
«the smaller one»), the cheapest («add the cheapest size»), or the one left when the other is
not wanted («500g, not the ground one»)."""

from __future__ import annotations

import re

from assistant.catalogue.models import Catalogue, Product
from assistant.commerce.variants import matching
from assistant.conversation.answers.wording import plural_noun

# «the smallest size of the dewleaf one», «the biggest bag»: an end of its range of sizes
_END_OF_RANGE = re.compile(
    r"\b(smallest|littlest|tiniest|largest|biggest|smaller|bigger|larger)\b"
    # «the small size» of a gel sold in 30, 50 and 100 ml: its smallest
    # «the small ground ones» of a coffee in 250 g, 500 g and 1 kg, ground or whole bean
    r"|\b(small|large|big)(?= (?:[a-z]+ )?(?:size|ones?|bottles?|bags?|packs?|tins?|jars?|"
    r"tubes?|tubs?|box(?:es)?)\b)",
    re.I,
)
_PLAIN = {"small": "smallest", "large": "largest", "big": "largest"}
# values that are the plain word themselves: «small» is then named, not an end of a range
_LETTER_SIZES = {"xs", "s", "m", "l", "xl", "xxl"}
_SIZE_RANK = {"xs": 0, "s": 1, "small": 1, "m": 2, "medium": 2, "l": 3, "large": 3, "big": 3,
              "xl": 4, "xxl": 5}  # fmt: skip
_OF_TWO = {"smaller", "bigger", "larger"}  # «the bigger one»: an end only when there are two
_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(kg|l|litre|liter)?\b", re.I)


def _amount(value: str, position: int) -> float:
    """A size value as a number to order by («1 kg» after «500 g»); its place when none."""
    said = _AMOUNT.search(value)
    if said is None:
        return float(position)
    return float(said.group(1)) * (1000.0 if said.group(2) else 1.0)


def end_of_range(product: Product, text: str) -> dict[str, str]:
    """The smallest or largest size a request asks for, as an option of the product."""
    said = _END_OF_RANGE.search(text)
    sizes = {
        name: values
        for name, values in product.options_by_name().items()
        if name.lower() not in {"colour", "color", "model"} and len(values) > 1
    }
    if "size" in sizes:  # «the biggest bag» of a coffee in sizes and grinds: its size
        sizes = {"size": sizes["size"]}
    if said is None or len(sizes) != 1:
        return {}
    ((name, values),) = sizes.items()
    word = (said.group(1) or _PLAIN[said.group(2).lower()]).lower()
    lowered = {value.lower() for value in values}
    if said.group(2) and (said.group(2).lower() in lowered or lowered & _LETTER_SIZES):
        # «the small one» of small, medium, large: its small, named; «the big one» of a hoodie
        # in S to XL is no size chosen
        return {}
    if word in _OF_TWO and len(values) != 2:
        return {}
    if all(value.lower() in _SIZE_RANK for value in values):  # «the big one» of S, M, L: L
        ordered = sorted(enumerate(values), key=lambda item: _SIZE_RANK[item[1].lower()])
    else:
        ordered = sorted(enumerate(values), key=lambda item: _amount(item[1], item[0]))
    smallest = word in {"smallest", "littlest", "tiniest", "smaller"}
    return {name: ordered[0 if smallest else -1][1]}


# «a 10 instead of my usual 9», «the 50ml, not the 30ml»: the version named after these is
# the one not wanted
_NOT_WANTED = re.compile(
    r"\b(?:instead of|rather than|in place of|not)\s+(?:my |the |a |an )?"
    r"(?:usual |normal |regular |old )?(?:size )?[\w.]+(?:\s?(?:ml|g|kg|oz|l)\b)?"
    # «the standard one, deluxe is too much»: the version turned down
    r"|\b(?:the )?[\w.]+(?: one)? (?:is|was|'s) (?:too (?:much|expensive|pricey|dear|big|small)|"
    r"overkill|a bit much)\b",
    re.I,
)
# «add the cheapest size», «the X, the cheaper edition»: the version with the lowest price
_CHEAPEST_VERSION = re.compile(
    r"\b(?:cheaper|cheapest|least expensive|lowest[- ]priced?)\s+(?:size|version|option|pack|"
    r"variant|colou?r|capacity|edition)s?\b",
    re.I,
)


def _the_other_value(product: Product, text: str, named: dict[str, str]) -> dict[str, str]:
    """«500g, not the ground one» of a tea in whole bean or ground: the one value left."""
    unwanted = product.options_named_in(" ".join(m[0] for m in _NOT_WANTED.finditer(text)))
    left = {}
    for name, value in unwanted.items():
        others = {
            variant.options[name]
            for variant in product.variants
            if variant.options.get(name, "").lower() != value.lower()
            and all(variant.options.get(k, "").lower() == v.lower() for k, v in named.items())
        }
        if name not in named and len(others) == 1:
            left[name] = others.pop()
    return left


def cheapest_version(product: Product, text: str) -> dict[str, str]:
    """The options of the cheapest version in stock when the request asks for it."""
    in_stock = [variant for variant in product.variants if variant.stock > 0]
    if not _CHEAPEST_VERSION.search(text) or len({v.price_minor for v in in_stock}) < 2:
        return {}
    cheapest = min(in_stock, key=lambda variant: variant.price_minor)
    varying = {name for name, values in product.options_by_name().items() if len(values) > 1}
    return {name: value for name, value in cheapest.options.items() if name in varying}


def options_wanted(product: Product, text: str) -> dict[str, str]:
    """The options a request names of the product, without those it says it does not want,
    with the one value left where it rules one out."""
    named = product.options_named_in(_NOT_WANTED.sub(" ", text))
    return named | _settled_last(product, text, named) | _the_other_value(product, text, named)


_CHANGED_TO = re.compile(
    r"\b(?:make|change|switch|swap|go with|instead|actually|i meant|i mean|should be|"
    r"want|need|(?:it'?s|its|is) (?:a|an)\b)",
    re.I,
)


def _settled_last(product: Product, text: str, named: dict[str, str]) -> dict[str, str]:
    """«did I say queen? the spare bed's a twin. make both twin»: of two values said, the one
    the last sentence names alone."""
    parts = [part for part in re.split(r"[.?!;]+", text) if part.strip()]
    if len(parts) < 2:
        return {}
    if not _CHANGED_TO.search(parts[-1]):
        return {}  # «… in queen grey. the king one can wait»: the queen
    last = product.options_named_in(parts[-1])
    return {
        name: value
        for name, value in last.items()
        if name not in named and len(product.values_named_in(text).get(name, [])) > 1
    }


def options_by_rank(product: Product, text: str) -> dict[str, str]:
    """The version an end of the range or «the cheapest size» picks; empty when none."""
    return {**end_of_range(product, text), **cheapest_version(product, text)}


def options_said_for(product: Product | None, options: dict[str, str], text: str) -> dict[str, str]:
    """The options said for a product, without its name's words ("S" of "Urban S")."""
    if product is None:
        return options
    title = {word.lower() for word in product.title.split()}
    named = product.options_named_in(text)
    return {
        name: value
        for name, value in options.items()
        if value.lower() not in title or named.get(name) == value
    }


def options_it_comes_in(product: Product, options: dict[str, str]) -> dict[str, str]:
    """The options a product comes in, of those said ("M" fits a jacket, not a mug)."""
    values = product.options_by_name()
    return {
        name: value
        for name, value in options.items()
        if value.lower() in {v.lower() for v in values.get(name, [])}
    }


# Words around a version asked after «which one?»: «black?», «do you have it in black»
_ASKING_FOR_A_VERSION = set(
    "a an any the one it in do does you have has got is there come comes what about how then "
    "ok okay pls please colour color size maybe or".split()
)


# «oh wait, mine's a 15» to «which one?» among iPhone 15, iPhone 16, …: the model numbered so
_A_NUMBER_ALONE = re.compile(
    r"^\W*(?:(?:oh|ah|wait|sorry|no|actually|ok|okay|hmm+)\W+)*"
    r"(?:(?:mine'?s|mines|its|it'?s|it is|my phone'?s|(?:her|his) phone'?s|the)\s+)?(?:an?\s+)?"
    r"(?P<number>\d{1,2})\W*$",
    re.I,
)


def numbered_model(product: Product | None, text: str) -> dict[str, str]:
    """The one version whose several-word value ends in the number a message says alone
    («mine's a 15»: «iPhone 15»); {} when none or several do, or more is said."""
    said = _A_NUMBER_ALONE.match(text)
    if product is None or said is None:
        return {}
    found = {
        (name, value)
        for variant in product.variants
        for name, value in variant.options.items()
        if len(value.split()) > 1 and value.split()[-1] == said["number"]
    }
    return dict(found) if len(found) == 1 else {}


# «50 then, two of em» to «which one?» of a gel sold out in 100 ml: the size of that number
BARE_NUMBER_FIRST = re.compile(
    # the number alone, then at most a «then» and a count («50 then, two of em»); not «50 is
    # my limit», «30 day returns on this?», «100 bucks? no thanks»
    r"^\W*(?:(?:ok|okay|fine|ugh|hmm+|the)\W+)*(\d{2,4})(?:\s*(?:ml|g))?(?:\s+(?:then|pls|please|"
    r"one|instead))*(?:\W+(?:\d|one|two|three|a couple)(?:\s+(?:of\s+(?:em|them|those)|pls|"
    r"please))?)?\W*$",
    re.I,
)


def bare_size(product: Product | None, text: str) -> dict[str, str]:
    """The size a bare number that opens an answer names («50 then, two of em» of a gel in 30,
    50 and 100 ml: 50 ml), when exactly one of the product's sizes is that number."""
    said = BARE_NUMBER_FIRST.match(text)
    if product is None or said is None:
        return {}
    sizes = {
        value
        for variant in product.variants
        for name, value in variant.options.items()
        if name == "size" and re.fullmatch(rf"{said[1]}\s*[a-z]+", value.lower())
    }
    return {"size": sizes.pop()} if len(sizes) == 1 else {}


def missing_version(product: Product | None, text: str, said: dict[str, str]) -> dict[str, str]:
    """The options said that a product has but not in that value («black?» to a duffel in
    navy or grey), when the message says nothing else; {} otherwise."""
    if product is None or product.options_named_in(text):
        return {}
    missing = {
        name: value
        for name, value in said.items()
        if product.option_values(name) and value.lower() not in product.option_values(name)
    }
    rest = text.lower()
    for value in missing.values():
        rest = rest.replace(value.lower(), " ")
    asks_only = set(re.findall(r"[a-z']+", rest)) <= _ASKING_FOR_A_VERSION
    return missing if missing and asks_only else {}


SOME_OF_THEM = re.compile(  # «change one of them to green»; not «could I get 3 of those?»
    r"\b(?:change|make|switch|turn|swap)\s+(\d{1,2}|one|two|three|four|five)\s+of\s+"
    r"(?:them|those|these|'em|the\s+\w+)\b",
    re.I,
)
# «2 of those should be for galaxy s24 actually»: said as «make 2 of those galaxy s24»
_SOME_SHOULD_BE = re.compile(
    r"^\W*(?:(?:ok|okay|and|actually|oh|wait|sorry|hmm+)\W+)*"
    r"(?P<some>\d{1,2}|one|two|three|four|five)\s+of\s+(?P<them>them|those|these|'em)\s+"
    r"(?:should|need to|needs to|have to|has to|must|can|could)\s+be\s+(?:(?:for|in)\s+)?"
    r"(?:an?\s+|the\s+)?(?P<rest>.+)$",
    re.I,
)


def some_of_them_said(text: str, values: set[str]) -> str:
    """«2 of those should be for galaxy s24» as «make 2 of those galaxy s24», the way a part
    of a line changes version, when the rest names a version the shop sells (`values`, lower
    case); not «one of those for me and the rest for my kids»."""
    said = _SOME_SHOULD_BE.match(text)
    if said is None or not any(_said(value, said["rest"].lower()) for value in values):
        return text
    return f"make {said['some']} of {said['them']} {said['rest']}"


# «swap the small green for the large green»: the version going out, then the one coming in
_VERSION_FOR_VERSION = re.compile(
    r"\b(?:swap|switch|change|exchange|replace|trade)\b(?P<out>.+?)\b(?:for|with|to|into)\b"
    r"(?P<in>.+)$",
    re.I,
)


# «make the ground one the 1kg bag»: the line named by its version, then what it becomes
_MAKE_THE_ONE = re.compile(
    r"\b(?:make|turn|have)\b(?P<out>\s+the\s+[\w\s.-]+?\s+ones?)\b(?P<in>.+)$", re.I
)


_FILLER = frozenset({"the", "a", "an", "one", "instead", "then", "please", "pls", "actually"})
# «oops the olive should be grey», «the small one was meant to be large»
_ONE_SHOULD_BE = re.compile(
    r"\b(?P<out>the\s+[\w\s.-]+?)(?:\s+ones?)?\s+(?:should(?:'?ve| have)?\s+be(?:en)?|"
    r"was\s+(?:meant|supposed)\s+to\s+be|needs?\s+to\s+be)\b(?P<in>.+)$",
    re.I,
)


def version_swap(product: Product, text: str) -> tuple[dict[str, str], dict[str, str]] | None:
    """The options of the line a request trades away and of the version it wants instead,
    both of one product («swap the small green for the large green», «make the ground one
    the 1kg bag»); None otherwise."""
    said = (
        _VERSION_FOR_VERSION.search(text)
        or _MAKE_THE_ONE.search(text)
        or _ONE_SHOULD_BE.search(text)
    )
    if said is None:
        return None
    if SOME_OF_THEM.search(text):
        return None  # «change one of the small green ones to large»: not the whole line
    out, wanted = product.options_named_in(said["out"]), product.options_named_in(said["in"])
    if said.re is _ONE_SHOULD_BE and not product.only_options_in(said["in"], _FILLER):
        return None  # «the beige should be nice with white jeans»: a remark, no version
    if not out or not wanted or {**out, **wanted} == out:
        return None
    return out, {**out, **wanted}


# kinds that are also how a product in sizes comes: «the smallest bag» of a coffee
PACKAGING = frozenset({"bag", "bags", "pack", "packs", "tin", "tins", "jar", "jars", "bottle",
                       "bottles", "box", "boxes", "tube", "tubes", "tub", "tubs"})  # fmt: skip


# what each packaging holds, by the unit of the sizes it comes in
_HOLDS = {"bag": ("g", "kg"), "tin": ("g", "kg"), "jar": ("g", "kg", "ml"), "bottle": ("ml", "l"),
          "tube": ("ml",), "tub": ("g", "ml"), "pack": (), "box": ()}  # fmt: skip


def an_end_of_its_sizes(kind: str | None, product: Product | None, text: str) -> bool:
    """Whether «the smallest bag» is an end of the range of the product in view (a coffee in
    250 g to 1 kg), not a bag to search for; a serum in ml comes in no bag."""
    if kind not in PACKAGING or product is None:
        return False
    ends = end_of_range(product, text)
    units = _HOLDS[kind.removesuffix("es") if kind.endswith("xes") else kind.removesuffix("s")]
    values = list(ends.values())
    fits = not units or any(re.search(rf"\d\s*{unit}\b", v, re.I) for v in values for unit in units)
    return bool(ends) and fits


def catalogue_option_values(catalogue: Catalogue) -> dict[str, set[str]]:
    """Every value each option name takes across the catalogue, lower-cased («edition»:
    standard, deluxe), so a value one product lacks is still heard as a version."""
    values: dict[str, set[str]] = {}
    for product in catalogue.products.values():
        for name, named in product.options_by_name().items():
            values.setdefault(name, set()).update(value.lower() for value in named)
    return values


def unoffered_value(product: Product, text: str, values_by_name: dict[str, set[str]]) -> str:
    """«add the deluxe one» of a game sold only in standard: that it does not come in it and
    what it does come in; "" when every version said is one it has. Colours and sizes are
    read as slots and refused by the cart; these are the other options (edition, grind…)."""
    lowered, title = text.lower(), product.title.lower()
    for name, named in product.options_by_name().items():
        own = {value.lower() for value in named}
        if name in {"colour", "size"} or any(_said(value, lowered) for value in own):
            continue
        for value in sorted(values_by_name.get(name, set()) - own):
            if (
                len(value) >= 3
                and not value.isdigit()
                and value not in title
                and _said_as_version(value, lowered)
            ):
                offered = (
                    f"it comes only in {named[0]} (say «add it» for that one)."
                    if len(named) == 1
                    else f"its {plural_noun(name)} are {', '.join(named)}: which would you like?"
                )
                return f"{product.title} [{product.id}] doesn't come in {value}: {offered}"
    return ""


def _said(value: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(value)}(?![\w-])", text) is not None


def _said_as_version(value: str, text: str) -> bool:
    """«the deluxe one», «in deluxe», «deluxe please», «…, deluxe»: a version asked for; not
    «standard shipping is fine» or «my small kitchen»."""
    return (
        re.search(
            rf"(?<![\w-]){re.escape(value)}(?=\s*(?:one|ones|edition|version|size|model|option|"
            r"please|pls|then|instead|[,.!?]|$))",
            text,
        )
        is not None
    )


# «a screen protector for the same phone», «same size as before»: the version last added
# «in the same colour and size»: both kept
_SAME_AS_BEFORE = re.compile(
    r"\b(?:the )?same (?P<what>phone|model|size|colou?r)"
    r"(?:\s*(?:and|&|,)\s*(?:the\s+)?(?P<also>phone|model|size|colou?r))?\b"
    r"(?! as (?:the|this|that) one\b)",
    re.I,
)
_OPTION_OF = {
    "phone": "model",
    "model": "model",
    "size": "size",
    "colour": "colour",
    "color": "colour",
}


def same_as_before(text: str, added: dict[str, str]) -> dict[str, str]:
    """The options a request says to keep from the version last added («for the same
    phone»: its model), of those that version has."""
    kept: dict[str, str] = {}
    for said in _SAME_AS_BEFORE.finditer(text):
        for word in filter(None, (said["what"], said["also"])):
            name = _OPTION_OF[word.lower()]
            # «same size» of a knife sold small or medium: its «capacity»
            for held in (name, "capacity") if name == "size" else (name,):
                if held in added:
                    kept[held] = added[held]
    return kept


def every_version_said(product: Product, text: str, options: dict[str, str]) -> set[str]:
    """The option values a request names, lower-cased with their words: those of the slots
    and every value of the product it names («add 1 navy and 1 black»: both colours, where
    the slots keep one)."""
    named = [value for values in product.values_named_in(text).values() for value in values]
    values = {value.lower() for value in [*options.values(), *named]}
    return values | {word for value in values for word in value.split()}  # «iphone» of «iPhone 15»


# «do they do a large?», «does it do XL»: whether they come in it (not «do you do gift
# cards?», which asks what the shop sells)
_DO_THEY_DO = re.compile(
    r"\b(?:do|does) (?:they|it|those|these|them|that one|this one) (?:do|make) "
    r"(?:it |them )?(?:in )?(?:an? )?(?=\w)",
    re.I,
)


# «do you have that for an iphone 14 as well?»: whether the one in view comes for it
_HAVE_IT_FOR = re.compile(
    r"\b(?:do|d'?)\s*(?:you|u|ya) (?:have|got|sell|do|make) (?:that|it|this|that one|this one) "
    # (not «… for my mum»: whom it is for)
    r"(?=(?:in|for) (?!(?:my|me|him|her|his|us|our|them|their|your)\b)(?:an? |the )?\w)",
    re.I,
)


def come_in_said(text: str, focus: bool) -> str:
    """«do they do a large?» said as «does it come in large?» of the product in `focus`, or
    as «do they come in large?» of the list in view; «do you have that for an iphone 14?» of
    the one in focus as «does it come for an iphone 14?»."""
    if focus:
        text = _HAVE_IT_FOR.sub("does it come ", text)
    return _DO_THEY_DO.sub("does it come in " if focus else "do they come in ", text)


def the_one_in_the_version(products: list[Product], text: str) -> Product | None:
    """Of namesakes («the copperline skillet», «kestrel running shorts»), the one that comes in
    more of the versions said than any other («red medium»: the one sold in red and medium),
    when one does."""

    def fit(product: Product) -> int:
        named = product.options_named_in(text)
        return len(named) if named and matching(product.variants, named) else 0

    ranked = sorted(((fit(p), p) for p in products), key=lambda pair: -pair[0])
    if not ranked or ranked[0][0] == 0 or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return None
    return ranked[0][1]
