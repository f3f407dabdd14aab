"""A snapshot of a workbook: every sheet's values and formulas as plain lists, and its names.

Reading rules (the dataset reader, validation, export) work on a snapshot, never on a live
library object, so that the same code serves a file on disk (openpyxl, read only) and the
workbook open in Excel (xlwings, in :mod:`kinerja.excel.makro`): only the loaders differ.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from ..data.berkas import BerkasError, periksa_workbook

__all__ = ["LembarSel", "Cuplikan", "dari_berkas", "alamat"]


def alamat(r: int, c: int) -> str:
    """A1 address of 0-based (row, column)."""
    return f"{get_column_letter(c + 1)}{r + 1}"


@dataclass
class LembarSel:
    """One sheet: cached values and formulas (``None`` where the cell holds no formula), 0-based."""

    nilai: list[list[Any]] = field(default_factory=list)
    rumus: list[list[str | None]] = field(default_factory=list)

    def v(self, r: int, c: int) -> Any:
        try:
            return self.nilai[r][c]
        except IndexError:
            return None

    def f(self, r: int, c: int) -> str | None:
        try:
            return self.rumus[r][c]
        except IndexError:
            return None

    @property
    def baris(self) -> int:
        return len(self.nilai)


@dataclass
class Cuplikan:
    """A workbook as plain data: sheets by name, defined names -> (sheet, 0-based row, col)."""

    nama_berkas: str
    lembar: dict[str, LembarSel]
    nama: dict[str, tuple[str, int, int]] = field(default_factory=dict)

    def ambil(self, nama_lembar: str) -> LembarSel:
        if nama_lembar not in self.lembar:
            raise BerkasError(f"workbook '{self.nama_berkas}' tidak memiliki lembar '{nama_lembar}'")
        return self.lembar[nama_lembar]

    def nilai_nama(self, nama: str) -> Any:
        if nama not in self.nama:
            return None
        lembar, r, c = self.nama[nama]
        return self.lembar[lembar].v(r, c) if lembar in self.lembar else None


def _rumus_teks(sel: Any) -> str | None:
    """The formula of an openpyxl cell, or None (a text that merely starts with '=' is not one)."""
    if sel.data_type != "f":
        return None
    x = sel.value
    teks = getattr(x, "text", x)             # openpyxl ArrayFormula / DataTableFormula carry .text
    return "=" + str(teks).lstrip("=")


def dari_berkas(path: Path | str) -> Cuplikan:
    """Snapshot of a workbook file (checked first; opened read-only in memory, never saved)."""
    import openpyxl
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
    p = periksa_workbook(path)
    try:
        wf = openpyxl.load_workbook(p, data_only=False)
        wv = openpyxl.load_workbook(p, data_only=True)
    except Exception as e:  # openpyxl raises many kinds on a damaged file
        raise BerkasError(f"workbook '{p.name}' tidak dapat dibaca: {e}") from None
    lembar = {}
    for ws in wf.worksheets:
        vs = wv[ws.title]
        n_r, n_c = ws.max_row, ws.max_column
        nilai = [[vs.cell(r, c).value for c in range(1, n_c + 1)] for r in range(1, n_r + 1)]
        rumus = [[_rumus_teks(ws.cell(r, c)) for c in range(1, n_c + 1)] for r in range(1, n_r + 1)]
        lembar[ws.title] = LembarSel(nilai, rumus)
    nama = {}
    for n, d in wv.defined_names.items():
        for judul, sel in d.destinations:
            try:
                kol, baris = coordinate_from_string(sel.replace("$", "").split(":")[0])
            except ValueError:
                continue
            nama[n] = (judul, baris - 1, column_index_from_string(kol) - 1)
            break
    return Cuplikan(p.name, lembar, nama)
