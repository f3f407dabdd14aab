"""Kinerja: the engine behind the Laporan Kinerja workbook (SAKIP, Kemenko Perekonomian).

The pure engine (notation, capaian, NSS/NKO, calculators, budget) knows nothing of Excel; the
adapters (xlwings UDFs, macros, workbook builder, CLI) are thin and call it.
"""
from .capaian import capaian_iku, status_capaian
from .notasi import NotasiError, baca_nilai, tulis_angka

__all__ = ["capaian_iku", "status_capaian", "baca_nilai", "tulis_angka", "NotasiError"]
__version__ = "0.1.0"
