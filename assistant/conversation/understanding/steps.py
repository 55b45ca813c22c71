"""A planned request and the tool calls it makes."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from assistant.catalogue.models import Product
from assistant.conversation.state import DialogueState
from assistant.conversation.understanding.comparatives import FOR_THE_OTHER
from assistant.conversation.understanding.references import References
from assistant.conversation.understanding.slots import (
    Slots,
    extract_quantity,
    extract_slots,
    number_value,
    own_spans,
    quantities_before,
)
from assistant.conversation.understanding.trades import MEANT, replaced_product
from assistant.conversation.understanding.version_words import SOME_OF_THEM, options_it_comes_in
from assistant.search.filters import FilterVocabulary


class ToolCall(BaseModel):
    """One tool to call with its arguments."""

    name: str
    args: dict[str, Any] = Field(default_factory=dict)


class Step(BaseModel):
    """One request of a message, planned."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    intent: str
    text: str
    confidence: float
    slots: Slots
    references: References
    calls: list[ToolCall] = Field(default_factory=list)
    clarify: str | None = None
    clarify_about: list[str] = Field(default_factory=list)  # products the question names
    unsold: str | None = None  # «… and a loaf of bread» beside an add: a kind we do not sell
    more: bool = False  # another search in the same message («… also I need a pillow»)


_HOW_MANY_TO_WHICH = (
    "How many of them should change, and to which version? For example «change one of them "
    "to green»."
)


_WHY_AT_THE_END = re.compile(
    r",\s*(?:(?:my|her|his|our|their)\s+\w+|she|he|they|i)\s+(?:really\s+)?"
    r"(?:hates?|loves?|likes?|prefers?|wants?|can'?t stand|does ?n'?t like|do ?n'?t like)\b.*$",
    re.I,
)


def version_stock(product: Product, text: str, options: dict[str, str]) -> int:
    """Units in stock of the one version of a product these options name (0: none, or the
    text names two values of an option: «…to green, keep the other black»)."""
    text = _WHY_AT_THE_END.sub("", text)  # «…, my youngest hates navy»: why, no second version
    if any(len(values) > 1 for values in product.values_named_in(text).values()):
        return 0
    said = {name: value.lower() for name, value in options.items()}
    versions = [
        variant
        for variant in product.variants
        if all(variant.options.get(name, "").lower() == value for name, value in said.items())
    ]
    return versions[0].stock if len(versions) == 1 else 0


def change_calls(
    step: Step,
    args: dict[str, Any],
    in_cart: bool,
    stock: Callable[[dict[str, str]], int],
    added: dict[str, str] | None = None,
    held: int = 0,
) -> None:
    """A new quantity, a new variant ("make it black", "size L instead"), or both; `stock`
    says how many of the version some options name are in stock (0: none or unclear);
    `added`: the version last added, whose other options a part of it keeps; `held`: the
    units of it the last add put in, when known (0: not known)."""
    calls = []
    said = SOME_OF_THEM.findall(step.text)
    if said and step.slots.options:
        # «make one of them black» of the red small ones: black, small
        step.slots.options = {**(added or {}), **step.slots.options}
    # «one of them»; a bigger count only when fewer than the line holds («swap 2 of them to
    # the green» of the six just added)
    some = number_value(said[0]) if len(said) == 1 else None
    part = (some == 1 and step.slots.quantity in (None, 1)) or (some or 0) < held
    if step.slots.options and in_cart and part and some and stock(step.slots.options) >= some:
        # «change one of them to green»: that many out of the line, and back in green
        count = {"product_id": args["product_id"], "quantity": some}
        step.calls = [
            ToolCall(name="remove_from_cart", args=count),
            ToolCall(name="add_to_cart", args={**count, "options": step.slots.options}),
        ]
        return
    if said and step.slots.options:
        step.calls, step.clarify = [], _HOW_MANY_TO_WHICH  # never the whole line to one version
        return
    if step.slots.options and in_cart:
        calls.append(
            ToolCall(
                name="change_variant",
                args={"product_id": args["product_id"], "options": step.slots.options},
            )
        )
    if step.slots.quantity is not None:
        quantity_args = {"product_id": args["product_id"], "quantity": step.slots.quantity}
        if not calls and "options" in args and not in_cart:
            quantity_args["options"] = args["options"]
        calls.append(ToolCall(name="update_cart_item", args=quantity_args))
    if not calls:
        step.clarify = (
            "What should I change: the quantity (e.g. «make it 2») or the version "
            "(e.g. «make it black»)?"
        )
    step.calls = calls


_GROUP_WORDS = re.compile(
    r"\b(?:all\s+(?:of\s+)?(?:the\s+)?(?:two|three|four|2|3|4)|the\s+other\s+(?:two|three|2|3))\b",
    re.I,
)


_FOR_ALL_AT_THE_END = re.compile(
    r"\b(?:both|each|all(?: (?:two|three|four|of them))?)\s+(?:in\s+)?([^,.;!?]{1,40})\W*$", re.I
)
_SHARED_FIRST = re.compile(r"^([^-–:]{1,60}?)\s+[-–:]\s+\S")


