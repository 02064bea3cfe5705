"""The bundled schema (schemas/flow.schema.json) against its generator and the Kestra catalogue.

Checks that the committed file is what scripts/build_schema.py produces, that its shape is the one
the validator relies on (draft 07, `anyOf` unions of `$ref`s, pinned `type` discriminators), that
every catalogue fact made it in (classes, required sets, defaults, enums, `$dynamic`, constraints),
and that Kestra's own valid test flows are accepted.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parents[2]
REFERENCE = REPO.parent / "shared" / "reference"
CATALOGUE_1X = REFERENCE / "kestra-catalogue-1.x.json"
CATALOGUE_20 = REFERENCE / "kestra-catalogue-2.0.json"
CORPUS = REPO.parent / "shared" / "corpus"
SCRIPT = REPO / "scripts" / "build_schema.py"
SCHEMA_PATH = REPO / "schemas" / "flow.schema.json"
DESCRIPTIONS_PATH = REPO / "schemas" / "descriptions.yaml"

FLOW = "io.kestra.core.models.flows.Flow"
TASK = "io.kestra.core.models.tasks.Task"
TRIGGER = "io.kestra.core.models.triggers.AbstractTrigger"
INPUT = "io.kestra.core.models.flows.Input"
RETRY = "io.kestra.core.models.tasks.retrys.AbstractRetry"
SLA = "io.kestra.core.models.flows.sla.SLA"

needs_reference = pytest.mark.skipif(
    not CATALOGUE_1X.is_file(),
    reason=f"{CATALOGUE_1X} is absent: the Kestra catalogue is needed to check the schema against its facts",
)
needs_reference_20 = pytest.mark.skipif(
    not CATALOGUE_20.is_file(), reason=f"{CATALOGUE_20} is absent: cannot build the 2.0 schema"
)

# Valid flows of Kestra's test suite that a plain JSON-schema check rejects for reasons outside the
# schema's facts (each one is reported in schemas/README.md):
KNOWN_CORPUS_GAPS = {
    # A dynamic enum given as an expression: Kestra's parser accepts it, its generated schema
    # (which ours follows) only lists the constants.
    "pause-behavior.yaml",
    # `defaults:` written with no value (null); Jackson treats null like an absent key.
    "switch-impossible.yaml",
    # Numbers given for string properties; Jackson coerces scalars to strings.
    "working-directory-invalid-runif.yaml",
}


# ------------------------------------------------------------------------------------------------
# Loading
# ------------------------------------------------------------------------------------------------


@cache
def build_module() -> ModuleType:
    """scripts/build_schema.py imported as a module (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location("build_schema", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@cache
def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return load_json(SCHEMA_PATH)


@pytest.fixture(scope="module")
def definitions(schema: dict[str, Any]) -> dict[str, Any]:
    return schema["definitions"]


@pytest.fixture(scope="module")
def catalogue() -> dict[str, Any]:
    if not CATALOGUE_1X.is_file():
        pytest.skip(f"{CATALOGUE_1X} is absent: the Kestra catalogue is needed to check the schema against its facts")
    facts = copy.deepcopy(load_json(CATALOGUE_1X))
    build_module().apply_compat_1_3(facts["classes"])  # documented in the generator: what Kestra 1.3 still reads
    return facts


@cache
def schema_for(catalogue_path: Path) -> tuple[dict[str, Any], list[str]]:
    """A schema built in memory from a catalogue, with the descriptions it lacked."""
    module = build_module()
    descriptions = module.load_descriptions(DESCRIPTIONS_PATH)
    built = module.build_schema(module.load_catalogue(catalogue_path), descriptions)
    return built, sorted(set(descriptions.missing))


def flow_yaml() -> YAML:
    """A YAML loader reading timestamps as the strings they are to Kestra's Jackson parser."""
    yaml = YAML(typ="safe")
    yaml.constructor.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))
    return yaml


# ------------------------------------------------------------------------------------------------
# Walking helpers
# ------------------------------------------------------------------------------------------------


