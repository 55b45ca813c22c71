"""Typed settings for the whole app, read once from environment variables and `.env`."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

OFFLINE_ENVIRONMENT = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "ANONYMIZED_TELEMETRY": "False",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "TRANSFORMERS_VERBOSITY": "error",
}


def offline_environment() -> None:
    """Nothing may reach a model hub or send telemetry: set the libraries' switches (unless
    the environment already chose), before they are imported. Called by the entry points."""
    for name, value in OFFLINE_ENVIRONMENT.items():
        os.environ.setdefault(name, value)


PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEMO_CATALOGUE = Path(__file__).resolve().parent / "data" / "demo"


class Settings(BaseSettings):
    """Every knob of the app; each field is an environment variable of the same name."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", case_sensitive=False)

    catalogue_path: Path = Field(
        DEMO_CATALOGUE, description="Folder with products.jsonl and reviews.jsonl."
    )
    index_dir: Path = Field(PROJECT_ROOT / "indexes", description="Where Chroma persists.")
    chroma_url: str | None = Field(
        None, description="http://host:port of a `chroma run` server; unset = embedded."
    )
    embedding_backend: Literal["sentence-transformers", "fake"] = Field(
        "sentence-transformers", description="`fake` is for unit tests only."
    )
    embedding_runtime: Literal["torch", "torch-bf16", "onnx", "onnx-int8"] = Field(
        "onnx",
        description="What runs the model: onnxruntime in fp32 (the torch vectors, a query in "
        "about a third of torch's time), int8 (faster still; its own index), torch, or torch "
        "in bfloat16 (the fp32 index within rounding; about twice as fast a build on a CPU "
        "with bfloat16 units, AMX or AVX512-BF16, and plain torch without them). ONNX is "
        "exported from the packaged model on first use under ONNX_DIR; torch serves when ONNX "
        "cannot.",
    )
    onnx_dir: Path = Field(
        PROJECT_ROOT / "models" / "onnx",
        description="Where the ONNX exports of the model are kept (built once, keyed by the "
        "weights; shared by every index).",
    )
    encoder_threads: int | None = Field(
        None,
        ge=1,
        description="CPU threads one process uses to encode; unset = the library's default "
        "(all cores). Several processes on one machine: give each cores / processes.",
    )
    embedding_model_path: Path | None = Field(
        None, description="A sentence-transformers folder; unset = the packaged all-MiniLM-L6-v2."
    )
    models_dir: Path = Field(
        PROJECT_ROOT / "models",
        description="Where `shopassist train` builds the evidence models and its caches.",
    )
    evidence_models: Literal["auto", "off"] = Field(
        "auto", description="auto = use the trained evidence models once built; off = untrained."
    )
    shared_data_dir: Path = Field(
        PROJECT_ROOT.parent / "shared" / "data", description="Public evaluation data sets."
    )
    data_dir: Path = Field(PROJECT_ROOT / "var", description="Where the SQLite store lives.")
    database_url: str | None = Field(
        None, description="SQLAlchemy URL, e.g. postgresql://user@host/db; unset = SQLite."
    )
    max_query_chars: int = Field(2000, description="Longer queries are refused with a message.")
    llm_backend: Literal["none", "openai", "local"] = Field(
        "none",
        description="none = rule planner; openai = any OpenAI-compatible endpoint; "
        "local = embedded llama.cpp with LOCAL_GGUF.",
    )
    openai_base_url: str = "https://api.openai.com/v1"
    openai_api_key: str | None = None
    llm_model: str = Field("gpt-4o-mini", description="Model name at the OpenAI endpoint.")
    local_gguf: Path | None = Field(None, description="GGUF file; unset = packaged SmolLM2.")
    llm_timeout_s: float = 20.0
    llm_max_tokens: int = 256
    llm_max_steps: int = 4
    max_body_bytes: int = Field(65_536, description="Larger request bodies get 413.")
    rate_limit_per_minute: int = Field(
        60, description="Requests per session, account or app user per minute (429)."
    )
    rate_limit_per_address: str = Field(
        "600/minute", description="Requests per client address (a `limits` rate string)."
    )
    rate_limit_sign_in: str = Field(
        "10/minute", description="Sign-in attempts per client address and per name."
    )
    rate_limit_new_sessions: str = Field(
        "60/minute", description="New sessions one client address may start."
    )
    rate_limit_storage: str = Field(
        "memory://",
        description="Where rate-limit counters live: memory:// (one process), redis://host:port "
        "or database (the store), so that several workers share one limit.",
    )
    allowed_origins: list[str] = Field(
        default_factory=list,
        description="Origins that may call the API, embed the widget or frame the app; "
        "empty = localhost only. Required in production.",
    )
    session_idle_minutes: float = Field(
        1440, gt=0, description="A session unused this long expires and is swept."
    )
    session_cookie_secure: bool = Field(
        False, description="Mark the session cookie Secure (set it when served over HTTPS)."
    )
    demo_mode: bool = Field(
        False,
        description="Demo conveniences: the 'Shopping as' switch, one-time codes shown on "
        "screen and one-click sign-in to the simulated apps. On for `make run` only.",
    )
    social_app_secrets: dict[str, str] = Field(
        default_factory=dict,
        description='Per-app secret that signs platform events, e.g. {"photo": "..."}; an '
        "app without one gets a random secret for this process only.",
    )
    social_replay_window_s: int = Field(
        300, gt=0, description="Signed platform events older or newer than this are refused."
    )
    public_url: str | None = Field(
        None,
        description="Base URL shoppers and agents reach the shop at (feed links, ACP links, "
        "MCP confirm pages); unset = http://HOST:PORT.",
    )
    acp_api_key: str | None = Field(
        None, description="Bearer key ACP agents send; unset = the ACP endpoints are off (503)."
    )
    acp_signing_secret: str | None = Field(
        None, description="HMAC-SHA256 secret that signs every ACP request (Signature header)."
    )
    acp_merchant_id: str = Field(
        "shopassist", description="Our merchant id in delegated-payment allowances."
    )
    host: str = "127.0.0.1"
    port: int = 7860

    def shop_url(self) -> str:
        """PUBLIC_URL without a trailing slash, or the address the app listens on."""
        return (self.public_url or f"http://{self.host}:{self.port}").rstrip("/")

    def resolved_database_url(self) -> str:
        """DATABASE_URL, or the SQLite file under DATA_DIR."""
        if self.database_url:
            return self.database_url
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{self.data_dir / 'shop.sqlite3'}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
