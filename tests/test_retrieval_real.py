"""End-to-end search on the demo catalogue with the real embedding model and Chroma index."""

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def retriever(demo_assistant):
    return demo_assistant.services.retriever


def test_headphones_under_100(retriever):
    result = retriever.search("noise cancelling headphones under $100", k=5)
    assert result.hits
    assert all(hit.product.min_price_minor <= 10000 for hit in result.hits)
    assert all(hit.product.category == "Headphones & Audio" for hit in result.hits)
    assert "Noise Cancelling" in result.hits[0].product.title


def test_semantic_match_without_shared_words(retriever):
    jackets = [
        hit.product.title
        for hit in retriever.search("a jacket so I don't get soaked on my commute", k=5).hits
    ]
    assert all("Rain Jacket" in title for title in jackets)
    stoves = [
        hit.product.title
        for hit in retriever.search("gear to cook dinner at the campsite", k=3).hits
    ]
    assert all("Camping Stove" in title for title in stoves)


def test_colour_and_size_filters(retriever):
    result = retriever.search("running shoes in blue size 10", k=10)
    assert result.hits
    for hit in result.hits:
        assert any(
            v.options.get("colour") == "blue" and v.options.get("size") == "10"
            for v in hit.product.variants
        )


def test_review_evidence_finds_the_aspect(retriever, demo_assistant):
    catalogue = demo_assistant.services.catalogue
    product_id = next(
        pid
        for pid, reviews in catalogue.reviews_by_product.items()
        if catalogue.products[pid].category == "Headphones & Audio"
        and any("battery" in r.text.lower() for r in reviews)
    )
    evidence = retriever.review_evidence(product_id, "how long does the battery last?", k=3)
    assert "battery" in evidence[0].text.lower()
