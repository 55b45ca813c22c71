"""Questions about particular products: their facts, delivery by a date, what reviews say, and
comparisons. Each answer keeps the dialogue's focus on the product it is about."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Iterable

from assistant.catalogue.models import Catalogue, Product
from assistant.clock import Clock
from assistant.conversation.answers import wording
from assistant.conversation.answers.ages import rated_for_the_child
from assistant.conversation.answers.compose import Turn, review_turn
from assistant.conversation.answers.dates import arrival, day_text, parse_deadline
from assistant.conversation.answers.described import described, titled
from assistant.conversation.answers.fact_words import FACT_CUES, STAR_RATING
from assistant.conversation.answers.facts import attribute_facts, product_facts
from assistant.conversation.answers.ranking import SOONER, better_rated, by_rating, rank_shown
from assistant.conversation.answers.review_asks import HEALTH, TRUST
from assistant.conversation.answers.size_meanings import size_meaning
from assistant.conversation.answers.unlisted_asks import unlisted_asked
from assistant.conversation.answers.unlisted_models import unlisted_answer
from assistant.conversation.answers.value_checks import value_checked
from assistant.conversation.state import DialogueState, remember_shown
from assistant.conversation.understanding.comparatives import price_asked
from assistant.conversation.understanding.corrections import EXPERIENCE
from assistant.conversation.understanding.planner import Step
from assistant.conversation.understanding.slots import options_said
from assistant.conversation.understanding.version_words import end_of_range
from assistant.money import format_minor
from assistant.search.famous_makes import famous_make
from assistant.search.filters import SearchFilters
from assistant.search.kinds import ProductKinds
from assistant.search.mentions import ProductMentions
from assistant.search.policies import PolicySearch
from assistant.search.retrieval import Retriever
from assistant.search.reviews import OVERALL_QUESTION, ReviewAnswer, answer_about_reviews

_SELLER_WORRY = re.compile(
    r"\bunvetted\b|\bsellers?\b.{0,30}\b(?:vetted|legit|scam\w*|pending)\b", re.I
)
_SAY_ABOUT = re.compile(
    r"\b(?:say|says|said|think|mention|like)\s+(?:about|of)\s+(?:the\s+)?(?P<aspect>\w[\w\s-]{2,60}?)"
    r"\W*$",
    re.I,
)
DETAILS = re.compile(
    r"\b(tell me (more|about)|details|more info|what is it|describe)\b"
    # «wait what was the first one again»: which it was, its name and price
    r"|\b(?:what|which) (?:was|is|were) (?:the|that) (?:first|second|third|last|other) "
    r"(?:one|product|thing)(?: again)?\W*$",
    re.I,
)
# Questions a shop policy also answers: sellers, returns, delivery and shipping costs.
SHOP_RULES = re.compile(
    r"\b(seller|sells|sold by|vetted|legit|authentic|genuine|counterfeit|fakes?|knock-?offs?|"
    r"replicas?|return\w*|refund\w*|"
    r"send (it )?back|exchange|shipping|postage|free delivery)\b",
    re.I,
)
# the reviews' verdict as a whole, not one aspect: «which do reviews like more»
OVERALL = re.compile(
    # «which one do ppl actually like more»
    r"\b(reviews?|reviewers|people|ppl|folks|buyers) (?:actually |really |generally )?"
    r"(like|likes|prefer|rate|rated|love)\b"
    r"|\b(better|best|nicer) reviews\b|\breviewed better\b",
    re.I,
)
# «X vs Y, which do reviews say is warmer?», «any complaints about stiff necks?»
_REVIEWS_ASKED = re.compile(
    r"\breviews?\b.{0,20}\b(?:say|said|mention|think)|according to (?:the )?reviews|"
    r"\bcomplain\w*|\bwarm(?:er|est|th)?\b|\bsounds? better\b|\bdig\w* in\b|\bworse\b"
    r"|\breviews?\W*(?:pls|please|plz)?\W*$",  # «…, which one fits better? reviews pls»
    re.I,
)
_COMPARING_WORDS = re.compile(r"\b(?:vs\.?|versus|or|compared (?:to|with))\b", re.I)


def _without_phrases(text: str, phrases: Iterable[str]) -> str:
    """A question without the words that named products and set them against each other."""
    for phrase in sorted(phrases, key=len, reverse=True):
        if phrase:
            text = re.sub(re.escape(phrase), " ", text, flags=re.I)
    return re.sub(r"\s+", " ", _COMPARING_WORDS.sub(" ", text)).strip(" ,")


def _without_title_words(text: str, titles: Iterable[str]) -> str:
    """A question without the words of the titles it names («… the Oakhaven One X sleeps
    hot?» is asked as «… sleeps hot?»; its phrase would take the question with it)."""
    named = {word.lower() for title in titles for word in re.findall(r"[\w&'-]+", title)}
    kept = [w for w in re.findall(r"\S+", text) if w.lower().strip("?,.!") not in named]
    return _without_phrases(" ".join(kept), [])


# what is left of «the merino sweater from northwind» once its title's words are gone
_NOTHING_ASKED = re.compile(
    r"\W*(?:(?:the|a|an|from|by|one|ones|that|this|please|pls|and|so|ok|okay|hmm|then)\W*)*",
    re.I,
)


def _only_named(step: Step, product: Product) -> bool:
    """Whether a request names the product and asks nothing of it."""
    asked = _without_title_words(step.text, [product.title])
    return step.references.kind == "mention" and bool(_NOTHING_ASKED.fullmatch(asked))


_FASTER_SHIPPING = re.compile(r"\b(?:express|next[- ]day|same[- ]day|overnight|rush)\b", re.I)
# «is delivery guaranteed tho», «will it definitely arrive by then?»: the estimate's promise
_ARRIVAL_PROMISED = re.compile(
    r"^\W*(?:(?:and|but|so|ok|okay)\W+)*(?:is|will|would)\s+(?:that|it|the\s+)?"
    r"(?:delivery|shipping|the date|that date|arrival)?\s*(?:be\s+)?"
    r"(?:guaranteed|promised|for sure|definitely (?:arrive|get here|be there))\b"
    r"(?!\s+(?:authentic|genuine|real|original|legit|to (?:be|work|fit|last)))",
    re.I,
)
_THE_TWO = re.compile(r"\b(?:the two|both|these two|those two|the pair)\b", re.I)
PROMISE = re.compile(r"\b(guarantee\w*|promise\w*|for sure|definitely|certain)\b", re.I)
_TELL_ME_ABOUT = re.compile(
    r"\b(?:tell me (?:more )?about|(?:more )?info(?:rmation)? (?:on|about)|details (?:of|on|about)|"
    r"describe)\b",
    re.I,
)
FEW = 3  # a question about "it" beside this many products or fewer is answered for each
LISTED = 5  # «what are they made of?» beside a list: answered for each of this many
_BOTH = re.compile(r"\b(?:both|the two|the first two|the 2|those two|these two)\b", re.I)
SHOWN = 5  # "do any of those run small?": each of the list, at most this many
ANY_OF = re.compile(r"\b(any|each|all|some|either|both) of (them|those|these|em)\b", re.I)
RATING = re.compile(STAR_RATING, re.I)
EACH = re.compile(r"\b(each|both|all of them|all three|all 3)\b", re.I)


def which_of(catalogue: Catalogue, state: DialogueState) -> Turn:
    """A question that names the candidates when "it" could be several products."""
    candidates = [pid for pid in state.shown[:5] if pid in catalogue.products]
    if not candidates:
        return Turn(
            text="Which product do you mean? Tell me its name, or search first and say "
            "«the first one»."
        )
    names = "; ".join(
        f"{i}. {catalogue.products[pid].title} [{pid}]" for i, pid in enumerate(candidates, 1)
    )
    return Turn(text=f"Which one do you mean? {names}", products=candidates)


# «is it in stock in olive», «does it come in blue»: a product meant only by a pronoun
_ONLY_IT = re.compile(
    r"^\W*(?:(?:and|so|ok|okay|but|hmm+|also)\W+)*(?:is|does|do|are|can|will|would|has|have)\s+"
    r"(?:it|they|them|this|that|this one|that one)\b[^?.!]{0,40}\W*$",
    re.I,
)
_OF_REVIEWS = re.compile(r"\b(?:reviews?|reviewers?|people|customers|buyers|anyone)\b", re.I)
# «is the cheaper one any good», «is the second one waterproof»: the words that pick the
# product, no aspect of it (a review saying «second one I've owned» answers nothing)
_REFERRED = re.compile(
    r"\b(?:the|that|this) (?:cheaper|cheapest|pricier|priciest|more expensive|most expensive|"
    r"better[- ]rated|best[- ]rated|quicker|quickest|first|1st|second|2nd|third|3rd|fourth|4th|"
    r"fifth|5th|last|middle|other) ones?\b",
    re.I,
)


_IN_STOCK_ASKED = re.compile(r"\b(?:in stock|available|left|got any|have any|sold out)\b", re.I)


# a product set beside another: «as good as», «better than», «compared to», «vs»
_SET_BESIDE = re.compile(
    # (not «…, like the eyes?»: such as)
    r"\b(?:as good as|better than|worse than|compared? (?:to|with)|vs\.?|versus|"
    r"(?<!,)(?<!, )like (?:a|an|the)|"
    r"same as|similar to|instead of|over (?:a|an|the|my))\b",
    re.I,
)


# what follows «better than»: a name of a few words, without its article or «one(s)»
_OTHER_SIDE = re.compile(
    r"\W*(?:(?:a|an|the|my|those|these|that|this|some|one of (?:the|those))\s+)?"
    r"(?P<name>[a-z][\w&' -]{2,30}?)(?:\s+ones?)?\s*(?:[?.!,]|\bfor\b|\bor\b|\bthough\b|$)",
    re.I,
)


# words that make the other side of «better than» everyday words, not a make: pronouns and
# other short words, «one(s)», «model», «version», and words shaped like a verb or comparative
_EVERYDAY_SIDE = re.compile(
    r"[a-z]{1,3}|ones?|model|version|kind|type|brand|season|year|years|stuff|thing|things|"
    r"[a-z]+(?:ing|er|est|ed|ly)",
    re.I,
)


def _spelled(make: str) -> str:
    """A make as it is written: «JBL», «Nike», «Le Creuset»."""
    return make.upper() if len(make) <= 3 else make.title()


def _beside_reviews(
    product: Product, text: str, lead: str, facts: list[str], newly_named: bool
) -> list[str]:
    """What goes with a review answer: the lead, the facts asked, the rating, the product's
    card when it is first named, and the health caution."""
    extras = [lead] if lead else []
    if facts:
        extras.append(wording.attribute_answer(product, facts))
    if RATING.search(text) and product.rating is not None:
        extras.insert(0, wording.rating_line(product))
    if newly_named and not lead:
        extras.insert(0, wording.product_card(None, product))
    if HEALTH.search(text):
        extras.append(wording.HEALTH_CAUTION)
    return extras


def _unsettled(answer: ReviewAnswer) -> bool:
    """Whether no review answers the question (none mentions it, or none answers it)."""
    return answer.review_count == 0 or not answer.supported or answer.answerable is False


def _of_the_list(state: DialogueState, step: Step, targets: list[str]) -> tuple[list[str], bool]:
    """The products a plural question asks of, and whether they are the list in view: «what
    are they made of?» of five listed, each of them; «… both …», the first two."""
    # («them» just after adding several, counted: those added, not the list)
    of_the_list = (
        step.references.kind == "deictic" and step.references.plural and not step.references.counted
    )
    if not of_the_list or len(targets) < 2 or _BOTH.search(step.text):
        # («what are both made of» of five: as before, the list kept for what comes next)
        return targets, step.references.plural and targets == state.shown
    return state.shown[:LISTED], True


# «difference between the standard and the deluxe?», «how much more is the deluxe»: prices
_PRICE_BETWEEN = re.compile(
    r"\b(?:differ\w*|price[sd]?|cost\w*|how much|cheaper|pricier|dearer|more expensive|worth|"
    r"vs\.?|versus|compare\w*|better)\b",
    re.I,
)


def _facts_asked(product: Product, step: Step) -> list[str]:
    """The product's facts a question asks for: each version it names, or what it asks."""
    if _HOW_MUCH_MORE.search(step.text) and (gap := _price_gap(product)):
        return [*product_facts(product, "price", {}), gap]  # «how much more is the deluxe»
    if _between_versions(product, step.text):
        if _IN_STOCK_ASKED.search(step.text):
            # «blue or orange in stock?»: each one; «is the bigger one in stock?»: that one
            ranked = end_of_range(product, step.text)
            return _each_version(product, step.text) or product_facts(product, "", ranked)
        if not _PRICE_BETWEEN.search(step.text):  # «olive or beige?», «in M and XL?»: each
            return _each_version(product, step.text) or product_facts(product, "price", {})
        return product_facts(product, "price", {})  # «difference between standard and deluxe?»
    return product_facts(product, step.text, step.slots.options)


