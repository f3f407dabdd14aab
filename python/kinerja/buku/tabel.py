"""Finding the tables of a sheet by their structure: header rows and end markers from the layout.

A table runs from the row after its header to the row before its end marker (or the sheet's last
filled row). A row with content but no key, and a blank row between filled rows, are problems at
that cell; the rows after them are still read. Problems are collected as :class:`Masalah`, which
the validator reports as findings and ``kinerja laporan`` as the reason its exit status is not 0.
"""
from __future__ import annotations

from dataclasses import dataclass
import re
from typing import Any, Iterable

from .cuplikan import Cuplikan, LembarSel

__all__ = ["Masalah", "teks", "ada_isi", "cari_baris", "baris_tabel", "rujuk"]

_RUJUKAN = re.compile(r"^=\s*(?:'?([^'!]+)'?!)?\$?([A-Z]{1,3})\$?(\d+)\s*$")


@dataclass(frozen=True)
class Masalah:
    """A structural problem of the workbook: where (sheet, 0-based row and column), what, and how to fix it."""

    lembar: str
    r: int
    c: int
    pesan: str
    saran: str
    menghalangi: bool = False        # a value Susun Ulang could not carry (a row without its key): it refuses until fixed


def teks(x: Any) -> str:
    """A cell as stripped text ('' for empty)."""
    return "" if x is None else str(x).strip()


def ada_isi(v: LembarSel, r: int, kolom: Iterable[int]) -> bool:
    """True when any of the columns of row ``r`` holds a value or a formula."""
    return any(teks(v.v(r, c)) or v.f(r, c) for c in kolom)


def cari_baris(v: LembarSel, kolom: int, isi: str, dari: int = 0, sampai: int | None = None) -> int | None:
    """The first filled row in [dari, sampai) whose cell in ``kolom`` reads ``isi``."""
    return next((r for r in v.baris_terisi(dari, sampai) if teks(v.v(r, kolom)) == isi), None)


def baris_tabel(v: LembarSel, lembar: str, awal: int, akhir: int | None, kunci: int, kolom: Iterable[int],
                nama_tabel: str, masalah: list[Masalah], nama_kunci: str = "kode") -> list[int]:
    """The rows of a table in [awal, akhir) that have a key in column ``kunci``.

    A row with content in ``kolom`` but an empty key, and a blank row between filled rows, become a
    :class:`Masalah` at the key cell; the rows after them are still returned.
    """
    kolom = tuple(kolom)
    terisi = [r for r in v.baris_terisi(awal, akhir) if ada_isi(v, r, kolom)]
    hasil = []
    for i, r in enumerate(terisi):
        if i and r > terisi[i - 1] + 1:
            masalah.append(Masalah(lembar, terisi[i - 1] + 1, kunci, f"baris kosong di tengah {nama_tabel}",
                                   "Hapus baris kosong itu (klik kanan > Delete), atau isi barisnya; baris di bawahnya tetap dibaca"))
        if teks(v.v(r, kunci)) in ("", "0") and not v.f(r, kunci):
            masalah.append(Masalah(lembar, r, kunci, f"{nama_tabel}: {nama_kunci} kosong pada baris yang berisi",
                                   f"Isi {nama_kunci}, atau kosongkan seluruh baris", menghalangi=True))
            continue
        hasil.append(r)
    return hasil


def rujuk(c: Cuplikan, lembar: str, r: int, k: int, kedalaman: int = 4) -> Any:
    """A cell's value, following a plain link (``=PK!$A$26``) to the cell it shows instead of trusting its cached result.

    Links are how the builder repeats an input on another sheet (a TW row's code, a kegiatan's name);
    a file saved without cached values, or with stale ones, still reads right. Other formulas: the cached value.
    """
    v = c.lembar.get(lembar)
    if v is None:
        return None
    rumus = v.f(r, k)
    m = _RUJUKAN.match(rumus) if rumus else None
    if m is None or kedalaman == 0:
        return v.v(r, k)
    kol = 0
    for ch in m.group(2):
        kol = kol * 26 + ord(ch) - 64
    return rujuk(c, m.group(1) or lembar, int(m.group(3)) - 1, kol - 1, kedalaman - 1)
