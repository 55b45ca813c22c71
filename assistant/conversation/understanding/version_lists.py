"""Several versions of one product in one request («2 of those, a grey and an olive», «XS
white, S red, M white, L red», «2 clear for iphone 15 and 1 green for galaxy s24»): each
version with its own count, so each person gets the one meant."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.catalogue.models import LETTER_FOR, Product, numbered
from assistant.commerce.variants import matching
from assistant.conversation.understanding.slots import (
    NUMBER,
    extract_quantity,
    number_value,
    refusal_of,
)
from assistant.conversation.understanding.version_words import end_of_range

_NOT_THAT = re.compile(r"\b(not|instead|rather than|no longer)\b", re.I)
# a remark that holds back: «…, my sister already has one», «…, just looking»
HOLDS_BACK = re.compile(
    r"\b(?:not|don'?t|dont|doesn'?t|isn'?t|won'?t|can'?t|no|never|just|browsing|looking|already|"
    r"has|have|got|owns?|had|yet|but|or|says?|said|thinks?)\b",
    re.I,
)
# the count said right before a version: «2 clear», «and a pink one», «one pair size 7»
_COUNT_BEFORE = re.compile(
    rf"(?<![\w.]){NUMBER}\s+(?:(?:x|of|in|pairs?|sets?|size|sz|the|more)\s+){{0,2}}$", re.I
)
# what a list of versions may say besides them: counts, who they are for, filler
FOR_WHOM = re.compile(
    r"\bfor\s+(?:me|myself|him|her|them|us|each|both|all|(?:my|our|his|her|their|the|a)\s+"
    r"[\w-]+(?:\s+(?:and|&)\s+(?:my|our|his|her|their|the)?\s*[\w-]+)?(?:'s(?:\s+[\w'-]+)?)?)",
    re.I,
)
_FILLER = frozenset(
    "a an and one ones pair pairs set sets of those these them each in size sizes sz colour color "
    "ok okay nice great cool fine so then please pls plz thanks also plus with x the for "
    "one's lol haha whatever yes yeah yep sure".split()
)
MOST_LEFT_OVER = 2  # words besides those a list of versions may hold
# the acts a request that only lists versions may be heard as, and is an add
LISTS_AS_ADD = frozenset({"search", "product_question", "refine", "recommend", "review_question"})


@dataclass(frozen=True)
class Said:
    """One option value as the text says it, and where."""

    start: int
    end: int
    option: str
    value: str


def _values_not_refused(named: dict[str, list[str]], text: str) -> tuple[dict[str, list[str]], str]:
    """The values named less those refused («one in M and one in XL, no XS»), and the text
    with the refusals blanked out (the same length, so places in it still hold)."""
    kept: dict[str, list[str]] = {}
    for option, values in named.items():
        for value in values:
            refusal = refusal_of(value)
            if refusal.search(text):
                text = refusal.sub(lambda said: " " * len(said.group(0)), text)
            else:
                kept.setdefault(option, []).append(value)
    return kept, text


_AN_END = re.compile(
    r"\bthe (?:smallest|small|littlest|tiniest|biggest|big|largest|large)(?= ones?\b| size\b)",
    re.I,
)


def _ends_named(product: Product, text: str) -> str:
    """The text with «the small ones» said as the value they are («the 30 ml ones»)."""

    def as_value(said: re.Match[str]) -> str:
        end = end_of_range(product, f"{said.group(0)} one")
        return f"the {next(iter(end.values()))}" if end else said.group(0)

    return _AN_END.sub(as_value, text)


def version_groups(product: Product, text: str) -> list[tuple[dict[str, str], int | None]]:
    """The versions a request lists, in order, each with the count said (None: none), when
    it lists two or more (an option said once goes with each: «M, in red and in blue»); []
    otherwise, or when the text rules one out («M, not L») or a version named is not sold."""
    text = _ends_named(product, text)  # «2 of the small ones and 1 of the 50ml»: its 30 ml
    # «one beige large and 2 of the red large»: «large» said twice is one value
    named = {
        option: list(dict.fromkeys(values))
        for option, values in product.values_named_in(text).items()
    }
    named, text = _values_not_refused(named, text)  # «in navy, no rose gold»: navy alone
    if _NOT_THAT.search(text):
        return []
    if not any(len(values) > 1 for values in named.values()):
        return []
    plain = _without_name(product, text)
    said = sorted(
        (
            found
            for option, values in named.items()
            for value in values
            for found in _occurrences(option, value, plain)
        ),
        key=lambda found: found.start,
    )
    if {(s.option, s.value) for s in said} != {(o, v) for o, vs in named.items() for v in vs}:
        return []  # a value found by a rule this reading does not follow: not read as a list
    said = _without_overlaps(said)
    repeated = {s.option for s in said if sum(o.option == s.option for o in said) > 1}
    shared = {s.option: s.value for s in said if s.option not in repeated}
    groups: list[list[Said]] = []
    for found in (s for s in said if s.option in repeated):
        if not groups or any(s.option == found.option for s in groups[-1]):
            groups.append([])
        groups[-1].append(found)
    if len(groups) < 2:
        return []
    counts, previous_end = [], 0
    for group in groups:
        counts.append(_count_before(plain[previous_end : group[0].start]))
        previous_end = group[-1].end
    if counts[0] == len(groups) and not any(counts[1:]):
        counts = [1] * len(groups)  # «for my 3 kids… purple, blue and green»: one each
    versions = []
    for group, count in zip(groups, counts, strict=True):
        options = {**shared, **{s.option: s.value for s in group}}
        if not matching(product.variants, options):
            return []
        versions.append((options, count))
    return versions


def lists_versions(product: Product, text: str) -> bool:
    """Whether a request only lists versions of one product, with counts and whom they are
    for («size 9 grey for me and size 7 red for my daughter»), each one version exactly."""
    versions = version_groups(product, text)
    if not versions or any(len(matching(product.variants, o)) != 1 for o, _ in versions):
        return False
    return _only_versions_said(product, text)


def names_one_version(product: Product, text: str) -> bool:
    """Whether a request only names one version of the product, perhaps with a count and
    whom it is for («Fine, two sets in grey, king size, for the bedroom windows.»)."""
    options = product.options_named_in(text)
    return (
        bool(options)
        and len(matching(product.variants, options)) == 1
        and _only_versions_said(product, text, most_left=1)  # «…, for the bedroom windows»
    )


# a budget or a search said beside a version: «whole bean coffee 1kg under 40» is a search
_SEARCHED = re.compile(r"\b(?:under|below|over|less|cheaper|max|budget|any|show|find)\b|\$", re.I)


def picks_versions(product: Product, text: str, last: str, in_view: bool) -> bool:
    """Whether a request (its `last` sentence) only names versions of the product to take;
    one version alone only of the product in view (`in_view`: no other named), never beside a
    budget («whole bean coffee 1kg under 40»); «Just browsing. X in black» takes nothing."""
    return lists_versions(product, last) or (
        in_view
        and names_one_version(product, text)
        and not HOLDS_BACK.search(text)
        and not _SEARCHED.search(text)
    )


def _only_versions_said(product: Product, text: str, most_left: int = MOST_LEFT_OVER) -> bool:
    """Whether, besides the versions it names, a request says only counts, whom they are
    for and filler."""
    rest = FOR_WHOM.sub(" ", _without_name(product, text))
    for option, values in product.values_named_in(text).items():
        for value in values:
            for found in _occurrences(option, value, rest):
                rest = rest[: found.start] + " " * (found.end - found.start) + rest[found.end :]
    words = [
        word
        for word in re.findall(r"[a-z']+", rest.lower())
        if word not in _FILLER and not _is_number(word)
    ]
    return len(words) <= most_left


def _is_number(word: str) -> bool:
    try:
        number_value(word)
    except KeyError:
        return word.isdigit()
    return True


def _count_before(gap: str) -> int | None:
    """How many the words right before a version say («2 », «and a », «one pair size »)."""
    if match := _COUNT_BEFORE.search(gap):
        return number_value(match.group(1))
    return extract_quantity(gap) if gap.strip() else None


def _without_name(product: Product, text: str) -> str:
    """The text with the product's name blanked out (its «2» or «S» is no count or size):
    each run of two or more of its title's words, said in a row."""
    title = {word.lower() for word in re.findall(r"[\w&'-]+", product.title)}
    words = list(re.finditer(r"[\w&'-]+", text))
    blanked = list(text)
    run: list[re.Match[str]] = []
    for word in [*words, None]:
        if word is not None and word[0].lower() in title:
            run.append(word)
            continue
        if len(run) >= 2:
            for start in range(run[0].start(), run[-1].end()):
                blanked[start] = " "
        run = []
    return "".join(blanked)


