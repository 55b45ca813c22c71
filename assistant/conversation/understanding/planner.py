"""The rule planner: intent by nearest examples, slots by patterns, then the tool calls to make.

A plan names the intent, the slots and, for cart and order intents, the exact tool calls.
Read-only intents (search, questions, comparisons) are answered by the engine from the slots.
Cart-changing calls are only ever planned from the shopper's own message.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from assistant.catalogue.models import Catalogue
from assistant.conversation.state import DialogueState
from assistant.conversation.understanding.intents import IntentClassifier
from assistant.conversation.understanding.slots import Slots, extract_slots
from assistant.search.filters import FilterVocabulary

CART_CHANGING = {"add", "change", "remove", "checkout", "cancel_order", "return"}
AFFIRMATIVE = re.compile(
    r"^\s*(yes|yep|yeah|yup|sure|ok(ay)?|confirm(ed)?|go ahead|do it|"
    r"place (it|the order)|that'?s (right|correct)|sounds good|please do)\b",
    re.I,
)
NEGATIVE = re.compile(
    r"^\s*(no|nope|not (yet|now)|wait|hold on|never ?mind|cancel that|"
    r"don'?t)\b",
    re.I,
)
CLEAR_ALL = re.compile(
    r"\b(everything|all of (it|them)|clear (my|the) (cart|basket)|empty)\b", re.I
)
LOW_CONFIDENCE = 0.3
UNSURE = 0.45


class ToolCall(BaseModel):
    """One tool to call with its arguments."""

    name: str
    args: dict[str, Any] = Field(default_factory=dict)


class Plan(BaseModel):
    """What to do for one message."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    intent: str
    confidence: float
    slots: Slots
    calls: list[ToolCall] = Field(default_factory=list)
    clarify: str | None = None


