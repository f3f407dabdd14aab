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

__all__ = ["BarisRekonsiliasi", "IndeksHitungan", "kelas_selisih", "bandingkan", "SESUAI", "PEMBULATAN", "SELISIH"]

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


def _identitas(kunci: str) -> tuple[str, ...]:
    """A key without its year parts: ``capaian:1.2:2020`` and ``capaian:1.2`` are the same IKU's capaian."""
    return tuple(b for b in kunci.split(":") if not (len(b) == 4 and b.isdigit() and 2000 <= int(b) <= 2100))


class IndeksHitungan:
    """Recomputed quantities grouped by kind and identity without the year: the plausible candidates of the
    'equals another value' hint (the same IKU's or total's other years), built once, looked up per published number."""

    def __init__(self, hitungan: Mapping[str, float]) -> None:
        self.hitungan = hitungan
        self.kelompok: dict[tuple[str, ...], list[str]] = {}
        for k in hitungan:
            self.kelompok.setdefault(_identitas(k), []).append(k)

    def kandidat(self, kunci: str) -> list[str]:
        """Keys of the same quantity in other years (never ``kunci`` itself)."""
        return [k for k in self.kelompok.get(_identitas(kunci), ()) if k != kunci]


def _cocok_lain(kunci: str, terbit: float, desimal: int, indeks: IndeksHitungan) -> str:
    """A note when a wrong published value equals the same quantity of another year (99,54 = 2023)."""
    for k in indeks.kandidat(kunci):
        v = indeks.hitungan[k]
        if not math.isnan(v) and math.isclose(bulat(v, desimal), terbit, abs_tol=1e-9):
            return f"sama dengan nilai '{k}'"
    return ""


def bandingkan(lokasi: str, baris: int | None, kunci: str, *, teks: str, terbit: float, desimal: int, hitung: float,
               hitungan: Mapping[str, float] | IndeksHitungan | None = None, catatan: str = "") -> BarisRekonsiliasi:
    """Compare one published number (``terbit``, printed as ``teks`` with ``desimal`` places) with its recomputed value.

    A ``selisih`` that equals the same quantity of another year says so in its note (99,54 = the 2023
    penyerapan). Pass an :class:`IndeksHitungan` built once when comparing many numbers (linear in their count).
    """
    d = desimal
    kelas = kelas_selisih(terbit, hitung, d)
    if kelas == SELISIH and hitungan:
        indeks = hitungan if isinstance(hitungan, IndeksHitungan) else IndeksHitungan(hitungan)
        lain = _cocok_lain(kunci, terbit, d, indeks)
        catatan = "; ".join(x for x in (catatan, lain) if x)
    return BarisRekonsiliasi(lokasi, baris, kunci, teks, terbit, hitung, kelas, catatan)


def urutkan(baris: Iterable[BarisRekonsiliasi]) -> list[BarisRekonsiliasi]:
    """Order by line of the report, then location."""
    return sorted(baris, key=lambda b: (b.baris if b.baris is not None else 10**9, b.lokasi))
