"""Numbers that can be trusted: the faults an adversarial user meets, each on a copy of the built workbook
edited in its sheet XML the way Excel saves it (every other cached value stays), with the exact
finding, exit code and output asserted, and the source hashed before and after."""
from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

import pembangkit as pb
from kinerja.buku.cuplikan import dari_berkas
from kinerja.periksa import validasi

AKAR = Path(__file__).resolve().parents[1]
WORKBOOK = AKAR / "workbook" / "Kinerja_D4.xlsm"
CAPAIAN_TW4 = [f"J{r}" for r in range(6, 20)]
STATUS_TW4 = [f"K{r}" for r in range(6, 20)]
NSS_TW4 = [f"J{r}" for r in range(23, 27)]


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kinerja.cli", *args], capture_output=True, text=True, timeout=300, cwd=AKAR)


def _hash(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _galat(path: Path, tw: int | None = 4) -> set[tuple[str, str, str]]:
    return {(t.lembar, t.sel, t.aturan) for t in validasi(dari_berkas(path), tw) if t.tingkat == "galat"}


def _csv(p: Path) -> list[list[str]]:
    with p.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f, delimiter=";"))


@pytest.fixture(scope="module")
def nama_tanpa_python(tmp_path_factory) -> Path:
    """TW IV after Excel recalculated without Python: every UDF cell holds #NAME?."""
    p = tmp_path_factory.mktemp("nama") / "nama.xlsm"
    shutil.copy(WORKBOOK, p)
    for sel in CAPAIAN_TW4 + STATUS_TW4 + NSS_TW4 + ["J28", "J29", "K28"]:
        pb.ubah_sel(p, p, "TW IV", sel, galat="#NAME?")
    return p


def test_name_di_setiap_sel_udf_adalah_galat_dan_ekspor_menolak(nama_tanpa_python, tmp_path):
    g = _galat(nama_tanpa_python)
    harap = {("TW IV", s, "nilai-galat") for s in CAPAIAN_TW4 + STATUS_TW4 + NSS_TW4 + ["J28", "J29", "K28"]}
    assert g == harap
    sebelum = _hash(nama_tanpa_python)
    p = _cli("ekspor", str(nama_tanpa_python), "--tw", "4", "--ke", str(tmp_path / "e"), "--format", "csv,json")
    assert p.returncode == 1 and "nilai-galat" in p.stdout and not (tmp_path / "e").exists() or not any((tmp_path / "e").iterdir())
    assert _hash(nama_tanpa_python) == sebelum


def test_ekspor_paksa_menerbitkan_hitung_ulang_bukan_name(nama_tanpa_python, tmp_path):
    p = _cli("ekspor", str(nama_tanpa_python), "--tw", "4", "--ke", str(tmp_path), "--format", "csv,json,xlsx", "--paksa")
    assert p.returncode == 0, p.stderr
    teks = (tmp_path / "Kinerja_Deputi4_2024_TW4.csv").read_text(encoding="utf-8-sig")
    assert "#NAME" not in teks
    baris = _csv(tmp_path / "Kinerja_Deputi4_2024_TW4.csv")
    assert baris[1][9:11] == ["89,52", "Belum Memenuhi Ekspektasi"]          # IKU 1.1: 537,1 / 600 (l.1474), recomputed
    d = json.loads((tmp_path / "Kinerja_Deputi4_2024_TW4.json").read_text(encoding="utf-8"))
    assert d["nko"]["nilai"] == 100 and d["nko"]["tanpa_batas"] == pytest.approx(109.806, abs=1e-3)
    assert "dipaksa" in d["catatan"]
    ws = openpyxl.load_workbook(tmp_path / "Kinerja_Deputi4_2024_TW4.xlsx")["TW IV"]
    assert "dipaksa" in ws["A3"].value and ws["J6"].value == pytest.approx(537.1 / 6)


