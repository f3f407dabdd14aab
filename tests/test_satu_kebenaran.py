"""Issue 15, the property that keeps the cell and the engine together: every function of the catalogue, fed as xlwings
feeds a cell (None, float, Indonesian-notation text, bool, datetime, Excel error texts, 2-D lists with gaps), gives
the number the engine computes from the same inputs (within 1e-9), or both give no number (n/a or a refusal).

The engine side never calls the cell functions: it reads each input with the engine's reader (``baca_nilai`` for one
cell, ``baca_daftar`` for a list, rules R1-R4 of :mod:`kinerja.data.notasi`) and then runs the engine's calculator
(:func:`kinerja.hitung.penghitung.hitung`), the report (:func:`kinerja.hitung.laporan.susun_laporan`: capaian with the
PK's settings) or the rule function of :mod:`kinerja.aturan` that the report uses.
"""
from __future__ import annotations

import datetime as dt
import math
from typing import Any, Callable

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from kinerja.aturan import agregasi, anggaran, kalkulator, tata_kelola
from kinerja.aturan.capaian import PREDIKAT_BAWAAN, status_capaian
from kinerja.aturan.periode import realisasi_periode
from kinerja.buku import fungsi
from kinerja.data.dataset import IKU, SS, Dataset, Pengaturan
from kinerja.data.notasi import DaftarNA, NotasiError, baca_daftar, baca_nilai, tulis_angka
from kinerja.hitung.laporan import susun_laporan
from kinerja.hitung.masukan import siapkan_iku
from kinerja.hitung.penghitung import hitung

# ------------------------------------------------------------------ inputs as xlwings hands them over

_TEKS_KHUSUS = ["", "  ", "-", "n/a", "N/A", "#N/A", "#DIV/0!", "#VALUE!", "#REF!", "abc", "1.2.3", "88.46", "1/2", "4,79*",
                "20 orang", "144,64 Juta", "80%", "3 dari 4", "2,7 – 3", "Rp 21.389.786.184,00", "0", "-7,17"]


@st.composite
def _teks_angka(draw: Any) -> str:
    """A number written the Indonesian way, sometimes with a percent sign, a unit or the projection star."""
    x = draw(st.floats(-5000, 5000, allow_nan=False).map(lambda v: round(v, 2)))
    akhiran = draw(st.sampled_from(["", "%", " orang", "*", " Juta"]))
    return tulis_angka(x) + akhiran


SEL = st.one_of(
    st.none(),
    st.floats(-5000, 5000, allow_nan=False),
    st.integers(-100, 200).map(float),
    _teks_angka(),
    st.sampled_from(_TEKS_KHUSUS),
    st.booleans(),
    st.datetimes(dt.datetime(2020, 1, 1), dt.datetime(2030, 1, 1)),
)
"""One cell's value as xlwings hands it to a UDF (``err_to_str``: an Excel error arrives as its text)."""
ANGKA_SEL = st.one_of(st.none(), st.floats(0, 500, allow_nan=False), _teks_angka(), st.sampled_from(["-", "n/a", "#N/A", "#DIV/0!"]))
"""Cells that are mostly readable numbers (so that the property compares numbers often, not only refusals)."""


def _kolom(isi: st.SearchStrategy, maks: int = 6) -> st.SearchStrategy:
    """A column range: a 2-D list of one-cell rows, gaps included."""
    return st.lists(isi, min_size=1, max_size=maks).map(lambda xs: [[x] for x in xs])


# ------------------------------------------------------------------ the engine's reading of the same cells

class _Tolak(Exception):
    """The engine gives no number (n/a or a refusal)."""


def _m(x: Any) -> float:
    """One cell as the engine reads it: a number, or NaN for empty/n/a; an error or unreadable text is refused."""
    try:
        n = baca_nilai(x)
    except NotasiError:
        raise _Tolak from None
    return n.tunggal() if n.tersedia else math.nan


def _wajib(x: Any) -> float:
    v = _m(x)
    if math.isnan(v):
        raise _Tolak
    return v


def _daftar(x: Any) -> list[float]:
    """A list input by rule R3: empty cells skipped; an n/a -> no number; an error refused."""
    sel = [v for r in x for v in r] if isinstance(x, list) else [x]
    try:
        isi = baca_daftar(sel, "nilai")
    except (DaftarNA, NotasiError):
        raise _Tolak from None
    return [_wajib(v) for v in isi]


def _sel(x: Any) -> Any:
    """The first cell of a range (what a one-cell argument holds)."""
    while isinstance(x, list):
        x = x[0] if x else None
    return x


def _hitung(nama: str, **masukan: Any) -> float:
    try:
        return hitung(nama, masukan).nilai
    except ValueError:
        raise _Tolak from None


