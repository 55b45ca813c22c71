import json

import pytest

from assistant.catalogue.importers import (
    import_amazon_jsonl,
    import_flat_csv,
    import_tau_bench_products,
)
from tests.conftest import SHARED_DATA, needs_shared_data


def test_amazon_2023_jsonl(tmp_path):
    meta = tmp_path / "meta.jsonl"
    meta.write_text(
        "\n".join(
            [
                json.dumps(
                    {
                        "parent_asin": "B01",
                        "title": "Trail Mug",
                        "store": "CampCo",
                        "price": 12.5,
                        "categories": ["Home", "Mugs"],
                        "features": ["Holds 350 ml"],
                        "description": ["Enamel mug."],
                        "details": {"Material": "enamel"},
                        "average_rating": 4.4,
                        "rating_number": 120,
                    }
                ),
                json.dumps({"parent_asin": "B02", "title": "No price", "price": None}),
                "garbage",
            ]
        )
    )
    reviews = tmp_path / "reviews.jsonl"
    reviews.write_text(
        "\n".join(
            [
                json.dumps(
                    {
                        "parent_asin": "B01",
                        "rating": 5.0,
                        "title": "Great",
                        "text": "Keeps tea hot.",
                        "user_id": "U1",
                        "timestamp": 1700000000000,
                        "helpful_vote": 3,
                        "verified_purchase": True,
                    }
                ),
                json.dumps({"parent_asin": "B99", "rating": 1.0, "text": "orphan"}),
            ]
        )
    )
    catalogue, report = import_amazon_jsonl(meta, reviews)
    mug = catalogue.product("B01")
    assert mug.variants[0].price_minor == 1250 and mug.category == "Mugs"
    assert mug.attributes == {"Material": "enamel"} and "Holds 350 ml" in mug.description
    review = catalogue.reviews_of("B01")[0]
    assert review.rating == 5 and review.verified_purchase and str(review.date) == "2023-11-14"
    assert {(e.line, e.field) for e in report.errors} == {
        (2, "price"),
        (3, "(json)"),
        (2, "parent_asin"),
    }


def test_amazon_2018_field_names(tmp_path):
    meta = tmp_path / "meta.jsonl"
    meta.write_text(
        json.dumps(
            {
                "asin": "A1",
                "title": "Cable",
                "brand": "Volt",
                "price": "$7.99",
                "category": ["Electronics", "Cables"],
            }
        )
    )
    reviews = tmp_path / "reviews.jsonl"
    reviews.write_text(
        json.dumps(
            {
                "asin": "A1",
                "overall": 4.0,
                "reviewText": "Works.",
                "summary": "ok",
                "vote": "1,204",
                "verified": False,
            }
        )
    )
    catalogue, report = import_amazon_jsonl(meta, reviews)
    assert not report.errors
    assert catalogue.product("A1").brand == "Volt"
    assert catalogue.reviews_of("A1")[0].helpful_votes == 1204


def test_flat_csv_groups_variants_and_reports_bad_rows(tmp_path):
    path = tmp_path / "shop.csv"
    path.write_text(
        "product_id,title,category,variant_id,price,stock,option_colour,option_size,attr_fabric\n"
        "P1,Linen Shirt,Apparel,P1-S,39.90,4,white,S,linen\n"
        "P1,Linen Shirt,Apparel,P1-M,39.90,0,white,M,linen\n"
        "P2,Bad Price,Apparel,P2-1,cheap,4,,,\n"
        "P3,Negative,Apparel,P3-1,10,-1,,,\n"
    )
    catalogue, report = import_flat_csv(path)
    shirt = catalogue.product("P1")
    assert [v.options for v in shirt.variants] == [
        {"colour": "white", "size": "S"},
        {"colour": "white", "size": "M"},
    ]
    assert shirt.attributes == {"fabric": "linen"} and shirt.variants[0].price_minor == 3990
    assert {(e.line, e.field) for e in report.errors} == {(4, "price"), (5, "stock")}


def test_flat_csv_without_required_columns_says_which(tmp_path):
    path = tmp_path / "shop.csv"
    path.write_text("id,name\n1,x\n")
    with pytest.raises(ValueError, match="missing column.*product_id"):
        import_flat_csv(path)


def test_tau_bench_fixture(tmp_path):
    path = tmp_path / "products.json"
    path.write_text(
        json.dumps(
            {
                "100": {
                    "name": "Lamp",
                    "product_id": "100",
                    "variants": {
                        "101": {
                            "item_id": "101",
                            "options": {"color": "red"},
                            "available": True,
                            "price": 20.5,
                        },
                        "102": {
                            "item_id": "102",
                            "options": {"color": "blue"},
                            "available": False,
                            "price": 21,
                        },
                    },
                },
                "200": {"name": "Broken"},
            }
        )
    )
    catalogue, report = import_tau_bench_products(path)
    lamp = catalogue.product("100")
    assert [(v.id, v.price_minor, v.stock > 0) for v in lamp.variants] == [
        ("101", 2050, True),
        ("102", 2100, False),
    ]
    assert report.errors[0].line == 2


@needs_shared_data("tau_bench_retail", "products.json")
def test_tau_bench_shared_products():
    catalogue, report = import_tau_bench_products(
        SHARED_DATA / "tau_bench_retail" / "products.json"
    )
    assert not report.errors
    assert len(catalogue) == 50
    assert sum(len(p.variants) for p in catalogue.products.values()) == 591
    assert all(v.price_minor > 0 for p in catalogue.products.values() for v in p.variants)


def test_flat_csv_with_a_reviews_csv(tmp_path):
    products = tmp_path / "shop.csv"
    products.write_text(
        "product_id,title,category,variant_id,price,stock\nP1,Linen Shirt,Apparel,P1-S,39.90,4\n"
    )
    reviews = tmp_path / "reviews.csv"
    reviews.write_text(
        "review_id,product_id,rating,title,text,date,verified_purchase,helpful_votes\n"
        "R1,P1,5,Great,Soft and cool.,2025-06-01,true,2\n"
        "R2,P9,4,Orphan,No such product.,,false,0\n"
        "R3,P1,9,Bad,Too many stars.,,false,0\n"
    )
    catalogue, report = import_flat_csv(products, reviews)
    (review,) = catalogue.reviews_of("P1")
    assert review.id == "R1" and review.verified_purchase and str(review.date) == "2025-06-01"
    assert catalogue.product("P1").rating == 5 and report.reviews == 1
    assert {(e.line, e.field) for e in report.errors} == {(3, "product_id"), (4, "rating")}