def walk(node: Any) -> Iterator[dict[str, Any]]:
    """Every mapping inside a JSON value, depth first."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def concrete_classes(catalogue: dict[str, Any]) -> dict[str, Any]:
    return {name: cls for name, cls in catalogue["classes"].items() if not cls["abstract"] and not cls.get("internal")}


def discriminated_values(name: str, cls: dict[str, Any]) -> list[str] | None:
    """Expected `type` values of a concrete class: class then aliases, or the subtype name."""
    disc = cls.get("discriminator") or {}
    if not disc.get("value"):
        return None
    if disc["value"] == name:
        return [name, *cls["aliases"]]
    return [disc["value"]]


def properties_of(catalogue: dict[str, Any], definitions: dict[str, Any]) -> Iterator[tuple[str, str, Any, Any]]:
    """(class, property, catalogue entry, schema) for every property of every object definition."""
    for name, cls in catalogue["classes"].items():
        definition = definitions.get(name)
        if definition is None or "properties" not in definition:
            continue
        for prop_name, prop in cls["properties"].items():
            yield name, prop_name, prop, definition["properties"][prop_name]


def is_discriminator(name: str, cls: dict[str, Any], prop_name: str) -> bool:
    disc = cls.get("discriminator") or {}
    return bool(disc.get("value")) and disc.get("property") == prop_name


def value_part(prop_schema: dict[str, Any]) -> dict[str, Any]:
    """The typed part of a property schema: the first branch of `anyOf: [T, string]`, else itself."""
    branches = prop_schema.get("anyOf")
    if branches and len(branches) == 2 and branches[1] == {"type": "string"}:
        return branches[0]
    return prop_schema


def overridden(prop: dict[str, Any], prop_name: str) -> bool:
    return f"{prop['declaredIn']}.{prop_name}" in build_module().OVERRIDES


# ------------------------------------------------------------------------------------------------
# (1) Up to date
# ------------------------------------------------------------------------------------------------


@needs_reference
def test_committed_schema_is_up_to_date() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, timeout=120, cwd=REPO
    )
    assert done.returncode == 0, f"schemas/flow.schema.json is stale:\n{done.stderr}"


@needs_reference
def test_check_mode_reports_a_stale_file(tmp_path: Path) -> None:
    stale = tmp_path / "flow.schema.json"
    stale.write_text("{}\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--check", "--catalogue", str(CATALOGUE_1X), "--out", str(stale)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert str(stale) in done.stderr
    assert stale.read_text(encoding="utf-8") == "{}\n", "--check must not write"


@needs_reference
def test_output_is_deterministic_text(schema: dict[str, Any]) -> None:
    text = SCHEMA_PATH.read_text(encoding="utf-8")
    assert text == json.dumps(schema, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def test_descriptions_are_complete_for_the_committed_schema() -> None:
    if not CATALOGUE_1X.is_file():
        pytest.skip(f"{CATALOGUE_1X} is absent")
    _, missing = schema_for(CATALOGUE_1X)
    assert missing == []


# ------------------------------------------------------------------------------------------------
# (2) Shape
# ------------------------------------------------------------------------------------------------


def test_top_level(schema: dict[str, Any]) -> None:
    assert set(schema) == {"$schema", "$ref", "definitions"}
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["$ref"] == f"#/definitions/{FLOW}"


def test_every_ref_resolves(schema: dict[str, Any], definitions: dict[str, Any]) -> None:
    refs = [node["$ref"] for node in walk(schema) if isinstance(node.get("$ref"), str)]
    assert len(refs) > 100
    dangling = [ref for ref in refs if not ref.startswith("#/definitions/") or ref[14:] not in definitions]
    assert dangling == []


def test_refs_carry_no_siblings(schema: dict[str, Any]) -> None:
    """Draft 07 ignores siblings of `$ref`: annotated references use an `allOf` wrapper instead."""
    crowded = [node for node in walk(schema) if "$ref" in node and len(node) > 1 and node is not schema]
    assert crowded == []


@needs_reference
def test_union_definitions_are_anyof_of_refs_only(catalogue: dict[str, Any], definitions: dict[str, Any]) -> None:
    for base, members in catalogue["unions"].items():
        union = definitions[base]
        assert set(union) <= {"anyOf", "title"}, base
        assert all(set(branch) == {"$ref"} for branch in union["anyOf"]), base
        names = [branch["$ref"].removeprefix("#/definitions/") for branch in union["anyOf"]]
        assert names == sorted(members), base


@needs_reference
def test_discriminators_are_pinned_and_required(catalogue: dict[str, Any], definitions: dict[str, Any]) -> None:
    pinned = 0
    for name, cls in concrete_classes(catalogue).items():
        values = discriminated_values(name, cls)
        if values is None:
            continue
        definition = definitions[name]
        prop = definition["properties"][cls["discriminator"]["property"]]
        if len(values) == 1:
            assert prop.get("const") == values[0], name
            assert "enum" not in prop, name
        else:
            assert prop.get("enum") == values, name
            assert "const" not in prop, name
        assert cls["discriminator"]["property"] in definition["required"], name
        pinned += 1
    assert pinned >= 90


@needs_reference
def test_plugin_type_lists_class_first_then_aliases(catalogue: dict[str, Any], definitions: dict[str, Any]) -> None:
    plugin_unions = (TASK, TRIGGER, "io.kestra.core.models.conditions.Condition")
    for base in plugin_unions:
        for member in catalogue["unions"][base]:
            aliases = catalogue["classes"][member]["aliases"]
            type_schema = definitions[member]["properties"]["type"]
            if aliases:
                assert type_schema["enum"] == [member, *aliases]
            else:
                assert type_schema["const"] == member


@needs_reference
def test_object_definitions_shape(catalogue: dict[str, Any], definitions: dict[str, Any]) -> None:
    for name, definition in definitions.items():
        if name in catalogue["unions"]:
            continue
        cls = catalogue["classes"][name]
        assert definition["type"] == "object", name
        assert isinstance(definition["properties"], dict), name
        assert definition["additionalProperties"] is bool(cls.get("additionalProperties")), name
        if "required" in definition:
            assert definition["required"] == sorted(definition["required"]) and definition["required"], name
        assert definition["title"].strip(), name
        assert definition["markdownDescription"].strip(), name
        assert definition["$kind"] == cls["kind"], name
        assert definition.get("$deprecated", False) is cls["deprecated"], name
        assert definition.get("$beta", False) is cls["beta"], name


@needs_reference
def test_only_asset_like_abstract_classes_get_open_definitions(
    catalogue: dict[str, Any], definitions: dict[str, Any]
) -> None:
    """Abstract classes that are referenced but are not unions keep their common properties."""
    abstract = {name for name in definitions if catalogue["classes"][name]["abstract"]} - set(catalogue["unions"])
    assert abstract == {"io.kestra.core.models.assets.Asset"}
    assert definitions["io.kestra.core.models.assets.Asset"]["additionalProperties"] is True


@needs_reference
def test_tasks_and_triggers_list_their_outputs(catalogue: dict[str, Any], definitions: dict[str, Any]) -> None:
    for name, cls in concrete_classes(catalogue).items():
        definition = definitions[name]
        if not (cls["kind"].startswith("task-") or cls["kind"] == "trigger"):
            assert "$outputs" not in definition, name
            continue
        outputs = definition["$outputs"]
        assert set(outputs) == set(cls["outputs"]), name
        for attr, output in outputs.items():
            assert output["title"].strip(), (name, attr)


# ------------------------------------------------------------------------------------------------
# (3) Coverage against the catalogue
# ------------------------------------------------------------------------------------------------


@needs_reference
def test_every_concrete_class_has_a_definition(catalogue: dict[str, Any], definitions: dict[str, Any]) -> None:
    missing = sorted(set(concrete_classes(catalogue)) - set(definitions))
    assert missing == []


@needs_reference
def test_every_union_member_has_a_definition(catalogue: dict[str, Any], definitions: dict[str, Any]) -> None:
    unions = catalogue["unions"]
    assert len(unions[INPUT]) == 17
    assert len(unions[RETRY]) == 3
    for members in unions.values():
        for member in members:
            assert member in definitions
    core_plugins = {
        name
        for name, cls in concrete_classes(catalogue).items()
        if cls["kind"].startswith("task-") or cls["kind"] in ("trigger", "condition")
    }
    in_unions = {m for base in (TASK, TRIGGER, "io.kestra.core.models.conditions.Condition") for m in unions[base]}
    assert core_plugins == in_unions


@needs_reference
def test_required_matches_catalogue(catalogue: dict[str, Any], definitions: dict[str, Any]) -> None:
    for name, cls in concrete_classes(catalogue).items():
        expected = sorted(p for p, prop in cls["properties"].items() if prop["required"])
        assert definitions[name].get("required", []) == expected, name


@needs_reference
def test_every_catalogue_property_is_present(catalogue: dict[str, Any], definitions: dict[str, Any]) -> None:
    for name, cls in concrete_classes(catalogue).items():
        assert set(definitions[name]["properties"]) == set(cls["properties"]), name


@needs_reference
def test_defaults_match(catalogue: dict[str, Any], definitions: dict[str, Any]) -> None:
    checked = 0
    for name, prop_name, prop, prop_schema in properties_of(catalogue, definitions):
        cls = catalogue["classes"][name]
        if is_discriminator(name, cls, prop_name) or prop.get("uncertain") or prop["default"] is None:
            assert "default" not in prop_schema, (name, prop_name)
            continue
        assert prop_schema["default"] == prop["default"], (name, prop_name)
        assert prop_schema["markdownDescription"].endswith("Default value is : `" + yaml_of(prop["default"]) + "`")
        checked += 1
    assert checked > 300


def yaml_of(value: Any) -> str:
    return build_module().yaml_inline(value)


@needs_reference
def test_uncertain_defaults_are_explained_not_set(catalogue: dict[str, Any], definitions: dict[str, Any]) -> None:
    for _name, _prop_name, prop, prop_schema in properties_of(catalogue, definitions):
        if prop.get("uncertain") and (prop.get("runtimeDefault") or prop["default"] is not None):
            assert "default" not in prop_schema
            assert "When absent, Kestra" in prop_schema["markdownDescription"]


@needs_reference
def test_enums_match(catalogue: dict[str, Any], definitions: dict[str, Any]) -> None:
    checked = 0
    for name, prop_name, prop, prop_schema in properties_of(catalogue, definitions):
        if is_discriminator(name, catalogue["classes"][name], prop_name) or prop.get("anyOf"):
            continue
        if prop["type"] == "enum":
            assert prop_schema["enum"] == prop["enum"], (name, prop_name)
            assert prop_schema["type"] == "string"
            checked += 1
        elif prop["type"] == "array" and prop["items"]["type"] == "enum":
            assert prop_schema["items"]["enum"] == prop["items"]["enum"], (name, prop_name)
            checked += 1
    assert checked > 100


@needs_reference
def test_dynamic_flags_match(catalogue: dict[str, Any], definitions: dict[str, Any]) -> None:
    for name, prop_name, prop, prop_schema in properties_of(catalogue, definitions):
        assert prop_schema["$dynamic"] is prop["dynamic"], (name, prop_name)


@needs_reference
def test_type_mapping(catalogue: dict[str, Any], definitions: dict[str, Any]) -> None:
    """Scalar types map as documented; dynamic non-string scalars also accept an expression string."""
    expected = build_module().SCALAR_SCHEMAS
    wrapped = build_module().STRING_ALTERNATIVE_TYPES
    for name, prop_name, prop, prop_schema in properties_of(catalogue, definitions):
        cls = catalogue["classes"][name]
        if is_discriminator(name, cls, prop_name) or "anyOf" in prop or prop.get("constraints", {}).get("mustBeNull"):
            continue
        kind = prop["type"]
        if prop["dynamic"] and kind in wrapped:
            assert prop_schema["anyOf"][1] == {"type": "string"}, (name, prop_name)
            assert len(prop_schema["anyOf"]) == 2
        else:
            assert "anyOf" not in prop_schema, (name, prop_name)
        part = value_part(prop_schema)
        if kind in expected and kind != "any":
            for key, value in expected[kind].items():
                assert part[key] == value, (name, prop_name)
        elif kind == "ref":
            assert part["allOf"] == [{"$ref": f"#/definitions/{prop['ref']}"}], (name, prop_name)
        elif kind == "array":
            assert part["type"] == "array", (name, prop_name)
        elif kind == "map":
            assert part["type"] == "object" and "additionalProperties" in part, (name, prop_name)


@needs_reference
def test_alternative_shapes_become_anyof(catalogue: dict[str, Any], definitions: dict[str, Any]) -> None:
    for name, prop_name, prop, prop_schema in properties_of(catalogue, definitions):
        if "anyOf" in prop and not overridden(prop, prop_name):
            assert len(prop_schema["anyOf"]) == len(prop["anyOf"]), (name, prop_name)


@needs_reference
def test_constraints_match(catalogue: dict[str, Any], definitions: dict[str, Any]) -> None:
    keywords = build_module().CONSTRAINT_KEYWORDS
    for name, prop_name, prop, prop_schema in properties_of(catalogue, definitions):
        constraints = prop.get("constraints") or {}
        if is_discriminator(name, catalogue["classes"][name], prop_name) or constraints.get("mustBeNull"):
            continue
        part = value_part(prop_schema)
        for key in keywords:
            if key in constraints and not (key == "minLength" and constraints.get("notBlank")):
                assert part[key] == constraints[key], (name, prop_name, key)
        if constraints.get("notBlank"):
            assert part["minLength"] >= 1, (name, prop_name)


@needs_reference
def test_status_keywords_match(catalogue: dict[str, Any], definitions: dict[str, Any]) -> None:
    for name, prop_name, prop, prop_schema in properties_of(catalogue, definitions):
        hidden = bool(prop.get("hidden") or prop.get("setterOnly") or prop.get("ignored"))
        assert prop_schema.get("$hidden", False) is hidden, (name, prop_name)
        assert prop_schema.get("$deprecated", False) is prop["deprecated"], (name, prop_name)
        assert prop_schema.get("$group") == prop.get("group"), (name, prop_name)


@needs_reference
def test_every_property_and_definition_has_a_title(definitions: dict[str, Any]) -> None:
    for name, definition in definitions.items():
        assert definition.get("title", "").strip(), name
        for prop_name, prop_schema in definition.get("properties", {}).items():
            assert prop_schema.get("title", "").strip(), (name, prop_name)


@needs_reference
def test_flow_top_level_properties(catalogue: dict[str, Any], definitions: dict[str, Any]) -> None:
    flow = definitions[FLOW]
    props = flow["properties"]
    assert set(props) == set(catalogue["classes"][FLOW]["properties"])
    for key in ("afterExecution", "sla", "checks", "concurrency", "retry", "labels", "pluginDefaults", "finally"):
        assert key in props
    assert flow["required"] == ["id", "namespace", "tasks"]
    assert flow["additionalProperties"] is False
    task_list = {"type": "array", "items": {"$ref": f"#/definitions/{TASK}"}}
    for key in ("tasks", "errors", "finally", "afterExecution"):
        assert {k: props[key][k] for k in ("type", "items")} == task_list, key
    assert props["tasks"]["minItems"] == 1
    assert props["triggers"]["items"] == {"$ref": f"#/definitions/{TRIGGER}"}
    assert props["inputs"]["items"] == {"$ref": f"#/definitions/{INPUT}"}
    assert props["sla"]["items"] == {"$ref": f"#/definitions/{SLA}"}
    assert props["retry"]["allOf"] == [{"$ref": f"#/definitions/{RETRY}"}]
    label_shapes = props["labels"]["anyOf"]
    assert label_shapes[0] == {"type": "array", "items": {"$ref": "#/definitions/io.kestra.core.models.Label"}}
    assert label_shapes[1] == {"type": "object", "additionalProperties": {"type": ["string", "number", "boolean"]}}


# ------------------------------------------------------------------------------------------------
# (4) A valid draft-07 schema
# ------------------------------------------------------------------------------------------------


def test_schema_is_valid_draft_07(schema: dict[str, Any]) -> None:
    """Structure only: Python's `re` cannot read the `\\p{...}` classes of the Label key pattern."""
    jsonschema.Draft7Validator.check_schema(schema, format_checker=None)


