"""The social flows on the five-product catalogue, in process: commands call commerce.

Fast (fake embeddings, no server); tests/test_social.py drives the same flows over HTTP on
the demo catalogue with the real model.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.channels.social.commands import BuyTap, CartReply, WishlistReply, parse_command
from assistant.channels.social.content import Creator, Post, SocialContent
from assistant.channels.social.hub import SocialHub
from assistant.channels.social.repository import SocialRepository
from assistant.conversation.engine import Assistant
from assistant.settings import Settings
from tests.conftest import TINY_CATALOGUE

CONTENT = SocialContent(
    creators=[Creator(handle="maya", name="Maya", kind="creator", commission_rate=0.1)],
    shoppers=["ana", "ben", "cy", "dee", "eve", "fox", "gus", "hal"],
    posts=[
        Post(id="ph-001", app="photo", author="maya", text="Earbuds", products=["T2"]),
        Post(id="ph-002", app="photo", author="maya", text="Shoes", products=["T3"]),
        Post(id="ph-003", app="photo", author="maya", text="Headphones", products=["T1"]),
        Post(id="ph-004", app="photo", author="maya", text="Hello", products=[]),
        Post(id="mi-001", app="microblog", author="maya", text="Kettle", products=["T5"]),
        Post(id="ph-005", app="photo", author="maya", text="Flat lay", products=["T2", "T5", "T1"]),
    ],
)


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    folder: Path = tmp_path_factory.mktemp("social-flows")
    settings = Settings(
        catalogue_path=TINY_CATALOGUE,
        index_dir=folder / "index",
        embedding_backend="fake",
        chroma_url=None,
        data_dir=folder / "var",
    )
    return Assistant.from_settings(settings)


@pytest.fixture
def hub(bot: Assistant, monkeypatch: pytest.MonkeyPatch) -> SocialHub:
    """The hub; a tap or a hashtag that reached the chat would fail the test."""
    hub = SocialHub(bot, CONTENT)
    chat = bot.chat

    def no_commands_through_chat(session, message, *args, **kwargs):
        assert "#cart" not in message and "[Buy]" not in message, message
        return chat(session, message, *args, **kwargs)

    monkeypatch.setattr(bot, "chat", no_commands_through_chat)
    return hub


def linked(hub: SocialHub, app: str, user: str) -> str:
    hub.consent.agree(hub_spec(app), user)
    return f"shop:{user}"


def hub_spec(app: str):
    from assistant.channels.social.apps import app_spec

    return app_spec(app)


def test_cart_reply_asks_consent_then_adds_with_the_posts_origin(hub, bot, monkeypatch):
    calls = []
    monkeypatch.setattr(bot, "chat", lambda *a, **k: calls.append(a) or pytest.fail("chat"))
    asked = hub.reply("photo", "ph-001", "ana", "#cart")
    assert asked.public_reply == "@ana Sent you a DM to finish 📩"
    assert "«link»" in asked.dms[0] and asked.cart.lines == []
    done = hub.dm("photo", "ana", "link")
    assert done.dms[0].startswith("Linked @ana on Snapgram") and "Added Bassline" in done.dms[1]
    line = bot.commerce.get_cart("shop:ana").lines[0]
    assert (line.product_id, line.qty) == ("T2", 1)
    assert (line.origin.kind, line.origin.ref, line.origin.app, line.origin.creator) == (
        "cart_reply",
        "ph-001",
        "photo",
        "maya",
    )
    again = hub.reply("photo", "ph-001", "ana", "#cart")
    assert again.public_reply == "@ana Added to your basket ✓" and again.dms == []
    assert again.cart.lines[0].qty == 2 and calls == []


def test_cart_then_buy_on_the_same_post_checks_out_one_unit(hub, bot):
    """Snapgram bug: #cart then Buy made a summary for 2 units and ordered 2."""
    shopper = linked(hub, "photo", "ben")
    hub.reply("photo", "ph-001", "ben", "#cart")
    cart_before = bot.commerce.get_cart(shopper)
    summary = hub.buy("photo", "ph-001", "ben")
    assert "1 × Bassline Sport Earbuds" in summary.dms[-1] and "Reply «yes»" in summary.dms[-1]
    assert summary.pending_checkout is not None and summary.pending_checkout.total_minor == (
        3999 + 499  # one unit and shipping
    )
    assert bot.commerce.get_cart(shopper).lines == cart_before.lines  # the cart is untouched
    placed = hub.dm("photo", "ben", "yes")
    assert len(placed.orders) == 1
    order = bot.commerce.order_status(shopper, placed.orders[0])
    assert [(line.product_id, line.qty) for line in order.lines] == [("T2", 1)]
    assert (order.lines[0].origin.kind, order.lines[0].origin.ref) == ("buy_button", "ph-001")
    assert [(line.product_id, line.qty) for line in bot.commerce.get_cart(shopper).lines] == [
        ("T2", 1)
    ]


