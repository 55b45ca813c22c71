"""Questions about the shop itself: its policies, quoted with their sections cited and said
of the product or cart in view, and an honest "we don't sell that" for a kind we lack."""

from __future__ import annotations

import re

from assistant.catalogue.models import Catalogue
from assistant.commerce import CartView
from assistant.conversation import shop_overview
from assistant.conversation.answers import money_wording, wording
from assistant.conversation.answers.compose import Turn
from assistant.conversation.answers.facts import product_facts
from assistant.conversation.shop_overview import not_sold_turn
from assistant.conversation.state import DialogueState
from assistant.conversation.understanding.planner import Step
from assistant.conversation.understanding.shop_words import ABROAD, asks_shop_rules, same_topic
from assistant.conversation.understanding.slots import said_values
from assistant.search.kinds import ProductKinds
from assistant.search.passages import asked_part
from assistant.search.policies import PolicySearch

FREE_SHIPPING_SECTION = "shipping.shipping-costs"
BUYING = re.compile(  # asking whether we sell a thing: «can i buy a gift card?», «got any…»
    r"\b(can (i|you|u) (buy|get|order)|do (you|u|ya) (also |still )?(not )?(sell|stock|carry|"
    r"do|have)|i(?: would|'d)? like to (buy|order|get)|i want to (buy|order|get)|"
    r"(don'?t|dont) (you|u|ya) (sell|stock|carry|do|have)|"
    r"(got|have you got|you got) any|any chance of|(recommend|suggest) (me )?(a|an|some|any))\b",
    re.I,
)


class ShopRuleAnswers:
    """The shop's policies and what it does not sell (shared by the catalogue answers)."""

    catalogue: Catalogue
    kinds: ProductKinds
    policies: PolicySearch
    free_shipping_from: int

    def not_sold(self, step: Step) -> Turn | None:
        """ "We don't sell X", with the shop's list cited, when a request asks to buy a kind of
        thing the catalogue does not carry; None otherwise."""
        if not BUYING.search(step.text) or step.references.ids:
            return None
        options = said_values(step.slots.options)
        missing = self.kinds.missing(step.text, ignore=options)
        if not missing:
            return None
        return not_sold_turn(missing, self.policies)

    def policy_question(self, state: DialogueState, step: Step, cart: CartView) -> Turn:
        """What the shop's policies say, quoted, with the sections cited; with what they mean
        for the product asked about or the cart, when there is one."""
        if not asks_shop_rules(step.text) and (refusal := self.not_sold(step)):
            return refusal
        question, before = asked_part(step.text), state.last_policy_question  # «I'm muddled. How…?»
        question = in_the_policies_words(question)  # «can i send them back?»: return them
        if ABROAD.search(step.text):  # «and send it to my sister in toronto?»: where we deliver
            question = f"do you ship internationally? {question}"
        vector = None  # a follow-up asked alone is embedded once, for both uses
        if before and same_topic(question, before):
            vector = self.policies.embedder.embed_query(question)
            if not self.policies.stands_alone(question, vector):
                question, vector = f"{before} {question}", None  # "and my handle?": that topic
        state.last_policy_question = step.text
        answer = self.policies.answer(question, vector)
        if not answer.quotes:
            return Turn(text=wording.HELP)
        turn = Turn(
            text=wording.policy_text(answer),
            policies=[quote.section.id for quote in answer.quotes],
            data_texts=[" ".join(quote.sentences) for quote in answer.quotes],
        )
        named = [pid for pid in step.references.ids if pid in self.catalogue.products]
        named = named or _delivery_asked_again(step.text, before, state.focus)
        if len(named) > 1 and (each := _each_ones_facts(self.catalogue, named, step.text)):
            # «add both …», then «can i send them back?»: each one's window, then the rule
            turn.text = "\n".join([*each, turn.text])
            turn.products = [*turn.products, *named[:_EACH_AT_MOST]]
        elif named:
            product = self.catalogue.products[named[0]]
            state.focus = product.id
            state.chosen_options = product.options_named_in(step.text) or state.chosen_options
            facts = product_facts(product, step.text, {})  # «hold the X in olive?»: olive kept
            turn.text = shop_overview.rule_for_product(turn.text, product, facts)
            turn.products = [*turn.products, product.id]
        if any(q.section.id == FREE_SHIPPING_SECTION for q in answer.quotes):
            product = self.catalogue.products[named[0]] if named else None
            note, figures = money_wording.free_shipping_note(
                step.text, cart, self.free_shipping_from, product
            )
            turn.text, turn.prices = turn.text + note, turn.prices + figures
            turn.products += [pid for pid in named[:1] if pid not in turn.products]  # as named
        return turn


_EACH_AT_MOST = 3
# everyday words for what the policies name otherwise: the passage that answers is found by
# its own words («send them back»: a return, not «if a message asks you for them»)
_EVERYDAY_RULE_WORDS = [
    (
        re.compile(
            r"\b(?:send|take|bring|post|ship)\s+(?:it|them|this|these|that|those)\s+back\b", re.I
        ),
        "return it",
    ),
    (
        re.compile(r"\b(?:don'?t|dont|do not)\s+(?:like|want|love)\s+(?:it|them)\b", re.I),
        "changed my mind",
    ),
]


def in_the_policies_words(question: str) -> str:
    """A shop-rule question with its everyday phrasings said in the policies' words."""
    for said, instead in _EVERYDAY_RULE_WORDS:
        question = said.sub(instead, question)
    return question


def _each_ones_facts(catalogue: Catalogue, named: list[str], text: str) -> list[str]:
    """The facts that bear on a shop rule asked of several products, one line each; none
    unless each has some."""
    lines = []
    for pid in named[:_EACH_AT_MOST]:
        product = catalogue.products[pid]
        if not (facts := product_facts(product, text, {})):
            return []
        lines.append(wording.attribute_answer(product, facts))
    return lines


# «can i get next day delivery on it?», then «ok so how long normally»: of the same product
_HOW_LONG = re.compile(r"\bhow long\b|\bhow many days\b", re.I)
_OF_DELIVERY = re.compile(r"\b(?:deliver\w*|shipping|ship|arriv\w*|get here)\b", re.I)


def _delivery_asked_again(text: str, before: str | None, focus: str | None) -> list[str]:
    """The product in focus, when a bare «how long?» follows a delivery question of it."""
    if focus and before and _HOW_LONG.search(text) and _OF_DELIVERY.search(before):
        return [focus]
    return []
