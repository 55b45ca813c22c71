"""Carrying out a planned step's tool calls: cart changes, checkout and orders, in order, with
a refused change turned into the open question the shopper's next answer finishes."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from assistant.commerce import CartView, Origin
from assistant.conversation.answers import money_wording, order_wording, wording
from assistant.conversation.answers.compose import (
    Turn,
    cart_change_turn,
    failure_turn,
    result_turn,
)
from assistant.conversation.answers.dates import day_text, parse_deadline
from assistant.conversation.state import (
    REMOVED_KEPT,
    DialogueState,
    PendingAction,
    RemovedLine,
    remember,
)
from assistant.conversation.tools import REGISTRY, ToolContext, ToolFailure
from assistant.conversation.understanding.planner import Step
from assistant.conversation.understanding.steps import ToolCall

# «I read that postage is free over a certain amount»: what the cart needs for it
_FREE_SHIPPING = re.compile(
    r"\bfree\b.{0,40}\b(?:shipping|postage|delivery)\b|"
    r"\b(?:shipping|postage|delivery)\b.{0,40}\bfree\b|\bships? free\b|"
    r"\bhow much more\b.{0,40}\bfree\b|\bspend\b.{0,30}\bfree\b",  # «… to get it free»
    re.I,
)
_CHARGED = re.compile(r"\b(?:charged|billed|charge me|pay anything|paid anything)\b", re.I)
CART_LINE_TOOLS = {"add_to_cart", "update_cart_item", "change_variant", "remove_from_cart"}
# A call to one of these answers, or replaces, an open "which one?" or "how many?" question;
# looking at orders or the cart in between leaves it open.
ANSWERS_PENDING = CART_LINE_TOOLS | {"buy_now", "start_checkout"}
# What the shopper's next answer completes when a tool asked "which one?" or "how many?".
PENDING_KIND = {"change_variant": "change", "update_cart_item": "change", "buy_now": "buy"}


def run_calls(state: DialogueState, step: Step, context: ToolContext) -> Turn:
    """Each call of the step in order; the cart after the last change, then other results;
    what the step took out of the cart is remembered, for «put it back»."""
    if not any(call.name in CART_LINE_TOOLS for call in step.calls):
        return _run_in_order(state, step, context)
    before = context.commerce.get_cart(context.shopper_id)
    turn = _run_in_order(state, step, context)
    remember_taken_out(state, before, context.commerce.get_cart(context.shopper_id))
    return turn


def _run_in_order(state: DialogueState, step: Step, context: ToolContext) -> Turn:
    """Each call of the step in order; the cart after the last change, then other results."""
    catalogue = context.catalogue
    if any(call.name in ANSWERS_PENDING for call in step.calls):
        state.pending_action = None  # the open "which one?" is answered or given up
    turn, cart, changes = Turn(text=""), None, []
    unadded = False  # an add of this step failed (it asked "which one?")
    notes = _unsold(step)  # what was picked for the shopper (or we lack), said before the cart
    trading = any(call.name == "remove_from_cart" for call in step.calls)
    for call in step.calls:
        if unadded and call.name == "remove_from_cart":
            _remove_once_added(state, call.args["product_id"])
            continue  # "swap mine for that one": the old line stays until the new one is in
        result = _run(call, context, notes, trading)
        if isinstance(result, ToolFailure):
            turn = turn.joined(refused(state, call.args, result, context.origin, call.name))
            unadded = unadded or call.name == "add_to_cart"
            if _goes_on_after_refusal(call, step):
                continue
            break
        remember(state, call.name, result)
        _remember_version(state, call.name, call.args)
        if call.name in CART_LINE_TOOLS or call.name == "view_cart":
            cart = result
            if "product_id" in call.args:
                changes.append((call.name, catalogue.products[call.args["product_id"]]))
        else:
            done = result_turn(call.name, result, catalogue)
            if step.clarify:
                done.text = f"{step.clarify}\n{done.text}"
            if call.name == "order_status":
                done.text += _status_notes(state, step.text, result, context)
            turn = turn.joined(done)
    if cart is None:
        return turn
    assert isinstance(cart, CartView)
    if changes:
        # «swap it for X», «no i meant X»: the one that came in, not the one taken out
        kept = [product for name, product in changes if name != "remove_from_cart"]
        state.focus = (kept or [changes[-1][1]])[-1].id
    shown = cart_change_turn(cart, changes)
    shown.text = "\n".join([*notes, shown.text])
    _add_free_shipping_note(shown, cart, changes, step.text, context)
    return shown.joined(turn)


def _goes_on_after_refusal(call: ToolCall, step: Step) -> bool:
    """Whether the step's later calls still run when this one is refused: «add X and Y» (Y is
    added when X needs a choice), «2 each» (a line short of stock keeps the others' counts)."""
    return call.name == "add_to_cart" or all(c.name == "update_cart_item" for c in step.calls)


def remember_taken_out(state: DialogueState, before: CartView, after: CartView) -> None:
    """The units a step took out of the cart (for «put it back»), those it added (for
    «scratch that») and which it did."""
    taken, grown = _less(before, after, state.turns), _less(after, before, state.turns)
    # «make it the red one»: a version swapped, nothing taken out to put back (but «undo
    # that» brings the old version back)
    swapped = {g.product_id for g in grown}
    state.swapped_out = [line for line in taken if line.product_id in swapped]
    taken = [line for line in taken if line.product_id not in swapped]
    if taken:
        state.removed_lines = [*state.removed_lines, *taken][-REMOVED_KEPT:]
    # («add both in XL, the kestrel in navy and the threadwell in olive» in two steps: both)
    earlier = [line for line in state.last_added if line.turn == state.turns] if grown else []
    state.last_added = [*earlier, *grown]
    state.last_cart_change = "remove" if taken and not grown else "add" if grown else None


def _less(more: CartView, fewer: CartView, turn: int) -> list[RemovedLine]:
    """The units of each version that `more` holds beyond `fewer`."""
    left = {line.variant_id: line.qty for line in fewer.lines}
    return [
        RemovedLine(
            product_id=line.product_id,
            options=dict(line.options),
            qty=line.qty - left.get(line.variant_id, 0),
            turn=turn,
        )
        for line in more.lines
        if left.get(line.variant_id, 0) < line.qty
    ]


def _unsold(step: Step) -> list[str]:
    """«… and a loaf of sourdough bread» beside an add: said, not passed over in silence."""
    return [f"Sorry, we don't sell {step.unsold}."] if step.unsold else []


def _run(call: ToolCall, context: ToolContext, notes: list[str], trading: bool) -> Any:
    """One tool call; an add that lists versions of which one is in stock takes that one,
    unless it trades a cart line (a version the shopper did not pick never replaces one)."""
    result = REGISTRY[call.name].run(context, call.args)
    if call.name == "add_to_cart" and not trading and (only := _the_one_in_stock(result)):
        call.args = {**call.args, "options": only}  # «green»: the green one left in stock
        result = REGISTRY[call.name].run(context, call.args)
        notes.append(wording.only_one_in_stock(only))
    return result


def _the_one_in_stock(result: object) -> dict[str, str] | None:
    """The options of the only version in stock among those a «which one?» lists."""
    if not isinstance(result, ToolFailure) or result.code != "ambiguous_variant":
        return None
    in_stock = [choice for choice in result.details.get("choices") or [] if choice["in_stock"]]
    return dict(in_stock[0]["options"]) if len(in_stock) == 1 else None


def _status_notes(state: DialogueState, text: str, result: object, context: ToolContext) -> str:
    """What an order-status answer adds: the summary still waiting («did i just buy it?»),
    that nothing is charged («will I get charged anything?»), how many orders were placed
    («did that go through twice?»), and whether it arrives by a day asked."""
    notes = ""
    if state.pending_checkout is not None:
        notes += "\n" + order_wording.CHECKOUT_WAITING
    if _CHARGED.search(text):
        notes += "\n" + order_wording.NOT_CHARGED
    notes += by_the_date(result, text, context.commerce.clock().date())
    if order_wording.PLACED_TWICE.search(text) and (
        placed := context.commerce.list_orders(context.shopper_id)
    ):
        notes += "\n" + order_wording.orders_placed(len(placed))
    return notes


def by_the_date(result: object, text: str, today: dt.date) -> str:
    """«will it arrive by tomorrow?» once ordered: the latest estimate against that day."""
    orders = getattr(result, "orders", None) or [result]
    dates = [o.estimated_delivery for o in orders if getattr(o, "status", "") in _ON_THE_WAY]
    deadline = parse_deadline(text, today) if dates else None
    if deadline is None:
        return ""
    latest = max(dates)
    in_time = latest <= deadline
    verdict = "so it should arrive in time" if in_time else "so it won't arrive by then"
    return f"\nBy {day_text(deadline)}? Estimated delivery {day_text(latest)}, {verdict}."


_ON_THE_WAY = {"processing", "shipped"}


def _add_free_shipping_note(
    turn: Turn, cart: CartView, changes: list, text: str, context: ToolContext
) -> None:
    """What the cart needs to ship free, when the shopper asks about free shipping."""
    if changes or not _FREE_SHIPPING.search(text):
        return
    threshold = context.commerce.rules.free_shipping_from_minor  # «isn't postage free?»
    turn.text += "\n" + money_wording.free_shipping_gap(cart, threshold)
    turn.prices += [max(threshold - cart.totals.subtotal_minor, 0)]


def _remove_once_added(state: DialogueState, product_id: str) -> None:
    """A trade whose new product asked «which one?»: the old line goes when it is answered."""
    if state.pending_action and state.pending_action.kind == "add":
        state.pending_action.replaces = product_id


def _remember_version(state: DialogueState, name: str, args: dict) -> None:
    """The version just added or chosen: "add another one" is that version, of no other."""
    if name in {"add_to_cart", "change_variant"} and args.get("options"):
        options = dict(args["options"])
        if name == "change_variant":  # «the other colour» of a case for an iPhone 16: still 16
            options = {**state.versions_added.get(args["product_id"], {}), **options}
        state.added_id, state.added_options = args["product_id"], options
        state.versions_added[args["product_id"]] = options


def origin_of(state: DialogueState, step: Step, default: Origin) -> Origin:
    """Where the change comes from: the #cart or Buy whose "which one?" this step answers."""
    pending = state.pending_action
    if (
        pending
        and pending.origin
        and any(call.args.get("product_id") == pending.product_id for call in step.calls)
    ):
        return Origin.model_validate(pending.origin)
    if state.shown_from and any(  # «the night cream, 30ml» answers the #cart's «which one?»
        call.name == "add_to_cart" and call.args.get("product_id") in state.shown
        for call in step.calls
    ):
        return Origin.model_validate(state.shown_from)
    return default


def refused(
    state: DialogueState,
    args: dict[str, Any],
    failure: ToolFailure,
    origin: Origin | None = None,
    tool: str = "add_to_cart",
) -> Turn:
    """A refused cart action: say why and remember the open question, so the shopper's
    answer ("the M", "ok 10 then") finishes it."""
    asks = failure.code in {"ambiguous_variant", "unknown_variant"} and bool(
        failure.details.get("choices")
    )
    too_many = failure.code == "invalid_quantity" and failure.details.get("reason") == "too_many"
    sold_out = failure.code == "out_of_stock"  # "black then" picks another version
    too_few = failure.details.get("reason") == "too_few"  # «add 0 …», then «ok add -2 then»
    if (asks or too_many or sold_out or too_few) and args.get("product_id"):
        state.focus = args["product_id"]
    if (asks or too_many or sold_out) and args.get("product_id"):
        state.pending_action = PendingAction(
            kind=PENDING_KIND.get(tool, "add"),
            product_id=args["product_id"],
            quantity=None if too_many else args.get("quantity"),
            # kept when sold out too: "black then" changes the colour, not the model said
            options=args.get("options") or {},
            origin=origin.model_dump() if origin else None,
            most=_most_to_take(failure, sold_out, too_many),
        )
    return failure_turn(failure, args.get("product_id"))


def _most_to_take(failure: ToolFailure, sold_out: bool, too_many: bool) -> int | None:
    """What «add every one you have» (the stock left) or «do the max then» (the per-order
    limit) takes after this refusal."""
    if sold_out:
        return failure.details.get("available") or None
    return failure.details.get("limit") or None if too_many else None
