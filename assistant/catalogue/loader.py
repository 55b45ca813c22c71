"""The project's JSONL catalogue format: loading with a row-by-row error report, and writing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from assistant.catalogue.models import Catalogue, Product, Review

PRODUCTS_FILE = "products.jsonl"
REVIEWS_FILE = "reviews.jsonl"


class CatalogueError(Exception):
    """A catalogue that cannot be used at all (missing, empty)."""


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
