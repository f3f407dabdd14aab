"""Susun Ulang keeps every typed value or refuses, naming the cell (the adversary round on issue 8).

Each workbook is the committed one with its sheet XML edited as Excel saves it (other cached values stay)."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pembangkit as pb

from kinerja.buku.baca import baca_dataset

WORKBOOK = Path(__file__).resolve().parents[1] / "workbook" / "Kinerja_D4.xlsm"


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kinerja.cli", *args], capture_output=True, text=True, timeout=300)


def _susun(p: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    return _cli("susun", str(p), "--keluar", str(tmp_path / "baru.xlsm"))


def test_realisasi_rumus_staf_dibawa_menurut_nilainya(tmp_path):
    p = pb.ubah_xml(WORKBOOK, tmp_path / "a.xlsm", "TW II", lambda x: re.sub(r'<c r="H11"( s="\d+")?/>', r'<c r="H11"\1><f>7/2</f><v>3.5</v></c>', x))
    assert _susun(p, tmp_path).returncode == 0
    assert openpyxl.load_workbook(tmp_path / "baru.xlsm")["TW II"]["H11"].value == 3.5          # IKU 2.1, TW II


def test_angka_di_atas_tautan_kalkulator_menang_dan_kalkulator_tetap(tmp_path):
    p = pb.ubah_sel(WORKBOOK, tmp_path / "a.xlsm", "TW IV", "H6", nilai=650)                  # IKU 1.1 over =Rincian!$C$19
    r = _susun(p, tmp_path)
    assert r.returncode == 0 and "1.1" not in r.stdout                                         # nothing of 1.1 archived
    baru = tmp_path / "baru.xlsm"
    ds = baca_dataset(baru)
    iku = next(i for i in ds.iku if i.kode == "1.1")
    assert iku.kalkulator == "proyeksi_tahunan" and iku.masukan["pertumbuhan"] == [47, 44, 28, 9, 7] and iku.realisasi == 650
    d = json.loads(_cli("laporan", str(baru), "--format", "json").stdout)
    assert next(i for i in d["iku"] if i["kode"] == "1.1")["capaian"] == 650 / 600 * 100         # the typed value wins


def _ditolak(p: Path, tmp_path: Path, sel: str) -> None:
    r = _susun(p, tmp_path)
    assert r.returncode == 2 and sel in r.stderr, r.stderr
    assert not (tmp_path / "baru.xlsm").exists()


def test_baris_tanpa_kunci_ditolak_di_lembar_mana_pun(tmp_path):
    _ditolak(pb.ubah_sel(WORKBOOK, tmp_path / "a.xlsm", "Riwayat", "A58", kosong=True), tmp_path, "Riwayat!A58")
    _ditolak(pb.ubah_sel(WORKBOOK, tmp_path / "b.xlsm", "Pagu", "B8", kosong=True), tmp_path, "Pagu!B8")
    _ditolak(pb.ubah_sel(WORKBOOK, tmp_path / "c.xlsm", "Efisiensi", "B9", kosong=True), tmp_path, "Efisiensi!B9")


def test_tahun_teks_dan_baris_tw_ganda_ditolak(tmp_path):
    _ditolak(pb.ubah_sel(WORKBOOK, tmp_path / "a.xlsm", "Riwayat", "E57", teks="2020 (revisi)"), tmp_path, "Riwayat!E57")
    _ditolak(pb.ubah_sel(WORKBOOK, tmp_path / "b.xlsm", "PK", "C8", teks="dua ribu"), tmp_path, "PK!C8")
    q = pb.ubah_sel(WORKBOOK, tmp_path / "c.xlsm", "TW II", "C11", teks="3.1")                # 3.1 twice on TW II
    _ditolak(q, tmp_path, "TW II!C")


def test_judul_tabel_pk_yang_hilang_ditolak(tmp_path):
    _ditolak(pb.ubah_sel(WORKBOOK, tmp_path / "a.xlsm", "PK", "A18", kosong=True), tmp_path, "Bobot Perspektif")
    _ditolak(pb.ubah_sel(WORKBOOK, tmp_path / "b.xlsm", "PK", "A24", kosong=True), tmp_path, "Predikat Capaian")


def test_kunci_rincian_tambahan_diarsipkan(tmp_path):
    p = pb.ubah_sel(WORKBOOK, tmp_path / "a.xlsm", "Rincian", "A26", teks="catatan_staf")      # below IKU 1.2's result
    p = pb.ubah_sel(p, p, "Rincian", "C26", nilai=42)
    p = pb.ubah_sel(p, p, "Rincian", "D14", nilai=7)                                           # a second value of 'kumulatif'
    assert _susun(p, tmp_path).returncode == 0
    arsip = {(a.kode, a.apa, a.nilai) for a in baca_dataset(tmp_path / "baru.xlsm").arsip}
    assert {("1.2", "catatan_staf", 42), ("1.1", "kumulatif", 7)} <= arsip


def test_keluaran_bukan_xlsm_ditolak(tmp_path):
    r = _cli("susun", str(WORKBOOK), "--keluar", str(tmp_path / "baru.xlsx"))
    assert r.returncode == 2 and ".xlsm" in r.stderr and not (tmp_path / "baru.xlsx").exists()
    assert _cli("bangun", "--kosong", "--tahun", "1999", "--keluar", str(tmp_path / "k.xlsm")).returncode == 2


def test_workbook_lama_disusun_ulang_menjadi_tata_letak_baru(tmp_path):
    """A workbook handed out before Susun Ulang existed (the committed workbook of commit 02c66af: no Konsolidasi, no
    weights or bands, TW codes as links) becomes, through Susun Ulang, exactly the workbook built today."""
    lama = Path(__file__).parent / "data" / "Kinerja_D4_sebelum_susun.xlsm"
    assert _cli("laporan", str(lama)).returncode == 1                   # read with today's layout: its NSS block is 'struktur'
    r = _cli("susun", str(lama), "--keluar", str(tmp_path / "baru.xlsm"))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "baru.xlsm").read_bytes() == WORKBOOK.read_bytes()


def test_pengaturan_salah_tidak_meledak_dan_rincian_tanpa_kunci_ditolak(tmp_path):
    p = pb.ubah_sel(WORKBOOK, tmp_path / "a.xlsm", "PK", "C16", teks="posisii")               # Aturan Rentang typo
    r = _susun(p, tmp_path)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr                        # built; the cells show the message
    assert "Aturan rentang 'posisii'" in openpyxl.load_workbook(tmp_path / "baru.xlsm", data_only=True)["TW IV"]["J6"].value
    (tmp_path / "baru.xlsm").unlink()
    _ditolak(pb.ubah_sel(WORKBOOK, tmp_path / "b.xlsm", "Rincian", "A14", kosong=True), tmp_path, "Rincian!A14")
    _ditolak(pb.ubah_sel(WORKBOOK, tmp_path / "c.xlsm", "Rincian", "A15", teks="kumulatif"), tmp_path, "Rincian!A15")


def test_sel_tanpa_alamat_dibaca_menurut_letaknya(tmp_path):
    """Cells may omit their r attribute (valid OOXML): they follow the previous cell of their row."""
    p = pb.ubah_sel(WORKBOOK, tmp_path / "a.xlsm", "TW II", "H11", nilai=3.3)
    p = pb.ubah_xml(p, p, "TW II", lambda x: re.sub(r'(<row r="11"[^>]*>)(.*?)(</row>)',
                                                      lambda m: m.group(1) + re.sub(r' r="[A-Z]+11"', "", m.group(2)) + m.group(3), x, flags=re.S))
    assert _susun(p, tmp_path).returncode == 0
    assert openpyxl.load_workbook(tmp_path / "baru.xlsm")["TW II"]["H11"].value == 3.3
