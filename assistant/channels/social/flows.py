"""The commands of the social apps, carried out for a linked shop account.

`#cart`, `#wishlist` and Buy are typed calls on the commerce service, never text sent
through the chat: the result says whether they worked. A variant question ("which size?")
becomes the DM session's open question, so the shopper's next DM ("the M") finishes the same
command with the same origin; a Buy's summary waits in that session for the shopper's «yes».
"""

from __future__ import annotations

from assistant.catalogue.models import Product
from assistant.channels.social.apps import AppSpec
from assistant.channels.social.commands import (
    BuyTap,
    CartReply,
    PrivateMessage,
    SocialCommand,
    WishlistReply,
)
from assistant.channels.social.content import Post, SocialContent
from assistant.channels.social.named_posts import (
    THAT_POST,
    names_its_products,
    posts_named,
    products_of,
    without_post_phrase,
)
from assistant.channels.social.repository import SocialRepository
from assistant.channels.social.responses import AppResponse
from assistant.channels.social.tagged import (
    count_asked,
    names_a_tagged,
    tagged_picks,
    tagged_product,
    which_tagged_question,
)
from assistant.commerce import CommerceError, Origin
from assistant.conversation.answers.refusals import describe_error
from assistant.conversation.answers.wording import cart_text
from assistant.conversation.engine import Assistant
from assistant.conversation.reply import ReplyCart

VARIANT_QUESTIONS = {"ambiguous_variant", "unknown_variant"}


def dm_session(app: str, user: str) -> str:
    """The conversation session of a handle's DMs in one app."""
    return f"{app}:{user}"


def guest_shopper(app: str, user: str) -> str:
    """Who a handle shops as before it links a shop account: a guest of that app."""
    return f"guest:{app}:{user}"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


