"""The rule planner: the dialogue acts of a message, then for each request its slots, the
products it is about and, for cart and order acts, the exact tool calls.

A message may hold several requests ("add the second one and tell me when it arrives"),
planned one at a time against the state the previous one left ("it": what the first added);
the engine answers read-only acts from the slots; cart calls come only from the shopper's words.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial
from typing import Any

from assistant.catalogue.models import Catalogue, Product
from assistant.conversation.answers.fact_words import ATTRIBUTE_WORDS
from assistant.conversation.state import DialogueState, PendingAction
from assistant.conversation.understanding.acts import (
    ActClassifier,
    DialogueContext,
    Request,
    without_greeting,
)
from assistant.conversation.understanding.adds_apart import each_added_apart, picked_and_added
from assistant.conversation.understanding.asides import without_asides
from assistant.conversation.understanding.beside_focus import (
    in_this_conversation,
    spec_not_opinion,
    versions_of_the_one_in_view,
)
from assistant.conversation.understanding.buying import (
    CART_CHANGING,
    CART_LINE_ACTS,
    added_again,
    another_version_of,
    asks_for_a_change,
    cheaper_version,
    guessed_pick_in_view,
    kept_anyway,
    not_a_change,
    only_a_version,
    only_names,
)
from assistant.conversation.understanding.cart_corrections import (
    corrected_count,
    corrects_a_version,
    count_corrected,
    so_many_in_all,
    version_corrected,
)
from assistant.conversation.understanding.comparatives import the_other
from assistant.conversation.understanding.corrections import (
    ARRIVAL,
    UNDERSTOOD_AS_NOTHING,
    corrected,
    in_context,
)
from assistant.conversation.understanding.counts_in_words import (
    count_for_each,
    counted_in_words,
    counts_as_digits,
    one_for_each_of,
    pairs_as_units,
    party_said,
)
from assistant.conversation.understanding.everyday_names import EverydayNames
from assistant.conversation.understanding.express import reopened_buy
from assistant.conversation.understanding.follow_ups import (
    a_count_alone,
    answered_which,
    asks_again,
    bare_pick,
    counted_version,
    doubted_whole,
    elliptical_question,
    enough_of_it,
    follow_up_act,
    more_of_the_last_add,
    moved_on,
    picked_instead,
    quoted_of_the_one_in_view,
    so_many_for_them,
    so_many_more,
    tried_instead,
)
from assistant.conversation.understanding.go_ahead import goes_ahead
from assistant.conversation.understanding.group_picks import (
    a_version_each_step,
    by_the_price_said,
    group_removal,
    group_step,
    named_and_the_other,
    named_then_each,
    same_again_of,
    same_again_step,
    those_and_the_other,
    with_the_one_in_view,
)
from assistant.conversation.understanding.holding_off import holds_off, lets_go_of_the_add
from assistant.conversation.understanding.indifference import any_version, without_indifference
from assistant.conversation.understanding.joins import (
    added_then_asked,
    asked_of_the_same,
    joined_requests,
    merged_policy_fragments,
    returns_asked_too,
)
from assistant.conversation.understanding.keeping import (
    AND_THE,
    fewer_taken_out,
    fixed_before_yes,
    removal_calls,
    what_goes,
)
from assistant.conversation.understanding.kind_only import names_a_kind_only
from assistant.conversation.understanding.list_length import options_asked
from assistant.conversation.understanding.makes_asked import brands_of, makes_asked_for
from assistant.conversation.understanding.mind_changes import MindChanges
from assistant.conversation.understanding.named_picks import (
    NAMED,
    answers_the_post,
    compared_pick,
    named_pick,
    one_more_for,
    one_more_for_someone,
    several_picked,
)
from assistant.conversation.understanding.narrowing import flagged_refine, narrowed_searches
from assistant.conversation.understanding.numbered_picks import numbered_picks_named
from assistant.conversation.understanding.other_than_that import others_wanted
from assistant.conversation.understanding.other_value import (
    ANOTHER_LINE,
    decided_by_version,
    line_by_position,
    names_another_version,
    other_value,
    others_to_choose,
)
from assistant.conversation.understanding.per_pick_versions import versions_moved_to_their_pick
from assistant.conversation.understanding.putting_back import undoing_step
from assistant.conversation.understanding.references import (
    ReferenceResolver,
    References,
    has_options,
    in_stock_in,
    namesakes,
    ordinal_in_cart,
    several_named,
    which_product_question,
)
from assistant.conversation.understanding.segments import without_a_sound_first
from assistant.conversation.understanding.shorthand import in_full
from assistant.conversation.understanding.slots import (
    ALL_THERE_IS,
    DOUBLED,
    THE_LOT,
    TOTAL_SAID,
    Slots,
    extract_quantity,
    extract_slots,
    fit_to_product,
    options_for_focus,
    takes_the_most,
    without_named_colours,
)
from assistant.conversation.understanding.spelling import TitleSpelling, model_words
from assistant.conversation.understanding.steps import (
    Step,
    ToolCall,
    change_calls,
    order_calls,
    several_adds,
    traded_out,
    version_calls,
    version_stock,
)
from assistant.conversation.understanding.summary_corrections import corrected_at_the_summary
from assistant.conversation.understanding.superlative_adds import picked_by_figure, superlative_adds
from assistant.conversation.understanding.superlative_questions import asked_of_the_superlative
from assistant.conversation.understanding.sure_acts import (
    ANSWERS_ELSEWHERE,
    CAN_I_GET_SO_MANY,
    about_the_pick,
    checked,
    checkout_after_a_remark,
    taken_then_asked,
)
from assistant.conversation.understanding.trades import (
    ADD_IT,
    ADD_IT_IN,
    ANOTHER_OF,
    SWAP,
    meant_instead,
    sentences,
    without_the_trade_said,
)
from assistant.conversation.understanding.unsold_parts import unsold_part
from assistant.conversation.understanding.uses_as_kinds import UsesAsKinds
from assistant.conversation.understanding.version_lists import (
    LISTS_AS_ADD,
    picks_versions,
    version_groups,
)
from assistant.conversation.understanding.version_words import (
    BARE_NUMBER_FIRST,
    bare_size,
    catalogue_option_values,
    come_in_said,
    end_of_range,
    every_version_said,
    missing_version,
    numbered_model,
    options_it_comes_in,
    options_said_for,
    same_as_before,
    some_of_them_said,
    the_one_in_the_version,
    unoffered_value,
    version_swap,
)
from assistant.conversation.understanding.which_by_version import picked_by_its_version
from assistant.search.compounds import CompoundWords
from assistant.search.filters import FilterVocabulary
from assistant.search.kinds import ProductKinds, singular
from assistant.search.mentions import ProductMentions

# a kind word counted, sized or said as what it is for: no other kind wanted
_COUNTED_OR_FOR = (
    r"\b(?:\d+|an?|one|two|three|four|five|couple(?: of)?|\w+est|small|big|large|medium|whole)"
    r"\s+{kind}s?\b|\bfor\s+(?:my|the|a|an|his|her|our|their)\s+(?:\w+\s+)?{kind}s?\b"
)
_MORE_OF = re.compile(r"\b(?:more|another|extra)\b", re.I)  # «2 more of the cheaper one»
_BUY_VERB_FIRST = re.compile(
    r"^\W*(?:(?:ok|okay|and|also|so|pls|please)\W+)*(?:add|get me|grab me|grab|order|buy|put)\b"
    # not «get me some info on …»: something to read, not to buy
    r"(?![^?]*\b(?:info|information|details|specs|a list|link|links|price|prices)\b)",
    re.I,
)


class RulePlanner:
    """Plans a turn without a generative model."""

    def __init__(
        self,
        classifier: ActClassifier,
        catalogue: Catalogue,
        vocabulary: FilterVocabulary,
        mentions: ProductMentions | None = None,
        kinds: ProductKinds | None = None,
    ) -> None:
        self.classifier = classifier
        self.catalogue = catalogue
        self.vocabulary = vocabulary
        self.kinds = kinds
        self.references = ReferenceResolver(catalogue, mentions or ProductMentions(catalogue))
        self.compounds = CompoundWords(catalogue)
        self.mind_changes = MindChanges(catalogue)
        self.everyday = EverydayNames(catalogue)
        self.uses = UsesAsKinds(catalogue)  # «something to keep my coffee hot»: a bottle
        self.spelling = TitleSpelling(catalogue, model_words())
        self.values_by_name = catalogue_option_values(catalogue)
        self._brands = brands_of(catalogue)  # «theragun?»: a make we lack, asked for
        self._version_values = {
            v.lower() for values in self.values_by_name.values() for v in values
        }

    def requests(
        self,
        state: DialogueState,
        message: str,
        cart_products: list[str],
        has_order: bool = False,
        vector: list[float] | None = None,
    ) -> list[Request]:
        """The message's requests and their acts, in order."""
        if message.strip().lower().startswith("#cart"):
            return [Request(message, "add", 1.0)]
        # "airfryer": "air fryer"; «tmrw»; «rucksack»: backpack; «dumbells»; «orange. no wait blue»
        message = in_full(self.compounds.split(without_greeting(without_a_sound_first(message))))
        # «do they do a large?»: whether they come in it (the one in focus, if one is)
        message = self.everyday.as_titled(come_in_said(message, bool(state.focus)))
        message = self.uses.as_kind(message)
        message = counts_as_digits(self.spelling.respelled(message))  # «half a dozen»: 6
        message = some_of_them_said(message, self._version_values)  # «2 of those … galaxy s24»
        message = without_asides(message)  # «ok 30 ml to try it»: the 30 ml
        message = versions_moved_to_their_pick(message)  # «…, deluxe for the third»
        message = numbered_picks_named(message)  # «first the X, second the Y. 2 of the first»
        message = self.mind_changes.settled(message)
        if state.pending_action is None:  # to a «which one?», «any colour is fine» picks one
            message = without_indifference(message)  # «hoodie, any colour is fine»: a hoodie
        message = self.references.their_as_brand(message, state.focus)  # «their aero tote»
        message = without_the_trade_said(message, state, self.catalogue)  # «… take X out»
        context = DialogueContext(
            shown=bool(state.shown),
            pending_checkout=state.pending_checkout is not None,
            in_cart=bool(cart_products),
            has_order=has_order or state.last_order_id is not None,
        )
        requests = list(map(checked, self.classifier.classify(message, context, vector)))
        heard = lambda text: checked(self.classifier.classify(text, context)[0])  # noqa: E731
        requests = [
            piece
            for request in requests
            for piece in taken_then_asked(request, heard, len(state.shown))
        ]
        requests = [about_the_pick(request, state.focus) for request in requests]
        requests = picked_and_added(requests)  # «cheapest one in pink pls, add it»: one add
        requests = each_added_apart(requests, self.references.mentions)  # «X and a roamly Y»
        requests = checkout_after_a_remark(requests)  # «eh its 15 bucks. checkout»
        if context.pending_checkout:  # «no, not yet. I said one puzzle, not two»: both
            unsummarised = context.model_copy(update={"pending_checkout": False})
            requests = corrected_at_the_summary(
                requests,
                lambda text: list(map(checked, self.classifier.classify(text, unsummarised))),
            )
        merged = merged_policy_fragments(requests)  # "can u gift wrap it and put a note in"
        merged = returns_asked_too(merged)  # «… under $60. also … can i send it back?»
        merged = added_then_asked(merged)  # «ok add the blue one. any coupon for a first order?»
        joined = joined_requests(merged, self.references.mentions, self.kinds, self.vocabulary)
        mentions = self.references.mentions
        joined = asked_of_the_same(joined, mentions, self.kinds, state.focus)  # «… and why …»
        versions = self.vocabulary.colours | self.vocabulary.sizes
        joined = narrowed_searches(joined, state, self.kinds, versions)  # «something wooden?»
        joined = picked_by_its_version(joined, state, self.catalogue, versions)  # «black»
        joined = flagged_refine(joined, state)  # «id rather a vetted seller, what else?»
        joined = others_wanted(joined, state)  # «anything but that seller then»
        joined = superlative_adds(joined, state, self.catalogue, self.kinds, self.vocabulary)
        joined = makes_asked_for(joined, self._brands)  # «theragun? my legs are wrecked»
        return doubted_whole(joined, message, state)  # «… 74 bucks? where does it say that»

    def _fact_of_the_list(self, intent: str, text: str, state: DialogueState) -> str:
        """«how many can play» heard as a question of the shop, beside a list of board games:
        a fact each listed product gives, asked of them."""
        if intent != "catalogue_question" or not state.shown or _OF_THE_SHOP.search(text):
            return intent
        listed = [self.catalogue.products[p] for p in state.shown if p in self.catalogue.products]
        given = {name for product in listed for name in product.attributes}
        asked = any(
            re.search(ATTRIBUTE_WORDS[name], text, re.I)
            for name in given
            if name in ATTRIBUTE_WORDS
        )
        named = self.kinds.named_kind(text) if self.kinds else None
        return "product_question" if asked and named is None else intent

    def step(
        self,
        state: DialogueState,
        request: Request,
        cart_products: list[str],
        has_order: bool = True,
    ) -> Step:
        """Slots, references and calls for one request, against the current state."""
        slots = extract_slots(request.text, self.vocabulary)
        slots.quantity = _counted(state, request.text, slots.quantity)
        if outright := self._outright(state, request, slots, cart_products):
            return outright
        intent = request.act
        asked_which, state.asked_which = state.asked_which, None
        asked_count, state.asked_which_count = state.asked_which_count, None
        state.asked_which_listed = None  # read by `requests`, before this step
        request = reopened_buy(
            state, request, self.catalogue, self.references.mentions.names_other_than
        )
        request = self._taking_the_most(state, request, slots)
        request = self._taking_the_lot(state, request, slots)
        pending = state.pending_action
        intent, choice = self._answering_pending(state, request, slots)
        if intent in UNDERSTOOD_AS_NOTHING:
            intent = in_context(intent, request.text, state)
        intent = self._fact_of_the_list(intent, request.text, state)  # «how many can play»
        ahead = goes_ahead(intent, request.text, state)  # «go on then»: the one asked about
        intent = follow_up_act(intent, request.text, state, bool(slots.options))
        intent = bare_pick(intent, request.text, state)
        intent = a_count_alone(intent, request.text, state)  # «cool, 2 pairs pls»
        intent = so_many_for_them(intent, request.text, state)  # «for two kids so 2»
        intent = so_many_more(intent, request.text, state)  # «and 2 more» after an add
        intent = picked_instead(intent, request.text, state)
        intent = enough_of_it(intent, request.text, state)  # «enough navy?»: its stock
        # «for the same phone», «the cairn gear air s in the same colour» (of a one-colour
        # headlamp just added: the colour of its line)
        last_line = state.last_added[-1].options if state.last_added else {}
        state.chosen_options |= same_as_before(request.text, state.added_options or last_line)
        intent = options_asked(intent, request.text)  # «give me two options for a tent»
        intent, request = ("add", replace(request, implied=True)) if ahead else (intent, request)
        if intent == "order_status" and state.pending_checkout and ARRIVAL.search(request.text):
            intent = "product_question"  # "ok but when would it arrive?": the summary's items
        focus = self.catalogue.products.get(state.focus or "")
        # «swap the first one for the other colour»: the cart's first line is the one meant
        focus = self.catalogue.products.get(line_by_position(request.text, cart_products)) or focus
        focus = self._last_added_other(request.text, state, focus, cart_products)
        held = focus is not None and focus.id in cart_products
        chosen = (
            (state.options_added(focus.id) or state.versions_added.get(focus.id, {}))
            if held and focus
            else {}
        ) or state.chosen_options
        intent, request = _versions_asked(intent, request, slots, focus, chosen, held)
        other_of_focus = _other_of_focus(state, request.text, focus, chosen, held)
        if intent in CART_LINE_ACTS and not (choice or request.implied):
            intent = self._only_sounds_like_a_change(intent, request, slots, state, cart_products)
        intent = fewer_taken_out(intent, request.text, len(set(cart_products)))
        intent, request = count_corrected(intent, request, state, slots)  # «i meant 2»
        intent, request = version_corrected(intent, request, state, focus, held, slots)
        intent = fixed_before_yes(intent, request.text, bool(state.pending_checkout))
        intent = one_more_for_someone(intent, request.text, slots)  # «one olive king for …»
        trading = intent in {"remove", "change"} or SWAP.search(request.text)
        trading = trading or (intent == "add" and ANOTHER_OF.search(request.text))  # «…rope»
        cart = cart_products if trading else None
        if choice:  # "the 250 g whole bean one" names options, not the "Whole Bean Coffee"
            references = References(ids=[pending.product_id], kind="option")
        else:
            references = self.references.resolve(
                request.text, state, slots.options, cart, cart_products
            )
            # «take the last one out»: of the cart, when the list's last is not in it
            references = ordinal_in_cart(references, request.text, cart, intent)
            # «and the same size in the other grind»: the one in view, in its other version
            references = references if references.ids or not other_of_focus else other_of_focus
        references = self._versions_said(
            intent, references, request.text, slots, focus, state.versions_added
        )
        references = with_the_one_in_view(intent, references, request.text, state.focus)
        references = those_and_the_other(intent, references, request.text, state)
        references = named_and_the_other(intent, references, request.text, state)
        references = more_of_the_last_add(intent, references, request.text, state)
        references = by_the_price_said(
            intent, references, request.text, self.catalogue.products, state.shown
        )
        references = quoted_of_the_one_in_view(references, request.text, state, focus)
        intent = same_again_of(intent, references, request.text, state, slots)
        intent = corrected(intent, references, request, state, slots, has_order)
        intent, references = meant_instead(intent, references, request.text, state, cart_products)
        named = self.catalogue.products.get(references.ids[0]) if references.ids else None
        instead = tried_instead(references, request.text, state, named)
        intent = "add" if instead else intent
        if not choice and moved_on(intent, references, state):
            state.pending_action = None  # «what about the X, in stock?»: «which one?» is off
        intent = _which_answered(asked_which, asked_count, references, request.text, intent, slots)
        target = references.ids[0] if references.ids else state.focus
        intent = picked_by_figure(
            intent, references.kind, request.text, self.catalogue.products.get(target or "")
        )
        if intent == "add" and target in cart_products and SO_MANY_IN_ALL.search(request.text):
            intent = "change"  # «and please one more, so four in total», «can i get 2?»
        intent = self._picked(intent, references, request.text, slots, state, target, cart_products)
        if (
            (intent == "change" or (intent == "remove" and AND_THE.search(request.text)))
            and (
                references.kind in {"mention", "id"}
                # «and 2 of the first one in 1kg»; not «change the first one to 2»
                or (references.kind == "ordinal" and not _CHANGE_VERB.search(request.text))
            )
            and not set(references.ids) & set(cart_products)
        ):
            intent = "add"  # "and the flexa bands in purple": not in the cart yet, so an add
        # «and the first one you showed me earlier, in orange» right after an add: one more
        intent = _added_too(intent, references, request.text, state, self.catalogue.products)
        intent = _and_the_shown_one(intent, references, request.text, state, cart_products)
        intent = _bought_for_each(intent, references, request.text)  # «… one each for my 3»
        intent, references = self._kind_only(intent, references, request, state, slots)
        # «what scent is the cheapest one»: asked of it
        intent, request = asked_of_the_superlative(intent, references, request)
        intent = guessed_pick_in_view(
            intent, references.ids, request.text, state.shown, self.catalogue.products
        )
        intent = in_this_conversation(
            intent,
            request.text,
            references,
            slots,
            state,
            cart_products,
            focus=self.catalogue.products.get(state.focus or ""),
            names_kind=lambda: bool(self.kinds and self.kinds.named_kind(request.text)),
        )
        intent = so_many_in_all(intent, request.text, state, slots)  # «add 3 of those»: 3
        intent = "add" if instead else intent  # «ok what about the X then, also 8 in blue»
        kept = kept_anyway(intent, references, request.text, slots, target in cart_products)
        intent = "view_cart" if kept else intent  # «eh still want it»: in the cart, kept as is
        in_view = [state.focus] if state.focus else state.shown[:3]
        products_in_view = [
            self.catalogue.products[p] for p in in_view if p in self.catalogue.products
        ]
        intent = spec_not_opinion(intent, request.text, products_in_view)  # «how many can play»
        intent = versions_of_the_one_in_view(intent, request.text, products_in_view)
        intent = "smalltalk" if holds_off(intent, request.text) else intent  # «dont add it yet»
        intent = self._of_another_kind(intent, references, request.text, state, cart_products)
        if lets_go_of_the_add(state, request.text):  # «forget it, too pricey» to «which one?»
            intent, state.pending_action = "smalltalk", None
            request = replace(request, text="don't add it", act="smalltalk")  # said so
        step = Step(
            intent=intent,
            text=elliptical_question(
                intent, request.text, references, state, self._titles(references)
            ),
            confidence=request.confidence,
            slots=slots,
            references=references,
        )
        if target in self.catalogue.products and intent != "search":
            product = self.catalogue.products[target]
            # «something else in L, navy maybe?» narrows the list: navy, sold by this one or not
            heard = dict(step.slots.options) if intent == "refine" else {}
            fit_to_product(product, request.text, step.slots)
            step.slots.options = {**heard, **step.slots.options}
            step.slots.options = without_named_colours(
                step.slots.options, request.text, self.vocabulary.colour_in_names
            )
            step.slots.quantity = pairs_as_units(product, request.text, step.slots.quantity)
        if intent in CART_CHANGING or intent in {"view_cart", "order_status"}:
            self._cart_calls(step, state, cart_products)
        return step

    def _outright(
        self, state: DialogueState, request: Request, slots: Slots, cart_products: list[str]
    ) -> Step | None:
        """A step the words settle before any other reading: «wait, put it back», «scratch
        that last one» (a «no» to a summary goes first), «add both», «same again»."""
        if request.act == "decline":
            return None
        if undone := undoing_step(state, request, slots, self.catalogue):
            return undone
        if request.act == "remove":  # «take both out», «remove all three»
            return group_removal(state, request, slots, cart_products)
        products = self.catalogue.products
        if (parts := named_then_each(request.text)) and len(
            named := self.references.mentions.find(parts[0])
        ) == 1:  # «add the X - one of every colour u have»: each version of X
            state.focus = named[0].product_id
            request = replace(request, text=parts[1])
        # «i like the flexa zen x and the pulsefit go, i'll take one of each»: each of those
        # named, not each of the list in view
        named_apart = self.references.names_several(request.text)
        return (
            a_version_each_step(state, request, slots, products)
            or (None if named_apart else group_step(state, request, slots, cart_products, products))
            or same_again_step(state, request, slots, products)
        )

    def _versions_said(
        self,
        intent: str,
        references: References,
        text: str,
        slots: Slots,
        focus: Product | None,
        added: dict[str, dict[str, str]],
    ) -> References:
        """The product whose versions a request names, with those versions in the slots."""
        if focus and intent in {"add", "change"} and another_version_of(focus, references, text):
            slots.options = focus.options_named_in(text)
            return References(ids=[focus.id], kind="option")  # «and a 1kg whole bean too»
        if references.kind == "superlative" and not slots.options:  # «the better one, 250g»
            ranked = self.catalogue.products[references.ids[0]]
            # «2 more of the cheaper one» of two added: in the version it was added in
            held = added.get(ranked.id, {}) if _MORE_OF.search(text) else {}
            slots.options = ranked.options_named_in(text) or dict(held)
        elif (
            intent == "add"
            and len(references.ids) == 1
            and not slots.options
            and _MORE_OF.search(text)
            and (held := added.get(references.ids[0]))
        ):
            slots.options = dict(held)  # «2 more of the kestrel one»: in the version it holds
        return references

    def _only_sounds_like_a_change(
        self,
        intent: str,
        request: Request,
        slots: Slots,
        state: DialogueState,
        cart_products: list[str],
    ) -> str:
        """What a cart act asks when its words ask for no change ("and the handle?"); a bare
        name with its versions is still a pick («the playwise studio one, standard»)."""
        if asks_for_a_change(request.text, slots) or self._named_with_its_versions(request.text):
            return intent
        if state.pending_checkout and corrected_count(request.text):
            return intent  # «thats wrong sorry, 2 not 1» to the summary: the count changed
        focus = self.catalogue.products.get(state.focus or "")
        if focus and focus.id in cart_products and corrects_a_version(request.text, focus):
            return intent  # «I said medium, not small» of the line just added: its version
        return _not_a_change(request, focus, cart_products, state)

    def _kind_only(
        self,
        intent: str,
        references: References,
        request: Request,
        state: DialogueState,
        slots: Slots,
    ) -> tuple[str, References]:
        """A request that names only a kind searches it ("card game" after headlamps, «I'd
        like to buy a gift card»), unless an add's versions leave one product of the brand."""
        only_a_kind = names_a_kind_only(
            self.kinds, self.catalogue, intent, references, request, state, slots
        )
        if not only_a_kind and not (intent == "search" and not references.ids):
            return intent, references
        if one := self._the_one_in_those_versions(request):
            slots.options = {**one[1], **slots.options}
            return "add", References([one[0]], "mention")
        return ("search" if only_a_kind else intent), references

    def _the_one_in_those_versions(self, request: Request) -> tuple[str, dict[str, str]] | None:
        """«add the voltedge power bank, pixel 9 one in green»: of the brand's products of the
        kind said, the only one sold in stock in every version named; None otherwise."""
        # «add a snapgrip magsafe case for iphone 16, black» heard as a search: an add still
        said_add = _BUY_VERB_FIRST.match(request.text)
        if request.act != "add" and not said_add:
            return None
        several = self.references.mentions.of_brand_and_kind(request.text, "", said_kind=True)
        products = [self.catalogue.products[pid] for pid in several]
        named = {p.id: p.options_named_in(request.text) for p in products}
        said = set().union(*(set(options.values()) for options in named.values()))
        fitting = [
            p.id
            for p in products
            if said and set(named[p.id].values()) == said and in_stock_in(p, named[p.id])
        ]
        if len(products) < 2 or len(fitting) != 1:
            return None
        return fitting[0], named[fitting[0]]

    def _named_with_its_versions(self, text: str) -> bool:
        """Whether a request only names one product and versions of it («the playwise studio
        one, standard»): a pick, whatever it was heard as."""
        named = {mention.product_id for mention in self.references.mentions.find(text)}
        product = self.catalogue.products.get(next(iter(named))) if len(named) == 1 else None
        return bool(product and product.options_named_in(text) and only_names(product, text))

    @staticmethod
    def _taking_the_most(state: DialogueState, request: Request, slots: Slots) -> Request:
        """«only 4 left», then «just add every one you have»: the count is what is left (or
        the per-order limit), and «ok do the max then» asks nothing of the policy."""
        pending = state.pending_action
        if not (pending and pending.most and ALL_THERE_IS.search(request.text)):
            return request
        slots.quantity = pending.most
        wanted = takes_the_most(request.text)
        return replace(request, act=pending.kind, implied=True) if wanted else request

    def _taking_the_lot(self, state: DialogueState, request: Request, slots: Slots) -> Request:
        """«how many u got left?» of the M, then «i'll take the lot then»: every one in stock
        of the one version in view."""
        product = self.catalogue.products.get(state.focus or "")
        if product is None or state.pending_action or not THE_LOT.search(request.text):
            return request
        wanted = {**state.chosen_options, **slots.options}
        fits = [v for v in product.variants if v.stock and wanted.items() <= v.options.items()]
        if len(fits) != 1:
            return request
        slots.quantity, slots.options = fits[0].stock, dict(fits[0].options)
        return replace(request, act="add", implied=True)

    def _answering_pending(
        self, state: DialogueState, request: Request, slots: Slots
    ) -> tuple[str, dict[str, str]]:
        """The act of a request that may answer an open «which one?», and the options it names."""
        intent, pending = request.act, state.pending_action
        product = self.catalogue.products.get(pending.product_id) if pending else None
        if intent in ANSWERS_ELSEWHERE and only_a_version(product, request.text):
            intent = "add"  # «ok L then» heard as a question still answers «which one?»
        cart_pick = pending is not None and pending.kind in {"add", "change"}
        if cart_pick and (model := numbered_model(product, request.text)):
            slots.options, slots.quantity = model, None  # «mine's a 15»: the iPhone 15 one
            return pending.kind, model
        if cart_pick and (bare := bare_size(product, request.text)):
            slots.options = {**slots.options, **bare}  # «50 then, two of em» of 100 ml: 50 ml
            said = BARE_NUMBER_FIRST.match(request.text)
            slots.quantity = extract_quantity(request.text[said.end(1) :]) if said else None
            return pending.kind, bare
        if cart_pick and slots.quantity and COUNT_ALONE.match(request.text):
            intent = pending.kind  # «2 actually» to «which one?»: how many, then asked again
        elif cart_pick and (count := corrected_count(request.text)):
            intent, slots.quantity = pending.kind, count  # «i said 3 not 2»: the same
        if not pending or intent in {"checkout", "view_cart", "remove"} | ANSWERS_ELSEWHERE:
            return intent, {}
        if (
            intent in {"search", "catalogue_question"}
            and _ANY_OF_A_KIND.match(request.text)
            and not _ANY_VERSIONS.search(request.text)
        ):
            return intent, {}  # «any merino sweaters in XL that are in stock?»: others, searched
        if _NO_ANSWER.match(request.text):
            return intent, {}  # «when's white back in stock?» after «which one?»: a question
        other = self.references.mentions.names_other_than(
            request.text, pending.product_id
        ) or _the_other_product(request.text, product, state.shown)
        other = other or self._wants_another_kind(request.text, product)
        # «any colour is fine», «whichever»: a version in stock that fits, chosen for them
        choice = any_version(product, request.text, pending.options) if not other else {}
        choice = choice or (product.options_named_in(request.text) if product and not other else {})
        choice = choice or cheaper_version(product, request.text, pending.options)
        # «the biggest one» of candles in twin, queen and king: the king
        choice = choice or (end_of_range(product, request.text) if product and not other else {})
        # «black?» to a duffel in navy or grey: the cart tool says so and asks again
        choice = choice or missing_version(product, request.text, slots.options)
        if choice:  # "the blue one" answers "which one?"
            slots.options = choice
            # («make it 2» refused for stock, then «add the navy one in M too»: a line more)
            more = intent == "add" and _A_LINE_MORE.search(request.text)
            return ("change" if pending.kind == "change" and not more else "add"), choice
        if slots.quantity and intent in {"add", "change", "smalltalk", "help"}:
            return (pending.kind if pending.kind in {"add", "change"} else "add"), choice
        return intent, choice

    def _namesakes_or_found(self, step: Step) -> list[str]:
        """The products a name that fits several stands for: those found by it («… and 3
        kestrel totes in navy»: the two Kestrel totes), else all that share the name."""
        if step.references.kind == "mention" and len(step.references.ids) >= 2:
            return list(step.references.ids)  # not every product of a «Kestrel …» maker
        return self.references.mentions.namesakes(step.text)

    def _wants_another_kind(self, text: str, product: Product | None) -> bool:
        """«also need some decaf ground coffee to go with it» while asked which version of a
        whole bean coffee: a thing of another kind is wanted, not the «ground» version."""
        wants = _WANTS_ALSO.search(text)
        if product is None or not wants or product.options_named_in(text[: wants.start()]):
            return False  # («1 kg, ground, i also want it for my pour-over»: the version said)
        mentions = self.references.mentions
        own = mentions.title_words.get(product.id, set()) | {
            word.lower() for variant in product.variants for word in variant.options.values()
        }
        said = set(re.findall(r"[a-z]+", text.lower()))
        return bool((said & mentions.type_words) - own - mentions.version_words)

    def _picked(
        self,
        intent: str,
        references: References,
        text: str,
        slots: Slots,
        state: DialogueState,
        target: str | None,
        in_cart: list[str],
    ) -> str:
        """A bare name with its options is a pick; "add it" right after one adds no second."""
        picked, state.picked_by_name = state.picked_by_name, None
        if (state.last_intent or "").endswith("add") and picked is None and ADD_IT.match(text):
            picked = state.added_id  # «the coffee one, 1kg bag», then «pop it in the basket»
        if (
            (state.last_intent or "").endswith("add")
            and picked is None
            and ADD_IT_IN.match(text)
            and slots.options
            and slots.options.items() <= state.added_options.items()
            and target == state.added_id
            and target in in_cart
        ):
            return "view_cart"  # «the cheaper one» put the navy one in: «add it in navy»
        named = [self.catalogue.products[p] for p in references.ids if p in self.catalogue.products]
        if several_picked(intent, references, text, named):
            return "add"  # «the urbanloom and the northwind plus 900, both in L»
        if compared_pick(intent, references, text, slots):
            return "add"  # «the cheaper of the two atlas & oak ones, in grey»
        product = self.catalogue.products.get(target or "")
        act = named_pick(intent, references, text, product, slots)
        shown_named = product and product.id in state.shown and references.kind in NAMED
        if act in {None, "search"} and shown_named and only_names(product, text):
            # «… shorts, medium, black», then «the Kestrel Sport 200 ones»: that version
            chosen = options_it_comes_in(product, state.chosen_options)
            chosen |= product.options_named_in(state.last_search or "")  # «medium»: its M
            if chosen and chosen.keys() == product.options_by_name().keys():
                act, state.chosen_options = "add", {**state.chosen_options, **chosen}
        if answers_the_post(intent, references, text, bool(state.shown_from), product):
            act = "add"  # «the kettle» answers the #cart's «which one?»
        if act == "search" and asks_again(text, state):
            return intent  # «And the Blade & Bowl knife?» after a question: the same question
        in_view = references.kind in {None, "deictic", "option"}  # not a product named
        if act is None and product and picks_versions(product, text, sentences(text)[-1], in_view):
            act = "add" if intent in LISTS_AS_ADD and "?" not in text else None
        if act:
            state.picked_by_name = target if act == "add" else None
            return act  # "kestrel plus hoodie S": that one, in the cart
        if (
            added_again(intent, references, text, slots, target, picked)
            and target in in_cart
            and not one_more_for(text, slots)  # «one olive king for the guest room»: another
        ):
            return "view_cart"  # it is in the cart already: show it
        return intent

    def _titles(self, references: References) -> list[str]:
        products = (self.catalogue.products.get(pid) for pid in references.ids)
        return [product.title for product in products if product]

    def _target(
        self, state: DialogueState, step: Step, cart_products: list[str], prefer_cart: bool
    ) -> str | None:
        """The product a cart action is about."""
        kind = step.references.kind
        if state.pending_action and kind in {None, "option", "deictic"}:
            return state.pending_action.product_id  # "the blue one" answers the open question
        if step.references.ids and namesakes(step.references):
            # «a flexa resistance band set too, also pink»: the one of them in that version
            fits = [
                pid
                for pid in step.references.ids
                if has_options(self.catalogue.products[pid], step.slots.options)
            ]
            if step.slots.options and len(fits) == 1:
                return fits[0]
            state.shown = list(step.references.ids)  # «the atlas & oak one»: which of them?
            return None
        gone = (  # «make it 2» right after the others went out
            kind == "deictic"
            and step.intent == "change"
            and (state.last_intent or "").endswith("remove")
            and step.references.ids[0] not in cart_products
        )
        if gone and prefer_cart and len(set(cart_products)) == 1:
            return cart_products[0]  # «make it 2» once the others are out: the line left
        if step.references.ids:
            return step.references.ids[0]
        if prefer_cart and len(set(cart_products)) == 1:
            return cart_products[0]
        if state.focus and _names_others(self.references.mentions.namesakes(step.text), state):
            return None  # «and 3 of the echofox ones» beside a quietude: which echofox?
        if state.focus:
            return state.focus
        # «3 of the 1kg ground» beside two cold brews, one sold ground: that one
        pool = self._of_the_make_said(step.text, state.shown[:5])
        said: dict[str, str] = {}
        for pid in pool:
            said |= self.catalogue.products[pid].options_named_in(step.text)
        # «… power bank in green for a galaxy s24», then «grab 3»: the one sold so
        said = said or (state.chosen_options if step.references.kind is None else {})
        fits = [pid for pid in pool if has_options(self.catalogue.products[pid], said)]
        if said and len(state.shown) <= 5 and len(fits) == 1:
            fit = self.catalogue.products[fits[0]]
            step.slots.options = fit.options_named_in(step.text) or options_it_comes_in(fit, said)
            return fits[0]
        return state.shown[0] if len(state.shown) == 1 else None

    def _of_another_kind(
        self, intent: str, references: References, text: str, state: DialogueState, cart: list[str]
    ) -> str:
        """«add a matching pink memory foam pillow too» beside a duvet cover: a kind the one in
        view is not, so a search of pillows, never one more duvet cover."""
        if (
            intent not in {"add", "change"}
            or references.ids
            or state.pending_action
            or not self.kinds
        ):
            return intent
        meant = state.focus or (cart[0] if len(set(cart)) == 1 else None)
        product = self.catalogue.products.get(meant or "")
        named = self.kinds.named_kind(text)
        if product is None or named is None or singular(named) in product.title.lower():
            return intent
        if re.search(_COUNTED_OR_FOR.format(kind=re.escape(named)), text, re.I):
            return intent  # «fine, 2 bags of the 1kg», «the smallest bag», «for my bag»
        return "search"

    def _last_added_other(
        self, text: str, state: DialogueState, focus: Product | None, cart_products: list[str]
    ) -> Product | None:
        """«ok add the other colour too» after a list of others came up: the product just
        added is the one meant, when the one in view is not in the cart."""
        if (
            (focus is None or focus.id not in cart_products)
            and state.pending_action is None  # (not while a version of another is asked)
            and state.added_id in cart_products
            and names_another_version(text)
        ):
            return self.catalogue.products.get(state.added_id or "") or focus
        return focus

    def _of_the_make_said(self, text: str, shown: list[str]) -> list[str]:
        """Of the listed, those sharing the name said: «3 of the meadow & moss, white M» picks
        among the two Meadow & Moss jackets, never a Threadwell one sold in white M."""
        named = self.references.mentions.namesakes(text)
        return [pid for pid in shown if pid in named] if named else shown

    def _the_one_talked_of(self, text: str, state: DialogueState) -> str | None:
        """Of products sharing a name said on its own (a model's, or a make's with nothing
        else: «add 3 of the meadow & moss»), the only one asked about."""
        named = self.references.mentions.namesakes(text)
        spoken = [pid for pid in named if pid in state.talked_about]
        return spoken[0] if len(spoken) == 1 else None

    def _namesake_in_the_version(self, step: Step) -> str | None:
        """«copperline skillet red medium» of three Copperline skillets: the one sold so, its
        versions read against it."""
        named = self.references.mentions.namesakes(step.text)
        found = the_one_in_the_version([self.catalogue.products[pid] for pid in named], step.text)
        if found is None:
            return None
        fit_to_product(found, step.text, step.slots)
        return found.id

    def _in_stock_in_said(self, shown: list[str], options: dict[str, str]) -> list[str]:
        """«The red one» of five listed, two in red: the which-question lists those two."""
        having = [pid for pid in shown if in_stock_in(self.catalogue.products[pid], options)]
        return having if options and len(having) > 1 else shown

    def _cart_calls(self, step: Step, state: DialogueState, cart_products: list[str]) -> None:
        intent, slots = step.intent, step.slots
        if intent in _PLAIN_CALLS:  # «what's in my cart», «checkout»
            step.calls = [ToolCall(name=_PLAIN_CALLS[intent])]
        elif intent in {"order_status", "cancel_order", "return"}:
            order_calls(step, state)
        elif intent == "remove" and removal_calls(
            step,
            cart_products,
            lambda phrase, cart: self.references.in_cart(phrase, cart, state.versions_added),
            self.kinds.named_kind,
            lambda: which_product_question(self.catalogue, state, cart_products, "remove"),
        ):
            return
        elif intent == "change" and (each := _each_line_to(step, cart_products)):
            step.calls = each  # «they're for twins so make both 2»: each line to 2
            return
        else:
            product_id = self._target(state, step, cart_products, prefer_cart=intent != "add")
            # «ok just add the zen» after asking of the Atlas & Oak Zen: that one, not the
            # Packwell Zen 800 only listed since
            product_id = product_id or self._the_one_talked_of(step.text, state)
            product_id = product_id or self._namesake_in_the_version(step)
            if product_id is None:  # «add the summit supply sport s»: its headlamp or bottle?
                named = self._namesakes_or_found(step)
                # «2 of the roamly» beside two Roamly backpacks: which of those two
                in_view = [pid for pid in named if pid in state.shown]
                named = in_view if len(in_view) >= 2 else named
                state.shown = named or self._in_stock_in_said(state.shown, slots.options)
                step.clarify = which_product_question(self.catalogue, state, cart_products, intent)
                # a name answers it: with nothing in view, or among the namesakes listed
                state.asked_which = intent if named or not state.shown else None
                state.asked_which_listed = intent if state.shown and not named else None
                state.asked_which_count = slots.quantity
                # «… rain jacket size M navy, add one», then «the cheaper one»: in M, navy
                state.chosen_options = {**state.chosen_options, **slots.options}
                return
            args: dict[str, Any] = {"product_id": product_id}
            if options := options_said_for(
                self.catalogue.products.get(product_id), slots.options, step.text
            ):
                args["options"] = options
            if intent == "add" and several_named(step.references):
                step.calls = several_adds(
                    self.catalogue.products, step, _chosen_before(state, step.references.ids)
                )
                # «3 of the first and 1 of the second» next: in the order they were named
                state.added_together = list(step.references.ids)
            elif intent == "add":
                self._add_calls(step, state, args)
                # «in orange», «1 navy and 1 black» are versions, not kinds
                product = self.catalogue.products[product_id]
                said = every_version_said(product, step.text, step.slots.options)
                said_text = product.said_as_versions(step.text)  # «the normal edition»
                step.unsold = unsold_part(said_text, self.references.mentions, self.kinds, said)
                if remove := traded_out(step, state, cart_products, product_id):
                    step.calls = [*step.calls, remove]  # only once the new one is in
            elif (
                intent == "change"
                and slots.quantity is None  # «to 3 large»: the count rules need the step
                and (swap := version_swap(self.catalogue.products[product_id], step.text))
            ):
                replacing, options = swap  # «swap the small green for the large green»
                change = {"product_id": product_id, "options": options, "replacing": replacing}
                step.calls = [ToolCall(name="change_variant", args=change)]
            elif intent == "change":
                self._change_calls(step, state, args, product_id in cart_products)
            else:
                step.calls = self._removal(step, args)

    def _change_calls(
        self, step: Step, state: DialogueState, args: dict[str, Any], in_cart: bool
    ) -> None:
        """The calls of a change to one product's line: its count or version, or the line
        split in the versions listed («wait no, one white and one red, both medium»)."""
        product = self.catalogue.products[args["product_id"]]
        added = state.options_added(product.id)  # «make one of them black»: its size too
        each = version_groups(product, step.text)
        # «one white and one red»: a count for each; «make it XL, L is tight» changes one
        if in_cart and each and all(count is not None for _, count in each):
            # the line's version out; each listed in, in its size when only colours are said
            out = ToolCall(name="remove_from_cart", args={"product_id": product.id})
            if added:
                out.args["options"] = added
            kept = {"product_id": product.id, "options": added}
            step.calls = [out, *version_calls("add_to_cart", kept, each)]
            return
        in_stock = partial(version_stock, product, step.text)
        held = sum(line.qty for line in state.last_added if line.product_id == product.id)
        if step.slots.quantity is None and held and DOUBLED.search(step.text):
            step.slots.quantity = 2 * held  # «double it» of the one just added
        change_calls(step, args, in_cart, in_stock, added, held)

    def _removal(self, step: Step, args: dict[str, Any]) -> list[ToolCall]:
        """A removal of one product: each version listed goes, else the count said or the line."""
        product = self.catalogue.products[args["product_id"]]
        if versions := version_groups(product, what_goes(step.text)):
            return version_calls("remove_from_cart", args, versions)
        if step.slots.quantity is not None:
            args["quantity"] = step.slots.quantity
        return [ToolCall(name="remove_from_cart", args=args)]

    def _add_calls(self, step: Step, state: DialogueState, args: dict[str, Any]) -> None:
        product = self.catalogue.products[args["product_id"]]
        if lacking := unoffered_value(product, step.text, self.values_by_name):
            step.calls, step.clarify = [], lacking  # «add the deluxe one» of a standard-only game
            step.clarify_about, state.focus = [product.id], product.id  # «add it»: that one
            return
        pending = state.pending_action
        count = step.slots.quantity  # «add 0», «add -2»: said, and refused by the cart
        # a count asked of another line («make it 2» refused for stock) is not this add's
        counted = pending is not None and not (
            pending.kind == "change"
            and (
                pending.product_id not in {None, args["product_id"]}
                or _A_LINE_MORE.search(step.text)  # «make it 2» refused, «add a silver one too»
            )
        )
        quantity = (
            count if count is not None else (pending.quantity if pending and counted else None) or 1
        )
        # Options said before count: "in grey" before "ok 10 then", "in M" in the search
        earlier = pending.options if pending and pending.product_id == args["product_id"] else {}
        if pending and pending.kind == "add" and not earlier and _same_list(state, pending, args):
            # «the second one in size 9» («which colour?»), then «no wait, the first one»:
            # the first one in size 9 too
            earlier = options_it_comes_in(product, pending.options)
        added = state.options_added(args["product_id"])  # "add another one": that version
        if not added and _ONE_MORE.search(step.text):  # «add another of the first one then»
            added = state.versions_added.get(args["product_id"], {})
        if name := others_to_choose(product, step.text, added):
            added = {key: value for key, value in added.items() if key != name}  # asked
        said = {
            **options_it_comes_in(
                self.catalogue.products[args["product_id"]], state.chosen_options
            ),
            **added,
            **earlier,
        }
        if said:
            args["options"] = {**said, **args.get("options", {})}
        if pending and pending.kind == "buy" and pending.product_id == args["product_id"]:
            step.calls = [ToolCall(name="buy_now", args={**args, "quantity": quantity})]
        elif each := version_groups(self.catalogue.products[args["product_id"]], step.text):
            step.calls = version_calls("add_to_cart", args, each)  # «9 grey for me, 7 red for her»
        else:
            step.calls = [ToolCall(name="add_to_cart", args={**args, "quantity": quantity})]