def _rata(x: list[float]) -> float:
    if not x:
        raise _Tolak
    return float(np.mean(x))


def _ds(iku: IKU, **peng: Any) -> Dataset:
    return Dataset("Uji", "Uji", "K", 2025, "TW IV", "uji", Pengaturan(**peng), (SS("SS.1", "P", "s"),), (iku,))


def _capaian(r: Any, t: Any, p: Any = None, lo: Any = None, hi: Any = None, w: Any = None, maks: Any = None) -> float:
    """CAPAIAN_IKU's inputs as one IKU of the PK, its realisasi as typed, Batas Capaian as the setting: the report's capaian."""
    iku = IKU("1.1", "SS.1", "uji", "", _sel(p), _sel(t), _sel(r), batas_bawah=_sel(lo), batas_atas=_sel(hi), realisasi_terburuk=_sel(w))
    try:
        return susun_laporan(_ds(iku, batas_capaian=_sel(maks))).iku[0].capaian
    except ValueError:
        raise _Tolak from None


def _periode(kons: Any, tw: Any, *r: Any) -> float:
    iku = IKU("1.1", "SS.1", "uji", "", "maximize", "100", konsolidasi=_sel(kons), realisasi_tw=tuple(_sel(x) for x in (*r, None, None, None))[:4])
    k = _wajib(tw)
    if k not in (1, 2, 3, 4):
        raise _Tolak
    try:
        m = siapkan_iku(iku, {}, {}, realisasi=_kosong(r[int(k) - 1]), tw=int(k) - 1)    # tw 0-3, as susun_triwulan reads it
    except ValueError:
        raise _Tolak from None
    if m.alasan and math.isnan(m.realisasi):
        raise _Tolak
    return m.realisasi


def _kosong(x: Any) -> Any:
    """A quarter's cell as susun_triwulan hands it over: empty is '' (None would mean 'the year's value')."""
    x = _sel(x)
    return "" if x is None else x


def _status(c: Any) -> str:
    """The report's status of a capaian; an IKU whose capaian is refused has status n/a."""
    try:
        x = _m(_sel(c))
    except _Tolak:
        x = math.nan
    return str(np.atleast_1d(status_capaian(np.array([x]), PREDIKAT_BAWAAN))[0])


def _elemen(f: Callable[..., float], *x: Any) -> float:
    with np.errstate(all="ignore"):
        return float(f(*(np.array([_m(_sel(v))]) for v in x))[0])


@st.composite
def _nko_masukan(draw: Any) -> tuple:
    """NKO's ranges: capaian and the SS code of each IKU (parallel), the SS table (codes and perspektif), the method."""
    n = draw(st.integers(1, 5))
    cap = [[draw(ANGKA_SEL)] for _ in range(n)]
    ss = [[draw(st.sampled_from(["SS.1", "SS.2", " SS.2 "]))] for _ in range(n)]
    return cap, ss, [["SS.1"], ["SS.2"]], [["Stakeholder"], ["Customer"]], draw(st.sampled_from([None, "rata_nss", " Rata_IKU ", "RATA_NSS"]))


@st.composite
def _ckk_masukan(draw: Any) -> tuple:
    """CAPAIAN_KELUARAN's ranges: volume realisasi and target per keluaran, one indicator column each."""
    n = draw(st.integers(1, 3))
    kol = lambda: [[draw(ANGKA_SEL)] for _ in range(n)]  # noqa: E731
    return kol(), kol(), kol(), kol()


