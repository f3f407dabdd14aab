"""Issue 15, "one truth in every cell": faults made in the sheet XML as Excel saves them, read by the cell functions,
the engine and the validator alike.

- R8: ``80%`` typed into a General cell is stored by Excel as 0.8 with a percent number format; the reader reads
  it as the text it shows and names the cell (the cell function sees only 0.8).
- R1: merely empty inputs give n/a, never 0 or error text, in the cell and in the engine (Tahun Baru's empty year).
- No native Excel arithmetic on inputs that may hold text: the Rincian calculators call Kinerja functions.
"""
from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import pembangkit as pb
from kinerja.buku import fungsi
from kinerja.buku.baca import baca
from kinerja.buku.cuplikan import dari_berkas
from kinerja.hitung.laporan import susun_laporan
from kinerja.hitung.triwulan import susun_triwulan
from kinerja.periksa import validasi

AKAR = Path(__file__).resolve().parents[1]
WORKBOOK = AKAR / "workbook" / "Kinerja_D4.xlsm"


def _gaya_persen(xml: str) -> tuple[str, int]:
    """styles.xml with one more cell style whose number format is Excel's built-in 0% (id 9): (xml, its index)."""
    m = re.search(r'<cellXfs count="(\d+)">', xml)
    n = int(m.group(1))
    xml = xml.replace(m.group(0), f'<cellXfs count="{n + 1}">', 1)
    i = xml.index("</cellXfs>")
    return xml[:i] + '<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' + xml[i:], n


def _ketik_persen(sumber: Path, tujuan: Path, lembar: str, sel: str, x: float) -> Path:
    """What Excel saves when staff type ``80%`` into a General cell: the number 0.8 under a percent style."""
    with zipfile.ZipFile(sumber) as z:
        gaya = z.read("xl/styles.xml").decode()
    baru, s = _gaya_persen(gaya)
    antara = tujuan.with_name("antara_" + tujuan.name)
    pb.ubah_xml(sumber, antara, "xl/styles.xml", lambda _: baru)
    pb.ubah_sel(antara, tujuan, lembar, sel, nilai=x)
    return pb.ubah_xml(tujuan, tujuan, lembar, lambda xml: re.sub(rf'<c r="{sel}"( s="\d+")?', f'<c r="{sel}" s="{s}"', xml, count=1))


def test_persen_diketik_dibaca_seperti_tampilannya(tmp_path):
    """IKU 3.4 (target 80%), TW III realisasi typed 80% -> stored 0.8 in a percent cell: the engine reads 80% (capaian 100,
    not 1,0) and the validator names the cell with a galat, since the cell function computes with 0.8."""
    f = _ketik_persen(WORKBOOK, tmp_path / "persen.xlsm", "TW III", "H16", 0.8)
    c = dari_berkas(f)
    assert c.lembar["TW III"].v(15, 7) == "80%" and c.lembar["TW III"].persen == {(15, 7): 0.8}
    ds, _ = baca(c)
    iku = next(b for b in susun_triwulan(ds, 3).iku if b.hasil.kode == "3.4")
    assert iku.hasil.capaian == 100.0                           # 80% against 80%, as the text 80% gives
    assert fungsi.CAPAIAN_IKU("80%", "80%") == 100.0 and fungsi.CAPAIAN_IKU(0.8, "80%") == 1.0   # what the cell sees
    temuan = [t for t in validasi(c, 3) if t.aturan == "angka-persen"]
    assert [(t.tingkat, t.lembar, t.sel) for t in temuan] == [("galat", "TW III", "H16")]
    assert "0,8 (tampil 80%)" in temuan[0].pesan and "Teks" in temuan[0].saran


def test_persen_pada_target_pk(tmp_path):
    """The same for a PK target: 0.8 shown 80% reads as the target 80%, with the galat at PK F48."""
    f = _ketik_persen(WORKBOOK, tmp_path / "target.xlsm", "PK", "F48", 0.8)
    c = dari_berkas(f)
    ds, _ = baca(c)
    assert next(i for i in ds.iku if i.kode == "3.4").target == "80%"
    lap = susun_laporan(ds)
    assert lap.iku[[i.kode for i in ds.iku].index("3.4")].capaian == pytest.approx(susun_laporan(baca(dari_berkas(WORKBOOK))[0]).iku[10].capaian)
    assert [(t.tingkat, t.sel) for t in validasi(c, 4) if t.aturan == "angka-persen"] == [("galat", "F48")]


