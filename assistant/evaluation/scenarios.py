"""Multi-turn scenarios in YAML: each turn says what must hold afterwards.

A turn is a chat message (`say`), the confirm button (`confirm: true`) or a social action
(`social: {app, action, post, user, text}`); its `expect` block lists checks on the reply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.evaluation.target import Target, TargetError

_PRODUCT_ID = re.compile(r"\b(P\d{3,6})\b")


class ScenarioError(ValueError):
    """A malformed scenario file; the message names the file and line."""


class ShownConstraints(BaseModel):
    """Every product shown must satisfy these."""

    model_config = ConfigDict(extra="forbid")
    max_price_minor: int | None = None
    min_price_minor: int | None = None
    category: str | None = None
    in_stock: bool | None = None


class CartLineExpectation(BaseModel):
    """Units of one product in the cart."""

    model_config = ConfigDict(extra="forbid")
    product: str
    qty: int = Field(ge=0)


class Expect(BaseModel):
    """What must hold after a turn."""

    model_config = ConfigDict(extra="forbid")
    intent: str | None = None
    cart_lines: int | None = Field(None, ge=0)
    cart_units: int | None = Field(None, ge=0)
    cart_has: list[CartLineExpectation] = Field(default_factory=list)
    orders_created: int | None = Field(None, ge=0, description="Orders this turn created.")
    orders_total: int | None = Field(
        None, ge=0, description="Orders the conversation has created so far, this turn included."
    )
    pending_checkout: bool | None = None
    shown_at_least: int | None = Field(None, ge=0)
    shown_at_most: int | None = Field(None, ge=0)
    shown_satisfy: ShownConstraints | None = None
    about: list[str] = Field(default_factory=list, description="Products the reply is about.")
    not_about: list[str] = Field(default_factory=list)
    cites_exist: bool = True
    cites_kind: Literal["product", "review", "policy"] | None = None
    must_contain: list[str] = Field(default_factory=list)
    must_contain_any: list[str] = Field(default_factory=list)
    must_not_contain: list[str] = Field(default_factory=list)
    public_must_not_contain: list[str] = Field(default_factory=list)
    asks_question: bool | None = None
    status: int | None = None


class SocialAction(BaseModel):
    """A reply, dm or Buy in one of the simulated apps."""

    model_config = ConfigDict(extra="forbid")
    app: str
    action: Literal["reply", "dm", "buy"]
    user: str
    post: str | None = None
    text: str = ""


class Turn(BaseModel):
    """One step of a scenario."""

    model_config = ConfigDict(extra="forbid")
    say: str | None = None
    confirm: bool = False
    social: SocialAction | None = None
    expect: Expect = Field(default_factory=Expect)

    @model_validator(mode="after")
    def _one_action(self) -> Turn:
        if sum([self.say is not None, self.confirm, self.social is not None]) != 1:
            raise ValueError("a turn needs exactly one of `say`, `confirm: true` or `social`")
        return self


class Scenario(BaseModel):
    """A named conversation."""

    model_config = ConfigDict(extra="forbid")
    name: str
    tags: list[str] = Field(default_factory=list)
    turns: list[Turn] = Field(min_length=1)
    file: str = ""
    line: int = 0


def _line_of(node: yaml.Node, loc: tuple[Any, ...]) -> int:
    """The 1-based line of the YAML node at a pydantic error location."""
    for part in loc:
        if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        elif isinstance(node, yaml.MappingNode):
            match = next((value for key, value in node.value if key.value == part), None)
            if match is None:
                break
            node = match
        else:
            break
    return node.start_mark.line + 1


def load_scenarios(path: Path) -> list[Scenario]:
    """Scenarios from one YAML file (a list of scenarios); errors name the file and line."""
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ScenarioError(
            f"{where}: not valid YAML: {getattr(error, 'problem', error)}"
        ) from None
    if not isinstance(data, list) or root is None:
        raise ScenarioError(f"{path}:1: expected a list of scenarios")
    scenarios = []
    for index, item in enumerate(data):
        try:
            scenario = Scenario.model_validate(item)
        except ValidationError as error:
            first = error.errors()[0]
            line = _line_of(root.value[index], tuple(first["loc"]))
            place = ".".join(str(part) for part in first["loc"]) or "scenario"
            raise ScenarioError(f"{path}:{line}: {place}: {first['msg']}") from None
        scenario.file, scenario.line = str(path), root.value[index].start_mark.line + 1
        scenarios.append(scenario)
    return scenarios


def builtin_scenario_files() -> list[Path]:
    """The scenario files shipped with the package."""
    folder = resources.files("assistant").joinpath("data/scenarios")
    return sorted(Path(str(entry)) for entry in folder.iterdir() if entry.name.endswith(".yaml"))


@dataclass
class ScenarioResult:
    """How one scenario went: checks run, and the ones that failed."""

    name: str
    tags: list[str] = field(default_factory=list)
    checks: int = 0
    failures: list[str] = field(default_factory=list)
    transcript: list[dict[str, Any]] = field(default_factory=list)

    @property
    def failed_turns(self) -> int:
        """Turns with at least one failed check."""
        return len({failure.split(":")[0] for failure in self.failures})

    @property
    def passed(self) -> bool:
        """Every check held."""
        return not self.failures


def _units(cart: dict[str, Any], product: str) -> int:
    return sum(line["qty"] for line in cart.get("lines", []) if line["product_id"] == product)


def _mentioned(reply: dict[str, Any], text: str) -> set[str]:
    """Product ids a reply is about: shown, cited, or named in its text."""
    ids = set(reply.get("products") or [])
    ids |= {c["id"] for c in reply.get("citations") or [] if c.get("kind") == "product"}
    return ids | {pid for pid in _PRODUCT_ID.findall(text)}


def _status_problems(expect: Expect, reply: dict[str, Any]) -> list[str]:
    problems = []
    if "error" in reply and expect.status is None:
        problems.append(f"refused: {reply['error']}")
    if expect.status is not None and reply.get("status") != expect.status:
        problems.append(f"status {reply.get('status')} != {expect.status}")
    if expect.intent and reply.get("intent") != expect.intent:
        problems.append(f"intent {reply.get('intent')!r} != {expect.intent!r}")
    return problems


def _cart_problems(expect: Expect, reply: dict[str, Any]) -> list[str]:
    cart = reply.get("cart") or {"lines": []}
    problems = []
    if expect.cart_lines is not None and len(cart["lines"]) != expect.cart_lines:
        problems.append(f"cart has {len(cart['lines'])} lines, expected {expect.cart_lines}")
    units = sum(line["qty"] for line in cart["lines"])
    if expect.cart_units is not None and units != expect.cart_units:
        problems.append(f"cart has {units} units, expected {expect.cart_units}")
    for line in expect.cart_has:
        if _units(cart, line.product) != line.qty:
            problems.append(
                f"cart has {_units(cart, line.product)} of {line.product}, not {line.qty}"
            )
    created = len(reply.get("orders") or [])
    if expect.orders_created is not None and created != expect.orders_created:
        problems.append(f"{created} orders created, expected {expect.orders_created}")
    total = reply.get("orders_total", created)
    if expect.orders_total is not None and total != expect.orders_total:
        problems.append(f"{total} orders in all, expected {expect.orders_total}")
    pending = bool(reply.get("pending_checkout"))
    if expect.pending_checkout is not None and pending != expect.pending_checkout:
        problems.append(f"pending checkout is {pending}")
    return problems


def _shown_count_problems(expect: Expect, reply: dict[str, Any]) -> list[str]:
    shown = reply.get("products") or []
    problems = []
    if expect.shown_at_least is not None and len(shown) < expect.shown_at_least:
        problems.append(f"{len(shown)} products shown, expected at least {expect.shown_at_least}")
    if expect.shown_at_most is not None and len(shown) > expect.shown_at_most:
        problems.append(f"{len(shown)} products shown, expected at most {expect.shown_at_most}")
    return problems


def _citation_problems(target: Target, expect: Expect, reply: dict[str, Any]) -> list[str]:
    citations = reply.get("citations") or []
    problems = []
    if expect.cites_kind and not any(c.get("kind") == expect.cites_kind for c in citations):
        problems.append(f"cites no {expect.cites_kind}")
    if expect.cites_exist:
        for citation in citations:
            if citation["kind"] == "product":
                exists = target.product(citation["id"]) is not None
            elif citation["kind"] == "review":
                exists = target.review_exists(citation["id"])
            else:
                continue
            if not exists:
                problems.append(f"cites {citation['id']}, which does not exist")
    return problems


def _text_problems(expect: Expect, reply: dict[str, Any], text: str) -> list[str]:
    lowered = text.lower()
    problems = [f"missing {p!r}" for p in expect.must_contain if p.lower() not in lowered]
    if expect.must_contain_any and not any(p.lower() in lowered for p in expect.must_contain_any):
        problems.append(f"says none of {expect.must_contain_any!r}")
    problems += [f"says {p!r}" for p in expect.must_not_contain if p.lower() in lowered]
    public = (reply.get("public_reply") or "").lower()
    problems += [
        f"public reply says {p!r}" for p in expect.public_must_not_contain if p.lower() in public
    ]
    if expect.asks_question is not None and ("?" in text) != expect.asks_question:
        problems.append("asks no question" if expect.asks_question else "asks a question")
    mentioned = _mentioned(reply, text)
    problems += [f"not about {pid}" for pid in expect.about if pid not in mentioned]
    problems += [f"is about {pid}" for pid in expect.not_about if pid in mentioned]
    return problems


def check_turn(target: Target, expect: Expect, reply: dict[str, Any]) -> list[str]:
    """The expectations that do not hold for one reply (an empty list when all hold)."""
    # What the shopper reads: the chat text, or in an app the public reply and the DMs.
    parts = [reply.get("text") or "", reply.get("public_reply") or "", *(reply.get("dms") or [])]
    text = "\n".join(part for part in parts if part)
    problems = _status_problems(expect, reply) + _cart_problems(expect, reply)
    problems += _shown_count_problems(expect, reply)
    if expect.shown_satisfy is not None:
        problems += _shown_problems(target, reply.get("products") or [], expect.shown_satisfy)
    problems += _citation_problems(target, expect, reply)
    return problems + _text_problems(expect, reply, text)


def _shown_problems(target: Target, shown: list[str], wanted: ShownConstraints) -> list[str]:
    problems = []
    for product_id in shown:
        product = target.product(product_id)
        if product is None:
            problems.append(f"shows {product_id}, which does not exist")
            continue
        prices = [variant["price_minor"] for variant in product["variants"]]
        if wanted.max_price_minor is not None and min(prices) > wanted.max_price_minor:
            problems.append(f"{product_id} costs more than {wanted.max_price_minor}")
        if wanted.min_price_minor is not None and max(prices) < wanted.min_price_minor:
            problems.append(f"{product_id} costs less than {wanted.min_price_minor}")
        if wanted.category and product["category"] != wanted.category:
            problems.append(f"{product_id} is in {product['category']}, not {wanted.category}")
        if wanted.in_stock and not product["in_stock"]:
            problems.append(f"{product_id} is sold out")
    return problems


def run_scenario(target: Target, scenario: Scenario, run_id: str) -> ScenarioResult:
    """Play one scenario against the target in a fresh session."""
    session = f"eval-{run_id}-{scenario.name}"[:120]
    result = ScenarioResult(scenario.name, list(scenario.tags))
    pending: dict[str, Any] | None = None
    orders_total = 0
    target.begin(scenario.name)
    for number, turn in enumerate(scenario.turns, start=1):
        try:
            reply = _play(target, turn, session, pending)
        except (TargetError, ScenarioError):
            raise
        except Exception as error:  # the assistant crashed: that turn failed, go on
            reply = {"text": f"[crashed: {type(error).__name__}: {error}]", "crashed": True}
        if reply.get("no_checkout"):
            result.failures.append(f"turn {number}: no checkout to confirm")
            continue
        pending = reply.get("pending_checkout") or pending
        orders_total += len(reply.get("orders") or [])
        reply["orders_total"] = orders_total
        problems = check_turn(target, turn.expect, reply)
        if reply.get("crashed"):
            problems.insert(0, reply["text"])
        result.checks += 1
        result.failures += [f"turn {number}: {problem}" for problem in problems]
        said = turn.say or ("[confirm button]" if turn.confirm else _social_words(turn.social))
        answer = "\n".join([reply.get("text") or "", *(reply.get("dms") or [])]).strip()
        result.transcript.append(
            {"turn": number, "said": said, "answer": answer, "problems": problems}
        )
    return result


def _play(
    target: Target, turn: Turn, session: str, pending: dict[str, Any] | None
) -> dict[str, Any]:
    """One turn against the target: a message, the confirm button or a social action."""
    if turn.say is not None:
        return target.chat(session, turn.say)
    if turn.confirm:
        if not pending:
            return {"no_checkout": True}
        return target.confirm(session, pending["checkout_id"])
    action = turn.social
    assert action is not None
    return target.social(action.app, action.action, action.user, action.post, action.text)


def _social_words(action: SocialAction | None) -> str:
    if action is None:
        return ""
    return f"[{action.app} {action.action}{' ' + action.post if action.post else ''}] {action.text}"


def builtin_dialogue_files() -> list[Path]:
    """The held-out conversations shipped with the package (written before tuning)."""
    return [Path(str(resources.files("assistant").joinpath("data/eval/dialogue_heldout.yaml")))]
