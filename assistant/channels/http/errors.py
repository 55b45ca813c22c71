"""The error shape of the HTTP contract, `{"error": {"code", "message"}}`, and its handlers."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.channels.http.sessions import SESSION_COOKIE
from assistant.channels.social.errors import SocialError
from assistant.identity.errors import IdentityError

log = logging.getLogger(__name__)
STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    429: "rate_limited",
}


class ErrorDetail(BaseModel):
    """What went wrong: a stable code and a sentence saying what to do instead."""

    code: str
    message: str


class ErrorBody(BaseModel):
    """Every error response of the API."""

    error: ErrorDetail


class ApiError(Exception):
    """A refused request: raised by a route, answered in the contract's error shape."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def error_response(status: int, code: str, message: str) -> JSONResponse:
    """The contract's error shape: {"error": {"code", "message"}}."""
    body = ErrorBody(error=ErrorDetail(code=code, message=message))
    return JSONResponse(status_code=status, content=body.model_dump())


async def _http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = STATUS_CODES.get(exc.status_code, "http_error")
    response = error_response(exc.status_code, code, str(exc.detail))
    response.headers.update(exc.headers or {})
    return response


async def _refused(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError | SocialError | IdentityError)
    response = error_response(exc.status, exc.code, exc.message)
    response.headers.update(getattr(exc, "headers", None) or {})
    if exc.code == "unknown_session" and SESSION_COOKIE in request.cookies:
        # A cookie the server no longer keeps: drop it, so the next request starts afresh.
        response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax")
    return response


async def _crashed(_: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error", exc_info=exc)
    return error_response(500, "internal_error", "something went wrong on our side; try again")


async def _invalid(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = "; ".join(
        f"{'.'.join(str(part) for part in error['loc'] if part != 'body')}: {error['msg']}"
        for error in exc.errors()
    )
    return error_response(422, "invalid_request", problems or "the request is malformed")


def install_error_handlers(app: FastAPI) -> None:
    """Answer HTTP errors, refusals and malformed requests in the contract's shape."""
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(ApiError, _refused)
    app.add_exception_handler(SocialError, _refused)
    app.add_exception_handler(IdentityError, _refused)
    app.add_exception_handler(Exception, _crashed)
    app.add_exception_handler(RequestValidationError, _invalid)
