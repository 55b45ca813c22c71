"""Build and update the Chroma collections of products and review passages, incrementally."""

from __future__ import annotations

import logging
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import chromadb
from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection
from langchain_core.embeddings import Embeddings
from tqdm import tqdm

from assistant.catalogue.models import Catalogue, Product
from assistant.search.passages import IndexedText, review_units
from assistant.search.policies import load_policies
from assistant.search.product_filters import metadata_hash, product_metadata
from assistant.settings import Settings

log = logging.getLogger(__name__)

PRODUCTS_COLLECTION = "shop_products"
PASSAGES_COLLECTION = "shop_review_passages"
POLICIES_COLLECTION = "shop_policies"
COLLECTIONS = (PRODUCTS_COLLECTION, PASSAGES_COLLECTION, POLICIES_COLLECTION)
# Review passages are stored as vectors and content hashes only: their text and labels live in
# the catalogue, nothing reads them back from Chroma, and writing them (Chroma's full-text
# index of every document, every label) took two thirds of a demo build's upsert time.
BARE_COLLECTIONS = frozenset({PASSAGES_COLLECTION})
WRITE_BATCH = 2048
STATE_BUILDING, STATE_READY = "building", "ready"


class IndexMissingError(Exception):
    """No index has been built yet."""


@dataclass
class SyncStats:
    """What one index run did."""

    embedded: int = 0
    deleted: int = 0
    unchanged: int = 0
    rebuilt_because: str | None = None

    def summary(self) -> str:
        """One line for the CLI and logs."""
        text = (
            f"re-embedded {self.embedded} items, removed {self.deleted}, {self.unchanged} unchanged"
        )
        return f"{text} (rebuilt: {self.rebuilt_because})" if self.rebuilt_because else text


def product_text(product: Product) -> str:
    """The text that represents a product for search: what a shopper might type about it."""
    options = product.options_by_name()
    option_text = "; ".join(f"{name}: {', '.join(values)}" for name, values in options.items())
    attribute_text = "; ".join(f"{name}: {value}" for name, value in product.attributes.items())
    parts = [
        product.title,
        f"Brand: {product.brand}." if product.brand else "",
        f"Category: {product.category}.",
        product.description,
        f"Options: {option_text}." if option_text else "",
        f"Attributes: {attribute_text}." if attribute_text else "",
    ]
    return " ".join(part for part in parts if part)


def catalogue_texts(catalogue: Catalogue) -> tuple[list[IndexedText], list[IndexedText]]:
    """Everything to index: product documents and review units (sentences, windows, whole)."""
    products = [
        IndexedText(id=p.id, text=product_text(p), metadata=product_metadata(p))
        for p in catalogue.products.values()
    ]
    passages = [unit for review in catalogue.reviews.values() for unit in review_units(review)]
    return products, passages


def policy_texts() -> list[IndexedText]:
    """The shop's policy sections and each of their sentences, to index beside the catalogue:
    a question about one rule ("can half go to another address?") matches its sentence."""
    texts = []
    for section in load_policies():
        meta = {"document": section.document, "section": section.id}
        texts += [
            IndexedText(id=text_id, text=text, metadata=meta)
            for text_id, text in section.ranked_texts()
        ]
    return texts


def make_client(settings: Settings) -> ClientAPI:
    """An embedded PersistentClient under `index_dir`, or an HttpClient when CHROMA_URL is set."""
    chroma_settings = chromadb.Settings(anonymized_telemetry=False, allow_reset=True)
    if settings.chroma_url:
        match = re.match(r"^(https?)://([^:/]+)(?::(\d+))?/?$", settings.chroma_url)
        if not match:
            raise ValueError(f"CHROMA_URL {settings.chroma_url!r} is not like http://host:8000")
        scheme, host, port = match.groups()
        return chromadb.HttpClient(
            host=host, port=int(port or 8000), ssl=scheme == "https", settings=chroma_settings
        )
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.index_dir), settings=chroma_settings)