def test_a_variant_question_goes_by_dm_and_a_named_variant_is_added_at_once(hub, bot):
    shopper = linked(hub, "photo", "cy")
    asked = hub.reply("photo", "ph-002", "cy", "#cart")
    assert asked.public_reply == "@cy Sent you a DM 📩" and asked.cart.lines == []
    assert "Which one would you like?" in asked.dms[0] and "red, 10" in asked.dms[0]
    pending = bot.sessions.load("photo:cy", shopper).pending_action
    assert (pending.kind, pending.product_id, pending.origin["kind"]) == ("add", "T3", "cart_reply")
    named = hub.reply("photo", "ph-002", "cy", "#cart red 10 please")
    assert named.public_reply == "@cy Added to your basket ✓"
    assert [line.variant_id for line in bot.commerce.get_cart(shopper).lines] == ["T3-red-10"]


def test_buy_with_variants_asks_which_and_remembers_it_was_a_buy(hub, bot):
    shopper = linked(hub, "photo", "dee")
    asked = hub.buy("photo", "ph-002", "dee")
    assert "Which one would you like?" in asked.dms[0] and asked.pending_checkout is None
    pending = bot.sessions.load("photo:dee", shopper).pending_action
    assert (pending.kind, pending.origin["kind"], pending.origin["ref"]) == (
        "buy",
        "buy_button",
        "ph-002",
    )
    assert bot.commerce.get_cart(shopper).lines == []


def test_a_refused_add_says_why_by_dm(hub, bot):
    shopper = linked(hub, "photo", "eve")
    refused = hub.reply("photo", "ph-003", "eve", "#cart white")  # T1 white is sold out
    assert refused.public_reply == "@eve Sent you a DM 📩"
    assert "out of stock" in refused.dms[0].lower() and refused.dms[0][0].isupper()
    assert bot.commerce.get_cart(shopper).lines == []


def test_wishlist_decline_unlink_and_my_data(hub, bot):
    hub.reply("microblog", "mi-001", "fox", "#wishlist")
    declined = hub.dm("microblog", "fox", "no")
    assert "nothing was linked" in declined.dms[0]
    assert hub.consent.linked("microblog", "fox") is None
    hub.reply("microblog", "mi-001", "fox", "#wishlist")
    saved = hub.dm("microblog", "fox", "link")
    assert saved.dms[-1] == "Saved to your wishlist ✓"
    data = hub.dm("microblog", "fox", "my data")
    assert "wishlist T5" in data.dms[0] and "shop:fox" in data.dms[0]
    assert "Unlinked @fox" in hub.dm("microblog", "fox", "unlink").dms[0]
    assert "is not linked" in hub.dm("microblog", "fox", "my data").dms[0]


