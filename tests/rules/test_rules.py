"""The rule registry and each rule's documented examples, run as tests."""

from __future__ import annotations

import re
import textwrap

import pytest

from flowls.analysis import Linter, Options
from flowls.parse.source import Limits
from flowls.rules.registry import RULES
from flowls.version import parse_version
from flowls.workspace import WorkspaceIndex


def test_ids_are_stable_kebab_case_and_registered_once():
    from flowls.rules import registry

    assert all(re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", rule_id) for rule_id in RULES)
    assert len(RULES) == len(registry.MODULES)  # two modules with one id would shadow each other
    assert set(registry.CHECKS) <= set(RULES)


@pytest.mark.parametrize("rule", RULES.values(), ids=lambda r: r.id)
def test_doc_has_the_sections(rule):
    for section in ("## What it does", "## Why is this bad?", "## Example", "Use instead:"):
        assert section in rule.doc
    assert rule.summary.endswith(".")


def _lint_example(validators, rule, example: str, *, bad: bool):
    options = dict(rule.example_options)
    version = parse_version(options.pop("kestra-version", 1))
    target = options.pop("target-version", None)
    encoding = str(options.pop("bad-example-encoding", "utf-8")) if bad else "utf-8"
    options.pop("bad-example-encoding", None)
    workspace = None
    if "workspace" in options:
        workspace = WorkspaceIndex()
        for path, text in options.pop("workspace").items():
            workspace.update(path, text)
    limits = Limits(max_depth=int(options.pop("max-depth", Limits().max_depth)))
    assert not options, f"unknown example option {options}"
    data = textwrap.dedent(example).encode(encoding)
    linter_options = Options(limits=limits, target_version=parse_version(target) if target else None)
    return Linter(validators[version.major], linter_options).lint_bytes(data, workspace).findings


@pytest.mark.parametrize("rule", RULES.values(), ids=lambda r: r.id)
def test_bad_example_is_flagged(validators, rule):
    findings = _lint_example(validators, rule, rule.bad_example, bad=True)
    assert findings, rule.id
    assert {f.rule for f in findings} == {rule.id}


@pytest.mark.parametrize("rule", RULES.values(), ids=lambda r: r.id)
def test_good_example_is_clean(validators, rule):
    assert _lint_example(validators, rule, rule.good_example, bad=False) == []


@pytest.fixture(scope="module")
def validators(validator, validator_2):
    return {1: validator, 2: validator_2}


@pytest.mark.parametrize("rule", RULES.values(), ids=lambda r: r.id)
def test_examples_are_of_a_version_the_rule_checks(rule):
    assert parse_version(rule.example_options.get("kestra-version", 1)).major in rule.versions
