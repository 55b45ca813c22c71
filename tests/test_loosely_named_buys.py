"""Products named loosely or by use, and counts said in words (the twenty-eighth round's blind
writers): «need half a dozen mediums», «a couple in orange», «whats it come to», «the medium
silver classic 200», «and a silver one too for her brother», «take 2 teddies off», «size M,
under 100» after a search, «walking shoes», «i have dry skin, which ones are for that», «how
many … have you got», «add the deluxe one» of a game sold only in standard, «vitamin c
serums» as a kind, not one product."""

from __future__ import annotations

import pytest

from assistant.catalogue.loader import load_catalogue
from assistant.channels.social.content import load_content
from assistant.channels.social.named_posts import posts_named, products_of
from assistant.conversation.understanding.counts_in_words import counts_as_digits
from assistant.conversation.understanding.narrowing import only_filters
from assistant.conversation.understanding.slots import extract_quantity
from assistant.settings import DEMO_CATALOGUE
from tests.test_phrasing import Chat

TEE, TOWELS, KNIFE_200, KIDS_HEADPHONES = "P0253", "P0163", "P0092", "P0006"
KYOTO_COFFEE, RAIN_JACKET, TEDDY, PUZZLE = "P0305", "P0254", "P0228", "P0247"


@pytest.mark.parametrize(
    ("said", "count"),
    [
        ("a couple in orange, for me and my partner", 2),
        ("the cheap beige one, half a dozen, queen size", 6),
        ("actually 2 mediums, one for me one for my partner", 2),
        ("the 7, 10 and 11", None),  # sizes listed, no count
    ],
)
def test_counts_said_in_words_beside_versions(said: str, count: int | None) -> None:
    assert extract_quantity(counts_as_digits(said)) == count


@pytest.mark.parametrize(
    ("said", "filters_only"),
    [
        ("size M, under 100", True),
        ("in blue, max 50 bucks", True),
        ("king size, 2", False),  # a count: an add, not a narrower search
        ("trail shoes under 100", False),
    ],
)
def test_a_message_of_filters_alone(said: str, filters_only: bool) -> None:
    assert only_filters(said, {"m", "blue", "king"}) is filters_only


def _lines(reply) -> dict[str, int]:
    return {line.variant_id: line.qty for line in reply.cart.lines}


