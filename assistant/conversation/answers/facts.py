"""Read-only questions answered from catalogue data: product facts and catalogue-wide figures."""

from __future__ import annotations

import re

from pydantic import BaseModel

from assistant.catalogue.models import Product, Variant
from assistant.conversation.answers.ages import age_verdict
from assistant.conversation.answers.fact_words import ATTRIBUTE_WORDS, FACT_CUES
from assistant.conversation.answers.refusals import option_said
from assistant.conversation.answers.wording import days, plural_noun
from assistant.conversation.understanding.list_length import without_list_length
from assistant.conversation.understanding.shop_words import OPEN_ASK
from assistant.money import format_minor
from assistant.search.filters import SearchFilters
from assistant.search.kind_words import BOUNDARIES
from assistant.search.kinds import kind_words_of, of_the_sort, same_aisle, singular
from assistant.search.lexical import tokenize
from assistant.search.retrieval import ProductHit, Retriever, SearchResult
from assistant.search.unwanted import MADE_OF

RELEVANT_SIMILARITY = 0.42  # a hit this close to the words is about them
NOT_CARRIED_SIMILARITY = 0.36  # below this, the best hit is not what was asked for
SUPERLATIVES = {
    "cheapest": re.compile(r"\b(cheapest|lowest[- ]priced|least expensive|lowest price)\b", re.I),
    "priciest": re.compile(r"\b(most expensive|priciest|highest[- ]priced|dearest)\b", re.I),
    "best_rated": re.compile(
        r"\b(best|top|highest)[- ]rated\b|\bbest[- ]reviewed\b|\b(?:the )?(?:best|highest) "
        rf"(?:reviews|ratings?)\b|{OPEN_ASK.pattern}",
        re.I,
    ),
    # «what's your most popular product?»: the shop keeps no sales figures, so most reviewed
    "most_reviewed": re.compile(
        r"\b(most popular|best[- ]?sell(?:ers?|ing)|top[- ]?sell(?:ers?|ing)|most reviewed|"
        r"most (?:bought|ordered)|"
        r"(?:what|which) do (?:most )?(?:people|ppl|customers) (?:buy|order))\b",
        re.I,
    ),
    # «which hiking backpack ships the fastest»: by each one's delivery time
    "quickest": re.compile(
        r"(?:\b(?:would|will|can|could|should) be\s+|\b(?:is|are|gets?)\s+)?"
        r"\b(?:ships?|shipped|arrives?|deliver(?:s|ed|y)?|gets? (?:here|to me)|comes?)\s+"
        r"(?:the\s+)?(?:fastest|quickest|soonest|first)\b|\b(?:fastest|quickest) (?:delivery|"
        r"shipping)\b",
        re.I,
    ),
    "count": re.compile(r"\bhow many\b|\bnumber of\b", re.I),
}
_FRAME = re.compile(
    r"\b(what'?s|what is|(?:what|how) about|which( is| one is)?|the|do you (have|sell|carry|stock)|"
    r"(?<=\w )is(?= the\b)|"  # «which hiking backpack is the cheapest»
    r"you (have|sell|carry|stock)|items?|products?|things?|in|of|are|there|"
    r"kinds?|types?|please|your|we|you|u|categor(y|ies)|sell|carry|stock|have|has|got|do|"
    r"show|me|list|give|tell|all|any|anything|everything|stuff|overall|currently|right now|"
    r"at the moment|here|shop|store|what)\b",
    re.I,
)


# «ugh ok whats the cheapest speaker you have then»: asides, no part of what is asked about
_ASIDES = re.compile(
    # «blender thats actually in stock», «the cheapest one then»
    r"\b(ugh|ok|okay|then|so|well|hmm+|alright|lol|tbh|actually|really|thats|that's|one|ones)\b",
    re.I,
)


class CatalogueFigure(BaseModel):
    """An answer computed over a set of catalogue products."""

    kind: str
    subject: str
    products: list[str]
    count: int
    in_stock: int
    price_minor: int | None = None  # the first one's, in the version asked about


