"""What a question asks of a product that its data does not list, said plainly beside what it
does list: «what percent vitamin c is it?» answered with its skin type alone reads as if the
skin type were the answer; «The product data doesn't list the percent vitamin c» does not."""

from __future__ import annotations

import re

from assistant.catalogue.models import Product
from assistant.search.kinds import singular

# «what percent vitamin c is …», «whats the blade length on …», «what batteries does … need»,
# «how many lumens is …»: the thing asked for, up to the verb or place after it
_ASKED_THING = re.compile(
    r"(?:^|[.?!,;]\s*|\b(?:and|so|but|also)\s+)"
    r"(?:what(?:'?s| is| are)?|which|how many)\s+(?:is\s+|are\s+)?(?:the\s+|its\s+|their\s+)?"
    r"(?P<thing>[a-z][a-z0-9 -]{1,40}?)"
    r"(?=\s+(?:is|are|does|do|did|on|of|in|for|it|they|would|will|has|have|does|like|should|"
    r"could|can|goes|go|looks?|fits?|suits?|works?|i|you|we|to|with|at|would|comes?)\b|"
    r"\s*[?,.!]|\s*$)",
    re.I,
)
# words that name no fact of their own, or facts every product has (answered elsewhere)
_NO_FACT = frozenset(
    "a an the one ones it its this that they them thing things kind sort type difference "
    "price cost colour color colours colors shade size sizes sizing stock delivery shipping "
    "return returns refund seller rating ratings star stars review reviews reviewer people "
    "version versions edition option options deal total point catch best better good bad "
    "do does say says think about so up else much more here there exactly actual actually "
    "like time day days long big many till until before after".split()
)


# facts every product has, answered from the data whatever else the question says
_FACTS_ANSWERED = frozenset(
    "price cost colour color size sizing stock delivery shipping return refund seller version "
    "edition option".split()
)


def _words(text: str) -> set[str]:
    return {singular(word) for word in re.findall(r"[a-z0-9]+", text.lower())}


def unlisted_asked(product: Product, question: str, facts: list[str]) -> str | None:
    """«The product data doesn't list the blade length.» when the thing a question asks for
    has a word that neither the facts answered nor anything in the product's data says."""
    said = _ASKED_THING.search(question)
    if said is None:
        return None
    thing = said["thing"].strip().lower()
    if len(thing.split()) > 3 or _words(thing) & _FACTS_ANSWERED:
        return None  # «what size should i get»: a fact answered, or a question, not a thing
    asked = {word for word in _words(thing) if word not in _NO_FACT and len(word) > 1}
    listed = _words(" ".join([product.title, product.brand, product.description, *facts]))
    listed |= _words(" ".join(f"{name} {value}" for name, value in product.attributes.items()))
    listed |= {_words(name).pop() for name in product.options_by_name() if _words(name)}
    if not asked or asked <= listed:
        return None
    return f"The product data doesn't list the {thing}."
