"""Capaian IKU: the achievement index of one indicator, by polarisasi (report l.839-907).

Rules (RUMUS section 2):

* maximize: ``R/T*100``; with a negative target ``(1 + (1 - R/T))*100``; no floor (Tabel 3.1
  prints negative capaian); target 0 is not computable.
* minimize: ``(1 + (1 - R/T))*100`` floored at 0; with target 0 the printed formula divides by
  zero, so it is read as ``(R_terburuk - R)/(R_terburuk - T)*100`` with a declared worst value.
* stabilize with band ``[L, U]``: ``R/L*100`` below, ``100`` inside, ``(2 - R/U)*100`` above
  (the printed formula is garbled; this is the symmetric form), floored at 0.
* a range target under ``Aturan Rentang = posisi`` (PermenPAN-RB, RUMUS section 10): maximize or
  minimize against the lower bound below the range, the upper bound above it, 100 inside
  (``rentang_posisi``); the 2024 report reads a range at one bound (``bawah``, the default).
* every capaian is capped at ``batas_maks`` (120: "dapat dikonversi menjadi 120", l.837).
* status by predicate bands (``PREDIKAT_BAWAAN``: >= 100 / 80-100 / < 80); a unit may set its own.
* n/a (missing realisasi, unusable target) is NaN, never 0, never an exception, never inf.

One function serves scalars and whole columns: inputs broadcast as numpy arrays.
"""
from __future__ import annotations

import math
from typing import Any

import numpy as np

__all__ = [
    "POLARISASI", "kode_polarisasi", "nama_polarisasi", "capaian_iku", "alasan_na",
    "status_capaian", "warna_status", "STATUS_MEMENUHI", "STATUS_BELUM", "STATUS_TIDAK", "STATUS_NA",
    "PREDIKAT_BAWAAN", "WARNA_PREDIKAT", "Predikat", "periksa_predikat", "ATURAN_RENTANG",
]

MAXIMIZE, MINIMIZE, STABILIZE, UNKNOWN = 0, 1, 2, -1
POLARISASI = ("maximize", "minimize", "stabilize")
_ALIASES = {"maximize": 0, "max": 0, "minimize": 1, "min": 1, "stabilize": 2, "stabil": 2}

STATUS_MEMENUHI = "Memenuhi Ekspektasi"
STATUS_BELUM = "Belum Memenuhi Ekspektasi"
STATUS_TIDAK = "Tidak Memenuhi Ekspektasi"
STATUS_NA = "n/a"
Predikat = tuple[tuple[float | None, str, str], ...]
"""Predicate bands, highest first: (lower bound in %, name, colour); the last band's bound is None (everything below)."""
PREDIKAT_BAWAAN: Predikat = ((100.0, STATUS_MEMENUHI, "hijau"), (80.0, STATUS_BELUM, "kuning"), (None, STATUS_TIDAK, "merah"))
"""The report's bands (Tabel 3.1/3.2, l.843-847)."""
WARNA_PREDIKAT = ("hijau", "biru", "kuning", "oranye", "merah")
"""Colours a band may take (the workbook's traffic lights)."""
ATURAN_RENTANG = ("bawah", "posisi")
"""How a range target is read: at one bound (2024) or by where the realisasi lies (PermenPAN-RB)."""


def _kode_satu(p: Any) -> int:
    if p is None:
        return MAXIMIZE
    if isinstance(p, str):
        teks = p.strip().lower()
        return _ALIASES.get(teks, UNKNOWN) if teks else MAXIMIZE
    return UNKNOWN


def kode_polarisasi(polarisasi: Any) -> int | np.ndarray:
    """``maximize|max|minimize|min|stabilize|stabil`` trimmed, in any case -> 0/1/2; empty (None, blank) -> 0
    (maximize, rule R7 of issue 15: an empty polarisasi is maximize in the cell and the engine alike); anything
    else -1. A column is normalised once per distinct value (a hash lookup per row, no per-row text work)."""
    if isinstance(polarisasi, str) or polarisasi is None:
        return _kode_satu(polarisasi)
    arr = np.asarray(polarisasi, dtype=object)
    if not arr.size:
        return arr.astype(np.int8)
    baris = arr.reshape(-1).tolist()
    try:
        peta = {u: _kode_satu(u) for u in set(baris)}             # a column holds a handful of distinct texts
        kode = np.fromiter(map(peta.__getitem__, baris), dtype=np.int8, count=len(baris))
    except TypeError:                                             # an unhashable element: one at a time
        kode = np.array([_kode_satu(u) for u in baris], dtype=np.int8)
    return kode.reshape(arr.shape)


def nama_polarisasi(polarisasi: Any) -> str | None:
    """The canonical name of a polarisasi text (empty -> maximize, rule R7), or None when unknown."""
    k = _kode_satu(polarisasi)
    return POLARISASI[k] if k >= 0 else None


