"""POST /api/chat and its server-sent-events twin, /api/chat/stream."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from assistant.channels.http.dependencies import (
    AssistantDep,
    IdentityDep,
    SettingsDep,
    limit_address,
)
from assistant.channels.http.replies import ChatReply, http_reply
from assistant.channels.http.sessions import Caller, caller_of, remember_session
from assistant.conversation.engine import Assistant
from assistant.conversation.reply import Channel

MAX_MESSAGE_CHARS = 4000
UNKNOWN_SESSION = {401: {"description": "A session id the server never issued, or expired."}}

router = APIRouter(tags=["chat"], dependencies=[Depends(limit_address)])


class ChatRequest(BaseModel):
    """POST /api/chat body; the session may instead come from X-Session-Id or the cookie."""

    session_id: str | None = Field(
        None,
        min_length=1,
        max_length=128,
        description="A session id the server issued; leave it out to start a session.",
    )
    message: str = Field(max_length=MAX_MESSAGE_CHARS)
    channel: Channel = "web"


def sse(event: str, data: dict[str, Any]) -> str:
    """One server-sent event."""
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


@router.post("/api/chat", response_model=ChatReply, responses=UNKNOWN_SESSION)
def chat(
    body: ChatRequest,
    request: Request,
    response: Response,
    bot: AssistantDep,
    identity: IdentityDep,
    settings: SettingsDep,
) -> ChatReply:
    """One chat turn; without a session id it starts a session."""
    caller = caller_of(request, identity, body.session_id, channel=body.channel)
    assert caller is not None
    remember_session(response, caller.secret, settings)
    session = caller.session
    reply = bot.chat(
        session.conversation_id, body.message, channel=body.channel, shopper_id=session.shopper_id
    )
    return http_reply(reply, caller)


def _events(bot: Assistant, caller: Caller, body: ChatRequest) -> Iterator[str]:
    session = caller.session
    for event in bot.stream(
        session.conversation_id, body.message, channel=body.channel, shopper_id=session.shopper_id
    ):
        if event.type == "delta":
            yield sse("delta", {"text": event.text})
        elif event.reply is not None:
            yield sse("reply", http_reply(event.reply, caller).model_dump(mode="json"))


@router.post("/api/chat/stream", responses=UNKNOWN_SESSION)
def chat_stream(
    body: ChatRequest,
    request: Request,
    bot: AssistantDep,
    identity: IdentityDep,
    settings: SettingsDep,
) -> StreamingResponse:
    """One chat turn as server-sent events: `delta` text pieces, then the `reply` (with the
    session id)."""
    caller = caller_of(request, identity, body.session_id, channel=body.channel)
    assert caller is not None
    stream = StreamingResponse(
        _events(bot, caller, body),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache"},
    )
    remember_session(stream, caller.secret, settings)
    return stream
