"""Narrowing and ranking the products just shown: "cheapest?", "which has the longest
battery?", "only the in-stock ones", "any in blue?"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.catalogue.models import Product
from assistant.conversation.answers import wording
from assistant.conversation.answers.ages import rated_for_the_child
from assistant.conversation.answers.fact_words import ATTRIBUTE_WORDS
from assistant.conversation.answers.list_order import LEADS, LISTED, in_order, list_order
from assistant.conversation.answers.said_facts import plain_facts
from assistant.conversation.understanding.slots import number_value
from assistant.money import format_minor
from assistant.search.filters import SearchFilters
from assistant.search.parsing import COUNT_WORDS

# «the budget one»; not «budget is 80 max», «my budget's 50»: a cap, said as a budget
_CHEAPEST = re.compile(
    r"\b(cheap|cheapest|cheaper|lowest price|least expensive|(?<!\bmy )(?<!\bour )budget"
    # (not «raise the budget to 120», «bump my budget up»: a new cap)
    r"(?!\s*(?:is|of|'s|s|:|=|around|under|about|up to|max|to|up|\$|\d)))\b",
    re.I,
)
_COMPARATIVE_PRICE = re.compile(r"\b(?:cheaper|pricier|(?:more|less) expensive)\b", re.I)
_PRICIEST = re.compile(r"\b(priciest|most expensive|dearest|pricier|premium)\b", re.I)
_BEST_RATED = re.compile(
    r"\b(best|top|highest)[- ]?(rated|reviewed)|\bbest\b|\bmost popular\b"
    # «which one has the better rating»: of those in view, the one rated higher
    # («which is better rated» compares both ratings elsewhere)
    r"|\b(?:better|higher)\s+(?:ratings?|score)\b|\brated\s+(?:higher|the highest)\b"
    r"|\bhigher[- ]rated\b"
    # «which one would you recommend?»: the one its buyers rate best
    r"|\b(recommend|suggest)|\b(?:your|ur) (?:pick|recommendation|favou?rite|fave)\b"
    r"|\b(?:would|should) (?:you|u) (?:pick|choose|get|buy|go (?:for|with))\b",
    re.I,
)
_MOST_REVIEWS = re.compile(r"\b(?:more|most)\s+(?:reviews|ratings|reviewed)\b", re.I)
_FEWEST = re.compile(
    r"\b(shortest|smallest|lightest|least|lowest|fewest|thinnest|min|less|shorter|smaller|"
    r"lighter|lower|fewer|thinner)\b",
    re.I,
)
_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*([a-z]+)?", re.I)
# units said beside a figure, to the smallest of their kind («1.4 kg» is more than «350 g»)
_UNIT_SCALE = {"kg": 1000.0, "l": 1000.0, "litre": 1000.0, "liter": 1000.0, "m": 100.0}
_ASKS_PRICE = re.compile(r"\b(?:how much|price|cost)\b", re.I)
_ARRIVING = r"deliver\w*|arriv\w*|get(s|ting)? (here|to me|to you)|ship\w*|turns? up|comes?"
SOONER = re.compile(
    rf"\b(faster|fastest|quicker|quickest|sooner|soonest|earliest)\b.{{0,25}}\b({_ARRIVING})\b"
    rf"|\b({_ARRIVING})\b.{{0,25}}\b(faster|fastest|quicker|quickest|sooner|soonest)\b"
    r"|\b(quicker|sooner|faster delivery|quickest delivery)\b",
    re.I,
)


@dataclass
class Ranked:
    """The answer over the shown list: the words and the products to show."""

    text: str
    products: list[Product]
    numbers: list[int] = field(default_factory=list)
    data_texts: list[str] = field(default_factory=list)
    winner: bool = False  # the first product answers a superlative ("cheapest?")
    named_beside: list[str] = field(default_factory=list)  # named too, not among the answer
    unranked: bool = False  # the list again as it was: nothing in the words ranks or narrows it


def figure_value(value: str) -> float | None:
    """A figure of the data in its kind's smallest unit («1.4 kg» → 1400, «20,000 mAh»)."""
    match = _NUMBER.search(value.replace(",", ""))
    if not match:
        return None
    return float(match.group(1)) * _UNIT_SCALE.get((match.group(2) or "").lower(), 1.0)