def test_kalkulator_rincian_tanpa_aritmetika_excel():
    """Inputs as text: the Rincian functions read them as the engine does (the old =SUM showed 10, =a-b #VALUE!)."""
    from kinerja.hitung.penghitung import hitung
    assert fungsi.JUMLAH_NILAI([["10", "20 orang"]]) == hitung("jumlah", {"nilai": ["10", "20 orang"]}).nilai == 30.0
    assert fungsi.SELISIH_LEVEL("144,64 Juta", "24,64") == hitung("selisih_level", {"sekarang": "144,64 Juta", "sebelumnya": "24,64"}).nilai == 120.0
    assert fungsi.SELISIH_LEVEL(None, None) == fungsi.NA                     # R1: two empty cells are n/a, not 0
    assert fungsi.PROYEKSI_TAHUNAN(10, 3, [[10, 20]]) == hitung(
        "proyeksi_tahunan", {"kumulatif": 10, "triwulan_terakhir": 3, "pertumbuhan": [10, 20]}).nilai == pytest.approx(13.45)
    assert fungsi.SKOR_TATA_KELOLA(29.29, "n/a", 19.85) == fungsi.NA
    assert fungsi.RATA_NILAI([[1, None, 3]]) == 2.0


def test_rincian_memanggil_fungsi_kinerja():
    """No native SUM/AVERAGE/+/- on the Rincian sheet's results: every result cell calls a Kinerja function."""
    c = dari_berkas(WORKBOOK)
    v = c.lembar["Rincian"]
    rumus = [v.f(r, k) for r in v.baris_terisi() for k in range(2, 10) if v.f(r, k)]
    kinerja = set(fungsi.REGISTRI)
    for f in rumus:
        nama = set(re.findall(r"([A-Z][A-Z0-9_.]*)\(", f))
        assert nama <= kinerja, f
        assert not re.search(r"[A-Z]+\d+\s*[-+*/]\s*[A-Z]+\d+", f), f


