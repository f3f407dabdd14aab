"""The 2024 report recomputed from its rules: Tabel 3.4, NSS, NKO, history, errata, bad input."""
from __future__ import annotations

import dataclasses
import math

import pytest

from kinerja.hitung.laporan import susun_laporan

# Capaian IKU 2024 from the report's own inputs, computed by hand here (not by the program).
DIHARAPKAN = {
    "1.1": ((372 + 130 * (1 + (47 + 44 + 28 + 9 + 7) / 5 / 100)), 89.52),
    "1.2": ((4.69 - 4.49) / 4.49 * 100, 120.0),
    "1.3": (11 / 13 * 75 + 5 / 5 * 25, 104.07),
    "1.4": (1419298, 120.0),
    "1.5": (144.64 - 139.85, 120.0),
    "2.1": (3.5, 116.67),
    "2.2": (3, 100.0),
    "3.1": ((50 + 100) / 2, 93.75),
    "3.2": ((75 + 75) / 2, 93.75),
    "3.3": ((100 + 50 + 75 + 75 + 100 + 75) / 6, 98.96),
    "3.4": (80, 100.0),
    "3.5": (80, 100.0),
    "3.6": ((50 + 100 * 5) / 6, 114.58),
    "4.1": ((83.47 / 85.5 * 30 + 4 / 4 * 50 + (0.99 * 40 + 12 / 12 * 20 + 100 / 100 * 40) * 0.2) / 100 * 4, 120.0),
}


def _iku(lap, kode):
    return next(i for i in lap.iku if i.kode == kode)


@pytest.mark.parametrize("kode", list(DIHARAPKAN))
def test_tabel_3_4(laporan_bawaan, kode):
    realisasi, capaian = DIHARAPKAN[kode]
    i = _iku(laporan_bawaan, kode)
    assert i.realisasi == pytest.approx(realisasi)
    assert round(i.capaian, 2) == capaian
    assert i.alasan is None


def test_nss_dan_nko(laporan_bawaan):
    nss = {s.kode: round(s.nilai, 2) for s in laporan_bawaan.nss}
    assert nss == {"SS.1": 110.72, "SS.2": 108.33, "SS.3": 100.17, "SS.4": 120.0}
    assert laporan_bawaan.nko.nilai == 100.0 and laporan_bawaan.nko.batas == 100
    assert round(laporan_bawaan.nko.tanpa_batas, 1) == 109.8
    assert laporan_bawaan.nko.status == "Memenuhi Ekspektasi"
    assert not laporan_bawaan.ada_na


def _rek(lap, baris, kunci=None):
    hasil = [r for r in lap.rekonsiliasi if r.baris == baris and (kunci is None or r.kunci == kunci)]
    assert hasil, f"tidak ada rekonsiliasi pada baris {baris} ({kunci})"
    return hasil


# RUMUS section 9: where, published, recomputed (2 decimals), class.
ERRATA = [
    (726, "capaian:1.2:2020", -385.5, -358.5, "selisih"),
    (226, "capaian:3.6", 114.67, 114.58, "selisih"),
    (977, "capaian:3.6", 114.67, 114.58, "selisih"),
    (3057, "capaian:3.6", 114.67, 114.58, "selisih"),
    (228, "realisasi:4.1", 3.9, 3.97, "pembulatan"),
    (979, "realisasi:4.1", 3.9, 3.97, "pembulatan"),
    (3061, "realisasi:4.1", 3.9, 3.97, "pembulatan"),
    (2720, "realisasi:4.1", 3.0, 3.97, "pembulatan"),
    (1004, "realisasi:1.1", 573, 537.1, "selisih"),
    (1770, "klaim:selisih_level", 4.79, 4.69, "selisih"),
    (735, "capaian:1.5:2021", 94.14, 92.59, "selisih"),
    (3017, "realisasi:1.1:2023", 474, 454, "selisih"),
    (3017, "capaian:1.1:2023", 92, 88.16, "selisih"),
    (2796, "penyerapan:2024", 99.54, 99.23, "selisih"),
    (3309, "penyerapan:2024", 99.54, 99.23, "selisih"),
    (2266, "klaim:keberhasilan_ksp", 79.16, 79.17, "pembulatan"),
    (972, "capaian:3.3", 98.95, 98.96, "pembulatan"),
    (2757, "rincian:4.1:sub_kpa", 19.2, 19.92, "selisih"),
    (3240, "sakip:2023:pengukuran:kualitas", 5.29, 5.49, "selisih"),
    (2895, "nilai_efisiensi:2024", 51, 51.93, "pembulatan"),
]