def _asked_attribute(products: list[Product], text: str) -> str | None:
    names = {name for product in products for name in product.attributes}
    for name in sorted(names):
        words = ATTRIBUTE_WORDS.get(name)
        if name in text.lower() or (words and re.search(words, text, re.I)):
            return name
    return None


_NOT_A_FIGURE = {"connectivity"}  # facts with a number in them that rank nothing


def _by_attribute(products: list[Product], text: str) -> Ranked | None:
    name = _asked_attribute(products, text)
    if name is None:
        return None
    if (said := _yes_or_no(products, name)) is not None:
        return said
    if name == "age" and (suited := rated_for_the_child(products, text)):
        lead, ordered = suited  # «which one is ok for a newborn?»: rated for that age or not
        return Ranked(lead, ordered, data_texts=[p.attributes["age"] for p in ordered])
    if name == "players" and (playable := _for_so_many(products, text)):
        return playable  # «which one can 2 people play?»: whose player count takes two
    valued = [(p, figure_value(p.attributes[name])) for p in products if name in p.attributes]
    valued = [(p, value) for p, value in valued if value is not None]
    if not valued:
        return _words_of_each(products, name, text)
    fewest = bool(_FEWEST.search(text))
    if name not in _NOT_A_FIGURE:
        valued.sort(key=lambda item: item[1] if fewest else -item[1])
    best, _ = valued[0]
    priced = _ASKS_PRICE.search(text)  # «how much are the lighter ones»: their prices too
    lines = [
        f"- {p.title} [{p.id}]: {p.attributes[name]}"
        + (f", {format_minor(p.min_price_minor, p.currency)}" if priced else "")
        for p, _ in valued
    ]
    if name in _NOT_A_FIGURE:  # «Bluetooth 5.0» holds a number but is no more or less
        return Ranked(
            f"{name.capitalize()}:\n" + "\n".join(lines),
            [p for p, _ in valued],
            data_texts=[p.attributes[name] for p, _ in valued],
            winner=False,
        )
    tied = [p for p, value in valued if value == valued[0][1]]
    lead = (  # «which has the longer battery?» of two with 20 hours each: neither
        f"{' and '.join(p.title for p in tied)} have the same {name} ({best.attributes[name]})."
        if len(tied) > 1
        else f"Of these, {best.title} [{best.id}] has the {'lowest' if fewest else 'highest'} "
        f"{name} ({best.attributes[name]})."
    )
    return Ranked(
        lead + "\n" + "\n".join(lines),
        [p for p, _ in valued],
        data_texts=[p.attributes[name] for p, _ in valued],
        winner=len(tied) == 1,
    )


_SO_MANY_PLAYING = re.compile(
    # (not «more than 4 players», «up to 6 players»: a bound, not a count)
    r"(?<!than )(?<!least )(?<!to )(?<!over )(?<!under )(?<!max )(?<!min )"
    r"\b(\d{1,2}|two|three|four|five|six|seven|eight)\s+(?:people|ppl|players|of us)\b",
    re.I,
)
_WHICH = re.compile(r"\b(?:which|what)\b|\bany of (?:them|these|those)\b", re.I)
_IN_WORDS = {count: word for word, count in COUNT_WORDS.items()}
_PLAYER_RANGE = re.compile(r"^\s*(\d{1,2})\s*(?:(?:-|–|to)\s*(\d{1,2})|(\+))?\s*$")


