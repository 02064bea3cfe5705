"""The rules whose checks differ between Kestra 1.x and 2.0: each flow linted in both modes.

Each row cites what it mirrors in Kestra's source: at 1.x (96687da) for what 2.0 dropped, at 2.0
(c94e774) otherwise. `schema` findings are left out: they only say which version's schema the
flow does not fit.
"""

from __future__ import annotations

import textwrap

import pytest

from flowls.analysis import Linter
from flowls.workspace import WorkspaceIndex
from tests.conftest import brief

EVERY_EXECUTION = "it fires for EVERY execution of EVERY flow on the instance"
TASK_SHARED = "(not in the loaded schema: only the properties every task shares are checked)"

CASES = [
    # 1.x FlowValidator.RESERVED_FLOW_IDS; 2.0 removed them, and FlowServiceTest
    # .shouldReturnValidationErrorForReservedFlowId (its execution actions moved under /actions/)
    pytest.param(
        """\
        id: resume
        namespace: company.team
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: hi
        """,
        [
            (
                "reserved-flow-id",
                1,
                5,
                1,
                11,
                "flow id 'resume' is a reserved keyword: pause, resume, force-run, change-status, kill, executions, "
                "search, source, disable, enable",
            )
        ],
        [],
        id="reserved-flow-id",
    ),
    # 1.x FlowValidationTest.duplicatePreconditionsIdShouldFailValidation, removed in 2.0 with preconditions;
    # 2.0 FlowService.warnings asks for dependsOn instead
    pytest.param(
        """\
        id: notify
        namespace: company.team
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: hi
        triggers:
          - id: a
            type: io.kestra.plugin.core.trigger.Flow
            preconditions:
              id: flows
              flows:
                - namespace: company.team
                  flowId: a
          - id: b
            type: io.kestra.plugin.core.trigger.Flow
            preconditions:
              id: flows
              flows:
                - namespace: company.team
                  flowId: b
        """,
        [("duplicate-id", 18, 11, 18, 16, "duplicate preconditions id 'flows' (first used on line 11)")],
        [
            (
                "flow-trigger-unfiltered",
                9,
                11,
                9,
                45,
                f"Flow trigger 'a' has neither dependsOn nor a when condition: {EVERY_EXECUTION}; add dependsOn",
            ),
            (
                "flow-trigger-unfiltered",
                16,
                11,
                16,
                45,
                f"Flow trigger 'b' has neither dependsOn nor a when condition: {EVERY_EXECUTION}; add dependsOn",
            ),
        ],
        id="duplicate-id-preconditions",
    ),
    # 2.0 FlowValidationTest.formInputs_duplicateExpandedPath_failValidation ("Duplicate input path
    # [environment.region]"), formInputs_prefixConflict_failValidation ("Input path 'grp.a' conflicts with
    # 'grp.a.b'"), formInputs_sameChildIdInDifferentForms_succeeds, formInputs_twoTopLevelFormsSameId_failValidation
    pytest.param(
        """\
        id: test
        namespace: unittest
        inputs:
          - id: environment
            type: FORM
            inputs:
              - id: region
                type: STRING
              - id: region
                type: STRING
          - id: grp
            type: FORM
            inputs:
              - id: a
                type: STRING
              - id: a.b
                type: STRING
          - id: staging
            type: FORM
            inputs:
              - id: region
                type: STRING
          - id: staging
            type: FORM
            inputs:
              - id: data_center
                type: STRING
        tasks:
          - id: hello
            type: io.kestra.plugin.core.log.Log
            message: hi
        """,
        [("duplicate-id", 23, 9, 23, 16, "duplicate input id 'staging' (first used on line 18)")],
        [
            ("duplicate-id", 9, 13, 9, 19, "duplicate input path 'environment.region' (first used on line 7)"),
            (
                "duplicate-id",
                16,
                13,
                16,
                16,
                "input path 'grp.a.b' conflicts with 'grp.a' on line 14: one cannot be nested under the other",
            ),
            ("duplicate-id", 23, 9, 23, 16, "duplicate input id 'staging' (first used on line 18)"),
        ],
        id="duplicate-id-form-paths",
    ),
    # 2.0 FlowValidationTest.formInputs_bareDependsOn_failValidation and formInputs_dottedDependsOn_succeeds:
    # checkFlowInputsDependencyGraph over Flow.resolvableInputs(), where the FORM itself is no node
    pytest.param(
        """\
        id: test
        namespace: unittest
        inputs:
          - id: environment
            type: FORM
            inputs:
              - id: data_center
                type: STRING
              - id: region
                type: STRING
                dependsOn:
                  inputs:
                    - data_center
              - id: zone
                type: STRING
                dependsOn:
                  inputs:
                    - environment.data_center
          - id: other
            type: STRING
            dependsOn:
              inputs:
                - environment
        tasks:
          - id: hello
            type: io.kestra.plugin.core.log.Log
            message: hi
        """,
        [],
        [
            ("input-dependency", 13, 15, 13, 26, "input 'environment.region' depends on unknown input 'data_center'"),
            ("input-dependency", 23, 11, 23, 22, "input 'other' depends on unknown input 'environment'"),
        ],
        id="input-dependency-form",
    ),
    # 2.0 FlowValidationTest.formInputs_withDefaults_failValidation and formInputs_nestedForm_failValidation
    # (InputValidator); FormInput's `@Valid inputs` run InputValidator on its inputs too; 1.x SelectInput has
    # `List<@Regex String> values`, 2.0's `List<@Valid ValueOption> values`
    pytest.param(
        """\
        id: test
        namespace: unittest
        inputs:
          - id: outer
            type: FORM
            defaults: x
            inputs:
              - id: inner
                type: FORM
                inputs:
                  - id: region
                    type: STRING
              - id: day
                type: STRING
                defaults: monday
                required: false
          - id: color
            type: SELECT
            values: ["[red"]
        tasks:
          - id: hello
            type: io.kestra.plugin.core.log.Log
            message: hi
        """,
        [
            (
                "input-definition",
                19,
                14,
                19,
                20,
                "input 'color': the value '[red' is not a valid regular expression: unterminated character set",
            )
        ],
        [
            (
                "input-definition",
                6,
                5,
                6,
                13,
                "input 'outer' is a FORM: it groups other inputs and cannot declare a default value or a prefill",
            ),
            (
                "input-definition",
                9,
                15,
                9,
                19,
                "FORM input 'outer' cannot contain another FORM input (input 'outer.inner'): grouping is limited to "
                "a single level",
            ),
            (
                "input-definition",
                16,
                19,
                16,
                24,
                "input 'outer.day' has defaults, so it must be required: the default is always applied "
                "(remove 'required: false')",
            ),
        ],
        id="input-definition-form-and-select",
    ),
    # 2.0 FormInput: "a `region` input inside an `environment` form is referenced as {{ inputs.environment.region }}"
    pytest.param(
        """\
        id: test
        namespace: unittest
        inputs:
          - id: env
            type: FORM
            inputs:
              - id: region
                type: STRING
                defaults: eu
        tasks:
          - id: hello
            type: io.kestra.plugin.core.log.Log
            message: "{{ inputs.env.region }} {{ inputs.env.regoin }}"
        """,
        [],
        [("unknown-input", 13, 49, 13, 59, "no input 'env.regoin' in this flow — did you mean 'env.region'?")],
        id="unknown-input-form",
    ),
    # FlowService.warnings: 1.x warns without conditions and preconditions; 2.0 without dependsOn while `when`
    # is "true" (its valid flow-trigger-when-condition-flow-listen.yaml filters with `when` alone)
    pytest.param(
        """\
        id: notify
        namespace: company.team
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: hi
        triggers:
          - id: any
            type: io.kestra.plugin.core.trigger.Flow
          - id: labelled
            type: io.kestra.plugin.core.trigger.Flow
            when: "{{ labels contains 'source' }}"
          - id: always
            type: io.kestra.plugin.core.trigger.Flow
            when: true
          - id: upstream
            type: io.kestra.plugin.core.trigger.Flow
            dependsOn:
              - namespace: company.team
                flowId: orders
        """,
        [
            (
                "flow-trigger-unfiltered",
                line,
                11,
                line,
                45,
                f"Flow trigger '{name}' has neither conditions nor preconditions: {EVERY_EXECUTION}; add preconditions",
            )
            for line, name in ((9, "any"), (11, "labelled"), (14, "always"), (17, "upstream"))
        ],
        [
            (
                "flow-trigger-unfiltered",
                line,
                11,
                line,
                45,
                f"Flow trigger '{name}' has neither dependsOn nor a when condition: {EVERY_EXECUTION}; add dependsOn",
            )
            for line, name in ((9, "any"), (14, "always"))
        ],
        id="flow-trigger-unfiltered",
    ),
    # FlowService.warnings ("cannot use the 'workerSelector' property", 2.0 FlowServiceTest
    # .shouldReturnValidationForRunnablePropsOnFlowable) and WorkingDirectoryTaskValidator ("Cannot set routing
    # requirements (workerSelector) on WorkingDirectory sub-tasks", 2.0 WorkingDirectoryTest); 1.x: workerGroup
    pytest.param(
        """\
        id: build
        namespace: company.team
        tasks:
          - id: steps
            type: io.kestra.plugin.core.flow.Sequential
            workerGroup:
              key: gpu
            workerSelector:
              tags: [gpu]
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: hi
          - id: workdir
            type: io.kestra.plugin.core.flow.WorkingDirectory
            tasks:
              - id: write
                type: io.kestra.plugin.core.log.Log
                message: writing
                workerGroup:
                  key: gpu
                workerSelector:
                  tags: [gpu]
        """,
        [
            (
                "non-runnable-property",
                6,
                5,
                6,
                16,
                "task 'steps' cannot use 'workerGroup': it only applies to runnable tasks, and "
                "io.kestra.plugin.core.flow.Sequential is flowable",
            ),
            (
                "working-directory-child",
                20,
                9,
                20,
                20,
                "task 'write' cannot set a workerGroup inside WorkingDirectory 'workdir': "
                "set it on the WorkingDirectory",
            ),
        ],
        [
            (
                "non-runnable-property",
                8,
                5,
                8,
                19,
                "task 'steps' cannot use 'workerSelector': it only applies to runnable tasks, and "
                "io.kestra.plugin.core.flow.Sequential is flowable",
            ),
            (
                "working-directory-child",
                22,
                9,
                22,
                23,
                "task 'write' cannot set routing requirements (workerSelector) inside WorkingDirectory 'workdir': "
                "only the WorkingDirectory itself can carry them",
            ),
        ],
        id="worker-routing",
    ),
    # Extension.getFunctions: 2.0 no longer registers currentEachOutput, parentOutput, iterationOutput; neither
    # version has json (Kestra 1.1 removed it)
    pytest.param(
        """\
        id: hello
        namespace: company.team
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: "{{ currentEachOutput(outputs) }}{{ parentOutput() }}{{ iterationOutput() }}{{ json('{}') }}"
        """,
        [("removed-builtin", 6, 93, 6, 97, "the function 'json' was removed in Kestra 1.1; use 'fromJson'")],
        [
            (
                "removed-builtin",
                6,
                18,
                6,
                35,
                "the function 'currentEachOutput' was removed in Kestra 2.0; inside a Loop, outputs.<task> is the "
                "current iteration's",
            ),
            (
                "removed-builtin",
                6,
                50,
                6,
                62,
                "the function 'parentOutput' was removed in Kestra 2.0; inside a Loop, outputs.<task> is the current "
                "iteration's",
            ),
            (
                "removed-builtin",
                6,
                70,
                6,
                85,
                "the function 'iterationOutput' was removed in Kestra 2.0; read a Loop's iterations after it, through "
                "its outputs and loopOutputs()",
            ),
            ("removed-builtin", 6, 93, 6, 97, "the function 'json' was removed in Kestra 1.1; use 'fromJson'"),
        ],
        id="removed-builtin",
    ),
    # 2.0 drops the @Plugin aliases of Dag, Switch, Subflow, WorkingDirectory and Schedule: Kestra refuses the old
    # names, so DagTaskValidator, SwitchTaskValidator, FlowValidator (recursion), WorkingDirectoryTaskValidator,
    # ScheduleValidator and TimezoneIdValidator never see them
    pytest.param(
        """\
        id: orders
        namespace: company.team
        tasks:
          - id: dag
            type: io.kestra.core.tasks.flows.Dag
            tasks:
              - task:
                  id: load
                  type: io.kestra.plugin.core.log.Log
                  message: load
                dependsOn: [extract]
          - id: switch
            type: io.kestra.core.tasks.flows.Switch
            value: a
          - id: again
            type: io.kestra.core.tasks.flows.Subflow
            namespace: company.team
            flowId: orders
          - id: workdir
            type: io.kestra.core.tasks.flows.Worker
            tasks:
              - id: wait
                type: io.kestra.plugin.core.flow.Pause
        triggers:
          - id: schedule
            type: io.kestra.core.models.triggers.types.Schedule
            cron: "0 24 * * *"
            timezone: Europe/Pariss
        """,
        [
            (
                "deprecated-type",
                5,
                11,
                5,
                41,
                "'io.kestra.core.tasks.flows.Dag' is a deprecated alias; use 'io.kestra.plugin.core.flow.Dag'",
            ),
            (
                "dag-dependency",
                11,
                21,
                11,
                28,
                "unknown task id in dependency of task 'load': 'extract' is not a task of Dag 'dag'",
            ),
            (
                "deprecated-type",
                13,
                11,
                13,
                44,
                "'io.kestra.core.tasks.flows.Switch' is a deprecated alias; use 'io.kestra.plugin.core.flow.Switch'",
            ),
            (
                "empty-branch",
                13,
                11,
                13,
                44,
                "Switch 'switch' has no task to run: neither cases nor defaults have any tasks",
            ),
            (
                "deprecated-type",
                16,
                11,
                16,
                45,
                "'io.kestra.core.tasks.flows.Subflow' is a deprecated alias; use 'io.kestra.plugin.core.flow.Subflow'",
            ),
            (
                "recursive-subflow",
                18,
                13,
                18,
                19,
                "recursive call to flow [company.team.orders]: task 'again' runs the flow it belongs to",
            ),
            (
                "deprecated-type",
                20,
                11,
                20,
                44,
                "'io.kestra.core.tasks.flows.Worker' is a deprecated alias; use "
                "'io.kestra.plugin.core.flow.WorkingDirectory'",
            ),
            (
                "working-directory-child",
                23,
                15,
                23,
                47,
                "only runnable tasks are allowed in WorkingDirectory 'workdir': task 'wait' "
                "(io.kestra.plugin.core.flow.Pause) is a flowable task",
            ),
            (
                "deprecated-type",
                26,
                11,
                26,
                56,
                "'io.kestra.core.models.triggers.types.Schedule' is a deprecated alias; use "
                "'io.kestra.plugin.core.trigger.Schedule'",
            ),
            (
                "invalid-cron",
                27,
                11,
                27,
                23,
                "invalid cron expression '0 24 * * *': invalid hour field '24' (values 0-23)",
            ),
            (
                "invalid-timezone",
                28,
                15,
                28,
                28,
                "timezone 'Europe/Pariss' is not a valid time-zone ID — did you mean 'Europe/Paris'?",
            ),
        ],
        [
            ("unknown-type", 5, 11, 5, 41, f"unknown task type 'io.kestra.core.tasks.flows.Dag' {TASK_SHARED}"),
            ("unknown-type", 13, 11, 13, 44, f"unknown task type 'io.kestra.core.tasks.flows.Switch' {TASK_SHARED}"),
            ("unknown-type", 16, 11, 16, 45, f"unknown task type 'io.kestra.core.tasks.flows.Subflow' {TASK_SHARED}"),
            ("unknown-type", 20, 11, 20, 44, f"unknown task type 'io.kestra.core.tasks.flows.Worker' {TASK_SHARED}"),
            (
                "unknown-type",
                26,
                11,
                26,
                56,
                "unknown trigger type 'io.kestra.core.models.triggers.types.Schedule' (not in the loaded schema: "
                "only the properties every trigger shares are checked)",
            ),
        ],
        id="old-type-names",
    ),
    # 2.0 removes ForEachItem (Subflow is its only ExecutableTask, FlowValidator's recursion check) and every
    # condition (ExecutionLabels's NoSystemLabelValidation); 1.x FlowValidationTest and NoSystemLabelValidationTest
    pytest.param(
        """\
        id: orders
        namespace: company.team
        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEachItem
            items: "{{ inputs.file }}"
            namespace: company.team
            flowId: orders
            labels:
              system.correlationId: x
          - id: each_items
            type: io.kestra.plugin.core.log.Log
            message: clash
        triggers:
          - id: daily
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "0 8 * * *"
            conditions:
              - type: io.kestra.plugin.core.condition.ExecutionLabels
                labels:
                  system.readOnly: "true"
        """,
        [
            ("unknown-input", 6, 23, 6, 27, "no input 'file' in this flow"),
            (
                "recursive-subflow",
                8,
                13,
                8,
                19,
                "recursive call to flow [company.team.orders]: task 'each' runs the flow it belongs to",
            ),
            (
                "system-label",
                10,
                7,
                10,
                27,
                "label 'system.correlationId=x': system labels can only be set by Kestra itself (not even "
                "'system.readOnly' on task 'each')",
            ),
            (
                "duplicate-id",
                11,
                9,
                11,
                19,
                "duplicate task id 'each_items': the ForEachItem 'each' on line 4 creates a task with this id",
            ),
            (
                "system-label",
                21,
                11,
                21,
                26,
                "label 'system.readOnly=true': system labels can only be set by Kestra itself (not even "
                "'system.readOnly' on condition io.kestra.plugin.core.condition.ExecutionLabels)",
            ),
        ],
        [
            ("unknown-type", 5, 11, 5, 49, f"unknown task type 'io.kestra.plugin.core.flow.ForEachItem' {TASK_SHARED}"),
            ("unknown-input", 6, 23, 6, 27, "no input 'file' in this flow"),
        ],
        id="removed-classes",
    ),
    # The same order checks in both: 1.x RandomRetryValidator, 2.0 Random's @AssertTrue methods
    # (RandomRetryValidationTest.shouldNotValidateWhenIntervalsExceedMaxDuration: two violations in 2.0)
    pytest.param(
        """\
        id: sync
        namespace: company.team
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: hi
            retry:
              type: random
              maxAttempts: 3
              maxDuration: PT1S
              minInterval: PT2S
              maxInterval: PT3S
        """,
        [
            (
                "retry-interval",
                11,
                20,
                11,
                24,
                "'minInterval' must be less than 'maxDuration' in a random retry, but PT2S >= PT1S",
            ),
            (
                "retry-interval",
                12,
                20,
                12,
                24,
                "'maxInterval' must be less than 'maxDuration' in a random retry, but PT3S >= PT1S",
            ),
        ],
        [
            (
                "retry-interval",
                11,
                20,
                11,
                24,
                "'minInterval' must be less than 'maxDuration' in a random retry, but PT2S >= PT1S",
            ),
            (
                "retry-interval",
                12,
                20,
                12,
                24,
                "'maxInterval' must be less than 'maxDuration' in a random retry, but PT3S >= PT1S",
            ),
        ],
        id="retry-interval",
    ),
]


