"""What the Gradio app's buttons and boxes do: each calls the Assistant, the commerce service
or the SocialHub and returns what the app shows. No Gradio layout here, so it is testable
alone."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr

from assistant.catalogue.models import Product
from assistant.channels.http import views
from assistant.channels.social.apps import APPS
from assistant.channels.social.consent import shop_account
from assistant.channels.social.errors import SocialError
from assistant.channels.social.hub import SocialHub
from assistant.channels.social.responses import AppResponse
from assistant.commerce import CommerceError, Origin
from assistant.conversation.answers.refusals import describe_error
from assistant.conversation.engine import Assistant
from assistant.conversation.reply import Reply
from assistant.conversation.understanding.planner import CART_CHANGING
from assistant.money import format_minor

Message = dict[str, Any]


def web_session(user: str) -> str:
    """The web chat's session id for a simulated shopper."""
    return f"web:{user}"


def variant_choices(product: Product) -> tuple[list[tuple[str, str]], str | None]:
    """A card's variant picker: the variants in stock, and the one picked at the start, which
    is none when there are several to choose from (the shopper picks, nothing is assumed)."""
    in_stock = [variant for variant in product.variants if variant.stock > 0]
    choices = [(f"{variant.label()} · {variant.price}", variant.id) for variant in in_stock]
    return choices, in_stock[0].id if len(in_stock) == 1 else None


def choose_label(product: Product) -> str:
    """What the variant picker asks for: 'Choose a size/colour'."""
    return f"Choose a {'/'.join(product.options_by_name()) or 'variant'}"


def choose_first(product: Product) -> str:
    """The warning when Add to cart is pressed before a variant is picked."""
    return f"{choose_label(product)} first: {product.title} comes in several."


