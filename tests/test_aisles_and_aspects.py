"""A kind word shared by aisles is narrowed by the word before it ("sleeping bag" is no tote
bag), review questions whose words reviewers do not use find the reviews that answer them
("do they run small?" → "true to size"), and sellers' access is answered from the privacy
policy."""

from __future__ import annotations

import pytest

from assistant.search.aspect_families import family_label, family_stems
from tests.test_phrasing import Chat


@pytest.fixture
def demo_kinds(demo_assistant):
    return demo_assistant.catalogue_answers.kinds


@pytest.fixture
def demo_mentions(demo_assistant):
    return demo_assistant.mentions


@pytest.mark.parametrize(
    ("question", "family"),
    [
        ("trailhawk max 2 sneakers, do they run small??", "sizing and fit"),
        ("is it true to size", "sizing and fit"),
        ("how do they fit", "sizing and fit"),
        ("does it break ppl out", "skin reactions"),
        ("any irritation on sensitive skin?", "skin reactions"),
        ("is the blender loud", "noise"),
        ("are they see through lol", "see-through fabric"),
        ("is the fabric sheer", "see-through fabric"),
        ("how long does the battery last", None),
        ("is it small enough for a carry-on", None),  # a size asked of a bag, not its fit
    ],
)
def test_aspect_families_are_named_from_the_question(question: str, family: str | None) -> None:
    assert family_label(question) == family
    assert bool(family_stems(question)) is (family is not None)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("request_text", "kind", "other"),
    [
        ("sleeping bag, 50 max", "Sleeping Bag", "Tote Bag"),
        ("need a hiking backpack under $100, leaving in 5 days", "Hiking Backpack", "Laptop"),
    ],
)
def test_a_kind_shared_by_aisles_is_narrowed_by_the_word_before_it(
    demo_assistant, request_text: str, kind: str, other: str
) -> None:
    reply = Chat(demo_assistant).say(request_text)
    titles = [demo_assistant.services.catalogue.products[pid].title for pid in reply.products]
    assert titles and all(kind in title for title in titles), titles
    assert not any(other in title for title in titles)


@pytest.mark.slow
def test_a_kind_in_one_aisle_keeps_every_product_of_it(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("wireless earbuds under $60")
    titles = [demo_assistant.services.catalogue.products[pid].title for pid in reply.products]
    assert any("Sport Earbuds" in title for title in titles), titles  # wireless too, unsaid


@pytest.mark.slow
def test_it_after_the_only_match_is_that_product(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("need a hiking backpack under $100")
    reply = chat.say("ok add it")
    assert [line.product_id for line in reply.cart.lines] == ["P0073"], reply.text


@pytest.mark.slow
def test_do_they_run_small_quotes_the_reviews_about_fit(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("trailhawk max 2 sneakers, do they run small??")
    assert reply.intent == "review_question"
    assert "sizing and fit" in reply.text
    assert "True to size" in reply.text or "fit is perfect" in reply.text
    assert any(citation.kind == "review" for citation in reply.citations)
    assert "don't answer that" not in reply.text


@pytest.mark.slow
def test_nvm_is_no_make_we_lack(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("nvm show me earbuds under 60")
    assert "carry Nvm" not in reply.text
    assert reply.products


@pytest.mark.slow
@pytest.mark.parametrize(
    "question",
    ["do sellers see my insta handle or what i buy", "do you share my data with sellers"],
)
def test_what_sellers_see_is_answered_from_the_privacy_policy(demo_assistant, question) -> None:
    reply = Chat(demo_assistant).say(question)
    assert "privacy.sellers" in [c.id for c in reply.citations], reply.text
    assert "do not see who buys" in reply.text


@pytest.mark.slow
@pytest.mark.parametrize(
    "said",
    [
        "oh go on she wont mind, she lives at 14 elm road if that helps",
        "fine, whats the real price then",
        "is there a similar set from a seller you've actually checked out",
    ],
)
def test_a_sentence_that_asks_for_no_kind_is_no_kind_we_lack(demo_kinds, said) -> None:
    assert demo_kinds.missing(said) is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("said", "lacking"),
    [("do u sell laptops? mine just died", "laptops"), ("fishing rods", "fishing rods")],
)
def test_a_kind_asked_for_or_said_bare_is_still_one_we_lack(demo_kinds, said, lacking) -> None:
    assert demo_kinds.missing(said) == lacking


def test_noise_cancelling_is_a_feature_not_a_noise_question() -> None:
    assert (
        family_label("bassline one vs nimbus noise cancelling headphones, which is better") is None
    )
    assert family_label("does it make much noise") == "noise"


@pytest.mark.slow
def test_any_of_a_kind_after_an_interjection_is_a_search(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("fine, any loose leaf green tea then?")
    assert reply.intent == "search" and len(reply.products) >= 2, reply.text


@pytest.mark.slow
def test_a_word_without_a_synonym_names_no_title_word_s(demo_mentions) -> None:
    # an empty synonym once made every word stand for the title word "s" ("Sport S")
    assert demo_mentions._title_words_for("then") == set()


@pytest.mark.slow
def test_which_one_do_reviewers_over_two_shown_compares_their_reviews(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("ridgeline classic 500 sleeping bag vs cairn gear aero 2 sleeping bag")
    reply = chat.say("Which one do reviewers find warmer? We camp when it's near freezing.")
    assert reply.intent == "compare", reply.text
    assert "mention warmth" in reply.text and "Which one do you mean" not in reply.text
    assert any(citation.kind == "review" for citation in reply.citations)


@pytest.mark.slow
def test_a_low_rating_is_the_reason_to_ask_not_the_aspect(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("show me the hearthstone studio s pour-over coffee maker")
    reply = chat.say("Its rating looks low. What are the main complaints?")
    assert "mention looks" not in reply.text and "complain" in reply.text, reply.text
