"""A Buy's summary changed before the yes: «hmm actually make it the 30ml instead» buys that
version on its own again, and the cart stays as it was."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.catalogue.models import Catalogue
from assistant.conversation.state import DialogueState, PendingAction
from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.buying import CHANGE_WORDS
from assistant.conversation.understanding.slots import extract_quantity

_CHANGING = {"change", "add"}
# «no wait, just the one. sorry»: a count taken back, with no word of change
_COUNT_TAKEN_BACK = re.compile(
    r"^\W*(?:(?:no+|nah|wait|sorry|oops|actually|hmm+|hang on)\W+)+(?:just|only)\s+(?:the\s+)?"
    r"(?:one|\d{1,2}|two|three)\b(?!\s+(?:question|thing|sec|second|moment|min|minute|q)\b)"
    r"[^?]*$",  # not «wait, just one question: is it waterproof?»
    re.I,
)


def reopened_buy(
    state: DialogueState,
    request: Request,
    catalogue: Catalogue,
    names_another: Callable[[str, str], bool],
) -> Request:
    """The request as an add of the Buy waiting for its yes, in the version or count it now
    says (that Buy becomes the open action); the request itself when no Buy waits or it
    changes nothing of it."""
    if reopened := _reopened(state, request, catalogue, names_another):
        state.pending_action = reopened
        return Request(request.text, "add", request.confidence, implied=True)
    return request


def _reopened(
    state: DialogueState,
    request: Request,
    catalogue: Catalogue,
    names_another: Callable[[str, str], bool],
) -> PendingAction | None:
    bought = state.pending_checkout.express if state.pending_checkout else None
    if bought is None or state.pending_action is not None:
        return None
    said = request.text
    if request.act not in _CHANGING and not (
        CHANGE_WORDS.search(said) or _COUNT_TAKEN_BACK.search(said)
    ):
        return None
    product = catalogue.products.get(bought.product_id)
    if product is None or names_another(request.text, product.id):
        return None
    named = product.options_named_in(request.text)
    count = extract_quantity(request.text)
    if not named and count is None:
        return None
    return bought.model_copy(
        update={"quantity": count or bought.quantity, "options": {**bought.options, **named}}
    )
