import json
from collections import Counter

import pytest

from assistant.catalogue.loader import CatalogueError, load_catalogue, write_catalogue
from assistant.settings import DEMO_CATALOGUE
from tests.conftest import TINY_CATALOGUE


def test_tiny_catalogue_loads_with_derived_ratings(tiny_catalogue):
    headphones = tiny_catalogue.product("T1")
    assert headphones.review_count == 3
    assert headphones.rating == pytest.approx((5 + 2 + 4) / 3, abs=0.01)
    assert headphones.in_stock and headphones.min_price_minor == 8999
    assert not tiny_catalogue.product("T4").in_stock


def test_unknown_product_error_says_what_to_do(tiny_catalogue):
    with pytest.raises(KeyError, match="search the catalogue"):
        tiny_catalogue.product("NOPE")


def test_bad_rows_are_reported_with_file_line_and_field_and_good_rows_load(tmp_path):
    good = (TINY_CATALOGUE / "products.jsonl").read_text().splitlines()
    bad_price = json.loads(good[0]) | {"id": "B1"}
    bad_price["variants"] = [{"id": "B1-1", "price_minor": -5, "stock": 1}]
    missing_title = {k: v for k, v in json.loads(good[1]).items() if k != "title"} | {"id": "B2"}
    lines = [
        good[0],
        "{not json",
        json.dumps(bad_price),
        json.dumps(missing_title),
        good[0],
        "[1, 2]",
        good[2],
    ]
    (tmp_path / "products.jsonl").write_text("\n".join(lines) + "\n")
    (tmp_path / "reviews.jsonl").write_text(
        json.dumps({"id": "X1", "product_id": "GHOST", "rating": 5, "text": "hi"})
        + "\n"
        + json.dumps({"id": "X2", "product_id": "T1", "rating": 9, "text": "too many stars"})
        + "\n"
    )

    catalogue, report = load_catalogue(tmp_path)

    assert sorted(catalogue.products) == ["T1", "T3"]
    found = {(error.line, error.field) for error in report.errors}
    path = str(tmp_path / "products.jsonl")
    assert (2, "(json)") in found
    assert (3, "variants.0.price_minor") in found
    assert (4, "title") in found
    assert (5, "id") in found  # repeated product id
    assert (6, "(row)") in found
    assert {(1, "product_id"), (2, "rating")} <= found
    assert any(
        str(error).startswith(f"{path}:3: field 'variants.0.price_minor'")
        for error in report.errors
    )
    assert "skipped 7 bad rows" in report.summary()


def test_empty_catalogue_is_a_clear_error(tmp_path):
    (tmp_path / "products.jsonl").write_text("\n")
    with pytest.raises(CatalogueError, match="no valid products"):
        load_catalogue(tmp_path)


def test_missing_catalogue_names_the_setting(tmp_path):
    with pytest.raises(CatalogueError, match="CATALOGUE_PATH"):
        load_catalogue(tmp_path / "nowhere")


def test_write_then_load_round_trips(tiny_catalogue, tmp_path):
    write_catalogue(tiny_catalogue, tmp_path)
    again, report = load_catalogue(tmp_path)
    assert not report.errors
    assert again.products.keys() == tiny_catalogue.products.keys()
    assert again.reviews.keys() == tiny_catalogue.reviews.keys()


def test_demo_catalogue_is_big_varied_and_clean():
    catalogue, report = load_catalogue(DEMO_CATALOGUE)
    assert not report.errors
    products = list(catalogue.products.values())
    assert len(products) >= 300
    assert len(catalogue.categories()) >= 8
    assert len(catalogue.reviews) >= 3000
    assert sum(len(p.variants) > 1 for p in products) >= 150
    assert sum(not p.in_stock for p in products) >= 5
    assert {p.seller.vetting for p in products} >= {"vetted", "unvetted"}
    assert len({p.seller.id for p in products}) >= 6
    ratings = Counter(review.rating for review in catalogue.reviews.values())
    assert all(ratings[stars] >= 100 for stars in range(1, 6))
    # Suspicious patterns: the same 5-star text many times, unverified.
    texts = Counter(review.text for review in catalogue.reviews.values() if review.rating == 5)
    assert texts.most_common(1)[0][1] >= 5
    # Products whose reviews disagree: both 1-star and 5-star reviews.
    split = [
        pid
        for pid, group in catalogue.reviews_by_product.items()
        if {1, 5} <= {review.rating for review in group}
    ]
    assert len(split) >= 20


def test_demo_generator_is_deterministic(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "scripts" / "make_demo_catalogue.py"
    subprocess.run(
        [sys.executable, str(script), "--out", str(tmp_path)], check=True, capture_output=True
    )
    for name in ("products.jsonl", "reviews.jsonl"):
        assert (tmp_path / name).read_bytes() == (DEMO_CATALOGUE / name).read_bytes()


def test_options_named_in_a_text_by_value_never_guessed(tiny_catalogue):
    shoes = tiny_catalogue.products["T3"]  # colour blue/red, size 9/10
    assert shoes.options_named_in("#cart the red one in 10 pls") == {"colour": "red", "size": "10"}
    assert shoes.options_named_in("#cart Blue") == {"colour": "blue"}
    assert shoes.options_named_in("#cart 9 or 10, blue") == {"colour": "blue"}  # two sizes: none
    assert shoes.options_named_in("#cart 9.5 or 109") == {}  # values match whole, not in part


def test_title_words_said_again_after_the_name_are_options() -> None:
    coffee = load_catalogue(DEMO_CATALOGUE)[0].products["P0287"]  # Classic Whole Bean Coffee
    said = coffee.options_named_in("add leaf & kettle classic whole bean, 250g whole bean")
    assert said == {"size": "250 g", "grind": "whole bean"}
    assert coffee.options_named_in("add the leaf & kettle classic whole bean") == {}


def test_a_size_word_describing_something_else_names_no_letter_size() -> None:
    from assistant.catalogue.models import SIZE_WORD

    assert SIZE_WORD.findall("then small, please") == ["small"]
    assert SIZE_WORD.findall("it's only a small purchase") == []
