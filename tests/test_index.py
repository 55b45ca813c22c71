import json

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.catalogue.models import Catalogue, Review
from assistant.search.index import (
    PASSAGES_COLLECTION,
    STATE_BUILDING,
    CatalogueIndex,
    IndexMissingError,
    policy_texts,
)
from assistant.search.passages import review_units
from assistant.testing.fakes import FakeEmbedder
from tests.conftest import TINY_CATALOGUE

POLICIES = len(policy_texts())  # policy sections and sentences are indexed beside the catalogue
TINY_REVIEWS = load_catalogue(TINY_CATALOGUE)[0].reviews.values()
UNITS = sum(len(review_units(review)) for review in TINY_REVIEWS)  # sentences, windows, whole


def test_first_build_embeds_everything_and_second_run_nothing(tiny_settings, tiny_catalogue):
    index = CatalogueIndex(tiny_settings, FakeEmbedder())
    first = index.sync(tiny_catalogue, progress=False)
    assert UNITS > 10  # every review is at least its whole text and one sentence
    assert first.embedded == 5 + UNITS + POLICIES and first.unchanged == 0
    second = index.sync(tiny_catalogue, progress=False)
    assert (second.embedded, second.deleted, second.unchanged) == (0, 0, 5 + UNITS + POLICIES)
    assert "re-embedded 0 items" in second.summary()


def test_only_changed_items_are_re_embedded(tiny_settings, tmp_path):
    folder = tmp_path / "cat"
    folder.mkdir()
    products = (TINY_CATALOGUE / "products.jsonl").read_text().splitlines()
    reviews = (TINY_CATALOGUE / "reviews.jsonl").read_text().splitlines()
    (folder / "products.jsonl").write_text("\n".join(products))
    (folder / "reviews.jsonl").write_text("\n".join(reviews))
    index = CatalogueIndex(tiny_settings, FakeEmbedder())
    index.sync(load_catalogue(folder)[0], progress=False)

    changed = json.loads(products[4]) | {"description": "Now with a gooseneck spout."}
    (folder / "products.jsonl").write_text("\n".join([*products[:4], json.dumps(changed)]))
    (folder / "reviews.jsonl").write_text("\n".join(reviews[:-1]))  # one review deleted
    deleted = Review.model_validate_json(reviews[-1])
    stats = index.sync(load_catalogue(folder)[0], progress=False)
    assert (stats.embedded, stats.deleted) == (1, len(review_units(deleted)))


def test_missing_index_is_a_clear_error(tiny_settings):
    with pytest.raises(IndexMissingError, match="run `shopassist index`"):
        CatalogueIndex(tiny_settings, FakeEmbedder()).collections()


def test_half_written_index_is_refused_then_resumed(tiny_settings, tiny_catalogue, caplog):
    index = CatalogueIndex(tiny_settings, FakeEmbedder())
    index.sync(tiny_catalogue, progress=False)
    passages = index.client.get_collection(PASSAGES_COLLECTION)
    passages.delete(ids=passages.get()["ids"][:4])  # as if a build was killed part way
    passages.modify(metadata={"state": STATE_BUILDING, "model": index.model_name})
    with pytest.raises(IndexMissingError, match="half-written"):
        index.collections()
    stats = index.sync(tiny_catalogue, progress=False)
    assert stats.embedded == 4 and stats.rebuilt_because is None  # only what was missing
    assert "resuming" in caplog.text
    assert index.collections()[1].count() == UNITS


def test_a_price_or_stock_change_updates_filters_without_embedding(tiny_settings, tmp_path):
    folder = tmp_path / "cat"
    folder.mkdir()
    products = [json.loads(line) for line in (TINY_CATALOGUE / "products.jsonl").open()]
    (folder / "products.jsonl").write_text("\n".join(json.dumps(p) for p in products))
    index = CatalogueIndex(tiny_settings, FakeEmbedder())
    index.sync(load_catalogue(folder)[0], progress=False)

    for variant in products[0]["variants"]:
        variant["price_minor"], variant["stock"] = 1, 0
    (folder / "products.jsonl").write_text("\n".join(json.dumps(p) for p in products))
    stats = index.sync(load_catalogue(folder)[0], progress=False)
    assert stats.embedded == 0
    stored = index.collections()[0].get(ids=[products[0]["id"]])["metadatas"][0]
    assert (stored["price_min"], stored["in_stock"]) == (1, False)


