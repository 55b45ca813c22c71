"""The ACP endpoints under `/acp`: checkout sessions, the simulated payment provider, orders.

Every request counts against its client address's limit, is authenticated and
signature-checked (`security.py`), and counts against the limit of the checkout session it
names (identity's abuse limits; 429 with Retry-After past them); every POST carries an
`Idempotency-Key` (`idempotency.py`); bodies are validated against the protocol's shapes
and any refusal is answered in the protocol's flat error shape
`{"type", "code", "message", "param"?}`. These routes follow the ACP OpenAPI document rather
than the app's own error contract, so they are left out of the app's `/docs`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import Any, TypeVar

from fastapi import APIRouter, FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel, ValidationError
from starlette.concurrency import run_in_threadpool

from assistant.channels.acp.checkouts import AcpCheckouts
from assistant.channels.acp.idempotency import IdempotencyKeys, Kept
from assistant.channels.acp.models import (
    AcpError,
    CancelRequest,
    CompleteRequest,
    CreateRequest,
    UpdateRequest,
)
from assistant.channels.acp.payments import DelegatePaymentRequest, SimulatedVault
from assistant.channels.acp.presenters import POLICY_PAGES
from assistant.channels.acp.security import caller_of
from assistant.channels.acp.shoppers import AcpShoppers
from assistant.channels.http.sessions import client_address
from assistant.commerce import CommerceError, CommerceService
from assistant.identity.errors import IdentityError
from assistant.identity.service import Identity
from assistant.settings import Settings

router = APIRouter(prefix="/acp", include_in_schema=False)
pages = APIRouter(include_in_schema=False)
ECHOED = ("Idempotency-Key", "Request-Id")
Model = TypeVar("Model", bound=BaseModel)


@dataclass(frozen=True)
class AcpServices:
    """What the ACP routes use, built once by `mount_acp`."""

    settings: Settings
    identity: Identity
    checkouts: AcpCheckouts
    vault: SimulatedVault
    keys: IdempotencyKeys


def mount_acp(
    app: FastAPI, commerce: CommerceService, identity: Identity, settings: Settings
) -> AcpServices:
    """Serve ACP under `/acp` (guest sessions and limits from `identity`) and the policy
    pages its links point at."""
    vault = SimulatedVault(commerce.store, settings.acp_merchant_id, commerce.clock)
    services = AcpServices(
        settings,
        identity,
        AcpCheckouts(commerce, vault, AcpShoppers(identity), settings.shop_url()),
        vault,
        IdempotencyKeys(commerce.store, commerce.clock),
    )
    app.state.acp = services
    app.include_router(router)
    app.include_router(pages)
    return services


def _json_path(location: tuple[Any, ...]) -> str:
    path = "$"
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def _parse(model: type[Model], body: bytes, optional: bool = False) -> Model:
    """The body as the protocol's request model, or a 400 naming the first bad field."""
    if optional and not body.strip():
        return model()
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise AcpError(400, "invalid", "the body is not JSON") from None
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        raise AcpError(
            400, "invalid", f"{first['msg']}", param=_json_path(tuple(first["loc"]))
        ) from None


async def _answer(
    request: Request, work: Callable[[bytes], Kept], idempotent: bool = True
) -> Response:
    """Check the caller, then run `work` once per Idempotency-Key, in a worker thread."""
    services: AcpServices = request.app.state.acp
    body = await request.body()
    echo = {name: request.headers[name] for name in ECHOED if name in request.headers}
    try:
        caller = await run_in_threadpool(_admit, services, request, body)
        if idempotent:
            scope = f"{caller}:{request.method} {request.url.path}"
            key = request.headers.get("idempotency-key")
            kept = await run_in_threadpool(services.keys.run, scope, key, body, lambda: work(body))
        else:
            kept = await run_in_threadpool(work, body)
    except AcpError as error:
        return JSONResponse(error.body(), error.status, headers=error.headers | echo)
    if kept.replayed:
        echo["Idempotent-Replayed"] = "true"
    return JSONResponse(kept.body, kept.status, headers=echo)


