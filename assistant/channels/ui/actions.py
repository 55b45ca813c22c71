"""What the Gradio app's buttons and boxes do: each calls the Assistant, the commerce service
or a simulated app and returns what the app shows. No Gradio layout here, so it is testable
alone.

Who is shopping is never an input: every handler reads the visitor's session from the
HttpOnly cookie the server set (`gr.Request`), and acts for that session's shopper. The
social tabs act as the app user the visitor signed in to the app as (one click, in the demo).
"""

from __future__ import annotations

import os
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr

from assistant.catalogue.models import Product
from assistant.channels.http import views
from assistant.channels.http.sessions import SESSION_COOKIE
from assistant.channels.social.apps import APPS, app_spec
from assistant.channels.social.errors import SocialError
from assistant.channels.social.responses import AppResponse
from assistant.commerce import CommerceError, Origin
from assistant.conversation.answers.refusals import describe_error
from assistant.conversation.reply import Reply
from assistant.conversation.understanding.planner import CART_CHANGING
from assistant.identity.errors import IdentityError
from assistant.identity.sessions import WebSession
from assistant.money import format_minor

if TYPE_CHECKING:
    from assistant.channels.http.dependencies import HttpServices

Message = dict[str, Any]
RELOAD = "Your session has expired or was signed out elsewhere: reload the page to go on."
MAX_APP_TOKENS = 2048  # app tokens kept for open pages; the oldest are dropped first


