"""Capaian IKU (RUMUS section 2): the report's worked examples, the edge rules, and properties."""
from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings, strategies as st

from kinerja import capaian_iku, status_capaian
from kinerja.aturan.capaian import alasan_na, warna_status


def test_maximize_contoh_laporan():
    assert round(capaian_iku(537.1, 600), 2) == 89.52            # 1.1 (report prints 90**)
    assert round(capaian_iku(4.79, 2.7, batas_maks=None), 2) == 177.41   # 1.5, l.1773
    assert capaian_iku(4.79, 2.7) == 120.0                        # ... capped
    assert round(capaian_iku(1419298, 1148800, batas_maks=None), 2) == 123.55  # 1.4, l.1661
    assert round(capaian_iku(3.5, 3), 2) == 116.67                # 2.1
    assert capaian_iku(4.45, 2.90) == 120.0                       # 4,45/2,90 = 153 % -> 120


def test_maximize_negatif_tidak_dilantai():
    """Tabel 3.1 prints negative capaian: maximize has no floor (RUMUS section 2)."""
    assert round(capaian_iku(-0.301087, 2.7), 2) == -11.15        # IKU 1.5, 2020
    assert capaian_iku(-7.17, 2) == pytest.approx(-358.5)         # IKU 1.2, 2020 (report: -385,5)


def test_maximize_target_negatif():
    assert capaian_iku(-1, -2, batas_maks=None) == pytest.approx((1 + (1 - (-1) / (-2))) * 100)   # 150
    assert capaian_iku(-1, -2) == 120.0
    assert capaian_iku(-3, -2) == pytest.approx((1 + (1 - 1.5)) * 100)          # 50


def test_minimize():
    assert capaian_iku(8, 10, "minimize") == pytest.approx(120.0)     # 2 - 0,8 = 1,2 -> 120
    assert capaian_iku(12, 10, "min") == pytest.approx(80.0)
    assert capaian_iku(25, 10, "MIN") == 0.0                          # floored at 0


def test_minimize_target_nol():
    assert math.isnan(capaian_iku(2, 0, "minimize"))                  # no worst value: n/a
    assert capaian_iku(2, 0, "minimize", realisasi_terburuk=8) == pytest.approx((8 - 2) / (8 - 0) * 100)
    assert capaian_iku(9, 0, "minimize", realisasi_terburuk=8) == 0.0
    assert "realisasi terburuk" in alasan_na(2, 0, "minimize")


def test_stabilize():
    kw = dict(batas_bawah=2.0, batas_atas=4.0)
    assert capaian_iku(1, None, "stabilize", **kw) == pytest.approx(50.0)       # R/L
    assert capaian_iku(3, None, "stabil", **kw) == 100.0
    assert capaian_iku(2, None, "stabilize", **kw) == 100.0 and capaian_iku(4, None, "stabilize", **kw) == 100.0
    assert capaian_iku(5, None, "stabilize", **kw) == pytest.approx((2 - 5 / 4) * 100)   # symmetric form
    assert capaian_iku(9, None, "stabilize", **kw) == 0.0
    assert math.isnan(capaian_iku(3, None, "stabilize"))                       # band missing -> n/a
    assert "batas bawah dan batas atas" in alasan_na(3, None, "stabilize")


@pytest.mark.parametrize("r, t, p", [(1, 0, "maximize"), (None, 3, "maximize"), (1, None, "maximize"),
                                      (1, 2, "naik"), (float("nan"), 2, "min")])
def test_na_bukan_nol_bukan_inf(r, t, p):
    x = capaian_iku(r, t, p)
    assert math.isnan(x)
    assert alasan_na(r, t, p)


def test_vektor_dan_polarisasi_per_baris():
    r = np.array([537.1, 8, 3, 1])
    t = np.array([600, 10, 0, 2])
    x = capaian_iku(r, t, ["maximize", "min", "max", "x"])
    assert round(x[0], 2) == 89.52 and x[1] == pytest.approx(120) and math.isnan(x[2]) and math.isnan(x[3])


def test_status_dan_warna():
    assert status_capaian(100) == "Memenuhi Ekspektasi"
    assert status_capaian(99.99) == "Belum Memenuhi Ekspektasi"
    assert status_capaian(80) == "Belum Memenuhi Ekspektasi"
    assert status_capaian(79.99) == "Tidak Memenuhi Ekspektasi"
    assert status_capaian(float("nan")) == "n/a"
    assert list(status_capaian([120, 90, 10])) == ["Memenuhi Ekspektasi", "Belum Memenuhi Ekspektasi", "Tidak Memenuhi Ekspektasi"]
    assert [warna_status(s) for s in status_capaian([120, 90, 10])] == ["hijau", "kuning", "merah"]


angka = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
polar = st.sampled_from(["maximize", "minimize", "stabilize"])


@settings(max_examples=200)
@given(st.lists(st.tuples(angka, angka, polar, angka, angka), min_size=1, max_size=30))
def test_vektor_sama_dengan_skalar(baris):
    r, t, p, a, b = (list(x) for x in zip(*baris))
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    v = capaian_iku(r, t, p, batas_bawah=lo, batas_atas=hi)
    for i in range(len(baris)):
        s = capaian_iku(r[i], t[i], p[i], batas_bawah=lo[i], batas_atas=hi[i])
        assert (math.isnan(s) and math.isnan(v[i])) or s == v[i]


@given(angka, angka, st.one_of(st.floats(min_value=0.001, max_value=1e6), st.floats(min_value=-1e6, max_value=-0.001)))
def test_maximize_tidak_turun(r1, r2, t):
    """Higher realisasi never lowers a maximize capaian, for positive and negative targets alike."""
    lo, hi = sorted((r1, r2))
    assert capaian_iku(lo, t) <= capaian_iku(hi, t) + 1e-9


@given(angka, angka, polar, angka, angka)
def test_batas_dan_lantai(r, t, p, a, b):
    x = capaian_iku(r, t, p, batas_bawah=min(a, b), batas_atas=max(a, b))
    assume(not math.isnan(x))
    assert x <= 120.0
    if p != "maximize":
        assert x >= 0.0


@given(angka, polar)
def test_na_merambat(t, p):
    assert math.isnan(capaian_iku(float("nan"), t, p, batas_bawah=1, batas_atas=2))
