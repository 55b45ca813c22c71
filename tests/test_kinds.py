"""Product kinds: the titles are embedded once, at start-up when a server warms them."""

from __future__ import annotations

from assistant.catalogue.loader import load_catalogue
from assistant.search.kinds import ProductKinds
from assistant.settings import DEMO_CATALOGUE
from assistant.testing.fakes import FakeEmbedder


class CountingEmbedder(FakeEmbedder):
    """The fake embedder, counting the documents it embeds."""

    def __init__(self) -> None:
        super().__init__()
        self.documents = 0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.documents += len(texts)
        return super().embed_documents(texts)


def test_warmed_titles_are_not_embedded_again_in_a_turn() -> None:
    embedder = CountingEmbedder()
    kinds = ProductKinds(load_catalogue(DEMO_CATALOGUE)[0], embedder)
    assert embedder.documents == 0  # nothing is embedded by constructing it
    kinds.warm()
    warmed = embedder.documents
    assert warmed > 100  # the demo's distinct titles
    kinds.warm()
    kinds.missing("a hovercraft")
    kinds.missing("a zeppelin")
    assert embedder.documents == warmed


def test_review_words_are_not_a_kind_when_the_kind_is_also_a_brand_word() -> None:
    # "Leaf & Kettle" is a demo brand, but titles also end with "Kettle": the kettle is the
    # kind asked for, and "reviews" never is ("we don't sell reviews").
    kinds = ProductKinds(load_catalogue(DEMO_CATALOGUE)[0], FakeEmbedder())
    assert "kettle" in kinds.brand_words
    assert "review" not in " ".join(kinds.kind_words("a kettle with good reviews"))
    assert kinds.kind_words("a kettle with 5 star ratings") == ["kettle"]
    assert kinds.missing("electric kettle") is None  # not "we don't sell electric"
    assert kinds.named_kind("any well reviewed ones?") is None


def test_a_make_nothing_in_the_shop_names_is_one_we_do_not_carry() -> None:
    kinds = ProductKinds(load_catalogue(DEMO_CATALOGUE)[0], FakeEmbedder())
    assert kinds.unknown_make("do u have bose headphones") == "bose"
    assert kinds.unknown_make("any nike running shoes in a size 10?") == "nike"
    for carried in (
        "noise cancelling headphones",
        "quietued headphones",  # a typo of a brand we carry
        "comfy headphones",  # an everyday quality, not a make
        "kids headphones",
        "bluetooth speaker",
        "decaf coffee",
        "bose",  # no kind named: nothing to say instead
    ):
        assert kinds.unknown_make(carried) is None, carried
