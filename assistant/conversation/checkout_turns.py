"""The shopper's answer to a checkout summary: yes places the order (once), no keeps the cart,
anything unsure asks again. Only the engine calls these, never a planner or a tool."""

from __future__ import annotations

from assistant.commerce import CommerceError, CommerceService, Confirmation
from assistant.conversation.answers import order_wording
from assistant.conversation.answers.compose import Turn
from assistant.conversation.answers.refusals import describe_error
from assistant.conversation.state import DialogueState
from assistant.money import format_minor

NOTHING_TO_CONFIRM = "There is nothing to confirm yet. Say «checkout» when your cart is ready."


def decline(state: DialogueState) -> Turn:
    """A no to the summary: nothing is ordered and the cart stays."""
    had = state.pending_checkout is not None
    state.pending_checkout = None
    state.pending_action = None
    return Turn(
        text="OK, nothing was ordered. Your cart is kept."
        if had
        else "OK. What else can I help with?"
    )


def ask_confirm(state: DialogueState) -> Turn:
    """An unsure answer: ask for a plain yes or no to the summary's total."""
    pending = state.pending_checkout
    if pending is None:
        return Turn(text=NOTHING_TO_CONFIRM)
    return Turn(
        text="Shall I place the order for "
        f"{format_minor(pending.total_minor, pending.currency)}? Reply «yes» to confirm, "
        "or «no» to keep shopping.",
        prices=[pending.total_minor],
    )


def shopper_confirms(commerce: CommerceService, state: DialogueState, message: str) -> Turn:
    """The shopper's own yes in the chat, recorded with their words as evidence."""
    if state.pending_checkout is None:
        return Turn(text=NOTHING_TO_CONFIRM)
    confirmation = Confirmation(
        source="shopper_reply", shopper_id=state.shopper_id, evidence=message[:2000]
    )
    return confirm(commerce, state, confirmation, state.pending_checkout.checkout_id)


def confirm(
    commerce: CommerceService,
    state: DialogueState,
    confirmation: Confirmation,
    checkout_id: str,
) -> Turn:
    """Place the order of one summary; the same confirmation again shows the same order."""
    try:
        placed = commerce.confirm_checkout(checkout_id, confirmation)
    except CommerceError as error:
        state.pending_checkout = None
        return Turn(text=f"I couldn't place the order: {describe_error(error)}.")
    order = placed.order
    state.pending_checkout = None
    state.last_order_id = order.order_id
    # Reply.orders lists orders this turn created; a repeated confirmation created none.
    return Turn(
        text=order_wording.order_text(order, placed=placed.created),
        products=[line.product_id for line in order.lines],
        orders=[order.order_id] if placed.created else [],
    )