MESIN: dict[str, tuple[tuple[st.SearchStrategy, ...], Callable[..., Any]]] = {
    "CAPAIAN_IKU": ((ANGKA_SEL, ANGKA_SEL, st.sampled_from([None, "maximize", " Minimize ", "stabil", "", "naik"]),
                     ANGKA_SEL, ANGKA_SEL, ANGKA_SEL, st.sampled_from([None, 0, 120, "100", "-"])), _capaian),
    "STATUS_CAPAIAN": ((SEL,), _status),
    "NILAI_ANGKA": ((SEL,), lambda x: _m(_sel(x))),
    "NSS": ((_kolom(ANGKA_SEL),), lambda c: agregasi.nss([_m(v) if not _galat(v) else math.nan for (v,) in c])),
    "NKO": (_nko_masukan(), lambda c, ss, kode, persp, m: agregasi.hitung_nko(
        [_m(v) if not _galat(v) else math.nan for (v,) in c], [x.strip() for (x,) in ss], dict(zip([x for (x,) in kode], [x for (x,) in persp])),
        agregasi.MetodeNKO(m))[2].nilai),
    "REALISASI_PERIODE": ((st.sampled_from([None, "kumulatif", "Jumlah ", "rata", "TERAKHIR"]), st.sampled_from([1, 2, 3, 4, "2"]),
                           ANGKA_SEL, ANGKA_SEL, ANGKA_SEL, ANGKA_SEL), _periode),
    "INDEKS_KATEGORI": ((SEL,), lambda x: _hitung("indeks_persen", persen=_sel(x))),
    "INDEKS_SKALA4": ((ANGKA_SEL,), lambda x: kalkulator.indeks_skala4(_wajib(_sel(x)))),
    "KEBERHASILAN_KSP": ((_kolom(st.one_of(st.sampled_from([1, 2, 3, 4, "2", "-", "#N/A", "#DIV/0!", None])), 5),),
                         lambda x: _hitung("keberhasilan_ksp", tahap=[v for (v,) in x])),
    "RATA_LIKERT": ((_kolom(st.sampled_from([1, 2, 3, 4, "3", 5, "-", None, "x"]), 5),), lambda x: _hitung("rata_likert", jawaban=[v for (v,) in x])),
    "PERTUMBUHAN": ((ANGKA_SEL, ANGKA_SEL), lambda a, b: _hitung("pertumbuhan", sekarang=_sel(a), sebelumnya=_sel(b))),
    "PROYEKSI_TRIWULAN": ((ANGKA_SEL, _kolom(ANGKA_SEL, 4)),
                          lambda a, g: _wajib(a) * (1 + _rata(_daftar(g)) / 100)),
    "PROYEKSI_TAHUNAN": ((ANGKA_SEL, ANGKA_SEL, _kolom(ANGKA_SEL, 4)),
                         lambda k, a, g: _hitung("proyeksi_tahunan", kumulatif=_sel(k), triwulan_terakhir=_sel(a), pertumbuhan=[v for (v,) in g])),
    "SELISIH_LEVEL": ((SEL, SEL), lambda a, b: _hitung("selisih_level", sekarang=_sel(a), sebelumnya=_sel(b))),
    "JUMLAH_NILAI": ((_kolom(SEL),), lambda x: _hitung("jumlah", nilai=[v for (v,) in x])),
    "RATA_NILAI": ((_kolom(SEL),), lambda x: _rata(_daftar(x))),
    "SKOR_TATA_KELOLA": ((ANGKA_SEL, ANGKA_SEL, ANGKA_SEL), lambda a, b, c: _wajib(a) + _wajib(b) + _wajib(c)),
    "KOMPOSIT": ((_kolom(ANGKA_SEL, 3), _kolom(ANGKA_SEL, 3), _kolom(ANGKA_SEL, 3)), lambda r, t, w: _komposit(r, t, w)),
    "TATA_KELOLA_SAKIP": ((ANGKA_SEL, ANGKA_SEL), lambda a, b: tata_kelola.sub_sakip(_wajib(a), _wajib(b))),
    "TATA_KELOLA_RB": ((ANGKA_SEL, ANGKA_SEL), lambda a, b: tata_kelola.sub_reformasi_birokrasi(_wajib(a), _wajib(b))),
    "KUALITAS_ANGGARAN": ((_kolom(ANGKA_SEL, 3), _kolom(ANGKA_SEL, 3)), lambda r, t: _kpa(r, t)),
    "TATA_KELOLA_KPA": ((ANGKA_SEL,), lambda a: tata_kelola.sub_kpa(_wajib(a))),
    "INDEKS_TATA_KELOLA": ((ANGKA_SEL, ANGKA_SEL, ANGKA_SEL, st.sampled_from([None, "linear", " Kategori", "LINEAR "])),
                           lambda a, b, c, cara: tata_kelola.skala_tata_kelola(_wajib(a) + _wajib(b) + _wajib(c), cara)),
    "NILAI_SAKIP": ((_kolom(ANGKA_SEL, 2), _kolom(st.sampled_from([50, 50.0, "50"]), 2)), lambda n, w: _sakip(n, w)),
    "PENYERAPAN": ((ANGKA_SEL, ANGKA_SEL), lambda r, p: _elemen(anggaran.penyerapan, r, p)),
    "DEVIASI_RPD": ((ANGKA_SEL, ANGKA_SEL), lambda r, p: _elemen(anggaran.deviasi_rpd, r, p)),
    "DEVIASI_RPD_RATA": ((_kolom(ANGKA_SEL, 4), _kolom(ANGKA_SEL, 4)), lambda r, p: _rpd_rata(r, p)),
    "CAPAIAN_KELUARAN": (_ckk_masukan(), lambda r, t, ri, ti: _ckk(r, t, ri, ti)),
    "EFISIENSI": ((_kolom(ANGKA_SEL, 3), _kolom(ANGKA_SEL, 3), _kolom(ANGKA_SEL, 3)), lambda p, c, r: _efisiensi(p, c, r)),
    "NILAI_EFISIENSI": ((ANGKA_SEL,), lambda e: _elemen(anggaran.nilai_efisiensi, e)),
}
"""Each Excel function: strategies of its arguments, and the engine's computation from the same cells."""


