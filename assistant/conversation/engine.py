"""The Assistant of the Python API contract: one turn = state -> plan -> tools -> answer.

The shopper's message is screened, planned by the rule planner, carried out through the
cart tools or the read-only queries, answered from typed results with citations, and the
dialogue state is stored. Checkout confirmation is recognised here, from the shopper's own
"yes" to the pending summary, and never delegated to a planner or a tool.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from assistant.catalogue.models import Product
from assistant.commerce import (
    CartView,
    CheckoutSummary,
    CommerceError,
    CommerceService,
    Confirmation,
    OrderView,
    Origin,
    ReturnReceipt,
)
from assistant.conversation.answers import wording as answer
from assistant.conversation.answers.facts import (
    catalogue_figure,
    figure_text,
    is_carried,
    product_facts,
    shopping_words,
    superlative_kind,
)
from assistant.conversation.answers.grounding import (
    GroundingReport,
    check,
    facts_for,
    strip_unsupported,
)
from assistant.conversation.answers.refusals import describe_change, describe_error, error_data
from assistant.conversation.llm.agent import LLMPlanner, PlannerUnavailable
from assistant.conversation.llm.backends import make_chat_model
from assistant.conversation.reply import (
    Channel,
    Citation,
    Grounding,
    Reply,
    ReplyCart,
    StreamEvent,
)
from assistant.conversation.safety import screen
from assistant.conversation.state import (
    DialogueState,
    PendingAction,
    PendingCheckout,
    SessionStore,
)
from assistant.conversation.tools import cart_tools, shop_tools
from assistant.conversation.understanding.intents import IntentClassifier
from assistant.conversation.understanding.planner import (
    CART_CHANGING,
    LOW_CONFIDENCE,
    Plan,
    RulePlanner,
)
from assistant.search.retrieval import QueryError
from assistant.search.reviews import ReviewAnswer, answer_about_reviews
from assistant.settings import Settings, get_settings
from assistant.storage.engine import Store
from assistant.wiring import Services, build_services

log = logging.getLogger(__name__)

HELP = (
    "I'm the shop's assistant. I can find products («trail shoes under 120 dollars»), answer "
    "questions about them and their reviews («what do reviews say about the battery?»), "
    "compare them («compare the first two»), and manage your cart and orders («add the "
    "second one», «checkout», «where is my order?»)."
)
OUT_OF_SCOPE = (
    "I can only help with shopping here, so I can't advise on that (for medical or "
    "legal questions please ask a professional, and for other shops' accounts ask "
    "that shop). Want me to find you something instead?"
)
SHOW = 5
# Recognised by the engine itself, never planned by a model: the shopper's yes or no to a
# summary, and messages that need no tool.
# Messages about these are answered only in private (a DM, never a public reply).
PRIVATE_INTENTS = CART_CHANGING | {"view_cart", "order_status", "confirm", "decline"}
ENGINE_INTENTS = {"confirm", "decline", "help", "out_of_scope"}


@dataclass
class Turn:
    """What a turn produced, before it becomes a Reply."""

    text: str
    products: list[str] = field(default_factory=list)
    reviews: list[str] = field(default_factory=list)
    orders: list[str] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)  # figures computed from data this turn
    prices: list[int] = field(default_factory=list)
    data_texts: list[str] = field(default_factory=list)  # data-made text whose figures count
    note: dict[str, Any] | None = None  # how the LLM planner's text was checked


def _review_turn(product: Product, summary: ReviewAnswer) -> Turn:
    """A review answer, with the figures it may state and the reviews it quotes."""
    verified = summary.trust.verified_share
    return Turn(
        text=answer.review_answer(product, summary),
        products=[product.id],
        reviews=[quote.review_id for quote in summary.quotes],
        numbers=[
            summary.mentions,
            summary.positive,
            summary.negative,
            summary.mixed,
            summary.review_count,
            round((verified or 0) * 100),
        ],
        data_texts=summary.trust.flags,
    )


class Assistant:
    """The shop assistant; build it with `Assistant.from_settings()`."""

    def __init__(
        self,
        services: Services,
        store: Store,
        commerce: CommerceService,
        classifier: IntentClassifier | None = None,
        llm_planner: LLMPlanner | None = None,
    ) -> None:
        self.services = services
        self.store = store
        self.commerce = commerce
        self.llm_planner = llm_planner
        self.sessions = SessionStore(store, commerce.clock)
        classifier = classifier or IntentClassifier(services.embedder)
        self.planner = RulePlanner(classifier, services.catalogue, services.retriever.vocabulary)

    @classmethod
    def from_settings(
        cls,
        settings: Settings | None = None,
        progress: bool = False,
        services: Services | None = None,
    ) -> Assistant:
        """Embedded defaults, offline: catalogue, index, store and planner from settings."""
        settings = settings or get_settings()
        services = services or build_services(settings, progress=progress)
        store = Store(settings.resolved_database_url())
        model = make_chat_model(settings)
        llm_planner = LLMPlanner(model, settings.llm_max_steps) if model is not None else None
        return cls(
            services, store, CommerceService(store, services.catalogue), llm_planner=llm_planner
        )

    # ---- public API ---------------------------------------------------------------------------
    def chat(
        self,
        session_id: str,
        message: str,
        channel: Channel = "dm",
        shopper_id: str | None = None,
        origin: Origin | None = None,
    ) -> Reply:
        """Answer one message of one session."""
        state = self.sessions.load(session_id, shopper_id)
        refusal = screen(message)
        if refusal is not None:  # nothing is planned or stored for such a message
            return self._reply(state, Turn(text=refusal), intent="screened")
        plan = self.planner.plan(state, message, self._cart_products(state))
        origin = origin or Origin(kind="chat", ref=f"{session_id}#{state.turns}")
        turn, note = None, None
        if self.llm_planner is not None and plan.intent not in ENGINE_INTENTS:
            turn, note = self._llm_turn(state, plan, message, origin)
        if turn is None:
            turn = self._carry_out(state, plan, message, origin)
            turn.note = note
        state.turns += 1
        state.last_intent = plan.intent
        self.sessions.save(state)
        return self._reply(state, turn, intent=plan.intent)

    def stream(
        self, session_id: str, message: str, channel: Channel = "dm", shopper_id: str | None = None
    ) -> Iterator[StreamEvent]:
        """The reply as text deltas (a line at a time), then the whole Reply."""
        reply = self.chat(session_id, message, channel, shopper_id)
        for line in reply.text.splitlines(keepends=True):
            yield StreamEvent(type="delta", text=line)
        yield StreamEvent(type="reply", reply=reply)

    def confirm(
        self, session_id: str, checkout_id: str, nonce: str, shopper_id: str | None = None
    ) -> Reply:
        """The UI's confirm button: the shopper's explicit confirmation of one summary."""
        state = self.sessions.load(session_id, shopper_id)
        turn = self._confirm(
            state,
            Confirmation(source="ui_button", shopper_id=state.shopper_id, evidence=nonce),
            checkout_id,
        )
        self.sessions.save(state)
        return self._reply(state, turn, intent="confirm")

    def show_checkout(
        self, session_id: str, shopper_id: str, summary: CheckoutSummary, channel: Channel = "buy"
    ) -> Reply:
        """A summary opened outside the chat (a Buy button) now awaits this session's yes."""
        state = self.sessions.load(session_id, shopper_id)
        turn = self._render_call(state, "start_checkout", summary.model_dump(mode="json"))
        self.sessions.save(state)
        return self._reply(state, turn, intent="checkout")

    def ask_variant(
        self,
        session_id: str,
        shopper_id: str,
        error: CommerceError,
        quantity: int | None = None,
        origin: Origin | None = None,
        kind: str = "add",
    ) -> Reply:
        """A refused add or Buy ("which size?") becomes this session's open question, so the
        shopper's next answer ("the M") finishes it with the same origin."""
        state = self.sessions.load(session_id, shopper_id)
        args: dict[str, Any] = {"product_id": error.details.get("product_id"), "quantity": quantity}
        turn = self._tool_error(state, args, error_data(error), origin)
        if state.pending_action is not None:
            state.pending_action.kind = kind
        self.sessions.save(state)
        return self._reply(state, turn, intent="add")

    def is_private(self, session_id: str, message: str, shopper_id: str | None = None) -> bool:
        """Whether a message is about a cart, an order or a checkout (answered only by DM)."""
        state = self.sessions.load(session_id, shopper_id)
        return self.planner.plan(state, message).intent in PRIVATE_INTENTS

    # ---- one turn -----------------------------------------------------------------------------
    def _cart_products(self, state: DialogueState) -> list[str]:
        return [line.product_id for line in self.commerce.get_cart(state.shopper_id).lines]

    def _reply(self, state: DialogueState, turn: Turn, intent: str) -> Reply:
        cart: CartView = self.commerce.get_cart(state.shopper_id)
        report = self._ground(state, turn, cart)
        citations = [Citation(id=pid, kind="product") for pid in dict.fromkeys(turn.products)]
        citations += [Citation(id=rid, kind="review") for rid in dict.fromkeys(turn.reviews)]
        return Reply(
            text=turn.text,
            products=list(dict.fromkeys(turn.products)),
            citations=citations,
            cart=ReplyCart.of(cart),
            pending_checkout=state.pending_checkout,
            orders=turn.orders,
            intent=intent,
            grounding=Grounding(**report.model_dump(), **(turn.note or {})),
        )

    def _llm_turn(
        self, state: DialogueState, plan: Plan, message: str, origin: Origin
    ) -> tuple[Turn | None, dict[str, Any] | None]:
        """The model plans and writes; figures it cannot back are removed, or the template
        answer is used. None means the rule planner should take the turn."""
        assert self.llm_planner is not None
        tools = shop_tools(self.services.retriever, self.services.catalogue) + cart_tools(
            self.commerce, state.shopper_id, origin
        )
        shown = ", ".join(
            f"{i}. [{pid}] {self._name(pid)}" for i, pid in enumerate(state.shown[:SHOW], start=1)
        )
        context = f"Products the shopper was last shown: {shown}." if shown else ""
        try:
            agent_turn = self.llm_planner.run(
                message, tools, allow_changes=plan.intent in CART_CHANGING, context=context
            )
        except PlannerUnavailable as exc:
            return None, {"planner": "rule (llm failed)", "llm_error": str(exc)[:200]}
        rendered = [self._render_call(state, name, result) for name, _, result in agent_turn.calls]
        products = [pid for turn in rendered for pid in turn.products]
        reviews = [rid for turn in rendered for rid in turn.reviews]
        template = Turn(
            text="\n".join(turn.text for turn in rendered if turn.text),
            products=products,
            reviews=reviews,
            numbers=[n for turn in rendered for n in turn.numbers],
            data_texts=[t for turn in rendered for t in turn.data_texts],
        )
        draft = Turn(
            text=agent_turn.text,
            products=products,
            reviews=reviews,
            numbers=template.numbers,
            data_texts=template.data_texts,
        )
        cart = self.commerce.get_cart(state.shopper_id)
        report = self._ground(state, draft, cart)
        draft.text = strip_unsupported(draft.text, report).strip()
        # Prefer the template answer when the model's text had to be cut, and drop the model's
        # text entirely unless what is left passes the check on its own.
        fallback = not report.grounded and bool(template.text)
        if fallback:
            chosen = template
        elif draft.text and self._ground(state, draft, cart).grounded:
            chosen = draft
        else:  # nothing usable: the rule planner answers
            return None, {
                "planner": "rule (llm text unusable)",
                "raw_unsupported": report.unsupported,
            }
        chosen.note = {
            "planner": "llm",
            "raw_unsupported": report.unsupported,
            "fallback_to_template": fallback,
        }
        return chosen, None

    def _render_call(self, state: DialogueState, name: str, result: dict[str, Any]) -> Turn:
        """A tool result as the template answer would write it."""
        catalogue = self.services.catalogue
        if not result.get("ok"):
            return Turn(
                text=str(result.get("error", {}).get("message", "")),
                data_texts=[str(result.get("error", {}).get("message", ""))],
            )
        if name == "search_products":
            products = [catalogue.products[p["id"]] for p in result["products"]]
            self._show(state, [p.id for p in products])
            return Turn(text=answer.product_list(products), products=[p.id for p in products])
        if name == "product_details":
            state.focus = result["id"]
            return Turn(
                text=answer.product_details(catalogue.products[result["id"]]),
                products=[result["id"]],
            )
        if name == "review_summary":
            summary = ReviewAnswer.model_validate(result)
            state.focus = summary.product_id
            return _review_turn(catalogue.products[summary.product_id], summary)
        if name == "start_checkout":
            summary = CheckoutSummary.model_validate(result)
            state.pending_checkout = PendingCheckout(
                checkout_id=summary.checkout_id,
                total_minor=summary.totals.total_minor,
                currency=summary.totals.currency,
                cart_version=summary.cart_version,
            )
            return Turn(
                text=answer.checkout_text(summary),
                products=[line.product_id for line in summary.lines],
                data_texts=[describe_change(change) for change in summary.changes],
            )
        if name in {"add_to_cart", "update_cart_item", "remove_from_cart", "view_cart"}:
            if name != "view_cart":
                state.pending_checkout = None
            cart = CartView.model_validate(result)
            return Turn(
                text=answer.cart_text(cart), products=[line.product_id for line in cart.lines]
            )
        return self._order_turn(state, name, result)

    def _ground(self, state: DialogueState, turn: Turn, cart: CartView) -> GroundingReport:
        """Check the answer's figures and names against the data this turn used."""
        facts = facts_for(
            self.services.catalogue,
            turn.products,
            turn.reviews,
            prices=turn.prices,
            numbers=turn.numbers,
        )
        for line in cart.lines:
            facts.add_product(self.services.catalogue.products[line.product_id])
            facts.prices.add(line.unit_price_minor)
            facts.numbers.add(line.qty)
        facts.prices |= {
            cart.totals.subtotal_minor,
            cart.totals.shipping_minor,
            cart.totals.tax_minor,
            cart.totals.total_minor,
        }
        for order in self.commerce.list_orders(state.shopper_id)[:20]:
            facts.prices |= {
                order.totals.total_minor,
                order.totals.subtotal_minor,
                order.totals.shipping_minor,
            }
            facts.prices |= {line.unit_price_minor for line in order.lines}
            facts.numbers |= {line.qty for line in order.lines}
        for text in turn.data_texts:
            facts.add_numbers_in(text)
        report = check(turn.text, facts, self.services.catalogue)
        if not report.grounded:
            log.warning("answer has unsupported figures: %s", report.unsupported)
        return report

    def _carry_out(self, state: DialogueState, plan: Plan, message: str, origin: Origin) -> Turn:
        if plan.clarify:
            return Turn(text=plan.clarify, products=state.shown[:SHOW])
        if plan.intent == "confirm":
            if state.pending_checkout is None:
                return Turn(
                    text="There is nothing to confirm yet. Say «checkout» when your cart is ready."
                )
            return self._confirm(
                state,
                Confirmation(
                    source="shopper_reply", shopper_id=state.shopper_id, evidence=message[:2000]
                ),
                state.pending_checkout.checkout_id,
            )
        if plan.intent == "decline":
            had = state.pending_checkout is not None
            state.pending_checkout = None
            state.pending_action = None
            return Turn(
                text="OK, nothing was ordered. Your cart is kept."
                if had
                else "OK. What else can I help with?"
            )
        if plan.calls:
            return self._run_calls(state, plan, origin)
        handler = {
            "help": lambda: Turn(text=HELP),
            "out_of_scope": lambda: Turn(text=OUT_OF_SCOPE),
            "compare": lambda: self._compare(state, plan),
            "product_question": lambda: self._product_question(state, plan, message),
            "review_question": lambda: self._review_question(state, plan, message),
            "catalogue_question": lambda: self._catalogue_question(state, plan, message),
        }.get(plan.intent)
        try:
            if handler is not None:
                return handler()
            return self._search(state, plan, message)
        except QueryError as exc:
            return Turn(text=f"Sorry, I can't search for that: {exc}")

    def _run_calls(self, state: DialogueState, plan: Plan, origin: Origin) -> Turn:
        pending = state.pending_action
        if (
            pending
            and pending.origin
            and any(call.args.get("product_id") == pending.product_id for call in plan.calls)
        ):
            origin = Origin.model_validate(pending.origin)  # "the blue one" finishes that #cart
        tools = {tool.name: tool for tool in cart_tools(self.commerce, state.shopper_id, origin)}
        result: dict[str, Any] = {}
        for call in plan.calls:
            result = tools[call.name].invoke(call.args)
            if not result["ok"]:
                return self._tool_error(state, call.args, result["error"], origin)
        name = plan.calls[-1].name
        turn = self._render_call(state, name, result)
        if name in {"add_to_cart", "update_cart_item", "remove_from_cart", "view_cart"}:
            state.pending_action = None
            touched = [call.args["product_id"] for call in plan.calls if "product_id" in call.args]
            if touched:
                state.focus = touched[-1]
            verb = {
                "add_to_cart": "Added",
                "update_cart_item": "Updated",
                "remove_from_cart": "Removed",
                "view_cart": "",
            }[name]
            lead = f"{verb} {self._name(touched[-1])}. " if verb and touched else ""
            turn.text, turn.products = lead + turn.text, touched
        return turn

    def _order_turn(self, state: DialogueState, name: str, result: dict[str, Any]) -> Turn:
        if name == "order_status" and "orders" in result:
            orders = [OrderView.model_validate(item) for item in result["orders"]]
            if not orders:
                return Turn(text="You have no orders yet.")
            return Turn(
                text="\n".join(answer.order_text(order) for order in orders),
                products=[line.product_id for order in orders for line in order.lines],
            )
        if name == "return_items":
            receipt = ReturnReceipt.model_validate(result)
            return Turn(
                text=answer.return_text(receipt),
                prices=[receipt.refund_minor],
                numbers=[sum(receipt.items.values())],
            )
        order = OrderView.model_validate(result)
        state.last_order_id = order.order_id
        return Turn(
            text=answer.order_text(order), products=[line.product_id for line in order.lines]
        )

    def _tool_error(
        self,
        state: DialogueState,
        args: dict[str, Any],
        error: dict[str, Any],
        origin: Origin | None = None,
    ) -> Turn:
        """A refused cart action: say why and, for a variant question, ask which one."""
        text = error["message"][0].upper() + error["message"][1:] + "."
        if error["code"] in {"ambiguous_variant", "unknown_variant"} and error.get("choices"):
            state.pending_action = PendingAction(
                kind="add",
                product_id=args["product_id"],
                quantity=args.get("quantity"),
                origin=origin.model_dump() if origin else None,
            )
            state.focus = args["product_id"]
            choices = [
                ", ".join(c["options"].values()) + ("" if c["in_stock"] else " (out of stock)")
                for c in error["choices"]
            ]
            text += " Choices: " + "; ".join(choices) + "."
        return Turn(
            text=text,
            products=[args["product_id"]] if "product_id" in args else [],
            data_texts=[error["message"]],
        )

    def _confirm(self, state: DialogueState, confirmation: Confirmation, checkout_id: str) -> Turn:
        try:
            placed = self.commerce.confirm_checkout(checkout_id, confirmation)
        except CommerceError as error:
            state.pending_checkout = None
            return Turn(text=f"I couldn't place the order: {describe_error(error)}.")
        order = placed.order
        state.pending_checkout = None
        state.last_order_id = order.order_id
        # Reply.orders lists orders this turn created; a repeated confirmation created none.
        return Turn(
            text=answer.order_text(order, placed=placed.created),
            products=[line.product_id for line in order.lines],
            orders=[order.order_id] if placed.created else [],
        )

    # ---- read-only intents ----------------------------------------------------------------------
    def _name(self, product_id: str) -> str:
        product = self.services.catalogue.products.get(product_id)
        return f"{product.title} [{product.id}]" if product else product_id

    def _show(self, state: DialogueState, product_ids: list[str]) -> None:
        state.shown = product_ids
        state.focus = product_ids[0] if len(product_ids) == 1 else state.focus
        state.pending_action = None

    def _search(self, state: DialogueState, plan: Plan, message: str) -> Turn:
        words = shopping_words(message) if plan.intent == "recommend" else message
        result = self.services.retriever.search(
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
            self._show(state, ids[:3])
            return Turn(
                text=answer.not_carried(shopping_words(result.query_text) or message, products[:3]),
                products=ids[:3],
            )
        self._show(state, ids)
        intro = (
            "Here are my suggestions:" if plan.intent == "recommend" else "Here is what I found:"
        )
        text = answer.product_list(products, intro)
        if result.warnings:
            text += "\n" + "\n".join(result.warnings)
        return Turn(text=text, products=ids)

    def _targets(self, state: DialogueState, plan: Plan) -> list[str]:
        if plan.slots.references:
            return plan.slots.references
        return [state.focus] if state.focus else state.shown[:1]

    def _product_question(self, state: DialogueState, plan: Plan, message: str) -> Turn:
        targets = self._targets(state, plan)
        if not targets:
            if re.search(r"\b(first|second|third|last|it|this|that|one)\b", message, re.I):
                return Turn(
                    text="Which product do you mean? Search for it first, then ask "
                    "about «the first one» or «the second one»."
                )
            return self._search(state, plan, message)
        product = self.services.catalogue.products[targets[0]]
        state.focus = product.id
        if plan.slots.options:
            state.chosen_options = plan.slots.options
        if "tell me more" in message.lower() or "details" in message.lower():
            return Turn(text=answer.product_details(product), products=[product.id])
        facts = product_facts(product, message, plan.slots.options)
        return Turn(text=answer.attribute_answer(product, facts), products=[product.id])

    def _review_question(self, state: DialogueState, plan: Plan, message: str) -> Turn:
        targets = self._targets(state, plan)
        if not targets:
            return Turn(text="Which product's reviews? Search for it first, or name it.")
        product = self.services.catalogue.products[targets[0]]
        state.focus = product.id
        result = answer_about_reviews(
            self.services.retriever, self.services.catalogue, product.id, message
        )
        return _review_turn(product, result)

    def _compare(self, state: DialogueState, plan: Plan) -> Turn:
        ids = plan.slots.references if len(plan.slots.references) >= 2 else state.shown[:2]
        if len(ids) < 2:
            return Turn(
                text="Which products should I compare? Search first, then say e.g. "
                "«compare the first two»."
            )
        products = [self.services.catalogue.products[pid] for pid in ids[:3]]
        return Turn(text=answer.comparison_table(products), products=[p.id for p in products])

    def _catalogue_question(self, state: DialogueState, plan: Plan, message: str) -> Turn:
        kind = superlative_kind(message) or "count"
        figure = catalogue_figure(self.services.retriever, message, kind, plan.slots.filters)
        products = [self.services.catalogue.products[pid] for pid in figure.products[:SHOW]]
        text = figure_text(figure, products)
        figures = [figure.count, figure.in_stock]
        if products and kind != "count":
            self._show(state, [p.id for p in products[:3]])
            text += "\n" + answer.product_list(products[:3], "Top picks:")
        return Turn(text=text, products=[p.id for p in products[:3]], numbers=figures)
