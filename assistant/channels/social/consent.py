"""Linking a handle to a shop account: consent before the first commerce action, «link» and
«no», «unlink», and «my data» showing what is stored.

A handle must agree before anything it does is kept on a shop account; until then the
action it asked for waits in the consent table, and «link» carries it out.
"""

from __future__ import annotations

import re

from assistant.channels.social.apps import AppSpec
from assistant.channels.social.commands import (
    PrivateMessage,
    SocialCommand,
    parse_command,
    purpose,
)
from assistant.channels.social.repository import SocialRepository
from assistant.channels.social.responses import AppResponse
from assistant.commerce import CommerceService
from assistant.conversation.reply import ReplyCart

LINK_YES = re.compile(r"^\s*(link|yes,? link( it| me)?|i agree|agree)\s*[.!]?\s*$", re.I)
# «link my account» with nothing waiting: the shopper asks to link before any action
_LINK_WHAT = (
    r"link(?: (?:it|me|us|my|this|the))?(?: up)?(?: (?:account|handle))?(?: to (?:the |my )?shop"
    r"(?: account)?)?(?: (?:please|pls|now))?"
)
LINK_REQUEST = re.compile(
    r"^\W*(?:(?:pls|please|ok|okay|hi|hey|hmm+|actually|fine|alright|yes|yeah|yep|sure|oh|well"
    r"|(?:i'?ve |i )?changed my mind|on second thoughts?)\W+)*"  # «ok changed my mind, link…»
    # «link me up 🙂»: an emoji after it too
    r"(?:(?:i(?:'d| would)? (?:like|want) to |i wanna )?" + _LINK_WHAT + r"(?:[\s.!]|[^\w\s?])*"
    # «hey can you link my account?»: asked of the shop, a request; a bare «link?» asks what
    r"|(?:can|could|would|will) (?:you|u) (?:please |pls )?" + _LINK_WHAT + r"[\s.!?]*)$",
    re.I,
)
LINK_NO = re.compile(r"^\s*(no|nope|don'?t link|no thanks|decline)\s*[.!]?\s*$", re.I)
UNLINK = re.compile(r"^\s*unlink\b", re.I)
MY_DATA = re.compile(r"\b(my data|what do you (store|keep|know)|stored about me)\b", re.I)


def shop_account(user: str) -> str:
    """The shop account a handle is linked to: one per person, shared across the apps."""
    return f"shop:{user}"


class Consent:
    """Links between handles and shop accounts, and the actions waiting for consent."""

    def __init__(self, repository: SocialRepository, commerce: CommerceService) -> None:
        self.repository = repository
        self.commerce = commerce

    def linked(self, app: str, user: str) -> str | None:
        """The shop account of a linked handle; None until it consents."""
        return self.repository.linked_shopper(app, user)

    def waiting(self, app: str, user: str) -> SocialCommand | None:
        """The command waiting for this handle's consent, if any."""
        stored = self.repository.pending_consent(app, user)
        return None if stored is None else parse_command(stored)

    def ask(self, spec: AppSpec, user: str, command: SocialCommand, in_public: bool) -> AppResponse:
        """Keep the command until the handle agrees, and ask by DM."""
        self.repository.ask_consent(spec.name, user, command.model_dump())
        question = (
            f"To {purpose(command)}, I need to link @{user} on {spec.title} to a shop account. "
            "I would store your handle, your cart, wishlist and orders. Shall I link it? Reply "
            "«link» to agree or «no» to decline."
        )
        return AppResponse(
            app=spec.name,
            post_id=None if isinstance(command, PrivateMessage) else command.post_id,
            public_reply=spec.public(user, "Sent you a DM to finish 📩") if in_public else None,
            dms=[spec.dm(question)],
        )

    def agree(self, spec: AppSpec, user: str) -> tuple[str, str]:
        """Link the handle; its shop account and the DM saying so."""
        shopper = shop_account(user)
        self.repository.link(spec.name, user, shopper)
        note = f"Linked @{user} on {spec.title} to shop account {shopper}. Say «unlink» any time."
        return shopper, spec.dm(note)

    def link_on_request(self, spec: AppSpec, user: str) -> AppResponse:
        """«link» with nothing waiting: link now (the shopper's own request), or say it is."""
        shopper = self.linked(spec.name, user)
        if shopper is not None:
            text = f"@{user} on {spec.title} is already linked to shop account {shopper}."
        else:
            shopper, note = self.agree(spec, user)
            text = f"{note} Reply #cart under a post, or ask me here, to shop."
        cart = ReplyCart.of(self.commerce.get_cart(shopper))
        return AppResponse(app=spec.name, cart=cart, dms=[spec.dm(text)])

    def decline(self, spec: AppSpec, user: str) -> AppResponse:
        """«no»: forget the waiting command; nothing is linked or added."""
        self.repository.drop_consent(spec.name, user)
        text = (
            "OK, nothing was linked and nothing was added. You can still ask me about "
            "products here."
        )
        return AppResponse(app=spec.name, dms=[spec.dm(text)])

    def unlink(self, spec: AppSpec, user: str) -> AppResponse:
        """«unlink»: the handle can no longer change the shop account."""
        if self.repository.unlink(spec.name, user):
            text = (
                f"Unlinked @{user} on {spec.title}. Your shop account keeps its orders; this "
                "handle can no longer change it."
            )
        else:
            text = f"@{user} on {spec.title} is not linked to a shop account."
        return AppResponse(app=spec.name, dms=[spec.dm(text)])

    def my_data(self, spec: AppSpec, user: str) -> AppResponse:
        """«my data»: everything stored for this handle."""
        shopper = self.linked(spec.name, user)
        if shopper is None:
            text = (
                f"@{user} on {spec.title} is not linked: I store no cart, wishlist or orders "
                "for you, only the messages of this chat."
            )
            return AppResponse(app=spec.name, dms=[spec.dm(text)])
        cart = self.commerce.get_cart(shopper)
        orders = [order.order_id for order in self.commerce.list_orders(shopper)]
        wished = self.repository.wishlist(shopper)
        text = (
            f"Stored for @{user} on {spec.title}: link to shop account {shopper}; "
            f"cart with {cart.units} item(s); "
            f"{len(orders)} order(s) {', '.join(orders)}; "
            f"wishlist {', '.join(wished) or 'empty'}. Say «unlink» to disconnect."
        )
        return AppResponse(app=spec.name, cart=ReplyCart.of(cart), dms=[spec.dm(text)])
