"""Worked examples of RUMUS sections 4-7, each from the report's own inputs."""
from __future__ import annotations

import math

import pytest

from kinerja.aturan import kalkulator as k
from kinerja.aturan.anggaran import capaian_keluaran, deviasi_rpd, efisiensi, nilai_efisiensi, penyerapan
from kinerja.aturan.kalkulator import KalkulatorError
from kinerja.hitung.penghitung import hitung
from kinerja.aturan.tata_kelola import indeks_tata_kelola, nilai_sakip, skala_tata_kelola


def test_proyeksi_ecommerce():
    """l.1031-1051: growth 47,44,28,9,7 -> mean 27; X3 130 -> X4 165; 372 + 165 = 537."""
    assert round(k.proyeksi_triwulan(130, [47, 44, 28, 9, 7])) == 165
    assert k.proyeksi_triwulan(130, [47, 44, 28, 9, 7]) == pytest.approx(130 * 1.27)
    assert round(k.jumlah_dengan_proyeksi(372, 130, [47, 44, 28, 9, 7])) == 537


def test_pertumbuhan_wirausaha():
    assert round(k.pertumbuhan(4.69, 4.49), 2) == 4.45        # l.1281
    with pytest.raises(KalkulatorError, match="bernilai 0"):
        k.pertumbuhan(1, 0)


def test_komposit_major_project():
    assert round(k.komposit([11, 5], [13, 5], [75, 25]), 2) == 88.46     # l.1568
    with pytest.raises(KalkulatorError, match="harus sama"):
        k.komposit([1], [1, 2], [1])


def test_selisih_level_lapangan_kerja():
    assert round(k.selisih_level(144.64, 139.85), 2) == 4.79   # BPS Aug 2023 = 139,85 (RUMUS errata)
    assert round(k.selisih_level(144.64, 139.95), 2) == 4.69   # what the printed inputs give


def test_likert_dan_indeks():
    assert k.rata_likert([4, 3, 4, 3]) == 3.5
    with pytest.raises(KalkulatorError, match="di luar skala"):
        k.rata_likert([4, 5])
    assert round(3.5 / 3 * 100, 2) == 116.67                    # l.1909
    assert [k.indeks_kategori(x) for x in (85, 84.9, 75, 74.99, 65, 64)] == [4, 3, 3, 2, 2, 1]
    assert k.indeks_kategori(76) == 3                           # 2.2: "> 75 %" -> 3 (l.2020)
    assert round(k.indeks_skala4(99.21), 2) == 3.97             # l.2725


def test_keberhasilan_ksp():
    assert round(k.keberhasilan_ksp([4, 2, 3, 3, 4, 3]), 2) == 79.17     # 3.3, (100+50+75+75+100+75)/6
    assert round(k.keberhasilan_ksp([2, 4, 4, 4, 4, 4]), 2) == 91.67     # 3.6, (50+100*5)/6
    assert k.keberhasilan_ksp([2, 4]) == 75.0                             # 3.1, sub-IKU 50 and 100
    with pytest.raises(KalkulatorError, match="Tahap 1-4"):
        k.keberhasilan_ksp([5])


def test_indeks_tata_kelola_2024():
    """l.2725-2757: 29,29 + 50 + 19,92 = 99,21 -> 3,97 -> capaian 120 (with the report's rounding)."""
    penyerapan_2024 = 21_389_786_184 / 21_556_597_000 * 100
    h = indeks_tata_kelola(83.47, 85.5, 4, 4, [penyerapan_2024, 12, 100], [100, 12, 100], desimal_rasio_kpa=2)
    assert round(h.sub_sakip, 2) == 29.29 and h.sub_rb == 50
    assert round(h.kpa, 2) == 99.6 and round(h.sub_kpa, 2) == 19.92
    assert round(h.skor, 2) == 99.21 and round(h.indeks, 2) == 3.97
    tanpa = indeks_tata_kelola(83.47, 85.5, 4, 4, [penyerapan_2024, 12, 100], [100, 12, 100])
    assert round(tanpa.sub_kpa, 2) == 19.94                               # unrounded (RUMUS section 5)
    assert skala_tata_kelola(99.21, "kategori") == 4                      # 2023 conversion


def test_nilai_sakip_2023():
    komponen = {"perencanaan": [5.5, 8.66, 14.25], "pengukuran": [5.65, 5.49, 11.29],
                "pelaporan": [4, 6, 8.83], "evaluasi": [4, 4.8, 5]}
    h = nilai_sakip(komponen, {"perencanaan": 30, "pengukuran": 30, "pelaporan": 20, "evaluasi": 20})
    assert round(h.total, 2) == 83.47 and round(h.komponen["pengukuran"], 2) == 22.43
    with pytest.raises(KalkulatorError, match="seharusnya 100"):
        nilai_sakip(komponen, {"perencanaan": 30, "pengukuran": 30, "pelaporan": 15, "evaluasi": 10})  # l.2711


def test_anggaran():
    assert round(penyerapan(21_389_786_184, 21_556_597_000), 2) == 99.23
    assert math.isnan(penyerapan(1, 0))
    assert capaian_keluaran([4, 2, 2, 2, 2], [4, 2, 2, 2, 2], [[2], [1], [1], [1], [1]], [[2], [1], [1], [1], [1]]) == 100
    assert capaian_keluaran([1], [2], [[1, 1]], [[1, 4]]) == pytest.approx(0.5 * math.sqrt(0.25) * 100)
    pagu = [14_818_859_000, 1_613_045_000, 1_272_419_000, 2_072_356_000, 1_779_918_000]
    real = [14_785_082_934, 1_601_203_167, 1_217_706_103, 2_062_070_587, 1_723_723_393]
    e = efisiensi(pagu, [100] * 5, real)
    assert round(e, 2) == 0.77 and round(nilai_efisiensi(e), 1) == 51.9      # report prints 51 (l.2895)
    assert deviasi_rpd(110, 100) == pytest.approx(10) and deviasi_rpd(500, 100) == 100 and math.isnan(deviasi_rpd(1, 0))


def test_registri_penghitung_dengan_teks_indonesia():
    assert round(hitung("komposit", {"realisasi": ["11", "5"], "target": ["13", "5"], "bobot": ["75", "25"]}).nilai, 2) == 88.46
    assert round(hitung("pertumbuhan", {"sekarang": "4,69", "sebelumnya": "4,49"}).nilai, 2) == 4.45
    with pytest.raises(KalkulatorError, match="masukan 'sekarang'"):
        hitung("pertumbuhan", {"sekarang": "4.69.1", "sebelumnya": "4,49"})
    with pytest.raises(KalkulatorError, match="tidak dikenal"):
        hitung("sihir", {})
    with pytest.raises(KalkulatorError, match="tidak tersedia"):
        hitung("jumlah", {"nilai": ["@penyerapan_anggaran"]}, konteks={})
