"""«Which would you recommend for the gym?» beside a list: the one made for that need, by its
description's «made for …» or by what its reviews say, and honestly none when neither says."""

from __future__ import annotations

import re

from assistant.catalogue.models import Catalogue, Product
from assistant.conversation.answers import wording
from assistant.conversation.answers.ranking import Ranked

# «which one is best for wide feet?», «which would you recommend for a small kitchen?», «what's
# better for long flights»: a pick among those shown, for a need; not «for me», «for the price»
_PICK_FOR = re.compile(
    r"^\W*(?:(?:so|ok|okay|and|hmm+|well)\W+)*(?:which|what)\b[^?.!]{0,40}?"
    r"\b(?:best|better|good|great|ideal|suited|right|recommend|suggest|pick|choose|go for|"
    r"go with|get)\b[^?.!]{0,12}?\bfor\s+(?P<need>(?:an?\s+|the\s+|my\s+|our\s+)?"
    r"(?!(?:me|you|u|us|him|her|them|it|that|this|the price|the money|money|price|value|"
    r"a gift|gifts?|a present|presents?)\b)[a-z][a-z' -]{2,40}?)\W*$",
    re.I,
)
_MADE_FOR = re.compile(r"\bis made for ([^.]+)", re.I)
_WORD = re.compile(r"[a-z]+")
# words too loose to tell products apart («long flights» is about flights)
_LOOSE = frozenset(
    "a an the my our your and or with of in on at to use using long short small big little "
    "large good great everyday daily really very lot lots some someone people who when while "
    "doing going mostly mainly just".split()
)


def need_of_pick(text: str) -> str | None:
    """The need a pick among the shown names («the gym»), or None."""
    match = _PICK_FOR.search(text)
    return match.group("need").strip() if match and _need_words(match.group("need")) else None


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def _need_words(need: str) -> set[str]:
    return {_stem(w) for w in _WORD.findall(need.lower()) if len(w) >= 3 and w not in _LOOSE}


def _words_of(text: str) -> set[str]:
    return {_stem(w) for w in _WORD.findall(text.lower())}


def _says_all(text: str, words: set[str]) -> bool:
    return words <= _words_of(text)


def _sentence_with(text: str, words: set[str]) -> str:
    """The review's first sentence that says one of the words."""
    sentences = re.split(r"(?<=[.!?])\s+", text)
    return next((part for part in sentences if _words_of(part) & words), text)


def purpose(product: Product) -> str:
    """What the description says the product is made for, or ''."""
    match = _MADE_FOR.search(product.description)
    return match.group(1).strip() if match else ""


def ranked_for_need(catalogue: Catalogue, products: list[Product], text: str) -> Ranked | None:
    """For a pick for a need («best for the gym?»): the shown product made for it (by its
    description, else its reviews), or the best rated with a plain «none says so»; None when
    the words name no need or nothing was shown."""
    need = need_of_pick(text)
    if not products or need is None:
        return None
    words = _need_words(need)
    by_rating = sorted(products, key=lambda p: (not p.in_stock, -(p.rating or 0), -p.review_count))
    made_for = [p for p in by_rating if _says_all(purpose(p), words)]
    if made_for:
        top = made_for[0]
        text = f"For {need}: {top.title} [{top.id}] is made for {purpose(top)}."
        if len(made_for) > 1:
            other = made_for[1]
            text += f" So is {other.title} [{other.id}]."
        return Ranked(
            text + "\n" + wording.product_card(1, top),
            made_for[:2],
            data_texts=[top.description],
            winner=True,
        )
    mentions = {
        p.id: [r for r in catalogue.reviews_of(p.id) if _says_all(f"{r.title} {r.text}", words)]
        for p in products
    }
    said = [p for p in by_rating if mentions[p.id]]
    if said:
        good_ones = {p.id: sum((r.rating or 0) >= 4 for r in mentions[p.id]) for p in said}
        top = max(said, key=lambda p: good_ones[p.id])  # ties: the better rated, first in `said`
        found, good = mentions[top.id], good_ones[top.id]
        quote = _sentence_with(found[0].text, words)
        text = (
            f"For {need}: {len(found)} of {top.review_count} reviews of {top.title} [{top.id}] "
            f"mention it, {good} of them rated 4★ or more («{quote}», review {found[0].id})."
        )
        return Ranked(
            text + "\n" + wording.product_card(1, top),
            [top],
            numbers=[len(found), top.review_count, good],
            winner=True,
        )
    top = by_rating[0]
    rating = f"{top.rating:.1f}★" if top.rating is not None else "no ratings yet"
    text = (
        f"None of these says it is made for {need}, and none of their reviews mention it. "
        f"The best rated of them is {top.title} [{top.id}] ({rating})."
    )
    return Ranked(text + "\n" + wording.product_card(1, top), [top], winner=True)
