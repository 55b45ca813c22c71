"""The app factory: middleware, error handlers and one router per area over one Assistant."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from assistant.channels.acp.routes import mount_acp
from assistant.channels.http.browser_session import BrowserSession
from assistant.channels.http.dependencies import HttpServices
from assistant.channels.http.errors import install_error_handlers
from assistant.channels.http.guards import BodySizeLimit
from assistant.channels.http.headers import SecurityHeaders
from assistant.channels.http.routers import account, cart, catalogue, chat, widget
from assistant.channels.http.sessions import SESSION_HEADER
from assistant.channels.mcp.server import mount_mcp
from assistant.channels.social import routes as social
from assistant.channels.social.hub import SocialHub
from assistant.conversation.engine import Assistant
from assistant.settings import Settings, get_settings
from assistant.wiring import build_identity, build_simulated_apps

LOCALHOST_ORIGINS = r"^https?://(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$"


def create_app(
    bot: Assistant,
    settings: Settings | None = None,
    with_ui: bool = True,
    with_mcp_http: bool = True,
) -> FastAPI:
    """The HTTP app over one Assistant, with the Gradio app mounted at `/`; without
    `with_mcp_http`, `/mcp` answers 503 (its sessions cannot span worker processes)."""
    settings = settings or get_settings()
    app = FastAPI(
        title="ShopAssist",
        version="0.1.0",
        description="Conversational shopping assistant: chat, catalogue and orders.",
    )
    hub = SocialHub(bot)
    identity = build_identity(bot, settings, demo_shoppers=hub.content.shoppers)
    services = HttpServices(
        bot=bot,
        settings=settings,
        identity=identity,
        social=hub,
        apps=build_simulated_apps(hub, settings),
    )
    services.install(app)
    install_error_handlers(app)
    _add_middleware(app, settings)
    for area in (widget, chat, account, catalogue, cart, social):
        app.include_router(area.router)
    # Other agents: MCP at /mcp (streamable HTTP) and the ACP checkout API at /acp.
    mount_mcp(app, bot.commerce, bot.services.retriever, identity, settings, with_mcp_http)
    mount_acp(app, bot.commerce, identity, settings)
    if with_ui:
        from assistant.channels.ui.blocks import mount_ui  # Gradio is heavy: only when wanted

        mount_ui(app, services)
    return app


def _add_middleware(app: FastAPI, settings: Settings) -> None:
    """CORS for the allowed origins (localhost when none are set), the body-size limit and the
    security headers."""
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.allowed_origins,
        allow_origin_regex=None if settings.allowed_origins else LOCALHOST_ORIGINS,
        allow_methods=["GET", "POST"],
        allow_headers=["content-type", "authorization", SESSION_HEADER],
        allow_credentials=True,
    )
    app.add_middleware(BodySizeLimit, limit=settings.max_body_bytes)
    app.add_middleware(BrowserSession, settings=settings)
    app.add_middleware(SecurityHeaders, settings=settings)
