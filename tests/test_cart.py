"""Cart, checkout and orders over a real SQLite store: no model, no UI."""

from __future__ import annotations

import pytest

from assistant.clock import ManualClock
from assistant.commerce import CommerceError, CommerceService, Confirmation, Origin, replay_audit
from assistant.commerce.pricing import PricingRules
from assistant.conversation.answers.refusals import describe_change, describe_error
from assistant.storage.engine import Store


@pytest.fixture
def clock():
    return ManualClock()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'shop.sqlite3'}"
    else:
        url = request.getfixturevalue("postgres_url")
    store = Store(url)
    yield store
    store.dispose()


@pytest.fixture
def service(store, tiny_catalogue, clock):
    return CommerceService(store, tiny_catalogue, PricingRules(), clock=clock)


def yes(shopper: str = "ann") -> Confirmation:
    return Confirmation(source="shopper_reply", shopper_id=shopper, evidence="yes, place it")


def assert_error(code: str, call, *args, **kwargs) -> CommerceError:
    with pytest.raises(CommerceError) as caught:
        call(*args, **kwargs)
    assert caught.value.code == code, str(caught.value)
    return caught.value


# ---- cart -----------------------------------------------------------------------------------
def test_add_merges_lines_and_totals_add_up(service):
    service.add_item("ann", "T2", 1)
    cart = service.add_item(
        "ann",
        "T2",
        2,
        origin=Origin(kind="cart_reply", ref="post-1", app="microblog", creator="@kai"),
    )
    assert [(line.variant_id, line.qty) for line in cart.lines] == [("T2-blue", 3)]
    assert cart.totals.subtotal_minor == 3 * 3999
    assert cart.totals.shipping_minor == 0  # over the free-shipping threshold
    assert cart.totals.total_minor == 3 * 3999
    assert cart.lines[0].origin.kind == "chat"  # the line keeps the origin that created it


def test_small_orders_pay_shipping(service):
    cart = service.add_item("ann", "T5", 1, variant_id="T5-silver", origin=Origin(kind="ui"))
    assert (cart.totals.shipping_minor, cart.totals.total_minor) == (0, 5900)  # over $50
    cart = service.add_item("bob", "T2", 1)
    assert (cart.totals.shipping_minor, cart.totals.total_minor) == (499, 3999 + 499)


def test_line_records_its_origin(service):
    origin = Origin(kind="cart_reply", ref="reply-9", app="microblog", creator="@kai")
    cart = service.add_item("ann", "T2", 1, origin=origin)
    assert cart.lines[0].origin == origin


def test_ambiguous_variant_lists_the_choices_and_changes_nothing(service):
    error = assert_error("ambiguous_variant", service.add_item, "ann", "T3", 1)
    assert {choice["variant_id"] for choice in error.details["choices"]} == {
        "T3-blue-9",
        "T3-blue-10",
        "T3-red-9",
        "T3-red-10",
    }
    narrowed = assert_error(
        "ambiguous_variant", service.add_item, "ann", "T3", 1, options={"colour": "blue"}
    )
    assert len(narrowed.details["choices"]) == 2
    assert service.get_cart("ann").lines == []
    cart = service.add_item("ann", "T3", 1, options={"colour": "Blue", "size": "10"})
    assert cart.lines[0].variant_id == "T3-blue-10"


@pytest.mark.parametrize(
    ("qty", "message"),
    [
        (0, "at least 1"),
        (-2, "at least 1"),
        (11, "at most 10"),
        (10**9, "at most 10"),
        (1.5, "whole number"),
        ("2", "whole number"),
    ],
)
def test_bad_quantities_are_refused_with_no_change(service, qty, message):
    service.add_item("ann", "T2", 1)
    before = service.get_cart("ann")
    error = assert_error("invalid_quantity", service.add_item, "ann", "T2", qty)
    assert message in describe_error(error)
    assert service.get_cart("ann") == before


