"""Writing answers from typed results: product cards, comparisons, review answers, cart views.

Every figure in these texts comes straight from the data passed in; nothing here invents one.
Product and review text is quoted inside «…» so it reads as data, never as an instruction.
"""

from __future__ import annotations

import re

from assistant.catalogue.models import LETTER_FOR, Product
from assistant.commerce import CartView, CheckoutSummary
from assistant.conversation.answers.refusals import describe_change
from assistant.money import format_minor
from assistant.search.filters import SearchFilters
from assistant.search.parsing import Constraints
from assistant.search.policies import PolicyAnswer
from assistant.search.reviews import Quote, ReviewAnswer, TrustSignals

LOW_STOCK = 5


def plural(count: int, noun: str) -> str:
    """'1 day', '3 days'."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def plural_noun(noun: str) -> str:
    """«colours», «capacities», «sizes»: an option's name for several values."""
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return f"{noun[:-1]}ies"
    return noun if noun.endswith("s") else f"{noun}s"


def days(count: int) -> str:
    """A delivery or return time in days."""
    return plural(count, "day")


def _price(product: Product) -> str:
    prices = sorted({variant.price_minor for variant in product.variants})
    text = format_minor(prices[0], product.currency)
    return f"from {text}" if len(prices) > 1 else text


def _rating(product: Product) -> str:
    if product.rating is None:
        return "no reviews yet"
    return f"{product.rating:.1f}★ ({product.review_count} reviews)"


def _stock(product: Product) -> str:
    units = sum(variant.stock for variant in product.variants)
    if units <= 0:
        return "out of stock"
    return f"only {units} left" if units <= LOW_STOCK else "in stock"


def product_card(position: int | None, product: Product) -> str:
    """One product as a card line: price, rating, stock, delivery, seller warning."""
    head = f"{position}. " if position is not None else ""
    seller = (
        ""
        if product.seller.vetting == "vetted"
        else f" ⚠ seller {product.seller.name} is {product.seller.vetting}"
    )
    return (
        f"{head}{product.title} [{product.id}] — {_price(product)}, {_rating(product)}, "
        f"{_stock(product)}, delivery in {days(product.shipping_days)}{seller}"
    )


def product_list(products: list[Product], intro: str = "Here is what I found:") -> str:
    """A numbered list of cards, so 'the second one' can refer back to it."""
    lines = [product_card(position, product) for position, product in enumerate(products, 1)]
    return "\n".join([intro, *lines])


def not_carried(kind: str, alternatives: list[Product]) -> str:
    """We don't sell it, said plainly first; then what comes closest."""
    text = f"Sorry, we don't sell {kind.strip()[:80]}."
    if alternatives:
        text += "\n" + product_list(alternatives, "The closest things we have:")
    return text


def no_match(filters: SearchFilters, requested: Constraints) -> str:
    """Nothing meets every filter: say which, and how to widen the search."""
    asked = describe_filters(filters) or describe_requested(requested)
    return (
        f"Nothing in the catalogue matches all of that ({asked}). Try fewer filters."
        if asked
        else "Nothing in the catalogue matches all of that. Try fewer filters."
    )


def describe_filters(filters: SearchFilters) -> str:
    """Filters in words: 'under $30.00, in blue, in stock'."""
    parts = []
    if filters.max_price_minor is not None:
        parts.append(f"under {format_minor(filters.max_price_minor)}")
    if filters.min_price_minor is not None:
        parts.append(f"over {format_minor(filters.min_price_minor)}")
    if filters.colour:
        parts.append(f"in {filters.colour}")
    if filters.size:
        parts.append(f"in size {filters.size}")
    if filters.brand:
        parts.append(f"by {filters.brand}")
    if filters.min_rating:
        parts.append(f"rated {filters.min_rating:g}★ or more")
    if filters.in_stock:
        parts.append("in stock")
    if filters.vetted_seller:
        parts.append("from a vetted seller")
    return ", ".join([*parts, *described_unwanted(filters)])


def described_unwanted(filters: SearchFilters) -> list[str]:
    """What the shopper does not want, in words: «not in black or navy», «not by Drift»."""
    parts = []
    if filters.not_colours:
        parts.append(f"not in {' or '.join(filters.not_colours)}")
    if filters.not_brands:
        parts.append(f"not by {' or '.join(filters.not_brands)}")
    if filters.not_words:
        parts.append(f"no {' or '.join(filters.not_words)}")
    return parts