def _cli(*a: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kinerja.cli", *a], capture_output=True, text=True)


@pytest.fixture(scope="module")
def tahun_baru(tmp_path_factory):
    f = tmp_path_factory.mktemp("tb") / "b2025.xlsm"
    assert _cli("tahun-baru", str(WORKBOOK), "--tahun", "2025", "--keluar", str(f)).returncode == 0
    return f


def test_tahun_baru_kosong_adalah_na(tahun_baru):
    """Tahun Baru's empty year: no galat in any quarter, no cached 0 or error text, the NKO is n/a (was 0 'Tidak Memenuhi')."""
    c = dari_berkas(tahun_baru)
    for tw in (1, 2, 3, 4):
        assert [t for t in validasi(c, tw) if t.tingkat == "galat"] == [], tw
    v = c.lembar["TW IV"]
    hasil = lambda f: f and any(n + "(" in f for n in fungsi.REGISTRI)  # noqa: E731  (the NKO's settings echo is not a result)
    tersimpan = [v.v(r, k) for r in v.baris_terisi() for k in range(7, 11) if hasil(v.f(r, k))]
    assert tersimpan and all(x == "n/a" for x in tersimpan), tersimpan
    assert susun_laporan(baca(c)[0]).nko.status == "n/a"


DATA_KEDUA = AKAR / "tests" / "data" / "unit_kedua"


@pytest.fixture(scope="module")
def hasil_penulis(tmp_path_factory):
    """Every writer of the product, on the 2024 default and on the tests' second unit: (name, file)."""
    d = tmp_path_factory.mktemp("penulis")
    keluar = []
    for nama, sumber in (("2024", []), ("kedua", ["--dataset", str(DATA_KEDUA)])):
        f = d / f"bangun_{nama}.xlsm"
        assert _cli("bangun", *sumber, "--keluar", str(f)).returncode == 0
        keluar.append((f"bangun {nama}", f))
        for perintah, tambahan in (("susun", []), ("tahun-baru", ["--tahun", "2031"])):
            g = d / f"{perintah}_{nama}.xlsm"
            r = _cli(perintah, str(f), *tambahan, "--keluar", str(g))
            assert r.returncode == 0, r.stderr
            keluar.append((f"{perintah} {nama}", g))
    f = d / "kosong.xlsm"
    assert _cli("bangun", "--kosong", "--keluar", str(f)).returncode == 0
    keluar.append(("bangun --kosong", f))
    return keluar


def test_setiap_penulis_lolos_validasinya_sendiri(hasil_penulis):
    """Issue 15 item 3: no galat in any quarter for every written workbook; a blank start has only 'iku-kosong' (and the
    finance sheets), its validation exits with findings, never 2."""
    for nama, f in hasil_penulis:
        c = dari_berkas(f)
        for tw in (1, 2, 3, 4):
            galat = [(t.lembar, t.sel, t.aturan, t.pesan) for t in validasi(c, tw) if t.tingkat == "galat"]
            if nama == "bangun --kosong":
                assert [g[2] for g in galat] == ["iku-kosong"], (nama, tw, galat)
            else:
                assert galat == [], (nama, tw, galat)
    kosong = dict(hasil_penulis)["bangun --kosong"]
    assert {"Pagu", "Realisasi", "Keluaran", "Efisiensi", "Anggaran TW"} <= set(dari_berkas(kosong).lembar)
    r = _cli("validasi", str(kosong), "--tw", "1")
    assert r.returncode == 1 and "iku-kosong" in r.stdout, (r.returncode, r.stdout, r.stderr)


def test_tidak_ada_teks_galat_untuk_masukan_kosong(hasil_penulis):
    """No cached '#' text on the TW sheets or Rincian of a workbook whose inputs are merely empty (Tahun Baru, blank)."""
    for nama, f in hasil_penulis:
        if not nama.startswith(("tahun-baru", "bangun --kosong")):
            continue
        c = dari_berkas(f)
        for lembar in ("TW I", "TW II", "TW III", "TW IV", "Rincian"):
            v = c.lembar[lembar]
            teks = [(r, k, v.v(r, k)) for r in v.baris_terisi() for k in range(12)
                    if v.f(r, k) and isinstance(v.v(r, k), str) and v.v(r, k).startswith("#")]
            assert teks == [], (nama, lembar, teks)


def test_sel_isian_berformat_teks():
    """R8 by design: the input cells Excel would convert (TW realisasi, PK target and bounds, Rincian inputs) are
    Text-formatted in the built workbook, so 80% typed stays the text 80%."""
    import openpyxl
    wb = openpyxl.load_workbook(WORKBOOK)
    assert wb["TW III"]["H16"].number_format == "@"                     # IKU 3.4 realisasi
    assert wb["PK"]["F48"].number_format == "@"                          # IKU 3.4 target
    from kinerja.buku import tata_letak as tl
    pk = wb["PK"]
    r0 = next(r for r in range(1, pk.max_row + 1) if pk.cell(r, 1).value == tl.IKU_KEPALA)
    for k in (tl.K_BAWAH, tl.K_ATAS, tl.K_TERBURUK, tl.K_BOBOT):
        assert pk.cell(r0 + 1, k + 1).number_format == "@", tl.PK_KOLOM[k]
    rincian = wb["Rincian"]
    masukan = [rincian.cell(r, 3) for r in range(1, rincian.max_row + 1)
               if rincian.cell(r, 1).value == "tahap" or rincian.cell(r, 1).value == "jawaban"]
    assert masukan and all(c.number_format == "@" for c in masukan)


def test_validasi_teks_membungkus_pesan_panjang(tahun_baru):
    """Item 7: the text output wraps a long message onto continuation lines instead of cutting it at 70 characters."""
    r = _cli("validasi", str(tahun_baru), "--tw", "4")
    assert "…" not in r.stdout
    assert "Keterangan (l.835)" in r.stdout                 # the end of realisasi-kosong's advice, beyond 70 characters
