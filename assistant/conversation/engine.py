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
    OrderView,
    Origin,
)
from assistant.conversation import shop_overview as overview
from assistant.conversation.answers import wording
from assistant.conversation.answers.compose import (
    Turn,
    result_turn,
)
from assistant.conversation.answers.grounding import GroundingReport, check_turn
from assistant.conversation.answers.price_in_cart import with_count_priced, with_units_in_cart
from assistant.conversation.cart_actions import (
    origin_of,
    refused,
    remember_taken_out,
    run_calls,
)
from assistant.conversation.checkout_turns import (
    ask_confirm,
    confirm,
    decline,
    shopper_confirms,
)
from assistant.conversation.kind_questions import KindQuestions
from assistant.conversation.llm.agent import LLMPlanner
from assistant.conversation.llm.turn import llm_turn
from assistant.conversation.privacy_screen import REFUSAL as ABOUT_OTHERS
from assistant.conversation.product_answers import ProductAnswers
from assistant.conversation.questions import CatalogueAnswers
from assistant.conversation.reply import Channel, Citation, Grounding, Reply, ReplyCart, StreamEvent
from assistant.conversation.safety import NO_DISCOUNT, screen, without_reported_injection
from assistant.conversation.smalltalk import ABOUT_ME, ABOUT_ME_ANSWER, smalltalk_answer
from assistant.conversation.state import (
    DialogueState,
    PendingCheckout,
    SessionStore,
    remember,
    remember_shown,
)
from assistant.conversation.tools import ToolContext, ToolFailure
from assistant.conversation.understanding.acts import ActClassifier, Request, without_greeting
from assistant.conversation.understanding.joins import SEARCHES
from assistant.conversation.understanding.planner import CART_CHANGING, RulePlanner, Step
from assistant.conversation.understanding.references import group_talked_about
from assistant.search import turn_vectors
from assistant.search.kinds import ProductKinds
from assistant.search.mentions import ProductMentions
from assistant.search.policies import PolicySearch
from assistant.search.retrieval import QueryError
from assistant.storage.engine import Store

if TYPE_CHECKING:
    from assistant.settings import Settings
    from assistant.wiring import Services

log = logging.getLogger(__name__)
OVERVIEW_ACTS = {
    "search",
    "catalogue_question",
    "help",
    "smalltalk",
    "product_question",
    "out_of_scope",
}

OUT_OF_SCOPE = (
    "Sorry, I can't help with that: I'm the shop's assistant. I can find products, answer "
    "questions about them and about our delivery, returns and privacy, and look after your "
    "cart and orders. Anything you're shopping for?"
)
# Messages about these are answered only in private (a DM, never a public reply).
PRIVATE_INTENTS = CART_CHANGING | {"view_cart", "order_status", "confirm", "decline"}
# Recognised by the engine itself, never planned by a model: the shopper's yes or no to a
# summary, and messages that need no tool.
MENTIONS_TALKED = 3  # products one message names that join those talked about
ENGINE_INTENTS = {"confirm", "decline", "ask_confirm", "help", "smalltalk", "out_of_scope"}


