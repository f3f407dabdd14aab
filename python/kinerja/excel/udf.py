"""The Excel functions as xlwings UDFs: each catalogue function (:mod:`kinerja.buku.fungsi`) with
xlwings' decorators, under its Excel name. Importable as ``kinerja.udf``, the module the workbook's
``UDF Modules`` names and its VBA wrappers call (``XLPy.CallUDF("kinerja.udf", ...)``).

Every argument arrives as a 2-D range (``ndim=2``) and is normalised by the function itself, never
by an xlwings converter; the argument help is the catalogue's (``@xw.arg(doc=...)``).

Error cells (rule R4 of issue 15): xlwings 0.37.8 hands an Excel error value (``#DIV/0!``, ``#N/A``, ``#REF!``...)
to a UDF as None, the same as an empty cell, unless the argument says ``err_to_str=True``
(``xlwings/_xlwindows.py`` ``_clean_value_data_element``: ``cell_errors[value] if err_to_str else None``). Every
argument says it, so a function sees the error as its text and reads it as the engine does: ``#N/A`` = n/a (R2),
any other ``#`` text = the input is in error.
"""
from __future__ import annotations

import functools
from typing import Any, Callable

import xlwings as xw

from ..buku.fungsi import KATEGORI, NA, REGISTRI, Argumen, FungsiExcel, daftar_fungsi

OPSI_ARGUMEN = {"ndim": 2, "err_to_str": True}
"""xlwings' read options of every argument: a 2-D list, Excel error values as their text (see module doc)."""

__all__ = ["OPSI_ARGUMEN", "REGISTRI", "KATEGORI", "NA", "Argumen", "FungsiExcel", "daftar_fungsi", "udf", *REGISTRI]


def udf(nama: str) -> Callable[..., Any]:
    """The catalogue function ``nama`` wrapped for xlwings (its own object: the catalogue stays untouched)."""
    f = REGISTRI[nama]

    @functools.wraps(f.fungsi)
    def sel(*a: Any, **k: Any) -> Any:
        return f.fungsi(*a, **k)

    g: Callable[..., Any] = sel
    for a in reversed(f.argumen):
        g = xw.arg(a.nama, doc=a.bantuan, **OPSI_ARGUMEN)(g)
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
PROYEKSI_TAHUNAN = udf("PROYEKSI_TAHUNAN")
SELISIH_LEVEL = udf("SELISIH_LEVEL")
JUMLAH_NILAI = udf("JUMLAH_NILAI")
RATA_NILAI = udf("RATA_NILAI")
SKOR_TATA_KELOLA = udf("SKOR_TATA_KELOLA")
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