@dataclass(frozen=True)
class Visitor:
    """The session behind a browser tab, and the account it is signed in to."""

    session: WebSession
    username: str | None = None

    @property
    def shopper_id(self) -> str:
        """Whose cart and orders the tab shows."""
        return self.session.shopper_id

    @property
    def conversation(self) -> str:
        """The Assistant's session id for this tab's chat."""
        return self.session.conversation_id


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
    """The app's event handlers over the HTTP app's services."""

    def __init__(self, services: HttpServices) -> None:
        self.bot = services.bot
        self.hub = services.social
        self.identity = services.identity
        self.apps = services.apps
        self.demo = services.settings.demo_mode
        self._app_tokens: OrderedDict[tuple[str, str], str] = OrderedDict()

    # ---- who is shopping ----------------------------------------------------------------------
    def visitor(self, request: gr.Request | None) -> Visitor:
        """The tab's live session (from its cookie), counted against its limits."""
        cookies = getattr(request, "cookies", None) if request is not None else None
        secret = cookies.get(SESSION_COOKIE) if cookies is not None else None
        try:
            session = self.identity.sessions.resolve(secret or "")
            self.identity.limits.hit("principal", session.account_id or session.key)
        except IdentityError as error:
            raise gr.Error(RELOAD if error.status == 401 else error.message) from None
        account = self.identity.account_of(session)
        return Visitor(session, account.username if account else None)

    def account_line(self, visitor: Visitor) -> str:
        """Who the tab shops as."""
        if visitor.username:
            return f"Signed in as **{visitor.username}**."
        return "Shopping as a **guest**: sign in to keep your cart and orders."

    def on_load(self, request: gr.Request) -> tuple[Any, ...]:
        """A page load: who is signed in, their orders, the waiting checkout, the DM threads."""
        visitor = self.visitor(request)
        threads = [self.thread(spec.name, visitor) for spec in APPS.values()]
        return (
            visitor.username or "guest",
            self.account_line(visitor),
            self._orders(visitor),
            *self.pending_view(visitor),
            *threads,
        )

    # ---- the assistant's chat -----------------------------------------------------------------
    @staticmethod
    def reply_markdown(reply: Reply) -> str:
        """The reply's text with cited ids linked, and a line of review sources."""
        ids = [citation.id for citation in reply.citations]
        citations = [citation.model_dump() for citation in reply.citations]
        return views.linked_citations(reply.text, ids) + views.sources_line(citations)

    def pending_view(self, visitor: Visitor) -> tuple[str, dict[str, Any] | None, Any]:
        """The checkout waiting for the shopper's Confirm: its text, its data, its visibility."""
        pending = self.bot.pending_checkout(visitor.conversation, visitor.shopper_id)
        if pending is None:
            return "", None, gr.update(visible=False)
        text = (
            f"**Checkout {pending.checkout_id}** is waiting for you: total "
            f"**{format_minor(pending.total_minor, pending.currency)}**. "
            "Press Confirm to place the order."
        )
        return text, pending.model_dump(), gr.update(visible=True)

    def chat_turn(
        self, message: str, history: list[Message], shown: list[str], tick: int, request: gr.Request
    ) -> Iterator[tuple[Any, ...]]:
        """Stream one turn into the chat, then refresh the cards, the cart and the checkout."""
        visitor = self.visitor(request)
        if not message.strip():
            yield history, "", shown, *self.pending_view(visitor), tick
            return
        history = [*history, {"role": "user", "content": message}]
        partial = ""
        for event in self.bot.stream(visitor.conversation, message, "web", visitor.shopper_id):
            if event.type == "delta":
                partial += event.text
                streaming = [*history, {"role": "assistant", "content": partial}]
                yield streaming, "", shown, *self.pending_view(visitor), tick
            elif event.reply is not None:
                text = self.reply_markdown(event.reply)
                history = [*history, {"role": "assistant", "content": text}]
                if event.reply.intent not in CART_CHANGING:  # keep the cards while buying
                    shown = event.reply.products or shown
        yield history, "", shown, *self.pending_view(visitor), tick + 1

    def confirm(
        self, pending: dict[str, Any] | None, history: list[Message], tick: int, request: gr.Request
    ) -> tuple[Any, ...]:
        """The explicit Confirm button: the shopper's own yes to the summary shown."""
        visitor = self.visitor(request)
        if not pending:
            gr.Warning("There is no checkout waiting; press Checkout first.")
            return history, *self.pending_view(visitor), tick
        reply = self.bot.confirm(
            visitor.conversation, pending["checkout_id"], f"ui-{uuid.uuid4()}", visitor.shopper_id
        )
        history = [*history, {"role": "assistant", "content": self.reply_markdown(reply)}]
        return history, *self.pending_view(visitor), tick + 1

    # ---- the cart -----------------------------------------------------------------------------
    def cart(self, request: gr.Request) -> Any:
        """The visitor's cart."""
        return self.bot.commerce.get_cart(self.visitor(request).shopper_id)

    def add_to_cart(
        self, product_id: str, variant_id: str | None, tick: int, request: gr.Request
    ) -> int:
        """The Add to cart button on a product card: the shopper's own click, of the variant
        they picked; with several to choose from and none picked, nothing is added."""
        visitor = self.visitor(request)
        product = self.bot.services.catalogue.products[product_id]
        try:
            self.bot.commerce.add_item(
                visitor.shopper_id,
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

    def change_line(
        self, product_id: str, variant_id: str, qty: int, tick: int, request: gr.Request
    ) -> int:
        """A − / + stepper or the ✕ button on a cart line."""
        shopper = self.visitor(request).shopper_id
        try:
            if qty <= 0:
                self.bot.commerce.remove_item(shopper, product_id, variant_id=variant_id)
            else:
                self.bot.commerce.set_quantity(shopper, product_id, qty, variant_id=variant_id)
        except CommerceError as error:
            gr.Warning(describe_error(error))
        return tick + 1

    def orders_html(self, request: gr.Request) -> str:
        """The visitor's order history."""
        return self._orders(self.visitor(request))

    def _orders(self, visitor: Visitor) -> str:
        return views.orders_table(self.bot.commerce.list_orders(visitor.shopper_id))

    # ---- the social apps ----------------------------------------------------------------------
    def app_user(self, app: str, visitor: Visitor) -> str | None:
        """The handle the visitor is signed in to the app as: in the demo, the simulated
        shopper they shop as, signed in to the app with one click (the app's own token)."""
        handle = visitor.username
        if not self.demo or handle not in self.hub.content.shoppers:
            return None
        key = (visitor.session.key, app)
        try:
            return self.apps.user_of(app, self._app_tokens.get(key))
        except SocialError:
            token = self.apps.sign_in(app, handle)
            self._app_tokens[key] = token
            while len(self._app_tokens) > MAX_APP_TOKENS:
                self._app_tokens.popitem(last=False)
            return self.apps.user_of(app, token)

    def thread(self, app: str, visitor: Visitor) -> list[Message]:
        """The app user's DM thread with the shop (empty when not signed in to the app)."""
        handle = self.app_user(app, visitor)
        return [] if handle is None else self.hub.thread(app, handle)

    def _social(
        self, app: str, tick: int, request: gr.Request, act: Callable[[str], AppResponse]
    ) -> tuple[str, list[Message], int, bool]:
        """Run a social action as the app user: the public reply, the DM thread, whether it ran."""
        visitor = self.visitor(request)
        handle = self.app_user(app, visitor)
        if handle is None:
            title = app_spec(app).title
            gr.Warning(
                f"Sign in to {title} first: in the demo, pick a shopper in «Shopping as». "
                f"A real {title} delivers signed events to POST /api/social/{app}/events."
            )
            return "", [], tick, False
        try:
            response = act(handle)
        except SocialError as error:
            gr.Warning(error.message)
            return "", self.hub.thread(app, handle), tick, False
        public = f"↳ {response.public_reply}" if response.public_reply else ""
        if response.dms:
            public += "\n\n*The shop sent you a DM: see the thread below.*"
        return public, self.hub.thread(app, handle), tick + 1, True

    def social_reply(
        self, app: str, post_id: str, text: str, tick: int, request: gr.Request
    ) -> tuple[Any, ...]:
        """A public reply under a post; the box keeps the text when it is refused."""
        public, thread, tick, ran = self._social(
            app, tick, request, lambda handle: self.apps.reply(app, handle, post_id, text)
        )
        return public, "" if ran else text, thread, tick

    def social_buy(self, app: str, post_id: str, tick: int, request: gr.Request) -> tuple[Any, ...]:
        """The Buy button under a post."""
        public, thread, tick, _ = self._social(
            app, tick, request, lambda handle: self.apps.buy(app, handle, post_id)
        )
        return public, thread, tick

    def social_dm(self, app: str, text: str, tick: int, request: gr.Request) -> tuple[Any, ...]:
        """A DM to the shop in one app."""
        if not text.strip():
            return self.thread(app, self.visitor(request)), "", tick
        _, thread, tick, ran = self._social(
            app, tick, request, lambda handle: self.apps.dm(app, handle, text)
        )
        return thread, "" if ran else text, tick
