"""The shop's own confirm page for a summary an agent opened over MCP.

`GET /mcp/confirm/{token}` shows the summary with a Confirm order button; the button's
`POST` is the shopper's confirmation. The link is a one-time capability for one summary of
one shopper: a second press gives the same order, and an expired or changed summary is
refused with what to do instead. The app's SecurityHeaders middleware gives these pages
their strict policy (no framing at all, no script, no Referer); they add only no-store.
"""

from __future__ import annotations

from html import escape

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse

from assistant.channels.http.dependencies import limit_address
from assistant.channels.http.views import citation_page
from assistant.channels.mcp.confirm import CONFIRM_PATH, ConfirmLinks
from assistant.commerce import CheckoutSummary, CommerceError, Confirmation
from assistant.conversation.answers.refusals import describe_error
from assistant.money import format_minor

router = APIRouter(include_in_schema=False, dependencies=[Depends(limit_address)])
NOT_KEPT = {"Cache-Control": "no-store"}  # the page shows a shopper's order: never cached


def _links(request: Request) -> ConfirmLinks:
    return request.app.state.mcp_confirm_links


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(citation_page(title, body), status_code=status, headers=NOT_KEPT)


def _summary_html(summary: CheckoutSummary) -> str:
    items = "".join(
        f"<li>{line.qty} × {escape(line.title)}"
        f"{' (' + escape(', '.join(line.options.values())) + ')' if line.options else ''}"
        f" at {format_minor(line.unit_price_minor, line.currency)}</li>"
        for line in summary.lines
    )
    totals = summary.totals
    return (
        f"<ul>{items}</ul><p>Subtotal {format_minor(totals.subtotal_minor, totals.currency)}, "
        f"shipping {format_minor(totals.shipping_minor, totals.currency)}, tax "
        f"{format_minor(totals.tax_minor, totals.currency)}; <strong>total "
        f"{format_minor(totals.total_minor, totals.currency)}</strong>.</p>"
    )


def _lookup(request: Request, token: str) -> tuple[str, CheckoutSummary]:
    found = _links(request).lookup(token)
    if found is None:
        raise HTTPException(404, "unknown confirm link; ask the assistant to start checkout again")
    return found


@router.get(CONFIRM_PATH + "/{token}", response_class=HTMLResponse)
def confirm_page(request: Request, token: str) -> HTMLResponse:
    """The summary an agent opened, with the shopper's Confirm order button."""
    _, summary = _lookup(request, token)
    placed = _links(request).commerce.placed_order_id(summary.checkout_id)
    if placed:
        return _page("Order placed", f"<h1>Order {escape(placed)} is placed</h1>")
    body = (
        "<h1>Please check your order</h1>"
        "<p class='meta'>An assistant prepared this order for you. Nothing is ordered until "
        "you press Confirm order.</p>"
        f"{_summary_html(summary)}"
        f"<form method='post' action='{CONFIRM_PATH}/{escape(token)}'>"
        "<button name='decision' value='confirm' type='submit'>Confirm order</button></form>"
    )
    return _page("Confirm your order", body)


@router.post(CONFIRM_PATH + "/{token}", response_class=HTMLResponse)
def confirm_order(request: Request, token: str, decision: str = Form("")) -> HTMLResponse:
    """The Confirm order button: the shopper's own confirmation of the summary."""
    shopper_id, summary = _lookup(request, token)
    if decision != "confirm":
        return _page("Not confirmed", "<h1>Nothing was ordered</h1>", status=400)
    commerce = _links(request).commerce
    confirmation = Confirmation(
        source="ui_button", shopper_id=shopper_id, evidence=f"mcp confirm page {token[:8]}…"
    )
    try:
        placed = commerce.confirm_checkout(summary.checkout_id, confirmation)
    except CommerceError as error:
        return _page(
            "Not ordered",
            f"<h1>The order was not placed</h1><p>{escape(describe_error(error))}.</p>",
            status=409,
        )
    order = placed.order
    return _page(
        "Order placed",
        f"<h1>Order {escape(order.order_id)} is placed</h1>"
        f"<p>Total {format_minor(order.totals.total_minor, order.totals.currency)}; estimated "
        f"delivery {order.estimated_delivery.isoformat()}.</p>",
    )
