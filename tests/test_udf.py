"""The Excel functions called with what Excel hands over: scalars, rows, columns, nested lists
with None and Indonesian text. They must give the engine's numbers in the input's shape."""
from __future__ import annotations

import math

import numpy as np
import pytest

from kinerja import capaian_iku, udf
from kinerja.aturan.kalkulator import keberhasilan_ksp

R = [537.1, 4.45434, 88.4615, 1419298, 4.79]
T = [600, 2.9, 85, 1148800, 2.7]
ENGINE = [float(x) for x in capaian_iku(R, T)]


def test_bentuk_skalar_baris_kolom():
    assert udf.CAPAIAN_IKU(R[0], T[0]) == pytest.approx(ENGINE[0])
    baris = udf.CAPAIAN_IKU(R, T)                                   # 1-D list as classic xlwings reads a row
    assert isinstance(baris, list) and baris == pytest.approx(ENGINE)
    kolom = udf.CAPAIAN_IKU([[x] for x in R], [[x] for x in T])     # Nx1
    assert [k[0] for k in kolom] == pytest.approx(ENGINE)
    horizontal = udf.CAPAIAN_IKU([R], [T])                          # 1xN
    assert len(horizontal) == 1 and horizontal[0] == pytest.approx(ENGINE)
    tupel = udf.CAPAIAN_IKU(tuple((x,) for x in R), tuple((x,) for x in T))   # pycel hands tuples
    assert [k[0] for k in tupel] == pytest.approx(ENGINE)


def test_teks_indonesia_kosong_dan_bool():
    hasil = udf.CAPAIAN_IKU([["537,1"], ["4,79*"], [None], ["1.419.298"], [True], ["4.79"]],
                            [["600 T"], ["2,7 – 3 Juta"], [5], ["1.148.800 (orang)"], [2], [2.7]])
    assert hasil[0][0] == pytest.approx(537.1 / 6) and hasil[1][0] == 120 and hasil[2][0] == "n/a"
    assert hasil[3][0] == 120
    assert hasil[4][0].startswith("#") and "nilai logika" in hasil[4][0]
    assert hasil[5][0].startswith("#Realisasi") and "4.79" in hasil[5][0]


def test_polarisasi_per_baris_dan_batas():
    assert udf.CAPAIAN_IKU([[8], [3]], [[10], ["2 - 4"]], [["Minimize"], ["STABILIZE"]]) == [[120.0], [100.0]]
    assert udf.CAPAIAN_IKU(1, 0, "minimize", None, None, 4) == pytest.approx(75.0)
    assert udf.CAPAIAN_IKU(4.79, 2.7, None, None, None, None, 0) == pytest.approx(4.79 / 2.7 * 100)   # 0 = no cap
    assert udf.CAPAIAN_IKU(1, 2, "naik").startswith("#Polarisasi")
    assert udf.CAPAIAN_IKU(1, 0).startswith("#Target 0")
    assert udf.CAPAIAN_IKU([1, 2], [1, 2, 3]).startswith("#Target berisi 3 sel")


def test_status_nss_nko():
    cap = [[89.52], [120], ["n/a"], [100], ["#Target 0 ..."]]
    assert udf.STATUS_CAPAIAN(cap) == [["Belum Memenuhi Ekspektasi"], ["Memenuhi Ekspektasi"], ["n/a"],
                                       ["Memenuhi Ekspektasi"], ["n/a"]]
    ss = [["SS.1"], ["SS.1"], ["SS.1"], ["SS.2"], ["SS.2"]]
    assert udf.NSS(cap, ss, [["SS.1"], ["SS.2"], ["SS.9"]]) == [[pytest.approx((89.52 + 120) / 2)], [100.0], ["n/a"]]
    assert udf.NSS(cap) == pytest.approx((89.52 + 120 + 100) / 3)
    nko = udf.NKO(cap, ss, [["SS.1"], ["SS.2"]], [["A"], ["B"]], "rata_nss", 100)
    assert nko == 100
    assert udf.NKO(cap, ss, [["SS.1"], ["SS.2"]], [["A"], ["B"]], "rata_nss", "") == pytest.approx(((89.52 + 120) / 2 + 100) / 2)
    assert udf.NKO(cap, ss, [["SS.1"]], [["A"], ["B"]]).startswith("#")


