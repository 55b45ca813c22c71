"""Several products picked at once from those in view: «add both», «all three», «one of each»,
«the other two», «2 of the first and 1 of the third», and «same again» after an add."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from assistant.catalogue.models import Product
from assistant.conversation.state import DialogueState, RemovedLine
from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.putting_back import calls_step, line_call
from assistant.conversation.understanding.references import GROUP_SIZES, ORDINALS, References
from assistant.conversation.understanding.slots import Slots
from assistant.conversation.understanding.steps import Step, ToolCall
from assistant.conversation.understanding.sure_acts import I_TAKE
from assistant.conversation.understanding.version_words import end_of_range, options_it_comes_in
from assistant.search.parsing import COUNT_WORDS

_COUNT = r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a couple|a pair"
_MOST_IN_A_GROUP = 4  # «one of each» of a longer list is more likely a slip than an order
# the group words, and how many products each names (None: all in view)
_GROUP = re.compile(
    # «one of each of the first two»: the first two, one each (before «one of each» alone)
    r"\b(?:(?:(?P<per_top>" + _COUNT + r")\s+of\s+each\s+of\s+)?the\s+(?:top|first)\s+"
    r"(?P<top>two|2|three|3)|(?P<first_second>the\s+first\s+and\s+(?:the\s+)?second)|"
    # «the two cheapest of those, 100ml»: so many of those shown, by price or stars
    # «one pair of each of the two cheapest, both olive»: so many each
    r"(?:(?P<per_ranked>" + _COUNT + r")\s+(?:(?:pairs?|bags?|packs?|sets?|units?)\s+)?of\s+each\s+"
    r"of\s+)?the\s+(?P<ranked_count>two|2|three|3)\s+(?P<ranked>cheapest|priciest|most\s+expensive|"
    r"best[- ]rated|highest[- ]rated|top[- ]rated)(?:\s+ones)?(?:\s+of\s+(?:those|them|these))?|"
    r"(?P<both>both(?:\s+of\s+(?:them|those|these|em|'em))?|the\s+(?:two|2)\s+of\s+(?:them|"
    r"those|these|em))|all\s+(?:of\s+)?(?P<all>two|2|three|3|four|4|five|5|(?:of\s+)?(?:them|those|"
    r"these|em|'em))|(?P<each>each\s+of\s+(?:them|those|these)|(?P<per>" + _COUNT + r")\s+of\s+"
    r"(?:each|each\s+of\s+(?:them|those|these)|both|them\s+both))|the\s+other\s+(?P<other>two|2|"
    r"three|3))\b",  # «the top two, 50ml each» above
    re.I,
)
_EACH_AFTER = re.compile(rf"\b(?P<per>{_COUNT})\s+(?:each|apiece)\b", re.I)  # «both, 2 each»
# «2 of the first and 1 of the third»; «the cheaper one in olive and the other one in navy»:
# one each when no count is said (a single pick is not a group: two at least are needed)
_COUNTED_ORDINAL = re.compile(
    rf"\b(?:(?P<count>{_COUNT})\s+(?:x\s+)?(?:of\s+)?(?:the\s+|that\s+)?|(?:the|that)\s+)"
    r"(?P<which>first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last|cheaper|cheapest|"
    r"pricier|priciest|most expensive|least expensive|dearest|other)(?:\s+ones?)?\b",
    re.I,
)
# an add said outright, the group its object: «add both», «i'll take all three», «get me both»
_ADDING = re.compile(
    r"\b(?:add|get|grab|take|buy|order|want|need|have|put|throw|pop|chuck|stick|gimme|give me|"
    r"i'?ll do|go with|go for)\s+(?:me\s+|us\s+|in\s+|them\s+|em\s+|'em\s+)?$|"
    # «I'll take navy for both», «get the black for all three»: a version for the group
    r"\b(?:add|get|grab|take|buy|order|go with|go for)\s+(?P<version>(?:[\w-]+\s+){1,3})for\s+$",
    re.I,
)
# what may follow a group said by its version: «… for both», «… for both please»
_GROUP_ENDS = re.compile(
    r"^(?:\s+of\s+(?:them|those|these))?\W*(?:(?:please|pls|plz|then|thanks|thx)\W*)*$", re.I
)
_MORE = re.compile(r"\b(?:add|another|more|extra)\b", re.I)
_ALONE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|great|cool|perfect|nice|right|sure|hmm+|then|so|and|fine|lovely|"
    r"sounds good)\W+)*(?P<rest>.*?)\W*(?:(?:please|pls|plz|then|thanks|thx|too|as well|lol)"
    r"\W*)*$",
    re.I,
)
_ASKS = re.compile(
    r"\?|^\W*(?:how|what|which|is|are|do|does|can|could|would|will|compare|difference|if|"
    r"when|should)\b|\b(?:if (?:i|we)|how long|how much|when will|till|until)\b",
    re.I,
)
# what says the group is not wanted, or is talked about, not taken: «don't add both», «I
# already have both», «I hate all three», «cancel both», «the reviews for all three»
_HELD_BACK = re.compile(
    r"\b(?:don'?t|dont|do not|not|no|nah|never|hate|already|without|instead|rather|but|"
    r"cancel\w*|return\w*|remove|refund\w*|compare|reviews?|dimensions?|difference|pass|"
    r"only|just|either|neither|nor)\b",
    re.I,
)
# acts a group word never turns into an add
_NOT_AN_ADD = {
    "decline", "remove", "confirm", "cancel_order", "return", "order_status", "checkout",
    "policy_question", "compare", "review_question",
}  # fmt: skip
# «the first and the second, both navy»: picked by place with a version, nothing compared
_PICKED_BY_PLACE = re.compile(
    r"^\W*(?:ok\W+)?the first and (?:the )?second\b(?!.*\b(?:compare|vs|versus|difference|which)\b)"
    r"(?![^?]*\?)",
    re.I,
)
_SAME_AGAIN = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|lol|haha)\W+)*(?:(?:and\s+)?(?:the\s+)?same\s+again|and\s+again|"
    r"(?:do|add|get)\s+(?:that|the\s+same|it|those)\s+again|one\s+more\s+time)"
    # «and the same again for my partner»: whoever it is for
    r"(?:\s+for\s+(?:me|him|her|them|us|my\s+[\w-]+(?:\s+[\w-]+)?))?"
    # «same again, one for my buddy»
    r"(?:\W+(?:one|1)\s+for\s+(?:me|him|her|them|us|my\s+[\w-]+(?:\s+[\w-]+)?))?"
    r"\W*(?:(?:please|pls|plz|lol|haha|thanks)\W*)*$",
    re.I,
)  # not «yes again», a second yes


def _number(said: str | None) -> int | None:
    if not said:
        return None
    lowered = said.lower()
    if lowered in {"a couple", "a pair"}:
        return 2
    return int(lowered) if lowered.isdigit() else COUNT_WORDS.get(lowered)


def _picks_outright(text: str, said: re.Match[str], adding: re.Match[str] | None) -> bool:
    """Whether the message takes the group it says: an add verb just before it (`adding`), or
    the group alone («both please»), and nothing that holds back or asks."""
    if _ASKS.search(text) or _HELD_BACK.search(text):
        return False
    if adding:
        # «navy for both» ends there; «one for both kids» is one product for two people
        return adding["version"] is None or bool(_GROUP_ENDS.match(text[said.end() :]))
    rest = _ALONE.match(text)
    return bool(rest and _GROUP.fullmatch(rest["rest"].strip()))


# what may stand beside a group and its version: «one of each in grey queen», «30ml for
# both», «both in M please»
_VERSION_FILLER = frozenset(
    "in for then please pls ok okay the a and size colour color thanks just yeah yes so "
    "fine alright sure cool great perfect both each all them bags bag ones ofc obviously".split()
)


# «black where there's a choice», «navy if there's a choice», «olive where there's olive»,
# «green if possible»: a version wanted only of those sold in it
_WHERE_SOLD = re.compile(
    r"\b(?P<values>[\w-]+(?:\s+[\w-]+)?)\s+(?:where|if|when)\s+(?:there'?s|there\s+is|"
    r"they\s+(?:have|do|come)|it\s+comes|(?:it'?s\s+)?possible|poss|available|"
    r"they'?re\s+(?:sold|available))\b[^,.;!?]*",
    re.I,
)


def without_where_sold(text: str) -> str:
    """A message without its «… where there's a choice» clause, which only asks and holds
    nothing back."""
    return _WHERE_SOLD.sub(lambda said: said["values"], text)


def _with_version(
    text: str, said: re.Match[str], shown: list[str], products: dict[str, Product]
) -> bool:
    """Whether the message is the group and a version each of its products comes in, and
    nothing else: «one of each in grey queen», «30ml for both», «both in M»; a version said
    «where there's a choice» need not be sold in each («all three in 7, black where …»)."""
    if _ASKS.search(without_where_sold(text)) or _HELD_BACK.search(text) or len(shown) < 2:
        return False
    rest = text[: said.start()] + " " + text[said.end() :]
    hard = _WHERE_SOLD.sub(" ", rest)  # a version wanted «if possible» need not be sold
    size = 2 if said["both"] or "both" in said.group(0).lower() else len(shown)
    size = GROUP_SIZES[said["top"].lower()] if said["top"] else size
    named = _by_place_or_rank(said, shown, products) or shown[:size]
    filler = _VERSION_FILLER | _ADD_VERBS
    if hard != rest and set(re.findall(r"[a-z']+", hard.lower())) <= filler:
        return True  # «both, green if possible»: nothing else said
    return all(products[pid].only_options_in(hard, filler) for pid in named)


