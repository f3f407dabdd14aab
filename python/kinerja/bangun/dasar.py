"""What every sheet of the builder shares: the workbook under construction (:class:`Buku`), its cell
formats (:class:`Gaya`), where the PK tables landed (:class:`Letak`), A1 references, print setup,
row heights, traffic lights, and the values Excel itself would cache for ``SUM``/``AVERAGE``/``+``.

Every formula cell is written with its cached value, computed in-process by the same functions
Excel calls (:mod:`kinerja.buku.fungsi`), so viewers and LibreOffice show the right numbers
without Python. Same dataset + same sources -> byte-identical file (fixed document dates).
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import xlsxwriter
from xlsxwriter.utility import quote_sheetname, xl_range_abs, xl_rowcol_to_cell

from ..buku import fungsi
from ..buku import tata_letak as tl
from ..data.dataset import Dataset
from ..data.notasi import NotasiError, baca_nilai

__all__ = ["Buku", "Gaya", "Letak", "CALC_ID_EXCEL", "WAKTU_DOKUMEN", "ANGKA", "ANGKA0", "UMUM", "RUPIAH", "ref", "rentang",
           "angka_atau_teks", "kolom_hasil", "cache", "cetak", "tinggi", "lampu_predikat", "angka_excel", "tambah", "kali", "jumlah", "rata"]

CALC_ID_EXCEL = 191029
"""``calcId`` Excel 2019/2021/365 writes into ``xl/workbook.xml`` (XlsxWriter's default, 124519, is Excel 2007's)."""
WAKTU_DOKUMEN = dt.datetime(2025, 1, 31, 0, 0, 0)
"""Fixed document dates: the same inputs give a byte-identical file."""
ANGKA = "[$-421]#,##0.00"
ANGKA0 = "[$-421]#,##0"
UMUM = "[$-421][>=1000]#,##0;General"
RUPIAH = '[$-421]"Rp "#,##0'


def ref(lembar: str, r: int, c: int, mutlak: bool = True) -> str:
    """``'Sheet'!$A$1`` of 0-based (r, c)."""
    return f"{quote_sheetname(lembar)}!{xl_rowcol_to_cell(r, c, mutlak, mutlak)}"


def rentang(lembar: str | None, r0: int, c0: int, r1: int, c1: int) -> str:
    """An absolute range, with its sheet when ``lembar`` is given."""
    rng = xl_range_abs(r0, c0, r1, c1)
    return f"{quote_sheetname(lembar)}!{rng}" if lembar else rng


def angka_atau_teks(x: Any) -> Any:
    """A value as staff would type it: numbers as numbers, anything else kept as text."""
    if x is None or isinstance(x, (int, float)):
        return x
    try:
        n = baca_nilai(x)
    except NotasiError:
        return str(x)
    if n.tersedia and n.jenis.value == "angka" and not n.bintang and not n.satuan:
        return n.tunggal()
    return str(x)


@dataclass
class Gaya:
    """The workbook's cell formats, created once."""

    wb: xlsxwriter.Workbook
    f: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        dasar = {"font_name": "Calibri", "font_size": 10, "valign": "top"}
        tepi = {"border": 1, "border_color": "#BFBFBF"}

        def buat(nama: str, **kw: Any) -> None:
            self.f[nama] = self.wb.add_format({**dasar, **kw})
        buat("judul", bold=True, font_size=14, font_color="#1F3864")
        buat("subjudul", italic=True, font_color="#595959")
        buat("kepala", bold=True, bg_color="#1F3864", font_color="#FFFFFF", text_wrap=True, align="center", valign="vcenter", **tepi)
        buat("bagian", bold=True, font_size=11, font_color="#1F3864", bottom=2, bottom_color="#1F3864")
        buat("teks", text_wrap=True, **tepi)
        buat("teks_kunci", text_wrap=True, bg_color="#F2F2F2", **tepi)
        buat("kunci_kecil", font_color="#808080", font_size=8, **tepi)
        buat("masukan", bg_color="#FFF2CC", locked=False, num_format=UMUM, text_wrap=True, **tepi)
        buat("masukan_teks", bg_color="#FFF2CC", locked=False, num_format="@", text_wrap=True, **tepi)
        buat("masukan_rp", bg_color="#FFF2CC", locked=False, num_format=RUPIAH, **tepi)
        buat("angka", num_format=ANGKA, bg_color="#F2F2F2", **tepi)
        buat("angka0", num_format=ANGKA0, bg_color="#F2F2F2", **tepi)
        buat("umum", num_format=UMUM, bg_color="#F2F2F2", **tepi)
        buat("rupiah", num_format=RUPIAH, bg_color="#F2F2F2", **tepi)
        buat("nko", bold=True, num_format=ANGKA, font_size=12, bg_color="#F2F2F2", **tepi)
        buat("catatan", italic=True, font_color="#595959", text_wrap=True)
        buat("catatan_baris", italic=True, font_color="#595959")
        buat("paragraf", text_wrap=True, valign="top")
        for w, (bg, fg) in tl.WARNA.items():
            self.f[w] = self.wb.add_format({"bg_color": bg, "font_color": fg})

    def __getitem__(self, nama: str) -> Any:
        return self.f[nama]


