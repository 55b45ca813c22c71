"""What kinds of product the shop carries, so "do you sell laptops?" gets an honest no.

A kind is carried when the request names a word that ends some product title ("speakers",
"backpack": what the product is), or when the request's words are close in meaning to some
product's title without its brand. A word that only ever qualifies another ("laptop" in
"Laptop Backpack", "phone" in "Phone Case") does not make its kind carried on its own.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
from langchain_core.embeddings import Embeddings
from rapidfuzz import fuzz, process

from assistant.catalogue.models import Catalogue, Product
from assistant.search.countries import COUNTRY_ADJECTIVE
from assistant.search.famous_makes import famous_make
from assistant.search.kind_words import (
    BOUNDARIES,
    FILLER,
    FORM_WORDS,
    PLAIN_QUALITIES,
    SORTS_OF,
    SYNONYMS,
)

QUALIFIER_SIMILARITY = 0.70  # a word seen only as a qualifier needs this close a title
UNSEEN_SIMILARITY = 0.58  # a word in no title needs this close a title; both set on a word list
MAX_TITLES_EMBEDDED = 5000  # past this, a title's last words stand for it (100k titles
# would take the first unclear request half an hour to embed)
TYPO_SIMILARITY = 80  # a word this close to a brand or title word is a typo of it, not a make
MAX_KIND_WORDS = 3  # longer requests describe a need ("something to keep me dry"), not a kind
MAX_NAMED_KIND_WORDS = 5  # "tea tree spot gel": a kind named with its qualifiers
# Title endings that say the form, not the kind: the word before them is the kind.
NEED = re.compile(
    r"\b(something|anything|stuff|ideas?)\b"
    r"|\b(gifts?|presents?|options|choices|suggestions|alternatives|picks) (for|to)\b",
    re.I,
)
# "melatonin or anything to help me sleep": a kind first, then the need it serves
OR_A_NEED = re.compile(r"\s+or\s+(?:anything|something|stuff)\b.*$", re.I | re.S)
ASKING = re.compile(
    r"\b(sell|sells|(?<!\bin )(?<!\bof )stock|carry|have|got|any|looking for|need|want|after|buy"
    r"|find|show me|is there|are there|do (?:you|u|ya) do|get|order|recommend|suggest|add"
    r"|throw in|grab|what about|how about)\b",
    re.I,
)
# Words in the clause that names a kind we lack, when nothing asks for it: "laptops?",
# "a fishing rod"; "she lives at 14 elm road" or "whats the real price then" name no kind.
BARE_REQUEST_WORDS = 4
# a name as typed: «Sony», «WH-1000XM5», «qc45»
NAME_LIKE = re.compile(
    r"\b(?!\d+(?:g|kg|ml|l|oz|lb|lbs|cm|mm|m|in|w|mah|gb|tb|pk|x)\b)"  # «500g» is an amount
    r"(?:[A-Z][\w-]*|[a-z]+-?\d[\w-]*|\d+[a-z][\w-]*)"
)
_OF_MONEY = re.compile(
    r"\bof\s+[$£€]?\d+(?:[.,]\d+)?\s*(?:dollars?|bucks|quid|pounds?|euros?)?", re.I
)
# «a decaf one», «any vitamin c one»: ours, that way
_AN_X_ONE = re.compile(  # («the trailhawk stability ones»: a make's, that way)
    r"\b(?:a|an|the|any)\s+(?:[a-z&]+\s+){0,2}?([a-z]{3,})(?:\s+[a-z])?\s+ones?\b", re.I
)
_BACK_TO = re.compile(r"\b(?:go(?:ing)?|get|come|coming|went)\s+back\s+to\b", re.I)
_ENOUGH = re.compile(r"\b[a-z]+\s+enough\b", re.I)  # «one long enough for my back»: a need
# an amount in its packaging: «a 500g bag», «the 1 litre bottle» (how it comes, no kind)
_PACKED_AS = re.compile(
    r"\b\d+(?:\.\d+)?\s*(?:g|kg|ml|l|oz|lb|grams?|kilos?|litres?|liters?)\s+"
    r"(?:bag|bottle|tin|jar|pack|box|tub|pouch)s?\b",
    re.I,
)
# «a 1kg bag», «the 250g tin»: a weight in its packaging (a tote bag holds no kilos)
_WEIGHED_OUT = re.compile(
    r"\b\d+(?:\.\d+)?\s*(?:g|kg|oz|lbs?|grams?|kilos?)\s+(?:bag|tin|jar|pack|box|tub|pouch)s?\b",
    re.I,
)
_NOTHING_OVER = re.compile(r"\bnothing\s+(?=(?:over|above|more than|pricier than)\b)", re.I)
# «…, for tea», «…, for my dad»: a clause that says what a thing is for names no kind
_FOR_WHAT = re.compile(r"^\W*(?:(?:and|but|just|mainly|mostly|its|it's)\W+)*(?:for|4)\b", re.I)
# «for a 12 year old», «my 6yo»: an age says who it is for, never what kind of thing
AGE = re.compile(
    r"\b\d{1,2}\s*-?\s*(?:years?|yrs?|months?)(?:\s*-?\s*old)?\b|\b\d{1,2}\s*yo\b", re.I
)


def singular(word: str) -> str:
    """A rough singular: 'speakers' -> 'speaker', 'boxes' -> 'box', 'shoes' -> 'shoe',
    'knives' -> 'knife'."""
    if word in _SINGULAR_OF:
        return _SINGULAR_OF[word]
    for ending, replacement in (("ies", "y"), ("sses", "ss"), ("xes", "x"), ("ches", "ch")):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)] + replacement
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


_IRREGULAR = {
    "mouse": "mice", "knife": "knives", "person": "people", "child": "children", "man": "men",
    "woman": "women", "foot": "feet", "tooth": "teeth", "shelf": "shelves", "leaf": "leaves",
}  # fmt: skip
_SINGULAR_OF = {many: one for one, many in _IRREGULAR.items()}


def plural(phrase: str) -> str:
    """A rough plural of a phrase's last word: 'coffee grinder' -> 'coffee grinders',
    'couch' -> 'couches', 'hobby' -> 'hobbies', 'tv' -> 'TVs'."""
    if " of " in phrase:  # «box of chocolates»: «boxes of chocolates»
        before, _, after = phrase.partition(" of ")
        return f"{plural(before)} of {after}"
    head, _, last = phrase.rpartition(" ")
    if last in _IRREGULAR:
        return f"{head} {_IRREGULAR[last]}".strip()
    if last.endswith("s") and not last.endswith(("ss", "us", "is")):
        return phrase  # «coffee grinders»: said in the plural already
    if len(last) <= 2:
        many = f"{last.upper()}s"
    elif last.endswith(("s", "x", "ch", "sh", "z")):
        many = f"{last}es"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        many = f"{last[:-1]}ies"
    else:
        many = f"{last}s"
    return f"{head} {many}" if head else many


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z][a-z'-]*", text.lower())


# «a speaker i can use in the shower», «shoes that i could wear to work»: what it is for
_WHAT_IT_IS_FOR = re.compile(
    r"\s*\b(?:that|which)?\s*\b(?:i|we|u|you|she|he|they)\s+(?:can|could|will|would|might)\b.*$",
    re.I,
)


class ProductKinds:
    """The kinds of product one catalogue holds."""

    def __init__(self, catalogue: Catalogue, embedder: Embeddings) -> None:
        self.embedder = embedder
        titles = [p.title[len(p.brand) :].strip() or p.title for p in catalogue.products.values()]
        self.final_words = {word for title in titles for word in _final_words(title)}
        self.leading_words = _leading_words(titles)
        self.kind_pairs = {pair for title in titles for pair in _kind_pairs(title)}
        sorts = Counter(kind for _, kind in self.kind_pairs)
        # kinds titles sort three or more ways («duffel», «tote», «crossbody» bags): a sort
        # said is one of them, not a word that only describes («wireless earbuds»)
        self.sorted_kinds = {kind for kind, count in sorts.items() if count >= 3}
        # «a gym duffel», «any totes?»: a sort of a kind sorted three or more ways names it
        # (not «laptop» of «Laptop Backpack»: backpacks are sorted only two ways)
        sorts_of: dict[str, set[str]] = {}
        for qualifier, kind in self.kind_pairs:
            sorts_of.setdefault(qualifier, set()).add(kind)
        # a word said elsewhere in titles is a model too («Studio S»), and one for whom
        # («kids») names no kind
        said = Counter(word for title in titles for word in {singular(w) for w in _words(title)})
        paired = Counter(
            qualifier for title in titles for qualifier in {q for q, _ in _kind_pairs(title)}
        )
        self.sort_names = {
            qualifier: next(iter(kinds))
            for qualifier, kinds in sorts_of.items()
            if len(kinds) == 1
            and kinds <= self.sorted_kinds
            and qualifier not in self.final_words | _WHO_FOR
            and not qualifier.endswith("ing")  # «trouble sleeping»: a doing, not a sleeping bag
            and said[qualifier] == paired[qualifier]
        }
        self.form_qualifiers = _form_qualifiers(titles)  # «chai» of «Chai Spice Blend»
        self.title_words = {singular(word) for title in titles for word in _words(title)}
        self.aisle_words = {  # «toys», «bedding», «shoes»: the shop's aisles (not «phone»)
            singular(_words(side)[-1])
            for category in catalogue.categories()
            for side in category.split("&")
            if _words(side)
        }
        self.brand_words = {
            word for product in catalogue.products.values() for word in _words(product.brand)
        }
        self._titles = _titles_to_embed(titles)
        self._catalogue = catalogue
        # «…, iphone 16»: a version the shop sells said as a clause of its own
        self._version_values = {
            value.lower()
            for product in catalogue.products.values()
            for variant in product.variants
            for value in variant.options.values()
            if len(value.split()) > 1
        }
        # «king», «small», «beige»: a version the shop sells said alone names no kind
        self._option_words = {
            value.lower()
            for product in catalogue.products.values()
            for variant in product.variants
            for value in variant.options.values()
            if len(value.split()) == 1
        } - self.title_words
        # «for galaxy s24»: the make of a model a product is made for («Galaxy S24»), no kind
        self._option_words |= {
            word.lower()
            for product in catalogue.products.values()
            for variant in product.variants
            for value in variant.options.values()
            if len(value.split()) > 1 and re.search(r"\d", value)
            for word in value.split()
            if word.isalpha() and len(word) > 2
        } - self.title_words
        self._names = self.brand_words | self.title_words  # a typo of one is not a new make
        self._vocabulary: set[str] | None = None  # every word the shop's texts use, on first need
        self._vectors: np.ndarray | None = None  # built by warm() or the first unclear request

    def warm(self) -> None:
        """Embed the titles now: a server does it at start-up, so no shopper's first unclear
        request waits for it (22 s at 3,000 titles on a busy 2-core machine)."""
        if self._vectors is None:
            self._vectors = np.asarray(self.embedder.embed_documents(self._titles))
        self._known_words()  # the shop's vocabulary too (a first search would wait ~0.1 s)

    def kind_words(self, text: str, ignore: set[str] = frozenset()) -> list[str]:
        """The words of a request that say what kind of thing is wanted: before any "for",
        "with", "under"..., without filler, brands or option values such as colours."""
        words: list[str] = []
        text = _OF_MONEY.sub(" for ", text)  # «a gift card of 50 dollars»: a gift card
        text = _NOTHING_OVER.sub(" ", text)  # «earbuds nothing over 40 bucks»: a budget
        text = _BACK_TO.sub(" ", text)  # «go back to the trekking poles»: no «back» kind
        text = _ENOUGH.sub(" ", text)  # «one long enough»: how it must be, no kind
        text = AGE.sub(" for ", text)  # «for a 12 year old under $60»: no «year old» kind
        stand_in = False  # «need one for a trip»: «one» is the kind, the trip what it is for
        for word in _words(text):
            if word.split("'")[0] in BOUNDARIES and (words or stand_in):  # "that'd get here …"
                break
            stand_in = stand_in or word in _STAND_INS
            # a brand word is no kind, unless titles also end with it ("Leaf & Kettle" coffee
            # beside "Electric Kettle")
            brand_only = word in self.brand_words and singular(word) not in self.final_words
            if word not in FILLER | BOUNDARIES | ignore and not brand_only:
                words.append(word)
        return [word for word in words if len(word) > 1]

    def part_of_a_version_said(self, word: str, text: str) -> bool:
        """Whether a word is part of a version the shop sells that the text says whole
        («iphone» of «a holder for my phone in the car, iphone 16»): no kind we lack."""
        # «do you sell the iphone 16?», «iphone 16» alone: phones, which we lack
        if ASKING.search(text) or len(_clauses(text)) < 2:
            return False
        lowered = text.lower()
        return any(
            word.lower() in value.split() and re.search(rf"\b{re.escape(value)}\b", lowered)
            for value in self._version_values
        )

    def named_kind(self, text: str, ignore: set[str] = frozenset()) -> str | None:
        """The kind of product a request names by a word titles end with ("backpack" in
        "laptop backpack under $60"), so results can be held to that kind."""
        # "oops wrong chat lol. got any packing cubes?", "a yoga mat, under 30 quid": the
        # last clause that names a kind
        clauses = _clauses(text)
        for clause in reversed(clauses):
            clause = _WHAT_IT_IS_FOR.sub("", clause) or clause  # «speaker i can use in …»
            if len(clauses) > 1 and _FOR_WHAT.match(clause):
                continue  # «an electric kettle that boils quick, for tea»: a kettle, for tea
            if len(clauses) > 1 and _PACKED_AS.search(clause):
                continue  # «cheap chai spice blend? a 500g bag would be good»: chai, in 500 g
            clause = _WEIGHED_OUT.sub(" ", clause)  # «cheapest for a big 1kg bag»: no tote bag
            asked = _WHICH_KIND.match(clause)  # «which kettle is the quietest?»: a kettle
            said = [
                singular(w) for w in self.kind_words(asked["kind"] if asked else clause, ignore)
            ]
            words = [SYNONYMS.get(word, word) for word in said]
            if not words or len(words) > MAX_NAMED_KIND_WORDS:
                continue
            head = words[-2] if words[-1] in FORM_WORDS and len(words) > 1 else words[-1]
            if head not in self.final_words and len(words) > 1:  # "plush teddy": teddy bears
                # (as said, too: «decaf ground» leads to coffee, whatever «decaf» stands for)
                head = self.leading_words.get(
                    (words[-2], words[-1]), self.leading_words.get((said[-2], said[-1]), head)
                )
            head = head if head in self.final_words else self.form_qualifiers.get(head, head)
            head = head if head in self.final_words else self.sort_names.get(head, head)
            if head in self.final_words:
                return head
        return None

    def named_qualifier(self, text: str, ignore: set[str] = frozenset()) -> str | None:
        """The word a request puts just before the kind it names, when titles pair them
        ("sleeping" in "a sleeping bag, 50 max", "hiking" in "a hiking backpack")."""
        kind = self.named_kind(text, ignore)
        if kind is None:
            return None
        for clause in reversed(_clauses(text)):
            words = [
                SYNONYMS.get(singular(word), singular(word))
                for word in self.kind_words(clause, ignore)
            ]
            if kind in words[1:] and (qualifier := words[words.index(kind) - 1]):
                return qualifier if (qualifier, kind) in self.kind_pairs else None
            if sorts := [word for word in words if self.sort_names.get(word) == kind]:
                return sorts[-1]  # «a gym duffel»: the duffel of the bags
        return None

    def missing(self, text: str, ignore: set[str] = frozenset(), either: bool = True) -> str | None:
        """The kind a request asks for when the shop does not carry it, else None. `ignore`
        holds option values (colours, sizes) that qualify the kind; `either` splits one
        «X or Y» into two kinds (once: a part is never split again)."""
        text = _A_LENGTH_OF.sub(" ", text)  # «i need 84 inch drops»: a length, no kind
        if OR_A_NEED.search(text):
            return self.missing(OR_A_NEED.sub("", text), ignore, either=False)
        parts = re.split(r"\s+or\s+", _asking_clause(text), maxsplit=1) if either else []
        if len(parts) == 2:  # "office chairs or a standing desk": we lack both, said as asked
            lacking = [self.missing(part, ignore, either=False) for part in parts]
            if all(lacking):
                return " or ".join(part for part in lacking if part)
        # "something to keep me dry" describes a need, not a kind; a story around the
        # asking clause does not ("can I buy a gift card? … no idea what she likes")
        if NEED.search(_asking_clause(text) if ASKING.search(text) else text):
            return None
        asking = any(ASKING.search(clause) for clause in _clauses(text))
        if not asking and self.named_kind(text, ignore) is not None:
            return None  # "what about running shorts then, mens medium": shorts are carried
        text = _asking_clause(text)  # "do u sell laptops? mine just died": the first part
        text = _kind_clause(text)  # «are the heart rate readings any good?»: none
        text = _WHAT_IT_IS_FOR.sub("", text) or text  # «a speaker i can use in the shower»
        if not asking and len(_words(text)) > BARE_REQUEST_WORDS:
            return None
        words = [SYNONYMS.get(singular(word), word) for word in self.kind_words(text, ignore)]
        words = [
            word
            for word in words
            if word not in _ASKING_WORDS | _NO_KIND_WORDS | self._option_words
        ]  # «how many»
        # «…, dark roast, ethiopian if poss»: where it is from, no kind (but «french presses»)
        if all(COUNTRY_ADJECTIVE.fullmatch(word) for word in words):
            return None
        if not words or len(words) > MAX_KIND_WORDS:
            return None
        said_one = _AN_X_ONE.search(text)  # «a decaf one he can send back»: ours, that way
        if said_one and singular(said_one[1].lower()) in self.title_words:
            return None
        if self._a_carried_kind(words):
            return None
        self.warm()
        wanted = _as_said(text, words)
        closeness = float(np.max(self._vectors @ np.asarray(self.embedder.embed_query(wanted))))
        seen = any(singular(word) in self.title_words for word in words)
        needed = QUALIFIER_SIMILARITY if seen else UNSEEN_SIMILARITY
        if closeness >= needed:
            return None
        # «a coffee grinder»: said back as a kind, «we don't sell coffee grinders»
        one_said = re.search(rf"\b(?:a|an)\s+{re.escape(wanted)}\b", text, re.I)
        return plural(wanted) if one_said else wanted

    def unknown_name(self, phrase: str, lowercase: bool = False) -> str | None:
        """«the Sony WH-1000XM5»: a make or model as typed (a capital, or letters beside
        digits; with `lowercase`, any word of four letters or more: «an otterbox») that
        nothing in the shop says, nor misspells; the phrase then, else None."""
        found = re.findall(r"[a-z]{4,}", phrase.lower()) if lowercase else NAME_LIKE.findall(phrase)
        typed = [w for w in found if w.lower() not in _ASKING_WORDS]
        known = self._known_words()
        for word in (w.lower() for w in typed):
            if word in known or singular(word) in known or len(word) < 3:
                continue
            typo = process.extractOne(
                word, self._names, scorer=fuzz.ratio, score_cutoff=TYPO_SIMILARITY
            )
            if typo is not None:
                continue
            return re.sub(r"^(?:the|a|an|my|their)\s+", "", phrase.strip(), flags=re.I)
        return None

    def _a_carried_kind(self, words: list[str]) -> bool:
        """Whether a request's kind words end in a kind the shop carries, a word its titles
        use for one («chai»), a sort of one («a gym duffel»: a duffel bag) or an aisle."""
        head = singular(words[-1])
        if head in FORM_WORDS and len(words) > 1:  # "protein powder" is about the protein
            head = singular(words[-2])
        carried = self.final_words | self.form_qualifiers.keys() | self.sort_names.keys()
        return head in carried or self._an_aisle(words)

    def _an_aisle(self, words: list[str]) -> bool:
        """Whether the kind asked for is one of the shop's aisles («a few toys suitable for
        a three-year-old»: toys; «coffee tables» end in tables, no aisle)."""
        return singular(words[-1]) in self.aisle_words

    def unknown_make(self, text: str, ignore: set[str] = frozenset()) -> str | None:
        """A word before a carried kind that nothing in the shop says, so a make or model
        we do not carry («bose» in "bose headphones", «nike» in "nike running shoes"), not
        what it is free of («BPA free water bottle»)."""
        clause = _FREE_OF.sub(" ", _asking_clause(text))
        # «physio said i need a stability shoe»: the words after what asks, not the story
        if (asked := list(ASKING.finditer(clause))) and self.kind_words(
            rest := clause[asked[-1].end() :], ignore
        ):
            clause = rest
        words = self.kind_words(clause, ignore)
        if not 2 <= len(words) <= MAX_KIND_WORDS + 1:
            return None
        if SYNONYMS.get(singular(words[-1]), singular(words[-1])) not in self.final_words:
            return None
        known = self._known_words()
        for word in words[:-1]:
            if word in known or singular(word) in known or not word.isalpha() or len(word) < 3:
                continue
            if word in _ASKING_WORDS or _SUPERLATIVE.fullmatch(word):
                continue  # «how much is the bassline speaker», «lightest tent»: no make
            if COUNTRY_ADJECTIVE.fullmatch(word) or _DESCRIBING.search(word):
                continue  # «japanese green tea», «rechargeable headlamp»: how it is, no make
            if (famous := famous_make(word)) and famous[0] == word:
                return word  # «sony headphones»: a make we lack, not a typo of «soy»
            if word in _PLAIN_WORDS:
                continue  # «a matching pillow», «a spare charger»: how it is, no make
            # «quietued»: a typo of a brand or title word is that word, not another make
            if (
                process.extractOne(
                    word,
                    self._names,
                    scorer=fuzz.ratio,
                    score_cutoff=TYPO_SIMILARITY,
                )
                is None
            ):
                return word
        return None

    def says_the_name(self, name: str) -> bool:
        """Whether the shop's own texts say every word of a name («ninja»: no shop word)."""
        known = self._known_words()
        return all(word in known for word in _words(name.lower()))

    def _known_words(self) -> set[str]:
        if self._vocabulary is None:
            texts = [
                " ".join(
                    [p.title, p.description, *p.attributes.values()]
                    + [value for variant in p.variants for value in variant.options.values()]
                )
                for p in self._catalogue.products.values()
            ]
            texts += [f"{r.title} {r.text}" for r in self._catalogue.reviews.values()]
            self._vocabulary = {word for text in texts for word in _words(text)}
            # «usb c cable»: the parts of «USB-C» are words the shop says too
            self._vocabulary |= {part for word in self._vocabulary for part in word.split("-")}
            self._vocabulary |= FILLER | PLAIN_QUALITIES
        return self._vocabulary