def test_unknown_product_or_variant(service):
    assert "search the catalogue" in describe_error(
        assert_error("unknown_product", service.add_item, "ann", "NOPE")
    )
    assert_error("unknown_variant", service.add_item, "ann", "T1", 1, variant_id="T1-pink")
    assert_error("unknown_variant", service.add_item, "ann", "T1", 1, options={"colour": "pink"})


def test_out_of_stock_says_how_many_are_left(service):
    assert_error("out_of_stock", service.add_item, "ann", "T4", 1)
    error = assert_error("out_of_stock", service.add_item, "ann", "T1", 6, variant_id="T1-black")
    assert "only 5 left" in describe_error(error) and error.details["available"] == 5


def test_set_quantity_and_remove(service):
    service.add_item("ann", "T3", 1, variant_id="T3-red-9")
    service.add_item("ann", "T3", 1, variant_id="T3-blue-9")
    assert_error("ambiguous_variant", service.set_quantity, "ann", "T3", 2)
    cart = service.set_quantity("ann", "T3", 2, variant_id="T3-red-9")
    assert {line.variant_id: line.qty for line in cart.lines} == {"T3-red-9": 2, "T3-blue-9": 1}
    cart = service.remove_item("ann", "T3", variant_id="T3-red-9", qty=1)
    assert {line.variant_id: line.qty for line in cart.lines} == {"T3-red-9": 1, "T3-blue-9": 1}
    cart = service.remove_item("ann", "T3", options={"colour": "blue"})
    assert [line.variant_id for line in cart.lines] == ["T3-red-9"]
    missing = assert_error("not_in_cart", service.remove_item, "ann", "T5")
    assert missing.details["title"] == service.context.catalogue.products["T5"].title
    assert_error("invalid_quantity", service.set_quantity, "ann", "T3", 0)


def test_every_change_bumps_the_cart_version(service):
    v0 = service.get_cart("ann").version
    v1 = service.add_item("ann", "T2", 1).version
    v2 = service.set_quantity("ann", "T2", 2).version
    assert v0 < v1 < v2


# ---- checkout -------------------------------------------------------------------------------
def test_checkout_reserves_and_confirm_places_one_order(service):
    service.add_item("ann", "T1", 2, variant_id="T1-black")
    summary = service.start_checkout("ann")
    assert summary.total_minor == 2 * 8999 and summary.changes == []
    assert service.available("T1-black") == 3  # 5 on hand, 2 reserved
    placed = service.confirm_checkout(summary.checkout_id, yes())
    order = placed.order
    assert placed.created and order.status == "processing"
    assert order.totals.total_minor == 2 * 8999
    assert service.available("T1-black") == 3
    again = service.confirm_checkout(summary.checkout_id, yes())
    assert again.order.order_id == order.order_id and not again.created
    assert service.count_orders() == 1
    assert service.get_cart("ann").lines == []


def test_no_order_without_a_confirmation(service):
    service.add_item("ann", "T2", 1)
    summary = service.start_checkout("ann")
    assert_error(
        "confirmation_required",
        service.confirm_checkout,
        summary.checkout_id,
        {"source": "model", "shopper_id": "ann"},
    )
    with pytest.raises(ValueError):
        Confirmation(source="tool_call", shopper_id="ann", evidence="")
    assert service.count_orders() == 0


def test_someone_elses_checkout_or_order_is_not_found(service):
    service.add_item("ann", "T2", 1)
    summary = service.start_checkout("ann")
    assert_error(
        "checkout_not_found", service.confirm_checkout, summary.checkout_id, yes("mallory")
    )
    order = service.confirm_checkout(summary.checkout_id, yes("ann")).order
    assert_error("order_not_found", service.order_status, "mallory", order.order_id)
    assert_error("order_not_found", service.cancel_order, "mallory", order.order_id)
    assert_error("checkout_not_found", service.confirm_checkout, "CHK-NOPE", yes())
    assert service.list_orders("mallory") == []


def test_changed_cart_after_summary_is_a_conflict(service):
    service.add_item("ann", "T2", 1)
    summary = service.start_checkout("ann")
    service.add_item("ann", "T5", 1)
    error = assert_error("conflict", service.confirm_checkout, summary.checkout_id, yes())
    assert "start checkout again" in describe_error(error)
    assert service.count_orders() == 0


