"""A shop app over a small catalogue for the MCP and ACP tests: the real model and store.

The app's dialogue-act classifier is borrowed from the session's demo assistant: training it
again costs tens of seconds and these tests never chat.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI

from assistant.channels.http.app import create_app
from assistant.clock import Clock
from assistant.commerce import CommerceService
from assistant.conversation.engine import Assistant
from assistant.settings import Settings
from assistant.storage.engine import Store
from assistant.wiring import build_commerce, build_services


def shop_app(
    catalogue_dir: Path,
    folder: Path,
    demo_assistant: Assistant,
    clock: Clock | None = None,
    **overrides: Any,
) -> tuple[FastAPI, Assistant, Settings]:
    """The HTTP app (no Gradio) over `catalogue_dir`, with its own index and store in `folder`;
    `clock` (e.g. a ManualClock) drives commerce and identity, for expiry tests."""
    settings = Settings(
        catalogue_path=catalogue_dir,
        index_dir=folder / "index",
        data_dir=folder / "var",
        chroma_url=None,
        **overrides,
    )
    services = build_services(settings, embedder=demo_assistant.services.embedder)
    if clock is None:
        commerce = build_commerce(settings, services.catalogue)
    else:
        store = Store(settings.resolved_database_url())
        commerce = CommerceService(store, services.catalogue, clock=clock)
    bot = Assistant(
        services, commerce.store, commerce, classifier=demo_assistant.planner.classifier
    )
    return create_app(bot, settings, with_ui=False), bot, settings
