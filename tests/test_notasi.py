"""The Indonesian-notation parser: every form of RUMUS section 2 and the issue, and its errors."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, strategies as st

from kinerja.data.notasi import Jenis, NotasiError, baca_angka, baca_nilai, tulis_angka, tulis_nilai


@pytest.mark.parametrize("teks, angka", [
    ("1.148.800", 1148800.0), ("88,46", 88.46), ("-7,17", -7.17), ("−7,17", -7.17), ("4,79*", 4.79),
    ("Rp 21.389.786.184,00", 21389786184.0), ("Rp. 28.860.171.000,00", 28860171000.0),
    ("10,028,079,164", 10028079164.0), ("600 T", 600.0), ("1.148.800 (orang)", 1148800.0), ("0,301087", 0.301087),
])
def test_angka(teks, angka):
    n = baca_nilai(teks)
    assert n.jenis is Jenis.ANGKA and n.angka == angka


def test_persen_bintang_dan_satuan():
    assert baca_nilai("80%").persen and baca_nilai("80%").angka == 80
    assert baca_nilai("2,90 %").angka == 2.9
    n = baca_nilai("4,79***")
    assert n.proyeksi and n.bintang == 3 and n.angka == 4.79
    assert baca_nilai("600 T").satuan == "T"
    assert baca_nilai("1.148.800 (orang)").satuan == "orang"


@pytest.mark.parametrize("teks", ["2,7-3", "2,7 – 3 Juta", "2,7 - 3", "2,7 – 3 Juta (orang)"])
def test_rentang(teks):
    n = baca_nilai(teks)
    assert n.jenis is Jenis.RENTANG and (n.bawah, n.atas) == (2.7, 3.0)
    assert n.tunggal() == 2.7  # maximize with a range target uses the lower bound (RUMUS section 2)


def test_skala():
    n = baca_nilai("3 dari 4")
    assert n.jenis is Jenis.SKALA and (n.angka, n.skala) == (3.0, 4.0) and n.tunggal() == 3.0


@pytest.mark.parametrize("teks, jenis", [("", Jenis.KOSONG), (None, Jenis.KOSONG), ("  ", Jenis.KOSONG),
                                          ("n/a", Jenis.NA), ("NA", Jenis.NA), ("-", Jenis.NA)])
def test_kosong_dan_na(teks, jenis):
    n = baca_nilai(teks)
    assert n.jenis is jenis and not n.tersedia and math.isnan(n.tunggal())


def test_angka_dari_excel_lewat_begitu_saja():
    assert baca_nilai(2.5).angka == 2.5 and baca_nilai(7).angka == 7.0
    assert baca_nilai(float("nan")).jenis is Jenis.KOSONG


@pytest.mark.parametrize("teks, potongan", [
    ("Rp 28.382.400.00,00", "pengelompokan ribuan tidak sah"),   # l.2822: reported, not guessed
    ("2.5", "untuk desimal gunakan koma"),
    ("abc", "tidak diawali angka"),
    ("12abc", "pisahkan satuan"),
    ("3 dari 2", "di antara 0 dan skala"),
    ("3-2,7", "batas bawah rentang lebih besar"),
    (True, "nilai logika"),
])
def test_galat_menyebut_teks_dan_harapan(teks, potongan):
    with pytest.raises(NotasiError) as e:
        baca_nilai(teks)
    pesan = str(e.value)
    assert potongan in pesan
    assert str(teks) in pesan            # the message quotes what staff typed
    assert "contoh yang benar" in pesan  # and says what is expected


def test_tulis_angka():
    assert tulis_angka(1148800) == "1.148.800"
    assert tulis_angka(88.46) == "88,46"
    assert tulis_angka(-0.301087) == "-0,301087"
    assert tulis_angka(89.5, 0) == "90"          # half-up, as the report rounds (Tabel 3.4 "90**")
    assert tulis_angka(114.5833, 2) == "114,58"
    assert tulis_nilai(baca_nilai("2,7 – 3 Juta")) == "2,7 – 3 Juta"


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15))
def test_bolak_balik_angka(x):
    """The parser reads back exactly every number the formatter writes."""
    assert baca_angka(tulis_angka(x)) == x


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9),
       st.floats(allow_nan=False, allow_infinity=False, min_value=0, max_value=1e9))
def test_bolak_balik_rentang(a, lebar):
    n = baca_nilai(f"{tulis_angka(a)} – {tulis_angka(a + lebar)}")
    assert n.jenis is Jenis.RENTANG and n.bawah == a and n.atas == a + lebar


@given(st.text(max_size=30))
def test_teks_acak_tidak_pernah_meledak(s):
    """Any text either parses or raises NotasiError (never another exception)."""
    try:
        baca_nilai(s)
    except NotasiError:
        pass
