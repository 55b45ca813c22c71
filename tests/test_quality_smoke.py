"""A few real SubjQA and ePQA questions through the real model, with score floors."""

import pytest

from assistant.evaluation.retrieval_quality import epqa_ranking, subjqa_recall
from tests.conftest import needs_shared_data

pytestmark = pytest.mark.slow


@needs_shared_data("subjqa_products")
def test_subjqa_recall_floor(demo_settings, real_embedder):
    figures = subjqa_recall(demo_settings, real_embedder, modes=("hybrid",), limit=25, split="dev")
    assert figures["questions"] == 25
    assert figures["hybrid"]["recall@5"] >= 0.4


@needs_shared_data("amazon_contextual_pqa", "ePQA", "dev.csv")
def test_epqa_ndcg_floor(demo_settings, real_embedder):
    figures = epqa_ranking(demo_settings, real_embedder, modes=("hybrid", "lexical"), limit=40)
    assert figures["hybrid"]["ndcg@5"] >= 0.6
    assert 0 < figures["lexical"]["mrr"] <= 1
