"""Kestra's date filters (date, dateAdd, timestamp*) and the now() function."""

from __future__ import annotations

from collections.abc import Callable

FILTERS: dict[str, Callable] = {}
FUNCTIONS: dict[str, Callable] = {}
