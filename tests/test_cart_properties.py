"""Property-based: random operation sequences keep totals right and the audit log replayable."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.catalogue.loader import load_catalogue
from assistant.clock import ManualClock
from assistant.commerce import CommerceError, CommerceService, Confirmation, replay_audit
from assistant.storage.engine import Store
from tests.conftest import TINY_CATALOGUE
from tests.test_cart import database_state

VARIANTS = [
    ("T1", "T1-black"),
    ("T1", "T1-white"),
    ("T2", "T2-blue"),
    ("T3", "T3-red-9"),
    ("T3", "T3-blue-10"),
    ("T4", "T4-1"),
    ("T5", "T5-silver"),
]
SHOPPERS = ["ann", "bob"]

operation = st.one_of(
    st.tuples(
        st.just("add"),
        st.sampled_from(SHOPPERS),
        st.sampled_from(VARIANTS),
        st.one_of(st.integers(1, 3), st.integers(-2, 12)),
    ),
    st.tuples(
        st.just("add"), st.sampled_from(SHOPPERS), st.sampled_from(VARIANTS), st.integers(1, 2)
    ),
    st.tuples(
        st.just("set"), st.sampled_from(SHOPPERS), st.sampled_from(VARIANTS), st.integers(-1, 12)
    ),
    st.tuples(
        st.just("remove"),
        st.sampled_from(SHOPPERS),
        st.sampled_from(VARIANTS),
        st.one_of(st.none(), st.integers(1, 3)),
    ),
    st.tuples(st.just("checkout"), st.sampled_from(SHOPPERS), st.just(None), st.just(None)),
    st.tuples(st.just("confirm"), st.sampled_from(SHOPPERS), st.just(None), st.just(None)),
    st.tuples(st.just("wait"), st.just(None), st.just(None), st.integers(1, 30)),
    st.tuples(st.just("cancel"), st.sampled_from(SHOPPERS), st.just(None), st.just(None)),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(operation, min_size=1, max_size=25))
def test_random_operations_keep_totals_and_audit_consistent(operations):
    catalogue, _ = load_catalogue(TINY_CATALOGUE)
    clock = ManualClock()
    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{Path(folder) / 'shop.sqlite3'}")
        service = CommerceService(store, catalogue, clock=clock)
        pending: dict[str, str] = {}
        for kind, shopper, target, amount in operations:
            try:
                if kind == "add":
                    service.add_item(shopper, target[0], amount, variant_id=target[1])
                elif kind == "set":
                    service.set_quantity(shopper, target[0], amount, variant_id=target[1])
                elif kind == "remove":
                    service.remove_item(shopper, target[0], qty=amount, variant_id=target[1])
                elif kind == "checkout":
                    pending[shopper] = service.start_checkout(shopper).checkout_id
                elif kind == "confirm" and shopper in pending:
                    service.confirm_checkout(
                        pending[shopper],
                        Confirmation(source="ui_button", shopper_id=shopper, evidence="ok"),
                    )
                elif kind == "wait":
                    clock.advance(minutes=amount)
                elif kind == "cancel":
                    for order in service.list_orders(shopper)[:1]:
                        service.cancel_order(shopper, order.order_id)
            except CommerceError:
                pass
            for name in SHOPPERS:
                cart = service.get_cart(name)
                assert cart.totals.subtotal_minor == sum(
                    line.qty * line.unit_price_minor for line in cart.lines
                )
                assert cart.totals.total_minor == (
                    cart.totals.subtotal_minor + cart.totals.shipping_minor + cart.totals.tax_minor
                )
        carts, stock = database_state(store)
        assert all(0 <= reserved <= on_hand for on_hand, reserved in stock.values())
        assert replay_audit(service.audit_entries()) == (carts, stock)
        store.dispose()
