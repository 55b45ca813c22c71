"""The Gradio app's layout: the assistant's chat, the social apps, the cart and the orders.

Only layout and wiring live here; what each button does is in `assistant.channels.ui.actions`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr
from fastapi import FastAPI

from assistant.channels.http import views
from assistant.channels.http.dependencies import HttpServices
from assistant.channels.social.apps import APPS, AppSpec
from assistant.channels.ui.actions import ShopActions, choose_label, variant_choices
from assistant.channels.ui.signin import account_panel

POSTS_PER_APP = 6
RENDERS = "page-renders"  # one queue for the page's re-renders (see product_cards)
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


def mount_ui(app: FastAPI, services: HttpServices) -> FastAPI:
    """Mount the Gradio app at `/`, with no file access beyond Gradio's own assets."""
    return gr.mount_gradio_app(
        app,
        build_ui(ShopActions(services)),
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


@dataclass
class Shared:
    """Components that several sections read or update."""

    tick: gr.State  # bumped after anything that may change the cart or the orders
    shown: gr.State  # product ids of the latest cards
    pending: gr.State  # the checkout waiting for Confirm
    chatbot: gr.Chatbot | None = None
    message: gr.Textbox | None = None
    checkout_text: gr.Markdown | None = None
    confirm_group: gr.Group | None = None

    def chat_outputs(self) -> list[gr.components.Component]:
        """What a chat turn updates."""
        return [
            self.chatbot,
            self.message,
            self.shown,
            self.checkout_text,
            self.pending,
            self.confirm_group,
            self.tick,
        ]


def build_ui(actions: ShopActions) -> gr.Blocks:
    """The Blocks of the app; mount them with `gr.mount_gradio_app`."""
    with gr.Blocks(title="ShopAssist", fill_width=True) as demo:
        with gr.Row(equal_height=False):
            with gr.Column(scale=1, min_width=240):  # on a phone, the sign-in goes below
                gr.Markdown(
                    "# ShopAssist\nShop in chat and in the social apps.", elem_id="sa-header"
                )
            shopping_as, account_line = account_panel(actions)
        shared = Shared(gr.State(0), gr.State([]), gr.State(None))
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=320), gr.Tabs():
                with gr.Tab("Shop assistant", id="assistant"):
                    send = _assistant_tab(actions, shared)
                threads = []
                for spec in APPS.values():
                    with gr.Tab(spec.title, id=spec.name):
                        threads.append(_app_tab(actions, shared, spec))
            with gr.Column(scale=2, min_width=300):
                orders = _cart_column(actions, shared)
        # Wired last: a chat turn also updates the checkout panel built in the cart column.
        chat_inputs = [shared.message, shared.chatbot, shared.shown, shared.tick]
        send.click(actions.chat_turn, chat_inputs, shared.chat_outputs())
        shared.message.submit(actions.chat_turn, chat_inputs, shared.chat_outputs())
        shared.tick.change(actions.orders_html, None, orders)
        demo.load(
            actions.on_load,
            None,
            [
                shopping_as,
                account_line,
                orders,
                shared.checkout_text,
                shared.pending,
                shared.confirm_group,
                *threads,
            ],
        )
    return demo


def _assistant_tab(actions: ShopActions, shared: Shared) -> gr.Button:
    """The chat with the shop assistant, example prompts and the product cards; returns Send."""
    shared.chatbot = gr.Chatbot(
        elem_id="chat",
        group_consecutive_messages=False,
        height=420,
        label="Shop assistant",
        placeholder="Ask for a product, a comparison or what reviews say.",
        feedback_options=None,
    )
    with gr.Row():
        shared.message = gr.Textbox(
            show_label=False,
            placeholder="e.g. waterproof hiking boots under $120",
            elem_id="chat-input",
            scale=5,
            max_lines=4,
        )
        send = gr.Button("Send", variant="primary", elem_id="chat-send", scale=1)
    gr.Examples(EXAMPLE_PROMPTS, inputs=shared.message, label="Try")
    gr.Markdown("### Products")
    catalogue = actions.bot.services.catalogue

    # Gradio re-renders by walking the page's blocks: two renders at once (the cards and
    # the cart, after one click) raced on that dict («dictionary changed size during
    # iteration» in CI), so the page's renders take turns.
    @gr.render(inputs=[shared.shown], concurrency_limit=1, concurrency_id=RENDERS)
    def product_cards(product_ids: list[str]) -> None:
        if not product_ids:
            gr.Markdown("Products the assistant shows appear here.")
        for product_id in product_ids[:6]:
            product = catalogue.products.get(product_id)
            if product is None:
                continue
            choices, picked = variant_choices(product)
            with gr.Row(equal_height=False, elem_classes=["sa-product"]):
                gr.HTML(views.product_card(product), scale=3, min_width=240)
                with gr.Column(scale=1, min_width=140):
                    variant = gr.Dropdown(
                        choices,
                        value=picked,  # None: several in stock, the shopper picks one
                        label=choose_label(product),
                        show_label=picked is None,
                        visible=len(product.variants) > 1 and bool(choices),
                        elem_classes=["sa-variant"],
                    )
                    add = gr.Button(
                        "Add to cart" if choices else "Sold out",
                        variant="primary",
                        elem_classes=["sa-add"],
                        interactive=bool(choices),
                    )
            add.click(
                actions.add_to_cart, [gr.State(product_id), variant, shared.tick], shared.tick
            )

    return send


