"""The catalogue of the workbook's Excel functions: name, help text, arguments, implementation.

Each function is plain Python on cell values (:mod:`kinerja.buku.fungsi_iku`,
:mod:`kinerja.buku.fungsi_hitung`) and registers here with :func:`fungsi_excel`: its docstring is
its Indonesian Function Wizard help (<= 255 characters) and every argument has help. Registered is
the *safe* form, which turns a rule's refusal into a ``#``-message for the cell instead of an
exception, and a merely empty input (:class:`~kinerja.aturan.kalkulator.MasukanKosong`) into ``n/a``. The builder computes cached values with these, :mod:`kinerja.buku.vba` generates the
VBA wrappers and ``MacroOptions`` calls from the catalogue, and :mod:`kinerja.excel.udf` hands
each one to xlwings.
"""
from __future__ import annotations

import functools
import math
import inspect
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from ..aturan.agregasi import PengaturanError
from ..aturan.kalkulator import KalkulatorError, MasukanKosong
from ..data.notasi import NotasiError
from .sel import NA, pesan

__all__ = ["Argumen", "FungsiExcel", "fungsi_excel", "REGISTRI", "KATEGORI", "fungsi", "daftar_fungsi"]

KATEGORI = "Kinerja"
"""The Function Wizard category of every function."""
MAKS_BANTUAN = 255
"""Excel's limit on a function's and an argument's help text."""


@dataclass(frozen=True)
class Argumen:
    """One argument of an Excel function with its Function Wizard help."""

    nama: str
    bantuan: str
    opsional: bool


@dataclass(frozen=True)
class FungsiExcel:
    """An Excel function: its name, help text and arguments (for VBA wrappers and MacroOptions)."""

    nama: str
    bantuan: str
    argumen: tuple[Argumen, ...]
    fungsi: Callable[..., Any]


REGISTRI: dict[str, FungsiExcel] = {}
"""Every function by name, in registration order (the order of the generated VBA help)."""


def fungsi_excel(**bantuan_argumen: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register an Excel function: docstring = help (<= 255), one help text per argument."""
    def deco(f: Callable[..., Any]) -> Callable[..., Any]:
        bantuan = inspect.cleandoc(f.__doc__ or "")
        params = list(inspect.signature(f).parameters.values())
        if not bantuan or len(bantuan) > MAKS_BANTUAN or set(bantuan_argumen) != {p.name for p in params}:
            raise TypeError(f"{f.__name__}: bantuan fungsi/argumen tidak lengkap atau > 255 karakter")
        args = tuple(Argumen(p.name, bantuan_argumen[p.name], p.default is not inspect.Parameter.empty) for p in params)
        if any(len(a.bantuan) > MAKS_BANTUAN for a in args):
            raise TypeError(f"{f.__name__}: bantuan argumen > 255 karakter")

        @functools.wraps(f)
        def aman(*a: Any, **k: Any) -> Any:
            try:
                hasil = f(*a, **k)
                return NA if isinstance(hasil, float) and not math.isfinite(hasil) else hasil   # never nan/inf in a cell
            except MasukanKosong:
                return NA                          # rule R1: a merely empty input is n/a, never an error text
            except (KalkulatorError, NotasiError, PengaturanError, ValueError) as e:
                return pesan(str(e))

        REGISTRI[f.__name__] = FungsiExcel(f.__name__, bantuan, args, aman)
        return aman
    return deco


def fungsi(nama: str) -> Callable[..., Any]:
    """The Excel function registered under ``nama`` (upper case)."""
    return REGISTRI[nama].fungsi


def daftar_fungsi() -> Sequence[FungsiExcel]:
    """Every registered Excel function, in registration order."""
    return list(REGISTRI.values())

