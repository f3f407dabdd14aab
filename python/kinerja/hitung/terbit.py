"""A number the report printed, parsed from its text and checked against its recomputation (RUMUS 8)."""
from __future__ import annotations

import math
import re
from typing import Any, Mapping

from ..aturan.rekonsiliasi import BarisRekonsiliasi, IndeksHitungan, bandingkan
from ..data.notasi import NotasiError, baca_nilai

__all__ = ["bandingkan_teks", "desimal_teks"]

_EN = re.compile(r"\d{1,3}(,\d{3}){2,}(\.\d+)?")


def desimal_teks(teks: object) -> int:
    """Number of decimals a published text shows (``114,67`` -> 2, ``10,028,079,164`` -> 0)."""
    if not isinstance(teks, str):
        r = repr(float(teks))
        return len(r.split(".")[1].rstrip("0")) if "." in r else 0
    m = _EN.search(teks)
    if m:
        return len(m.group(0).split(".")[1]) if "." in m.group(0) else 0
    m = re.search(r"\d[\d.]*(,(\d+))?", teks)
    return len(m.group(2)) if m and m.group(2) else 0


def bandingkan_teks(lokasi: str, baris: int | None, kunci: str, teks: Any, hitung: float,
                    hitungan: Mapping[str, float] | IndeksHitungan | None = None, catatan: str = "") -> BarisRekonsiliasi | None:
    """Compare a published text (``"99,23"``, or a number from a cell) with its recomputed value.

    None when either side is unavailable: the recomputation is n/a, or the text is empty or unreadable.
    """
    if hitung is None or math.isnan(hitung):
        return None
    try:
        n = baca_nilai(teks)
    except NotasiError:
        return None
    if not n.tersedia:
        return None
    return bandingkan(lokasi, baris, kunci, teks=str(teks), terbit=n.tunggal(), desimal=desimal_teks(teks), hitung=hitung,
                      hitungan=hitungan, catatan=catatan)