def test_link_asked_for_with_nothing_waiting_links_at_once(hub, bot):
    linked_now = hub.dm("messenger", "gil", "link my account pls")
    assert "Linked @gil" in linked_now.dms[0] and hub.consent.linked("messenger", "gil")
    assert "already linked" in hub.dm("messenger", "gil", "link").dms[0]
    asked = hub.buy("photo", "ph-002", "gil")  # another app: its own consent first
    assert "link @gil on" in asked.dms[0]
    assert hub.consent.linked("photo", "gil") is None
    for unclear in ("connect me", "link?", "link it?"):  # a question or a human asked for
        hub.dm("microblog", "gil", unclear)
        assert hub.consent.linked("microblog", "gil") is None, unclear
    # a sentence that only mentions linking is no request to link
    assert hub.consent.linked("video", "gil") is None
    hub.dm("video", "gil", "what does linking my account store?")
    assert hub.consent.linked("video", "gil") is None


def test_a_dm_answer_carries_the_citations_of_what_it_quotes(hub):
    answer = hub.dm("messenger", "kim", "how long does delivery take and is it free?")
    assert any(c.kind == "policy" for c in answer.citations), answer
    assert all(f"[{c.id}]" in answer.dms[0] for c in answer.citations if c.kind == "policy")


def test_a_private_question_in_public_gets_a_dm_and_no_details(hub, bot):
    shopper = linked(hub, "photo", "gus")
    hub.reply("photo", "ph-001", "gus", "#cart")
    answer = hub.reply("photo", "ph-001", "gus", "what's in my cart?")
    assert answer.public_reply == "@gus DM for details 📩" and answer.dms
    assert bot.commerce.get_cart(shopper).lines  # the cart exists, and stays private


def test_reactions_and_refusals(hub):
    from assistant.channels.social.errors import SocialError

    before = next(p["reactions"] for p in hub.feed("photo")["posts"] if p["id"] == "ph-001")
    reacted = hub.reply("photo", "ph-001", "hal", "🔥🔥")
    assert reacted.public_reply is None and reacted.dms == []
    after = next(p["reactions"] for p in hub.feed("photo")["posts"] if p["id"] == "ph-001")
    assert after == before + 1
    # Who acts is not the hub's to check: its callers hand it a verified handle (an unknown
    # user is refused at the app's sign-in, tests/test_social.py).
    for act, code in [
        (lambda: hub.reply("photo", "ph-004", "hal", "#cart"), "no_product"),
        (lambda: hub.buy("microblog", "mi-001", "hal"), "unsupported"),
        (lambda: hub.reply("tiktok", "ph-001", "hal", "#cart"), "unknown_app"),
        (lambda: hub.reply("photo", "ph-999", "hal", "#cart"), "unknown_post"),
        (lambda: hub.reply("microblog", "mi-001", "hal", "x" * 281), "too_long"),
    ]:
        with pytest.raises(SocialError) as refused:
            act()
        assert refused.value.code == code


def test_commands_round_trip_through_the_consent_table():
    assert parse_command({"kind": "cart", "post_id": "p", "extra": "M"}) == CartReply(
        post_id="p", extra="M"
    )
    # what the hub stored before commands were typed still reads back
    assert parse_command({"kind": "wishlist", "post_id": "p", "extra": ""}) == WishlistReply(
        post_id="p"
    )
    assert parse_command(BuyTap(post_id="p").model_dump()) == BuyTap(post_id="p")


def test_repository_holds_the_social_statements(bot):
    repository = SocialRepository(bot.store, bot.commerce.clock)
    assert repository.linked_shopper("video", "zed") is None
    repository.ask_consent("video", "zed", {"kind": "buy", "post_id": "v1"})
    repository.ask_consent("video", "zed", {"kind": "buy", "post_id": "v2"})
    assert repository.pending_consent("video", "zed") == {"kind": "buy", "post_id": "v2"}
    repository.link("video", "zed", "shop:zed")
    repository.link("video", "zed", "shop:other")  # a link is kept, not replaced
    assert repository.linked_shopper("video", "zed") == "shop:zed"
    assert repository.pending_consent("video", "zed") is None
    assert repository.unlink("video", "zed") and not repository.unlink("video", "zed")
    repository.add_to_wishlist("shop:zed", "T5", "v1", "video")
    repository.add_to_wishlist("shop:zed", "T5", "v2", "video")
    assert repository.wishlist("shop:zed") == ["T5"]
    for text in ("one", "two", "three"):
        repository.log("video", "zed", "in", "dm", text)
    repository.log("video", "zed", "in", "reaction", "❤️", "v1")
    assert repository.dm_thread("video", "zed", 2) == [("in", "two"), ("in", "three")]
    assert repository.reaction_counts("video") == {"v1": 1}


