"""«black» to «which one do you mean?» of a list: the one listed that comes in black, or,
when several do, the list narrowed to black (never «we don't sell black»)."""

from __future__ import annotations

from assistant.catalogue.models import Catalogue, Product
from assistant.conversation.state import DialogueState
from assistant.conversation.understanding.acts import Request
from assistant.conversation.understanding.narrowing import only_filters


def picked_by_its_version(
    requests: list[Request], state: DialogueState, catalogue: Catalogue, versions: set[str]
) -> list[Request]:
    """The request a bare version answers an open «which one?» of the list in view with."""
    asked = state.asked_which_listed
    if not asked or len(requests) != 1 or not only_filters(requests[0].text, versions):
        return requests
    text, confidence = requests[0].text, requests[0].confidence
    listed = [catalogue.products[p] for p in state.shown if p in catalogue.products]
    fitting = [product for product in listed if _comes_in(product, text)]
    if len(fitting) == 1:  # the charger, of five things listed, is the one in black
        return [Request(f"{fitting[0].title}, {text}", asked, confidence)]
    if fitting and state.last_search:  # several do: the search again, in that version
        return [Request(f"{state.last_search}, {text}", "search", confidence)]
    return requests


def _comes_in(product: Product, text: str) -> bool:
    """Whether a product has a version in stock with every option the text names."""
    named = product.options_named_in(text)
    return bool(named) and any(
        variant.stock > 0 and all(variant.options.get(k) == v for k, v in named.items())
        for variant in product.variants
    )