def _which_answered(
    asked: str | None,
    count: int | None,
    references: References,
    text: str,
    intent: str,
    slots: Slots,
) -> str:
    """The act of a request answering «which one do you mean?», with the count the question
    kept («add 3 of the echofox ones», then «the zen ones»: three of them)."""
    intent = answered_which(asked, references, text, intent)
    if asked and intent == asked:
        slots.quantity = slots.quantity or count
    return intent


def _names_others(namesakes: list[str], state: DialogueState) -> bool:
    """Whether a request names several products (a brand said alone), none the one in focus."""
    return len(namesakes) > 1 and state.focus not in namesakes


# «also need some …», «i want a … too»: a thing wanted beside the one asked about
_WANTS_ALSO = re.compile(
    r"\b(?:also|too|as well)\b.*\b(?:need|want|get|grab|looking for)\b"
    r"|\b(?:need|want|get|grab|looking for)\b.*\b(?:also|too|as well|to go with)\b",
    re.I,
)
# «any sizes bigger than XL?»: of the versions asked about, still an answer to «which one?»
_ANY_VERSIONS = re.compile(r"\bany\s+(?:other\s+)?(?:sizes|colou?rs|versions|options)\b", re.I)
_ANY_OF_A_KIND = re.compile(
    r"^\W*(?:(?:and|so|ok|okay|but|hmm+|well|ugh|fine)\W+)*(?:(?:is there|are there|got|"
    r"do (?:you|u) (?:have|sell|do))\s+)?any\s+(?:[a-z-]+\s+){0,2}[a-z]{3,}s\b",
    re.I,
)
# «when's white back in stock?», «why is navy out?»: asked, never a version picked
_NO_ANSWER = re.compile(
    r"^\W*(?:(?:and|so|ok|okay|but|hmm+|wait)\W+)*(?:when|why|how long|how come|how soon)\b"
    # «anything similar in a 9 under 120?» after a sold-out version: others, searched (not
    # «grey please. anything else?», which answers first)
    r"|^\W*(?:(?:and|so|ok|okay|but|hmm+|well)\W+)*(?:(?:is there|are there|got|do you have)\s+)?"
    r"(?:(?:anything|something|any(?:thing)? others?)\s+(?:similar|like it|like that)"
    r"|similar\s+(?:ones?|to (?:it|that|this))|(?:any\s+)?alternatives?)\b",
    re.I,
)
# «2 actually», «make it 3», «i want 2 pls»: only a count, said while «which one?» is open
COUNT_ALONE = re.compile(
    r"^\W*(?:(?:no+|wait|sorry|oops|actually|ok|okay|hmm+|oh|so|and|make (?:it|that)|"
    r"i (?:want|need)|i'?ll (?:take|have)|can i (?:get|have))\W+)*"
    r"(?:\d{1,2}|one|two|three|four|five|six|a couple|a pair)"
    r"(?:\W+(?:actually|please|pls|plz|then|instead|of (?:them|those|it)|pairs?|units?|thanks|"
    r"is (?:plenty|enough|fine)|will do))*"
    r"\W*$",
    re.I,
)
_PLAIN_CALLS = {"view_cart": "view_cart", "checkout": "start_checkout"}
_EVERY_LINE = re.compile(
    r"\b(?:both|all of them|them all|each of them|all (?:two|three|2|3))\b", re.I
)


