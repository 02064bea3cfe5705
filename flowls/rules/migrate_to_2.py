from __future__ import annotations

import re
from functools import cache

from flowls.findings import Edit, Severity
from flowls.parse.nodes import Mapping, Node, Scalar, key_text, scalar_string
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext
from flowls.rules.migrate_to_2_loop import has_template, plan_loops
from flowls.rules.migrate_to_2_pebble import pebble_changes
from flowls.rules.versioned import resolvable_inputs, resolve_type
from flowls.schema.index import SchemaIndex
from flowls.schema.load import load_index
from flowls.version import KESTRA_1X, KESTRA_2_0

RULE = Rule(
    id="migrate-to-2",
    severity=Severity.WARNING,
    summary="What a Kestra 1.x flow must change to run on Kestra 2.0 (with target-version 2).",
    doc="""
    ## What it does
    Only in Kestra 1.x mode with the 2.0 target (`target-version = 2`, `flowlint --target 2`):
    flags everything Kestra 2.0 removed or changed that the flow uses, and fixes what translates
    exactly, so `flowlint --target 2 --fix` migrates a flow, comments and layout kept:
    - the removed type aliases (`io.kestra.core.tasks.*`, `io.kestra.core.models.triggers.types.*`,
      `io.kestra.plugin.core.storage.Purge`, …), in tasks, triggers and `pluginDefaults`, become
      the current class names;
    - `workerGroup: {key: k, fallback: f}` becomes `workerSelector: {tags: [k], fallback: f}`, with
      `fallback: WAIT` written out when it was left out (1.x waited, 2.0 fails by default); a key
      that is not a valid tag (lowercase letters, digits, `-`) or is an expression is left to you;
    - `ForEach` becomes `Loop`, `taskrun.value` (`parent.taskrun.value`, `parents[i].taskrun.value`)
      becomes `item.value` (`item.parent.value`, `item.parents[i].value`), `taskrun.iteration`
      `item.index`, and the current iteration's outputs (`outputs.t[taskrun.value]`,
      `currentEachOutput(outputs.t)`) `outputs.t`. A Loop runs each iteration as its own execution,
      so a ForEach is left to you when that shows: with `errors` or `finally` (a Loop runs them in
      every iteration), outputs of its tasks read after it or of another iteration, tasks that
      update the execution (`Labels`, `SetVariables`, `Exit`) or can end in WARNING (a WARNING
      iteration leaves a Loop in SUCCESS), `errorLogs()`, `tasksWithState()` or a `retry` around it;
    - `forced: false` is dropped from `pluginDefaults` (the default), and `read()`/`fileURI()`'s
      argument `version` is renamed `revision`;
    - parentheses are added where 2.0's lower precedence of `??`, `???` and `isIn` would regroup
      an expression (`a ?? b | upper` filters `b` in 2.0).

    What has no exact translation is flagged with what to do: `ForEachItem`, trigger `conditions`
    (2.0 has a `when` expression) and Flow trigger `preconditions` (`dependsOn`, `window`),
    `forced: true` plugin defaults, a `Schedule` that leaves inputs without defaults unset, and
    `currentEachOutput()`, `iterationOutput()` and `parentOutput()` outside what the Loop fix covers.

    ## Why is this bad?
    Kestra 2.0 refuses the flow (removed types and properties fail to parse; a Schedule missing
    inputs fails validation) or runs it differently (`version=` is no longer read, operators
    regroup, a `workerSelector` without `fallback` fails instead of waiting).

    ## Example
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: each
        type: io.kestra.plugin.core.flow.ForEach
        values: ["a", "b"]
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: "{{ taskrun.value }}"
    ```
    Use instead:
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ flow.id }}"
    ```
    """,
    example_options={"target-version": 2},
    versions=frozenset({1}),
)

SCHEDULE = "io.kestra.plugin.core.trigger.Schedule"
FLOW_TRIGGER = "io.kestra.plugin.core.trigger.Flow"
FOR_EACH_ITEM = "io.kestra.plugin.core.flow.ForEachItem"
# WorkerSelector's tags are RFC 1123 labels (2.0 Rfc1123LabelValidator.PATTERN, at most 64 characters).
_TAG = re.compile(r"[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?")
_FALLBACKS = ("FAIL", "WAIT", "CANCEL")  # 1.x WorkerGroup.Fallback; 2.0 adds IGNORE