def test_every_pattern_compiles_for_the_validator(schema: dict[str, Any]) -> None:
    """Patterns are Java regexes; the validator translates the classes Python lacks (`\\p{L}`)."""
    from flowls.schema.validate import java_pattern

    patterns = {node["pattern"] for node in walk(schema) if isinstance(node.get("pattern"), str)}
    assert len(patterns) > 5
    assert [p for p in sorted(patterns) if java_pattern(p) is None] == []
    label_key = java_pattern("^[\\p{Ll}][\\p{L}0-9._-]*$")
    assert label_key is not None
    assert label_key.fullmatch("team") and label_key.fullmatch("équipe.x") and not label_key.fullmatch("Team")


def test_patterns_are_kept_unanchored_as_in_java(definitions: dict[str, Any]) -> None:
    task_id = definitions["io.kestra.plugin.core.log.Log"]["properties"]["id"]
    assert task_id["pattern"] == "^[a-zA-Z0-9][a-zA-Z0-9_-]*"
    label_key = definitions["io.kestra.core.models.Label"]["properties"]["key"]
    assert label_key["pattern"] == "^[\\p{Ll}][\\p{L}0-9._-]*$"


# ------------------------------------------------------------------------------------------------
# (5) Concrete entries
# ------------------------------------------------------------------------------------------------


