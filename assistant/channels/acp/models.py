"""The Agentic Commerce Protocol's shapes (checkout API version 2026-01-16), as pydantic models.

Requests are validated strictly (unknown fields are refused, as the spec's schemas say with
`additionalProperties: false`); every amount is an integer in minor units and currencies are
lowercase ISO 4217 codes, as the protocol writes them.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

API_VERSION = "2026-01-16"
Status = Literal[
    "not_ready_for_payment",
    "ready_for_payment",
    "completed",
    "canceled",
    "in_progress",
    "authentication_required",
]
TotalType = Literal[
    "items_base_amount",
    "items_discount",
    "subtotal",
    "discount",
    "fulfillment",
    "tax",
    "fee",
    "total",
]
MessageCode = Literal[
    "missing", "invalid", "out_of_stock", "payment_declined", "requires_sign_in", "requires_3ds"
]


class Strict(BaseModel):
    """A protocol object: unknown fields are an error, as in the spec's schemas."""

    model_config = ConfigDict(extra="forbid")


class Address(Strict):
    """A postal address."""

    name: str = Field(min_length=1, max_length=256)
    line_one: str = Field(min_length=1, max_length=256)
    line_two: str | None = Field(None, max_length=256)
    city: str = Field(min_length=1, max_length=128)
    state: str = Field(max_length=128)
    country: str = Field(min_length=2, max_length=2, description="ISO 3166-1 alpha-2")
    postal_code: str = Field(min_length=1, max_length=20)


class Buyer(Strict):
    """Who is buying."""

    first_name: str = Field(min_length=1, max_length=128)
    last_name: str = Field(min_length=1, max_length=128)
    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=256)
    phone_number: str | None = Field(None, max_length=32)


class Item(Strict):
    """An item the buyer wants: a feed item id (a variant id) and a quantity."""

    id: str = Field(min_length=1, max_length=128)
    quantity: int = Field(ge=1)


class FulfillmentDetails(Strict):
    """Where and to whom the order goes."""

    name: str | None = Field(None, max_length=256)
    phone_number: str | None = Field(None, max_length=32)
    email: str | None = Field(None, max_length=256)
    address: Address | None = None


class SelectedOption(Strict):
    """The option chosen for some items."""

    option_id: str = Field(min_length=1, max_length=64)
    item_ids: list[str] = Field(default_factory=list, max_length=100)


class SelectedFulfillmentOption(Strict):
    """A selected fulfilment option; the flat form of the RFC's prose example is accepted too."""

    type: Literal["shipping", "digital"] = "shipping"
    shipping: SelectedOption | None = None
    digital: SelectedOption | None = None

    @model_validator(mode="before")
    @classmethod
    def _nest_flat_form(cls, value: Any) -> Any:
        if isinstance(value, dict) and "option_id" in value:
            kind = value.get("type", "shipping")
            flat = {k: v for k, v in value.items() if k != "type"}
            return {"type": kind, kind: flat}
        return value

    @model_validator(mode="after")
    def _one_kind(self) -> SelectedFulfillmentOption:
        if getattr(self, self.type) is None:
            raise ValueError(f"a {self.type} selection needs its '{self.type}' object")
        return self

    @property
    def option_id(self) -> str:
        """The chosen option's id."""
        chosen = getattr(self, self.type)
        return chosen.option_id


class AffiliateAttribution(BaseModel):
    """Write-only attribution data; kept with the session, never returned."""

    model_config = ConfigDict(extra="allow")  # the spec says servers ignore unknown fields

    provider: str = Field(min_length=1, max_length=128)


class CreateRequest(Strict):
    """POST /checkout_sessions."""

    items: list[Item] = Field(min_length=1, max_length=50)
    buyer: Buyer | None = None
    fulfillment_details: FulfillmentDetails | None = None
    affiliate_attribution: AffiliateAttribution | None = None


class UpdateRequest(Strict):
    """POST /checkout_sessions/{id}."""

    items: list[Item] | None = Field(None, max_length=50)
    buyer: Buyer | None = None
    fulfillment_details: FulfillmentDetails | None = None
    selected_fulfillment_options: list[SelectedFulfillmentOption] | None = Field(
        None, max_length=10
    )


