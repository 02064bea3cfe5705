from flowls.model import Phase, build_flow
from flowls.parse.compose import compose

FLOW = """\
id: model
namespace: company.team
labels:
  team: data
inputs:
  - id: n
    type: INT
outputs:
  - id: out
    type: STRING
    value: x
variables:
  v: 1
pluginDefaults:
  - type: io.kestra.plugin.core.log
    forced: true
    values: {level: INFO}
tasks:
  - id: if
    type: io.kestra.plugin.core.flow.If
    condition: "{{ true }}"
    then:
      - id: switch
        type: io.kestra.plugin.core.flow.Switch
        value: a
        cases:
          a:
            - {id: case_a, type: io.kestra.plugin.core.log.Log, message: a}
        defaults:
          - {id: dflt, type: io.kestra.plugin.core.log.Log, message: d}
    else:
      - id: dag
        type: io.kestra.plugin.core.flow.Dag
        tasks:
          - task: {id: d1, type: io.kestra.plugin.core.log.Log, message: x}
          - task: {id: d2, type: io.kestra.plugin.core.log.Log, message: y}
            dependsOn: [d1]
      - id: pause
        type: io.kestra.plugin.core.flow.Pause
        onPause: {id: notify, type: io.kestra.plugin.core.log.Log, message: p}
    errors:
      - {id: local_err, type: io.kestra.plugin.core.log.Log, message: e}
errors:
  - {id: err, type: io.kestra.plugin.core.log.Log, message: e}
finally:
  - {id: fin, type: io.kestra.plugin.core.log.Log, message: f}
afterExecution:
  - {id: after, type: io.kestra.plugin.core.log.Log, message: a}
triggers:
  - id: t
    type: io.kestra.plugin.core.trigger.Flow
    conditions:
      - type: io.kestra.plugin.core.condition.Not
        conditions:
          - {type: io.kestra.plugin.core.condition.Weekend}
"""


def _flow():
    return build_flow(compose(FLOW).documents[0])


def test_tasks_of_every_phase_with_parent_slot_and_path():
    flow = _flow()
    rows = [(t.id, t.phase, t.slot, getattr(t.parent, "id", None), t.path) for t in flow.all_tasks()]
    assert rows == [
        ("if", Phase.TASKS, "tasks", "model", ("tasks", 0)),
        ("switch", Phase.TASKS, "then", "if", ("tasks", 0, "then", 0)),
        ("case_a", Phase.TASKS, "cases.a", "switch", ("tasks", 0, "then", 0, "cases", "a", 0)),
        ("dflt", Phase.TASKS, "defaults", "switch", ("tasks", 0, "then", 0, "defaults", 0)),
        ("dag", Phase.TASKS, "else", "if", ("tasks", 0, "else", 0)),
        ("d1", Phase.TASKS, "tasks", "dag", ("tasks", 0, "else", 0, "tasks", 0, "task")),
        ("d2", Phase.TASKS, "tasks", "dag", ("tasks", 0, "else", 0, "tasks", 1, "task")),
        ("pause", Phase.TASKS, "else", "if", ("tasks", 0, "else", 1)),
        ("notify", Phase.TASKS, "onPause", "pause", ("tasks", 0, "else", 1, "onPause")),
        ("local_err", Phase.TASKS, "errors", "if", ("tasks", 0, "errors", 0)),
        ("err", Phase.ERRORS, "errors", "model", ("errors", 0)),
        ("fin", Phase.FINALLY, "finally", "model", ("finally", 0)),
        ("after", Phase.AFTER_EXECUTION, "afterExecution", "model", ("afterExecution", 0)),
    ]


def test_ranges_point_at_the_task_mappings():
    flow = _flow()
    notify = next(t for t in flow.all_tasks() if t.id == "notify")
    assert FLOW[notify.start : notify.end].startswith("{id: notify")


def test_other_elements():
    flow = _flow()
    assert (flow.id, flow.namespace) == ("model", "company.team")
    assert [(i.id, i.type) for i in flow.inputs] == [("n", "INT")]
    assert [(o.id, o.type) for o in flow.outputs] == [("out", "STRING")]
    assert [(label.key, FLOW[label.value_node.start : label.value_node.end]) for label in flow.labels] == [
        ("team", "data")
    ]
    assert [(d.type, d.forced, list(d.values.keys())) for d in flow.plugin_defaults] == [
        ("io.kestra.plugin.core.log", True, ["level"])
    ]
    assert flow.variables is not None and list(flow.variables.keys()) == ["v"]
    (trigger,) = flow.triggers
    (negation,) = trigger.conditions
    assert negation.type == "io.kestra.plugin.core.condition.Not"
    assert [c.type for c in negation.children] == ["io.kestra.plugin.core.condition.Weekend"]
    assert negation.children[0].parent is negation
