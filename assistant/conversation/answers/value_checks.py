"""A shopper checking a figure the listing gives («it says 2.1 kg?? for a headlamp? is that
right», «you sure? where does it say 15»): where the product data says it, quoted, and that
the assistant cannot vouch for it beyond the listing; or that the data says no such figure."""

from __future__ import annotations

import re

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from assistant.catalogue.models import Product
from assistant.conversation.answers.facts import attribute_facts

DOUBTED = re.compile(
    r"\b(?:is (?:that|this) (?:right|correct|true|accurate)|(?:are )?you sure|"
    r"where does it say|where(?: did|'?d) you (?:get|see|read)|can'?t be right|"
    r"(?:are )?(?:you|u) (?:reading|looking at) the right|which is it|"
    r"that (?:seems|sounds) (?:wrong|off|heavy|light|big|small|high|low)|typo|a mistake|"
    r"surely not|no way|seriously)\b",  # «and it says 2.1 kg, surely not»
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


_WORD = re.compile(r"[a-z]{3,}")


def facts_in_words(product: Product, question: str) -> list[str]:
    """The listed facts whose words a doubting message repeats («the material says memory
    foam?? in a blanket?», «you sure it's a cable?»); a unit is no such word («8 hours?» of
    a battery listed at 20 hours repeats nothing)."""
    asked = set(_WORD.findall(question.lower())) - ENGLISH_STOP_WORDS
    return [
        f"{key}: {value}"
        for key, value in product.attributes.items()
        if (set(_WORD.findall(str(value).lower())) - ENGLISH_STOP_WORDS - _UNITS) & asked
    ]


_UNITS = frozenset(
    "hours hour days day mins minutes mah watts watt volts litres liters inches inch feet "
    "grams kilos pounds lbs ounces".split()
)
# a figure said as money: «for 74 bucks?», «74 dollars»
_A_PRICE = re.compile(r"\s*(?:bucks|dollars?|quid|usd|euros?)\b", re.I)


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
        and not _A_PRICE.match(question, match.end())  # «for 74 bucks?»: its price, not a spec
        and not question[: match.start()].rstrip().endswith("$")
    ]
    name = f"{product.title} [{product.id}]"
    for figure, unit in figures:
        listed = [f"{key}: {value}" for key, value in product.attributes.items()]
        said = [fact for fact in listed if _says_figure(fact, figure, unit)]
        sentences = [s.strip() for s in _SENTENCE.findall(product.description) if s.strip()]
        if said:  # «it says latex and 10mm thick??»: the material too
            said += [fact for fact in facts_in_words(product, question) if fact not in said]
            # «listing says 3+ but also 'kids 6 and up'??»: where it says the other one too
            also = [
                sentence
                for other, other_unit in figures
                if other != figure
                for sentence in sentences
                if _says_figure(sentence, other, other_unit)
                and not _says_figure(sentence, figure, unit)
            ]
            elsewhere = (
                f" Its description also says: «{also[0].rstrip('.')}», so the two don't match."
                if also
                else ""
            )
            return (
                f"Yes, that is what the product data for {name} lists: {'; '.join(said)}."
                f"{elsewhere} It is the seller's listing; I can't check it beyond that, so ask "
                "the seller before you rely on it."
            )
        quoted = [s for s in sentences if _says_figure(s, figure, unit)]
        if quoted:
            return f"Its description says it: «{quoted[0]}» ({name})."
    if said := facts_in_words(product, question):  # «you sure it's a cable?»
        return (
            f"That is what the product data for {name} lists: {'; '.join(said)}. It is the "
            "seller's listing; I can't check it beyond that, so ask the seller before you rely "
            "on it."
        )
    if not figures or not say_missing:
        return None
    figure, unit = figures[0]
    missing = (
        f"The product data for {name} doesn't say {figure}{' ' + unit if unit else ''} anywhere"
    )
    # «8 hours battery? where did you get that»: what it does list for that, beside
    listed = attribute_facts(product, question)
    return f"{missing}; it lists {'; '.join(listed)}." if listed else f"{missing}."
