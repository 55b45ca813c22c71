"""Questions about the catalogue and the shop: searches (with an honest "we don't sell that"),
recommendations for a need, narrowing or ranking what was just shown, catalogue-wide figures
and the shop's own policies. Each answer updates what the dialogue is about."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.catalogue.models import Catalogue, Product
from assistant.clock import Clock, utcnow
from assistant.conversation.answers import money_wording, wording
from assistant.conversation.answers.ages import age_note, for_the_childs_age
from assistant.conversation.answers.alternatives import (
    ANOTHER,
    all_fit,
    beyond_the_one_in_view,
    closest_by_meaning,
    gift_ideas,
    kind_choices,
    over_the_limit,
    than_focus,
)
from assistant.conversation.answers.asked_of_the_found import facts_asked_of_each
from assistant.conversation.answers.compose import Turn
from assistant.conversation.answers.dates import arriving_in_time
from assistant.conversation.answers.facts import (
    SUPERLATIVES,
    catalogue_figure,
    figure_text,
    filtered_out,
    is_carried,
    product_facts,
    shopping_words,
    superlative_kind,
)
from assistant.conversation.answers.list_order import LEADS, in_order, list_order, says_cheap
from assistant.conversation.answers.need_pick import ranked_for_need
from assistant.conversation.answers.needs import (
    CHILD,
    FOR_SOMEONE,
    GIFT,
    NAMED_THING,
    PERSON_IDEAS,
    about_the_need,
    brand_coincidence,
    interest_hits,
    like_the_focus,
    narrowed,
    tells_more_than_the_person,
    told_interest,
)
from assistant.conversation.answers.open_asks import open_budget
from assistant.conversation.answers.players import for_the_players
from assistant.conversation.answers.ranking import (
    SOONER,
    a_fact_of_some,
    rank_shown,
    said_of_some,
)
from assistant.conversation.answers.review_asks import HEALTH
from assistant.conversation.answers.said_facts import (
    attribute_values,
    said_fact_note,
    says_another_value,
    with_said_facts,
)
from assistant.conversation.answers.said_version_stock import phone_not_offered, sold_out_in_said
from assistant.conversation.answers.spec_order import (
    SpecOrder,
    asks_by_spec,
    by_spec,
    without_bound,
)
from assistant.conversation.answers.unlisted_asks import (
    asks_a_measure,
    measure_unlisted_of_all,
    unlisted_of_all,
)
from assistant.conversation.answers.unlisted_models import unlisted_note
from assistant.conversation.policy_answers import BUYING, ShopRuleAnswers
from assistant.conversation.shop_overview import not_sold_turn, with_what_we_do_not_sell
from assistant.conversation.state import DialogueState, remember_shown
from assistant.conversation.understanding.described_colours import without_described_colour
from assistant.conversation.understanding.list_length import list_length, ranked_count
from assistant.conversation.understanding.other_than_that import excluded
from assistant.conversation.understanding.planner import Step
from assistant.conversation.understanding.references import in_stock_in
from assistant.conversation.understanding.shop_words import (
    LIKE_IT,
    OF_THESE,
    THAN_IT,
    WHICH_COMPARED,
    among_shown,
)
from assistant.conversation.understanding.slots import (
    extract_quantity,
    extract_slots,
    options_said,
    said_values,
)
from assistant.conversation.understanding.steps import part_alone
from assistant.conversation.understanding.version_words import same_as_before
from assistant.search.famous_makes import DEVICES, famous_make, wanted_make
from assistant.search.filters import SearchFilters
from assistant.search.kinds import (
    OR_A_NEED,
    ProductKinds,
    as_the_thing_itself,
    kind_words_of,
    of_its_kind,
    of_the_sort,
    of_the_sort_said,
    plural,
    same_aisle,
    singular,
    singular_words,
)
from assistant.search.policies import PolicySearch
from assistant.search.retrieval import ProductHit, Retriever, SearchResult
from assistant.search.two_kinds import for_the_lacking, two_kinds_asked
from assistant.search.unwanted import unwanted

SHOW = 5
_STARS_SAID = re.compile(r"\b[1-5](?:\.\d)?\s*\+?\s*(?:stars?|★)|\brated\s+[1-5]\b", re.I)
_THE_ONE = re.compile(r"\b(?:one|ones|of them|of those|of these)\b", re.I)
# «a foam roller then», «some yoga mats»: any of the kind, not the one of it listed
_ANY_OF_THE_KIND = re.compile(
    r"^\W*(?:(?:ok|okay|so|and|well|fine|hmm|right|then|ugh)\W+)*(?:a|an|some|any)\s+[a-z]", re.I
)
NAMED_IN_WORDS = 3  # a thing we lack is named in this many words; more is no thing's name


# words for any machine or thing that a make we lack stands beside («nespresso machines»)
_ANY_MACHINE = frozenset("machine maker one thing stuff product device gadget model kit".split())


def _sold_for(product: Product, model: str | None) -> bool:
    """Whether a product is sold for the phone model searched for (or for no phone at all)."""
    models = product.option_values("model")
    return model is None or not models or model.lower() in models


_ONE_FOR = re.compile(r"\bones?\s+for\b", re.I)  # «need one for a trip»: a need, no kind lacked
_THEN_AT_END = re.compile(r"\bthen\W*$", re.I)
# «and do u have any organic ones»: a sort of the kind just searched
_SORT_OF_ONES = re.compile(
    r"\b(?:any|some|got|have|there)\s+(?:[a-z-]+\s+){1,3}?(?P<ones>ones)\b(?!\s+(?:in|for|with)\b)",
    re.I,
)


def _in_the_order_asked(
    products: list[Product], intro: str, text: str
) -> tuple[list[Product], str]:
    """Suggestions about the need in the order a request asks («also need some decaf ground
    coffee to go with it, cheapest»), led by that order."""
    order = list_order(text) or superlative_kind(text)
    if order not in LEADS or intro != "Here are my suggestions:":
        return products, intro
    return in_order(products, order), LEADS[order]


class CatalogueAnswers(ShopRuleAnswers):
    """Searches, recommendations, refinements, catalogue figures and shop policies."""

    def __init__(
        self,
        catalogue: Catalogue,
        retriever: Retriever,
        kinds: ProductKinds,
        policies: PolicySearch,
        free_shipping_from: int,
        clock: Clock = utcnow,
    ) -> None:
        self.free_shipping_from = free_shipping_from
        self.clock = clock  # «… that'll arrive within a week»: from now
        self.catalogue = catalogue
        self.retriever = retriever
        self.kinds = kinds
        self.policies = policies
        self.attribute_values = attribute_values(catalogue.products.values())

    def search(self, state: DialogueState, step: Step) -> Turn:
        """Products for the request, or an honest "we don't sell that" with the closest."""
        # a new search: «… headphones under 100» beside $247 ones, «vitamin c serums from
        # vetted sellers» naming several; «any other vegan spf 50»: not the one in view
        if answered := self._others_or_budget(state, step):
            return answered
        step = self._of_the_kind_before(state, step) if step.references.kind is None else step
        said_in_full = step.text  # what a later «not black either» narrows, «not navy» kept
        step = self._without_unwanted(step)
        kind, ids = step.references.kind, step.references.ids
        if len(ids) != 2 and (parts := two_kinds_asked(self.kinds, step.text)):  # «a mat and a pan»
            vocabulary, lacking = self.retriever.vocabulary, self.kinds.missing(parts[0])
            # «a TV stand and some curtains»: no closest things to a TV stand, the curtains
            first = not_sold_turn(lacking, self.policies) if lacking else None
            first = first or self.search(state, part_alone(step, parts[0], vocabulary))
            carried = for_the_lacking(self.kinds, lacking, parts[1])  # «… a bag to carry it in»
            turn = first.joined(self.search(state, part_alone(step, carried, vocabulary)))
            remember_shown(state, list(turn.products))  # «the playwise teddy» of the first list
            return turn
        fit = all_fit(self.catalogue, ids, step.slots.filters)
        lacked = BUYING.search(step.text) and self.kinds.missing(step.text)  # «coffee grinders?»
        any_of_the_kind = _ANY_OF_THE_KIND.match(step.text) and self.kinds.named_kind(step.text)
        # («any fleetfoot road shoes in a 9 that are actually in stock?» right after asking
        # of a sold-out one: others of the kind that are)
        one_named = len(ids) == 1 and not (any_of_the_kind and not fit and ids[0] == state.focus)
        if (kind == "mention" and (one_named or fit)) or (
            kind == "shown-word"
            and not beyond_the_one_in_view(step.text)
            and not any_of_the_kind
            and fit
            and not lacked
            # «fragrance free hydrating serum?» beside a lavender one: others that are
            and not (
                len(ids) == 1
                and says_another_value(
                    self.catalogue.products[ids[0]], step.text, self.attribute_values
                )
            )
        ):  # "the bassline wave speaker", "the coffee one, 1kg bag": that one
            return self._named(state, step)
        step = self._beside_the_focus(state, step)
        options = said_values(step.slots.options)
        step, missing, lacked_make = self._makes_as_kinds(step, options)
        result, products, order, spec = self._ordered(state, step, options)
        if not products and (
            plain := without_described_colour(
                step, list(self.catalogue.products.values()), self.retriever.vocabulary.colours
            )
        ):
            step = plain  # «that green powder for lattes?»: matcha, sold in no colour
            options = said_values(step.slots.options)
            result, products, order, spec = self._ordered(state, step, options)
        products = products[: list_length(step.text) or len(products)]  # «show me 3 bottles»
        # A kind the titles name ("blenders") is carried, however loosely the words match.
        named = self.kinds.named_kind(step.text, ignore=options) is not None
        if missing or (products and not named and not is_carried(result, self.kinds.title_words)):
            return self._not_carried(state, step, result, products, missing)
        if not products and spec:
            return Turn(text=spec.lead)  # «tent under 100 g?»: none is
        if not products:
            return self._none_match(state, step, result, said_in_full)
        remember_shown(state, [p.id for p in products])
        said = {**options_said(products, step.text), **step.slots.options}  # «for an iphone 16»
        said |= same_as_before(step.text, state.added_options)  # «for the same phone»
        state.last_search, state.chosen_options = said_in_full, said
        if order or (spec and spec.winner):
            state.focus = products[0].id  # «cheapest u got», then «purple»: that one in purple
        lead = spec.lead if spec else LEADS[order] if order else None
        if make := lacked_make or self._make_we_lack(step.text, options):
            lead = f"We don't carry {make.title()}. Here is what we have instead:"
        text = wording.product_list(products, lead or "Here is what I found:")
        requested = without_bound(step.slots.requested, step.text)
        text += wording.unmet_requests(products, requested, lengths=not asks_a_measure(step.text))
        text += sold_out_in_said(products, said)  # «… jump rope in pink?»: pink is sold out
        text += phone_not_offered(products, step.text)  # «… for a oneplus 12»: none lists it
        said_facts = said_fact_note(products, step.text)
        text += age_note(products, step.text) + said_facts
        # «… that fit an iphone 14?»: none listed; «… does it fit hario v60 filters?»: unsaid;
        # «… is it vegan and what does it smell like?»: each one's facts (unless said above)
        text += (
            unlisted_note(products, step.text)
            or ("" if said_facts else facts_asked_of_each(products, step.text))
            or unlisted_of_all(products, step.text)
        )
        text += f"\n{spec.values}" if spec else ""
        if result.warnings:
            text += "\n" + "\n".join(result.warnings)
        if which := _which_to_add(products, step.text):
            text += which  # «the zen x one», «whichever's cheaper» next: that one, added
            state.asked_which = state.asked_which_listed = "add"
            # («2 ironpeak yoga mats in pink please» opens with its count, read as an add's)
            count = step.slots.quantity or extract_quantity(f"add {step.text}")
            # («10 inch skillet please», «2 man tent please»: a size, no count)
            sized = count and re.search(rf"\b{count}\s*(?:-\s*)?{_A_SIZE_UNIT}", step.text, re.I)
            state.asked_which_count = None if sized else count
        turn = Turn(
            text=text + money_wording.currency_note(step.text), products=[p.id for p in products]
        )
        limit = over_the_limit(self.policies, step.slots.quantity)  # «can i order 20 ropes?»
        return turn.joined(limit) if limit else turn

    def _without_unwanted(self, step: Step) -> Step:
        """The request without what it says no to («chinos, not navy»: navy names no version
        to look for, «anything but Chargewell» no Chargewell to show); the filters keep it."""
        vocabulary = self.retriever.vocabulary
        refused = unwanted(
            step.text,
            vocabulary.colours,
            vocabulary.brands,
            vocabulary.refusable_words,
            vocabulary.colour_in_names,
        )
        if not refused.as_filters():
            return step
        wanted = [
            pid
            for pid in step.references.ids
            if pid in self.catalogue.products
            and SearchFilters(**refused.as_filters()).matches(self.catalogue.products[pid])
        ]
        references = replace(
            step.references, ids=wanted, kind=step.references.kind if wanted else None
        )
        return step.model_copy(update={"text": refused.text or step.text, "references": references})

    def _others_or_budget(self, state: DialogueState, step: Step) -> Turn | None:
        """«anything but that seller then»: the last search without it; «anything under 20
        bucks?»: what that buys; None for any other search."""
        if (leaving_out := excluded(step.text)) and state.last_search and state.shown:
            return self._others(state, step, leaving_out)
        if not step.references.ids:
            return open_budget(state, self.retriever, step)
        return None

    def _others(self, state: DialogueState, step: Step, leaving_out: str) -> Turn:
        """The last search again without the product in view, its brand, its seller or every
        product shown («show me others, not that one», «anything but that seller then»)."""
        assert state.last_search is not None
        shown = [self.catalogue.products[p] for p in state.shown if p in self.catalogue.products]
        focus = self.catalogue.products.get(state.focus or "") or (shown[0] if shown else None)
        last = extract_slots(state.last_search, self.retriever.vocabulary)
        filters = last.filters.merged_with(step.slots.filters)
        if leaving_out == "brand" and focus:
            filters = filters.merged_with(SearchFilters(not_brands=[focus.brand]))
        _, found = self._matching(state.last_search, filters, SHOW * 4, said_values(last.options))
        left_out = {p.id for p in shown} if leaving_out == "all" else {focus.id} if focus else set()
        products = [
            p
            for p in found
            if p.id not in left_out
            and not (leaving_out == "seller" and focus and p.seller.name == focus.seller.name)
        ][:SHOW]
        if not products:
            return Turn(text=wording.NO_OTHERS)
        remember_shown(state, [p.id for p in products])
        state.focus = products[0].id if len(products) == 1 else None
        return Turn(
            text=wording.product_list(products, "Here are others:"),
            products=[p.id for p in products],
        )

    def _none_match(
        self, state: DialogueState, step: Step, result: SearchResult, said_in_full: str
    ) -> Turn:
        """Nothing meets every filter: which, and the versions the kind does come in."""
        kind = self.kinds.named_kind(step.text)
        if kind:  # «headlamp with 4 stars?» (none), then «ok whats the cheapest one then»
            state.last_search = said_in_full
        choices = kind_choices(self.catalogue, kind, result.filters)
        text = wording.no_match(step.slots.filters, step.slots.requested)
        # «rated 4★ or more»: the shopper's own figures, said back
        said = [wording.describe_filters(step.slots.filters)]
        return Turn(text=f"{text} {choices}".strip(), data_texts=said)

    def _beside_the_focus(self, state: DialogueState, step: Step) -> Step:
        """A search that leans on the product in view: «a similar set from a vetted seller»
        (its kind), «any other merino in L black then?» (its kind, with the word said)."""
        focus = self.catalogue.products.get(state.focus or "")
        if focus is None:
            return step
        if LIKE_IT.search(step.text):
            return like_the_focus(step, focus, self.kinds)
        said = self._kind_of_the_focus(step.text, focus, said_values(step.slots.options))
        return part_alone(step, said, self.retriever.vocabulary) if said else step

    def _kind_of_the_focus(self, text: str, focus: Product, options: set[str]) -> str | None:
        """«any other merino in L black then?» beside a merino sweater: «any other merino
        sweater in L black», when the words name no kind but words of the focus's title
        («merino» alone is sold as no kind)."""
        lacking = self.kinds.missing(text, ignore=options)
        title = focus.title.lower()
        if not (lacking and ANOTHER.search(text)) or any(w not in title for w in lacking.split()):
            return None
        kind = self.kinds.named_kind(focus.title)
        said = re.compile(rf"\b{re.escape(lacking)}\b", re.I)
        return said.sub(f"{lacking} {kind}", text, count=1) if kind else None

    def _makes_as_kinds(self, step: Step, options: set[str]) -> tuple[Step, str | None, str | None]:
        """The request with a make we lack read as its kind, what it names that the shop does
        not sell, and the lacked make when its words were replaced («nespresso machines»)."""
        missing = self.kinds.missing(step.text, ignore=options)
        if missing and (as_kind := self._lacked_make_as_its_kind(step.text, missing, options)):
            lacked_make, said = as_kind  # «nespresso machines»: coffee makers, said so
            return part_alone(step, said, self.retriever.vocabulary), None, lacked_make
        if not missing and (kind := self._kind_of_a_make_we_lack(step.text, options)):
            named = self.kinds.named_kind(step.text, ignore=options)
            # «like a le creuset? a heavy pan …»: the pan said as the make's kind, cast iron
            said = f"{step.text}, {kind}"
            if named and (
                as_kind := re.sub(rf"\b{named}s?\b", kind, step.text, count=1, flags=re.I)
            ):
                said = as_kind if as_kind != step.text else said
            step = part_alone(step, said, self.retriever.vocabulary)
        return step, missing, None

    def _make_we_lack(self, text: str, options: set[str]) -> str | None:
        """The make a search names that the shop does not carry: «bose headphones», or a
        well-known one said after the kind («headphones like bose», «something like airpods»)."""
        famous = famous_make(text)
        if make := self.kinds.unknown_make(text, ignore=options):
            # «north face rain jacket?»: North Face, not North
            return famous[0] if famous and make in famous[0].split() else make
        famous = self._wanted_make_we_lack(text)  # not «a sleeve for my macbook»
        if famous is None:
            return None
        named = self.kinds.named_kind(text, ignore=options)
        # «headphones like bose»: the make stands for the kind searched, so it was meant
        # (a maker of many kinds named first is lacked whatever kind: «cerave foaming cleanser»)
        if named is None or famous[0] not in DEVICES:
            return famous[0]
        return famous[0] if singular(famous[1].split()[-1]) == named else None

    def _lacked_make_as_its_kind(
        self, text: str, missing: str, options: set[str]
    ) -> tuple[str, str] | None:
        """«any nespresso machines»: the unsold thing named by a make we lack is that make's
        kind («any coffee maker») when the shop sells that kind: the make and the request."""
        famous = self._wanted_make_we_lack(missing)
        # the words as said, one or more («do you have a keurig?»: «keurigs» is not sold)
        said = re.compile(
            r"\b"
            + r"\s+".join(re.escape(singular(word)) + "s?" for word in missing.split())
            + r"\b",
            re.I,
        )
        if famous is None or not said.search(text):
            return None
        # «nespresso machines», «a keurig»: the make alone, or with a word for any machine
        # (not «sony tvs», «nike socks», «nespresso pods»: another thing we don't sell)
        # (nor «patagonia fleece?»: the shopper's own word, answered with its closest things)
        if singular_words(missing) - singular_words(famous[0]) - _ANY_MACHINE:
            return None
        as_kind = said.sub(famous[1], text, count=1)
        # «dyson vacuums»: no vacuum cleaners either, so «we don't sell dyson vacuums» stands
        return None if self.kinds.missing(as_kind, ignore=options) else (famous[0], as_kind)

    def _kind_of_a_make_we_lack(self, text: str, options: set[str]) -> str | None:
        """«something like a jetboil for camp»: a camping stove, when no kind is named and
        the shop does not carry the make."""
        found = famous_make(text)
        named = self.kinds.named_kind(text, ignore=options)
        # «like a le creuset? a heavy pan …»: the make's kind says which pans (cast iron)
        # (a kind said as the make's own, «north face jacket», is searched as said)
        if found is None or (named is not None and found[1].split()[-1:] != [named]):
            return None
        if named is not None and (found[1] == named or found[1].lower() in text.lower()):
            return None  # («nespresso machines or any kind of coffee maker»: said already)
        return None if self.kinds.says_the_name(found[0]) else found[1]

    def _ordered(
        self, state: DialogueState, step: Step, options: set[str]
    ) -> tuple[SearchResult, list[Product], str | None, SpecOrder | None]:
        """What a search finds, in the order it asks: the cheapest or priciest first (that
        order is returned), or by a figure («lightest tent», «backpack under 1kg»)."""
        order = superlative_kind(step.text)  # «cheapest bag you do»: of all the bags, not 15
        asked = list_order(step.text)  # «sort by most reviews», «price low to high»
        if not asked and says_cheap(step.text) and self.kinds.named_kind(step.text, ignore=options):
            asked = "cheapest"  # «cheap running shoes»: of the kind named, cheapest first
        by_price = order in {"cheapest", "priciest"}
        depth = SHOW * (12 if by_price or asked or asks_by_spec(step.text) else 3)
        result, matching = self._matching(step.text, step.slots.filters, depth, options)
        other = ANOTHER.search(step.text)  # «other merino sweaters?»: not the one in view
        products = [p for p in matching if not (other and p.id == state.focus)]
        products = with_said_facts(products, step.text)  # «fragrance free night creams»
        products = for_the_childs_age(products, step.text)  # «rc car for a 10 year old»
        products = for_the_players(products, step.text)  # «board game, we're 5 people»
        products = arriving_in_time(products, step.text, self.clock())  # «need it by friday»
        products = _in_the_version_said(products, step.text)  # «… for pixel 9»
        products = _buyable_in_budget(products, step.slots.filters)  # «… under 60»
        if step.slots.filters.in_stock:  # «… for a pixel 9, in stock»: in stock for it
            products = [p for p in products if in_stock_in(p, p.options_named_in(step.text))]
        spec = None if by_price else by_spec(products, step.text)
        if asked:
            return result, in_order(products, asked)[:SHOW], asked, None
        if by_price:  # «cheapest u got»
            products.sort(key=lambda p: p.buyable_price_minor, reverse=order == "priciest")
        elif spec:
            products = spec.products
        return result, products[:SHOW], order if by_price else None, spec

    def _not_carried(
        self,
        state: DialogueState,
        step: Step,
        result: SearchResult,
        products: list[Product],
        missing: str | None,
    ) -> Turn:
        """«We don't sell X» with the closest things, or the closest to a need said loosely."""
        closest = (  # «do you sell ibuprofen? also I need a pillow»: the pillows, no closest
            (closest_by_meaning(self.retriever, step.text, step.slots.filters), [])[step.more]
            if missing and not self._kind_wanted_beside(step, missing, products)
            else products[:3]
        )
        if closest or not step.more:  # (the list another search of the message showed stays)
            remember_shown(state, [p.id for p in closest])
            state.chosen_options = options_said(closest, step.text)  # «… for my iPhone 16»
        if closest:  # «do you have lego?», then «for a 12 year old under $60»: those words
            state.last_search = step.text
        what = missing or shopping_words(result.query_text) or step.text
        if missing and self.kinds.part_of_a_version_said(missing, step.text):
            # «a holder for my phone in the car, iphone 16»: a version we sell, no lacked kind
            return Turn(
                text=wording.product_list(closest, "Here is what I found:"),
                products=[p.id for p in closest],
            )
        if not missing and (len(what.split()) > NAMED_IN_WORDS or _ONE_FOR.search(step.text)):
            # "fine, whats the real price then" names no thing: no "we don't sell" it
            text = wording.product_list(closest, wording.closest_to_need())
            return Turn(text=text, products=[p.id for p in closest])
        text = wording.not_carried(what, closest) + age_note(closest, step.text)
        turn = Turn(text=text, products=[p.id for p in closest])
        return with_what_we_do_not_sell(turn, self.policies) if missing else turn

    def _kind_wanted_beside(self, step: Step, missing: str, products: list[Product]) -> bool:
        """Whether a kind we sell is asked beside the make we lack, and found («bose
        quietcomfort? want noise cancelling headphones under 100»: those headphones)."""
        kind = self.kinds.named_kind(step.text, ignore=said_values(step.slots.options))
        return bool(products and kind and kind not in singular_words(missing))

    def _matching(
        self, text: str, filters: SearchFilters, k: int, ignore: set[str]
    ) -> tuple[SearchResult, list[Product]]:
        """A search's result and its products, held to the kind the words name ("laptop
        backpack under $60": backpacks only, whatever else is near in meaning)."""
        result = self.retriever.search(text, filters=filters, k=k)
        products = [hit.product for hit in result.hits]
        kind = self.kinds.named_kind(text, ignore=ignore)
        if kind and any(kind in singular_words(word) for word in filters.not_words):
            kind = None  # «shoes, but not running shoes»: the aisle, less the sort refused
        if kind:
            # the kind in the title without its brand: "Leaf & Kettle" coffee is no kettle
            of_kind = of_its_kind(products, kind, self.kinds.kind_words(text, ignore))
            # «black curtains» when none come in black: no black jumpers in their place
            products = of_kind or ([] if filtered_out(self.retriever, kind, result) else products)
            products = of_the_sort_said(products, text, kind)
            products = as_the_thing_itself(products, text, kind)
        if qualifier := self.kinds.named_qualifier(text, ignore=ignore):
            products = same_aisle(products, qualifier)
            if kind in self.kinds.sorted_kinds:  # «cheapest duffel bag»: no tote bags
                products = of_the_sort(products, qualifier, kind)
        if not products and (longer := self._brand_said_short(filters.brand)):
            # «kestrel canvas tote»: Kestrel makes none, Kestrel Travel does
            return self._matching(text, filters.model_copy(update={"brand": longer}), k, ignore)
        return result, products

    def _brand_said_short(self, brand: str | None) -> str | None:
        """The one other brand whose name starts with the brand said («Kestrel Travel» for
        «kestrel»), if there is exactly one."""
        if not brand:
            return None
        longer = [
            other
            for other in self.retriever.vocabulary.brands.values()
            if other.lower().startswith(f"{brand.lower()} ")
        ]
        return longer[0] if len(longer) == 1 else None

    def _named(self, state: DialogueState, step: Step) -> Turn:
        """The products a request names, with what it asks of them ("in a size 7?")."""
        named = [self.catalogue.products[pid] for pid in step.references.ids]
        # «loose leaf green tea from japan»: of the four its words name, the one from Japan
        named = with_said_facts(named, step.text)
        remember_shown(state, [p.id for p in named])
        said = named[0].options_named_in(step.text) if len(named) == 1 else step.slots.options
        if said:  # "the coffee one, 1kg bag", then "pop it in": the 1 kg
            state.chosen_options = dict(said)
        lines = [wording.product_list(named)]
        for product in named:
            facts = product_facts(product, step.text, product.options_named_in(step.text))
            if facts:
                lines.append(wording.attribute_answer(product, facts))
        # «do you have the snapgrip plus magsafe case for iphone 14?»: the models it comes for
        lines.append(unlisted_note(named, step.text).strip())
        turn = Turn(text="\n".join(line for line in lines if line), products=[p.id for p in named])
        limit = over_the_limit(self.policies, step.slots.quantity)  # "I need 12 of the X"
        return turn.joined(limit) if limit else turn

    def _refused_then_the_need(self, state: DialogueState, step: Step) -> Turn | None:
        """«we don't sell X» for a kind we lack; with «… or something for my brother, he's
        into cycling» after it, ideas for that need too. None when the kind is carried."""
        refused = self.not_sold(step)
        need = OR_A_NEED.search(step.text)
        if refused is None or need is None or not step.text[: need.start()].strip():
            return refused
        rest = need[0].strip()[len("or ") :]
        return refused.joined(
            self.recommend(state, part_alone(step, rest, self.retriever.vocabulary))
        )

    def recommend(self, state: DialogueState, step: Step) -> Turn:
        """Suggestions for a need or a person, by meaning (a brand named like the need does
        not count), within the budget; honest when nothing is really about the need."""
        # The need without its budget ("under $50" is a filter), read two ways: as said (a
        # problem: "my pillow gives me a sore neck") and without its framing ("a runner").
        # «what can I get for 10 dollars», «can I buy a gift card?» (no), «headlamp for night
        # runs, lightest one?» (a search of headlamps by weight)
        step = self._of_the_kind_before(state, step)  # «… for steep downhills then»
        honest = open_budget(state, self.retriever, step) or self._refused_then_the_need(
            state, step
        )
        if honest := honest or self._by_a_figure(state, step):
            return honest
        said = step.slots.query_text or step.text
        need = shopping_words(said) or said
        filters = step.slots.filters.model_copy(update={"in_stock": True})
        best: dict[str, ProductHit] = {}
        self.retriever.prepare_queries([said, need])
        for words in dict.fromkeys([said, need]):
            found = self.retriever.search(
                words, filters=filters, k=SHOW * 3, mode="dense", parse=False
            )
            # the closest few not near only by a brand's name («my morning cup»: no «Morning
            # Ritual» coffee just for that), looked for deeper when such names took the first
            for hit in [h for h in found.hits if not brand_coincidence(h.product, need)][:SHOW]:
                kept = best.get(hit.product.id)
                if kept is None or (hit.similarity or 0.0) > (kept.similarity or 0.0):
                    best[hit.product.id] = hit
        hits = sorted(best.values(), key=lambda hit: -(hit.similarity or 0.0))
        # "something to chill out, like a nice candle": candles only, when it names a kind
        hits = narrowed(self.kinds, self.retriever, hits, said, filters)[:SHOW]
        if not hits:  # «rated 4★ or more»: the shopper's own figures, said back
            said = [wording.describe_filters(filters)]
            return Turn(text=wording.no_match(filters, step.slots.requested), data_texts=said)
        products = [hit.product for hit in hits]
        options = said_values(step.slots.options)
        named = NAMED_THING.search(step.text)
        for_someone = GIFT.search(step.text) or FOR_SOMEONE.search(step.text)
        if named and not for_someone and (missing := self.kinds.missing(named[1], options)):
            # "need a bike helmet for commuting": we don't sell those, said first
            remember_shown(state, [p.id for p in products[:3]])
            return Turn(
                text=wording.not_carried(missing, products[:3]),
                products=[p.id for p in products[:3]],
            )
        # «for my dad, he likes strong stuff» beside «dark roast coffee»: the kind said leads
        interested = for_someone and not self.kinds.named_kind(said)
        liked = interest_hits(self.retriever, step.text, filters) if interested else []
        # «a gift for my dad»: toys are near «gift» in meaning, but ideas are for a grown-up
        told = CHILD.search(step.text) or self.kinds.named_kind(said)  # «my 5 year old nephew»
        grown_up = GIFT.search(step.text) and not (told or tells_more_than_the_person(need))
        # «my brother who is into fishing», nothing for it: «gift» and «brother» alone put
        # toys near the words, so they are no suggestion for the interest
        interest = told_interest(step.text) if interested and not liked else None
        if liked:  # "for my dad who camps a lot": what camping needs, not what dads like
            products, intro = [hit.product for hit in liked], "Here are my suggestions:"
        elif (about_the_need(hits) or self._all_of_the_kind_said(hits, said)) and not (
            grown_up or (interest and not told)
        ):
            intro = "Here are my suggestions:"
        elif GIFT.search(step.text) and not grown_up:
            ideas = gift_ideas(self.retriever, filters, SHOW)
            # «… who loves puzzles» (we sell puzzles): never «nothing made for puzzles»
            unsold = interest if interest and self.kinds.missing(interest) else None
            products, intro = ideas, wording.loose_need(unsold or need)
        elif for_someone and not (told or tells_more_than_the_person(need)):
            # "what should i get my dad": ideas, and a question to narrow them (not «my 14
            # year old has started getting spots … spot treatment?»: that need's own)
            products, intro = gift_ideas(self.retriever, filters, SHOW), PERSON_IDEAS
        else:
            products, intro = products[:3], wording.closest_to_need()
        products = for_the_childs_age(products, step.text)  # not the 12+ car for a 10 year old
        products = with_said_facts(products, step.text)  # «… 12+ so nothing for toddlers»
        products = for_the_players(products, step.text)
        products, intro = _in_the_order_asked(products, intro, step.text)
        products = products[: list_length(step.text) or len(products)]  # «two ideas for him»
        remember_shown(state, [p.id for p in products])
        # «something to hold my phone on the dashboard, i have a pixel 9», then «add the
        # cheapest one»: for the Pixel 9
        state.chosen_options = {**options_said(products, step.text), **step.slots.options}
        state.last_suggested_for = step.text  # «something wooden?» next adds to these words
        text = wording.product_list(products, self._make_lacked_first(step.text, intro))
        asked_of_each = facts_asked_of_each(products, step.text)
        text += age_note(products, step.text) + asked_of_each
        text += "" if asked_of_each else measure_unlisted_of_all(products, step.text)
        text += money_wording.currency_note(step.text)
        if HEALTH.search(step.text):  # "which dumbbells are safe for my back?"
            text += "\n" + wording.NEED_CAUTION
        return Turn(text=text, products=[p.id for p in products])

    def _make_lacked_first(self, text: str, intro: str) -> str:
        """«lego for my 5 year old?»: that we don't carry the make, said before the ideas."""
        famous = self._wanted_make_we_lack(text)
        return f"We don't carry {famous[0].title()}. {intro}" if famous else intro

    def _wanted_make_we_lack(self, text: str) -> tuple[str, str] | None:
        """A well-known make the text asks for that no shop text names, with its kind."""
        famous = wanted_make(text)
        return None if famous is None or self.kinds.says_the_name(famous[0]) else famous

    def _all_of_the_kind_said(self, hits: list[ProductHit], said: str) -> bool:
        """Whether a need names a kind and every suggestion is of it («a blender in the
        morning»: blenders are what it asks for, however far their words are from it)."""
        kind = self.kinds.named_kind(said)
        return bool(kind and hits) and all(
            kind in singular_words(hit.product.title) for hit in hits
        )

    def _by_a_figure(self, state: DialogueState, step: Step) -> Turn | None:
        """A need for a kind ranked by a figure of its data: a search of that kind."""
        named = asks_by_spec(step.text) and self.kinds.named_kind(step.text)
        return self.search(state, step) if named else None

    def refine(self, state: DialogueState, step: Step) -> Turn:
        """Narrow or rank the products just shown ("cheapest?", "only in stock")."""
        shown = [
            self.catalogue.products[pid] for pid in state.shown if pid in self.catalogue.products
        ]
        focus = self.catalogue.products.get(state.focus or "")
        if focus and THAN_IT.search(step.text) and not among_shown(step.text, shown, focus):
            return self._than_focus_list(state, step, focus)  # "is there a cheaper one?": than this
        kind = self.kinds.named_kind(step.text)  # «best reviewed camping stove?» beside bags
        if kind and kind not in step.text.lower() and a_fact_of_some(shown, step.text):
            kind = None  # «any in organic cotton» of rain jackets: no cotton t-shirts
        if not shown or (kind and not any(kind in kind_words_of(p) for p in shown)):
            return self.catalogue_question(state, step)
        # «ok a case for one then, under 25» beside the closest things to a phone: cases (not
        # «is there a quicker bottle» of the bottle in view: quicker than it)
        if (
            kind
            and not all(kind in kind_words_of(p) for p in shown)
            and not OF_THESE.search(step.text)
            and not (focus and kind in kind_words_of(focus))
        ):
            return self.search(state, step)
        pool = shown
        if state.last_search and not (
            OF_THESE.search(step.text) or WHICH_COMPARED.search(step.text)
        ):
            # "cheapest?" after "show me blenders": the cheapest blender, shown or not
            last = extract_slots(state.last_search, self.retriever.vocabulary)
            said = said_values(last.options)
            # «oops I meant under 120, not 50»: the bound said now wins over the search's
            wanted = last.filters.merged_with(step.slots.filters)
            _, matching = self._matching(state.last_search, wanted, SHOW * 4, said)
            # only more of what was shown: "cheapest?" after teddy bears is no card game
            shown_kinds = {self._kind_of(p) for p in shown}
            qualifier = self.kinds.named_qualifier(state.last_search)  # «board» games only
            # (nor one sold for another phone than the one searched for: «… an iphone 16»)
            model = state.chosen_options.get("model")
            matching = [
                p
                for p in matching
                if self._kind_of(p) in shown_kinds
                and (qualifier is None or qualifier in p.title.lower().split())
                and _sold_for(p, model)
            ]
            pool = list({p.id: p for p in [*shown, *matching]}.values())
        # «is there a quicker bottle?» beside one bottle: quicker bottles than it, shown or not
        if SOONER.search(step.text) and len(pool := said_of_some(pool, step.text)) == 1:
            kind, alike = self.kinds.named_kind(pool[0].title) or pool[0].category, pool[0].category
            similar = self._matching(kind, SearchFilters(category=alike), SHOW * 4, set())[1]
            pool = [pool[0], *[p for p in similar if p.id != pool[0].id]]
        ranked = ranked_for_need(self.catalogue, shown, step.text) or rank_shown(
            pool,
            step.text,
            _no_stars_implied(step.slots.filters, step.text),
            searched=state.last_search or "",
        )
        if not ranked.products and (wider := self._searched_again(state, step)):
            return wider  # «anything under 60?» when none shown is: the search again, under 60
        if ranked.winner:  # "cheapest?" then "add it": the cheapest; "the second" stays put
            state.focus = ranked.products[0].id  # «…that comes in king?»: in king, when added
            # («magsafe case for iphone 16», «whats the cheapest one in pink?»: pink, iPhone 16)
            state.chosen_options = {**state.chosen_options, **step.slots.options}
        elif ranked.products:
            remember_shown(state, [p.id for p in ranked.products])
            # «navy, queen, under 100», then «add it»: in navy, queen
            state.chosen_options = {**state.chosen_options, **step.slots.options}
            if state.last_search and step.slots.options:  # «red?», then «size M»: red ones
                state.last_search = f"{state.last_search}, {step.text}"
        text = ranked.text
        if ranked.unranked:  # «which of them works with strava?»: the data may not say
            text += unlisted_of_all(ranked.products, step.text)
        return Turn(
            text=text,
            products=[p.id for p in ranked.products],
            numbers=ranked.numbers,
            data_texts=ranked.data_texts,
            named_beside=ranked.named_beside,
        )

    def _of_the_kind_before(self, state: DialogueState, step: Step) -> Step:
        """«something for steep downhills under 50 then» after «leki trekking poles?»: a need
        said with «then» and no kind is of the kind just searched."""
        before = self.kinds.named_kind(state.last_search or "")
        if not before or self.kinds.named_kind(step.text):
            return step
        if ones := _SORT_OF_ONES.search(step.text):  # «and do u have any organic ones»
            said = f"{step.text[: ones.start('ones')]}{plural(before)}{step.text[ones.end() :]}"
            return part_alone(step, said, self.retriever.vocabulary)
        if not _THEN_AT_END.search(step.text):
            return step
        return part_alone(step, f"{step.text} {plural(before)}", self.retriever.vocabulary)

    def _searched_again(self, state: DialogueState, step: Step) -> Turn | None:
        """The last search (or suggestions) again with the bound said now, when none of those
        shown meets it and some found do; None otherwise."""
        before = state.last_search or state.last_suggested_for
        if not before or step.slots.filters.is_empty():
            return None
        again = part_alone(step, f"{before}, {step.text}", self.retriever.vocabulary)
        # (suggestions for a need are suggested again, a search searched again)
        turn = self.search(state, again) if state.last_search else self.recommend(state, again)
        return turn if turn.products else None

    def _than_focus_list(self, state: DialogueState, step: Step, focus: Product) -> Turn:
        """Products of the focus's kind that cost less (or are rated higher), or that none does."""
        kind = self._kind_of(focus)
        if self.kinds.named_kind(step.text) not in (None, kind):
            return self.search(state, step)  # "any cheaper earbuds?" beside headphones
        _, found = self._matching(kind, SearchFilters(category=focus.category), SHOW * 6, set())
        found = [p for p in found if self._kind_of(p) == kind]
        products, text = than_focus(focus, found, step.slots.filters, step.text)
        if products:
            remember_shown(state, [p.id for p in products])
            kept = focus.id if step.references.kind == "mention" else None  # «that one»: as named
            state.focus = products[0].id if len(products) == 1 else kept
        ids = [p.id for p in products] or [focus.id]
        return Turn(text=text, products=ids, named_beside=[focus.id])

    def _kind_of(self, product: Product) -> str:
        return self.kinds.named_kind(product.title) or product.category

    def catalogue_question(self, state: DialogueState, step: Step) -> Turn:
        """Cheapest, priciest, best rated or how many, over what the words are about."""
        kind = superlative_kind(step.text)
        if (
            kind is None
            or (kind == "count" and self.kinds.missing(step.text))
            or list_order(step.text)
        ):
            # «which ones have you got under $100?» is a search; «do you sell iphones?» too,
            # with an honest no first
            return self.search(state, step)
        if kind != "count" and (parts := two_kinds_asked(self.kinds, step.text)):
            # «the cheapest jump rope and the cheapest yoga mat»: each figure on its own
            word = said[0] if (said := SUPERLATIVES[kind].search(step.text)) else ""
            vocabulary = self.retriever.vocabulary
            first, second = (
                self.catalogue_question(state, part_alone(step, asked, vocabulary))
                for asked in (p if SUPERLATIVES[kind].search(p) else f"{word} {p}" for p in parts)
            )
            state.focus, state.shown = None, [*first.products[:1], *second.products[:1]]
            return first.joined(second)
        last_kind = self.kinds.named_kind(state.last_search or "")
        if not self.kinds.named_kind(step.text) and last_kind and _THE_ONE.search(step.text):
            # «headlamp with 4 stars?» (none), then «ok whats the cheapest one then»: a headlamp
            step = part_alone(step, f"{step.text} {last_kind}", self.retriever.vocabulary)
        # the kind without the figure's words («which hiking backpack ships the fastest»)
        asked = SUPERLATIVES[kind].sub(" ", step.text)
        named = (self.kinds.named_kind(asked), self.kinds.named_qualifier(asked))
        filters = _no_stars_implied(step.slots.filters, step.text)
        sorted_kind = named[0] in self.kinds.sorted_kinds
        figure = catalogue_figure(self.retriever, step.text, kind, filters, named, sorted_kind)
        products = [self.catalogue.products[pid] for pid in figure.products[:SHOW]]
        text = figure_text(figure, products)
        top = ranked_count(step.text) or 3  # «which are the two cheapest?»: two of them
        if products and kind != "count":
            remember_shown(state, [p.id for p in products[:top]])
            state.focus = products[0].id
            # «cheapest screen protector for a pixel 9», then «add 2, the clear one»: for pixel 9
            # (not a version said against: «… not a fan of grey»)
            said = {} if _AGAINST.search(step.text) else options_said(products[:top], step.text)
            if said:
                state.chosen_options = said
            text += "\n" + wording.product_list(products[:top], "Top picks:")
            if named[0]:  # «whats your cheapest chai blend? and any organic ones»: of chai
                state.last_search = asked
        return Turn(
            text=text,
            products=[p.id for p in products[:top]],
            numbers=[figure.count, figure.in_stock],
        )