def test_realisasi_diubah_tanpa_hitung_ulang(tmp_path):
    """1.4 typed as 0 while the stored capaian still says 120: galat, export refused, laporan says 0."""
    p = pb.ubah_sel(WORKBOOK, tmp_path / "nol.xlsm", "TW IV", "H9", nilai=0)
    assert {("TW IV", "J9", "nilai-basi"), ("TW IV", "K9", "nilai-basi")} <= _galat(p)
    assert _cli("ekspor", str(p), "--tw", "4", "--ke", str(tmp_path / "e"), "--format", "csv").returncode == 1
    lap = _cli("laporan", str(p), "--format", "json")
    iku = {i["kode"]: i for i in json.loads(lap.stdout)["iku"]}
    assert iku["1.4"]["realisasi"] == 0 and iku["1.4"]["capaian"] == 0
    paksa = _cli("ekspor", str(p), "--tw", "4", "--ke", str(tmp_path / "f"), "--format", "csv", "--paksa")
    assert paksa.returncode == 0
    assert _csv(tmp_path / "f" / "Kinerja_Deputi4_2024_TW4.csv")[4][7:11] == ["0", "0", "0,00", "Tidak Memenuhi Ekspektasi"]


def test_kode_dihapus_di_tengah_pk_tidak_membuang_iku_di_bawahnya(tmp_path):
    p = pb.ubah_sel(WORKBOOK, tmp_path / "kode.xlsm", "PK", "A41", kosong=True)        # IKU 1.4
    assert ("PK", "A41", "struktur") in _galat(p)
    d = json.loads(_cli("laporan", str(p), "--format", "json").stdout)
    assert [i["kode"] for i in d["iku"]] == ["1.1", "1.2", "1.3", "1.5", "2.1", "2.2", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "4.1"]
    assert [s["kode"] for s in d["nss"]] == ["SS.1", "SS.2", "SS.3", "SS.4"] and any("A41" in m for m in d["masalah"])
    assert _cli("laporan", str(p)).returncode == 1


@pytest.mark.parametrize("ubah, sel, pesan", [
    (lambda x: x.replace('<definedName name="Batas_Capaian">PK!$C$13</definedName>', ""), "C13", "nama 'Batas_Capaian' tidak ada"),
    (lambda x: x.replace("<definedName name=\"Batas_Capaian\">PK!$C$13<", "<definedName name=\"Batas_Capaian\">PK!#REF!<"), "C13",
     "menunjuk 'PK!#REF!'"),
    (lambda x: re.sub(r'<definedName name="NKO_Metode">[^<]*</definedName>', "", x), "C10", "nama 'NKO_Metode' tidak ada"),
])
def test_nama_hilang_atau_ref_adalah_galat_dan_batas_120_tetap(tmp_path, ubah, sel, pesan):
    p = pb.ubah_xml(WORKBOOK, tmp_path / "nama.xlsm", "xl/workbook.xml", ubah)
    temuan = [t for t in validasi(dari_berkas(p), 4) if t.aturan == "struktur"]
    assert [(t.lembar, t.sel) for t in temuan] == [("PK", sel)] and pesan in temuan[0].pesan
    lap = _cli("laporan", str(p), "--format", "json")
    d = json.loads(lap.stdout)
    assert lap.returncode == 1 and max(i["capaian"] for i in d["iku"]) == 120          # the cap found by its label
    assert d["nko"]["nilai"] == 100 and d["nko"]["metode"] == "rata_nss"


def test_lembar_tw_hilang_dan_judul_diganti(tmp_path):
    p = pb.ubah_xml(WORKBOOK, tmp_path / "lembar.xlsm", "xl/workbook.xml", lambda x: x.replace('<sheet name="TW II"', '<sheet name="TW 2"'))
    assert any(t.aturan == "struktur" and "'TW II' tidak ada" in t.pesan for t in validasi(dari_berkas(p)))
    q = pb.ubah_sel(WORKBOOK, tmp_path / "judul.xlsm", "PK", "E37", teks="Pol.")
    temuan = [t for t in validasi(dari_berkas(q), 4) if t.aturan == "struktur"]
    assert [(t.lembar, t.sel) for t in temuan] == [("PK", "E37")] and "'Polarisasi'" in temuan[0].pesan
    d = json.loads(_cli("laporan", str(q), "--format", "json").stdout)
    assert {i["polarisasi"] for i in d["iku"]} == {"maximize"}                       # still read from the layout's column


