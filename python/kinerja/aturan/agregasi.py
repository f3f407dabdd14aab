"""NSS, Nilai Perspektif and NKO: consolidating capaian IKU (report l.811-837, 909-930, 948-984).

* NSS = mean of the capaian IKU of one Sasaran Strategis, n/a IKU left out (l.833-835).
* Nilai Perspektif = consolidation of the NSS of that perspektif; NKO = consolidation of the
  perspektif values (l.819-821).
* The report publishes NKO 2024 = 100 although the mean of the NSS is 109,8 (RUMUS section 3):
  the method and an optional cap are settings of the dataset, never code. :class:`MetodeNKO`
  carries them; the uncapped value is always returned beside the capped one.
* Weights (KMK 467/2014, RUMUS section 10): optional IKU weights inside an SS make the NSS a weighted
  mean, and optional perspektif weights make ``rata_perspektif`` a weighted mean of the perspektif
  values. n/a values are left out and the weights of the rest renormalised; without weights every
  mean is plain (2024).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

import numpy as np

__all__ = ["teks_pengaturan", "METODE_NKO", "MetodeNKO", "HasilNKO", "nss", "nilai_per_kelompok", "hitung_nko"]

METODE_NKO = {
    "rata_nss": "rata-rata NSS",
    "rata_perspektif": "rata-rata Nilai Perspektif",
    "rata_iku": "rata-rata seluruh capaian IKU",
}


def teks_pengaturan(x: Any, bawaan: str) -> str:
    """A setting text as the rules read it (rule R5 of issue 15, the cell and the engine alike): trimmed and
    lower-cased; empty (None, blank) is the setting's default ``bawaan``. ``'Rata_NSS '`` reads ``'rata_nss'``."""
    teks = "" if x is None else str(x).strip().lower()
    return teks or bawaan


class PengaturanError(ValueError):
    """A setting of the dataset that the rules cannot use (message for staff)."""


@dataclass(frozen=True)
class MetodeNKO:
    """How NKO consolidates: method, optional cap of NKO and optional cap of each NSS."""

    metode: str = "rata_nss"
    batas: float | None = None
    batas_nss: float | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "metode", teks_pengaturan(self.metode, "rata_nss"))
        if self.metode not in METODE_NKO:
            pilihan = ", ".join(METODE_NKO)
            raise PengaturanError(f"metode NKO '{self.metode}' tidak dikenal (pilih salah satu: {pilihan})")
        for nama, nilai in (("batas NKO", self.batas), ("batas NSS", self.batas_nss)):
            if nilai is not None and not (isinstance(nilai, (int, float)) and math.isfinite(nilai) and nilai > 0):
                raise PengaturanError(f"{nama} '{nilai}' harus berupa angka positif atau dikosongkan")


@dataclass(frozen=True)
class HasilNKO:
    """NKO after the cap (``nilai``) and before it (``tanpa_batas``), with the setting used."""

    nilai: float
    tanpa_batas: float
    metode: str
    batas: float | None


def _rata(x: Iterable[float], bobot: Iterable[float] | None = None) -> float:
    """Mean of the values present; weighted when any weight is given (a missing weight counts 0)."""
    a = np.asarray(list(x), dtype=float)
    ada = ~np.isnan(a)
    w = None if bobot is None else np.asarray(list(bobot), dtype=float)
    if w is None or np.isnan(w).all():
        return float(a[ada].mean()) if ada.any() else math.nan
    w = np.where(np.isnan(w), 0.0, w)[ada]
    total = w.sum()
    return float((a[ada] * w).sum() / total) if ada.any() and total > 0 else math.nan


def _batasi(x: float, batas: float | None) -> float:
    return x if batas is None or math.isnan(x) else min(x, batas)


def nss(capaian: Sequence[float] | np.ndarray) -> float:
    """NSS: mean of the capaian IKU of one SS with n/a (NaN) excluded; NaN if all are n/a."""
    return _rata(np.asarray(capaian, dtype=float).ravel())


def nilai_per_kelompok(nilai: Sequence[float], kelompok: Sequence[str], bobot: Sequence[float] | None = None) -> dict[str, float]:
    """Mean of ``nilai`` per group label, in first-seen order, n/a excluded (NSS per SS); weighted inside a group
    where any of its ``bobot`` is given (NaN = no weight)."""
    w = [math.nan] * len(nilai) if bobot is None else list(bobot)
    urut: dict[str, tuple[list[float], list[float]]] = {}
    for x, k, b in zip(nilai, kelompok, w, strict=True):
        g = urut.setdefault(k, ([], []))
        g[0].append(x)
        g[1].append(b)
    return {k: _rata(v, b) for k, (v, b) in urut.items()}


def hitung_nko(
    capaian: Sequence[float],
    ss_iku: Sequence[str],
    perspektif_ss: dict[str, str],
    metode: MetodeNKO,
    bobot_iku: Sequence[float] | None = None,
    bobot_perspektif: dict[str, float] | None = None,
) -> tuple[dict[str, float], dict[str, float], HasilNKO]:
    """NSS per SS, Nilai Perspektif, and NKO by the dataset's method, caps and weights.

    ``batas_nss`` caps each NSS before it is consolidated; ``batas`` caps the NKO itself.
    ``tanpa_batas`` is the same method with neither cap. ``bobot_iku`` weighs IKU inside their SS;
    ``bobot_perspektif`` (perspektif -> weight) weighs the perspektif values under ``rata_perspektif``.
    """
    nss_mentah = nilai_per_kelompok(capaian, ss_iku, bobot_iku)
    nss_terbatas = {k: _batasi(v, metode.batas_nss) for k, v in nss_mentah.items()}

    def konsolidasi(nilai_ss: dict[str, float]) -> tuple[dict[str, float], float]:
        kode = list(nilai_ss)
        per = nilai_per_kelompok([nilai_ss[k] for k in kode], [perspektif_ss[k] for k in kode])
        if metode.metode == "rata_iku":
            return per, _rata(capaian)
        if metode.metode == "rata_perspektif":
            w = None if not bobot_perspektif else [bobot_perspektif.get(p, math.nan) for p in per]
            return per, _rata(per.values(), w)
        return per, _rata(nilai_ss.values())

    perspektif, nko_dasar = konsolidasi(nss_terbatas)
    _, mentah = konsolidasi(nss_mentah)
    hasil = HasilNKO(_batasi(nko_dasar, metode.batas), mentah, metode.metode, metode.batas)
    return nss_terbatas, perspektif, hasil
