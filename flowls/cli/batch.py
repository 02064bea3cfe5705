"""Lint many files, in parallel when there are enough of them to pay for the workers."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from flowls.analysis import Linter
from flowls.cli.files import looks_like_flow
from flowls.findings import Finding

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 8
STDIN = "-"


@dataclass(frozen=True)
class FileResult:
    path: str
    findings: list[Finding] | None  # None: skipped (not a flow) or failed
    error: str | None = None  # why the file could not be checked


_worker_linter: Linter | None = None


def lint_files(linter: Linter, files: list[tuple[Path, bool]], *, flows_only: bool, jobs: int) -> Iterable[FileResult]:
    """Results in the order of ``files``; ``files`` pairs each path with whether it was named."""
    jobs = min(jobs, len(files))
    if jobs <= 1 or len(files) < PARALLEL_THRESHOLD or any(str(p) == STDIN for p, _ in files):
        return [_lint_one(linter, path, explicit, flows_only) for path, explicit in files]
    global _worker_linter
    _worker_linter = linter  # forked workers inherit it; spawned ones get it pickled through initargs
    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=(linter,)) as pool:
        chunk = max(1, len(files) // (jobs * 4))
        return list(pool.map(_lint_in_worker, files, [flows_only] * len(files), chunksize=chunk))


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _init_worker(linter: Linter) -> None:
    global _worker_linter
    _worker_linter = linter


def _lint_in_worker(item: tuple[Path, bool], flows_only: bool) -> FileResult:
    assert _worker_linter is not None
    return _lint_one(_worker_linter, item[0], item[1], flows_only)


def _lint_one(linter: Linter, path: Path, explicit: bool, flows_only: bool) -> FileResult:
    try:
        data = sys.stdin.buffer.read() if str(path) == STDIN else path.read_bytes()
    except OSError as error:
        return FileResult(str(path), None, f"{path}: cannot read ({error.strerror or error})")
    if (not explicit or flows_only) and not looks_like_flow(data.decode("utf-8", "replace")):
        return FileResult(str(path), None)
    try:
        return FileResult(str(path), linter.lint_bytes(data).findings)
    except Exception as error:  # a bug of ours must not stop the other files
        return FileResult(
            str(path), None, f"{path}: internal error ({type(error).__name__}: {error}); please report it"
        )
