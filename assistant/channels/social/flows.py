"""The social flows: #cart and #wishlist replies, comment questions, DMs, Buy buttons and
account linking, all routed to the same Assistant and the same cart.

Public replies are short fixed acknowledgements or product answers; anything about a cart,
an order or an address goes by DM. A handle must consent before its first commerce action
is linked to a shop account; unlinking is one DM away, and "my data" shows what is stored.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import delete, func, insert, select

from assistant.channels.social.apps import APPS, AppSpec
from assistant.channels.social.content import Post, SocialContent, load_content
from assistant.channels.social.tables import (
    social_consents,
    social_links,
    social_messages,
    wishlists,
)
from assistant.commerce import Origin
from assistant.conversation.engine import Assistant
from assistant.conversation.reply import ReplyCart
from assistant.conversation.understanding.planner import CART_CHANGING

PRIVATE_INTENTS = CART_CHANGING | {"view_cart", "order_status", "confirm", "decline"}
LINK_YES = re.compile(r"^\s*(link|yes,? link( it| me)?|i agree|agree)\s*[.!]?\s*$", re.I)
LINK_NO = re.compile(r"^\s*(no|nope|don'?t link|no thanks|decline)\s*[.!]?\s*$", re.I)
UNLINK = re.compile(r"^\s*unlink\b", re.I)
MY_DATA = re.compile(r"\b(my data|what do you (store|keep|know)|stored about me)\b", re.I)


class SocialError(Exception):
    """A refused social action: an HTTP status, a code and what to do instead."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class AppResponse(BaseModel):
    """What the app shows after an action: the public reply, the DMs sent, and the cart."""

    app: str
    post_id: str | None = None
    public_reply: str | None = None
    dms: list[str] = Field(default_factory=list)
    cart: ReplyCart
    orders: list[str] = Field(default_factory=list)