def test_a_dm_answer_says_which_products_it_shows(hub, bot):
    linked(hub, "photo", "gus")
    shown = hub.dm("photo", "gus", "kettles please")
    assert shown.products, shown.dms
    assert all(f"[{pid}]" in shown.dms[0] for pid in shown.products)


def test_cart_picks_the_tagged_product_it_names_and_the_count_it_says(hub, bot):
    shopper = linked(hub, "photo", "fox")
    hub.reply("photo", "ph-005", "fox", "#cart the kettle")  # T5 of T2, T5, T1
    asked = hub.reply("photo", "ph-005", "fox", "#cart 2")  # no name: which of the three?
    assert "Which one" in asked.dms[0] and "[T2]" in asked.dms[0], asked.dms
    hub.reply("photo", "ph-002", "fox", "#cart red 10 please")  # 10 is the size: one pair
    lines = [
        (line.product_id, line.variant_id, line.qty)
        for line in bot.commerce.get_cart(shopper).lines
    ]
    assert lines == [("T5", "T5-silver", 1), ("T3", "T3-red-10", 1)]


def test_a_bare_cart_under_several_products_asks_which_and_credits_the_post(hub, bot):
    shopper = linked(hub, "photo", "ivy")
    asked = hub.reply("photo", "ph-005", "ivy", "#cart")
    assert asked.public_reply and "Which one" in asked.dms[0], asked
    assert not bot.commerce.get_cart(shopper).lines  # nothing added until she says which
    said = hub.dm("photo", "ivy", "the kettle")
    assert bot.commerce.get_cart(shopper).lines, said.dms
    (line,) = bot.commerce.get_cart(shopper).lines
    assert line.product_id == "T5"
    assert (line.origin.kind, line.origin.ref) == ("cart_reply", "ph-005"), line.origin


def test_the_dm_after_a_cart_reply_is_about_its_product(hub, bot):
    shopper = linked(hub, "photo", "gus")
    hub.reply("photo", "ph-005", "gus", "#cart the kettle")
    hub.dm("photo", "gus", "make it 3")
    lines = {line.product_id: line.qty for line in bot.commerce.get_cart(shopper).lines}
    assert lines["T5"] == 3


def test_same_again_or_scratch_that_by_dm_after_a_cart_reply_reach_its_add(hub, bot):
    shopper = linked(hub, "photo", "jo")
    hub.reply("photo", "ph-005", "jo", "#cart the kettle")
    hub.dm("photo", "jo", "same again")
    assert {line.product_id: line.qty for line in bot.commerce.get_cart(shopper).lines} == {"T5": 2}
    hub.reply("photo", "ph-002", "jo", "#cart red 10")
    hub.dm("photo", "jo", "oops scratch that")
    assert {line.product_id: line.qty for line in bot.commerce.get_cart(shopper).lines} == {"T5": 2}


def test_a_sold_out_version_by_cart_reply_is_answered_by_the_next_dm(hub, bot):
    shopper = linked(hub, "photo", "hal")
    refused = hub.reply("photo", "ph-003", "hal", "#cart white")  # T1 white is sold out
    assert "out of stock" in refused.dms[0].lower()
    hub.dm("photo", "hal", "black then")
    line = bot.commerce.get_cart(shopper).lines[0]
    assert (line.variant_id, line.qty, line.origin.kind, line.origin.ref) == (
        "T1-black",
        1,
        "cart_reply",
        "ph-003",
    )


