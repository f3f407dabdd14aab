"""Plug-in for the independent formula engine pycel: our Excel functions under pycel's names.

pycel looks a custom function up by its lower-case name in a plug-in module. The functions are
the same functions Excel calls through xlwings (``kinerja.udf``); pycel does everything else
(references, defined names, array formulas, native functions) with code nobody here wrote.
Usage: ``pycel.ExcelCompiler(filename=path, plugins=["kinerja.excel.evaluasi"])``.
"""
from __future__ import annotations

from ..buku.fungsi import REGISTRI

globals().update({nama.lower(): f.fungsi for nama, f in REGISTRI.items()})
__all__ = [nama.lower() for nama in REGISTRI]


def kompilator(path: str, plugin: str = __name__):
    """A pycel ExcelCompiler for ``path`` with this plug-in (or another module of the same names, ``plugin``).

    pycel 1.0b30 reads defined names with the openpyxl < 3.1 API (``defined_names.definedName``);
    with openpyxl 3.1 the names are a dict, so they are handed to pycel here, unchanged.
    """
    from pycel import ExcelCompiler
    xl = ExcelCompiler(filename=str(path), plugins=[plugin])
    wb = xl.excel.workbook
    xl.excel._defined_names = {
        str(nama): [(alias, lembar) for lembar, alias in d.destinations if lembar in wb]
        for nama, d in wb.defined_names.items()
    }
    return xl
