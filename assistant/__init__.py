"""Conversational shopping assistant: catalogue search, grounded answers, carts and orders."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.conversation.engine import Assistant, Reply

__all__ = ["Assistant", "Reply"]


def __getattr__(name: str) -> Any:
    # Imported lazily so that `import assistant` stays cheap (no torch, no chroma).
    if name in __all__:
        from assistant.conversation import engine as module

        return getattr(module, name)
    raise AttributeError(name)