def test_price_change_between_summary_and_confirm_is_refused(service, tiny_catalogue):
    service.add_item("ann", "T2", 1)
    summary = service.start_checkout("ann")
    tiny_catalogue.product("T2").variants[0].price_minor = 4599
    error = assert_error("price_changed", service.confirm_checkout, summary.checkout_id, yes())
    assert "$39.99 to $45.99" in describe_error(error)
    fresh = service.start_checkout("ann")
    assert any(
        "price changed from $39.99 to $45.99" in describe_change(change) for change in fresh.changes
    )
    assert service.confirm_checkout(fresh.checkout_id, yes()).order.totals.subtotal_minor == 4599


def test_summary_lists_stock_shortfalls_and_seen_version(service):
    service.add_item("ann", "T1", 4, variant_id="T1-black")
    service.add_item("bob", "T1", 3, variant_id="T1-black")
    service.confirm_checkout(service.start_checkout("bob").checkout_id, yes("bob"))
    summary = service.start_checkout("ann", seen_version=0)
    assert summary.lines[0].qty == 2
    assert any("only 2 left" in describe_change(change) for change in summary.changes)
    assert any(
        "changed since you last looked" in describe_change(change) for change in summary.changes
    )


def test_expired_checkout_releases_stock(service, clock):
    service.add_item("ann", "T1", 5, variant_id="T1-black")
    summary = service.start_checkout("ann")
    assert service.available("T1-black") == 0
    clock.advance(minutes=16)
    assert service.expire_checkouts() == 1
    assert service.available("T1-black") == 5
    assert_error("expired", service.confirm_checkout, summary.checkout_id, yes())


def test_confirming_an_expired_checkout_is_refused_even_before_a_sweep(service, clock):
    service.add_item("ann", "T2", 1)
    summary = service.start_checkout("ann")
    clock.advance(hours=1)
    assert_error("expired", service.confirm_checkout, summary.checkout_id, yes())
    assert service.available("T2-blue") == 12


def test_a_new_summary_replaces_the_old_one(service):
    service.add_item("ann", "T2", 2)
    first = service.start_checkout("ann")
    second = service.start_checkout("ann")
    assert service.available("T2-blue") == 10  # reserved once, not twice
    assert_error("replaced", service.confirm_checkout, first.checkout_id, yes())
    assert service.confirm_checkout(second.checkout_id, yes()).order.lines[0].qty == 2


def test_a_cancelled_summary_releases_stock_and_cannot_be_confirmed(service):
    service.add_item("ann", "T2", 2)
    summary = service.start_checkout("ann")
    assert service.available("T2-blue") == 10
    assert_error("checkout_not_found", service.cancel_checkout, "ben", summary.checkout_id)
    assert service.cancel_checkout("ann", summary.checkout_id) == "cancelled"
    assert service.available("T2-blue") == 12
    assert service.cancel_checkout("ann", summary.checkout_id) == "cancelled"  # twice: a no-op
    error = assert_error("cancelled", service.confirm_checkout, summary.checkout_id, yes())
    assert "start checkout again" in describe_error(error)
    assert service.count_orders() == 0
    assert [line.qty for line in service.get_cart("ann").lines] == [2]  # the cart is kept
    _, stock = replay_audit(service.audit_entries())
    assert stock["T2-blue"] == (12, 0)


def test_a_confirmed_summary_stays_confirmed_when_cancelled(service):
    service.add_item("ann", "T2", 1)
    summary = service.start_checkout("ann")
    service.confirm_checkout(summary.checkout_id, yes())
    assert service.cancel_checkout("ann", summary.checkout_id) == "confirmed"
    assert service.count_orders() == 1


def test_empty_cart_cannot_check_out(service):
    assert_error("empty_cart", service.start_checkout, "ann")


# ---- orders ---------------------------------------------------------------------------------
def _order(service, shopper="ann", product="T5", qty=1):
    service.add_item(shopper, product, qty)
    return service.confirm_checkout(service.start_checkout(shopper).checkout_id, yes(shopper)).order


