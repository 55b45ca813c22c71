"""The Gradio app: the shop assistant's chat, the social apps, the cart and the orders.

Only wiring lives here: every handler calls the Assistant, the CartService or the SocialHub
and renders what they return with `assistant.views`.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr
from fastapi import FastAPI

from assistant import views
from assistant.assistant import Assistant, Reply
from assistant.cart import CartError, Origin
from assistant.money import format_minor
from assistant.planner import CART_CHANGING
from assistant.social.apps import APPS
from assistant.social.hub import SocialError, SocialHub

POSTS_PER_APP = 6
EXAMPLE_PROMPTS = [
    "wireless earbuds under $60",
    "compare the first two",
    "do reviews say the first one is comfortable?",
    "add the first one to my cart",
    "what's in my cart?",
    "checkout",
]
CSS = """
#sa-header h1 { margin: 0; font-size: 1.4rem; }
.sa-card { display: flex; gap: .75rem; align-items: flex-start; padding: .5rem;
  border: 1px solid var(--border-color-primary); border-radius: .6rem; }
.sa-card img { border-radius: .5rem; flex: none; }
.sa-card-title { font-weight: 600; }
.sa-card-price { font-size: 1.1rem; }
.sa-card-meta { color: var(--body-text-color-subdued); font-size: .85rem; }
.sold-out { color: #cf222e; } .in-stock { color: #1a7f37; }
.sa-totals, .sa-orders { width: 100%; border-collapse: collapse; font-size: .9rem; }
.sa-totals td, .sa-orders td, .sa-orders th { padding: .25rem .4rem !important; text-align: left;
  border: none !important; border-bottom: 1px solid var(--border-color-primary) !important; }
.sa-totals, .sa-orders { border: none !important; }
.sa-total td { font-weight: 700; }
.sa-empty { color: var(--body-text-color-subdued); padding: .5rem 0; }
.sa-post { padding: .6rem; border: 1px solid var(--border-color-primary); border-radius: .6rem; }
.sa-post-author { font-weight: 600; }
.sa-post-meta { color: var(--body-text-color-subdued); font-size: .85rem; }
.sa-tag { display: flex; gap: .5rem; align-items: center; margin-top: .4rem; font-size: .9rem; }
.sa-tag img { border-radius: .3rem; }
.sa-line-button { min-width: 2.5rem !important; max-width: 3rem; }
@media (max-width: 640px) {
  .sa-orders td:nth-child(3), .sa-orders th:nth-child(3) { display: none; }
}
"""


def mount_ui(app: FastAPI, bot: Assistant, hub: SocialHub) -> FastAPI:
    """Mount the Gradio app at `/`, with no file access beyond Gradio's own assets."""
    return gr.mount_gradio_app(
        app,
        build_ui(bot, hub),
        path="/",
        allowed_paths=[],
        footer_links=[],
        ssr_mode=False,
        mcp_server=False,
        pwa=False,
        enable_monitoring=False,
        css=CSS,
        theme=gr.themes.Soft(),
    )


def web_session(user: str) -> str:
    """The web chat's session id for a simulated shopper."""
    return f"web:{user}"


def shop_account(user: str) -> str:
    """The shop account of a simulated shopper, shared with their linked social handles."""
    return f"shop:{user}"


def build_ui(bot: Assistant, hub: SocialHub) -> gr.Blocks:
    """The Blocks of the app; mount them with `gr.mount_gradio_app`."""
    catalogue = bot.services.catalogue
    shoppers = hub.content.shoppers

    def reply_markdown(reply: Reply) -> str:
        ids = [citation.id for citation in reply.citations]
        citations = [citation.model_dump() for citation in reply.citations]
        return views.linked_citations(reply.text, ids) + views.sources_line(citations)

    def pending_view(user: str) -> tuple[str, dict[str, Any] | None, Any]:
        pending = bot.sessions.load(web_session(user), shop_account(user)).pending_checkout
        if pending is None:
            return "", None, gr.update(visible=False)
        text = (
            f"**Checkout {pending.checkout_id}** is waiting for you: total "
            f"**{format_minor(pending.total_minor, pending.currency)}**. "
            "Press Confirm to place the order."
        )
        return text, pending.model_dump(), gr.update(visible=True)

    def chat_turn(
        message: str, history: list[dict[str, Any]], shown: list[str], user: str, tick: int
    ) -> Iterator[tuple[Any, ...]]:
        """Stream one turn into the chat, then refresh cards, cart and checkout."""
        if not message.strip():
            yield history, "", shown, *pending_view(user), tick
            return
        history = [*history, {"role": "user", "content": message}]
        partial = ""
        for event in bot.stream(web_session(user), message, "web", shop_account(user)):
            if event.type == "delta":
                partial += event.text
                yield (
                    [*history, {"role": "assistant", "content": partial}],
                    "",
                    shown,
                    *pending_view(user),
                    tick,
                )
            elif event.reply is not None:
                history = [*history, {"role": "assistant", "content": reply_markdown(event.reply)}]
                if event.reply.intent not in CART_CHANGING:  # keep the cards while buying
                    shown = event.reply.products or shown
        yield history, "", shown, *pending_view(user), tick + 1

    def confirm(
        pending: dict[str, Any] | None, history: list[dict[str, Any]], user: str, tick: int
    ) -> tuple[Any, ...]:
        """The explicit Confirm button: the shopper's own yes to the summary shown."""
        if not pending:
            gr.Warning("There is no checkout waiting; press Checkout first.")
            return history, *pending_view(user), tick
        reply = bot.confirm(
            web_session(user), pending["checkout_id"], f"ui-{uuid.uuid4()}", shop_account(user)
        )
        history = [*history, {"role": "assistant", "content": reply_markdown(reply)}]
        return history, *pending_view(user), tick + 1

    def add_to_cart(user: str, product_id: str, variant_id: str | None, tick: int) -> int:
        """The Add to cart button on a product card: the shopper's own click."""
        try:
            bot.cart.add_item(
                shop_account(user),
                product_id,
                1,
                variant_id=variant_id,
                origin=Origin(kind="ui", ref=f"card:{product_id}"),
            )
        except CartError as error:
            gr.Warning(error.message)
            return tick
        gr.Info(f"Added {catalogue.products[product_id].title} to your cart.")
        return tick + 1

    def change_line(user: str, product_id: str, variant_id: str, qty: int, tick: int) -> int:
        """A stepper or Remove button on a cart line."""
        try:
            if qty <= 0:
                bot.cart.remove_item(shop_account(user), product_id, variant_id=variant_id)
            else:
                bot.cart.set_quantity(shop_account(user), product_id, qty, variant_id=variant_id)
        except CartError as error:
            gr.Warning(error.message)
        return tick + 1

    def social_outcome(
        app: str, user: str, tick: int, act: Any
    ) -> tuple[str, list[dict[str, str]], int, bool]:
        """Run a social action; the public reply, the app's DM thread and whether it ran."""
        try:
            response = act()
        except SocialError as error:
            gr.Warning(error.message)
            return "", hub.thread(app, user), tick, False
        public = f"↳ {response.public_reply}" if response.public_reply else ""
        if response.dms:
            public += "\n\n*The shop sent you a DM: see the thread below.*"
        return public, hub.thread(app, user), tick + 1, True

    def social_reply(app: str, post_id: str, text: str, user: str, tick: int) -> tuple[Any, ...]:
        """A public reply under a post."""
        public, thread, tick, ran = social_outcome(
            app, user, tick, lambda: hub.reply(app, post_id, user, text)
        )
        return public, "" if ran else text, thread, tick

    def social_buy(app: str, post_id: str, user: str, tick: int) -> tuple[Any, ...]:
        """The Buy button under a post."""
        public, thread, tick, _ = social_outcome(
            app, user, tick, lambda: hub.buy(app, post_id, user)
        )
        return public, thread, tick

    def social_dm(app: str, text: str, user: str, tick: int) -> tuple[Any, ...]:
        """A DM to the shop in one app."""
        if not text.strip():
            return hub.thread(app, user), "", tick
        _, thread, tick, ran = social_outcome(app, user, tick, lambda: hub.dm(app, user, text))
        return thread, "" if ran else text, tick

    def switch_identity(user: str, tick: int) -> tuple[Any, ...]:
        """Another simulated shopper: a fresh chat over their own cart and orders."""
        dms = [hub.thread(spec.name, user) for spec in APPS.values()]
        return [], [], *pending_view(user), tick + 1, *dms

    with gr.Blocks(title="ShopAssist", fill_width=True) as demo:
        tick = gr.State(0)  # bumped after anything that may change the cart or the orders
        shown = gr.State([])  # product ids of the latest cards
        pending = gr.State(None)
        with gr.Row(equal_height=False):
            gr.Markdown("# ShopAssist\nShop in chat and in the social apps.", elem_id="sa-header")
            identity = gr.Dropdown(
                shoppers, value=shoppers[0], label="Shopping as", elem_id="identity", scale=0
            )
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=320), gr.Tabs():
                with gr.Tab("Shop assistant", id="assistant"):
                    chatbot = gr.Chatbot(
                        elem_id="chat",
                        group_consecutive_messages=False,
                        height=420,
                        label="Shop assistant",
                        placeholder="Ask for a product, a comparison or what reviews say.",
                        feedback_options=None,
                    )
                    with gr.Row():
                        message = gr.Textbox(
                            show_label=False,
                            placeholder="e.g. waterproof hiking boots under $120",
                            elem_id="chat-input",
                            scale=5,
                            max_lines=4,
                        )
                        send = gr.Button("Send", variant="primary", elem_id="chat-send", scale=1)
                    gr.Examples(EXAMPLE_PROMPTS, inputs=message, label="Try")
                    gr.Markdown("### Products")

                    @gr.render(inputs=[shown])
                    def product_cards(product_ids: list[str]) -> None:
                        if not product_ids:
                            gr.Markdown("Products the assistant shows appear here.")
                        for product_id in product_ids[:6]:
                            product = catalogue.products.get(product_id)
                            if product is None:
                                continue
                            in_stock = [
                                variant for variant in product.variants if variant.stock > 0
                            ]
                            with gr.Row(equal_height=False, elem_classes=["sa-product"]):
                                gr.HTML(views.product_card(product), scale=3, min_width=240)
                                with gr.Column(scale=1, min_width=140):
                                    variant = gr.Dropdown(
                                        [(f"{v.label()} · {v.price}", v.id) for v in in_stock],
                                        value=in_stock[0].id if in_stock else None,
                                        show_label=False,
                                        visible=len(product.variants) > 1 and bool(in_stock),
                                        elem_classes=["sa-variant"],
                                    )
                                    add = gr.Button(
                                        "Add to cart" if in_stock else "Sold out",
                                        variant="primary",
                                        elem_classes=["sa-add"],
                                        interactive=bool(in_stock),
                                    )
                            add.click(
                                add_to_cart, [identity, gr.State(product_id), variant, tick], tick
                            )

                dm_boxes = []
                for spec in APPS.values():
                    with gr.Tab(spec.title, id=spec.name):
                        gr.Markdown(f"*{spec.title}: {spec.style}.*")
                        thread = gr.Chatbot(
                            value=hub.thread(spec.name, shoppers[0]),
                            height=260,
                            show_label=False,
                            elem_classes=["sa-dm"],
                            feedback_options=None,
                            render=False,
                        )
                        for item in hub.feed(spec.name)["posts"][:POSTS_PER_APP]:
                            gr.HTML(views.post_html(item, spec.title))
                            public = gr.Markdown(elem_classes=["sa-public-reply"])
                            with gr.Row():
                                text = gr.Textbox(
                                    show_label=False,
                                    placeholder="Reply: #cart, #wishlist or a question",
                                    elem_classes=["sa-reply-input"],
                                    scale=4,
                                )
                                reply_button = gr.Button(
                                    "Reply", elem_classes=["sa-reply"], scale=1
                                )
                                buy_button = gr.Button(
                                    "Buy",
                                    variant="primary",
                                    elem_classes=["sa-buy"],
                                    scale=1,
                                    visible=spec.buy_button and bool(item["products"]),
                                )
                            app_name, post_id = gr.State(spec.name), gr.State(item["id"])
                            reply_button.click(
                                social_reply,
                                [app_name, post_id, text, identity, tick],
                                [public, text, thread, tick],
                            )
                            text.submit(
                                social_reply,
                                [app_name, post_id, text, identity, tick],
                                [public, text, thread, tick],
                            )
                            buy_button.click(
                                social_buy,
                                [app_name, post_id, identity, tick],
                                [public, thread, tick],
                            )
                        gr.Markdown(f"### DMs with the shop on {spec.title}")
                        thread.render()
                        with gr.Row():
                            dm_text = gr.Textbox(
                                show_label=False,
                                placeholder=f"Message the shop on {spec.title}",
                                elem_classes=["sa-dm-input"],
                                scale=4,
                            )
                            dm_send = gr.Button("Send", elem_classes=["sa-dm-send"], scale=1)
                        dm_send.click(
                            social_dm,
                            [gr.State(spec.name), dm_text, identity, tick],
                            [thread, dm_text, tick],
                        )
                        dm_text.submit(
                            social_dm,
                            [gr.State(spec.name), dm_text, identity, tick],
                            [thread, dm_text, tick],
                        )
                        dm_boxes.append(thread)

            with gr.Column(scale=2, min_width=300):
                gr.Markdown("### Cart")

                @gr.render(inputs=[identity, tick])
                def cart_panel(user: str, _tick: int) -> None:
                    cart = bot.cart.get_cart(shop_account(user))
                    for line in cart.lines:
                        with gr.Row(equal_height=True, elem_classes=["sa-line"]):
                            gr.Markdown(
                                views.cart_line_label(
                                    line.title,
                                    line.options,
                                    line.qty,
                                    line.unit_price_minor,
                                    line.currency,
                                ),
                                elem_classes=["sa-line-label"],
                            )
                            for label, qty, classes in (
                                ("−", line.qty - 1, "sa-minus"),
                                ("+", line.qty + 1, "sa-plus"),
                                ("✕", 0, "sa-remove"),
                            ):
                                gr.Button(
                                    label,
                                    size="sm",
                                    scale=0,
                                    elem_classes=["sa-line-button", classes],
                                ).click(
                                    change_line,
                                    [
                                        identity,
                                        gr.State(line.product_id),
                                        gr.State(line.variant_id),
                                        gr.State(qty),
                                        tick,
                                    ],
                                    tick,
                                )
                    gr.HTML(views.cart_summary(cart), elem_id="sa-cart")
                    if cart.lines:
                        gr.Button("Checkout", variant="primary", elem_id="checkout").click(
                            chat_turn,
                            [gr.State("checkout"), chatbot, shown, identity, tick],
                            [chatbot, message, shown, checkout_text, pending, confirm_row, tick],
                        )

                with gr.Group(visible=False) as confirm_row:
                    checkout_text = gr.Markdown(elem_id="checkout-summary")
                    confirm_button = gr.Button(
                        "Confirm order", variant="primary", elem_id="confirm-order"
                    )
                gr.Markdown("### Orders")
                orders = gr.HTML(elem_id="sa-orders")

        chat_outputs = [chatbot, message, shown, checkout_text, pending, confirm_row, tick]
        send.click(chat_turn, [message, chatbot, shown, identity, tick], chat_outputs)
        message.submit(chat_turn, [message, chatbot, shown, identity, tick], chat_outputs)
        confirm_button.click(
            confirm,
            [pending, chatbot, identity, tick],
            [chatbot, checkout_text, pending, confirm_row, tick],
        )
        identity.change(
            switch_identity,
            [identity, tick],
            [chatbot, shown, checkout_text, pending, confirm_row, tick, *dm_boxes],
        )
        tick.change(
            lambda user: views.orders_table(bot.cart.list_orders(shop_account(user))),
            identity,
            orders,
        )
        demo.load(
            lambda user: views.orders_table(bot.cart.list_orders(shop_account(user))),
            identity,
            orders,
        )
        demo.load(lambda user: pending_view(user), identity, [checkout_text, pending, confirm_row])
    return demo