_SUPERLATIVE = re.compile(r"[a-z]{3,}est")  # «lightest», «fastest», «biggest»


def _as_said(text: str, words: list[str]) -> str:
    """The shopper's own words from the first kind word to the last ("bananas and milk")."""
    lowered = text.lower()
    start, end = lowered.find(words[0]), lowered.rfind(words[-1])
    if start < 0 or end < start:
        return " ".join(words)
    return lowered[start : end + len(words[-1])]


def _form_qualifiers(titles: list[str]) -> dict[str, str]:
    """The words that name what a product of a form is made of, with the kind they stand
    for: «chai» of «Chai Spice Blend» is a spice (said before a kind in two titles or more,
    so no model word): a shopper asking for «chai» asks for a kind the shop sells."""
    before_form: Counter[tuple[str, ...]] = Counter()
    for title in titles:
        words = [singular(word) for word in _words(title)]
        if len(words) >= 2 and words[-1] in FORM_WORDS:
            before_form[tuple(words[-3:])] += 1
    return {
        word: ending[-2]
        for ending, count in before_form.items()
        for word in ending[-3:-1]
        if count >= 2
    }


def _titles_to_embed(titles: list[str]) -> list[str]:
    """The titles whose meaning stands for the shop's kinds: each distinct one, or in a big
    catalogue each distinct ending ("road running shoes"), the most common first."""
    distinct = list(dict.fromkeys(titles))
    if len(distinct) <= MAX_TITLES_EMBEDDED:
        return distinct
    endings = Counter(" ".join(_words(title)[-3:]) for title in distinct)
    return [ending for ending, _ in endings.most_common(MAX_TITLES_EMBEDDED)]


