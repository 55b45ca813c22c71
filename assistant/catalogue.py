"""Catalogue models (products, variants, sellers, reviews) and the project's JSONL loader."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from assistant.money import format_minor

PRODUCTS_FILE = "products.jsonl"
REVIEWS_FILE = "reviews.jsonl"


class CatalogueError(Exception):
    """A catalogue that cannot be used at all (missing, empty)."""


class Seller(BaseModel):
    """Who sells the product, and whether the shop has vetted them."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    vetting: Literal["vetted", "pending", "unvetted"] = "vetted"


class Variant(BaseModel):
    """One buyable version of a product (size, colour, ...) with its own price and stock."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    options: dict[str, str] = Field(default_factory=dict, description="e.g. {'colour': 'blue'}")
    price_minor: int = Field(ge=0, description="Price in minor units (cents).")
    currency: str = Field("USD", min_length=3, max_length=3)
    stock: int = Field(ge=0)

    @field_validator("options")
    @classmethod
    def _lowercase_option_names(cls, options: dict[str, str]) -> dict[str, str]:
        return {name.strip().lower(): str(value).strip() for name, value in options.items()}

    @property
    def price(self) -> str:
        """The price as people read it."""
        return format_minor(self.price_minor, self.currency)

    def label(self) -> str:
        """Options joined for display: 'blue / M'."""
        return " / ".join(self.options.values()) or "standard"


class Product(BaseModel):
    """A catalogue product; rating and review_count are derived from reviews when there are any."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    title: str = Field(min_length=1, max_length=500)
    brand: str = ""
    category: str = Field(min_length=1)
    description: str = ""
    attributes: dict[str, str] = Field(default_factory=dict)
    variants: list[Variant] = Field(min_length=1)
    seller: Seller
    shipping_days: int = Field(3, ge=0, le=90)
    return_window_days: int = Field(30, ge=0, le=365)
    rating: float | None = Field(None, ge=1, le=5)
    review_count: int = Field(0, ge=0)
    image_url: str | None = None

    @field_validator("variants")
    @classmethod
    def _unique_variant_ids(cls, variants: list[Variant]) -> list[Variant]:
        ids = [variant.id for variant in variants]
        if len(ids) != len(set(ids)):
            raise ValueError("variant ids repeat within the product; give each variant its own id")
        return variants

    @property
    def in_stock(self) -> bool:
        """Whether any variant can be bought now."""
        return any(variant.stock > 0 for variant in self.variants)

    @property
    def min_price_minor(self) -> int:
        """The cheapest variant's price."""
        return min(variant.price_minor for variant in self.variants)

    @property
    def currency(self) -> str:
        """The product's currency (variants of one product share it)."""
        return self.variants[0].currency

    def options_by_name(self) -> dict[str, list[str]]:
        """Each option's values across variants, in catalogue order: {'colour': ['red', ...]}."""
        options: dict[str, list[str]] = {}
        for variant in self.variants:
            for name, value in variant.options.items():
                options.setdefault(name, [])
                if value not in options[name]:
                    options[name].append(value)
        return options

    def option_values(self, name: str) -> set[str]:
        """All values of one option across variants, lower-cased."""
        return {v.options[name].lower() for v in self.variants if name in v.options}


class Review(BaseModel):
    """A shopper's review of one product."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    product_id: str = Field(min_length=1)
    rating: int | None = Field(None, ge=1, le=5, description="Stars; None where a source has none.")
    title: str = ""
    text: str = Field(min_length=1)
    author: str = "anonymous"
    date: dt.date | None = None
    verified_purchase: bool = False
    helpful_votes: int = Field(0, ge=0)


class RowError(BaseModel):
    """One rejected input row: where it is and what is wrong with it."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: field '{self.field}': {self.message}"


class LoadReport(BaseModel):
    """What a load accepted and rejected."""

    products: int = 0
    reviews: int = 0
    errors: list[RowError] = Field(default_factory=list)

    def summary(self) -> str:
        """One line for logs and the CLI."""
        text = f"loaded {self.products} products and {self.reviews} reviews"
        if self.errors:
            text += f"; skipped {len(self.errors)} bad rows (first: {self.errors[0]})"
        return text


