"""Dialogue state per session, stored in the store's `sessions` table."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import delete, select, update

from assistant.clock import Clock, utcnow
from assistant.conversation.tables import sessions
from assistant.storage.engine import Store


class PendingAction(BaseModel):
    """An action waiting for a clarification (e.g. which variant to add)."""

    kind: str
    product_id: str
    quantity: int | None = None
    options: dict[str, str] = Field(default_factory=dict)  # options already said ("in grey")
    origin: dict[str, Any] | None = None  # the post or reply that started it, for attribution
    replaces: str | None = None  # «swap X for Y» waiting on Y's version: X goes once Y is in
    most: int | None = None  # «only 4 left»: what «add every one you have» then takes


class RemovedLine(BaseModel):
    """Units of one version taken out of the cart, so «put it back» can return them."""

    product_id: str
    options: dict[str, str] = Field(default_factory=dict)
    qty: int
    turn: int = 0  # the turn that took it out: «put it back» unnamed reaches only the last


REMOVED_KEPT = 5  # lines taken out that «put the tote back» still reaches


class PendingCheckout(BaseModel):
    """A summary shown to the shopper and waiting for their yes."""

    checkout_id: str
    total_minor: int
    currency: str
    cart_version: int
    # a Buy's summary of one item: «make it the 30ml instead» before the yes buys that version
    express: PendingAction | None = None


TALKED_ABOUT_KEPT = 10  # products talked about that «the first one you told me about» reaches


class DialogueState(BaseModel):
    """What the assistant remembers about one conversation."""

    session_id: str
    shopper_id: str
    shown: list[str] = Field(default_factory=list, description="Products last listed, in order.")
    shown_from: dict[str, Any] | None = None  # the post whose products are shown, for attribution
    focus: str | None = Field(None, description="The product being talked about.")
    chosen_options: dict[str, str] = Field(default_factory=dict)
    pending_checkout: PendingCheckout | None = None
    pending_action: PendingAction | None = None
    last_order_id: str | None = None
    language: str = "en"
    turns: int = 0
    last_intent: str | None = None
    asked_which: str | None = None  # the cart act that asked «which product?»: a name answers it
    asked_which_count: int | None = None  # its count: «add 3 of the echofox ones», «the zen»
    asked_which_listed: str | None = None  # the cart act that asked «which one?» of the list
    last_search: str | None = Field(
        None, description="The words of the last search, so «cheapest?» ranks all it matched."
    )
    last_suggested_for: str | None = Field(
        None, description="The words of the last ask for suggestions («something wooden?» adds)."
    )
    last_question: str | None = Field(
        None, description="The last question's words without the product it named."
    )
    last_policy_question: str | None = Field(
        None, description="The shop-policy question last answered, for «and what about…»."
    )
    picked_by_name: str | None = Field(
        None, description="A product a bare name and its options just put in the cart."
    )
    added_id: str | None = Field(None, description="The product last added with options.")
    added_options: dict[str, str] = Field(default_factory=dict)
    versions_added: dict[str, dict[str, str]] = Field(
        default_factory=dict,
        description="The version last added of each product, for «add another of the first one» "
        "after something else was added.",
    )
    removed_lines: list[RemovedLine] = Field(
        default_factory=list, description="Lines taken out lately, last last, for «put it back»."
    )
    last_cart_change: str | None = Field(
        None, description="What the last cart change did (add, remove), for «undo that»."
    )
    swapped_out: list[RemovedLine] = Field(
        default_factory=list,
        description="The units the last cart change swapped for another version of the same "
        "product, for «undo that» after «make it the red one».",
    )
    last_added: list[RemovedLine] = Field(
        default_factory=list,
        description="The units the last cart change added, for «scratch that».",
    )

    added_together: list[str] = Field(
        default_factory=list,
        description="Products one add named together, in order, for «3 of the first and 1 of "
        "the second» when no list was shown.",
    )
    party_size: int | None = Field(
        None,
        description="How many people the shopper buys for («for my 3 kids»), for a later «one "
        "for each kid».",
    )
    best_compared: tuple[str, int] | None = Field(
        None,
        description="The product a comparison named best and the turn it did, so «add that "
        "one» right after «X or Y, which has better battery?» is the winner, while «the cheaper "
        "one» and «and prices?» stay of the two.",
    )
    talked_about: list[str] = Field(
        default_factory=list,
        description="Products talked about one at a time, first talked about first, so «the "
        "first one you told me about» and «which of the two…?» reach back past the last list.",
    )

    def end_turn(self, intent: str) -> None:
        """Count the turn, remember its intent and the product it was about."""
        self.turns += 1
        self.last_intent = intent
        if self.focus and self.focus not in self.talked_about:
            self.talked_about = [*self.talked_about, self.focus][-TALKED_ABOUT_KEPT:]

    def talked_of(self, product_ids: list[str]) -> None:
        """Remember products the shopper named («and the wildpine go bottle? and the cairn
        gear nova 500?»), so a later «all three» reaches them."""
        new = [pid for pid in dict.fromkeys(product_ids) if pid not in self.talked_about]
        self.talked_about = [*self.talked_about, *new][-TALKED_ABOUT_KEPT:]

    def options_added(self, product_id: str) -> dict[str, str]:
        """The version of a product last added with options ({} for any other product)."""
        return self.added_options if self.added_id == product_id else {}


class SessionStore:
    """Load and save dialogue state; a new session starts empty."""

    def __init__(self, store: Store, clock: Clock = utcnow) -> None:
        self.store = store
        self.clock = clock

    def load(self, session_id: str, shopper_id: str | None = None) -> DialogueState:
        """The state of a session (new if unseen)."""
        with self.store.reading() as connection:
            row = connection.execute(
                select(sessions.c.state).where(sessions.c.id == session_id)
            ).scalar()
        if row is None:
            return DialogueState(session_id=session_id, shopper_id=shopper_id or session_id)
        state = DialogueState.model_validate(row)
        if shopper_id and state.shopper_id != shopper_id:
            # the same conversation now shops as another account (a guest's DMs once the handle
            # is linked): what it was shown stays, nothing of the old account's checkout or
            # orders does
            state.shopper_id = shopper_id
            state.pending_checkout = state.pending_action = state.last_order_id = None
        return state

    def save(self, state: DialogueState) -> None:
        """Store the state after a turn."""
        payload: dict[str, Any] = state.model_dump(mode="json")
        with self.store.transaction() as connection:
            changed = connection.execute(
                update(sessions)
                .where(sessions.c.id == state.session_id)
                .values(state=payload, updated_at=self.clock())
            )
            if changed.rowcount == 0:
                self.store.insert_if_absent(
                    connection,
                    sessions,
                    ["id"],
                    {
                        "id": state.session_id,
                        "shopper_id": state.shopper_id,
                        "state": payload,
                        "updated_at": self.clock(),
                    },
                )

    def forget(self, session_ids: list[str]) -> int:
        """Drop the dialogue state of sessions that ended (expired or signed out)."""
        with self.store.transaction() as connection:
            gone = connection.execute(delete(sessions).where(sessions.c.id.in_(session_ids)))
        return gone.rowcount


def remember_shown(state: DialogueState, product_ids: list[str]) -> None:
    """A list the shopper was shown: "the second one" refers back to it, and a product shown
    alone is the one "it" means."""
    state.shown = product_ids
    state.shown_from = None
    state.added_together = []  # a new list: «the first» is of it now
    state.focus = product_ids[0] if len(product_ids) == 1 else None
    state.pending_action = None


def remember(state: DialogueState, name: str, result: BaseModel) -> None:
    """What a tool's result changes in the dialogue: the list shown, the product in focus,
    the summary awaiting a yes, the last order."""
    from assistant.commerce import CheckoutSummary, OrderView
    from assistant.conversation.tools import OrderHistory, ProductList

    if isinstance(result, ProductList):
        remember_shown(state, [product.id for product in result.products])
    elif name in {"product_details", "review_summary"}:
        state.focus = getattr(result, "id", None) or getattr(result, "product_id", state.focus)
    elif isinstance(result, CheckoutSummary):
        bought = result.lines[0] if result.express and len(result.lines) == 1 else None
        state.pending_checkout = PendingCheckout(
            checkout_id=result.checkout_id,
            total_minor=result.totals.total_minor,
            currency=result.totals.currency,
            cart_version=result.cart_version,
            express=PendingAction(
                kind="buy",
                product_id=bought.product_id,
                quantity=bought.qty,
                options=bought.options,
                origin=bought.origin.model_dump(mode="json"),
            )
            if bought
            else None,
        )
    elif name in {"add_to_cart", "update_cart_item", "change_variant", "remove_from_cart"}:
        state.pending_checkout = None
    elif isinstance(result, OrderView):
        state.last_order_id = result.order_id
        # an order placed: nothing before it is undone («cancel it» is about the order)
        state.removed_lines, state.last_added, state.last_cart_change = [], [], None
    elif isinstance(result, OrderHistory) and len(result.orders) == 1:
        state.last_order_id = result.orders[0].order_id
