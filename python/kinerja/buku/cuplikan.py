"""A snapshot of a workbook: every sheet's cached values and formulas, sparse, and its defined names.

Reading rules (the dataset reader, validation, export) work on a snapshot, never on a live
library object, so that the same code serves a file on disk (openpyxl, read only) and the
workbook open in Excel (xlwings, in :mod:`kinerja.excel.makro`): only the loaders differ.

Bounded: only columns A..``tl.KOLOM_BACA`` are read, and only rows that hold something are kept,
so one stray value in XFD1048576 costs about what the clean workbook costs. A file is opened in
openpyxl's streaming (read-only) mode, once for the cached values and once for the formulas.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from openpyxl.utils import get_column_letter

from ..data.berkas import BerkasError, periksa_workbook
from . import tata_letak as tl

__all__ = ["LembarSel", "Cuplikan", "dari_berkas", "alamat", "gaya_persen", "teks_persen", "format_persen"]

_SEL = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")


def alamat(r: int, c: int) -> str:
    """A1 address of 0-based (row, column)."""
    return f"{get_column_letter(c + 1)}{r + 1}"


class LembarSel:
    """One sheet, 0-based: cached values and formulas (a formula's text starts with ``=``); empty cells absent.

    Built from dense rows (``[[...], ...]``, as Excel hands a range over) or from sparse
    ``{row: {column: value}}`` dictionaries.
    """

    def __init__(self, nilai: Iterable[list[Any]] | dict[int, dict[int, Any]] | None = None,
                 rumus: Iterable[list[Any]] | dict[int, dict[int, str]] | None = None) -> None:
        self._v = _jarang(nilai)
        self._f = {r: {c: x for c, x in b.items() if isinstance(x, str) and x.startswith("=")} for r, b in _jarang(rumus).items()}
        self._f = {r: b for r, b in self._f.items() if b}
        self.anggota_larik: set[tuple[int, int]] = set()
        """Cells of an array formula other than its first (their formula is the array's; Excel evaluates it once)."""
        self.persen: dict[tuple[int, int], float] = {}
        """Typed numbers in a percent-formatted cell (rule R8 of issue 15), read as the text they show (0.8 shown
        ``80%`` is the value ``'80%'``); here the number Excel stored, for the finding that names the cell."""

    def v(self, r: int, c: int) -> Any:
        """Cached value at (r, c), None when empty."""
        return self._v.get(r, {}).get(c)

    def f(self, r: int, c: int) -> str | None:
        """Formula at (r, c), None when the cell holds none."""
        return self._f.get(r, {}).get(c)

    @property
    def nilai(self) -> list[list[Any]]:
        """Dense rows of cached values, as Excel hands a range over (for small sheets: stand-ins, tests)."""
        return _padat(self._v, self.baris)

    @property
    def rumus(self) -> list[list[str | None]]:
        """Dense rows of formulas (None where a cell holds none)."""
        return _padat(self._f, self.baris)

    def ganti(self, r: int, c: int, nilai: Any, rumus: str | None = None) -> None:
        """Set one cell as Excel would save it: its value (None = empty) and its formula (None = typed)."""
        for isi, x in ((self._v, nilai), (self._f, rumus)):
            if x is None:
                isi.get(r, {}).pop(c, None)
            else:
                isi.setdefault(r, {})[c] = x

    @property
    def baris(self) -> int:
        """One past the last row that holds something."""
        return max((*self._v, *self._f), default=-1) + 1

    def baris_terisi(self, dari: int = 0, sampai: int | None = None) -> list[int]:
        """The rows that hold something, in order, within [dari, sampai)."""
        return sorted(r for r in {*self._v, *self._f} if r >= dari and (sampai is None or r < sampai))

    def ada_nilai_tersimpan(self) -> bool:
        """True when at least one formula cell carries a cached value (a file saved by Excel does)."""
        return any(self.v(r, c) is not None for r, b in self._f.items() for c in b)


def _padat(isi: dict[int, dict[int, Any]], n: int) -> list[list[Any]]:
    lebar = max((c for b in isi.values() for c in b), default=-1) + 1
    return [[isi.get(r, {}).get(c) for c in range(lebar)] for r in range(n)]


def _jarang(isi: Any) -> dict[int, dict[int, Any]]:
    if not isi:
        return {}
    if isinstance(isi, dict):
        return {r: {c: x for c, x in b.items() if x is not None} for r, b in isi.items() if b}
    keluar: dict[int, dict[int, Any]] = {}
    for r, b in enumerate(isi):
        d = {c: x for c, x in enumerate(b or ()) if x is not None}
        if d:
            keluar[r] = d
    return keluar


@dataclass
class Cuplikan:
    """A workbook as plain data: sheets by name, defined names -> (sheet, 0-based row, col).

    ``nama_rusak``: defined names that point nowhere (``#REF!``, a missing sheet), with their text.
    """

    nama_berkas: str
    lembar: dict[str, LembarSel]
    nama: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    nama_rusak: dict[str, str] = field(default_factory=dict)

    def ambil(self, nama_lembar: str) -> LembarSel:
        if nama_lembar not in self.lembar:
            raise BerkasError(f"workbook '{self.nama_berkas}' tidak memiliki lembar '{nama_lembar}'")
        return self.lembar[nama_lembar]

    def nilai_nama(self, nama: str) -> Any:
        if nama not in self.nama:
            return None
        lembar, r, c = self.nama[nama]
        return self.lembar[lembar].v(r, c) if lembar in self.lembar else None


def tujuan_nama(teks: str, lembar: Iterable[str]) -> tuple[str, int, int] | None:
    """(sheet, row, column) of the first cell a defined name's text refers to; None when it points nowhere."""
    teks = teks.lstrip("=").split(",")[0]
    if "!" not in teks:
        return None
    judul, sel = teks.rsplit("!", 1)
    judul = judul.strip("'").replace("''", "'")
    m = _SEL.match(sel.split(":")[0])
    if m is None or judul not in set(lembar):
        return None
    kol = 0
    for ch in m.group(1):
        kol = kol * 26 + ord(ch) - 64
    return judul, int(m.group(2)) - 1, kol - 1


_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ALAMAT = re.compile(r"([A-Z]{1,3})(\d+)$")


def _lembar(nilai: dict[int, dict[int, Any]], rumus: dict[int, dict[int, str]], anggota: set[tuple[int, int]],
            persen: dict[tuple[int, int], float]) -> LembarSel:
    v = LembarSel(nilai, rumus)
    v.anggota_larik = anggota
    v.persen = persen
    return v


def format_persen(kode: str | None) -> bool:
    """True when an Excel number format shows its number as a percent (a ``%`` outside quotes and escapes)."""
    return "%" in re.sub(r'"[^"]*"|\\.', "", kode or "")


def gaya_persen(wb: Any) -> set[int]:
    """Style indices of ``wb`` (openpyxl, after its stylesheet is read) whose number format shows a percent."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS_MAX_SIZE, builtin_format_code
    keluar = set()
    for i, st in enumerate(wb._cell_styles):
        n = st.numFmtId
        kode = wb._number_formats[n - BUILTIN_FORMATS_MAX_SIZE] if n >= BUILTIN_FORMATS_MAX_SIZE else builtin_format_code(n)
        if format_persen(kode):
            keluar.add(i)
    return keluar


def teks_persen(x: float) -> str:
    """What a percent-formatted number means as staff typed it: 0.8 -> ``'80%'``, 0.125 -> ``'12,5%'`` (full precision,
    not the display's rounding; Indonesian decimal comma)."""
    return f"{x * 100:.12g}".replace(".", ",") + "%"


def _baca_lembar(ws: Any, persen: set[int]) -> tuple[dict[int, dict[int, Any]], dict[int, dict[int, str]], set[tuple[int, int]],
                                                    dict[tuple[int, int], float]]:
    """Values and formulas of one sheet in one pass over its XML, only the rows it holds, columns A..tl.KOLOM_BACA.

    Streams the sheet's XML once (the empty million rows above a stray value in A1048576 are never visited).
    Values as openpyxl's reader gives them (shared and inline strings, numbers, dates by their number format,
    booleans, error texts); formulas as text, a shared formula translated to its cell as Excel would show it.
    A typed number (no formula) in a percent-formatted cell (style in ``persen``) is the text it shows (rule R8).
    """
    import xml.etree.ElementTree as ET

    from openpyxl.formula.translate import Translator
    wb = ws.parent
    nilai: dict[int, dict[int, Any]] = {}
    rumus: dict[int, dict[int, str]] = {}
    induk: dict[str, tuple[str, str]] = {}            # shared formula id -> (its text, its cell)
    larik: list[tuple[int, int, int, int, str]] = []  # array formulas: (first row, first col, last row, last col, text)
    ketik_persen: dict[tuple[int, int], float] = {}
    r, c = -1, -1
    with ws._get_source() as src:
        for ev, el in ET.iterparse(src, events=("start", "end")):
            tag = el.tag
            if tag == _NS + "row":
                if ev == "start":                         # a row without r follows the previous one (as openpyxl reads it)
                    r, c = (int(el.get("r")) - 1 if el.get("r") else r + 1), -1
                else:
                    el.clear()
                continue
            if tag != _NS + "c" or ev != "end":
                continue
            m = _ALAMAT.match(el.get("r", ""))
            if m is not None:
                c, r = _kolom_huruf(m.group(1)), int(m.group(2)) - 1
            else:                                         # a cell without r: the next column of its row
                c += 1
            sel = m.group(0) if m is not None else f"{_huruf(c)}{r + 1}"
            if c < tl.KOLOM_BACA:
                v = _nilai_sel(el, wb, ws._shared_strings)
                f = el.find(_NS + "f")
                if f is None and type(v) in (int, float) and int(el.get("s", "0")) in persen:
                    ketik_persen[(r, c)] = float(v)
                    v = teks_persen(float(v))
                if v is not None:
                    nilai.setdefault(r, {})[c] = v
                if f is not None:
                    teks = _teks_rumus(f, sel, induk, Translator)
                    if teks is not None:
                        rumus.setdefault(r, {})[c] = teks
                    if f.get("t") == "array" and teks is not None:
                        larik.append((*_rentang_sel(f.get("ref", sel)), teks))
            elif (f := el.find(_NS + "f")) is not None and f.get("t") == "shared" and f.text:
                induk[f.get("si", "")] = (f.text, sel)      # a shared formula's master right of the read columns
            el.clear()
    anggota: set[tuple[int, int]] = set()
    for r0, c0, r1, c1, teks in larik:                    # every cell of an array holds the array's formula
        for rr in range(r0, r1 + 1):
            for cc in range(c0, min(c1, tl.KOLOM_BACA - 1) + 1):
                if (rr, cc) != (r0, c0):
                    rumus.setdefault(rr, {})[cc] = teks
                    anggota.add((rr, cc))
    return nilai, rumus, anggota, ketik_persen


def _rentang_sel(ref: str) -> tuple[int, int, int, int]:
    """(first row, first col, last row, last col), 0-based, of ``A1`` or ``A1:B9``."""
    a, _, z = ref.partition(":")
    (ca, ra), (cz, rz) = (_ALAMAT.match(x).groups() for x in (a, z or a))
    return int(ra) - 1, _kolom_huruf(ca), int(rz) - 1, _kolom_huruf(cz)


def _huruf(c: int) -> str:
    from openpyxl.utils import get_column_letter
    return get_column_letter(c + 1)


def _kolom_huruf(huruf: str) -> int:
    k = 0
    for ch in huruf:
        k = k * 26 + ord(ch) - 64
    return k - 1


def _teks_rumus(f: Any, sel: str, induk: dict[str, tuple[str, str]], Translator: Any) -> str | None:
    """The formula text of a cell's ``<f>``: its own, or its shared formula's master translated to this cell."""
    if f.get("t") == "shared":
        si = f.get("si", "")
        if f.text:
            induk[si] = (f.text, sel)
            return "=" + f.text
        if si in induk:
            teks, asal = induk[si]
            return Translator("=" + teks, origin=asal).translate_formula(sel)
        return None
    return "=" + (f.text or "")


def _nilai_sel(el: Any, wb: Any, bersama: list[str]) -> Any:
    """A cell's cached value as openpyxl's reader returns it."""
    t = el.get("t", "n")
    if t == "inlineStr":
        is_ = el.find(_NS + "is")
        return "".join(x.text or "" for x in is_.iter(_NS + "t")) if is_ is not None else None
    v = el.find(_NS + "v")
    if v is None or v.text is None:
        return None
    x = v.text
    if t == "s":
        return bersama[int(x)]
    if t in ("str", "e"):
        return x
    if t == "b":
        return x.strip() in ("1", "true")
    if t == "d":
        from openpyxl.utils.datetime import from_ISO8601
        return from_ISO8601(x)
    angka: Any = float(x) if any(ch in x for ch in ".eE") else int(x)
    gaya = int(el.get("s", "0"))
    if gaya in wb._date_formats:
        from openpyxl.utils.datetime import from_excel
        return from_excel(angka, wb.epoch, timedelta=gaya in wb._timedelta_formats)
    return angka


def dari_berkas(path: Path | str) -> Cuplikan:
    """Snapshot of a workbook file (checked first; streamed read-only, never saved)."""
    import openpyxl
    p = periksa_workbook(path)
    try:
        wv = openpyxl.load_workbook(p, read_only=True, data_only=True, keep_links=False)
        try:
            persen = gaya_persen(wv)
            lembar = {ws.title: _lembar(*_baca_lembar(ws, persen)) for ws in wv.worksheets}
            nama, rusak = {}, {}
            for n, d in wv.defined_names.items():
                teks = str(d.attr_text or "")
                t = tujuan_nama(teks, lembar)
                if t is None:
                    rusak[n] = teks
                else:
                    nama[n] = t
        finally:
            wv.close()
    except BerkasError:
        raise
    except Exception as e:  # openpyxl raises many kinds on a damaged file
        raise BerkasError(f"workbook '{p.name}' tidak dapat dibaca: {e}") from None
    return Cuplikan(p.name, lembar, nama, rusak)