def test_log(definitions: dict[str, Any]) -> None:
    log = definitions["io.kestra.plugin.core.log.Log"]
    assert log["required"] == ["id", "message", "type"]
    assert log["properties"]["type"]["enum"] == ["io.kestra.plugin.core.log.Log", "io.kestra.core.tasks.log.Log"]
    assert log["properties"]["message"]["anyOf"] == [
        {"type": "string"},
        {"type": "array", "items": {"type": "string"}},
    ]
    assert log["properties"]["message"]["$dynamic"] is True
    assert log["properties"]["level"]["default"] == "INFO"
    assert log["properties"]["level"]["markdownDescription"].endswith("Default value is : `INFO`")
    assert log["properties"]["timeout"]["anyOf"] == [{"type": "string", "format": "duration"}, {"type": "string"}]
    assert log["properties"]["runIf"]["markdownDescription"].endswith('Default value is : `"true"`')
    assert log["properties"]["allowFailure"]["$group"] == "core"
    assert log["$kind"] == "task-runnable"
    assert log["$outputs"] == {}


def test_if_and_flowables(definitions: dict[str, Any]) -> None:
    if_task = definitions["io.kestra.plugin.core.flow.If"]
    assert if_task["required"] == ["condition", "id", "then", "type"]
    assert if_task["properties"]["then"]["minItems"] == 1
    assert if_task["properties"]["else"]["items"] == {"$ref": f"#/definitions/{TASK}"}
    assert if_task["$outputs"]["evaluationResult"]["type"] == "boolean"
    switch_cases = definitions["io.kestra.plugin.core.flow.Switch"]["properties"]["cases"]
    assert switch_cases["additionalProperties"] == {"type": "array", "items": {"$ref": f"#/definitions/{TASK}"}}


