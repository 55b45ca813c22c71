"""A shopper checking a figure the listing gives («it says 2.1 kg?? for a headlamp? is that
right», «you sure? where does it say 15»): where the product data says it, quoted, and that
the assistant cannot vouch for it beyond the listing; or that the data says no such figure."""

from __future__ import annotations

import re

from assistant.catalogue.models import Product

DOUBTED = re.compile(
    r"\b(?:is (?:that|this) (?:right|correct|true|accurate)|(?:are )?you sure|"
    r"where does it say|where did you (?:get|see|read)|can'?t be right|"
    r"that (?:seems|sounds) (?:wrong|off|heavy|light|big|small|high|low)|typo|a mistake)\b",
    re.I,
)
# a figure said, with its unit if any: «2.1 kg», «900 g», «60 L», «15»
_FIGURE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*([a-z]{1,4}\b|\")?", re.I)
_SENTENCE = re.compile(r"[^.!?]*[.!?]?")


def doubts_a_figure(text: str) -> bool:
    """Whether a message questions a figure with its unit («60 L for a carry on??»), not only
    a price or count a search might say («tents under 200??»)."""
    if DOUBTED.search(text):
        return True
    return "??" in text and any(match.group(2) for match in _FIGURE.finditer(text))


def _says_figure(text: str, figure: str, unit: str) -> bool:
    """Whether a text says the figure, with the unit when one was said («2 kg», not the 2 of
    a model's name)."""
    after = rf"\s*-?\s*{re.escape(unit)}\b" if unit else r"(?![\d]|\.\d)"
    return re.search(rf"(?<![\d.]){re.escape(figure)}{after}", text, re.I) is not None


def value_checked(product: Product, question: str, say_missing: bool = True) -> str | None:
    """Where the listing says the figure a shopper questions, or (`say_missing`) that it does
    not; None when the message checks no figure."""
    if not doubts_a_figure(question):
        return None  # «do they come in size 9??»: a version asked for, no figure doubted
    # not the figure of a model's name («the ridgeline studio 2»)
    figures = [
        (match.group(1), (match.group(2) or "").strip('"'))
        for match in _FIGURE.finditer(question)
        if not _says_figure(product.title, match.group(1), "")
        and not re.search(r"\bsize\s*$", question[: match.start()], re.I)
    ]
    if not figures:
        return None
    name = f"{product.title} [{product.id}]"
    for figure, unit in figures:
        listed = [f"{key}: {value}" for key, value in product.attributes.items()]
        said = [fact for fact in listed if _says_figure(fact, figure, unit)]
        if said:
            return (
                f"Yes, that is what the product data for {name} lists: {'; '.join(said)}. "
                "It is the seller's listing; I can't check it beyond that, so ask the seller "
                "before you rely on it."
            )
        sentences = [s.strip() for s in _SENTENCE.findall(product.description) if s.strip()]
        quoted = [s for s in sentences if _says_figure(s, figure, unit)]
        if quoted:
            return f"Its description says it: «{quoted[0]}» ({name})."
    if not say_missing:
        return None
    figure, unit = figures[0]
    return f"The product data for {name} doesn't say {figure}{' ' + unit if unit else ''} anywhere."