def check(ctx: RuleContext) -> None:
    if ctx.target_version is None or ctx.target_version.major != 2:
        return
    _check_types(ctx)
    rewritten = _check_for_each(ctx)
    _check_worker_groups(ctx)
    _check_triggers(ctx)
    _check_plugin_defaults(ctx)
    for change in pebble_changes(ctx, rewritten):
        ctx.report(RULE, (change.start, change.end), change.message, fix=change.fix)


# --- types -----------------------------------------------------------------------------------


@cache
def _bundled(major: int) -> SchemaIndex:
    return load_index(version=KESTRA_1X if major == 1 else KESTRA_2_0)


@cache
def _removed_aliases() -> dict[str, str]:
    """Old names 1.x resolves and 2.0 does not: ``@Plugin(aliases)`` dropped from every core class."""
    kept = _bundled(2).aliases
    return {alias: canonical for alias, canonical in _bundled(1).aliases.items() if alias not in kept}


def _exists_in_2(type_value: str) -> bool:
    return type_value in _bundled(2).plugin_types


def _check_types(ctx: RuleContext) -> None:
    """Tasks and triggers named by a removed alias (conditions go with trigger ``conditions``)."""
    for element in (*ctx.tasks, *ctx.flow.triggers):
        node = element.node.get("type") if isinstance(element.node, Mapping) else None
        canonical = _removed_aliases().get(element.type or "")
        if isinstance(node, Scalar) and canonical is not None and _exists_in_2(canonical):
            message = f"'{element.type}' was removed in Kestra 2.0; use '{canonical}'"
            ctx.report(RULE, node, message, fix=(f"Use '{canonical}'", [_replace_scalar(node, canonical)]))


# --- ForEach and ForEachItem -----------------------------------------------------------------


def _check_for_each(ctx: RuleContext) -> list[tuple[int, int]]:
    """Report each ForEach (and ForEachItem); the spans the Loop fixes rewrite."""
    rewritten = []
    for plan in plan_loops(ctx):
        rewritten += [(edit.start, edit.end) for edit in plan.edits]
        for task in plan.tasks:
            node = task.mapping.get("type") or task.node
            if plan.blocker is None:
                message = (
                    f"ForEach was removed in Kestra 2.0: '{task.id}' becomes a Loop, whose iterations run as "
                    "their own executions and read the value as item.value"
                )
                ctx.report(RULE, node, message, fix=(f"Replace ForEach '{plan.tasks[0].id}' with Loop", plan.edits))
            else:
                message = f"ForEach was removed in Kestra 2.0: rewrite '{task.id}' as a Loop by hand, as {plan.blocker}"
                ctx.report(RULE, node, message)
    for task in ctx.tasks:
        if resolve_type(ctx.schema, task.type) == FOR_EACH_ITEM:
            message = (
                "ForEachItem was removed in Kestra 2.0: rewrite it by hand as a Loop over the file (its URI as "
                "`values` gives one iteration per line) running a Subflow, or a Subflow per batch"
            )
            ctx.report(RULE, task.mapping.get("type") or task.node, message)
    return rewritten


# --- workerGroup -----------------------------------------------------------------------------


def _check_worker_groups(ctx: RuleContext) -> None:
    holders: list[Node] = [ctx.flow.node, *(t.node for t in ctx.tasks), *(t.node for t in ctx.flow.triggers)]
    holders += [d.values for d in ctx.flow.plugin_defaults if d.values is not None]
    for holder in holders:
        pair = holder.pair("workerGroup") if isinstance(holder, Mapping) else None
        if pair is not None:
            _check_worker_group(ctx, *pair)


def _check_worker_group(ctx: RuleContext, key: Node, value: Node) -> None:
    """``workerGroup`` → ``workerSelector``: 1.x's group key becomes the one tag to match, and its
    fallback keeps its meaning, WAIT when unset (1.x ``orElse(WAIT)``; 2.0 fails when unset)."""
    assert isinstance(key, Scalar)  # the pair was found by its key's text
    problem, edits = _worker_selector_edits(ctx.text, value)
    if problem is not None:
        message = (
            f"workerGroup was replaced by workerSelector in Kestra 2.0, and {problem}: "
            "write workerSelector: {tags: [...], fallback: ...} by hand"
        )
        ctx.report(RULE, key, message)
        return
    message = "workerGroup was replaced by workerSelector in Kestra 2.0: the group key becomes its tag"
    ctx.report(RULE, key, message, fix=("Use workerSelector", [_replace_scalar(key, "workerSelector"), *edits]))


