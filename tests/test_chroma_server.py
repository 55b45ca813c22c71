"""CHROMA_URL switches the index to chromadb.HttpClient: tested against a real `chroma run`."""

from __future__ import annotations

import pytest

from assistant.search.index import CatalogueIndex, policy_texts
from assistant.search.passages import review_units
from assistant.search.retrieval import Retriever
from assistant.testing.fakes import FakeEmbedder
from assistant.testing.servers import free_port

POLICIES = len(policy_texts())  # policy sections and sentences are indexed beside the catalogue

pytestmark = pytest.mark.slow


def test_index_and_search_through_a_chroma_server(chroma_url, tiny_settings, tiny_catalogue):
    settings = tiny_settings.model_copy(update={"chroma_url": chroma_url})
    index = CatalogueIndex(settings, FakeEmbedder())
    assert type(index.client).__name__ != "PersistentClient"
    units = sum(len(review_units(review)) for review in tiny_catalogue.reviews.values())
    assert index.sync(tiny_catalogue, progress=False).embedded == 5 + units + POLICIES
    assert not settings.index_dir.exists()  # nothing was written locally

    again = CatalogueIndex(settings, FakeEmbedder()).sync(tiny_catalogue, progress=False)
    assert again.embedded == 0 and again.unchanged == 5 + units + POLICIES

    retriever = Retriever(tiny_catalogue, index, FakeEmbedder())
    assert retriever.search("cast iron skillet", mode="dense").hits[0].product.id == "T4"


def test_unreachable_server_is_a_clear_error(tiny_settings):
    settings = tiny_settings.model_copy(update={"chroma_url": f"http://127.0.0.1:{free_port()}"})
    with pytest.raises(ConnectionError, match="cannot reach the Chroma server"):
        CatalogueIndex(settings, FakeEmbedder())