class Assistant:
    """The shop assistant; build it with `Assistant.from_settings()`."""

    def __init__(
        self,
        services: Services,
        store: Store,
        commerce: CommerceService,
        classifier: ActClassifier | None = None,
        llm_planner: LLMPlanner | None = None,
    ) -> None:
        self.services = services
        self.store = store
        self.commerce = commerce
        self.llm_planner = llm_planner
        self.sessions = SessionStore(store, commerce.clock)
        catalogue, retriever = services.catalogue, services.retriever
        classifier = classifier or ActClassifier(
            services.embedder, cache_dir=services.settings.index_dir
        )
        kinds = ProductKinds(catalogue, services.embedder)
        self.mentions = ProductMentions(catalogue)
        self.planner = RulePlanner(
            classifier, catalogue, retriever.vocabulary, self.mentions, kinds
        )
        self.policies = PolicySearch(services.embedder, services.index.policies_collection())
        self.catalogue_answers = CatalogueAnswers(
            catalogue,
            retriever,
            kinds,
            self.policies,
            commerce.rules.free_shipping_from_minor,
            commerce.clock,
        )
        self.product_answers = ProductAnswers(
            catalogue, retriever, commerce.clock, self.policies, self.mentions, kinds
        )
        self.kind_questions = KindQuestions(self.product_answers, self.catalogue_answers)

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
        with turn_vectors.one_turn():  # the message is embedded once, however often it is used
            return self._chat(session_id, message, channel, shopper_id, origin)

    def _chat(
        self,
        session_id: str,
        message: str,
        channel: Channel,
        shopper_id: str | None,
        origin: Origin | None,
    ) -> Reply:
        state = self.sessions.load(session_id, shopper_id)
        message = without_reported_injection(message)  # «that … review is weird. is it warm?»
        refusal = screen(message)
        if refusal is not None:  # nothing is planned or stored for such a message
            turn = Turn(text=refusal)
            if refusal == ABOUT_OTHERS:  # with the privacy rule it follows, cited
                self._focus_on_named(state, message)
                turn = overview.with_whose_purchases(turn, self.policies)
            elif refusal == NO_DISCOUNT:  # «… on the kyoto garden decaf», then «is it …?»
                self._focus_on_named(state, message)
                turn = overview.with_discount_rule(turn, self.policies)
            return self._reply(state, turn, intent="screened")
        if ABOUT_ME.search(without_greeting(message)):  # «hi! are you a real person?»
            turn = overview.with_contact_rule(Turn(text=ABOUT_ME_ANSWER), self.policies, message)
            return self._reply(state, turn, intent="smalltalk")
        cart, orders = self.commerce.cart_and_orders(state.shopper_id)
        in_cart = [line.product_id for line in cart.lines]
        has_order = bool(orders)
        requests = self.planner.requests(state, message, in_cart, has_order=has_order)
        acts = [request.act for request in requests]
        intent = "+".join(dict.fromkeys(acts))
        origin = origin or Origin(kind="chat", ref=f"{channel}:{session_id}#{state.turns}")
        turn, note = None, None
        if self.llm_planner is not None and not set(acts) & ENGINE_INTENTS:
            turn, note = llm_turn(
                self.llm_planner,
                self._tool_context(state, origin),
                state,
                message,
                allow_changes=bool(set(acts) & CART_CHANGING),
                ground=lambda draft: self._ground(state, draft),
            )
        if turn is None:
            turn, planned = self._carry_out_all(state, requests, origin, has_order, in_cart)
            turn.note = note
            intent = "+".join(dict.fromkeys(planned))  # what was done, not what was first heard
        state.end_turn(intent)
        self.sessions.save(state)
        return self._reply(state, turn, intent=intent)

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
        turn = confirm(
            self.commerce,
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
        options: dict[str, str] | None = None,
    ) -> Reply:
        """A refused add or Buy ("which size?", a sold-out version) becomes this session's
        open question, so the shopper's next answer ("the M") finishes it with the same
        origin and the options already said."""
        state = self.sessions.load(session_id, shopper_id)
        args: dict[str, Any] = {"product_id": error.details.get("product_id"), "quantity": quantity}
        args["options"] = options or {}
        tool = "buy_now" if kind == "buy" else "add_to_cart"
        turn = refused(state, args, ToolFailure.of(error), origin, tool)
        self.sessions.save(state)
        return self._reply(state, turn, intent="add")

    def added_elsewhere(
        self, session_id: str, shopper_id: str, before: CartView, after: CartView
    ) -> None:
        """An add made outside this conversation (a #cart under a post) becomes its last
        turn, so «same again» or «scratch that» in the DMs next reaches it."""
        state = self.sessions.load(session_id, shopper_id)
        remember_taken_out(state, before, after)
        state.end_turn("add")
        self.sessions.save(state)

    def show_products(
        self,
        session_id: str,
        shopper_id: str,
        product_ids: list[str],
        origin: Origin | None = None,
    ) -> None:
        """A conversation that starts beside products (a post's comments): "it" and "the
        first one" refer to them; an open "which one?" stays open. With `origin` (a #cart
        that asked which one), adding one of them later is credited to that post."""
        state = self.sessions.load(session_id, shopper_id)
        pending = state.pending_action
        known = [pid for pid in product_ids if pid in self.services.catalogue.products]
        remember_shown(state, known)
        if len(known) == 1:  # a post of one product: «it», «add size 11» mean that one
            state.focus = known[0]
        state.pending_action = pending
        state.shown_from = origin.model_dump(mode="json") if origin else None
        self.sessions.save(state)

    def pending_checkout(
        self, session_id: str, shopper_id: str | None = None
    ) -> PendingCheckout | None:
        """The summary this session's shopper has yet to confirm, if any."""
        return self.sessions.load(session_id, shopper_id).pending_checkout

    def is_private(self, session_id: str, message: str, shopper_id: str | None = None) -> bool:
        """Whether a message is about a cart, an order or a checkout (answered only by DM)."""
        state = self.sessions.load(session_id, shopper_id)
        requests = self.planner.requests(state, message, self._cart_products(state))
        return any(request.act in PRIVATE_INTENTS for request in requests)

    # ---- one turn -----------------------------------------------------------------------------
    def _focus_on_named(self, state: DialogueState, message: str) -> None:
        """A refused question about other shoppers of one named product still puts that
        product in focus: "ok, is it any good then?" is about it."""
        named = self.mentions.find(message)
        if len(named) == 1:
            state.focus = named[0].product_id
            self.sessions.save(state)

    def _priced_in_cart(self, state: DialogueState, step: Step, turn: Turn | None) -> Turn | None:
        """«how much is that» right after an add of several: what they come to as well;
        «how much would 4 of them cost?»: the count multiplied out."""
        if turn is None:
            return turn
        cart = self.commerce.get_cart(state.shopper_id)
        product = self.services.catalogue.products.get(state.focus or "")
        turn = with_count_priced(turn, step.text, product, cart)
        if state.last_intent not in {"add", "change"}:  # («I said 2 not 3», then «how much»)
            return turn
        return with_units_in_cart(turn, step.text, state.focus, cart)

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
        self,
        state: DialogueState,
        turn: Turn,
        seen: tuple[CartView, list[OrderView]] | None = None,
    ) -> GroundingReport:
        """Check the answer's figures and names against the data this turn used."""
        cart, orders = seen or self.commerce.cart_and_orders(state.shopper_id)
        report = check_turn(turn, self.services.catalogue, cart, orders)
        if not report.grounded:
            log.warning("answer has unsupported figures: %s", report.unsupported)
        return report

    def _reply(self, state: DialogueState, turn: Turn, intent: str) -> Reply:
        cart, orders = self.commerce.cart_and_orders(state.shopper_id)  # one read for both
        report = self._ground(state, turn, (cart, orders))
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

    def _carry_out_all(
        self,
        state: DialogueState,
        requests: list[Request],
        origin: Origin,
        has_order: bool,
        in_cart: list[str],
    ) -> tuple[Turn, list[str]]:
        """Each request planned against the state the previous one left, and carried out; a
        greeting beside a real request needs no answer. `in_cart`: the cart before the first."""
        turn, planned = Turn(text=""), []
        if len(requests) > 1:
            requests = [r for r in requests if r.act != "smalltalk"] or requests[:1]
        open_before = state.pending_action
        for request in requests:
            asked = state.pending_action is not None and state.pending_action is not open_before
            if asked and request.act == "checkout":
                break  # "add the mat and checkout" while "which colour?" is open: answer first
            if group := group_talked_about(request.text, state.shown, state.talked_about):
                state.shown = group  # «add both» of two asked about in turn: those, as a list
            step = self.planner.step(state, request, in_cart, has_order)
            if step.references.kind == "mention" and len(step.references.ids) <= MENTIONS_TALKED:
                state.talked_of(step.references.ids)  # «and the wildpine go? and the nova 500?»
            # («… under $70, and do you sell gift cards?»: the cars stay the list in view)
            step.more = any(r.act in SEARCHES for r in requests if r is not request)
            part = self._carry_out(state, step, origin)
            if not (turn.text and part.text in {OUT_OF_SCOPE, wording.HELP}):
                turn = turn.joined(part)  # not «… I'd like it before they arrive»: a remark
            planned.append(step.intent)
            if len(requests) > 1:  # the next request sees what this one did to the cart
                in_cart = self._cart_products(state)
        return turn, planned

    def _carry_out(self, state: DialogueState, step: Step, origin: Origin) -> Turn:
        if step.clarify and not step.calls:
            return Turn(text=step.clarify, products=step.clarify_about or state.shown[:5])
        handlers: dict[str, Callable[[], Turn]] = {
            "confirm": lambda: shopper_confirms(self.commerce, state, step.text),
            "ask_confirm": lambda: ask_confirm(state),
            "decline": lambda: decline(state),
            # "can i get oat milk from you?" heard as a plea for help: an honest no first
            "help": lambda: self.catalogue_answers.not_sold(step) or Turn(text=wording.HELP),
            "smalltalk": lambda: Turn(text=smalltalk_answer(step.text)),
            "out_of_scope": lambda: (
                self.catalogue_answers.not_sold(step) or Turn(text=OUT_OF_SCOPE)
            ),
            "compare": lambda: self.kind_questions.compare(state, step),
            "product_question": lambda: (
                self._priced_in_cart(
                    state, step, self.product_answers.product_question(state, step)
                )
                or self.catalogue_answers.search(state, step)
            ),
            "review_question": lambda: self.kind_questions.review_question(state, step),
            "catalogue_question": lambda: self.catalogue_answers.catalogue_question(state, step),
            "refine": lambda: self.catalogue_answers.refine(state, step),
            "policy_question": lambda: self.catalogue_answers.policy_question(
                state, step, self.commerce.get_cart(state.shopper_id)
            ),
            "recommend": lambda: self.catalogue_answers.recommend(state, step),
            "search": lambda: (
                self.product_answers.model_named_alone(state, step)
                or self.product_answers.figure_doubted(state, step)
                or self.catalogue_answers.search(state, step)
            ),
        }
        if step.intent in OVERVIEW_ACTS and overview.asks_what_we_sell(step.text):
            # "what … do you sell?"
            return overview.overview_turn(self.services.catalogue, self.policies)
        try:
            if step.calls:
                return self._run_calls(state, step, origin)
            return handlers.get(step.intent, lambda: self.catalogue_answers.search(state, step))()
        except QueryError as exc:
            return Turn(text=f"Sorry, I can't search for that: {exc}")

    def _run_calls(self, state: DialogueState, step: Step, origin: Origin) -> Turn:
        origin = origin_of(state, step, origin)  # "the blue one" finishes that #cart
        turn = run_calls(state, step, self._tool_context(state, origin))
        return self.product_answers.faster_shipping_rule(turn, step)
