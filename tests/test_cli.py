"""``kinerja laporan`` end to end in a subprocess: text, JSON shape, exit codes."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kinerja.data.dataset import folder_bawaan

AKAR = Path(__file__).resolve().parents[1]


def jalankan(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kinerja.cli", *args], capture_output=True, text=True, timeout=120)


def test_teks():
    p = jalankan("laporan")
    assert p.returncode == 0, p.stderr
    assert "Tabel 3.4" in p.stdout and "1.1" in p.stdout and "89,52" in p.stdout
    assert "SS.3" in p.stdout and "100,17" in p.stdout
    assert "NKO: 100,00 %" in p.stdout and "109,81" in p.stdout
    assert "114,67" in p.stdout and "selisih" in p.stdout       # reconciliation lists the errata


def test_json_bentuk_dan_nilai():
    p = jalankan("laporan", "--format", "json")
    assert p.returncode == 0, p.stderr
    d = json.loads(p.stdout)
    assert set(d) >= {"unit", "tahun", "periode", "iku", "nss", "nko", "rekonsiliasi"}
    assert d["tahun"] == 2024 and len(d["iku"]) == 14 and [s["kode"] for s in d["nss"]] == ["SS.1", "SS.2", "SS.3", "SS.4"]
    i = d["iku"][0]
    assert set(i) >= {"kode", "ss", "nama", "satuan", "polarisasi", "target", "realisasi", "capaian", "status", "alasan"}
    assert (i["kode"], i["ss"], i["polarisasi"], i["target"], i["alasan"]) == ("1.1", "SS.1", "maximize", 600, None)
    assert i["realisasi"] == pytest.approx(372 + 130 * 1.27) and i["capaian"] == pytest.approx((372 + 130 * 1.27) / 6)
    assert d["nko"]["nilai"] == 100.0 and d["nko"]["batas"] == 100 and d["nko"]["metode"] == "rata_nss"
    assert d["nko"]["tanpa_batas"] == pytest.approx(109.806, abs=1e-3)
    kelas = {r["kelas"] for r in d["rekonsiliasi"]}
    assert kelas == {"pembulatan", "selisih"}
    r = next(r for r in d["rekonsiliasi"] if r["baris"] == 726)
    assert (r["terbit"], round(r["hitung"], 2), r["kelas"]) == (-385.5, -358.5, "selisih")
    assert r["selisih"] == pytest.approx(r["terbit"] - r["hitung"])


def test_na_menjadi_null_dengan_alasan_dan_kode_keluar_1(tmp_path: Path):
    folder = tmp_path / "data"
    shutil.copytree(folder_bawaan(), folder)
    pk = folder / "pk.toml"
    pk.write_text(pk.read_text(encoding="utf-8").replace('realisasi = "1.419.298"', 'realisasi = "1.419.29x"'), encoding="utf-8")
    p = jalankan("laporan", str(folder), "--format", "json")
    assert p.returncode == 1
    i = next(i for i in json.loads(p.stdout)["iku"] if i["kode"] == "1.4")
    assert i["capaian"] is None and i["status"] == "n/a" and "1.419.29x" in i["alasan"] and "IKU 1.4" in i["alasan"]
    teks = jalankan("laporan", str(folder))
    assert teks.returncode == 1 and "Tidak dapat dihitung (n/a)" in teks.stdout and "1.419.29x" in teks.stdout


def test_berkas_tidak_ada_kode_keluar_2(tmp_path: Path):
    p = jalankan("laporan", str(tmp_path / "tidak_ada.xlsm"))
    assert p.returncode == 2 and "tidak ditemukan" in p.stderr and "Traceback" not in p.stderr
    bukan = tmp_path / "catatan.txt"
    bukan.write_text("halo")
    p = jalankan("laporan", str(bukan))
    assert p.returncode == 2 and "bukan workbook" in p.stderr


def test_laporan_dari_workbook_sama_dengan_data_bawaan():
    wb = Path(__file__).resolve().parents[1] / "workbook" / "Kinerja_D4.xlsm"
    a = jalankan("laporan", str(wb), "--format", "json")
    b = jalankan("laporan", "--format", "json")
    assert a.returncode == 0, a.stderr
    da, db = json.loads(a.stdout), json.loads(b.stdout)
    assert da["iku"] == db["iku"] and da["nss"] == db["nss"] and da["nko"] == db["nko"]


def test_bangun_tidak_menimpa_tanpa_izin(tmp_path: Path):
    tujuan = tmp_path / "buku.xlsm"
    tujuan.write_bytes(b"milik pengguna")
    p = jalankan("bangun", "--keluar", str(tujuan))
    assert p.returncode == 2 and "sudah ada" in p.stderr and tujuan.read_bytes() == b"milik pengguna"
    p = jalankan("bangun", "--keluar", str(tujuan), "--timpa")
    assert p.returncode == 0 and tujuan.read_bytes()[:2] == b"PK"
    assert [x.name for x in tmp_path.iterdir()] == ["buku.xlsm"]        # no temporary file left behind


def test_daftar_aturan_readme_dibangkitkan_dari_registri():
    """README's rule table is the registry rendered, never retyped (python scripts/readme_aturan.py rewrites it)."""
    import importlib.util
    spesifikasi = importlib.util.spec_from_file_location("readme_aturan", AKAR / "scripts" / "readme_aturan.py")
    m = importlib.util.module_from_spec(spesifikasi)
    spesifikasi.loader.exec_module(m)
    md = jalankan("aturan", "--format", "markdown")
    assert md.returncode == 0
    assert m.blok((AKAR / "README.md").read_text(encoding="utf-8")) == md.stdout.strip("\n")
    teks = jalankan("aturan")
    assert teks.returncode == 0 and "rumus-tertimpa" in teks.stdout and "galat / peringatan" in teks.stdout