class Buku:
    """The workbook under construction: sheets plus every cell value written (for cached results)."""

    def __init__(self, path: Path, ds: Dataset):
        self.wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False})
        # Excel 365's calculation engine id: a file stamped with an id lower than the opening Excel's is fully
        # recalculated on open (every UDF through Python); with the current id Excel 2010+ shows the cached values
        # and recalculates what changes. No fullCalcOnLoad either: viewers must show the cached values.
        self.wb.set_calc_mode("auto", calc_id=CALC_ID_EXCEL)
        self.wb.calc_on_load = False
        self.wb.set_properties({"title": f"Laporan Kinerja {ds.unit} {ds.tahun}", "author": "kinerja",
                                "company": ds.instansi, "created": WAKTU_DOKUMEN, "comments": "Dibangun oleh 'kinerja bangun'"})
        self.wb.set_custom_property("Tahun", str(ds.tahun))
        self.gaya = Gaya(self.wb)
        self.nilai: dict[tuple[str, int, int], Any] = {}
        self.lembar: dict[str, Any] = {}

    def tambah(self, nama: str) -> Any:
        """The sheet ``nama`` (created in display order by :meth:`buat_semua`)."""
        return self.lembar[nama]

    def buat_semua(self, nama: Sequence[str]) -> None:
        for n in nama:
            ws = self.wb.add_worksheet(n)
            ws.hide_gridlines(2)
            self.lembar[n] = ws

    def tulis(self, lembar: str, r: int, c: int, v: Any, gaya: str | None = None) -> None:
        ws, f = self.lembar[lembar], self.gaya[gaya] if gaya else None
        self.nilai[(lembar, r, c)] = v
        if v is None:
            ws.write_blank(r, c, None, f)
        elif isinstance(v, bool):
            ws.write_boolean(r, c, v, f)
        elif isinstance(v, (int, float)):
            ws.write_number(r, c, v, f)
        else:
            ws.write_string(r, c, str(v), f)

    def rumus(self, lembar: str, r: int, c: int, rumus: str, v: Any, gaya: str | None = None) -> None:
        self.nilai[(lembar, r, c)] = v
        self.lembar[lembar].write_formula(r, c, rumus, self.gaya[gaya] if gaya else None, cache(v))

    def rumus_larik(self, lembar: str, r0: int, c: int, rumus: str, nilai: Sequence[Any], gaya: str | None = None) -> None:
        """One array formula over the column ``r0 .. r0+len(nilai)-1`` (one function call for the whole column when Excel
        recalculates), each cell with its cached value, as Excel saves an array: the formula in the first cell, values in all."""
        ws, f = self.lembar[lembar], self.gaya[gaya] if gaya else None
        r1 = r0 + len(nilai) - 1
        ws.write_array_formula(r0, c, r1, c, "{" + rumus + "}", f, cache(nilai[0]))
        for i, v in enumerate(nilai):
            self.nilai[(lembar, r0 + i, c)] = v
            if i:
                x = cache(v)
                if isinstance(x, (int, float)) and not isinstance(x, bool):
                    ws.write_number(r0 + i, c, x, f)
                else:
                    ws.write_string(r0 + i, c, str(x), f)

    def ambil(self, lembar: str, r: int, c: int) -> Any:
        return self.nilai.get((lembar, r, c))

    def kolom(self, lembar: str, r0: int, r1: int, c: int) -> list[list[Any]]:
        """Cell values of a column range as Excel hands them to a UDF (list of one-cell rows)."""
        return [[self.ambil(lembar, r, c)] for r in range(r0, r1 + 1)]

    def baris(self, lembar: str, r: int, c0: int, c1: int) -> list[list[Any]]:
        return [[self.ambil(lembar, r, c) for c in range(c0, c1 + 1)]]


def kolom_hasil(x: Any, n: int) -> list[list[Any]]:
    """A function's result for a column of ``n`` cells, one-cell rows: a message the whole call returned (a setting the
    function refuses) is what each cell's own call would show."""
    return x if isinstance(x, list) and len(x) == n else [[x]] * n