RECOMMEND_FRAME = re.compile(
    r"\b(an? )?(gift|present|something|anything|ideas?|recommend\w*|suggest\w*|what would you|"
    r"what should i (get|buy)|help me (pick|choose|find)|(i'?m )?looking for|"
    r"for (my|a|an|someone)|who (loves|likes|"
    r"is into)|i need|good|nice|best|please|any|(can|could|may) (i|we) (get|buy|have|order))\b"
    r"|^\s*(can|could|would|will)\b(?=\s+(i|u|you)?\s*(recommend|suggest|help|find)\b)",
    re.I,
)


def shopping_words(message: str) -> str:
    """The words of a request that name what is wanted, without the framing around them."""
    text = without_list_length(re.sub(r"[?!.,]", " ", message))  # «2 options for a gift»
    text = RECOMMEND_FRAME.sub(" ", _FRAME.sub(" ", text))
    return re.sub(r"\s+", " ", text).strip()


def relevant(hits: list[ProductHit]) -> list[ProductHit]:
    """Hits that are really about the words searched (not merely the nearest)."""
    return [
        hit
        for hit in hits
        if (hit.similarity or 0.0) >= RELEVANT_SIMILARITY
        or (hit.lexical_rank is not None and (hit.similarity or 0.0) >= 0.3)
    ]


def is_carried(result: SearchResult, title_words: set[str]) -> bool:
    """Whether the best hit is close enough to count as what was asked for, or the titles
    say every word asked («something wooden?»: our wooden puzzles)."""
    hits, words = result.hits, re.findall(r"[a-z]+", shopping_words(result.query_text).lower())
    # «something for camping around $60»: «for» and «around» are no things asked for
    words = [word for word in words if word not in BOUNDARIES]
    said = bool(words) and all(singular(word) in title_words for word in words)
    close = bool(hits) and max((hit.similarity or 0.0) for hit in hits) >= NOT_CARRIED_SIMILARITY
    return close or (bool(hits) and said)


def filtered_out(retriever: Retriever, kind: str, result: SearchResult) -> bool:
    """Whether the kind is sold and only the search's filters (colour, size, price...) kept
    every one of them out of the result."""
    if result.filters.is_empty():
        return False
    unfiltered = retriever.search(result.query_text, k=5, parse=False)
    return any(kind in kind_words_of(hit.product) for hit in unfiltered.hits)


# how each figure that names one product is said
FIGURE_WORDS = {
    "cheapest": "cheapest",
    "priciest": "most expensive",
    "best_rated": "best rated",
    "quickest": "quickest to arrive",
}


def superlative_kind(message: str) -> str | None:
    """Which catalogue-wide figure a message asks for, if any."""
    for kind, pattern in SUPERLATIVES.items():
        if pattern.search(message):
            return kind
    return None


