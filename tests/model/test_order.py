import pytest

from flowls.model import build_flow
from flowls.model.order import why_not_before
from flowls.parse.compose import compose

FLOW = """\
id: order
namespace: company.team
tasks:
  - {id: first, type: io.kestra.plugin.core.log.Log, message: a}
  - id: par
    type: io.kestra.plugin.core.flow.Parallel
    tasks:
      - {id: p1, type: io.kestra.plugin.core.log.Log, message: a}
      - {id: p2, type: io.kestra.plugin.core.log.Log, message: a}
  - id: check
    type: io.kestra.plugin.core.flow.If
    condition: "{{ true }}"
    then:
      - {id: yes1, type: io.kestra.plugin.core.log.Log, message: a}
      - {id: yes2, type: io.kestra.plugin.core.log.Log, message: a}
    else:
      - {id: no1, type: io.kestra.plugin.core.log.Log, message: a}
    errors:
      - {id: local_error, type: io.kestra.plugin.core.log.Log, message: a}
  - id: dag
    type: io.kestra.plugin.core.flow.Dag
    tasks:
      - task: {id: d1, type: io.kestra.plugin.core.log.Log, message: a}
      - task: {id: d2, type: io.kestra.plugin.core.log.Log, message: a}
        dependsOn: [d1]
      - task: {id: d3, type: io.kestra.plugin.core.log.Log, message: a}
  - id: loop
    type: io.kestra.plugin.core.flow.LoopUntil
    condition: "{{ outputs.inner.value }}"
    tasks:
      - {id: inner, type: io.kestra.plugin.core.debug.Return, format: x}
  - {id: last, type: io.kestra.plugin.core.log.Log, message: a}
errors:
  - {id: on_error, type: io.kestra.plugin.core.log.Log, message: a}
finally:
  - {id: cleanup, type: io.kestra.plugin.core.log.Log, message: a}
afterExecution:
  - {id: after, type: io.kestra.plugin.core.log.Log, message: a}
"""


@pytest.fixture(scope="module")
def tasks():
    flow = build_flow(compose(FLOW).documents[0])
    return {task.id: task for task in flow.all_tasks()}


@pytest.mark.parametrize(
    ("producer", "consumer", "key", "reason"),
    [
        ("first", "last", "message", None),
        ("last", "first", "message", "it comes later in 'tasks'"),
        ("first", "first", "message", "it is the task itself"),
        ("p2", "p1", "message", None),
        ("yes2", "yes1", "message", "it comes later in the 'then' of 'check'"),
        ("no1", "yes1", "message", "it is in another branch of 'check' (else), which never runs with this one (then)"),
        ("local_error", "yes1", "message", "it is in the 'errors' of 'check', which runs after its 'then'"),
        ("yes1", "local_error", "message", None),
        ("d2", "d1", "message", "it depends on 'd1' in the Dag 'dag'"),
        ("d1", "d2", "message", None),
        ("d3", "d1", "message", None),
        ("inner", "loop", "condition", None),
        ("yes1", "check", "condition", "it runs inside 'check', after 'check' reads this"),
        ("check", "yes1", "message", None),
        ("on_error", "last", "message", "it is in 'errors', which runs after 'tasks'"),
        ("after", "cleanup", "message", "it is in 'afterExecution', which runs after 'finally'"),
        ("last", "after", "message", None),
        ("first", "on_error", "message", None),
    ],
)
def test_why_not_before(tasks, producer, consumer, key, reason):
    assert why_not_before(tasks[producer], tasks[consumer], key) == reason