def describe_requested(requested: Constraints) -> str:
    """What the shopper asked for in their own words."""
    parts = [f"in {requested.colour}" if requested.colour else ""]
    parts.append(f"size {requested.size}" if requested.size else "")
    parts.append(f"a pack of {requested.pack}" if requested.pack else "")
    return ", ".join(part for part in parts if part)


def only_one_in_stock(options: dict[str, str]) -> str:
    """The version picked because the others said are sold out."""
    return f"Only the {', '.join(options.values())} one is in stock, so that is the one I added."


_SIZE_LIKE = ("size", "capacity", "volume", "weight", "pack")
_A_LENGTH = re.compile(r"\d\s*(?:inch(?:es)?|in|cm|mm|ft|feet|\")$", re.I)


def unmet_requests(products: list[Product], requested: Constraints, lengths: bool = True) -> str:
    """A colour or size the shopper asked for that none of these products comes in; a length
    only with `lengths` («how long are they? i need 84 inch drops»: the length is said apart)."""
    notes = []
    for name, value in (("colour", requested.colour), ("size", requested.size)):
        if not value or (not lengths and _A_LENGTH.search(value)):
            continue
        wanted = {value.lower(), LETTER_FOR.get(value.lower(), "")}  # «small» is a shirt's S
        wanted = {word.replace(" ", "") for word in wanted}  # «500g» is the «500 g» bag
        # («copperline black small»: a pour-over's «capacity» small is the size said)
        names = _SIZE_LIKE if name == "size" else (name,)
        if not any(
            wanted
            & {sold.replace(" ", "") for held in names for sold in product.option_values(held)}
            for product in products
        ):
            notes.append(f"none of these comes in {name} {value}")
    return ("\nNote: " + "; ".join(notes) + ".") if notes else ""


def none_of_these(filters: SearchFilters) -> str:
    """Nothing just shown meets the new filter."""
    return f"None of those is {describe_filters(filters) or 'a match'}. Want me to search again?"


def loose_need(need: str) -> str:
    """Nothing is really about the need: say so, then offer well-rated ideas."""
    # a long need is the shopper's sentence with words dropped: said back, it reads garbled
    named = need.strip() if len(need.split()) <= 3 else ""
    return (
        f"We don't carry anything made specifically for {named or 'that'}, "
        "but here are some well-rated ideas:"
    )


def closest_to_need() -> str:
    """Nothing is made for the need: say so, then the nearest things."""
    return "I couldn't find anything made for exactly that. The closest things we have:"


def rating_line(product: Product) -> str:
    """The product's average rating in one sentence."""
    return (
        f"{product.title} [{product.id}] is rated {product.rating:.1f}★ on average "
        f"from {product.review_count} reviews."
    )


def titled(product: Product, words: str) -> str:
    """The title itself says what is asked («Noise Cancelling»); reviews follow."""
    return (
        f"Yes: it is the {product.title} [{product.id}], «{words}» in its own name. "
        "Here is what reviews say."
    )


def data_silent(product: Product) -> str:
    """The product data does not answer; reviews might."""
    return (
        f"The product data for {product.title} [{product.id}] doesn't say, so here is what "
        "reviews say."
    )


def details_silent(product: Product) -> str:
    """Neither the product data nor the reviews answer: said plainly, first."""
    return f"The listing for {product.title} [{product.id}] doesn't say."


def described(product: Product, sentence: str) -> str:
    """The description's own words on a question its facts do not answer; then reviews."""
    return (
        f"The product data for {product.title} [{product.id}] doesn't say; its description says "
        f"«{sentence}» Here is what reviews say."
    )


def delivery_by(
    product: Product, arrives: str, deadline: str, in_time: bool, promised: bool = False
) -> str:
    """Whether ordering now gets the product there by the shopper's date (`promised`: they
    asked for a guarantee, which an estimate is not)."""
    if not in_time:
        verdict = "Not quite"
    elif promised:
        verdict = "Not guaranteed, but likely"
    else:
        verdict = "Yes"
    return (
        f"{verdict}: {product.title} [{product.id}] ships in {days(product.shipping_days)}, so "
        f"ordered today it should arrive by {arrives}"
        + (f", before {deadline}." if in_time else f", after {deadline}.")
    )