_HOW_MUCH_MORE = re.compile(
    r"\bhow much (?:more|extra|less|cheaper|dearer)\b|\bprice difference\b"
    r"|\bdifference in (?:the )?price\b",
    re.I,
)


def _price_gap(product: Product) -> str | None:
    """How much more the dearer of a product's two prices is («$13.00 more»), if it has two."""
    prices = sorted({(v.price_minor, v.currency) for v in product.variants})
    if len(prices) != 2 or prices[0][1] != prices[1][1]:
        return None
    (low, currency), (high, _) = prices
    return f"the dearer version costs {format_minor(high - low, currency)} more"


def _each_version(product: Product, text: str) -> list[str]:
    """The price and stock of each version a question names of one option."""
    return [
        fact
        for name, values in product.values_named_in(text).items()
        for value in dict.fromkeys(values)
        for fact in product_facts(product, "", {name: value})
    ]


def _between_versions(product: Product, text: str) -> bool:
    """Whether a question names two values of one of the product's options («what's the
    difference between the standard and the deluxe?») or one end of its sizes («whats the
    bigger one cost»): its versions answer it."""
    named = product.values_named_in(text).values()
    return any(len(found) > 1 for found in named) or bool(end_of_range(product, text))


def _listed_answer(product: Product, facts: list[str], question: str) -> Turn:
    """The facts the data lists for a question, and what it asks that the data does not
    («what percent vitamin c is it?»: its skin type, and no percentage listed)."""
    text = wording.attribute_answer(product, facts)
    if unlisted := unlisted_asked(product, question, facts):
        text += f"\n{unlisted}"
    return Turn(text=text, products=[product.id])


