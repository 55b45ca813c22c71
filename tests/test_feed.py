"""`shopassist export feed`: the ACP product feed, one row per variant, as a user runs it."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from assistant.channels.acp.feed import FeedRow
from tests.conftest import TINY_CATALOGUE

# The product feed schema's required fields (agentic-commerce-protocol, schema.product_feed.json),
# plus mpn (required without a gtin) and the two links required when enable_checkout is true.
REQUIRED = {
    "enable_search",
    "enable_checkout",
    "id",
    "title",
    "description",
    "link",
    "product_category",
    "image_link",
    "price",
    "availability",
    "seller_name",
    "seller_url",
    "return_policy",
    "return_window",
    "mpn",
    "seller_privacy_policy",
    "seller_tos",
}


def _export(tmp_path: Path, *args: str, catalogue: Path = TINY_CATALOGUE):
    env = {**os.environ, "DATA_DIR": str(tmp_path / "var"), "PUBLIC_URL": "https://shop.example"}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "assistant.channels.cli",
            "export",
            "feed",
            "--catalogue",
            str(catalogue),
            *args,
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_the_feed_has_a_valid_row_per_variant(tmp_path):
    out = tmp_path / "feed.jsonl"
    result = _export(tmp_path, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert f"wrote 9 feed rows (one per variant) to {out}" in result.stdout
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 9
    for row in rows:
        assert set(row) >= REQUIRED, REQUIRED - set(row)
        FeedRow.model_validate(row)
        assert re.fullmatch(r"[0-9]+\.[0-9]{2} [A-Z]{3}", row["price"])
        assert row["link"].startswith("https://shop.example/")
    by_id = {row["id"]: row for row in rows}
    assert by_id["T1-black"]["price"] == "89.99 USD"
    assert by_id["T1-black"]["availability"] == "in_stock"
    assert by_id["T1-black"]["inventory_quantity"] == 5
    assert by_id["T1-white"]["availability"] == "out_of_stock"
    assert by_id["T1-white"]["item_group_id"] == "T1"
    assert by_id["T3-red-9"]["size"] == "9" and by_id["T3-red-9"]["color"] == "red"


def test_csv_and_final_sale_products(tmp_path):
    catalogue = tmp_path / "catalogue"
    catalogue.mkdir()
    shutil.copy(TINY_CATALOGUE / "reviews.jsonl", catalogue)
    lines = (TINY_CATALOGUE / "products.jsonl").read_text().splitlines()
    lines[1] = lines[1].replace('"return_window_days": 14', '"return_window_days": 0')
    (catalogue / "products.jsonl").write_text("\n".join(lines) + "\n")
    out = tmp_path / "feed.csv"
    result = _export(tmp_path, "--out", str(out), "--format", "csv", catalogue=catalogue)
    assert result.returncode == 0, result.stderr
    assert "left out 1 final-sale products" in result.stdout
    with out.open() as handle:
        rows = list(csv.DictReader(handle))
    assert "T2-blue" not in {row["id"] for row in rows}  # no honest return_window to give
    assert len(rows) == 8 and set(rows[0]) >= REQUIRED
