"""What Excel hands a function, made regular: a cell or a range in, numbers and messages out.

A cell arrives as a scalar, a row or column as a 1-D list (classic xlwings), a block as a list of
lists; ``None`` is an empty cell; text is in Indonesian notation; bools are refused. Results go
back in the shape of the first range: a number, ``n/a`` where the rules say n/a (so native
AVERAGE/COUNT skip it), or a short Indonesian message starting with ``#`` for bad input. Inputs
are normalised here, never by xlwings converters (classic UDFs and xlwings Server/Lite pass
values differently).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from ..aturan.kalkulator import MasukanKosong
from ..data.notasi import DaftarNA, NotasiError, baca_daftar, baca_nilai, galat_excel, kosong

NA = "n/a"
"""What a cell shows where the rules say n/a."""
JENIS_ANGKA = {float, int, type(None), np.float64}
"""Types of a range that is numbers only (the fast path)."""


def pesan(teks: str) -> str:
    """A short message for a cell: starts with '#', first letter capitalised, no example list."""
    teks = teks.split(" (contoh yang benar")[0]
    return "#" + teks[:1].upper() + teks[1:]


@dataclass(frozen=True)
class Bentuk:
    """The shape a range arrived in (to give results back in it)."""

    jenis: str               # skalar | 1d | 2d
    baris: int = 1
    kolom: int = 1


def ratakan(x: Any) -> tuple[list[Any], Bentuk]:
    """Flatten what Excel hands over; remember the shape to give results back in."""
    if isinstance(x, np.ndarray):
        x = x.tolist()
    if isinstance(x, (list, tuple)):
        if x and isinstance(x[0], (list, tuple)):
            if len(x[0]) == 1:
                try:
                    return [v for (v,) in x], Bentuk("2d", len(x), 1)   # unpacking checks every row
                except (TypeError, ValueError):
                    pass
            try:
                lebar = max(map(len, x))
            except TypeError:
                raise ValueError("rentang tidak beraturan: campuran sel dan baris") from None
            return [v for r in x for v in (list(r) + [None] * (lebar - len(r)))], Bentuk("2d", len(x), lebar)
        return list(x), Bentuk("1d", 1, len(x))
    return [x], Bentuk("skalar")


def bentukkan(nilai: list[Any], b: Bentuk) -> Any:
    if b.jenis == "skalar":
        return nilai[0]
    if b.jenis == "1d":
        return nilai
    if b.kolom == 1:
        return [[v] for v in nilai]
    return [nilai[i * b.kolom:(i + 1) * b.kolom] for i in range(b.baris)]


def bentukkan_angka(x: np.ndarray, b: Bentuk) -> Any:
    """All results are numbers: let numpy build the nested lists."""
    if b.jenis == "skalar":
        return float(x[0])
    if b.jenis == "1d":
        return x.tolist()
    return x.reshape(b.baris, b.kolom).tolist()


def siarkan(x: Any, n: int, nama: str) -> list[Any]:
    """A scalar repeated n times, or a range of exactly n cells."""
    v, b = ratakan(x)
    if b.jenis == "skalar" or len(v) == 1:
        return v * n
    if len(v) != n:
        raise ValueError(f"{nama} berisi {len(v)} sel, sedangkan realisasi {n} sel: ukuran rentang harus sama")
    return v


def angka_sel(v: Any, nama: str) -> tuple[float, str | None]:
    """One cell -> (number or NaN, error message or None): empty or n/a (incl. ``#N/A``) -> NaN (R1, R2); an Excel error
    or an upstream ``#`` message -> NaN with a message naming ``nama`` (R4); unreadable text -> NaN with its reason."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return math.nan, None
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return float(v), None
    if galat_excel(v):                                   # rule R4: an Excel error or an upstream message travels on
        return math.nan, pesan(f"{nama}: {_sebab(v.strip())}")
    try:
        n = baca_nilai(v)
        return n.tunggal(), None
    except NotasiError as e:
        return math.nan, pesan(f"{nama}: {e.alasan} ('{v}')")


def _sebab(teks: str) -> str:
    """An error text as a reason: Excel's own error (``#DIV/0!``) named as such, an upstream cell's message as it says."""
    return f"galat Excel {teks}" if re.fullmatch(r"#[A-Z][A-Z0-9/_]*[!?]?", teks) else teks[1:]


def angka(vals: list[Any], nama: str) -> tuple[np.ndarray, list[str | None]]:
    """Cells -> float array; the fast path is a plain numpy conversion when all are numbers."""
    if set(map(type, vals)) <= JENIS_ANGKA:
        return np.array(vals, dtype=float), []
    hasil = [angka_sel(v, nama) for v in vals]
    return np.array([h[0] for h in hasil], dtype=float), [h[1] for h in hasil]


def isi(x: np.ndarray, galat: list[str | None]) -> list[Any]:
    """Floats -> Excel values: NaN -> 'n/a', an input error -> its message."""
    out = x.astype(object)
    out[np.isnan(x)] = NA
    for i, g in enumerate(galat):
        if g:
            out[i] = g
    return out.tolist()


def angka_daftar(x: Any, nama: str) -> list[float]:
    """A list input (rule R3, :func:`kinerja.data.notasi.baca_daftar`, as the engine's calculators read it): empty
    cells skipped; an n/a text, an Excel error or unreadable text is an error naming its position."""
    vals, _ = ratakan(x)
    try:
        baca_daftar(vals, nama)
    except DaftarNA as e:
        raise MasukanKosong(e.alasan) from None            # R3: an n/a in the list: the result is n/a
    except NotasiError as e:
        raise ValueError(e.alasan) from None
    keluar = []
    for i, v in enumerate(vals, 1):
        if kosong(v):
            continue
        try:
            keluar.append(baca_nilai(v).tunggal())
        except NotasiError as e:
            raise ValueError(f"{nama} ke-{i}: {e.alasan} ('{v}')") from None
    return keluar


def satu(x: Any, nama: str, bawaan: float | None = None) -> float:
    """One number: empty or n/a is ``bawaan``, or :class:`MasukanKosong` (the cell shows n/a, rule R1) when there is
    none; an Excel error or an upstream ``#`` message travels on with its reason (R4)."""
    mentah = ratakan(x)[0][0]
    if galat_excel(mentah):
        raise ValueError(f"{nama}: {_sebab(mentah.strip())}")
    f, g = angka_sel(mentah, nama)
    if g:
        raise ValueError(g.lstrip("#"))
    if math.isnan(f):
        if bawaan is None:
            raise MasukanKosong(f"{nama} belum diisi")
        return bawaan
    return f


def elemen(f: Callable[..., np.ndarray], pertama: Any, *lain: tuple[Any, str], nama: str) -> Any:
    """Apply a vectorised engine function cell by cell, in the shape of the first range."""
    vals, b = ratakan(pertama)
    x0, g0 = angka(vals, nama)
    kolom = [x0]
    galat = list(g0) or [None] * len(vals)
    for arg, n in lain:
        xi, gi = angka(siarkan(arg, len(vals), n), n)
        kolom.append(xi)
        galat = [a or c for a, c in zip(galat, gi or [None] * len(vals))]
    with np.errstate(all="ignore"):
        hasil = np.asarray(f(*kolom), dtype=float).reshape(-1)
    return bentukkan(isi(hasil, galat), b)


def opsional_kolom(x: Any, n: int, nama: str, galat: list[str | None]) -> np.ndarray:
    """An optional scalar-or-range argument as floats (NaN when empty); errors join ``galat``."""
    if x is None:
        return np.array(np.nan)
    sel = siarkan(x, n, nama)
    v, g = angka(sel, nama)
    if g or not set(map(type, sel)) <= JENIS_ANGKA:             # a bound holding an error is refused (R4, R7)
        g = [a or (pesan(f"{nama}: galat Excel {galat_excel(s)}") if galat_excel(s) else None)
             for a, s in zip(g or [None] * n, sel)]
    galat[:] = gabung(galat, g, n)
    return v


def gabung(a: list[str | None], b: list[str | None], n: int) -> list[str | None]:
    """Merge per-cell error lists (empty list = no errors); the first error of a cell wins."""
    if not b:
        return a
    if not a:
        return list(b)
    return [x or y for x, y in zip(a, b)]


def teks_daftar(x: Any, n: int | None = None) -> list[str]:
    vals, _ = ratakan(x)
    out = ["" if v is None else str(v).strip() for v in vals]
    if n is not None and len(out) != n:
        raise ValueError(f"jumlah kode ({len(out)}) tidak sama dengan jumlah capaian ({n})")
    return out


def sel_nilai(x: float) -> Any:
    return NA if x is None or math.isnan(x) else float(x)


def opsional(x: Any) -> float | None:
    f, g = angka_sel(ratakan(x)[0][0], "batas")
    if g:
        raise ValueError(g.lstrip("#"))
    return None if math.isnan(f) else f


def tiga_kolom(r: Any, t: Any, w: Any) -> tuple[list[float], list[float], list[float]]:
    """Parallel ranges of an aggregate; rows that are empty in all three are skipped."""
    a, b, c = (ratakan(v)[0] for v in (r, t, w))
    if not (len(a) == len(b) == len(c)):
        raise ValueError("rentang realisasi, target dan bobot harus sama ukurannya")
    keluar: tuple[list[float], list[float], list[float]] = ([], [], [])
    for baris in zip(a, b, c):
        if all(v is None for v in baris):
            continue
        for daftar, v, nama in zip(keluar, baris, ("realisasi", "target", "bobot")):
            daftar.append(satu(v, nama))
    return keluar


def baris(x: Any, n: int) -> list[list[Any]]:
    vals, b = ratakan(x)
    lebar = b.kolom if b.jenis == "2d" else max(1, len(vals) // max(1, n))
    return [vals[i * lebar:(i + 1) * lebar] for i in range(n)]