class Catalogue:
    """Products by id and their reviews, with ratings derived from those reviews."""

    def __init__(self, products: Iterable[Product], reviews: Iterable[Review] = ()) -> None:
        self.products: dict[str, Product] = {product.id: product for product in products}
        self.reviews_by_product: dict[str, list[Review]] = {pid: [] for pid in self.products}
        for review in reviews:
            self.reviews_by_product.setdefault(review.product_id, []).append(review)
        self.reviews: dict[str, Review] = {
            review.id: review for group in self.reviews_by_product.values() for review in group
        }
        for pid, group in self.reviews_by_product.items():
            if group and pid in self.products:
                ratings = [review.rating for review in group if review.rating is not None]
                if ratings:
                    self.products[pid].rating = round(sum(ratings) / len(ratings), 2)
                self.products[pid].review_count = len(group)

    def __len__(self) -> int:
        return len(self.products)

    def product(self, product_id: str) -> Product:
        """The product with this id, or KeyError with a hint."""
        try:
            return self.products[product_id]
        except KeyError:
            raise KeyError(
                f"unknown product {product_id!r}; search the catalogue for a valid id"
            ) from None

    def reviews_of(self, product_id: str) -> list[Review]:
        """All reviews of one product."""
        return self.reviews_by_product.get(product_id, [])

    def categories(self) -> list[str]:
        """Distinct categories, sorted."""
        return sorted({product.category for product in self.products.values()})

    def brands(self) -> list[str]:
        """Distinct brands, sorted."""
        return sorted({product.brand for product in self.products.values() if product.brand})


def validation_field(error: ValidationError) -> tuple[str, str]:
    """The dotted field name and message of a validation error's first problem."""
    first = error.errors()[0]
    return ".".join(str(part) for part in first["loc"]) or "(row)", first["msg"]


def iter_jsonl(path: Path, errors: list[RowError]) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each JSON-object line; other lines are reported, not fatal."""
    with Path(path).open(encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(
                    RowError(
                        file=str(path),
                        line=line_number,
                        field="(json)",
                        message=f"not valid JSON: {exc.msg}",
                    )
                )
                continue
            if isinstance(row, dict):
                yield line_number, row
            else:
                errors.append(
                    RowError(
                        file=str(path),
                        line=line_number,
                        field="(row)",
                        message="each line must be a JSON object",
                    )
                )


def _read_rows(
    path: Path, model: type[BaseModel], errors: list[RowError]
) -> Iterator[tuple[BaseModel, int]]:
    """Validate each JSONL row as `model`, reporting each bad row instead of stopping."""
    for line_number, raw in iter_jsonl(path, errors):
        try:
            yield model.model_validate(raw), line_number
        except ValidationError as exc:
            field, message = validation_field(exc)
            errors.append(RowError(file=str(path), line=line_number, field=field, message=message))


def load_catalogue(folder: Path) -> tuple[Catalogue, LoadReport]:
    """Load `products.jsonl` and `reviews.jsonl` from a folder; bad rows are reported, not fatal."""
    folder = Path(folder)
    products_path = folder / PRODUCTS_FILE
    if not products_path.is_file():
        raise CatalogueError(
            f"no {PRODUCTS_FILE} in {folder}; point CATALOGUE_PATH at a folder that has one"
        )
    errors: list[RowError] = []
    products: dict[str, Product] = {}
    seen_variants: set[str] = set()
    for product, line in _read_rows(products_path, Product, errors):
        clash = product.id in products or any(v.id in seen_variants for v in product.variants)
        if clash:
            errors.append(
                RowError(
                    file=str(products_path),
                    line=line,
                    field="id",
                    message=f"product or variant id of {product.id!r} repeats",
                )
            )
            continue
        products[product.id] = product
        seen_variants.update(variant.id for variant in product.variants)
    if not products:
        raise CatalogueError(
            f"the catalogue in {folder} has no valid products"
            + (f" ({len(errors)} bad rows, first: {errors[0]})" if errors else "")
        )
    reviews: dict[str, Review] = {}
    reviews_path = folder / REVIEWS_FILE
    if reviews_path.is_file():
        for review, line in _read_rows(reviews_path, Review, errors):
            if review.product_id not in products:
                errors.append(
                    RowError(
                        file=str(reviews_path),
                        line=line,
                        field="product_id",
                        message=f"unknown product {review.product_id!r}",
                    )
                )
            elif review.id in reviews:
                errors.append(
                    RowError(
                        file=str(reviews_path),
                        line=line,
                        field="id",
                        message=f"review id {review.id!r} repeats",
                    )
                )
            else:
                reviews[review.id] = review
    report = LoadReport(products=len(products), reviews=len(reviews), errors=errors)
    return Catalogue(products.values(), reviews.values()), report


def write_catalogue(catalogue: Catalogue, folder: Path) -> None:
    """Write a catalogue as the project's JSONL (used by importers and the demo generator)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / PRODUCTS_FILE).open("w", encoding="utf-8") as handle:
        for product in catalogue.products.values():
            row = product.model_dump(
                mode="json", exclude={"rating", "review_count"}, exclude_none=True
            )
            if not catalogue.reviews_of(product.id) and product.rating is not None:
                row["rating"], row["review_count"] = product.rating, product.review_count
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    with (folder / REVIEWS_FILE).open("w", encoding="utf-8") as handle:
        for review in catalogue.reviews.values():
            handle.write(
                json.dumps(review.model_dump(mode="json", exclude_none=True), ensure_ascii=False)
                + "\n"
            )
