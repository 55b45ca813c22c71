"""ACP checkout sessions over the commerce service: one guest cart and one summary each.

A session is a guest shopper issued by the identity service (`shoppers.py`), its cart
filled through the commerce service, and, once it has items and an address, the commerce
checkout summary that reserves stock. `complete` spends the delegated payment token and
confirms that summary (`Confirmation(source="acp_complete")`), so one session makes at most
one order. Status:

    not_ready_for_payment <-> ready_for_payment -> completed
              \\__________________________/\\____-> canceled

A completed or canceled session takes no more changes (405), and `complete` before
`ready_for_payment` is refused with what is missing. A session whose guest session idled
out is canceled when it is next used.
"""

from __future__ import annotations

import secrets
from typing import Any

from assistant.channels.acp import presenters
from assistant.channels.acp.models import (
    AcpError,
    CancelRequest,
    CheckoutSession,
    CompleteRequest,
    CreateRequest,
    Item,
    Message,
    OrderRef,
    PaymentProvider,
    UpdateRequest,
)
from assistant.channels.acp.payments import SimulatedVault
from assistant.channels.acp.records import AcpRecords, Record
from assistant.channels.acp.shoppers import AcpShoppers
from assistant.commerce import CommerceError, CommerceService, Confirmation, Origin
from assistant.conversation.answers.refusals import describe_change, describe_error

TERMINAL = {"completed", "canceled"}
STALE_SUMMARY = {"expired", "replaced", "conflict", "price_changed", "cancelled"}


