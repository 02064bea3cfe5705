import re
import warnings

from flowls.findings import Severity
from flowls.parse.nodes import Mapping, Node, Scalar, Sequence
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext
from flowls.rules.versioned import resolvable_inputs

RULE = Rule(
    id="input-definition",
    severity=Severity.ERROR,
    summary="An input's definition breaks a Kestra input rule (defaults, prefill, itemType, regex, FILE, FORM).",
    doc="""
    ## What it does
    Flags the input definitions Kestra's input validators refuse:
    - `defaults` together with `required: false`, or together with `prefill`;
    - an `ARRAY` or `MULTISELECT` input whose `itemType` is `ARRAY`, `SECRET`, `MULTISELECT`
      or `SELECT`;
    - a `STRING` or `SECRET` `validator`, or (Kestra 1.x) a `SELECT` or `MULTISELECT` `values`
      entry, that is not a valid regular expression (Kestra compiles each as a Java regex);
    - a `FILE` input whose `defaults` is neither a `file://` nor an `nsfile://` URI (nor an
      expression);
    - in Kestra 2.0, a `FORM` input with `defaults` or a `prefill`, or inside another `FORM`.
      The inputs of a `FORM` are checked like the others.

    ## Why is this bad?
    Kestra refuses to save the flow, with messages such as `Inputs with a default value must
    be required, since the default is always applied.`, `` `itemType` cannot be ARRAY ``,
    `invalid pattern [\\]`, `inputs of type 'FILE' only support `defaults` as local files
    using a file URI or as namespace files using a nsfile URI` or `A FORM input cannot
    contain another FORM input; grouping is limited to a single level.`

    ## Example
    ```yaml
    id: report
    namespace: company.team
    inputs:
      - id: day
        type: STRING
        defaults: monday
        required: false
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ inputs.day }}"
    ```
    Use instead:
    ```yaml
    id: report
    namespace: company.team
    inputs:
      - id: day
        type: STRING
        defaults: monday
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ inputs.day }}"
    ```
    """,
)

BAD_ITEM_TYPES = ("ARRAY", "SECRET", "MULTISELECT", "SELECT")
FILE_SCHEMES = ("file", "nsfile")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


def check(ctx: RuleContext) -> None:
    forms = ctx.version.major >= 2  # FormInput, and InputValidator's checks of it, are 2.0's
    for item in ctx.flow.inputs:
        if not isinstance(item.node, Mapping):
            continue
        if forms and item.type == "FORM":
            _check_form(ctx, f"input '{item.id}'", item.node)
        else:
            _check_input(ctx, f"input '{item.id}'", item.type, item.node)
    for leaf in resolvable_inputs(ctx) if forms else ():
        if leaf.form is None:
            continue  # checked above
        name = f"input '{leaf.path}'"
        if leaf.type == "FORM":
            message = f"FORM input '{leaf.form}' cannot contain another FORM input ({name}): grouping is limited to "
            ctx.report(RULE, leaf.node.get("type") or leaf.id_node, message + "a single level")
            _check_form(ctx, name, leaf.node)
        else:
            _check_input(ctx, name, leaf.type, leaf.node)


def _check_form(ctx: RuleContext, name: str, node: Mapping) -> None:
    for key in ("defaults", "prefill"):
        pair = node.pair(key)
        if pair is not None and _present(node, key) is not None:
            ctx.report(
                RULE,
                pair[0],
                f"{name} is a FORM: it groups other inputs and cannot declare a default value or a prefill",
            )


def _check_input(ctx: RuleContext, name: str, kind: str | None, node: Mapping) -> None:
    defaults = _present(node, "defaults")
    required = node.get("required")
    if defaults is not None and isinstance(required, Scalar) and required.value is False:
        ctx.report(
            RULE,
            required,
            f"{name} has defaults, so it must be required: the default is always applied (remove 'required: false')",
        )
    prefill = node.pair("prefill")
    if defaults is not None and _present(node, "prefill") is not None and prefill is not None:
        ctx.report(RULE, prefill[0], f"{name} cannot have both defaults and a prefill")
    item_type = node.get("itemType")
    if kind in ("ARRAY", "MULTISELECT") and isinstance(item_type, Scalar) and item_type.value in BAD_ITEM_TYPES:
        ctx.report(RULE, item_type, f"{name} of type {kind}: itemType cannot be {item_type.value}")
    if kind in ("STRING", "SECRET"):
        _check_pattern(ctx, name, "validator", node.get("validator"))
    # 1.x's SelectInput and MultiselectInput have `List<@Regex String> values`; 2.0's are ValueOptions
    values = node.get("values")
    if kind in ("SELECT", "MULTISELECT") and ctx.version.major == 1 and isinstance(values, Sequence):
        for value in values.items:
            _check_pattern(ctx, name, "value", value)
    if kind == "FILE" and isinstance(defaults, Scalar) and isinstance(defaults.value, str):
        _check_file_default(ctx, name, defaults)