def catalogue_figure(
    retriever: Retriever,
    message: str,
    kind: str,
    filters: SearchFilters,
    named: tuple[str | None, str | None] = (None, None),
    sorted_kind: bool = False,
) -> CatalogueFigure:
    """Cheapest, priciest, best rated or how many, over the products the words are about
    (of the kind `named` says, with the word before it: «sleeping» bags, no tote bags; of
    that sort only when the kind is `sorted_kind`, sold in several sorts)."""
    # «what are your cheapest sleeping bags? need one for each of my 3 kids»: its own clause
    asking = [part for part in re.split(r"[.?!;]+", message) if SUPERLATIVES[kind].search(part)]
    subject = _subject(asking[0] if asking else message, kind)
    if not subject and asking:  # «decaf, ground, the 500g bag size. whats cheapest?»
        subject = _subject(message, kind)
    if filters.category and set(subject.lower().split()) <= set(
        re.findall(r"\w+", filters.category.lower())
    ):
        subject = ""  # "the most expensive item in kitchen": the whole category
    result = retriever.search(subject, filters=filters, k=len(retriever.catalogue.products))
    hits = result.hits if not re.search(r"\w", result.query_text) else relevant(result.hits)
    if of_kind := named[0]:
        # every product of the kind named, however loosely one word's vector matches it
        # («best rated blender»: a blender's cosine to «blender» alone is about 0.27)
        of_aisle = same_aisle([h.product for h in result.hits], named[1] or "")
        if named[1] and sorted_kind:  # «cheapest duffel bag»: no tote bags
            of_aisle = of_the_sort(of_aisle, named[1], of_kind)
        kept = {p.id for p in of_aisle}
        hits = [
            h for h in result.hits if of_kind in kind_words_of(h.product) and h.product.id in kept
        ] or hits
    if hits and re.search(r"\w", result.query_text) and not filters.category:
        # "cheapest kettle" is about kettles, not the coffee of a brand called Leaf & Kettle.
        hits = [hit for hit in hits if hit.product.category == hits[0].product.category]
    products = [hit.product for hit in hits]
    # «cheapest 1kg bag»: each at the price of the version said, when it is sold in it
    # (those sold in it first); read only for a figure of price
    priced = kind in {"cheapest", "priciest"}
    in_version = {p.id: p.price_in_version_named(message) for p in products} if priced else {}
    prices = {
        p.id: p.min_price_minor if in_version.get(p.id) is None else in_version[p.id]
        for p in products
    }
    if kind == "cheapest":
        products.sort(key=lambda p: (in_version[p.id] is None, prices[p.id], p.id))
    elif kind == "priciest":
        products.sort(key=lambda p: (in_version[p.id] is None, -prices[p.id], p.id))
    elif kind == "best_rated":
        products.sort(key=lambda p: (-(p.rating or 0), -p.review_count, p.id))
    elif kind == "most_reviewed":
        products.sort(key=lambda p: (-p.review_count, -(p.rating or 0), p.id))
    elif kind == "quickest":  # in stock first: what is out of stock arrives never
        products.sort(key=lambda p: (not p.in_stock, p.shipping_days, p.id))
    return CatalogueFigure(
        kind=kind,
        subject=subject or (filters.category or "products"),
        products=[p.id for p in products],
        count=len(products),
        in_stock=sum(p.in_stock for p in products),
        price_minor=prices[products[0].id] if priced and products else None,
    )


def _subject(words: str, kind: str) -> str:
    """What the words ask the figure of: without the figure's words and the asking frame."""
    subject = SUPERLATIVES[kind].sub(" ", words)
    subject = _ASIDES.sub(" ", _FRAME.sub(" ", re.sub(r"[?!.,]", " ", subject)))
    return re.sub(r"\s+", " ", subject).strip()


def figure_text(figure: CatalogueFigure, products: list[Product]) -> str:
    """The figure in words."""
    if figure.count == 0:
        return f"We have no {figure.subject} in the catalogue."
    if figure.kind == "count":
        return (
            f"We have {figure.count} {figure.subject} in the catalogue "
            f"({figure.in_stock} in stock)."
        )
    top = products[0]
    if figure.kind == "most_reviewed":
        return (
            f"We don't share sales figures, so by reviews: the most reviewed match for "
            f"«{figure.subject}» (of {figure.count}) is {top.title} [{top.id}], "
            f"{top.review_count} reviews at {top.rating or 0:.1f}★."
        )
    what = FIGURE_WORDS[figure.kind]
    if figure.kind == "quickest":
        return (
            f"The {what} of «{figure.subject}» (of {figure.count}) is {top.title} [{top.id}], "
            f"delivery in {days(top.shipping_days)}."
        )
    detail = (
        f"{format_minor(figure.price_minor or top.min_price_minor, top.currency)}"
        if figure.kind != "best_rated"
        else f"{top.rating:.1f}★ from {top.review_count} reviews"
    )
    return (
        f"The {what} match for «{figure.subject}» (of {figure.count}) is {top.title} "
        f"[{top.id}] at {detail}."
    )


# a question whose answer is what the product is made of, whatever word it says it in
_MADE_OF_ASKED = re.compile(
    r"\b(?:is|are)\s+(?:it|they|this|that)\s+(?:actually|really|real|genuine|pure|100%|truly)\s+"
    r"[a-z]|\ballerg\w*|\bmade (?:of|from|with|out of)\b",
    re.I,
)


