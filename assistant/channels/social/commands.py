"""What a shopper asks for in a social app, as typed commands.

A tap or a hashtag is a command, not text for the chat: the flows carry each one out with
typed calls on the commerce service. A command waiting for the shopper's consent is stored
as JSON and read back with `parse_command`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, TypeAdapter


class CartReply(BaseModel):
    """`#cart` under a post: one unit of the post's product into the basket."""

    kind: Literal["cart"] = "cart"
    post_id: str
    extra: str = Field("", description="The reply's other words, e.g. a size: '#cart M'.")


class WishlistReply(BaseModel):
    """`#wishlist` under a post: save the post's product."""

    kind: Literal["wishlist"] = "wishlist"
    post_id: str


class BuyTap(BaseModel):
    """The Buy button under a post: check out one unit of the post's product on its own."""

    kind: Literal["buy"] = "buy"
    post_id: str


class PrivateMessage(BaseModel):
    """A DM about a cart, an order or a checkout, sent before the handle was linked."""

    kind: Literal["dm"] = "dm"
    text: str


SocialCommand = Annotated[
    CartReply | WishlistReply | BuyTap | PrivateMessage, Field(discriminator="kind")
]
_COMMANDS: TypeAdapter[SocialCommand] = TypeAdapter(SocialCommand)

PURPOSE = {
    "cart": "add this to a basket",
    "wishlist": "save this to a wishlist",
    "buy": "buy this",
    "dm": "do that",
}


def parse_command(stored: dict[str, Any]) -> SocialCommand:
    """A command read back from the consent table."""
    return _COMMANDS.validate_python(stored)


def purpose(command: SocialCommand) -> str:
    """What the command needs a linked account for, in the consent question's words."""
    return PURPOSE[command.kind]
