"""Fakes for tests and the offline demo: deterministic embeddings and a scripted chat model.

Never the product's default path: settings choose them explicitly (`EMBEDDING_BACKEND=fake`),
or tests pass them in.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.embeddings import Embeddings
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from langchain_core.tools import BaseTool
from pydantic import Field


class FakeEmbedder(Embeddings):
    """Deterministic bag-of-words hashing embeddings: for unit tests, never the product's path."""

    name = "fake-hashing-64"

    def __init__(self, dimensions: int = 64) -> None:
        self.dimensions = dimensions

    def encode(self, texts: list[str]) -> np.ndarray:
        """Hash each word into a bucket and normalise, so shared words mean similar vectors."""
        matrix = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                bucket = int.from_bytes(
                    hashlib.blake2b(word.encode(), digest_size=4).digest(), "big"
                )
                matrix[row, bucket % self.dimensions] += 1.0
            norm = np.linalg.norm(matrix[row])
            matrix[row] = matrix[row] / norm if norm else matrix[row]
            if not norm:
                matrix[row, 0] = 1.0
        return matrix

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed many texts."""
        return self.encode(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        """Embed one query."""
        return self.encode([text])[0].tolist()


class ScriptedChatModel(BaseChatModel):
    """A chat model that replays queued replies and records what it was sent (for tests)."""

    replies: list[AIMessage] = Field(default_factory=list)
    history: list[list[BaseMessage]] = Field(default_factory=list)
    bound_tools: list[str] = Field(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "scripted"

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        self.history.append(list(messages))
        if not self.replies:
            raise RuntimeError("the scripted model has no reply left")
        return ChatResult(generations=[ChatGeneration(message=self.replies.pop(0))])

    def bind_tools(
        self, tools: Sequence[dict[str, Any] | type | Callable | BaseTool], **kwargs: Any
    ) -> ScriptedChatModel:
        """Remember the tool names; the script decides which to call."""
        self.bound_tools = [getattr(tool, "name", str(tool)) for tool in tools]
        return self
