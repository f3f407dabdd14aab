"""workbook/Kinerja_D4.xlsm: rebuilt identically, its formulas re-evaluated by pycel, its VBA read
back by oletools, rendered by LibreOffice, and its structure checked with openpyxl."""
from __future__ import annotations

import math
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from kinerja.bangun import bangun_workbook
from kinerja.buku import tata_letak as tl
from kinerja.buku.tata_letak import LEMBAR_TW, urutan_lembar
from kinerja.excel.evaluasi import kompilator
from kinerja.buku.vba import bantuan_fungsi, folder_vba, runtime_xlwings, wrapper_udf

AKAR = Path(__file__).resolve().parents[1]
WORKBOOK = AKAR / "workbook" / "Kinerja_D4.xlsm"


@pytest.fixture(scope="session")
def bangun_baru(tmp_path_factory, dataset_bawaan):
    return bangun_workbook(dataset_bawaan, tmp_path_factory.mktemp("bangun") / "Kinerja_D4.xlsm")


def test_workbook_tersimpan_sama_dengan_bangun_baru(bangun_baru):
    """Someone who edits the data, the VBA or the builder and forgets `kinerja bangun` fails here."""
    assert WORKBOOK.read_bytes() == bangun_baru.read_bytes(), "jalankan 'kinerja bangun --keluar workbook/Kinerja_D4.xlsm --timpa' lalu commit workbook/Kinerja_D4.xlsm"


@pytest.fixture(scope="session")
def buku():
    return openpyxl.load_workbook(WORKBOOK), openpyxl.load_workbook(WORKBOOK, data_only=True)


