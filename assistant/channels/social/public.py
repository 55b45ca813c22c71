"""Questions asked in a post's comments: a brief public answer, the rest by DM.

A public answer never shows a cart, an order or an address: a question about those gets
"DM for details" in public and the help by DM. The comment's session is the post's own, so
"is it waterproof?" is about the product the post shows.
"""

from __future__ import annotations

from assistant.channels.social.apps import AppSpec
from assistant.channels.social.content import Post
from assistant.channels.social.flows import dm_session, guest_shopper
from assistant.channels.social.responses import AppResponse
from assistant.channels.social.tagged import named_tagged
from assistant.conversation.engine import Assistant
from assistant.conversation.reply import ReplyCart

PRIVATE_HELP = (
    "Happy to help with your basket or orders here. Tell me what you need, or reply #cart "
    "under a post."
)


def public_shopper(app: str, user: str) -> str:
    """The account public answers run as: nothing private of the handle is in it."""
    return f"public:{app}:{user}"


def answer_in_public(
    bot: Assistant,
    spec: AppSpec,
    post: Post,
    user: str,
    text: str,
    cart: ReplyCart,
    linked_shopper: str | None = None,
) -> AppResponse:
    """A comment question: a brief public answer; private matters go by DM (answered there
    when the handle is linked to a shop account)."""
    session = f"{spec.name}:{user}:post:{post.id}"
    shopper = public_shopper(spec.name, user)
    named = named_tagged(bot.services.catalogue, list(post.products), text)
    about = [named.id] if named else list(post.products)  # «… on the speaker?»: that one
    bot.show_products(session, shopper, about)
    response = AppResponse(app=spec.name, post_id=post.id, cart=cart)
    if bot.is_private(session, text, shopper):
        response.public_reply = spec.public(user, "DM for details 📩")
        if linked_shopper is None:
            response.dms.append(spec.dm(PRIVATE_HELP))
            return response
        private = bot.chat(
            dm_session(spec.name, user), text, channel="dm", shopper_id=linked_shopper
        )
        response.dms.append(spec.dm(private.text))
        response.orders = private.orders
        return response
    reply = bot.chat(session, text, channel="reply", shopper_id=shopper)
    # «so who sells it», «are the reviews on those headphones fake?» by DM next: this product
    dm_shopper = linked_shopper or guest_shopper(spec.name, user)
    bot.show_products(dm_session(spec.name, user), dm_shopper, about)
    lines = [line for line in reply.text.splitlines() if line.strip()]
    brief = lines[0] if lines else "Let me check."
    suffix = " (more in DM)" if len(lines) > 1 else ""
    room = spec.reply_limit - len(user) - 2 - len(suffix)  # "@user " comes first
    response.public_reply = spec.public(user, spec.clip(brief, room) + suffix)
    if len(lines) > 1:  # the whole answer by DM, with what it quotes
        response.dms.append(spec.dm(reply.text))
        response.products, response.citations = reply.products, reply.citations
    return response
