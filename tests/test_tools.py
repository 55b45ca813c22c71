"""The tools as planners see them: typed functions, schemas from their signatures, refusals
as data, and no way to confirm an order."""

import pytest

from assistant.commerce import CartView, CommerceService, Origin
from assistant.commerce.pricing import PricingRules
from assistant.conversation.llm.agent import as_langchain
from assistant.conversation.tools import (
    CART_TOOLS,
    REGISTRY,
    SHOP_TOOLS,
    OrderHistory,
    ProductList,
    ToolContext,
    ToolFailure,
)
from assistant.storage.engine import Store


@pytest.fixture
def context(tmp_path, tiny_catalogue, tiny_retriever):
    store = Store(f"sqlite:///{tmp_path / 'shop.sqlite3'}")
    service = CommerceService(store, tiny_catalogue, PricingRules())
    yield ToolContext(
        commerce=service,
        retriever=tiny_retriever,
        catalogue=tiny_catalogue,
        shopper_id="ann",
        origin=Origin(kind="chat", ref="turn-1"),
    )
    store.dispose()


def run(context, name, **args):
    return REGISTRY[name].run(context, args)


def test_every_tool_is_registered_and_none_confirms():
    assert set(REGISTRY) == set(CART_TOOLS) | set(SHOP_TOOLS)
    assert not any("confirm" in name for name in REGISTRY)
    assert {name for name, spec in REGISTRY.items() if spec.changes} == {
        "add_to_cart",
        "update_cart_item",
        "change_variant",
        "remove_from_cart",
        "start_checkout",
        "buy_now",
        "cancel_order",
        "return_items",
    }


def test_schemas_come_from_the_signatures_and_docstrings():
    spec = REGISTRY["add_to_cart"]
    schema = spec.args_model.model_json_schema()
    assert set(schema["properties"]) == {"product_id", "quantity", "variant_id", "options"}
    assert schema["required"] == ["product_id"]
    assert "P0012" in schema["properties"]["product_id"]["description"]
    assert spec.description == "Add a product (and variant) to the shopper's cart."
    assert "context" not in schema["properties"]


def test_tools_change_the_cart_of_their_own_shopper_only(context):
    cart = run(context, "add_to_cart", product_id="T2", quantity=2)
    assert isinstance(cart, CartView) and cart.lines[0].qty == 2
    assert cart.lines[0].origin == Origin(kind="chat", ref="turn-1")
    assert context.commerce.get_cart("bob").lines == []
    updated = run(context, "update_cart_item", product_id="T2", quantity=3)
    assert updated.totals.subtotal_minor == 3 * 3999
    assert run(context, "view_cart").version == updated.version
    assert run(context, "remove_from_cart", product_id="T2").lines == []


def test_refusals_come_back_as_data(context):
    refused = run(context, "add_to_cart", product_id="T1", quantity=9, options={"colour": "black"})
    assert isinstance(refused, ToolFailure) and refused.code == "out_of_stock"
    assert refused.details["available"] == 5 and "only 5 left" in refused.message
    ambiguous = run(context, "add_to_cart", product_id="T3")
    assert ambiguous.code == "ambiguous_variant" and len(ambiguous.details["choices"]) == 4
    assert run(context, "add_to_cart", product_id="T2", quantity=-1).code == "invalid_quantity"
    assert run(context, "add_to_cart", product_id="T2", quantity="lots").code == (
        "invalid_arguments"
    )
    assert run(context, "cancel_order", order_id="ORD-X").code == "order_not_found"
    assert run(context, "product_details", product_id="NOPE").code == "unknown_id"


def test_start_checkout_only_summarises(context):
    run(context, "add_to_cart", product_id="T5")
    summary = run(context, "start_checkout")
    assert summary.checkout_id.startswith("CHK-")
    assert context.commerce.count_orders() == 0
    assert run(context, "order_status") == OrderHistory(orders=[])


def test_shop_tools_return_typed_products(context):
    found = run(context, "search_products", query="electric kettle")
    assert isinstance(found, ProductList) and found.products[0].id == "T5"
    assert run(context, "product_details", product_id="T5").variants


def test_the_langchain_adapter_refuses_changes_that_were_not_asked_for(context):
    guarded = as_langchain(REGISTRY["add_to_cart"], context, allow_changes=False)
    assert guarded.invoke({"product_id": "T2"})["error"]["code"] == "not_asked"
    assert context.commerce.get_cart("ann").lines == []
    allowed = as_langchain(REGISTRY["add_to_cart"], context, allow_changes=True)
    assert allowed.invoke({"product_id": "T2"})["ok"] is True


def test_change_variant_replacing_names_one_of_several_lines_and_joins_a_line_there(context):
    run(
        context, "add_to_cart", product_id="T3", quantity=1, options={"colour": "blue", "size": "9"}
    )
    run(context, "add_to_cart", product_id="T3", quantity=2, options={"colour": "red", "size": "9"})
    run(
        context, "add_to_cart", product_id="T3", quantity=1, options={"colour": "red", "size": "10"}
    )
    cart = run(
        context,
        "change_variant",
        product_id="T3",
        options={"colour": "red", "size": "10"},
        replacing={"colour": "blue", "size": "9"},
    )
    # the blue 9 joins the red 10 already there: no units lost, none made up
    assert sorted((line.variant_id, line.qty) for line in cart.lines) == [
        ("T3-red-10", 2),
        ("T3-red-9", 2),
    ]
    refused = run(
        context,
        "change_variant",
        product_id="T3",
        options={"size": "10"},
        replacing={"colour": "blue"},
    )
    assert isinstance(refused, ToolFailure) and refused.code == "not_in_cart"
    assert context.commerce.get_cart("ann").totals.subtotal_minor == cart.totals.subtotal_minor