# a name's words that say nothing alone: «safe for baby bottles» asks no «dishwasher safe»
_GENERIC_NAME_WORDS = {"safe", "type", "life", "free", "resistance"}


def attribute_facts(product: Product, question: str) -> list[str]:
    """The product's attributes the question asks about, by name or by the shopper's words
    (never by its maker's name: «the luma skin serum» asks nothing of its skin type)."""
    question = re.sub(rf"\b{re.escape(product.brand)}\b", " ", question, flags=re.I)
    question_words = set(tokenize(question))
    made_of = bool(_MADE_OF_ASKED.search(question))  # «is it actually linen?», «allergic to latex»
    facts = []
    for name, value in product.attributes.items():
        words = ATTRIBUTE_WORDS.get(name)
        if (
            (set(tokenize(name)) - _GENERIC_NAME_WORDS) & question_words
            or (words and re.search(words, question, re.I))
            or (made_of and name.lower() in MADE_OF - {"origin"})  # where, not what
            or _value_quoted(product, value, question)
        ):
            verdict = age_verdict(value, question) if name == "age" else ""
            facts.append(f"{name}: {value}" + (f" ({verdict})" if verdict else ""))
    return facts


def _value_quoted(product: Product, value: str, question: str) -> bool:
    """Whether the question says a worded value of the product's listing back («it says cast
    iron?? for a yoga mat?»), not one its name says anyway («the cast iron skillet»)."""
    said = value.lower().strip()
    if not re.fullmatch(r"[a-z][a-z -]{3,}", said) or said in {"none", "yes"}:
        return False
    if re.search(rf"(?<![\w-]){re.escape(said)}(?![\w-])", product.title.lower()):
        return False
    return bool(re.search(rf"(?<![\w-]){re.escape(said)}(?![\w-])", question.lower()))


def _variants_with(product: Product, options: dict[str, str]) -> list[Variant]:
    return [
        v
        for v in product.variants
        if all(v.options.get(n, "").lower() == value.lower() for n, value in options.items())
    ]


def _option_facts(product: Product, options: dict[str, str]) -> list[str]:
    if len(options) > 1 and all(_variants_with(product, {n: v}) for n, v in options.items()):
        return [_combination_fact(product, options)]  # "white, twin": that version, not each
    facts = []
    for name, value in options.items():
        matching = _variants_with(product, {name: value})
        if not matching:
            values = ", ".join(product.options_by_name().get(name, [])) or "none"
            said = option_said(name, value)
            facts.append(f"does not come in {said} ({plural_noun(name)}: {values})")
            continue
        units = sum(v.stock for v in matching)
        others = {
            other: sorted({v.options[other] for v in matching if v.stock > 0})
            for other in product.options_by_name()
            if other != name and other not in options
        }
        with_it = "; ".join(
            f"{plural_noun(other)}: {', '.join(vals)}" for other, vals in others.items() if vals
        )
        prices = {(v.price_minor, v.currency) for v in matching}
        at = f" at {format_minor(*prices.pop())}" if len(prices) == 1 else ""  # «and the 30 ml?»
        if units:
            facts.append(
                f"comes in {option_said(name, value)}{at} ({units} in stock"
                + (f"; {with_it})" if with_it else ")")
            )
            continue
        # «in white?» when white is sold out: the values that can be had instead
        instead = [
            other
            for other in product.options_by_name().get(name, [])
            if other.lower() != value.lower()
            and any(v.stock > 0 for v in _variants_with(product, {**options, name: other}))
        ]
        facts.append(
            f"comes in {option_said(name, value)}{at}, but that is out of stock"
            + (f"; in stock in {', '.join(instead)}" if instead else "")
        )
    return facts