def _each_line_to(step: Step, cart_products: list[str]) -> list[ToolCall]:
    """«make both 2» of a cart of two, «make them all 3»: each line to that count (no version
    said); [] for one product, or a group the cart does not hold as said."""
    lines = list(dict.fromkeys(cart_products))
    count, said = step.slots.quantity, _EVERY_LINE.search(step.text)
    if count is None or step.slots.options or not said or len(lines) < 2:
        return []
    ids = step.references.ids if len(step.references.ids) >= 2 else lines
    if not set(ids) <= set(lines) or (said[0].lower() == "both" and len(ids) != 2):
        return []
    return [
        ToolCall(name="update_cart_item", args={"product_id": pid, "quantity": count})
        for pid in ids
    ]


_NOT_THIS = re.compile(r"\b(?:not|no)\s+(?:the\s+|in\s+)?([\w-]+(?:\s[\w-]+)?)", re.I)
_A_VERSION_WORD = re.compile(r"\b(?:colou?rs?|sizes?|versions?|editions?|in stock)\b", re.I)
SO_MANY_IN_ALL = re.compile(f"{TOTAL_SAID.pattern}|{CAN_I_GET_SO_MANY.pattern}", re.I)
_A_LINE_MORE = re.compile(r"\b(?:as well|too|also|another|add)\b", re.I)
_ONE_MORE = re.compile(  # «2 more of the navy one»: of the version held too
    r"\b(?:another|(?:one|\d{1,2}|two|three|four|five|a couple)\s+more|same again)\b", re.I
)
# «which of your mats are vegan?», «do you sell anything for 5 players?»: of the whole shop
_OF_THE_SHOP = re.compile(r"\b(?:you|your|ur|u|shop|store|sell|stock|carry)\b", re.I)
_CHANGE_VERB = re.compile(r"\b(?:change|make|swap|switch|set|update|turn|bump)\b", re.I)


