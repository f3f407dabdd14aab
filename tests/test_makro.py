"""The Excel adapter (kinerja.excel.makro) against a stand-in for the xlwings object model.

The stand-in holds the committed workbook's cells (values and formulas) and implements only the
calls the adapter makes (ranges, notes, hyperlinks, names, alert, ``WorksheetFunction.CountA``,
``Protect``). It checks what reaches the sheets: the Validasi rows, the links, the notes put and
taken away, the protection put back, the exported files, and how many cells a snapshot reads."""
from __future__ import annotations

import re
from pathlib import Path

from openpyxl.utils import column_index_from_string

import openpyxl
import pytest

from kinerja.buku import tata_letak as tl
from kinerja.buku.tata_letak import BARIS_TEMUAN
from kinerja.excel import makro
from kinerja.buku.cuplikan import dari_berkas
from kinerja.periksa import validasi

WORKBOOK = Path(__file__).resolve().parents[1] / "workbook" / "Kinerja_D4.xlsm"


def _rc(a1: str) -> tuple[int, int]:
    m = re.fullmatch(r"([A-Z]+)(\d+)", a1)
    return int(m.group(2)), column_index_from_string(m.group(1))


class Catatan:
    def __init__(self, sheet: "Lembar", rc: tuple[int, int], teks: str):
        self.sheet, self.rc, self.text = sheet, rc, teks

    def delete(self) -> None:
        del self.sheet.catatan[self.rc]


class Rentang:
    def __init__(self, sheet: "Lembar", a: tuple[int, int], b: tuple[int, int] | None = None, ndim: int | None = None):
        self.sheet, self.a, self.b, self.ndim = sheet, a, b or a, ndim
        self.row, self.column = a

    def options(self, ndim=None, **_):
        return Rentang(self.sheet, self.a, self.b, ndim)

    def _sel(self):
        return [[(r, c) for c in range(self.a[1], self.b[1] + 1)] for r in range(self.a[0], self.b[0] + 1)]

    @property
    def api(self):
        return self

    def _serahkan(self):
        """Cells handed over by one read (counted: a snapshot must not read the whole sheet)."""
        self.sheet.diserahkan += (self.b[0] - self.a[0] + 1) * (self.b[1] - self.a[1] + 1)
        return self._sel()

    @property
    def value(self):
        isi = [[self.sheet.nilai.get(rc) for rc in baris] for baris in self._serahkan()]
        if self.ndim == 2:
            return isi
        if self.a == self.b:
            return isi[0][0]
        return [b[0] for b in isi] if self.a[1] == self.b[1] else isi

    @value.setter
    def value(self, v):
        baris = v if isinstance(v, list) and v and isinstance(v[0], list) else [[v]]
        for i, b in enumerate(baris):
            for j, x in enumerate(b):
                self.sheet.nilai[(self.a[0] + i, self.a[1] + j)] = x
                self.sheet.rumus.pop((self.a[0] + i, self.a[1] + j), None)

    @property
    def number_format(self):
        """One format for the range, None when its cells differ (as Excel's NumberFormat answers)."""
        f = {self.sheet.format.get(rc, "General") for b in self._sel() for rc in b}
        return f.pop() if len(f) == 1 else None

    @property
    def formula(self):
        return tuple(tuple(self.sheet.rumus.get(rc, self.sheet.nilai.get(rc)) or "" for rc in b) for b in self._serahkan())

    def clear_contents(self):
        for b in self._sel():
            for rc in b:
                self.sheet.nilai.pop(rc, None)

    def add_hyperlink(self, alamat, teks=None, tip=None):
        self.sheet.tautan[self.a] = alamat

    @property
    def note(self):
        return self.sheet.catatan.get(self.a)

    def add_note(self, teks):
        assert not self.sheet.terlindung, "catatan pada lembar terlindung"
        assert self.a not in self.sheet.catatan
        self.sheet.catatan[self.a] = Catatan(self.sheet, self.a, teks)

    @property
    def last_cell(self):
        return Rentang(self.sheet, self.b)


class Api:
    def __init__(self, sheet):
        self.sheet = sheet

    @property
    def ProtectContents(self):
        return self.sheet.terlindung

    def Unprotect(self):
        self.sheet.terlindung = False

    def Protect(self, **kw):
        self.sheet.terlindung = True
        self.sheet.proteksi.append(kw)

    EnableSelection = 0


class Lembar:
    def __init__(self, nama, nilai, rumus, terlindung):
        self.name, self.nilai, self.rumus = nama, nilai, rumus
        self.catatan, self.tautan, self.terlindung = {}, {}, terlindung
        self.diserahkan, self.proteksi = 0, []
        self.format: dict[tuple[int, int], str] = {}
        self.api = Api(self)

    def ujung(self):
        kunci = list(self.nilai) + list(self.rumus)
        return (max(r for r, _ in kunci), max(c for _, c in kunci)) if kunci else (1, 1)

    @property
    def used_range(self):
        return Rentang(self, (1, 1), self.ujung())

    def range(self, a, b=None):
        a = _rc(a) if isinstance(a, str) else a
        return Rentang(self, a, b)