@pytest.fixture(scope="module")
def linters(validator, validator_2) -> dict[int, Linter]:
    return {1: Linter(validator), 2: Linter(validator_2)}


def _findings(linter: Linter, text: str, workspace: WorkspaceIndex | None = None) -> list[tuple]:
    return [f for f in brief(linter.lint_text(textwrap.dedent(text), workspace).findings) if f[0] != "schema"]


@pytest.mark.parametrize(("text", "in_1_x", "in_2_0"), CASES)
def test_the_version_decides(linters, text, in_1_x, in_2_0):
    assert _findings(linters[1], text) == in_1_x
    assert _findings(linters[2], text) == in_2_0


CHILD_WITH_A_FORM = """\
id: child
namespace: company.team
inputs:
  - id: env
    type: FORM
    inputs:
      - id: region
        type: STRING
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{ inputs.env.region }}"
"""


def test_subflow_inputs_of_a_form_are_given_by_path(linters):
    # 2.0 FlowInputOutput reads each of Flow.resolvableInputs() by its id, `env.region` for a FORM's input; the
    # workspace does not know a FORM's inputs, so they are not checked
    workspace = WorkspaceIndex()
    workspace.update("child.yaml", CHILD_WITH_A_FORM)
    parent = """\
    id: parent
    namespace: company.team
    tasks:
      - id: call
        type: io.kestra.plugin.core.flow.Subflow
        namespace: company.team
        flowId: child
        inputs:
          env.region: eu
          regoin: eu
    """
    unknown = ("subflow-input", 10, 7, 10, 13, "flow 'child' declares no input 'regoin' (it has: env)")
    assert _findings(linters[1], parent, workspace) == [
        ("subflow-input", 8, 5, 8, 11, "missing required input 'env' of flow 'child'"),
        ("subflow-input", 9, 7, 9, 17, "flow 'child' declares no input 'env.region' (it has: env)"),
        unknown,
    ]
    assert _findings(linters[2], parent, workspace) == [unknown]