def _by_place_or_rank(
    said: re.Match[str], shown: list[str], products: dict[str, Product]
) -> list[str]:
    """«the first and the second»: those two; «the two cheapest of those»: the two cheapest
    shown (by their lowest price in stock, or their stars); [] for any other group."""
    if said["first_second"]:
        return shown[:2]
    if not said["ranked"]:
        return []
    ranked = said["ranked"].lower()
    if "rated" in ranked:
        order = sorted(shown, key=lambda pid: -(products[pid].rating or 0.0))
    else:
        cheap_first = sorted(shown, key=lambda pid: products[pid].buyable_price_minor)
        order = cheap_first if ranked == "cheapest" else cheap_first[::-1]
    return order[: GROUP_SIZES[said["ranked_count"].lower()]]


_ADD_VERBS = frozenset("add get grab take buy order put me i'll ill do go with".split())


def _per_product(text: str, said: re.Match[str]) -> int | None:
    """The count each product gets: «2 of each», «both, 2 each» (not «at $8 each»)."""
    if per := _number(said["per"]) or _number(said["per_top"]) or _number(said["per_ranked"]):
        return per
    each = _EACH_AFTER.search(text)
    if each is None or re.search(r"(?:[$£€]\s?|\bat\s+)$", text[: each.start()], re.I):
        return None
    return _number(each["per"])


