"""Read-only intents answered from data: search, product and review questions, comparisons
and catalogue-wide figures. Each answer updates what the dialogue is about (shown, focus)."""

from __future__ import annotations

import re

from assistant.catalogue.models import Catalogue, Product
from assistant.conversation.answers import wording
from assistant.conversation.answers.compose import Turn, review_turn
from assistant.conversation.answers.facts import (
    catalogue_figure,
    figure_text,
    is_carried,
    product_facts,
    shopping_words,
    superlative_kind,
)
from assistant.conversation.state import DialogueState
from assistant.conversation.understanding.planner import LOW_CONFIDENCE, Plan
from assistant.search.retrieval import Retriever
from assistant.search.reviews import answer_about_reviews

SHOW = 5


def show(state: DialogueState, product_ids: list[str]) -> None:
    """Remember a list the shopper was shown ("the second one" refers back to it)."""
    state.shown = product_ids
    state.focus = product_ids[0] if len(product_ids) == 1 else state.focus
    state.pending_action = None


class Questions:
    """Answers to questions about the catalogue and its reviews."""

    def __init__(self, catalogue: Catalogue, retriever: Retriever) -> None:
        self.catalogue = catalogue
        self.retriever = retriever

    def search(self, state: DialogueState, plan: Plan, message: str) -> Turn:
        """Products for the request, or an honest "we don't carry that"."""
        words = shopping_words(message) if plan.intent == "recommend" else message
        result = self.retriever.search(
            words if words.strip("$ ") else message, filters=plan.slots.filters, k=SHOW
        )
        hits = result.hits
        if not hits:
            return Turn(text="Nothing in the catalogue matches all of that. Try fewer filters.")
        products = [hit.product for hit in hits]
        ids = [product.id for product in products]
        if plan.intent != "recommend" and not is_carried(hits):
            if plan.confidence < LOW_CONFIDENCE:
                return Turn(
                    text="I'm not sure what you mean. Are you looking for a product, "
                    "asking about one, or managing your cart or an order?"
                )
            show(state, ids[:3])
            return Turn(
                text=wording.not_carried(
                    shopping_words(result.query_text) or message, products[:3]
                ),
                products=ids[:3],
            )
        show(state, ids)
        intro = (
            "Here are my suggestions:" if plan.intent == "recommend" else "Here is what I found:"
        )
        text = wording.product_list(products, intro)
        if result.warnings:
            text += "\n" + "\n".join(result.warnings)
        return Turn(text=text, products=ids)

    @staticmethod
    def targets(state: DialogueState, plan: Plan) -> list[str]:
        """The products a question is about: named ones, else the one in focus."""
        if plan.slots.references:
            return plan.slots.references
        return [state.focus] if state.focus else state.shown[:1]

    def product_question(self, state: DialogueState, plan: Plan, message: str) -> Turn:
        """What the product data says about the question."""
        targets = self.targets(state, plan)
        if not targets:
            if re.search(r"\b(first|second|third|last|it|this|that|one)\b", message, re.I):
                return Turn(
                    text="Which product do you mean? Search for it first, then ask "
                    "about «the first one» or «the second one»."
                )
            return self.search(state, plan, message)
        product = self.catalogue.products[targets[0]]
        state.focus = product.id
        if plan.slots.options:
            state.chosen_options = plan.slots.options
        if "tell me more" in message.lower() or "details" in message.lower():
            return Turn(text=wording.product_details(product), products=[product.id])
        facts = product_facts(product, message, plan.slots.options)
        return Turn(text=wording.attribute_answer(product, facts), products=[product.id])

    def review_question(self, state: DialogueState, plan: Plan, message: str) -> Turn:
        """What the reviews say, counted and quoted."""
        targets = self.targets(state, plan)
        if not targets:
            return Turn(text="Which product's reviews? Search for it first, or name it.")
        product = self.catalogue.products[targets[0]]
        state.focus = product.id
        result = answer_about_reviews(self.retriever, self.catalogue, product.id, message)
        return review_turn(product, result)

    def compare(self, state: DialogueState, plan: Plan) -> Turn:
        """A table of the products named or last shown."""
        ids = plan.slots.references if len(plan.slots.references) >= 2 else state.shown[:2]
        if len(ids) < 2:
            return Turn(
                text="Which products should I compare? Search first, then say e.g. "
                "«compare the first two»."
            )
        products: list[Product] = [self.catalogue.products[pid] for pid in ids[:3]]
        return Turn(text=wording.comparison_table(products), products=[p.id for p in products])

    def catalogue_question(self, state: DialogueState, plan: Plan, message: str) -> Turn:
        """Cheapest, priciest, best rated or how many, over what the words are about."""
        kind = superlative_kind(message) or "count"
        figure = catalogue_figure(self.retriever, message, kind, plan.slots.filters)
        products = [self.catalogue.products[pid] for pid in figure.products[:SHOW]]
        text = figure_text(figure, products)
        figures = [figure.count, figure.in_stock]
        if products and kind != "count":
            show(state, [p.id for p in products[:3]])
            text += "\n" + wording.product_list(products[:3], "Top picks:")
        return Turn(text=text, products=[p.id for p in products[:3]], numbers=figures)