def _occurrences(option: str, value: str, text: str) -> list[Said]:
    """Each place a text says one option value: a short size as a word of its own (or after
    «size», «in», «a»), a size word («medium»), otherwise in any case, spaces optional."""
    if len(value) <= 3 and value.isalpha():
        patterns = [
            rf"(?<![\w-])({re.escape(value)})(?![\w-])",
            rf"(?i:\b(?:size|in|an?)\s+({re.escape(value)})\b)",
        ]
        patterns += [
            rf"(?i:\b({word})\b)" for word, letter in LETTER_FOR.items() if letter == value.lower()
        ]
    else:
        spaced = r"\s*".join(re.escape(part) for part in value.lower().split())
        plural = "s?" if value.isalpha() else ""
        patterns = [rf"(?i:(?<![\w.])({spaced}){plural}(?![\w.]))"]
        if numbered(value):  # «galaxy» of «Galaxy S24», no S23
            first = re.escape(value.split()[0])
            patterns.append(rf"(?i:(?<![\w.])({first})(?![\w.])(?!\s*[\w-]*\d))")
    spans = {
        (match.start(1), match.end(1))
        for pattern in patterns
        for match in re.finditer(pattern, text)
    }
    return [Said(start, end, option, value) for start, end in sorted(spans)]


def _without_overlaps(said: list[Said]) -> list[Said]:
    """The values said, a shorter one inside a longer one left out («L» of «XL»)."""
    return [
        s
        for s in said
        if not any(
            o.start <= s.start and s.end <= o.end and (o.end - o.start) > (s.end - s.start)
            for o in said
        )
    ]
