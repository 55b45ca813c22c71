"""Training the evidence models from the public train splits: reranker and answerability."""
