"""The two training experiments of the twenty-first round read their data right: the reader's
answer tokens are the human span, and the encoder's negatives are another question's evidence
of the same product."""

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_reader_windows_point_at_the_human_span() -> None:
    from transformers import AutoTokenizer

    from assistant.search.embeddings import packaged_model_path

    reader = _script("reader_experiment")
    tokenizer = AutoTokenizer.from_pretrained(str(packaged_model_path()), local_files_only=True)
    review = "Arrived fast. The flavour is rich and nutty, not bitter at all. Would buy again."
    answer = "rich and nutty, not bitter"
    example = reader.Example("p1", "how is the flavour?", review, answer, review.index(answer))
    (window,) = reader.encode_for_training(tokenizer, [example])
    start, end = int(window["start_positions"]), int(window["end_positions"])
    tokens = window["input_ids"][start : end + 1].tolist()
    assert tokenizer.decode(tokens) == answer.lower()
    assert 0 < start <= end


def test_reader_skips_rows_whose_span_is_not_in_the_review(tmp_path: Path) -> None:
    reader = _script("reader_experiment")
    header = "item_id,question,review,human_ans_spans,human_ans_indices\n"
    rows = [
        'p1,how is it?,"Great taste. ANSWERNOTFOUND",Great taste,"(0, 11)"',
        'p1,is it loud?,"Quiet enough. ANSWERNOTFOUND",very loud,"(0, 9)"',  # span elsewhere
        'p2,any smell?,"None. ANSWERNOTFOUND",ANSWERNOTFOUND,"(6, 20)"',  # unanswerable
        'p3,does it fit?,"Fits well, snug. ANSWERNOTFOUND",snug,"(0, 4)"',  # index wrong
    ]
    for domain in ("electronics", "grocery"):
        folder = tmp_path / "subjqa_products" / domain
        folder.mkdir(parents=True)
        (folder / "train.csv").write_text(header + ("\n".join(rows) if domain == "grocery" else ""))
    examples = reader.load_examples(tmp_path, "train")
    assert [(e.question, e.review[e.start : e.start + len(e.answer)]) for e in examples] == [
        ("how is it?", "Great taste"),
        ("does it fit?", "snug"),
    ]


def test_encoder_negatives_are_same_product_evidence_for_another_question(tmp_path: Path) -> None:
    encoder = _script("evidence_encoder_experiment")
    folder = tmp_path / "amazon_contextual_pqa" / "hetPQA" / "answer_generation"
    folder.mkdir(parents=True)
    lines = [
        "ASIN\tquestion\tcandidate\tanswer\tsource",
        "A\tis it red?\tcolour: red\tyes\tattribute",
        "A\thow big?\t30 cm tall\t30 cm\tbullet",
        "B\tbatteries?\tneeds 2 AA\t2 AA\tDesc",  # alone: no negative, left out with them
    ]
    (folder / "train.csv").write_text("\n".join(lines) + "\n")
    plain = encoder.training_pairs(tmp_path, negatives=False)
    assert plain["anchor"] == ["is it red?", "how big?", "batteries?"]
    hard = encoder.training_pairs(tmp_path, negatives=True)
    assert hard == {
        "anchor": ["is it red?", "how big?"],
        "positive": ["colour: red", "30 cm tall"],
        "negative": ["30 cm tall", "colour: red"],
    }


@pytest.mark.slow
def test_fine_tune_moves_the_weights(tmp_path: Path) -> None:
    from sentence_transformers import SentenceTransformer

    from assistant.learning.bi_encoder import fine_tune
    from assistant.search.embeddings import packaged_model_path

    model = SentenceTransformer(str(packaged_model_path()), device="cpu", local_files_only=True)
    before = model.encode(["is it red?"])[0]
    pairs = {"anchor": ["is it red?", "how big?"], "positive": ["colour: red", "30 cm tall"]}
    # two steps: the first is all warm-up, at learning rate 0
    assert fine_tune(model, pairs, tmp_path, epochs=2, learning_rate=1e-3, seed=13) > 0
    assert not (model.encode(["is it red?"])[0] == before).all()
