"""How a parsed target or realisasi feeds the capaian rule (RUMUS section 2), shared by the
report engine and the Excel functions so that a cell and ``kinerja laporan`` read text alike.
"""
from __future__ import annotations

import math

from ..data.notasi import Jenis, Nilai

__all__ = ["tafsir_target", "angka_realisasi"]


def tafsir_target(n: Nilai, polarisasi: str, bawah: float = math.nan, atas: float = math.nan) -> tuple[float, float, float]:
    """(target, batas_bawah, batas_atas) from a parsed target.

    A range target (``2,7 – 3``) is measured against its lower bound for maximize (IKU 1.5,
    l.1768-1775), its upper bound for minimize, and is the band for stabilize; explicit bounds
    win over the range. An index on a scale (``3 dari 4``) is its index. Empty / n/a -> NaN.
    """
    if n.jenis is Jenis.RENTANG:
        lo = n.bawah if math.isnan(bawah) else bawah
        hi = n.atas if math.isnan(atas) else atas
        t = {"maximize": n.bawah, "minimize": n.atas}.get(polarisasi, math.nan)
        return float(t), float(lo), float(hi)  # type: ignore[arg-type]
    return n.tunggal(), bawah, atas


def angka_realisasi(n: Nilai) -> float:
    """The realisasi number of a parsed cell; a range is refused (realisasi is one number)."""
    if n.jenis is Jenis.RENTANG:
        raise ValueError(f"teks '{n.teks}' berupa rentang; realisasi harus satu angka")
    return n.tunggal()
