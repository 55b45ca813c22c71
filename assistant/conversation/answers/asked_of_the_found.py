"""The facts a search asks of what it finds, in one message: «looking for a gentle face
cleanser for oily skin under $20 - is it vegan and what does it smell like?»."""

from __future__ import annotations

import re

from assistant.catalogue.models import Product
from assistant.conversation.answers.facts import attribute_facts

# «… is it vegan», «… what does it smell like?», «… are they waterproof?»: asked of the found
_ASKED_OF_IT = re.compile(
    r"\b(?:is|are|does|do|will|can|has|have)\s+(?:it|they|them|these|those)\b"
    r"|\bwhat\s+(?:does|do|is|are)\s+(?:it|they)\b",
    re.I,
)
FEW = 3  # more found than this: the list answers, not a fact of each


def facts_asked_of_each(products: list[Product], text: str) -> str:
    """Each found product's listed facts that the question part asks, one line each; ""
    when no question is asked of them, or too many were found."""
    said = _ASKED_OF_IT.search(text)
    if said is None or not 1 <= len(products) <= FEW:
        return ""
    asked = text[said.start() :]
    lines = [
        f"{product.title} [{product.id}]: {'; '.join(facts)}."
        for product in products
        if (facts := [*attribute_facts(product, asked), *_versions_asked(product, asked)])
    ]
    return "".join(f"\n{line}" for line in lines)


# «… also does it come in a travel size?», «do they come in other colours?»
_COMES_IN = re.compile(r"\bcomes?\s+in\b", re.I)


def _versions_asked(product: Product, asked: str) -> list[str]:
    """The versions a product comes in, of the option the question names (sizes, colours),
    when it asks what it comes in."""
    if not _COMES_IN.search(asked):
        return []
    return [
        f"{name}s: {', '.join(values)}"
        for name, values in product.options_by_name().items()
        if len(values) > 1 and re.search(rf"\b{name}", asked, re.I)
    ]