def test_retries(definitions: dict[str, Any]) -> None:
    constant = definitions["io.kestra.core.models.tasks.retrys.Constant"]
    assert constant["required"] == ["interval", "type"]
    assert constant["properties"]["type"]["const"] == "constant"
    assert constant["properties"]["interval"]["type"] == "string"
    assert constant["properties"]["interval"]["format"] == "duration"
    assert definitions["io.kestra.core.models.tasks.retrys.Random"]["required"] == [
        "maxInterval",
        "minInterval",
        "type",
    ]


def test_inputs(definitions: dict[str, Any]) -> None:
    array = definitions["io.kestra.core.models.flows.input.ArrayInput"]
    assert array["required"] == ["id", "itemType", "type"]
    assert array["properties"]["type"]["const"] == "ARRAY"
    assert array["$kind"] == "input"
    assert definitions["io.kestra.core.models.flows.input.StringInput"]["properties"]["validator"]["$validators"] == [
        "Regex"
    ]
    assert definitions["io.kestra.core.models.flows.input.DateInput"]["properties"]["after"]["format"] == "date"
    assert definitions["io.kestra.core.models.flows.input.TimeInput"]["properties"]["after"]["format"] == (
        "partial-time"
    )


def test_triggers(definitions: dict[str, Any]) -> None:
    schedule = definitions["io.kestra.plugin.core.trigger.Schedule"]
    assert schedule["required"] == ["cron", "id", "type"]
    assert schedule["properties"]["interval"]["type"] == "null"
    assert schedule["properties"]["interval"]["$hidden"] is True
    assert schedule["$outputs"]["date"] == {
        "type": "string",
        "format": "date-time",
        "title": schedule["$outputs"]["date"]["title"],
    }
    flow_trigger = definitions["io.kestra.plugin.core.trigger.Flow"]
    assert "default" not in flow_trigger["properties"]["states"]
    labels = definitions["io.kestra.core.models.triggers.AbstractTrigger"]
    assert set(labels) <= {"anyOf", "title"}