class RulePlanner:
    """Plans a turn without a generative model."""

    def __init__(
        self, classifier: IntentClassifier, catalogue: Catalogue, vocabulary: FilterVocabulary
    ) -> None:
        self.classifier = classifier
        self.catalogue = catalogue
        self.vocabulary = vocabulary

    def plan(
        self, state: DialogueState, message: str, cart_products: list[str] | None = None
    ) -> Plan:
        """Classify, extract slots, resolve context and choose the calls."""
        guess = self.classifier.classify(message)
        slots = extract_slots(message, self.vocabulary, self.catalogue, state.shown, state.focus)
        if state.pending_action:  # an answer to "which one?" names the choice's own values
            slots.options = (
                self._choice_options(state.pending_action.product_id, message) or slots.options
            )
        intent = guess.intent
        if guess.confidence < UNSURE and intent not in guess.cued:
            intent = "search"  # a bare product name ("headlamp") is like no example at all
        elif intent in CART_CHANGING and intent not in guess.cued:
            # Changing a cart or an order takes the shopper's own words for it ("add",
            # "remove", "cancel"...); a message that only resembles one is read, not acted on.
            runner_up = guess.runner_up
            intent = runner_up if runner_up and runner_up not in CART_CHANGING else "search"
        intent = self._in_context(intent, state, message, slots)
        plan = Plan(intent=intent, confidence=guess.confidence, slots=slots)
        if intent in CART_CHANGING or intent in {"view_cart", "order_status"}:
            self._cart_calls(plan, state, message, cart_products or [])
        return plan

    @staticmethod
    def _in_context(intent: str, state: DialogueState, message: str, slots: Slots) -> str:
        """The same words mean different things mid-checkout or mid-clarification."""
        if message.strip().lower().startswith("#cart"):
            return "add"
        if state.pending_checkout:
            if AFFIRMATIVE.search(message) and intent in {"confirm", "checkout", "add", "help"}:
                return "confirm"
            if NEGATIVE.search(message) and intent in {"decline", "confirm", "cancel_order"}:
                return "decline"
        elif intent == "decline" and not NEGATIVE.search(message):
            return "help"
        if (
            state.pending_action
            and slots.options
            and intent not in {"checkout", "view_cart", "remove", "order_status", "out_of_scope"}
        ):
            return "add"
        if intent == "confirm" and not AFFIRMATIVE.search(message):
            return "help"
        return intent

    def _choice_options(self, product_id: str, message: str) -> dict[str, str]:
        """The options of one product's variants that a message names ('7', 'white')."""
        product = self.catalogue.products.get(product_id)
        if product is None:
            return {}
        found: dict[str, str] = {}
        for name, values in product.options_by_name().items():
            named = [
                value
                for value in values
                if re.search(rf"(?<![\w.]){re.escape(value)}(?![\w.])", message, re.I)
            ]
            if len(named) == 1:
                found[name] = named[0]
        return found

    def _target(
        self, state: DialogueState, slots: Slots, cart_products: list[str], prefer_cart: bool
    ) -> str | None:
        """The product a cart action is about."""
        if state.pending_action and slots.reference_kind in {None, "option", "deictic"}:
            return state.pending_action.product_id  # "the blue one" answers the open question
        if slots.references:
            return slots.references[0]
        if prefer_cart and len(set(cart_products)) == 1:
            return cart_products[0]
        if state.focus:
            return state.focus
        if len(state.shown) == 1:
            return state.shown[0]
        return None

    def _cart_calls(
        self, plan: Plan, state: DialogueState, message: str, cart_products: list[str]
    ) -> None:
        slots, intent = plan.slots, plan.intent
        if intent == "view_cart":
            plan.calls = [ToolCall(name="view_cart")]
        elif intent == "checkout":
            plan.calls = [ToolCall(name="start_checkout")]
        elif intent in {"order_status", "cancel_order", "return"}:
            self._order_calls(plan, state)
        elif intent == "remove" and CLEAR_ALL.search(message):
            plan.calls = [
                ToolCall(name="remove_from_cart", args={"product_id": pid})
                for pid in dict.fromkeys(cart_products)
            ]
            if not plan.calls:
                plan.calls = [ToolCall(name="view_cart")]
        else:
            product_id = self._target(state, slots, cart_products, prefer_cart=intent != "add")
            if product_id is None:
                plan.clarify = (
                    "Which product do you mean? Search for it first, or tell me its "
                    "number in the list I showed."
                )
                return
            args: dict[str, Any] = {"product_id": product_id}
            if slots.options:
                args["options"] = slots.options
            if intent == "add":
                args["quantity"] = (
                    slots.quantity
                    or (state.pending_action.quantity if state.pending_action else None)
                    or 1
                )
                plan.calls = [ToolCall(name="add_to_cart", args=args)]
            elif intent == "change":
                if slots.quantity is None:
                    plan.clarify = "How many would you like?"
                    return
                args["quantity"] = slots.quantity
                if product_id in cart_products and "options" in args:
                    args.pop("options")  # "make the blue one 2": the line, not a new variant
                plan.calls = [ToolCall(name="update_cart_item", args=args)]
            else:
                if slots.quantity is not None:
                    args["quantity"] = slots.quantity
                plan.calls = [ToolCall(name="remove_from_cart", args=args)]

    @staticmethod
    def _order_calls(plan: Plan, state: DialogueState) -> None:
        order_id = plan.slots.order_id or state.last_order_id
        if plan.intent == "order_status":
            plan.calls = [
                ToolCall(
                    name="order_status",
                    args={"order_id": plan.slots.order_id} if plan.slots.order_id else {},
                )
            ]
        elif order_id is None:
            plan.clarify = "Which order? Give me its id (it looks like ORD-…)."
        elif plan.intent == "cancel_order":
            plan.calls = [ToolCall(name="cancel_order", args={"order_id": order_id})]
        else:
            plan.calls = [ToolCall(name="return_items", args={"order_id": order_id})]