def _worker_selector_edits(text: str, value: Node) -> tuple[str | None, list[Edit]]:
    """Why there is no exact selector, or the edits writing it."""
    if not isinstance(value, Mapping) or not value.pairs:
        return "it is not a {key, fallback} mapping", []
    unknown = [key_text(k) for k, _ in value.pairs if key_text(k) not in ("key", "fallback")]
    if unknown:
        return f"it sets '{unknown[0]}'", []
    group = value.pair("key")
    name = scalar_string(group[1]) if group else None
    if group is None or name is None or not name.strip():
        return "it names no worker group", []
    if has_template(name):
        return "its key is an expression, and worker tags are not rendered", []
    if not _TAG.fullmatch(name):
        return f"'{name}' is not a valid worker tag (lowercase letters, digits and '-')", []
    fallback = value.pair("fallback")
    if fallback is not None and scalar_string(fallback[1]) not in _FALLBACKS:
        return "its fallback is not FAIL, WAIT or CANCEL", []
    group_key, group_value = group
    assert isinstance(group_key, Scalar)
    source = text[group_value.start : group_value.end]
    edits = [_replace_scalar(group_key, "tags"), Edit(group_value.start, group_value.end, f"[{source}]")]
    if fallback is None:
        edits.append(_append_pair(text, value, "fallback: WAIT"))
    return None, edits


# --- triggers --------------------------------------------------------------------------------


def _check_triggers(ctx: RuleContext) -> None:
    without_defaults = _inputs_without_defaults(ctx)
    for trigger in ctx.flow.triggers:
        node = trigger.node
        if not isinstance(node, Mapping):
            continue
        canonical = resolve_type(ctx.schema, trigger.type)
        conditions = node.pair("conditions")
        if conditions is not None:
            names = sorted({_short(resolve_type(ctx.schema, c.type) or c.type) for c in trigger.conditions if c.type})
            listed = f" ({', '.join(names)})" if names else ""
            advice = (
                "dependsOn entries (namespace, flowId, states) and a when expression"
                if canonical == FLOW_TRIGGER
                else "a when expression (Kestra 2.0 has isWeekend(), isPublicHoliday(), isDayWeekInMonth(), "
                "dayOfWeek(), hourOfDay(), ...)"
            )
            message = f"trigger conditions{listed} were removed in Kestra 2.0: rewrite them by hand as {advice}"
            ctx.report(RULE, conditions[0], message)
        preconditions = node.pair("preconditions")
        if preconditions is not None and canonical == FLOW_TRIGGER:
            message = "Flow trigger preconditions were removed in Kestra 2.0: rewrite them as dependsOn and window"
            ctx.report(RULE, preconditions[0], message)
        if canonical == SCHEDULE and without_defaults:
            pair = node.pair("inputs")
            given = pair[1] if pair else None
            keys = {key_text(k) for k, _ in given.pairs} if isinstance(given, Mapping) else set()
            missing = [name for name in without_defaults if name not in keys]
            if missing:
                names = ", ".join(f"'{name}'" for name in missing)
                message = (
                    f"Kestra 2.0 refuses a Schedule that leaves inputs without defaults unset, even optional ones: "
                    f"give {names} a value in the trigger's inputs, or defaults"
                )
                ctx.report(RULE, pair[0] if pair else node.get("type") or node, message)


def _short(class_name: str) -> str:
    return class_name.rsplit(".", 1)[-1]


def _inputs_without_defaults(ctx: RuleContext) -> list[str]:
    """What 2.0's FlowValidator wants a Schedule to give: every input without defaults, optional or not."""
    found = []
    for item in resolvable_inputs(ctx):
        defaults = item.node.get("defaults")
        if defaults is None or (isinstance(defaults, Scalar) and defaults.value is None):
            found.append(item.path)
    return found


# --- pluginDefaults --------------------------------------------------------------------------


