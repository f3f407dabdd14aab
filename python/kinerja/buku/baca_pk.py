"""Reading the PK sheet's settings and small tables: settings by defined name (or label), the perspektif
weights, the predicate bands and the SS table, each found by its title or header (:mod:`~kinerja.buku.tabel`).

Settings and tables that workbooks built before them lack (``tl.PENGATURAN_OPSIONAL``, the weights and the
bands) take their defaults without a problem: Susun Ulang is how such a workbook gets them.
"""
from __future__ import annotations

from typing import Any

from ..data.dataset import SS
from . import tata_letak as tl
from .cuplikan import Cuplikan, LembarSel
from .tabel import Masalah, baris_tabel, cari_baris, teks

__all__ = ["baca_pengaturan", "baca_ss", "baca_bobot", "baca_predikat", "batas_bagian"]

Sel = tuple[str, int, int]


def batas_bagian(v: LembarSel, judul: str) -> tuple[int, int | None] | None:
    """(title row, row of the next section title) of a PK section, or None when the title is absent."""
    judul_lain = (tl.BOBOT_JUDUL, tl.PREDIKAT_JUDUL, tl.JUDUL_SS, tl.IKU_JUDUL)
    r = cari_baris(v, 0, judul)
    if r is None:
        return None
    akhir = next((x for x in v.baris_terisi(r + 1) if teks(v.v(x, 0)) in judul_lain), None)
    return r, akhir


def baca_pengaturan(c: Cuplikan, masalah: list[Masalah], posisi: dict[str, Sel]) -> dict[str, Any]:
    """Settings by defined name; a missing or broken name is a problem, and the value is then found by its label."""
    pk = c.lembar[tl.PK]
    batas = cari_baris(pk, tl.SS_KODE, tl.SS_KEPALA)
    peng = {}
    for nama, kunci, _ in tl.PENGATURAN:
        if nama in c.nama and c.nama[nama][0] in c.lembar:
            posisi[nama] = c.nama[nama]
            peng[kunci] = c.nilai_nama(nama)
            continue
        r = cari_baris(pk, 0, nama.replace("_", " "), 0, batas)
        if r is None and nama in tl.PENGATURAN_OPSIONAL and nama not in c.nama_rusak:
            continue                                     # a workbook built before the setting: its default
        sebab = f"menunjuk '{c.nama_rusak[nama]}'" if nama in c.nama_rusak else "tidak ada"
        masalah.append(Masalah(tl.PK, r if r is not None else tl.PENGATURAN_BARIS0, tl.PENGATURAN_KOLOM,
                               f"nama '{nama}' {sebab}; rumus yang memakainya tidak dapat dihitung",
                               f"Buat ulang nama '{nama}' (Formulas > Name Manager) menunjuk sel nilainya, atau susun ulang workbook"))
        if r is None:
            masalah.append(Masalah(tl.PK, tl.PENGATURAN_BARIS0, 0, f"pengaturan '{nama.replace('_', ' ')}' tidak ditemukan",
                                   "Kembalikan baris pengaturan itu pada lembar PK"))
            peng[kunci] = None
        else:
            posisi[nama] = (tl.PK, r, tl.PENGATURAN_KOLOM)
            peng[kunci] = pk.v(r, tl.PENGATURAN_KOLOM)
    return peng


def _baris_bagian(c: Cuplikan, judul: str, kunci: int, kolom: tuple[int, ...], nama: str, nama_kunci: str,
                  masalah: list[Masalah], nama_def: str) -> list[int]:
    """The filled rows of a PK section's table (title, header, rows up to the next title). A workbook whose defined
    name shows it has the table but whose title is gone: a problem at the title's place (its values cannot be read)."""
    v = c.lembar[tl.PK]
    b = batas_bagian(v, judul)
    if b is None:
        if nama_def in c.nama:
            r = max(0, c.nama[nama_def][1] - 2)
            masalah.append(Masalah(tl.PK, r, 0, f"judul '{judul}' tidak ditemukan di kolom A: {nama} tidak dapat dibaca",
                                   f"Kembalikan judul '{judul}' di atas baris judul kolomnya", menghalangi=True))
        return []
    r, akhir = b
    terisi = [x for x in v.baris_terisi(r + 2, akhir) if any(teks(v.v(x, k)) for k in kolom)]
    return baris_tabel(v, tl.PK, r + 2, (terisi[-1] + 1) if terisi else r + 2, kunci, kolom, nama, masalah, nama_kunci)


def baca_bobot(c: Cuplikan, masalah: list[Masalah], posisi: list[int]) -> tuple[tuple[str, Any], ...]:
    """(perspektif, weight as typed) of the rows that have a weight (their rows appended to ``posisi``); none -> plain means."""
    v = c.lembar[tl.PK]
    kolom = (tl.BOBOT_PERSPEKTIF, tl.BOBOT_NILAI)
    baris = [r for r in _baris_bagian(c, tl.BOBOT_JUDUL, tl.BOBOT_PERSPEKTIF, kolom, "tabel Bobot Perspektif", "nama perspektif",
                                      masalah, tl.NAMA_BOBOT[0][0]) if teks(v.v(r, tl.BOBOT_NILAI))]
    posisi += baris
    return tuple((teks(v.v(r, tl.BOBOT_PERSPEKTIF)), v.v(r, tl.BOBOT_NILAI)) for r in baris)


def baca_predikat(c: Cuplikan, masalah: list[Masalah], posisi: list[int]) -> tuple[tuple[Any, str, str], ...]:
    """(lower bound as typed, name, colour) per band, from the highest (rows appended to ``posisi``); none -> the report's."""
    v = c.lembar[tl.PK]
    kolom = (tl.PREDIKAT_BATAS, tl.PREDIKAT_NAMA, tl.PREDIKAT_WARNA)
    baris = _baris_bagian(c, tl.PREDIKAT_JUDUL, tl.PREDIKAT_NAMA, kolom, "tabel Predikat Capaian", "nama predikat", masalah,
                          tl.NAMA_PREDIKAT[1][0])
    posisi += baris
    return tuple((v.v(r, tl.PREDIKAT_BATAS), teks(v.v(r, tl.PREDIKAT_NAMA)), teks(v.v(r, tl.PREDIKAT_WARNA))) for r in baris)


def baca_ss(c: Cuplikan, masalah: list[Masalah], posisi: dict[str, Sel]) -> list[SS]:
    """The SS table: from its header (``Kode SS`` in column A) to the IKU section title."""
    v = c.lembar[tl.PK]
    r0 = cari_baris(v, tl.SS_KODE, tl.SS_KEPALA)
    if r0 is None:
        masalah.append(Masalah(tl.PK, 0, tl.SS_KODE, f"tabel Sasaran Strategis tidak ditemukan (judul kolom '{tl.SS_KEPALA}')",
                               "Kembalikan baris judul tabel SS pada lembar PK"))
        return []
    akhir = cari_baris(v, 0, tl.IKU_JUDUL, r0 + 1)
    hasil = []
    for r in baris_tabel(v, tl.PK, r0 + 1, akhir, tl.SS_KODE, (tl.SS_KODE, tl.SS_NAMA, tl.SS_PERSPEKTIF), "tabel SS", masalah):
        kode = teks(v.v(r, tl.SS_KODE))
        hasil.append(SS(kode, teks(v.v(r, tl.SS_PERSPEKTIF)), teks(v.v(r, tl.SS_NAMA))))
        posisi.setdefault(kode, (tl.PK, r, tl.SS_KODE))
    return hasil
