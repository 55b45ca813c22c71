"""What the routers need, kept in app state and handed out as FastAPI dependencies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, FastAPI, Request

from assistant.catalogue.models import Catalogue
from assistant.channels.http.sessions import client_address
from assistant.channels.social.hub import SocialHub
from assistant.channels.social.platform import SimulatedApps
from assistant.conversation.engine import Assistant
from assistant.identity.service import Identity
from assistant.search.retrieval import Retriever
from assistant.settings import Settings


@dataclass(frozen=True)
class HttpServices:
    """Everything the HTTP routes use, built once by the app factory."""

    bot: Assistant
    settings: Settings
    identity: Identity
    social: SocialHub
    apps: SimulatedApps

    def install(self, app: FastAPI) -> None:
        """Keep these services in the app's state, where the dependencies find them."""
        app.state.services = self


def get_services(request: Request) -> HttpServices:
    """The services of the app serving this request."""
    return request.app.state.services


def get_assistant(request: Request) -> Assistant:
    """The conversation engine (and, through it, the commerce service)."""
    return get_services(request).bot


def get_catalogue(request: Request) -> Catalogue:
    """The catalogue: products and reviews."""
    return get_services(request).bot.services.catalogue


def get_retriever(request: Request) -> Retriever:
    """Product search."""
    return get_services(request).bot.services.retriever


def get_identity(request: Request) -> Identity:
    """Sessions, accounts and abuse limits."""
    return get_services(request).identity


def limit_address(request: Request) -> None:
    """Count the request against its client address's limit (429 past it)."""
    get_services(request).identity.limits.hit("address", client_address(request))


def get_app_settings(request: Request) -> Settings:
    """The app's settings."""
    return get_services(request).settings


def get_social_hub(request: Request) -> SocialHub:
    """The simulated social apps."""
    return get_services(request).social


AssistantDep = Annotated[Assistant, Depends(get_assistant)]
CatalogueDep = Annotated[Catalogue, Depends(get_catalogue)]
RetrieverDep = Annotated[Retriever, Depends(get_retriever)]
IdentityDep = Annotated[Identity, Depends(get_identity)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
SocialDep = Annotated[SocialHub, Depends(get_social_hub)]