def cache(v: Any) -> Any:
    """The cached value XlsxWriter stores for a formula: empty for None, n/a for NaN, a whole number as Excel writes it
    (``266``, never ``266.0``: a value read back from a workbook and the same value parsed from text cache alike)."""
    if v is None:
        return ""
    if isinstance(v, float) and math.isnan(v):
        return fungsi.NA
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return int(v)
    return v


@dataclass
class Letak:
    """Where the PK tables are, so the other sheets can refer to them."""

    pengaturan: dict[str, tuple[int, int]] = field(default_factory=dict)
    ss_awal: int = 0
    iku_awal: int = 0
    n_ss: int = 0
    n_iku: int = 0
    bobot: tuple[int, int] = (0, 0)                                  # first row, rows of the perspektif weights table
    predikat: tuple[int, int] = (0, 0)                               # first row, rows of the predicate bands table
    larik: bool = False                                              # computed columns as array formulas (tl.IKU_LARIK)
    rincian_hasil: dict[str, tuple[int, int]] = field(default_factory=dict)
    nama_nilai: dict[str, Any] = field(default_factory=dict)          # defined name -> cached value
    pagu_kegiatan_baris0: int = 0
    realisasi_total_baris: int = 0
    bulan_baris0: int = 0
    rpd_baris0: int = 0


def cetak(ws: Any, ds: Dataset, judul: str, r_akhir: int, c_akhir: int, r_kepala: int) -> None:
    """A4 landscape, fit to width, header/footer with unit, year and sheet, header row repeated."""
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.7, bottom=0.6)
    ws.print_area(0, 0, r_akhir, c_akhir)
    ws.repeat_rows(r_kepala)
    unit = ds.unit.replace("&", "&&")
    ws.set_header(f'&L&8{unit}&C&"Calibri,Bold"&10Laporan Kinerja {ds.tahun} — {judul}&R&8&D')
    ws.set_footer(f"&L&8{ds.instansi.replace('&', '&&')}&R&8Halaman &P dari &N")


def tinggi(ws: Any, r: int, teks: str, lebar: int) -> None:
    """Row height for wrapped text (Excel does not autofit rows written by a library)."""
    baris = max(1, math.ceil(len(teks) * 1.05 / lebar))
    if baris > 1:
        ws.set_row(r, 13.5 * baris)


def lampu_predikat(ws: Any, g: Gaya, r0: int, c0: int, r1: int, c1: int) -> None:
    """Traffic lights by the PK's predicate bands: the colour of the band a capaian falls in (numbers only).

    The band of ``x`` is the one after the bounds greater than ``x`` (bounds fall from the top), so the rule per
    colour is ``INDEX(Predikat_Warna, COUNTIF(Predikat_Batas, ">"&x) + 1) = colour``: the table can change without
    rebuilding. Conditional formats refer to other sheets only through defined names.
    """
    sel = xl_rowcol_to_cell(r0, c0, False, True)
    (batas, _), _, (warna, _) = tl.NAMA_PREDIKAT
    for w in tl.WARNA:
        ws.conditional_format(r0, c0, r1, c1, {"type": "formula", "format": g[w], "criteria":
                              f'=AND(ISNUMBER({sel}),INDEX({warna},COUNTIF({batas},">"&{sel})+1)="{w}")'})


def angka_excel(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def tambah(a: Any, b: Any, tanda: int = 1) -> Any:
    """What Excel caches for ``=a+b`` (or ``=a-b``): an empty cell counts 0, text or an error in either gives #VALUE!."""
    a, b = (0 if x is None else x for x in (a, b))
    return a + tanda * b if angka_excel(a) and angka_excel(b) else "#VALUE!"


def kali(a: Any, b: Any, bagi: float = 1.0) -> Any:
    """What Excel caches for ``=a*b/bagi``: an empty cell counts 0, text or an error gives #VALUE!."""
    a, b = (0 if x is None else x for x in (a, b))
    return a * b / bagi if angka_excel(a) and angka_excel(b) else "#VALUE!"


def jumlah(xs: Sequence[Any]) -> float:
    """What Excel caches for ``=SUM(range)``: text and empty cells are ignored."""
    return float(sum(x for x in xs if angka_excel(x)))


def rata(xs: Sequence[Any]) -> Any:
    """What Excel caches for ``=AVERAGE(range)``: numbers only; none gives #DIV/0!."""
    angka = [x for x in xs if angka_excel(x)]
    return sum(angka) / len(angka) if angka else "#DIV/0!"

