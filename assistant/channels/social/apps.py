"""The four apps: their limits and features, and all of their rendering, in one place each."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from assistant.catalogue.models import Catalogue
from assistant.channels.social.content import Creator, Post
from assistant.channels.social.errors import SocialError
from assistant.money import format_minor


class AppSpec(BaseModel):
    """One simulated app."""

    name: str
    title: str
    style: str
    reply_limit: int  # characters in a public reply or comment
    dm_limit: int
    cart_reply: bool
    wishlist: bool
    comments: bool
    buy_button: bool
    commission: bool
    reactions: bool

    def clip(self, text: str, limit: int) -> str:
        """Cut to the app's limit, on a word, with an ellipsis."""
        if len(text) <= limit:
            return text
        cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
        return cut + "…"

    def public(self, user: str, text: str) -> str:
        """A public reply as this app shows it."""
        return self.clip(f"@{user} {text}", self.reply_limit)

    def dm(self, text: str) -> str:
        """A direct message as this app shows it."""
        return self.clip(text, self.dm_limit)

    def render_post(
        self, post: Post, catalogue: Catalogue, creator: Creator | None, reactions: int = 0
    ) -> dict[str, Any]:
        """A feed item: text with #ad when sponsored, product cards and buttons."""
        text = f"{post.text} #ad" if post.sponsored else post.text
        cards = []
        for pid in post.products:
            product = catalogue.products.get(pid)
            if product is None:
                continue
            buttons = [
                label
                for label, on in (
                    ("#cart", self.cart_reply),
                    ("#wishlist", self.wishlist),
                    ("Buy", self.buy_button),
                )
                if on
            ]
            cards.append(
                {
                    "id": product.id,
                    "title": product.title,
                    "price": format_minor(product.min_price_minor, product.currency),
                    "price_minor": product.min_price_minor,
                    "in_stock": product.in_stock,
                    "seller_vetting": product.seller.vetting,
                    "buttons": buttons if product.in_stock else ["#wishlist"],
                }
            )
        item: dict[str, Any] = {
            "id": post.id,
            "author": post.author,
            "text": text,
            "sponsored": post.sponsored,
            "products": cards,
        }
        if self.reactions:
            item["reactions"] = reactions
        if self.commission and creator is not None and creator.kind == "creator":
            item["creator_commission"] = f"{round(creator.commission_rate * 100)}%"
        return item


APPS: dict[str, AppSpec] = {
    spec.name: spec
    for spec in [
        AppSpec(
            name="microblog",
            title="Chirp",
            style="280-character posts and replies",
            reply_limit=280,
            dm_limit=1000,
            cart_reply=True,
            wishlist=True,
            comments=True,
            buy_button=False,
            commission=False,
            reactions=False,
        ),
        AppSpec(
            name="photo",
            title="Snapgram",
            style="photo posts with product tags",
            reply_limit=2200,
            dm_limit=1000,
            cart_reply=True,
            wishlist=True,
            comments=True,
            buy_button=True,
            commission=False,
            reactions=True,
        ),
        AppSpec(
            name="video",
            title="Clipz",
            style="short creator videos with tagged products",
            reply_limit=150,
            dm_limit=1000,
            cart_reply=True,
            wishlist=False,
            comments=True,
            buy_button=True,
            commission=True,
            reactions=True,
        ),
        AppSpec(
            name="messenger",
            title="Chatly",
            style="one-to-one chat with the shop",
            reply_limit=2000,
            dm_limit=2000,
            cart_reply=False,
            wishlist=False,
            comments=False,
            buy_button=True,
            commission=False,
            reactions=False,
        ),
    ]
}


def app_spec(name: str) -> AppSpec:
    """One app by name, or a 404 listing the apps."""
    if name not in APPS:
        raise SocialError(
            404, "unknown_app", f"unknown app {name!r}; the apps are {', '.join(APPS)}"
        )
    return APPS[name]