def _group(
    text: str, shown: list[str], cart: list[str], products: dict[str, Product]
) -> tuple[list[str], int | None] | None:
    """The shown products a group word names, with the count each gets (None: one, or the
    count the message says)."""
    said = _GROUP.search(text)
    if said is None:
        return None
    adding = _ADDING.search(text[: said.start()])
    if not _picks_outright(text, said, adding) and not _with_version(text, said, shown, products):
        return None
    if (
        adding
        and adding["version"] is not None
        and not all(products[pid].options_named_in(adding["version"]) for pid in shown[:2])
    ):
        return None  # «something nice for both of them»: no version said, no add
    per = _per_product(text, said)
    if by_place := _by_place_or_rank(said, shown, products):
        return (by_place, per) if len(shown) > len(by_place) >= 2 else None
    if said["both"]:
        size: int | None = 2
    elif said["all"]:
        size = GROUP_SIZES.get(said["all"].lower())
    elif said["top"]:  # the first of a longer list: «sort by rating», «the top two»
        picked = shown[: GROUP_SIZES[said["top"].lower()]]
        return (picked, per) if len(shown) > len(picked) >= 2 else None
    elif said["other"]:
        others = [pid for pid in shown if pid not in cart]
        wanted = GROUP_SIZES[said["other"].lower()]
        return (others, per) if len(others) == wanted else None
    else:
        size = 2 if "both" in said.group(0).lower() else None
    picked = shown if size is None else shown[:size]
    if len(picked) < 2 or len(shown) != (size or min(len(shown), _MOST_IN_A_GROUP)):
        return None  # «both» beside three shown: which two? «one of each» of a long list
    return picked, per


def _counted_ordinals(
    text: str, shown: list[str], products: dict[str, Product]
) -> list[tuple[str, int]]:
    """«2 of the first and 1 of the third»: each product by its place, with its count; of two
    in view, by price too («2 of the cheaper one and 1 of the other»)."""
    first = _COUNTED_ORDINAL.search(text)
    if first is None:
        return []
    # «ok not that one. 2 of the first and 1 of the third»: the sentence of the picks counts
    picked = text[max(text.rfind(mark, 0, first.start()) for mark in ".!?") + 1 :]
    if _ASKS.search(picked) or _HELD_BACK.search(picked):
        return []  # «I already have 2 of the last one, so just 1 of the first»
    picks: list[tuple[str, int]] = []
    all_said = list(_COUNTED_ORDINAL.finditer(text))
    for said in all_said:
        which = said["which"].lower()
        count = _number(said["count"]) if said["count"] else 1
        if which in _BY_PRICE or which == "other":
            pid = _of_two(which, shown, [pid for pid, _ in picks], products)
            if pid is None or not count:
                return []
            picks.append((pid, count))
            continue
        place = _position(which, shown)
        if not (1 <= place <= len(shown)) or not count:
            return []
        picks.append((shown[place - 1], count))
    if len(picks) < 2 or len({pid for pid, _ in picks}) != len(picks):
        return []
    # with no count said, a pick is one only with its own version («the cheaper one in olive
    # king and the other one in navy king»); «torn between the cheapest and the priciest»,
    # «i'll take the first one. the last one is ugly» buy nothing of the two
    if any(not said["count"] for said in all_said) and not all(
        products[pid].options_named_in(own)
        for (pid, _), own in zip(picks, _own_words(text), strict=False)
    ):
        return []
    return picks


def _own_words(text: str) -> list[str]:
    """The words that go with each counted pick: those up to the next pick, and what follows
    a comma after the last, which goes with every one («…, 250g»); «1 of the second one in
    navy» is navy for the second only."""
    said = list(_COUNTED_ORDINAL.finditer(text))
    tail = text[said[-1].end() :] if said else ""
    shared = tail[tail.index(",") :] if "," in tail else ""
    own = [text[one.end() : after.start()] for one, after in pairwise(said)]
    own.append(tail)
    return [f"{words} {shared}" for words in own]


# each word that picks by price, and whether it picks the pricier
_BY_PRICE = {
    "cheaper": False, "cheapest": False, "less expensive": False, "least expensive": False,
    "lower priced": False, "lower-priced": False,
    "pricier": True, "priciest": True, "more expensive": True, "most expensive": True,
    "dearer": True, "dearest": True,
}  # fmt: skip


_SUPERLATIVE = {"cheapest", "least expensive", "priciest", "most expensive", "dearest"}


def _of_two(
    which: str, shown: list[str], picked: list[str], products: dict[str, Product]
) -> str | None:
    """The cheaper (or pricier) of exactly two in view, or the other one than that picked;
    the cheapest (or most expensive) of any number in view («2 of the cheapest one in navy and
    one of the most expensive one» beside four)."""
    if len(shown) != 2 and not (which in _SUPERLATIVE and len(shown) > 2):
        return None
    if which == "other":
        rest = [pid for pid in shown if pid not in picked]
        return rest[0] if len(picked) == 1 and len(rest) == 1 else None
    ordered = sorted(shown, key=lambda pid: products[pid].buyable_price_minor)
    end, beside = (ordered[-1], ordered[-2]) if _BY_PRICE[which] else (ordered[0], ordered[1])
    if products[end].buyable_price_minor == products[beside].buyable_price_minor:
        return None  # «the cheaper one» of two at one price: which?
    return end