def _app_tab(actions: ShopActions, shared: Shared, spec: AppSpec) -> gr.Chatbot:
    """One social app: its feed with reply boxes and Buy buttons, and the DM thread."""
    gr.Markdown(f"*{spec.title}: {spec.style}.*")
    thread = gr.Chatbot(
        height=260,
        show_label=False,
        elem_classes=["sa-dm"],
        feedback_options=None,
        render=False,  # shown below the feed, but the posts' handlers update it
    )
    app_name = gr.State(spec.name)
    for item in actions.hub.feed(spec.name)["posts"][:POSTS_PER_APP]:
        gr.HTML(views.post_html(item, spec.title))
        public = gr.Markdown(elem_classes=["sa-public-reply"])
        with gr.Row():
            text = gr.Textbox(
                show_label=False,
                placeholder="Reply: #cart, #wishlist or a question",
                elem_classes=["sa-reply-input"],
                scale=4,
            )
            reply_button = gr.Button("Reply", elem_classes=["sa-reply"], scale=1)
            buy_button = gr.Button(
                "Buy",
                variant="primary",
                elem_classes=["sa-buy"],
                scale=1,
                visible=spec.buy_button and bool(item["products"]),
            )
        post_id = gr.State(item["id"])
        reply_inputs = [app_name, post_id, text, shared.tick]
        reply_outputs = [public, text, thread, shared.tick]
        reply_button.click(actions.social_reply, reply_inputs, reply_outputs)
        text.submit(actions.social_reply, reply_inputs, reply_outputs)
        buy_button.click(
            actions.social_buy,
            [app_name, post_id, shared.tick],
            [public, thread, shared.tick],
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
    dm_inputs = [app_name, dm_text, shared.tick]
    dm_send.click(actions.social_dm, dm_inputs, [thread, dm_text, shared.tick])
    dm_text.submit(actions.social_dm, dm_inputs, [thread, dm_text, shared.tick])
    return thread


def _cart_column(actions: ShopActions, shared: Shared) -> gr.HTML:
    """The live cart with steppers, Checkout, the Confirm button and the order history."""
    gr.Markdown("### Cart")

    @gr.render(inputs=[shared.tick], concurrency_limit=1, concurrency_id=RENDERS)
    def cart_panel(_tick: int, request: gr.Request) -> None:
        cart = actions.cart(request)
        for line in cart.lines:
            with gr.Row(equal_height=True, elem_classes=["sa-line"]):
                gr.Markdown(
                    views.cart_line_label(
                        line.title, line.options, line.qty, line.unit_price_minor, line.currency
                    ),
                    elem_classes=["sa-line-label"],
                )
                for label, qty, classes in (
                    ("−", line.qty - 1, "sa-minus"),
                    ("+", line.qty + 1, "sa-plus"),
                    ("✕", 0, "sa-remove"),
                ):
                    gr.Button(
                        label, size="sm", scale=0, elem_classes=["sa-line-button", classes]
                    ).click(
                        actions.change_line,
                        [
                            gr.State(line.product_id),
                            gr.State(line.variant_id),
                            gr.State(qty),
                            shared.tick,
                        ],
                        shared.tick,
                    )
        gr.HTML(views.cart_summary(cart), elem_id="sa-cart")
        if cart.lines:
            gr.Button("Checkout", variant="primary", elem_id="checkout").click(
                actions.chat_turn,
                [gr.State("checkout"), shared.chatbot, shared.shown, shared.tick],
                shared.chat_outputs(),
            )

    with gr.Group(visible=False) as shared.confirm_group:
        shared.checkout_text = gr.Markdown(elem_id="checkout-summary")
        confirm_button = gr.Button("Confirm order", variant="primary", elem_id="confirm-order")
    confirm_button.click(
        actions.confirm,
        [shared.pending, shared.chatbot, shared.tick],
        [shared.chatbot, shared.checkout_text, shared.pending, shared.confirm_group, shared.tick],
    )
    gr.Markdown("### Orders")
    return gr.HTML(elem_id="sa-orders")
