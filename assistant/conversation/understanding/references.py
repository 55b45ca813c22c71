"""Which products a request is about: ids, product names anywhere in the catalogue, positions
in the list just shown ("the second one"), comparatives among them ("the cheaper one"),
their options ("the black one"), and pronouns ("it", "that one") for the product in focus."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.catalogue.models import Catalogue, Product
from assistant.conversation.state import DialogueState
from assistant.conversation.understanding.comparatives import (
    comparative_pick,
    price_asked,
    same_kind,
    the_other,
)
from assistant.conversation.understanding.shown_words import (
    by_its_facts,
    distinctive_match,
    each_named_apart,
    model_mark,
)
from assistant.conversation.understanding.told_about import told_about
from assistant.search.mentions import Mention, ProductMentions

ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
}
_ORDINAL = re.compile(
    # not «and a second one for my husband's galaxy s24»: one more, not the second listed
    r"\b(?<!\ba )(?<!\ban )(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th"
    # «the last one», «last one pls»; not «how long does the battery last?»
    r"|(?:(?<=\bthe )|(?<=\bthat )|(?<=\bthis )|(?<=^))last(?=\s+(?:one|ones|of|item|option)\b)"
    r"|(?:(?<=\bthe )|(?<=\bthat ))last(?!\s+\w)"
    r"|(?:(?<=\bthe )|(?<=\bthat ))middle(?=\s+(?:one|item)\b))"  # of three: the second
    r"\b(?! (?:time|order|thing))"
    r"|\b(?:number|no\.?|#|option|item)\s*(\d)\b",
    re.I,
)
DEICTIC = re.compile(
    r"\b(it|its|it's|that|this|that one|this one|the one|them|those|these|they|their|both)\b",
    re.I,
)
DECIDED_ON = re.compile(  # «Sonara then», «roastery it is», «ok the quietude»
    r"^\W*(?:(?:ok|okay|hmm+|right|fine|so)\W+)*(?:the\s+)?([a-z][\w&' -]{1,40}?)\s+"
    r"(?:then|it is|it's)\b|^\W*(?:ok|okay|fine|right|alright)\W+the\s+([a-z][\w&' -]{1,30}?)\W*$",
    re.I,
)


_NO_PICK = frozenset("ok okay fine right so alright yes yeah yep no nah hmm well and but".split())


def decided_in_a_word(message: str) -> str:
    """The one word a pick is said by («roastery it is», «ok the quietude»), else ""."""
    said = DECIDED_ON.match(message)
    picked = (said[1] or said[2]) if said else ""
    return picked if len(picked.split()) == 1 and picked.lower() not in _NO_PICK else ""


_IT = re.compile(r"\b(it|its|it'?s)\b", re.I)
# «right, Blade & Bowl it is.»: a decision, in which «it» points at nothing
_DECIDED = re.compile(r"\b(?:it is|it'?s)\W*(?:then\W*)?(?=[.!,;]|$)", re.I)
_WHICH_OF_THEM = re.compile(r"\bwhich\s+(?:one\s+)?of\s+(?:them|these|those|the\s+list)\b", re.I)
# words that say counts or sizes as often as models («add one s and one m», «one, 2 actually»)
_NO_MODEL_WORDS = frozenset(
    "one two go s m l xl xs x 2 3 4 5 6 7 8 9 10 100 200 300 400 500 600 700 800 900".split()
)
_ASKED_OR_IF = re.compile(r"\?|\b(?:if|can i|could i|when|later)\b", re.I)
_COME_TO = re.compile(
    r"\b(?:come|comes|coming)\s+to\b|\b(?:cost|costs)\s+(?:altogether|in total|all in)\b", re.I
)
_TAKE_OUT = re.compile(
    r"\b(?:remove|take\s+(?:them|those|these|both)\s+out|take\s+out|drop|delete|get\s+rid\s+of)"
    r"\s+(?:them|those|these|both)\b",
    re.I,
)
_PLURAL_DEICTIC = re.compile(r"\b(them|those|these|they|their|both|all of them)\b", re.I)
# a pronoun that points at the product in focus, whatever options follow it
# («ok i'll size up, L in navy» after its reviews said it runs small: the one in view too)
_POINTS_AT_FOCUS = re.compile(
    r"\b(it|those|them|these|that one|this one|size (?:up|down)|(?:go|going) (?:up|down) a size)\b",
    re.I,
)
_PRODUCT_ID = re.compile(r"\b(P\d{3,6})\b")
_OPTION_PHRASE = re.compile(
    r"\bthe \w+(?: \w+)? ones?\b|\bin (?:the )?\w+\b|^\W*\w+(?: \w+)? ones?\W*$"
    r"|\bof the \w+(?: \w+)?\W*$",  # «half a dozen of the 500g ground»
    re.I,  # «blue one»
)
# «does it come in blue?», «is there a black one?»: asked of the one listed first
_ASKED_OF_IT = re.compile(r"\?|^\W*(?:does|do|is|are|can|could)\b", re.I)
_GROUP_SAID = re.compile(r"\b(?:both|all|each)\b", re.I)
# «the red one», «the grey ones»: a pick among those listed by a version, not a version of one
_THE_OPTION_ONE = re.compile(r"\bthe \w+(?: \w+)? ones?\b", re.I)
# «swap the atlas ones for the voyagr set», «replace X with Y», «Y instead of the X»
_SWAP_FOR = re.compile(
    r"\b(?:swap|replace|switch|exchange|change)\s+(?P<old>[^.?!]{1,80}?)\s+(?:for|with|to)\s+"
    r"(?P<new>[^.?!]{1,80})",
    re.I,
)
_INSTEAD_OF = re.compile(
    r"(?:^|[.?!]\s*)(?P<new>[^.?!]{1,80}?)\s+(?:instead of|in place of)\s+(?P<old>[^.?!]{1,80})",
    re.I,
)
_CART_PRONOUN = re.compile(
    r"it|mine|that|this|that one|this one|my one|the one in my (?:cart|basket)", re.I
)
# «add that one (in black)», «get it»: the one a comparison just named, not «the one in black»
_THAT_ONE = re.compile(
    r"\b(?:that|this) one\b(?! (?:that|which|with|of)\b)"
    r"|^\W*(?:(?:ok|okay|then|fine|cool)\W+)*(?:add|get|grab|buy|order) it\b",
    re.I,
)
# «decaf to go with it», «a case that goes with them»: what a new thing is for, not the thing
GOES_WITH = re.compile(
    r"\b(?:to go|that (?:goes|go|would go|'?d go|works?|matches)|to use|to wear|to pair|to match)"
    r"\s+with\s+(?:it|that|this|them|those|these|(?:that|this) one)\b",
    re.I,
)
_BARE_DEICTIC = re.compile(r"(?:that|this|those|these)(?: ones?)?", re.I)
# «add the X as well, not instead of the Y», «don't replace the Y»: nothing is traded
_KEEPS_BOTH = re.compile(r"\b(?:not|don'?t|dont|never|as well|too|also|keep)\b", re.I)


@dataclass
class References:
    """The products meant, in order, and how they were named."""

    ids: list[str]
    kind: str | None  # id, mention, ordinal, superlative, shown-word, option, deictic
    plural: bool = False  # "them", "both": the shown products rather than one
    phrases: dict[str, str] = field(default_factory=dict)  # product id -> words that named it
    replaces: str | None = None  # the cart's product this one takes the place of
    counted: bool = False  # «all three morning ritual ones»: a group counted off the list


class ReferenceResolver:
    """Resolves references against the catalogue and the dialogue's shown list and focus."""

    def __init__(self, catalogue: Catalogue, mentions: ProductMentions) -> None:
        self.catalogue = catalogue
        self.mentions = mentions
        self._brand_models: dict[str, dict[str, set[str]]] = {}

    def resolve(
        self,
        message: str,
        state: DialogueState,
        options: dict[str, str],
        cart: list[str] | None = None,
        basket: list[str] | None = None,
    ) -> References:
        """The products a request points at in the dialogue `state`; empty when it names none.
        With `cart` (for changes to the cart) "the duffel" or "the blue one" is looked for
        there first; the `basket` (the cart's products, for any request) is looked in last
        («is the car mount's seller legit?» after adding a mount and a cable)."""
        focus, talked = state.focus, state.talked_about
        message = GOES_WITH.sub(" ", message)  # «also need decaf to go with it»: the decaf
        shown = [pid for pid in state.shown if pid in self.catalogue.products]
        in_cart = list(dict.fromkeys(cart or []))
        for finder in (
            self._ids,
            lambda text: self._model_of_the_brand_in_view(text, focus),  # «the lite x one»
            # «so what do the curtains come to?»: the cart's curtains, not the ones listed
            lambda text: (
                self._shown_word(text, basket) if basket and _COME_TO.search(text) else None
            ),
            lambda text: References(ids, "ordinal") if (ids := self._told(text, talked)) else None,
            lambda text: self._swapped(text, in_cart, focus, shown) if in_cart else None,
            lambda text: _the_other(
                text, same_kind(self.catalogue, shown, focus), focus, in_cart, list(basket or [])
            ),
            lambda text: _the_other_few(
                text, shown, focus, in_cart or list(basket or []), self._set_aside(text, state)
            ),
            lambda text: self._each_shown(text, shown),
            lambda text: self._other_of_brand(text, shown, focus, in_cart),
            lambda text: self._ones_sharing_a_word(text, shown),  # «the two purelle ones»
            lambda text: self._each_side_shown(text, shown),  # «luma vs dewleaf»
            lambda text: self._the_few_of_a_kind(text, shown),  # «the two teddies»
            # «does the top rated one have noise cancelling?»: ranked, not named by a title word
            lambda text: (
                self._comparative(text, shown, options)
                if not in_cart and _RANKED_ONE.search(text)
                else None
            ),
            # "the kettle one" among kettles and coffees: the shown kettle, not "Leaf & Kettle"
            lambda text: (
                self._shown_word(text, in_cart or shown)
                if self._word_one(text) and not self._names_one_out_of_view(text, in_cart or shown)
                else None
            ),
            lambda text: self._branded_by_facts(text, shown) if self._word_one(text) else None,
            lambda text: self._focus_versions(text, focus),
            lambda text: self._focus_by_name(text, focus),
            # «Sonara then, rose gold, she'll love it», «roastery it is»: the shown one picked
            # by one word (a longer phrase may name a product of its own)
            lambda text: self._decided(text, shown),
            # «the second one» with one product shown, after asking of each in turn: of those
            lambda text: (
                _ordinals(text, talked)
                if len(shown) <= 1 < len(talked) and _THE_NTH_ONE.search(text)
                else None
            ),
            # «add that one in black» right after «which has better battery?»: the one named
            lambda text: (
                References([best], "deictic")
                if (best := _best_just_compared(text, state))
                else None
            ),
            # (of namesakes, one talked about before counts too: «switch back to the sonara»)
            lambda text: self._mentioned(
                text,
                [focus] if focus else shown,
                [focus or "", *shown, *in_cart, *(basket or []), *talked[::-1]],
            ),
            # «do both come in navy?», «are all three in stock?»: each of the few in view
            lambda text: None if in_cart else _the_group(text, shown),
            lambda text: _ordinals(text, shown),
            lambda text: self._shown_word(text, in_cart) if in_cart else None,
            lambda text: self._comparative(text, shown, options, state.versions_added),
            lambda text: self._by_returns(text, shown),  # «the returnable one»
            # «Nova X then. he likes purple»: the one decided on, not «it»
            lambda text: (
                self._shown_word(m[1] or m[2], shown) if (m := DECIDED_ON.match(text)) else None
            ),
            # "is it only ground?": "it" is the product in focus, whatever else a word names
            lambda text: self._it(text, focus),
            lambda text: self._shown_word(text, shown),
            lambda text: self._by_its_facts(text, shown),
            lambda text: self._option(
                text, in_cart or shown, focus, options, state.chosen_options, state.talked_about
            ),
            lambda text: self._shown_word(text, basket) if basket else None,
            lambda text: self._only_one_in_stock_so(text, shown),
        ):
            found = finder(message)
            if found is not None:
                return found
        if len(shown) > 1 and _WHICH_OF_THEM.search(message):
            # «which of them actually lists memory foam?» after asking of one: the list again
            return References(shown, "deictic", plural=True)
        if DEICTIC.search(message):
            plural = bool(_PLURAL_DEICTIC.search(message))
            added = list(dict.fromkeys(line.product_id for line in state.last_added))
            if (
                plural
                and in_cart
                and _TAKE_OUT.search(message)
                and not _ASKED_OR_IF.search(message)
            ):
                # «add the X and the Y», then «remove them»: each of those still in the cart
                group = added if len(added) > 1 else shown if focus in shown[:3] else []
                held = [pid for pid in group[:3] if pid in in_cart]
                if len(group) > 1 and held:
                    return References(held, "deictic", plural, counted=True)
            if plural and focus in added and len(added) > 1 and not in_cart:
                # «add both …», then «can i send them back?»: both of them
                return References(added, "deictic", plural, counted=True)
            if focus:
                return References([focus], "deictic", plural)
            fits = self._the_one_that_fits(shown, {**state.chosen_options, **options})
            if fits and _SO_MANY_OF_THEM.search(message):
                return References([fits], "deictic")  # «queen then, a pair of them»
            if len(shown) == 1 or (plural and shown):
                return References(shown[:2] if plural else shown, "deictic", plural)
            if fits:
                return References([fits], "deictic")
        return References([], None)

    def _only_one_in_stock_so(self, message: str, shown: list[str]) -> References | None:
        """«half a dozen of the 500g ground» beside two cold brews, one sold out in every
        version: the one listed that has the versions said in stock."""
        if len(shown) < 2 or not _OPTION_PHRASE.search(message):
            return None
        named = {
            pid: said
            for pid in shown
            if (said := self.catalogue.products[pid].options_named_in(message))
        }
        fits = [
            pid for pid, said in named.items() if in_stock_in(self.catalogue.products[pid], said)
        ]
        return References(fits, "option") if len(named) >= 2 and len(fits) == 1 else None

    def _the_one_that_fits(self, shown: list[str], wanted: dict[str, str]) -> str | None:
        """«fleece hoodie, navy, XL», then «add it, XL»: of those listed, the only one in
        stock in the versions searched and said."""
        if not wanted or len(shown) < 2:
            return None
        fits = [pid for pid in shown if in_stock_in(self.catalogue.products[pid], wanted)]
        return fits[0] if len(fits) == 1 else None

    def their_as_brand(self, message: str, focus: str | None) -> str:
        """«their aero tote» beside a Kestrel Travel bag: «Kestrel Travel aero tote», when
        the word after «their» is a word of that brand's titles."""
        product = self.catalogue.products.get(focus or "")
        from_them = _FROM_THEM.search(message)
        if product is not None and from_them:
            # «one of the decaf from them»: «one of their decaf»
            message = (
                f"{message[: from_them.start()]}their {from_them[1]}{message[from_them.end() :]}"
            )
        said = _THEIR.search(message)
        if product is None or not product.brand or said is None:
            return message
        word = said[1].lower()
        # «their aero tote»: a model word; not «my sister lost their backpack» (a kind)
        if word not in self.mentions.brand_words_of_titles(product.brand):
            return message
        # «a couple of their packing cubes», «one of the decaf from them»: a kind they make
        counted = bool(from_them or _OF_THEIR.search(message))
        if word in self.mentions.type_words and not counted:
            return message
        return message[: said.start()] + product.brand + " " + message[said.start(1) :]

    def _swapped(
        self, message: str, in_cart: list[str], focus: str | None, shown: list[str]
    ) -> References | None:
        """A product of the cart traded for another named one («swap the atlas ones for the
        voyagr set», «swap it for the ironpeak in blue»): the new one, which replaces the old."""
        said = _SWAP_FOR.search(message) or _INSTEAD_OF.search(message)
        if said is None or _KEEPS_BOTH.search(message):
            return None
        old_said = said["old"].strip()
        if _CART_PRONOUN.fullmatch(old_said):
            # «it», «mine»: the cart's line in view, or the cart's only product
            olds = [focus] if focus in in_cart else in_cart[:1] if len(in_cart) == 1 else []
        else:
            old = self._shown_word(said["old"], in_cart) or self._mentioned(said["old"], in_cart)
            olds = [pid for pid in old.ids if pid in in_cart] if old else []
        if len(olds) != 1:
            return None
        new_words = re.split(r"\s+and\s+|,", said["new"])[0]  # «…1kg and make that 3»
        # «swap the meeple one for that»; not «the 50 ml… switch it to that one» (a version)
        if _BARE_DEICTIC.fullmatch(new_words.strip()) and not _CART_PRONOUN.fullmatch(old_said):
            others = [pid for pid in shown if pid not in in_cart]
            news = [focus] if focus and focus not in in_cart else others
            if len(news) != 1:
                return References([], None)  # several shown: «which one?», not the old again
            return References(news, "deictic", replaces=olds[0])
        if self.catalogue.products[olds[0]].only_options_in(new_words, _FILLER):
            return References(olds, "option")  # «switch it to the whole bean 1kg»: its version
        placed = _ordinals(new_words, shown) if _THE_NTH_ONE.search(new_words) else None
        if placed and len(placed.ids) == 1 and placed.ids[0] not in in_cart:
            return References(placed.ids, "ordinal", replaces=olds[0])  # «… for the first one»
        new = self._mentioned(said["new"], olds) or self._shown_word(  # «the sonara» shown
            said["new"], [pid for pid in shown if pid not in in_cart]
        )
        news = [pid for pid in new.ids if pid not in in_cart] if new else []
        if len(news) != 1 or new is None:
            return None
        return References(news, "mention", phrases=new.phrases, replaces=olds[0])

    def _focus_versions(self, message: str, focus: str | None) -> References | None:
        """«1 kg whole bean then» beside the chai: versions of the product in view, not the
        «Whole Bean Coffee» its words also name."""
        product = self.catalogue.products.get(focus or "")
        # «ok add a 500g bag of that, whole bean», «add the 1kg whole bean»: the one in view,
        # in that version
        if product is None or not product.only_options_in(message, _FILLER | _ADD_WORDS):
            return None
        return References([product.id], "option")

    def _focus_by_name(self, message: str, focus: str | None) -> References | None:
        """«add the Bean Republic cold brew, 1 kg ground» beside that cold brew: the product in
        view, by its brand and words of its title, in a version it comes in (though another
        Bean Republic coffee is «ground»)."""
        product = self.catalogue.products.get(focus or "")
        if product is None or not product.brand or product.brand.lower() not in message.lower():
            return None
        title = set(re.findall(r"[\w&'-]+", product.title.lower()))
        rest = " ".join(w for w in re.findall(r"[\w&'-]+", message.lower()) if w not in title)
        return (
            References([product.id], "mention")
            if product.only_options_in(rest, _FILLER | _ADD_WORDS)
            else None
        )

    def _branded_by_facts(self, message: str, shown: list[str]) -> References | None:
        """«the ceramic blade & bowl one» beside two Blade & Bowl knives: the shown products
        of the brand said, told apart by their facts (the ceramic one)."""
        said = set(re.findall(r"[a-z-]+", message.lower())) - {"yes", "no"}
        products = [self.catalogue.products[pid] for pid in shown]
        branded = [p for p in products if p.brand and p.brand.lower() in message.lower()]
        hits = [
            p.id
            for p in branded
            if said & set(re.findall(r"[a-z-]+", " ".join(p.attributes.values()).lower()))
        ]
        return References(hits, "shown-word") if len(branded) > 1 and len(hits) == 1 else None

    def _word_one(self, message: str) -> bool:
        """«the kettle one», «Blade & Bowl one in green»: a shown product by a word of it,
        unless the message names products in full («the IronPeak Pro and the Zenmotion One»)."""
        said = _THE_WORD_ONE.search(message)
        if not said or self._names_a_one(said.group(0)) or self.names_several(message):
            return False
        return len(message.split()) <= _WORD_ONE_MAX_WORDS or len(self.mentions.find(message)) < 2

    def _names_a_one(self, said: str) -> bool:
        """Whether «the Bassline One», written as a name, is a title's model («… One …»);
        «Blade & Bowl one», written small, is a shown product of that brand."""
        if not said.endswith(" One"):
            return False
        name = said.removeprefix("the ").removeprefix("The ").lower()
        if name.split()[-2] not in self.mentions.before_one:
            return False  # no title has «<word> One»: the titles need no scan (100k products)
        return any(name in product.title.lower() for product in self.catalogue.products.values())

    def _model_of_the_brand_in_view(self, message: str, focus: str | None) -> References | None:
        """«add the lite x one then» after asking of the Clearwell Lite 2: the brand's other
        model whose model words («lite x») the message says, not a «Lite» of another brand."""
        product = self.catalogue.products.get(focus or "")
        if product is None:
            return None
        said = _title_words(message)
        models = self._models_of_brand(product.brand)
        if any(b != product.brand and _title_words(b) <= said for b in self._brand_models):
            return None  # «… than the purelle pro x?»: another brand's said too
        lowered = f" {' '.join(re.findall(r'[a-z0-9]+', message.lower()))} "
        fitting = [
            pid
            for pid, model in models.items()
            if len(model) > 1
            and model <= said
            and model - _NO_MODEL_WORDS  # «add one s and one m»: sizes and counts, no model
            and f" {_in_title_order(self.catalogue.products[pid].title, model)} " in lowered
        ]  # («2 of the second one» says no «One 2»: the model's words together, in order)
        if product.id in fitting or len(fitting) != 1:
            return None  # «add the brickton aero 2» after its Aero 2 game: not its Aero 2 teddy
        return References(fitting, "mention")

    def _models_of_brand(self, brand: str) -> dict[str, set[str]]:
        """Each of a brand's products by its model words: its title less the brand and the
        words every title of its kind shares («Lite X» of «… Mineral Sunscreen SPF 50»)."""
        if not self._brand_models:  # built on first use: one pass over the catalogue
            kin: dict[tuple[str, ...], list[set[str]]] = {}
            for product in self.catalogue.products.values():
                kin.setdefault(_ending(product.title), []).append(_title_words(product.title))
            shared = {end: set.intersection(*titles) for end, titles in kin.items()}
            for pid, product in self.catalogue.products.items():
                model = _title_words(product.title) - _title_words(product.brand)
                model -= (
                    shared[_ending(product.title)]
                    if len(kin[_ending(product.title)]) > 1
                    else set()
                )
                self._brand_models.setdefault(product.brand, {})[pid] = model
        return self._brand_models.get(brand, {})

    @staticmethod
    def _it(message: str, focus: str | None) -> References | None:
        """ "It" for the product in focus ("that kettle" names a listed one, "them" the list)."""
        said = _DECIDED.sub(" ", message)
        if focus and _IT.search(said) and not _PLURAL_DEICTIC.search(message):
            return References([focus], "deictic")
        return None

    def _ids(self, message: str) -> References | None:
        ids = [pid for pid in _PRODUCT_ID.findall(message) if pid in self.catalogue.products]
        return References(list(dict.fromkeys(ids)), "id") if ids else None

    def _told(self, message: str, talked: list[str]) -> list[str]:
        return told_about(message, talked, self.mentions)  # «the first one you told me about»

    def _comes_in_the_version_said(self, message: str, products: list[str]) -> str | None:
        """Of a brand's few products of a kind, the only one sold in every value the message
        names («the red copperline medium» when one Copperline skillet comes in red)."""
        best: list[str] = []
        most = 0
        for pid in products:
            product = self.catalogue.products[pid]
            named = product.options_named_in(message)
            sold = any(
                all(v.options.get(k, "").lower() == value.lower() for k, value in named.items())
                for v in product.variants
            )
            # «one black and two white»: every colour said is sold, not only the one kept
            listed = product.values_named_in(message)
            if not named or not sold or any(len(values) > 1 for values in listed.values()):
                continue
            if len(named) > most:
                best, most = [pid], len(named)
            elif len(named) == most:
                best.append(pid)
        return best[0] if len(best) == 1 else None

    def _mentioned(
        self, message: str, about: list[str], context: list[str] | None = None
    ) -> References | None:
        """The products named; of namesakes, the one the conversation holds if it holds one."""
        # «and a jump rope, the pulsefit one» beside yoga mats: the kind said leads
        hint = (
            (self.mentions.kind_said(message) or self.mentions.kind_hint(about[0])) if about else ""
        )
        found = self.mentions.find(message, kind_hint=hint)
        # a kind said beside the conversation's is of another product of the brand
        alike, by_price = ([], False) if found else self._of_brand_and_kind(message, hint)
        if by_price:
            return self._compared(alike, message, message)  # «the cheaper roamly backpack»
        if not found and alike:
            return self._of_the_alike(message, alike, context or about)
        if not found:
            return None
        branded = set(found[0].words) & self.mentions.all_brand_words  # not «vitamin c serums»
        if len({m.phrase for m in found}) == 1 < len(found) and branded:
            held = [m for m in found if m.product_id in (about if context is None else context)]
            found = held if len(held) == 1 else found
        typed_one = re.search(r"\bOne\b", message)  # «the Bassline One»: a model, as typed
        if not typed_one and (in_view := self._brand_ones_in_view(found, context or about)):
            return in_view
        if len(found) == 1 and found[0].product_id not in (context or about) and not typed_one:
            # «the kestrel one in M» among hoodies: Kestrel's hoodie, not its «One 700» jacket
            found = self.mentions.brand_one_of_kind(found, [hint]) or found
            # «is the blade & bowl one loud?» beside its Sport S air fryer: that one of the two
            held = [m for m in found if m.product_id in (context or about)]
            found = held if len(found) > 1 and len(held) == 1 else found
        if len(found) == 1 and (kept := self._held_instead(message, found[0], context or [])):
            return References([kept], "mention", phrases={kept: found[0].phrase})
        return References(
            [m.product_id for m in found],
            "mention",
            phrases={m.product_id: m.phrase for m in found},
        )

    def _of_the_alike(
        self, message: str, alike: list[str], held_by: list[str]
    ) -> References | None:
        """Of a make's products of one kind, the one the conversation holds, the other of
        two, the one in the version said, else all of them (or none when several are held)."""
        held = [pid for pid in alike if pid in held_by]
        rest = [pid for pid in alike if pid not in held]
        if held and re.search(r"\b(?:the )?other\b", message, re.I):
            # «the other morning ritual cold brew then» beside one of the two
            return (
                References(rest, "mention", phrases={rest[0]: message}) if len(rest) == 1 else None
            )
        if len(held) == 1:  # «swap it for the sonara» beside the Sonara compared before
            return References(held, "mention", phrases={held[0]: message})
        if fits := self._comes_in_the_version_said(message, alike):
            return References([fits], "mention", phrases={fits: message})  # «red copperline»
        if held:
            return None
        return References(alike, "mention", phrases=dict.fromkeys(alike, message))

    def _of_brand_and_kind(self, message: str, hint: str) -> tuple[list[str], bool]:
        """A make's products of the kind in view or said («what do the wildpine ones cost»),
        and whether they are of the kind said for a comparative to pick among («the cheaper
        roamly backpack» with nothing in view)."""
        alike = self.mentions.of_brand_and_kind(message, hint, said_kind=bool(hint))
        if not alike and _PRICE_PICK.search(message):
            priced = self.mentions.of_brand_and_kind(message, hint, said_kind=True)
            return priced, bool(priced)
        return alike, False

    def _compared(self, namesakes: list[str], message: str, phrase: str) -> References:
        """Of namesakes, the one a comparative picks («the cheaper roamly backpack»), else
        all of them."""
        products = [self.catalogue.products[pid] for pid in namesakes]
        asked_which = re.search(r"\bwhich\b", message, re.I)  # «which roamly one is cheaper?»
        if (
            len(namesakes) > 1
            and not asked_which
            and (picked := comparative_pick(message, products))
        ):
            return References([picked.id], "superlative", phrases={picked.id: phrase})
        return References(namesakes, "mention", phrases=dict.fromkeys(namesakes, phrase))

    def _brand_ones_in_view(self, found: list[Mention], in_view: list[str]) -> References | None:
        """«no i meant the atlas & oak one» beside Atlas & Oak's crossbody: that one; of
        several things named («the northtrail one in grey, plus the cairn poles» beside a
        tent), each so said; None when no part of the message is so said."""
        if len({m.phrase for m in found}) < 2:
            one = self.mentions.brand_one_in_view(found, in_view)
            return References([one], "mention", phrases={one: found[0].phrase}) if one else None
        picked = {
            m.product_id: None
            if self._model_one(m.product_id)  # «bassline one vs …»: the Bassline One itself
            else self.mentions.brand_one_in_view([m], in_view)
            for m in found
        }
        if not any(picked.values()):
            return None
        ids = [picked[m.product_id] or m.product_id for m in found]
        phrases = {(picked[m.product_id] or m.product_id): m.phrase for m in found}
        return References(list(dict.fromkeys(ids)), "mention", phrases=phrases)

    def _model_one(self, product_id: str) -> bool:
        """Whether a product's model is «One» alone («Bassline One Wireless …»), not «One
        300» or «One X»: said after its make, «one» names it."""
        words = self.catalogue.products[product_id].title.lower().split()
        at = words.index("one") if "one" in words else -1
        after = words[at + 1] if 0 <= at < len(words) - 1 else ""
        return at >= 0 and not model_mark(after)

    def _set_aside(self, message: str, state: DialogueState) -> str | None:
        """The one «the other two» leave out: one of those shown named before it («the
        auralpeak is way over my budget. add the other two»), else the winner just compared
        («… which is cheapest», then «add the other two»)."""
        said = _OTHER_FEW.search(message)
        if said is None:
            return None
        before = self._shown_word(message[: said.start()], state.shown)
        if before is not None and len(before.ids) == 1:
            return before.ids[0]
        if state.best_compared and state.best_compared[1] == state.turns - 1:
            return state.best_compared[0]
        return None

    def _names_one_out_of_view(self, message: str, in_view: list[str]) -> bool:
        """«is the Playwise Studio one ok?» beside the Playwise Classic 700 alone: its brand and
        model name a product not in view, so «the X one» is not the one in view."""
        found = self.mentions.find(message)
        if len(found) != 1 or found[0].product_id in in_view:
            return False
        said = set(found[0].words) - self.mentions.brand_words[found[0].product_id] - {"one"}
        return bool(said) and found[0].product_id in self.catalogue.products

    def _held_instead(self, message: str, found: Mention, context: list[str]) -> str | None:
        """The product in view the words said fit, when the one found leaned on a word not said
        («the kestrel aero» beside Kestrel's tee: not Kestrel Travel's Aero tote)."""
        if found.product_id in context:
            return None
        said = {word for word in found.words if re.search(rf"\b{re.escape(word)}", message, re.I)}
        if not said or said == set(found.words):
            return None
        held = [
            pid
            for pid in dict.fromkeys(context)
            if pid in self.catalogue.products
            and said <= set(re.findall(r"[\w&'-]+", self.catalogue.products[pid].title.lower()))
        ]
        return held[0] if len(held) == 1 else None

    def _comparative(
        self,
        message: str,
        shown: list[str],
        options: dict[str, str] | None = None,
        versions: dict[str, dict[str, str]] | None = None,
    ) -> References | None:
        pool = shown[:2] if re.search(r"\b(two|both)\b", message, re.I) else shown
        # «the cheapest one in blue»: the cheapest of those that come in blue
        having = [pid for pid in pool if in_stock_in(self.catalogue.products[pid], options or {})]
        # (not «the cheaper of those two in grey»: the two are set, grey asked of the cheaper)
        pool = having if options and having and not _OF_THE_FEW.search(message) else pool
        price_of = None
        if versions:  # «take out the priciest one»: by the version each line holds

            def price_of(product: Product) -> int:
                held = versions.get(product.id)
                return price_asked(product, " ".join(held.values()) if held else message)

        products = [self.catalogue.products[pid] for pid in pool]
        chosen = comparative_pick(message, products, price_of)
        return References([chosen.id], "superlative") if chosen else None

    def _by_returns(self, message: str, shown: list[str]) -> References | None:
        """«the returnable one», «the one I can send back», «the final sale one»: the one shown
        whose return window says so, when only one does."""
        if said := _RETURNABLE_ONE.search(message):
            wanted = said[2] is None  # «the final sale one»: the one that cannot go back
            hits = [
                pid
                for pid in shown
                if bool(self.catalogue.products[pid].return_window_days) == wanted
            ]
            return References(hits, "superlative") if len(hits) == 1 else None
        return None

    def in_cart(
        self, phrase: str, cart: list[str], versions: dict[str, dict[str, str]] | None = None
    ) -> list[str]:
        """The cart's products a phrase names («the roller», «the Flexa»); «the priciest one»
        by the price of the version in the cart, where `versions` holds it."""
        found = self._shown_word(phrase, cart) or self._mentioned(phrase, cart)
        found = found or self._comparative(phrase, cart, versions=versions)  # «the better one»
        return [pid for pid in found.ids if pid in cart] if found else []

    def _shown_word(self, message: str, shown: list[str]) -> References | None:
        """A shown product named by a distinctive word of its title ('the kettle')."""
        winners = distinctive_match(message, [self.catalogue.products[pid] for pid in shown])
        kind = self.mentions.kind_said(message)  # «a jump rope, the pulsefit one» by yoga mats
        if kind and not any(kind in self.catalogue.products[pid].title.lower() for pid in winners):
            return None
        if winners and self._names_another_model(message, winners):
            return None  # «swap them for the dewleaf edge one» beside the Dewleaf Nova S
        return References(winners, "shown-word") if winners else None

    def _names_another_model(self, message: str, winners: list[str]) -> bool:
        """Whether the message names, besides the brand of a product in view, the model of
        another of that brand («the dewleaf edge one» beside the Dewleaf Nova S)."""
        found = self.mentions.find(message)
        plain = self.mentions.type_words | {"one"}  # «the kestrel one»: no model One
        brands = {self.catalogue.products[pid].brand for pid in winners}
        return bool(found) and all(
            m.product_id not in winners
            and self.catalogue.products[m.product_id].brand in brands
            and set(m.words) - self.mentions.brand_words[m.product_id] - plain
            for m in found
        )

    def _each_shown(self, message: str, shown: list[str]) -> References | None:
        """Shown products named apart («the cairn gear one and the wildpine one»), unless
        the message names products in full, which the mentions read better."""
        hits = each_named_apart(message, [self.catalogue.products[pid] for pid in shown])
        if not hits or self.names_several(message):
            return None
        return References(list(hits), "mention", phrases=hits)

    def _ones_sharing_a_word(self, message: str, shown: list[str]) -> References | None:
        """«how do the two purelle ones compare», «both roamly ones»: the shown products whose
        brand is the one said, when exactly as many are as the message says (two or more)."""
        said = _ONES_OF_A_WORD.search(message)
        if said is None:
            return None
        word = said["word"].lower()
        if not set(word.replace("&", " ").split()) <= self.mentions.all_brand_words:
            return None  # «the trail running ones»: a kind, searched; «the purelle ones»: a make
        having = [
            pid
            for pid in shown
            if re.search(rf"\b{re.escape(word)}\b", self.catalogue.products[pid].title, re.I)
        ]
        wanted = GROUP_SIZES.get((said["count"] or "").lower()) or (2 if said["both"] else 0)
        # «the atlas & oak ones, what colours do they come in?»: each of them, asked of
        asked_of_each = not wanted and "?" in message
        # «add the quietude ones» of a pair of earbuds: one product, not every Quietude shown
        if len(having) < 2 or (len(having) != wanted and not asked_of_each):
            return None
        return References(having, "shown-word", plural=True, counted=True)

    def _each_side_shown(self, message: str, shown: list[str]) -> References | None:
        """«luma vs dewleaf, which is better» after a list: the shown products each side's
        brand names, when each names some."""
        sides = _VERSUS.split(_VERSUS_TAIL.sub("", message))
        if len(sides) != 2:
            return None
        picked = []
        for side in sides:
            words = set(re.findall(r"[a-z&]+", side.lower())) & self.mentions.all_brand_words
            having = [
                pid
                for pid in shown
                if words
                and words <= set(re.findall(r"[a-z&]+", self.catalogue.products[pid].brand.lower()))
            ]
            if not having:
                return None
            picked += having  # («luma» of two Luma serums shown: both set beside the other)
        picked = list(dict.fromkeys(picked))
        return References(picked, "shown-word", plural=True) if 2 <= len(picked) <= 3 else None

    def _other_of_brand(
        self, message: str, shown: list[str], focus: str | None, in_cart: list[str]
    ) -> References | None:
        """«and the other blade & bowl one» beside one of the brand's two shown knives, the one
        in view or in the cart: the other."""
        said = _THE_OTHER_OF_A_BRAND.search(message)
        if said is None or not (focus or in_cart):
            return None
        words = set(said["brand"].lower().replace("&", " ").split())
        if not words or not words <= self.mentions.all_brand_words:
            return None
        brand = [
            pid
            for pid in shown
            if words <= set(self.catalogue.products[pid].brand.lower().replace("&", " ").split())
        ]
        taken = [pid for pid in brand if pid == focus or pid in in_cart]
        others = [pid for pid in brand if pid not in taken]
        if not taken or len(others) != 1:
            return None
        return References(others, "mention", phrases={others[0]: said[0]})

    def _the_few_of_a_kind(self, message: str, shown: list[str]) -> References | None:
        """«the two teddies, both deluxe» beside a post's two teddies and a puzzle: the shown
        products whose titles hold that word, when exactly as many do as the message says."""
        said = _THE_FEW_OF_A_KIND.search(message)
        if said is None:
            return None
        word = said["word"].lower()
        word = word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")
        having = [
            pid
            for pid in shown
            if word in re.findall(r"[a-z]+", self.catalogue.products[pid].title.lower())
        ]
        if len(having) != GROUP_SIZES[said["count"].lower()] or len(having) == len(shown):
            return None  # (all of those shown: «both», as before)
        return References(having, "shown-word", plural=True, counted=True)

    def names_several(self, message: str) -> bool:
        """Whether the message names two or more products in their own words."""
        return len({m.phrase for m in self.mentions.find(message)}) >= 2

    def _decided(self, message: str, shown: list[str]) -> References | None:
        picked = decided_in_a_word(message)
        return self._shown_word(picked, shown) if picked else None

    def _by_its_facts(self, message: str, shown: list[str]) -> References | None:
        hits = by_its_facts(message, [self.catalogue.products[pid] for pid in shown])
        return References(hits, "shown-word") if hits else None

    def _option(
        self,
        message: str,
        shown: list[str],
        focus: str | None,
        options: dict[str, str],
        chosen: dict[str, str] | None = None,
        talked_about: list[str] | None = None,
    ) -> References | None:
        """'The blue one': a shown product that comes in the named option (of several, the
        one talked about: «I'll take the red one from before»)."""
        if not options or not shown or not _OPTION_PHRASE.search(message):
            return None
        if focus in self.catalogue.products:
            if has_options(self.catalogue.products[focus], options):
                return References([focus], "option")  # "get it in olive": the one asked about
            if _POINTS_AT_FOCUS.search(message):
                return None  # «grab me those in white»: still the one in focus, asked which way
        having = [pid for pid in shown if has_options(self.catalogue.products[pid], options)]
        # «softnest towels in navy?» of two, then «2 sets in the king»: the navy one's king
        fitting = [pid for pid in having if has_options(self.catalogue.products[pid], chosen or {})]
        having = fitting or having
        # «blue one» beside two mounts, one sold out in every version (or in blue): the other
        stocked = [pid for pid in having if self.catalogue.products[pid].in_stock]
        having = stocked or having
        if _GROUP_SAID.search(message):
            return None  # «add both in clear»: which two is asked, not the first of them
        if having and having[0] == shown[0] and not _THE_OPTION_ONE.search(message):
            # «add 2 pairs in 12» after «pacer racing flats in a 12?»: the best match, listed
            # first, when it has that version in stock; «does it come in blue?» asks of it
            # whatever its stock
            first = self.catalogue.products[shown[0]]
            if in_stock_in(first, options) or _ASKED_OF_IT.search(message):
                return References(shown[:1], "option")
        # «the red one», «i'll take one in white» beside kettles whose first is sold out in
        # white: a pick among those listed, by the version they have in stock
        in_it = [pid for pid in having if in_stock_in(self.catalogue.products[pid], options)]
        having = in_it or having
        talked = [pid for pid in in_it if pid in (talked_about or [])]
        if len(in_it) > 1 and len(talked) == 1:
            return References(talked, "option")
        if len(in_it) > 1:
            return None  # «the red one» of four carry-ons, two of them red: which one is asked
        return References(having[:1], "option") if having else None


