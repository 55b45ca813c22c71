"""Importers from public formats into the catalogue: Amazon-reviews JSONL, tau-bench, flat CSV."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from assistant.catalogue.loader import LoadReport, RowError, iter_jsonl, validation_field
from assistant.catalogue.models import Catalogue, Product, Review, Seller, Variant
from assistant.money import to_minor

DEFAULT_STOCK = 50  # sources without stock figures: "available" becomes this many units


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "unknown"


def _amazon_price(value: Any) -> int | None:
    if isinstance(value, int | float):
        return to_minor(value)
    if isinstance(value, str) and (match := re.search(r"\d+(?:[.,]\d{1,2})?", value)):
        return to_minor(match.group(0))
    return None


def _text(value: Any) -> str:
    return " ".join(str(part) for part in value) if isinstance(value, list) else str(value or "")


def import_amazon_jsonl(
    meta_path: Path, reviews_path: Path | None = None, default_stock: int = DEFAULT_STOCK
) -> tuple[Catalogue, LoadReport]:
    """Amazon Reviews metadata + reviews JSONL (2023 field names, with 2018 names as fallback)."""
    errors: list[RowError] = []
    products: dict[str, Product] = {}
    for line, row in iter_jsonl(meta_path, errors):
        product_id = row.get("parent_asin") or row.get("asin")
        price = _amazon_price(row.get("price"))
        if not product_id:
            errors.append(
                RowError(
                    file=str(meta_path),
                    line=line,
                    field="parent_asin",
                    message="missing; every product needs an id",
                )
            )
            continue
        if price is None:
            errors.append(
                RowError(
                    file=str(meta_path),
                    line=line,
                    field="price",
                    message="missing or not a number; a product needs a price",
                )
            )
            continue
        categories = row.get("categories") or row.get("category") or []
        store = row.get("store") or row.get("brand") or "unknown seller"
        details = row.get("details") if isinstance(row.get("details"), dict) else {}
        try:
            products[product_id] = Product(
                id=product_id,
                title=row.get("title") or "",
                brand=row.get("brand") or store,
                category=(categories[-1] if categories else row.get("main_category")) or "General",
                description=" ".join(
                    filter(
                        None,
                        [
                            _text(row.get("features") or row.get("feature")),
                            _text(row.get("description")),
                        ],
                    )
                ),
                attributes={str(key): str(value) for key, value in details.items()},
                variants=[Variant(id=f"{product_id}-1", price_minor=price, stock=default_stock)],
                seller=Seller(id=_slug(store), name=store, vetting="pending"),
                rating=row.get("average_rating"),
                review_count=row.get("rating_number") or 0,
            )
        except ValidationError as exc:
            field, message = validation_field(exc)
            errors.append(RowError(file=str(meta_path), line=line, field=field, message=message))
    reviews: list[Review] = []
    if reviews_path is not None:
        for line, row in iter_jsonl(reviews_path, errors):
            product_id = row.get("parent_asin") or row.get("asin")
            if product_id not in products:
                errors.append(
                    RowError(
                        file=str(reviews_path),
                        line=line,
                        field="parent_asin",
                        message=f"unknown product {product_id!r}",
                    )
                )
                continue
            stamp = row.get("timestamp") or (row.get("unixReviewTime") or 0) * 1000
            try:
                reviews.append(
                    Review(
                        id=f"{product_id}-r{line}",
                        product_id=product_id,
                        rating=round(float(row.get("rating", row.get("overall", 0)))) or None,
                        title=row.get("title") or row.get("summary") or "",
                        text=row.get("text") or row.get("reviewText") or "",
                        author=row.get("user_id") or row.get("reviewerID") or "anonymous",
                        date=dt.datetime.fromtimestamp(stamp / 1000, dt.UTC).date()
                        if stamp
                        else None,
                        verified_purchase=bool(row.get("verified_purchase", row.get("verified"))),
                        helpful_votes=int(
                            str(row.get("helpful_vote", row.get("vote", 0))).replace(",", "")
                        ),
                    )
                )
            except (ValidationError, ValueError) as exc:
                field, message = (
                    validation_field(exc)
                    if isinstance(exc, ValidationError)
                    else ("rating", str(exc))
                )
                errors.append(
                    RowError(file=str(reviews_path), line=line, field=field, message=message)
                )
    report = LoadReport(products=len(products), reviews=len(reviews), errors=errors)
    return Catalogue(products.values(), reviews), report


def import_tau_bench_products(
    path: Path,
    default_stock: int = DEFAULT_STOCK,
) -> tuple[Catalogue, LoadReport]:
    """tau-bench retail `products.json`: product types with variants (options, price, available)."""
    errors: list[RowError] = []
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    seller = Seller(id="tau-retail", name="tau-bench retail", vetting="vetted")
    products: list[Product] = []
    for position, (product_id, row) in enumerate(data.items(), start=1):
        try:
            variants = [
                Variant(
                    id=item_id,
                    options=item.get("options", {}),
                    price_minor=to_minor(item["price"]),
                    stock=default_stock if item.get("available") else 0,
                )
                for item_id, item in row["variants"].items()
            ]
            products.append(
                Product(
                    id=product_id,
                    title=row["name"],
                    category=row["name"],
                    description=f"{row['name']} in {len(variants)} variants.",
                    variants=variants,
                    seller=seller,
                )
            )
        except (KeyError, ValidationError, ValueError) as exc:
            field, message = (
                validation_field(exc)
                if isinstance(exc, ValidationError)
                else (str(exc), "missing or malformed")
            )
            errors.append(RowError(file=str(path), line=position, field=field, message=message))
    return Catalogue(products), LoadReport(products=len(products), errors=errors)


CSV_REQUIRED = ("product_id", "title", "category", "variant_id", "price", "stock")


def import_flat_csv(path: Path, reviews_path: Path | None = None) -> tuple[Catalogue, LoadReport]:
    """A flat CSV, one row per variant: product_id, title, category, variant_id, price, stock,
    and optionally brand, description, currency, seller_name, seller_vetting, shipping_days,
    return_window_days, `option_<name>` and `attr_<name>` columns; reviews from a second CSV
    (see `import_reviews_csv`)."""
    errors: list[RowError] = []
    grouped: dict[str, tuple[dict[str, str], list[Variant]]] = {}
    with Path(path).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [name for name in CSV_REQUIRED if name not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(
                f"{path}: missing column(s) {', '.join(missing)}; "
                f"a flat CSV needs {', '.join(CSV_REQUIRED)}"
            )
        for row in reader:
            line = reader.line_num
            try:
                variant = Variant(
                    id=row["variant_id"],
                    price_minor=to_minor(row["price"]),
                    currency=row.get("currency") or "USD",
                    stock=int(row["stock"]),
                    options={
                        key[7:]: value
                        for key, value in row.items()
                        if key.startswith("option_") and value
                    },
                )
            except ValidationError as exc:
                field, message = validation_field(exc)
                errors.append(RowError(file=str(path), line=line, field=field, message=message))
                continue
            except ValueError as exc:
                field = "stock" if "int" in str(exc) else "price"
                errors.append(RowError(file=str(path), line=line, field=field, message=str(exc)))
                continue
            grouped.setdefault(row["product_id"], (row, []))[1].append(variant)
    products: list[Product] = []
    for product_id, (row, variants) in grouped.items():
        try:
            products.append(
                Product(
                    id=product_id,
                    title=row["title"],
                    brand=row.get("brand") or "",
                    category=row["category"],
                    description=row.get("description") or "",
                    attributes={
                        key[5:]: value
                        for key, value in row.items()
                        if key.startswith("attr_") and value
                    },
                    variants=variants,
                    seller=Seller(
                        id=_slug(row.get("seller_name") or "shop"),
                        name=row.get("seller_name") or "shop",
                        vetting=row.get("seller_vetting") or "vetted",
                    ),
                    shipping_days=int(row.get("shipping_days") or 3),
                    return_window_days=int(row.get("return_window_days") or 30),
                )
            )
        except (ValidationError, ValueError) as exc:
            field, message = (
                validation_field(exc)
                if isinstance(exc, ValidationError)
                else ("shipping_days", str(exc))
            )
            errors.append(
                RowError(file=str(path), line=0, field=f"{product_id}.{field}", message=message)
            )
    reviews = (
        import_reviews_csv(reviews_path, {p.id for p in products}, errors) if reviews_path else []
    )
    report = LoadReport(products=len(products), reviews=len(reviews), errors=errors)
    return Catalogue(products, reviews), report


REVIEW_CSV_REQUIRED = ("review_id", "product_id", "rating", "text")


def import_reviews_csv(path: Path, product_ids: set[str], errors: list[RowError]) -> list[Review]:
    """Reviews from a CSV: review_id, product_id, rating, text, and optionally title, author,
    date (YYYY-MM-DD), verified_purchase (true/false) and helpful_votes; a bad row or one of
    an unknown product is reported in `errors` and skipped."""
    reviews: list[Review] = []
    with Path(path).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [name for name in REVIEW_CSV_REQUIRED if name not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(
                f"{path}: missing column(s) {', '.join(missing)}; "
                f"a reviews CSV needs {', '.join(REVIEW_CSV_REQUIRED)}"
            )
        for row in reader:
            if row["product_id"] not in product_ids:
                errors.append(
                    RowError(
                        file=str(path),
                        line=reader.line_num,
                        field="product_id",
                        message=f"unknown product {row['product_id']!r}",
                    )
                )
                continue
            try:
                reviews.append(
                    Review(
                        id=row["review_id"],
                        product_id=row["product_id"],
                        rating=row["rating"] or None,
                        title=row.get("title") or "",
                        text=row["text"],
                        author=row.get("author") or "anonymous",
                        date=row.get("date") or None,
                        verified_purchase=(row.get("verified_purchase") or "").lower()
                        in {"true", "1", "yes"},
                        helpful_votes=row.get("helpful_votes") or 0,
                    )
                )
            except ValidationError as exc:
                field, message = validation_field(exc)
                errors.append(
                    RowError(file=str(path), line=reader.line_num, field=field, message=message)
                )
    return reviews
