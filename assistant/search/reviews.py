"""What reviews say: aspect mentions with quotes, overall summaries, and trust signals."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from pydantic import BaseModel, Field

from assistant.catalogue.models import Catalogue, Product, Review
from assistant.search.aspect_families import family_label, family_stems
from assistant.search.aspects import (
    COMPLAINT_QUESTION,
    ComplaintGroup,
    ReviewVocabulary,
    complaint_groups,
    stem,
    vocabulary_of,
)
from assistant.search.lexical import tokenize
from assistant.search.passages import asked_part, split_sentences
from assistant.search.retrieval import Retriever
from assistant.search.review_evidence import ReviewEvidence, quoted_span

MENTION_SIMILARITY = 0.5  # a passage this close to the question counts as a mention
QUOTE_CHARS = 140
BURST_DAYS, BURST_SIZE, DUPLICATE_SIZE = 3, 5, 3


class Quote(BaseModel):
    """A short excerpt of one review."""

    review_id: str
    rating: int | None
    text: str
    verified_purchase: bool


class Complaint(BaseModel):
    """One thing reviewers complain about: how many reviews say so, and one of them quoted."""

    aspect: str | None = Field(None, description="What it is about ('handle'), if it says.")
    reviews: int
    quote: Quote


class TrustSignals(BaseModel):
    """How far the reviews and the seller can be trusted."""

    review_count: int
    verified_share: float | None = Field(None, description="Share of verified purchases.")
    seller: str
    seller_vetting: str
    flags: list[str] = Field(default_factory=list, description="Suspicious patterns found.")


class ReviewAnswer(BaseModel):
    """An answer to a question about one product's reviews."""

    product_id: str
    aspect: str | None
    mentions: int
    positive: int
    negative: int
    mixed: int
    quotes: list[Quote]
    average_rating: float | None
    review_count: int
    trust: TrustSignals
    answer: Quote | None = Field(
        None, description="The answering span the best evidence agrees on, quoted word for word."
    )
    answerable: bool | None = Field(
        None, description="Whether the reviews answer it (None: the classifier is not built)."
    )
    answer_probability: float | None = None
    complaints: list[Complaint] | None = Field(
        None, description="For 'what do people complain about?': the complaints, most first."
    )

    @property
    def supported(self) -> bool:
        """Whether any review bears on the question."""
        return self.mentions > 0


def _normalise(text: str) -> str:
    return re.sub(r"[^a-z ]+", "", text.lower()).strip()


def trust_signals(product: Product, reviews: list[Review]) -> TrustSignals:
    """Verified share, repeated texts, bursts of 5-star reviews and seller vetting."""
    flags: list[str] = []
    repeated = [
        count
        for text, count in Counter(_normalise(r.text) for r in reviews).items()
        if text and count >= DUPLICATE_SIZE
    ]
    if repeated:
        flags.append(f"{sum(repeated)} reviews repeat nearly the same text")
    five_star_days = sorted(r.date for r in reviews if r.rating == 5 and r.date)
    for start in five_star_days:
        window = [
            day
            for day in five_star_days
            if start <= day <= start + dt.timedelta(days=BURST_DAYS - 1)
        ]
        if len(window) >= BURST_SIZE:
            flags.append(
                f"a burst of {len(window)} five-star reviews within {BURST_DAYS} days "
                f"from {start.isoformat()}"
            )
            break
    if product.seller.vetting != "vetted":
        flags.append(
            f"the seller {product.seller.name} is {product.seller.vetting}, not vetted by the shop"
        )
    verified = [r.verified_purchase for r in reviews]
    return TrustSignals(
        review_count=len(reviews),
        verified_share=round(sum(verified) / len(verified), 2) if verified else None,
        seller=product.seller.name,
        seller_vetting=product.seller.vetting,
        flags=flags,
    )


