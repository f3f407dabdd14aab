"""Konsolidasi periode: how the values of TW I..n make the year-to-date value (RUMUS section 10).

Kemenkeu's performance management (KMK 467/KMK.01/2014) gives each IKU a period consolidation
beside its polarisasi. Kinds:

* ``kumulatif`` — the value typed each TW is already the year-to-date value (the 2024 report): the
  value of TW n itself, n/a when TW n is empty;
* ``jumlah`` — the sum of the TW values present;
* ``rata`` — the mean of the TW values present;
* ``terakhir`` — the last TW that has a value.

An empty quarter is NaN. Every function takes whole columns: one row per IKU, one column per TW.
"""
from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["KONSOLIDASI", "kode_konsolidasi", "realisasi_periode"]

KONSOLIDASI = ("kumulatif", "jumlah", "rata", "terakhir")
KUMULATIF, JUMLAH, RATA, TERAKHIR = range(len(KONSOLIDASI))


def _kode(x: Any) -> int:
    if x is None or (isinstance(x, str) and not x.strip()):
        return KUMULATIF
    if isinstance(x, str) and x.strip().lower() in KONSOLIDASI:
        return KONSOLIDASI.index(x.strip().lower())
    return -1


def kode_konsolidasi(konsolidasi: Any) -> int | np.ndarray:
    """``kumulatif|jumlah|rata|terakhir`` in any case (empty = kumulatif) -> 0..3; anything else -1."""
    if isinstance(konsolidasi, (str, type(None))):
        return _kode(konsolidasi)
    return np.array([_kode(x) for x in konsolidasi], dtype=np.int8)


def realisasi_periode(nilai: Any, konsolidasi: Any) -> np.ndarray:
    """Year-to-date value at the last column of ``nilai`` (rows = IKU, columns = TW I..n); NaN where n/a.

    ``konsolidasi`` is one kind for all rows or one per row; an unknown kind gives NaN.
    """
    x = np.atleast_2d(np.asarray(nilai, dtype=float))
    kode = np.broadcast_to(np.asarray(kode_konsolidasi(konsolidasi)), x.shape[:1])
    ada = ~np.isnan(x)
    n_ada = ada.sum(axis=1)
    jumlah = np.where(ada, x, 0.0).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        rata = jumlah / n_ada
    akhir = x.shape[1] - 1 - np.argmax(ada[:, ::-1], axis=1)
    terakhir = x[np.arange(x.shape[0]), akhir]
    pilihan = np.select([kode == KUMULATIF, kode == JUMLAH, kode == RATA, kode == TERAKHIR],
                        [x[:, -1], jumlah, rata, terakhir], np.nan)
    kosong = (n_ada == 0) & (kode != KUMULATIF)
    return np.where(kosong, np.nan, pilihan)