def _versions_asked(
    intent: str,
    request: Request,
    slots: Slots,
    focus: Product | None,
    chosen: dict[str, str],
    in_cart: bool = False,
) -> tuple[str, Request]:
    """The options a request names of the product in view, and what it then asks."""
    slots.options = options_for_focus(intent in CART_LINE_ACTS, request.text, slots, focus)
    if other := other_value(focus, request.text, chosen):
        # «ok the other colour then» after black was sold out: the green one, added; «hmm the
        # other colour actually» of the line in the cart: that line changed to it
        kept = in_cart and not ANOTHER_LINE.search(request.text)  # «and one in the other…»
        # «and the same size in the other grind»: a second line, the first's other versions
        slots.options = (
            other if kept or not in_cart else {**options_it_comes_in(focus, chosen), **other}
        )
        return "change" if kept else "add", replace(request, implied=True)
    if in_cart and focus and (name := others_to_choose(focus, request.text, chosen)):
        # «and one in the other colour too, same size» of a skillet in three colours: which
        # colour is asked, the rest of the line's version kept
        kept = options_it_comes_in(focus, chosen)
        slots.options = {key: value for key, value in kept.items() if key != name}
        return "add", replace(request, implied=True)
    if intent in UNDERSTOOD_AS_NOTHING and decided_by_version(focus, request.text):
        return "add", replace(request, implied=True)  # «ok white, queen i guess»
    return counted_version(intent, request.text, slots.quantity, slots.options, focus), request