# «a pair of them», «2 of those»: so many of the one meant
_SO_MANY_OF_THEM = re.compile(
    r"\b(?:\d{1,2}|a pair|a couple|two|three|four|five|six)\s+of\s+(?:them|those|these|em)\b", re.I
)
_PRICE_PICK = re.compile(
    r"\b(?:cheaper|cheapest|pricier|priciest|dearer|more expensive|most expensive)\b", re.I
)
# «the cheaper one», «the top rated one»: a one ranked among those in view
_RANKED_ONE = re.compile(
    r"\bthe\s+(?:cheaper|cheapest|pricier|priciest|dearer|more expensive|most expensive"
    r"|(?:better|best|higher|highest|top)[ -](?:rated|reviewed))\s+"
    # «… of those two (in grey)»; not «the cheaper of the two atlas & oak ones», a group named
    r"(?:ones?\b|of\s+(?:the|those|these|them)(?:\s+(?:two|2|three|3))?\b"
    r"(?=\s*(?:$|[,.;!?]|in\b|for\b|please\b|pls\b|then\b)))",
    re.I,
)
_OF_THE_FEW = re.compile(r"\bof\s+(?:the|those|these|them)\s+(?:two|2|three|3)\b", re.I)
_WORD_ONE_MAX_WORDS = 8
# «the two purelle ones», «both roamly ones», «the meadow & moss ones»: a group by a word
_THE_OTHER_OF_A_BRAND = re.compile(r"\bthe other (?P<brand>[a-z][\w&' ]{1,30}?) one\b", re.I)
_THE_FEW_OF_A_KIND = re.compile(
    r"\b(?:the|all|both of the|all of the)\s+(?P<count>two|three|four|2|3|4)\s+"
    r"(?P<word>[a-z]{3,}s)\b",
    re.I,
)
_ONES_OF_A_WORD = re.compile(
    # «all three morning ritual ones»: as «the three …»
    r"\b(?:(?P<both>both)(?: of)?(?: the)?|(?:all(?: of)?(?: the)?|the)(?: (?P<count>two|three|"
    r"four|2|3|4))?) "
    r"(?P<word>[a-z][\w&' ]{1,30}?) ones\b",
    re.I,
)
_RETURNABLE_ONE = re.compile(
    r"\bthe (?:(returnable|non[- ]?final[- ]?sale) one|one (?:i|we|you) can (?:return|send back))"
    r"|\bthe (final[- ]sale|non[- ]?returnable) one",
    re.I,
)
_THEIR = re.compile(r"\btheir\s+(?:other\s+)?([a-z0-9]+)", re.I)
_OF_THEIR = re.compile(r"\b(?:of|from)\s+their\b", re.I)
_FROM_THEM = re.compile(
    r"\bthe\s+([a-z0-9]+)(?:\s+ones?)?\s+(?:from|by)\s+(?:them|that brand)\b", re.I
)
_FILLER = frozenset(
    "then please pls ok okay the in a one size bag pack thanks just and x "
    "fine alright sure yeah yep yes so well cool great lovely perfect".split()  # «fine, 1kg …»
)
_ADD_WORDS = frozenset(
    "add put pop get grab give me of that it this take have my cart plus same also too".split()
)
_THE_WORD_ONE = re.compile(  # "the kettle one", "the atlas & oak one"; not "the first one"
    r"(?:\bthe |^\W*)(?!(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|last|other|same|"
    r"next|previous|cheaper|cheapest|pricier|dearer|cheap|expensive|pricey|better|best|new|old|"
    r"right|wrong)\b)"
    r"(?:[a-z]+ )?\w+(?: (?:&|and) \w+)? ones?\b",  # «the grey northtrail one» too
    re.I,
)