def test_kalkulator_dengan_rentang_excel():
    assert udf.KEBERHASILAN_KSP([[4], [2], [3], [3], [4], [3], [None]]) == pytest.approx(keberhasilan_ksp([4, 2, 3, 3, 4, 3]))
    assert udf.KEBERHASILAN_KSP([["4", "2,0", None]]) == pytest.approx(75.0)
    assert udf.KEBERHASILAN_KSP([[5]]).startswith("#Tahap 5")
    assert udf.PROYEKSI_TRIWULAN("130", [[47, 44, 28, 9, 7]]) == pytest.approx(165.1)
    assert udf.KOMPOSIT([[11, 5]], [[13, 5]], [[75, 25]]) == pytest.approx(11 / 13 * 75 + 25)
    assert udf.PERTUMBUHAN([[4.69], ["5"]], [[4.49], [0]]) == [[pytest.approx(0.2 / 4.49 * 100)], ["n/a"]]
    assert udf.NILAI_ANGKA([["1.148.800"], ["2,7 – 3"], ["3 dari 4"], [""], ["abc"]]) == [[1148800.0], [2.7], [3.0], ["n/a"],
                                                                                           [udf.NILAI_ANGKA("abc")]]
    assert udf.NILAI_ANGKA("abc").startswith("#")
    assert udf.NILAI_ANGKA("2,7 – 3", "atas") == 3.0 and udf.NILAI_ANGKA("3 dari 4", "skala") == 4.0
    assert udf.INDEKS_KATEGORI([[86], [75], [None]]) == [[4.0], [3.0], ["n/a"]]
    assert udf.INDEKS_SKALA4(99.21) == pytest.approx(3.9684)
    assert udf.INDEKS_TATA_KELOLA(29.29, 50, 19.92) == pytest.approx(3.9684)
    assert udf.INDEKS_TATA_KELOLA(29.29, 50, 19.92, "kategori") == 4
    assert udf.TATA_KELOLA_SAKIP(83.47, 85.5) == pytest.approx(83.47 / 85.5 * 30)
    assert udf.TATA_KELOLA_RB(4, 4) == 50 and udf.TATA_KELOLA_RB(5, 4).startswith("#")
    assert udf.KUALITAS_ANGGARAN([[99.2262], [12], [100]], [[100], [12], [100]], None, 2) == pytest.approx(99.6)
    assert udf.TATA_KELOLA_KPA(99.6) == pytest.approx(19.92)
    assert udf.NILAI_SAKIP([[5.5, 8.66, 14.25], [5.65, 5.49, 11.29], [4, 6, 8.83], [4, 4.8, 5]], [[30], [30], [20], [20]]) \
        == pytest.approx(83.47)
    assert "seharusnya 100" in udf.NILAI_SAKIP([[1]], [[50]])


def test_anggaran_dengan_rentang_excel():
    assert udf.PENYERAPAN("Rp 21.389.786.184,00", "21.556.597.000") == pytest.approx(99.2262, abs=1e-4)
    assert udf.PENYERAPAN([[1, 2]], [[0, 4]]) == [["n/a", 50.0]]
    assert udf.DEVIASI_RPD([[110, None, 500]], [[100, 100, 100]]) == [[pytest.approx(10.0), "n/a", 100.0]]   # empty month: n/a
    assert udf.NILAI_EFISIENSI(0.7738) == pytest.approx(51.9345)
    assert udf.EFISIENSI([[100], [100]], [[100], [100]], [[99], [99]]) == pytest.approx(1.0)
    assert udf.CAPAIAN_KELUARAN([[4], [2]], [[4], [2]], [[2], [1]], [[2], [1]]) == pytest.approx(100.0)


def test_rentang_sama_dengan_per_sel_acak():
    rng = np.random.default_rng(7)
    r, t = rng.uniform(-50, 150, 200), rng.uniform(-10, 100, 200)
    t[::17] = 0
    satu = udf.CAPAIAN_IKU([[x] for x in r], [[x] for x in t])
    per_sel = [udf.CAPAIAN_IKU(a, b) for a, b in zip(r, t)]
    assert [s[0] for s in satu] == per_sel
    mesin = capaian_iku(r, t)
    for s, m in zip(per_sel, mesin):
        assert (isinstance(s, str) and math.isnan(m)) or s == pytest.approx(m)
