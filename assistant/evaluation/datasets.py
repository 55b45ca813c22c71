"""Loaders for the public evaluation data under `../shared/data` (read in place, never copied)."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from assistant.catalogue.models import Catalogue, Product, Review, Seller, Variant

NO_ANSWER = "ANSWERNOTFOUND"
SUBJQA_DOMAINS = ("electronics", "grocery")


class DatasetMissing(FileNotFoundError):
    """A data set that is not on this machine; suites that need it are skipped."""


@dataclass
class ReviewQuestion:
    """A SubjQA question about one product, with the review that holds the answer (if any)."""

    question: str
    product_id: str
    review_id: str
    answer: str | None
    domain: str = ""


@dataclass
class EvidenceQuestion:
    """An ePQA question with its candidate evidence and graded labels (2 full, 1 helpful, 0 not)."""

    question_id: str
    question: str
    candidates: list[str] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)


def _rows(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    if not path.is_file():
        raise DatasetMissing(f"{path} is missing; set SHARED_DATA_DIR to the shared data folder")
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def load_subjqa(data_dir: Path, split: str = "test") -> tuple[list[ReviewQuestion], Catalogue]:
    """SubjQA questions of one split, and a catalogue of every review of their products
    gathered across all splits (so each question is asked against all its product's reviews)."""
    root = Path(data_dir) / "subjqa_products"
    questions: list[ReviewQuestion] = []
    reviews: dict[str, Review] = {}
    domain_of: dict[str, str] = {}
    for domain in SUBJQA_DOMAINS:
        for file_split in ("train", "dev", "test"):
            for row in _rows(root / domain / f"{file_split}.csv"):
                text = row["review"].replace(NO_ANSWER, "").strip()
                domain_of[row["item_id"]] = domain
                if text and row["review_id"] not in reviews:
                    reviews[row["review_id"]] = Review(
                        id=row["review_id"], product_id=row["item_id"], text=text
                    )
                if file_split == split:
                    answer = row["human_ans_spans"]
                    questions.append(
                        ReviewQuestion(
                            question=row["question"],
                            product_id=row["item_id"],
                            review_id=row["review_id"],
                            answer=None if answer == NO_ANSWER else answer,
                            domain=domain,
                        )
                    )
    wanted = {question.product_id for question in questions}
    seller = Seller(id="subjqa", name="SubjQA", vetting="vetted")
    products = [
        Product(
            id=item,
            title=f"{domain_of[item]} product {item}",
            category=domain_of[item],
            seller=seller,
            variants=[Variant(id=f"{item}-1", price_minor=0, stock=0)],
        )
        for item in sorted(wanted)
    ]
    catalogue = Catalogue(products, [r for r in reviews.values() if r.product_id in wanted])
    return questions, catalogue


def load_epqa(data_dir: Path, split: str = "dev") -> list[EvidenceQuestion]:
    """ePQA questions with their ~10 labelled candidate snippets each."""
    return _grouped(_rows(Path(data_dir) / "amazon_contextual_pqa" / "ePQA" / f"{split}.csv"))


def load_hetpqa(data_dir: Path, split: str = "dev") -> list[EvidenceQuestion]:
    """hetPQA evidence ranking: candidates from reviews, attributes and Q&A, labelled 0/1."""
    path = Path(data_dir) / "amazon_contextual_pqa" / "hetPQA" / "evidence_ranking" / f"{split}.csv"
    return _grouped(_rows(path, delimiter="\t"))


def _grouped(rows: list[dict[str, str]]) -> list[EvidenceQuestion]:
    """Candidate rows grouped into one EvidenceQuestion per question id."""
    grouped: dict[str, EvidenceQuestion] = {}
    for row in rows:
        question = grouped.setdefault(row["qid"], EvidenceQuestion(row["qid"], row["question"]))
        question.candidates.append(row["candidate"])
        question.labels.append(int(row["label"]))
    return list(grouped.values())
