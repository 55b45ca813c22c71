"""Questions about other people's shopping: nothing about one shopper is told to another.

A message is screened when it asks to be told, shown or sent what someone else bought, has
in a cart, or where they live or how to reach them: a named other (a @handle, a user name
like «runner_9536», «my neighbour», «whoever ordered…», «the customers who bought…») beside
such data and a request to reveal it. Asking about one's own privacy («will my partner see
what I bought?») and what other buyers *say* of a product (their reviews) are not screened.
"""

from __future__ import annotations

import re

_PERSON = (
    r"neighbou?r|ex|friend|sister|brother|mum|mom|mother|dad|father|wife|husband|partner|"
    r"boyfriend|girlfriend|bf|gf|colleague|coworker|boss|flatmate|roommate|son|daughter|"
    r"cousin|aunt|uncle|gran|grandma|grandad|niece|nephew"
)
_BOUGHT = r"bought|ordered|purchased|buys|orders|buying|ordering"
_CONTACT = r"address|e-?mail|phone(?: number)?|number|contact(?: details)?|details|name"
_HANDLE = r"@[\w.]+|\b[a-z]+_\w*\d+\b"  # «@lily.m», «runner_9536»
_USER_NAME = r"\b[a-z]{3,}\d{2,}\b"  # «jaybird99», but also «iphone16»: only beside a purchase

_PATTERNS = [
    # someone else, by any name, and their shopping
    r"\b(someone else'?s?|somebody else'?s?|other (people|customers|shoppers|buyers|users)'?s?|"
    r"another (customer|shopper|buyer|user)'?s?)\b.{0,60}\b(order\w*|bought|address\w*|cart|"
    r"basket|details|e-?mail|purchases?)\b",
    # «who bought the last tent?», «whoever ordered…», «who's runner_1 who left the 1 star»
    rf"\b(who|whoever|which (customers?|people|shoppers))\b('s| else)?\s+({_BOUGHT}|left)\b"
    r"(?!.{0,40}\b(say|says|said|think|thought|rate|rated|recommend|complain))",
    # «a list of the customers who bought X», «email the people who ordered it»
    r"\b(list|names?|emails?|contacts?|details)\b.{0,30}\b(customers|people|buyers|shoppers|"
    r"users)\s+(who|that)\s+(bought|ordered|purchased)",
    # a handle or user name beside what they bought, hold or stored
    rf"({_HANDLE}).{{0,40}}\b({_BOUGHT}|has|have|stored|cart|basket|e-?mail|address|details)\b",
    rf"({_USER_NAME}).{{0,30}}\b({_BOUGHT}|stored|cart|basket)\b",
    rf"\b(what|which)\b.{{0,30}}({_HANDLE})",
    rf"\b(what|which) (did|has) ({_USER_NAME}) (buy|order|get|bought|ordered)\b",
    # «what has ana_b been ordering lately?»: a name, not the shopper
    r"\bwhat (?:has|have|did|does|is) (?!(?:i|you|u|we|my|it|this|that|been|they)\b)[\w.@-]+ "
    r"(?:been |just )?(?:ordering|buying|ordered|bought|order|buy)\b",
    # «my neighbour bought headphones, can you tell me which ones?», «what did my ex order»
    rf"\bmy ({_PERSON})('?s)?\b.{{0,80}}\b({_BOUGHT})\b.{{0,80}}\b(tell me|show me|which ones?|"
    r"which (one|pair|model)|find out|look (it )?up|let me know)\b",
    rf"\bwhat (did|has) (my ({_PERSON})|she|he|they)\b.{{0,30}}\b(buy|order|get|bought|ordered)",
    rf"\b(my ({_PERSON})|his|her|their)('?s)? (cart|basket|orders?|order history|purchases)\b",
    # «give me their email», «what's her address», «the reviewer's email»
    rf"\b((give|tell|send|share|show) (me|us) |what'?s |what is )(their|his|her) ({_CONTACT})\b",
    rf"\breviewer'?s? ({_CONTACT})\b|\b({_CONTACT}) of (the|that|this) reviewer\b",
    r"\b(their|his|her) (home )?address\b(?!.{0,20}\b(is|was)\b)",
]
_OTHERS = re.compile("|".join(f"(?:{pattern})" for pattern in _PATTERNS), re.I | re.S)
# «can other people see what i've bought?» asks about the shopper's own privacy.
_ABOUT_MY_OWN = re.compile(
    r"\b(see|know|find out)\b.{0,30}\b(what i|what i'?ve|what ive|i have|i bought|"
    r"my (orders?|cart|basket|purchases|data|address|stuff))\b"
    # «can the brand see it's me who bought it?»; not «tell me who bought it»
    r"|\b(see|know)\b.{0,20}\b(it'?s me|it was me)\b"
    # «do the brands see who buys their stuff?»: what sellers learn of their buyers
    r"|^(?!.*\b(tell|show|give|send|list|names?)\b)"  # …«tell me who» still asks to be told
    r".*\b(brands?|sellers?|shops?|makers?|companies|vendors?)\b.{0,20}\b(see|know|get|"
    r"find out|told)\b.{0,20}\bwho\b"
    r"|\b(send|ship|deliver|post)\b.{0,20}\b(it|them|this|that)?\s*to (his|her|their|my)\b"
    # «can half the order go to her address», «deliver to her address»: where it goes
    r"|\b(go|goes|going|sent|delivered|shipped|arrive)\s+(straight\s+)?to (his|her|their)\b"
    # «im helping her order»: an order being placed with the shopper, not theirs to be told
    rf"|\bhelp\w*\s+(him|her|them|my ({_PERSON}))\s+(to\s+)?(order|buy|shop|check ?out|pay)\b",
    re.I | re.S,
)

# «how's the battery according to people who bought it»: what buyers say, not who they are
_THEIR_SAY = re.compile(
    r"\baccording to (the )?(people|ppl|buyers|customers|shoppers|folks|owners|users|those|others|"
    r"anyone|reviewers)\b(?!.{0,60}\b(address|e-?mail|phone|names?|contact)\b)",
    re.I | re.S,
)

REFUSAL = (
    "I can't share anything about other shoppers or reviewers: what they bought, their carts, "
    "addresses and contact details are private, as yours are. I can only show you your own "
    "cart and orders."
)


def asks_about_someone_else(message: str) -> bool:
    """Whether a message asks to be told another person's shopping or contact details."""
    return (
        bool(_OTHERS.search(message))
        and not _ABOUT_MY_OWN.search(message)
        and not _THEIR_SAY.search(message)
    )
