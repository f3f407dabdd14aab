"""Reconciliation: published numbers against the numbers the rules give (RUMUS section 8).

For every published number the dataset can recompute: published, recomputed, difference and a
class. ``sesuai``: the recomputed value rounded (half-up) to the published precision is the
published value. ``pembulatan``: off by less than one unit of the published precision
(truncation, or rounding of a rounded intermediate). ``selisih``: a real discrepancy. The list
shown to staff holds the last two; matches are only counted.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable, Mapping

from .pembulatan import bulat

__all__ = ["BarisRekonsiliasi", "kelas_selisih", "bandingkan", "SESUAI", "PEMBULATAN", "SELISIH"]

SESUAI, PEMBULATAN, SELISIH = "sesuai", "pembulatan", "selisih"


@dataclass(frozen=True)
class BarisRekonsiliasi:
    """One published number checked: where, what it claims, and how it compares."""

    lokasi: str
    baris: int | None
    kunci: str
    terbit_teks: str
    terbit: float
    hitung: float
    kelas: str
    catatan: str = ""

    @property
    def selisih(self) -> float:
        """Published minus recomputed."""
        return self.terbit - self.hitung


def kelas_selisih(terbit: float, hitung: float, desimal: int) -> str:
    """``sesuai`` / ``pembulatan`` / ``selisih`` of a published value at ``desimal`` places."""
    if math.isclose(bulat(hitung, desimal), terbit, rel_tol=0, abs_tol=1e-9):
        return SESUAI
    if abs(terbit - hitung) < 10.0 ** (-desimal) - 1e-12:
        return PEMBULATAN
    return SELISIH


def _cocok_lain(kunci: str, terbit: float, desimal: int, hitungan: Mapping[str, float]) -> str:
    """A note when a wrong published value equals another quantity of the same kind (99,54 = 2023)."""
    besaran = kunci.split(":")[0]
    for k, v in hitungan.items():
        if k != kunci and k.split(":")[0] == besaran and not math.isnan(v) and \
                math.isclose(bulat(v, desimal), terbit, abs_tol=1e-9):
            return f"sama dengan nilai '{k}'"
    return ""


def bandingkan(lokasi: str, baris: int | None, kunci: str, *, teks: str, terbit: float, desimal: int, hitung: float,
               hitungan: Mapping[str, float] | None = None, catatan: str = "") -> BarisRekonsiliasi:
    """Compare one published number (``terbit``, printed as ``teks`` with ``desimal`` places) with its recomputed value.

    A ``selisih`` that equals another recomputed quantity of the same kind says so in its note
    (99,54 = the 2023 penyerapan).
    """
    d = desimal
    kelas = kelas_selisih(terbit, hitung, d)
    if kelas == SELISIH and hitungan:
        lain = _cocok_lain(kunci, terbit, d, hitungan)
        catatan = "; ".join(x for x in (catatan, lain) if x)
    return BarisRekonsiliasi(lokasi, baris, kunci, teks, terbit, hitung, kelas, catatan)


def urutkan(baris: Iterable[BarisRekonsiliasi]) -> list[BarisRekonsiliasi]:
    """Order by line of the report, then location."""
    return sorted(baris, key=lambda b: (b.baris if b.baris is not None else 10**9, b.lokasi))