def _clauses(text: str) -> list[str]:
    """The sentences or clauses that have words in them (the whole text when none do)."""
    clauses = [part for part in _CLAUSE_END.split(text) if re.search(r"[a-z]", part, re.I)]
    return clauses or [text]


# «my sister just had a baby 💕 I want to get her a little teddy»: an emoji ends a sentence,
# as a dash between spaces does («Beach holiday for 4 - do you have big towels?»)
_CLAUSE_END = re.compile(r"[.?!;,\u2600-\u27bf\U0001f000-\U0001faff]+|\s[-–—]+\s")
_ASKING_WORDS = frozenset({"how", "much", "many"})
_STAND_INS = frozenset({"one", "ones"})
# «rechargeable», «waterproof», «cordless», «foldable»: words that describe, never a make
# «84 inch drops», «a 90 cm width»: a length and what it measures
_A_LENGTH_OF = re.compile(
    r"\b\d+(?:\.\d+)?\s*(?:inch(?:es)?|in|cm|mm|ft|foot|feet|\")\s*(?:long\s+)?(?:drops?|lengths?|"
    r"widths?|heights?|depths?|long|wide|tall|deep|high)\b",
    re.I,
)
# everyday words before a kind that say which or how, never whose make
_PLAIN_WORDS = frozenset(
    "spare extra another second same similar decent proper basic simple plain fancy nice cute "
    "comfy cosy cozy matching".split()
)
_DESCRIBING = re.compile(r"(?:able|ible|proof|less|ful|free)$")
_WHO_FOR = frozenset("kid kids child children baby babies men women boy boys girl girls".split())
# «are the heart rate readings any good?», «is the battery decent»: a part judged
_A_PART_ANY_GOOD = re.compile(
    r"^\W*(?:(?:and|so|ok|but)\W+)*(?:are|is)\s+(?:the|its|their)\s+[\w -]{2,40}?\s+"
    r"(?:any good|good|accurate|reliable|decent|ok|okay|legit|true|honest)\b",
    re.I,
)
# «PTFE free», «latex-free»: free of a stuff, not a kind of product
_FREE_OF = re.compile(r"\b[\w]+[- ]free\b", re.I)
# «my gf's», «his mum's»: whose, not what
_SOMEONES = re.compile(r"\b\w+(?:'|’)s\b(?=\s+\w)", re.I)


