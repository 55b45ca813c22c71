"""The cart tools as a planner sees them: typed arguments in, data out, no confirm tool."""

import pytest

from assistant.commerce import CommerceService, Origin
from assistant.commerce.pricing import PricingRules
from assistant.conversation.tools import TOOL_NAMES, cart_tools
from assistant.storage.engine import Store


@pytest.fixture
def tools(tmp_path, tiny_catalogue):
    store = Store(f"sqlite:///{tmp_path / 'shop.sqlite3'}")
    service = CommerceService(store, tiny_catalogue, PricingRules())
    origin = Origin(kind="chat", ref="turn-1")
    yield {tool.name: tool for tool in cart_tools(service, "ann", origin)}, service
    store.dispose()


def test_the_eight_tools_and_no_way_to_confirm(tools):
    by_name, _ = tools
    assert tuple(by_name) == TOOL_NAMES
    assert not any("confirm" in name for name in by_name)
    schema = by_name["add_to_cart"].args
    assert {"product_id", "quantity", "variant_id", "options"} <= set(schema)


def test_tools_change_the_cart_of_their_own_shopper_only(tools):
    by_name, service = tools
    result = by_name["add_to_cart"].invoke({"product_id": "T2", "quantity": 2})
    assert result["ok"] and result["lines"][0]["qty"] == 2
    assert result["lines"][0]["origin"] == {
        "kind": "chat",
        "ref": "turn-1",
        "app": None,
        "creator": None,
    }
    assert service.get_cart("bob").lines == []
    updated = by_name["update_cart_item"].invoke({"product_id": "T2", "quantity": 3})
    assert updated["totals"]["subtotal_minor"] == 3 * 3999
    assert by_name["view_cart"].invoke({})["version"] == updated["version"]
    removed = by_name["remove_from_cart"].invoke({"product_id": "T2"})
    assert removed["lines"] == []


def test_errors_come_back_as_data(tools):
    by_name, _ = tools
    result = by_name["add_to_cart"].invoke(
        {"product_id": "T1", "quantity": 9, "options": {"colour": "black"}}
    )
    assert result["ok"] is False
    assert result["error"]["code"] == "out_of_stock" and result["error"]["available"] == 5
    assert "only 5 left" in result["error"]["message"]
    ambiguous = by_name["add_to_cart"].invoke({"product_id": "T3"})
    assert ambiguous["error"]["code"] == "ambiguous_variant"
    assert len(ambiguous["error"]["choices"]) == 4
    assert (
        by_name["add_to_cart"].invoke({"product_id": "T2", "quantity": -1})["error"]["code"]
        == "invalid_quantity"
    )
    assert (
        by_name["cancel_order"].invoke({"order_id": "ORD-X"})["error"]["code"] == "order_not_found"
    )


def test_start_checkout_only_summarises(tools):
    by_name, service = tools
    by_name["add_to_cart"].invoke({"product_id": "T5"})
    summary = by_name["start_checkout"].invoke({})
    assert summary["ok"] and summary["checkout_id"].startswith("CHK-")
    assert service.count_orders() == 0
    assert by_name["order_status"].invoke({}) == {"ok": True, "orders": []}
