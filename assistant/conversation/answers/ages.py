"""Whether a toy's age rating suits the child the shopper names («she is 2», «a toddler»)."""

from __future__ import annotations

import re

from assistant.catalogue.models import Product

_YEARS = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_CHILD_AGE = re.compile(
    # «a 3 year old», «2yo»; not «it will last 5 years», «for 10 years»
    rf"\b{_YEARS}[ -]?(?:y/?o|(?:years?|yrs?)[ -]olds?)\b|\b(?:a|an) {_YEARS}[ -](?:year|yr)\b|"
    rf"\b(?:she|he|they|kid|son|daughter|bro|brother|sis|sister|niece|nephew|grandson|"
    rf"granddaughter|boy|girl|toddler|little one)(?:'s| is| are| turns?| turned| just turned) "
    rf"{_YEARS}\b|"
    rf"\baged? {_YEARS}\b|\bturning {_YEARS}\b",
    re.I,
)
_CHILD_MONTHS = re.compile(r"\b(\d{1,2})[ -]?(?:months?|mos?)(?:[ -]old)?\b", re.I)
_WORD_YEARS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_YOUNG = {"baby": 0, "babies": 0, "infant": 0, "newborn": 0, "toddler": 2, "toddlers": 2}
_YOUNG_NAMES = {0: "a baby", 2: "a toddler"}
_RATING = re.compile(r"^(\d{1,2})\+$")


def _article(number: int) -> str:
    """«an 8-year-old», «an 11-month-old», «a 6-year-old»: the article the number's sound takes."""
    return "an" if str(number).startswith("8") or number in (11, 18) else "a"


def child_age(question: str) -> tuple[int, str] | None:
    """The age in years of the child a question names, with how to call the child."""
    if match := _CHILD_MONTHS.search(question):  # «she is 18 months»: 1 year, by the rating
        months = int(match.group(1))
        return months // 12, f"{_article(months)} {months}-month-old"
    if match := _CHILD_AGE.search(question):
        said = next(group for group in match.groups() if group).lower()
        years = int(said) if said.isdigit() else _WORD_YEARS[said]
        return years, f"{_article(years)} {years}-year-old"
    for word in re.findall(r"[a-z]+", question.lower()):
        if word in _YOUNG:
            return _YOUNG[word], _YOUNG_NAMES[_YOUNG[word]]
    return None


def age_verdict(rating: str, question: str) -> str:
    """«made for ages 6 and up, so not meant for a 2-year-old», or "" when either is unknown."""
    minimum = _RATING.match(rating.strip())
    named = child_age(question)
    if not minimum or named is None:
        return ""
    lowest, (age, child) = int(minimum.group(1)), named
    if age >= lowest:
        return f"made for ages {lowest} and up, so fine for {child} by the maker's rating"
    return (
        f"made for ages {lowest} and up, so not meant for {child}; "
        "toys for older children can have small parts"
    )


def rated_for_the_child(products: list[Product], question: str) -> tuple[str, list[Product]] | None:
    """«which one is ok for a newborn?» over products with age ratings: the ones rated for
    the child (youngest rating first), or that none is; None when no child's age is said."""
    named = child_age(question)
    rated = [
        (p, int(m.group(1))) for p in products if (m := _RATING.match(p.attributes.get("age", "")))
    ]
    if named is None or not rated:
        return None
    age, child = named
    rated.sort(key=lambda item: item[1])
    suited = [p for p, lowest in rated if lowest <= age]
    if suited:
        titles = ", ".join(f"{p.title} [{p.id}] ({p.attributes['age']})" for p in suited)
        return f"Rated for {child}: {titles}.", suited
    youngest, lowest = rated[0]
    return (
        f"None of these is rated for {child}: the youngest rating here is {lowest}+ "
        f"({youngest.title} [{youngest.id}]). Toys for older children can have small parts.",
        [p for p, _ in rated],
    )


def for_the_childs_age(products: list[Product], question: str) -> list[Product]:
    """Of the products found, those not rated for older children than the one named («rc car
    for a 10 year old»: not the 12+ one), when some are; all of them otherwise."""
    named = child_age(question)
    if named is None:
        return products

    def for_older(product: Product) -> bool:
        rating = _RATING.match(product.attributes.get("age", "").strip())
        return bool(rating) and int(rating.group(1)) > named[0]

    kept = [product for product in products if not for_older(product)]
    return kept if kept and len(kept) < len(products) else products


def age_note(products: list[Product], question: str) -> str:
    """A line under a list of toys saying which are rated for the child the request names
    («a little teddy … which one is ok for a newborn?»), or ""."""
    suited = rated_for_the_child(products, question)
    return "\n" + suited[0] if suited else ""