_AGAINST = re.compile(r"\b(?:not|no|n't|without|except|but|hate|avoid|anything)\b", re.I)
# «and add a braided usb-c cable as well»: an add of a kind, several of which fit
_ADD_OF_A_KIND = re.compile(
    r"^\W*(?:(?:and|also|ok|okay|so|then|pls|please|oh|can you|could you)\W+)*"
    r"(?:add|put|pop|throw in|chuck|stick|grab|order|i'?d like|i would like|i'?ll take"
    r"|i'?ll have)\s+(?:in\s+)?(?:a|an|some|one|the)\b"
    # «lumen home linen duvet cover in pink, queen size - add one»: the add said last
    r"|[-,.–]\s*(?:(?:pls|please|so|then)\s+)?(?:add|grab|get me|order)\s+(?:one|1|it)"
    r"(?:\s+(?:please|pls|then))?\W*$"
    # «2 ironpeak yoga mats in pink please»: so many of a kind, asked for
    r"|^\W*(?:\d{1,2}|two|three|four|five|six)\s+(?!person|people|seater|pack|players?|kg|g|ml)"
    r"[a-z][^?]*\b(?:please|pls|plz)\W*$",
    re.I,
)


_A_SIZE_UNIT = (
    r"(?:inch(?:es)?|in\b|\"|man\b|person|people|cm\b|mm\b|l\b|litres?|liters?|qt|quarts?|"
    r"seater|players?)"
)


