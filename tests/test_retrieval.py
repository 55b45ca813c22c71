import pytest

from assistant.search.filters import SearchFilters
from assistant.search.retrieval import QueryError, reciprocal_rank_fusion
from assistant.search.review_evidence import rank_texts


def test_reciprocal_rank_fusion_rewards_agreement():
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["b", "a", "d"]], k=60)
    assert fused["a"] == fused["b"] == pytest.approx(1 / 61 + 1 / 62)
    assert fused["c"] == pytest.approx(1 / 63)
    assert max(fused, key=fused.get) in {"a", "b"} and fused["d"] < fused["a"]


def test_search_applies_parsed_filters(tiny_retriever):
    result = tiny_retriever.search("headphones under $50")
    assert [hit.product.id for hit in result.hits] == ["T2"]
    assert result.filters.max_price_minor == 5000


def test_explicit_filters_win_over_words(tiny_retriever):
    result = tiny_retriever.search(
        "headphones under $50", filters=SearchFilters(max_price_minor=9000)
    )
    assert {hit.product.id for hit in result.hits} == {"T1", "T2"}


def test_in_stock_filter_drops_sold_out_products(tiny_retriever):
    ids = {hit.product.id for hit in tiny_retriever.search("skillet kettle in stock").hits}
    assert "T4" not in ids and "T5" in ids


def test_no_match_says_so(tiny_retriever):
    result = tiny_retriever.search("headphones under $5")
    assert result.hits == [] and result.warnings == ["no product meets all the filters"]


def test_filters_without_words_rank_by_rating(tiny_retriever):
    result = tiny_retriever.search("", filters=SearchFilters(category="Kitchen"))
    assert [hit.product.id for hit in result.hits] == ["T4", "T5"]  # 5.0 before 3.0


def test_modes_rank_with_one_or_both_rankers(tiny_retriever):
    for mode in ("hybrid", "dense", "lexical"):
        hits = tiny_retriever.search("cast iron skillet", mode=mode).hits
        assert hits[0].product.id == "T4", mode
    lexical_only = tiny_retriever.search("cast iron skillet", mode="lexical").hits
    assert all(hit.dense_rank is None for hit in lexical_only)


def test_paging(tiny_retriever):
    everything = [h.product.id for h in tiny_retriever.search("", k=10).hits]
    page = [h.product.id for h in tiny_retriever.search("", k=2, offset=2).hits]
    assert page == everything[2:4]


def test_100kb_query_is_refused_with_a_clear_message(tiny_retriever):
    with pytest.raises(QueryError, match="102,400 characters long; the limit is 2,000"):
        tiny_retriever.search("x" * 102_400)


def test_control_characters_are_ignored(tiny_retriever):
    assert tiny_retriever.search("\x00\x07skillet\x1b").hits[0].product.id == "T4"


def test_broken_vector_store_falls_back_to_lexical(tiny_retriever, caplog):
    class Broken:
        def query(self, **_):
            raise RuntimeError("disk gone")

    tiny_retriever._products_collection = Broken()
    result = tiny_retriever.search("cast iron skillet")
    assert result.hits[0].product.id == "T4"
    assert "keyword matches" in result.warnings[0]
    assert "dense search failed" in caplog.text


def test_review_evidence_comes_from_that_products_reviews(tiny_retriever, tiny_catalogue):
    evidence = tiny_retriever.review_evidence("T1", "how is the noise cancelling?", k=2)
    assert evidence[0].review_id == "TR01"
    assert {e.review_id for e in evidence} <= {r.id for r in tiny_catalogue.reviews_of("T1")}
    assert len({e.review_id for e in evidence}) == len(evidence)


def test_review_evidence_for_unknown_product_is_a_clear_error(tiny_retriever):
    with pytest.raises(KeyError, match="unknown product"):
        tiny_retriever.review_evidence("NOPE", "is it good?")


def test_langchain_adapter_returns_documents(tiny_retriever):
    documents = tiny_retriever.as_langchain(k=2).invoke("electric kettle for tea")
    assert documents[0].metadata["id"] == "T5"
    assert documents[0].metadata["kind"] == "product"
    assert documents[0].metadata["price_minor"] == 5900


def test_rank_texts_orders_free_texts():
    from assistant.testing.fakes import FakeEmbedder

    texts = ["the battery lasts two days", "it is blue", "battery life is short"]
    order = rank_texts("how long does the battery last", texts, FakeEmbedder())
    assert sorted(order) == [0, 1, 2] and order[-1] == 1
