"""The embeddable chat widget: /widget.js for the shop's page, /widget for its frame."""

from __future__ import annotations

from importlib import resources

from fastapi import APIRouter, Response
from fastapi.responses import HTMLResponse

from assistant.channels.http.dependencies import SettingsDep
from assistant.settings import Settings

router = APIRouter(include_in_schema=False)
LOCAL_ANCESTORS = ["'self'", "http://localhost:*", "http://127.0.0.1:*"]


def _static(name: str) -> str:
    return resources.files("assistant.channels.http").joinpath("static", name).read_text("utf-8")


def frame_ancestors(settings: Settings) -> str:
    """Who may frame the chat: the allowed origins, or this machine when none are set."""
    if settings.allowed_origins:
        return " ".join(["'self'", *settings.allowed_origins])
    return " ".join(LOCAL_ANCESTORS)


@router.get("/widget.js")
def widget_script() -> Response:
    """The script a shop's page includes to get the chat button."""
    return Response(
        _static("widget.js"),
        media_type="application/javascript",
        headers={"Cache-Control": "max-age=300"},
    )


@router.get("/widget", response_class=HTMLResponse)
def widget_page(settings: SettingsDep) -> HTMLResponse:
    """The chat page the widget frames; only allowed shops may frame it (clickjacking guard)."""
    return HTMLResponse(
        _static("widget.html"),
        headers={"Content-Security-Policy": f"frame-ancestors {frame_ancestors(settings)}"},
    )