def _other_of_focus(
    state: DialogueState, text: str, focus: Product | None, chosen: dict[str, str], held: bool
) -> References | None:
    """The product in view, when a request takes it in its other version («and the same size
    in the other grind»); of several others («… in the other colour too» of three colours)
    the option is left to ask."""
    to_choose = others_to_choose(focus, text, chosen) if held else None
    if to_choose:
        state.chosen_options.pop(to_choose, None)
    if focus is None or not (to_choose or other_value(focus, text, chosen)):
        return None
    return References(ids=[focus.id], kind="option")


def _not_a_change(
    request: Request, focus: Product | None, cart_products: list[str], state: DialogueState
) -> str:
    """What a request that sounded like a cart change asks instead; «actually can i get king
    size?» of the pillows in the cart asks of them, it searches nothing; «can i pair two of
    them for stereo» asks of the speaker in view."""
    intent = not_a_change(request)
    if intent == "search" and focus and focus.id in cart_products:
        return "product_question" if focus.options_named_in(request.text) else intent
    return in_context(intent, request.text, state) if intent in UNDERSTOOD_AS_NOTHING else intent


def _chosen_before(state: DialogueState, picked: list[str]) -> dict[str, str]:
    """The options chosen earlier for several named at once: the ones said for the list, and
    those of the open «which one?» of the same list («one of each in XL», asked the colours,
    then «kestrel in navy, threadwell in olive»: each in XL)."""
    pending = state.pending_action
    if pending is None or pending.kind != "add" or pending.product_id not in state.shown:
        return state.chosen_options
    if not all(pid in state.shown for pid in picked):
        return state.chosen_options
    return {**pending.options, **state.chosen_options}


