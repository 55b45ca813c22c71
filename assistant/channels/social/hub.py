"""The simulated apps over one Assistant: what a reply, a DM or a Buy tap under a post does.

The hub is the trusted side of the platform boundary: its callers (the webhook, after
verifying a signed event) hand it the handle. It checks the request against the app (its
limits and features), logs what came in and what went out, and hands the work on: commands
to the flows (after consent), comment questions to the public answers, DMs to the Assistant.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.channels.social.apps import APPS, AppSpec, app_spec
from assistant.channels.social.commands import (
    BuyTap,
    CartReply,
    PrivateMessage,
    SocialCommand,
    WishlistReply,
)
from assistant.channels.social.consent import (
    LINK_NO,
    LINK_REQUEST,
    LINK_YES,
    MY_DATA,
    UNLINK,
    Consent,
)
from assistant.channels.social.content import Post, SocialContent, load_content
from assistant.channels.social.errors import SocialError
from assistant.channels.social.flows import SocialFlows, dm_session, guest_shopper
from assistant.channels.social.public import answer_in_public
from assistant.channels.social.repository import SocialRepository
from assistant.channels.social.responses import AppResponse
from assistant.conversation.engine import Assistant
from assistant.conversation.reply import ReplyCart
from assistant.conversation.safety import screen

HASHTAG = re.compile(r"#(cart|wishlist)", re.I)


class SocialHub:
    """Runs the simulated apps over one Assistant."""

    def __init__(self, bot: Assistant, content: SocialContent | None = None) -> None:
        self.bot = bot
        self.content = content or load_content()
        self.repository = SocialRepository(bot.store, bot.commerce.clock)
        self.consent = Consent(self.repository, bot.commerce)
        self.flows = SocialFlows(bot, self.content, self.repository)

    # ---- reading ------------------------------------------------------------------------------
    def apps(self) -> list[dict[str, Any]]:
        """The apps and what each can do."""
        return [spec.model_dump() for spec in APPS.values()]

    def feed(self, app: str) -> dict[str, Any]:
        """An app's feed, rendered by that app."""
        spec = app_spec(app)
        reacted = self.repository.reaction_counts(app)
        catalogue = self.bot.services.catalogue
        posts = [
            spec.render_post(
                post,
                catalogue,
                self.content.creator(post.author),
                reactions=post.reactions + reacted.get(post.id, 0),
            )
            for post in self.content.feed(app)
        ]
        return {"app": app, "title": spec.title, "posts": posts}

    def thread(self, app: str, user: str, limit: int = 40) -> list[dict[str, str]]:
        """The latest DMs between a handle and the shop in one app, oldest first."""
        app_spec(app)
        return [
            {"role": "user" if direction == "in" else "assistant", "content": text}
            for direction, text in self.repository.dm_thread(app, user, limit)
        ]

    # ---- acting -------------------------------------------------------------------------------
    def reply(self, app: str, post_id: str, user: str, text: str) -> AppResponse:
        """A public reply under a post: #cart, #wishlist, a reaction or a question."""
        spec, post = app_spec(app), self.content.require_post(app, post_id)
        _check_length(spec, "reply", text, spec.reply_limit)
        if not text.strip():
            raise SocialError(422, "empty", "the reply is empty; write #cart or a question")
        if spec.reactions and not re.search(r"\w", text):  # "❤️", "🔥🔥": a reaction, not a reply
            self.repository.log(app, user, "in", "reaction", text.strip()[:16], post.id)
            return AppResponse(app=app, post_id=post.id, cart=self._cart(app, user))
        command = _hashtag_command(spec, post, text)
        if command is None and not spec.comments:
            raise SocialError(422, "unsupported", f"{spec.title} has no comments; send a DM")
        self.repository.log(app, user, "in", "public", text, post.id)
        if command is not None:
            return self._sent(spec, user, self._command(spec, user, command, in_public=True))
        answer = answer_in_public(
            self.bot,
            spec,
            post,
            user,
            text,
            self._cart(app, user),
            self.repository.linked_shopper(app, user),
        )
        return self._sent(spec, user, answer)

    def dm(self, app: str, user: str, text: str) -> AppResponse:
        """A direct message to the shop's assistant."""
        spec = app_spec(app)
        _check_length(spec, "message", text, spec.dm_limit)
        self.repository.log(app, user, "in", "dm", text)
        response = self._about_the_link(spec, user, text) or self._conversation(spec, user, text)
        return self._sent(spec, user, response)

    def buy(self, app: str, post_id: str, user: str) -> AppResponse:
        """The Buy button under a post: a checkout summary of that product arrives by DM."""
        spec, post = app_spec(app), self.content.require_post(app, post_id)
        if not spec.buy_button:
            raise SocialError(422, "unsupported", f"{spec.title} has no Buy button; reply #cart")
        if not post.products:
            raise SocialError(422, "no_product", f"post {post.id} tags no product to buy")
        product = self.bot.services.catalogue.products[post.products[0]]
        self.repository.log(app, user, "in", "public", "[Buy]", post.id)
        if not any(self.bot.commerce.available(v.id) > 0 for v in product.variants):
            # A tap is no mistake to refuse: the shopper is told by DM, as any Buy answers.
            hint = (
                " Reply #wishlist under the post to hear when it is back." if spec.wishlist else ""
            )
            # named as every answer names a product, so a client can show its card
            sold_out = spec.dm(f"Sorry, {product.title} [{product.id}] is sold out.{hint}")
            shopper = self.consent.linked(app, user) or guest_shopper(app, user)
            # «anything similar in stock?» by DM next is about this product
            self.bot.show_products(dm_session(app, user), shopper, [product.id])
            cart = self._cart(app, user)
            return self._sent(
                spec, user, AppResponse(app=app, post_id=post.id, cart=cart, dms=[sold_out])
            )
        return self._sent(spec, user, self._command(spec, user, BuyTap(post_id=post.id)))

    # ---- routing ------------------------------------------------------------------------------
    def _command(
        self, spec: AppSpec, user: str, command: SocialCommand, in_public: bool = False
    ) -> AppResponse:
        """Carry out a command, first asking consent to link the handle if needed."""
        shopper = self.consent.linked(spec.name, user)
        if shopper is None:
            return self.consent.ask(spec, user, command, in_public)
        return self.flows.run(spec, user, shopper, command, in_public)

    def _about_the_link(self, spec: AppSpec, user: str, text: str) -> AppResponse | None:
        """«link», «no», «unlink» or «my data»; None for any other message."""
        waiting = self.consent.waiting(spec.name, user)
        if waiting is not None and (LINK_YES.search(text) or LINK_REQUEST.search(text)):
            shopper, note = self.consent.agree(spec, user)
            response = self.flows.run(spec, user, shopper, waiting)
            response.dms.insert(0, note)
            return response
        if waiting is not None and LINK_NO.search(text):
            return self.consent.decline(spec, user)
        if waiting is None and LINK_REQUEST.search(text):
            return self.consent.link_on_request(spec, user)
        if UNLINK.search(text):
            return self.consent.unlink(spec, user)
        if MY_DATA.search(text):
            return self.consent.my_data(spec, user)
        return None

    def _conversation(self, spec: AppSpec, user: str, text: str) -> AppResponse:
        """Any other DM: the Assistant answers; a private matter first needs a linked account."""
        shopper = self.consent.linked(spec.name, user)
        if shopper is None:
            # «what has hana_w got in her cart?» is refused as it is, never a reason to link
            if screen(text) is None and self.bot.is_private(dm_session(spec.name, user), text):
                return self._command(spec, user, PrivateMessage(text=text))
            shopper = guest_shopper(spec.name, user)
        return self.flows.chat(spec, user, shopper, text)

    def _cart(self, app: str, user: str) -> ReplyCart:
        shopper = self.consent.linked(app, user)
        return ReplyCart() if shopper is None else ReplyCart.of(self.bot.commerce.get_cart(shopper))

    def _sent(self, spec: AppSpec, user: str, response: AppResponse) -> AppResponse:
        """Log what the app showed, then return it."""
        if response.public_reply:
            self.repository.log(
                spec.name, user, "out", "public", response.public_reply, response.post_id
            )
        for text in response.dms:
            self.repository.log(spec.name, user, "out", "dm", text)
        return response


def _check_length(spec: AppSpec, what: str, text: str, limit: int) -> None:
    if len(text) > limit:
        raise SocialError(
            422, "too_long", f"the {what} is {len(text)} characters; {spec.title} allows {limit}"
        )


def _hashtag_command(spec: AppSpec, post: Post, text: str) -> CartReply | WishlistReply | None:
    """`#cart` or `#wishlist` in a reply as a command (#cart wins when both are there)."""
    tags = {tag.lower() for tag in HASHTAG.findall(text)}
    if not tags:
        return None
    kind = "cart" if "cart" in tags else "wishlist"
    if not (spec.cart_reply if kind == "cart" else spec.wishlist):
        raise SocialError(422, "unsupported", f"{spec.title} has no #{kind} replies")
    if not post.products:
        raise SocialError(
            422,
            "no_product",
            f"post {post.id} tags no product; reply #{kind} under a post that shows one",
        )
    if kind == "cart":
        return CartReply(post_id=post.id, extra=HASHTAG.sub(" ", text).strip())
    return WishlistReply(post_id=post.id)