def several_adds(
    products: Mapping[str, Product], step: Step, chosen: Mapping[str, str] | None = None
) -> list[ToolCall]:
    """ "Add the X in red and the Y": each named product with the options said with it
    (up to the next name: «the X in white, twin size, and the Y in beige, queen»), plus
    options said for all of them ("both for pixel 9") and those `chosen` before that it
    comes in («power bank that works with galaxy s24», then two named)."""
    phrases = step.references.phrases
    shared = step.text
    for phrase in phrases.values():
        shared = shared.replace(phrase, " ")
    calls = []
    # «…, all three pls, the voyagr in grey and the other two in olive»: how many products
    counted = _GROUP_WORDS.sub(lambda said: " " * len(said.group(0)), step.text)
    counts = quantities_before(counted, [phrases.get(pid, "") for pid in step.references.ids])
    spans = own_spans(counted, [phrases.get(pid, "") for pid in step.references.ids])
    # «one of each, small - red for the copperline and green for the verano»: small for both
    # «…, both in L», «…, all three in 1kg ground»: for each of them too
    said_first = _SHARED_FIRST.match(step.text) or _FOR_ALL_AT_THE_END.search(step.text)
    lead = said_first[1] if said_first else ""
    titles = " ".join(products[pid].title.lower() for pid in step.references.ids)
    if any(word in titles for word in re.findall(r"[a-z]{4,}", lead.lower())):
        lead = ""  # «the copperline in red - and the verano»: that one's own version
    overall = step.slots.quantity if counted == step.text else extract_quantity(counted)
    for pid, count, span in zip(step.references.ids, counts, spans, strict=True):
        product = products[pid]
        options = {
            **options_it_comes_in(product, dict(chosen or {})),
            **product.options_named_in(shared),
            **product.options_named_in(lead),
            **product.options_named_in(span),
        }
        quantity = count or (None if any(counts) else overall) or 1
        args: dict[str, Any] = {"product_id": pid, "quantity": quantity}
        if options:
            args["options"] = options
        calls.append(ToolCall(name="add_to_cart", args=args))
    return calls


def version_calls(
    tool: str, args: dict[str, Any], versions: list[tuple[dict[str, str], int | None]]
) -> list[ToolCall]:
    """One add (or removal) for each version the shopper listed, with the count said (an add
    of none said is one, a removal of none said the whole line); the rest of `args` shared."""
    calls = []
    for options, count in versions:
        call = ToolCall(name=tool, args={**args, "options": {**args.get("options", {}), **options}})
        if count or tool == "add_to_cart":
            call.args["quantity"] = count or 1
        calls.append(call)
    return calls


def order_calls(step: Step, state: DialogueState) -> None:
    """The order tool calls of an order request: status, cancel or return."""
    order_id = step.slots.order_id or state.last_order_id
    if step.intent == "order_status":
        args = {"order_id": step.slots.order_id} if step.slots.order_id else {}
        step.calls = [ToolCall(name="order_status", args=args)]
    elif order_id is None:
        step.calls = [ToolCall(name="order_status")]  # which order? list them to choose
        step.clarify = "Which order? Here are yours; tell me its id (it looks like ORD-…)."
    elif step.intent == "cancel_order":
        step.calls = [ToolCall(name="cancel_order", args={"order_id": order_id})]
    else:
        step.calls = [ToolCall(name="return_items", args={"order_id": order_id})]


def traded_out(
    step: Step, state: DialogueState, cart_products: list[str], product_id: str
) -> ToolCall | None:
    """The removal an add that trades lines makes («swap it for the kestrel tote»: out with
    the old), if it trades."""
    replaced = replaced_product(step.text, step.references, state, cart_products, product_id)
    if replaced is None:
        return None
    remove = ToolCall(name="remove_from_cart", args={"product_id": replaced})
    if step.calls and _SAME_VERSION.search(step.text) and not step.calls[-1].args.get("options"):
        # «no no, the nova 500, same size»: in the version the one traded out was added in
        kept = next((line.options for line in state.last_added if line.product_id == replaced), {})
        if kept:
            step.calls[-1].args["options"] = dict(kept)
    if FOR_THE_OTHER.search(step.text):  # «swap it for the other one»: as many out as in
        remove.args["quantity"] = step.calls[-1].args.get("quantity", 1)
    elif (
        (_SWAP_THEM.search(step.text) or MEANT.search(step.text))
        and step.slots.quantity is None
        and step.calls
    ):
        # «swap them for the dewleaf edge one», «no i meant the nimbus one»: as many in as
        # went out
        held = sum(line.qty for line in state.last_added if line.product_id == replaced)
        if held > 1:
            step.calls[-1].args["quantity"] = held
    return remove


_SAME_VERSION = re.compile(r"\bsame\s+(?:size|colou?r|version|one|model|edition)\b", re.I)
_SWAP_THEM = re.compile(
    r"\b(?:swap|replace|switch|exchange|change)\s+(?:them|those|these|both)\b", re.I
)


# what a request's bounds say of each thing it asks for; a category or colour is one part's
_SHARED_BOUNDS = ("min_price_minor", "max_price_minor", "min_rating", "in_stock", "vetted_seller")


def part_alone(step: Step, part: str, vocabulary: FilterVocabulary) -> Step:
    """One part of a request that asks for two kinds, named by nothing else, with its own
    filters («tent under 150 and sleeping bag under 60») and the request's price, rating and
    stock bounds where it says none («a charger and a mount, under $40 in all»)."""
    slots = extract_slots(part, vocabulary)
    whole, own = step.slots.filters, slots.filters
    inherited = {name: getattr(whole, name) for name in _SHARED_BOUNDS if not getattr(own, name)}
    slots.filters = own.model_copy(update=inherited)
    update = {"text": part, "references": References([], None), "slots": slots}
    return step.model_copy(update=update)
