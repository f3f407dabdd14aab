"""Validation of a Kinerja workbook: findings with level, sheet, cell, message, fix and rule.

Rules run on a :class:`~kinerja.buku.cuplikan.Cuplikan` (a file through openpyxl, or the workbook
open in Excel through xlwings) and on the dataset read from it, so the command line and the
Validasi button find the same things. One module per concern (:mod:`pk`, :mod:`tw`,
:mod:`model`, :mod:`rumus`, :mod:`rincian`, :mod:`riwayat`, :mod:`anggaran`; :mod:`umum` for what they share);
each rule is registered once in :mod:`daftar` with its name, level and Indonesian text, from which
the README's list and the Petunjuk sheet are rendered. Each bad cell is reported once: a cell
whose text cannot be read gets only that finding. May import :mod:`kinerja.buku` and below.
"""
from __future__ import annotations

from ..buku.baca import Posisi, baca
from ..buku.cuplikan import Cuplikan
from ..data.dataset import Dataset
from .daftar import ATURAN, GALAT, INFO, PERINGATAN, Aturan, Kumpulan, Temuan, ada_galat, daftar_baris, daftar_markdown

# isort: off
# The import order is the registration order, which is the order of the documented rule list.
from .struktur import periksa_persen, periksa_struktur
from .pk import periksa_pengaturan, periksa_ss_iku
from .model import periksa_model
from .tw import periksa_tw
from .nilai import periksa_nilai
from .rumus import periksa_rumus
from .rincian import periksa_rincian
from .riwayat import periksa_riwayat
from .anggaran import periksa_anggaran
# isort: on

__all__ = ["Temuan", "Aturan", "ATURAN", "validasi", "GALAT", "PERINGATAN", "INFO", "ada_galat", "daftar_baris", "daftar_markdown"]


def validasi(c: Cuplikan, tw: int | None = None, dibaca: tuple[Dataset, Posisi] | None = None) -> list[Temuan]:
    """Every finding of the workbook snapshot ``c``; ``tw`` (1-4) limits the TW rules to one sheet.

    ``dibaca``: the dataset and positions already read from ``c`` (so an export reads it once).
    """
    ds, pos = dibaca or baca(c)
    k = Kumpulan()
    periksa_struktur(k, c, pos)
    periksa_persen(k, c)
    periksa_pengaturan(k, ds, pos)
    periksa_ss_iku(k, ds, pos)
    periksa_model(k, ds, pos)
    periksa_tw(k, c, ds, pos, tw)
    periksa_rumus(k, c, ds, pos, [tw - 1] if tw else list(range(4)))
    periksa_rincian(k, c, ds, pos)
    periksa_riwayat(k, c, ds, pos)
    periksa_anggaran(k, c, ds, pos)
    periksa_nilai(k, c, ds, pos, tw)                   # last: it knows whether an input was unreadable
    return k.hasil(list(c.lembar))