class SocialHub:
    """Runs the simulated apps over one Assistant."""

    def __init__(self, bot: Assistant, content: SocialContent | None = None) -> None:
        self.bot = bot
        self.content = content or load_content()

    # ---- reading ------------------------------------------------------------------------------
    def apps(self) -> list[dict[str, Any]]:
        """The apps and what each can do."""
        return [spec.model_dump() for spec in APPS.values()]

    def feed(self, app: str) -> dict[str, Any]:
        """An app's feed, rendered by that app."""
        spec = self._spec(app)
        catalogue = self.bot.services.catalogue
        with self.bot.store.transaction() as connection:
            reacted = dict(
                connection.execute(
                    select(social_messages.c.post_id, func.count())
                    .where(social_messages.c.app == app, social_messages.c.channel == "reaction")
                    .group_by(social_messages.c.post_id)
                ).all()
            )
        return {
            "app": app,
            "title": spec.title,
            "posts": [
                spec.render_post(
                    post,
                    catalogue,
                    self.content.creator(post.author),
                    reactions=post.reactions + reacted.get(post.id, 0),
                )
                for post in self.content.feed(app)
            ],
        }

    def thread(self, app: str, user: str, limit: int = 40) -> list[dict[str, str]]:
        """The latest DMs between a handle and the shop in one app, oldest first."""
        self._spec(app)
        self._user(user)
        with self.bot.store.transaction() as connection:
            rows = connection.execute(
                select(social_messages.c.direction, social_messages.c.text)
                .where(
                    social_messages.c.app == app,
                    social_messages.c.handle == user,
                    social_messages.c.channel == "dm",
                )
                .order_by(social_messages.c.seq.desc())
                .limit(limit)
            ).all()
        return [
            {"role": "user" if direction == "in" else "assistant", "content": text}
            for direction, text in reversed(rows)
        ]

    # ---- acting -------------------------------------------------------------------------------
    def reply(self, app: str, post_id: str, user: str, text: str) -> AppResponse:
        """A public reply under a post: #cart, #wishlist, or a question."""
        spec, post = self._spec(app), self._post(app, post_id)
        self._user(user)
        if len(text) > spec.reply_limit:
            raise SocialError(
                422,
                "too_long",
                f"the reply is {len(text)} characters; {spec.title} allows {spec.reply_limit}",
            )
        if not text.strip():
            raise SocialError(422, "empty", "the reply is empty; write #cart or a question")
        lowered = text.lower()
        if spec.reactions and not re.search(r"\w", text):  # "❤️", "🔥🔥": a reaction, not a reply
            self._log(app, user, "in", "reaction", text.strip()[:16], post.id)
            return AppResponse(app=app, post_id=post.id, cart=self._cart(self._linked(app, user)))
        if "#cart" in lowered or "#wishlist" in lowered:
            kind = "cart" if "#cart" in lowered else "wishlist"
            if not (spec.cart_reply if kind == "cart" else spec.wishlist):
                raise SocialError(422, "unsupported", f"{spec.title} has no #{kind} replies")
            if not post.products:
                raise SocialError(
                    422,
                    "no_product",
                    f"post {post.id} tags no product; reply #{kind} under a post that shows one",
                )
            self._log(app, user, "in", "public", text, post.id)
            action = {
                "kind": kind,
                "post_id": post.id,
                "extra": re.sub(r"#(cart|wishlist)", " ", text, flags=re.I).strip(),
            }
            return self._commerce(spec, user, action, public_post=post)
        if not spec.comments:
            raise SocialError(422, "unsupported", f"{spec.title} has no comments; send a DM")
        self._log(app, user, "in", "public", text, post.id)
        return self._answer_in_public(spec, post, user, text)

    def dm(self, app: str, user: str, text: str) -> AppResponse:
        """A direct message to the shop's assistant."""
        spec = self._spec(app)
        self._user(user)
        if len(text) > spec.dm_limit:
            raise SocialError(
                422,
                "too_long",
                f"the message is {len(text)} characters; {spec.title} allows {spec.dm_limit}",
            )
        self._log(app, user, "in", "dm", text)
        pending = self._consent(app, user)
        if pending is not None and LINK_YES.search(text):
            shopper = self._link(app, user)
            response = self._run(spec, user, shopper, pending)
            response.dms.insert(
                0,
                spec.dm(
                    f"Linked @{user} on {spec.title} to shop account "
                    f"{shopper}. Say «unlink» any time."
                ),
            )
            return self._sent(spec, user, response)
        if pending is not None and LINK_NO.search(text):
            self._drop_consent(app, user)
            return self._sent(
                spec,
                user,
                AppResponse(
                    app=app,
                    cart=self._cart(None),
                    dms=[
                        spec.dm(
                            "OK, nothing was linked and nothing was added. You can still "
                            "ask me about products here."
                        )
                    ],
                ),
            )
        if UNLINK.search(text):
            return self._sent(spec, user, self._unlink(spec, user))
        if MY_DATA.search(text):
            return self._sent(spec, user, self._my_data(spec, user))
        shopper = self._linked(app, user)
        if shopper is None:
            if self.bot.is_private(self._session(app, user), text):
                return self._commerce(spec, user, {"kind": "dm", "text": text})
            shopper = f"guest:{app}:{user}"
        return self._sent(spec, user, self._chat(spec, user, shopper, text))

    def buy(self, app: str, post_id: str, user: str) -> AppResponse:
        """The Buy button under a post: a checkout summary arrives by DM."""
        spec, post = self._spec(app), self._post(app, post_id)
        self._user(user)
        if not spec.buy_button:
            raise SocialError(422, "unsupported", f"{spec.title} has no Buy button; reply #cart")
        if not post.products:
            raise SocialError(422, "no_product", f"post {post.id} tags no product to buy")
        product = self.bot.services.catalogue.products[post.products[0]]
        if not any(self.bot.commerce.available(v.id) > 0 for v in product.variants):
            raise SocialError(
                409,
                "out_of_stock",
                f"{product.title} is sold out; reply #wishlist to hear when it is back",
            )
        self._log(app, user, "in", "public", "[Buy]", post.id)
        return self._commerce(spec, user, {"kind": "buy", "post_id": post.id})

    # ---- flows --------------------------------------------------------------------------------
    def _commerce(
        self, spec: AppSpec, user: str, action: dict[str, Any], public_post: Post | None = None
    ) -> AppResponse:
        """Run a commerce action, first asking consent to link the handle if needed."""
        shopper = self._linked(spec.name, user)
        if shopper is None:
            self._ask_consent(spec.name, user, action)
            response = AppResponse(
                app=spec.name,
                post_id=action.get("post_id"),
                cart=self._cart(None),
                dms=[
                    spec.dm(
                        f"To {self._verb(action)}, I need to link @{user} on "
                        f"{spec.title} to a shop account. I would store your "
                        "handle, your cart, wishlist and orders. Reply «link» "
                        "to agree or «no» to decline."
                    )
                ],
            )
            if public_post is not None:
                response.public_reply = spec.public(user, "Sent you a DM to finish 📩")
            return self._sent(spec, user, response)
        return self._sent(
            spec, user, self._run(spec, user, shopper, action, in_public=public_post is not None)
        )

    @staticmethod
    def _verb(action: dict[str, Any]) -> str:
        return {
            "cart": "add this to a basket",
            "wishlist": "save this to a wishlist",
            "buy": "buy this",
            "dm": "do that",
        }[action["kind"]]

    def _run(
        self,
        spec: AppSpec,
        user: str,
        shopper: str,
        action: dict[str, Any],
        in_public: bool = False,
    ) -> AppResponse:
        """Carry out a (consented) commerce action."""
        if action["kind"] == "dm":
            return self._chat(spec, user, shopper, action["text"])
        post = self._post(spec.name, action["post_id"])
        product_id = post.products[0]
        if action["kind"] == "wishlist":
            with self.bot.store.transaction() as connection:
                self.bot.store.insert_if_absent(
                    connection,
                    wishlists,
                    ["shopper_id", "product_id"],
                    {
                        "shopper_id": shopper,
                        "product_id": product_id,
                        "post_id": post.id,
                        "app": spec.name,
                        "added_at": self.bot.commerce.clock(),
                    },
                )
            return AppResponse(
                app=spec.name,
                post_id=post.id,
                cart=self._cart(shopper),
                public_reply=spec.public(user, "Saved to your wishlist ✓") if in_public else None,
                dms=[] if in_public else [spec.dm("Saved to your wishlist ✓")],
            )
        kind = "cart_reply" if action["kind"] == "cart" else "buy_button"
        origin = Origin(kind=kind, ref=post.id, app=spec.name, creator=post.author)
        before = self._units(shopper, product_id)
        reply = self.bot.chat(
            self._session(spec.name, user),
            f"#cart add {product_id} {action.get('extra', '')}".strip(),
            channel="reply" if kind == "cart_reply" else "buy",
            shopper_id=shopper,
            origin=origin,
        )
        added = self._units(shopper, product_id) > before
        response = AppResponse(app=spec.name, post_id=post.id, cart=reply.cart)
        if kind == "cart_reply":
            ack = "Added to your basket ✓" if added else "Sent you a DM 📩"
            if in_public:  # a flow finished in DMs after consent says nothing in public
                response.public_reply = spec.public(user, ack)
            if not added or not in_public:
                response.dms.append(spec.dm(reply.text))
            return response
        if not added:
            response.dms.append(spec.dm(reply.text))
            return response
        summary = self.bot.chat(
            self._session(spec.name, user), "checkout", channel="buy", shopper_id=shopper
        )
        response.dms.append(spec.dm(summary.text))
        response.cart = summary.cart
        return response

    def _chat(self, spec: AppSpec, user: str, shopper: str, text: str) -> AppResponse:
        reply = self.bot.chat(
            self._session(spec.name, user), text, channel="dm", shopper_id=shopper
        )
        return AppResponse(
            app=spec.name, cart=reply.cart, orders=reply.orders, dms=[spec.dm(reply.text)]
        )

    def _answer_in_public(self, spec: AppSpec, post: Post, user: str, text: str) -> AppResponse:
        """A comment question: a brief public answer; private matters go by DM."""
        session = f"{spec.name}:{user}:post:{post.id}"
        state = self.bot.sessions.load(session, f"public:{spec.name}:{user}")
        state.shown, state.focus = list(post.products), (post.products or [None])[0]
        self.bot.sessions.save(state)
        shopper = self._linked(spec.name, user)
        response = AppResponse(app=spec.name, post_id=post.id, cart=self._cart(shopper))
        if self.bot.is_private(session, text, f"public:{spec.name}:{user}"):
            response.public_reply = spec.public(user, "DM for details 📩")
            response.dms.append(
                spec.dm(
                    "Happy to help with your basket or orders here. "
                    "Tell me what you need, or reply #cart under a post."
                )
            )
            return self._sent(spec, user, response)
        reply = self.bot.chat(
            session, text, channel="reply", shopper_id=f"public:{spec.name}:{user}"
        )
        lines = [line for line in reply.text.splitlines() if line.strip()]
        brief = lines[0] if lines else "Let me check."
        suffix = " (more in DM)" if len(lines) > 1 else ""
        response.public_reply = spec.public(
            user, spec.clip(brief, spec.reply_limit - len(user) - 2 - len(suffix)) + suffix
        )
        if len(lines) > 1:
            response.dms.append(spec.dm(reply.text))
        return self._sent(spec, user, response)

    # ---- linking and data ---------------------------------------------------------------------
    def _linked(self, app: str, user: str) -> str | None:
        with self.bot.store.transaction() as connection:
            return connection.execute(
                select(social_links.c.shopper_id).where(
                    social_links.c.app == app, social_links.c.handle == user
                )
            ).scalar()

    def _link(self, app: str, user: str) -> str:
        shopper = f"shop:{user}"
        with self.bot.store.transaction() as connection:
            self.bot.store.insert_if_absent(
                connection,
                social_links,
                ["app", "handle"],
                {
                    "app": app,
                    "handle": user,
                    "shopper_id": shopper,
                    "linked_at": self.bot.commerce.clock(),
                },
            )
            connection.execute(
                delete(social_consents).where(
                    social_consents.c.app == app, social_consents.c.handle == user
                )
            )
        return shopper

    def _unlink(self, spec: AppSpec, user: str) -> AppResponse:
        with self.bot.store.transaction() as connection:
            removed = connection.execute(
                delete(social_links).where(
                    social_links.c.app == spec.name, social_links.c.handle == user
                )
            ).rowcount
        text = (
            f"Unlinked @{user} on {spec.title}. Your shop account keeps its orders; this "
            "handle can no longer change it."
            if removed
            else f"@{user} on {spec.title} is not linked to a shop account."
        )
        return AppResponse(app=spec.name, cart=self._cart(None), dms=[spec.dm(text)])

    def _my_data(self, spec: AppSpec, user: str) -> AppResponse:
        shopper = self._linked(spec.name, user)
        if shopper is None:
            return AppResponse(
                app=spec.name,
                cart=self._cart(None),
                dms=[
                    spec.dm(
                        f"@{user} on {spec.title} is not linked: I store no cart, wishlist "
                        "or orders for you, only the messages of this chat."
                    )
                ],
            )
        cart = self.bot.commerce.get_cart(shopper)
        orders = self.bot.commerce.list_orders(shopper)
        with self.bot.store.transaction() as connection:
            wished = (
                connection.execute(
                    select(wishlists.c.product_id).where(wishlists.c.shopper_id == shopper)
                )
                .scalars()
                .all()
            )
        text = (
            f"Stored for @{user} on {spec.title}: link to shop account {shopper}; "
            f"cart with {sum(line.qty for line in cart.lines)} item(s); "
            f"{len(orders)} order(s) {', '.join(o.order_id for o in orders)}; "
            f"wishlist {', '.join(wished) or 'empty'}. Say «unlink» to disconnect."
        )
        return AppResponse(app=spec.name, cart=ReplyCart.of(cart), dms=[spec.dm(text)])

    def _consent(self, app: str, user: str) -> dict[str, Any] | None:
        with self.bot.store.transaction() as connection:
            return connection.execute(
                select(social_consents.c.action).where(
                    social_consents.c.app == app, social_consents.c.handle == user
                )
            ).scalar()

    def _ask_consent(self, app: str, user: str, action: dict[str, Any]) -> None:
        with self.bot.store.transaction() as connection:
            connection.execute(
                delete(social_consents).where(
                    social_consents.c.app == app, social_consents.c.handle == user
                )
            )
            connection.execute(
                insert(social_consents).values(
                    app=app, handle=user, action=action, asked_at=self.bot.commerce.clock()
                )
            )

    def _drop_consent(self, app: str, user: str) -> None:
        with self.bot.store.transaction() as connection:
            connection.execute(
                delete(social_consents).where(
                    social_consents.c.app == app, social_consents.c.handle == user
                )
            )

    # ---- helpers ------------------------------------------------------------------------------
    @staticmethod
    def _session(app: str, user: str) -> str:
        return f"{app}:{user}"

    def _units(self, shopper: str, product_id: str) -> int:
        return sum(
            line.qty
            for line in self.bot.commerce.get_cart(shopper).lines
            if line.product_id == product_id
        )

    def _cart(self, shopper: str | None) -> ReplyCart:
        if shopper is None:
            return ReplyCart()
        return ReplyCart.of(self.bot.commerce.get_cart(shopper))

    def _sent(self, spec: AppSpec, user: str, response: AppResponse) -> AppResponse:
        """Log what the app showed, then return it."""
        if response.public_reply:
            self._log(spec.name, user, "out", "public", response.public_reply, response.post_id)
        for text in response.dms:
            self._log(spec.name, user, "out", "dm", text)
        return response

    def _log(
        self,
        app: str,
        user: str,
        direction: str,
        channel: str,
        text: str,
        post_id: str | None = None,
    ) -> None:
        with self.bot.store.transaction() as connection:
            connection.execute(
                insert(social_messages).values(
                    app=app,
                    handle=user,
                    direction=direction,
                    channel=channel,
                    post_id=post_id,
                    text=text[:10_000],
                    at=self.bot.commerce.clock(),
                )
            )

    def _spec(self, app: str) -> AppSpec:
        if app not in APPS:
            raise SocialError(
                404, "unknown_app", f"unknown app {app!r}; the apps are {', '.join(APPS)}"
            )
        return APPS[app]

    def _post(self, app: str, post_id: str) -> Post:
        post = self.content.post(app, post_id)
        if post is None:
            raise SocialError(
                404,
                "unknown_post",
                f"no post {post_id!r} in {app}; GET /api/social/{app}/feed lists them",
            )
        return post

    def _user(self, user: str) -> None:
        if user not in self.content.shoppers:
            raise SocialError(
                404,
                "unknown_user",
                f"unknown user {user!r}; the simulated "
                f"shoppers are {', '.join(self.content.shoppers)}",
            )