def _check_plugin_defaults(ctx: RuleContext) -> None:
    for default in ctx.flow.plugin_defaults:
        node = default.node
        if not isinstance(node, Mapping):
            continue
        forced = node.pair("forced")
        if forced is not None:
            if default.forced:
                message = (
                    "forced was removed from flow pluginDefaults in Kestra 2.0: set these values on the tasks, "
                    "or as a namespace or instance default, by hand"
                )
                ctx.report(RULE, forced[0], message)
            else:
                edit = _delete_pair(ctx.text, node, forced)
                message = "forced was removed from flow pluginDefaults in Kestra 2.0 (false is the default)"
                ctx.report(RULE, forced[0], message, fix=("Remove forced", [edit]) if edit else None)
        type_node = node.get("type")
        if isinstance(type_node, Scalar) and default.type is not None:
            _check_default_type(ctx, type_node, default.type)


def _check_default_type(ctx: RuleContext, node: Scalar, type_value: str) -> None:
    """A default's ``type`` is a class or a package prefix: it must still name something in 2.0."""
    canonical = _removed_aliases().get(type_value)
    old, new = _bundled(1).plugin_types, _bundled(2).plugin_types
    if canonical is not None and _exists_in_2(canonical):
        message = f"'{type_value}' was removed in Kestra 2.0; use '{canonical}'"
        ctx.report(RULE, node, message, fix=(f"Use '{canonical}'", [_replace_scalar(node, canonical)]))
    elif type_value in old and not _exists_in_2(_bundled(1).aliases.get(type_value, type_value)):
        ctx.report(RULE, node, f"'{type_value}' was removed in Kestra 2.0: these defaults no longer apply")
    elif any(t.startswith(type_value) for t in old) and not any(t.startswith(type_value) for t in new):
        message = (
            f"'{type_value}' only matched types Kestra 2.0 removed or renamed: "
            "name the current classes or their package by hand"
        )
        ctx.report(RULE, node, message)


# --- edits that keep the rest of the text ----------------------------------------------------


def _replace_scalar(node: Scalar, text: str) -> Edit:
    """Write ``text`` as the scalar's content, inside its quotes if it has any (names need no escape)."""
    quoted = node.style in ("'", '"')
    return Edit(node.start + quoted, node.end - quoted, text)


def _append_pair(text: str, mapping: Mapping, pair: str) -> Edit:
    """Add ``key: value`` after a mapping's last pair: ``, pair`` in a flow mapping, else a line
    at the first key's indentation, after the last pair's line (its comment stays with it)."""
    last = mapping.pairs[-1][1]
    if text.startswith("{", mapping.start):
        return Edit(last.end, last.end, f", {pair}")
    first = mapping.pairs[0][0]
    indent = first.start - _line_start(text, first.start)
    line_end = _line_end(text, last.end)
    newline = "\r\n" if "\r\n" in text else "\n"
    return Edit(line_end, line_end, f"{newline}{' ' * indent}{pair}")


def _delete_pair(text: str, mapping: Mapping, pair: tuple[Node, Node]) -> Edit | None:
    """Remove a pair with the line it leaves empty; a comment after it stays, on a line of its own.
    None when that cannot be done without losing a comment."""
    index = mapping.pairs.index(pair)
    key, value = pair
    if text.startswith("{", mapping.start):  # with the comma that joins it to a neighbour
        if index + 1 < len(mapping.pairs):
            return Edit(key.start, mapping.pairs[index + 1][0].start, "")
        return Edit(mapping.pairs[index - 1][1].end, value.end, "") if index else None
    line_start, line_end = _line_start(text, key.start), _line_end(text, value.end)
    rest = text[value.end : line_end]
    if rest.strip():  # "forced: false  # why" leaves "# why" where it was
        comment = value.end + len(rest) - len(rest.lstrip())
        return Edit(key.start, comment, "") if rest.lstrip().startswith("#") else None
    if text[line_start : key.start].strip():  # after "- ": the next key takes the dash
        after = mapping.pairs[index + 1][0].start if index + 1 < len(mapping.pairs) else None
        return Edit(key.start, after, "") if after is not None and "#" not in text[value.end : after] else None
    return Edit(line_start, _next_line(text, line_end), "")


def _next_line(text: str, line_end: int) -> int:
    return line_end + (2 if text.startswith("\r\n", line_end) else 1 if line_end < len(text) else 0)


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    if end < 0:
        return len(text)
    return end - 1 if text.startswith("\r", end - 1) else end