def test_hidden_and_ignored_properties_are_accepted(definitions: dict[str, Any]) -> None:
    tenant = definitions[FLOW]["properties"]["tenantId"]
    assert tenant["$hidden"] is True and tenant["type"] == "string"
    ignored = definitions["io.kestra.plugin.core.flow.ForEachItem"]["properties"]["tasks"]
    assert ignored["$hidden"] is True and "ignored" in ignored["markdownDescription"]


def test_labels_task_override(definitions: dict[str, Any]) -> None:
    """Labels.labels is rendered at run time, so expression keys and empty values pass the schema."""
    labels = definitions["io.kestra.plugin.core.execution.Labels"]["properties"]["labels"]
    as_list = labels["anyOf"][1]["items"]
    assert as_list["properties"] == {"key": {"type": "string"}, "value": {"type": "string"}}
    assert as_list["required"] == ["key", "value"]


def test_yaml_inline_renders_defaults_like_kestra() -> None:
    render = build_module().yaml_inline
    assert render(False) == "false"
    assert render("true") == '"true"'
    assert render("INFO") == "INFO"
    assert render("PT1M") == "PT1M"
    assert render("{{ flow.namespace }}") == '"{{ flow.namespace }}"'
    assert render("\n") == '"\\n"'
    assert render({"rows": 1, "separator": "\n"}) == '{rows: 1, separator: "\\n"}'
    assert render(["SUCCESS", "FAILED"]) == "[SUCCESS, FAILED]"


