"""The rule on the workbook's structure: what the reader could not find where the layout puts it."""
from __future__ import annotations

from ..buku.baca import Posisi
from ..buku.cuplikan import Cuplikan, teks_persen
from ..data.notasi import tulis_angka
from .daftar import GALAT, Kumpulan, aturan

__all__ = ["periksa_struktur", "periksa_persen"]

A_STRUKTUR = aturan("struktur", GALAT, "semua", "Susunan workbook yang rusak: lembar, judul kolom atau nama (defined name) yang hilang "
                    "atau menunjuk #REF!, kode kosong pada baris yang berisi, atau baris kosong di tengah tabel (baris sesudahnya tetap "
                    "dibaca).")


def periksa_struktur(k: Kumpulan, c: Cuplikan, pos: Posisi) -> None:
    """Every problem the reader recorded, at its cell; a broken defined name not used by the reader too."""
    for m in pos.masalah:
        k.tambah(A_STRUKTUR, (m.lembar, m.r, m.c), m.pesan, m.saran)
    for nama, teks in c.nama_rusak.items():
        if nama not in pos.pengaturan:
            k.tambah(A_STRUKTUR, (next(iter(c.lembar)), 0, 0), f"nama '{nama}' menunjuk '{teks}': rumus yang memakainya tidak dapat "
                     "dihitung", f"Perbaiki nama '{nama}' (Formulas > Name Manager) atau susun ulang workbook")


A_ANGKA_PERSEN = aturan("angka-persen", GALAT, "semua", "Angka yang diketik pada sel berformat persen (Excel menyimpan 80% sebagai 0,8): "
                        "program membacanya seperti tampilannya (80%), tetapi fungsi di sel menghitung dengan 0,8; ketik ulang sebagai "
                        "teks pada sel berformat Teks.")


def periksa_persen(k: Kumpulan, c: Cuplikan) -> None:
    """Rule R8 of issue 15: a typed number in a percent-formatted cell is read as the percent it shows, and named, because
    the cell functions (which see only 0.8) would compute with the fraction: never a silent capaian of 1,0."""
    for nama, v in c.lembar.items():
        for (r, kol), x in sorted(v.persen.items()):
            tampil = teks_persen(x)
            k.tambah(A_ANGKA_PERSEN, (nama, r, kol), f"sel berformat persen menyimpan {tulis_angka(x)} (tampil {tampil}); dibaca "
                     f"sebagai {tampil}, tetapi rumus di sel menghitung dengan {tulis_angka(x)}",
                     f"Format sel sebagai Teks (Format Cells > Text), lalu ketik ulang {tampil}")
