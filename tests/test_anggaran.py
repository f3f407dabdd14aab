"""Budget realisation (issue: finance sheets): every figure of Tabel 3.5, the CKK and efisiensi
tables and the pagu history recomputed from the rules; the cells evaluated by pycel; IKU 4.1's
KPA from these sheets; each finance validation rule on a broken workbook."""
from __future__ import annotations

import dataclasses
import json
import math
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

import pembangkit as pb
from kinerja.buku.cuplikan import dari_berkas
from kinerja.hitung.laporan import susun_laporan
from kinerja.hitung.laporan_anggaran import susun_anggaran
from kinerja.data.notasi import NotasiError, baca_nilai
from kinerja.periksa import validasi

WORKBOOK = Path(__file__).resolve().parents[1] / "workbook" / "Kinerja_D4.xlsm"

# Tabel 3.5 (l.2827-2833): pagu, realisasi, published %.
TABEL_3_5 = {
    "2491.ABA": (10_043_333_000, 10_028_079_164, 99.85),
    "2491.EBA": (4_775_526_000, 4_757_003_770, 99.61),
    "5227": (1_613_045_000, 1_601_203_167, 99.27),
    "2505": (1_272_419_000, 1_217_706_103, 95.70),
    "5229": (2_072_356_000, 2_062_070_587, 99.50),
    "4545": (1_779_918_000, 1_723_723_393, 96.84),
}


@pytest.fixture(scope="module")
def ang(dataset_bawaan):
    return susun_anggaran(dataset_bawaan)


def test_tabel_3_5(ang):
    for k in ang.kegiatan:
        pagu, real, pct = TABEL_3_5[k.kode]
        assert (k.pagu, k.realisasi) == (pagu, real)
        assert round(k.penyerapan, 2) == pct == round(real / pagu * 100, 2)
    assert ang.total.pagu == sum(v[0] for v in TABEL_3_5.values()) == 21_556_597_000
    assert ang.total.realisasi == sum(v[1] for v in TABEL_3_5.values()) == 21_389_786_184
    assert round(ang.total.penyerapan, 2) == 99.23


def test_riwayat_pagu(ang):
    sesudah = [r.sesudah for r in ang.revisi]
    assert sesudah == [28_860_171_000, 25_290_797_000, 22_557_660_000, 21_556_597_000]       # l.2814-2818
    assert [r.perubahan for r in ang.revisi[1:]] == [25_290_797_000 - 28_860_171_000, 22_557_660_000 - 25_290_797_000,
                                                     21_556_597_000 - 22_557_660_000]
    assert all(r.bersambung for r in ang.revisi)
    assert sesudah[-1] == ang.total.pagu                                                        # kegiatan sum to the current pagu


def test_ckk_efisiensi_kpa(ang):
    assert ang.ckk == 100 and ang.ckk_kegiatan == [100.0] * 5                                    # 12/12 and 6/6 (l.2869)
    pak = [14_818_859_000, 1_613_045_000, 1_272_419_000, 2_072_356_000, 1_779_918_000]
    rak = [14_785_082_934, 1_601_203_167, 1_217_706_103, 2_062_070_587, 1_723_723_393]
    e = (sum(pak) - sum(rak)) / sum(pak) * 100
    assert ang.efisiensi == pytest.approx(e) and round(ang.efisiensi, 2) == 0.77
    assert ang.nilai_efisiensi == pytest.approx(50 + e / 20 * 50) and round(ang.nilai_efisiensi, 1) == 51.9   # report prints 51
    assert round(ang.kpa, 2) == 99.6                                                            # 0,99x40 + 20 + 40 (l.2755)


def test_triwulan_tanpa_data_bulanan_n_a(ang):
    total = [t for t in ang.triwulan if t.kode == "TOTAL"]
    assert [math.isnan(t.realisasi) for t in total] == [True, True, True, False]
    assert round(total[3].penyerapan, 2) == 99.23 and total[3].capaian_target == 100
    assert all(math.isnan(t.deviasi_rpd) for t in ang.triwulan) and "deviasi_rpd" in ang.alasan


