"""Validation rules: one deliberately broken workbook per rule, each found exactly, at its cell."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import pembangkit as pb
from kinerja.buku.cuplikan import dari_berkas
from kinerja.data.dataset import IKU, SS, muat_bawaan
from kinerja.periksa import validasi

AKAR = Path(__file__).resolve().parents[1]
WORKBOOK = AKAR / "workbook" / "Kinerja_D4.xlsm"


def _kunci(temuan):
    return {(t.tingkat, t.lembar, t.sel, t.aturan) for t in temuan}


@pytest.fixture(scope="module")
def dasar():
    """Findings of the clean workbook for TW IV (the Riwayat errata, nothing else)."""
    return _kunci(validasi(dari_berkas(WORKBOOK), 4))


def test_workbook_bersih_tanpa_galat(dasar):
    assert not any(t[0] == "galat" for t in dasar)
    assert ("peringatan", "Riwayat", "G25", "besaran-satuan") in dasar          # -301.087 persons in 'Juta Orang'
    assert ("info", "Riwayat", "K10", "angka-terbit") in dasar                   # 1.2 2020: -385,5 vs -358,5


def _sel_rincian(path: Path, blok: str, kunci: str, ke: int = 0) -> str:
    ws = openpyxl.load_workbook(path)["Rincian"]
    aktif = None
    for r in range(1, ws.max_row + 1):
        a = ws.cell(r, 1).value
        if isinstance(a, str) and (a.startswith(("IKU ", "SAKIP ")) or a == "anggaran"):
            aktif = a
        elif aktif == blok and a == kunci:
            return f"{openpyxl.utils.get_column_letter(3 + ke)}{r}"
    raise AssertionError((blok, kunci))


# (rule, mutation of the dataset, expected finding (tingkat, lembar, sel) or a callable giving the cell)
KASUS = {
    "target-kosong": (lambda ds: pb.ganti_iku(ds, "1.4", target=None), ("galat", "PK", "F41")),
    "notasi-realisasi": (lambda ds: pb.ganti_iku(ds, "1.4", realisasi="1.419.29x"), ("galat", "TW IV", "H9", "notasi")),
    "notasi-target": (lambda ds: pb.ganti_iku(ds, "3.4", target="80.5%"), ("galat", "PK", "F48", "notasi")),
    "polarisasi": (lambda ds: pb.ganti_iku(ds, "1.4", polarisasi="naik"), ("galat", "PK", "E41")),
    "stabilize-tanpa-rentang": (lambda ds: pb.ganti_iku(ds, "1.4", polarisasi="Stabilize"), ("galat", "PK", "F41")),
    "target-nol-minimize": (lambda ds: pb.ganti_iku(ds, "3.4", polarisasi="Minimize", target="0"), ("galat", "PK", "F48")),
    "target-nol-maximize": (lambda ds: pb.ganti_iku(ds, "3.4", target="0"), ("galat", "PK", "F48")),
    "angka-negatif": (lambda ds: pb.ganti_iku(ds, "1.4", realisasi="-5"), ("galat", "TW IV", "H9")),
    "kumulatif-turun": (lambda ds: pb.ganti_iku(ds, "1.4", realisasi_tw=(None, None, "1.500.000", None)), ("peringatan", "TW IV", "H9")),
    "kode-ganda": (lambda ds: pb.ganti_iku(ds, "3.5", kode="3.4"), ("galat", "PK", "A49")),
    "ss-tidak-dikenal": (lambda ds: pb.tambah_iku(ds, IKU("4.2", "SS.9", "IKU uji", "%", "Maximize", "80%", "80")), ("galat", "PK", "B52")),
    "ss-tanpa-iku": (lambda ds: pb.tambah_ss(ds, SS("SS.5", "Learning and Growth", "SS uji tanpa IKU")), ("peringatan", "PK", "A35")),
    "metode-nko": (lambda ds: pb.ganti_pengaturan(ds, nko_metode="median"), ("galat", "PK", "C10")),
    "batas-nko": (lambda ds: pb.ganti_pengaturan(ds, nko_batas="-5"), ("galat", "PK", "C11")),
    "besaran-satuan": (lambda ds: pb.ganti_iku(ds, "1.5", kalkulator=None, realisasi="4.790.000"), ("peringatan", "TW IV", "H10")),
    "di-luar-skala": (lambda ds: pb.ganti_iku(ds, "2.1", realisasi="5"), ("galat", "TW IV", "H11")),
    "realisasi-kosong": (lambda ds: pb.ganti_iku(ds, "1.4", realisasi=None), ("peringatan", "TW IV", "H9")),
    "angka-terbit": (lambda ds: pb.ganti_riwayat(ds, "1.4", 2023, capaian_terbit="104,29"), ("info", "Riwayat", "K23")),
    "tahap": (lambda ds: pb.ganti_iku(ds, "3.3", masukan={**next(i for i in ds.iku if i.kode == "3.3").masukan,
                                                          "tahap": ["4", "7", "3", "3", "4", "3"]}),
              ("galat", "Rincian", ("IKU 3.3", "tahap", 1))),
    "likert": (lambda ds: pb.ganti_iku(ds, "2.1", realisasi=None, kalkulator="rata_likert", masukan={"jawaban": ["4", "3", "5"]}),
               ("galat", "Rincian", ("IKU 2.1", "jawaban", 2))),
    "bobot-sakip": (lambda ds: pb.ganti_bobot_sakip(ds, 2023, "evaluasi_internal", 25), ("galat", "Rincian", ("SAKIP 2023", "sakip:perencanaan", 0))),
}


@pytest.mark.parametrize("aturan", list(KASUS))
def test_satu_aturan_satu_temuan(aturan, dasar, dataset_bawaan, tmp_path):
    ubah, harap = KASUS[aturan]
    path = pb.bangun(ubah(dataset_bawaan), tmp_path)
    tingkat, lembar, sel = harap[:3]
    if isinstance(sel, tuple):
        sel = _sel_rincian(path, *sel)
    nama_aturan = harap[3] if len(harap) > 3 else aturan
    temuan = validasi(dari_berkas(path), 4)
    baru = _kunci(temuan) - dasar
    assert baru == {(tingkat, lembar, sel, nama_aturan)}, temuan
    t = next(t for t in temuan if (t.lembar, t.sel, t.aturan) == (lembar, sel, nama_aturan))
    assert t.pesan and t.saran                           # a message and a fix, in Indonesian


def test_notasi_mengutip_teks(dataset_bawaan, tmp_path):
    path = pb.bangun(pb.ganti_iku(dataset_bawaan, "1.4", realisasi="1.419.29x"), tmp_path)
    (t,) = [t for t in validasi(dari_berkas(path), 4) if t.aturan == "notasi"]
    assert "'1.419.29x'" in t.pesan and "TW IV" in t.pesan and "koma untuk desimal" in t.saran


def test_rumus_tertimpa_angka(dasar, tmp_path):
    path = pb.ubah_sel(WORKBOOK, tmp_path / "tertimpa.xlsm", "TW IV", "J9", nilai=120)
    assert _kunci(validasi(dari_berkas(path), 4)) - dasar == {("galat", "TW IV", "J9", "rumus-tertimpa")}


def test_nilai_tersimpan_basi(dasar, tmp_path):
    path = pb.ubah_sel(WORKBOOK, tmp_path / "basi.xlsm", "TW IV", "J9", cache=99)
    assert _kunci(validasi(dari_berkas(path), 4)) - dasar == {("galat", "TW IV", "J9", "nilai-basi")}


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kinerja.cli", *args], capture_output=True, text=True, timeout=120)


def test_cli_json_dan_kode_keluar(dataset_bawaan, tmp_path):
    bersih = _cli("validasi", str(WORKBOOK), "--tw", "4", "--format", "json")
    assert bersih.returncode == 0, bersih.stderr
    d = json.loads(bersih.stdout)
    assert d["berkas"] == str(WORKBOOK) and {"tingkat", "lembar", "sel", "pesan", "saran", "aturan"} <= set(d["temuan"][0])
    rusak = pb.bangun(pb.ganti_iku(dataset_bawaan, "1.4", polarisasi="naik"), tmp_path)
    p = _cli("validasi", str(rusak), "--tw", "4", "--laporan", str(tmp_path / "temuan.xlsx"))
    assert p.returncode == 1 and "polarisasi" in p.stdout
    ws = openpyxl.load_workbook(tmp_path / "temuan.xlsx")["Validasi"]
    assert any(ws.cell(r, 3).value == "E41" and ws.cell(r, 1).value == "galat" for r in range(4, ws.max_row + 1))
    lagi = _cli("validasi", str(rusak), "--laporan", str(tmp_path / "temuan.xlsx"))
    assert lagi.returncode == 2 and "sudah ada" in lagi.stderr          # never overwritten without --timpa


@pytest.mark.parametrize("isi, potongan", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "kata sandi"),
    (b"bukan zip sama sekali", "bukan workbook"),
])
def test_berkas_tidak_terbaca_kode_2(tmp_path, isi, potongan):
    p = tmp_path / "x.xlsm"
    p.write_bytes(isi)
    r = _cli("validasi", str(p))
    assert r.returncode == 2 and potongan in r.stderr and "Traceback" not in r.stderr


def test_berkas_terkunci_dan_bom_zip(tmp_path):
    salinan = tmp_path / "Kinerja_D4.xlsm"
    salinan.write_bytes(WORKBOOK.read_bytes())
    (tmp_path / "~$Kinerja_D4.xlsm").write_bytes(b"kunci")
    r = _cli("validasi", str(salinan))
    assert r.returncode == 2 and "sedang dibuka di Excel" in r.stderr
    import zipfile
    bom = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(bom, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/besar.xml", b"\0" * (210 * 1024 * 1024))
    r = _cli("validasi", str(bom))
    assert r.returncode == 2 and "demi keamanan" in r.stderr


def test_xml_diurai_dengan_defusedxml():
    import openpyxl.xml
    assert openpyxl.xml.DEFUSEDXML is True


# ------------------------------------------------------------------ hostile contents

@pytest.fixture(scope="module")
def cuplikan_bersih():
    return dari_berkas(WORKBOOK)


_teks_jahat = st.one_of(
    st.text(max_size=25), st.sampled_from(["=1+1", "+A1", "-2+3", "@SUM(A1)", "\t", "\r\n", "1.2.3", "2.5", "1e9", "NaN", "∞",
                                           "'; DROP TABLE", "<script>", "\x00", "9" * 400, "-", "n/a", "3 dari 2", "5-1"]),
    st.floats(allow_nan=True, allow_infinity=False), st.booleans(), st.none(), st.integers(-10**12, 10**12))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 13), _teks_jahat), min_size=1, max_size=6, unique_by=lambda x: x[0]))
def test_isi_sel_jahat_tidak_pernah_meledak(cuplikan_bersih, isian):
    import copy
    from kinerja.data.notasi import NotasiError, baca_nilai
    c = copy.deepcopy(cuplikan_bersih)
    tw = c.lembar["TW IV"]
    for i, v in isian:
        tw.ganti(5 + i, 7, v)                  # H6..H19: realisasi TW IV, typed
    temuan = validasi(c, 4)                    # no exception, whatever the cells hold
    for i, v in isian:
        sel = f"H{6 + i}"
        di_sel = [t for t in temuan if t.lembar == "TW IV" and t.sel == sel]
        try:
            n = baca_nilai(v)
            buruk = n.jenis.value == "rentang"
        except NotasiError:
            buruk = True
        if buruk:
            assert [t.aturan for t in di_sel] == ["notasi"]          # reported once, as what it is
        assert len({t.aturan for t in di_sel}) == len(di_sel)        # never twice for the same rule


# ------------------------------------------------------------------ the rule registry

def test_setiap_aturan_terdaftar_sekali_dengan_tingkat_dan_uraian():
    from kinerja.periksa import ATURAN
    from kinerja.periksa.daftar import aturan
    assert len(ATURAN) >= 30 and all(a.uraian.endswith(".") and a.tingkat in ("galat", "peringatan", "info") for a in ATURAN.values())
    with pytest.raises(ValueError, match="sudah terdaftar"):
        aturan("notasi", "galat", "PK", "Lagi.")


def test_tingkat_lain_hanya_yang_dinyatakan():
    from kinerja.periksa.daftar import ATURAN, Kumpulan
    k = Kumpulan()
    k.tambah(ATURAN["realisasi-kosong"], ("TW I", 5, 7), "p", "s", tingkat="info")           # declared: peringatan / info
    with pytest.raises(ValueError, match="tidak memakai tingkat"):
        k.tambah(ATURAN["polarisasi"], ("PK", 20, 4), "p", "s", tingkat="info")
    assert [t.tingkat for t in k.hasil(["TW I"])] == ["info"]


def test_temuan_bawaan_hanya_memakai_aturan_terdaftar(tmp_path):
    """Every finding on a broken workbook names a registered rule with its registered level (or the declared other one)."""
    from kinerja.periksa import ATURAN
    ds = muat_bawaan()
    kode = next(i.kode for i in ds.iku if not i.kalkulator)
    p = pb.bangun(pb.ganti_iku(ds, kode, polarisasi="naik", realisasi_tw=(None, None, None, None), realisasi=None), tmp_path)
    temuan = validasi(dari_berkas(p), 4)
    assert {"polarisasi", "realisasi-kosong"} <= {t.aturan for t in temuan}
    for t in temuan:
        a = ATURAN[t.aturan]
        assert t.tingkat in (a.tingkat, a.tingkat_lain)
