"""Rounding as the report rounds: half-up on paper (Python's round() is half-even)."""
from __future__ import annotations

import math
from decimal import ROUND_DOWN, ROUND_HALF_UP, Context, Decimal

__all__ = ["bulat", "potong", "tanpa_derau"]


def _kuantum(x: float, desimal: int, cara: str) -> float:
    if math.isnan(x) or math.isinf(x) or desimal > 20:          # beyond a float's digits rounding changes nothing
        return x
    if desimal < -400:
        return 0.0
    # 15 significant digits first: 82/80*100 is 102.49999999999999 in binary but 102,5 on paper.
    konteks = Context(prec=abs(desimal) + 330)     # enough digits for any float (1e308) at any number of decimals
    return float(Decimal(format(float(x), ".15g")).quantize(Decimal(1).scaleb(-desimal), rounding=cara, context=konteks))


def bulat(x: float, desimal: int) -> float:
    """Round half-up: ``bulat(89.5, 0) == 90``, ``bulat(102.5, 0) == 103`` (Tabel 3.1)."""
    return _kuantum(x, desimal, ROUND_HALF_UP)


def potong(x: float, desimal: int) -> float:
    """Truncate toward zero: ``potong(79.1667, 2) == 79.16`` (IKU 3.3, l.2577)."""
    return _kuantum(x, desimal, ROUND_DOWN)


def tanpa_derau(x: float) -> float:
    """Binary noise rounded away at 12 significant digits: ``4.789999999999992 -> 4.79`` (exact decimals stay)."""
    return float(f"{x:.12g}") if math.isfinite(x) else x