def silent_lead(product: Product, question: str) -> str:
    """What leads reviews that do not settle a question the data does not answer: the
    description's sentence on it («do they limit the volume?» of kids' headphones «made for
    volume-limited listening»), else that the listing does not say."""
    said = described(product, question)
    return wording.described(product, said) if said else wording.details_silent(product)


def _unlisted_lead(product: Product, question: str) -> str:
    """What leads the reviews when the facts do not answer: the title's own words («does it
    have noise cancelling?»), else the description's sentence («… a 15-inch laptop»), else
    that the data does not say."""
    if in_title := titled(product, question):
        return wording.titled(product, in_title)
    said = described(product, question)
    return wording.described(product, said) if said else wording.data_silent(product)


# a search that points at the product in view («… so the 15 one will fit right?»)
_OF_IT = re.compile(r"\b(?:it|this one|that one|the \w+ one)\b", re.I)
_ALL_OF_THEM = re.compile(
    r"\bcompare\s+(?:them|those|these|em|all|all (?:three|3)|the three|the 3)(?:\s+(?:for me|"
    r"please|pls|all))?\W*$",
    re.I,
)


_WHICH_OF = re.compile(r"\bwhich\s+(?:one\s+)?of\b", re.I)


class ProductAnswers:
    """Answers about the products a request refers to."""

    def __init__(
        self,
        catalogue: Catalogue,
        retriever: Retriever,
        clock: Clock,
        policies: PolicySearch,
        mentions: ProductMentions,
        kinds: ProductKinds | None = None,
    ) -> None:
        self.catalogue = catalogue
        self.mentions = mentions
        self.kinds = kinds  # to tell a make we don't sell from words the shop says
        self.retriever = retriever
        self.clock = clock
        self.policies = policies

    @staticmethod
    def targets(state: DialogueState, step: Step) -> list[str]:
        """The products a question is about: named ones, else the one in focus."""
        if step.references.ids:
            return step.references.ids
        if state.focus:
            return [state.focus]
        return state.shown[:1] if len(state.shown) == 1 else []

    def _which_namesake(self, state: DialogueState, namesakes: list[str]) -> Turn:
        """Which of the products that share the name said: the first few, and a question."""
        remember_shown(state, namesakes)  # «the fitness tracker one» picks among all of them
        products = [self.catalogue.products[pid] for pid in namesakes[:SHOWN]]
        lead = f"{len(namesakes)} of our products share that name. Which one do you mean?"
        if len(namesakes) > SHOWN:
            lead += f" Here are {SHOWN}; tell me more of its name or what kind of product it is."
        return Turn(text=wording.product_list(products, lead), products=[p.id for p in products])

    def figure_doubted(self, state: DialogueState, step: Step) -> Turn | None:
        """«60 L for a carry on?? is that right» heard as a search: the figure checked against
        the product in view, not a search for «60 L»."""
        # a search lets go of the focus: the product last talked about is the one in view
        last = state.focus or (state.talked_about[-1] if state.talked_about else "")
        focus = self.catalogue.products.get(last)
        if focus is None:
            return None
        # «tents under 2 kg??» beside a tent: a search, unless its data says the figure
        # (value_checked asks whether a figure is doubted at all)
        checked = value_checked(focus, step.text, say_missing=False)
        if checked is None and _OF_IT.search(step.text):
            # «my 14 and the 15 are the same size, so the 15 one will fit right?»
            checked = unlisted_answer(focus, f"{state.last_question or ''}. {step.text}")
        return Turn(text=checked, products=[focus.id]) if checked else None

    def model_named_alone(self, state: DialogueState, step: Step) -> Turn | None:
        """A search that says only a model name several products share («the nova x»):
        which of them, not «we don't sell nova»."""
        namesakes = self.mentions.model_namesakes(step.text)
        if len([pid for pid in namesakes if pid in state.shown]) == 1:
            return None  # «the nova x?» beside trekking poles: the one in view
        named = [pid for pid in namesakes if pid in step.references.ids]
        if len(named) == 1 and len(step.references.ids) > 1:
            # «the luma vit c serum, the max one, in 30ml or 50ml?»: of the two named, that one
            references = dataclasses.replace(step.references, ids=named)
            state.focus = named[0]
            return self.product_question(state, step.model_copy(update={"references": references}))
        return self._which_namesake(state, namesakes) if namesakes else None

    def _without_target(self, state: DialogueState, step: Step) -> Turn | None:
        """A question that names no product and has none in focus."""
        if namesakes := self.mentions.namesakes(step.text):
            asked = any(cue.search(step.text) for cue, _ in FACT_CUES) or any(
                self.catalogue.products[pid].options_named_in(step.text) for pid in namesakes
            )  # «bean republic cold brew, got the 1kg ground?»: each one in that version
            if len(namesakes) <= FEW and asked:
                # «morning ritual green tea, which one can i return»: each one's answer
                return self._each_kept(state, namesakes, step)
            return self._which_namesake(state, namesakes)  # «how much is that nova thing?»
        if 1 < len(state.shown) <= FEW:  # a post's few products: each of them
            return self._each(state.shown, step)
        if same := self._same_for_all(state.shown[:SHOWN], step):
            return same  # «whats the return window on that» after a list: 30 days for each
        if rated := self._rated_for_the_child(state, step):
            return rated  # «is it ok for a 7 year old?» after a list of games: which are
        if state.shown or _ONLY_IT.search(step.text):
            # «is it in stock in olive» with nothing in view: which product, not a search
            return which_of(self.catalogue, state)
        return None

    def _rated_for_the_child(self, state: DialogueState, step: Step) -> Turn | None:
        """The listed products rated for the child a question names, or that none is; the
        one rated for the child is then the one in view."""
        listed = [self.catalogue.products[p] for p in state.shown if p in self.catalogue.products]
        found = rated_for_the_child(listed[:SHOWN], step.text)
        if found is None:
            return None
        text, rated = found
        remember_shown(state, [p.id for p in rated])
        state.focus = rated[0].id if len(rated) == 1 else state.focus
        return Turn(text=text, products=[p.id for p in rated])

    def product_question(self, state: DialogueState, step: Step) -> Turn | None:
        """What the product data says; when it says nothing, or the question is one only
        experience answers, what reviews say. None when the request names no product (the
        caller searches instead)."""
        if EACH.search(step.text) and len(state.shown) > 1 and not step.references.ids:
            return self._each(state.shown[:3], step)
        targets = self.targets(state, step)
        if not targets:
            return self._without_target(state, step)
        targets, whole_list = _of_the_list(state, step, targets)
        most = LISTED if whole_list else FEW
        # («the atlas & oak ones, what colours?», «do the two teddies …»: a group of those shown)
        each_named = step.references.kind == "mention" or step.references.counted
        if (each_named or whole_list) and 1 < len(targets) <= most:
            # "how much is the brickton aero 2?": a board game and a teddy bear share the name;
            # «do both come in navy?» after two products: each of them
            return self._each_kept(state, targets, step)
        product = self.catalogue.products[targets[0]]
        # («hoodie, size L», then «got it in black?» of the one found: still in L)
        kept = state.chosen_options if state.focus == product.id else {}
        state.focus = product.id
        if beyond := self._beyond_the_data(state, step, product):
            return beyond
        # «volt edge power bank for pixel 9 - what colours?», then «put 2 blue in my cart»
        if said := step.slots.options or product.options_named_in(step.text):
            state.chosen_options = {**kept, **said}
        if DETAILS.search(step.text) or _only_named(step, product):  # «the X from northwind»
            return Turn(text=wording.product_details(product), products=[product.id])
        today = self.clock()
        deadline = parse_deadline(step.text, today.date())
        if deadline is not None:
            promised = bool(PROMISE.search(step.text))
            by_date = self._by_date(product, deadline, today, promised)
            # "is that guaranteed?", «can you send it express …?»: the estimate, and the rule
            ruled = promised or _FASTER_SHIPPING.search(step.text)
            return self._with_rule(by_date, step.text) if ruled else by_date
        if _ARRIVAL_PROMISED.search(step.text):  # «is delivery guaranteed tho»: its time, the rule
            answer = Turn(
                text=wording.attribute_answer(product, product_facts(product, "delivery", {}))
            )
            answer.products.append(product.id)
            return self._with_rule(answer, "is delivery guaranteed by a certain day?")
        facts = _facts_asked(product, step)
        if not facts:  # the data does not say: reviewers often do ("will it rust?")
            return self.review_question(state, step, lead=_unlisted_lead(product, step.text))
        answer = _listed_answer(product, facts, step.text)
        if EXPERIENCE.search(step.text):
            answer = answer.joined(self.review_question(state, step, beside_facts=True))
        if SHOP_RULES.search(step.text):  # "can I return it?": the product's fact and the rule
            return self._with_rule(answer, step.text)
        return answer

    def faster_shipping_rule(self, turn: Turn, step: Step) -> Turn:
        """«can u send it next day or express» of a placed order: its estimate and the rule."""
        if step.intent == "order_status" and _FASTER_SHIPPING.search(step.text):
            return self._with_rule(turn, step.text)
        return turn

    def _with_rule(self, answer: Turn, question: str) -> Turn:
        """The answer with the shop policy's best section for the question quoted after it."""
        policy = self.policies.answer(question)
        policy.quotes = policy.quotes[:1]
        if policy.quotes:
            answer.text += "\n" + wording.policy_text(policy)
            answer.policies.append(policy.quotes[0].section.id)
            answer.data_texts.append(" ".join(policy.quotes[0].sentences))
        return answer

    def _same_for_all(self, product_ids: list[str], step: Step) -> Turn | None:
        """One answer for every product shown, when the data says the same of each."""
        products = [self.catalogue.products[pid] for pid in product_ids]
        said = {tuple(product_facts(product, step.text, {})) for product in products}
        if len(products) < 2 or len(said) != 1 or not (facts := list(said.pop())):
            return None
        text = f"All {len(products)} of them: " + "; ".join(facts) + "."
        answer = Turn(text=text, products=product_ids)
        return self._with_rule(answer, step.text) if SHOP_RULES.search(step.text) else answer

    def _each_kept(self, state: DialogueState, product_ids: list[str], step: Step) -> Turn:
        """The question about each of these, now in view with the versions it names
        («softnest towels in navy, which sizes», then «2 sets in the king»: the navy one)."""
        remember_shown(state, product_ids)
        products = [self.catalogue.products[p] for p in product_ids]
        # («… in green for a galaxy s24»: the colour and the model both)
        if said := {**options_said(products, step.text), **step.slots.options}:
            state.chosen_options = said
        now = self.clock()
        if (deadline := parse_deadline(step.text, now.date())) is not None:
            # «will both arrive? leaving in 6 days»: each one's arrival against the day
            turns = [self._by_date(product, deadline, now) for product in products]
            return functools.reduce(Turn.joined, turns)
        return self._each(product_ids, step)

    def _each(self, product_ids: list[str], step: Step) -> Turn:
        """The same question about each product just shown ("the price of each")."""
        lines = []
        for pid in product_ids:
            product = self.catalogue.products[pid]
            # «do both come in navy?»: that version of each, or that it does not come in it
            named = product.options_by_name()
            said = {name: value for name, value in step.slots.options.items() if name in named}
            said = said or product.options_named_in(step.text)  # «1kg ground»: its own options
            facts = product_facts(product, step.text, said)
            if facts:
                lines.append(wording.attribute_answer(product, facts))
        if not lines and _TELL_ME_ABOUT.search(step.text):
            # «tell me about the kyoto garden one and the morning ritual edge s»: each in full
            lines = [wording.product_details(self.catalogue.products[pid]) for pid in product_ids]
        if not lines:  # said of each, so «which one?» is not asked back
            named = ", ".join(
                f"{self.catalogue.products[pid].title} [{pid}]" for pid in product_ids
            )
            return Turn(
                text=f"The product data for {named} doesn't say. Ask me what reviewers say "
                "instead.",
                products=product_ids,
            )
        return Turn(text="\n".join(lines), products=product_ids)

    def _by_date(
        self, product: Product, deadline: dt.date, now: dt.datetime, promised: bool = False
    ) -> Turn:
        arrives = arrival(product.shipping_days, now)
        text = wording.delivery_by(
            product, day_text(arrives), day_text(deadline), arrives <= deadline, promised
        )
        return Turn(
            text=text,
            products=[product.id],
            numbers=[arrives.day, deadline.day],
            data_texts=[day_text(arrives), day_text(deadline)],
        )

    def review_question(
        self, state: DialogueState, step: Step, lead: str = "", beside_facts: bool = False
    ) -> Turn:
        """What the reviews say, counted and quoted, with trust signals (`beside_facts`: after
        the product's facts, which are not said again)."""
        if not beside_facts and (beside := self._beside_an_unsold_make(state, step)):
            return beside
        targets = self.targets(state, step)
        each = ANY_OF.search(step.text) and step.references.kind in {None, "deictic"}
        if len(state.shown) > 1 and (each or (not targets and len(state.shown) <= FEW)):
            return self.reviews_of_each(state.shown[:SHOWN], step)  # "loud?" beside two
        if not targets:
            namesakes = self.mentions.namesakes(step.text)  # «do the quietude ones run small?»
            if namesakes:
                return self._which_namesake(state, namesakes)
            # «is it ok for a 7 year old?» after a list of games: those rated for that age
            return self._rated_for_the_child(state, step) or which_of(self.catalogue, state)
        if not lead and (each := self._reviews_of_each_asked(state, step, targets)):
            return each
        deadline = parse_deadline(step.text, self.clock().date())
        if deadline is not None and not _OF_REVIEWS.search(step.text):
            # «need it for a bday in 5 days, will it make it?»: its delivery against the day
            return self.product_question(state, step) or which_of(self.catalogue, state)
        product = self.catalogue.products[targets[0]]
        meaning = None if _OF_REVIEWS.search(step.text) else size_meaning(product, step.text)
        if meaning and not beside_facts:  # «what does queen even mean for towels»: not reviewed
            state.focus = product.id
            return Turn(text=meaning, products=[product.id])
        # A product first named in this question: its card too ("what's the X like?")
        newly_named = step.references.kind == "mention" and product.id not in state.shown
        state.focus = product.id
        trust = bool(TRUST.search(step.text))
        # "Are the reviews legit?" is about the reviews as a whole, not one aspect; «what do
        # the real ones say about heart rate accuracy» is about that aspect, trust first
        aspect = _SAY_ABOUT.search(step.text) if trust else None
        question = aspect["aspect"] if aspect else "" if trust else _REFERRED.sub("it", step.text)
        result = answer_about_reviews(self.retriever, self.catalogue, product.id, question)
        turn = review_turn(product, result, trust_first=trust)
        facts = [] if lead else attribute_facts(product, step.text)  # «ok for her age?»: 12+
        # «are they any good?»: the verdict is what reviews give, no detail the data lacks
        asked_of_reviews = (
            trust or _OF_REVIEWS.search(step.text) or OVERALL_QUESTION.search(step.text)
        )
        if not (lead or facts or asked_of_reviews or beside_facts) and _unsettled(result):
            # «do they have any stretch?» that neither the data nor any review settles: both said
            turn.text = f"{silent_lead(product, step.text)} {turn.text}"
        elif not (lead or facts or asked_of_reviews) and (
            unlisted := unlisted_asked(product, step.text, [])
        ):
            # «how many watts is it, loud enough for a party?»: no watts listed, then reviews
            turn.text = f"{unlisted} {turn.text}"
        extras = _beside_reviews(product, step.text, lead, facts, newly_named)
        if extras and not beside_facts:
            turn.text = "\n".join([extras[0], turn.text, *extras[1:]])
        if _SELLER_WORRY.search(step.text):  # «says the seller's unvetted?? should I worry»
            turn = self._with_rule(turn, step.text)
        return turn

    def _reviews_of_each_asked(
        self, state: DialogueState, step: Step, targets: list[str]
    ) -> Turn | None:
        """What each one's reviews say when a question asks of several: those just added
        («any reviews about them breaking?») or several named («do reviews say the X or the Y
        sleeps hot?»); None when it asks of one."""
        if step.references.counted and len(targets) > 1:
            return self.reviews_of_each(targets[:FEW], step)
        if step.references.plural and len(targets) > 1 and _WHICH_OF.search(step.text):
            # «which of them actually lists memory foam as the material»: each one's listing
            products = [self.catalogue.products[pid] for pid in targets[:SHOWN]]
            lines = [
                f"{p.title} [{p.id}]: {'; '.join(facts)}."
                for p in products
                if (facts := attribute_facts(p, step.text))
            ]
            if lines:
                return Turn(text="\n".join(lines), products=[p.id for p in products])
        named = step.references.ids if step.references.kind == "mention" else []
        if len({step.references.phrases.get(pid, pid) for pid in named}) < 2:
            return None
        titles = [self.catalogue.products[pid].title for pid in named[:FEW]]
        asked = _without_title_words(step.text, titles)
        state.shown = named[:FEW]  # «the cheaper one» is one of these now
        return self.reviews_of_each(named[:FEW], step.model_copy(update={"text": asked}))

    def reviews_of_each(self, product_ids: list[str], step: Step) -> Turn:
        """What each product's reviews say about the question, one after the other."""
        turn = Turn(text="")
        trust = bool(TRUST.search(step.text))  # «do their reviews look too good to be true?»
        for pid in product_ids:
            product = self.catalogue.products[pid]
            question = "" if trust else step.text
            result = answer_about_reviews(self.retriever, self.catalogue, pid, question)
            turn = turn.joined(review_turn(product, result, trust_first=trust))
        return turn

    def _beside_an_unsold_make(self, state: DialogueState, step: Step) -> Turn | None:
        """«is it as good as nike pegasus?», «better than a jbl go?»: a make the shop does not
        sell has no data here, so it is said, with what the data says of ours."""
        beside = _SET_BESIDE.search(step.text)
        if beside is None:
            return None
        make = famous_make(step.text) or self._unknown_side(step.text[beside.end() :])
        if make is None:
            return None
        if any(make[0] in product.brand.lower() for product in self.catalogue.products.values()):
            return None
        targets = [pid for pid in self.targets(state, step) if pid in self.catalogue.products]
        if len(targets) != 1:
            return None
        product = self.catalogue.products[targets[0]]
        state.focus = product.id
        lead = (
            f"We don't sell {_spelled(make[0])}, so I can't compare {product.title} [{product.id}] "
            "with it: I only have data on what this shop sells. Here is what ours is:"
        )
        return Turn(text=f"{lead}\n{wording.product_details(product)}", products=[product.id])

    def _unknown_side(self, side: str) -> tuple[str, str] | None:
        """«better than an otterbox», «than the uniqlo ones»: the other side of a comparison
        when it is a name nothing in the shop says (a make we don't sell), else None."""
        said = _OTHER_SIDE.match(side)
        if said is None or self.kinds is None or self.mentions.find(said["name"]):
            return None
        words = said["name"].lower().split()
        # «the one my sister has», «the older model», «stretching»: everyday words, no name
        if len(words) > 3 or any(_EVERYDAY_SIDE.fullmatch(word) for word in words):
            return None
        # a make comes first («otterbox case», «triggerpoint grid»); not «standard diff»
        if not self.kinds.unknown_name(words[0], lowercase=True):
            return None
        return " ".join(words), ""

    def _beyond_the_data(self, state: DialogueState, step: Step, product: Product) -> Turn | None:
        """What the data cannot settle, said: a phone model no version lists («would it fit a
        14 anyway?»), a figure the shopper doubts («2.1 kg?? is that right»), a make the shop
        does not sell («as good as nike pegasus?»)."""
        if unlisted := unlisted_answer(product, step.text):
            return Turn(text=unlisted, products=[product.id])
        if meaning := size_meaning(product, step.text):  # «what does queen even mean for towels»
            return Turn(text=meaning, products=[product.id])
        if checked := value_checked(product, step.text):  # «it says 2.1 kg?? is that right»
            return Turn(text=checked, products=[product.id])
        return self._beside_an_unsold_make(state, step)

    def compare(self, state: DialogueState, step: Step) -> Turn:
        """A table of the products named or last shown, with the asked-about figure first."""
        if beside := self._beside_an_unsold_make(state, step):
            return beside
        # «compare them» beside three: all three (a table holds three)
        every = _ALL_OF_THEM.search(step.text) and step.references.kind in {None, "deictic"}
        shown = state.shown[: 3 if every else 2]
        ids = step.references.ids if len(step.references.ids) >= 2 and not every else shown
        if len(ids) < 2 and len(state.talked_about) >= 2 and _THE_TWO.search(step.text):
            ids = state.talked_about[-2:]  # «which of the two…?» after asking about each in turn
        named = step.references.ids
        # «The Purelle one is cheaper, right?» beside the two shown: about the Purelle
        about = named[0] if len(named) == 1 and state.focus in {None, named[0]} else None
        if len(named) == 1 and state.focus and state.focus != named[0]:
            ids = [state.focus, named[0]]  # "how does it compare to the ironpeak pro mat?"
        focus = self.catalogue.products.get(next(iter(self.targets(state, step)), ""))
        # «the brickton wave one, whats the price diff between standard and deluxe»: its
        # versions, not it against another shown
        if (len(ids) < 2 or len(named) == 1) and focus and _between_versions(focus, step.text):
            return self.product_question(state, step) or which_of(self.catalogue, state)
        if len(ids) < 2:
            return Turn(
                text="Which products should I compare? Name them, or search first and say "
                "«compare the first two»."
            )
        products = [self.catalogue.products[pid] for pid in ids[:3]]
        state.shown = [p.id for p in products]  # "the cheaper one" is one of these now
        state.focus = about
        facts = _facts_compared(products, step.text)
        versions = [p.options_named_in(step.text) for p in products]
        if all(versions):  # «which is cheaper in large…?», then «add the cheaper one in red»
            state.chosen_options = {k: v for said in versions for k, v in said.items()}
        text = wording.comparison_table(products)
        if facts:
            text = "\n".join(facts) + "\n" + text
        # «… which has better battery?»: the winner named; both stay in view, so «the cheaper
        # one» or «and prices?» next are of the two (the winner is not made the one in view)
        ranked = (
            rank_shown(products, step.text, SearchFilters()) if _WHICH.search(step.text) else None
        )
        if ranked and ranked.winner:
            text = ranked.text.split("\n")[0] + "\n" + text
            state.best_compared = (ranked.products[0].id, state.turns)
        turn = Turn(text=text, products=[p.id for p in products])
        if OVERALL.search(step.text):  # "which do reviews like more?": each one's verdict
            overall = step.model_copy(update={"text": ""})
            turn = turn.joined(Turn(text=better_rated(products)))
            if len(rated := by_rating(products)) > 1:
                state.focus = rated[0].id  # «ok get that one in navy»: the one reviewers prefer
            turn = turn.joined(self.reviews_of_each([p.id for p in products], overall))
        elif EXPERIENCE.search(step.text) or _REVIEWS_ASKED.search(step.text):
            # "which is quieter?", "which do reviews say is warmer?": only reviewers can say,
            # asked without the products' names («… mention ironpeak longer» found nothing;
            # a phrase may hold the question: «X vs Y sunscreen - does either leave a …»)
            asked = _without_title_words(step.text, [p.title for p in products])
            asked_step = step.model_copy(update={"text": asked})
            turn = turn.joined(self.reviews_of_each([p.id for p in products], asked_step))
        return turn


