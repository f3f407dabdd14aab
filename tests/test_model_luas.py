"""Edge cases of the wider model's rules (RUMUS 10) found by review: each asserts what the rule says, computed by hand."""
from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from kinerja.aturan.capaian import capaian_iku
from kinerja.buku import fungsi
from kinerja.data.dataset import IKU, SS, Dataset, Pengaturan
from kinerja.hitung.laporan import susun_laporan
from kinerja.hitung.masukan import siapkan_iku


def _ds(iku: tuple[IKU, ...], **peng) -> Dataset:
    return Dataset("Unit uji", "Uji", "K", 2025, "TW IV", "uji", Pengaturan(**peng), (SS("SS.1", "P", "s"),), iku)


def test_rentang_posisi_dengan_batas_terbalik_adalah_na():
    assert math.isnan(capaian_iku(5, 10, "maximize", batas_bawah=20, batas_atas=15, rentang_posisi=True))
    assert capaian_iku(np.array([6.5, 9]), 7, "minimize", batas_bawah=7, batas_atas=8, rentang_posisi=True).tolist() == \
        [(2 - 6.5 / 7) * 100, (2 - 9 / 8) * 100]
    i = IKU("1.1", "SS.1", "n", "%", "Maximize", "10 – 15", "5", batas_bawah=20)
    h = susun_laporan(_ds((i,), aturan_rentang="posisi")).iku[0]
    assert math.isnan(h.capaian) and "batas bawah lebih besar dari batas atas" in h.alasan


def test_warna_predikat_kosong_tidak_membuat_status_na():
    pita = ((100, "Baik", ""), (None, "Kurang", None))              # colours blank: display only, as in the cells
    i = IKU("1.1", "SS.1", "n", "%", "Maximize", "100", "95")
    lap = susun_laporan(_ds((i,), predikat=pita))
    assert lap.iku[0].status == "Kurang" == fungsi.STATUS_CAPAIAN(95, [[100], [None]], [["Baik"], ["Kurang"]])


def test_bobot_iku_teks_ditolak_seperti_di_sel():
    a = IKU("1.1", "SS.1", "a", "%", "Maximize", "100", "100", bobot="tiga")
    b = IKU("1.2", "SS.1", "b", "%", "Maximize", "100", "50", bobot=60)
    lap = susun_laporan(_ds((a, b)))
    assert math.isnan(lap.nss[0].nilai) and math.isnan(lap.nko.nilai) and "bobot IKU 1.1" in lap.nko.alasan
    assert str(fungsi.NSS([[100], [50]], [["SS.1"], ["SS.1"]], "SS.1", None, [["tiga"], [60]])).startswith("#")
    ok = susun_laporan(_ds((replace(a, bobot=40), b)))
    assert ok.nss[0].nilai == (100 * 40 + 50 * 60) / 100


def test_pesan_realisasi_triwulan_tanpa_awalan_ganda():
    i = IKU("1.1", "SS.1", "n", "%", "Maximize", "100", konsolidasi="jumlah", realisasi_tw=("abc", "5", None, None))
    m = siapkan_iku(i, {}, {}, realisasi="5", tw=1)
    assert m.alasan.count("IKU 1.1") == 1 and "realisasi TW 1" in m.alasan


def test_kumulatif_tidak_membaca_triwulan_sebelumnya():
    assert fungsi.REALISASI_PERIODE("kumulatif", 2, "abc", 5) == 5.0       # the engine: kumulatif = this quarter's value
    assert str(fungsi.REALISASI_PERIODE("jumlah", 2, "abc", 5)).startswith("#")
    i = IKU("1.1", "SS.1", "n", "%", "Maximize", "10", realisasi_tw=("abc", "5", None, None))
    assert siapkan_iku(i, {}, {}, realisasi="5", tw=1).realisasi == 5.0
