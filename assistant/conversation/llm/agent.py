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
from pydantic import BaseModel

from assistant.conversation.llm.prompts import render
from assistant.conversation.tools import REGISTRY, ToolContext, ToolFailure, ToolSpec

log = logging.getLogger(__name__)
NOT_ASKED = ToolFailure(
    code="not_asked",
    message="the shopper's message did not ask to change the cart or an order",
)


class PlannerUnavailable(RuntimeError):
    """The model could not plan this turn; the rule planner takes over."""


@dataclass
class AgentTurn:
    """What the agent did and wrote: each call with its typed result."""

    text: str
    calls: list[tuple[str, dict[str, Any], BaseModel | ToolFailure]] = field(default_factory=list)


def system_prompt(context: str) -> str:
    """The agent's instructions, from prompts/agent_system.txt."""
    return render("agent_system", context=context)


def as_langchain(spec: ToolSpec, context: ToolContext, allow_changes: bool) -> BaseTool:
    """A tool as LangChain sees it: JSON results, and changes refused unless asked for."""

    def call(**args: Any) -> dict[str, Any]:
        if spec.changes and not allow_changes:
            return NOT_ASKED.as_data()
        result = spec.run(context, args)
        if isinstance(result, ToolFailure):
            return result.as_data()
        return {"ok": True, **result.model_dump(mode="json")}

    return StructuredTool.from_function(
        func=call, name=spec.name, description=spec.description, args_schema=spec.args_model
    )


def typed_result(name: str, data: dict[str, Any]) -> BaseModel | ToolFailure:
    """A tool's JSON result back as its typed model (or the failure it reported)."""
    if not data.get("ok"):
        error = dict(data.get("error") or {})
        return ToolFailure(
            code=str(error.pop("code", "failed")),
            message=str(error.pop("message", "")),
            details=error,
        )
    spec = REGISTRY[name]
    return spec.result_model.model_validate({k: v for k, v in data.items() if k != "ok"})


class LLMPlanner:
    """Runs one turn through a tool-calling agent."""

    def __init__(self, model: BaseChatModel, max_steps: int = 4) -> None:
        self.model = model
        self.max_steps = max_steps

    def run(
        self, message: str, tools: list[BaseTool], allow_changes: bool, context: str = ""
    ) -> AgentTurn:
        """Let the model call tools and write the answer; PlannerUnavailable on any failure."""
        del allow_changes  # the tools themselves refuse changes that were not asked for
        agent = create_agent(self.model, tools, system_prompt=system_prompt(context))
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
        return _collect(state["messages"])


def _collect(messages: list[Any]) -> AgentTurn:
    """The calls the agent made, paired with their results, and its final text."""
    calls: list[tuple[str, dict[str, Any], BaseModel | ToolFailure]] = []
    pending: dict[str, tuple[str, dict[str, Any]]] = {}
    text = ""
    for item in messages:
        if isinstance(item, AIMessage):
            for call in item.tool_calls:
                pending[call["id"]] = (call["name"], call["args"])
            if item.content and not item.tool_calls:
                text = str(item.content)
        elif isinstance(item, ToolMessage) and item.tool_call_id in pending:
            name, args = pending.pop(item.tool_call_id)
            try:
                data = json.loads(str(item.content))
            except json.JSONDecodeError:
                data = {"ok": False, "error": {"code": "failed", "message": str(item.content)}}
            if name in REGISTRY:
                calls.append((name, args, typed_result(name, data)))
    return AgentTurn(text=text, calls=calls)