def _kind_clause(text: str) -> str:
    """The words of an asking clause that could name a kind: none when it judges a part of
    a product («are the heart rate readings any good?»), without what it is free of («PTFE
    free») or whose it is («my gf's galaxy s24»)."""
    if _A_PART_ANY_GOOD.search(text):
        return ""
    return _SOMEONES.sub(" ", _FREE_OF.sub(" ", text))


# «foam roller under 35, need it by friday»: a day it is wanted by, no kind we lack
_NO_KIND_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday weekend tomorrow today tonight "
    "week weeks day days christmas xmas".split()
    # «add two of the 50ml», «or whatever u have thats warm»: a count or a shrug, no kind
    + "one two three four five six seven eight nine ten couple pair whatever anything".split()
    # «add 3 more for free shipping»: why, not what
    + "free shipping delivery postage".split()
    # «i need a new one asap»: when, not what
    + "asap urgently".split()
)
_WHICH_KIND = re.compile(
    r"^\W*(?:(?:so|ok|okay|and|but)\W+)*(?:which|what)\s+(?P<kind>[\w' &-]+?)\s+"
    r"(?:is|are|has|have|do|does|would|will|should|can|could)\b",
    re.I,
)


def _asking_clause(text: str) -> str:
    """The clause that asks for a kind of thing ("do you sell ...", "got any ..."), else the
    last one: the others tell a story around it."""
    clauses = _clauses(text)
    asking = [clause for clause in clauses if ASKING.search(clause)]
    # «got a pixel 9, need a braided cable»: what one owns is no ask, when another clause asks;
    # nor is a question about the thing («gym duffel under 50, is it waterproof?»)
    wanted = [clause for clause in asking if not _OWNS.search(clause) and not _OF_IT.search(clause)]
    # «phone holder for the car, i have a pixel 9»: the owned thing is no ask, the rest is
    rest = [clause for clause in clauses if not _OWNS.search(clause) and not _OF_IT.search(clause)]
    wanted = wanted or (rest[:1] if asking else []) or asking
    lacked = [_LACKS.sub("", clause) for clause in clauses if _LACKS.search(clause)]
    if wanted and lacked and _ONLY_A_PRONOUN.search(wanted[0]):
        return lacked[0]  # «i don't have a grinder, do you sell them?»: a grinder, asked for
    # «gym duffel under 50, is it waterproof»: the clause that names the thing, not the question
    return wanted[0] if wanted else (rest or clauses)[-1]


