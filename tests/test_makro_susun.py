"""Susun Ulang and Tahun Baru, the buttons of PK: kinerja.excel.makro against test_makro's stand-in for an
xlwings book (a copy of the committed workbook in a temporary folder, so the new file is really built, read
back, and the open workbook's file compared byte for byte), and the VBA (Kinerja.bas: the year prompt, the
refusals, the RunPython strings) run by pyOpenVBA with test_workbook's stand-in for xlwings.bas."""
from __future__ import annotations

import importlib
import os
import re
import shutil
from pathlib import Path

import openpyxl
import pytest

from kinerja.bangun.susun import HasilSusun, SusunError
from kinerja.buku import tata_letak as tl
from kinerja.buku.baca import baca_dataset
from kinerja.buku.vba import folder_vba
from kinerja.excel import makro
from test_makro import WORKBOOK, Buku            # the xlwings stand-in (cells of the committed workbook)
from test_workbook import XLWINGS_TIRUAN         # the xlwings.bas stand-in (GetConfig, FileExists, RunPython)

KODE_IKU = [i.kode for i in baca_dataset(WORKBOOK).iku]


class BukuExcel:
    """``app.books``: what was opened (``gagal``: Excel refuses, e.g. a workbook of that name is open)."""

    def __init__(self, gagal: bool = False):
        self.dibuka, self.gagal = [], gagal

    def open(self, path: str):
        self.dibuka.append(path)
        if self.gagal:
            raise RuntimeError("A document with the name 'Kinerja_D4_susun.xlsm' is already open.")
        return object()


@pytest.fixture
def buku(tmp_path) -> Buku:
    """The committed workbook copied to a temporary folder and 'open' there."""
    salinan = tmp_path / WORKBOOK.name
    shutil.copy(WORKBOOK, salinan)
    b = Buku(salinan, aktif=tl.PK)
    b.app.books = BukuExcel()
    return b


