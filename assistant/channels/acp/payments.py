"""A simulated delegated-payment provider: vault tokens bound to one checkout and a ceiling.

ACP's delegated payment gives the merchant a token (`vt_...`) instead of a card, with an
allowance: one checkout session, a maximum amount, a currency, our merchant id and an
expiry. This module plays the provider (`POST /acp/psp/agentic_commerce/delegate_payment`)
and the merchant's check of the token at `complete`. Nothing is charged: no card number is
stored (only the brand and last four digits), and a spent token cannot be spent again on
another session.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import insert, select, update

from assistant.channels.acp.models import AcpError, Address
from assistant.channels.acp.tables import acp_payment_tokens
from assistant.clock import Clock, utcnow
from assistant.storage.engine import Store


class Card(BaseModel):
    """The card to tokenise (simulated: checked, never stored)."""

    model_config = ConfigDict(extra="forbid")

    type: Literal["card"]
    card_number_type: Literal["fpan", "network_token"]
    number: str = Field(pattern=r"^[0-9]{12,19}$")
    exp_month: str | None = Field(None, pattern=r"^(0?[1-9]|1[0-2])$")
    exp_year: str | None = Field(None, pattern=r"^[0-9]{4}$")
    name: str | None = Field(None, max_length=256)
    cvc: str | None = Field(None, pattern=r"^[0-9]{3,4}$")
    checks_performed: list[Literal["avs", "cvv", "ani", "auth0"]] = Field(default_factory=list)
    iin: str | None = Field(None, max_length=6)
    display_card_funding_type: Literal["credit", "debit", "prepaid"]
    display_brand: str | None = Field(None, max_length=32)
    display_last4: str | None = Field(None, pattern=r"^[0-9]{4}$")
    metadata: dict[str, str] = Field(default_factory=dict)


class Allowance(BaseModel):
    """What the token may pay for."""

    model_config = ConfigDict(extra="forbid")

    reason: Literal["one_time"]
    max_amount: int = Field(gt=0, description="Minor units.")
    currency: str = Field(pattern=r"^[a-z]{3}$")
    checkout_session_id: str = Field(min_length=1, max_length=64)
    merchant_id: str = Field(min_length=1, max_length=256)
    expires_at: dt.datetime


class RiskSignal(BaseModel):
    """The agent platform's fraud signal."""

    model_config = ConfigDict(extra="forbid")

    type: Literal["card_testing"]
    score: int
    action: Literal["blocked", "manual_review", "authorized"]


class DelegatePaymentRequest(BaseModel):
    """POST /agentic_commerce/delegate_payment."""

    model_config = ConfigDict(extra="forbid")

    payment_method: Card
    allowance: Allowance
    billing_address: Address | None = None
    risk_signals: list[RiskSignal] = Field(min_length=1)
    metadata: dict[str, str] = Field(default_factory=dict)


def _luhn_ok(number: str) -> bool:
    digits = [int(d) for d in reversed(number)]
    total = sum(digits[0::2]) + sum(sum(divmod(2 * d, 10)) for d in digits[1::2])
    return total % 10 == 0


def _declined(message: str) -> AcpError:
    return AcpError(400, "payment_declined", message, param="$.payment_data.token")


class SimulatedVault:
    """Issues and checks delegated-payment tokens; charges nothing."""

    def __init__(self, store: Store, merchant_id: str, clock: Clock = utcnow) -> None:
        self.store = store
        self.merchant_id = merchant_id
        self.clock = clock

    def delegate(self, request: DelegatePaymentRequest, idempotency_key: str) -> dict[str, Any]:
        """Tokenise a card for one allowance; refuses blocked risk, bad cards and allowances."""
        card, allowance = request.payment_method, request.allowance
        if card.card_number_type == "fpan" and not _luhn_ok(card.number):
            raise AcpError(
                400,
                "invalid_card",
                "the card number fails its check digit",
                param="$.payment_method.number",
            )
        if any(signal.action == "blocked" for signal in request.risk_signals):
            raise AcpError(
                400, "invalid_card", "a risk signal blocked this card", param="$.risk_signals"
            )
        if allowance.merchant_id != self.merchant_id:
            raise AcpError(
                400,
                "invalid_request",
                f"the allowance is for another merchant; ours is {self.merchant_id!r}",
                param="$.allowance.merchant_id",
            )
        if _aware(allowance.expires_at) <= _aware(self.clock()):
            raise AcpError(
                400,
                "invalid_request",
                "the allowance has already expired",
                param="$.allowance.expires_at",
            )
        token, created = f"vt_{secrets.token_hex(16)}", self.clock()
        display = {"brand": card.display_brand, "last4": card.display_last4 or card.number[-4:]}
        with self.store.transaction() as connection:
            connection.execute(
                insert(acp_payment_tokens).values(
                    id=token,
                    allowance=allowance.model_dump(mode="json"),
                    card=display,
                    created_at=created,
                )
            )
        return {
            "id": token,
            "created": _aware(created).isoformat().replace("+00:00", "Z"),
            "metadata": {
                "source": "agent_checkout",
                "merchant_id": self.merchant_id,
                "idempotency_key": idempotency_key,
            },
        }

    def spend(self, token: str, session_id: str, amount: int, currency: str) -> None:
        """Charge (simulated) `amount` to the token for this session, or refuse it."""
        with self.store.transaction() as connection:
            row = (
                connection.execute(
                    select(acp_payment_tokens).where(acp_payment_tokens.c.id == token)
                )
                .mappings()
                .first()
            )
            if row is None:
                raise _declined("unknown payment token; delegate the payment first")
            allowance = Allowance.model_validate(row["allowance"])
            if row["used_by"] not in (None, session_id):
                raise _declined("this payment token was already spent on another checkout")
            if allowance.checkout_session_id != session_id:
                raise _declined("this payment token is for another checkout session")
            if allowance.currency != currency:
                raise _declined(f"this payment token is in {allowance.currency}, not {currency}")
            if allowance.max_amount < amount:
                raise _declined(
                    f"the total {amount} is above the token's allowance of {allowance.max_amount}"
                )
            if _aware(allowance.expires_at) <= _aware(self.clock()):
                raise _declined("this payment token's allowance has expired")
            connection.execute(
                update(acp_payment_tokens)
                .where(acp_payment_tokens.c.id == token)
                .values(used_by=session_id)
            )


def _aware(moment: dt.datetime) -> dt.datetime:
    """Compare naive UTC (the store's clock) and aware times alike."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
