"""The LLM planner: a LangChain tool-calling agent over the same tools as the rule planner.

Bounded in steps (the graph's recursion limit) and in time (the client's timeout). Any
transport error, timeout or runaway loop makes the caller fall back to the rule planner.
Cart-changing tools only act when the shopper's own message asked for a change, as judged
by the rule classifier, never by the model; there is no tool that confirms a checkout.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any

from langchain.agents import create_agent
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, HumanMessage, ToolMessage
from langchain_core.tools import BaseTool, StructuredTool

from assistant.conversation.llm.prompts import render

log = logging.getLogger(__name__)

CHANGING_TOOLS = {
    "add_to_cart",
    "update_cart_item",
    "remove_from_cart",
    "start_checkout",
    "cancel_order",
    "return_items",
}


class PlannerUnavailable(RuntimeError):
    """The model could not plan this turn; the rule planner takes over."""


@dataclass
class AgentTurn:
    """What the agent did and wrote."""

    text: str
    calls: list[tuple[str, dict[str, Any], dict[str, Any]]] = field(default_factory=list)


def system_prompt(context: str) -> str:
    """The agent's instructions, from prompts/agent_system.txt."""
    return render("agent_system", context=context)


def guard_changes(tools: list[BaseTool], allowed: bool) -> list[BaseTool]:
    """Cart-changing tools that refuse, as data, when the shopper did not ask for a change."""
    if allowed:
        return tools
    guarded: list[BaseTool] = []
    for tool in tools:
        if tool.name not in CHANGING_TOOLS:
            guarded.append(tool)
            continue

        def refuse(**_: Any) -> dict[str, Any]:
            return {
                "ok": False,
                "error": {
                    "code": "not_asked",
                    "message": "the shopper's message did not ask to change the cart or an order",
                },
            }

        guarded.append(
            StructuredTool.from_function(
                func=refuse,
                name=tool.name,
                description=tool.description,
                args_schema=tool.args_schema,
            )
        )
    return guarded


class LLMPlanner:
    """Runs one turn through a tool-calling agent."""

    def __init__(self, model: BaseChatModel, max_steps: int = 4) -> None:
        self.model = model
        self.max_steps = max_steps

    def run(
        self, message: str, tools: list[BaseTool], allow_changes: bool, context: str = ""
    ) -> AgentTurn:
        """Let the model call tools and write the answer; PlannerUnavailable on any failure."""
        agent = create_agent(
            self.model, guard_changes(tools, allow_changes), system_prompt=system_prompt(context)
        )
        try:
            state = agent.invoke(
                {"messages": [HumanMessage(content=message)]},
                config={"recursion_limit": 2 * self.max_steps + 1},
            )
        except Exception as exc:
            log.warning(
                "LLM planner failed (%s: %s); falling back to the rule planner",
                type(exc).__name__,
                exc,
            )
            raise PlannerUnavailable(str(exc)) from exc
        calls: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
        pending: dict[str, tuple[str, dict[str, Any]]] = {}
        text = ""
        for item in state["messages"]:
            if isinstance(item, AIMessage):
                for call in item.tool_calls:
                    pending[call["id"]] = (call["name"], call["args"])
                if item.content and not item.tool_calls:
                    text = str(item.content)
            elif isinstance(item, ToolMessage) and item.tool_call_id in pending:
                name, args = pending.pop(item.tool_call_id)
                try:
                    result = json.loads(str(item.content))
                except json.JSONDecodeError:
                    result = {"ok": False, "error": {"message": str(item.content)}}
                calls.append((name, args, result))
        return AgentTurn(text=text, calls=calls)
