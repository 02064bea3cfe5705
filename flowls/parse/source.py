"""Bytes to text, refusing what would make the parser crash or crawl.

Checks run before the YAML parser sees the text: libyaml's C composer recurses once per
nesting level and overflows the C stack on very deep input, so depth is bounded here.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024
DEFAULT_MAX_DEPTH = 256
_BINARY = "binary data: the file contains NUL bytes and is not YAML text"


@dataclass(frozen=True)
class Limits:
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    max_depth: int = DEFAULT_MAX_DEPTH
    # Nodes a document may hold once aliases are expanded (guards "billion laughs").
    max_expanded_nodes: int = 1_000_000


@dataclass(frozen=True)
class SourceProblem:
    """Why a text cannot be parsed; ``offset`` is in the (best-effort) decoded text."""

    kind: str  # "encoding" or "resource-limit"
    offset: int
    message: str


@dataclass(frozen=True)
class Source:
    text: str
    problem: SourceProblem | None = None


def decode(data: bytes, limits: Limits) -> Source:
    """Decode a file's bytes; the text is always usable for positions, even on a problem."""
    if len(data) > limits.max_file_size:
        return Source("", SourceProblem("resource-limit", 0, _too_large(len(data), limits.max_file_size)))
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            data, encoding = data[len(bom) :], codec
            break
    else:
        encoding = "utf-8"
    if encoding == "utf-8" and b"\x00" in data:  # UTF-16 text has NULs; binary data is found here
        text = data.decode(encoding, errors="replace")
        offset = len(data[: data.index(b"\x00")].decode(encoding, errors="replace"))
        return Source(text, SourceProblem("encoding", offset, _BINARY))
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        text = data.decode(encoding, errors="replace")
        prefix = data[: error.start].decode(encoding, errors="replace")
        byte = data[error.start]
        message = f"file is not valid {encoding.upper()}: byte 0x{byte:02X} cannot be decoded; save the file as UTF-8"
        return Source(text, SourceProblem("encoding", len(prefix), message))
    return check_text(text, limits)


def check_text(text: str, limits: Limits) -> Source:
    """Checks for text that arrives already decoded (an editor buffer)."""
    if len(text) > limits.max_file_size:
        return Source("", SourceProblem("resource-limit", 0, _too_large(len(text), limits.max_file_size)))
    text = text.removeprefix("\ufeff")
    nul = text.find("\x00")
    if nul >= 0:
        return Source(
            text, SourceProblem("encoding", nul, "binary data: the file contains NUL bytes and is not YAML text")
        )
    deep = _too_deep_at(text, limits.max_depth)
    if deep is not None:
        message = f"nesting deeper than {limits.max_depth} levels; flowlint does not parse it"
        return Source(text, SourceProblem("resource-limit", deep, message))
    return Source(text)


def _too_large(size: int, limit: int) -> str:
    return f"file is {_megabytes(size)}, over the {_megabytes(limit)} limit (max-file-size)"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{size} bytes"


def _too_deep_at(text: str, limit: int) -> int | None:
    """The offset of the first line whose nesting may exceed ``limit``, else None.

    An upper bound: a block collection opens at a column deeper than its parent's, so a
    stack of open indentation columns (counting each ``- `` or ``? `` indicator as one more)
    bounds block depth; flow depth is the running count of open brackets. Brackets inside
    strings count too, so the bound errs on the side of refusing, never of crashing.
    """
    if _shallow_for_sure(text, limit):
        return None
    columns: list[int] = []
    flow_depth = 0
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.lstrip(" ")
        column = len(line) - len(body)
        if body.strip() and not body.startswith("#"):
            while columns and columns[-1] >= column:
                columns.pop()
            columns.append(column)
            while body[:2] in ("- ", "? ") or body.rstrip("\r\n") in ("-", "?"):
                column += 2
                body = body[2:].lstrip(" ")
                columns.append(column)
        opens = line.count("[") + line.count("{")
        if len(columns) + flow_depth + opens > limit:
            return offset + (len(line) - len(line.lstrip(" ")))
        flow_depth = max(0, flow_depth + opens - line.count("]") - line.count("}"))
        offset += len(line)
    return None


def _shallow_for_sure(text: str, limit: int) -> bool:
    """A fast pass for ordinary files: with indentation under limit/4 columns, runs of
    ``- `` under limit/8 and fewer than limit/4 brackets, the bound above cannot exceed
    3/4 of ``limit``."""
    quarter = max(1, limit // 4)
    return (
        text.count("[") + text.count("{") < quarter
        and re.search(f"^ {{{quarter}}}", text, re.M) is None
        and re.search(f"(?:[-?] +){{{max(1, limit // 8)}}}", text) is None
    )
