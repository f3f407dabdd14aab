"""Kinerja: the engine behind the Laporan Kinerja workbook (SAKIP, Kemenko Perekonomian).

Layers, each a subpackage, importing only downward (ARCHITECTURE.md; the contract is in setup.cfg):
``aturan`` (the rules, pure) < ``data`` (dataset, notation, files) < ``hitung`` (the rules on a
dataset) < ``buku`` (the workbook: layout, functions, reader) < ``periksa`` (validation) <
``bangun`` | ``keluaran`` (builder | reports and exports) < ``excel`` (what Excel calls) < ``cli``.
"""
from .aturan.capaian import capaian_iku, status_capaian
from .data.notasi import NotasiError, baca_nilai, tulis_angka

__all__ = ["capaian_iku", "status_capaian", "baca_nilai", "tulis_angka", "NotasiError"]
__version__ = "0.1.0"