NEED_CAUTION = (
    "These are products, not medical advice: I can't judge what is safe for a health "
    "condition, so please ask a doctor or physiotherapist first."
)
HEALTH_CAUTION = (
    "Reviews share experiences, not medical advice: for a health condition or a pregnancy, "
    "please ask a doctor or pharmacist too."
)
HELP = (
    "I'm the shop's assistant. I can find products («trail shoes under 120 dollars»), answer "
    "questions about them and their reviews («what do reviews say about the battery?»), "
    "compare them («compare the first two»), explain our delivery, returns and privacy "
    "policies, and manage your cart and orders («add the second one», «checkout», «where is "
    "my order?»)."
)


def policy_text(answer: PolicyAnswer) -> str:
    """The policy sentences that answer a question, each with the section it comes from."""
    lines = []
    for quote in answer.quotes:
        section = quote.section
        lines.append(
            f"{' '.join(quote.sentences)} (Source: {section.title}, {section.heading} "
            f"[{section.id}])"
        )
    return "\n".join(lines)


def product_details(product: Product) -> str:
    """Everything the data says about one product."""
    options = product.options_by_name()
    lines = [product_card(None, product), f"«{product.description}»"]
    lines += [f"{name.capitalize()}: {', '.join(values)}" for name, values in options.items()]
    lines += [f"{name.capitalize()}: {value}" for name, value in product.attributes.items()]
    returns = (
        f"returns within {product.return_window_days} days"
        if product.return_window_days
        else "final sale: it cannot be returned"
    )
    lines.append(f"Sold by {product.seller.name} ({product.seller.vetting}); {returns}.")
    return "\n".join(lines)


def attribute_answer(product: Product, facts: list[str]) -> str:
    """Facts found for a product question, or an honest 'the data doesn't say'."""
    if not facts:
        return (
            f"The product data for {product.title} [{product.id}] doesn't say. "
            "Ask me what reviewers say about it instead."
        )
    return f"{product.title} [{product.id}]: " + "; ".join(facts) + "."


def _returns(product: Product) -> str:
    """A return window in days, or final sale when it has none."""
    days = product.return_window_days
    return f"{days} days" if days else "final sale (no returns)"


def comparison_table(products: list[Product]) -> str:
    """A side-by-side table of the products' key figures."""
    names = [f"{p.title} [{p.id}]" for p in products]
    rows = [
        ("price", [_price(p) for p in products]),
        ("rating", [_rating(p) for p in products]),
        ("stock", [_stock(p) for p in products]),
        ("delivery", [f"{p.shipping_days} days" for p in products]),
        ("returns", [_returns(p) for p in products]),
        ("seller", [f"{p.seller.name} ({p.seller.vetting})" for p in products]),
    ]
    keys = list(dict.fromkeys(key for p in products for key in p.attributes))
    rows += [(key, [p.attributes.get(key, "—") for p in products]) for key in keys]
    lines = ["| | " + " | ".join(names) + " |", "| --- |" + " --- |" * len(products)]
    lines += [f"| {label} | " + " | ".join(values) + " |" for label, values in rows]
    return "\n".join(lines)


def trust_text(trust: TrustSignals) -> str:
    """Trust signals in one or two sentences."""
    parts = []
    if trust.verified_share is not None:
        parts.append(
            f"{round(trust.verified_share * 100)}% of its {trust.review_count} "
            "reviews are from verified purchases"
        )
    parts.append(f"the seller {trust.seller} is {trust.seller_vetting}")
    text = "Trust: " + "; ".join(parts) + "."
    if trust.flags:
        text += " Watch out: " + "; ".join(trust.flags) + "."
    return text


