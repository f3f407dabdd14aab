"""The Excel functions as xlwings UDFs: each catalogue function (:mod:`kinerja.buku.fungsi`) with
xlwings' decorators, under its Excel name. Importable as ``kinerja.udf``, the module the workbook's
``UDF Modules`` names and its VBA wrappers call (``XLPy.CallUDF("kinerja.udf", ...)``).

Every argument arrives as a 2-D range (``ndim=2``) and is normalised by the function itself, never
by an xlwings converter; the argument help is the catalogue's (``@xw.arg(doc=...)``).
"""
from __future__ import annotations

import functools
from typing import Any, Callable

import xlwings as xw

from ..buku.fungsi import KATEGORI, NA, REGISTRI, Argumen, FungsiExcel, daftar_fungsi

__all__ = ["REGISTRI", "KATEGORI", "NA", "Argumen", "FungsiExcel", "daftar_fungsi", "udf", *REGISTRI]


def udf(nama: str) -> Callable[..., Any]:
    """The catalogue function ``nama`` wrapped for xlwings (its own object: the catalogue stays untouched)."""
    f = REGISTRI[nama]

    @functools.wraps(f.fungsi)
    def sel(*a: Any, **k: Any) -> Any:
        return f.fungsi(*a, **k)

    g: Callable[..., Any] = sel
    for a in reversed(f.argumen):
        g = xw.arg(a.nama, ndim=2, doc=a.bantuan)(g)
    return xw.func(category=KATEGORI)(g)


CAPAIAN_IKU = udf("CAPAIAN_IKU")
STATUS_CAPAIAN = udf("STATUS_CAPAIAN")
NILAI_ANGKA = udf("NILAI_ANGKA")
NSS = udf("NSS")
NKO = udf("NKO")
REALISASI_PERIODE = udf("REALISASI_PERIODE")
INDEKS_KATEGORI = udf("INDEKS_KATEGORI")
INDEKS_SKALA4 = udf("INDEKS_SKALA4")
KEBERHASILAN_KSP = udf("KEBERHASILAN_KSP")
RATA_LIKERT = udf("RATA_LIKERT")
PERTUMBUHAN = udf("PERTUMBUHAN")
PROYEKSI_TRIWULAN = udf("PROYEKSI_TRIWULAN")
KOMPOSIT = udf("KOMPOSIT")
TATA_KELOLA_SAKIP = udf("TATA_KELOLA_SAKIP")
TATA_KELOLA_RB = udf("TATA_KELOLA_RB")
KUALITAS_ANGGARAN = udf("KUALITAS_ANGGARAN")
TATA_KELOLA_KPA = udf("TATA_KELOLA_KPA")
INDEKS_TATA_KELOLA = udf("INDEKS_TATA_KELOLA")
NILAI_SAKIP = udf("NILAI_SAKIP")
PENYERAPAN = udf("PENYERAPAN")
DEVIASI_RPD = udf("DEVIASI_RPD")
DEVIASI_RPD_RATA = udf("DEVIASI_RPD_RATA")
CAPAIAN_KELUARAN = udf("CAPAIAN_KELUARAN")
EFISIENSI = udf("EFISIENSI")
NILAI_EFISIENSI = udf("NILAI_EFISIENSI")