def test_triwulan_dengan_data_bulanan(dataset_bawaan):
    a = dataset_bawaan.anggaran
    k0 = a.kegiatan[0]
    bulan = [k0_ / 12 for k0_ in [baca_nilai(k0.realisasi).tunggal()] * 12]
    rpd = [baca_nilai(k0.pagu).tunggal() / 12] * 12
    keg = (dataclasses.replace(k0, realisasi_bulanan=tuple(bulan), rpd_bulanan=tuple(rpd)),) + a.kegiatan[1:]
    ds = dataclasses.replace(dataset_bawaan, anggaran=dataclasses.replace(a, kegiatan=keg))
    t = [x for x in susun_anggaran(ds).triwulan if x.kode == "2491.ABA"]
    assert t[0].realisasi == pytest.approx(sum(bulan[:3])) and t[0].penyerapan == pytest.approx(sum(bulan[:3]) / rpd[0] / 12 * 100)
    dev = abs(bulan[0] - rpd[0]) / rpd[0] * 100
    assert t[1].deviasi_rpd == pytest.approx(dev)


def test_kpa_dari_lembar_anggaran_dengan_pengaturan(dataset_bawaan):
    """IKU 4.1 sub-indicator 3 from the finance sheets: 19,92 with the report's rounding, 19,94 without."""
    lap = susun_laporan(dataset_bawaan)
    assert round(lap.hitungan["rincian:4.1:sub_kpa"], 2) == 19.92
    tanpa = susun_laporan(dataclasses.replace(dataset_bawaan, pengaturan=dataclasses.replace(dataset_bawaan.pengaturan,
                                                                                           desimal_rasio_kpa=None)))
    assert round(tanpa.hitungan["rincian:4.1:sub_kpa"], 2) == 19.94
    wb = openpyxl.load_workbook(WORKBOOK)
    rincian = wb["Rincian"]
    rumus = [c.value for row in rincian.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")]
    assert "=Penyerapan_Anggaran" in rumus and "=Output_Realisasi" in rumus and "=Output_Target" in rumus


def test_sel_anggaran_nilai_tersimpan(ang):
    v = openpyxl.load_workbook(WORKBOOK, data_only=True)
    ws = v["Realisasi"]
    tot = next(r for r in range(5, 20) if ws.cell(r, 1).value == "TOTAL")
    assert ws.cell(tot, 5).value == pytest.approx(ang.total.penyerapan)
    eff = v["Efisiensi"]
    label = {eff.cell(r, 2).value: eff.cell(r, 3).value for r in range(1, eff.max_row + 1)}
    assert label["Efisiensi E (%)"] == pytest.approx(ang.efisiensi) and label["Nilai Efisiensi"] == pytest.approx(ang.nilai_efisiensi)
    pg = v["Pagu"]
    assert [pg.cell(r, 6).value for r in range(6, 9)] == [r.perubahan for r in ang.revisi[1:]]


def test_rupiah_seperti_ditempel():
    assert baca_nilai("Rp 21.389.786.184,00").angka == 21_389_786_184
    assert baca_nilai("21.556.597.000").angka == 21_556_597_000
    assert baca_nilai("10,028,079,164").angka == 10_028_079_164
    with pytest.raises(NotasiError, match="pengelompokan ribuan tidak sah"):
        baca_nilai("Rp 28.382.400.00,00")                                   # l.2822: reported, not guessed


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kinerja.cli", *args], capture_output=True, text=True, timeout=120)


def test_cli_anggaran_json():
    p = _cli("anggaran", "--format", "json")
    assert p.returncode == 0, p.stderr
    d = json.loads(p.stdout)
    assert set(d) >= {"kegiatan", "total", "ckk", "efisiensi", "nilai_efisiensi", "kpa", "rekonsiliasi"}
    assert [k["kode"] for k in d["kegiatan"]] == list(TABEL_3_5) and set(d["kegiatan"][0]) >= {"kode", "pagu", "realisasi", "penyerapan"}
    assert d["total"]["pagu"] == 21_556_597_000 and round(d["total"]["penyerapan"], 2) == 99.23
    rek = {(r["baris"], r["kunci"]): r for r in d["rekonsiliasi"]}
    assert rek[(2833, "penyerapan:2024")]["kelas"] == "sesuai"                                   # 99,23
    assert rek[(2895, "nilai_efisiensi:2024")]["kelas"] == "pembulatan"                         # 51 vs 51,9
    r = rek[(2796, "penyerapan:2024")]
    assert r["kelas"] == "selisih" and r["terbit"] == 99.54 and "penyerapan:2023" in r["catatan"]   # 2023's figure
    teks = _cli("anggaran", str(WORKBOOK))
    assert teks.returncode == 0 and "99,23" in teks.stdout and "51,93" in teks.stdout


def _kunci(temuan):
    return {(t.tingkat, t.lembar, t.sel, t.aturan) for t in temuan}


@pytest.fixture(scope="module")
def dasar():
    return _kunci(validasi(dari_berkas(WORKBOOK), 4))


def _ganti_kegiatan(ds, kode, **ubah):
    a = ds.anggaran
    return dataclasses.replace(ds, anggaran=dataclasses.replace(
        a, kegiatan=tuple(dataclasses.replace(k, **ubah) if k.kode == kode else k for k in a.kegiatan)))


def _ganti_revisi(ds, i, **ubah):
    a = ds.anggaran
    return dataclasses.replace(ds, anggaran=dataclasses.replace(
        a, pagu_revisi=tuple(dataclasses.replace(r, **ubah) if j == i else r for j, r in enumerate(a.pagu_revisi))))


KASUS = {
    "realisasi-melebihi-pagu": (lambda ds: _ganti_kegiatan(ds, "2505", realisasi="1.300.000.000"), ("galat", "Realisasi", "D8")),
    "pagu-tidak-berjumlah": (lambda ds: _ganti_kegiatan(ds, "2505", pagu="1.272.419.001",
                                                        realisasi="1.217.706.103"), ("galat", "Pagu", "C18")),
    "rpd-tidak-sama-pagu": (lambda ds: _ganti_kegiatan(ds, "5227", rpd_bulanan=("100.000.000",) * 12), ("galat", "Realisasi", "O28")),
    "angka-negatif": (lambda ds: _ganti_kegiatan(ds, "5229", realisasi_bulanan=("-5.000",) + (None,) * 11), ("galat", "Realisasi", "C19")),
    "revisi-pagu": (lambda ds: _ganti_revisi(ds, 2, sebelum="25.290.797.001"), ("galat", "Pagu", "D7")),
    "notasi": (lambda ds: _ganti_kegiatan(ds, "4545", realisasi="Rp 1.723.723.39,3"), ("galat", "Realisasi", "D10")),
}


@pytest.mark.parametrize("aturan", list(KASUS))
def test_aturan_anggaran(aturan, dasar, dataset_bawaan, tmp_path):
    ubah, harap = KASUS[aturan]
    path = pb.bangun(ubah(dataset_bawaan), tmp_path)
    temuan = validasi(dari_berkas(path), 4)
    baru = _kunci(temuan) - dasar
    assert {(t, lb, s, a) for t, lb, s, a in baru if a == aturan} == {(*harap, aturan)}, temuan
    assert not any(t == "galat" and a != aturan for t, _, _, a in baru), baru


def test_ekspor_menulis_laporan_anggaran_tw(tmp_path):
    p = _cli("ekspor", str(WORKBOOK), "--tw", "4", "--ke", str(tmp_path), "--format", "csv,json")
    assert p.returncode == 0, p.stderr
    d = json.loads((tmp_path / "Kinerja_Deputi4_2024_TW4_anggaran.json").read_text(encoding="utf-8"))
    assert d["triwulan"] == 4 and [k["kode"] for k in d["kegiatan"]][-1] == "TOTAL"
    assert round(d["kegiatan"][-1]["penyerapan"], 2) == 99.23 and d["kegiatan"][-1]["deviasi_rpd"] is None
    assert round(d["tahunan"]["nilai_efisiensi"], 2) == 51.93
    baris = (tmp_path / "Kinerja_Deputi4_2024_TW4_anggaran.csv").read_text(encoding="utf-8-sig").splitlines()
    assert baris[0].startswith("Kode;Kegiatan;Pagu") and baris[-1].startswith("TOTAL;Total;21556597000;21389786184;99,23;")
    p1 = _cli("ekspor", str(WORKBOOK), "--tw", "1", "--ke", str(tmp_path / "tw1"), "--format", "json")
    d1 = json.loads((tmp_path / "tw1" / "Kinerja_Deputi4_2024_TW1_anggaran.json").read_text(encoding="utf-8"))
    assert p1.returncode == 0 and d1["kegiatan"][0]["realisasi"] is None                        # no monthly data: n/a
