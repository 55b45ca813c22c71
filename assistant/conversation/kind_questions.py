"""Questions that name a kind of product rather than one product: "a rain jacket that's
really waterproof, which do reviewers rate best?", "compare all your fitness trackers".

They are answered over the closest products of that kind, found as a search would find them,
unless the conversation already holds products of that kind (then "which is quieter?" is
about those).
"""

from __future__ import annotations

import re

from assistant.conversation.answers import wording
from assistant.conversation.answers.compose import Turn
from assistant.conversation.product_answers import ProductAnswers
from assistant.conversation.questions import CatalogueAnswers
from assistant.conversation.state import DialogueState
from assistant.conversation.understanding.planner import Step
from assistant.conversation.understanding.references import References
from assistant.search.kinds import singular_words

COMPARED = 3  # "compare all your X": the first three a search shows
# the side of a comparison after its word: «… with the Sony WH-1000XM5», «… vs my old Bose»
OTHER_SIDE = re.compile(r"\b(?:with|to|vs\.?|versus|against|than|and|or)\s+([^,.?!;]{2,60})", re.I)


class KindQuestions:
    """Review questions and comparisons over a kind of product the shopper names."""

    def __init__(self, product_answers: ProductAnswers, catalogue_answers: CatalogueAnswers):
        self.product_answers = product_answers
        self.catalogue_answers = catalogue_answers

    def review_question(self, state: DialogueState, step: Step) -> Turn:
        """What reviews say about the product in question, or about each of the closest
        products of the kind the question names."""
        if not self._names_a_new_kind(state, step):
            return self.product_answers.review_question(state, step)
        found = self.catalogue_answers.search(state, step)
        return found.joined(self.product_answers.reviews_of_each(found.products[:3], step))

    def compare(self, state: DialogueState, step: Step) -> Turn:
        """A table of the products named or shown, or of the closest products of the kind
        the request names ("compare all ur fitness tracker watches")."""
        alone = state.focus in {None, *step.references.ids}  # not «is it cheaper than the X»
        if len(step.references.ids) == 1 and alone and (lacking := self._lacking_beside(step)):
            return self._ours_beside(state, step, lacking)
        if len(step.references.ids) >= 2 or not self._names_a_new_kind(state, step):
            return self.product_answers.compare(state, step)
        found = self.catalogue_answers.search(state, step)
        if len(found.products) < 2:
            return found
        listed = step.model_copy(update={"references": References(found.products[:COMPARED], None)})
        return self.product_answers.compare(state, listed)

    def _lacking_beside(self, step: Step) -> str | None:
        """«compare the Bassline Urban 2 with the Sony WH-1000XM5»: the other side of a
        comparison of one named product, when it is a make or model we don't sell."""
        mentions = self.product_answers.mentions
        sides = [side for side in OTHER_SIDE.findall(step.text) if not mentions.find(side)]
        kinds = self.catalogue_answers.kinds
        return next((name for side in sides if (name := kinds.unknown_name(side))), None)

    def _ours_beside(self, state: DialogueState, step: Step, lacking: str) -> Turn:
        """We don't sell the other one, said plainly, with ours."""
        (named,) = step.references.ids
        product = self.catalogue_answers.catalogue.products[named]
        state.focus = named
        lead = f"Sorry, we don't sell {lacking}, so I can't compare the two. Ours:"
        return Turn(text=wording.product_list([product], lead), products=[named])

    def _names_a_new_kind(self, state: DialogueState, step: Step) -> bool:
        """Whether the request names a kind of product that none of the products it could be
        about (named, in focus, or shown) is."""
        if step.references.ids:
            return False
        kind = self.catalogue_answers.kinds.named_kind(step.text)
        if not kind:
            return False
        products = self.catalogue_answers.catalogue.products
        pool = self.product_answers.targets(state, step) or state.shown
        return not any(kind in singular_words(products[pid].title) for pid in pool)