# «which has better battery», «cheaper of the bassline and the nimbus?»: one of them asked for
_WHICH = re.compile(
    r"\bwhich\b|^\W*(?:(?:ok|so|and|hmm+)\W+)*(?:the\s+)?(?!(?:either|neither|other)\b)"
    r"[a-z]+(?:er|est)\s+(?:one\s+)?of\b",
    re.I,
)


def _facts_compared(products: list[Product], text: str) -> list[str]:
    """The figures a comparison asks of each product: its facts asked, its delivery («which
    ships faster?»), or its price in the version said («cheaper than the X for 500g?»)."""
    facts = [
        f"{p.title} [{p.id}]: " + "; ".join(found)
        for p in products
        if (found := attribute_facts(p, text))
    ]
    if SOONER.search(text):  # «which ships faster?»: their delivery times
        facts = [
            f"{p.title} [{p.id}]: delivery in {wording.days(p.shipping_days)}" for p in products
        ]
    versions = [p.options_named_in(text) for p in products]
    if all(versions) and not facts:  # «is it cheaper than the X for 500g?»: those prices
        facts = [
            f"{p.title} [{p.id}], {', '.join(said.values())}: "
            + format_minor(price_asked(p, text), p.currency)
            for p, said in zip(products, versions, strict=True)
        ]
    return facts