# A verdict on the product itself, whatever else the message says.
# «sum up the reviews», «can you summarise all its reviews», «recap the reviews for me»: all
# of them, in short
REVIEWS_SUMMED = (
    r"\b(?:sum (?:it |them )?up|summari[sz]e|recap|give me the gist of|the gist of|overview of)"
    r"\b[^?.!]{0,20}\breviews?\b"
)
OVERALL_QUESTION = re.compile(
    REVIEWS_SUMMED + "|"
    r"\b(?:is|are|was|were)\s+(?:it|this|that|they|these|those)(?:\s+one)?\s+"
    r"(?:any|really|actually|even)?\s*(?:good|decent|any cop)\b"
    # «are the X ones any good (for under a tenner)?», «is the expensive one any good?»; not
    # «… any good for neck pain»
    r"|\b(?:is|are|was|were)\s+(?:it|they|this|that|these|those|"
    r"the\s+[\w&'-]+(?:\s+[\w&'-]+){0,5}\s+ones?)\s+any good\b"
    r"(?!\s+(?:for|at|with|on)\s+(?!under\b|less\b|the (?:money|price)\b))"
    r"|\bworth (?:it|the money|buying|getting)\b|\bwould you recommend (?:it|them|this)\b"
    r"|\b(?:should|shall) i (?:get|buy) (?:it|them|this|that)\b"
    # «what do they say about it in general, then?», «what do people actually like about it?»
    r"|\bwhat do (?:people|they|reviewers|customers|buyers|folks) (?:actually |really |most )?"
    r"(?:like|love|think|say)(?: about (?:it|them|this|that))?"
    r"(?:\s+(?:in general|overall|generally))?(?:,?\s*then)?\W*$"
    # «only one review and it's 2 stars?? what did they say»
    r"|\bwhat (?:did|does|do) (?:the |that |this )?(?:reviews?|reviewers?|they|it|people|"
    r"that one|he|she) (?:actually |even )?(?:say|write)\W*$",
    re.IGNORECASE,
)


# "its rating looks low", "the stars seem bad": the shopper's reason to ask, not an aspect
_RATED_LOW = r"\brated (?:so |really |quite |pretty |very )?(?:low|badly|poorly)\b"
# «the AuralPeak is rated really low, why?», «why's its rating so low»
_WHY_LOW = re.compile(
    # (nothing between: «why is the battery rated so low» asks of the battery)
    _RATED_LOW + r"|\bwhy(?:'s|\s+is|\s+are|\s+does)?\s+(?:its\s+|it\s+|the\s+|this\s+|that\s+)?"
    r"(?:rating|ratings|rated|stars?|score)\s+(?:so\s+|this\s+|that\s+|really\s+)?"
    r"(?:low|bad|badly|poor|poorly|terrible|awful)\b",
    re.I,
)
LOW_RATING = re.compile(
    r"\b(?:the |its |their |this )?(?:rating|ratings|score|stars?|reviews?)\s+"
    r"(?:looks?|seems?|is|are)\s+(?:so |really |quite |kinda |pretty |a bit )?"
    r"(?:low|bad|poor|meh|terrible|awful|mixed)\b"
    r"|\b(?:it'?s|only|just) (?:\d(?:\.\d)?|one|two) stars?\b|\bonly (?:one|1|a few) reviews?\b"
    rf"|{_RATED_LOW}|\bpoorly rated\b",
    re.I,
)


_AN_AGE = re.compile(
    r"\b\d{1,2}\s*-?\s*(?:yrs?|years?|yo|y/o|months?)(?:[- ]?olds?)?\b|\b(?:toddler|baby)\b", re.I
)
# «which ones dont shrink? check reviews», «saw it on a vid»: how to answer, or where it was
# seen, not what is asked
_ASIDES = re.compile(
    r"\b(?:check|look at|see|read)\s+(?:the\s+|their\s+|its\s+)?reviews?\b"
    r"|\bsaw\s+(?:it|them|this|that|one)\s+on\s+(?:a\s+|the\s+|some\s+)?(?:vid|video|"
    r"tiktok|insta(?:gram)?|youtube|reel|post|feed|clip)s?\b",
    re.I,
)
# «is the expensive one any good?»: which one is asked of, not its price
_PICKED_BY_PRICE = re.compile(
    r"\bthe (?:cheap|cheaper|cheapest|expensive|pricey|pricier|priciest|dearer) ones?\b", re.I
)


def _aspect_words(question: str, vocabulary: ReviewVocabulary, product: Product) -> list[set[str]]:
    """What the question asks about, in the order to try: the whole message's words («…
    comfy? read the clamp is super tight»: the clamp too), then, when no review says them
    and the message also tells something, its asking sentence's («do they snap? kids are
    rough»: no review says kids, three say snapped)."""
    whole = _words_asked(question, vocabulary, product)
    sentences = [part for part in re.split(r"(?<=[.!?])\s+", question.strip()) if part]
    asking = " ".join(part for part in sentences if part.endswith("?"))
    last_asks = bool(sentences) and sentences[-1].endswith("?")  # not «…? especially the battery»
    verdict = last_asks and _REVIEWS_ANY_GOOD.search(asking)
    if asking and len(asking) < len(question.strip()) and verdict:
        return [set()]  # «hmm ok. does the X have good reviews?»: the verdict, not «hmm»
    if asking and len(asking) < len(question.strip()):
        then = _words_asked(asking, vocabulary, product)
        if then and then != whole:
            return [whole, then] if whole else [then]
    return [whole]


