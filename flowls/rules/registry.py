"""Every rule, by id. Adding a rule means adding its module here."""

from __future__ import annotations

from flowls.rules import (
    deprecated_property,
    deprecated_type,
    duplicate_key,
    encoding,
    not_a_flow,
    resource_limit,
    schema,
    unknown_type,
    yaml_syntax,
)
from flowls.rules.base import Rule

_MODULES = (
    yaml_syntax,
    duplicate_key,
    encoding,
    resource_limit,
    not_a_flow,
    schema,
    unknown_type,
    deprecated_type,
    deprecated_property,
)

RULES: dict[str, Rule] = {module.RULE.id: module.RULE for module in _MODULES}