@pytest.mark.parametrize("baris, kunci, terbit, hitung, kelas", ERRATA)
def test_errata_ditemukan(laporan_bawaan, baris, kunci, terbit, hitung, kelas):
    (r,) = _rek(laporan_bawaan, baris, kunci)
    assert r.terbit == pytest.approx(terbit)
    assert round(r.hitung, 2) == pytest.approx(hitung)
    assert r.kelas == kelas


def test_99_54_dikenali_sebagai_angka_2023(laporan_bawaan):
    (r,) = _rek(laporan_bawaan, 2796, "penyerapan:2024")
    assert "penyerapan:2023" in r.catatan


def test_angka_yang_benar_tidak_dilaporkan_sebagai_selisih(laporan_bawaan):
    kelas = {(r.baris, r.kunci): r.kelas for r in laporan_bawaan.rekonsiliasi}
    assert kelas[(960, "capaian:1.1")] == "sesuai"        # 89,52 printed as "90**" (rounded)
    assert kelas[(2733, "rincian:4.1:sub_sakip")] == "sesuai"
    assert kelas[(2833, "penyerapan:2024")] == "sesuai"
    assert kelas[(733, "capaian:1.3:2023")] == "sesuai"   # 82/80 = 102,5 -> 103 half-up


def test_selisih_tepat_errata_rumus(laporan_bawaan):
    """The real discrepancies are exactly those of RUMUS section 9, at every place they were printed."""
    harap = {
        (226, "capaian:3.6"), (977, "capaian:3.6"), (3057, "capaian:3.6"), (2642, "capaian:3.6"),   # 114,67 (four places)
        (726, "capaian:1.2:2020"),                                                                  # -385,5
        (1004, "realisasi:1.1"),                                                                    # 573 T
        (1770, "klaim:selisih_level"),                                                              # 144,64 - 139,95 != 4,79
        (735, "capaian:1.5:2021"),                                                                  # 94,14
        (3017, "realisasi:1.1:2023"), (3017, "capaian:1.1:2023"),                                   # Tabel 4.2 vs 3.1
        (2796, "penyerapan:2024"), (3309, "penyerapan:2024"),                                       # 99,54 is 2023's
        (2757, "rincian:4.1:sub_kpa"), (2757, "klaim:jumlah"),                                      # 19,2 for 19,92
        (3240, "sakip:2023:pengukuran:kualitas"), (3240, "klaim:jumlah"),                           # 5,29 for 5,49
    }
    assert {(r.baris, r.kunci) for r in laporan_bawaan.rekonsiliasi if r.kelas == "selisih"} == harap


def test_riwayat_2020_2024(laporan_bawaan):
    r = {(h.kode, h.tahun, h.nama[:12]): h for h in laporan_bawaan.riwayat}
    assert {r.tahun for r in laporan_bawaan.riwayat if r.kode == "1.1"} == {2020, 2021, 2022, 2023, 2024}
    assert r[("1.2", 2020, "Pertumbuhan ")].capaian == pytest.approx(-7.17 / 2 * 100)
    assert round(r[("1.5", 2020, "Penyediaan L")].capaian, 2) == -11.15      # -0,301087 juta / 2,7
    assert r[("4.1", 2021, "Persentase A")].alasan is not None                 # NA in the table
    assert r[("4.1", 2023, "Indeks Tata ")].capaian == 120