# ------------------------------------------------------------------------------------------------
# (6) Kestra's own flows
# ------------------------------------------------------------------------------------------------


def dispatching(schema: dict[str, Any]) -> dict[str, Any]:
    """A copy whose unions pick their member by `type` (if/then) instead of trying every member.

    Equivalent for documents whose `type` names a member, and fast enough to run on a corpus.
    """
    fast = copy.deepcopy(schema)
    for name, definition in schema["definitions"].items():
        branches = definition.get("anyOf")
        if set(definition) - {"title"} != {"anyOf"} or not all(set(b) == {"$ref"} for b in branches):
            continue
        cases, accepted = [], []
        for branch in branches:
            member = schema["definitions"][branch["$ref"].removeprefix("#/definitions/")]
            pinned = member["properties"]["type"]
            values = [pinned["const"]] if "const" in pinned else pinned["enum"]
            accepted += values
            case = {"properties": {"type": {"enum": values}}, "required": ["type"]}
            cases.append({"if": case, "then": branch})
        fast["definitions"][name] = {
            "type": "object",
            "required": ["type"],
            "properties": {"type": {"enum": accepted}},
            "allOf": cases,
        }
    return fast


def known_types(schema: dict[str, Any]) -> set[str]:
    values: set[str] = set()
    for definition in schema["definitions"].values():
        pinned = definition.get("properties", {}).get("type", {})
        values.update([pinned["const"]] if "const" in pinned else pinned.get("enum", []))
    return values


def uses_only_known_types(document: Any, known: set[str]) -> bool:
    """False when a flow uses a plugin outside the core catalogue (Kestra's test-only plugins)."""
    return all(
        node["type"] in known
        for node in walk(document)
        if isinstance(node.get("type"), str) and "." in node["type"] and "id" in node
    )