_OPTION_WORD = r"(?:colou?r|size|flavou?r|scent|version|pack|capacity|edition|kind)s?"
_EACH_VERSION = re.compile(
    rf"^\W*(?:(?:ok(?:ay)?|great|then|so|and|yes|yeah)\W+)*(?:add\s+|get\s+(?:me\s+)?)?"
    rf"(?:(?P<per>{_COUNT})\s+(?:of\s+each|in\s+each)(?:\s+(?P<name>{_OPTION_WORD}))?|"
    # «one of every colour u have», «one in every size you do»
    rf"(?P<per_every>{_COUNT})\s+(?:of|in)\s+every\s+(?P<every>{_OPTION_WORD})"
    r"(?:\s+(?:u|you)\s+(?:have|got|do|sell|stock))?|"
    rf"both\s+(?P<both>{_OPTION_WORD})|(?:all|every)\s+(?:the\s+)?(?:three\s+|3\s+)?"
    rf"(?P<all>{_OPTION_WORD}))\W*(?:(?:please|pls|plz|then|thanks)\W*)*$",
    re.I,
)
_OPTION_NAMES = {"color": "colour", "flavor": "flavour"}
# «add the flexa max resistance bands - one of every colour u have»: a product, then each
_NAMED_THEN_EACH = re.compile(
    rf"^(?P<head>.+?)\s*(?:-|–|,|:)\s*(?P<tail>(?:{_COUNT})\s+(?:of|in)\s+(?:each|every)\s+"
    rf"{_OPTION_WORD}\b.*)$",
    re.I,
)


def named_then_each(text: str) -> tuple[str, str] | None:
    """«add the X - one of every colour»: the part that names the product, and «one of
    every colour»; None when the message is not so."""
    said = _NAMED_THEN_EACH.match(text)
    return (said["head"], said["tail"]) if said and _EACH_VERSION.search(said["tail"]) else None


def _names_option(said: re.Match[str]) -> bool:
    """Whether «one of each» says of what («one of each size», «both colours»)."""
    return bool(said["name"] or said["both"] or said["all"] or said["every"])


def _each_version(text: str, product: Product | None) -> list[ToolCall]:
    """«one of each» beside a product whose only choice is one option of two to four values
    («one of each size», «both colours»): one of each value."""
    said = _EACH_VERSION.search(text)
    if product is None or said is None or _ASKS.search(text):
        return []  # «all colours?», «both sizes?»: asked, not bought
    choices = {
        name: list(dict.fromkeys(variant.options[name] for variant in product.variants))
        for name in {name for variant in product.variants for name in variant.options}
    }
    varying = [name for name, values in choices.items() if len(values) > 1]
    if len(varying) != 1 or len(product.variants) != len(choices[varying[0]]):
        return []
    option = varying[0]
    asked = (said["name"] or said["both"] or said["all"] or said["every"] or "").lower().rstrip("s")
    asked = _OPTION_NAMES.get(asked, asked)
    if (
        asked
        and asked not in {option, "version", "kind"}
        and not (asked == "size" and option in {"pack", "capacity", "volume", "weight"})
    ):
        return []  # «one of each colour» of a product sold by size only
    values = choices[option]
    if said["every"]:  # «one of every colour u have»: of those in stock
        values = [
            v
            for v in values
            if any(x.stock > 0 and x.options[option] == v for x in product.variants)
        ]
    if not 2 <= len(values) <= _MOST_IN_A_GROUP or (said["both"] and len(values) != 2):
        return []
    if not said["every"] and any(variant.stock <= 0 for variant in product.variants):
        return []  # a sold-out version: «one of each» cannot be; the shopper is asked
    per = _number(said["per"] or said["per_every"]) or 1
    return [
        ToolCall(
            name="add_to_cart",
            args={"product_id": product.id, "quantity": per, "options": {option: value}},
        )
        for value in values
    ]


_PLACE = r"first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last"
# «add the first and the last one», «I'll take the 2nd and 3rd»: two products by place
_TWO_PLACES = re.compile(
    rf"\b(?:add|get|grab|take|buy|order|want|i'?ll do|go with)\s+(?:me\s+)?the\s+"
    rf"(?P<one>{_PLACE})(?:\s+one)?\s+(?:and|&|\+)\s+(?:the\s+)?(?P<two>{_PLACE})"
    r"(?:\s+ones?)?\b",
    re.I,
)


def _position(place: str, shown: list[str]) -> int:
    """A place word's position in the list shown, from 1 («last»: its length); 0 if none."""
    return len(shown) if place == "last" else ORDINALS.get(place, 0)


def _version_for_place(text: str, place: str) -> str:
    """The words that give one place its own version: «black for the first», «the last one
    in green» ("" when none)."""
    said = re.search(rf"\b([\w-]+(?:\s[\w-]+)?)\s+for\s+the\s+{place}\b", text, re.I) or (
        re.search(rf"\bthe\s+{place}(?:\s+one)?\s+in\s+([\w-]+(?:\s[\w-]+)?)", text, re.I)
    )
    return said.group(1) if said else ""


