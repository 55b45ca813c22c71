"""Products named in a message: a title, a partial title, brand plus type, with typos
("bassline wave speaker", "the quietude kids ones", "basline wave").

Each word of the message is matched to the words of the catalogue's titles (exactly, or with
rapidfuzz's similarity for typos); a product is named when the words it matches carry enough
weight (rare words weigh more, by inverse document frequency over titles) and include a word
that identifies it (a brand or a rare model word). Generic requests ("wireless earbuds")
name no product: those are searches.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from assistant.catalogue.models import Catalogue
from assistant.search.kind_words import FORM_WORDS, SYNONYMS
from assistant.search.kinds import singular

FUZZY_SIMILARITY = 85  # rapidfuzz ratio for a typo to count as the word (5+ letters)
MIN_WEIGHT = 6.0  # the idf mass a mention needs (about two uncommon title words)
MIN_COVERAGE = 0.34  # share of the title's idf mass the message must match
IDENTIFYING_TITLES = 6  # a model word in at most this many titles identifies a product
NEAR_BEST = 0.85  # other products within this share of the best weight are named too
_WORD = re.compile(r"[a-z0-9][a-z0-9'-]*")
# "compare X and Y", "X vs Y", "1) X 2) Y"
_SPLIT = re.compile(
    r"\s*(?:,|;|\bvs\.?\b|\bversus\b|\bor\b|\band\b|\bwith\b|\bover(?= the\b)|&|\+|\(?\b\d\)|:)\s*",
    re.I,
)
_SENTENCE_END = re.compile(r"(?<!\bvs)[.!?]\s+")
IGNORED = frozenset(
    (
        "the a an and or of for to in on with my me i it is are do does you your any some "
        "this that these those ones them they its it's what whats how which who can could "
        "would will please pls thanks about tell more than vs versus co get got "
    ).split()
)


@dataclass(frozen=True)
class Mention:
    """A product the message names, how strongly, and the words that named it."""

    product_id: str
    weight: float
    coverage: float
    words: tuple[str, ...]
    phrase: str = ""  # the part of the message that names it


_A_POST = re.compile(r"\b(?:post|video|vid|reel|pic|photo|picture|clip)s?\b", re.I)
_PRONOUN_ONE = re.compile(r"\b([a-z0-9']+)\s+ones?\b", re.I)
# «one for each teacher», «2 please, one for my wife too»: a count, no «… One» model
_ONE_FOR_EACH = re.compile(
    r"(?:\b([a-z0-9']+)\s+)?\bone\s+(?=(?:for|each)\s+(?:each|every|of)\b|each\b"
    r"|for\s+(?:my|me|his|her|our|their|him|them|you|u)\b)",
    re.I,
)
# «65 bucks max», «$40 max», «max 50 dollars»: a budget, no «Max» model
# «and the dewleaf lite 2 in 50»: a size said after «in», no «… SPF 50» title
_IN_A_SIZE = re.compile(
    r"\bin (?:a |the )?\d{1,4}(?:\.\d)?\s*(?:ml|g|kg|l|oz|cm|mm)?"
    r"(?=\s*(?:[,.;!?]|$|and\b|too\b|pls\b|please\b|then\b))",
    re.I,
)
_BUDGET_MAX = re.compile(
    r"(?:[$£€]\s?\d+(?:[.,]\d{1,2})?|\b\d+(?:[.,]\d{1,2})?\s*(?:bucks|dollars?|quid|euros?|"
    r"pounds?|usd)?)\s*(?:tops|max(?:imum)?)\b"
    r"|\bmax(?:imum)?\s+(?=[$£€]?\s?\d+(?:[.,]\d{1,2})?\s*(?:bucks|dollars?|quid|euros?|pounds?|usd)\b)"
    # «whats the max weight on the flexa ones»: a measure's limit, no «Flexa Max S» model
    r"|\bmax(?:imum)?\s+(?=(?:weight|load|capacity|size|speed|temp|temperature|power|volume"
    r"|height|length|width|age|range|output|wattage)\b)",
    re.I,
)
_GO_FOR = re.compile(r"\b(?:go|going)\s+(?=for\b|with\b)", re.I)  # «I'll go for»: no «Go» model
# «ill take 2 of the roamly», «2 more of the armorly»: a count, no «Roamly Lite 2» model
_COUNT_OF = re.compile(
    r"\b(?:\d{1,2}|two|three|four|five|six)\s+(?:more\s+)?of\s+(?=(?:the|those|these|your|ur)\b)",
    re.I,
)
# words after which a brand's word is an everyday word («every morning», «good night»)
# «every morning» names no «Morning Ritual», «sensitive skin» no «Luma Skin»
_BEFORE_A_WORD = frozenset(
    "every each good last per whole sensitive dry oily combination normal mature".split()
)
_OPTION_WORD = re.compile(r"\d+|[a-z]+")  # "1kg" is "1" and "kg", as "1 kg" is
_KEPT_AND = "\uff06"  # a brand's own «&» while a message is cut into phrases at «&»
# «that nova thing», «the Nova?», «is the nova waterproof?»: a model name said on its own
# with its mark, if said: «do you have the nova x», «the classic 200?»
_MODEL = r"([A-Za-z]{3,}|[A-Za-z]{2}(?=\s+(?:[A-Za-z]|\d{1,4})\b))(?:\s+([A-Za-z]|\d{1,4})\b)?"
_NAMESAKE = re.compile(
    rf"\b(?:the|that|this|those|these)\s+{_MODEL}"
    r"(?=\s*(?:things?|ones?|models?|stuff)?\s*(?:[?.!,;]|$))"
    # «is the nova waterproof?», «is the classic 200 any good?»; not «whats the max weight?»
    rf"|^\W*(?:is|are|does|do|can|will|has)\s+(?:the|that|this)\s+{_MODEL}\s+(?:any\s+)?[a-z]+\s*\?",
    re.I,
)
_CONNECTIVES = {
    *"in a an the one size and please pls bag pack".split(),
    *"not no instead rather than".split(),  # «…classic whole bean, whole bean not ground»
}


def _words(text: str) -> list[str]:
    return [word.strip("'-") for word in _WORD.findall(text.lower()) if word not in IGNORED]


class ProductMentions:
    """Finds products named in free text, over one catalogue's titles and brands."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.title_words: dict[str, set[str]] = {
            pid: set(_words(p.title)) for pid, p in catalogue.products.items()
        }
        self.brand_words: dict[str, set[str]] = {
            pid: set(_words(p.brand)) for pid, p in catalogue.products.items()
        }
        self.type_words = _type_words(catalogue)
        # words of the versions products come in («green», «ground», «iphone»): no kind's
        self.version_words = {
            word
            for product in catalogue.products.values()
            for variant in product.variants
            for value in variant.options.values()
            for word in _words(value)
        }
        # the words titles end in, what a product is («shorts», «jacket»; not «green» of tea)
        self._final_words = {
            words[-1] for p in catalogue.products.values() if (words := _words(p.title))
        }

        frequency = Counter(word for words in self.title_words.values() for word in words)
        total = max(len(self.title_words), 1)
        self.idf = {word: math.log(total / count) for word, count in frequency.items()}
        self.rare = {word for word, count in frequency.items() if count <= IDENTIFYING_TITLES}
        self.vocabulary = sorted(frequency)
        self._by_word: dict[str, set[str]] = {}
        for pid, words in self.title_words.items():
            for word in words:
                self._by_word.setdefault(word, set()).add(pid)
        # title words of one aisle only («bands», «trekking»; not «air», a model in many)
        self._one_aisle_words = {
            word
            for word, pids in self._by_word.items()
            if len({catalogue.products[pid].category for pid in pids}) == 1
        }
        self._title_mass = {
            pid: sum(self.idf[word] for word in words) or 1.0
            for pid, words in self.title_words.items()
        }
        # Looked up per request, so built once: a scan of every title per request is what
        # made a turn take seconds at 100k products.
        self._of_brand: dict[frozenset[str], set[str]] = {}
        for pid, brand in self.brand_words.items():
            self._of_brand.setdefault(frozenset(brand), set()).add(pid)
        self.all_brand_words = set().union(*self.brand_words.values())
        self._kind_pairs: re.Pattern[str] | None = None  # the titles' last two words, on first need
        self._plain_words = self.type_words | self.all_brand_words | IGNORED  # no model's
        # each brand's version words («ground» of Bean Republic's coffees), per request looked up
        self._brand_versions: dict[frozenset[str], set[str]] = {
            brand: {
                word
                for pid in holders
                for variant in catalogue.products[pid].variants
                for value in variant.options.values()
                for word in _words(value)
            }
            for brand, holders in self._of_brand.items()
        }
        # «whole bean» in many coffees' titles: no sign of Bean Republic unless said in full
        brands_using: dict[str, set[str]] = {}
        for pid, words in self.title_words.items():
            for word in words - self.brand_words[pid]:
                brands_using.setdefault(word, set()).add(catalogue.products[pid].brand)
        self._everyday_brand_words = {
            word for word in self.all_brand_words if len(brands_using.get(word, ())) > 2
        }
        joined = sorted({p.brand for p in catalogue.products.values() if "&" in p.brand})
        self._joined_brands = (
            re.compile("|".join(_brand_pattern(brand) for brand in joined), re.I)
            if joined
            else None
        )
        # "Ampere One", "Zenmotion One": the words a title's "one" follows
        self.before_one = {
            words[i - 1]
            for p in catalogue.products.values()
            for words in [_WORD.findall(p.title.lower())]
            for i in range(1, len(words))
            if words[i] == "one"
        }

        # «One X», «One S»: the letters a title's «one» comes before («the one x» names it)
        self.one_marks = {
            words[i + 1]
            for p in catalogue.products.values()
            for words in [_WORD.findall(p.title.lower())]
            for i in range(len(words) - 1)
            if words[i] == "one" and re.fullmatch(r"[a-z]", words[i + 1])
        }

    def _title_words_for(self, word: str) -> set[str]:
        """Title words a message word stands for: itself, its singular, or a close typo."""
        candidates = [word, word.rstrip("s")]
        if candidates[1] != word and candidates[1] in self.all_brand_words - self.type_words:
            return {word} & set(self.idf)  # «how many lumens»: no sign of the brand Lumen Home
        if synonym := SYNONYMS.get(singular(word)):  # "tee" for a "T-Shirt"
            candidates += [synonym, f"{synonym}s"]
        found = {candidate for candidate in candidates if candidate in self.idf}
        if not found and len(word) >= 5 and not word.isdigit():
            found = {
                match
                for match, _, _ in process.extract(
                    word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=FUZZY_SIMILARITY, limit=3
                )
                if len(match) >= 4
            }
        return found

    def _said_title_words(self, text: str) -> set[str]:
        """The title words a text's words stand for (themselves, singulars, close typos)."""
        return {found for word in _words(text) for found in self._title_words_for(word)}

    def _scores(self, text: str) -> list[Mention]:
        said = self._said_title_words(text)
        # only a brand or a rare word can identify a product (_identifies), so only titles
        # holding one of those are scored: not every title with "kettle" at 100k products
        identifying = said & (self.all_brand_words | self.rare)
        candidates = {pid for word in identifying for pid in self._by_word.get(word, ())}
        mentions = []
        narrowed: dict[tuple[frozenset[str], frozenset[str]], bool] = {}  # per brand and words
        for pid in candidates:
            matched = self.title_words[pid] & said
            brand = self.brand_words[pid]
            # "nimbus classic s": all of "Nimbus Audio" (not "audio" alone, a category word)
            if (
                self._brand_said(pid, matched) - self.type_words
                and matched - brand - self.type_words
            ):
                matched |= brand & self.title_words[pid]
            weight = sum(self.idf[word] for word in matched)
            coverage = weight / self._title_mass[pid]
            enough = weight >= MIN_WEIGHT and coverage >= MIN_COVERAGE
            if self._sole_of_brand(pid, matched) or (
                (enough or self._brand_and_model(pid, matched))
                and self._identifies(pid, matched, narrowed)
            ):
                mentions.append(Mention(pid, weight, coverage, tuple(sorted(matched))))
        mentions = mentions or self._model_and_kind(said, text)
        return sorted(mentions, key=lambda m: (-m.weight, -m.coverage, m.product_id))

    def _model_and_kind(self, said: set[str], text: str) -> list[Mention]:
        """«the nova x trekking poles»: a model with no brand said, and its kind, that only
        one title holds together (the Nova X alone is three products of three kinds)."""
        model = said - self.type_words - self.all_brand_words - IGNORED
        kind = said & self.type_words
        # no brand said (a brand and a kind are the brand's own rules), and the model said as
        # a name, after «the» («the nova x …»; not «a pro hiking backpack», «an edge headlamp»)
        if not kind or said & self.all_brand_words:
            return []
        named = {w.lower() for w in re.findall(r"\b(?:the|that|this|those)\s+([\w-]+)", text, re.I)}
        if not any(len(w) >= 3 and not w.isdigit() and w in named for w in model):
            return []
        holders = set.intersection(*(self._by_word.get(word, set()) for word in model | kind))
        if len(holders) != 1:
            return []
        (pid,) = holders
        weight = sum(self.idf[word] for word in model | kind)
        return [Mention(pid, weight, weight / self._title_mass[pid], tuple(sorted(model | kind)))]

    def _brand_said(self, pid: str, matched: set[str]) -> set[str]:
        """The brand's words said: all of them, or those not also everyday title words."""
        brand = self.brand_words[pid]
        if brand <= matched:
            return brand
        # a number alone is no brand said: «lite 2 in size 9» is not «Roastery 9»
        return {w for w in matched & brand - self._everyday_brand_words if not w.isdigit()}

    def _brand_and_model(self, pid: str, matched: set[str]) -> bool:
        """The whole brand and model words only one of its products has: «the Bassline
        One» names the headphones however long their title."""
        brand = self.brand_words[pid]
        model = matched - brand - self.type_words
        if not brand or not brand <= matched or not model:
            return False
        holders = set.intersection(*(self._by_word[word] for word in model))
        return holders & self._of_brand[frozenset(brand)] == {pid}

    def _sole_of_brand(self, pid: str, matched: set[str]) -> bool:
        """The whole brand of a brand with one product: «the stridex ones» are its shoes."""
        brand = frozenset(self.brand_words[pid])
        return bool(brand) and brand <= matched and self._of_brand[brand] == {pid}

    def _identifies(
        self,
        pid: str,
        matched: set[str],
        narrowed: dict[tuple[frozenset[str], frozenset[str]], bool],
    ) -> bool:
        """A brand or a rare model word, and something beyond the product type: "quietude
        headphones" is a search among a brand's headphones, "quietude kids" names one. A
        number alone names nothing: "size 9" is no "Prime 9" coffee."""
        brand = self.brand_words[pid]
        model = matched - brand - self.type_words
        rare_model = model & self.rare
        said = self._brand_said(pid, matched)
        if (rare_model and not all(w.isdigit() for w in model)) or (said and model):
            return True
        rest = frozenset(matched - brand)
        if not said or not rest:
            return False
        # Brand plus type words: a mention only when they narrow the brand to one product.
        key = (frozenset(brand), rest)
        if key not in narrowed:
            holders = set.intersection(*(self._by_word[word] for word in rest))
            narrowed[key] = len(holders & self._of_brand[key[0]]) == 1
        return narrowed[key]

    def _best(self, text: str) -> list[Mention]:
        """The products one phrase names: the strongest, and any nearly as strong."""
        scored = self._scores(text)
        # «armorly go s green pixel 9»: the product whose brand is said, not a «Roastery 9 …
        # Green Tea» that only shares the version's words
        branded = [m for m in scored if self.brand_words[m.product_id] <= set(m.words)]
        # «heart rate … the Zenmotion Nova X»: a brand said as itself, not one a word resembles
        said_as_is = {w for word in _words(text) for w in (word, word.rstrip("s"))}
        as_is = [m for m in branded if self.brand_words[m.product_id] & said_as_is]
        scored = as_is or branded or scored
        if not scored:
            return []
        best = scored[0]
        if fuller := self._fuller_with_versions(best, scored[1:4]):
            return [fuller]
        near = [m for m in scored if m.weight >= NEAR_BEST * best.weight]
        # "roastery 9 lite": the whole name of a matcha and of a coffee; both are meant
        namesakes = [m for m in near if m.words == best.words and self._only_type_left(m)]
        if len(namesakes) > 1 and best in namesakes:
            return namesakes
        # Equal words but a tighter fit ("bassline wave speaker" is the Wave, not the Aero Wave).
        tight = [m for m in near if m.coverage >= best.coverage - 0.05 or m is best]
        found = [m for m in tight if m.weight == best.weight] if len(tight) > 1 else tight
        if len(found) > 1 and (first := self._named_from_the_start(text, found[0].words, found)):
            found = [first]
        return [] if self._a_kind_named(best, found) else found

    def _named_from_the_start(
        self, text: str, words: Iterable[str], found: list[Mention]
    ) -> Mention | None:
        """Of products the same words name, the one whose title opens with them as said
        («the trailhawk trail one»: the Trailhawk Trail Stability, not the Trailhawk Classic S
        Trail Running Shoes, where «trail» is of the kind), if one does."""
        kept = set(words)
        said = [word for word in _words(text) if word in kept]
        opening = [m for m in found if _words(self._title(m.product_id))[: len(said)] == said]
        return opening[0] if len(said) > 1 and len(opening) == 1 else None

    def _fuller_with_versions(self, best: Mention, others: list[Mention]) -> Mention | None:
        """«the roastery 9 prime s comes in 'whole bean'??»: another of the brand whose model
        words are said and that sells the best one's other words as a version (Prime S in whole
        bean), not the Roastery 9 Lite Whole Bean Coffee that lacks «prime s»."""
        for other in others:
            if self.brand_words[other.product_id] != self.brand_words[best.product_id]:
                continue
            own = set(other.words) - set(best.words)
            if not own - self.type_words:
                continue  # no model word of its own: «prime»
            versions = {
                word
                for variant in self.catalogue.products[other.product_id].variants
                for value in variant.options.values()
                for word in _words(value)
            }
            if set(best.words) - set(other.words) <= versions:
                return other
        return None

    def _a_kind_named(self, best: Mention, found: list[Mention]) -> bool:
        """«vitamin c serums»: words of a kind that more products' titles hold than the
        fit picked, with no brand said: a search of that kind, not a product named."""
        words = set(best.words)
        if words & self.all_brand_words or not words & self.type_words:
            return False
        holders = set.intersection(*(self._by_word.get(word, set()) for word in words))
        return len(holders) > len(found)

    def of_brand_and_kind(self, message: str, kind_hint: str, said_kind: bool = False) -> list[str]:
        """«what do the wildpine ones cost» beside trekking poles: a brand said whole with no
        model, whose products of the conversation's kind are several (each is meant); with
        `said_kind`, of the kind the message says if it says one («and a flexa resistance
        band set too» beside dumbbells)."""
        said = self._said_title_words(_COUNT_OF.sub(" ", message))
        brands = [brand for brand in self._of_brand if brand and brand <= said]
        if len(brands) != 1:  # «the purelle night cream dewleaf keeps posting»
            return []
        holders, versions = self._of_brand[brands[0]], self._brand_versions[brands[0]]
        # «and a flexa resistance band set too»: the kind said leads the conversation's; «bean
        # republic cold brew, got the 1kg ground?»: «ground» is a version, not a kind
        # (not «the Purelle night cream from your back in stock post»: the post's product)
        no_kind = brands[0] | versions | IGNORED | {"one", "ones"}
        # «…, green, iphone 16»: a version's word is no kind, nor a typo of one («phone»)
        kind_said = self._said_title_words(
            " ".join(word for word in _words(_COUNT_OF.sub(" ", message)) if word not in versions)
        )
        own = {
            word
            for word in kind_said & self.type_words
            # «two sets», «2 … curtains»: a count, not a kind
            if word not in no_kind and singular(word) not in FORM_WORDS and not word.isdigit()
        }
        own = own if said_kind and not _A_POST.search(message) else set()
        hinted = set(_words(kind_hint)) & self.type_words
        of_kind = [pid for pid in holders if own and own <= self.title_words[pid]]
        if own and not of_kind:  # «a kestrel crossbody»: Kestrel Travel's crossbody bags
            wider = set().union(*(held for b, held in self._of_brand.items() if brands[0] < b))
            of_kind = [pid for pid in wider if own <= self.title_words[pid]]
        if of_kind and self._models_beside(message, of_kind, versions):
            return []  # «the Sonara Ultra 9000 speaker»: a model none of them has
        of_kind = of_kind or [pid for pid in holders if hinted and hinted <= self.title_words[pid]]
        if 1 < len(of_kind) <= 4:
            return sorted(of_kind, key=lambda pid: self.catalogue.products[pid].title)
        return []

    def _models_beside(self, message: str, products: list[str], versions: set[str]) -> bool:
        """Whether a message says model words (or a model number) none of these titles has."""
        held = set().union(*(self.title_words[pid] for pid in products))
        numbers = {word for word in _words(message) if word.isdigit() and len(word) > 1}
        models = self._model_words(message) - {"one", "ones"} | numbers
        return bool(models - held - versions)

    def _model_words(self, text: str) -> set[str]:
        """The words of a text that are title words but no kind, brand or filler («nova»)."""
        return {w for w in _words(text) if w in self._by_word and w not in self._plain_words}

    def brand_words_of_titles(self, brand: str) -> set[str]:
        """The title words of a brand's products, less its name («aero», «tote» for Kestrel
        Travel): what «their aero tote» may say after the brand."""
        words = set(_words(brand))
        return {
            word
            for pid in self._of_brand.get(frozenset(words), set())
            for word in self.title_words[pid] - words
        }

    def says_a_model(self, text: str) -> bool:
        """Whether the text says a model word of our titles («nova» in «the nova x in
        purple»), not only a kind or a brand."""
        return any(len(word) >= 3 for word in self._model_words(text))

    def namesakes(self, message: str) -> list[str]:
        """The products that share a model name said on its own («how much is that nova
        thing?»): several, so the shopper is asked which; none for a kind or a brand."""
        message = _COUNT_OF.sub(" ", message)  # «2 of the roamly»: no «… 2» models
        return (
            self.model_namesakes(message)
            or self._brand_line(message)
            # «bean republic cold brew, got the 1kg ground?»: its two cold brews
            or self.of_brand_and_kind(message, "", said_kind=True)
        )

    def model_namesakes(self, message: str) -> list[str]:
        """The products that share a model name said on its own, with its mark if said
        («the nova x»: the three Nova X), when they are several."""
        for match in _NAMESAKE.finditer(message):
            word = (match.group(1) or match.group(3)).lower()
            holders = self._by_word.get(word, set())
            if mark := (match.group(2) or match.group(4) or "").lower():  # «nova x»: Nova X's
                holders = holders & self._by_word.get(mark, set())
            if len(holders) > 1 and not {word} & (self.type_words | self.all_brand_words | IGNORED):
                return sorted(holders, key=lambda pid: self.catalogue.products[pid].title)
        return []

    def _brand_line(self, message: str) -> list[str]:
        """The products of a brand said in full that the message's other title words leave,
        when they are several: «is the summit supply sport s any good?» could be its headlamp
        or its bottle, «do the quietude ones run small?» any of its headphones."""
        said = self._said_title_words(message)
        for brand, holders in self._of_brand.items():
            if not brand or not brand <= said or len(holders) < 2:
                continue
            line_words = set().union(*(self.title_words[pid] for pid in holders))
            if self._a_longer_makes_kind(message, brand, line_words):
                continue  # «a kestrel crossbody»: Kestrel Travel's, none of Kestrel's own
            rest = (said - brand) & line_words
            left = [pid for pid in holders if rest <= self.title_words[pid]]
            if not left:  # «… blackout curtains beige king, 2 pairs»: a count, no «Go 2»
                rest = {word for word in rest if not word.isdigit()}
                left = [pid for pid in holders if rest <= self.title_words[pid]]
            if len(left) > 1:
                return sorted(left, key=lambda pid: self.catalogue.products[pid].title)
        return []

    def _a_longer_makes_kind(self, message: str, brand: frozenset[str], line: set[str]) -> bool:
        """Whether the message says, as typed, a kind that none of a make's products is and
        a longer make's («Kestrel Travel» beside «Kestrel») products are."""
        kinds = set(_words(message)) & self.type_words - line - self.all_brand_words
        return bool(kinds) and any(
            kinds <= self.title_words[pid]
            for words, held in self._of_brand.items()
            if brand < words
            for pid in held
        )

    def kind_hint(self, product_id: str) -> str:
        """The kind a product's title ends in («Noise Cancelling Headphones»), for `find`."""
        product = self.catalogue.products.get(product_id)
        return " ".join(product.title.split()[-2:]) if product else ""

    def kind_said(self, message: str) -> str:
        """The kind a message names by the last two words of titles («and a jump rope, the
        pulsefit one»: «jump rope»), the last said when several; "" when none."""
        if self._kind_pairs is None:
            pairs = {
                " ".join(p.title.lower().split()[-2:]) for p in self.catalogue.products.values()
            }
            alternatives = "|".join(map(re.escape, sorted(pairs, key=len, reverse=True)))
            self._kind_pairs = re.compile(rf"\b({alternatives})(?:e?s)?\b", re.I)
        said = self._kind_pairs.findall(message)
        return said[-1].lower() if said else ""

    def names_other_than(self, text: str, product_id: str) -> bool:
        """Whether a text names products, none `product_id` («the oakhaven candle, white king»;
        «the nimbus in white then» beside Bassline headphones: a Nimbus of their kind)."""
        named = {m.product_id for m in self.find(text, kind_hint=self.kind_hint(product_id))}
        return bool(named) and product_id not in named

    def _only_type_left(self, mention: Mention) -> bool:
        """Whether the title words a mention did not say only say what kind of product it is."""
        return not (self.title_words[mention.product_id] - set(mention.words) - self.type_words)

    def find(self, message: str, kind_hint: str = "") -> list[Mention]:
        """Products the message names, in the order it names them (each phrase of a list
        such as "compare X and Y" separately). A phrase that names only a brand borrows the
        kind from the list ("the ridgeline and wildpine headlamps") or from `kind_hint`, the
        kind of product the conversation is about ("what about the coreforge one")."""
        message = _GO_FOR.sub(" ", self._without_pronoun_one(message))
        message = _COUNT_OF.sub(" ", message)  # «2 of the roamly»: no «Roamly Lite 2»
        message = _BUDGET_MAX.sub(" ", message)  # «65 bucks max»: no «… Max 2» model
        message = _IN_A_SIZE.sub(" ", message)
        cut = message  # «Leaf & Kettle Classic» is one name, not two phrases
        if self._joined_brands:
            cut = self._joined_brands.sub(lambda m: m.group(0).replace("&", _KEPT_AND), message)
        phrases = [part.replace(_KEPT_AND, "&") for part in _SPLIT.split(cut) if part.strip()]
        kind = ""  # the kind the list names, in its last phrase that names one
        for phrase in reversed(phrases):
            said = [t for w in _words(phrase) for t in self._title_words_for(w)]
            # (not the «2» of «the summit supply zen 2», which «… 2 Trekking Poles» share)
            if kind := " ".join(w for w in said if w in self.type_words and not w.isdigit()):
                break
        found: dict[str, Mention] = {}
        said_words = self._said_title_words(message)
        branded = set().union(
            *(held for b, held in self._of_brand.items() if b and b <= said_words)
        )
        for phrase in phrases if len(phrases) > 1 else [message]:
            if found and self._only_options_of(phrase, found):
                continue  # "the chai, 1kg whole bean": the chai's options, not a second product
            best = self._best_with_kind(phrase, [kind, kind_hint])
            # «… a spot gel. thinking the purelle sport x cream»: the last sentence, when it
            # names one product alone (not «i have the X. is the wave speaker any good?»)
            *_, last = _SENTENCE_END.split(phrase)
            if last != phrase and len(alone := self._best_with_kind(last, [kind, kind_hint])) == 1:
                best = alone
            # «the other oakhaven, the prime x.»: of the namesakes, the brand said beside them
            of_brand = [m for m in best if m.product_id in branded]
            if len(best) > 1 and of_brand:
                best = of_brand
            for mention in best:
                found.setdefault(mention.product_id, replace(mention, phrase=phrase))
        if not found and kind_hint:
            found = {m.product_id: m for m in self._model_of_the_kind(message, kind_hint)}
        if not found and len(phrases) > 1:
            # (a brand and a kind said across the phrases are several products: not another
            # that the words of both happen to name, «bean republic cold brew, … ground»)
            several = set(self.of_brand_and_kind(message, kind_hint, said_kind=True))
            whole = self._best(message)
            apart = several and not several & {m.product_id for m in whole}
            for mention in [] if apart else whole:
                found.setdefault(mention.product_id, replace(mention, phrase=message))
        return list(found.values())

    def _model_of_the_kind(self, message: str, kind_hint: str) -> list[Mention]:
        """«and the zen x in white» beside skillets: of the Zen X namesakes, the skillet."""
        said = self._said_title_words(f"{message} {kind_hint}")
        return [replace(m, phrase=message) for m in self._model_and_kind(said, message)]

    def _best_with_kind(self, phrase: str, kinds: list[str]) -> list[Mention]:
        """The phrase's products; for a phrase that only says a brand, with a kind added."""
        kinds = [kind.lower() for kind in kinds]  # («Water Bottle», the ending of a title)
        best = self._best(phrase)
        if len(best) == 1 and (of_kind := self._namesake_of_kind(phrase, best[0], kinds)):
            return [of_kind]
        for kind in kinds if len(best) > 1 else []:  # «the Wildpine Go … bottles»: the bottle
            of_kind = [m for m in best if kind and kind in self._title(m.product_id)]
            if 0 < len(of_kind) < len(best):
                return of_kind
        if best or not self._names_a_brand(phrase):
            return best
        said = self._said_title_words(phrase)
        own = {word for word in said & self._final_words if singular(word) not in FORM_WORDS}
        if own:  # «the kestrel running shorts»: its own kind, not the hint's («two sets»: none)
            return []
        # «a flexa resistance band set» beside dumbbells: words of another kind, not the hint's
        exact = {form for word in _words(phrase) for form in (word, singular(word), f"{word}s")}
        others = {
            word  # said as typed (not «iphone» read as «phone»)
            # not Bean Republic's «bean», «green» of a version, nor «one»
            for word in exact & self.type_words & self._one_aisle_words
            if word not in self.all_brand_words
            and word not in self.version_words
            and word not in IGNORED | {"one", "ones"}
            and singular(word) not in FORM_WORDS
        }
        for kind in kinds:
            if others and not others & set(_words(kind)):
                continue
            if kind and (best := self._best(f"{phrase} {kind}")):
                return best
        return []

    def _namesake_of_kind(self, phrase: str, best: Mention, kinds: list[str]) -> Mention | None:
        """«the atlas & oak prime one» beside crossbody bags: its Prime 800 crossbody bag, not
        the Prime 2 backpack that the same words fit more tightly (a shorter title)."""
        for kind in (kind for kind in kinds if kind):
            if kind in self._title(best.product_id):
                return None
            fuller = self._best(f"{phrase} {kind}")
            if (
                len(fuller) == 1
                and kind in self._title(fuller[0].product_id)
                and set(best.words) <= set(fuller[0].words)
            ):
                return fuller[0]
        return None

    def brand_one_of_kind(self, best: list[Mention], kinds: list[str]) -> list[Mention]:
        """«the kestrel one in M» among hoodies: the brand's products of that kind, not its
        «One 700» jacket (after a brand, «one» stands for a product as often as for the model
        One); [] when the mention says more of its title, or the brand has none of the kind."""
        if len(best) != 1 or set(best[0].words) - self.brand_words[best[0].product_id] != {"one"}:
            return []
        (said,) = best
        # «the kestrel one» beside crossbody bags: Kestrel Travel's too
        brand = self.brand_words[said.product_id]
        holders = set().union(*(held for words, held in self._of_brand.items() if brand <= words))
        wanted = [kind.lower() for kind in kinds if kind]
        head = self._title(said.product_id).split()[-1]
        # of the same kind («the Bassline One» beside Bassline studio headphones): its model
        for kind in (kind for kind in wanted if kind.split()[-1] != head):
            of_kind = sorted(pid for pid in holders if kind in self._title(pid))
            if of_kind:  # several: which of the brand's bottles, never its tent
                return [replace(said, product_id=pid) for pid in of_kind]
        return []

    def brand_one_in_view(self, best: list[Mention], in_view: list[str]) -> str | None:
        """«no i meant the atlas & oak one» beside one Atlas & Oak bag: that bag, not the
        brand's «One S», «One X» and «One 2» (after a brand, «one» stands for a product as
        often as for the model One); None when the view holds none or several of the brand."""
        if not best or len({m.phrase for m in best}) != 1:
            return None
        brand = self.brand_words[best[0].product_id]
        extra = set(best[0].words) - brand
        if "one" not in extra:
            return None
        # «the chargewell one for my iphone 15» beside Chargewell's car phone mount: a word
        # the one in view has too («phone») leaves it that one
        extra -= {"one"}
        held = [
            pid
            for pid in dict.fromkeys(in_view)
            if brand <= self.brand_words.get(pid, set()) and extra <= set(_words(self._title(pid)))
        ]
        return held[0] if len(held) == 1 and held[0] not in {m.product_id for m in best} else None

    def _title(self, product_id: str) -> str:
        return self.catalogue.products[product_id].title.lower()

    def _only_options_of(self, phrase: str, found: dict[str, Mention]) -> bool:
        """Whether every word of a phrase is an option value («1kg whole bean», «in M»)
        of a product already named."""
        said = set(_OPTION_WORD.findall(phrase.lower())) - _CONNECTIVES
        values = {
            word
            for pid in found
            for variant in self.catalogue.products[pid].variants
            for value in variant.options.values()
            for word in _OPTION_WORD.findall(value.lower())
        }
        return bool(said) and said <= values

    def _names_a_brand(self, phrase: str) -> bool:
        """Whether a phrase says a brand as written or misspelt ("corefoge"), not another
        form of a title word ("i wanted beans" names no "Bean Republic"), nor an everyday
        word («every morning» names no «Morning Ritual»)."""
        words = _words(phrase)
        for position, word in enumerate(words):
            if position and words[position - 1] in _BEFORE_A_WORD:
                continue
            if word in self.all_brand_words:
                return True
            if (
                word.rstrip("s") not in self.idf
                and self._title_words_for(word) & self.all_brand_words
            ):
                return True
        return False

    def _without_pronoun_one(self, message: str) -> str:
        """The message without "one" where it stands for a product ("the cheapest one"),
        kept where it is part of a name ("ampere one")."""
        message = _ONE_FOR_EACH.sub(  # «the Ampere One for my iPhone» keeps its «One»
            lambda m: (
                m.group(0)
                if m.group(1) and self._before_one(m.group(1).lower())
                else f"{m.group(1) or ''} "
            ),
            message,
        )
        return _PRONOUN_ONE.sub(
            lambda m: (
                m.group(0)
                if self._before_one(m.group(1).lower()) or self._one_model(m)
                # «make the edge ones 2»: a count after, no «Edge 2» model
                else m.group(1) + ("," if re.match(r"\s*\d", m.string[m.end() :]) else "")
            ),
            message,
        )

    def _one_model(self, said: re.Match[str]) -> bool:
        """Whether «one» is a model's with its mark after it («the one x. in red»)."""
        after = re.match(r"\s+([a-z])\b", said.string[said.end() :], re.I)
        return (
            bool(after) and said[0].lower().endswith("one") and after[1].lower() in self.one_marks
        )

    def _before_one(self, word: str) -> bool:
        """Whether a title's "one" follows the word, said right or misspelt ("basline one")."""
        return word in self.before_one or bool(self._title_words_for(word) & self.before_one)


def _brand_pattern(brand: str) -> str:
    """«Atlas & Oak» as written however the «&» is spaced («atlas&oak»)."""
    return r"\s*&\s*".join(re.escape(part.strip()) for part in brand.split("&"))


def _type_words(catalogue: Catalogue) -> set[str]:
    """Words that say what kind of product it is: the endings of titles that several brands
    share ("bluetooth speaker", "kids headphones", "yoga mat"), and category words."""
    endings: dict[tuple[str, ...], set[str]] = {}
    for product in catalogue.products.values():
        words = tuple(_words(product.title))
        brand = product.brand.lower()
        for size in range(1, min(4, len(words))):
            endings.setdefault(words[-size:], set()).add(brand)
    shared = {word for ending, brands in endings.items() if len(brands) >= 2 for word in ending}
    categories = {word for category in catalogue.categories() for word in _words(category)}
    return shared | categories
