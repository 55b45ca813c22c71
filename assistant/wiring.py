"""The one place that builds every service from settings: catalogue, embedder, index,
retriever, store, commerce, planners and the Assistant. Entry points (app.py, the CLI, the
evaluation) call these; nothing else reads settings or builds services."""

from __future__ import annotations

import gc
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from langchain_core.embeddings import Embeddings
from sqlalchemy import MetaData

from assistant.catalogue.loader import LoadReport, load_catalogue
from assistant.catalogue.models import Catalogue
from assistant.search.artefacts import load_evidence_models
from assistant.search.embeddings import make_embedder
from assistant.search.index import CatalogueIndex, SyncStats
from assistant.search.retrieval import Retriever
from assistant.settings import Settings, offline_environment

if TYPE_CHECKING:
    from assistant.channels.social.hub import SocialHub
    from assistant.channels.social.platform import SimulatedApps
    from assistant.commerce import CommerceService
    from assistant.conversation.engine import Assistant
    from assistant.identity.service import Identity

log = logging.getLogger(__name__)


@dataclass
class Services:
    """Everything built once per process and shared by the CLI, the API and the assistant."""

    settings: Settings
    catalogue: Catalogue
    load_report: LoadReport
    embedder: Embeddings
    index: CatalogueIndex
    retriever: Retriever
    sync_stats: SyncStats


def build_services(
    settings: Settings,
    progress: bool = False,
    embedder: Embeddings | None = None,
    sync: bool = True,
) -> Services:
    """Load the catalogue, bring the index up to date (building it if needed) and open search;
    `sync=False` opens an index someone else keeps up to date (a worker's parent did)."""
    offline_environment()
    catalogue, report = load_catalogue(settings.catalogue_path)
    if report.errors:
        log.warning("%s", report.summary())
    embedder = embedder or make_embedder(settings)
    index = CatalogueIndex(settings, embedder)
    if sync:
        stats = index.sync(catalogue, progress=progress)
    else:
        index.collections()  # IndexMissingError, saying what to run, when it is not built
        stats = SyncStats()
    if stats.embedded or stats.deleted or stats.rebuilt_because:
        log.info("index: %s", stats.summary())
    models = load_evidence_models(
        settings.models_dir,
        getattr(embedder, "name", type(embedder).__name__),
        settings.evidence_models == "auto",
    )
    log.info("review evidence: %s", models.note)
    retriever = Retriever(catalogue, index, embedder, settings.max_query_chars, models)
    return Services(settings, catalogue, report, embedder, index, retriever, stats)


def build_commerce(settings: Settings, catalogue: Catalogue) -> CommerceService:
    """The commerce service over the settings' store and this catalogue."""
    from assistant.commerce import CommerceService
    from assistant.storage.engine import Store

    return CommerceService(Store(settings.resolved_database_url()), catalogue)


def build_assistant(
    settings: Settings | None = None, progress: bool = False, services: Services | None = None
) -> Assistant:
    """The Assistant over the settings' catalogue, index, store and planner."""
    from assistant.conversation.engine import Assistant
    from assistant.conversation.llm.agent import LLMPlanner
    from assistant.conversation.llm.backends import make_chat_model
    from assistant.search.aspects import vocabulary_of

    settings = settings or Settings()
    services = services or build_services(settings, progress=progress)
    commerce = build_commerce(settings, services.catalogue)
    model = make_chat_model(settings)
    llm_planner = LLMPlanner(model, settings.llm_max_steps) if model is not None else None
    assistant = Assistant(services, commerce.store, commerce, llm_planner=llm_planner)
    # Learned at start-up, not in some shopper's turn: the kinds' title vectors and the
    # review vocabulary (which words reviewers use, which name things).
    if assistant.planner.kinds is not None:
        assistant.planner.kinds.warm()
    vocabulary_of(services.catalogue)
    return assistant


def build_identity(
    bot: Assistant, settings: Settings, demo_shoppers: list[str] | None = None
) -> Identity:
    """Sessions, accounts and abuse limits over the assistant's store. Demo shoppers get
    accounts without a password (their names can never be registered by anyone else); a
    session that ends takes its dialogue state with it."""
    from assistant.channels.social.consent import shop_account
    from assistant.identity.service import Identity

    identity = Identity(
        bot.store, bot.commerce, settings, clock=bot.commerce.clock, on_forget=bot.sessions.forget
    )
    for handle in demo_shoppers or []:
        identity.accounts.seed(handle, shop_account(handle))
    return identity


def build_agent_identity(commerce: CommerceService, settings: Settings) -> Identity:
    """Sessions and limits for a process that serves agents without a chat (the stdio MCP
    server): the same rules over the commerce store, with no dialogue state to forget."""
    from assistant.identity.service import Identity

    return Identity(commerce.store, commerce, settings, clock=commerce.clock)


def build_simulated_apps(hub: SocialHub, settings: Settings) -> SimulatedApps:
    """The simulated apps as platforms: per-app secrets (configured, or random for this
    process), the shop's webhook that verifies their events, and their users' tokens."""
    import datetime as dt

    from assistant.channels.social.platform import SimulatedApps
    from assistant.channels.social.platform_repository import PlatformRepository
    from assistant.channels.social.webhook import ShopWebhook, app_secrets

    secrets = app_secrets(settings.social_app_secrets)
    repository = PlatformRepository(hub.bot.store)
    clock = hub.bot.commerce.clock
    webhook = ShopWebhook(hub, secrets, repository, settings.social_replay_window_s, clock)
    idle = dt.timedelta(minutes=settings.session_idle_minutes)
    return SimulatedApps(webhook, secrets, hub.content, repository, idle, settings.demo_mode, clock)


def schema_metadata() -> MetaData:
    """The shared metadata with every feature's tables declared on it (for migrations)."""
    import assistant.channels.acp.tables
    import assistant.channels.mcp.tables
    import assistant.channels.social.tables
    import assistant.commerce.tables
    import assistant.conversation.tables
    import assistant.identity.tables  # noqa: F401
    from assistant.storage.metadata import metadata

    return metadata


def settle_heap() -> None:
    """Once start-up is done: collect its garbage, then keep what is alive now (catalogue,
    index, models: they live as long as the process) out of the collector's sight."""
    # A full collection walks every tracked object: at 1,000 products (about 500,000 of
    # them) one took 335 ms inside a shopper's "yes". Frozen, later collections walk only
    # what the turns themselves create.
    gc.collect()
    gc.freeze()
