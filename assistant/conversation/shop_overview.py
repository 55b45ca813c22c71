"""«What do you sell?»: the shop's aisles, each with how many products it holds."""

from __future__ import annotations

import re
from collections import Counter

from assistant.catalogue.models import Catalogue, Product
from assistant.conversation.answers import wording
from assistant.conversation.answers.compose import Turn
from assistant.search.policies import PolicyAnswer, PolicyQuote, PolicySearch

WHAT_WE_SELL = "catalogue.categories"
WHAT_WE_DO_NOT_SELL = "catalogue.what-we-do-not-sell"
WHO_SEES_PURCHASES = "privacy.who-can-see-your-purchases"
DISCOUNTS = "payments.discounts-and-coupons"
REACH_US = "shop.where-to-reach-us"
# «can i talk to a real person? or is there a phone number»: how to reach the shop is asked
_ASKS_FOR_SOMEONE = re.compile(
    r"\b(?:person|human|agent|someone|somebody|phone|call|email|customer service|support)\b", re.I
)

ASKS_WHAT_WE_SELL = re.compile(
    r"\bwhat(?:'?s| is)?(?: the)? (sort|sorts|kind|kinds|type|types) of "
    r"(stuff|things?|products?|items?|goods)\b"
    r".{0,30}\b(sell|have|stock|carry|do|got)\b"
    r"|\bwhat (do|does|can) (you|u|ya|y'all|the shop|this shop)(?: guys| all)? (even )?"
    r"(sell|stock|carry)\b"
    r"(?!.{0,25}\b(for|under|over|in|that|with)\b)"
    r"|\bwhat('?s| is) (on sale|in (the |your )?(shop|store|catalogue))\b"
    r"|\bwhat (can|could) (i|we) (buy|get|order) (here|from you)\W*$"
    # «kk what categories do u have», «which departments do you have?»
    r"|\b(what|which) (categories|departments|aisles|sections)\b"
    r"|\b(list|show me) (your|the|all) (categories|departments|aisles)\b",
    re.I,
)


def asks_what_we_sell(text: str) -> bool:
    """Whether a message asks what the shop sells in general, not for a kind of thing."""
    return bool(ASKS_WHAT_WE_SELL.search(text))


def overview_turn(catalogue: Catalogue, policies: PolicySearch) -> Turn:
    """The categories, largest first, with an example of how to ask, and the shop's policy
    section on what it sells cited."""
    counts = Counter(product.category for product in catalogue.products.values())
    aisles = ", ".join(f"{category} ({count})" for category, count in counts.most_common())
    turn = Turn(
        text=f"We sell: {aisles}. Ask for anything in them, e.g. «running shoes under 80 "
        "dollars» or «a gift for a coffee lover»."
    )
    return _with_sections(turn, policies, WHAT_WE_SELL, WHAT_WE_DO_NOT_SELL)


def with_what_we_do_not_sell(turn: Turn, policies: PolicySearch) -> Turn:
    """A «we don't sell X» answer with the shop's own list of what it does not sell, quoted
    and cited."""
    return _with_sections(turn, policies, WHAT_WE_DO_NOT_SELL)


def not_sold_turn(kind: str, policies: PolicySearch) -> Turn:
    """«Sorry, we don't sell X.» alone, with the shop's own list quoted and cited."""
    return with_what_we_do_not_sell(Turn(text=wording.not_carried(kind, [])), policies)


def with_whose_purchases(turn: Turn, policies: PolicySearch) -> Turn:
    """A refusal to tell one shopper about another's, with the privacy rule it follows."""
    return _with_sections(turn, policies, WHO_SEES_PURCHASES)


def with_discount_rule(turn: Turn, policies: PolicySearch) -> Turn:
    """A refused discount, with the rule that there are none, cited."""
    return _with_sections(turn, policies, DISCOUNTS)


def with_contact_rule(turn: Turn, policies: PolicySearch, message: str) -> Turn:
    """«can I talk to a person?»: the assistant's answer, with how to reach the shop, cited."""
    return _with_sections(turn, policies, REACH_US) if _ASKS_FOR_SOMEONE.search(message) else turn


def _with_sections(turn: Turn, policies: PolicySearch, *section_ids: str) -> Turn:
    """The turn with each policy section quoted in full and cited."""
    for section_id in section_ids:
        if section := policies.by_id(section_id):
            quote = PolicyQuote(section=section, sentences=section.sentences(), score=1.0)
            turn.text += "\n" + wording.policy_text(PolicyAnswer(question="", quotes=[quote]))
            turn.policies.append(section.id)
            turn.data_texts.append(section.text)
    return turn


def rule_for_product(rule: str, product: Product, facts: list[str]) -> str:
    """A shop rule asked of a named product: the product's facts that bear on it first; else
    the rule first (a comment's public line) and the product's card after («the X. can you
    hold it till payday?»)."""
    if facts:
        return f"{wording.attribute_answer(product, facts)}\n{rule}"
    return f"{rule}\n{wording.product_card(None, product)}"
