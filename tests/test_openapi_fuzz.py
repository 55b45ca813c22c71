"""Property-based fuzzing of the whole OpenAPI surface with schemathesis, over a real uvicorn
server: no 500 anywhere, and every error in the `{"error": {"code", "message"}}` shape.

Each generated request goes twice: as generated (no credentials: the outside attacker), and
with a fresh valid session (or, on a simulated app's routes, a fresh app token), so the
checks also reach past the door. Bounded by MAX_EXAMPLES per operation to fit `make test`.
"""

from __future__ import annotations

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings

from assistant.channels.http.app import create_app
from assistant.testing.servers import serve_in_thread

pytestmark = pytest.mark.slow
MAX_EXAMPLES = 12
SERVER: dict[str, object] = {}
STATUSES: list[int] = []


@pytest.fixture(scope="module")
def api(own_store_assistant, demo_settings):
    app_settings = demo_settings.model_copy(
        update={
            "demo_mode": True,
            "rate_limit_per_minute": 100_000,
            "rate_limit_per_address": "1000000/minute",
            "rate_limit_sign_in": "100000/minute",
            "rate_limit_new_sessions": "100000/minute",
        }
    )
    app = create_app(own_store_assistant, app_settings, with_ui=False)
    with serve_in_thread(app) as url:
        SERVER.update(url=url, services=app.state.services)
        yield schemathesis.openapi.from_dict(app.openapi())


def _operations(schema) -> list:
    return [result.ok() for result in schema.get_all_operations()]


def _credentials(path: str) -> dict[str, str]:
    """A fresh valid session, or on an app's own routes a fresh app token."""
    services = SERVER["services"]
    if path.startswith("/api/social/{app}/") and not path.endswith(("/events", "/feed")):
        return {"Authorization": f"Bearer {services.apps.issue_token('photo', 'ana_b')}"}
    return {"X-Session-Id": services.identity.sessions.issue("web").secret}


def _check(response: requests.Response, label: str) -> None:
    STATUSES.append(response.status_code)
    assert response.status_code < 500, f"{label}: {response.status_code} {response.text[:300]}"
    if response.status_code >= 400:
        body = response.json()
        error = body.get("error") if isinstance(body, dict) else None
        assert isinstance(error, dict), f"{label}: {response.status_code} {body}"
        assert isinstance(error.get("code"), str) and isinstance(error.get("message"), str)


def test_no_500_and_errors_in_the_contract_shape(api):
    operations = _operations(api)
    assert len(operations) >= 20  # the whole surface: chat, cart, account, catalogue, social
    url = str(SERVER["url"])
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def fuzz(case) -> None:
            label = f"{case.method} {case.formatted_path}"
            _check(case.call(base_url=url, timeout=60), f"{label} (no credentials)")
            headers = {**(case.headers or {}), **_credentials(case.path)}
            _check(case.call(base_url=url, headers=headers, timeout=60), f"{label} (signed in)")

        fuzz()
    # It did reach the server, past the door and not: answers of both kinds were checked.
    assert len(STATUSES) >= 4 * len(operations)
    assert any(status < 300 for status in STATUSES) and any(400 <= s < 500 for s in STATUSES)
    print(f"{len(operations)} operations, {len(STATUSES)} requests checked")