def _which_to_add(products: list[Product], text: str) -> str:
    """The question an add of a kind asks when several fit («and add a braided usb-c cable as
    well», «add the echo fox earbuds in rose gold» of two); nothing otherwise."""
    return "\nWhich one should I add?" if len(products) > 1 and _ADD_OF_A_KIND.search(text) else ""


def _buyable_in_budget(products: list[Product], filters: SearchFilters) -> list[Product]:
    """Under a price cap, those buyable within it: not a serum whose only sizes under $60
    are sold out while its $75.99 one is in stock (listed «from $50.99, in stock» before).
    A product sold out in every version stays, listed as out of stock."""
    if filters.max_price_minor is None:
        return products
    low, high = filters.min_price_minor or 0, filters.max_price_minor
    return [
        p
        for p in products
        if any(v.stock > 0 and low <= v.price_minor <= high for v in p.variants)
        or not any(v.stock for v in p.variants)
    ]


def _in_the_version_said(products: list[Product], text: str) -> list[Product]:
    """The products that come in the version a search names («case for pixel 9»), when some
    do; a product whose title says the value is one of them («decaf ground coffee»: the Decaf
    Ground Coffees, not only the whole-bean ones sold ground)."""
    named = {p.id: p.options_named_in(text) for p in products}
    values = {value.lower() for said in named.values() for value in said.values()}
    kept = [
        p
        for p in products
        if named[p.id] or any(re.search(rf"\b{re.escape(v)}\b", p.title.lower()) for v in values)
    ]
    return kept if 0 < len(kept) < len(products) else products


def _no_stars_implied(filters: SearchFilters, text: str) -> SearchFilters:
    """«best rated blender in stock», «best rated of those?»: the top one, whatever its stars
    (not «4★ or more», and so none), unless the stars were said («best rated, 4 stars+»)."""
    if superlative_kind(text) != "best_rated" or _STARS_SAID.search(text):
        return filters
    return filters.model_copy(update={"min_rating": None})