def _batches(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class CatalogueIndex:
    """The two Chroma collections, opened safely: a corrupt or half-built index is rebuilt."""

    def __init__(self, settings: Settings, embedder: Embeddings) -> None:
        self.settings = settings
        self.embedder = embedder
        self.model_name = getattr(embedder, "name", type(embedder).__name__)
        self.rebuilt_because: str | None = None
        self.client = self._open_client()

    def _open_client(self) -> ClientAPI:
        try:
            client = make_client(self.settings)
            client.list_collections()
            return client
        except Exception as exc:
            if self.settings.chroma_url:
                raise ConnectionError(
                    f"cannot reach the Chroma server at {self.settings.chroma_url}: {exc}; "
                    "start it with `chroma run` or unset CHROMA_URL for the embedded index"
                ) from exc
            log.warning(
                "index at %s is corrupt (%s); deleting it and rebuilding",
                self.settings.index_dir,
                exc,
            )
            self._wipe_local_files()
            self.rebuilt_because = f"corrupt index files ({type(exc).__name__})"
            return make_client(self.settings)

    def _wipe_local_files(self) -> None:
        chromadb.api.client.SharedSystemClient.clear_system_cache()
        for entry in self.settings.index_dir.iterdir():
            if entry.name == ".gitkeep":
                continue
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()

    def _collection(self, name: str, create: bool) -> Collection | None:
        try:
            return self.client.get_collection(name, embedding_function=None)
        except Exception:
            if not create:
                return None
            return self.client.create_collection(
                name,
                embedding_function=None,
                configuration={"hnsw": {"space": "cosine"}},
                metadata={"state": STATE_BUILDING, "model": self.model_name},
            )

    def collections(self) -> tuple[Collection, Collection]:
        """The products and passages collections; IndexMissingError when not built or unfinished."""
        products = self._collection(PRODUCTS_COLLECTION, create=False)
        passages = self._collection(PASSAGES_COLLECTION, create=False)
        where = self.settings.chroma_url or self.settings.index_dir
        if products is None or passages is None:
            raise IndexMissingError(f"no index at {where}; run `shopassist index` to build it")
        for collection in (products, passages):
            state = (collection.metadata or {}).get("state")
            if state != STATE_READY:
                raise IndexMissingError(
                    f"the index at {where} is half-written (state {state!r}); "
                    "run `shopassist index` to rebuild it"
                )
            if (collection.metadata or {}).get("model") != self.model_name:
                raise IndexMissingError(
                    f"the index at {where} was built with another embedding model; "
                    "run `shopassist index` to rebuild it"
                )
        return products, passages

    def policies_collection(self) -> Collection | None:
        """The policy sections' collection, or None when an older index lacks it."""
        collection = self._collection(POLICIES_COLLECTION, create=False)
        metadata = (collection.metadata or {}) if collection is not None else {}
        if metadata.get("state") != STATE_READY or metadata.get("model") != self.model_name:
            return None
        return collection

    def _reset_if_unusable(self) -> None:
        """Drop collections left half-written or built with another model, saying why."""
        for name in COLLECTIONS:
            collection = self._collection(name, create=False)
            if collection is None:
                continue
            metadata = collection.metadata or {}
            reason = None
            if metadata.get("model") != self.model_name:
                reason = f"built with {metadata.get('model')!r}, not {self.model_name!r}"
            elif metadata.get("state") != STATE_READY:
                # Each stored text carries its content hash, so an interrupted build resumes:
                # what was written is kept, the rest is embedded now.
                log.warning("collection %s was half-written; resuming the build", name)
            if reason:
                log.warning("collection %s was %s; rebuilding it", name, reason)
                self.rebuilt_because = reason
                self.client.delete_collection(name)

    def sync(self, catalogue: Catalogue, progress: bool = True) -> SyncStats:
        """Make the index match the catalogue, embedding only new or changed texts."""
        self._reset_if_unusable()
        stats = SyncStats(rebuilt_because=self.rebuilt_because)
        product_docs, passage_docs = catalogue_texts(catalogue)
        plans = []
        for name, docs in (
            (PRODUCTS_COLLECTION, product_docs),
            (PASSAGES_COLLECTION, passage_docs),
            (POLICIES_COLLECTION, policy_texts()),
        ):
            collection = self._collection(name, create=True)
            labelled = name not in BARE_COLLECTIONS
            stored = _stored_hashes(collection)
            wanted = {doc.id for doc in docs}
            # Length-sorted batches pad least, which is most of the embedding cost on a CPU.
            changed = sorted(
                (doc for doc in docs if stored.get(doc.id, ("", ""))[0] != doc.content_hash),
                key=lambda doc: len(doc.text),
            )
            relabelled = [
                doc
                for doc in docs
                if labelled
                and stored.get(doc.id, ("", ""))[0] == doc.content_hash
                and stored[doc.id][1] != metadata_hash(doc.metadata)
            ]
            stale = [doc_id for doc_id in stored if doc_id not in wanted]
            stats.unchanged += len(docs) - len(changed)
            self._relabel(collection, relabelled)
            # an index built before kept passages' text: none may stay beside a new vector
            rewritten = [] if labelled else [doc.id for doc in changed if doc.id in stored]
            plans.append((collection, changed, stale, rewritten, labelled))
        total = sum(len(changed) for _, changed, _, _, _ in plans)
        memo: dict[str, list[float]] = {}  # review sentences repeat: embed each text once
        with tqdm(
            total=total, desc="embedding", unit="text", disable=not progress or not total
        ) as bar:
            for collection, changed, stale, rewritten, labelled in plans:
                if changed or stale:
                    collection.modify(metadata={"state": STATE_BUILDING, "model": self.model_name})
                for batch in _batches([*stale, *rewritten], WRITE_BATCH):
                    collection.delete(ids=batch)
                stats.deleted += len(stale)  # the rewritten are written again below
                for batch in _batches(changed, WRITE_BATCH):
                    self._write(collection, batch, memo, labelled)
                    stats.embedded += len(batch)
                    bar.update(len(batch))
                collection.modify(metadata={"state": STATE_READY, "model": self.model_name})
        return stats

    def _write(
        self,
        collection: Collection,
        docs: list[IndexedText],
        memo: dict[str, list[float]],
        labelled: bool,
    ) -> None:
        """Embed a batch (each text not seen in this sync once) and upsert it with its hash,
        and with its text and labels where the collection keeps them."""
        unique = [text for text in dict.fromkeys(doc.text for doc in docs) if text not in memo]
        if unique:
            memo.update(zip(unique, self.embedder.embed_documents(unique), strict=True))
        ids, embeddings = [doc.id for doc in docs], [memo[doc.text] for doc in docs]
        if not labelled:
            metadatas = [{"content_hash": doc.content_hash} for doc in docs]
            collection.upsert(ids=ids, embeddings=embeddings, metadatas=metadatas)
            return
        collection.upsert(
            ids=ids,
            embeddings=embeddings,
            documents=[doc.text for doc in docs],
            metadatas=[_stored_metadata(doc) for doc in docs],
        )

    def _relabel(self, collection: Collection, docs: list[IndexedText]) -> None:
        """New metadata (a price, stock or rating) for texts whose vectors still hold."""
        for batch in _batches(docs, WRITE_BATCH):
            collection.update(
                ids=[doc.id for doc in batch], metadatas=[_stored_metadata(doc) for doc in batch]
            )


def _stored_metadata(doc: IndexedText) -> dict[str, Any]:
    return {
        **doc.metadata,
        "content_hash": doc.content_hash,
        "meta_hash": metadata_hash(doc.metadata),
    }


def _stored_hashes(collection: Collection, page: int = 5000) -> dict[str, tuple[str, str]]:
    """Each stored id's content and metadata hashes, read a page at a time."""
    stored: dict[str, tuple[str, str]] = {}
    offset = 0
    while True:
        found = collection.get(include=["metadatas"], limit=page, offset=offset)
        for doc_id, meta in zip(found["ids"], found["metadatas"], strict=True):
            meta = meta or {}
            stored[doc_id] = (str(meta.get("content_hash", "")), str(meta.get("meta_hash", "")))
        if len(found["ids"]) < page:
            return stored
        offset += page
