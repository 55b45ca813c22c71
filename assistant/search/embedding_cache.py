"""An on-disk memo of document embeddings (SQLite), for the data sets that training and the
evaluation embed again and again; behind the same Embeddings interface as the model."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings


class CachedEmbedder(Embeddings):
    """Wraps an embedder: document vectors are read from the cache when it has them."""

    def __init__(self, embedder: Embeddings, path: Path) -> None:
        self.embedder = embedder
        self.name = getattr(embedder, "name", type(embedder).__name__)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False)
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, v BLOB)")

    def _key(self, text: str, kind: str = "document") -> str:
        return hashlib.sha1(f"{self.name}\n{kind}\n{text}".encode()).hexdigest()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Cached vectors, embedding (and storing) only the texts never seen."""
        return self._embed(texts, "document")

    def embed_query(self, text: str) -> list[float]:
        """A cached query vector (data-set questions repeat across runs)."""
        return self._embed([text], "query")[0]

    def _embed(self, texts: list[str], kind: str) -> list[list[float]]:
        keys = [self._key(text, kind) for text in texts]
        found: dict[str, list[float]] = {}
        with self._lock:
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                rows = self._db.execute(
                    f"SELECT key, v FROM vectors WHERE key IN ({','.join('?' * len(chunk))})",
                    chunk,
                ).fetchall()
                found |= {key: np.frombuffer(blob, dtype=np.float32).tolist() for key, blob in rows}
        missing = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in found))
        if missing:
            if kind == "query":
                fresh = [self.embedder.embed_query(text) for text in missing]
            else:
                fresh = self.embedder.embed_documents(missing)
            new_rows = [
                (self._key(text, kind), np.asarray(vector, dtype=np.float32).tobytes())
                for text, vector in zip(missing, fresh, strict=True)
            ]
            with self._lock, self._db:
                self._db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)", new_rows)
            found |= {self._key(t, kind): list(v) for t, v in zip(missing, fresh, strict=True)}
        return [found[key] for key in keys]

    def close(self) -> None:
        """Close the cache file."""
        self._db.close()
