"""Where schemas come from: the bundled core schema, a file, or a Kestra instance's URL.

The network is used only for a URL the user gave, and a downloaded schema is cached so that
linting stays offline afterwards.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from flowls.schema.index import SchemaIndex, SchemaShapeError, index_schema
from flowls.version import DEFAULT_VERSION, KestraVersion, detect_version

FLOW_SCHEMA_ENDPOINT = "/api/v1/plugins/schemas/flow"
_PACKAGE = Path(__file__).resolve().parent.parent


class SchemaLoadError(Exception):
    """A schema that cannot be read; the message says why and where."""


def bundled_schema_path(version: KestraVersion = DEFAULT_VERSION) -> Path:
    # Installed wheels carry it inside the package; a source checkout keeps it at the top.
    name = version.schema_file
    for candidate in (_PACKAGE / "schemas" / name, _PACKAGE.parent / "schemas" / name):
        if candidate.is_file():
            return candidate
    raise SchemaLoadError(f"the bundled schema {name} is missing from this installation")


def load_index(
    source: str | None = None,
    *,
    version: KestraVersion | None = None,
    token: str | None = None,
    cache_dir: Path | None = None,
) -> SchemaIndex:
    """The schema index for ``source``: None for the bundled schema of ``version``, else a path or
    a URL. The index's ``version`` is ``version`` when given, else the one an instance's schema
    shows, else the default."""
    if source is None:
        chosen = version or DEFAULT_VERSION
        index = _index(_read_json(bundled_schema_path(chosen)), source=f"bundled {chosen} schema", complete=False)
    else:
        if is_url(source):
            cached = cache_path(source, cache_dir)
            if not cached.is_file():
                pull_schema(source, token=token, cache_dir=cache_dir)
            index = _index(_read_json(cached), source=source, complete=True)
        else:
            index = _index(_read_json(Path(source)), source=source, complete=True)
        chosen = version or detect_version(index.plugin_types) or DEFAULT_VERSION
    index.version = chosen
    return index


def pull_schema(url: str, *, token: str | None = None, cache_dir: Path | None = None, timeout: float = 30) -> Path:
    """Download an instance's flow schema into the cache and return the cached file."""
    import urllib.error  # only here: most runs never touch the network, and the import is slow
    import urllib.request

    request = urllib.request.Request(flow_schema_url(url), headers={"Accept": "application/json"})
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
    except urllib.error.HTTPError as error:
        raise SchemaLoadError(f"{flow_schema_url(url)}: HTTP {error.code} {error.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise SchemaLoadError(f"{flow_schema_url(url)}: cannot connect ({reason})") from None
    try:
        schema = json.loads(body)
    except ValueError as error:
        raise SchemaLoadError(f"{flow_schema_url(url)}: the response is not JSON ({error})") from None
    _index(schema, source=url, complete=True)  # refuse to cache what we could not use
    target = cache_path(url, cache_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(".tmp")
    temporary.write_bytes(body)
    temporary.replace(target)
    return target


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def flow_schema_url(url: str) -> str:
    """An instance's base URL, or the schema endpoint itself, to the endpoint."""
    url = url.rstrip("/")
    return url if url.endswith(FLOW_SCHEMA_ENDPOINT) else url + FLOW_SCHEMA_ENDPOINT


def cache_path(url: str, cache_dir: Path | None = None) -> Path:
    digest = hashlib.sha256(flow_schema_url(url).encode()).hexdigest()[:24]
    return (cache_dir or default_cache_dir()) / "schemas" / f"{digest}.json"


def default_cache_dir() -> Path:
    if os.environ.get("FLOWLS_CACHE_DIR"):
        return Path(os.environ["FLOWLS_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "flowls"


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SchemaLoadError(f"{path}: {error.strerror or error}") from None
    except ValueError as error:
        raise SchemaLoadError(f"{path}: not valid JSON ({error})") from None


def _index(schema: Any, *, source: str, complete: bool) -> SchemaIndex:
    try:
        return index_schema(schema, complete=complete)
    except SchemaShapeError as error:
        raise SchemaLoadError(f"{source}: {error}") from None