def _by_two_places(text: str, shown: list[str], products: dict[str, Product]) -> list[ToolCall]:
    """«add the first and the last one, pixel 9 versions, black for the first and green for
    the last»: each by its place, in the version said for it and the one said for both."""
    said = _TWO_PLACES.search(text)
    if said is None or _HELD_BACK.search(text) or _ASKS.search(text):
        return []
    calls = []
    for place in (said["one"].lower(), said["two"].lower()):
        position = _position(place, shown)
        if not 1 <= position <= len(shown):
            return []
        own = _version_for_place(text, place)
        product = products[shown[position - 1]]
        shared = text
        for other in (said["one"], said["two"]):
            if words := _version_for_place(text, other.lower()):
                shared = shared.replace(words, " ")
        options = {**product.options_named_in(shared), **product.options_named_in(own)}
        args: dict[str, Any] = {"product_id": product.id, "quantity": 1}
        if options:
            args["options"] = options
        calls.append(ToolCall(name="add_to_cart", args=args))
    if len({call.args["product_id"] for call in calls}) != len(calls):
        return []
    return calls


def _group_calls(
    text: str, shown: list[str], cart: list[str], products: dict[str, Product]
) -> list[ToolCall]:
    """The cart calls of «2 of the first and 1 of the third» or «add both»: adds, or new
    counts of lines already in the cart («3 of the first and 1 of the second», «I want 2 of
    both»)."""
    adding = bool(_MORE.search(text))
    if placed := _by_two_places(text, shown, products):
        return placed
    # «… blue for the first, grey for the third»: the picks, and a version for each place
    text, versions = _versions_for_places(text, shown, products)
    if picks := _counted_ordinals(text, shown, products):
        # «2 of the first and 1 of the second, 250g»: each in the version said with it
        return [
            _pick_call(
                products[pid], count, pid in cart and not adding, own + versions.get(pid, "")
            )
            for (pid, count), own in zip(picks, _own_words(text), strict=False)
        ]
    group = _group(text, shown, cart, products)
    if group is None:
        return []
    ids, per = group  # «add all three»: one each, the three is how many products
    recount = per is not None and all(pid in cart for pid in ids) and not adding
    # «I'll take navy for both»: each in that version (and «blue for the flexa»: its own)
    return [
        _pick_call(products[pid], per or 1, recount, f"{text} {versions.get(pid, '')}")
        for pid in ids
    ]


# «… blue for the first, grey for the third»: a version for each place, said apart
_VERSION_FOR_PLACE = re.compile(
    r"\b(?P<values>[\w-]+(?:\s+[\w-]+)?)\s+for\s+the\s+"
    rf"(?P<which>{_PLACE})(?:\s+ones?)?\b"
    r"(?!\s+(?:time|thing|place))",  # not «… for the first time»
    re.I,
)


def _versions_for_places(
    text: str, shown: list[str], products: dict[str, Product]
) -> tuple[str, dict[str, str]]:
    """«2 of the first and 1 of the third. blue for the first, grey for the third»: the
    picks alone, and the version each place's product is said in."""
    versions: dict[str, str] = {}
    kept = text
    for said in _VERSION_FOR_PLACE.finditer(text):
        which = said["which"].lower()
        place = _position(which, shown)
        if not 1 <= place <= len(shown):
            continue
        pid = shown[place - 1]
        if products[pid].options_named_in(said["values"]):
            versions[pid] = f"{versions.get(pid, '')} {said['values']}"
            kept = kept.replace(said[0], " ", 1)
    for said in _VERSION_FOR_NAME.finditer(kept):  # «one of each. blue for the flexa»
        named = _named_among(said["name"], shown, products)
        if named and products[named].options_named_in(said["values"]):
            versions[named] = f"{versions.get(named, '')} {said['values']}"
            kept = kept.replace(said[0], " ", 1)
    return kept, versions


# «one of each. blue for the flexa»: a version for the one a word of its name picks
_VERSION_FOR_NAME = re.compile(
    r"\b(?P<values>[\w-]+(?:\s+[\w-]+)?)\s+for\s+the\s+(?P<name>[a-z][\w&'-]+)(?:\s+ones?)?\b",
    re.I,
)


def _pick_call(product: Product, quantity: int, recount: bool, words: str) -> ToolCall:
    """The add of a product picked from those in view, in the version its words name, or the
    new count of its line already in the cart (`recount`)."""
    args: dict[str, Any] = {"product_id": product.id, "quantity": quantity}
    if not recount and (options := product.options_named_in(words)):
        args["options"] = options
    return ToolCall(name="update_cart_item" if recount else "add_to_cart", args=args)


# «for the twins», «for my 2 nephews»: who the group is for, no part of the pick
_FOR_WHOM = re.compile(
    r"\s*,?\s*\bfor\s+(?:the|my|our|his|her)\s+(?:\w+\s+)?(?:twins|kids|children|boys|girls|"
    r"sons|daughters|nephews|nieces|grandkids|friends|mates|sisters|brothers|parents|family)\b",
    re.I,
)


