"""Indeks Tata Kelola (IKU 4.1, l.2709-2757) and the SAKIP evaluation score (Tabel 4.4, l.3185-3213).

Indeks Tata Kelola = sub 1 (SAKIP, weight 30) + sub 2 (Reformasi Birokrasi, weight 50) + sub 3
(Kualitas Pelaksanaan Anggaran x 20 %), a score 0-100 converted to the 1-4 scale either linearly
(2024: 99,21 -> 3,97) or by category (2023: 4). All three are weighted ratios, so they are the
generic :func:`kinerja.kalkulator.komposit`.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from .agregasi import teks_pengaturan
from .kalkulator import KalkulatorError, indeks_kategori, indeks_skala4, komposit

__all__ = [
    "BOBOT_KPA", "SKALA_TATA_KELOLA", "sub_sakip", "sub_reformasi_birokrasi", "kualitas_pelaksanaan_anggaran",
    "sub_kpa", "skala_tata_kelola", "HasilTataKelola", "indeks_tata_kelola", "HasilSakip", "nilai_sakip",
]

BOBOT_KPA = (40.0, 20.0, 40.0)
"""Realisasi anggaran, capaian output, kesesuaian penarikan dana (the text writes x30 for the
third but computes x40, l.2748-2752; 40+20+40 = 100)."""
SKALA_TATA_KELOLA = ("linear", "kategori")


def sub_sakip(nilai: float, target: float, bobot: float = 30.0) -> float:
    """Sub-indicator 1: ``nilai_SAKIP / target_SAKIP * 30`` (83,47/85,5*30 = 29,29, l.2728-2732)."""
    return komposit([nilai], [target], [bobot])


def sub_reformasi_birokrasi(dilaksanakan: float, dirumuskan: float, bobot: float = 50.0) -> float:
    """Sub-indicator 2: ``renaksi_dilaksanakan / renaksi_dirumuskan * 50`` (4/4*50 = 50, l.2734-2738)."""
    if float(dilaksanakan) > float(dirumuskan):
        raise KalkulatorError("renaksi RB yang dilaksanakan melebihi yang dirumuskan")
    return komposit([dilaksanakan], [dirumuskan], [bobot])


def kualitas_pelaksanaan_anggaran(realisasi: Sequence[float], target: Sequence[float],
                                  bobot: Sequence[float] = BOBOT_KPA, desimal_rasio: int | None = None) -> float:
    """KPA 0-100: ``R_anggaran/T*40 + R_output/T*20 + R_penarikan/T*40`` (l.2740-2752).

    The report rounds each ratio to 2 decimals first (``desimal_rasio=2``): 99,6; unrounded 99,69.
    """
    return komposit(realisasi, target, bobot, desimal_rasio)


def sub_kpa(kpa: float, persen: float = 20.0) -> float:
    """Sub-indicator 3: ``KPA x 20 %`` (99,6 x 20 % = 19,92, l.2754)."""
    return float(kpa) * float(persen) / 100.0


def skala_tata_kelola(skor: float, cara: str = "linear") -> float:
    """0-100 score -> 1-4 index: ``linear`` ``skor/100*4`` or ``kategori`` 85/75/65 bands (the text trimmed, any case;
    empty = linear: rule R5)."""
    cara = teks_pengaturan(cara, "linear")
    if cara == "linear":
        return float(indeks_skala4(skor))
    if cara == "kategori":
        return float(indeks_kategori(skor))
    raise KalkulatorError(f"cara konversi skala '{cara}' tidak dikenal (pilih linear atau kategori)")


@dataclass(frozen=True)
class HasilTataKelola:
    """Every intermediate of IKU 4.1, so a sheet can show (and a test can check) each step."""

    sub_sakip: float
    sub_rb: float
    kpa: float
    sub_kpa: float
    skor: float
    indeks: float
    cara: str


def indeks_tata_kelola(
    nilai_sakip: float, target_sakip: float, renaksi_dilaksanakan: float, renaksi_dirumuskan: float,
    kpa_realisasi: Sequence[float], kpa_target: Sequence[float], *, cara: str = "linear",
    desimal_rasio_kpa: int | None = None, kpa_bobot: Sequence[float] = BOBOT_KPA,
) -> HasilTataKelola:
    """Indeks Tata Kelola: the three sub-indicators summed, then scaled to 1-4 (l.2709-2757)."""
    s1 = sub_sakip(nilai_sakip, target_sakip)
    s2 = sub_reformasi_birokrasi(renaksi_dilaksanakan, renaksi_dirumuskan)
    kpa = kualitas_pelaksanaan_anggaran(kpa_realisasi, kpa_target, kpa_bobot, desimal_rasio=desimal_rasio_kpa)
    s3 = sub_kpa(kpa)
    skor = s1 + s2 + s3
    return HasilTataKelola(s1, s2, kpa, s3, skor, skala_tata_kelola(skor, cara), cara)


@dataclass(frozen=True)
class HasilSakip:
    """SAKIP score with the score of each component."""

    total: float
    komponen: dict[str, float] = field(default_factory=dict)


def nilai_sakip(komponen: Mapping[str, Sequence[float]], bobot: Mapping[str, float]) -> HasilSakip:
    """SAKIP score = sum of components, each the sum of its sub-components (Tabel 4.4).

    The weight scheme is data (2023: 30/30/20/20; Tabel 4.1 prints 30/30/15/25): weights must
    sum to 100, every component must have a weight, and no component may exceed its weight.
    """
    jumlah_bobot = sum(float(b) for b in bobot.values())
    if not math.isclose(jumlah_bobot, 100.0, abs_tol=1e-9):
        raise KalkulatorError(f"bobot komponen SAKIP berjumlah {jumlah_bobot:g}, seharusnya 100")
    hasil: dict[str, float] = {}
    for nama, sub in komponen.items():
        if nama not in bobot:
            raise KalkulatorError(f"komponen SAKIP '{nama}' tidak memiliki bobot")
        nilai = float(sum(float(x) for x in sub))
        if nilai > float(bobot[nama]) + 1e-9:
            raise KalkulatorError(f"nilai komponen '{nama}' ({nilai:g}) melebihi bobotnya ({float(bobot[nama]):g})")
        hasil[nama] = nilai
    return HasilSakip(sum(hasil.values()), hasil)
