"""The shopper's own confirmation of a summary an agent opened: elicitation, or the shop's page.

No MCP tool places an order. `start_checkout` shows the summary to the person:
- through MCP elicitation (form mode) when the client supports it: the client shows the
  summary and returns the person's accept or decline, and only an accept with
  `confirm: true` places the order (`Confirmation(source="mcp_elicitation")`);
- otherwise through a one-time link to the shop's own confirm page, which the agent gives
  the person, where they press Confirm order (`Confirmation(source="ui_button")`).
A declined summary is withdrawn and its stock released; nothing is ordered.
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

import anyio
from mcp.server.mcpserver import Context
from mcp.shared.exceptions import MCPError
from pydantic import BaseModel, Field
from sqlalchemy import insert, select

from assistant.channels.mcp.models import CheckoutOutcome
from assistant.channels.mcp.tables import confirm_links
from assistant.commerce import CheckoutSummary, CommerceService, Confirmation
from assistant.conversation.answers.wording import checkout_text
from assistant.identity.sessions import WebSession

CONFIRM_PATH = "/mcp/confirm"


class ConfirmOrder(BaseModel):
    """The person's answer to the summary, as the client's form asks it."""

    confirm: bool = Field(description="Place this order and pay the total shown")


def summary_message(summary: CheckoutSummary) -> str:
    """The summary as the person reads it, asking for their decision."""
    # The chat's summary ends with "Reply «yes» ..."; here the client's form asks instead.
    lines = checkout_text(summary).splitlines()[:-1]
    return "\n".join([*lines, "Place this order? (An assistant cannot confirm it for you.)"])


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ConfirmLinks:
    """One-time capability links to the shop's confirm page, kept in the store so that the
    web app can honour a link issued by a stdio MCP process."""

    def __init__(self, commerce: CommerceService, base_url: str) -> None:
        self.commerce = commerce
        self.base_url = base_url.rstrip("/")

    def issue(self, shopper_id: str, summary: CheckoutSummary) -> str:
        """A new link for this summary; only its hash is stored."""
        token = secrets.token_urlsafe(32)
        with self.commerce.store.transaction() as connection:
            connection.execute(
                insert(confirm_links).values(
                    token_hash=_digest(token),
                    checkout_id=summary.checkout_id,
                    shopper_id=shopper_id,
                    summary=summary.model_dump(mode="json"),
                    created_at=self.commerce.clock(),
                )
            )
        return f"{self.base_url}{CONFIRM_PATH}/{token}"

    def lookup(self, token: str) -> tuple[str, CheckoutSummary] | None:
        """The shopper and summary a link confirms, or None for an unknown link."""
        if not 20 <= len(token) <= 100:
            return None
        with self.commerce.store.transaction() as connection:
            row = (
                connection.execute(
                    select(confirm_links).where(confirm_links.c.token_hash == _digest(token))
                )
                .mappings()
                .first()
            )
        if row is None:
            return None
        return row["shopper_id"], CheckoutSummary.model_validate(row["summary"])


def can_ask(ctx: Context[Any]) -> bool:
    """Whether the client takes form elicitations on this request (an empty elicitation
    capability means form; 2026-07-28 requests have no channel for them)."""
    capabilities = ctx.client_capabilities
    elicitation = capabilities.elicitation if capabilities else None
    if elicitation is None or not ctx.session.can_send_request:
        return False
    return elicitation.form is not None or elicitation.url is None


async def ask_shopper(
    ctx: Context[Any],
    commerce: CommerceService,
    links: ConfirmLinks,
    shop: WebSession,
    summary: CheckoutSummary,
) -> CheckoutOutcome:
    """Show the summary to the person and place the order only on their own accept."""
    if not can_ask(ctx):
        return await _by_link(links, shop, summary)
    try:
        answer = await ctx.elicit(summary_message(summary), ConfirmOrder)
        accepted = answer.action == "accept" and answer.data.confirm
    except (MCPError, ValueError):  # no answer, or one that is not a yes: nothing is ordered
        accepted = False
    if accepted:
        confirmation = Confirmation(
            source="mcp_elicitation",
            shopper_id=shop.shopper_id,
            evidence=f"elicitation accepted for request {ctx.request_id} at "
            f"{commerce.clock().isoformat(timespec='seconds')}",
        )
        placed = await anyio.to_thread.run_sync(
            commerce.confirm_checkout, summary.checkout_id, confirmation
        )
        return CheckoutOutcome(
            status="ordered",
            summary=summary,
            order=placed.order,
            message=f"The shopper confirmed; order {placed.order.order_id} is placed.",
        )
    await anyio.to_thread.run_sync(commerce.cancel_checkout, shop.shopper_id, summary.checkout_id)
    return CheckoutOutcome(
        status="declined",
        summary=summary,
        message="The shopper did not confirm; nothing was ordered and the cart is kept.",
    )


async def _by_link(
    links: ConfirmLinks, shop: WebSession, summary: CheckoutSummary
) -> CheckoutOutcome:
    url = await anyio.to_thread.run_sync(links.issue, shop.shopper_id, summary)
    return CheckoutOutcome(
        status="awaiting_confirmation",
        summary=summary,
        confirm_url=url,
        message="Nothing is ordered yet: give the shopper this link; the order is placed when "
        "they press Confirm order on the shop's page (the summary holds for 15 minutes).",
    )