def review_answer(product: Product, answer: ReviewAnswer, trust_first: bool = False) -> str:
    """How many reviews mention the aspect, which way they lean, and a few quotes; trust
    signals first when the shopper asks whether the reviews can be trusted."""
    name = f"{product.title} [{product.id}]"
    if answer.review_count == 0:
        return f"{name} has no reviews yet, so the reviews don't say."
    trust = trust_text(answer.trust)
    if trust_first:
        lead = f"About the reviews of {name}: {trust}"
        if not answer.trust.flags:
            lead += " I found no pattern that suggests fake reviews."
        quotes = [_quote_line(quote) for quote in answer.quotes]
        return "\n".join([lead, *(["What reviewers say:", *quotes] if quotes else [])])
    if answer.complaints is not None:
        return "\n".join([complaints_text(name, answer), trust])
    if not answer.supported:
        return (
            f"None of the {answer.review_count} reviews of {name} mention "
            f"{answer.aspect or 'that'}, so the reviews don't say. {trust}"
        )
    lean = (
        f"{answer.positive} positive (rated 4 and up), {answer.negative} negative (rated 2 or "
        f"less), {answer.mixed} mixed."
    )
    if answer.aspect:
        lines = [f"{answer.mentions} of {answer.review_count} reviews of {name} mention "
                 f"{answer.aspect}: {lean}"]  # fmt: skip
    else:  # a verdict: what it costs and how it is rated come first
        lines = [f"{name} costs {_price(product)} and is rated {_rating(product)}: {lean}"]
    quotes = answer.quotes
    if answer.answerable is False and answer.aspect:  # no review answers what is asked
        lines.insert(0, "The reviews don't answer that directly.")
    elif answer.answer is not None:
        lines.append(f"Best answer: «{answer.answer.text}» (review {answer.answer.review_id})")
        quotes = [quote for quote in quotes if quote.review_id != answer.answer.review_id]
    lines += [_quote_line(quote) for quote in quotes]
    return "\n".join([*lines, trust])


def complaints_text(name: str, answer: ReviewAnswer) -> str:
    """What reviewers complain about, most-made complaint first, each counted and quoted."""
    if not answer.complaints:
        return f"I found no complaints in the {answer.review_count} reviews of {name}."
    lines = [f"{answer.mentions} of {answer.review_count} reviews of {name} complain:"]
    for item in answer.complaints:
        about = f"the {item.aspect}, " if item.aspect else ""
        lines.append(
            f"- {about}{plural(item.reviews, 'review')}: "
            + _quote_line(item.quote).removeprefix("- ")
        )
    return "\n".join(lines)


def _quote_line(quote: Quote) -> str:
    stars = f"{quote.rating}★" if quote.rating else "unrated"
    verified = ", verified" if quote.verified_purchase else ""
    return f"- «{quote.text}» ({stars}{verified}, review {quote.review_id})"


def cart_text(cart: CartView) -> str:
    """The cart, line by line, with its total."""
    if not cart.lines:
        return "Your cart is empty."
    lines = ["Your cart:"]
    for line in cart.lines:
        options = ", ".join(line.options.values())
        lines.append(
            f"- {line.qty} × {line.title}{f' ({options})' if options else ''} "
            f"[{line.product_id}] at {format_minor(line.unit_price_minor, line.currency)}"
        )
    lines.append(
        _totals(
            cart.totals.subtotal_minor,
            cart.totals.shipping_minor,
            cart.totals.tax_minor,
            cart.totals.total_minor,
            cart.totals.currency,
        )
    )
    return "\n".join(lines)


def _totals(subtotal: int, shipping: int, tax: int, total: int, currency: str) -> str:
    text = (
        f"Subtotal {format_minor(subtotal, currency)}, shipping {format_minor(shipping, currency)}"
    )
    if tax:
        text += f", tax {format_minor(tax, currency)}"
    return text + f"; total {format_minor(total, currency)}."


def checkout_text(summary: CheckoutSummary) -> str:
    """The summary the shopper confirms, with what changed since they last looked."""
    lines = ["Please check your order:"]
    if summary.changes:
        lines += ["Changed since you last looked:"] + [
            f"- {describe_change(c)}" for c in summary.changes
        ]
    for line in summary.lines:
        options = ", ".join(line.options.values())
        lines.append(
            f"- {line.qty} × {line.title}{f' ({options})' if options else ''} at "
            f"{format_minor(line.unit_price_minor, line.currency)}"
        )
    totals = summary.totals
    lines.append(
        _totals(
            totals.subtotal_minor,
            totals.shipping_minor,
            totals.tax_minor,
            totals.total_minor,
            totals.currency,
        )
    )
    lines.append("Reply «yes» to place this order, or «no» to keep shopping.")
    return "\n".join(lines)


NO_OTHERS = (
    "That was all I found for that search. Want me to widen it (a higher budget, fewer filters)?"
)
