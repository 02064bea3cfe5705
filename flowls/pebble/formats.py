"""Kestra's serialising and formatting filters and functions (numberFormat, className, yaml, toIon,
fromIon)."""

from __future__ import annotations

from collections.abc import Callable

FILTERS: dict[str, Callable] = {}
FUNCTIONS: dict[str, Callable] = {}
