"""Read-only questions answered from catalogue data: product facts and catalogue-wide figures."""

from __future__ import annotations

import re

from pydantic import BaseModel

from assistant.catalogue.models import Product
from assistant.conversation.answers.wording import days
from assistant.money import format_minor
from assistant.search.filters import SearchFilters
from assistant.search.lexical import tokenize
from assistant.search.retrieval import ProductHit, Retriever

RELEVANT_SIMILARITY = 0.42  # a hit this close to the words is about them
NOT_CARRIED_SIMILARITY = 0.36  # below this, the best hit is not what was asked for
SUPERLATIVES = {
    "cheapest": re.compile(r"\b(cheapest|lowest[- ]priced|least expensive|lowest price)\b", re.I),
    "priciest": re.compile(r"\b(most expensive|priciest|highest[- ]priced|dearest)\b", re.I),
    "best_rated": re.compile(r"\b(best|top|highest)[- ]rated\b|\bbest reviewed\b", re.I),
    "count": re.compile(r"\bhow many\b|\bnumber of\b", re.I),
}
_FRAME = re.compile(
    r"\b(what'?s|what is|which( is| one is)?|the|do you (have|sell|carry|stock)|"
    r"you (have|sell|carry|stock)|items?|products?|things?|in|of|are|there|"
    r"kinds?|types?|please|your|we|you|categor(y|ies)|sell|carry|stock|have|do)\b",
    re.I,
)


class CatalogueFigure(BaseModel):
    """An answer computed over a set of catalogue products."""

    kind: str
    subject: str
    products: list[str]
    count: int
    in_stock: int


RECOMMEND_FRAME = re.compile(
    r"\b(an? )?(gift|present|something|anything|ideas?|recommend\w*|suggest\w*|what would you|"
    r"what should i (get|buy)|help me (pick|choose|find)|for (my|a|an|someone)|who (loves|likes|"
    r"is into)|i need|good|nice|best|please|any)\b",
    re.I,
)


def shopping_words(message: str) -> str:
    """The words of a request that name what is wanted, without the framing around them."""
    text = RECOMMEND_FRAME.sub(" ", _FRAME.sub(" ", re.sub(r"[?!.,]", " ", message)))
    return re.sub(r"\s+", " ", text).strip()


def relevant(hits: list[ProductHit]) -> list[ProductHit]:
    """Hits that are really about the words searched (not merely the nearest)."""
    return [
        hit
        for hit in hits
        if (hit.similarity or 0.0) >= RELEVANT_SIMILARITY
        or (hit.lexical_rank is not None and (hit.similarity or 0.0) >= 0.3)
    ]


def is_carried(hits: list[ProductHit]) -> bool:
    """Whether the best hit is close enough to count as what was asked for."""
    return bool(hits) and max((hit.similarity or 0.0) for hit in hits) >= NOT_CARRIED_SIMILARITY


def superlative_kind(message: str) -> str | None:
    """Which catalogue-wide figure a message asks for, if any."""
    for kind, pattern in SUPERLATIVES.items():
        if pattern.search(message):
            return kind
    return None


def catalogue_figure(
    retriever: Retriever, message: str, kind: str, filters: SearchFilters
) -> CatalogueFigure:
    """Cheapest, priciest, best rated or how many, over the products the words are about."""
    subject = SUPERLATIVES[kind].sub(" ", message)
    subject = re.sub(r"\s+", " ", _FRAME.sub(" ", re.sub(r"[?!.,]", " ", subject))).strip()
    if filters.category and set(subject.lower().split()) <= set(
        re.findall(r"\w+", filters.category.lower())
    ):
        subject = ""  # "the most expensive item in kitchen": the whole category
    result = retriever.search(subject, filters=filters, k=len(retriever.catalogue.products))
    hits = result.hits if not re.search(r"\w", result.query_text) else relevant(result.hits)
    if hits and re.search(r"\w", result.query_text) and not filters.category:
        # "cheapest kettle" is about kettles, not the coffee of a brand called Leaf & Kettle.
        hits = [hit for hit in hits if hit.product.category == hits[0].product.category]
    products = [hit.product for hit in hits]
    if kind == "cheapest":
        products.sort(key=lambda p: (p.min_price_minor, p.id))
    elif kind == "priciest":
        products.sort(key=lambda p: (-p.min_price_minor, p.id))
    elif kind == "best_rated":
        products.sort(key=lambda p: (-(p.rating or 0), -p.review_count, p.id))
    return CatalogueFigure(
        kind=kind,
        subject=subject or (filters.category or "products"),
        products=[p.id for p in products],
        count=len(products),
        in_stock=sum(p.in_stock for p in products),
    )


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
    what = {"cheapest": "cheapest", "priciest": "most expensive", "best_rated": "best rated"}[
        figure.kind
    ]
    detail = (
        f"{format_minor(top.min_price_minor, top.currency)}"
        if figure.kind != "best_rated"
        else f"{top.rating:.1f}★ from {top.review_count} reviews"
    )
    return (
        f"The {what} match for «{figure.subject}» (of {figure.count}) is {top.title} "
        f"[{top.id}] at {detail}."
    )


FACT_CUES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(price|cost|how much|expensive|cheap)\b", re.I), "price"),
    (re.compile(r"\b(colou?rs?|come in|available in)\b", re.I), "colour"),
    (re.compile(r"\b(sizes?|fit)\b", re.I), "size"),
    (re.compile(r"\b(in stock|stock|available|left|sold out)\b", re.I), "stock"),
    (re.compile(r"\b(deliver(y|ed)?|ship(ping|s)?|arrive|how long|get here)\b", re.I), "delivery"),
    (re.compile(r"\b(return|refund)\b", re.I), "returns"),
    (re.compile(r"\b(seller|sells|sold by|vetted|legit)\b", re.I), "seller"),
]


def product_facts(product: Product, question: str, options: dict[str, str]) -> list[str]:
    """What the product data says that bears on the question."""
    facts: list[str] = []
    wanted = {cue for pattern, cue in FACT_CUES if pattern.search(question)}
    for name, value in options.items():
        matching = [v for v in product.variants if v.options.get(name, "").lower() == value]
        facts.append(
            f"comes in {name} {value}"
            + (f" ({sum(v.stock for v in matching)} in stock)" if matching else "")
            if matching
            else f"does not come in {name} {value}"
        )
    values = product.options_by_name()
    if "price" in wanted:
        prices = sorted({(v.price_minor, v.currency) for v in product.variants})
        facts.append(
            "price " + " to ".join(dict.fromkeys(format_minor(*prices[i]) for i in (0, -1)))
        )
    if "colour" in wanted and "colour" in values and not options:
        facts.append("colours: " + ", ".join(values["colour"]))
    if "size" in wanted and "size" in values and not options:
        facts.append("sizes: " + ", ".join(values["size"]))
    if "stock" in wanted:
        units = sum(v.stock for v in product.variants)
        facts.append(f"{units} in stock" if units else "out of stock")
    if "delivery" in wanted:
        facts.append(f"delivery in {days(product.shipping_days)}")
    if "returns" in wanted:
        facts.append(f"returns accepted within {product.return_window_days} days")
    if "seller" in wanted:
        facts.append(f"sold by {product.seller.name} ({product.seller.vetting})")
    question_words = set(tokenize(question))
    for name, value in product.attributes.items():
        if set(tokenize(name)) & question_words or (
            "waterproof" in question.lower() and "water" in name
        ):
            facts.append(f"{name}: {value}")
    return facts