_LACKS = re.compile(
    r"^\W*(?:(?:ugh|oh|so|well|hmm+|ok|okay|also)\W+)*i\s+(?:do\s*n[o']?t|dont)\s+(?:have|own)\s+",
    re.I,
)
_ONLY_A_PRONOUN = re.compile(r"\b(?:them|one|ones|it|any)\W*$", re.I)
_OWNS = re.compile(  # «ugh I have a headache, do you sell ibuprofen?»: the headache is had
    r"^\W*(?:(?:ugh|oh|so|well|hmm+|ok|okay|also)\W+)*(?:i\s*(?:'ve|ve|have)?\s+)?got "
    r"(?:a|an|my|the)\b|^\W*(?:(?:ugh|oh|so|well|hmm+|ok|okay|also)\W+)*i "
    r"(?:(?:do\s*n[o']?t|dont)\s+)?(?:have|own|use) "  # «i dont have a grinder»: no ask either
    # «i have really dry skin, any sunscreen for that?»: what one is like, no ask either
    r"(?:a|an|my|the|really|very|super|quite|such|so|dry|oily|sensitive|curly|thin|wide|flat)\b",
    re.I,
)


# «is it waterproof and does it have a shoe compartment», «any dairy in it», «what does that
# mean»: a question about the thing in view, which asks for no kind
_OF_IT = re.compile(
    r"^\W*(?:(?:and|also|but|so|ok|okay|hmm+)\W+)*(?:is|are|does|do|did|can|could|will|would|has|"
    r"have)\s+(?:it|they|this|that|these|those|them|this one|that one)\b"
    r"|\b(?:in|on|with)\s+(?:it|them|this|that)\W*$"
    r"|\bwhat\s+(?:does|do|did)\s+(?:that|it|this)\s+mean\b",
    re.I,
)


