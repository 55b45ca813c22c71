"""Shared fixtures: a five-product catalogue, fake and real embedders, and a network guard."""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["ANONYMIZED_TELEMETRY"] = "False"
# Trained evidence models built in this checkout must not change what tests see; the tests of
# the trained path ask for them explicitly.
os.environ["EVIDENCE_MODELS"] = "off"

from assistant.catalogue.loader import load_catalogue
from assistant.catalogue.models import Catalogue
from assistant.search.index import CatalogueIndex
from assistant.search.retrieval import Retriever
from assistant.settings import DEMO_CATALOGUE, Settings
from assistant.testing.fakes import FakeEmbedder

TINY_CATALOGUE = Path(__file__).parent / "fixtures" / "tiny"
SHARED_DATA = Path(
    os.environ.get("SHARED_DATA_DIR", Path(__file__).resolve().parents[2] / "shared" / "data")
)
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"

_real_connect = socket.socket.connect


def _guarded_connect(self: socket.socket, address: object) -> object:
    """Refuse any connection that leaves this machine: tests must never reach the network."""
    if isinstance(address, tuple) and address:
        host = str(address[0])
        try:
            allowed = ipaddress.ip_address(host).is_loopback
        except ValueError:
            allowed = host == "localhost"
        if not allowed:
            raise RuntimeError(f"test tried to reach {host}; tests must stay on loopback")
    return _real_connect(self, address)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test that would reach the network."""
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)


@pytest.fixture
def tiny_settings(tmp_path: Path) -> Settings:
    """Settings over the tiny catalogue with fake embeddings and a fresh index folder."""
    return Settings(
        catalogue_path=TINY_CATALOGUE,
        index_dir=tmp_path / "index",
        embedding_backend="fake",
        chroma_url=None,
        data_dir=tmp_path / "var",
        models_dir=tmp_path / "models",
        shared_data_dir=SHARED_DATA,
    )


@pytest.fixture
def tiny_catalogue() -> Catalogue:
    """The five-product fixture catalogue."""
    catalogue, report = load_catalogue(TINY_CATALOGUE)
    assert not report.errors
    return catalogue


@pytest.fixture
def tiny_retriever(tiny_settings: Settings, tiny_catalogue: Catalogue) -> Retriever:
    """Hybrid search over the tiny catalogue with fake embeddings."""
    embedder = FakeEmbedder()
    index = CatalogueIndex(tiny_settings, embedder)
    index.sync(tiny_catalogue, progress=False)
    return Retriever(tiny_catalogue, index, embedder)


@pytest.fixture(scope="session")
def real_embedder():
    """The packaged all-MiniLM-L6-v2, loaded once per test run."""
    from assistant.search.embeddings import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder()


@pytest.fixture(scope="session")
def demo_index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder for the demo catalogue's real index, shared by the end-to-end tests."""
    return tmp_path_factory.mktemp("demo-index")


@pytest.fixture(scope="session")
def demo_settings(demo_index_dir: Path) -> Settings:
    """Settings over the demo catalogue with the real model."""
    return Settings(
        catalogue_path=DEMO_CATALOGUE,
        index_dir=demo_index_dir,
        chroma_url=None,
        data_dir=demo_index_dir / "var",
        models_dir=demo_index_dir / "models",  # the untrained path; trained ones are tested apart
        shared_data_dir=SHARED_DATA,
    )


@pytest.fixture(scope="session")
def demo_assistant(demo_settings: Settings, real_embedder):
    """An Assistant over the demo catalogue with the real model and a real Chroma index."""
    from assistant.conversation.engine import Assistant
    from assistant.wiring import build_services

    services = build_services(demo_settings, embedder=real_embedder)
    return Assistant.from_settings(demo_settings, services=services)


@pytest.fixture(scope="module")
def own_store_assistant(demo_assistant, demo_settings, tmp_path_factory):
    """The demo Assistant's catalogue, model and index over a store of its own, for a module
    whose victims and attackers must not meet the other modules' shoppers."""
    from assistant.conversation.engine import Assistant

    settings = demo_settings.model_copy(update={"data_dir": tmp_path_factory.mktemp("store")})
    return Assistant.from_settings(settings, services=demo_assistant.services)


@pytest.fixture(scope="session")
def artifacts_dir() -> Iterator[Path]:
    """Where tests leave files worth keeping (screenshots, reports)."""
    ARTIFACTS.mkdir(exist_ok=True)
    yield ARTIFACTS


def needs_shared_data(*parts: str) -> pytest.MarkDecorator:
    """Skip cleanly when a shared data set is not on this machine."""
    path = SHARED_DATA.joinpath(*parts)
    return pytest.mark.skipif(not path.exists(), reason=f"{path} is absent")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A throw-away PostgreSQL server on loopback; skipped where PostgreSQL is not installed."""
    from assistant.testing.servers import PostgresUnavailable, throwaway_postgres

    try:
        with throwaway_postgres() as url:
            yield url
    except PostgresUnavailable as exc:
        pytest.skip(str(exc))


@pytest.fixture
def postgres_url(postgres_server: str) -> str:
    """A fresh, empty database on the throw-away server."""
    from assistant.testing.servers import create_database

    return create_database(postgres_server)


@pytest.fixture
def chroma_url(tmp_path: Path) -> Iterator[str]:
    """A throw-away `chroma run` server; skipped where the `chroma` command is missing."""
    from assistant.testing.servers import ChromaUnavailable, throwaway_chroma

    try:
        with throwaway_chroma(tmp_path / "chroma-server") as url:
            yield url
    except ChromaUnavailable as exc:
        pytest.skip(str(exc))