@pytest.mark.parametrize("sel", ["XFD1", "A1048576", "XFD1048576"])
def test_sel_jauh_tidak_mengubah_apa_pun(tmp_path, sel):
    p = pb.sel_jauh(WORKBOOK, tmp_path / "jauh.xlsm", "TW IV", sel)
    t0 = time.perf_counter()
    temuan = validasi(dari_berkas(p), 4)
    assert time.perf_counter() - t0 < 60                                             # a guard against hanging, not a benchmark
    assert {(t.tingkat, t.sel, t.aturan) for t in temuan} == {(t.tingkat, t.sel, t.aturan) for t in validasi(dari_berkas(WORKBOOK), 4)}


def test_keluaran_yang_adalah_masukan_selalu_ditolak(tmp_path):
    src = tmp_path / "X.xlsm"
    shutil.copy(WORKBOOK, src)
    h = _hash(src)
    p = _cli("validasi", str(src), "--laporan", str(src), "--timpa")
    assert p.returncode == 2 and "masukan" in p.stderr and _hash(src) == h
    bernama = tmp_path / "Kinerja_Deputi4_2024_TW4.xlsx"                              # the source named like an output
    shutil.copy(WORKBOOK, bernama)
    h2 = _hash(bernama)
    p = _cli("ekspor", str(bernama), "--tw", "4", "--ke", str(tmp_path), "--format", "xlsx", "--timpa")
    assert p.returncode == 2 and _hash(bernama) == h2
    tautan = tmp_path / "t"
    tautan.mkdir()
    os.link(src, tautan / "Kinerja_Deputi4_2024_TW4.xlsx")                           # the same file through a hard link
    p = _cli("ekspor", str(src), "--tw", "4", "--ke", str(tautan), "--format", "xlsx", "--timpa")
    assert p.returncode == 2 and _hash(src) == h
    p = _cli("bangun", "--keluar", str(src), "--dataset", str(src), "--timpa")
    assert p.returncode == 2 and _hash(src) == h
    assert _cli("bangun").returncode == 2                                            # no default path inside the package


def test_teks_seperti_rumus_tetap_teks(tmp_path):
    p = pb.ubah_sel(WORKBOOK, tmp_path / "k.xlsm", "TW IV", "L9", teks="=1+1")
    p = pb.ubah_sel(p, p, "TW IV", "L10", teks="=HYPERLINK(&quot;http://x&quot;,&quot;klik&quot;)")
    e = _cli("ekspor", str(p), "--tw", "4", "--ke", str(tmp_path / "e"), "--format", "xlsx,csv,json")
    assert e.returncode == 0, e.stderr
    with pytest.raises(KeyError):
        import zipfile
        with zipfile.ZipFile(tmp_path / "e" / "Kinerja_Deputi4_2024_TW4.xlsx") as z:
            assert "<f>" not in z.read("xl/worksheets/sheet1.xml").decode()
            z.getinfo("xl/vbaProject.bin")
    ws = openpyxl.load_workbook(tmp_path / "e" / "Kinerja_Deputi4_2024_TW4.xlsx")["TW IV"]
    assert ws["L9"].value == "=1+1" and ws["L9"].data_type == "s"
    baris = _csv(tmp_path / "e" / "Kinerja_Deputi4_2024_TW4.csv")
    assert baris[4][11] == "'=1+1" and baris[5][11].startswith("'=HYPERLINK")


