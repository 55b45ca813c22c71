"""A colour that describes the thing rather than a version of it: «that green powder»."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.catalogue.models import Product
from assistant.conversation.understanding.steps import Step
from assistant.search.kind_words import FORM_WORDS
from assistant.search.kinds import singular


def without_described_colour(step: Step, products: list[Product], colours: set[str]) -> Step | None:
    """The step without its colour when the colour is said just before a word of some of
    the products' titles that says their form («powder»), none of those comes in colours and
    none is titled with a colour before that word («green powder for lattes»: matcha; not
    «red card game», a wish unmet, nor «black tea» beside «Green Tea»), else None."""
    colour = step.slots.filters.colour
    said = colour and re.search(rf"\b{re.escape(colour)}\s+([a-z]{{3,}})\b", step.text, re.I)
    if not said:
        return None
    word = singular(said[1].lower())
    if word not in FORM_WORDS:
        return None  # «green powder»: what it is made of; not «red card game»: a wish unmet
    titled = [p for p in products if word in {singular(w) for w in p.title.lower().split()}]
    if not titled or any(p.option_values("colour") for p in titled):
        return None
    sorted_by_colour = re.compile(rf"\b(\w+)\s+{re.escape(said[1].lower())}", re.I)
    if any(
        (before := sorted_by_colour.search(p.title)) and before[1].lower() in colours
        for p in titled
    ):
        return None
    filters = step.slots.filters.model_copy(update={"colour": None})
    options = {name: value for name, value in step.slots.options.items() if name != "colour"}
    # the words too: a search reads a colour from them again
    text = step.text[: said.start()] + step.text[said.start(1) :]
    requested = step.slots.requested.model_copy(update={"colour": None})
    slots = replace(step.slots, filters=filters, options=options, requested=requested)
    return step.model_copy(update={"slots": slots, "text": text})