def _the_other(
    text: str, shown: list[str], focus: str | None, in_cart: list[str], basket: list[str]
) -> References | None:
    """The other of two shown products («and the other one»), or the one swapped for the cart's;
    beside three, the one of them not yet in the basket («and the other one as well» after
    adding two)."""
    found = the_other(text, shown, focus, in_cart)
    if found:
        return References([found[0]], "mention", replaces=found[1])
    if len(shown) > 2 and focus in shown and _THE_OTHER_ONE.search(text):
        # «and the other one, same question» beside three: not the one in focus, so the others
        others = [pid for pid in shown if pid != focus]
        # (not for a change: «remove the other one» is of the cart's own)
        left = [pid for pid in others if pid not in basket]
        return References(left if len(left) == 1 and not in_cart else others, "mention")
    return None


# «the other one», «and the other?»; not «the other oakhaven» (a name follows)
_THE_OTHER_ONE = re.compile(r"\b(?:the|that) other(?: one\b|(?!\s+[a-z]))", re.I)
_OTHER_FEW = re.compile(r"\bthe other (?P<count>two|2|three|3|ones)\b", re.I)


def _the_other_few(
    text: str, shown: list[str], focus: str | None, taken: list[str], set_aside: str | None = None
) -> References | None:
    """«how much are the other two?» after one of three was picked (or `set_aside`: named
    before, or the winner just compared): the two left."""
    said = _OTHER_FEW.search(text)
    if said is None or len(shown) < 3:
        return None
    picked = {set_aside} if set_aside in shown else set()
    picked = picked or ({focus} if focus in shown else set(taken) & set(shown))
    others = [pid for pid in shown if pid not in picked]
    wanted = {"two": 2, "2": 2, "three": 3, "3": 3}.get(said["count"].lower(), len(others))
    if not picked or len(others) != wanted:
        return None
    return References(others, "mention", plural=True, phrases={pid: pid for pid in others})