def test_ke_berkas_dan_folder_di_bawah_berkas_pesan_bukan_traceback(tmp_path):
    berkas = tmp_path / "bukan_folder"
    berkas.write_text("x")
    for ke in (berkas, berkas / "sub"):
        p = _cli("ekspor", str(WORKBOOK), "--tw", "4", "--ke", str(ke), "--format", "csv")
        assert p.returncode == 2 and "Traceback" not in p.stderr and str(berkas) in p.stderr


def test_dua_ekspor_bersamaan_satu_menang(tmp_path):
    a, b = tmp_path / "A.xlsm", tmp_path / "B.xlsm"
    shutil.copy(WORKBOOK, a)
    shutil.copy(WORKBOOK, b)
    ke = tmp_path / "ke"
    proses = [subprocess.Popen([sys.executable, "-m", "kinerja.cli", "ekspor", str(x), "--tw", "4", "--ke", str(ke), "--format",
                                "csv,json,xlsx"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=AKAR) for x in (a, b)]
    hasil = [(q.wait(timeout=300), q.stderr.read()) for q in proses]
    assert sorted(r for r, _ in hasil) == [0, 2], hasil
    pemenang = "A.xlsm" if hasil[0][0] == 0 else "B.xlsm"
    d = json.loads((ke / "Kinerja_Deputi4_2024_TW4.json").read_text(encoding="utf-8"))
    ws = openpyxl.load_workbook(ke / "Kinerja_Deputi4_2024_TW4.xlsx")["TW IV"]
    assert d["berkas"] == pemenang and pemenang in ws["A3"].value
    assert sorted(p.name for p in ke.iterdir()) == sorted(f"Kinerja_Deputi4_2024_TW4{x}" for x in
                                                          (".csv", ".json", ".xlsx", "_anggaran.csv", "_anggaran.json", "_anggaran.xlsx"))


def test_sisa_ekspor_yang_mati_dibersihkan(tmp_path):
    ke = tmp_path / "ke"
    ke.mkdir()
    mati = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout.strip()
    (ke / ".kinerja-ekspor-kunci").write_text(mati)                                  # a lock of a process that no longer runs
    (ke / f".kinerja-ekspor-{mati}-abcd").mkdir()
    p = _cli("ekspor", str(WORKBOOK), "--tw", "4", "--ke", str(ke), "--format", "csv")
    assert p.returncode == 0, p.stderr
    assert sorted(x.name for x in ke.iterdir()) == ["Kinerja_Deputi4_2024_TW4.csv", "Kinerja_Deputi4_2024_TW4_anggaran.csv"]


def test_sudah_ada_tidak_ada_yang_ditulis(tmp_path):
    (tmp_path / "Kinerja_Deputi4_2024_TW4_anggaran.json").write_text("milik pengguna")
    p = _cli("ekspor", str(WORKBOOK), "--tw", "4", "--ke", str(tmp_path), "--format", "csv,json")
    assert p.returncode == 2 and "sudah ada" in p.stderr
    assert [x.name for x in tmp_path.iterdir()] == ["Kinerja_Deputi4_2024_TW4_anggaran.json"]


def test_nama_unit_sangat_panjang_dan_desimal_kpa_besar(tmp_path, dataset_bawaan):
    ds = pb.ganti_pengaturan(dataset_bawaan, desimal_rasio_kpa=30)
    import dataclasses
    ds = dataclasses.replace(ds, unit_singkat="U" * 300)
    p = pb.bangun(ds, tmp_path)
    assert ("PK", "C15", "desimal-kpa") in _galat(p)
    lap = _cli("laporan", str(p), "--format", "json")
    d = json.loads(lap.stdout)
    assert lap.returncode == 1 and "Desimal KPA" in {i["kode"]: i for i in d["iku"]}["4.1"]["alasan"]
    e = _cli("ekspor", str(p), "--tw", "4", "--ke", str(tmp_path / "e"), "--format", "csv", "--paksa")
    assert e.returncode == 0, e.stderr
    assert all(len(x.name) < 100 for x in (tmp_path / "e").iterdir())


def test_tanggal_di_keterangan_menjadi_teks(tmp_path):
    import datetime as dt
    from kinerja.buku.baca import baca
    from kinerja.keluaran.tabel_tw import isi_json, tabel_tw, tulis_csv
    c = dari_berkas(WORKBOOK)
    c.lembar["TW IV"].ganti(8, 11, dt.datetime(2024, 12, 31))
    ds, pos = baca(c)
    t = tabel_tw(c, pos, ds, 4)
    d = isi_json(ds, t, 4, "w", "b")
    assert d["iku"][3]["keterangan"] == "2024-12-31 00:00:00"
    json.dumps(d, allow_nan=False)
    tulis_csv(tmp_path / "x.csv", t)
    assert _csv(tmp_path / "x.csv")[4][11] == "2024-12-31 00:00:00"


def test_satuan_bertentangan_dan_target_negatif(tmp_path, dataset_bawaan):
    ds = pb.ganti_iku(dataset_bawaan, "1.4", target="-5", realisasi_tw=(None, None, None, "537 T"))
    p = pb.bangun(ds, tmp_path)
    semua = {(t.tingkat, t.lembar, t.sel, t.aturan) for t in validasi(dari_berkas(p), 4)}
    assert ("galat", "PK", "F41", "angka-negatif") in semua
    assert ("peringatan", "TW IV", "H9", "satuan-bertentangan") in semua


def test_tanpa_nilai_tersimpan_satu_temuan_dan_tetap_dihitung(tmp_path):
    wb = openpyxl.load_workbook(WORKBOOK, keep_vba=True)          # a library's save keeps formulas, drops cached values
    wb.save(tmp_path / "lib.xlsm")
    semua = validasi(dari_berkas(tmp_path / "lib.xlsm"), 4)
    assert [t for t in semua if t.tingkat == "galat"] == []          # exports publish the recomputation: it does not block
    temuan = [t for t in semua if t.aturan == "tanpa-nilai-tersimpan"]
    assert [t.tingkat for t in temuan] == ["peringatan"] and "kinerja susun lib.xlsm --keluar" in temuan[0].saran
    r = _cli("susun", str(tmp_path / "lib.xlsm"), "--keluar", str(tmp_path / "susun.xlsm"))  # the fix named works without Excel
    assert r.returncode == 0, r.stderr
    assert not [t for t in validasi(dari_berkas(tmp_path / "susun.xlsm"), 4) if t.aturan == "tanpa-nilai-tersimpan"]
    d = json.loads(_cli("laporan", str(tmp_path / "lib.xlsm"), "--format", "json").stdout)
    assert d["nko"]["tanpa_batas"] == pytest.approx(109.806, abs=1e-3)


def test_galat_tak_terduga_tanpa_traceback(tmp_path):
    p = _cli("laporan", str(tmp_path / "tidak-ada.xlsm"))
    assert p.returncode == 2 and "Traceback" not in p.stderr
    fifo = tmp_path / "pipa.xlsm"
    os.mkfifo(fifo)
    p = _cli("validasi", str(fifo))
    assert p.returncode == 2 and "bukan berkas biasa" in p.stderr


def test_pdf_mencetak_teks_seperti_diketik_dan_ekspor_gagal_tidak_meninggalkan_apa_pun(tmp_path):
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice tidak terpasang")
    p = pb.ubah_sel(WORKBOOK, tmp_path / "k.xlsm", "TW IV", "L9", teks="=1+1")
    e = _cli("ekspor", str(p), "--tw", "4", "--ke", str(tmp_path / "e"), "--format", "pdf")
    assert e.returncode == 0, e.stderr
    teks = subprocess.run(["pdftotext", "-layout", str(tmp_path / "e" / "Kinerja_Deputi4_2024_TW4.pdf"), "-"], capture_output=True,
                          text=True).stdout
    assert "=1+1" in teks                                                           # printed as typed, never computed to 2
    tanpa = {**os.environ, "PATH": "/nonexistent"}                                   # LibreOffice missing: the PDF step fails
    g = subprocess.run([sys.executable, "-m", "kinerja.cli", "ekspor", str(p), "--tw", "4", "--ke", str(tmp_path / "g"), "--format",
                        "csv,json,pdf"], capture_output=True, text=True, timeout=300, cwd=AKAR, env=tanpa)
    assert g.returncode == 2 and "LibreOffice" in g.stderr and "Traceback" not in g.stderr
    assert list((tmp_path / "g").iterdir()) == []                                     # all or nothing: no CSV, no temporary folder


@pytest.fixture(scope="module")
def cuplikan_bersih():
    return dari_berkas(WORKBOOK)


from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(isi=st.one_of(st.text(max_size=300), st.floats(allow_nan=True, allow_infinity=True), st.integers(), st.booleans(),
                     st.datetimes(), st.none()))
def test_keterangan_apa_pun_diekspor_tanpa_meledak(cuplikan_bersih, tmp_path_factory, isi):
    """Whatever staff type in Keterangan: the export's CSV and JSON are written, the text comes back as typed (CSV-safe)."""
    import copy
    from kinerja.buku.baca import baca
    from kinerja.keluaran.nilai import aman_csv, teks_biasa
    from kinerja.keluaran.tabel_tw import isi_json, tabel_tw, tulis_csv
    c = copy.deepcopy(cuplikan_bersih)
    c.lembar["TW IV"].ganti(8, 11, isi)                                              # L9: Keterangan of IKU 1.4
    ds, pos = baca(c)
    t = tabel_tw(c, pos, ds, 4)
    json.dumps(isi_json(ds, t, 4, "w", "b"), allow_nan=False)
    p = tmp_path_factory.mktemp("k") / "k.csv"
    tulis_csv(p, t)
    sel = _csv(p)[4][11]
    if isinstance(isi, str):
        harap = aman_csv(isi)
        assert sel == harap.replace("\r\n", "\n").replace("\r", "\n") or sel == harap
    elif isi is None:
        assert sel == ""
    elif not isinstance(isi, (int, float)) or isinstance(isi, bool):
        assert sel == aman_csv(teks_biasa(isi))


def test_label_nss_ref_dan_nko_diketik_ulang_tidak_lolos(tmp_path):
    """Adversary's finds: a #REF! SS label, a retyped NKO label and renamed SS codes never reach the xlsx."""
    p = pb.ubah_sel(WORKBOOK, tmp_path / "a.xlsm", "TW IV", "B23", galat="#REF!")
    for sel in ("J23", "K23"):
        p = pb.ubah_sel(p, p, "TW IV", sel, galat="#REF!")
    assert {("TW IV", "B23", "nilai-galat"), ("TW IV", "J23", "nilai-galat"), ("TW IV", "K23", "nilai-galat")} <= _galat(p)
    e = _cli("ekspor", str(p), "--tw", "4", "--ke", str(tmp_path / "e"), "--format", "xlsx", "--paksa")
    assert e.returncode == 0, e.stderr
    ws = openpyxl.load_workbook(tmp_path / "e" / "Kinerja_Deputi4_2024_TW4.xlsx")["TW IV"]
    nss1 = (537.1 / 600 * 100 + 120 + (11 / 13 * 75 + 5 / 5 * 25) / 85 * 100 + 120 + 120) / 5     # SS.1: IKU 1.1-1.5 (Tabel 3.4)
    assert [ws[s].value for s in ("B23", "K23")] == ["SS.1", "Memenuhi Ekspektasi"] and ws["J23"].value == pytest.approx(nss1, abs=1e-9)
    assert not any(isinstance(c.value, str) and c.value.startswith("#") for row in ws.iter_rows() for c in row)
    q = pb.ubah_sel(WORKBOOK, tmp_path / "b.xlsm", "PK", "C11", kosong=True)          # NKO_Batas cleared, not recalculated
    q = pb.ubah_sel(q, q, "TW IV", "B28", teks="NKO")                                 # and the NKO label retyped
    assert ("TW IV", "B28", "struktur") in _galat(q)                                 # the block no longer matches the layout


def test_baris_tw_hilang_kode_dikosongkan_atau_diketik(tmp_path):
    p = pb.ubah_xml(WORKBOOK, tmp_path / "a.xlsm", "TW IV", lambda x: re.sub(r'<row r="9".*?</row>', "", x, flags=re.S))
    g = _galat(p)
    assert ("TW IV", "C9", "struktur") in g                                          # IKU 1.4 has no row on TW IV
    assert _cli("laporan", str(p)).returncode == 1
    q = pb.ubah_sel(WORKBOOK, tmp_path / "b.xlsm", "TW IV", "C9", kosong=True)
    assert ("TW IV", "C9", "struktur") in _galat(q)
    r = pb.ubah_sel(WORKBOOK, tmp_path / "c.xlsm", "TW IV", "C9", teks="1.5")
    assert {("TW IV", "C9", "struktur"), ("TW IV", "C10", "struktur")} <= _galat(r)      # 1.4 has no row; 1.5 has two


def test_label_nko_jauh_tidak_menggeser_apa_pun(tmp_path):
    p = pb.sel_jauh(WORKBOOK, tmp_path / "j.xlsm", "TW IV", "B1048576", "NKO (%)")
    t0 = time.perf_counter()
    e = _cli("ekspor", str(p), "--tw", "4", "--ke", str(tmp_path / "e"), "--format", "xlsx,csv")
    assert e.returncode == 0, e.stderr
    assert time.perf_counter() - t0 < 60
    ws = openpyxl.load_workbook(tmp_path / "e" / "Kinerja_Deputi4_2024_TW4.xlsx")["TW IV"]
    assert ws.max_row < 60 and ws["J28"].value == 100


def test_timpa_ke_folder_atau_perangkat_ditolak_tanpa_mengganti_apa_pun(tmp_path):
    ke = tmp_path / "ke"
    assert _cli("ekspor", str(WORKBOOK), "--tw", "4", "--ke", str(ke), "--format", "csv,json").returncode == 0
    lama = {p.name: p.read_bytes() for p in ke.iterdir()}
    (ke / "Kinerja_Deputi4_2024_TW4_anggaran.json").unlink()
    (ke / "Kinerja_Deputi4_2024_TW4_anggaran.json").mkdir()                           # a folder where a file goes
    p = _cli("ekspor", str(WORKBOOK), "--tw", "4", "--ke", str(ke), "--format", "csv,json", "--timpa")
    assert p.returncode == 2 and "bukan berkas biasa" in p.stderr
    assert all((ke / n).read_bytes() == b for n, b in lama.items() if n != "Kinerja_Deputi4_2024_TW4_anggaran.json")
    fifo = tmp_path / "pipa"
    os.mkfifo(fifo)
    p = _cli("validasi", str(WORKBOOK), "--laporan", str(fifo), "--timpa")
    assert p.returncode == 2 and fifo.is_fifo()


def test_bangun_tidak_menimpa_dataset_tertanam(tmp_path):
    salinan = tmp_path / "python"
    shutil.copytree(AKAR / "python" / "kinerja", salinan / "kinerja", ignore=shutil.ignore_patterns("__pycache__"))
    pk = salinan / "kinerja" / "data" / "deputi4_2024" / "pk.toml"
    h = _hash(pk)
    p = subprocess.run([sys.executable, "-m", "kinerja.cli", "bangun", "--keluar", str(pk), "--timpa"], capture_output=True, text=True,
                       timeout=300, env={**os.environ, "PYTHONPATH": str(salinan)}, cwd=tmp_path)
    assert p.returncode == 2 and "masukan" in p.stderr and _hash(pk) == h


def test_angka_ekstrem_json_tanpa_derau_dan_tahun_tidak_valid(tmp_path):
    p = pb.ubah_sel(WORKBOOK, tmp_path / "x.xlsm", "TW IV", "H9", nilai=1e308)       # an 'Orang' realisasi
    assert any(t.sel == "H9" and t.aturan == "besaran-satuan" for t in validasi(dari_berkas(p), 4))
    e = _cli("ekspor", str(p), "--tw", "4", "--ke", str(tmp_path / "e"), "--format", "csv,json", "--paksa")
    assert e.returncode == 0, e.stderr
    assert _csv(tmp_path / "e" / "Kinerja_Deputi4_2024_TW4.csv")[4][7] == "1E+308"
    q = _cli("ekspor", str(WORKBOOK), "--tw", "4", "--ke", str(tmp_path / "f"), "--format", "json")
    d = json.loads((tmp_path / "f" / "Kinerja_Deputi4_2024_TW4.json").read_text(encoding="utf-8"))
    ksp = sum(t * 25 for t in (2, 4, 4, 4, 4, 4)) / 6 / 80 * 100                     # IKU 3.6: six issues' Tahap (l.2573-2585), target 80
    assert q.returncode == 0 and d["iku"][12]["capaian"] == float(f"{ksp:.12g}") and d["iku"][4]["realisasi"] == 4.79   # 2,7 + 2,09
    t = pb.ubah_sel(WORKBOOK, tmp_path / "t.xlsm", "PK", "C8", teks="x")              # Tahun
    lap = _cli("laporan", str(t))
    assert lap.returncode == 1 and "Tahun PK tidak valid" in lap.stdout


def test_satuan_kata_benda_lain_dan_debug(tmp_path):
    p = pb.ubah_sel(WORKBOOK, tmp_path / "s.xlsm", "TW IV", "H9", teks="1.419.298 kegiatan")
    assert any(t.sel == "H9" and t.aturan == "satuan-bertentangan" for t in validasi(dari_berkas(p), 4))
    q = pb.ubah_sel(WORKBOOK, tmp_path / "q.xlsm", "TW IV", "H9", teks="80 persen")
    assert any(t.sel == "H9" and t.aturan == "satuan-bertentangan" for t in validasi(dari_berkas(q), 4))
    d = _cli("laporan", str(tmp_path / "tidak-ada.xlsm"), "--debug")
    assert d.returncode != 0 and "Traceback" in d.stderr


def test_nilai_tersimpan_lembar_anggaran_dibandingkan(tmp_path):
    p = pb.ubah_sel(WORKBOOK, tmp_path / "a.xlsm", "Realisasi", "E5", cache=12.5)
    p = pb.ubah_sel(p, p, "Realisasi", "E11", galat="#NAME?")                       # the total penyerapan
    assert {("Realisasi", "E5", "nilai-basi"), ("Realisasi", "E11", "nilai-galat")} <= _galat(p)
    assert _cli("ekspor", str(p), "--tw", "4", "--ke", str(tmp_path / "e"), "--format", "csv").returncode == 1


@pytest.mark.parametrize("ubah", [
    lambda p, q: pb.ubah_sel(p, q, "TW IV", "B27", teks="sisipan"),                  # a row's content between NSS and NKO
    lambda p, q: pb.ubah_sel(p, q, "TW IV", "B29", teks="NKO (%)"),                  # the NKO labels shifted
    lambda p, q: pb.ubah_sel(pb.ubah_sel(p, q, "PK", "A35", teks="SS.5"), q, "PK", "C35", teks="SS baru"),   # an SS added, not rebuilt
])
def test_blok_nss_nko_yang_bergeser_adalah_struktur(tmp_path, ubah):
    """Adversary round 2: a row inserted into the NSS/NKO block shifted the NKO rows; validation compared the wrong cells."""
    p = ubah(WORKBOOK, tmp_path / "g.xlsm")
    temuan = [t for t in validasi(dari_berkas(p), 4) if t.aturan == "struktur"]
    assert any("blok NSS/NKO TW IV" in t.pesan for t in temuan)
    assert _cli("ekspor", str(p), "--tw", "4", "--ke", str(tmp_path / "e"), "--format", "csv").returncode == 1