def validate_corpus(schema: dict[str, Any], folder: Path) -> tuple[int, dict[str, list[str]]]:
    validator = jsonschema.Draft7Validator(dispatching(schema))
    known = known_types(schema)
    yaml = flow_yaml()
    checked, failures = 0, {}
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".yaml", ".yml"):
            continue
        for document in yaml.load_all(path.read_text(encoding="utf-8")):
            if document is None or not uses_only_known_types(document, known):
                continue
            checked += 1
            errors = [f"/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]
            if errors:
                failures[path.name] = errors
    return checked, failures


def test_small_core_flows_pass_the_plain_schema(schema: dict[str, Any]) -> None:
    """A handful of small flows against the schema as committed, with its full `anyOf` unions."""
    folder = CORPUS / "kestra-tests" / "valids"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    validator = jsonschema.Draft7Validator(schema)
    yaml = flow_yaml()
    names = ("minimal.yaml", "logs.yaml", "retry-success.yaml", "inputs-small-files.yaml", "sla-max-duration-ok.yaml")
    for name in names:
        document = yaml.load((folder / name).read_text(encoding="utf-8"))
        errors = [e.message for e in validator.iter_errors(document)]
        assert errors == [], name


def test_kestra_valid_test_flows_pass(schema: dict[str, Any]) -> None:
    folder = CORPUS / "kestra-tests" / "valids"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    checked, failures = validate_corpus(schema, folder)
    assert checked > 200
    assert set(failures) == KNOWN_CORPUS_GAPS, json.dumps(failures, indent=1)


def test_flows_breaking_facts_are_rejected(schema: dict[str, Any]) -> None:
    validator = jsonschema.Draft7Validator(dispatching(schema))
    base = {"id": "f", "namespace": "company.team"}
    log = {"id": "log", "type": "io.kestra.plugin.core.log.Log", "message": "hi"}
    assert list(validator.iter_errors({**base, "tasks": [log]})) == []
    rejected = [
        {**base, "tasks": []},
        {**base, "tasks": [log], "listeners": []},
        {**base, "tasks": [{"id": "log", "type": "io.kestra.plugin.core.log.Log"}]},
        {**base, "tasks": [{**log, "mesage": "typo"}]},
        {**base, "tasks": [{**log, "retry": {"type": "constant"}}]},
        {**base, "tasks": [log], "inputs": [{"id": "a", "type": "ARRAY"}]},
        {**base, "tasks": [{**log, "type": "io.kestra.plugin.core.log.Nope"}]},
    ]
    for flow in rejected:
        assert list(validator.iter_errors(flow)), flow


# ------------------------------------------------------------------------------------------------
# (7) The same generator and descriptions for Kestra 2.0
# ------------------------------------------------------------------------------------------------


@needs_reference_20
def test_20_schema_builds_complete_and_valid() -> None:
    built, missing = schema_for(CATALOGUE_20)
    assert missing == []
    jsonschema.Draft7Validator.check_schema(built, format_checker=None)
    definitions = built["definitions"]
    dangling = [
        node["$ref"]
        for node in walk(built)
        if isinstance(node.get("$ref"), str) and node["$ref"].removeprefix("#/definitions/") not in definitions
    ]
    assert dangling == []
    assert "io.kestra.plugin.core.flow.Loop" in definitions
    assert "io.kestra.plugin.core.flow.ForEach" not in definitions
    value_option = definitions["io.kestra.core.models.flows.input.ValueOption"]
    assert value_option["anyOf"][0] == {"type": "string"}


@needs_reference_20
def test_20_valid_test_flows_pass() -> None:
    folder = CORPUS / "kestra-tests-2.0-develop" / "valids"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    built, _ = schema_for(CATALOGUE_20)
    checked, failures = validate_corpus(built, folder)
    assert checked > 200
    assert set(failures) == KNOWN_CORPUS_GAPS, json.dumps(failures, indent=1)


def test_descriptions_file_is_one_line_prose_for_known_classes() -> None:
    data = YAML(typ="safe").load(DESCRIPTIONS_PATH.read_text(encoding="utf-8"))
    known: set[tuple[str, str, str]] = set()
    for path in (CATALOGUE_1X, CATALOGUE_20):
        if not path.is_file():
            pytest.skip(f"{path} is absent")
        for name, cls in load_json(path)["classes"].items():
            known.add((name, "title", ""))
            known.update((prop["declaredIn"], "properties", p) for p, prop in cls["properties"].items())
            known.update((name, "outputs", o) for o in cls["outputs"])
    compat = build_module().COMPAT_1_3
    known.update((declaring, "properties", p) for declaring, props in compat.items() for p in props)
    unused = []
    for name, entry in data.items():
        assert set(entry) <= {"title", "properties", "outputs"}, name
        for section, content in entry.items():
            lines = {"": content} if section == "title" else (content or {})
            for key, text in lines.items():
                assert isinstance(text, str) and text.strip() and "\n" not in text, (name, section, key)
                assert not re.search(r"\s$", text), (name, section, key)
                if (name, section, key) not in known:
                    unused.append((name, section, key))
    assert unused == []
