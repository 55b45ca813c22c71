"""Prompt templates shipped inside the package (`prompts/<name>.txt`), rendered strictly:
a missing variable is an error."""

from __future__ import annotations

from importlib import resources
from string import Template


def render(name: str, **variables: str) -> str:
    """Fill `prompts/<name>.txt`; KeyError names any variable the template needs but lacks."""
    source = resources.files("assistant.conversation.llm").joinpath("prompts", f"{name}.txt")
    return Template(source.read_text(encoding="utf-8")).substitute(**variables)