class Daftar(list):
    def __getitem__(self, k):
        return next(s for s in self if s.name == k) if isinstance(k, str) else list.__getitem__(self, k)

    active = None


class Nama:
    def __init__(self, nama, sheet, r, c):
        self.name, self.refers_to_range = nama, Rentang(sheet, (r, c))
        self.refers_to_range.sheet = sheet


class FungsiLembar:
    def __init__(self):
        self.panggilan = 0

    def CountA(self, rng):
        """Non-empty cells of a range, counted from the stored cells (never cell by cell)."""
        self.panggilan += 1
        sh, (r0, c0), (r1, c1) = rng.sheet, rng.a, rng.b
        return sum(1 for r, c in {*sh.nilai, *sh.rumus} if r0 <= r <= r1 and c0 <= c <= c1)


class ApiAplikasi:
    def __init__(self):
        self.WorksheetFunction = FungsiLembar()


class Aplikasi:
    def __init__(self, jawab="yes"):
        self.pesan, self.jawab = [], jawab
        self.api = ApiAplikasi()

    def alert(self, prompt, title=None, buttons="ok", **_):
        self.pesan.append(prompt)
        return self.jawab if buttons != "ok" else None


class Buku:
    def __init__(self, path: Path, aktif: str = "TW IV"):
        c = dari_berkas(path)
        self.name, self.fullname, self.app = path.name, str(path), Aplikasi()
        self.sheets = Daftar()
        for nama, ls in c.lembar.items():
            nilai = {(r + 1, k + 1): v for r, b in enumerate(ls.nilai) for k, v in enumerate(b) if v is not None}
            rumus = {(r + 1, k + 1): f for r, b in enumerate(ls.rumus) for k, f in enumerate(b) if f}
            self.sheets.append(Lembar(nama, nilai, rumus, nama in ("PK", "TW I", "TW II", "TW III", "TW IV", "Rincian", "Riwayat")))
            for (r, k), x in ls.persen.items():           # Excel holds the number under a percent format (what staff typed as 80%)
                self.sheets[nama].nilai[(r + 1, k + 1)] = x
                self.sheets[nama].format[(r + 1, k + 1)] = "0%"
        self.sheets.active = self.sheets[aktif]
        self.names = [Nama(n, self.sheets[s], r + 1, k + 1) for n, (s, r, k) in c.nama.items()]


def _baris_validasi(buku):
    ws = buku.sheets["Validasi"]
    out = []
    r = BARIS_TEMUAN + 1
    while ws.nilai.get((r, 1)):
        out.append(tuple(ws.nilai.get((r, c)) for c in range(1, 7)))
        r += 1
    return out


def test_validasi_mengisi_lembar_dan_menandai_sel(tmp_path):
    buku = Buku(WORKBOOK)
    temuan = makro.validasi(buku)
    assert temuan == validasi(dari_berkas(WORKBOOK), 4)            # same rules as the command line
    baris = _baris_validasi(buku)
    assert [(b[0], b[1], b[2], b[5]) for b in baris] == [(t.tingkat, t.lembar, t.sel, t.aturan) for t in temuan]
    assert buku.sheets["Validasi"].tautan[(BARIS_TEMUAN + 1, 3)] == "#'Riwayat'!G25"
    riwayat = buku.sheets["Riwayat"]
    assert riwayat.catatan[(25, 7)].text.startswith("Validasi Kinerja (peringatan)")
    assert (10, 11) not in riwayat.catatan                         # info findings are listed, not marked
    assert riwayat.terlindung                                      # protection restored after marking
    assert "peringatan" in buku.app.pesan[-1]


def test_tanda_lama_dihapus_setelah_diperbaiki():
    buku = Buku(WORKBOOK)
    pk = buku.sheets["PK"]
    pk.nilai[(41, 5)] = "naik"                                     # IKU 1.4 polarisasi
    makro.validasi(buku)
    assert any(b[:3] == ("galat", "PK", "E41") for b in _baris_validasi(buku))
    assert (41, 5) in pk.catatan
    pk.nilai[(41, 5)] = "Maximize"
    makro.validasi(buku)
    assert (41, 5) not in pk.catatan
    assert not any(b[0] == "galat" for b in _baris_validasi(buku))


