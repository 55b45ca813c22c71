"""Multi-turn scenarios in YAML: each turn says what must hold afterwards.

A turn is a chat message (`say`), the confirm button (`confirm: true`) or a social action
(`social: {app, action, post, user, text}`); its `expect` block lists checks on the reply.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.evaluation.target import Target


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
    cart_has: list[CartLineExpectation] = Field(default_factory=list)
    orders_created: int | None = Field(None, ge=0)
    pending_checkout: bool | None = None
    shown_at_least: int | None = Field(None, ge=0)
    shown_satisfy: ShownConstraints | None = None
    cites_exist: bool = True
    must_contain: list[str] = Field(default_factory=list)
    must_not_contain: list[str] = Field(default_factory=list)
    public_must_not_contain: list[str] = Field(default_factory=list)
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
    checks: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """Every check held."""
        return not self.failures


def _units(cart: dict[str, Any], product: str) -> int:
    return sum(line["qty"] for line in cart.get("lines", []) if line["product_id"] == product)


def check_turn(target: Target, expect: Expect, reply: dict[str, Any]) -> list[str]:
    """The expectations that do not hold for one reply (an empty list when all hold)."""
    problems: list[str] = []
    text = (reply.get("text") or "") + "\n" + "\n".join(reply.get("dms") or [])
    cart = reply.get("cart") or {"lines": []}
    if "error" in reply and expect.status is None:
        problems.append(f"refused: {reply['error']}")
    if expect.status is not None and reply.get("status") != expect.status:
        problems.append(f"status {reply.get('status')} != {expect.status}")
    if expect.intent and reply.get("intent") != expect.intent:
        problems.append(f"intent {reply.get('intent')!r} != {expect.intent!r}")
    if expect.cart_lines is not None and len(cart["lines"]) != expect.cart_lines:
        problems.append(f"cart has {len(cart['lines'])} lines, expected {expect.cart_lines}")
    for line in expect.cart_has:
        if _units(cart, line.product) != line.qty:
            problems.append(
                f"cart has {_units(cart, line.product)} of {line.product}, not {line.qty}"
            )
    if (
        expect.orders_created is not None
        and len(reply.get("orders") or []) != expect.orders_created
    ):
        problems.append(
            f"{len(reply.get('orders') or [])} orders created, expected {expect.orders_created}"
        )
    if (
        expect.pending_checkout is not None
        and bool(reply.get("pending_checkout")) != expect.pending_checkout
    ):
        problems.append(f"pending checkout is {bool(reply.get('pending_checkout'))}")
    shown = reply.get("products") or []
    if expect.shown_at_least is not None and len(shown) < expect.shown_at_least:
        problems.append(f"{len(shown)} products shown, expected at least {expect.shown_at_least}")
    if expect.shown_satisfy is not None:
        problems += _shown_problems(target, shown, expect.shown_satisfy)
    if expect.cites_exist:
        for citation in reply.get("citations") or []:
            exists = (
                target.product(citation["id"]) is not None
                if citation["kind"] == "product"
                else target.review_exists(citation["id"])
            )
            if not exists:
                problems.append(f"cites {citation['id']}, which does not exist")
    lowered = text.lower()
    problems += [f"missing {p!r}" for p in expect.must_contain if p.lower() not in lowered]
    problems += [f"says {p!r}" for p in expect.must_not_contain if p.lower() in lowered]
    public = (reply.get("public_reply") or "").lower()
    problems += [
        f"public reply says {p!r}" for p in expect.public_must_not_contain if p.lower() in public
    ]
    return problems


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
    result = ScenarioResult(scenario.name)
    pending: dict[str, Any] | None = None
    for number, turn in enumerate(scenario.turns, start=1):
        if turn.say is not None:
            reply = target.chat(session, turn.say)
        elif turn.confirm:
            if not pending:
                result.failures.append(f"turn {number}: no checkout to confirm")
                continue
            reply = target.confirm(session, pending["checkout_id"])
        else:
            action = turn.social
            assert action is not None
            reply = target.social(action.app, action.action, action.user, action.post, action.text)
        pending = reply.get("pending_checkout") or pending
        problems = check_turn(target, turn.expect, reply)
        result.checks += 1
        result.failures += [f"turn {number}: {problem}" for problem in problems]
    return result
