"""`shopassist` as a user runs it, in a subprocess."""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from assistant.catalogue.loader import load_catalogue
from assistant.search.index import policy_texts
from assistant.search.passages import review_units
from tests.conftest import TINY_CATALOGUE

POLICIES = len(policy_texts())  # policy sections and sentences are indexed beside the catalogue
UNITS = sum(len(review_units(r)) for r in load_catalogue(TINY_CATALOGUE)[0].reviews.values())


def _shopassist(*args, env_extra=None, stdin=None):
    env = {
        **os.environ,
        "EMBEDDING_BACKEND": "fake",
        "DATA_DIR": str(Path(tempfile.mkdtemp())),
        **(env_extra or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "assistant.channels.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=120,
    )


def test_index_is_incremental_and_says_how_many(tmp_path):
    env = {"INDEX_DIR": str(tmp_path / "index")}
    first = _shopassist("index", "--catalogue", str(TINY_CATALOGUE), "--quiet", env_extra=env)
    assert first.returncode == 0, first.stderr
    assert "loaded 5 products and 10 reviews" in first.stdout
    assert f"re-embedded {5 + UNITS + POLICIES} items" in first.stdout
    second = _shopassist("index", "--catalogue", str(TINY_CATALOGUE), "--quiet", env_extra=env)
    assert f"re-embedded 0 items, removed 0, {5 + UNITS + POLICIES} unchanged" in second.stdout


def test_index_of_an_empty_catalogue_is_a_clear_error(tmp_path):
    (tmp_path / "products.jsonl").write_text("")
    result = _shopassist(
        "index", "--catalogue", str(tmp_path), env_extra={"INDEX_DIR": str(tmp_path / "index")}
    )
    assert result.returncode == 2
    assert "has no valid products" in result.stderr


def test_chat_in_the_terminal(tmp_path):
    result = _shopassist(
        "chat",
        "--catalogue",
        str(TINY_CATALOGUE),
        env_extra={"INDEX_DIR": str(tmp_path / "index")},
        stdin="cast iron skillet\n",
    )
    assert result.returncode == 0, result.stderr
    assert "[T4]" in result.stdout


def test_import_then_index(tmp_path):
    source = tmp_path / "shop.csv"
    source.write_text(
        "product_id,title,category,variant_id,price,stock\n"
        "P1,Enamel Mug,Kitchen,P1-1,12.00,3\nP2,Bad,Kitchen,P2-1,x,1\n"
    )
    result = _shopassist("import", "csv", str(source), "--out", str(tmp_path / "cat"))
    assert result.returncode == 0, result.stderr
    assert "loaded 1 products" in result.stdout and "bad row" in result.stderr
    indexed = _shopassist(
        "index",
        "--catalogue",
        str(tmp_path / "cat"),
        "--quiet",
        env_extra={"INDEX_DIR": str(tmp_path / "index")},
    )
    assert f"re-embedded {1 + POLICIES} items" in indexed.stdout


def test_report_creators_on_an_empty_store(tmp_path):
    result = _shopassist("report", "creators", env_extra={"DATA_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert "| creator |" in result.stdout and "no attributed sales yet" in result.stdout