def _arr(x: Any) -> np.ndarray:
    return np.asarray(np.nan if x is None else x, dtype=float)


def capaian_iku(
    realisasi: Any,
    target: Any,
    polarisasi: Any = "maximize",
    *,
    batas_bawah: Any = None,
    batas_atas: Any = None,
    realisasi_terburuk: Any = None,
    batas_maks: float | None = 120.0,
    rentang_posisi: Any = False,
) -> float | np.ndarray:
    """Capaian IKU in % for scalars or arrays (broadcast); NaN where n/a. See module doc.

    ``rentang_posisi`` (bool, per row or for all): a maximize/minimize row whose target is the range
    ``[batas_bawah, batas_atas]`` is measured by where the realisasi lies (lower bound below, upper above, 100 inside).
    """
    r, t = _arr(realisasi), _arr(target)
    kode = kode_polarisasi(polarisasi)
    lain = [_arr(v) for v in (batas_bawah, batas_atas, realisasi_terburuk)]
    shape = np.broadcast_shapes(r.shape, t.shape, np.shape(kode), *(v.shape for v in lain))
    r, t = np.atleast_1d(r), np.atleast_1d(t)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        if np.ndim(kode) == 0:
            x = _satu_polarisasi(int(kode), r, t, *lain)
        else:
            x = _campuran(np.asarray(kode), r, t, *lain)
        if np.any(rentang_posisi):
            x = _posisi(x, np.broadcast_to(kode, x.shape), r, *lain, np.broadcast_to(rentang_posisi, x.shape))
        if batas_maks is not None:
            x = np.minimum(x, batas_maks, out=x if x.flags.writeable and x.dtype == float else None)
    return float(x.reshape(-1)[0]) if shape == () else np.broadcast_to(x, shape).copy() if x.shape != shape else x


def _satu_polarisasi(kode: int, r, t, bawah, atas, terburuk) -> np.ndarray:
    if kode == MAXIMIZE:
        return _maximize(r, t)
    if kode == MINIMIZE:
        return _minimize(r, t, terburuk)
    if kode == STABILIZE:
        return _stabilize(r, bawah, atas)
    return np.full(np.broadcast(r, t).shape, np.nan)


def _campuran(kode: np.ndarray, r, t, bawah, atas, terburuk) -> np.ndarray:
    """Per-row polarisasi: each rule on its own rows, NaN for unknown polarisasi."""
    shape = np.broadcast(r, t, kode).shape
    out = np.full(shape, np.nan)
    kode = np.broadcast_to(kode, shape)
    for k in (MAXIMIZE, MINIMIZE, STABILIZE):
        mask = kode == k
        if mask.any():
            nilai = _satu_polarisasi(k, r, t, bawah, atas, terburuk)
            out[mask] = np.broadcast_to(nilai, shape)[mask]
    return out


def _posisi(x: np.ndarray, kode: np.ndarray, r, lo, hi, terburuk, posisi: np.ndarray) -> np.ndarray:
    """The range rule by position: against ``lo`` below, ``hi`` above, 100 inside (maximize and minimize rows);
    a band whose lower bound is above its upper bound is n/a."""
    r, lo, hi, w = (np.broadcast_to(a, x.shape) for a in np.broadcast_arrays(r, lo, hi, terburuk))
    pakai = posisi & ((kode == MAXIMIZE) | (kode == MINIMIZE))
    t = np.where(r < lo, lo, np.where(r > hi, hi, np.nan))
    nilai = np.where(kode == MAXIMIZE, _maximize(r, t), _minimize(r, t, w))
    nilai = np.where((r >= lo) & (r <= hi), 100.0, nilai)
    nilai = np.where(lo > hi, np.nan, nilai)
    return np.where(pakai, nilai, x)


def _maximize(r: np.ndarray, t: np.ndarray) -> np.ndarray:
    x = np.divide(r, t)
    np.multiply(x, 100.0, out=x)
    if t.size and not np.fmin.reduce(t, axis=None) > 0:
        x = np.where(t < 0, 200.0 - x, x)
        x[np.broadcast_to(t == 0, x.shape)] = np.nan
    return x


def _minimize(r: np.ndarray, t: np.ndarray, w: np.ndarray) -> np.ndarray:
    x = 200.0 - np.divide(r, t) * 100.0
    nol = t == 0
    if nol.any():
        dari_terburuk = (w - r) / (w - t) * 100.0
        x = np.where(nol, dari_terburuk, x)
    x = np.where(np.isfinite(x), x, np.nan)
    return np.maximum(x, 0.0)


