"""The apps' seed content: creators and brands, shopper handles, and posts tagging products."""

from __future__ import annotations

import json
from importlib import resources

from pydantic import BaseModel, Field

from assistant.channels.social.errors import SocialError


class Creator(BaseModel):
    """A creator or brand account that posts."""

    handle: str
    name: str
    kind: str
    commission_rate: float = Field(ge=0, le=1, description="Share of attributed sales paid.")


class Post(BaseModel):
    """A post, photo or clip, with the products it tags."""

    id: str
    app: str
    author: str
    text: str
    products: list[str]
    sponsored: bool = False
    reactions: int = Field(0, ge=0, description="Reactions before the simulation started.")


class SocialContent(BaseModel):
    """Everything the simulated apps show before anyone interacts."""

    creators: list[Creator]
    shoppers: list[str]
    posts: list[Post]

    def creator(self, handle: str) -> Creator | None:
        """The creator or brand with this handle."""
        return next((c for c in self.creators if c.handle == handle), None)

    def post(self, app: str, post_id: str) -> Post | None:
        """A post of one app."""
        return next((p for p in self.posts if p.app == app and p.id == post_id), None)

    def require_post(self, app: str, post_id: str) -> Post:
        """A post of one app, or a 404 saying where the posts are listed."""
        post = self.post(app, post_id)
        if post is None:
            raise SocialError(
                404,
                "unknown_post",
                f"no post {post_id!r} in {app}; GET /api/social/{app}/feed lists them",
            )
        return post

    def feed(self, app: str) -> list[Post]:
        """An app's posts, newest (highest number) first."""
        return sorted((p for p in self.posts if p.app == app), key=lambda p: p.id, reverse=True)


def load_content() -> SocialContent:
    """The packaged seed content (written by scripts/make_social_content.py)."""
    text = (
        resources.files("assistant")
        .joinpath("data", "social", "content.json")
        .read_text(encoding="utf-8")
    )
    return SocialContent.model_validate(json.loads(text))
