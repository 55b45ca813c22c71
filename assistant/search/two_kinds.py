"""A search that asks for two kinds at once («a yoga mat and a blender», «a new laptop and
a bag to carry it in»): its two parts, so each is searched on its own."""

from __future__ import annotations

import re

from assistant.search.kinds import ProductKinds

_AND_ANOTHER = re.compile(r"\s+(?:and|plus|&)\s+(?:also\s+)?(?=(?:a|an|some)\s)", re.I)
_AND = re.compile(r"\s+and\s+(?:also\s+)?(?=\w)", re.I)
_FOR_WHAT = re.compile(r"\s(for (?:my|a|an|the|his|her|our|their)\b[^,.?!;]*)[,.?!;]*\s*$", re.I)


def two_kinds_asked(
    kinds: ProductKinds, text: str, ignore: set[str] = frozenset()
) -> tuple[str, str] | None:
    """The two requests of one search, when its parts name two different kinds, or, joined
    by «and a», a kind we lack and then one we carry; None otherwise."""
    parts = _AND_ANOTHER.split(text, maxsplit=1)
    bare = len(parts) != 2  # «phone cases and screen protectors»: both must name a kind
    if bare:
        parts = _AND.split(text, maxsplit=1)
    if len(parts) != 2 or kinds.missing(parts[1], ignore) is not None:
        return None
    first, second = (kinds.named_kind(part, ignore) for part in parts)
    if second is None or first == second:
        return None
    lacking = not bare and kinds.missing(parts[0], ignore) is not None
    if not (first or lacking):
        return None
    # «a car mount and a screen protector for my galaxy s24»: what both are for
    shared = _FOR_WHAT.search(parts[1])
    if shared and not lacking and not _FOR_WHAT.search(parts[0]):
        return f"{parts[0]} {shared[1]}", parts[1]
    return parts[0], parts[1]


def for_the_lacking(kinds: ProductKinds, lacking: str | None, part: str) -> str:
    """«a backpack to carry it in» after «a new laptop» we lack: a laptop backpack, when the
    titles say the lacking thing before that kind; the part as said otherwise."""
    kind = kinds.named_kind(part) if lacking else None
    if not kind or kinds.named_qualifier(f"{lacking} {kind}") != lacking:
        return part
    return re.sub(rf"\b{re.escape(kind)}", f"{lacking} {kind}", part, count=1, flags=re.I)
