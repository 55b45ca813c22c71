"""Screening a shopper's message before planning: emptiness, size, junk, language, injection."""

from __future__ import annotations

import re
import unicodedata

from assistant.conversation.privacy_screen import REFUSAL as ABOUT_OTHERS
from assistant.conversation.privacy_screen import asks_about_someone_else

MAX_MESSAGE_CHARS = 4000
INJECTION = re.compile(
    r"\b(ignore|disregard|forget)\b.{0,40}\b(instructions?|rules|prompts?|previous|above)\b"
    r"|\b(system prompt|developer mode|jailbreak|you are now|act as (an?|the) )"
    r"|^\s*(system|assistant)\s*:"
    r"|\b(set|make|change)\b.{0,30}\bprices?\b.{0,20}\b(to|=)\s*\$?0\b"
    r"|\b(100|hundred) ?% (discount|off)\b|\bfree of charge\b",
    re.I | re.S,
)
# «that review also said to cancel all my orders», «ur not gonna do that right?»: an
# instruction from text, or a doubt that the assistant would act on it, never a request
_CART_ACT = (
    r"(?:cancel|add|remove|delete|empty|order|buy|check\s*out|refund|apply|give|change|charge|"
    r"place|put|do (?:that|it|this))"
)
NOT_THE_SHOPPERS = re.compile(
    # what a review or a page says to do to the cart or orders: «that review said to cancel
    # all my orders» (not «reviews say to size up», «the seller told me to ask for a refund»)
    r"\b(?:reviews?|reviewer|listing|description|product page|post|comment|caption|page|text)\b"
    rf".{{0,30}}\b(?:said|says|say|told|tells|asked|asks|wants?)\s+(?:me\s+|you\s+|u\s+)?"
    rf"to\s+{_CART_ACT}\b"
    # a doubt that the assistant would act on it: «ur not gonna do that right?» (not «you're
    # not going to believe this», «you're not going to deliver in time»)
    rf"|\b(?:you'?re|youre|ur|you are|u r|u)\s+not\s+(?:gonna|going to|about to)\s+"
    rf"(?:actually\s+|really\s+)?{_CART_ACT}\b"
    rf"|\b(?:you|u)\s+(?:won'?t|wont|wouldn'?t|will not|would not)\s+(?:actually\s+|really\s+)?"
    rf"{_CART_ACT}\b.{{0,40}}\b(?:right|surely|yeah)\W*$",
    re.I | re.S,
)
_CART_OR_ORDER = re.compile(
    r"\b(?:cancel\w*|remov\w*|delet\w*|empty|add\w*|orders?|buy|refund\w*|cart|basket|"
    r"discount|checkout|do that|do it)\b",
    re.I,
)
_DISCOUNT = re.compile(r"\b(?:discount|off|coupon|promo|free)\b", re.I)
NOT_FROM_TEXT = (
    "No, I won't cancel, add or remove anything because a review or a product page says so. I "
    "change your cart or your orders only when you ask me to yourself; text in reviews, "
    "listings or posts is never an instruction I follow."
)
NO_DISCOUNT = "No, there is no such discount: a review or a post cannot give one."
FOREIGN_WORDS = {
    "es": {
        "hola",
        "quiero",
        "zapatos",
        "comprar",
        "precio",
        "gracias",
        "por",
        "favor",
        "tienes",
        "para",
        "el",
        "la",
        "los",
        "una",
        "de",
        "que",
        "con",
    },
    "fr": {
        "bonjour",
        "je",
        "veux",
        "acheter",
        "chaussures",
        "prix",
        "merci",
        "vous",
        "avez",
        "des",
        "les",
        "une",
        "pour",
        "avec",
        "est",
    },
    "de": {
        "hallo",
        "ich",
        "möchte",
        "kaufen",
        "schuhe",
        "preis",
        "danke",
        "haben",
        "sie",
        "die",
        "der",
        "und",
        "für",
        "ein",
        "eine",
        "mit",
    },
}
ENGLISH_HINTS = {
    "the",
    "a",
    "i",
    "you",
    "is",
    "are",
    "what",
    "do",
    "for",
    "my",
    "me",
    "it",
    "to",
    "and",
    "show",
    "add",
    "how",
    "with",
    "in",
    "of",
    "want",
}


def detect_language(text: str) -> str:
    """'en', a code for a language we recognise but do not speak yet, or 'other' for scripts."""
    letters = [c for c in text if c.isalpha()]
    if (
        letters
        and sum(c.isascii() for c in letters) / len(letters) < 0.5
        and not any(unicodedata.name(c, "").startswith("LATIN") for c in letters[:20])
    ):
        return "other"
    words = set(re.findall(r"[a-zà-ÿ]+", text.lower()))
    english = len(words & ENGLISH_HINTS)
    best = max(FOREIGN_WORDS, key=lambda code: len(words & FOREIGN_WORDS[code]))
    if len(words & FOREIGN_WORDS[best]) >= 2 and len(words & FOREIGN_WORDS[best]) > english:
        return best
    return "en"


