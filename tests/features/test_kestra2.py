"""Completion and hover follow the Kestra version: 2.0's Pebble functions and filters, its Loop's
`item`, and its task properties (workerSelector instead of workerGroup)."""

from __future__ import annotations

from flowls.features.hover import hover
from tests.features.test_completion import labels, open_at

LOOP = """\
    id: f
    namespace: company.team
    tasks:
      - id: each
        type: io.kestra.plugin.core.flow.Loop
        values: [a, b]
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: "{{ <|> }}"
"""


def test_functions_are_the_version_s(validator, validator_2):
    one, two = set(labels(validator, LOOP)), set(labels(validator_2, LOOP))
    assert {"currentEachOutput", "iterationOutput", "parentOutput"} <= one - two  # removed in 2.0
    assert {"isWeekend", "dayOfWeek", "loopOutputs"} <= two - one  # added in 2.0


def test_loop_item_in_2_0_only_inside_the_loop(validator, validator_2):
    assert "item" in labels(validator_2, LOOP)
    assert "item" not in labels(validator, LOOP)
    outside = LOOP.replace('message: "{{ <|> }}"', "message: x").replace("values: [a, b]", 'values: "{{ <|> }}"')
    assert "item" not in labels(validator_2, outside)  # a Loop's values render before its iterations
    members = labels(validator_2, LOOP.replace("{{ <|> }}", "{{ item.<|> }}"))
    assert members == ["value", "index", "key", "parent", "parents"]


def test_filters_are_the_version_s(validator, validator_2):
    text = LOOP.replace("{{ <|> }}", "{{ 'a' | <|> }}")
    assert "regexMatch" in labels(validator_2, text)
    assert "regexMatch" not in labels(validator, text)


def test_property_keys_follow_the_schema_of_the_version(validator, validator_2):
    text = LOOP.replace('message: "{{ <|> }}"', "message: x\n        <|>")
    assert "workerSelector" in labels(validator_2, text) and "workerGroup" not in labels(validator_2, text)
    assert "workerGroup" in labels(validator, text)


def test_hover_on_item_and_on_2_0_functions(validator_2):
    file, offset = open_at(validator_2, LOOP.replace("{{ <|> }}", "{{ it<|>em.value }} {{ isWeekend('2024-01-06') }}"))
    info = hover(file, offset)
    assert info is not None and info.markdown.startswith("**item** · variable")
    weekend = file.text.index("isWeekend") + 2
    assert "isWeekend" in hover(file, weekend).markdown
