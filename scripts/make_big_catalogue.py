"""Write a big seeded shop export (flat CSVs) for scale tests: `--products` products, reviews.

Run: `python scripts/make_big_catalogue.py --products 100000 --out /tmp/big-src`, then
`shopassist import csv /tmp/big-src/products.csv --reviews /tmp/big-src/reviews.csv --out
catalogues/big-100k` and `shopassist index --catalogue catalogues/big-100k`.
The files are what a shop's export would be: one row per variant (with `option_*` and
`attr_*` columns) and one row per review. The same seed always gives the same files. The
words come from the demo generator's categories; brands and model names are widened so that
titles stay distinct at 100k products. Never commit the output.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_demo_catalogue import (
    CATEGORIES,
    HANDLES,
    MODEL_WORDS,
    SELLERS,
    TITLES_MID,
    TITLES_NEG,
    TITLES_POS,
    CategorySpec,
    _price,
    _review_text,
    _variants,
)

SYLLABLES = (
    "ar bel cor dax el fen gro hal ix jun kor lum mar nor ox pil quin ros sol tor ul "
    "ven wex yar zel bri cal dor fyn"
).split()
BRANDS_PER_CATEGORY = 60
REVIEW_COUNTS = (0, 0, 1, 1, 1, 1, 2, 2, 3)  # mean 1.22 reviews per product
PRODUCT_COLUMNS = [
    "product_id", "variant_id", "title", "brand", "category", "description", "price",
    "currency", "stock", "seller_name", "seller_vetting", "shipping_days", "return_window_days",
]  # fmt: skip
REVIEW_COLUMNS = [
    "review_id", "product_id", "rating", "title", "text", "author", "date",
    "verified_purchase", "helpful_votes",
]  # fmt: skip


def brands_for(rng: random.Random, spec: CategorySpec) -> list[str]:
    """The demo's brands of a category plus invented ones, so 100k products spread widely."""
    invented: set[str] = set()
    while len(invented) < BRANDS_PER_CATEGORY - len(spec.brands):
        name = "".join(rng.sample(SYLLABLES, 2)).capitalize()
        invented.add(name + rng.choice(["", "", " Labs", " & Co", "ify", "o"]))
    return [*spec.brands, *sorted(invented - set(spec.brands))]


def products(rng: random.Random, count: int) -> Iterator[tuple[dict, CategorySpec]]:
    """Invent `count` products with variants, spread evenly over the demo's categories."""
    brands = {spec.name: brands_for(rng, spec) for spec in CATEGORIES}
    used_titles: set[str] = set()
    for number in range(1, count + 1):
        spec = CATEGORIES[number % len(CATEGORIES)]
        noun, purpose, price_range = rng.choice(spec.types)
        brand = rng.choice(brands[spec.name])
        model = f"{rng.choice(MODEL_WORDS)} {rng.randint(2, 999)}"
        while f"{brand} {model} {noun}" in used_titles:  # titles stay distinct, as in a shop
            model = f"{model}{rng.choice('XSLE')}"
        title = f"{brand} {model} {noun}"
        used_titles.add(title)
        attributes = {key: rng.choice(values) for key, values in spec.attributes.items()}
        highlights = rng.sample(list(spec.aspects), 2)
        pid = f"B{number:07d}"
        seller = rng.choices(SELLERS, weights=[6, 3, 3, 3, 3, 3, 1, 1, 1, 1])[0]
        product = {
            "id": pid,
            "title": title,
            "brand": brand,
            "category": spec.name,
            "description": (
                f"The {title} is made for {purpose}. "
                f"Designed with attention to {highlights[0]} and {highlights[1]}. "
                + " ".join(f"{key.capitalize()}: {value}." for key, value in attributes.items())
            ),
            "attributes": attributes,
            "variants": _variants(rng, spec, pid, _price(rng, *price_range), rng.random() < 0.07),
            "seller": seller,
            "shipping_days": rng.randint(*spec.shipping)
            + (4 if seller["vetting"] != "vetted" else 0),
            "return_window_days": rng.choice(spec.returns),
        }
        yield product, spec


def variant_rows(product: dict) -> Iterator[dict[str, object]]:
    """The flat-CSV rows of one product: one per variant."""
    for variant in product["variants"]:
        row: dict[str, object] = {
            "product_id": product["id"],
            "variant_id": variant["id"],
            "title": product["title"],
            "brand": product["brand"],
            "category": product["category"],
            "description": product["description"],
            "price": f"{variant['price_minor'] / 100:.2f}",
            "currency": variant["currency"],
            "stock": variant["stock"],
            "seller_name": product["seller"]["name"],
            "seller_vetting": product["seller"]["vetting"],
            "shipping_days": product["shipping_days"],
            "return_window_days": product["return_window_days"],
        }
        row.update({f"option_{name}": value for name, value in variant["options"].items()})
        row.update({f"attr_{name}": value for name, value in product["attributes"].items()})
        yield row


def review_rows(rng: random.Random, product: dict, spec: CategorySpec, start: int) -> list[dict]:
    """A few reviews of one product, numbered from `start`."""
    quality = rng.gauss(3.7, 0.8)
    polarity = {aspect: rng.gauss(0, 0.25) for aspect in spec.aspects}
    rows = []
    for offset in range(rng.choice(REVIEW_COUNTS)):
        rating = min(5, max(1, round(rng.gauss(quality, 1.0))))
        titles = TITLES_POS if rating >= 4 else TITLES_NEG if rating <= 2 else TITLES_MID
        rows.append(
            {
                "review_id": f"BR{start + offset:07d}",
                "product_id": product["id"],
                "rating": rating,
                "title": rng.choice(titles),
                "text": _review_text(rng, spec, rating, polarity),
                "author": f"{rng.choice(HANDLES)}_{rng.randint(10, 9999)}",
                "date": (dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 1000))).isoformat(),
                "verified_purchase": "true" if rng.random() < 0.8 else "false",
                "helpful_votes": int(rng.expovariate(0.3)),
            }
        )
    return rows


def option_and_attribute_columns() -> list[str]:
    """Every `option_*` and `attr_*` column any category can fill, in a stable order."""
    options = sorted({name for spec in CATEGORIES for name in spec.axes})
    attributes = sorted({name for spec in CATEGORIES for name in spec.attributes})
    return [f"option_{name}" for name in options] + [f"attr_{name}" for name in attributes]


def main() -> None:
    """Write products.csv and reviews.csv."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    reviews_written = 0
    with (
        (args.out / "products.csv").open("w", encoding="utf-8", newline="") as product_file,
        (args.out / "reviews.csv").open("w", encoding="utf-8", newline="") as review_file,
    ):
        product_csv = csv.DictWriter(
            product_file, [*PRODUCT_COLUMNS, *option_and_attribute_columns()]
        )
        review_csv = csv.DictWriter(review_file, REVIEW_COLUMNS)
        product_csv.writeheader()
        review_csv.writeheader()
        for product, spec in products(rng, args.products):
            product_csv.writerows(variant_rows(product))
            reviews = review_rows(rng, product, spec, reviews_written + 1)
            review_csv.writerows(reviews)
            reviews_written += len(reviews)
    print(f"wrote {args.products} products and {reviews_written} reviews to {args.out}")


if __name__ == "__main__":
    main()