class PaymentData(Strict):
    """A delegated payment token and who issued it."""

    token: str = Field(min_length=1, max_length=128)
    provider: Literal["stripe"]
    billing_address: Address | None = None


class CompleteRequest(Strict):
    """POST /checkout_sessions/{id}/complete."""

    payment_data: PaymentData
    buyer: Buyer | None = None
    affiliate_attribution: AffiliateAttribution | None = None
    authentication_result: dict[str, Any] | None = None


class IntentTrace(BaseModel):
    """Why an agent abandons a session (reason codes are open-ended)."""

    reason_code: str = Field(min_length=1, max_length=64)
    trace_summary: str | None = Field(None, max_length=500)
    metadata: dict[str, str | int | float | bool] | None = None


class CancelRequest(Strict):
    """POST /checkout_sessions/{id}/cancel (the body is optional)."""

    intent_trace: IntentTrace | None = None


# ---- responses -----------------------------------------------------------------------------------
class CustomAttribute(BaseModel):
    """A labelled detail of a line, e.g. Colour: Blue."""

    display_name: str
    value: str


class SellerDetails(BaseModel):
    """The marketplace seller of a line."""

    name: str


class LineItem(BaseModel):
    """One line with its amounts in minor units."""

    id: str
    item: Item
    base_amount: int
    discount: int
    subtotal: int
    tax: int
    total: int
    name: str | None = None
    unit_amount: int | None = None
    images: list[str] = Field(default_factory=list)
    custom_attributes: list[CustomAttribute] = Field(default_factory=list)
    marketplace_seller_details: SellerDetails | None = None


class Total(BaseModel):
    """One figure of the totals."""

    type: TotalType
    display_text: str
    amount: int


class FulfillmentOptionShipping(BaseModel):
    """A way to ship the order, with its cost and delivery window."""

    type: Literal["shipping"] = "shipping"
    id: str
    title: str
    description: str | None = None
    carrier: str | None = None
    earliest_delivery_time: str | None = None
    latest_delivery_time: str | None = None
    totals: list[Total]


class Message(BaseModel):
    """Something the agent should show or fix; `param` is a JSONPath into the request."""

    type: Literal["info", "error"]
    code: MessageCode | None = None
    param: str | None = None
    content_type: Literal["plain", "markdown"] = "plain"
    content: str


LinkType = Literal["terms_of_use", "privacy_policy", "return_policy"]


class Link(BaseModel):
    """A policy page."""

    type: LinkType
    url: str


class PaymentMethod(BaseModel):
    """A payment method the shop accepts."""

    type: Literal["card"] = "card"
    supported_card_networks: list[str] = ["amex", "discover", "mastercard", "visa"]


class PaymentProvider(BaseModel):
    """Who processes payment (here: simulated delegated tokens, nothing is charged)."""

    provider: Literal["stripe"] = "stripe"
    merchant_id: str
    supported_payment_methods: list[PaymentMethod] = [PaymentMethod()]


class OrderRef(BaseModel):
    """The order a completed session made."""

    id: str
    checkout_session_id: str
    permalink_url: str


class CheckoutSession(BaseModel):
    """The authoritative state of a checkout session, returned by every endpoint."""

    id: str
    buyer: Buyer | None = None
    payment_provider: PaymentProvider
    status: Status
    currency: str
    line_items: list[LineItem]
    fulfillment_details: FulfillmentDetails | None = None
    fulfillment_options: list[FulfillmentOptionShipping]
    selected_fulfillment_options: list[SelectedFulfillmentOption] = Field(default_factory=list)
    totals: list[Total]
    messages: list[Message] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)
    order: OrderRef | None = None


class AcpError(Exception):
    """A refused request, answered in the protocol's flat error shape."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        param: str | None = None,
        type: Literal[
            "invalid_request", "request_not_idempotent", "processing_error", "service_unavailable"
        ] = "invalid_request",
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.param = status, code, message, param
        self.type, self.headers = type, headers or {}

    def body(self) -> dict[str, Any]:
        """{"type", "code", "message", "param"?}."""
        body = {"type": self.type, "code": self.code, "message": self.message}
        return body | ({"param": self.param} if self.param else {})
