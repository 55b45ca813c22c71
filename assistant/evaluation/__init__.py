"""Evaluation: suites on public data and scenarios, metrics, and reports (`shopassist eval`)."""

# Suites that drive the assistant, once per planner (--llm); the rest score data sets.
TARGET_SUITES = ("scenarios", "dialogue", "safety", "latency")
ALL_SUITES = (
    "scenarios",
    "dialogue",
    "reviewqa",
    "evidence",
    "constraints",
    "safety",
    "latency",
    "acts",
)
KNOWN_SUITES = (*ALL_SUITES, "retrieval")  # retrieval: the three ranking modes side by side