class SocialFlows:
    """Carries out consented commands with the commerce service and the Assistant."""

    def __init__(
        self, bot: Assistant, content: SocialContent, repository: SocialRepository
    ) -> None:
        self.bot = bot
        self.content = content
        self.repository = repository

    def run(
        self,
        spec: AppSpec,
        user: str,
        shopper: str,
        command: SocialCommand,
        in_public: bool = False,
    ) -> AppResponse:
        """Carry out a command for a linked shop account; `in_public`: it came as a reply."""
        if isinstance(command, PrivateMessage):
            return self.chat(spec, user, shopper, command.text)
        post = self.content.require_post(spec.name, command.post_id)
        if isinstance(command, WishlistReply):
            return self._save_to_wishlist(spec, user, shopper, post, in_public)
        origin = Origin(
            kind="cart_reply" if isinstance(command, CartReply) else "buy_button",
            ref=post.id,
            app=spec.name,
            creator=post.author,
        )
        catalogue = self.bot.services.catalogue
        if isinstance(command, BuyTap):
            product = tagged_product(catalogue, list(post.products), "")
            self.bot.show_products(dm_session(spec.name, user), shopper, [product.id])
            return self._buy(spec, user, shopper, product, origin)
        tagged = list(dict.fromkeys(post.products))
        if len(tagged) > 1 and not names_a_tagged(catalogue, tagged, command.extra):
            # a bare «#cart» under several products: ask which, and credit the post for it
            self.bot.show_products(dm_session(spec.name, user), shopper, tagged, origin=origin)
            return self._which_tagged(spec, user, shopper, post, in_public)
        picks = tagged_picks(catalogue, list(post.products), command.extra)
        # the DM that follows («make it 3», «does it run small?») is about these products
        self.bot.show_products(dm_session(spec.name, user), shopper, [p.id for p, _ in picks])
        responses: list[AppResponse] = []
        asked = False  # one variant question at a time: the DM's next answer finishes it
        for product, said in picks:
            response, refused = self._add_to_cart(
                spec, user, shopper, product, origin, said, in_public, asks=not asked
            )
            asked = asked or refused
            responses.append(response)
        return _together(spec, user, responses, in_public)

    def _which_tagged(
        self, spec: AppSpec, user: str, shopper: str, post: Post, in_public: bool
    ) -> AppResponse:
        """«Which one?» by DM for a #cart under a post of several products; nothing added."""
        products = [
            self.bot.services.catalogue.products[pid] for pid in dict.fromkeys(post.products)
        ]
        question = spec.dm(which_tagged_question(products))
        return AppResponse(
            app=spec.name,
            post_id=post.id,
            cart=self._cart(shopper),
            public_reply=spec.public(user, "Sent you a DM 📩") if in_public else None,
            dms=[question],
        )

    def chat(self, spec: AppSpec, user: str, shopper: str, text: str) -> AppResponse:
        """A DM answered by the Assistant, as any chat turn; a DM that points at a creator's
        post («the trail shoes Rae unboxed») is about that post's products."""
        if posts := self._posts_pointed_at(spec, user, text):
            tagged = products_of(posts, self.bot.services.catalogue, text)
            self.bot.show_products(dm_session(spec.name, user), shopper, tagged)
            if len(posts) == 1:  # «the dumbbells from the same post» next is about this one
                self.repository.mark_post(spec.name, user, posts[0].id)
            text = without_post_phrase(text)
        reply = self.bot.chat(dm_session(spec.name, user), text, channel="dm", shopper_id=shopper)
        return AppResponse(
            app=spec.name,
            cart=reply.cart,
            orders=reply.orders,
            citations=reply.citations,
            products=reply.products,
            dms=[spec.dm(reply.text)],
            pending_checkout=reply.pending_checkout,
        )

    def _posts_pointed_at(self, spec: AppSpec, user: str, text: str) -> list[Post]:
        """The posts a DM names by their creator, or the one it calls «that post»: the
        post this handle last replied under, tapped Buy on or named by DM."""
        if posts := posts_named(self.content, spec.name, text):
            # «the pink dumbbells from felix's post» just after asking under one of his
            # posts: that post, not every post of his
            last = self.repository.last_post(spec.name, user)
            mine = [post for post in posts if post.id == last]
            catalogue = self.bot.services.catalogue
            return mine if mine and names_its_products(mine[0], posts, catalogue, text) else posts
        if THAT_POST.search(text) and (post_id := self.repository.last_post(spec.name, user)):
            post = self.content.post(spec.name, post_id)
            return [post] if post and post.products else []
        return []

    def _save_to_wishlist(
        self, spec: AppSpec, user: str, shopper: str, post: Post, in_public: bool
    ) -> AppResponse:
        self.repository.add_to_wishlist(shopper, post.products[0], post.id, spec.name)
        # «are the reviews on those headphones real?» by DM next is about this product
        self.bot.show_products(dm_session(spec.name, user), shopper, [post.products[0]])
        saved = "Saved to your wishlist ✓"
        return AppResponse(
            app=spec.name,
            post_id=post.id,
            cart=self._cart(shopper),
            public_reply=spec.public(user, saved) if in_public else None,
            dms=[] if in_public else [spec.dm(saved)],
        )

    def _add_to_cart(
        self,
        spec: AppSpec,
        user: str,
        shopper: str,
        product: Product,
        origin: Origin,
        said: str,
        in_public: bool,
        asks: bool = True,
    ) -> tuple[AppResponse, bool]:
        """The units asked for into the basket; a question or a refusal goes by DM (`asks`:
        a variant question may become the DM's open question)."""
        response = AppResponse(app=spec.name, post_id=origin.ref)
        options = product.options_named_in(said)
        quantity = count_asked(product, said)
        before = self.bot.commerce.get_cart(shopper)
        try:
            cart = self.bot.commerce.add_item(
                shopper, product.id, quantity, options=options or None, origin=origin
            )
        except CommerceError as error:
            asked = (quantity, options)
            refusal = (
                self._refusal(spec, user, shopper, error, origin, "add", asked)
                if asks
                else f"{_sentence(describe_error(error))} Reply #cart under the post again for it."
            )
            response.dms.append(spec.dm(refusal))
            if in_public:
                response.public_reply = spec.public(user, "Sent you a DM 📩")
            response.cart = self._cart(shopper)
            return response, asks and error.code in VARIANT_QUESTIONS | {"out_of_stock"}
        response.cart = ReplyCart.of(cart)
        # «same again», «scratch that» by DM next: the add this #cart made
        self.bot.added_elsewhere(dm_session(spec.name, user), shopper, before, cart)
        if in_public:  # the public sees an acknowledgement only; the basket stays private
            response.public_reply = spec.public(user, "Added to your basket ✓")
        else:
            response.dms.append(spec.dm(f"Added {product.title} [{product.id}]. {cart_text(cart)}"))
        return response, False

    def _buy(
        self, spec: AppSpec, user: str, shopper: str, product: Product, origin: Origin
    ) -> AppResponse:
        """A summary of what was tapped, one unit on its own, waiting for «yes» by DM."""
        response = AppResponse(app=spec.name, post_id=origin.ref)
        try:
            summary = self.bot.commerce.start_express_checkout(
                shopper, product.id, 1, origin=origin
            )
        except CommerceError as error:
            response.dms.append(spec.dm(self._refusal(spec, user, shopper, error, origin, "buy")))
            response.cart = self._cart(shopper)
            return response
        reply = self.bot.show_checkout(dm_session(spec.name, user), shopper, summary)
        response.dms.append(spec.dm(reply.text))
        response.cart, response.pending_checkout = reply.cart, reply.pending_checkout
        return response

    def _refusal(
        self,
        spec: AppSpec,
        user: str,
        shopper: str,
        error: CommerceError,
        origin: Origin,
        kind: str,
        asked: tuple[int, dict[str, str]] = (1, {}),
    ) -> str:
        """What to DM when commerce refused: a variant question, or a sold-out version, that
        the next DM answers («white then»), or why."""
        product = self.bot.services.catalogue.products.get(error.details.get("product_id", ""))
        sold_out = product is None or not any(v.stock > 0 for v in product.variants)
        if error.code in VARIANT_QUESTIONS | {"out_of_stock"} and not sold_out:
            session = dm_session(spec.name, user)
            quantity, options = asked  # what the reply said: «#cart 2 silver large»
            return self.bot.ask_variant(
                session, shopper, error, quantity, origin, kind=kind, options=options
            ).text
        return _sentence(describe_error(error))

    def _cart(self, shopper: str) -> ReplyCart:
        return ReplyCart.of(self.bot.commerce.get_cart(shopper))


def _together(
    spec: AppSpec, user: str, responses: list[AppResponse], in_public: bool
) -> AppResponse:
    """One response for a reply that named several products: each one's DMs, the last cart,
    and in public only an acknowledgement."""
    if len(responses) == 1:
        return responses[0]
    response = responses[-1]
    response.dms = [dm for each in responses for dm in each.dms]
    if in_public:
        asked = any(each.dms for each in responses)
        said = "Sent you a DM 📩" if asked else "Added to your basket ✓"
        response.public_reply = spec.public(user, said)
    return response
