"""Issue 15, "one truth in every cell": the cell functions and the engine read the same inputs the same way
(rules R5-R7 of the round's brief). Each case computes one input both ways and asserts the same number."""
from __future__ import annotations

import math

import numpy as np
import pytest

from kinerja.aturan.capaian import capaian_iku, kode_polarisasi, nama_polarisasi
from kinerja.buku import fungsi
from kinerja.data.dataset import IKU, SS, BarisRiwayat, Dataset, Pengaturan
from kinerja.hitung.laporan import hitung_riwayat, susun_laporan
from kinerja.aturan.kalkulator import KalkulatorError
from kinerja.hitung.masukan import siapkan_iku
from kinerja.hitung.penghitung import hitung


def _ds(iku: tuple[IKU, ...], riwayat: tuple[BarisRiwayat, ...] = (), **peng) -> Dataset:
    return Dataset("Unit uji", "Uji", "K", 2025, "TW IV", "uji", Pengaturan(**peng), (SS("SS.1", "P", "s"),), iku, riwayat)


def test_polarisasi_kosong_adalah_maximize_di_sel_dan_mesin():
    """R7: an empty polarisasi (None, '' or blanks) is maximize in the cell and the engine."""
    assert nama_polarisasi("  ") == nama_polarisasi(None) == "maximize"
    assert kode_polarisasi(np.array(["maximize", None, " Minimize ", "  ", "naik"], dtype=object)).tolist() == [0, 0, 1, 0, -1]
    lap = susun_laporan(_ds((IKU("1.1", "SS.1", "n", "%", "  ", "80", "60"),)))
    assert lap.iku[0].alasan is None and lap.iku[0].capaian == 75.0
    assert fungsi.CAPAIAN_IKU(60, 80, "  ") == 75.0


def test_batas_capaian_nol_tanpa_batas_di_sel_dan_mesin():
    """R7: Batas Capaian 0 = tanpa batas (CAPAIAN_IKU's help: 'isi 0 untuk tanpa batas'), in the engine too."""
    lap = susun_laporan(_ds((IKU("1.1", "SS.1", "n", "%", "maximize", "50", "100"),), batas_capaian=0))
    assert lap.iku[0].alasan is None and lap.iku[0].capaian == 200.0
    assert fungsi.CAPAIAN_IKU(100, 50, "maximize", None, None, None, 0) == 200.0


def test_metode_nko_dengan_spasi_dan_huruf_besar():
    """R5: `rata_nss ` and `Rata_NSS` are the setting rata_nss in both readings."""
    iku = (IKU("1.1", "SS.1", "n", "%", "maximize", "100", "90"),)
    for metode in ("rata_nss ", "Rata_NSS", ""):
        lap = susun_laporan(_ds(iku, nko_metode=metode))
        assert lap.nko.alasan is None and lap.nko.nilai == 90.0, metode
        assert fungsi.NKO([[90]], [["SS.1"]], [["SS.1"]], [["P"]], metode) == 90.0


def test_cara_skala_tata_kelola_dengan_huruf_besar():
    """R5: `Linear` (any case, trimmed) is the linear scale in the calculator the engine runs, as in the cell."""
    masukan = {"nilai_sakip": 80, "target_sakip": 80, "renaksi_dilaksanakan": 7, "renaksi_dirumuskan": 10,
               "kpa_realisasi": [90, 90, 90], "kpa_target": [100, 100, 100]}
    r = hitung("indeks_tata_kelola", masukan, {"skala_tata_kelola": "Linear "}).nilai
    assert r == hitung("indeks_tata_kelola", masukan, {"skala_tata_kelola": "linear"}).nilai
    assert math.isclose(r, (30 + 35 + 0.2 * 90) / 100 * 4, abs_tol=1e-12)


def test_koreksi_riwayat_nol_dipakai():
    """R6: a Riwayat correction of 0 is a value: used by the engine as by the sheet's IF(koreksi="",...)."""
    b = BarisRiwayat("1.5", "n", "%", "minimize", 2023, "10", "8", None, realisasi_koreksi=0)
    h = hitung_riwayat(_ds((), (b,)))[0]
    assert h.realisasi == 0.0 and h.capaian == 120.0          # (2 - 0/10)*100 = 200, capped at 120
    assert fungsi.CAPAIAN_IKU(0, "10", "minimize") == 120.0


def test_teks_na_pada_konsolidasi_adalah_triwulan_hilang():
    """R2: the text #N/A (or Excel's #N/A, handed over as its text) under jumlah/rata/terakhir is a missing quarter."""
    for kons in ("jumlah", "rata", "terakhir"):
        assert fungsi.REALISASI_PERIODE(kons, 2, "#N/A", 50) == 50.0, kons
        i = IKU("1.1", "SS.1", "n", "%", "maximize", "100", konsolidasi=kons, realisasi_tw=("#N/A", "50", None, None))
        assert siapkan_iku(i, {}, {}, realisasi="50", tw=1).realisasi == 50.0
    assert fungsi.CAPAIAN_IKU("#N/A", 10) == fungsi.NA


def test_celah_dalam_daftar_sama_di_sel_dan_mesin():
    """R3: an empty cell in a list is skipped in both; an n/a text is n/a in both (the engine's alasan names the
    position); an Excel error is an error in both."""
    assert fungsi.KEBERHASILAN_KSP([[2], [None], [4]]) == hitung("keberhasilan_ksp", {"tahap": [2, None, 4]}).nilai == 75.0
    assert fungsi.KEBERHASILAN_KSP([[2], ["-"], [4]]) == fungsi.NA
    assert fungsi.KEBERHASILAN_KSP([[2], ["#DIV/0!"], [4]]) == "#Tahap ke-2 berisi galat Excel #DIV/0!"
    with pytest.raises(KalkulatorError, match="tahap ke-2 bernilai n/a"):
        hitung("keberhasilan_ksp", {"tahap": [2, "-", 4]})


def test_batas_berisi_galat_ditolak_di_keduanya():
    """R4/R7: a bound holding #DIV/0! is refused in both, naming the field."""
    assert fungsi.CAPAIAN_IKU(5, 10, "stabilize", "#DIV/0!", 12) == "#Batas bawah: galat Excel #DIV/0!"
    lap = susun_laporan(_ds((IKU("1.1", "SS.1", "n", "%", "stabilize", "", "5", batas_bawah="#DIV/0!", batas_atas=12),)))
    assert math.isnan(lap.iku[0].capaian) and "kolom batas bawah" in lap.iku[0].alasan and "#DIV/0!" in lap.iku[0].alasan
