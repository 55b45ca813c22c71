"""The identity service on the five-product catalogue: sessions, accounts, sign-in merges,
and abuse limits in memory and in the database. Fast: fake embeddings, no server."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from assistant.clock import ManualClock
from assistant.conversation.engine import Assistant
from assistant.conversation.tables import sessions as dialogue_table
from assistant.identity.abuse import AbuseLimits
from assistant.identity.errors import IdentityError
from assistant.identity.service import Identity
from assistant.identity.tables import web_sessions
from assistant.settings import Settings
from tests.conftest import TINY_CATALOGUE


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    folder: Path = tmp_path_factory.mktemp("identity")
    return Settings(
        catalogue_path=TINY_CATALOGUE,
        index_dir=folder / "index",
        embedding_backend="fake",
        chroma_url=None,
        data_dir=folder / "var",
        session_idle_minutes=30,
        rate_limit_per_minute=3,
    )


@pytest.fixture(scope="module")
def bot(settings: Settings) -> Assistant:
    return Assistant.from_settings(settings)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(dt.datetime.now(dt.UTC).replace(tzinfo=None))


@pytest.fixture
def identity(bot: Assistant, settings: Settings, clock: ManualClock) -> Identity:
    return Identity(bot.store, bot.commerce, settings, clock=clock, on_forget=bot.sessions.forget)


def test_session_secrets_are_long_random_and_never_stored(identity, bot):
    issued = [identity.sessions.issue("web") for _ in range(50)]
    secrets = {one.secret for one in issued}
    assert len(secrets) == 50 and all(len(secret) >= 43 for secret in secrets)  # 256 bits
    with bot.store.transaction() as connection:
        stored = set(connection.execute(select(web_sessions.c.key)).scalars())
    assert not secrets & stored  # only SHA-256 keys are kept
    assert identity.sessions.resolve(issued[0].secret).key == issued[0].session.key


@pytest.mark.parametrize("presented", ["", "victim-123", "sa_" + "A" * 43, "x" * 5000])
def test_a_session_never_issued_is_refused(identity, presented):
    with pytest.raises(IdentityError) as refused:
        identity.sessions.resolve(presented)
    assert (refused.value.status, refused.value.code) == (401, "unknown_session")
    assert "POST /api/chat" in refused.value.message


def test_idle_sessions_expire_and_are_swept_with_their_dialogue(identity, bot, clock):
    kept, idle = identity.sessions.issue("web"), identity.sessions.issue("web")
    bot.chat(idle.session.conversation_id, "hi", shopper_id=idle.session.shopper_id)
    clock.advance(minutes=20)
    identity.sessions.resolve(kept.secret)  # used: its idle time starts again
    clock.advance(minutes=20)
    assert identity.sessions.sweep() >= 1
    assert identity.sessions.resolve(kept.secret).key == kept.session.key
    with pytest.raises(IdentityError, match="expired|never issued"):
        identity.sessions.resolve(idle.secret)
    with bot.store.transaction() as connection:
        left = connection.execute(
            select(dialogue_table.c.id).where(dialogue_table.c.id == idle.session.conversation_id)
        ).first()
    assert left is None  # the swept session's dialogue went with it
    clock.advance(minutes=31)
    with pytest.raises(IdentityError, match="expired"):
        identity.sessions.resolve(kept.secret)


def test_passwords_are_argon2_and_checked(identity, bot):
    account = identity.accounts.register("Zoe.Q", "long enough pass")
    assert account.username == "zoe.q" and account.shopper_id.startswith("account:")
    stored = identity.accounts.repository.account_by_name("zoe.q")["password_hash"]
    assert stored.startswith("$argon2")
    assert identity.accounts.with_password("zoe.q", "long enough pass").id == account.id
    for name, password in [("zoe.q", "wrong password"), ("nobody", "long enough pass")]:
        with pytest.raises(IdentityError) as refused:
            identity.accounts.with_password(name, password)
        assert refused.value.status == 401  # the same answer for a wrong name and password
    with pytest.raises(IdentityError, match="taken"):
        identity.accounts.register("zoe.q", "another long one")
    with pytest.raises(IdentityError, match="8 to 256"):
        identity.accounts.register("short.pw", "abc")


def test_seeded_demo_shoppers_have_no_password(identity):
    identity.accounts.seed("ana_b", "shop:ana_b")
    with pytest.raises(IdentityError):
        identity.accounts.with_password("ana_b", "")
    with pytest.raises(IdentityError, match="taken"):
        identity.accounts.register("ana_b", "trying to take it")


def test_one_time_codes_are_single_use_limited_and_expire(identity, clock):
    identity.accounts.seed("ben_k", "shop:ben_k")
    code = identity.accounts.issue_code("ben_k")
    assert identity.accounts.with_code("ben_k", code).username == "ben_k"
    with pytest.raises(IdentityError):
        identity.accounts.with_code("ben_k", code)  # used once
    code = identity.accounts.issue_code("ben_k")
    for _ in range(5):
        with pytest.raises(IdentityError):
            identity.accounts.with_code("ben_k", "000000" if code != "000000" else "111111")
    with pytest.raises(IdentityError):
        identity.accounts.with_code("ben_k", code)  # too many wrong tries burnt it
    code = identity.accounts.issue_code("ben_k")
    clock.advance(minutes=11)
    with pytest.raises(IdentityError):
        identity.accounts.with_code("ben_k", code)
    assert identity.accounts.issue_code("no-such-name") is None


def test_one_time_codes_are_shown_only_in_the_demo(identity):
    with pytest.raises(IdentityError) as refused:
        identity.demo_code("ben_k")
    assert refused.value.code == "demo_only"


def test_sign_in_merges_the_guest_cart_and_replaces_the_session(identity, bot):
    account = identity.accounts.register("merge.me", "long enough pass")
    bot.commerce.add_item(account.shopper_id, "T5", 1)
    guest = identity.sessions.issue("web")
    bot.commerce.add_item(guest.session.shopper_id, "T5", 1)
    bot.commerce.add_item(guest.session.shopper_id, "T1", 1, variant_id="T1-black")
    summary = bot.commerce.start_checkout(guest.session.shopper_id)
    done = identity.sign_in(guest.session, account)
    lines = {(line.product_id, line.qty) for line in done.cart.lines}
    assert lines == {("T5", 2), ("T1", 1)}
    assert bot.commerce.get_cart(guest.session.shopper_id).lines == []
    with pytest.raises(IdentityError):
        identity.sessions.resolve(guest.secret)  # the id seen before sign-in is worthless
    signed_in = identity.sessions.resolve(done.issued.secret)
    assert signed_in.account_id == account.id and signed_in.shopper_id == account.shopper_id
    assert bot.commerce.checkout_owner(summary.checkout_id) == guest.session.shopper_id
    with pytest.raises(Exception, match="replaced"):  # the guest's summary closed, stock back
        from assistant.commerce import Confirmation

        bot.commerce.confirm_checkout(
            summary.checkout_id,
            Confirmation(source="ui_button", shopper_id=guest.session.shopper_id, evidence="x"),
        )


def test_the_confirm_token_is_bound_to_its_session(identity):
    one, other = identity.sessions.issue("web"), identity.sessions.issue("web")
    nonce = one.session.confirm_nonce("CHK-1")
    assert one.session.nonce_matches("CHK-1", nonce)
    assert not other.session.nonce_matches("CHK-1", nonce)
    assert not one.session.nonce_matches("CHK-2", nonce)


def test_limits_in_memory_refuse_past_the_rate_and_forget_old_windows(bot, settings):
    limits = AbuseLimits(
        settings.model_copy(update={"rate_limit_per_address": "2/second"}), bot.store
    )
    limits.hit("address", "10.0.0.1")
    limits.hit("address", "10.0.0.1")
    with pytest.raises(IdentityError) as refused:
        limits.hit("address", "10.0.0.1")
    assert refused.value.status == 429 and int(refused.value.headers["Retry-After"]) >= 1
    limits.hit("address", "10.0.0.2")  # another address has its own window
    time.sleep(1.3)
    limits.hit("address", "10.0.0.1")  # a new window
    deadline = time.monotonic() + 5
    while "10.0.0.2" in str(limits.storage.storage) and time.monotonic() < deadline:
        time.sleep(0.1)  # memory stays bounded: ended windows are dropped
    assert "10.0.0.2" not in str(limits.storage.storage)


def test_limits_in_the_database_are_shared_by_workers(bot, settings):
    shared = settings.model_copy(update={"rate_limit_storage": "database"})
    worker_one, worker_two = AbuseLimits(shared, bot.store), AbuseLimits(shared, bot.store)
    key = f"session-{time.time()}"
    worker_one.hit("principal", key)
    worker_two.hit("principal", key)
    worker_one.hit("principal", key)
    with pytest.raises(IdentityError):
        worker_two.hit("principal", key)  # 3 a minute, counted across both
