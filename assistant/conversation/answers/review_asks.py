"""Words that change how a question about reviews is answered: a health worry (evidence
with a caution) or a doubt about the reviews themselves (their trust signals first)."""

from __future__ import annotations

import re

HEALTH = re.compile(
    r"\b(pain|ache|aches|injur\w*|allerg\w*|eczema|acne|rash|sensitive skin|pregnan\w*|asthma|"
    r"arthritis|migraine|headache|insomnia|sleep apnea|knee|(?:my|bad|lower|sore) back|neck|"
    r"joint|blister\w*|plantar|posture|medical|doctor|(?:medical|skin|health) condition|"
    r"slipped (?:a )?disc|spine|physio\w*|surgery|rosacea)\b",
    re.I,
)
TRUST = re.compile(
    # «are the reviews real?», «real reviews?»; not «i want real bass», «genuine leather»
    r"\b(fake|(?:real|genuine)(?!\s+(?!reviews?\b|ones?\b|buyers?\b)[a-z])|legit|trust\w*|bots?"
    r"|paid|(?<!who )bought|honest|too good to be true"
    r"|copy[- ]?past\w*|copied|(?:at )?the same time|same day|all at once|burst)\b",
    re.I,
)