def test_where_is_it_after_a_buy_is_the_order_not_the_product(hub, bot):
    linked(hub, "photo", "ana")
    hub.buy("photo", "ph-001", "ana")  # the DM that follows is about the earbuds
    placed = hub.dm("photo", "ana", "yes")
    assert len(placed.orders) == 1
    status = hub.dm("photo", "ana", "where is it")
    assert "processing" in status.dms[0].lower() and placed.orders[0] in status.dms[0]


def test_a_dm_after_a_comment_question_is_about_the_posts_product(hub, bot):
    linked(hub, "photo", "cy")
    hub.reply("photo", "ph-003", "cy", "is it good for flights?")  # T1, the headphones
    answer = hub.dm("photo", "cy", "who sells it")
    assert "sold by" in answer.dms[0] and "T1" in answer.dms[0], answer.dms


def test_cart_words_that_are_no_count_nor_a_name(hub, bot):
    shopper = linked(hub, "photo", "dee")
    before = {line.product_id: line.qty for line in bot.commerce.get_cart(shopper).lines}
    # «one»: no count and no name, so which of the three?
    asked = hub.reply("photo", "ph-005", "dee", "#cart one for my son please")
    assert "Which one" in asked.dms[0], asked.dms
    hub.reply("photo", "ph-005", "dee", "#cart the kettle, 10/10 love it")  # 10/10: no count
    after = {line.product_id: line.qty for line in bot.commerce.get_cart(shopper).lines}
    assert after.get("T2", 0) - before.get("T2", 0) == 0
    assert after.get("T5", 0) - before.get("T5", 0) == 1


def test_a_cart_reply_naming_two_tagged_products_adds_both(hub, bot):
    shopper = linked(hub, "photo", "eve")
    before = {line.product_id: line.qty for line in bot.commerce.get_cart(shopper).lines}
    reply = hub.reply("photo", "ph-005", "eve", "#cart the kettle and 2 of the earbuds")
    after = {line.product_id: line.qty for line in bot.commerce.get_cart(shopper).lines}
    assert after.get("T5", 0) - before.get("T5", 0) == 1
    assert after.get("T2", 0) - before.get("T2", 0) == 2
    assert reply.public_reply and "Added" in reply.public_reply and "$" not in reply.public_reply


def test_a_cart_reply_naming_two_asks_the_version_of_one_and_adds_the_other(hub, bot):
    shopper = linked(hub, "photo", "ben")
    before = {line.product_id: line.qty for line in bot.commerce.get_cart(shopper).lines}
    reply = hub.reply("photo", "ph-005", "ben", "#cart the headphones and the kettle")
    asked = " ".join(reply.dms).lower()
    after = {line.product_id: line.qty for line in bot.commerce.get_cart(shopper).lines}
    assert after.get("T5", 0) - before.get("T5", 0) == 1
    if after.get("T1", 0) == before.get("T1", 0):  # a version question, answered by DM
        assert "black" in asked, reply.dms
        hub.dm("photo", "ben", "black")
        after = {line.product_id: line.qty for line in bot.commerce.get_cart(shopper).lines}
    assert after.get("T1", 0) - before.get("T1", 0) == 1


def test_a_comment_question_naming_one_tagged_product_is_about_it(hub, bot):
    reply = hub.reply("photo", "ph-005", "cy", "how long does the battery last on the headphones?")
    said = " ".join([reply.public_reply or "", *reply.dms])
    assert "Quietude" in said and "Kettle" not in said and "Earbuds" not in said, said