def test_index_of_another_model_is_rebuilt(tiny_settings, tiny_catalogue):
    CatalogueIndex(tiny_settings, FakeEmbedder(dimensions=64)).sync(tiny_catalogue, progress=False)
    other = FakeEmbedder(dimensions=32)
    other.name = "fake-32"
    stats = CatalogueIndex(tiny_settings, other).sync(tiny_catalogue, progress=False)
    assert stats.embedded == 5 + UNITS + POLICIES and "built with" in (stats.rebuilt_because or "")


def test_corrupt_index_files_are_detected_and_rebuilt(tiny_settings, tiny_catalogue, caplog):
    import chromadb

    CatalogueIndex(tiny_settings, FakeEmbedder()).sync(tiny_catalogue, progress=False)
    chromadb.api.client.SharedSystemClient.clear_system_cache()
    database = tiny_settings.index_dir / "chroma.sqlite3"
    database.write_bytes(b"this is not a sqlite file" * 100)

    index = CatalogueIndex(tiny_settings, FakeEmbedder())
    assert index.rebuilt_because and "corrupt" in index.rebuilt_because
    assert "corrupt" in caplog.text
    assert index.sync(tiny_catalogue, progress=False).embedded == 5 + UNITS + POLICIES
    assert index.collections()[0].count() == 5


def test_a_sentence_many_reviews_share_is_embedded_once(tiny_settings, tiny_catalogue):
    embedded: list[str] = []

    class Counting(FakeEmbedder):
        def embed_documents(self, texts):
            embedded.extend(texts)
            return super().embed_documents(texts)

    shared = "Great value for the price."
    reviews = [
        Review(id=f"DUP{n}", product_id="T1", text=f"{shared} Colour {n} is nice.")
        for n in range(3)
    ]
    catalogue = Catalogue(tiny_catalogue.products.values(), reviews)
    CatalogueIndex(tiny_settings, Counting()).sync(catalogue, progress=False)
    assert embedded.count(shared) == 1
    assert len(embedded) == len(set(embedded))


def test_review_passages_are_stored_as_vectors_and_hashes_only(tiny_settings, tiny_catalogue):
    # Their text and labels live in the catalogue; Chroma's full-text index of them cost a
    # third of a build. Products keep their text and filter labels for other readers.
    index = CatalogueIndex(tiny_settings, FakeEmbedder())
    index.sync(tiny_catalogue, progress=False)
    products, passages = index.collections()
    stored = passages.get(include=["documents", "metadatas", "embeddings"])
    assert len(stored["ids"]) == UNITS and all(text is None for text in stored["documents"])
    assert all(set(meta) == {"content_hash"} for meta in stored["metadatas"])
    assert len(stored["embeddings"]) == UNITS
    product = products.get(include=["documents", "metadatas"], limit=1)
    assert product["documents"][0] and "price_min" in product["metadatas"][0]

    again = index.sync(tiny_catalogue, progress=False)  # nothing to relabel or re-embed
    assert (again.embedded, again.deleted) == (0, 0)


def test_a_passage_an_older_index_stored_with_its_text_is_rewritten_bare(
    tiny_settings, tiny_catalogue
):
    # An index built before kept each passage's text; one whose text changed must not keep
    # the old text beside its new vector.
    index = CatalogueIndex(tiny_settings, FakeEmbedder())
    index.sync(tiny_catalogue, progress=False)
    passages = index.client.get_collection(PASSAGES_COLLECTION, embedding_function=None)
    first = passages.get(limit=1, include=["embeddings"])
    passage, vector = first["ids"][0], first["embeddings"][0]
    old = {"content_hash": "an older text", "meta_hash": "labels"}
    passages.update(
        ids=[passage], embeddings=[vector], documents=["Silence on the train."], metadatas=[old]
    )
    stats = index.sync(tiny_catalogue, progress=False)
    assert (stats.embedded, stats.deleted) == (1, 0)
    stored = passages.get(ids=[passage], include=["documents", "metadatas"])
    assert stored["documents"] == [None] and set(stored["metadatas"][0]) == {"content_hash"}