def _for_so_many(products: list[Product], text: str) -> Ranked | None:
    """«which one can 2 people play?»: those whose player count takes so many, or that none
    is listed for that many; None when no count of people is said."""
    said = _SO_MANY_PLAYING.search(text)
    ranges = {
        p.id: found.groups()
        for p in products
        if (found := _PLAYER_RANGE.match(p.attributes.get("players", "")))
    }
    # (only asked of those in view: «has to work for 4 players and be under 30» narrows them)
    if said is None or not ranges or not _WHICH.search(text):
        return None
    count = number_value(said[1])
    listed = [p for p in products if p.id in ranges]

    def takes(low: str, high: str | None, plus: str | None) -> bool:
        return int(low) <= count <= (99 if plus else int(high or low))

    fits = [p for p in listed if takes(*ranges[p.id])]
    lines = [f"- {p.title} [{p.id}]: players {p.attributes['players']}" for p in listed]
    many = _IN_WORDS.get(count, "that many")  # (the shopper's count, said back in words)
    lead = (
        f"For {many} players: " + ", ".join(f"{p.title} [{p.id}]" for p in fits) + "."
        if fits
        else f"None of these is listed for {many} players."
    )
    ordered = fits + [p for p in listed if p not in fits]
    return Ranked(
        lead + "\n" + "\n".join(lines),
        ordered,
        data_texts=[p.attributes["players"] for p in ordered],
        winner=len(fits) == 1,
    )


def _a_word_said(value: str, said: str) -> bool:
    """Whether a word of a fact's value (of four letters or more) is said."""
    words = [w for w in re.findall(r"[a-z]+", value.lower()) if len(w) >= 4]
    return any(re.search(rf"\b{re.escape(word)}\b", said) for word in words)


def _words_of_each(products: list[Product], name: str, text: str) -> Ranked | None:
    """A fact said in words of each («which one has no fragrance?»: fragrance free and
    lavender): each one's, the one that fits first when exactly one does."""
    held = [p for p in products if p.attributes.get(name)]
    if len(held) < 2:
        return None
    # «no fragrance», «unscented», «fragrance-free»: as the catalogue words them
    said = plain_facts(text).lower().replace("-", " ")
    fits = [p for p in held if p.attributes[name].lower() in said]
    # «which one is actually leather?»: full-grain leather, by a word of it (not «which is
    # cotton?» of cotton twill and organic cotton: both are)
    fits = fits or [p for p in held if _a_word_said(p.attributes[name], said)]
    ordered = fits + [p for p in held if p not in fits] if len(fits) == 1 else held
    lines = [f"- {p.title} [{p.id}]: {p.attributes[name]}" for p in ordered]
    lead = (
        f"Of these, {fits[0].title} [{fits[0].id}] is {fits[0].attributes[name]}."
        if len(fits) == 1
        else f"{name.capitalize()}:"
    )
    return Ranked(
        lead + "\n" + "\n".join(lines),
        ordered,
        data_texts=[p.attributes[name] for p in ordered],
        winner=len(fits) == 1,
    )


def _yes_or_no(products: list[Product], name: str) -> Ranked | None:
    """«which one can go in the dishwasher?» of a yes/no fact: the ones it says yes of."""
    said = {p.id: p.attributes.get(name, "").lower() for p in products}
    if not set(said.values()) <= {"yes", "no"}:
        return None
    yes = [p for p in products if said[p.id] == "yes"]
    if not yes:
        return Ranked(f"None of these is {name}.", products, data_texts=[name])
    titles = " and ".join(f"{p.title} [{p.id}]" for p in yes)
    verb = "is" if len(yes) == 1 else "are"
    others = [p for p in products if p not in yes]
    lead = f"Of these, {titles} {verb} {name}" + (
        f"; {' and '.join(p.title for p in others)} {'is' if len(others) == 1 else 'are'} not."
        if others
        else "."
    )
    return Ranked(
        lead,
        yes,
        data_texts=[name],
        winner=len(yes) == 1,
        named_beside=[p.id for p in others],  # «… are not»: named from the data too
    )


def figure_winner(products: list[Product], text: str) -> Product | None:
    """The product with the least or most of the figure a comparative is about («the lighter
    one»: the least weight); None when one lacks the figure or two tie."""
    name = _asked_attribute(products, text)
    valued = [(p, figure_value(p.attributes.get(name, ""))) for p in products] if name else []
    if len(valued) < 2 or any(value is None for _, value in valued):
        return None
    fewest = bool(_FEWEST.search(text))
    ordered = sorted(valued, key=lambda item: (item[1] or 0.0) * (1 if fewest else -1))
    return ordered[0][0] if ordered[0][1] != ordered[1][1] else None