def _galat(v: Any) -> bool:
    """A capaian cell holding an error or a refusal message: the aggregates skip it like n/a (an IKU without capaian)."""
    try:
        baca_nilai(v)
        return False
    except NotasiError:
        return True


def _baris(r: Any, t: Any, w: Any = None) -> list[tuple[float, ...]]:
    """Parallel columns: rows empty in all of them are skipped, every other cell must be a number."""
    kol = [[v for (v,) in x] for x in (r, t, w) if x is not None]
    if len({len(k) for k in kol}) != 1:
        raise _Tolak
    return [tuple(_wajib(v) for v in b) for b in zip(*kol) if not all(v is None for v in b)]


def _komposit(r: Any, t: Any, w: Any) -> float:
    b = _baris(r, t, w)
    try:
        return kalkulator.komposit(*zip(*b)) if b else _tolak()
    except ValueError:
        raise _Tolak from None


def _kpa(r: Any, t: Any) -> float:
    try:
        return tata_kelola.kualitas_pelaksanaan_anggaran(_daftar(r), _daftar(t), list(tata_kelola.BOBOT_KPA))
    except ValueError:
        raise _Tolak from None


def _sakip(n: Any, w: Any) -> float:
    if len(n) != len(w):
        raise _Tolak
    komponen = {f"k{i}": _daftar([b]) for i, b in enumerate(n)}
    try:
        return tata_kelola.nilai_sakip(komponen, {f"k{i}": x for i, x in enumerate(_daftar(w))}).total
    except ValueError:
        raise _Tolak from None


def _rpd_rata(r: Any, p: Any) -> float:
    if len(p) == 1:
        p = p * len(r)                              # one RPD cell stands for every month (as a range argument broadcasts)
    if len(r) != len(p):
        raise _Tolak
    return anggaran.deviasi_rpd_rata(np.array([_m(v) for (v,) in r]), np.array([_m(v) for (v,) in p]))


def _ckk(r: Any, t: Any, ri: Any, ti: Any) -> float:
    rv, tv = _daftar(r), _daftar(t)
    if len(rv) != len(r) or len(tv) != len(t):
        raise _Tolak                                 # a keluaran row without its volume: rows would no longer line up
    try:
        return anggaran.capaian_keluaran(rv, tv, [_daftar([b]) for b in ri], [_daftar([b]) for b in ti])
    except ValueError:
        raise _Tolak from None


def _efisiensi(p: Any, c: Any, r: Any) -> float:
    b = _baris(p, c, r)
    try:
        return anggaran.efisiensi(*zip(*b)) if b else _tolak()
    except ValueError:
        raise _Tolak from None


def _tolak() -> float:
    raise _Tolak


def _mesin(nama: str, args: tuple) -> Any:
    try:
        x = MESIN[nama][1](*args)
    except (_Tolak, ValueError):                     # the rule refuses (KalkulatorError, PengaturanError): no number
        return None
    if isinstance(x, str):
        return x
    return None if x is None or not math.isfinite(float(x)) else float(x)


def _sama(sel: Any, mesin: Any) -> bool:
    """The cell and the engine agree: the same number within 1e-9, the same text, or no number in both."""
    if isinstance(sel, str) and isinstance(mesin, str):
        return sel == mesin
    if isinstance(sel, float) and not isinstance(sel, bool):
        return mesin is not None and not isinstance(mesin, str) and math.isclose(sel, mesin, rel_tol=1e-9, abs_tol=1e-9)
    return mesin is None and (sel == fungsi.NA or (isinstance(sel, str) and sel.startswith("#")))


def _cek(nama: str, data: st.DataObject) -> None:
    strategi = MESIN[nama][0]
    args = data.draw(strategi if isinstance(strategi, st.SearchStrategy) else st.tuples(*strategi), label=nama)
    sel = fungsi.REGISTRI[nama].fungsi(*args)
    if nama == "STATUS_CAPAIAN" and isinstance(sel, str):
        assert sel == _mesin(nama, args), (args, sel)
        return
    if isinstance(sel, list):                      # a one-cell result given back in the range's shape
        sel = _sel(sel)
    assert _sama(sel, _mesin(nama, args)), (nama, args, sel, _mesin(nama, args))


def test_setiap_fungsi_katalog_diuji():
    """The property covers the whole catalogue: a new function without its engine counterpart fails here."""
    assert set(MESIN) == set(fungsi.REGISTRI)


@pytest.mark.parametrize("nama", sorted(MESIN))
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_sel_sama_dengan_mesin(nama, data):
    _cek(nama, data)