# «take the pillow out first», «do that first»: an adverb of time, no place in a list
_AN_ACT_BEFORE = re.compile(r"\b(?:out|it|that|this|them|those|these|up|off)\s+$", re.I)
_A_THING_AFTER = re.compile(r"\s+(?:one|ones|item|option|product|of)\b", re.I)


# «get me the second one»: an ordinal said as a pick, not «hang on a second», «my first tote»
_THE_NTH_ONE = re.compile(
    r"\bthe\s+(?:first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last)\s+(?:one|ones)\b",
    re.I,
)


def _first_of_all(message: str, match: re.Match[str]) -> bool:
    """Whether an ordinal word says when, not which («take the pillow out first»)."""
    return bool(_AN_ACT_BEFORE.search(message[: match.start()])) and not _A_THING_AFTER.match(
        message, match.end()
    )


# a group the size of the list in view: «both», «they both», «all three», «each of them»
_GROUP_OF = re.compile(
    r"\b(?:(?P<two>both|the two of (?:them|those|these))(?!\s+of\s+(?:us|you|we|our|my))"
    r"(?!\s+[\w-]+\s+(?:and|&|or)\s)|"  # not «in both black and white»
    r"all\s+(?:of\s+)?(?P<count>three|3|four|4)|(?P<each>each|all) of (?:them|those|these))\b",
    re.I,
)
# how many products a group word names: «all three», «the other two»
GROUP_SIZES = {"two": 2, "2": 2, "three": 3, "3": 3, "four": 4, "4": 4, "five": 5, "5": 5}
# «which of both is cheaper?»: one of them, picked by a comparison
_COMPARED = re.compile(
    r"\b(?:cheap|pric|bigg|small|light|heavi|quiet|loud|warm|long|fast|new|good|nic|strong)"
    r"(?:er|est|ier|iest)\b|\b(?:better|best|worse|worst|less expensive|more expensive)\b",
    re.I,
)