def group_step(
    state: DialogueState,
    request: Request,
    slots: Slots,
    cart: list[str],
    products: dict[str, Product],
) -> Step | None:
    """The adds (or new counts) of a group picked from the products in view, or of each
    colour of the one in view; None when the message picks no group, or a summary waits
    («yes, both» confirms it)."""
    if request.act == "view_cart" and I_TAKE.search(request.text):
        return None  # «I'll take both» of the two in the cart: kept, not added again
    if state.pending_checkout or (
        request.act in _NOT_AN_ADD
        and not (request.act == "compare" and _PICKED_BY_PLACE.search(request.text))
    ):
        return None  # («the first and the second, both navy» is no comparison)
    text = _FOR_WHOM.sub("", request.text)  # «one of each for the twins, standard»
    # the list in view, else the products an add just named together
    shown = list(dict.fromkeys(state.shown if len(state.shown) > 1 else state.added_together))
    focus = products.get(state.focus or "")
    said = _EACH_VERSION.search(text)
    # «one of each size» of the product in view, whatever list is still shown
    calls = _each_version(text, focus) if said and (len(shown) < 2 or _names_option(said)) else []
    if not calls and len(shown) >= 2:
        calls = _group_calls(text, shown, cart, products)
    if not calls:
        return None
    for call in calls:  # «usb-c cables for iphone 15», then «add both, clear»: for iphone 15
        if call.name == "add_to_cart" and (
            chosen := options_it_comes_in(products[call.args["product_id"]], state.chosen_options)
        ):
            call.args["options"] = {**chosen, **call.args.get("options", {})}
        # «add both, smallest bags»: each one's smallest size
        if call.name == "add_to_cart" and (
            end := end_of_range(products[call.args["product_id"]], request.text)
        ):
            call.args["options"] = {**end, **call.args.get("options", {})}
    intent = "add" if any(c.name == "add_to_cart" for c in calls) else "change"
    return _group_step(intent, request, slots, calls)


# «make it 2 of each», «2 of each then» just after adding several: each line set to that count
_SO_MANY_OF_EACH_SET = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|actually|hmm+|and|so|wait|no)\W+)*(?:(?:make|change)\s+(?:it|that|"
    r"them|those)\s+(?:to\s+)?|(?:i\s+)?(?:want|need)\s+)?(?P<count>" + _COUNT + r")\s+"
    r"(?:of\s+each|each)(?:\s+of\s+(?:them|those|these))?\W*(?:(?:then|please|pls|thanks)\W*)*$",
    re.I,
)


def same_again_step(
    state: DialogueState, request: Request, slots: Slots, products: dict[str, Product]
) -> Step | None:
    """«same again», «and again lol» just after an add: the same units once more; «same again
    but in grey» of one product: as many, in that version; «make it 2 of each» of several just
    added: each line set to 2."""
    if state.last_cart_change != "add" or not state.last_added:
        return None
    each = _SO_MANY_OF_EACH_SET.match(request.text)
    if each and len(state.last_added) > 1 and (count := _number(each["count"])):
        lines = [line.model_copy(update={"qty": count}) for line in state.last_added]
        return calls_step(
            "change", request, slots, [line_call("update_cart_item", x) for x in lines]
        )
    if _SAME_AGAIN.match(request.text):
        return calls_step(
            "add", request, slots, [line_call("add_to_cart", line) for line in state.last_added]
        )
    return _same_again_in(state, request, slots, products)


# «same again but in grey», «same again for the grey ones»: the units just added, in another
# version
_SAME_AGAIN_IN = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|and|yeah|yes|lol)\W+)*(?:the\s+)?same\s+again\W*(?:but\s+|only\s+)?"
    r"(?:in|for|with)?\s*(?:the\s+)?(?P<version>[\w .-]{1,30}?)(?:\s+ones?)?"
    r"(?:\s+(?:too|as well|also|please|pls|thanks))*\W*$",
    re.I,
)


def _same_again_in(
    state: DialogueState, request: Request, slots: Slots, products: dict[str, Product]
) -> Step | None:
    said = _SAME_AGAIN_IN.match(request.text)
    if said is None:
        return None
    version = said["version"]

    def named_of(product_id: str) -> dict[str, str]:
        product = products.get(product_id)
        if product is None or not product.only_options_in(version, frozenset()):
            return {}
        return product.options_named_in(version)

    named = {line.product_id: named_of(line.product_id) for line in state.last_added}
    # «same again for the grey ones» of a blue pair and a grey pair just added: the grey again
    matching = [
        line
        for line in state.last_added
        if named[line.product_id]
        and all(line.options.get(k) == v for k, v in named[line.product_id].items())
    ]
    if matching:
        calls = [line_call("add_to_cart", line) for line in matching]
    elif len(named) == 1 and (version_named := next(iter(named.values()))):
        # «same again but in grey» of black ones: as many, in grey
        calls = [
            line_call(
                "add_to_cart",
                line.model_copy(update={"options": {**line.options, **version_named}}),
            )
            for line in state.last_added
        ]
    elif titled := _line_titled(state.last_added, version, products):
        calls = [line_call("add_to_cart", titled)]  # «same again for the coffee»
    else:
        return None
    return calls_step("add", request, slots, calls)


def _line_titled(
    lines: list[RemovedLine], words: str, products: dict[str, Product]
) -> RemovedLine | None:
    """The one line just added whose product's title holds the words said («the coffee»)."""
    said = set(re.findall(r"[a-z]{3,}", words.lower()))
    titled = [
        line
        for line in lines
        if line.product_id in products
        and said <= set(re.findall(r"[a-z]+", products[line.product_id].title.lower()))
    ]
    return titled[0] if said and len(titled) == 1 else None


