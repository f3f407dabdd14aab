"""A value as it leaves in an exported file: CSV-safe text, decimal comma, JSON null for n/a."""
from __future__ import annotations

import datetime as dt
import math
from typing import Any

from ..aturan.pembulatan import bulat

__all__ = ["aman_csv", "angka_csv", "json_nilai", "bersih", "teks_biasa"]

BAHAYA = ("=", "+", "-", "@", "\t", "\r")
"""Leading characters a spreadsheet would run as a formula (CSV injection)."""


def aman_csv(x: Any) -> Any:
    """Neutralise text that a spreadsheet would run as a formula (CSV injection); numbers pass."""
    if isinstance(x, str) and x.startswith(BAHAYA):
        return "'" + x
    return x


def teks_biasa(x: Any) -> str:
    """Any cell value as plain text: dates as ISO dates, numbers as Python writes them, None as ''."""
    if x is None:
        return ""
    if isinstance(x, (dt.datetime, dt.date, dt.time)):
        return x.isoformat(sep=" ") if isinstance(x, dt.datetime) else x.isoformat()
    return str(x)


def angka_csv(x: Any, desimal: int | None = None) -> Any:
    """A cell as the sheet shows it, for a CSV Indonesian Excel reads back: decimal comma, no grouping.

    Numbers: ``desimal`` fixed places rounded half-up (the sheet's ``#,##0.00``), or else the
    sheet's general format (whole numbers from 1.000, up to 10 significant digits below). Text
    passes through the injection guard; NaN is ``n/a``; dates and other types become text.
    """
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return aman_csv(teks_biasa(x))
    if math.isnan(x) or math.isinf(x):
        return "n/a"
    if desimal is not None:
        return f"{bulat(x, desimal):.{desimal}f}".replace(".", ",")
    if abs(x) >= 1e15 or 0 < abs(x) < 1e-9:          # beyond what a cell shows digit by digit: Excel's 1,5E+20
        return f"{x:.6G}".replace(".", ",")
    if isinstance(x, int) or abs(x) >= 1000:
        return f"{bulat(x, 0):.0f}"
    return f"{x:.10g}".replace(".", ",")


def json_nilai(x: Any) -> Any:
    """A value for JSON: NaN, n/a and #-messages as null, dates as ISO text, other types as text; floats to 12
    significant digits (binary noise dropped: 4.79, 114.583333333)."""
    if isinstance(x, float) and (math.isnan(x) or math.isinf(x)):
        return None
    if isinstance(x, float):
        return float(f"{x:.12g}")
    if isinstance(x, str) and (x == "n/a" or x.startswith("#")):
        return None
    if x is None or isinstance(x, (bool, int, float, str)):
        return x
    return teks_biasa(x)


def bersih(x: Any) -> Any:
    """NaN as None (for JSON and xlsx cells)."""
    return None if isinstance(x, float) and math.isnan(x) else x
