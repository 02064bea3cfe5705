"""Every rule, by id: each module of this package that defines ``RULE`` is one rule.

A rule module defines ``RULE``; rules that look at a parsed flow also define
``check(ctx: RuleContext)``. Rules without one are reported by the stage that finds them
(parsing, schema validation).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from types import ModuleType

import flowls.rules
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext


def _rule_modules() -> list[ModuleType]:
    names = sorted(info.name for info in pkgutil.iter_modules(flowls.rules.__path__))
    modules = [importlib.import_module(f"flowls.rules.{name}") for name in names]
    return [module for module in modules if isinstance(getattr(module, "RULE", None), Rule)]


MODULES = _rule_modules()
RULES: dict[str, Rule] = {module.RULE.id: module.RULE for module in MODULES}
CHECKS: dict[str, Callable[[RuleContext], None]] = {
    module.RULE.id: module.check for module in MODULES if hasattr(module, "check")
}