def _leading_words(titles: list[str]) -> dict[tuple[str, str], str]:
    """Two words that always come just before one kind word in titles ("plush teddy" in
    "Plush Teddy Bear"), to that kind, so "a plush teddy" names teddy bears; one word alone
    ("laptop") is too loose to name a kind it only leads to."""
    leads: dict[tuple[str, str], set[str]] = {}
    for title in titles:
        words = [singular(word) for word in _words(title)]
        if len(words) > 2:
            leads.setdefault((words[-3], words[-2]), set()).add(words[-1])
    return {pair: next(iter(kinds)) for pair, kinds in leads.items() if len(kinds) == 1}


def _kind_pairs(title: str) -> list[tuple[str, str]]:
    """Each kind word of a title with the word just before it ("sleeping", "bag")."""
    words = [singular(word) for word in _words(title)]
    return [
        (words[index - 1], kind) for kind in _final_words(title) if (index := words.index(kind)) > 0
    ]


def _final_words(title: str) -> list[str]:
    """The words that say what a product is: its title's last word, or the one before a
    form word ("Matcha Powder", "Bath Towel Set")."""
    words = [singular(word) for word in _words(title)]
    if not words:
        return []
    if words[-1] in FORM_WORDS and len(words) > 1:
        return [words[-1], words[-2]]
    return [words[-1]]


