"""«black» to «which one do you mean?» of a list: the one listed that comes in black, or,
when several do, the list narrowed to black (never «we don't sell black»)."""

from __future__ import annotations

from assistant.catalogue.models import Catalogue
from assistant.conversation.state import DialogueState
from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.narrowing import only_filters
from assistant.conversation.understanding.references import in_stock_in


def picked_by_its_version(
    requests: list[Request], state: DialogueState, catalogue: Catalogue, versions: set[str]
) -> list[Request]:
    """The request a bare version answers an open «which one?» of the list in view with."""
    asked = state.asked_which_listed
    if not asked or len(requests) != 1 or not only_filters(requests[0].text, versions):
        return requests
    text, confidence = requests[0].text, requests[0].confidence
    listed = [catalogue.products[p] for p in state.shown if p in catalogue.products]
    fitting = [
        product
        for product in listed
        if (named := product.options_named_in(text)) and in_stock_in(product, named)
    ]
    if len(fitting) == 1:  # the charger, of five things listed, is the one in black
        return [Request(f"{fitting[0].title}, {text}", asked, confidence)]
    if fitting and state.last_search:  # several do: the search again, in that version
        return [Request(f"{state.last_search}, {text}", "search", confidence)]
    return requests