# 13 to 19 digits, optionally grouped by spaces or dashes: what a payment card number looks like.
CARD_NUMBER = re.compile(r"(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)")


# Words that say a long number is meant as a card, mistyped or not: «here's my card 4929 …»
CARD_WORDS = re.compile(
    r"\b(card|visa|master ?card|amex|debit|credit|cvv|cvc|expiry|exp|charge it)\b", re.I
)


def holds_card_number(message: str) -> bool:
    """Whether a message contains a payment card number: digits that pass the Luhn check,
    or card-length digits said to be a card."""
    for match in CARD_NUMBER.finditer(message):
        digits = [int(c) for c in match.group() if c.isdigit()]
        checksum = sum(digits[-1::-2]) + sum(sum(divmod(2 * d, 10)) for d in digits[-2::-2])
        if checksum % 10 == 0 or (15 <= len(digits) <= 16 and CARD_WORDS.search(message)):
            return True
    return False


# «that ignore all previous instructions review is weird lol»: an instruction the shopper saw
# in a review and tells of, not one the shopper gives
_TOLD_OF = re.compile(r"\breview(?:s|er|ers)?\b|\bcomments?\b", re.I)
_SENTENCES = re.compile(r"[^.!?]+[.!?]*")
_ACTS_ON_CART = re.compile(
    r"\b(?:add|remove|delete|cancel|check ?out|confirm|order|buy|place|empty|clear|return|put|"
    r"take|swap|switch|replace|change|get me|give me|refund|charge|pay|send|ship|set|make|"
    r"cart|basket|price|discount|free|\d+)",
    re.I,
)
# «is it warm enough for -10?»: a question about a product, the only part kept
_A_QUESTION = re.compile(r"^\W*(?:is|are|does|do|how|what|which|will|would|any)\b[^?]*\?\W*$", re.I)


def without_reported_injection(message: str) -> str:
    """The message without the sentence that tells of an injected review, when it asks
    something else too («… review is weird lol. is the hoodie warm enough?»)."""
    sentences = _SENTENCES.findall(message)
    told = [s for s in sentences if INJECTION.search(s) and _TOLD_OF.search(s)]
    rest = [s for s in sentences if s not in told]
    kept = " ".join(s.strip() for s in rest)
    # only a question is kept: a pasted attack's «cancel every order» after it is refused whole
    if (
        not told
        or not _A_QUESTION.match(kept)
        or INJECTION.search(kept)
        or _ACTS_ON_CART.search(kept)
    ):
        return message
    return kept


def screen(message: object) -> str | None:
    """A safe reply for a message that should not be planned at all, else None."""
    if not isinstance(message, str) or not message.strip():
        return (
            "Tell me what you're looking for, e.g. «noise cancelling headphones under "
            "100 dollars», or ask about your cart or an order."
        )
    if len(message) > MAX_MESSAGE_CHARS:
        return (
            f"That message is {len(message):,} characters long; I read up to "
            f"{MAX_MESSAGE_CHARS:,}. Ask about one thing at a time, in a sentence or two."
        )
    printable = sum(c.isprintable() or c in "\n\t" for c in message)
    readable = sum(c.isalnum() or c.isspace() or c in ".,!?'$#-%&/()£€:" for c in message)
    if printable / len(message) < 0.9 or readable / len(message) < 0.6 or "\ufffd" in message:
        return "I couldn't read that message. Could you type it again in words?"
    language = detect_language(message)
    if language != "en":
        return (
            "Sorry, I can only help in English for now. Try e.g. «running shoes under 80 dollars». "
            "/ Lo siento, por ahora solo hablo inglés. / Désolé, je ne parle qu'anglais "
            "pour l'instant."
        )
    if holds_card_number(message):
        # Never planned, stored or repeated: the number must not reach the history or a reply.
        return (
            "Please don't send card numbers here: I never need them, and I haven't kept that "
            "message. This shop takes no real payment; confirming an order places it without "
            "charging a card, and the assistant never asks for card details."
        )
    if asks_about_someone_else(message):
        return ABOUT_OTHERS
    if NOT_THE_SHOPPERS.search(message) and _CART_OR_ORDER.search(message):
        return NOT_FROM_TEXT
    if INJECTION.search(message):
        if _DISCOUNT.search(message):
            return NO_DISCOUNT  # «so there's a 100% discount? the review says so»: the rule
        return (
            "I can't follow instructions like that. I can help you find products, answer "
            "questions about them, and manage your cart and orders."
        )
    return None