def _combination_fact(product: Product, options: dict[str, str]) -> str:
    """Whether one version (every option named together) is sold and in stock."""
    said = ", ".join(options.values())
    matching = _variants_with(product, options)
    if not matching:
        return f"does not come in {said} together"
    units = sum(v.stock for v in matching)
    prices = {(v.price_minor, v.currency) for v in matching}
    at = f" at {format_minor(*prices.pop())}" if len(prices) == 1 else ""  # «size 10 grey?»
    if units:
        return f"comes in {said}{at} ({units} in stock)"
    others = [", ".join(v.options.values()) for v in product.variants if v.stock > 0]
    in_stock = f"; in stock: {'; '.join(others)}" if others else ""
    return f"comes in {said}, but that is out of stock{in_stock}"


_SIZE_LIKE = {"capacity", "length", "volume", "weight", "dimensions", "width"}


def _names_option(question: str, name: str) -> bool:
    """Whether a question names an option other than colour and size ("what grind is it")."""
    if name in ("colour", "size"):
        return False
    said = _OPTION_SAID_AS.get(name, re.escape(name))
    return re.search(rf"\b(?:{said})s?\b", question, re.I) is not None


# an option asked by its everyday words: «is it ground already?», «whole beans?»: its grind
_OPTION_SAID_AS = {"grind": r"grind|ground|whole[- ]bean|beans"}


def _only_in(product: Product) -> str:
    """«(deluxe in stock; standard sold out)» when a few of its versions are sold out."""
    kept = [variant.label() for variant in product.variants if variant.stock > 0]
    gone = [variant.label() for variant in product.variants if variant.stock <= 0]
    if not kept or not gone or len(kept) > 3 or len(gone) > 3:
        return ""
    return f" ({', '.join(kept)} in stock; {', '.join(gone)} sold out)"


def _values_in_stock(product: Product, name: str, values: list[str]) -> str:
    """An option's values, those in stock first: "colours: green; out of stock: white"."""
    available = [v for v in values if any(x.stock > 0 for x in _variants_with(product, {name: v}))]
    sold_out = [v for v in values if v not in available]
    names = f"{name[:-1]}ies" if name.endswith("y") else f"{name}s"  # «capacities»
    if not sold_out:
        return f"{names}: " + ", ".join(values)
    if not available:
        return f"{names}: " + ", ".join(values) + " (all out of stock)"
    return f"{names} in stock: " + ", ".join(available) + "; out of stock: " + ", ".join(sold_out)


def _prices_by_option(product: Product, variants: list[Variant]) -> str | None:
    """«price: 250 g $6.00, 500 g $7.00, 1 kg $9.00» when one option alone sets a price
    that varies (a few values); None otherwise."""
    if len({v.price_minor for v in variants}) < 2:
        return None
    for name, values in product.options_by_name().items():
        priced = {
            value: {(v.price_minor, v.currency) for v in variants if v.options.get(name) == value}
            for value in values
        }
        if 2 <= len(priced) <= 6 and all(len(each) == 1 for each in priced.values()):
            listed = [f"{value} {format_minor(*next(iter(p)))}" for value, p in priced.items()]
            return "price: " + ", ".join(listed)
    return None


# «do they come in wide?», «does it come in a petite»: a version asked for by a word
_COMES_IN_WORD = re.compile(
    r"\bcomes?\s+in\s+(?:an?\s+|the\s+)?(?P<word>[a-z][a-z-]{2,}(?:\s+(?:fit|width|size|"
    r"version|option|cut|length))?)\b(?!\s+(?:stock|colou?rs?|sizes?)\b)",
    re.I,
)
_NO_VERSION_WORD = frozenset(
    "stock colour colours color colors size sizes other different any more what which many "
    "one ones two three several all both it them this that those these either versions "
    "version options option shades models styles".split()
)


def _unlisted_version(product: Product, question: str) -> str | None:
    """A version asked for by a word none of the product's options says («wide», «petite»)."""
    said = _COMES_IN_WORD.search(question)
    if said is None or said["word"].split()[0].lower() in _NO_VERSION_WORD:
        return None
    values = {value.lower() for named in product.options_by_name().values() for value in named}
    word = said["word"].lower()
    title = product.title.lower()
    if word in values or any(word in value for value in values) or word in title:
        return None
    return word


