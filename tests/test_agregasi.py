"""NSS, perspektif and NKO (RUMUS section 3): n/a excluded, method and cap are settings."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, strategies as st

from kinerja.aturan.agregasi import MetodeNKO, PengaturanError, hitung_nko, nss

# The 14 capaian IKU of 2024 recomputed by hand from the report's inputs (RUMUS section 4).
CAPAIAN_2024 = [537.1 / 600 * 100, 120, (11 / 13 * 75 + 25) / 85 * 100, 120, 120,
                3.5 / 3 * 100, 100,
                75 / 80 * 100, 75 / 80 * 100, (100 + 50 + 75 + 75 + 100 + 75) / 6 / 80 * 100, 100, 100, (50 + 500) / 6 / 80 * 100,
                120]
SS = ["SS.1"] * 5 + ["SS.2"] * 2 + ["SS.3"] * 6 + ["SS.4"]
PERSPEKTIF = {"SS.1": "Stakeholder", "SS.2": "Customer", "SS.3": "Internal Business Process", "SS.4": "Learning and Growth"}


def test_nss_2024():
    nilai, _, _ = hitung_nko(CAPAIAN_2024, SS, PERSPEKTIF, MetodeNKO())
    assert round(nilai["SS.1"], 2) == round((89.5167 + 120 + 104.0724 + 120 + 120) / 5, 2) == 110.72
    assert round(nilai["SS.2"], 2) == 108.33
    assert round(nilai["SS.3"], 2) == 100.17
    assert nilai["SS.4"] == 120


def test_nko_2024_diterbitkan_100_lewat_pengaturan():
    _, _, h = hitung_nko(CAPAIAN_2024, SS, PERSPEKTIF, MetodeNKO("rata_nss", batas=100))
    assert h.nilai == 100.0                      # published NKO (l.984)
    assert round(h.tanpa_batas, 1) == 109.8      # plain mean of the four NSS (RUMUS section 3)
    _, _, tanpa = hitung_nko(CAPAIAN_2024, SS, PERSPEKTIF, MetodeNKO("rata_nss"))
    assert tanpa.nilai == tanpa.tanpa_batas == h.tanpa_batas


def test_metode_lain():
    _, _, iku = hitung_nko(CAPAIAN_2024, SS, PERSPEKTIF, MetodeNKO("rata_iku"))
    assert round(iku.nilai, 1) == 106.5          # mean of the 14 capaian IKU (RUMUS section 3)
    _, per, p = hitung_nko(CAPAIAN_2024, SS, PERSPEKTIF, MetodeNKO("rata_perspektif"))
    assert len(per) == 4 and p.nilai == pytest.approx(109.806, abs=1e-3)   # one SS per perspektif in 2024
    _, _, dibatasi = hitung_nko(CAPAIAN_2024, SS, PERSPEKTIF, MetodeNKO("rata_nss", batas_nss=100))
    assert dibatasi.nilai == pytest.approx((100 + 100 + 100 + 100) / 4)


def test_na_dikecualikan():
    assert nss([80, float("nan"), 100]) == 90
    assert math.isnan(nss([float("nan")]))
    nilai, _, h = hitung_nko([float("nan"), 100, 50], ["A", "B", "B"], {"A": "X", "B": "Y"}, MetodeNKO())
    assert math.isnan(nilai["A"]) and h.nilai == 75


@pytest.mark.parametrize("kw, potongan", [({"metode": "median"}, "tidak dikenal"), ({"batas": -1}, "angka positif"),
                                          ({"batas_nss": float("inf")}, "angka positif")])
def test_pengaturan_salah(kw, potongan):
    with pytest.raises(PengaturanError, match=potongan):
        MetodeNKO(**kw)


@given(st.lists(st.one_of(st.floats(0, 200), st.just(float("nan"))), min_size=1, max_size=20))
def test_na_tidak_pernah_masuk_rata(xs):
    hasil = nss(xs)
    ada = [x for x in xs if not math.isnan(x)]
    assert (math.isnan(hasil) and not ada) or hasil == pytest.approx(sum(ada) / len(ada))