def _sel_rumus(ws) -> list[str]:
    return [c.coordinate for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")]


def _sama(a, b) -> bool:
    a = None if a == "" else a
    b = None if b == "" else b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return a == b


@pytest.fixture(scope="session")
def pycel_hasil(buku):
    """Every formula cell of TW IV, Rincian, Riwayat and the finance sheets recomputed by pycel (not by our builder)."""
    rumus, _ = buku
    lembar_diuji = ("TW IV", "Rincian", "Riwayat", "Pagu", "Realisasi", "Keluaran", "Efisiensi", "Anggaran TW")
    alamat = [f"{lembar}!{a}" for lembar in lembar_diuji for a in _sel_rumus(rumus[lembar])]
    xl = kompilator(str(WORKBOOK))
    for a in alamat:
        xl.evaluate(a)
    xl.recalculate()                      # pycel starts from cached values: force its own evaluation
    return {a: xl.evaluate(a) for a in alamat}


def test_pycel_sama_dengan_nilai_tersimpan(buku, pycel_hasil):
    _, nilai = buku
    assert len(pycel_hasil) > 250
    beda = []
    for a, v in pycel_hasil.items():
        lembar, sel = a.split("!")
        if not _sama(v, nilai[lembar][sel].value):
            beda.append((a, v, nilai[lembar][sel].value))
    assert beda == []


def _kolom_tw(ws, judul: str) -> int:
    for c in range(1, 20):
        if ws.cell(5, c).value == judul:
            return c
    raise AssertionError(judul)


def test_pycel_sama_dengan_mesin(buku, pycel_hasil, laporan_bawaan):
    """TW IV computed by pycel through the UDFs equals `kinerja laporan` (the engine)."""
    _, nilai = buku
    ws = nilai["TW IV"]
    k_kode, k_cap, k_stat = (_kolom_tw(ws, j) for j in ("Kode IKU", "Capaian (%)", "Status"))
    for i, iku in enumerate(laporan_bawaan.iku):
        r = 6 + i
        assert ws.cell(r, k_kode).value == iku.kode
        assert pycel_hasil[f"TW IV!{get_column_letter(k_cap)}{r}"] == pytest.approx(iku.capaian)
        assert pycel_hasil[f"TW IV!{get_column_letter(k_stat)}{r}"] == iku.status
    h = get_column_letter(k_cap)
    nss = {ws.cell(r, 2).value: pycel_hasil[f"TW IV!{h}{r}"] for r in range(6, ws.max_row + 1)
           if str(ws.cell(r, 2).value or "").startswith("SS.") and f"TW IV!{h}{r}" in pycel_hasil and ws.cell(r, 3).value is None}
    assert nss == pytest.approx({s.kode: s.nilai for s in laporan_bawaan.nss})
    r_nko = next(r for r in range(6, ws.max_row + 1) if ws.cell(r, 2).value == "NKO (%)")
    assert pycel_hasil[f"TW IV!{h}{r_nko}"] == laporan_bawaan.nko.nilai == 100
    assert pycel_hasil[f"TW IV!{h}{r_nko + 1}"] == pytest.approx(laporan_bawaan.nko.tanpa_batas)


def test_rincian_dan_riwayat_menurut_laporan(buku):
    _, nilai = buku
    ws = nilai["Rincian"]
    kunci = {}
    blok = None
    for r in range(1, ws.max_row + 1):
        a = ws.cell(r, 1).value
        if isinstance(a, str) and (a.startswith(("IKU ", "SAKIP ")) or a == "anggaran"):
            blok = a
        elif a:
            kunci[(blok, a)] = ws.cell(r, 3).value
    assert round(kunci[("SAKIP 2023", "sakip")], 2) == 83.47
    assert round(kunci[("IKU 1.1", "proyeksi_triwulan")], 1) == 165.1 and round(kunci[("IKU 1.1", "hasil")], 1) == 537.1
    assert round(kunci[("IKU 3.3", "hasil")], 2) == 79.17
    assert round(kunci[("IKU 4.1", "sub_kpa")], 2) == 19.92 and round(kunci[("IKU 4.1", "skor")], 2) == 99.21
    assert round(kunci[("IKU 4.1", "hasil")], 2) == 3.97
    rw = nilai["Riwayat"]
    baris = {(rw.cell(r, 1).value, rw.cell(r, 5).value, (rw.cell(r, 2).value or "")[:10]): r for r in range(5, 60)}
    assert rw.cell(baris[("1.2", 2020, "Pertumbuha")], 10).value == pytest.approx(-358.5)   # published -385,5
    assert rw.cell(baris[("1.2", 2020, "Pertumbuha")], 12).value == pytest.approx(-385.5 + 358.5)


def test_vba_dibaca_kembali_oleh_oletools():
    from oletools.olevba import VBA_Parser
    v = VBA_Parser(str(WORKBOOK))
    modul = {n.rsplit(".", 1)[0]: code for (_, _, n, code) in v.extract_macros()}
    v.close()

    def inti(s: str) -> str:        # module text without the attribute header / class preamble
        s = re.sub(r"(?s)^VERSION 1\.0 CLASS.*?\nEND\r?\n", "", s)
        return "\n".join(b for b in s.replace("\r\n", "\n").split("\n") if not b.startswith("Attribute ")).strip()

    for p in [*folder_vba().glob("*.bas"), *folder_vba().glob("*.cls")]:
        assert inti(modul[p.stem]) == inti(p.read_text(encoding="utf-8")), p.name
    assert inti(modul["xlwings_udfs"]) == inti(wrapper_udf())
    assert inti(modul["KinerjaFungsi"]) == inti(bantuan_fungsi())
    for m in runtime_xlwings():
        assert inti(modul[m.nama]) == inti(m.sumber)
    assert "Private Sub Workbook_Open()" in modul["ThisWorkbook"]
    assert 'RunPython "import kinerja.excel.makro; kinerja.excel.makro.validasi()"' in modul["Kinerja"]


def test_wrapper_untuk_setiap_fungsi_dan_bantuan():
    from kinerja.udf import REGISTRI
    teks = wrapper_udf()
    for nama, f in REGISTRI.items():
        assert f"Function {nama}(" in teks and f'XLPy.CallUDF("kinerja.udf", "{nama}"' in teks
        assert 0 < len(f.bantuan) <= 255 and all(0 < len(a.bantuan) <= 255 for a in f.argumen)
        assert f"'!{nama}\", Description:=" in bantuan_fungsi()
        assert not re.fullmatch(r"[A-Z]{1,3}\d+", nama)       # a cell-address-like name cannot be used in a formula


def test_struktur(buku):
    rumus, _ = buku
    assert rumus.sheetnames == ["Petunjuk", "PK", "TW I", "TW II", "TW III", "TW IV", "Rincian", "Pagu", "Realisasi", "Keluaran",
                                "Efisiensi", "Anggaran TW", "Riwayat", "Validasi", "xlwings.conf"]
    assert {"Tahun", "Unit", "NKO_Metode", "NKO_Batas", "NSS_Batas", "Batas_Capaian", "Skala_Tata_Kelola", "Desimal_KPA",
            "PK_SS_Kode", "PK_SS_Perspektif", "PK_Polarisasi", "PK_Target"} <= set(rumus.defined_names)
    from kinerja.udf import REGISTRI
    bentrok = {n for n in rumus.defined_names if n.upper() in REGISTRI or n.lower() in {x.lower() for x in rumus.sheetnames}}
    assert bentrok == set()            # a name equal to a function or a sheet breaks formulas (LibreOffice Err:509)
    pk = rumus["PK"]
    sumber = [dv.formula1 for dv in pk.data_validations.dataValidation]
    assert '"Maximize,Minimize,Stabilize"' in sumber and '"rata_nss,rata_perspektif,rata_iku"' in sumber
    for nama in LEMBAR_TW:
        ws = rumus[nama]
        assert ws.protection.sheet and not ws.protection.password
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0
        assert ws.freeze_panes == "E6"
        assert "Laporan Kinerja 2024" in ws.oddHeader.center.text and "Halaman" in ws.oddFooter.right.text
        aturan = [r.formula[0] for rng in ws.conditional_formatting for r in rng.rules]
        warna = {w for w in ("hijau", "kuning", "merah", "biru", "oranye") if any(f'="{w}"' in a for a in aturan)}
        assert warna == {"hijau", "kuning", "merah", "biru", "oranye"}          # one rule per band colour
        assert all('INDEX(Predikat_Warna,COUNTIF(Predikat_Batas,">"&' in a for a in aturan)   # the PK's bands, not fixed numbers
        k_real, k_cap = _kolom_tw(ws, "Realisasi"), _kolom_tw(ws, "Capaian (%)")
        for r in range(6, 20):
            rumus_real = str(ws.cell(r, k_real).value or "").startswith("=")
            assert ws.cell(r, k_real).protection.locked is rumus_real     # typed realisasi unlocked, links protected
            assert ws.cell(r, k_cap).protection.locked is True          # formulas protected
        assert ws._charts, "grafik capaian"
    assert rumus["Riwayat"]._charts
    conf = {rumus["xlwings.conf"].cell(r, 1).value: rumus["xlwings.conf"].cell(r, 2).value for r in range(1, 12)}
    assert conf["UDF Modules"] == "kinerja.udf"


def test_xlwings_conf_tanpa_kunci_kosong(buku):
    """xlwings takes a key from the sheet even when its value is empty (GetConfig in xlwings.bas): an empty
    Interpreter_Win would hide IT's %USERPROFILE%\\.xlwings\\xlwings.conf. Keys run from A1 down without a gap
    (xlwings reads column A to the first empty cell)."""
    ws = buku[0]["xlwings.conf"]
    kunci = []
    for r in range(1, 30):
        if ws.cell(r, 1).value is None:
            break
        kunci.append((ws.cell(r, 1).value, ws.cell(r, 2).value))
    assert all(ws.cell(r, 1).value is None for r in range(len(kunci) + 1, 40))     # nothing below is read as a key
    conf = dict(kunci)
    assert len(conf) == len(kunci) and all(isinstance(v, str) and v.strip() for v in conf.values())
    assert conf["UDF Modules"] == "kinerja.udf" and conf["SHOW_ERROR_POPUPS"] == "False"
    assert not {k.upper() for k in conf} & {"INTERPRETER_WIN", "INTERPRETER_MAC", "INTERPRETER", "PYTHONPATH", "CONDA PATH",
                                             "CONDA ENV"}
    catatan = " ".join(str(ws.cell(r, 3).value or "") for r in range(1, 30))
    assert "INTERPRETER_WIN" in catatan and "tanpa tanda kutip" in catatan


def test_workbook_xml_calc_id_tanpa_hitung_penuh_saat_dibuka():
    """Excel 365's calcId (191029, what Excel 2019/2021/365 writes) and no fullCalcOnLoad: Excel shows the cached
    values and recalculates only what changes; an older id would make Excel recompute every UDF on open."""
    import zipfile
    from xml.etree import ElementTree as ET
    with zipfile.ZipFile(WORKBOOK) as z:
        akar = ET.fromstring(z.read("xl/workbook.xml"))
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    calc = akar.find("m:calcPr", ns)
    assert calc is not None and calc.get("calcId") == "191029"
    assert calc.get("fullCalcOnLoad") in (None, "0") and calc.get("forceFullCalc") in (None, "0")
    assert calc.get("calcMode") in (None, "auto")


# ------------------------------------------------------------------ the VBA of the buttons, run by pyOpenVBA's interpreter

XLWINGS_TIRUAN = """Attribute VB_Name = "xlwings"
' Stand-in for the parts of xlwings.bas the buttons touch: GetConfig, FileExists, RunPython (which, with
' SHOW_ERROR_POPUPS = False, writes a failed run's message to a new sheet "Error", as ShowError does).
Public Function GetConfig(configKey As String, Optional default As String = "", Optional source As String = "") As Variant
    If configKey = "INTERPRETER_WIN" Then GetConfig = @INTERPRETER@ Else GetConfig = default
End Function
Function FileExists(ByVal FileSpec As String) As Boolean
    FileExists = @ADA@
End Function
Public Function RunPython(PythonCommand As String)
    Dim sh As Worksheet
    Debug.Print "RunPython " & PythonCommand
    If @NOMOR@ <> 0 Then Err.Raise @NOMOR@, Description:="Permission denied"
    If @PESAN@ <> "" Then
        Set sh = ThisWorkbook.Sheets.Add()
        sh.Name = "Error"
        sh.Range("A1").Value = @PESAN@
        RunPython = -1
    End If
End Function
"""


def _jalankan_tombol(makro: str, interpreter: str = '""', ada: bool = False, nomor: int = 0, pesan: str = '""'):
    from pyopenvba.apps.excel import ExcelApplication
    app = ExcelApplication()
    app.add_workbook()
    tiruan = (XLWINGS_TIRUAN.replace("@INTERPRETER@", interpreter).replace("@ADA@", str(ada))
              .replace("@NOMOR@", str(nomor)).replace("@PESAN@", pesan))
    app.add_module(tiruan, name="xlwings")
    app.add_module((folder_vba() / "Kinerja.bas").read_text(encoding="utf-8"), name="Kinerja")
    aktif = app.workbook.active_sheet.name
    app.run(makro)                                    # an error VBA did not handle would raise here
    assert [s.name for s in app.sheets()] == ["Sheet1"] and app.workbook.active_sheet.name == aktif
    return [c.split(" ", 1)[1] for c in app.console if c.startswith("RunPython ")], [(d[1], d[2]) for d in app.dialogs]


@pytest.mark.parametrize("makro, fungsi", [("ValidasiTriwulan", "validasi"), ("EksporTriwulan", "ekspor")])
def test_tombol_memberi_pesan_indonesia_bila_python_gagal(makro, fungsi):
    judul = {"validasi": "Validasi Kinerja", "ekspor": "Ekspor Kinerja"}[fungsi]
    perintah = f"import kinerja.excel.makro; kinerja.excel.makro.{fungsi}()"
    assert _jalankan_tombol(makro) == ([perintah], [])                            # Python ran, nothing to say
    assert _jalankan_tombol(makro, '"C:\\Py\\python.exe"', ada=True) == ([perintah], [])

    jalan, pesan = _jalankan_tombol(makro, '"C:\\Py\\python.exe"')              # configured, not there
    assert jalan == [] and pesan[0][1] == judul and pesan[0][0].startswith("Python tidak ditemukan di:")
    jalan, pesan = _jalankan_tombol(makro, '"""C:\\Program Files\\Py\\python.exe"""', ada=True)
    assert jalan == [] and "tanda kutip" in pesan[0][0]

    kasus = {'"Traceback" & vbLf & "ModuleNotFoundError: No module named \'kinerja\'" & vbLf': "Paket Python 'kinerja' belum",
             '"ModuleNotFoundError: No module named \'xlwings\'"': "Paket Python 'xlwings'",
             '"\'python\' is not recognized as an internal or external command,"': "Python tidak ditemukan oleh Windows",
             '"Python was not found; run without arguments to install from the Microsoft Store"': "Python tidak ditemukan",
             '"Traceback" & vbLf & "ValueError: tahun kosong"': "Python berhenti karena galat:\nValueError: tahun kosong"}
    for teks, awal in kasus.items():
        jalan, pesan = _jalankan_tombol(makro, pesan=teks)                        # the Error sheet is read, then deleted
        assert jalan == [perintah] and len(pesan) == 1 and pesan[0][0].startswith(awal), teks

    jalan, pesan = _jalankan_tombol(makro, nomor=70)                              # Defender ASR: WScript.Run is refused
    assert pesan[0][0].startswith("Windows menolak Excel menjalankan Python") and "child processes" in pesan[0][0]
    jalan, pesan = _jalankan_tombol(makro, nomor=5)
    assert pesan[0][0].startswith("Tombol gagal dijalankan (galat 5")
    assert all(not any(w in p for w in ("Could not", "Error", "Press Ctrl")) for p, _ in pesan)


def test_modul_vba_sendiri_terurai_oleh_pyopenvba():
    """Compile check (parser) of the hand-written and generated modules; xlwings' own modules are not ours."""
    from pyopenvba.interpreter import parse_module
    from kinerja.buku.vba import modul_proyek
    jenis = {"standar": "standard", "kelas": "class", "dokumen": "document"}
    kita = [m for m in modul_proyek() if m.nama in ("Kinerja", "ThisWorkbook", "KinerjaFungsi")]
    assert len(kita) == 3
    for m in kita:
        parse_module(m.sumber, name=m.nama, kind=jenis[m.jenis])
    for f in (*folder_vba().glob("*.bas"), *folder_vba().glob("*.cls")):
        isi = f.read_bytes()
        assert isi.count(b"\r\n") == isi.count(b"\n"), f.name                      # CRLF, compiled as it is


def test_bantuan_fungsi_satu_gagal_tidak_menghentikan_lainnya():
    """Each MacroOptions call has its own handler; the book name's apostrophe is doubled inside the quotes."""
    from pyopenvba.apps.excel import Application, ExcelApplication
    from pyopenvba.interpreter import MISSING, method
    from pyopenvba.interpreter._values import error
    from kinerja.udf import REGISTRI
    panggilan = []

    class ExcelUji(Application):
        @method
        def MacroOptions(self, Macro=MISSING, Description=MISSING, HasMenu=MISSING, MenuText=MISSING,
                         HasShortcutKey=MISSING, ShortcutKey=MISSING, Category=MISSING, StatusBar=MISSING,
                         HelpContextID=MISSING, HelpFile=MISSING, ArgumentDescriptions=MISSING):
            panggilan.append((Macro, Description, Category, list(ArgumentDescriptions.items)))
            if str(Macro).endswith("!STATUS_CAPAIAN"):
                raise error(1004)                     # refused: the others must still be registered

    app = ExcelApplication()
    book = app.add_workbook()
    book.name = "Kinerja D4 (O'Brien).xlsm"
    app.application.__class__ = ExcelUji
    app.add_module(bantuan_fungsi(), name="KinerjaFungsi")
    assert app.run("DaftarkanFungsi") == 1
    assert [m for m, *_ in panggilan] == [f"'Kinerja D4 (O''Brien).xlsm'!{n}" for n in REGISTRI]
    for (_, uraian, kategori, arg), f in zip(panggilan, REGISTRI.values()):
        assert uraian == f.bantuan and kategori == "Kinerja" and arg == [a.bantuan for a in f.argumen]


def test_tanpa_rumus_larik(buku):
    """LibreOffice recomputes array formulas on load (showing #NAME?): the workbook writes none."""
    rumus, _ = buku
    for ws in rumus.worksheets:
        assert not any(type(c.value).__name__ == "ArrayFormula" for row in ws.iter_rows() for c in row), ws.title


def _soffice(tmp: Path, *args: str) -> subprocess.CompletedProcess:
    profil = tmp / "profil"
    return subprocess.run(["soffice", f"-env:UserInstallation=file://{profil}", "--headless", "--norestore", *args],
                          capture_output=True, text=True, timeout=180)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice tidak terpasang (scripts/uji.sh memasangnya)")
def test_libreoffice_pdf_dan_png(tmp_path, buku, dataset_bawaan):
    salinan = tmp_path / "Kinerja_D4.xlsm"
    shutil.copy(WORKBOOK, salinan)          # LibreOffice never touches the committed file
    p = _soffice(tmp_path, "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(salinan))
    pdf = tmp_path / "pdf" / "Kinerja_D4.pdf"
    assert p.returncode == 0 and pdf.exists(), p.stderr
    teks = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    halaman = teks.split("\f")
    for nama in urutan_lembar(dataset_bawaan.anggaran is not None)[:-1]:
        assert any(f"— {nama}" in h for h in halaman), f"lembar {nama} tidak tercetak"
    tw4 = next(i for i, h in enumerate(halaman) if "Pengukuran Kinerja Triwulan IV" in h)
    hlm = halaman[tw4]
    assert "#NAME" not in teks and "#VALUE" not in teks and "Err:" not in teks
    # LibreOffice shows the cached values, in Indonesian notation ([$-421] number formats)
    for angka in ("89,52", "120,00", "104,07", "116,67", "93,75", "98,96", "114,58", "110,72", "108,33", "100,17", "100,00", "109,81"):
        assert angka in hlm, angka
    assert "Belum Memenuhi Ekspektasi" in hlm and "Memenuhi Ekspektasi" in hlm
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", str(tw4 + 1), "-l", str(tw4 + 1), str(pdf), str(tmp_path / "tw4")], check=True)
    assert next(tmp_path.glob("tw4*.png")).stat().st_size > 5000
    subprocess.run(["pdftoppm", "-r", "40", "-gray", "-f", str(tw4 + 1), "-l", str(tw4 + 1), str(pdf), str(tmp_path / "abu")], check=True)
    lebar, tinggi, piksel = _baca_pgm(next(tmp_path.glob("abu*.pgm")))
    gelap = sum(1 for px in piksel if px < 200)
    assert gelap > 0.01 * lebar * tinggi          # not blank: text, table and colours are there


def _baca_pgm(path: Path) -> tuple[int, int, bytes]:
    """A binary PGM (P5) as pdftoppm -gray writes it."""
    data = path.read_bytes()
    bagian = data.split(maxsplit=4)
    assert bagian[0] == b"P5"
    lebar, tinggi = int(bagian[1]), int(bagian[2])
    return lebar, tinggi, bagian[4][-lebar * tinggi:]


def test_makro_tombol_menunjuk_fungsi_python_yang_ada():
    """Each RunPython of the VBA sources imports a module that exists and calls a function it has."""
    import importlib
    bas = (folder_vba() / "Kinerja.bas").read_text(encoding="utf-8")
    panggilan = re.findall(r'RunPython "import ([\w.]+); \1\.(\w+)\(', bas)
    assert {f for _, f in panggilan} >= {"validasi", "ekspor", "susun_ulang", "tahun_baru"}
    for _, _, makro, _ in (*tl.TOMBOL, *tl.TOMBOL_PK):                   # every button's macro is a Public Sub
        assert re.search(rf"^Public Sub {makro}\(\)", bas, re.M), makro
    for modul, fungsi in panggilan:
        assert callable(getattr(importlib.import_module(modul), fungsi))


def test_petunjuk_memuat_setiap_aturan_validasi(buku):
    from kinerja.periksa import ATURAN
    teks = [str(c.value or "") for (c,) in buku[1]["Petunjuk"].iter_rows(max_col=1)]
    for a in ATURAN.values():
        assert any(t.startswith(f"{a.nama} (") and a.uraian in t for t in teks), a.nama
