"""A value as it leaves in an exported file: CSV-safe text, decimal comma, JSON null for n/a."""
from __future__ import annotations

import math
from typing import Any

from ..data.notasi import tulis_angka

__all__ = ["aman_csv", "angka_csv", "json_nilai", "bersih"]

BAHAYA = ("=", "+", "-", "@", "\t", "\r")
"""Leading characters a spreadsheet would run as a formula (CSV injection)."""


def aman_csv(x: Any) -> Any:
    """Neutralise text that a spreadsheet would run as a formula (CSV injection); numbers pass."""
    if isinstance(x, str) and x.startswith(BAHAYA):
        return "'" + x
    return x


def angka_csv(x: Any) -> Any:
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return aman_csv("" if x is None else x)
    if math.isnan(x):
        return "n/a"
    return tulis_angka(x).replace(".", "")        # decimal comma, no grouping: Indonesian Excel reads a number


def json_nilai(x: Any) -> Any:
    if isinstance(x, float) and math.isnan(x):
        return None
    if isinstance(x, str) and (x == "n/a" or x.startswith("#")):
        return None
    return x


def bersih(x: Any) -> Any:
    return None if isinstance(x, float) and math.isnan(x) else x

