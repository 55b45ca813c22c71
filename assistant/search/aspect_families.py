"""Aspects shoppers ask about in words reviewers do not use: "do they run small?" is answered
by reviews that say "true to size", "does it break you out?" by "no irritation"."""

from __future__ import annotations

import re

from assistant.search.aspects import stem

# (its name in a reply, what the question says, the words reviewers use for the aspect)
FAMILIES: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...] = (
    (
        "sizing and fit",
        re.compile(
            r"\b(?:runs?|running|fits?|fitting|come|comes|sized?)\s+(?:a bit\s+|kinda\s+|too\s+)?"
            r"(?:small|big|large|narrow|wide|tight|true|short|long)\b|\btrue to size\b|\bsizing\b"
            r"|\bsize (?:up|down)\b|\bhow (?:does|do|did) (?:it|they|these|this|those) fit\b",
            re.I,
        ),
        ("size", "fit", "small", "big", "large", "tight", "snug", "narrow", "wide", "loose"),
    ),
    (
        "skin reactions",
        re.compile(
            r"\bbr(?:eak|eaks|oke)\s+(?:\w+\s+)?out\b|\bbreakouts?\b|\birritat\w*|\brash(?:es)?\b"
            r"|\bsensitive skin\b|\ballergic\b|\breactions?\b|\bredness\b",
            re.I,
        ),
        ("irritation", "irritate", "sensitive", "rash", "breakout", "redness", "gentle", "itch"),
    ),
    (
        "warmth",
        re.compile(r"\bwarm(?:er|est|th)?\b|\bcold\b|\bfreezing\b|\bchilly\b|\binsulat", re.I),
        ("warm", "warmth", "cold", "chilly", "freezing", "insulated"),
    ),
    (
        "see-through fabric",
        re.compile(r"\bsee[- ]?(?:through|thru)\b|\bsheer\b|\btransparent\b", re.I),
        ("see-through", "sheer", "transparent", "thin", "opaque"),
    ),
    (
        "noise",
        # "noise cancelling" is a feature, not a question about noise
        re.compile(r"\b(?:loud|noisy|quiet|silent)\b|\bnoise\b(?!\s*-?\s*cancel)", re.I),
        (
            *("loud", "louder", "loudest", "noise", "noisy", "quiet", "quieter", "quietest"),
            *("silent", "hum", "whisper"),
        ),
    ),
    (
        "shrinking",  # "does it shrink" is answered by "shrank a full size"
        re.compile(r"\bshr(?:ink|inks|inking|inkage|ank|unk)\b", re.I),
        ("shrink", "shrank", "shrunk", "shrinkage"),
    ),
    (
        "keeping water out",
        re.compile(
            r"\bleak(?:s|y|ing|ed)?\b|\brain(?:y|ing|proof)?\b|\bwater ?(?:proof|resistant)\b"
            r"|\b(?:stay|keep \w+) dry\b|\bget(?:s)? wet\b",
            re.I,
        ),
        ("leak", "rain", "waterproof", "dry", "wet", "water", "storm", "drip"),
    ),
    (
        "comfort",  # «comfortable on your back?» is answered by «I barely notice it on my back»
        re.compile(
            r"\bcomf(?:y|ort|ortable|ortably)\b|\buncomfortable\b|\bpainful\b|\bblisters?\b"
            r"|\bhurts?\b|\bon (?:my|your|the) (?:back|feet|neck|knees)\b",
            re.I,
        ),
        (
            *("comfort", "comfortable", "comfy", "cushioning", "cushion", "soft", "pain"),
            *("sore", "blister", "hurt", "ache", "knees", "notice", "support", "pressure", "rub"),
        ),
    ),
    (
        "whether it works",
        re.compile(
            r"\b(?:does|do|did) (?:it|this|that|they|these|those|the \w+) (?:actually |really )?"
            r"work\b|\beffective\b",
            re.I,
        ),
        ("work", "effective", "result", "difference", "help", "clear", "useless"),
    ),
    (
        "durability",  # «which one lasts longer?» is answered by «Broke quickly», «durable»
        re.compile(
            r"\blast(?:s|ed)? (?:longer|longest|long|well)\b|\bdurab\w*|\bsturd\w*|\bflimsy\b"
            r"|\bhold(?:s)? up\b|\bfall(?:s)? apart\b|\bwear(?:s)? out\b",
            re.I,
        ),
        ("durable", "sturdy", "broke", "snapped", "flimsy", "sturdily", "apart", "wore"),
    ),
    (
        "arriving damaged",  # «did it arrive damaged?» is answered by «the box arrived crushed»
        re.compile(
            r"\bdamaged\b|\bmissing (?:parts|pieces)\b"
            r"|\b(?:crushed|dented) (?:box|parcel|package)\b"
            r"|\b(?:arriv\w*|came|delivered|show(?:ed|s)? up)\s+(?:\w+\s+){0,2}(?:broken|crushed|"
            r"dented|smashed)\b",
            re.I,
        ),
        ("damaged", "crushed", "dented", "smashed", "missing", "broken", "broke"),
    ),
    (
        "safety",  # «is it safe for a toddler?» is answered by «small parts came loose»
        re.compile(r"\bsafe(?:ty|ly)?\b|\bchok\w*|\bhazard\w*|\btoxic\b", re.I),
        ("safe", "safety", "choking", "choke", "hazard", "loose", "toxic", "sharp"),
    ),
    (
        "grip",  # «anything about grip?» is answered by «slippery once I start sweating»
        re.compile(
            r"\bgrip(?:s|py|ping)?\b|\bslip(?:pery|py|page)\b|\bnon-?slip\b|\btraction\b"
            # (not «slip-on», «slip off at the heel», «the tongue slipping down»)
            r"|\bslip(?:s|ping)?\b(?![- ]?(?:on|off|down|out|in|into|over)\b)",
            re.I,
        ),
        ("grip", "grippy", "slip", "slippery", "slips", "slide", "slides", "sticky", "traction"),
    ),
)


def family_stems(question: str) -> set[str]:
    """The review words of every aspect family the question asks about, as stems."""
    return {
        stem(word) for _, pattern, words in FAMILIES if pattern.search(question) for word in words
    } - {""}


def family_label(question: str) -> str | None:
    """The name of the first aspect family the question asks about ("sizing and fit")."""
    return next((name for name, pattern, _ in FAMILIES if pattern.search(question)), None)
