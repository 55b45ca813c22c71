"""One turn planned and written by the LLM, then checked: figures the data cannot back are
removed, or the template answer of the same tool results is used, or the rule planner takes
the turn."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from assistant.catalogue.models import Catalogue
from assistant.conversation.answers.compose import Turn, result_turn
from assistant.conversation.answers.grounding import GroundingReport, strip_unsupported
from assistant.conversation.llm.agent import LLMPlanner, PlannerUnavailable, as_langchain
from assistant.conversation.state import DialogueState, remember
from assistant.conversation.tools import CART_TOOLS, REGISTRY, SHOP_TOOLS, ToolContext

SHOWN_IN_PROMPT = 5
Grounder = Callable[[Turn], GroundingReport]


def llm_turn(
    planner: LLMPlanner,
    context: ToolContext,
    state: DialogueState,
    message: str,
    allow_changes: bool,
    ground: Grounder,
) -> tuple[Turn | None, dict[str, Any] | None]:
    """The model's turn, or (None, a note saying why the rule planner must answer)."""
    catalogue: Catalogue = context.catalogue
    tools = [
        as_langchain(REGISTRY[name], context, allow_changes) for name in SHOP_TOOLS + CART_TOOLS
    ]
    shown = ", ".join(
        f"{i}. [{pid}] {catalogue.products[pid].title}"
        for i, pid in enumerate(state.shown[:SHOWN_IN_PROMPT], start=1)
        if pid in catalogue.products
    )
    prompt_context = f"Products the shopper was last shown: {shown}." if shown else ""
    try:
        agent_turn = planner.run(message, tools, allow_changes, context=prompt_context)
    except PlannerUnavailable as exc:
        return None, {"planner": "rule (llm failed)", "llm_error": str(exc)[:200]}
    rendered = []
    for name, _, result in agent_turn.calls:
        remember(state, name, result)
        rendered.append(result_turn(name, result, catalogue))
    template = Turn(
        text="\n".join(turn.text for turn in rendered if turn.text),
        products=[pid for turn in rendered for pid in turn.products],
        reviews=[rid for turn in rendered for rid in turn.reviews],
        numbers=[n for turn in rendered for n in turn.numbers],
        data_texts=[t for turn in rendered for t in turn.data_texts],
    )
    draft = Turn(
        text=agent_turn.text,
        products=template.products,
        reviews=template.reviews,
        numbers=template.numbers,
        data_texts=template.data_texts,
    )
    report = ground(draft)
    draft.text = strip_unsupported(draft.text, report).strip()
    # Prefer the template answer when the model's text had to be cut, and drop the model's
    # text entirely unless what is left passes the check on its own.
    fallback = not report.grounded and bool(template.text)
    if fallback:
        chosen = template
    elif draft.text and ground(draft).grounded:
        chosen = draft
    else:
        return None, {"planner": "rule (llm text unusable)", "raw_unsupported": report.unsupported}
    chosen.note = {
        "planner": "llm",
        "raw_unsupported": report.unsupported,
        "fallback_to_template": fallback,
    }
    return chosen, None
