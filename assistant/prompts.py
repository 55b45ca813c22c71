"""Prompt templates from `prompts/`, one file each, rendered strictly (a missing variable fails)."""

from __future__ import annotations

from string import Template

from assistant.settings import PROJECT_ROOT

PROMPTS_DIR = PROJECT_ROOT / "prompts"


def render(name: str, **variables: str) -> str:
    """Fill `prompts/<name>.txt`; KeyError names any variable the template needs but lacks."""
    template = Template((PROMPTS_DIR / f"{name}.txt").read_text(encoding="utf-8"))
    return template.substitute(**variables)
