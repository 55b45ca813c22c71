"""Small talk: greetings, thanks, goodbyes, and questions about the assistant itself."""

from __future__ import annotations

import re

from assistant.conversation.understanding.holding_off import held_off_answer

# «whats your name? do you even have one», «are you a real person?»: about the assistant.
ABOUT_ME = re.compile(
    # «hi is this a real person or a bot»: a greeting first changes nothing
    r"^\W*(?:(?:hi|hello|hey|hiya)\W+(?:there\W+)?)?"
    r"((what'?s|whats|what is) your name|(who|what) are (you|u)\b"
    r"|((are|r) (you|u)|(you|u) (are|r)|is this|am i (talking|chatting|speaking) (to|with)) "
    r"(a |an )?(real )?(person|human|bot|robot|ai)\b|do (you|u) have a name"
    # «can I speak to a human?», «get me a real person»: no one to hand over to here
    r"|(can|could|may) i (please )?(speak|talk|chat) (to|with) (a |an |someone|somebody|"
    r"customer service|support|an agent|a real|a human|a person)"
    r"|(get|put) me (through )?(to )?(a |an )?(real |live )?(person|human|agent)\b"
    r"|(real|live) (person|human|agent)( please| pls)?\W*$)",
    re.I,
)
ABOUT_ME_ANSWER = (
    "I'm ShopAssist, this shop's assistant: a program, not a person, and I can't pass you to "
    "a person from this chat. I can find products, answer questions about them and the shop, "
    "and look after your cart and orders."
)
SMALLTALK = [
    (re.compile(r"\b(thanks|thank you|thx|ta|cheers|appreciate)\b", re.I),
     "You're welcome! Anything else I can help with?"),
    (re.compile(r"\b(bye|goodbye|see ya|see you|later|that'?s all|that is all)\b", re.I),
     "Bye for now, and thanks for shopping with us!"),
    (re.compile(r"\b(hi|hello|hey|hiya|yo|morning|evening|afternoon)\b", re.I),
     "Hi! What are you shopping for today?"),
]  # fmt: skip


def smalltalk_answer(text: str) -> str:
    """A short friendly answer to a greeting, thanks or goodbye, or to «don't add it yet»."""
    if held_off := held_off_answer(text):
        return held_off
    for pattern, answer in SMALLTALK:
        if pattern.search(text):
            return answer
    return "Happy to help! What are you looking for?"