def test_ekspor_ditolak_bila_galat(tmp_path):
    salinan = tmp_path / "Kinerja_D4.xlsm"
    salinan.write_bytes(WORKBOOK.read_bytes())
    buku = Buku(salinan)
    buku.sheets["PK"].nilai[(41, 5)] = "naik"
    assert makro.ekspor(buku) == []
    assert "dibatalkan" in buku.app.pesan[-1] and not (tmp_path / "ekspor").exists()


def test_ekspor_menulis_berkas(tmp_path, monkeypatch):
    salinan = tmp_path / "Kinerja_D4.xlsm"
    salinan.write_bytes(WORKBOOK.read_bytes())
    dipanggil = []

    def palsu(book, nama, xlsx, pdf, timpa):                       # Excel's own copy/PDF: not available here
        dipanggil.append((nama, xlsx.name, pdf.name))
    monkeypatch.setattr(makro, "_xlsx_dan_pdf", palsu)
    buku = Buku(salinan)
    keluar = makro.ekspor(buku)
    assert {p.name for p in keluar} == {f"Kinerja_Deputi4_2024_TW4.{x}" for x in ("xlsx", "pdf", "csv", "json")}
    assert (tmp_path / "ekspor" / "Kinerja_Deputi4_2024_TW4.csv").exists()
    assert dipanggil == [("TW IV", "Kinerja_Deputi4_2024_TW4.xlsx", "Kinerja_Deputi4_2024_TW4.pdf")]
    buku.app.jawab = "no"                                          # files exist: asks, and 'no' writes nothing
    lama = (tmp_path / "ekspor" / "Kinerja_Deputi4_2024_TW4.csv").read_bytes()
    assert makro.ekspor(buku) == [] and (tmp_path / "ekspor" / "Kinerja_Deputi4_2024_TW4.csv").read_bytes() == lama


def test_ekspor_meminta_lembar_tw():
    buku = Buku(WORKBOOK, aktif="PK")
    assert makro.ekspor(buku) == [] and "Pilih lembar TW" in buku.app.pesan[-1]



def test_triwulan_dipilih_di_lembar_validasi():
    buku = Buku(WORKBOOK, aktif="Validasi")
    assert makro.triwulan_aktif(buku) is None                       # "Semua"
    buku.sheets["Validasi"].nilai[(3, 2)] = "TW II"
    assert makro.triwulan_aktif(buku) == 2
    buku.sheets.active = buku.sheets["TW IV"]
    assert makro.triwulan_aktif(buku) == 4                          # the active TW sheet wins


# ------------------------------------------------------------------ protection put back exactly as built

PROTEKSI_PK = {"DrawingObjects": True, "Contents": True, "Scenarios": True, "AllowFormattingCells": False,
               "AllowFormattingColumns": True, "AllowFormattingRows": True, "AllowInsertingColumns": False,
               "AllowInsertingRows": True, "AllowInsertingHyperlinks": False, "AllowDeletingColumns": False,
               "AllowDeletingRows": True, "AllowSorting": True, "AllowFiltering": True, "AllowUsingPivotTables": False}
PROTEKSI_TW = {**PROTEKSI_PK, "AllowInsertingRows": False, "AllowDeletingRows": False, "AllowSorting": False, "AllowFiltering": False}


def test_proteksi_dipulihkan_persis_seperti_dibangun():
    buku = Buku(WORKBOOK)
    pk, tw = buku.sheets["PK"], buku.sheets["TW IV"]
    pk.nilai[(41, 5)] = "naik"                                     # galat on PK
    r = next(r for r in range(6, 20) if (r, 8) not in tw.rumus)    # a typed TW IV realisasi
    tw.nilai[(r, 8)] = "banyak"                                    # galat on TW IV (notasi)
    makro.validasi(buku)
    assert (41, 5) in pk.catatan and (r, 8) in tw.catatan
    assert pk.proteksi and all(kw == PROTEKSI_PK for kw in pk.proteksi)
    assert tw.proteksi and all(kw == PROTEKSI_TW for kw in tw.proteksi)
    assert pk.terlindung and tw.terlindung and pk.api.EnableSelection == tw.api.EnableSelection == 0
    assert buku.sheets["Validasi"].proteksi == []                  # never protected, never protected afterwards