def test_order_moves_through_fulfilment(service, clock):
    order = _order(service)  # kettle ships in 2 days
    assert order.tracking_number is None
    clock.advance(hours=13)
    shipped = service.order_status("ann", order.order_id)
    assert shipped.status == "shipped" and shipped.tracking_number
    clock.advance(days=2)
    assert service.order_status("ann", order.order_id).status == "delivered"


def test_cancel_while_processing_restocks(service, clock):
    order = _order(service, qty=3)
    assert service.available("T5-silver") == 5
    cancelled = service.cancel_order("ann", order.order_id)
    assert cancelled.status == "cancelled" and service.available("T5-silver") == 8
    assert service.cancel_order("ann", order.order_id).status == "cancelled"  # idempotent
    assert service.available("T5-silver") == 8
    shipped = _order(service)
    clock.advance(days=1)
    refusal = assert_error("not_cancellable", service.cancel_order, "ann", shipped.order_id)
    assert "no longer be cancelled" in describe_error(refusal)


def test_returns_within_the_window(service, clock):
    order = _order(service, qty=2)
    assert_error("not_returnable", service.return_items, "ann", order.order_id)
    clock.advance(days=3)
    receipt = service.return_items("ann", order.order_id, {"T5-silver": 1})
    assert receipt.refund_minor == 5900 and service.available("T5-silver") == 7
    assert_error("invalid_quantity", service.return_items, "ann", order.order_id, {"T5-silver": 2})
    assert_error("not_in_order", service.return_items, "ann", order.order_id, {"T1-black": 1})
    clock.advance(days=31)
    assert_error("return_window_closed", service.return_items, "ann", order.order_id)


def test_order_history_is_per_shopper(service, clock):
    first = _order(service)
    clock.advance(minutes=1)
    second = _order(service, product="T2")
    _order(service, shopper="bob")
    assert [o.order_id for o in service.list_orders("ann")] == [second.order_id, first.order_id]


def database_state(store):
    """Cart lines and stock levels read straight from the tables."""
    from sqlalchemy import select

    from assistant.commerce.tables import cart_lines, stock

    with store.transaction() as connection:
        carts: dict[str, dict[str, int]] = {}
        for row in connection.execute(select(cart_lines)).mappings():
            carts.setdefault(row["cart_id"], {})[row["variant_id"]] = row["qty"]
        levels = {
            row["variant_id"]: (row["on_hand"], row["reserved"])
            for row in connection.execute(select(stock)).mappings()
        }
    return carts, levels


def test_audit_log_replays_to_the_current_state(service, store, clock):
    _order(service, qty=2)
    service.add_item("ann", "T3", 1, variant_id="T3-red-10")
    service.start_checkout("ann")
    service.add_item("bob", "T1", 1, variant_id="T1-black")
    cancelled = _order(service, shopper="cy", product="T2", qty=2)
    service.cancel_order("cy", cancelled.order_id)
    assert replay_audit(service.audit_entries()) == database_state(store)


def test_express_checkout_buys_only_the_tapped_item_and_keeps_the_cart(service):
    service.add_item("ann", "T2", 1)  # a #cart earlier on the same post
    summary = service.start_express_checkout("ann", "T2", origin=Origin(kind="buy_button"))
    assert summary.express and [(line.variant_id, line.qty) for line in summary.lines] == [
        ("T2-blue", 1)
    ]
    assert summary.totals.total_minor == 3999 + 499
    placed = service.confirm_checkout(summary.checkout_id, yes())
    assert placed.created and [line.qty for line in placed.order.lines] == [1]
    assert [(line.variant_id, line.qty) for line in service.get_cart("ann").lines] == [
        ("T2-blue", 1)
    ]
    assert service.available("T2-blue") == 11


def test_express_checkout_refuses_what_is_ambiguous_or_sold_out(service):
    assert_error("ambiguous_variant", service.start_express_checkout, "ann", "T3")
    assert_error("out_of_stock", service.start_express_checkout, "ann", "T4")
    assert service.count_orders() == 0
