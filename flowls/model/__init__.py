"""The flow model: what a flow document means to Kestra, every element with its node."""

from flowls.model.build import build_flow
from flowls.model.flow import (
    Condition,
    Element,
    Flow,
    Input,
    Label,
    Output,
    Phase,
    PluginDefault,
    Task,
    Trigger,
)

__all__ = [
    "Condition",
    "Element",
    "Flow",
    "Input",
    "Label",
    "Output",
    "Phase",
    "PluginDefault",
    "Task",
    "Trigger",
    "build_flow",
]