@pytest.mark.slow
def test_half_a_dozen_mediums_then_two_large_in_red(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("meadow & moss tee in white, which sizes do you have")
    chat.say("need half a dozen mediums")
    reply = chat.say("and 2 large in red")
    assert "don't sell" not in reply.text, reply.text
    sizes = {
        (variant.options["colour"], variant.options["size"]): variant.id
        for variant in demo_assistant.services.catalogue.products[TEE].variants
    }
    assert _lines(reply) == {sizes["white", "M"]: 6, sizes["red", "L"]: 2}
    assert chat.say("whats it come to").intent == "view_cart"


@pytest.mark.slow
def test_another_version_too_for_someone_else(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("ok add the auralpeak wave s kids headphones in navy")
    reply = chat.say("and a silver one too for her brother")
    variants = {
        v.id: v.options["colour"]
        for v in demo_assistant.services.catalogue.products[KIDS_HEADPHONES].variants
    }
    colours = {variants[line.variant_id] for line in reply.cart.lines}
    assert colours == {"navy", "silver"}, reply.text


@pytest.mark.slow
def test_a_model_number_beside_a_plain_namesake_picks_it(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say(
        "whats the difference between the blade & bowl classic 200 chef's knife and the "
        "blade & bowl classic chef's knife"
    )
    chat.say("add the medium silver classic 200")
    assert chat.units() == {KNIFE_200: 1}


@pytest.mark.slow
def test_a_compare_after_a_list_is_a_compare(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("looking for organic loose leaf green tea")
    reply = chat.say("compare the morning ritual urban and the morning ritual edge s")
    assert reply.intent == "compare" and reply.products == ["P0294", "P0300"]
    assert "final sale" in reply.text  # the Edge S has no return window


@pytest.mark.slow
def test_a_version_of_the_one_in_view_is_not_a_product_its_words_name(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("need a dark roast coffee for my dad, he likes strong stuff")
    assert all(
        demo_assistant.services.catalogue.products[pid].category == "Coffee & Tea"
        for pid in reply.products
    ), reply.text
    chat.say("tell me about the kyoto garden go x")
    chat.say("add the 1kg whole bean")
    assert chat.units() == {KYOTO_COFFEE: 1}


@pytest.mark.slow
def test_filters_alone_narrow_the_last_search(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("a rain jacket like north face but cheaper")
    reply = chat.say("size M, under 100")
    assert RAIN_JACKET in reply.products and all(
        "Rain Jacket" in demo_assistant.services.catalogue.products[pid].title
        for pid in reply.products
    ), reply.text


@pytest.mark.slow
def test_walking_shoes_are_walking_sneakers(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("comfy walking shoes for my mom, shes on her feet all day")
    titles = [demo_assistant.services.catalogue.products[pid].title for pid in reply.products]
    assert titles and all("Walking Sneakers" in title for title in titles[:3]), titles


@pytest.mark.slow
def test_a_skin_type_narrows_the_shown_sunscreens(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("sunscreen that doesnt leave a white cast, like supergoop")
    assert reply.products, reply.text  # «white cast» asks for no white sunscreen
    reply = chat.say("i have dry skin, which ones are for that")
    catalogue = demo_assistant.services.catalogue.products
    assert reply.products and all(
        catalogue[pid].attributes.get("skin type") == "dry" for pid in reply.products
    ), reply.text


@pytest.mark.slow
def test_a_count_of_the_one_asked_about_then_some_taken_off(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("how many of the meeple teddy bears have you got")
    assert "20 in stock" in reply.text, reply.text
    chat.say("ill take half a dozen for party bags")
    chat.say("and one brickton wooden puzzle, the cheaper version")
    chat.say("take 2 teddies off")
    assert chat.units() == {TEDDY: 4, PUZZLE: 1}


@pytest.mark.slow
def test_a_version_no_product_of_it_has_is_said_not_swapped(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("tell me about the brickton one 600")
    reply = chat.say("ok add the deluxe one")
    assert chat.units() == {} and "only in standard" in reply.text, reply.text
    chat.say("add it")
    assert chat.units() == {"P0232": 1}


@pytest.mark.slow
def test_a_kind_several_titles_share_is_a_search(demo_assistant) -> None:
    reply = Chat(demo_assistant).say("vitamin c serums")
    assert {"P0117", "P0123", "P0129", "P0135"} <= set(reply.products), reply.text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("said", "wanted"),
    [
        ("can i talk to a real person? or is there a phone number", "no phone line"),
        ("can i order like 20 of the same thing? its for a team event", "at most 10"),
    ],
)
def test_shop_rules_asked_in_passing_are_cited(demo_assistant, said: str, wanted: str) -> None:
    reply = Chat(demo_assistant).say(said)
    assert wanted in reply.text and reply.citations, reply.text


@pytest.mark.slow
def test_sizes_that_cost_differently_are_priced_and_a_sold_out_colour_offers_others(
    demo_assistant,
) -> None:
    reply = Chat(demo_assistant).say("does the blade & bowl sport s come in green, and what sizes?")
    assert "small $61.99, medium $76.99" in reply.text, reply.text
    reply = Chat(demo_assistant).say("can i get the quietud lite 400 headphones in white")
    assert "out of stock; in stock in green" in reply.text, reply.text
    reply = Chat(demo_assistant).say("add the roamly nova 900 laptop backpack")
    assert reply.text.startswith("Roamly Nova 900 Laptop Backpack [P0316] comes in"), reply.text


@pytest.mark.parametrize(
    ("said", "tagged"),
    [
        ("the kids headphones sonara unboxed, which colours are in stock", ["P0024"]),
        ("the sonara speaker, any good?", None),  # a brand said, no post pointed at
    ],
)
def test_a_brand_account_named_with_what_its_post_did(said: str, tagged: list[str] | None) -> None:
    posts = posts_named(load_content(), "video", said)
    assert (
        products_of(posts, load_catalogue(DEMO_CATALOGUE)[0], said) if posts else None
    ) == tagged


@pytest.mark.slow
def test_a_brand_said_beside_another_brands_poles(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("northtrail trekking poles in orange")
    reply = chat.say("what do the wildpine ones cost")  # Wildpine makes two trekking poles
    assert set(reply.products) == {"P0061", "P0075"}, reply.text
    reply = chat.say("nah the northtrail in green, two sets, one for me one for my dad")
    assert chat.units() == {"P0068": 2} and "don't sell" not in reply.text, reply.text


@pytest.mark.slow
def test_a_kind_said_with_a_brand_is_not_the_kind_in_view(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("northwind rain jacket in large?")
    chat.say("actually 2 mediums, one for me one for my partner")
    reply = chat.say("and a couple of the kestrel running shorts, black small")
    assert "P0260" not in chat.units(), reply.text  # Kestrel's rain jacket is not its shorts


@pytest.mark.slow
def test_their_is_the_brand_in_view_and_a_model_by_its_number(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("kestral leather crossbody bag")
    chat.say("the beige one thats cheaper")
    chat.say("and their aero tote in navy")
    assert chat.units() == {"P0326": 1}
    chat = Chat(demo_assistant)
    chat.say("brickton board games?")
    chat.say("go 400 deluxe, 2 of them")
    assert chat.units() == {"P0250": 2}


@pytest.mark.slow
def test_which_namesake_can_go_back_then_the_returnable_one(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    reply = chat.say("morning ritual green tea, which one can i return")
    assert "final sale" in reply.text and "14 days" in reply.text, reply.text
    chat.say("the returnable one, 500g ground, a couple")
    assert chat.units() == {"P0294": 2}


@pytest.mark.slow
def test_a_returns_question_after_a_need_is_answered_too(demo_assistant) -> None:
    reply = Chat(demo_assistant).say(
        "going camping in the mountains in october and my old sleeping bag is trash. need "
        "something warm under $60. also if it turns out not warm enough can i send it back?"
    )
    assert reply.products and "return window" in reply.text, reply.text
    assert any(c.kind == "policy" for c in reply.citations), reply.text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("said", "then", "not_shown"),
    [
        ("show me yoga mats", "i'm allergic to latex, which of these is the best rated?", "P0169"),
        ("show me slim fit chinos", "which of those are not slim?", None),
    ],
)
def test_a_value_ruled_out_does_not_narrow_to_it(demo_assistant, said, then, not_shown) -> None:
    chat = Chat(demo_assistant)
    shown = chat.say(said).products
    reply = chat.say(then)
    assert not_shown not in reply.products if not_shown else reply.products == shown, reply.text


@pytest.mark.slow
@pytest.mark.parametrize(
    "said",
    [
        "i'll get one later, just looking for now",
        "ok i'll take one more look at the reviews first",
        "and a waterproof one too",
        "i will get two after payday, for now what's the return window",
    ],
)
def test_words_of_buying_later_or_of_a_quality_add_nothing(demo_assistant, said: str) -> None:
    chat = Chat(demo_assistant)
    chat.say("show me the bassline urban 2 wired studio headphones")
    chat.say(said)
    assert chat.units() == {}


@pytest.mark.slow
def test_ordinary_words_that_are_versions_elsewhere_block_no_add(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("add the meeple house wave 600 wooden puzzle, standard shipping is fine")
    assert chat.units() == {"P0229": 1}
    reply = Chat(demo_assistant).say("add the roastery 9 lite whole bean coffee, 500, ground")
    assert [line.qty for line in reply.cart.lines] == [1], reply.text
    chat = Chat(demo_assistant)
    chat.say("show me the kestrel travel aero 600 canvas tote bag")
    reply = chat.say("my sister lost their backpack, any laptop backpacks under 80?")
    assert reply.intent == "search" and "P0326" not in reply.products, reply.text


@pytest.mark.slow
def test_a_brand_said_picks_the_one_of_it_in_view(demo_assistant) -> None:
    chat = Chat(demo_assistant)  # the Sonara swap: tests/test_phone_shoppers.py
    chat.say("compare the echofox zen true wireless earbuds and the echofox nova s sport earbuds")
    chat.say("I prefer the Echofox because of the water. In rose gold please.")
    assert chat.units() == {"P0002": 1}


@pytest.mark.slow
def test_the_other_of_a_brands_two_of_a_kind(demo_assistant) -> None:
    chat = Chat(demo_assistant)
    chat.say("morning ritual trail cold brew, 1kg?")
    reply = chat.say("the other morning ritual cold brew then, what sizes")
    assert reply.products == ["P0295"], reply.text
