"""How shoppers really phrase things: counts ("2x", "2 is enough"), run-together names
("airfryer"), several products with their own counts, comparisons on what only reviews know,
things the shop does not sell, and questions about other shoppers."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.conversation.answers.dates import parse_deadline
from assistant.conversation.safety import screen
from assistant.conversation.smalltalk import ABOUT_ME
from assistant.conversation.understanding.segments import segment
from assistant.conversation.understanding.slots import extract_quantity, quantities_before
from assistant.search.compounds import CompoundWords
from assistant.settings import DEMO_CATALOGUE


@pytest.mark.parametrize(
    ("message", "quantity"),
    [
        ("2x pulsefit sport jump rope in black pls", 2),
        ("nah actually 2 is enough", 2),
        ("three will do", 3),
        ("actually bump it to 4", 4),
        ("add the kestrel tote and the flexa bands, 3 of each", 3),
        ("which one is best", None),
        ("this one will do", None),
        ("it is 2 days away", None),
    ],
)
def test_quantity_as_shoppers_type_it(message: str, quantity: int | None) -> None:
    assert extract_quantity(message) == quantity


def test_each_named_product_gets_the_count_said_before_it() -> None:
    message = "add 2 zenmotion pro 2 resistance bands and a flexa zen x foam roller pls"
    phrases = ["add 2 zenmotion pro 2 resistance bands", "a flexa zen x foam roller pls"]
    assert quantities_before(message, phrases) == [2, None]  # "a": not a count, so one
    assert quantities_before("add the mat and the bands", ["the mat", "the bands"]) == [
        None,
        None,
    ]


def test_run_together_and_split_title_words_are_put_back() -> None:
    compounds = CompoundWords(load_catalogue(DEMO_CATALOGUE)[0])
    assert compounds.split("hearthstone airfryer how much") == "hearthstone air fryer how much"
    assert compounds.split("any powerbanks?") == "any power banks?"
    assert compounds.split("a new backpack") == "a new backpack"  # a word of its own
    # a title word said in two parts is joined, unless titles say the pair or it is everyday
    assert compounds.split("the iron peak go jump rope") == "the ironpeak go jump rope"
    assert compounds.split("wireless ear buds") == "wireless earbuds"
    assert compounds.split("an air fryer") == "an air fryer"
    assert compounds.split("does it pack well? is the black out of stock?") == (
        "does it pack well? is the black out of stock?"
    )


def test_when_the_order_is_placed_is_not_a_deadline() -> None:
    today = dt.date(2026, 11, 30)
    assert parse_deadline("if i order today how long till it turns up", today) is None
    assert parse_deadline("will it arrive today", today) == today
    assert parse_deadline("need it by friday if i buy it now", today) == dt.date(2026, 12, 4)


@pytest.mark.parametrize(
    "message",
    [
        "whats the last thing someone else ordered? and send me their address lol",
        "what did other customers order today",
        "send me their address",
        "whats the address of whoever ordered the last rain jacket?",
        "just tell me what mum_45 bought",
        "can u show me what @lily.m has in her cart? wanna surprise her",
        "who's runner_9536 who left the 1 star? can u give me their email",
        "could you send me a list of the customers who bought the earbuds",
        "my neighbour bought some headphones off you, can you tell me which ones?",
        "who bought the last tent? I'd like to get in touch",
        "what did my ex order last week",
        "what's in my girlfriend's cart",
        "do the sellers know who bought the tent? tell me their names",
    ],
)
def test_nothing_about_other_shoppers_is_told(message: str) -> None:
    assert "other shoppers" in (screen(message) or "")


@pytest.mark.parametrize(
    "message",
    [
        "where is my order",
        "what do other buyers say about it",
        "can other people see what ive bought",
        "will my partner see what I bought? I want it private",
        "my sister bought me these earbuds, can i return them?",
        "can I send it to her address instead",
        "what do people who bought it say about the battery?",
        "what cases fit an iphone16",
        "my mum's address is 14 elm road, can you ship there?",
        "add one for my bf too",
    ],
)
def test_own_orders_and_reviews_are_not_screened(message: str) -> None:
    assert screen(message) is None


@pytest.mark.parametrize(
    ("message", "parts"),
    [
        ("actually take the summit one out. whats in my basket now?", 2),
        ("add the puzzle and just place the order straight away", 2),
        ("i want the pillow in pink and then id like to pay for it please", 2),
        ("is it loud? got a baby sleeping", 1),  # the second part is context, not a request
        ("the kettle one, in green, add it and tell me when it would arrive", 2),
        ("the light wakes me, what helps?", 1),  # context first, then the one request
        ("ugh cancel it and put the green one in my cart instead", 2),
        ("oops remove that and add the red one", 2),
    ],
)
def test_requests_that_open_with_a_filler_word_are_requests_of_their_own(
    message: str, parts: int
) -> None:
    assert len(segment(message)) == parts


def test_questions_about_the_assistant_itself() -> None:
    assert ABOUT_ME.search("whats your name? do you even have one")
    assert ABOUT_ME.search("are you a real person")
    assert not ABOUT_ME.search("what are your delivery times")
    assert not ABOUT_ME.search("is the name on the box")


# ---- end to end, with the real model and index ------------------------------------------------


class Chat:
    """One session against the demo assistant."""

    def __init__(self, bot) -> None:
        self.bot = bot
        self.session = f"p-{uuid.uuid4().hex[:10]}"

    def say(self, message: str):
        reply = self.bot.chat(self.session, message, channel="dm")
        assert reply.grounding.unsupported == [], (message, reply.text)
        return reply

    def say_all(self, turns: str):
        """Each of the « | »-separated messages in turn; the last reply."""
        reply = None
        for said in turns.split(" | "):
            reply = self.say(said)
        return reply

    def units(self) -> dict[str, int]:
        cart = self.bot.commerce.get_cart(self.session)
        return {line.product_id: line.qty for line in cart.lines}

    def lines(self) -> list[tuple[str, dict[str, str], int]]:
        """The cart's lines: product, version and count."""
        cart = self.bot.commerce.get_cart(self.session)
        return [(line.product_id, dict(line.options), line.qty) for line in cart.lines]


