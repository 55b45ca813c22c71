"""A DM that points at a creator's post without replying under it («the trail shoes Rae
unboxed», «the kettle in Bella's flat lay»): the posts it means, so their products are the
ones «the trail shoes» and «it» refer to."""

from __future__ import annotations

import re

from assistant.catalogue.models import Catalogue, Product
from assistant.channels.social.content import Creator, Post, SocialContent

# what a shopper calls a kind of post, and the words the post's own text uses for it
_POST_KINDS = (
    (re.compile(r"\bflat ?lay\b", re.I), "flat lay"),
    (re.compile(r"\bunbox\w*", re.I), "unboxing"),
    (re.compile(r"\bstress ?test\w*", re.I), "stress test"),
    (re.compile(r"\bset-?up\b", re.I), "set-up"),
    (re.compile(r"\broutine\b", re.I), "routine"),
    (re.compile(r"\b(?:60|sixty)[- ]second\b|\breview(?:ed)?\b", re.I), "review"),
    (re.compile(r"\breasons?\b|\bswitched\b", re.I), "reasons"),
    (re.compile(r"\btested\b|\b30 days\b", re.I), "tested"),
)
_WORD = re.compile(r"[a-z][a-z'-]+")
# what a shopper calls a post itself
_POST_NOUN = r"(?:post|video|vid|reel|pic|photo|picture|clip)"
_A_POST = re.compile(rf"\b{_POST_NOUN}s?\b", re.I)
# what an account did with a post: «dewleaf posted», «dewleaf keeps posting»
_POSTED = r"(?:post(?:ed|s|ing)?|shar(?:ed|es|ing)|put up|upload\w*|tagg\w*|featur\w*)\b"


def _named(creator: Creator, text: str) -> bool:
    """Whether a text names the creator: @handle or handle, its full name, or its first
    name written with a capital («Rae», «Bella's»; not «june» the month)."""
    if re.search(rf"(?<![\w@])@?{re.escape(creator.handle)}\b", text, re.I):
        return True
    if re.search(rf"\b{re.escape(creator.name)}\b", text, re.I):
        return True
    first = creator.name.split()[0].removesuffix("'s")
    if len(first) <= 2:
        return False
    name = rf"\b{re.escape(first)}(?:'s|s')?\b"
    if re.search(name, text):
        return True
    # typed in lower case («bella's flat lay», «the shoes rae unboxed»): only beside a post,
    # or saying they posted it («the trekking poles pat posted about»)
    return re.search(name, text, re.I) is not None and (
        _A_POST.search(text) is not None
        or any(kind.search(text) for kind, _ in _POST_KINDS)
        or re.search(rf"{name}\s+(?:just\s+)?{_POSTED}", text, re.I) is not None
    )


def _said_to_post(creator: Creator, text: str) -> bool:
    """«the serum dewleaf posted», «@dewleaf's post»: any account, brands too, named as the
    one who posted."""
    handle = rf"(?<![\w@])@?{re.escape(creator.handle)}"
    # «the kids headphones sonara unboxed»: a brand account by its name, then what it did
    did = r"\s+(?:just\s+)?(?:unbox\w*|review\w*|stress[- ]?test\w*|tested)\b"
    return (
        re.search(rf"{handle}\s+(?:just\s+|keeps\s+|kept\s+)?{_POSTED}", text, re.I)
        or re.search(rf"(?<![\w@]){re.escape(creator.name)}{did}", text, re.I)
        or re.search(rf"{handle}(?:'s|’s)\s+(?:\w+\s+)?{_POST_NOUN}", text, re.I)
    ) is not None


def _said_words(text: str) -> set[str]:
    """A DM's words, lower case and singular, to meet the title words of tagged products."""
    return {word.removesuffix("s") for word in _WORD.findall(text.lower())}


def _title_words(catalogue: Catalogue, product_id: str) -> set[str]:
    product = catalogue.products.get(product_id)
    words = _WORD.findall(product.title.lower()) if product else []
    return {word.removesuffix("s") for word in words}


