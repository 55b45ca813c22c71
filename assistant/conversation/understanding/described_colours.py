"""A colour that describes the thing rather than a version of it: «that green powder»."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.catalogue.models import Product
from assistant.conversation.understanding.steps import Step
from assistant.search.kinds import singular


def without_described_colour(step: Step, products: list[Product]) -> Step | None:
    """The step without its colour when the colour is said just before a word of some of
    the products' titles and none of those comes in colours («green powder for lattes»:
    matcha, «green tea»), else None."""
    colour = step.slots.filters.colour
    said = colour and re.search(rf"\b{re.escape(colour)}\s+([a-z]{{3,}})\b", step.text, re.I)
    if not said:
        return None
    word = singular(said[1].lower())
    titled = [p for p in products if word in {singular(w) for w in p.title.lower().split()}]
    if not titled or any(p.option_values("colour") for p in titled):
        return None
    filters = step.slots.filters.model_copy(update={"colour": None})
    options = {name: value for name, value in step.slots.options.items() if name != "colour"}
    # the words too: a search reads a colour from them again
    text = step.text[: said.start()] + step.text[said.start(1) :]
    requested = step.slots.requested.model_copy(update={"colour": None})
    slots = replace(step.slots, filters=filters, options=options, requested=requested)
    return step.model_copy(update={"slots": slots, "text": text})
