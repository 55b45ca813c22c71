from assistant.conversation.answers.grounding import check, facts_for, strip_unsupported
from assistant.conversation.answers.wording import product_card


def test_a_card_from_data_is_grounded(tiny_catalogue):
    product = tiny_catalogue.product("T1")
    facts = facts_for(tiny_catalogue, ["T1"], [])
    report = check(product_card(1, product), facts, tiny_catalogue)
    assert report.grounded and report.checked >= 4


def test_wrong_figures_and_foreign_names_are_caught_and_removed(tiny_catalogue):
    facts = facts_for(tiny_catalogue, ["T1"], ["TR01"])
    text = (
        "Quietude Pro Wireless Noise Cancelling Headphones costs $89.99 and has 4.8★.\n"
        "It ships in 2 days.\n"
        "Only 99 left!\n"
        "The Copperline Electric Kettle is better.\n"
        "A reviewer loved it (review R09999)."
    )
    report = check(text, facts, tiny_catalogue)
    assert set(report.unsupported) == {
        "4.8★",
        "99 left",
        "Copperline Electric Kettle",
        "review R09999",
    }
    assert strip_unsupported(text, report) == "It ships in 2 days."


def test_numbers_quoted_from_data_count(tiny_catalogue):
    facts = facts_for(tiny_catalogue, ["T1"], [])
    assert check("Battery lasts 30 hours.", facts, tiny_catalogue).grounded  # from attributes
    facts.add_numbers_in("only 2 left of the white one")
    assert check("only 2 left", facts, tiny_catalogue).grounded


def test_durations_and_measures_are_claims_too(tiny_catalogue):
    """The local model once wrote "The battery lasts for 12 months" and it passed."""
    facts = facts_for(tiny_catalogue, ["T1"], [])
    report = check("The battery lasts for 12 months. It weighs 900 g.", facts, tiny_catalogue)
    assert set(report.unsupported) == {"12 months", "900 g"}
    assert check("Battery lasts 30 hours.", facts, tiny_catalogue).grounded