# a group said with its size: «both», «all three», «which of the three», «those two», «the
# other two» (of one more); not «both colours» (a product's versions)
_SIZED_GROUP = re.compile(
    r"\b(?:(?P<two>both)|all\s+(?:of\s+)?(?:the\s+)?(?P<all>two|three|2|3)|"
    r"(?P<other>other\s+)?(?:the|those|these)\s+(?P<some>two|three|2|3)|"
    r"the\s+other\s+(?P<others>two|2))\b"
    r"(?!\s+(?:colou?rs?|sizes?|versions?|options?|sides?|ways?|of (?:us|you|we|our|my))\b)",
    re.I,
)


# «ok one of each, the 250g»: no size said; not «one of each colour»
_ONE_OF_EACH = re.compile(
    r"\b(?:one|1|a)\s+of\s+each\b(?!\s+(?:of\b|colou?r|size|version|kind|scent|flavou?r|type))",
    re.I,
)


def _group_size(message: str) -> tuple[int, bool] | None:
    """How many products a group or the ordinals in a message reach, and whether a group word
    said it: «both» two, «the other two» three, «2 of the first and 1 of the third» three."""
    if said := _SIZED_GROUP.search(message):
        if said["two"]:
            return 2, True
        if said["others"]:
            return GROUP_SIZES[said["others"].lower()] + 1, True
        return GROUP_SIZES[(said["all"] or said["some"]).lower()], True
    positions = [ORDINALS.get(m[1].lower(), 0) for m in _ORDINAL.finditer(message) if m[1]]
    return (max(positions), False) if len(positions) > 1 else None


