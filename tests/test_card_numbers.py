"""A card number typed into the chat is never planned, stored or repeated."""

import pytest

from assistant.conversation.safety import holds_card_number, screen


@pytest.mark.parametrize(
    "message",
    [
        "what cards do u take? my card number is 4111 1111 1111 1111",
        "pay with 5555-5555-5555-4444 exp 12/29",
        "378282246310005",
        "here's my card so u can charge it 4929 1234 5678 9012 exp 09/28",  # no Luhn, said a card
    ],
)
def test_a_card_number_is_refused_and_not_repeated(message):
    assert holds_card_number(message)
    reply = screen(message)
    assert reply is not None and "card numbers" in reply
    assert not any(group in reply for group in ("4111", "5555", "3782"))


@pytest.mark.parametrize(
    "message",
    [
        "what cards do you take?",
        "my order ORD-1234567890123 hasn't arrived",  # fails the Luhn check
        "add 2 of the 250 g bags",
        "call me on 07700 900123",
        "my tracking says 1234 5678 9012 3456, where is it",  # card-length, not said a card
    ],
)
def test_other_numbers_are_not_card_numbers(message):
    assert not holds_card_number(message)
