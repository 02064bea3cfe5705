"""Lint many files, in parallel when there are enough of them to pay for the workers."""

from __future__ import annotations

import codecs
import difflib
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from flowls.analysis import Linter
from flowls.cli.files import looks_like_flow
from flowls.cli.progress import Progress
from flowls.config import PathIgnores
from flowls.findings import Finding
from flowls.fixes import apply_fixes
from flowls.workspace import WorkspaceIndex

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 8
STDIN = "-"


@dataclass(frozen=True)
class Job:
    """How to treat the files of one run: what to skip, what to silence, whether to fix."""

    flows_only: bool
    ignores: PathIgnores
    fix: str | None  # None, "write" (apply safe fixes in place) or "diff" (show them)
    workspace: WorkspaceIndex | None = None  # the linted flows, when some call subflows
    migrated: Linter | None = None  # the target version's linter, for files --fix migrated to it


@dataclass(frozen=True)
class FileResult:
    path: str
    findings: list[Finding] | None  # None: skipped (not a flow) or failed
    error: str | None = None  # why the file could not be checked
    fixed: int = 0  # fixes applied (or, with "diff", that would be)
    diff: str = ""


MIGRATION_RULE = "migrate-to-2"
_worker: tuple[Linter, Job] | None = None


def lint_files(
    linter: Linter, files: list[tuple[Path, bool]], job: Job, jobs: int, progress: Progress | None = None
) -> list[FileResult]:
    """Results in the order of ``files``; ``files`` pairs each path with whether it was named."""
    jobs = min(jobs, len(files))
    if jobs <= 1 or len(files) < PARALLEL_THRESHOLD or any(str(p) == STDIN for p, _ in files):
        return [_counted(_lint_one(linter, job, path, explicit), progress) for path, explicit in files]
    global _worker
    _worker = (linter, job)  # forked workers inherit it; spawned ones get it through initargs
    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=(linter, job)) as pool:
        chunks = max(1, len(files) // (jobs * 4))
        return [_counted(result, progress) for result in pool.map(_lint_in_worker, files, chunksize=chunks)]


def _counted(result: FileResult, progress: Progress | None) -> FileResult:
    if progress is not None:
        progress.advance()
    return result


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _init_worker(linter: Linter, job: Job) -> None:
    global _worker
    _worker = (linter, job)


def _lint_in_worker(item: tuple[Path, bool]) -> FileResult:
    assert _worker is not None
    return _lint_one(*_worker, *item)


def _lint_one(linter: Linter, job: Job, path: Path, explicit: bool) -> FileResult:
    try:
        data = sys.stdin.buffer.read() if str(path) == STDIN else path.read_bytes()
    except OSError as error:
        return FileResult(str(path), None, f"{path}: cannot read ({error.strerror or error})")
    if (not explicit or job.flows_only) and not looks_like_flow(data.decode("utf-8", "replace")):
        return FileResult(str(path), None)
    try:
        return _check(linter, job, path, data)
    except Exception as error:  # a bug of ours must not stop the other files
        return FileResult(
            str(path), None, f"{path}: internal error ({type(error).__name__}: {error}); please report it"
        )


def _check(linter: Linter, job: Job, path: Path, data: bytes) -> FileResult:
    ignored = job.ignores.rules_for(path) if str(path) != STDIN else frozenset()
    analysis = linter.lint_bytes(data, job.workspace)
    findings = [f for f in analysis.findings if f.rule not in ignored]
    if job.fix is None or not any(f.fix for f in findings):
        return FileResult(str(path), findings)
    fixed_text, applied = apply_fixes(analysis.index, findings)
    if not applied:
        return FileResult(str(path), findings)
    if job.fix == "diff":
        diff = "".join(
            difflib.unified_diff(
                analysis.text.splitlines(keepends=True),
                fixed_text.splitlines(keepends=True),
                f"a/{path}",
                f"b/{path}",
            )
        )
        return FileResult(str(path), findings, fixed=applied, diff=diff)
    path.write_bytes(_encode_like(data, fixed_text))
    if job.migrated is not None and any(f.rule == MIGRATION_RULE and f.fix for f in findings):
        linter = job.migrated  # the file is now written for the target version
    remaining = [f for f in linter.lint_text(fixed_text, job.workspace).findings if f.rule not in ignored]
    return FileResult(str(path), remaining, fixed=applied)


def _encode_like(original: bytes, text: str) -> bytes:
    """The fixed text in the file's own encoding, keeping its byte order mark."""
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if original.startswith(bom):
            return bom + text.encode(codec)
    prefix = codecs.BOM_UTF8 if original.startswith(codecs.BOM_UTF8) else b""
    return prefix + text.encode("utf-8")


SUBFLOW_MARKERS = ("flow.Subflow", "flows.Flow", "ForEachItem")


def workspace_of(files: list[tuple[Path, bool]]) -> WorkspaceIndex | None:
    """The flows among ``files``, when any of them calls a subflow (else no index is built)."""
    texts = {}
    for path, _ in files:
        if str(path) == STDIN:
            continue
        try:
            texts[str(path)] = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
    if not any(marker in text for text in texts.values() for marker in SUBFLOW_MARKERS):
        return None
    index = WorkspaceIndex()
    for path, text in texts.items():
        index.update(path, text)
    return index
