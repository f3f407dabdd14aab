"""The workbook's Excel functions, all of them: the catalogue (:mod:`katalog`) filled in the order
the VBA help is generated (the IKU functions first, then the calculators and the budget).

``fungsi.CAPAIAN_IKU(...)`` is the safe form the cell gets: the builder computes every cached
value with it, pycel evaluates formulas with it, and :mod:`kinerja.excel.udf` hands it to xlwings.
"""
from __future__ import annotations

# isort: off
from .fungsi_iku import CAPAIAN_IKU, NILAI_ANGKA, NKO, NSS, REALISASI_PERIODE, STATUS_CAPAIAN       # registers first: the order of the VBA help
from .fungsi_hitung import (CAPAIAN_KELUARAN, DEVIASI_RPD, DEVIASI_RPD_RATA, EFISIENSI, INDEKS_KATEGORI, INDEKS_SKALA4,
                            INDEKS_TATA_KELOLA, KEBERHASILAN_KSP, KOMPOSIT, KUALITAS_ANGGARAN, NILAI_EFISIENSI, NILAI_SAKIP, PENYERAPAN,
                            PERTUMBUHAN, PROYEKSI_TAHUNAN, PROYEKSI_TRIWULAN, RATA_LIKERT, SELISIH_LEVEL, JUMLAH_NILAI, RATA_NILAI, SKOR_TATA_KELOLA, TATA_KELOLA_KPA, TATA_KELOLA_RB, TATA_KELOLA_SAKIP)
# isort: on
from .katalog import KATEGORI, REGISTRI, Argumen, FungsiExcel, daftar_fungsi, fungsi
from .sel import NA

__all__ = ["REGISTRI", "KATEGORI", "NA", "Argumen", "FungsiExcel", "daftar_fungsi", "fungsi",
           "CAPAIAN_IKU", "STATUS_CAPAIAN", "NILAI_ANGKA", "NSS", "NKO", "REALISASI_PERIODE", "INDEKS_KATEGORI", "INDEKS_SKALA4", "KEBERHASILAN_KSP",
           "RATA_LIKERT", "PERTUMBUHAN", "PROYEKSI_TRIWULAN", "PROYEKSI_TAHUNAN", "SELISIH_LEVEL", "JUMLAH_NILAI", "RATA_NILAI",
           "SKOR_TATA_KELOLA", "KOMPOSIT", "TATA_KELOLA_SAKIP", "TATA_KELOLA_RB", "KUALITAS_ANGGARAN",
           "TATA_KELOLA_KPA", "INDEKS_TATA_KELOLA", "NILAI_SAKIP", "PENYERAPAN", "DEVIASI_RPD", "DEVIASI_RPD_RATA", "CAPAIAN_KELUARAN",
           "EFISIENSI", "NILAI_EFISIENSI"]