def _best_just_compared(message: str, state: DialogueState) -> str | None:
    """«add that one» right after a comparison named one of the two best: that one."""
    if state.best_compared is None or not _THAT_ONE.search(message):
        return None
    best, turn = state.best_compared
    return best if turn == state.turns - 1 and best in state.shown else None


def group_talked_about(message: str, shown: list[str], talked: list[str]) -> list[str] | None:
    """The products a group names when they were asked about one at a time, not shown as
    one list («the meeple house teddy?», «and the tumble and co one?», then «add both»;
    «2 of the first and 1 of the third»): the last so many talked about, in the order they
    came up; None when the list in view has that many (or is that group), or the talk too
    few."""
    found = _group_size(message)
    if found is None and _ONE_OF_EACH.search(message):
        # «ok one of each» after asking of some of a longer list in turn: those asked about
        asked = [pid for pid in talked if pid in shown]
        found = (len(asked), True) if len(asked) >= 2 else None
    if found is None or _IT.search(message) or len(talked) < found[0]:
        return None  # «does it come in both?»
    if re.search(r"\bwhich\b|\?", message):
        return None  # «which of the two has more battery?»: compared where they were talked of
    (size, grouped), group = found, talked[-found[0] :]
    if len(shown) < size:
        return group  # the list in view cannot hold them
    # «add both» beside a longer list, two of whose products were asked about since: those
    # (not «the two waterproof ones» of three named at once: the list is the talk itself)
    longer_list_of_them = (
        grouped and len(shown) > size and set(group) <= set(shown) and not set(shown) <= set(talked)
    )
    return group if longer_list_of_them else None