def _stabilize(r: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    bawah = r / lo * 100.0
    atas = (2.0 - r / hi) * 100.0
    x = np.where(r < lo, bawah, np.where(r > hi, atas, 100.0))
    buruk = np.isnan(lo) | np.isnan(hi) | (lo > hi) | np.isnan(r) | ~np.isfinite(x)
    x = np.where(buruk, np.nan, x)
    return np.maximum(x, 0.0)


def alasan_na(
    realisasi: Any,
    target: Any,
    polarisasi: Any = "maximize",
    *,
    batas_bawah: Any = None,
    batas_atas: Any = None,
    realisasi_terburuk: Any = None,
) -> str | None:
    """Why one capaian is n/a (Bahasa Indonesia), or None when it is computable."""
    kode = _kode_satu(polarisasi)
    r, t = _float(realisasi), _float(target)
    if kode == UNKNOWN:
        return f"polarisasi '{polarisasi}' tidak dikenal (gunakan maximize, minimize, atau stabilize)"
    if math.isnan(r):
        return "realisasi belum tersedia"
    if kode == STABILIZE:
        return _alasan_stabilize(r, _float(batas_bawah), _float(batas_atas))
    if math.isnan(t):
        return "target belum diisi"
    if kode == MAXIMIZE and t == 0:
        return "target 0 pada polarisasi maximize tidak dapat dihitung (pembagian dengan nol)"
    if kode == MINIMIZE and t == 0:
        w = _float(realisasi_terburuk)
        if math.isnan(w):
            return "target 0 pada polarisasi minimize memerlukan nilai realisasi terburuk"
        if w == t:
            return "realisasi terburuk sama dengan target (pembagian dengan nol)"
    return None


def _alasan_stabilize(r: float, lo: float, hi: float) -> str | None:
    if math.isnan(lo) or math.isnan(hi):
        return "polarisasi stabilize memerlukan batas bawah dan batas atas"
    if lo > hi:
        return "batas bawah lebih besar dari batas atas"
    if (r < lo and lo == 0) or (r > hi and hi == 0):
        return "batas 0 pada polarisasi stabilize tidak dapat dihitung (pembagian dengan nol)"
    return None


def _float(x: Any) -> float:
    try:
        return math.nan if x is None else float(x)
    except (TypeError, ValueError):
        return math.nan


def periksa_predikat(predikat: Any) -> Predikat:
    """Bands as the rules use them, or ValueError (message for staff): names given, bounds strictly falling, the
    last band without a bound; a colour outside :data:`WARNA_PREDIKAT` is refused."""
    pita = tuple(predikat)
    if not pita:
        raise ValueError("tabel predikat kosong")
    sebelum = math.inf
    for i, (batas, nama, warna) in enumerate(pita):
        if not str(nama or "").strip():
            raise ValueError(f"predikat ke-{i + 1} tanpa nama")
        if warna is not None and str(warna).strip().lower() not in WARNA_PREDIKAT:
            raise ValueError(f"warna predikat '{nama}' harus salah satu dari: {', '.join(WARNA_PREDIKAT)}")
        terakhir = i == len(pita) - 1
        if batas is None:
            if not terakhir:
                raise ValueError(f"predikat '{nama}' tanpa batas bawah; hanya predikat terakhir yang boleh tanpa batas")
            continue
        if not (isinstance(batas, (int, float)) and math.isfinite(batas)) or batas >= sebelum:
            raise ValueError(f"batas bawah predikat '{nama}' harus angka dan lebih kecil daripada predikat di atasnya")
        sebelum = batas
    return tuple((None if b is None else float(b), str(n).strip(), str(w or "").strip().lower()) for b, n, w in pita)


def _status_satu(x: float, predikat: Predikat) -> str:
    if x is None or math.isnan(x):
        return STATUS_NA
    x = round(x, 9)
    for batas, nama, _ in predikat:
        if batas is None or x >= batas:
            return nama
    return STATUS_NA                                   # below every bound of a table whose last band has one


def status_capaian(x: Any, predikat: Predikat = PREDIKAT_BAWAAN) -> str | np.ndarray:
    """Status (predicate) of a capaian IKU, NSS or NKO by bands (Tabel 3.1/3.2, l.843-847, 915-919).

    The report's bands: ``>= 100`` Memenuhi Ekspektasi; ``80 <= x < 100`` Belum Memenuhi Ekspektasi;
    ``< 80`` Tidak Memenuhi Ekspektasi; NaN -> ``n/a``. Scalars give a str, arrays an object array.
    """
    a = _arr(x)
    if a.ndim == 0:
        return _status_satu(float(a), predikat)
    return np.vectorize(lambda v: _status_satu(v, predikat), otypes=[object])(a)


def warna_status(status: str, predikat: Predikat = PREDIKAT_BAWAAN) -> str:
    """Traffic-light colour of a status by its band (abu-abu for n/a or an unknown status)."""
    return next((w for _, nama, w in predikat if nama == status), "abu-abu")