def singular_words(text: str) -> set[str]:
    """A text's words in their rough singular."""
    return {singular(word) for word in _words(text)}


def kind_words_of(product: Product) -> set[str]:
    """The words of a product's title without its brand, singular: what kind of thing it is."""
    return singular_words(product.title.removeprefix(product.brand))


def of_its_kind(products: list[Product], kind: str, said: list[str]) -> list[Product]:
    """The products of a kind; when none has the words said before it, those of a kind that
    is a sort of it that do («cast iron pan»: the Cast Iron Skillets; «pan under 50»: pans;
    «noise cancelling earbuds»: earbuds only, no headphones)."""
    of_kind = [p for p in products if kind in kind_words_of(p)]
    qualifiers = {singular(word) for word in said[-3:-1]}  # the two words next to the kind
    sorts = SORTS_OF.get(kind, frozenset())
    if not sorts or not qualifiers or any(qualifiers <= kind_words_of(p) for p in of_kind):
        return of_kind
    return [
        p
        for p in products
        if p in of_kind or (sorts & kind_words_of(p) and qualifiers <= kind_words_of(p))
    ]


def as_the_thing_itself(products: list[Product], text: str, kind: str) -> list[Product]:
    """«rc car for a 10 year old»: of the products with the kind in their titles, those that
    are one (a Remote Control Car, not a Car Phone Mount), when the kind is what is wanted,
    not what it is for («something for the car»: the mounts and chargers)."""
    if re.search(
        rf"\bfor\s+(?:my|the|a|an|our|your|his|her|their)\s+{re.escape(kind)}", text, re.I
    ):
        return products
    itself = [p for p in products if kind in _final_words(p.title.removeprefix(p.brand))]
    return itself if 0 < len(itself) < len(products) else products


