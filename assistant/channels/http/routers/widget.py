"""The embeddable chat widget: /widget.js for the shop's page, /widget and /widget/app.js for
its frame (whose Content-Security-Policy, set in `headers.py`, says who may frame it)."""

from __future__ import annotations

from importlib import resources

from fastapi import APIRouter, Response
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)


def _static(name: str) -> str:
    return resources.files("assistant.channels.http").joinpath("static", name).read_text("utf-8")


def _script(name: str) -> Response:
    return Response(
        _static(name), media_type="application/javascript", headers={"Cache-Control": "max-age=300"}
    )


@router.get("/widget.js")
def widget_script() -> Response:
    """The script a shop's page includes to get the chat button."""
    return _script("widget.js")


@router.get("/widget/app.js")
def widget_app_script() -> Response:
    """The chat page's own script (no inline script, so its policy can forbid them)."""
    return _script("widget-app.js")


@router.get("/widget", response_class=HTMLResponse)
def widget_page() -> HTMLResponse:
    """The chat page the widget frames."""
    return HTMLResponse(_static("widget.html"))
