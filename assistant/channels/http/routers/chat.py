"""POST /api/chat and its server-sent-events twin, /api/chat/stream."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from assistant.channels.http.dependencies import AssistantDep, LimiterDep
from assistant.channels.http.guards import RateLimiter
from assistant.channels.http.sessions import remember_session, session_of
from assistant.conversation.engine import Assistant
from assistant.conversation.reply import Channel, Reply

MAX_MESSAGE_CHARS = 4000

router = APIRouter(tags=["chat"])


class ChatRequest(BaseModel):
    """POST /api/chat body; the session may instead come from X-Session-Id or the cookie."""

    session_id: str | None = Field(None, min_length=1, max_length=128)
    message: str = Field(max_length=MAX_MESSAGE_CHARS)
    channel: Channel = "web"


def sse(event: str, data: dict[str, Any]) -> str:
    """One server-sent event."""
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def _session(request: Request, body: ChatRequest, limiter: RateLimiter) -> str:
    session = session_of(request, body.session_id)
    limiter.check(session)
    return session


@router.post("/api/chat", response_model=Reply)
def chat(
    body: ChatRequest, request: Request, response: Response, bot: AssistantDep, limiter: LimiterDep
) -> Reply:
    """One chat turn."""
    session = _session(request, body, limiter)
    remember_session(response, session)
    return bot.chat(session, body.message, channel=body.channel)


def _events(bot: Assistant, session: str, body: ChatRequest) -> Iterator[str]:
    for event in bot.stream(session, body.message, channel=body.channel):
        if event.type == "delta":
            yield sse("delta", {"text": event.text})
        elif event.reply is not None:
            yield sse("reply", event.reply.model_dump(mode="json"))


@router.post("/api/chat/stream")
def chat_stream(
    body: ChatRequest, request: Request, bot: AssistantDep, limiter: LimiterDep
) -> StreamingResponse:
    """One chat turn as server-sent events: `delta` text pieces, then the `reply`."""
    session = _session(request, body, limiter)
    stream = StreamingResponse(
        _events(bot, session, body),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache"},
    )
    remember_session(stream, session)
    return stream