def test_argumen_proteksi_sama_dengan_proteksi_berkas():
    """Each Protect keyword means what the builder's file says (openpyxl: True = not allowed)."""
    wb = openpyxl.load_workbook(WORKBOOK)
    pasangan = {"AllowFormattingCells": "formatCells", "AllowFormattingColumns": "formatColumns",
                "AllowFormattingRows": "formatRows", "AllowInsertingColumns": "insertColumns",
                "AllowInsertingRows": "insertRows", "AllowInsertingHyperlinks": "insertHyperlinks",
                "AllowDeletingColumns": "deleteColumns", "AllowDeletingRows": "deleteRows", "AllowSorting": "sort",
                "AllowFiltering": "autoFilter", "AllowUsingPivotTables": "pivotTables"}
    for ws in wb.worksheets:
        if ws.title not in tl.PROTEKSI:
            assert not ws.protection.sheet, ws.title
            continue
        kw, pilih = makro.argumen_proteksi(tl.PROTEKSI[ws.title])
        p = ws.protection
        assert p.sheet and kw["Contents"] and kw["DrawingObjects"] == bool(p.objects) and kw["Scenarios"] == bool(p.scenarios)
        assert {k: kw[k] for k in pasangan} == {k: not getattr(p, x) for k, x in pasangan.items()}, ws.title
        assert pilih == 0 and not p.selectLockedCells and not p.selectUnlockedCells
    assert makro.argumen_proteksi({})[0] == {**PROTEKSI_PK, "AllowFormattingColumns": False, "AllowFormattingRows": False,
                                             "AllowInsertingRows": False, "AllowDeletingRows": False, "AllowSorting": False,
                                             "AllowFiltering": False}
    assert makro.argumen_proteksi({"select_locked_cells": False})[1] == 1
    assert makro.argumen_proteksi({"select_unlocked_cells": False})[1] == -4142
    with pytest.raises(ValueError):
        makro.argumen_proteksi({"content": True})


# ------------------------------------------------------------------ bounded reading in Excel mode

def _isi(c):
    return {n: (ls.nilai, ls.rumus) for n, ls in c.lembar.items()}


def test_cuplikan_excel_sama_dengan_berkas():
    assert _isi(makro.cuplikan_excel(Buku(WORKBOOK))) == _isi(dari_berkas(WORKBOOK))


def test_persen_diketik_dibaca_sama_di_excel(tmp_path):
    """R8 on the Validasi/Ekspor buttons: the live workbook's 0.8 under a percent format reads as 80%, with the galat."""
    import test_sel_masukan as tsm
    f = tsm._ketik_persen(WORKBOOK, tmp_path / "persen.xlsm", "TW III", "H16", 0.8)
    berkas, excel = dari_berkas(f), makro.cuplikan_excel(Buku(f))
    assert _isi(excel) == _isi(berkas) and excel.lembar["TW III"].persen == berkas.lembar["TW III"].persen == {(15, 7): 0.8}
    assert [(t.lembar, t.sel) for t in validasi(excel, 3) if t.aturan == "angka-persen"] == [("TW III", "H16")]


def test_sel_liar_jauh_tidak_membaca_seluruh_lembar():
    bersih = Buku(WORKBOOK)
    acuan = makro.cuplikan_excel(bersih)
    dasar = {s.name: s.diserahkan for s in bersih.sheets}
    assert sum(dasar.values()) < 200_000

    buku = Buku(WORKBOOK)
    for nama in ("PK", "TW IV", "Validasi"):
        buku.sheets[nama].nilai[(1048576, 16384)] = "x"              # XFD1048576: outside the readable columns
    c = makro.cuplikan_excel(buku)
    assert _isi(c) == _isi(acuan)
    satu_blok = 2 * makro.BLOK_BARIS * tl.KOLOM_BACA                # values + formulas of one block
    for s in buku.sheets:
        if s.name in ("PK", "TW IV", "Validasi"):
            assert s.diserahkan <= satu_blok, s.name                # not 2 x 1048576 x 16384
        else:
            assert s.diserahkan == dasar[s.name], s.name
    assert buku.app.api.WorksheetFunction.panggilan < 200

    buku = Buku(WORKBOOK)
    pk = buku.sheets["PK"]
    pk.nilai[(1048576, 1)] = "x"                                   # A1048576: read, but only its block
    c = makro.cuplikan_excel(buku)
    assert c.lembar["PK"].v(1048575, 0) == "x"
    assert pk.diserahkan <= dasar["PK"] + 2 * makro.BLOK_BARIS * tl.KOLOM_BACA
    assert c.lembar["PK"].baris_terisi()[-2] < 200                 # nothing in between was made up


def test_blok_terisi_melewati_blok_kosong():
    isi = {3, 5000, 1048575}
    panggilan = []

    def terisi(a, b):
        panggilan.append((a, b))
        return any(a <= r <= b for r in isi)
    blok = makro.blok_terisi(terisi, 0, 1048575, 2000)
    assert all(b - a < 2000 for a, b in blok) and blok == sorted(blok)
    assert [r for r in isi if not any(a <= r <= b for a, b in blok)] == []
    assert len(blok) == 3 and len(panggilan) < 70
    assert makro.blok_terisi(lambda a, b: False, 0, 10) == []
    assert makro.blok_terisi(lambda a, b: True, 0, 4999, 2000) == [(0, 1999), (2000, 3999), (4000, 4999)]
