"""Export of a quarter: re-opened and compared with the source; the source is never touched."""
from __future__ import annotations

import csv
import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

import pembangkit as pb
from kinerja.keluaran.ekspor import nama_berkas
from kinerja.keluaran.nilai import aman_csv
from kinerja.data.notasi import baca_angka

AKAR = Path(__file__).resolve().parents[1]
WORKBOOK = AKAR / "workbook" / "Kinerja_D4.xlsm"
ADA_SOFFICE = shutil.which("soffice") is not None


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kinerja.cli", *args], capture_output=True, text=True, timeout=300)


def _hash(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def hasil(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ekspor")
    sumber = folder / "Kinerja_D4.xlsm"
    shutil.copy(WORKBOOK, sumber)
    sebelum = _hash(sumber)
    format_ = "xlsx,pdf,csv,json" if ADA_SOFFICE else "xlsx,csv,json"
    p = _cli("ekspor", str(sumber), "--tw", "4", "--ke", str(folder / "keluar"), "--format", format_)
    assert p.returncode == 0, p.stderr
    assert _hash(sumber) == sebelum                    # the source workbook is never modified
    return folder / "keluar", sumber


def _sumber_tw4():
    ws = openpyxl.load_workbook(WORKBOOK, data_only=True)["TW IV"]
    return [[ws.cell(r, c).value for c in range(1, 13)] for r in range(6, 20)]


def test_nama_berkas(hasil, dataset_bawaan):
    folder, _ = hasil
    nama = {p.name for p in folder.iterdir()}
    assert nama_berkas(dataset_bawaan, 4, "csv") == "Kinerja_Deputi4_2024_TW4.csv"
    assert {"Kinerja_Deputi4_2024_TW4.xlsx", "Kinerja_Deputi4_2024_TW4.csv", "Kinerja_Deputi4_2024_TW4.json"} <= nama
    assert not any(n.startswith(".") for n in nama)           # no temporary file left


def test_xlsx_nilai_saja(hasil):
    folder, _ = hasil
    path = folder / "Kinerja_Deputi4_2024_TW4.xlsx"
    with zipfile.ZipFile(path) as z:
        assert not any("vbaProject" in n for n in z.namelist())
    f = openpyxl.load_workbook(path)["TW IV"]
    assert not any(isinstance(c.value, str) and c.value.startswith("=") for row in f.iter_rows() for c in row)
    nilai = [[f.cell(r, c).value for c in range(1, 13)] for r in range(6, 20)]
    for b, asli in zip(nilai, _sumber_tw4()):          # the recomputation equals what the sheet computed (up to binary noise)
        assert b == [pytest.approx(x, rel=1e-9) if isinstance(x, float) else x for x in asli]
    assert "Triwulan IV" in f["A3"].value and "diekspor" in f["A3"].value and "2024" in f["A3"].value
    assert "Deputi Bidang Koordinasi" in f["A2"].value
    teks = [str(c.value) for row in f.iter_rows() for c in row if c.value]
    assert any(t.startswith("NIP") for t in teks)                               # signature block
    assert f.page_setup.orientation == "landscape" and f.freeze_panes == "E6"
    assert f["J6"].fill.fgColor.rgb.endswith("FFEB9C")                          # 89,52: kuning, baked in
    assert f["J7"].fill.fgColor.rgb.endswith("C6EFCE")                          # 120: hijau


@pytest.mark.skipif(not ADA_SOFFICE, reason="LibreOffice tidak terpasang")
def test_pdf_berisi_teks(hasil):
    folder, _ = hasil
    teks = subprocess.run(["pdftotext", "-layout", str(folder / "Kinerja_Deputi4_2024_TW4.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    for potongan in ("Pengukuran Kinerja Triwulan IV Tahun 2024", "89,52", "114,58", "NKO (%)", "100,00", "109,81", "NIP",
                     "Belum Memenuhi Ekspektasi"):
        assert potongan in teks, potongan


def test_csv_bolak_balik(hasil):
    folder, _ = hasil
    raw = (folder / "Kinerja_Deputi4_2024_TW4.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")                                       # UTF-8 BOM for Excel
    with (folder / "Kinerja_Deputi4_2024_TW4.csv").open(encoding="utf-8-sig", newline="") as fh:
        baris = list(csv.reader(fh, delimiter=";"))
    assert baris[0][:4] == ["No", "Kode SS", "Kode IKU", "Indikator Kinerja Utama"]
    for b, asli in zip(baris[1:15], _sumber_tw4()):
        for x, y in zip(b, asli):
            if isinstance(y, (int, float)):
                assert baca_angka(x) == pytest.approx(y, abs=0.005)                # as the sheet shows it, half-up
            else:
                assert x == ("" if y is None else y)
    assert baris[1][7:10] == ["537,10", "537,1", "89,52"]    # IKU 1.1: the calculator's realisasi (#,##0.00), s.d. TW, capaian (l.1474)
    assert baris[4][7:10] == ["1419298", "1419298", "120,00"]  # IKU 1.4: a typed count (General, no grouping)
    assert baris[5][7] == "4,79"                           # IKU 1.5: 2,7 + 2,09 without the binary noise 4,789999999999992


@pytest.mark.skipif(not ADA_SOFFICE, reason="LibreOffice tidak terpasang")
def test_csv_dibuka_libreoffice_sebagai_angka(hasil, tmp_path):
    folder, _ = hasil
    profil = tmp_path / "profil"
    p = subprocess.run(["soffice", f"-env:UserInstallation=file://{profil}", "--headless", "--norestore",
                        "--infilter=CSV:59,34,76,1,,1057", "--convert-to", "xlsx", "--outdir", str(tmp_path),
                        str(folder / "Kinerja_Deputi4_2024_TW4.csv")], capture_output=True, text=True, timeout=180)
    assert p.returncode == 0, p.stderr
    ws = openpyxl.load_workbook(tmp_path / "Kinerja_Deputi4_2024_TW4.xlsx").active
    asli = _sumber_tw4()
    assert ws["J2"].value == 89.52 == round(asli[0][9], 2) and isinstance(ws["J2"].value, float)   # 89,52: a number
    assert ws["H5"].value == asli[3][7] == 1419298                                               # 1.419.298
    assert ws["C2"].value == "1.1" and ws["K2"].value == "Belum Memenuhi Ekspektasi"


def test_json(hasil):
    folder, _ = hasil
    d = json.loads((folder / "Kinerja_Deputi4_2024_TW4.json").read_text(encoding="utf-8"))
    assert (d["tahun"], d["triwulan"], d["unit_singkat"]) == (2024, 4, "Deputi4")
    assert [i["kode"] for i in d["iku"]][:3] == ["1.1", "1.2", "1.3"]
    assert d["iku"][0]["capaian"] == pytest.approx(537.1 / 6) and d["iku"][0]["status"] == "Belum Memenuhi Ekspektasi"
    assert [s["kode"] for s in d["nss"]] == ["SS.1", "SS.2", "SS.3", "SS.4"]
    assert d["nko"]["nilai"] == 100 and d["nko"]["tanpa_batas"] == pytest.approx(109.806, abs=1e-3)


def test_tidak_menimpa_tanpa_izin(hasil):
    folder, sumber = hasil
    csv_ = folder / "Kinerja_Deputi4_2024_TW4.csv"
    lama = csv_.read_bytes()
    p = _cli("ekspor", str(sumber), "--tw", "4", "--ke", str(folder), "--format", "csv,json")
    assert p.returncode == 2 and "tidak ditimpa" in p.stderr and csv_.read_bytes() == lama
    p = _cli("ekspor", str(sumber), "--tw", "4", "--ke", str(folder), "--format", "csv", "--timpa")
    assert p.returncode == 0


def test_ditolak_bila_ada_galat(dataset_bawaan, tmp_path):
    rusak = pb.bangun(pb.ganti_iku(dataset_bawaan, "1.4", polarisasi="naik"), tmp_path)
    p = _cli("ekspor", str(rusak), "--tw", "4", "--ke", str(tmp_path / "k"), "--format", "csv")
    assert p.returncode == 1 and "ditolak" in p.stderr and "polarisasi" in p.stdout
    assert not (tmp_path / "k").exists()
    p = _cli("ekspor", str(rusak), "--tw", "4", "--ke", str(tmp_path / "k"), "--format", "csv", "--paksa")
    assert p.returncode == 0 and (tmp_path / "k" / "Kinerja_Deputi4_2024_TW4.csv").exists()


def test_injeksi_csv_dinetralkan(dataset_bawaan, tmp_path):
    for jahat in ("=1+1", "+A1", "-2+3", "@SUM(A1)", "\tx", "\rx"):
        assert aman_csv(jahat) == "'" + jahat
    assert aman_csv(-358.5) == -358.5 and aman_csv("n/a") == "n/a"
    ds = pb.ganti_iku(dataset_bawaan, "1.1", nama="=HYPERLINK(\"http://x\")", kalkulator=None, realisasi="-7,17")
    path = pb.bangun(ds, tmp_path)
    p = _cli("ekspor", str(path), "--tw", "4", "--ke", str(tmp_path / "k"), "--format", "csv", "--paksa")
    assert p.returncode == 0, p.stderr
    with (tmp_path / "k" / "Kinerja_Deputi4_2024_TW4.csv").open(encoding="utf-8-sig", newline="") as fh:
        baris = list(csv.reader(fh, delimiter=";"))
    assert baris[1][3] == "'=HYPERLINK(\"http://x\")"                          # text that looked like a formula
    assert baris[1][7] == "-7,17"                                                 # a negative number stays a number