# «… has good reviews?», «any good reviews?»: the reviews' verdict asked, whatever came before
_REVIEWS_ANY_GOOD = re.compile(
    r"\b(?:good|great|decent|bad|ok|okay|nice)\s+(?:reviews|ratings)\W*$|^\W*reviews\W*$", re.I
)


# «is it bpa free?», «latex-free?»: what it is free of is the aspect
_FREE_OF = re.compile(r"\b([a-z]{3,})[- ]free\b", re.I)


def _words_asked(question: str, vocabulary: ReviewVocabulary, product: Product) -> set[str]:
    """What the question asks about, as stems: its words that reviewers use, neither framing
    nor filler nor the product's own name ("is the verano blender loud?" is about loudness);
    only its nouns when it names a thing ("does the coating peel after a month?": coating)."""
    if OVERALL_QUESTION.search(asked_part(question)):  # «… brilliant reviews. What do people
        return set()  # like?», "is it any good? it's a lot of money": the verdict, no aspect
    question = LOW_RATING.sub(" ", question)  # why it is rated low is the question, not "low"
    question = _AN_AGE.sub(" ", question)  # «its for my 2 yr old»: who it is for, no aspect
    question = _PICKED_BY_PRICE.sub(" it ", question)
    question = _ASIDES.sub(" ", question)
    title = set(tokenize(f"{product.title} {product.brand} {product.category}"))
    words = [
        w for w in vocabulary.aspect_words(question) if not any(char.isdigit() for char in w)
    ]  # "200s", "2": model numbers, not aspects
    stems = [stem(word) for word in words if stem(word) not in title]
    nouns = [word for word in stems if word in vocabulary.nouns]
    if (free_of := _FREE_OF.search(question)) and vocabulary.unknown_words(free_of.group(1)):
        stems, nouns = [stem(free_of.group(1).lower())], []  # «bpa free?»: bpa, not «free»
    if stems and not nouns:  # «fits in a Ryanair overhead bin»: what no review says is asked
        named = [w for w in vocabulary.unheard_names(question) if _not_in(w, title)]
        # a name said with a capital («Ryanair»), not stray words («puts it in her mouth»)
        if any(re.search(rf"\b{re.escape(w.title())}\b", question) for w in named):
            stems = [stem(w) for w in named]
    if not stems and not COMPLAINT_QUESTION.search(question):
        # "does it come with a warranty?": asked, though no review uses the word
        unheard = [stem(word) for word in vocabulary.unknown_words(question)]
        stems = [
            word for word in unheard if word not in title and not any(c.isdigit() for c in word)
        ]
    return set(nouns or stems) | family_stems(question)


def _not_in(word: str, title: set[str]) -> bool:
    """Whether a word, or each part of a hyphenated one, is outside the product's title."""
    parts = [stemmed for part in word.split("-") if (stemmed := stem(part))]
    return not any(char.isdigit() for char in word) and not all(p in title for p in parts)


def _aspect_label(question: str, words: set[str]) -> str | None:
    """The question's own words for the aspect ('battery life'), in its order."""
    typed = [w for w in re.findall(r"[A-Za-z][\w'-]*", question) if stem(w.lower()) in words]
    return " ".join(dict.fromkeys(w.lower() for w in typed)) or None


def _quote(review: Review, words: set[str], passage: str | None = None) -> str:
    """The passage the evidence chose, else the review's sentence that names the aspect (or
    its first), cut to a short quote."""
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", review.text) if s.strip()]
    if not words and passage is None:
        # «what does the review say?»: the review as far as a longer quote goes, not only its
        # opening («Compared it with two others before buying.»)
        chosen, limit = sentences[0], 2 * QUOTE_CHARS
        for sentence in sentences[1:]:
            if len(chosen) + 1 + len(sentence) > limit:
                break
            chosen = f"{chosen} {sentence}"
        return chosen if len(chosen) <= limit else chosen[: limit - 1].rstrip() + "…"
    chosen = passage or next((s for s in sentences if words & set(tokenize(s))), sentences[0])
    return chosen if len(chosen) <= QUOTE_CHARS else chosen[: QUOTE_CHARS - 1].rstrip() + "…"