def _filtered(products: list[Product], filters: SearchFilters) -> Ranked | None:
    if filters.is_empty():
        return None
    kept = [p for p in products if filters.matches(p)]
    if not kept:
        # «anything under 100??»: the shopper's own bound, said back
        said = [wording.describe_filters(filters)]
        return Ranked(wording.none_of_these(filters), [], data_texts=said)
    return Ranked(wording.product_list(kept, f"{len(kept)} of those match:"), kept, [len(kept)])


_WORD = re.compile(r"[a-z0-9]{4,}")
# words of a request that are no name, though a model name may hold them («Plus», «Sport»)
_NOT_NAMES = frozenset(
    "plus with that this have what which best more most than from does good great long "
    "longest sport just only also".split()
)


def _title_words(product: Product, text: str) -> set[str]:
    """A title's words, its brand's only when the brand is said whole («skin» of «i have dry
    skin» is no sign of Luma Skin)."""
    words = set(_WORD.findall(product.title.lower()))
    brand = product.brand.lower()
    if not brand or brand in text.lower():
        return words
    return words - set(_WORD.findall(brand)[1:])  # «the nimbus ones» still name Nimbus Audio


_RULED_OUT = re.compile(
    r"\b(?:not|no|non|isn'?t|aren'?t|without|allergic to|avoid|except|but|anything but)\W+"
    r"(?:\w+\W+)?$",
    re.I,
)


def _says_value(value: str, text: str) -> bool:
    """Whether a text says a product fact's value in words («dry», «lavender»), not a
    yes, a no or a figure."""
    value = value.lower()
    if re.fullmatch(r"\d{1,2}\+", value):  # «which of those is meant for 12+»: an age said
        return re.search(rf"(?<![\d.]){re.escape(value)}", text) is not None
    if len(value) < 3 or value in {"yes", "no", "all", "none"} or re.search(r"\d", value):
        return False
    for said in re.finditer(rf"\b{re.escape(value)}\b", text.lower()):
        before, after = text.lower()[: said.start()][-24:], text.lower()[said.end() :]
        # «allergic to latex», «which of those are not slim?», «latex free»: ruled out
        if not _RULED_OUT.search(before) and not re.match(r"\s*-?\s*free\b", after):
            return True
    return False


_NEGATING = frozenset({"free", "no", "non", "not", "without", "none"})


def _says_part(value: str, text: str) -> bool:
    """Whether a text says the telling word of a several-word fact value alone («merino» of
    «merino wool»)."""
    words = value.lower().split()
    # («which ones have a fragrance?» is not «fragrance free»)
    if len(words) < 2 or re.search(r"\d", value) or set(words) & _NEGATING:
        return False
    return any(len(word) >= 5 and _says_value(word, text) for word in words)


def a_fact_of_some(products: list[Product], text: str) -> bool:
    """Whether a text says a fact value of some of the products, or a telling part of one
    («any in organic cotton» of rain jackets: a material, not cotton t-shirts)."""
    values = [value for product in products for value in product.attributes.values()]
    return any(_says_value(value, text) or _says_part(value, text) for value in values)


def said_of_some(products: list[Product], text: str) -> list[Product]:
    """The products a request narrows to by a word of some titles or a version some come in
    («which decaf has the best reviews» beside one whole-bean coffee; «the cheapest one that
    fits an iphone 15»); all of them when it names none that tells them apart."""
    said = set(_WORD.findall(text.lower())) - _NOT_NAMES
    titled = [p for p in products if said & _title_words(p, text)]
    versioned = [p for p in products if p.options_named_in(text)]
    # «i have dry skin, which ones are for that»: those whose facts say «dry»
    faceted = [
        p for p in products if any(_says_value(value, text) for value in p.attributes.values())
    ]
    # «which ones are merino?» of «merino wool» beside «organic cotton»: a word of the value
    # (not a word the titles say: «which one is actually leather» checks a «Leather» title)
    titles = {word for p in products for word in _WORD.findall(p.title.lower())}
    unsaid = " ".join(word for word in text.split() if word.lower().strip("?.,!") not in titles)
    parted = [p for p in products if any(_says_part(v, unsaid) for v in p.attributes.values())]
    for kept in (titled, versioned, faceted, parted):
        if 0 < len(kept) < len(products):
            products = kept
    return products