def _present(node: Mapping, key: str) -> Node | None:
    """The value at ``key`` unless missing or null (Kestra sees null as absent)."""
    value = node.get(key)
    if value is None or (isinstance(value, Scalar) and value.value is None):
        return None
    return value


def _check_pattern(ctx: RuleContext, name: str, what: str, node: Node | None) -> None:
    if not isinstance(node, Scalar) or not isinstance(node.value, str):
        return
    error = regex_error(node.value)
    if error is not None:
        ctx.report(RULE, node, f"{name}: the {what} '{node.value}' is not a valid regular expression: {error}")


def _check_file_default(ctx: RuleContext, name: str, node: Scalar) -> None:
    text = node.value.strip()
    if "{{" in text or "{%" in text:
        return
    scheme = _SCHEME.match(text)
    if scheme is None or scheme.group(1) not in FILE_SCHEMES:
        ctx.report(
            RULE,
            node,
            f"{name}: the default of a FILE input must be a file:// or nsfile:// URI, not '{node.value}'",
        )


# Python errors for patterns Java compiles: bounded variable-width look-behind, and back references
# to a group that does not exist (yet), which Java accepts and never matches.
_JAVA_ACCEPTS = ("look-behind", "invalid group reference", "cannot refer to an open group")
_FLAGS = re.compile(r"\(\?[a-zA-Z]*(?:-[a-zA-Z]*)?([):])")
_NAMED_GROUP = re.compile(r"\(\?<([A-Za-z][A-Za-z0-9]*)>")
_NAMED_REFERENCE = re.compile(r"\\k<([A-Za-z][A-Za-z0-9]*)>")


def regex_error(pattern: str) -> str | None:
    """Why Java's ``Pattern.compile`` would refuse the pattern, as far as Python's ``re`` can tell."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            re.compile(_pythonize(pattern))
    except re.error as error:
        if any(lenient in error.msg for lenient in _JAVA_ACCEPTS):
            return None
        return error.msg
    except (RecursionError, OverflowError):
        return None
    return None


def _pythonize(pattern: str) -> str:
    """Rewrite the Java-only syntax into Python syntax that is valid exactly when Java's is.

    Unicode classes (``\\p{L}``), ``\\Q…\\E`` quoting, escapes Python lacks (``\\h``, ``\\R``,
    ``\\z``, ``\\x{…}``, ``\\cX``, …), ``(?<name>…)`` groups, ``\\k<name>`` and inline flags anywhere.
    """
    out: list[str] = []
    i, n, in_class, class_start = 0, len(pattern), False, 0
    while i < n:
        char = pattern[i]
        if char == "\\" and i + 1 < n:
            escape = pattern[i + 1]
            if escape == "Q":
                end = pattern.find("\\E", i + 2)
                out.append(re.escape(pattern[i + 2 : end if end >= 0 else n]))
                i = end + 2 if end >= 0 else n
                continue
            if escape in "pPx" and pattern.startswith("{", i + 2) and "}" in pattern[i + 3 :]:
                out.append("x")
                i = pattern.index("}", i + 3) + 1
                continue
            if escape in "pP" and i + 2 < n:
                out.append("x")
                i += 3
                continue
            if escape in "hHRXzGeKv":
                out.append("x")
                i += 2
                continue
            if escape == "c" and i + 2 < n:
                out.append("x")
                i += 3
                continue
            reference = _NAMED_REFERENCE.match(pattern, i)
            if reference is not None:
                out.append(f"(?P={reference.group(1)})")
                i = reference.end()
                continue
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            first = class_start + (2 if pattern.startswith("[^", class_start) else 1)
            in_class = not (char == "]" and i != first)
        elif char == "[":
            in_class, class_start = True, i
        elif char == "(":
            group = _NAMED_GROUP.match(pattern, i)
            if group is not None:
                out.append(f"(?P<{group.group(1)}>")
                i = group.end()
                continue
            flags = _FLAGS.match(pattern, i)
            if flags is not None and flags.end() - i > 2:
                out.append("" if flags.group(1) == ")" else "(?:")
                i = flags.end()
                continue
        out.append(char)
        i += 1
    return "".join(out)
