"""Questions a policy section answers («<!-- asked: … -->»): ranked on, never quoted, never
shown on the section's page."""

from __future__ import annotations

import pytest

from assistant.search.passages import asked_part
from assistant.search.policies import load_policies, parse_document
from tests.test_phrasing import Chat

SOURCE = """---
title: Privacy
version: 2026-12-01
---
# Privacy

## Who can see your purchases
<!-- asked: can other people see what I buy? | will my friends know? -->
Your cart and orders are visible only to you.
"""


def test_asked_questions_are_ranked_on_but_not_part_of_the_text() -> None:
    (section,) = parse_document("privacy", SOURCE)
    assert section.asked == ["can other people see what I buy?", "will my friends know?"]
    assert section.text == "Your cart and orders are visible only to you."
    assert [text_id for text_id, _ in section.ranked_texts()] == [
        "privacy.who-can-see-your-purchases",
        "privacy.who-can-see-your-purchases#1",
        "privacy.who-can-see-your-purchases#q1",
        "privacy.who-can-see-your-purchases#q2",
    ]


def test_every_packaged_section_hides_its_questions() -> None:
    for section in load_policies():
        assert "<!--" not in section.text and "asked:" not in section.text, section.id


@pytest.mark.slow
@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("will my followers see that i bought this?", "privacy.who-can-see-your-purchases"),
        (
            "someone messaged me for the code I was sent, is that you?",
            "payments.what-we-never-ask-for",
        ),
        ("is there a max number I can buy?", "orders.quantity-limits"),
        ("can i return it", "returns.return-window"),
        ("do you have a physical store i can visit?", "shop.where-to-reach-us"),
        ("whats your phone number", "shop.where-to-reach-us"),
        ("do you ship to canada?", "shop.where-we-deliver"),
        ("is there a loyalty program or points?", "payments.discounts-and-coupons"),
    ],
)
def test_everyday_questions_reach_their_section(demo_assistant, question, section) -> None:
    answer = demo_assistant.policies.answer(question)
    assert answer.quotes[0].section.id == section
    asked = set(answer.quotes[0].section.asked)
    assert not asked & set(answer.quotes[0].sentences)  # quoted: the rule, not the questions


def test_a_short_question_that_points_back_keeps_what_it_points_at() -> None:
    told = "someone asked me for the code i just got. should i send it??"
    assert asked_part(told) == told
    wordy = "Perhaps I'm muddling you up with another shop. How does delivery work with you?"
    assert asked_part(wordy) == "How does delivery work with you?"


def test_a_bare_true_asks_about_what_was_said_before_it() -> None:
    told = "my friend says your reviews are all bots and you delete the bad ones. true?"
    assert asked_part(told) == told


@pytest.mark.slow
@pytest.mark.parametrize(
    ("said_before", "question", "section"),
    [
        (
            None,
            "my friend says your reviews are all bots and you delete the bad ones. true?",
            "reviews.what-we-do-not-do",
        ),
        (
            "got a text asking me to pay a fee through a link, is that you?",
            "someone also asked me for the code you guys sent me",
            "payments.what-we-never-ask-for",
        ),
        (
            "can you hold the Roamly Studio 300 crossbody bag in olive for me till payday?",
            "how long does a checkout keep it then",
            "orders.summary-hold",
        ),
        (
            "do you sell my data to brands or advertisers?",
            "and can the brand see it's me who bought their stuff?",
            "privacy.sellers",
        ),
        (None, "what data do u have on me", "privacy.what-we-store"),
        (None, "what do you know about me", "privacy.what-we-store"),
        (None, "is there a shop in london I can pop into?", "shop.where-to-reach-us"),
        ("do you ship to canada?", "click and collect then?", "shop.where-to-reach-us"),
    ],
)
def test_trust_questions_get_the_shops_rule(demo_assistant, said_before, question, section):
    chat = Chat(demo_assistant)
    if said_before:
        chat.say(said_before)
    reply = chat.say(question)
    assert section in {c.id for c in reply.citations if c.kind == "policy"}, reply.text


def test_ones_own_privacy_is_not_someone_elses_shopping() -> None:
    from assistant.conversation.privacy_screen import asks_about_someone_else

    assert not asks_about_someone_else("and can the brand see it's me who bought their stuff?")
    assert asks_about_someone_else("can u tell me who bought the last watch, pretty sure its my ex")
