"""Budget realisation figures (report l.2810-2897; RUMUS section 7).

* Penyerapan ``= realisasi / pagu * 100``.
* Capaian Keluaran Kegiatan (PMK 214/2017): ``CKK = prod_i (RVK_i/TVK_i * (prod_j RIKK_j/TIKK_j)^(1/n_i))^(1/m)``.
* Efisiensi ``E = sum(PAK_i*CK_i - RAK_i) / sum(PAK_i*CK_i) * 100`` and Nilai Efisiensi
  ``NE = 50 + E/20*50`` (no clamp, as published LAKIPs apply it).
* Deviasi halaman III DIPA per month ``min(|R - RPD| / RPD * 100, 100)`` (PER-5/PB/2024).

All accept scalars or arrays; n/a (missing data, zero pagu) is NaN, never an exception.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from .kalkulator import KalkulatorError

__all__ = ["penyerapan", "capaian_keluaran", "efisiensi", "nilai_efisiensi", "deviasi_rpd", "deviasi_rpd_rata"]


def _a(x) -> np.ndarray:
    return np.asarray(np.nan if x is None else x, dtype=float)


def _keluar(x: np.ndarray):
    return float(x) if x.ndim == 0 else x


def penyerapan(realisasi, pagu):
    """Penyerapan anggaran in %: ``realisasi / pagu * 100``; NaN where pagu is 0 or missing."""
    r, p = _a(realisasi), _a(pagu)
    with np.errstate(divide="ignore", invalid="ignore"):
        x = np.where(p > 0, r / p * 100.0, np.nan)
    return _keluar(x)


def capaian_keluaran(rvk: Sequence[float], tvk: Sequence[float],
                     rikk: Sequence[Sequence[float]], tikk: Sequence[Sequence[float]]) -> float:
    """CKK in % by PMK 214/2017 (l.2850-2856): geometric means over indicators, then over outputs.

    Output ``i`` scores ``RVK_i/TVK_i * (prod_j RIKK_ij/TIKK_ij)^(1/n_i)``; CKK is the geometric
    mean of the ``m`` output scores, times 100.
    """
    rv, tv = np.asarray(rvk, dtype=float), np.asarray(tvk, dtype=float)
    if not (rv.size == tv.size == len(rikk) == len(tikk)) or rv.size == 0:
        raise KalkulatorError("jumlah keluaran (RVK, TVK, RIKK, TIKK) harus sama dan tidak kosong")
    if (tv <= 0).any():
        raise KalkulatorError("target volume keluaran (TVK) harus lebih dari 0")
    skor = []
    for i, (ri, ti) in enumerate(zip(rikk, tikk)):
        ri, ti = np.asarray(ri, dtype=float), np.asarray(ti, dtype=float)
        if ri.size != ti.size or ri.size == 0:
            raise KalkulatorError(f"indikator keluaran ke-{i + 1}: jumlah RIKK dan TIKK harus sama")
        if (ti <= 0).any():
            raise KalkulatorError(f"indikator keluaran ke-{i + 1}: TIKK harus lebih dari 0")
        skor.append(rv[i] / tv[i] * np.prod(ri / ti) ** (1.0 / ri.size))
    s = np.asarray(skor)
    if (s < 0).any() or np.isnan(s).any():
        return float("nan")
    return float(np.prod(s) ** (1.0 / s.size) * 100.0)


def efisiensi(pagu, capaian_keluaran_persen, realisasi) -> float:
    """Efisiensi E in %: ``sum(PAK*CK - RAK) / sum(PAK*CK) * 100`` with CK as a fraction (l.2877-2885)."""
    pak = _a(pagu).ravel()
    ck = _a(capaian_keluaran_persen).ravel() / 100.0
    rak = _a(realisasi).ravel()
    if not (pak.size == ck.size == rak.size):
        raise KalkulatorError("jumlah pagu, capaian keluaran dan realisasi per keluaran harus sama")
    basis = float(np.sum(pak * ck))
    if not basis > 0:
        return float("nan")
    return float(np.sum(pak * ck - rak) / basis * 100.0)


def nilai_efisiensi(e):
    """Nilai Efisiensi ``NE = 50 + E/20*50`` (E = 0,77 % -> 51,9; the report prints 51, l.2895)."""
    return _keluar(50.0 + _a(e) / 20.0 * 50.0)


def deviasi_rpd(realisasi, rpd):
    """Monthly deviation against the RPD in %: ``min(|R - RPD| / RPD * 100, 100)``; NaN if RPD is 0/empty."""
    r, p = _a(realisasi), _a(rpd)
    with np.errstate(divide="ignore", invalid="ignore"):
        x = np.where(p > 0, np.minimum(np.abs(r - p) / p * 100.0, 100.0), np.nan)
    return _keluar(x)


def deviasi_rpd_rata(realisasi, rpd) -> float:
    """Mean monthly deviation against the RPD over the months that have both figures; NaN if none."""
    d = np.atleast_1d(np.asarray(deviasi_rpd(realisasi, rpd), dtype=float))
    d = d[~np.isnan(d)]
    return float(d.mean()) if d.size else float("nan")
