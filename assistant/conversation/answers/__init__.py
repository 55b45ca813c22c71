"""Answers: composed from typed results, worded, and checked against the data."""
