"""Shoppers who change their minds, ask again and write in DMs: a new search beside a list,
another version of what is in the cart, a cancel with a new pick, linking on request."""

from __future__ import annotations

import pytest

from tests.test_phrasing import Chat


@pytest.mark.slow
def test_a_search_with_a_budget_is_not_the_shown_product_its_kind_word_names(
    demo_assistant,
) -> None:
    chat = Chat(demo_assistant)
    chat.say("do you have the sony wh-1000xm5?")
    reply = chat.say("ok what noise cancelling headphones under 100 then")
    products = [demo_assistant.services.catalogue.products[pid] for pid in reply.products]
    assert len(products) >= 3, reply.text
    assert all(min(v.price_minor for v in p.variants) <= 10_000 for p in products), reply.text


@pytest.mark.slow
def test_more_in_another_version_is_a_second_line(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the ironpeak flow 2 jump rope in purple")
    reply = chat.say("and 2 more in blue for my sisters")
    lines = {(line.product_id, line.qty) for line in reply.cart.lines}
    assert len(reply.cart.lines) == 2 and ("P0172", 2) in lines, reply.text
    chat = Chat(demo_assistant)
    chat.say("add luma skin zen x sunscreen 50ml")
    reply = chat.say("and a 30ml for my bag")
    assert [line.qty for line in reply.cart.lines] == [1, 1], reply.text
    assert "30 ml" in reply.text and "50 ml" in reply.text
    chat = Chat(demo_assistant)
    chat.say("add the ironpeak flow 2 jump rope in purple")
    assert len(chat.say("and one more in blue?").cart.lines) == 2  # asked, but still a request


@pytest.mark.slow
def test_asking_whether_there_is_one_in_another_version_changes_nothing(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    before = chat.say("add the ironpeak flow 2 jump rope in purple").cart.lines
    reply = chat.say("is there another one in blue?")
    assert reply.intent == "product_question" and "blue" in reply.text, reply.text
    assert reply.cart.lines == before


@pytest.mark.slow
def test_a_version_said_again_as_a_correction_changes_the_line(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the lumen home pro 400 linen duvet cover in pink, queen")
    reply = chat.say("Sorry, I measured again, it should be king size. Same colour.")
    assert len(reply.cart.lines) == 1 and "king" in reply.text, reply.text


@pytest.mark.slow
def test_a_count_of_a_named_product_needed_is_an_order_held_to_the_limit(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("i need 12 flexa max s resistance bands in purple for my class")
    assert reply.intent == "add" and "At most 10" in reply.text and not reply.cart.lines
    assert chat.say("ok 10 then").cart.lines[0].qty == 10
    assert Chat(demo_assistant).say("i need a tent for 2 people").intent == "search"
    # without the version it is shown, with the limit quoted, and nothing is added
    reply = Chat(demo_assistant).say(
        "I need 12 of the zenmotion pro 2 resistance bands for my class"
    )
    assert "orders.quantity-limits" in [c.id for c in reply.citations] and not reply.cart.lines


@pytest.mark.slow
def test_a_cheaper_one_is_cheaper_than_the_product_in_focus(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add northtrail plus x tent grey")  # $152.99
    reply = chat.say("is there a cheaper ultralight tent in stock?")
    assert reply.products == ["P0071"], reply.text  # Wildpine Pro X, $126.95, the one in stock
    swapped = chat.say("swap mine for that one")  # its grey is sold out: which one?
    # the old line stays until the new one is in: a question empties no cart
    assert [line.product_id for line in swapped.cart.lines] == ["P0064"], swapped.text
    assert "blue" in swapped.text
    chat = Chat(demo_assistant)
    chat.say("show me ultralight tents")
    chat.say("tell me about the wildpine pro x tent")
    assert "Nothing of that kind costs less" in chat.say("is there a cheaper one?").text


@pytest.mark.slow
def test_questions_and_remarks_about_another_version_change_nothing(demo_assistant) -> None:
    for said in (
        "and does it come in blue too?",
        "is blue more expensive",
        "my sister also has the blue one",
        "any more in blue",
    ):
        chat = Chat(demo_assistant)
        before = chat.say("add the ironpeak flow 2 jump rope in purple").cart.lines
        assert chat.say(said).cart.lines == before, said


@pytest.mark.slow
def test_that_one_replaces_nothing_unless_swapped_for(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the ironpeak flow 2 jump rope in purple")
    chat.say("tell me about the sonara edge speaker")
    reply = chat.say("add that one too, dont replace my rope")
    assert "P0172" in [line.product_id for line in reply.cart.lines], reply.text
    chat = Chat(demo_assistant)  # an open "which colour?" for the bands is left behind by
    chat.say("add the ironpeak flow 2 jump rope in purple")  # a question about another one:
    chat.say("add the flexa max s resistance bands")  # «that one» is the one asked about
    asked = chat.say("tell me about the bassline urban 2 wired studio headphones").products[0]
    swapped = chat.say("swap mine for that one").cart.lines
    assert [line.product_id for line in swapped] == [asked]


@pytest.mark.slow
def test_a_needed_count_asked_about_is_no_order(demo_assistant) -> None:
    reply = Chat(demo_assistant).say(
        "i need 2 echofox one 2 bluetooth speakers by friday, will they arrive?"
    )
    assert reply.cart.lines == [] and reply.intent != "add", reply.text
