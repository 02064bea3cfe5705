"""What the dry run cannot know, given by the user: task outcomes and outputs, inputs, trigger."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

OUTCOMES = ("SUCCESS", "WARNING", "FAILED", "KILLED")


class ScenarioError(ValueError):
    """A scenario that cannot be used; the message says which part."""


@dataclass
class Scenario:
    outcomes: dict[str, str] = field(default_factory=dict)  # task id -> state its runs end in
    outputs: dict[str, dict[str, Any]] = field(default_factory=dict)  # task id -> its outputs
    inputs: dict[str, Any] = field(default_factory=dict)
    trigger: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> Scenario:
        """A YAML file: ``tasks: {id: {outcome, outputs}}``, ``inputs: {}``, ``trigger: {}``."""
        try:
            data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
        except OSError as error:
            raise ScenarioError(f"{path}: {error.strerror or error}") from None
        except Exception as error:  # ruamel's errors have no common base worth naming here
            raise ScenarioError(f"{path}: not valid YAML ({str(error).splitlines()[0]})") from None
        if not isinstance(data, dict):
            raise ScenarioError(f"{path}: a scenario is a mapping with tasks, inputs and trigger")
        scenario = cls(inputs=_mapping(data, "inputs", path), trigger=_mapping(data, "trigger", path))
        for task_id, spec in _mapping(data, "tasks", path).items():
            if not isinstance(spec, dict):
                raise ScenarioError(f"{path}: tasks.{task_id} must be a mapping (outcome, outputs)")
            if "outcome" in spec:
                scenario.set_outcome(str(task_id), str(spec["outcome"]))
            if "outputs" in spec:
                if not isinstance(spec["outputs"], dict):
                    raise ScenarioError(f"{path}: tasks.{task_id}.outputs must be a mapping")
                scenario.outputs[str(task_id)] = spec["outputs"]
        return scenario

    def set_outcome(self, task_id: str, outcome: str) -> None:
        value = outcome.upper()
        if value not in OUTCOMES:
            raise ScenarioError(f"outcome of '{task_id}' must be one of {', '.join(OUTCOMES)}, not '{outcome}'")
        self.outcomes[task_id] = value

    def set_input(self, assignment: str) -> None:
        """``KEY=VALUE``; the value is read as JSON when it is JSON, else as a string."""
        key, sep, raw = assignment.partition("=")
        if not sep or not key:
            raise ScenarioError(f"--input takes KEY=VALUE, not '{assignment}'")
        try:
            value: Any = json.loads(raw)
        except ValueError:
            value = raw
        self.inputs[key] = value


def _mapping(data: dict, key: str, path: Path) -> dict:
    value = data.get(key) or {}
    if not isinstance(value, dict):
        raise ScenarioError(f"{path}: '{key}' must be a mapping")
    return value