# «add that one and the playwise go 400 too»: the one in view, and another named
_THAT_ONE_AND = re.compile(
    r"\b(?:add|get|grab|take|buy|order)\s+(?:me\s+)?(?:that|this)(?: one)?\s+(?:and|\+|&)\s+"
    r"(?:also\s+)?(?:the|a|an)\s+\w",
    re.I,
)


def with_the_one_in_view(
    intent: str, references: References, text: str, focus: str | None
) -> References:
    """The product in view joined to the ones named, when an add says «that one and the X»."""
    if intent != "add" or not focus or not references.ids or focus in references.ids:
        return references
    if references.kind not in {"mention", "shown-word"} or not _THAT_ONE_AND.search(text):
        return references
    if _HELD_BACK.search(text):
        return references  # «that one and the tote both look nice, but add just the tote»
    named = {pid: references.phrases.get(pid, pid) for pid in references.ids}
    return References([focus, *references.ids], "mention", phrases={focus: "that one", **named})


# «ok 4 of those and 1 of the other one» beside two: the one in view, and the other
_THOSE_AND_THE_OTHER = re.compile(
    r"\b(?:\d{1,2}|one|two|three|four|five|six)\s+of\s+(?P<that>those|these|them|that(?: one)?|"
    r"this(?: one)?|it)\s+(?:and|&|\+)\s+(?:\d{1,2}|one|two|three|four|five|six|an?)\s+"
    r"(?:of\s+)?(?P<other>the other(?: one| ones)?)\b",
    re.I,
)


def those_and_the_other(
    intent: str, references: References, text: str, state: DialogueState
) -> References:
    """The product in view and the other of the two shown, each with its count, when an add
    says «4 of those and 1 of the other one»."""
    said = _THOSE_AND_THE_OTHER.search(text)
    others = [pid for pid in state.shown if pid != state.focus]
    if intent != "add" or said is None or not state.focus or len(others) != 1:
        return references
    phrases = {state.focus: said["that"], others[0]: said["other"]}
    return References([state.focus, others[0]], "mention", phrases=phrases)


# «add the kitchencraft in white, medium, and the other one in green small» of two shown: the
# one named, and the other
_AND_THE_OTHER = re.compile(
    r"(?:,\s*|\s)(?:and|&|\+|plus)\s+(?:(?:\d{1,2}|one|two|a)\s+(?:of\s+)?)?the other(?: one)?\b"
    r"(?!\s+(?:colou?r|size|version|way|day))",
    re.I,
)


# what may follow «and the other one» when it is taken too: its version, «too», «please»
_THE_OTHER_TAKEN = re.compile(
    r"^(?:\s*,?\s*(?:in\s+)?(?![\w .-]*\b(?:skip|later|maybe|not|no|dear|expensive|pricey|"
    r"though|but|is|s)\b)[\w .-]{1,30}?)?(?:\s+(?:too|as well|also|please|pls))*\W*$",
    re.I,
)


def named_and_the_other(
    intent: str, references: References, text: str, state: DialogueState
) -> References:
    """The product named and the other of the two shown, each with its own words, when an add
    says «the X in white, and the other one in green»."""
    said = _AND_THE_OTHER.search(text)
    shown = list(dict.fromkeys(state.shown))
    if intent != "add" or said is None or len(shown) != 2 or references.kind != "mention":
        return references
    if len(references.ids) != 1 or references.ids[0] not in shown:
        return references
    rest = text[said.end() :]
    if not _THE_OTHER_TAKEN.match(rest):
        return references  # «…, and the other one's too dear so skip it»: not taken
    (named,) = references.ids
    other = next(pid for pid in shown if pid != named)
    phrases = {named: text[: said.start()], other: text[said.start() :]}
    return References([named, other], "mention", phrases=phrases)


_SAME_BUT = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|and|yeah|yes)\W+)*(?:the\s+)?same\s+(?:again|thing|amount|number|"
    r"count|qty|quantity)\W*(?:but|of|for|with)\b",
    re.I,
)


def same_again_of(
    intent: str, references: References, text: str, state: DialogueState, slots: Slots
) -> str:
    """«same again but the playwise go 400 puzzle»: as many of the product named as the last
    add put in, added."""
    if not _SAME_BUT.search(text) or "?" in text:
        return intent  # «same thing with the tote?» asks the question again
    # «same again for the cheaper of those two», «… for the second one»: one of those added
    picked = {"mention", "superlative", "ordinal", "shown-word"}
    if len(references.ids) != 1 or references.kind not in picked:
        return intent
    if state.last_cart_change != "add" or not state.last_added:
        return intent
    its_own = [line.qty for line in state.last_added if line.product_id == references.ids[0]]
    slots.quantity = sum(its_own) or sum(line.qty for line in state.last_added)
    return "add"


# «take both out», «get rid of both», «remove all three»: each line of the group goes
_REMOVING_GROUP = re.compile(
    r"\b(?:remove|take|get rid of|drop|delete|ditch|bin|lose|scrap)\s+(?:out\s+)?(?:them\s+|em\s+)?"
    r"(?P<group>both(?:\s+of\s+(?:them|those|these))?|all\s+(?P<count>two|2|three|3|four|4|five|5))"
    r"\b",
    re.I,
)