class ShopActions:
    """The app's event handlers over one Assistant and its social apps."""

    def __init__(self, bot: Assistant, hub: SocialHub) -> None:
        self.bot = bot
        self.hub = hub

    # ---- the assistant's chat -----------------------------------------------------------------
    @staticmethod
    def reply_markdown(reply: Reply) -> str:
        """The reply's text with cited ids linked, and a line of review sources."""
        ids = [citation.id for citation in reply.citations]
        citations = [citation.model_dump() for citation in reply.citations]
        return views.linked_citations(reply.text, ids) + views.sources_line(citations)

    def pending_view(self, user: str) -> tuple[str, dict[str, Any] | None, Any]:
        """The checkout waiting for the shopper's Confirm: its text, its data, its visibility."""
        pending = self.bot.pending_checkout(web_session(user), shop_account(user))
        if pending is None:
            return "", None, gr.update(visible=False)
        text = (
            f"**Checkout {pending.checkout_id}** is waiting for you: total "
            f"**{format_minor(pending.total_minor, pending.currency)}**. "
            "Press Confirm to place the order."
        )
        return text, pending.model_dump(), gr.update(visible=True)

    def chat_turn(
        self, message: str, history: list[Message], shown: list[str], user: str, tick: int
    ) -> Iterator[tuple[Any, ...]]:
        """Stream one turn into the chat, then refresh the cards, the cart and the checkout."""
        if not message.strip():
            yield history, "", shown, *self.pending_view(user), tick
            return
        history = [*history, {"role": "user", "content": message}]
        partial = ""
        for event in self.bot.stream(web_session(user), message, "web", shop_account(user)):
            if event.type == "delta":
                partial += event.text
                streaming = [*history, {"role": "assistant", "content": partial}]
                yield streaming, "", shown, *self.pending_view(user), tick
            elif event.reply is not None:
                text = self.reply_markdown(event.reply)
                history = [*history, {"role": "assistant", "content": text}]
                if event.reply.intent not in CART_CHANGING:  # keep the cards while buying
                    shown = event.reply.products or shown
        yield history, "", shown, *self.pending_view(user), tick + 1

    def confirm(
        self, pending: dict[str, Any] | None, history: list[Message], user: str, tick: int
    ) -> tuple[Any, ...]:
        """The explicit Confirm button: the shopper's own yes to the summary shown."""
        if not pending:
            gr.Warning("There is no checkout waiting; press Checkout first.")
            return history, *self.pending_view(user), tick
        reply = self.bot.confirm(
            web_session(user), pending["checkout_id"], f"ui-{uuid.uuid4()}", shop_account(user)
        )
        history = [*history, {"role": "assistant", "content": self.reply_markdown(reply)}]
        return history, *self.pending_view(user), tick + 1

    # ---- the cart -----------------------------------------------------------------------------
    def add_to_cart(self, user: str, product_id: str, variant_id: str | None, tick: int) -> int:
        """The Add to cart button on a product card: the shopper's own click, of the variant
        they picked; with several to choose from and none picked, nothing is added."""
        product = self.bot.services.catalogue.products[product_id]
        try:
            self.bot.commerce.add_item(
                shop_account(user),
                product_id,
                1,
                variant_id=variant_id or None,
                origin=Origin(kind="ui", ref=f"card:{product_id}"),
            )
        except CommerceError as error:
            choose = error.code == "ambiguous_variant" and not variant_id
            gr.Warning(choose_first(product) if choose else describe_error(error))
            return tick
        gr.Info(f"Added {product.title} to your cart.")
        return tick + 1

    def change_line(self, user: str, product_id: str, variant_id: str, qty: int, tick: int) -> int:
        """A − / + stepper or the ✕ button on a cart line."""
        try:
            if qty <= 0:
                self.bot.commerce.remove_item(shop_account(user), product_id, variant_id=variant_id)
            else:
                self.bot.commerce.set_quantity(
                    shop_account(user), product_id, qty, variant_id=variant_id
                )
        except CommerceError as error:
            gr.Warning(describe_error(error))
        return tick + 1

    def orders_html(self, user: str) -> str:
        """The shopper's order history."""
        return views.orders_table(self.bot.commerce.list_orders(shop_account(user)))

    # ---- the social apps ----------------------------------------------------------------------
    def _social(
        self, app: str, user: str, tick: int, act: Callable[[], AppResponse]
    ) -> tuple[str, list[Message], int, bool]:
        """Run a social action: the public reply, the app's DM thread, and whether it ran."""
        try:
            response = act()
        except SocialError as error:
            gr.Warning(error.message)
            return "", self.hub.thread(app, user), tick, False
        public = f"↳ {response.public_reply}" if response.public_reply else ""
        if response.dms:
            public += "\n\n*The shop sent you a DM: see the thread below.*"
        return public, self.hub.thread(app, user), tick + 1, True

    def social_reply(
        self, app: str, post_id: str, text: str, user: str, tick: int
    ) -> tuple[Any, ...]:
        """A public reply under a post; the box keeps the text when it is refused."""
        public, thread, tick, ran = self._social(
            app, user, tick, lambda: self.hub.reply(app, post_id, user, text)
        )
        return public, "" if ran else text, thread, tick

    def social_buy(self, app: str, post_id: str, user: str, tick: int) -> tuple[Any, ...]:
        """The Buy button under a post."""
        public, thread, tick, _ = self._social(
            app, user, tick, lambda: self.hub.buy(app, post_id, user)
        )
        return public, thread, tick

    def social_dm(self, app: str, text: str, user: str, tick: int) -> tuple[Any, ...]:
        """A DM to the shop in one app."""
        if not text.strip():
            return self.hub.thread(app, user), "", tick
        _, thread, tick, ran = self._social(app, user, tick, lambda: self.hub.dm(app, user, text))
        return thread, "" if ran else text, tick

    def switch_identity(self, user: str, tick: int) -> tuple[Any, ...]:
        """Another simulated shopper: a fresh chat over their own cart, orders and DMs."""
        threads = [self.hub.thread(spec.name, user) for spec in APPS.values()]
        return [], [], *self.pending_view(user), tick + 1, *threads