def rank_shown(
    products: list[Product], text: str, filters: SearchFilters, searched: str = ""
) -> Ranked:
    """Products just shown, narrowed by the request's filters and the words of some of
    them, then ranked as it asks; a price is of the version `searched` names if it is sold
    («decaf ground coffee, a 500g bag», then «cheapest one»: at its 500 g price)."""
    narrowed = _filtered(products, filters)
    if narrowed is not None and not narrowed.products:
        return narrowed
    pool = said_of_some(narrowed.products if narrowed else products, text)
    if asked := list_order(text):  # «sort them by most reviews»: all of them, in that order
        ordered = in_order(pool, asked)[:LISTED]
        return Ranked(wording.product_list(ordered, LEADS[asked]), ordered)
    if _PRICIEST.search(text) or _CHEAPEST.search(text):
        return _by_price(pool, text, searched)
    if SOONER.search(text):
        return _sooner(pool)
    if _RETURNABLE.search(text):
        return _returnable(pool)
    if _LONGER_RETURNS.search(text):
        return _by_return_window(pool, fewest=bool(_FEWEST.search(text)))
    if by_attribute := _by_attribute(pool, text):
        return by_attribute
    if _MOST_REVIEWS.search(text):  # «which one has more reviews?»
        top = max(pool, key=lambda p: (p.review_count, p.rating or 0))
        lead = f"The most reviewed is {top.title} [{top.id}] ({top.review_count} reviews)."
        return Ranked(lead + "\n" + wording.product_card(1, top), [top], winner=True)
    if _BEST_RATED.search(text):
        ordered = sorted(pool, key=lambda p: (-(p.rating or 0), -p.review_count))
        top = ordered[0]
        rating = f"{top.rating:.1f}★" if top.rating is not None else "no ratings yet"
        lead = f"The best rated is {top.title} [{top.id}] ({rating})."
        return Ranked(lead + "\n" + wording.product_card(1, top), [top], winner=True)
    if narrowed or len(pool) == len(products):
        again = Ranked(wording.product_list(pool, "Here they are again:"), pool, unranked=True)
        return narrowed or again
    return Ranked(wording.product_list(pool, f"{len(pool)} of those match:"), pool, [len(pool)])


def _by_price(pool: list[Product], text: str, searched: str) -> Ranked:
    """The cheapest (or priciest) one can buy now, in the version said or searched; of two,
    the other's price said too."""
    pricey = bool(_PRICIEST.search(text))
    # the price one can pay now: a sold-out cheap version does not make it the cheapest
    said_text = f"{searched} {text}"
    ordered = sorted(
        pool, key=lambda p: -_price_now(p, said_text) if pricey else _price_now(p, said_text)
    )
    # one that can be bought wins; a sold-out one before it is said, not picked
    top = next((p for p in ordered if p.in_stock), ordered[0])
    gone = ordered[0] if top is not ordered[0] else None
    what = "most expensive" if pricey else "cheapest"
    lead = f"The {what} in stock is " if gone else f"The {what} is "
    lead += f"{top.title} [{top.id}] at " + format_minor(_price_now(top, said_text), top.currency)
    if gone:
        price = format_minor(gone.min_price_minor, gone.currency)
        lead += f" ({gone.title} [{gone.id}] at {price} is sold out)"
    said = [top, gone] if gone else [top]  # the sold-out one is cited
    if len(pool) == 2 and not gone and _COMPARATIVE_PRICE.search(text):
        # «which is cheaper, the two blade & bowl ones?»: the other's price beside it
        other = pool[0] if pool[1] is top else pool[1]
        price = format_minor(_price_now(other, said_text), other.currency)
        lead += f" ({other.title} [{other.id}] is {price})"
        said = [top, other]
    return Ranked(lead + ".\n" + wording.product_card(1, top), said, winner=True)


# «which chai can I actually return then?», «which of these are returnable?»
_RETURNABLE = re.compile(
    r"\b(?:which|what|any)\b.*\b(?:returnable|can (?:i|we|you|u) (?:actually |still )?(?:return|"
    r"send (?:it |them )?back)|(?:can|could) be returned|not (?:a )?final sale)\b",
    re.I,
)