def _ganti_iku(ds, kode, **ubah):
    iku = tuple(dataclasses.replace(i, **ubah) if i.kode == kode else i for i in ds.iku)
    return dataclasses.replace(ds, iku=iku)


@pytest.mark.parametrize("kode, ubah, potongan", [
    ("1.4", {"realisasi": "1.419.298,5,5"}, "IKU 1.4, kolom realisasi: teks '1.419.298,5,5'"),
    ("1.4", {"target": "0"}, "IKU 1.4: target 0 pada polarisasi maximize"),
    ("1.4", {"target": None}, "IKU 1.4, kolom target: target belum diisi"),
    ("1.4", {"polarisasi": "naik"}, "IKU 1.4, kolom polarisasi: 'naik' tidak dikenal"),
    ("1.4", {"polarisasi": "stabilize", "target": "80"}, "IKU 1.4: polarisasi stabilize memerlukan batas"),
    ("1.4", {"polarisasi": "minimize", "target": "0"}, "IKU 1.4: target 0 pada polarisasi minimize memerlukan"),
    ("3.3", {"masukan": {"tahap": ["4", "7"]}}, "IKU 3.3, kalkulator keberhasilan_ksp: tahap 7 di luar Tahap 1-4"),
    ("1.2", {"masukan": {"sekarang": "4,69"}}, "IKU 1.2, kalkulator pertumbuhan: masukan 'sebelumnya'"),
    ("1.4", {"realisasi": None}, "IKU 1.4: realisasi belum tersedia"),
])
def test_masukan_buruk_menjadi_na_dengan_alasan(dataset_bawaan, kode, ubah, potongan):
    lap = susun_laporan(_ganti_iku(dataset_bawaan, kode, **ubah))
    i = _iku(lap, kode)
    assert math.isnan(i.capaian) and i.status == "n/a"
    assert potongan in i.alasan
    assert lap.ada_na
    lain = [x for x in lap.iku if x.kode != kode]
    assert all(x.alasan is None for x in lain)          # one bad cell never spoils the others
    ss = next(s for s in lap.nss if s.kode == i.ss)
    assert not math.isnan(ss.nilai)                     # the n/a IKU is left out of its NSS


def test_pengaturan_nko_salah(dataset_bawaan):
    ds = dataclasses.replace(dataset_bawaan, pengaturan=dataclasses.replace(dataset_bawaan.pengaturan, nko_metode="median"))
    lap = susun_laporan(ds)
    assert math.isnan(lap.nko.nilai) and "metode NKO 'median' tidak dikenal" in lap.nko.alasan
    assert lap.ada_na


def test_pengaturan_kpa_dan_skala(dataset_bawaan):
    tanpa_bulat = dataclasses.replace(dataset_bawaan, pengaturan=dataclasses.replace(dataset_bawaan.pengaturan, desimal_rasio_kpa=None))
    lap = susun_laporan(tanpa_bulat)
    assert round(lap.hitungan["rincian:4.1:sub_kpa"], 2) == 19.94
    kategori = dataclasses.replace(dataset_bawaan, pengaturan=dataclasses.replace(dataset_bawaan.pengaturan, skala_tata_kelola="kategori"))
    assert _iku(susun_laporan(kategori), "4.1").realisasi == 4


def test_tanpa_batas_nko(dataset_bawaan):
    ds = dataclasses.replace(dataset_bawaan, pengaturan=dataclasses.replace(dataset_bawaan.pengaturan, nko_batas=None))
    lap = susun_laporan(ds)
    assert lap.nko.nilai == lap.nko.tanpa_batas and round(lap.nko.nilai, 1) == 109.8
    assert any(r.kunci == "nko" and r.kelas == "selisih" for r in lap.rekonsiliasi)   # 100 published vs 109,8
