"""Generic calculators that turn an IKU's raw inputs into its realisasi (RUMUS section 4).

Each is named for what it does, not for the IKU that happens to use it in 2024; the PK sheet
(the dataset) says which calculator an IKU uses and with which inputs. All raise
:class:`KalkulatorError` (a ``ValueError`` with a message in Bahasa Indonesia) on bad input.
"""
from __future__ import annotations

import math
from typing import Sequence

import numpy as np

from .pembulatan import bulat

__all__ = [
    "KalkulatorError", "MasukanKosong", "proyeksi_triwulan", "jumlah_dengan_proyeksi", "pertumbuhan", "komposit",
    "selisih_level", "rata_likert", "indeks_kategori", "indeks_skala4", "keberhasilan_ksp",
    "AMBANG_KATEGORI", "NILAI_TAHAP",
]

AMBANG_KATEGORI = (85.0, 75.0, 65.0)
"""Index 4/3/2 from these scores up, 1 below (l.1891-1896, 2703-2708; gaps closed as >=)."""
NILAI_TAHAP = 25.0
"""Each Tahap of the policy cycle is worth 25 %: Tahap 1..4 -> 25/50/75/100 (l.2024-2034)."""


class KalkulatorError(ValueError):
    """Inputs a calculator cannot use; the message names the problem for staff."""


class MasukanKosong(KalkulatorError):
    """A required input is empty (or n/a): the result is n/a, never 0 and never an error text (rule R1 of issue 15).

    The engine keeps the message as the IKU's alasan; a cell shows ``n/a`` (the validator's ``realisasi-kosong``
    finding says what to fill)."""


def _angka(nama: str, x: float) -> float:
    try:
        v = float(x)
    except (TypeError, ValueError):
        raise KalkulatorError(f"{nama} harus berupa angka, bukan '{x}'") from None
    if math.isnan(v):
        raise MasukanKosong(f"{nama} belum diisi")
    return v


def _daftar(nama: str, xs: Sequence[float]) -> np.ndarray:
    if isinstance(xs, (str, bytes)) or not hasattr(xs, "__len__"):
        raise KalkulatorError(f"{nama} harus berupa daftar angka")
    a = np.array([_angka(f"{nama} ke-{i + 1}", x) for i, x in enumerate(xs)], dtype=float)
    if a.size == 0:
        raise MasukanKosong(f"{nama} kosong")
    return a


def proyeksi_triwulan(triwulan_terakhir: float, pertumbuhan_tahunan: Sequence[float]) -> float:
    """Missing quarter from the last known one: ``X4 = X3 * (1 + mean(growth %)/100)`` (l.1013-1051)."""
    x3 = _angka("nilai triwulan terakhir", triwulan_terakhir)
    g = _daftar("pertumbuhan tahunan", pertumbuhan_tahunan)
    return x3 * (1.0 + g.mean() / 100.0)


def jumlah_dengan_proyeksi(kumulatif: float, triwulan_terakhir: float, pertumbuhan_tahunan: Sequence[float]) -> float:
    """Year total with the last quarter projected: ``Y = (X1+X2+X3) + X4`` (l.1022)."""
    return _angka("kumulatif triwulan berjalan", kumulatif) + proyeksi_triwulan(triwulan_terakhir, pertumbuhan_tahunan)


def pertumbuhan(sekarang: float, sebelumnya: float) -> float:
    """Growth rate in %: ``(W_n - W_(n-1)) / W_(n-1) * 100`` (l.1264-1276)."""
    a, b = _angka("nilai tahun n", sekarang), _angka("nilai tahun n-1", sebelumnya)
    if b == 0:
        raise KalkulatorError("nilai tahun n-1 bernilai 0: pertumbuhan tidak dapat dihitung")
    return (a - b) / b * 100.0


def komposit(realisasi: Sequence[float], target: Sequence[float], bobot: Sequence[float],
             desimal_rasio: int | None = None) -> float:
    """Weighted composite of ratios: ``sum(R_i/T_i * w_i)`` (IKU 1.3, l.1554-1574; KPA, l.2740-2750).

    ``desimal_rasio`` rounds each ratio half-up first, as the report does for KPA (0,9923 -> 0,99).
    """
    r, t, w = _daftar("realisasi", realisasi), _daftar("target", target), _daftar("bobot", bobot)
    if not (r.size == t.size == w.size):
        raise KalkulatorError(f"jumlah realisasi ({r.size}), target ({t.size}) dan bobot ({w.size}) harus sama")
    if (t == 0).any():
        raise KalkulatorError("target komponen bernilai 0: rasio tidak dapat dihitung")
    rasio = r / t
    if desimal_rasio is not None:
        rasio = np.array([bulat(x, desimal_rasio) for x in rasio])
    hasil = float((rasio * w).sum())
    if not math.isfinite(hasil):
        raise KalkulatorError("hasil komposit tidak terhingga: target komponen terlalu kecil")
    return hasil


def selisih_level(sekarang: float, sebelumnya: float) -> float:
    """Difference of two levels: ``bekerja_(Agt n) - bekerja_(Agt n-1)`` (l.1768-1775)."""
    return _angka("nilai periode n", sekarang) - _angka("nilai periode n-1", sebelumnya)


def rata_likert(jawaban: Sequence[float], skala: int = 4) -> float:
    """Mean of Likert answers on ``1..skala`` (l.1898-1913); an answer outside the scale is an error."""
    a = _daftar("jawaban", jawaban)
    luar = [x for x in a if x < 1 or x > skala or x != int(x)]
    if luar:
        raise KalkulatorError(f"jawaban {luar[0]:g} di luar skala Likert 1..{skala}")
    return float(a.mean())


def indeks_kategori(skor: float | Sequence[float], ambang: Sequence[float] = AMBANG_KATEGORI) -> float | np.ndarray:
    """Score 0-100 (or survey %) -> index 4/3/2/1 by category (l.1891-1896, 1974-2020).

    ``>= 85`` 4, ``>= 75`` 3, ``>= 65`` 2, else 1 (the printed gaps 84<x<85 closed as ``>=``).
    NaN stays NaN.
    """
    s = np.asarray(skor, dtype=float)
    a4, a3, a2 = ambang
    idx = np.select([s >= a4, s >= a3, s >= a2], [4.0, 3.0, 2.0], 1.0)
    idx = np.where(np.isnan(s), np.nan, idx)
    return float(idx) if idx.ndim == 0 else idx


def indeks_skala4(skor: float | Sequence[float], skor_maks: float = 100.0) -> float | np.ndarray:
    """Linear conversion of a 0-100 score to the 1-4 scale: ``skor / 100 * 4`` (99,21 -> 3,97, l.2724)."""
    s = np.asarray(skor, dtype=float) / float(skor_maks) * 4.0
    return float(s) if s.ndim == 0 else s


def keberhasilan_ksp(tahap: Sequence[float]) -> float:
    """Policy-stage average: each isu at Tahap 1..4 is worth 25/50/75/100 %, IKU = mean (l.2555-2590).

    3.3: Tahap 4,2,3,3,4,3 -> (100+50+75+75+100+75)/6 = 79,17.
    """
    t = _daftar("tahap", tahap)
    salah = [x for x in t if x not in (1, 2, 3, 4)]
    if salah:
        raise KalkulatorError(f"tahap {salah[0]:g} di luar Tahap 1-4")
    return float((t * NILAI_TAHAP).mean())