def _same_list(state: DialogueState, pending: PendingAction, args: dict[str, Any]) -> bool:
    """Whether an add picks another product of the list that the open «which one?» was
    picked from."""
    return pending.product_id in state.shown and args["product_id"] in state.shown


def _added_too(
    intent: str,
    references: References,
    text: str,
    state: DialogueState,
    products: dict[str, Product],
) -> str:
    """«and the first one you showed me earlier, in orange» right after an add, heard as
    nothing in particular: an add of that product, in the version it names."""
    if intent not in UNDERSTOOD_AS_NOTHING or "?" in text or len(references.ids) != 1:
        return intent
    product = products.get(references.ids[0])
    after_an_add = (state.last_intent or "").rpartition("+")[2] == "add"
    named = product is not None and bool(product.options_named_in(text))
    return "add" if after_an_add and named and AND_THE.search(text) else intent


# «and the coreforge ones» right after adding one of the list: the one of the list named
_AND_THE_NAMED_ONES = re.compile(
    r"^\W*(?:and|also|plus|oh and|\+)\s+the\s+[\w&' -]{2,30}?\s+ones?"
    r"(?:\s+(?:too|as well|also|please|pls))*\W*$",
    re.I,
)


def _and_the_shown_one(
    intent: str, references: References, text: str, state: DialogueState, cart: list[str]
) -> str:
    """«and the coreforge ones» just after adding one product of a list, heard as a search:
    an add of the listed product it names."""
    if intent not in {"search", "refine"} or len(references.ids) != 1 or "?" in text:
        return intent  # «and the coreforge ones?»: asked, nothing added
    if references.kind not in {"mention", "shown-word"}:
        return intent  # «and the cheapest one»: a ranking
    named = references.ids[0]
    after_an_add = (state.last_intent or "").rpartition("+")[2] == "add"
    listed = named in state.shown and named not in cart
    return "add" if after_an_add and listed and _AND_THE_NAMED_ONES.match(text) else intent


def _bought_for_each(intent: str, references: References, text: str) -> str:
    """«brickton building blocks, deluxe, one each for my 3 nephews», heard as a search of
    the one product it names: an add of one for each of them."""
    named_one = references.kind == "mention" and len(references.ids) == 1
    return "add" if intent == "search" and named_one and count_for_each(text) else intent


def _the_other_product(text: str, product: Product | None, shown: list[str]) -> bool:
    """Whether «fine the other one then, 50ml», said to an open «which one?» whose product's
    50 ml was sold out, means the other product of the two shown (not «not black, the other
    one», nor «the other colour»: another version)."""
    refused = [said[1] for said in _NOT_THIS.finditer(text)]
    if product is None or _A_VERSION_WORD.search(text):
        return False
    if any(product.options_named_in(words) for words in refused):
        return False
    return the_other(text, shown, product.id, []) is not None


def _counted(state: DialogueState, text: str, quantity: int | None) -> int | None:
    """The count a request says, in words too («one for each of my 3»), or by the people it
    was said to be for before («for my 3 kids», then «one for each kid»: three)."""
    quantity = counted_in_words(text, quantity)
    state.party_size = party_said(text) or state.party_size
    return one_for_each_of(text, state.party_size) if quantity is None else quantity