def _the_group(message: str, shown: list[str]) -> References | None:
    """The products in view a group word names, when the list is that long («both» beside
    two, «all three» beside three); a group beside a longer list is not guessed."""
    said = _GROUP_OF.search(message)
    if said is None or len(shown) < 2 or _ORDINAL.search(message) or _IT.search(message):
        return None  # «both look good, add the second one»; «does it come in both …?»
    if _COMPARED.search(message):
        return None  # «which of both is cheaper»: one of them
    size = 2 if said["two"] else GROUP_SIZES[said["count"].lower()] if said["count"] else None
    if len(shown) != (size or min(len(shown), 4)):
        return None
    return References(list(shown), "deictic", plural=True)


def ordinal_in_cart(
    references: References, message: str, cart: list[str] | None, intent: str
) -> References:
    """«take the last one out» when the list's last is not in the cart: the cart's last line
    (its lines in the order they were added). Only a removal: «2 of the first one» adds."""
    if intent != "remove" or not cart or references.kind != "ordinal":
        return references
    if set(references.ids) <= set(cart):
        return references
    return _ordinals(message, list(dict.fromkeys(cart))) or references


def _ordinals(message: str, shown: list[str]) -> References | None:
    found: list[str] = []
    for match in _ORDINAL.finditer(message):
        if _first_of_all(message, match):
            continue
        word, digit = match.groups()
        said = (word or "").lower()
        if said == "middle" and len(shown) != 3:
            continue  # the middle of two or of five is no one product
        position = (
            len(shown)
            if said == "last"
            else 2
            if said == "middle"
            else (ORDINALS.get(said) or int(digit or 0))
        )
        if 1 <= position <= len(shown):
            found.append(shown[position - 1])
    return References(list(dict.fromkeys(found)), "ordinal") if found else None