def _isi_folder(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


# ------------------------------------------------------------------ the new file's name

def test_berkas_baru_di_samping_tanpa_menimpa(tmp_path):
    asal = tmp_path / "Kinerja D4.xlsm"
    asal.write_bytes(b"asal")
    assert makro.berkas_baru(asal, "susun") == tmp_path / "Kinerja D4_susun.xlsm"
    assert makro.berkas_baru(asal, "2025") == tmp_path / "Kinerja D4_2025.xlsm"
    (tmp_path / "Kinerja D4_susun.xlsm").write_bytes(b"x")
    assert makro.berkas_baru(asal, "susun") == tmp_path / "Kinerja D4_susun_2.xlsm"
    (tmp_path / "Kinerja D4_susun_2.xlsm").mkdir()                      # a folder of that name is taken too
    os.symlink(tmp_path / "hilang", tmp_path / "Kinerja D4_susun_3.xlsm")  # and a broken link
    assert makro.berkas_baru(asal, "susun") == tmp_path / "Kinerja D4_susun_4.xlsm"


@pytest.mark.parametrize("nama", ["Book1", "https://d.docs.live.net/abc/Kinerja_D4.xlsm", "Kinerja_D4.xlsm"])
def test_workbook_belum_disimpan_ditolak(buku, tmp_path, nama):
    sebelum = _isi_folder(tmp_path)
    buku.fullname = nama                                               # never saved / on the web / no folder
    assert makro.susun_ulang(buku) is None and makro.tahun_baru(2025, buku) is None
    assert all(p.startswith("Simpan dulu workbook ini") for p in buku.app.pesan) and len(buku.app.pesan) == 2
    assert _isi_folder(tmp_path) == sebelum and buku.app.books.dibuka == []


class BukuOneDrive:
    """A book whose ``fullname`` xlwings cannot turn into a local path (OneDrive URL without a synced folder)."""

    def __init__(self, buku: Buku):
        self.app, self.name = buku.app, buku.name

    @property
    def fullname(self) -> str:
        raise RuntimeError("Couldn't find your local OneDrive folder. Please configure ONEDRIVE_CONSUMER_WIN.")


def test_workbook_onedrive_tanpa_folder_ditolak(buku, tmp_path):
    sebelum = _isi_folder(tmp_path)
    assert makro.susun_ulang(BukuOneDrive(buku)) is None
    assert buku.app.pesan[-1].startswith("Simpan dulu workbook ini") and "OneDrive" in buku.app.pesan[-1]
    assert _isi_folder(tmp_path) == sebelum and buku.app.books.dibuka == []


# ------------------------------------------------------------------ Susun Ulang: the real build

def test_susun_ulang_menulis_berkas_baru_lalu_membukanya(buku, tmp_path):
    asal = Path(buku.fullname)
    sebelum = asal.read_bytes()
    (tmp_path / "Kinerja_D4_susun.xlsm").write_bytes(b"berkas staf")      # taken: never overwritten
    hasil = makro.susun_ulang(buku)
    baru = tmp_path / "Kinerja_D4_susun_2.xlsm"
    assert hasil is not None and hasil.path == baru and baru.is_file()
    assert asal.read_bytes() == sebelum                                # the open workbook's file is untouched
    assert (tmp_path / "Kinerja_D4_susun.xlsm").read_bytes() == b"berkas staf"
    assert buku.app.books.dibuka == [str(baru)]
    ds = baca_dataset(baru)
    assert [i.kode for i in ds.iku] == KODE_IKU and len(KODE_IKU) == 14
    assert hasil.n_iku == 14 and hasil.n_ss == len(ds.ss) and hasil.diarsipkan == 0
    pesan = buku.app.pesan[-1]
    assert pesan.startswith("Workbook baru dibuat dan dibuka:") and str(baru) in pesan
    assert "14 IKU" in pesan and tl.ARSIP not in pesan and pesan.endswith("Workbook ini tidak diubah; lanjutkan pekerjaan di workbook baru.")


def test_iku_yang_dikeluarkan_dari_pk_diarsipkan(buku, tmp_path):
    """The last IKU row of PK cleared (as staff delete it): the new workbook has 13 IKU, the old one's entries go to Arsip."""
    pk, k = buku.sheets[tl.PK], tl.K_KODE + 1
    r = max(r for (r, c), v in pk.nilai.items() if c == k and v in KODE_IKU)
    kode = pk.nilai[(r, k)]
    for isi in (pk.nilai, pk.rumus):
        for rc in [rc for rc in isi if rc[0] == r]:
            del isi[rc]
    hasil = makro.susun_ulang(buku)
    assert hasil is not None and hasil.n_iku == 13 and hasil.diarsipkan > 0
    ds = baca_dataset(hasil.path)
    assert [i.kode for i in ds.iku] == [x for x in KODE_IKU if x != kode]
    assert len(ds.arsip) == hasil.diarsipkan and {a.kode for a in ds.arsip} == {kode}
    wb = openpyxl.load_workbook(hasil.path, read_only=True)
    assert tl.ARSIP in wb.sheetnames
    wb.close()
    pesan = buku.app.pesan[-1]
    assert "13 IKU" in pesan and f"{hasil.diarsipkan} isian yang tidak lagi dipakai" in pesan and tl.ARSIP in pesan


def test_pesan_hasil():
    """The builder's notes are the summary; without them the counts; the archive always said; long notes cut."""
    p = Path("/data/Kinerja_D4_susun.xlsm")
    pesan = makro.pesan_hasil(HasilSusun(p, 4, 14, 0, ()), makro.JUDUL_SUSUN, True)
    assert pesan.split("\n")[:4] == ["Workbook baru dibuat dan dibuka:", str(p), "", "4 Sasaran Strategis dan 14 IKU."]
    pesan = makro.pesan_hasil(HasilSusun(p, 4, 13, 3, ("4 SS dan 13 IKU disusun.",)), makro.JUDUL_SUSUN, False)
    assert "dibuat (bukalah sendiri)" in pesan and "4 SS dan 13 IKU disusun.\n3 isian IKU" in pesan and tl.ARSIP in pesan
    pesan = makro.pesan_hasil(HasilSusun(p, 4, 14, 0, tuple(f"catatan {i}" for i in range(20))), makro.JUDUL_TAHUN, True)
    assert f"catatan {makro.CATATAN_MAKS - 1}\n... dan {20 - makro.CATATAN_MAKS} catatan lain." in pesan
    assert f"catatan {makro.CATATAN_MAKS}\n" not in pesan and "dikosongkan; target dibawa" in pesan


def test_susun_ulang_membawa_isian_yang_belum_disimpan(buku, tmp_path):
    """The open workbook is read through Excel (unsaved edits), not from its file."""
    tw = buku.sheets[tl.LEMBAR_TW[3]]
    r = next(r for r in range(6, 40) if tw.nilai.get((r, tl.TW_KODE + 1)) in KODE_IKU and (r, tl.TW_REALISASI + 1) not in tw.rumus)
    kode = tw.nilai[(r, tl.TW_KODE + 1)]
    tw.nilai[(r, tl.TW_REALISASI + 1)] = "7,5"
    hasil = makro.susun_ulang(buku)
    assert hasil is not None
    iku = {i.kode: i for i in baca_dataset(hasil.path).iku}
    assert iku[kode].realisasi_tw[3] in ("7,5", 7.5)                   # as typed, or the number the builder wrote
    assert baca_dataset(buku.fullname).iku[KODE_IKU.index(kode)].realisasi_tw[3] not in ("7,5", 7.5)   # the file never saw it


def test_pk_yang_tidak_dapat_disusun_dijelaskan_tanpa_traceback(buku, tmp_path):
    """A PK the builder refuses (here two IKU with one code) reaches staff as SusunError's message; nothing is written."""
    pk = buku.sheets[tl.PK]
    k = tl.K_KODE + 1
    baris = sorted(r for (r, c), v in pk.nilai.items() if c == k and v in KODE_IKU)
    pk.nilai[(baris[1], k)] = pk.nilai[(baris[0], k)]
    sebelum = _isi_folder(tmp_path)
    assert makro.susun_ulang(buku) is None
    pesan = buku.app.pesan[-1]
    assert pesan.startswith("Susun Ulang dibatalkan; workbook ini tidak diubah.") and "Traceback" not in pesan
    assert tl.PK in pesan and _isi_folder(tmp_path) == sebelum and buku.app.books.dibuka == []


def test_susun_error_apa_adanya(buku, tmp_path, monkeypatch):
    """Whatever the builder refuses with, staff read its own words (and the file name it would have had stays free)."""
    def tolak(c, keluar, **_):
        raise SusunError("lembar PK sel A30: kode IKU '1.4' dipakai dua kali")
    monkeypatch.setattr(makro.penyusun, "susun_ulang", tolak)
    assert makro.susun_ulang(buku) is None
    assert buku.app.pesan[-1].endswith("lembar PK sel A30: kode IKU '1.4' dipakai dua kali")
    assert not (tmp_path / "Kinerja_D4_susun.xlsm").exists()


def test_berkas_baru_tidak_dapat_dibuka_excel(buku, tmp_path):
    buku.app.books = BukuExcel(gagal=True)
    hasil = makro.susun_ulang(buku)
    assert hasil is not None and hasil.path.is_file()
    assert buku.app.pesan[-1].startswith("Workbook baru dibuat (bukalah sendiri):") and str(hasil.path) in buku.app.pesan[-1]


# ------------------------------------------------------------------ Tahun Baru: the real build

def test_tahun_baru_menulis_workbook_tahun_berikutnya(buku, tmp_path):
    asal = Path(buku.fullname)
    sebelum = asal.read_bytes()
    hasil = makro.tahun_baru(2025, buku)
    baru = tmp_path / "Kinerja_D4_2025.xlsm"
    assert hasil is not None and hasil.path == baru and asal.read_bytes() == sebelum
    assert buku.app.books.dibuka == [str(baru)]
    ds = baca_dataset(baru)
    assert ds.tahun == 2025 and [i.kode for i in ds.iku] == KODE_IKU
    assert all(r in (None, "") for i in ds.iku if not i.kalkulator for r in i.realisasi_tw)
    assert {r.kode for r in ds.riwayat if r.tahun == 2024} == set(KODE_IKU)   # the closing year is in Riwayat
    pesan = buku.app.pesan[-1]
    assert str(baru) in pesan and "dikosongkan; target dibawa" in pesan and "14 IKU" in pesan
    assert makro.tahun_baru(2025, buku).path == tmp_path / "Kinerja_D4_2025_2.xlsm"    # pressed twice


def test_tahun_baru_dari_workbook_tahun_baru_menambah_riwayat(buku, tmp_path):
    """The 2025 workbook closed a year later: Riwayat gets one 2025 row per IKU (the 2024 workbook already has 2024)."""
    hasil = makro.tahun_baru(2025, buku)
    assert hasil is not None
    riwayat_2025 = baca_dataset(hasil.path).riwayat
    berikut = Buku(hasil.path, aktif=tl.PK)
    berikut.app.books = BukuExcel()
    hasil = makro.tahun_baru(2026, berikut)
    assert hasil is not None and hasil.path == tmp_path / "Kinerja_D4_2025_2026.xlsm"
    riwayat = baca_dataset(hasil.path).riwayat
    assert len(riwayat) == len(riwayat_2025) + 14 and {r.kode for r in riwayat if r.tahun == 2025} == set(KODE_IKU)


def test_tahun_baru_bukan_sesudah_tahun_pk_ditolak(buku, tmp_path):
    sebelum = _isi_folder(tmp_path)
    assert makro.tahun_baru(2024, buku) is None
    pesan = buku.app.pesan[-1]
    assert pesan.startswith("Tahun Baru dibatalkan; workbook ini tidak diubah.") and "2024" in pesan
    assert _isi_folder(tmp_path) == sebelum and buku.app.books.dibuka == []


# ------------------------------------------------------------------ the VBA: buttons exist, TahunBaru's prompt

def _vba() -> str:
    return (folder_vba() / "Kinerja.bas").read_text(encoding="utf-8")


def test_setiap_tombol_punya_makro_dan_fungsi_python():
    sub = set(re.findall(r"(?m)^Public Sub (\w+)\(\)", _vba()))
    assert {m for _, _, m, _ in (*tl.TOMBOL, *tl.TOMBOL_PK)} <= sub
    panggilan = re.findall(r'RunPython "import ([\w.]+); \1\.(\w+)\(', _vba())
    assert {f for _, f in panggilan} == {"validasi", "ekspor", "susun_ulang", "tahun_baru"}
    for modul, fungsi in panggilan:
        assert callable(getattr(importlib.import_module(modul), fungsi))


def _jalankan(makro_vba: str, *jawaban: str, tahun: object = 2024, interpreter: str = '""', ada: bool = False,
              pesan: str = '""') -> tuple[list[str], list[tuple[str, str, str]]]:
    """Run a button's macro; ``jawaban`` answer its InputBox / MsgBox in turn; ``tahun`` is the PK year (None: no name)."""
    from pyopenvba.apps.excel import ExcelApplication
    app = ExcelApplication()
    app.add_workbook()
    app.add_module(XLWINGS_TIRUAN.replace("@INTERPRETER@", interpreter).replace("@ADA@", str(ada))
                   .replace("@NOMOR@", "0").replace("@PESAN@", pesan), name="xlwings")
    app.add_module(_vba(), name="Kinerja")
    if tahun is not None:
        app.sheet(1).set_value("B2", tahun)
        app.add_named_range("Tahun", "=Sheet1!$B$2")
    app.answer_dialogs(*jawaban)
    app.run(makro_vba)
    assert [s.name for s in app.sheets()] == ["Sheet1"]
    return [c.split(" ", 1)[1] for c in app.console if c.startswith("RunPython ")], [d[:3] for d in app.dialogs]


PERINTAH = "import kinerja.excel.makro; kinerja.excel.makro."


def test_vba_susun_ulang():
    assert _jalankan("SusunUlang") == ([PERINTAH + "susun_ulang()"], [])
    jalan, dialog = _jalankan("SusunUlang", pesan='"Traceback" & vbLf & "KeyError: \'PK\'"')
    assert jalan == [PERINTAH + "susun_ulang()"]
    assert dialog == [("MsgBox", dialog[0][1], "Susun Ulang")] and dialog[0][1].startswith("Python berhenti karena galat:\nKeyError")
    jalan, dialog = _jalankan("SusunUlang", interpreter='"C:\\Py\\python.exe"')
    assert jalan == [] and dialog[0][1].startswith("Python tidak ditemukan di:") and dialog[0][2] == "Susun Ulang"


def test_vba_tahun_baru_menanyakan_tahun():
    jalan, dialog = _jalankan("TahunBaru")                              # OK on the default: the PK year + 1
    assert jalan == [PERINTAH + "tahun_baru(2025)"]
    assert [d[0] for d in dialog] == ["InputBox"] and dialog[0][2] == "Tahun Baru" and "2000-2100" in dialog[0][1]
    assert _jalankan("TahunBaru", " 2031 ")[0] == [PERINTAH + "tahun_baru(2031)"]
    assert _jalankan("TahunBaru", tahun="2023")[0] == [PERINTAH + "tahun_baru(2024)"]   # the year typed as text
    assert _jalankan("TahunBaru", "2030", tahun=None)[0] == [PERINTAH + "tahun_baru(2030)"]   # no name Tahun: asked anyway


def test_vba_tahun_baru_batal_tidak_menjalankan_apa_pun():
    jalan, dialog = _jalankan("TahunBaru", "")                          # Cancel: InputBox gives ""
    assert jalan == [] and [d[0] for d in dialog] == ["InputBox"]


@pytest.mark.parametrize("jawab, awal", [("abc", "'abc' bukan tahun"), ("2025,5", "'2025,5' bukan tahun"),
                                         ("-2025", "'-2025' bukan tahun"), ("1999", "Tahun 1999 di luar rentang 2000-2100"),
                                         ("2101", "Tahun 2101 di luar rentang"), ("99999999999", "Tahun 99999999999 di luar")])
def test_vba_tahun_baru_menolak_tahun_salah(jawab, awal):
    jalan, dialog = _jalankan("TahunBaru", jawab)
    assert jalan == [] and [d[0] for d in dialog] == ["InputBox", "MsgBox"]
    assert dialog[1][1].startswith(awal) and dialog[1][2] == "Tahun Baru" and "2025" in dialog[1][1]


def test_vba_tahun_baru_python_tidak_ada_tidak_menanyakan_tahun():
    jalan, dialog = _jalankan("TahunBaru", interpreter='"C:\\Py\\python.exe"')
    assert jalan == [] and [d[0] for d in dialog] == ["MsgBox"] and dialog[0][1].startswith("Python tidak ditemukan di:")
