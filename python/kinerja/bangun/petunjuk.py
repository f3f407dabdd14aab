"""The Petunjuk sheet: what the workbook is, the quarterly steps, the sheets, what a cell's content means, and the
validation rules (rendered from the registry of :mod:`kinerja.periksa`, never retyped)."""
from __future__ import annotations

import math

from ..buku import tata_letak as tl
from ..data.dataset import Dataset
from ..periksa import daftar_baris
from .dasar import Buku, cetak

__all__ = ["lembar_petunjuk", "PETUNJUK", "aturan_validasi"]

PETUNJUK = (
    ("Tentang workbook ini", None),
    ("Workbook ini menghitung capaian IKU, NSS, NKO, Indeks Tata Kelola dan realisasi anggaran dengan fungsi Excel "
     "(kategori 'Kinerja') yang dijalankan oleh Python melalui xlwings. Angka yang tampil tanpa Python adalah hasil "
     "perhitungan saat workbook dibangun.", "paragraf"),
    ("Langkah setiap triwulan", None),
    ("1. Buka lembar TW yang sesuai (TW I sampai TW IV) dan isi kolom Realisasi (sel kuning). Angka boleh ditulis dengan "
     "notasi Indonesia: 1.148.800 / 88,46 / 4,79* (bintang = proyeksi).", "paragraf"),
    ("2. Bila realisasi belum tersedia, biarkan kosong: capaian menjadi n/a (bukan 0) dan tidak dihitung dalam NSS; "
     "tulis alasannya di kolom Keterangan.", "paragraf"),
    ("3. Tekan tombol Validasi. Temuan masuk ke lembar Validasi dengan tautan ke setiap sel.", "paragraf"),
    ("4. Bila tidak ada galat, tekan Ekspor untuk menulis berkas xlsx, pdf, csv dan json triwulan ke folder ekspor.", "paragraf"),
    ("Lembar", None),
    ("PK: pengaturan (tahun, metode dan batas NKO, batas capaian 120, skala tata kelola), tabel Sasaran Strategis dan IKU "
     "dengan polarisasi, target tertulis, batas rentang, target per triwulan dan kalkulator.", "paragraf"),
    ("TW I-TW IV: realisasi, capaian, status (hijau/kuning/merah), NSS, NKO dan grafik capaian terhadap garis 100.", "paragraf"),
    ("Rincian: masukan kalkulator setiap IKU (proyeksi e-commerce, tahapan KSP, komponen tata kelola, SAKIP, penyerapan).", "paragraf"),
    ("Riwayat: capaian 2020-2024 dihitung ulang beserta angka terbit dan selisihnya.", "paragraf"),
    ("Validasi: hasil pemeriksaan terakhir. xlwings.conf: pengaturan Python (diisi TI).", "paragraf"),
    ("Arti isi sel", None),
    ("n/a: realisasi belum tersedia; tidak dihitung dalam NSS/NKO (laporan l.835).", "paragraf"),
    ("#Teks ... tidak dapat dibaca: angka salah tulis. Gunakan titik untuk ribuan dan koma untuk desimal.", "paragraf"),
    ("#Target 0 ...: target 0 tidak dapat dipakai untuk maximize; untuk minimize isi Realisasi terburuk pada lembar PK.", "paragraf"),
    ("#Polarisasi ...: isi Maximize, Minimize atau Stabilize; Stabilize memerlukan batas bawah dan atas (atau target rentang).", "paragraf"),
    ("#Tahap ... di luar Tahap 1-4 / #Bobot ... seharusnya 100: perbaiki masukan pada lembar Rincian.", "paragraf"),
    ("Rumus dan sumber: RUMUS.md (disarikan dari Laporan Kinerja 2024). Panduan lengkap: workbook/PANDUAN.md.", "paragraf"),
)


def lembar_petunjuk(b: Buku, ds: Dataset) -> None:
    """Write Petunjuk (staff guide in the workbook; the full guide is workbook/PANDUAN.md)."""
    ws = b.tambah(tl.PETUNJUK)
    g = b.gaya
    ws.set_column(0, 0, 110)
    b.rumus(tl.PETUNJUK, 0, 0, f'="Laporan Kinerja "&{tl.N_UNIT}&" Tahun "&{tl.N_TAHUN}', f"Laporan Kinerja {ds.unit} Tahun {ds.tahun}", "judul")
    r = 2
    for teks, gaya in (*PETUNJUK, *aturan_validasi()):
        ws.write(r, 0, teks, g[gaya] if gaya else g["bagian"])
        if gaya:
            ws.set_row(r, 15 * max(1, math.ceil(len(teks) / 120)))
        r += 1
    cetak(ws, ds, tl.PETUNJUK, r, 0, 0)


def aturan_validasi() -> list[tuple[str, str | None]]:
    """The checks of the Validasi button, one paragraph each, rendered from the rule registry (kinerja.periksa)."""
    return [("Aturan validasi (tombol Validasi, 'kinerja validasi')", None),
            ("galat: angka salah atau tidak dapat dihitung, ekspor ditolak; peringatan: kemungkinan salah atau belum lengkap; "
             "info: untuk diketahui.", "paragraf"),
            *((f"{nama} ({tingkat}; {lembar}): {uraian}", "paragraf") for nama, tingkat, lembar, uraian in daftar_baris())]