def has_options(product: Product, options: dict[str, str]) -> bool:
    """Whether one of the product's variants has all these options."""
    return any(
        all(
            variant.options.get(name, "").lower() == value.lower()
            for name, value in options.items()
        )
        for variant in product.variants
    )


def in_stock_in(product: Product, options: dict[str, str]) -> bool:
    """Whether one of the product's variants with all these options is in stock."""
    return any(
        variant.stock > 0
        and all(
            variant.options.get(name, "").lower() == value.lower()
            for name, value in options.items()
        )
        for variant in product.variants
    )


def which_product_question(
    catalogue: Catalogue, state: DialogueState, cart_products: list[str], intent: str
) -> str:
    """A question that names the candidates when a reference cannot be resolved."""
    pool = list(dict.fromkeys(cart_products)) if intent != "add" and cart_products else state.shown
    if not pool:
        return (
            "Which product do you mean? Tell me its name, or search first and say «the first one»."
        )
    names = "; ".join(
        f"{position}. {catalogue.products[pid].title} [{pid}]"
        for position, pid in enumerate(pool[:5], start=1)
        if pid in catalogue.products
    )
    return f"Which one do you mean? {names}"


def several_named(references: References) -> bool:
    """Several products named each in its own words («add the X and a Y»), or counted off the
    list by a word of theirs («all three morning ritual ones», «the two teddies»)."""
    named = references.kind == "mention" or references.counted
    return named and len(references.ids) > 1 and not namesakes(references)


# «luma vs dewleaf, which is better»: two sides set against each other
_VERSUS = re.compile(r"\s+(?:vs\.?|versus)\s+", re.I)
_VERSUS_TAIL = re.compile(r"[,?.!].*$")


def namesakes(references: References) -> bool:
    """Several products one phrase names alike («the atlas & oak one»): which is meant?"""
    phrases = [references.phrases.get(pid, "") for pid in references.ids]
    # («the three morning ritual ones» off a list: a group counted, each of them meant)
    return len(phrases) > 1 and len(set(phrases)) == 1 and not references.counted


def _title_words(text: str) -> set[str]:
    """The lower-case words of a title or brand."""
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def _ending(title: str) -> tuple[str, ...]:
    """The last two words of a title, which name its kind («… Sunscreen SPF 50»: spf 50)."""
    return tuple(title.lower().split()[-2:])


def _in_title_order(title: str, model: set[str]) -> str:
    """A product's model words as its title orders them («lite x»)."""
    return " ".join(word for word in re.findall(r"[a-z0-9]+", title.lower()) if word in model)
