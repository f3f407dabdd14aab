"""A number the report printed, parsed from its text and checked against its recomputation (RUMUS 8)."""
from __future__ import annotations

import math
from typing import Any, Mapping

from ..aturan.rekonsiliasi import BarisRekonsiliasi, bandingkan
from ..data.notasi import NotasiError, baca_nilai

__all__ = ["bandingkan_teks"]


def bandingkan_teks(lokasi: str, baris: int | None, kunci: str, teks: Any, hitung: float,
                    hitungan: Mapping[str, float] | None = None, catatan: str = "") -> BarisRekonsiliasi | None:
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
    return bandingkan(lokasi, baris, kunci, teks, n.tunggal(), hitung, hitungan, catatan)
