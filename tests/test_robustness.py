"""No input makes the core raise: truncations and byte flips of real flows, seeded."""

from __future__ import annotations

import random

from flowls.analysis import Linter
from tests.conftest import CORPUS, REPO

SOURCES = [
    REPO / "examples" / "orders-pipeline.yaml",
    CORPUS / "kestra-tests" / "valids" / "all-flowable.yaml",
    CORPUS / "kestra-tests" / "valids" / "inputs.yaml",
]


def _variants(data: bytes, rng: random.Random):
    for cut in range(0, len(data), 23):
        yield data[:cut]
    for _ in range(150):
        mutated = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            position = rng.randrange(len(mutated))
            mutated[position] = rng.choice(b"\t\n\r\x00\xff{}[]:-'\"#&*!|>%@` abc")
        yield bytes(mutated)


def test_mutated_flows_never_raise(validator):
    linter = Linter(validator)
    rng = random.Random(20261125)
    checked = 0
    for source in SOURCES:
        for variant in _variants(source.read_bytes(), rng):
            analysis = linter.lint_bytes(variant)
            lines = analysis.index.line_count
            for finding in analysis.findings:
                assert finding.range.start <= finding.range.end
                assert finding.range.end.line < lines
            checked += 1
    assert checked > 500
