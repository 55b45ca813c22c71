"""The Assistant of the Python API contract: one turn = state -> plan -> tools -> answer.

The shopper's message is screened, planned, carried out through the tools or answered from
data, checked against that data, and the dialogue state is stored. Checkout confirmation is
recognised here, from the shopper's own "yes" to the pending summary, and never delegated to
a planner or a tool.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from assistant.commerce import (
    CartView,
    CheckoutSummary,
    CommerceError,
    CommerceService,
    Confirmation,
    Origin,
)
from assistant.conversation.answers import wording
from assistant.conversation.answers.compose import (
    Turn,
    cart_change_turn,
    failure_turn,
    result_turn,
)
from assistant.conversation.answers.grounding import GroundingReport, check_turn
from assistant.conversation.answers.refusals import describe_error
from assistant.conversation.llm.agent import LLMPlanner
from assistant.conversation.llm.turn import llm_turn
from assistant.conversation.questions import Questions
from assistant.conversation.reply import Channel, Citation, Grounding, Reply, ReplyCart, StreamEvent
from assistant.conversation.safety import screen
from assistant.conversation.state import DialogueState, PendingAction, SessionStore, remember
from assistant.conversation.tools import REGISTRY, ToolContext, ToolFailure
from assistant.conversation.understanding.intents import IntentClassifier
from assistant.conversation.understanding.planner import CART_CHANGING, Plan, RulePlanner
from assistant.search.retrieval import QueryError
from assistant.storage.engine import Store

if TYPE_CHECKING:
    from assistant.settings import Settings
    from assistant.wiring import Services

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
# Messages about these are answered only in private (a DM, never a public reply).
PRIVATE_INTENTS = CART_CHANGING | {"view_cart", "order_status", "confirm", "decline"}
# Recognised by the engine itself, never planned by a model: the shopper's yes or no to a
# summary, and messages that need no tool.
ENGINE_INTENTS = {"confirm", "decline", "help", "out_of_scope"}
CART_LINE_TOOLS = {"add_to_cart", "update_cart_item", "change_variant", "remove_from_cart"}


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
        self.questions = Questions(services.catalogue, services.retriever)

    @classmethod
    def from_settings(
        cls,
        settings: Settings | None = None,
        progress: bool = False,
        services: Services | None = None,
    ) -> Assistant:
        """Embedded defaults, offline: catalogue, index, store and planner from settings."""
        from assistant.wiring import build_assistant

        return build_assistant(settings, progress=progress, services=services)

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
        origin = origin or Origin(kind="chat", ref=f"{channel}:{session_id}#{state.turns}")
        turn, note = None, None
        if self.llm_planner is not None and plan.intent not in ENGINE_INTENTS:
            turn, note = llm_turn(
                self.llm_planner,
                self._tool_context(state, origin),
                state,
                message,
                allow_changes=plan.intent in CART_CHANGING,
                ground=lambda draft: self._ground(state, draft),
            )
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
        remember(state, "start_checkout", summary)
        turn = result_turn("start_checkout", summary, self.services.catalogue)
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
        turn = self._refused(state, args, ToolFailure.of(error), origin, kind)
        self.sessions.save(state)
        return self._reply(state, turn, intent="add")

    def is_private(self, session_id: str, message: str, shopper_id: str | None = None) -> bool:
        """Whether a message is about a cart, an order or a checkout (answered only by DM)."""
        state = self.sessions.load(session_id, shopper_id)
        return self.planner.plan(state, message).intent in PRIVATE_INTENTS

    # ---- one turn -----------------------------------------------------------------------------
    def _cart_products(self, state: DialogueState) -> list[str]:
        return [line.product_id for line in self.commerce.get_cart(state.shopper_id).lines]

    def _tool_context(self, state: DialogueState, origin: Origin) -> ToolContext:
        return ToolContext(
            commerce=self.commerce,
            retriever=self.services.retriever,
            catalogue=self.services.catalogue,
            shopper_id=state.shopper_id,
            origin=origin,
        )

    def _ground(
        self, state: DialogueState, turn: Turn, cart: CartView | None = None
    ) -> GroundingReport:
        """Check the answer's figures and names against the data this turn used."""
        cart = cart or self.commerce.get_cart(state.shopper_id)
        report = check_turn(
            turn, self.services.catalogue, cart, self.commerce.list_orders(state.shopper_id)
        )
        if not report.grounded:
            log.warning("answer has unsupported figures: %s", report.unsupported)
        return report

    def _reply(self, state: DialogueState, turn: Turn, intent: str) -> Reply:
        cart = self.commerce.get_cart(state.shopper_id)
        report = self._ground(state, turn, cart)
        citations = [Citation(id=pid, kind="product") for pid in dict.fromkeys(turn.products)]
        citations += [Citation(id=rid, kind="review") for rid in dict.fromkeys(turn.reviews)]
        citations += [Citation(id=sid, kind="policy") for sid in dict.fromkeys(turn.policies)]
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

    def _carry_out(self, state: DialogueState, plan: Plan, message: str, origin: Origin) -> Turn:
        if plan.clarify:
            return Turn(text=plan.clarify, products=state.shown[:5])
        if plan.intent == "confirm":
            return self._shopper_confirms(state, message)
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
        handlers: dict[str, Callable[[], Turn]] = {
            "help": lambda: Turn(text=HELP),
            "out_of_scope": lambda: Turn(text=OUT_OF_SCOPE),
            "compare": lambda: self.questions.compare(state, plan),
            "product_question": lambda: self.questions.product_question(state, plan, message),
            "review_question": lambda: self.questions.review_question(state, plan, message),
            "catalogue_question": lambda: self.questions.catalogue_question(state, plan, message),
        }
        try:
            return handlers.get(plan.intent, lambda: self.questions.search(state, plan, message))()
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
        context = self._tool_context(state, origin)
        result = None
        for call in plan.calls:
            result = REGISTRY[call.name].run(context, call.args)
            if isinstance(result, ToolFailure):
                return self._refused(state, call.args, result, origin)
            remember(state, call.name, result)
        name = plan.calls[-1].name
        assert result is not None
        if name not in CART_LINE_TOOLS and name != "view_cart":
            return result_turn(name, result, self.services.catalogue)
        state.pending_action = None
        touched = [call.args["product_id"] for call in plan.calls if "product_id" in call.args]
        if touched:
            state.focus = touched[-1]
        catalogue = self.services.catalogue
        assert isinstance(result, CartView)
        return cart_change_turn(name, result, [catalogue.products[pid] for pid in touched])

    def _refused(
        self,
        state: DialogueState,
        args: dict[str, Any],
        failure: ToolFailure,
        origin: Origin | None = None,
        kind: str = "add",
    ) -> Turn:
        """A refused cart action: say why and, for a variant question, remember the question."""
        if failure.code in {"ambiguous_variant", "unknown_variant"} and failure.details.get(
            "choices"
        ):
            state.pending_action = PendingAction(
                kind=kind,
                product_id=args["product_id"],
                quantity=args.get("quantity"),
                origin=origin.model_dump() if origin else None,
            )
            state.focus = args["product_id"]
        return failure_turn(failure, args.get("product_id"))

    def _shopper_confirms(self, state: DialogueState, message: str) -> Turn:
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
            text=wording.order_text(order, placed=placed.created),
            products=[line.product_id for line in order.lines],
            orders=[order.order_id] if placed.created else [],
        )