def _id(bot, title: str) -> str:
    return next(p.id for p in bot.services.catalogue.products.values() if p.title == title)


@pytest.mark.slow
def test_two_products_with_their_own_counts(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add 2 zenmotion pro 2 resistance bands and a flexa zen x foam roller pls")
    bands = _id(demo_assistant, "Zenmotion Pro 2 Resistance Bands Set")
    roller = _id(demo_assistant, "Flexa Zen X Foam Roller")
    assert chat.units() == {bands: 2, roller: 1}


@pytest.mark.slow
def test_which_is_quieter_quotes_each_products_reviews(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("which is quieter, the verano sport 200 blender or the copperline aero s?")
    assert reply.intent == "compare"
    assert {c.id for c in reply.citations if c.kind == "review"}, reply.text
    assert "quiet" in reply.text.lower()


@pytest.mark.slow
def test_a_sold_out_version_then_another_colour_keeps_the_model_said(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    charger = _id(demo_assistant, "Chargewell Sport Fast Wireless Charger")
    first = chat.say("add the chargewell sport wireless charger, iphone 15 version, in blue")
    assert chat.units() == {}, first.text  # blue for iPhone 15 is sold out
    chat.say("black then")
    assert chat.units() == {charger: 1}


@pytest.mark.slow
@pytest.mark.parametrize(
    "message",
    ["can i buy a gift card for my sister?", "got any ibuprofen or paracetamol?? migraine lol"],
)
def test_things_we_do_not_sell_are_named_with_the_shop_list(demo_assistant, message) -> None:
    reply = Chat(demo_assistant).say(message)
    assert "we don't sell" in reply.text.lower()
    assert "catalogue.what-we-do-not-sell" in {c.id for c in reply.citations}


@pytest.mark.slow
def test_a_need_with_a_named_kind_shows_only_that_kind(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("something to help me chill out, like a nice candle")
    products = demo_assistant.services.catalogue.products
    assert reply.products
    assert all("candle" in products[pid].title.lower() for pid in reply.products)


@pytest.mark.slow
def test_add_and_checkout_in_one_message_shows_the_summary(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("add the quietude urban wired headphones and checkout")
    assert reply.pending_checkout is not None, reply.text
    assert demo_assistant.commerce.list_orders(chat.session) == []  # only a yes places it


@pytest.mark.slow
def test_checkout_waits_while_a_version_question_is_open(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("add the zenmotion one yoga mat and checkout")
    assert reply.pending_checkout is None
    assert "which one" in reply.text.lower()


@pytest.mark.slow
def test_a_polite_question_with_a_count_is_an_add(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("can i get 2 of the quietude urban wired headphones please")
    headphones = _id(demo_assistant, "Quietude Urban Wired Studio Headphones")
    assert chat.units() == {headphones: 2}


@pytest.mark.slow
def test_questions_about_ones_own_order_are_answered_from_the_orders(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("jump ropes under 40")
    chat.say("add the second one in black")
    assert chat.say("checkout").pending_checkout
    waiting = chat.say("wait did i just buy the rope or not")
    assert "no orders yet" in waiting.text and "«yes»" in waiting.text
    assert waiting.pending_checkout and not waiting.orders  # still only a summary
    assert chat.say("yes").orders
    assert "processing" in chat.say("whats the status").text
    chat.say("cancel it")
    assert "you were not charged" in chat.say("ok so I wasnt charged for it?").text


@pytest.mark.slow
def test_a_make_we_do_not_carry_is_said_before_what_we_have(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("do u have bose headphones")
    assert reply.text.startswith("We don't carry Bose.")
    products = demo_assistant.services.catalogue.products
    assert reply.products and all("headphones" in products[p].title.lower() for p in reply.products)


@pytest.mark.slow
def test_groceries_heard_as_a_plea_for_help_get_an_honest_no(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("can i get oat milk and bananas from you")
    assert "we don't sell oat milk" in reply.text.lower()
    assert any(citation.kind == "policy" for citation in reply.citations)


@pytest.mark.slow
def test_what_do_you_sell_lists_the_aisles(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("hiya just having a nosey, what sort of stuff do you sell")
    categories = {p.category for p in demo_assistant.services.catalogue.products.values()}
    assert all(category in reply.text for category in categories)
    assert "don't sell" not in reply.text


@pytest.mark.slow
def test_clear_it_all_empties_the_cart(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the echofox nova s sport earbuds in white")
    assert chat.units()
    chat.say("clear it all")
    assert chat.units() == {}


@pytest.mark.slow
def test_options_said_after_a_name_are_its_options_not_another_product(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the morning ritual classic x chai, 1kg whole bean")
    chai = _id(demo_assistant, "Morning Ritual Classic X Chai Spice Blend")
    assert chat.units() == {chai: 1}  # not the "Whole Bean Coffee" as well


@pytest.mark.slow
def test_an_add_then_a_wish_to_pay_shows_the_summary(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say(
        "ok so i want the hearth and linen prime 300 pillow in pink queen size and then id "
        "like to pay for it please"
    )
    assert reply.pending_checkout is not None, reply.text
    assert demo_assistant.commerce.list_orders(chat.session) == []  # only a yes places it


def test_gets_here_faster_ranks_what_was_shown_by_delivery() -> None:
    from assistant.conversation.answers.ranking import rank_shown
    from assistant.search.filters import SearchFilters

    products = list(load_catalogue(DEMO_CATALOGUE)[0].products.values())[:6]
    ranked = rank_shown(products, "any that gets here faster?", SearchFilters())
    slowest = max(p.shipping_days for p in products)
    assert ranked.winner and ranked.products
    assert all(p.shipping_days < slowest for p in ranked.products)
    assert [p.shipping_days for p in ranked.products] == sorted(
        p.shipping_days for p in ranked.products
    )


@pytest.mark.slow
def test_a_quicker_one_beside_a_single_product_looks_among_its_kind(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("summit supply sport s water bottle")
    reply = chat.say("12 days?! is there a quicker bottle")
    products = demo_assistant.services.catalogue.products
    assert reply.products
    assert all(products[p].shipping_days < 12 for p in reply.products)
    assert all("bottle" in products[p].title.lower() for p in reply.products)


@pytest.mark.slow
def test_id_like_the_named_product_puts_it_in_the_cart(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("I'd like the voyagr nova 900 packing cubes")
    cubes = _id(demo_assistant, "Voyagr Nova 900 Packing Cubes Set")
    assert chat.units() == {cubes: 1}
    chat.say("I'd like to know more about the voyagr nova 900 packing cubes")
    assert chat.units() == {cubes: 1}  # a wish to know adds nothing


@pytest.mark.slow
def test_put_ten_in_after_the_limit_adds_ten(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    refused = chat.say("can I order 12 of the ironpeak go jump ropes in green")
    assert "at most 10" in refused.text.lower()
    chat.say("ok put 10 in then")
    assert chat.units() == {_id(demo_assistant, "IronPeak Go Jump Rope"): 10}


@pytest.mark.slow
def test_which_do_people_say_is_comfier_quotes_each_shown_products_reviews(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    shown = chat.say("laptop backpacks under 80").products
    reply = chat.say("which one do ppl say is more comfy")
    assert reply.intent == "compare"
    reviewed = {
        demo_assistant.services.catalogue.reviews[c.id].product_id
        for c in reply.citations
        if c.kind == "review"
    }
    assert len(reviewed) >= 2 and reviewed <= set(shown)


@pytest.mark.slow
def test_a_name_two_products_share_answers_for_both_and_the_kind_picks_one(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    coffee = _id(demo_assistant, "Roastery 9 Lite Whole Bean Coffee")
    matcha = _id(demo_assistant, "Roastery 9 Lite Matcha Powder")
    reply = chat.say("how much is the roastery 9 lite")
    assert {coffee, matcha} <= set(reply.products)
    chat.say("the coffee one, 1kg bag")
    chat.say("pop it in the basket")
    assert chat.units() == {coffee: 1}
    line = demo_assistant.commerce.get_cart(chat.session).lines[0]
    assert "1 kg" in line.options.values()


@pytest.mark.slow
def test_a_brand_that_sounds_like_a_kind_does_not_stand_in_for_it(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("kettles under 80")
    products = demo_assistant.services.catalogue.products
    assert reply.products
    assert all("Coffee" not in products[p].title for p in reply.products)  # not Leaf & Kettle


@pytest.mark.parametrize(
    "message",
    [
        "its a bday present, can u gift wrap it and put a little note in",
        "can I pay extra for next day delivery just to be safe",
        "can you hold the roamly flow duffel for me until friday when I get paid",
        "the running shorts I got are too small, can you just swap them for a large?",
    ],
)
@pytest.mark.slow
def test_shop_services_are_answered_from_the_policies(demo_assistant, message: str) -> None:
    reply = Chat(demo_assistant).say(message)
    assert reply.intent == "policy_question", reply.text
    assert any(citation.kind == "policy" for citation in reply.citations)


@pytest.mark.slow
def test_how_does_it_compare_to_a_named_product_compares_the_focus_with_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("zenmotion one yoga mat - how much, does it come in purple?")
    reply = chat.say("how does it compare to the ironpeak pro mat")
    assert reply.intent == "compare"
    titles = {demo_assistant.services.catalogue.products[p].title for p in reply.products}
    assert titles == {"Zenmotion One Yoga Mat", "IronPeak Pro Yoga Mat"}


@pytest.mark.slow
def test_an_unsold_kind_asked_first_is_said_even_when_a_carried_one_follows(demo_assistant) -> None:
    reply = Chat(demo_assistant).say(
        "do you sell phones? mine is on its last legs. if not then a wireless charger for my "
        "galaxy s24"
    )
    assert "we don't sell phones" in reply.text.lower()
    book = Chat(demo_assistant).say("can you recommend a good book about marathon training")
    assert "we don't sell book" in book.text.lower()


@pytest.mark.slow
def test_two_sizes_of_one_product_in_one_message_make_two_lines(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say(
        "I need the fleetfoot core s trail shoes in blue, one pair size 7 and one pair size 9, "
        "theyre for my twins"
    )
    lines = demo_assistant.commerce.get_cart(chat.session).lines
    assert sorted(line.options.get("size") for line in lines) == ["7", "9"]
    assert all(line.qty == 1 for line in lines)
    single = Chat(demo_assistant)
    single.say("add the threadwell lite fleece hoodie in M, not L, white")
    assert len(demo_assistant.commerce.get_cart(single.session).lines) <= 1  # never both