def answer_about_reviews(
    retriever: Retriever, catalogue: Catalogue, product_id: str, question: str, max_quotes: int = 3
) -> ReviewAnswer:
    """Count the reviews that mention what the question asks about, split by rating, quoted."""
    product = catalogue.product(product_id)
    reviews = catalogue.reviews_of(product_id)
    vocabulary = vocabulary_of(catalogue)
    # («why's its rating so low» asks for complaints, not for reviews that say «low»)
    tries = _aspect_words(_WHY_LOW.sub(" ", question), vocabulary, product)
    words = tries[0]
    trust = trust_signals(product, reviews)
    ratings = [r.rating for r in reviews if r.rating is not None]
    average = round(sum(ratings) / len(ratings), 2) if ratings else None
    evidence: list[ReviewEvidence] = []
    verdict = None
    complaints = None
    if question.strip():  # the verdict too: whether any review answers it at all
        evidence, verdict = retriever.review_evidence_ranked(
            product_id, question, k=max(len(reviews), 1)
        )
    # "anything people moan about?", «the AuralPeak is rated really low, why?»
    if not words and (COMPLAINT_QUESTION.search(question) or _WHY_LOW.search(question)):
        groups = complaint_groups(vocabulary, reviews)
        complaints = [_complaint(group) for group in groups[:max_quotes]]
        complained = {review.id for group in groups for review, _ in group.sentences}
        relevant = [review for review in reviews if review.id in complained]
    elif not words:  # "what do people think of it?": the whole picture
        relevant = sorted(reviews, key=lambda r: (-r.helpful_votes, r.id))
    else:
        by_id = {review.id: review for review in reviews}
        for words in tries:  # the whole message's words, else the asking sentence's
            relevant = [
                by_id[item.review_id]
                for item in evidence
                if words & set(tokenize(by_id[item.review_id].text))
                or (item.similarity or 0.0) >= MENTION_SIMILARITY
            ]
            if relevant:
                break
    passages = {item.review_id: item.text for item in evidence} if words else {}
    family = family_label(question)
    positive = [r for r in relevant if (r.rating or 0) >= 4]
    negative = [r for r in relevant if r.rating is not None and r.rating <= 2]
    picks = [] if complaints is not None else _balanced(positive, negative, relevant, max_quotes)
    return ReviewAnswer(
        product_id=product_id,
        aspect=family or _aspect_label(question, words),
        mentions=len(relevant),
        positive=len(positive),
        negative=len(negative),
        mixed=len(relevant) - len(positive) - len(negative),
        quotes=[
            Quote(
                review_id=r.id,
                rating=r.rating,
                text=_quote(r, words, passages.get(r.id)),
                verified_purchase=r.verified_purchase,
            )
            for r in picks
        ],
        average_rating=average,
        review_count=len(reviews),
        trust=trust,
        answer=_answer_quote(question, evidence, catalogue, family_stems(question))
        if words
        else None,
        # reviews that use the family's own words answer it, whatever the classifier says
        answerable=True if family and relevant else verdict.answerable if verdict else None,
        answer_probability=verdict.probability if verdict else None,
        complaints=complaints,
    )


def _complaint(group: ComplaintGroup) -> Complaint:
    """A complaint group as counted and quoted, a verified purchase's words first."""
    review, sentence = min(group.sentences, key=lambda pair: not pair[0].verified_purchase)
    text = sentence if len(sentence) <= QUOTE_CHARS else sentence[: QUOTE_CHARS - 1] + "…"
    return Complaint(
        aspect=group.aspect,
        reviews=group.review_count,
        quote=Quote(
            review_id=review.id,
            rating=review.rating,
            text=text,
            verified_purchase=review.verified_purchase,
        ),
    )


def _answer_quote(
    question: str,
    evidence: list[ReviewEvidence],
    catalogue: Catalogue,
    family: set[str] = frozenset(),
) -> Quote | None:
    """The answering span the best evidence agrees on, quoted from its review; for an aspect
    family ("do they run small?"), only evidence that uses the family's words votes."""
    if family:
        evidence = [item for item in evidence if family & set(tokenize(item.text))] or evidence
        question = f"{question} {' '.join(sorted(family))}"
    if not evidence:
        return None
    position, span = quoted_span(question, evidence, catalogue)
    review = catalogue.reviews[evidence[position].review_id]
    if family and not family & set(tokenize(span)):
        # «Ordered after reading the reviews.» for grip: the review's sentence that says it
        said = [part for part in split_sentences(review.text) if family & set(tokenize(part))]
        span = said[0] if said else span
    return Quote(
        review_id=review.id,
        rating=review.rating,
        text=span,
        verified_purchase=review.verified_purchase,
    )


def _balanced(
    positive: list[Review], negative: list[Review], relevant: list[Review], count: int
) -> list[Review]:
    """Quotes from both sides when both exist, verified purchases first."""

    def key(review: Review) -> tuple[bool, int]:
        return (not review.verified_purchase, -review.helpful_votes)

    picks: list[Review] = []
    for group in (sorted(positive, key=key), sorted(negative, key=key)):
        if group:
            picks.append(group[0])
    for review in relevant:
        if len(picks) >= count:
            break
        if review not in picks:
            picks.append(review)
    return picks[:count]