# «which one has the longer return window?», «which gives me more time to return it»
_LONGER_RETURNS = re.compile(
    r"\b(?:longer|longest|shorter|shortest|more|most|less|least|bigger|biggest|better|best)\s+"
    r"(?:time\s+(?:to|for)\s+)?(?:returns?|return window|return period|returns? policy)\b"
    r"|\bmore time to (?:return|send (?:it|them) back)\b",
    re.I,
)


def _by_return_window(products: list[Product], fewest: bool) -> Ranked:
    """Each one's return window, the longest (or shortest) first; a tie names no winner."""
    ordered = sorted(
        products, key=lambda p: p.return_window_days if fewest else -p.return_window_days
    )
    best = ordered[0]
    tied = [p for p in ordered if p.return_window_days == best.return_window_days]
    lines = [f"- {p.title} [{p.id}]: returns within {p.return_window_days} days" for p in ordered]
    lead = (
        f"They have the same return window ({best.return_window_days} days)."
        if len(tied) > 1
        else f"Of these, {best.title} [{best.id}] has the {'shortest' if fewest else 'longest'} "
        f"return window ({best.return_window_days} days)."
    )
    return Ranked(
        "\n".join([lead, *lines]),
        ordered,
        data_texts=[f"{p.return_window_days} days" for p in ordered],
        winner=len(tied) == 1,
    )


def _returnable(products: list[Product]) -> Ranked:
    """The ones that can be sent back, each with its window; the final-sale ones said."""
    kept = [p for p in products if p.return_window_days > 0]
    final = [p for p in products if p.return_window_days == 0]
    if not kept:
        return Ranked("None of these can be returned: each is final sale.", products)
    lines = [f"- {p.title} [{p.id}]: returns within {p.return_window_days} days" for p in kept]
    lead = (
        "Of these, these can be returned:"
        if len(kept) > 1
        else "Of these, this one can be returned:"
    )
    text = "\n".join([lead, *lines])
    if final:
        text += "\nFinal sale (no returns): " + "; ".join(f"{p.title} [{p.id}]" for p in final)
    return Ranked(
        text,
        kept,
        data_texts=[f"{p.return_window_days} days" for p in kept],
        winner=len(kept) == 1,
        named_beside=[p.id for p in final],
    )


def _price_now(product: Product, text: str) -> int:
    """What it costs now in the version the words name («in the 100 ml size, which is
    cheapest?»), else at its lowest price one can buy."""
    named = product.price_in_version_named(text)
    return product.buyable_price_minor if named is None else named


def _sooner(products: list[Product]) -> Ranked:
    """«any that gets here faster?»: the ones that arrive before the slowest, soonest first."""
    slowest = max(p.shipping_days for p in products)
    ordered = sorted(products, key=lambda p: p.shipping_days)
    quicker = [p for p in ordered if p.shipping_days < slowest] or ordered[:1]
    top = quicker[0]
    when = wording.days(top.shipping_days)
    lead = f"Quickest to arrive: {top.title} [{top.id}], delivery in {when}."
    return Ranked(
        lead + "\n" + wording.product_list(quicker, "These arrive sooner:"),
        quicker,
        numbers=[top.shipping_days],
        winner=True,
    )


def by_rating(products: list[Product]) -> list[Product]:
    """The rated products, best rated first (more reviews first among equals)."""
    rated = (p for p in products if p.rating is not None)
    return sorted(rated, key=lambda p: (-(p.rating or 0.0), -p.review_count))


def better_rated(products: list[Product]) -> str:
    """Which of the compared products reviewers rate higher, with the ratings said."""
    rated = by_rating(products)
    if len(rated) < 2:
        return "Not enough of these have ratings to say which reviewers like more."
    best, *rest = rated
    others = "; ".join(f"{p.title} {p.rating:.1f}★ ({p.review_count} reviews)" for p in rest)
    return (
        f"Reviewers rate {best.title} [{best.id}] highest: {best.rating:.1f}★ from "
        f"{best.review_count} reviews (against {others})."
    )