def _admit(services: AcpServices, request: Request, body: bytes) -> str:
    """Count the request against its address (before anything else, so that unsigned floods
    are cut too), check who is calling, then count it against the checkout session it
    names; returns the caller's id."""
    limits = services.identity.limits
    try:
        limits.hit("address", client_address(request))
        caller = caller_of(
            services.settings, request.headers, request.method, request.url.path, body
        )
        session_id = request.path_params.get("session_id")
        if session_id:
            limits.hit("principal", f"acp:{session_id}")
    except IdentityError as error:
        raise AcpError(error.status, error.code, error.message, headers=error.headers) from None
    return caller


def _kept(status: int, result: BaseModel | dict[str, Any]) -> Kept:
    body = result if isinstance(result, dict) else result.model_dump(mode="json", exclude_none=True)
    return Kept(status, body)


def _checkouts(request: Request) -> AcpCheckouts:
    return request.app.state.acp.checkouts


@router.post("/checkout_sessions")
async def create_session(request: Request) -> Response:
    """Create a checkout session (201)."""
    checkouts = _checkouts(request)
    return await _answer(
        request, lambda body: _kept(201, checkouts.create(_parse(CreateRequest, body)))
    )


@router.post("/checkout_sessions/{session_id}")
async def update_session(request: Request, session_id: str) -> Response:
    """Update a checkout session."""
    checkouts = _checkouts(request)
    return await _answer(
        request,
        lambda body: _kept(200, checkouts.update(session_id, _parse(UpdateRequest, body))),
    )


@router.get("/checkout_sessions/{session_id}")
async def retrieve_session(request: Request, session_id: str) -> Response:
    """Retrieve a checkout session."""
    checkouts = _checkouts(request)
    return await _answer(
        request, lambda _: _kept(200, checkouts.retrieve(session_id)), idempotent=False
    )


@router.post("/checkout_sessions/{session_id}/complete")
async def complete_session(request: Request, session_id: str) -> Response:
    """Complete a checkout session with a delegated payment token: places the one order."""
    checkouts = _checkouts(request)

    def work(body: bytes) -> Kept:
        parsed = _parse(CompleteRequest, body)
        try:
            return _kept(200, checkouts.complete(session_id, parsed))
        except CommerceError as error:  # refusals the summary cannot recover from
            raise AcpError(409, error.code, str(error)) from None

    return await _answer(request, work)


@router.post("/checkout_sessions/{session_id}/cancel")
async def cancel_session(request: Request, session_id: str) -> Response:
    """Cancel a checkout session that is not completed."""
    checkouts = _checkouts(request)
    return await _answer(
        request,
        lambda body: _kept(
            200, checkouts.cancel(session_id, _parse(CancelRequest, body, optional=True))
        ),
    )


@router.post("/psp/agentic_commerce/delegate_payment")
async def delegate_payment(request: Request) -> Response:
    """The simulated payment provider: a vault token for one allowance (nothing is charged)."""
    vault: SimulatedVault = request.app.state.acp.vault
    key = request.headers.get("idempotency-key", "")
    return await _answer(
        request,
        lambda body: _kept(201, vault.delegate(_parse(DelegatePaymentRequest, body), key)),
    )


@router.get("/orders/{order_id}")
async def order(request: Request, order_id: str) -> Response:
    """The order an ACP session placed (the permalink of a completed session)."""
    checkouts = _checkouts(request)

    def work(_: bytes) -> Kept:
        found = checkouts.order_of(order_id)
        if found is None:
            raise AcpError(404, "not_found", f"no order {order_id!r} was placed through ACP")
        return _kept(200, checkouts.commerce.order_status(found[1], order_id))

    return await _answer(request, work, idempotent=False)


@pages.get("/policies/{name}", response_class=PlainTextResponse)
def policy_page(name: str) -> PlainTextResponse:
    """The shop's terms (ordering), privacy and returns pages that feeds and ACP link to."""
    if name not in POLICY_PAGES.values():
        raise HTTPException(404, f"no policy page {name!r}; try {', '.join(POLICY_PAGES.values())}")
    text = resources.files("assistant").joinpath("data", "policies", f"{name}.md").read_text()
    text = re.sub(r"<!--.*?-->\n?", "", text, flags=re.S)  # the questions it answers: search only
    return PlainTextResponse(text, media_type="text/markdown; charset=utf-8")