class AcpCheckouts:
    """Create, update, retrieve, complete and cancel checkout sessions."""

    def __init__(
        self,
        commerce: CommerceService,
        vault: SimulatedVault,
        shoppers: AcpShoppers,
        base_url: str,
    ) -> None:
        self.commerce = commerce
        self.vault = vault
        self.shoppers = shoppers
        self.records = AcpRecords(commerce.store, commerce.clock)
        self.base_url = base_url.rstrip("/")
        self.catalogue = commerce.catalogue

    # ---- the five operations ----------------------------------------------------------------
    def create(self, request: CreateRequest) -> CheckoutSession:
        """A new session for these items (201)."""
        guest = self.shoppers.issue()
        record = Record(
            id=f"cs_{secrets.token_hex(12)}", shopper_id=guest.shopper_id, session_key=guest.key
        )
        record.buyer, record.fulfillment_details = request.buyer, request.fulfillment_details
        if request.affiliate_attribution:
            record.attribution.append(request.affiliate_attribution.model_dump())
        problems = self._set_items(record, request.items)
        self._refresh(record, problems)
        self.records.insert(record)
        return self.view(record)

    def update(self, session_id: str, request: UpdateRequest) -> CheckoutSession:
        """Apply items, buyer, address or a fulfilment choice (200)."""
        record = self._open(session_id)
        self._refuse_when_closed(record, "updated")
        if request.buyer is not None:
            record.buyer = request.buyer
        if request.fulfillment_details is not None:
            record.fulfillment_details = request.fulfillment_details
        for index, choice in enumerate(request.selected_fulfillment_options or []):
            if choice.option_id != presenters.STANDARD:
                raise AcpError(
                    400,
                    "invalid",
                    f"unknown fulfillment option {choice.option_id!r}; "
                    f"the options are {presenters.STANDARD!r}",
                    param=f"$.selected_fulfillment_options[{index}]",
                )
        problems = [] if request.items is None else self._set_items(record, request.items)
        self._refresh(record, problems)
        self.records.save(record)
        return self.view(record)

    def retrieve(self, session_id: str) -> CheckoutSession:
        """The session as it stands (200, or 404)."""
        return self.view(self._open(session_id))

    def complete(self, session_id: str, request: CompleteRequest) -> CheckoutSession:
        """Spend the delegated payment and place the one order of this session (200)."""
        record = self._open(session_id)
        self._refuse_when_closed(record, "completed")
        if request.buyer is not None:
            record.buyer = request.buyer
        if request.affiliate_attribution:
            record.attribution.append(request.affiliate_attribution.model_dump())
        if record.status != "ready_for_payment" or record.checkout_id is None:
            problem = next((m for m in record.messages if m.type == "error"), None)
            problem = problem or Message(type="error", code="invalid", content="update it first")
            raise AcpError(
                400,
                problem.code or "invalid",
                f"the session is {record.status}: {problem.content}",
                param=problem.param,
            )
        shown_total = record.total_minor or 0
        token = request.payment_data.token
        self.vault.spend(token, record.id, shown_total, record.currency)
        try:
            placed = self._confirm(record, token)
        except CommerceError as error:
            if error.code not in STALE_SUMMARY:
                raise
            # The summary lapsed (15 minutes) or changed: a fresh one at the same total is
            # what the buyer agreed to; any other total needs the agent to show it again.
            self._refresh(record, [])
            if record.status != "ready_for_payment" or record.total_minor != shown_total:
                self.records.save(record)
                raise AcpError(
                    409,
                    "checkout_changed",
                    f"{describe_error(error)}; retrieve the "
                    "session, show the buyer the new totals and complete again",
                ) from None
            placed = self._confirm(record, token)
        order = placed.order
        record.status, record.order_id = "completed", order.order_id
        record.line_items = presenters.line_items(
            order.lines, order.totals.tax_minor, self.catalogue, self.base_url
        )
        record.totals = presenters.totals(order.totals)
        record.messages = [Message(type="info", content=f"Order {order.order_id} is placed.")]
        self.records.save(record)
        # Ended only once the record says completed: a request that then finds the guest
        # session gone reloads the record and sees the order, rather than canceling.
        self.shoppers.end(record.session_key)  # ordered: its cart takes no more changes
        return self.view(record)

    def cancel(self, session_id: str, request: CancelRequest) -> CheckoutSession:
        """Cancel a session that is not completed (200, or 405)."""
        record = self._open(session_id)
        self._refuse_when_closed(record, "canceled", status=405)
        if record.checkout_id is not None:
            after = self.commerce.cancel_checkout(record.shopper_id, record.checkout_id)
            if after == "confirmed":  # a completion won the race: the order stands
                raise AcpError(
                    405,
                    "invalid_state",
                    "the session is completed; it cannot be canceled (cancel the order instead)",
                )
        record.status = "canceled"
        record.intent_trace = request.intent_trace.model_dump() if request.intent_trace else None
        record.messages = [Message(type="info", content="Checkout session has been canceled.")]
        self.records.save(record)
        self.shoppers.end(record.session_key)
        return self.view(record)

    def order_of(self, order_id: str) -> tuple[str, str] | None:
        """(session id, shopper id) of the session that placed an order, if one did."""
        return self.records.order_of(order_id)

    # ---- the session's state ------------------------------------------------------------------
    def view(self, record: Record) -> CheckoutSession:
        """The authoritative state the protocol returns."""
        order = None
        if record.order_id:
            order = OrderRef(
                id=record.order_id,
                checkout_session_id=record.id,
                permalink_url=f"{self.base_url}/acp/orders/{record.order_id}",
            )
        return CheckoutSession(
            id=record.id,
            buyer=record.buyer,
            payment_provider=PaymentProvider(merchant_id=self.vault.merchant_id),
            status=record.status,
            currency=record.currency,
            line_items=record.line_items,
            fulfillment_details=record.fulfillment_details,
            fulfillment_options=record.options,
            selected_fulfillment_options=record.selected,
            totals=record.totals,
            messages=record.messages,
            links=presenters.policy_links(self.base_url),
            order=order,
        )

    def _set_items(self, record: Record, items: list[Item]) -> list[Message]:
        """Make the session's cart hold exactly these items; out-of-stock ones become messages."""
        wanted: dict[str, tuple[int, int]] = {}  # variant -> (quantity, index in the request)
        for index, item in enumerate(items):
            variant_id = self._variant_of(item.id, index)
            quantity, first = wanted.get(variant_id, (0, index))
            wanted[variant_id] = (quantity + item.quantity, first)
        shopper = record.shopper_id
        for line in self.commerce.get_cart(shopper).lines:
            if line.variant_id not in wanted:
                self.commerce.remove_item(shopper, line.product_id, None, line.variant_id)
        in_cart = {line.variant_id: line.qty for line in self.commerce.get_cart(shopper).lines}
        problems = []
        for variant_id, (quantity, index) in wanted.items():
            product, _ = self.commerce.context.variants[variant_id]
            try:
                if variant_id in in_cart:
                    if in_cart[variant_id] != quantity:
                        self.commerce.set_quantity(shopper, product.id, quantity, variant_id)
                else:
                    origin = Origin(kind="acp", ref=record.id)
                    self.commerce.add_item(shopper, product.id, quantity, variant_id, None, origin)
            except CommerceError as error:
                if error.code != "out_of_stock":
                    raise AcpError(
                        400, "invalid", describe_error(error), param=f"$.items[{index}].quantity"
                    ) from None
                problems.append(
                    Message(
                        type="error",
                        code="out_of_stock",
                        param=f"$.items[{index}]",
                        content=describe_error(error),
                    )
                )
        return problems

    def _variant_of(self, item_id: str, index: int) -> str:
        """The variant an item id names: a feed id (variant), or a one-variant product's id."""
        if item_id in self.commerce.context.variants:
            return item_id
        product = self.catalogue.products.get(item_id)
        if product is not None and len(product.variants) == 1:
            return product.variants[0].id
        raise AcpError(
            400,
            "invalid",
            f"unknown item {item_id!r}: item ids are the product feed's ids (variant ids)",
            param=f"$.items[{index}].id",
        )

    def _refresh(self, record: Record, problems: list[Message]) -> None:
        """Recompute lines, totals, options and status from the cart; ready means a summary
        (with stock held) exists for the buyer to pay."""
        shopper, messages = record.shopper_id, list(problems)
        cart = self.commerce.get_cart(shopper)
        if not cart.lines:
            messages.append(
                Message(
                    type="error",
                    code="missing",
                    param="$.items",
                    content="add at least one item that is in stock",
                )
            )
        address = record.fulfillment_details.address if record.fulfillment_details else None
        if address is None:
            messages.append(
                Message(
                    type="error",
                    code="missing",
                    param="$.fulfillment_details.address",
                    content="a shipping address is needed",
                )
            )
        lines, figures, record.total_minor = cart.lines, cart.totals, None
        if not any(m.type == "error" for m in messages):
            try:
                summary = self.commerce.start_checkout(shopper)
            except CommerceError as error:
                messages.append(
                    Message(
                        type="error",
                        code="out_of_stock",
                        param="$.items",
                        content=describe_error(error),
                    )
                )
            else:
                record.checkout_id, record.total_minor = summary.checkout_id, summary.total_minor
                lines, figures = summary.lines, summary.totals
                messages += [
                    Message(type="info", content=describe_change(change))
                    for change in summary.changes
                    if change.kind != "cart_changed"
                ]
        elif record.checkout_id is not None:  # not payable now: give its held stock back
            self.commerce.cancel_checkout(shopper, record.checkout_id)
            record.checkout_id = None
        record.status = (
            "ready_for_payment" if record.total_minor is not None else "not_ready_for_payment"
        )
        record.messages = messages
        record.line_items = presenters.line_items(
            lines, figures.tax_minor, self.catalogue, self.base_url
        )
        record.totals = presenters.totals(figures)
        record.options = presenters.shipping_options(
            lines, figures.shipping_minor, self.catalogue, self.commerce.clock()
        )
        record.selected = presenters.selected(record.option_id, lines) if lines else []

    def _confirm(self, record: Record, token: str) -> Any:
        assert record.checkout_id is not None
        confirmation = Confirmation(
            source="acp_complete",
            shopper_id=record.shopper_id,
            evidence=f"ACP complete of {record.id} with delegated payment {token}",
        )
        return self.commerce.confirm_checkout(record.checkout_id, confirmation)

    def _open(self, session_id: str) -> Record:
        """The session as it stands now: canceled first if its guest session idled out."""
        record = self.records.load(session_id)
        if record.status in TERMINAL or self.shoppers.live(record.session_key):
            return record
        return self._cancel_idle(record)

    def _refuse_when_closed(self, record: Record, verb: str, status: int = 405) -> None:
        if record.status in TERMINAL:
            raise AcpError(
                status,
                "invalid_state",
                f"the session is {record.status}; it cannot "
                f"be {verb}. Create a new checkout session instead",
            )

    def _cancel_idle(self, record: Record) -> Record:
        """Cancel a session whose guest session idled out; its summary's stock goes back.
        A completion that ended the guest session wins: the record it saved is returned."""
        if record.checkout_id is not None:
            after = self.commerce.cancel_checkout(record.shopper_id, record.checkout_id)
            if after == "confirmed":
                return self.records.load(record.id)
        record.status = "canceled"
        record.messages = [Message(type="info", content=self.shoppers.idle_note())]
        self.records.save(record)
        return record
