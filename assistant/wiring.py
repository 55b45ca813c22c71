"""Wire the parts one process needs (catalogue, embedder, index, retriever) from settings."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from langchain_core.embeddings import Embeddings
from sqlalchemy import MetaData

from assistant.catalogue.loader import LoadReport, load_catalogue
from assistant.catalogue.models import Catalogue
from assistant.search.embeddings import make_embedder
from assistant.search.index import CatalogueIndex, SyncStats
from assistant.search.retrieval import Retriever
from assistant.settings import Settings

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
    settings: Settings, progress: bool = False, embedder: Embeddings | None = None
) -> Services:
    """Load the catalogue, bring the index up to date (building it if needed) and open search."""
    catalogue, report = load_catalogue(settings.catalogue_path)
    if report.errors:
        log.warning("%s", report.summary())
    embedder = embedder or make_embedder(settings)
    index = CatalogueIndex(settings, embedder)
    stats = index.sync(catalogue, progress=progress)
    if stats.embedded or stats.deleted or stats.rebuilt_because:
        log.info("index: %s", stats.summary())
    retriever = Retriever(catalogue, index, embedder, settings.max_query_chars)
    return Services(settings, catalogue, report, embedder, index, retriever, stats)


def schema_metadata() -> MetaData:
    """The shared metadata with every feature's tables declared on it (for migrations)."""
    import assistant.channels.social.tables
    import assistant.commerce.tables
    import assistant.conversation.tables  # noqa: F401
    from assistant.storage.metadata import metadata

    return metadata
