"""The rule on the workbook's structure: what the reader could not find where the layout puts it."""
from __future__ import annotations

from ..buku.baca import Posisi
from ..buku.cuplikan import Cuplikan
from .daftar import GALAT, Kumpulan, aturan

__all__ = ["periksa_struktur"]

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