# what a colour word names beside it, when it names no colour («black tea», «green beans»)
_FOOD_NAMED_BY_COLOUR = r"(?:tea|pepper|chocolate|beans?|rice|wine|olives?|sugar|mold|mould)\b"


def _unlisted_facts(product: Product, question: str, options: dict[str, str]) -> list[str]:
    """«do they come in wide?»: the version asked for by a word no option of it says."""
    unlisted = None if options else _unlisted_version(product, question)
    if not unlisted:
        return []
    # «do you have it in deluxe?» of a standard-only game: what it does come in, said too
    offered = "; ".join(
        f"{name} {', '.join(values)}" for name, values in product.options_by_name().items()
    )
    sold = f"; it comes only in {offered}" if offered else ""
    return [f"the listing doesn't say it comes in {unlisted}{sold}"]


def product_facts(product: Product, question: str, options: dict[str, str]) -> list[str]:
    """What the product data says that bears on the question."""
    wanted = {cue for pattern, cue in FACT_CUES if pattern.search(question)}
    options = {
        name: value
        for name, value in options.items()
        if not re.search(rf"\b{re.escape(value)}\s+{_FOOD_NAMED_BY_COLOUR}", question, re.I)
    }  # «does it have black tea in it?»: no colour asked
    facts = _option_facts(product, options) + _unlisted_facts(product, question, options)
    values = product.options_by_name()
    if "price" in wanted:
        chosen = _variants_with(product, options) or product.variants
        prices = sorted({(v.price_minor, v.currency) for v in chosen})
        facts.append(
            _prices_by_option(product, chosen)
            or "price " + " to ".join(dict.fromkeys(format_minor(*prices[i]) for i in (0, -1)))
        )
    for name, named in values.items():
        asked = (name in ("colour", "size") and name in wanted) or _names_option(question, name)
        # «what sizes» of a skillet sold by capacity: its capacities
        asked = asked or (name in _SIZE_LIKE and "size" in wanted and "size" not in values)
        asked = asked or ("version" in wanted and not options)  # «any other versions?»
        if asked and name not in options:
            facts.append(_values_in_stock(product, name, named))
            sizing = name in {"size", "pack", *_SIZE_LIKE}
            # «what sizes?» of an air fryer whose small and medium cost differently: each price
            if (
                sizing
                and "price" not in wanted
                and (priced := _prices_by_option(product, product.variants))
            ):
                facts.append(priced)
    sized = set(values) & {"size", "pack", *_SIZE_LIKE}
    if "version" in wanted and not options and not sized:
        facts.insert(0, "comes in one size only")  # «is there a bigger 1 litre version?»
    if "stock" in wanted and not options:
        units = sum(v.stock for v in product.variants)
        # «is it in stock?»: and from what price one can buy it at, unless the price is asked
        price = format_minor(product.buyable_price_minor, product.currency)
        said = (
            f"{units} in stock"
            + _only_in(product)
            + ("" if "price" in wanted else f", from {price}")
        )
        # «when will it be back in stock?»: the data has no restock date, and says so
        restock = re.search(r"\bback\b|\brestock|\bwhen will\b|\bagain\b", question, re.I)
        no_date = (
            "; the product data doesn't say when it will be back (no restock date is given), "
            "so I don't know when"
        )
        facts.append(said if units else "out of stock" + no_date * bool(restock))
        if restock and not units:
            wanted.discard("delivery")  # «when will it be back?»: no delivery time for it now
    if "delivery" in wanted:
        facts.append(f"delivery in {days(product.shipping_days)}")
    if "returns" in wanted:
        window = product.return_window_days
        facts.append(
            f"returns accepted within {window} days of delivery"
            if window
            else "final sale: it cannot be returned"
        )
    if "rating" in wanted and product.review_count:
        facts.append(f"rated {product.rating:.1f}★ from {product.review_count} reviews")
    if "seller" in wanted:
        facts.append(f"sold by {product.seller.name} ({product.seller.vetting})")
    return facts + attribute_facts(product, question)
