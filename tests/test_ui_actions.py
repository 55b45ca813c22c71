"""The app's handlers without a browser: cart buttons, the Confirm button, social boxes."""

from __future__ import annotations

import gradio as gr
import pytest

from assistant.channels.http.app import create_app
from assistant.channels.http.sessions import SESSION_COOKIE
from assistant.channels.social.consent import shop_account
from assistant.channels.ui.actions import ShopActions, choose_label, variant_choices

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def actions(demo_assistant, demo_settings):
    settings = demo_settings.model_copy(update={"demo_mode": True})
    return ShopActions(create_app(demo_assistant, settings, with_ui=False).state.services)


def signed_in(actions: ShopActions, user: str) -> gr.Request:
    """A browser tab signed in as a demo shopper: its request carries the session cookie."""
    secret = actions.identity.demo_sign_in(None, user).issued.secret
    return gr.Request(cookies={SESSION_COOKIE: secret})


def _single_variant_product(actions: ShopActions) -> str:
    catalogue = actions.bot.services.catalogue
    return next(
        p.id
        for p in catalogue.products.values()
        if len(p.variants) == 1 and p.variants[0].stock > 3
    )


def test_card_button_steppers_and_confirm(actions):
    user = actions.hub.content.shoppers[-3]
    account, tab = shop_account(user), signed_in(actions, user)
    for line in actions.bot.commerce.get_cart(account).lines:
        actions.change_line(line.product_id, line.variant_id, 0, 0, tab)
    product_id = _single_variant_product(actions)
    assert actions.add_to_cart(product_id, None, 0, tab) == 1
    variant_id = actions.bot.commerce.get_cart(account).lines[0].variant_id
    actions.change_line(product_id, variant_id, 3, 1, tab)
    assert actions.bot.commerce.get_cart(account).lines[0].qty == 3
    *_, tick = list(actions.chat_turn("checkout", [], [], 1, tab))[-1]
    text, pending, visible = actions.pending_view(actions.visitor(tab))
    assert pending and "waiting for you" in text and visible["visible"] is True
    history, *_ = actions.confirm(pending, [], tick, tab)
    assert "ORD-" in history[-1]["content"]
    assert actions.bot.commerce.get_cart(account).lines == []
    assert pending["checkout_id"] and "processing" in actions.orders_html(tab)


def test_refusals_keep_the_typed_text_and_change_nothing(actions):
    tab = signed_in(actions, actions.hub.content.shoppers[-4])
    product_id = _single_variant_product(actions)
    # Outside a browser request, Gradio's toast messages surface as warnings.
    with pytest.warns(UserWarning, match="has no variant 'no-such-variant'"):
        assert actions.add_to_cart(product_id, "no-such-variant", 5, tab) == 5  # same tick
    with pytest.warns(UserWarning, match="Chirp allows 280"):
        reply = actions.social_reply("microblog", "mi-001", "x" * 300, 7, tab)
    public, text, _thread, tick = reply
    assert (public, text, tick) == ("", "x" * 300, 7)
    with pytest.warns(UserWarning, match="press Checkout first"):
        assert actions.confirm(None, [], 2, tab)[-1] == 2


def test_a_tab_without_a_live_session_is_asked_to_reload(actions):
    for tab in (gr.Request(cookies={}), gr.Request(cookies={SESSION_COOKIE: "sa_" + "x" * 43})):
        with pytest.raises(gr.Error, match="reload the page"):
            actions.orders_html(tab)


def test_a_guest_tab_cannot_act_in_the_social_apps(actions):
    guest = actions.identity.sessions.issue("web").secret
    tab = gr.Request(cookies={SESSION_COOKIE: guest})
    with pytest.warns(UserWarning, match="Sign in to Chirp first"):
        public, text, thread, tick = actions.social_reply("microblog", "mi-004", "#cart", 3, tab)
    assert (public, text, thread, tick) == ("", "#cart", [], 3)


def _product_with_several_in_stock(actions: ShopActions):
    catalogue = actions.bot.services.catalogue
    return next(
        p
        for p in catalogue.products.values()
        if sum(variant.stock > 3 for variant in p.variants) > 1 and "size" in p.options_by_name()
    )


def test_a_card_with_several_variants_starts_with_none_picked(actions):
    """The picker used to start on the first variant, so Add to cart added an XS silently."""
    product = _product_with_several_in_stock(actions)
    choices, picked = variant_choices(product)
    assert picked is None and len(choices) > 1
    assert choose_label(product).startswith("Choose a ") and "size" in choose_label(product)
    single = actions.bot.services.catalogue.products[_single_variant_product(actions)]
    assert variant_choices(single)[1] == single.variants[0].id


def test_add_to_cart_refuses_until_a_variant_is_picked(actions):
    user = actions.hub.content.shoppers[-5]
    account, tab = shop_account(user), signed_in(actions, user)
    product = _product_with_several_in_stock(actions)
    before = actions.bot.commerce.get_cart(account).lines
    with pytest.warns(UserWarning, match=r"Choose a .*size.* first"):
        assert actions.add_to_cart(product.id, None, 4, tab) == 4
    assert actions.bot.commerce.get_cart(account).lines == before
    wanted = [variant for variant in product.variants if variant.stock > 3][-1]
    assert actions.add_to_cart(product.id, wanted.id, 4, tab) == 5
    added = [line for line in actions.bot.commerce.get_cart(account).lines if line not in before]
    assert [(line.variant_id, line.qty) for line in added] == [(wanted.id, 1)]