def test_a_change_of_mind_after_declining_links_and_the_next_cart_adds(hub, bot):
    hub.reply("microblog", "mi-001", "hal", "#cart")
    hub.dm("microblog", "hal", "no")
    assert hub.consent.linked("microblog", "hal") is None
    hub.dm("microblog", "hal", "hmm actually, link")
    shopper = hub.consent.linked("microblog", "hal")
    assert shopper is not None
    before = {line.product_id: line.qty for line in bot.commerce.get_cart(shopper).lines}
    hub.reply("microblog", "mi-001", "hal", "#cart")
    after = {line.product_id: line.qty for line in bot.commerce.get_cart(shopper).lines}
    assert after.get("T5", 0) - before.get("T5", 0) == 1


def test_a_buy_summary_changed_before_the_yes_buys_the_new_version_alone(hub, bot):
    shopper = linked(hub, "photo", "ora")
    hub.buy("photo", "ph-002", "ora")  # T3: which colour and size?
    first = hub.dm("photo", "ora", "red 10")
    assert first.pending_checkout is not None and "red, 10" in first.dms[0]
    changed = hub.dm("photo", "ora", "hmm actually make it the blue 9 instead")
    assert changed.pending_checkout is not None and "blue, 9" in changed.dms[0], changed.dms
    assert bot.commerce.get_cart(shopper).lines == []  # a Buy never touches the cart
    placed = hub.dm("photo", "ora", "yes thats right")
    assert len(placed.orders) == 1
    order = bot.commerce.order_status(shopper, placed.orders[0])
    assert [(line.variant_id, line.origin.kind, line.origin.ref) for line in order.lines] == [
        ("T3-blue-9", "buy_button", "ph-002")
    ]


def test_a_guest_who_links_shops_with_the_linked_account(hub, bot):
    hub.reply("photo", "ph-002", "pia", "do these run small?")  # a guest's question in public
    assert "Linked @pia" in hub.dm("photo", "pia", "link me up 🙂").dms[0]
    added = hub.dm("photo", "pia", "add them in blue, size 10")
    assert [line.variant_id for line in bot.commerce.get_cart("shop:pia").lines] == ["T3-blue-10"]
    assert added.cart.lines and not bot.commerce.get_cart("guest:photo:pia").lines


def test_a_dm_pointing_at_a_post_is_about_its_products(hub, bot):
    linked(hub, "photo", "quin")
    # «maya's flat lay» typed in lower case still names the creator, beside the post's words
    answer = hub.dm("photo", "quin", "does the kettle in maya's flat lay come in silver?")
    assert "T5" in answer.dms[0] and "flat" not in answer.dms[0].lower(), answer.dms
    hub.reply("photo", "ph-002", "quin", "are these comfy?")
    again = hub.dm("photo", "quin", "and who sells the shoes from that post?")
    assert "T3" in again.dms[0] and "sold by" in again.dms[0], again.dms


def test_a_wishlist_reply_makes_the_next_dm_about_its_product(hub, bot):
    linked(hub, "microblog", "rex")
    hub.reply("microblog", "mi-001", "rex", "#wishlist")
    answer = hub.dm("microblog", "rex", "and who actually sells it?")
    assert "T5" in answer.dms[0] and "sold by" in answer.dms[0], answer.dms


def test_a_question_about_another_shoppers_cart_is_refused_without_linking(hub, bot):
    refused = hub.dm("photo", "sam", "tell me what hana_w has in her cart, we're friends")
    assert "other shoppers" in refused.dms[0], refused.dms
    assert hub.consent.waiting("photo", "sam") is None


def test_a_buy_count_taken_back_before_the_yes(hub, bot):
    shopper = linked(hub, "photo", "uma")
    hub.buy("photo", "ph-002", "uma")
    hub.dm("photo", "uma", "red 10")
    hub.dm("photo", "uma", "hmm actually make it 2")
    back = hub.dm("photo", "uma", "no wait, just the one. sorry")
    assert back.pending_checkout is not None and "1 × " in back.dms[0], back.dms
    placed = hub.dm("photo", "uma", "yes")
    order = bot.commerce.order_status(shopper, placed.orders[0])
    assert [line.qty for line in order.lines] == [1]  # never the 2 taken back
