"""«theragun? my legs are wrecked after runs»: a well-known make the shop does not sell, asked
for by its name, is a search (the reply says we lack it and shows the nearest kind), not a
question about a product in view."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.catalogue.models import Catalogue
from assistant.conversation.understanding.acts import Request
from assistant.search.famous_makes import wanted_make
from assistant.search.kinds import ASKING

# acts a bare «theragun?» may be heard as
_HEARD_AS_A_QUESTION = frozenset({"review_question", "product_question", "help", "smalltalk"})


def brands_of(catalogue: Catalogue) -> frozenset[str]:
    """The makes the shop sells, lower-cased (for `makes_asked_for`, built once)."""
    return frozenset(product.brand.lower() for product in catalogue.products.values())


def makes_asked_for(requests: list[Request], brands: frozenset[str]) -> list[Request]:
    """The requests, a question that asks for a make we lack (none of `brands`) by its name
    made a search."""
    return [
        replace(request, act="search", text=_as_asked(request.text))
        if request.act in _HEARD_AS_A_QUESTION
        and (make := wanted_make(request.text))
        and not any(make[0] in brand for brand in brands)
        and _asked_by_name(request.text, make[0])
        else request
        for request in requests
    ]


def _asked_by_name(text: str, make: str) -> bool:
    """Whether the make is asked for («theragun?», «do you have a yeti?»), not said in a
    remark («ugg seriously», «beats me»)."""
    return bool(re.search(rf"\b{re.escape(make)}s?\s*\?", text, re.I)) or bool(
        ASKING.search(text.lower().split(make)[0])
    )


def _as_asked(text: str) -> str:
    """«theragun?» as the question it stands for: «do you sell theragun?»."""
    return text if ASKING.search(text.split("?")[0]) else f"do you sell {text}"
