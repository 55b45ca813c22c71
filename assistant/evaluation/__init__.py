"""Evaluation: metrics, public data-set loaders and suites."""