def group_removal(
    state: DialogueState, request: Request, slots: Slots, cart: list[str]
) -> Step | None:
    """The removals of «take both out», «remove all three»: the group shown, when all of it is
    in the cart, else the cart's lines when they are that many; None otherwise."""
    said = _REMOVING_GROUP.search(request.text)
    if said is None or _ASKS.search(request.text) or _TURNED_DOWN_GROUP.search(request.text):
        return None
    size = 2 if said["group"].lower().startswith("both") else GROUP_SIZES[said["count"].lower()]
    in_cart = list(dict.fromkeys(cart))
    shown = list(dict.fromkeys(state.shown))
    group = shown if len(shown) == size and all(pid in in_cart for pid in shown) else in_cart
    if len(group) != size:
        return None  # «remove both» beside three lines: which two?
    calls = [ToolCall(name="remove_from_cart", args={"product_id": pid}) for pid in group]
    return _group_step("remove", request, slots, calls)


_TURNED_DOWN_GROUP = re.compile(r"\b(?:don'?t|dont|do not|not|never|no need)\b", re.I)


def _group_step(intent: str, request: Request, slots: Slots, calls: list[ToolCall]) -> Step:
    """A planned step that makes a group's cart calls, the products picked by place."""
    return calls_step(intent, request, slots, calls, kind="ordinal", plural=True)


# «add the cheaper of the tumble teddies», «the pricier of the two oakhaven pillows»
_PRICE_PICKED = re.compile(rf"\bthe ({'|'.join(map(re.escape, _BY_PRICE))})", re.I)


def by_the_price_said(
    intent: str,
    references: References,
    text: str,
    products: dict[str, Product],
    shown: list[str],
) -> References:
    """Of several products a buy names («the tumble teddies»: by name, or the shown ones of
    the brand said), the one its price word picks («the cheaper of …»); the references as
    they are otherwise."""
    said = _PRICE_PICKED.search(text)
    if intent != "add" or said is None:
        return references
    if references.kind == "superlative":  # «the cheaper of the tumble teddies» in a list
        words = set(re.findall(r"[a-z&]+", text.lower()))
        named = [
            products[pid]
            for pid in shown
            if pid in products and products[pid].brand.lower().split()[0] in words
        ]
    else:
        named = [products[pid] for pid in references.ids if pid in products]
    if references.kind not in {"mention", "superlative"} or len(named) < 2:
        return references
    ranked = sorted(named, key=lambda product: product.buyable_price_minor)
    picked = ranked[-1] if _BY_PRICE[said[1].lower()] else ranked[0]
    return References([picked.id], "mention", phrases={picked.id: text})


# «red for the meadow & moss one and beige for the other», «red for the first and beige for
# the second»: a version for each of two in view, each named by place, name or «the other»
_A_VERSION_EACH = re.compile(
    r"^\W*(?:(?:ok|okay|so|then|and|yeah|yes)\W+)*(?P<v1>[\w .-]{1,25}?)\s+for\s+(?:the\s+)?"
    r"(?P<r1>[\w&' -]{1,40}?)\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?P<v2>[\w .-]{1,25}?)\s+"
    r"for\s+(?:the\s+)?(?P<r2>[\w&' -]{1,40}?)(?:\s+(?:please|pls|thanks))?\W*$",
    re.I,
)
_ONE_WORDS = frozenset("one ones pair pairs".split())


def _named_among(said: str, shown: list[str], products: dict[str, Product]) -> str | None:
    """The one of `shown` a short phrase names: by place («first»), or by the words of its
    title («meadow & moss one»); «other» is left to the caller."""
    words = [w for w in re.findall(r"[\w&'-]+", said.lower()) if w not in _ONE_WORDS]
    if len(words) == 1 and (place := _position(words[0], shown)):
        return shown[place - 1] if place <= len(shown) else None
    if not words or words == ["other"]:
        return None
    holding = [
        pid
        for pid in shown
        if set(words) <= set(re.findall(r"[\w&'-]+", products[pid].title.lower()))
    ]
    return holding[0] if len(holding) == 1 else None


def a_version_each_step(
    state: DialogueState, request: Request, slots: Slots, products: dict[str, Product]
) -> Step | None:
    """«red for the meadow & moss one and beige for the other» of two in view: each added in
    its version (with any version chosen for both before, «one of each in size S»)."""
    said = _A_VERSION_EACH.match(request.text)
    shown = list(dict.fromkeys(state.shown))[:3]
    if said is None or len(shown) < 2:
        return None
    first = _named_among(said["r1"], shown, products)
    second = _named_among(said["r2"], shown, products)
    if first is None and second is not None and len(shown) == 2:
        first = next(pid for pid in shown if pid != second)
    if second is None and first is not None and len(shown) == 2:
        second = next(pid for pid in shown if pid != first)
    if first is None or second is None or first == second:
        return None
    calls = []
    for pid, version in ((first, said["v1"]), (second, said["v2"])):
        product = products[pid]
        if not product.only_options_in(version, _VERSION_FILLER):
            return None
        # («one of each in size S» asked which colour: the size said then holds)
        pending = state.pending_action
        earlier = pending.options if pending and pending.product_id in shown else {}
        options = options_it_comes_in(product, {**state.chosen_options, **earlier})
        options |= product.options_named_in(version)
        calls.append(ToolCall(name="add_to_cart", args={"product_id": pid, "options": options}))
    return _group_step("add", request, slots, calls)