def of_the_sort_said(products: list[Product], text: str, kind: str) -> list[Product]:
    """«vitamin c serums», «noise cancelling headphones»: of the kind, those whose titles
    say the two words before it, when some do and some do not (a hydrating serum is no
    vitamin C one); one word («wireless earbuds») narrows nothing."""
    # «pour-over coffee thing» as the compounds leave it: a hyphenated sort is one word
    said = re.search(rf"\b([a-z]+-[a-z]+|[a-z]+ [a-z]+) {re.escape(kind)}", text.lower())
    if said is None:
        return products
    sort = said[1]
    kept = [p for p in products if re.search(rf"\b{re.escape(sort)}\b", p.title.lower())]
    return kept if 0 < len(kept) < len(products) else products


def of_the_sort(products: list[Product], qualifier: str, kind: str) -> list[Product]:
    """«cheapest duffel bag»: of a kind sorted several ways, those of the sort said (its
    word before the kind in the title), when some are."""
    kept = [p for p in products if (qualifier, kind) in _kind_pairs(p.title.removeprefix(p.brand))]
    return kept or products


def same_aisle(products: list[Product], qualifier: str) -> list[Product]:
    """A kind word shared across aisles, narrowed by the word said before it: a "sleeping
    bag" is no tote bag, a "hiking backpack" no laptop backpack; "wireless earbuds" keep
    every earbud (one aisle)."""
    aisles = {p.category for p in products if qualifier in kind_words_of(p)}
    if not aisles or aisles == {p.category for p in products}:
        return products
    return [p for p in products if p.category in aisles]