# «that post», «the same video», «ur pic»: the post this DM thread last pointed at
THAT_POST = re.compile(
    rf"\b(?:that|this|the same|same|the|your|ur|his|her|their)\s+{_POST_NOUN}\b", re.I
)
_POST_WORDS = (
    rf"(?:{_POST_NOUN}|flat ?lay|unboxing|routine|set-?up|stress test)(?:\s+{_POST_NOUN})?"
)
# «in Gus's morning routine post», «from the same post»: where a product was seen, not what
# the shopper asks about it («any good?» must not look for «flat lay» in the reviews)
_POST_PHRASE = re.compile(
    r"\s*\b(?:in|from|on|of|at)\s+(?:(?:the|that|this|same|your|ur|his|her|their)\s+)*"
    # the words between are the post's («Rae's trail run video»), never another place's:
    # «add 2 of the 500g from that post» keeps «of the 500g»
    r"(?:@?[\w.]+(?:'s|s'|’s)\s+)?(?:(?!(?:in|from|on|of|at)\b)[\w-]+\s+){0,3}?"
    + _POST_WORDS
    + r"\b",
    re.I,
)


def posts_named(content: SocialContent, app: str, text: str) -> list[Post]:
    """The posts a DM points at by their creator («Rae», «@runwithrae»), narrowed by what
    kind of post it says («flat lay», «unboxed»); this app's posts first, then any app's.
    Empty when no creator is named."""
    # a brand account is named like its products («the Voyagr one»): creators only
    authors = {
        c.handle
        for c in content.creators
        if (c.kind == "creator" and _named(c, text)) or _said_to_post(c, text)
    }
    if len(authors) != 1:
        return []
    theirs = [p for p in content.posts if p.author in authors and p.products]
    posts = [p for p in theirs if p.app == app] or theirs
    for pattern, words in _POST_KINDS:
        if pattern.search(text):
            posts = [p for p in posts if words in p.text.lower()] or posts
    return posts


def products_of(posts: list[Post], catalogue: Catalogue, text: str) -> list[str]:
    """The products the posts tag, narrowed to the ones whose titles share a word with the
    DM («decaf», «the headphones from that post»)."""
    tagged = list(dict.fromkeys(pid for post in posts for pid in post.products))
    said = _said_words(text)
    return [pid for pid in tagged if said & _title_words(catalogue, pid)] or tagged


def names_its_products(post: Post, posts: list[Post], catalogue: Catalogue, text: str) -> bool:
    """Whether a DM names a product the post tags (a word of its title), in the version it
    says when another of `posts` comes in that version («the purple dumbbells» of a post
    whose dumbbells come in no purple: not that post)."""
    said = _said_words(text)

    def named(of: list[Post]) -> list[Product]:
        ids = dict.fromkeys(pid for one in of for pid in one.products)
        return [
            catalogue.products[pid]
            for pid in ids
            if pid in catalogue.products and said & _title_words(catalogue, pid)
        ]

    here = named([post])
    if any(product.options_named_in(text) for product in named(posts)):
        return any(product.options_named_in(text) for product in here)
    return bool(here)


# what is left of «what's in tom's flat lay?» once the post is taken out: its products asked
_ONLY_WHAT = re.compile(
    r"^\W*(?:what'?s|whats|what is|what are|what was|show me|what all is|what did (?:he|she|they) "
    r"(?:tag|use))(?:\s+(?:in|on|tagged|there|it|all))*\W*$",
    re.I,
)


def without_post_phrase(text: str) -> str:
    """The DM without the words that say which post («the kettle in Bella's flat lay» →
    «the kettle»); the text itself when nothing is left."""
    kept = _POST_PHRASE.sub("", text).strip()
    if _ONLY_WHAT.match(kept):
        return "what products are in it?"  # «what's in tom's flat lay?»: the post's products
    return kept if re.search(r"\w", kept) else text
