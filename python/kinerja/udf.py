"""Excel functions (xlwings UDFs): thin adapters from what Excel hands over to the engine.

Each function accepts a single cell or a whole range. Inputs are normalised here, never by
xlwings converters (classic UDFs and xlwings Server/Lite pass values differently): a scalar, a
1-D list (a row or column as classic xlwings reads it), or a list of lists; ``None`` for empty
cells; numbers as float or int; text in Indonesian notation; bools are refused. Results have the
shape of the first range argument: a number; the text ``n/a`` where the rules say n/a (so that
native AVERAGE/COUNT skip it); a short Indonesian message starting with ``#`` for bad input.

The docstring of each function is its Indonesian help text (<= 255 characters, shown by the
Function Wizard), and every argument has help (``@xw.arg(doc=...)``). :data:`REGISTRI` holds
both, and the VBA wrappers and ``Application.MacroOptions`` calls are generated from it.
"""
from __future__ import annotations

import functools
import inspect
import math
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import numpy as np
import xlwings as xw

from . import agregasi, anggaran, kalkulator, tata_kelola
from .capaian import alasan_na, capaian_iku, nama_polarisasi, status_capaian
from .kalkulator import KalkulatorError
from .masukan import angka_realisasi, tafsir_target
from .notasi import Jenis, NotasiError, baca_nilai

__all__ = ["REGISTRI", "FungsiExcel", "Argumen", "NA", "KATEGORI"]

NA = "n/a"
KATEGORI = "Kinerja"
_JENIS_ANGKA = {float, int, type(None), np.float64}
_MAKS_BANTUAN = 255


@dataclass(frozen=True)
class Argumen:
    """One argument of an Excel function with its Function Wizard help."""

    nama: str
    bantuan: str
    opsional: bool


@dataclass(frozen=True)
class FungsiExcel:
    """An Excel function: its name, help text and arguments (for VBA wrappers and MacroOptions)."""

    nama: str
    bantuan: str
    argumen: tuple[Argumen, ...]
    fungsi: Callable[..., Any]


REGISTRI: dict[str, FungsiExcel] = {}


def _fungsi_excel(**bantuan_argumen: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register an Excel function: docstring = help (<= 255), one help text per argument."""
    def deco(f: Callable[..., Any]) -> Callable[..., Any]:
        bantuan = inspect.cleandoc(f.__doc__ or "")
        params = list(inspect.signature(f).parameters.values())
        if not bantuan or len(bantuan) > _MAKS_BANTUAN or set(bantuan_argumen) != {p.name for p in params}:
            raise TypeError(f"{f.__name__}: bantuan fungsi/argumen tidak lengkap atau > 255 karakter")
        args = tuple(Argumen(p.name, bantuan_argumen[p.name], p.default is not inspect.Parameter.empty) for p in params)
        if any(len(a.bantuan) > _MAKS_BANTUAN for a in args):
            raise TypeError(f"{f.__name__}: bantuan argumen > 255 karakter")

        @functools.wraps(f)
        def aman(*a: Any, **k: Any) -> Any:
            try:
                return f(*a, **k)
            except (KalkulatorError, NotasiError, agregasi.PengaturanError, ValueError) as e:
                return _pesan(str(e))

        g: Callable[..., Any] = aman
        for a in reversed(args):
            g = xw.arg(a.nama, ndim=2, doc=a.bantuan)(g)
        g = xw.func(category=KATEGORI)(g)
        REGISTRI[f.__name__] = FungsiExcel(f.__name__, bantuan, args, g)
        return g
    return deco


def _pesan(teks: str) -> str:
    """A short message for a cell: starts with '#', first letter capitalised, no example list."""
    teks = teks.split(" (contoh yang benar")[0]
    return "#" + teks[:1].upper() + teks[1:]


# ------------------------------------------------------------------ shapes

@dataclass(frozen=True)
class _Bentuk:
    jenis: str               # skalar | 1d | 2d
    baris: int = 1
    kolom: int = 1


def _ratakan(x: Any) -> tuple[list[Any], _Bentuk]:
    """Flatten what Excel hands over; remember the shape to give results back in."""
    if isinstance(x, np.ndarray):
        x = x.tolist()
    if isinstance(x, (list, tuple)):
        if x and isinstance(x[0], (list, tuple)):
            if len(x[0]) == 1:
                try:
                    return [v for (v,) in x], _Bentuk("2d", len(x), 1)   # unpacking checks every row
                except (TypeError, ValueError):
                    pass
            try:
                lebar = max(map(len, x))
            except TypeError:
                raise ValueError("rentang tidak beraturan: campuran sel dan baris") from None
            return [v for r in x for v in (list(r) + [None] * (lebar - len(r)))], _Bentuk("2d", len(x), lebar)
        return list(x), _Bentuk("1d", 1, len(x))
    return [x], _Bentuk("skalar")


def _bentukkan(nilai: list[Any], b: _Bentuk) -> Any:
    if b.jenis == "skalar":
        return nilai[0]
    if b.jenis == "1d":
        return nilai
    if b.kolom == 1:
        return [[v] for v in nilai]
    return [nilai[i * b.kolom:(i + 1) * b.kolom] for i in range(b.baris)]


def _bentukkan_angka(x: np.ndarray, b: _Bentuk) -> Any:
    """All results are numbers: let numpy build the nested lists."""
    if b.jenis == "skalar":
        return float(x[0])
    if b.jenis == "1d":
        return x.tolist()
    return x.reshape(b.baris, b.kolom).tolist()


def _siarkan(x: Any, n: int, nama: str) -> list[Any]:
    """A scalar repeated n times, or a range of exactly n cells."""
    v, b = _ratakan(x)
    if b.jenis == "skalar" or len(v) == 1:
        return v * n
    if len(v) != n:
        raise ValueError(f"{nama} berisi {len(v)} sel, sedangkan realisasi {n} sel: ukuran rentang harus sama")
    return v


def _angka_sel(v: Any, nama: str) -> tuple[float, str | None]:
    """One cell -> (number or NaN, error message or None). '#...' or 'n/a' text -> NaN."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return math.nan, None
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return float(v), None
    if isinstance(v, str) and v.startswith("#"):
        return math.nan, None
    try:
        n = baca_nilai(v)
        return n.tunggal(), None
    except NotasiError as e:
        return math.nan, _pesan(f"{nama}: {e.alasan} ('{v}')")


def _angka(vals: list[Any], nama: str) -> tuple[np.ndarray, list[str | None]]:
    """Cells -> float array; the fast path is a plain numpy conversion when all are numbers."""
    if set(map(type, vals)) <= _JENIS_ANGKA:
        return np.array(vals, dtype=float), []
    hasil = [_angka_sel(v, nama) for v in vals]
    return np.array([h[0] for h in hasil], dtype=float), [h[1] for h in hasil]


def _isi(x: np.ndarray, galat: list[str | None]) -> list[Any]:
    """Floats -> Excel values: NaN -> 'n/a', an input error -> its message."""
    out = x.astype(object)
    out[np.isnan(x)] = NA
    for i, g in enumerate(galat):
        if g:
            out[i] = g
    return out.tolist()


def _angka_daftar(x: Any, nama: str) -> list[float]:
    """A range for an aggregate: empty cells skipped, anything unreadable is an error."""
    vals, _ = _ratakan(x)
    keluar = []
    for v in vals:
        f, g = _angka_sel(v, nama)
        if g:
            raise ValueError(g.lstrip("#"))
        if not math.isnan(f):
            keluar.append(f)
    return keluar


def _satu(x: Any, nama: str, bawaan: float | None = None) -> float:
    mentah = _ratakan(x)[0][0]
    if isinstance(mentah, str) and mentah.startswith("#"):
        raise ValueError(f"{nama}: {mentah[1:]}")          # an upstream error travels on, with its reason
    f, g = _angka_sel(mentah, nama)
    if g:
        raise ValueError(g.lstrip("#"))
    if math.isnan(f):
        if bawaan is None:
            raise ValueError(f"{nama} belum diisi")
        return bawaan
    return f


def _elemen(f: Callable[..., np.ndarray], pertama: Any, *lain: tuple[Any, str], nama: str) -> Any:
    """Apply a vectorised engine function cell by cell, in the shape of the first range."""
    vals, b = _ratakan(pertama)
    x0, g0 = _angka(vals, nama)
    kolom = [x0]
    galat = list(g0) or [None] * len(vals)
    for arg, n in lain:
        xi, gi = _angka(_siarkan(arg, len(vals), n), n)
        kolom.append(xi)
        galat = [a or c for a, c in zip(galat, gi or [None] * len(vals))]
    with np.errstate(all="ignore"):
        hasil = np.asarray(f(*kolom), dtype=float).reshape(-1)
    return _bentukkan(_isi(hasil, galat), b)


# ------------------------------------------------------------------ capaian

def _target_sel(t: Any, pol: str | None, lo: float, hi: float) -> tuple[float, float, float, str | None]:
    if isinstance(t, (int, float)) and not isinstance(t, bool):
        return float(t), lo, hi, None
    if t is None:
        return math.nan, lo, hi, None
    try:
        n = baca_nilai(t)
    except NotasiError as e:
        return math.nan, lo, hi, _pesan(f"target: {e.alasan} ('{t}')")
    return (*tafsir_target(n, pol or "", lo, hi), None)


def _realisasi_sel(v: Any) -> tuple[float, str | None]:
    if isinstance(v, str) and v.startswith("#"):
        return math.nan, _pesan(f"realisasi: {v[1:]}")
    if isinstance(v, str):
        try:
            return angka_realisasi(baca_nilai(v)), None
        except (NotasiError, ValueError) as e:
            alasan = e.alasan if isinstance(e, NotasiError) else str(e)
            return math.nan, _pesan(f"realisasi: {alasan} ('{v}')")
    return _angka_sel(v, "realisasi")


@_fungsi_excel(
    realisasi="Sel atau kolom realisasi (angka atau teks seperti 88,46 / 4,79*). Kosong = belum tersedia (n/a).",
    target="Target: angka, teks seperti 600 T, 80%, 3 dari 4, atau rentang 2,7 – 3.",
    polarisasi="maximize, minimize, atau stabilize (boleh max/min/stabil). Kosong = maximize. Satu sel atau satu kolom.",
    batas_bawah="Batas bawah rentang untuk stabilize (opsional; bila target berupa rentang, diambil dari target).",
    batas_atas="Batas atas rentang untuk stabilize (opsional).",
    realisasi_terburuk="Nilai realisasi terburuk, wajib untuk minimize dengan target 0.",
    batas_maks="Batas atas capaian; kosong = 120, isi 0 untuk tanpa batas.",
)
def CAPAIAN_IKU(realisasi, target, polarisasi=None, batas_bawah=None, batas_atas=None, realisasi_terburuk=None, batas_maks=None):
    """Capaian IKU (%) menurut polarisasi: maximize R/T*100, minimize (2-R/T)*100, stabilize terhadap rentang; dibatasi 120. Realisasi kosong menghasilkan n/a."""
    vals, b = _ratakan(realisasi)
    n = len(vals)
    maks = _satu(batas_maks, "batas_maks", 120.0)
    r, galat = _realisasi_semua(vals)
    pol_teks = _polarisasi(polarisasi, n)
    pol_nama = pol_teks if isinstance(pol_teks, str) else None
    lo, hi, w = (_opsional_kolom(x, n, nama, galat) for x, nama in
                 ((batas_bawah, "batas bawah"), (batas_atas, "batas atas"), (realisasi_terburuk, "realisasi terburuk")))
    t_mentah = _siarkan(target, n, "target")
    if set(map(type, t_mentah)) <= _JENIS_ANGKA:
        t = np.array(t_mentah, dtype=float)
    else:
        per = [nama_polarisasi(pol_nama)] * n if pol_nama is not None else [nama_polarisasi(p) for p in pol_teks]
        tt = [_target_sel(v, p, a, c) for v, p, a, c in zip(t_mentah, per, np.broadcast_to(lo, n), np.broadcast_to(hi, n))]
        t, lo, hi = (np.array([x[k] for x in tt]) for k in range(3))
        galat = _gabung(galat, [x[3] for x in tt], n)
    x = np.atleast_1d(capaian_iku(r, t, pol_teks, batas_bawah=lo, batas_atas=hi, realisasi_terburuk=w,
                                  batas_maks=None if maks <= 0 else maks))
    kosong = np.flatnonzero(np.isnan(x))
    if not galat and not kosong.size:
        return _bentukkan_angka(x, b)
    keluar = _isi(x, galat)
    for i in kosong:
        if not (galat and galat[i]) and not math.isnan(r[i]):
            p = pol_teks if pol_nama else pol_teks[i]
            a = alasan_na(r[i], t[i], p, batas_bawah=np.broadcast_to(lo, n)[i], batas_atas=np.broadcast_to(hi, n)[i],
                          realisasi_terburuk=np.broadcast_to(w, n)[i])
            keluar[i] = _pesan(a or "capaian tidak dapat dihitung")
    return _bentukkan(keluar, b)


def _polarisasi(x: Any, n: int) -> str | list[str]:
    """One polarisasi for all rows (fast) or one per row; empty means maximize."""
    vals, _ = _ratakan(x)
    vals = ["maximize" if v in (None, "") else str(v) for v in vals]
    if len(set(vals)) == 1:
        return vals[0]
    return _siarkan(vals, n, "polarisasi")


def _opsional_kolom(x: Any, n: int, nama: str, galat: list[str | None]) -> np.ndarray:
    """An optional scalar-or-range argument as floats (NaN when empty); errors join ``galat``."""
    if x is None:
        return np.array(np.nan)
    v, g = _angka(_siarkan(x, n, nama), nama)
    galat[:] = _gabung(galat, g, n)
    return v


def _gabung(a: list[str | None], b: list[str | None], n: int) -> list[str | None]:
    """Merge per-cell error lists (empty list = no errors); the first error of a cell wins."""
    if not b:
        return a
    if not a:
        return list(b)
    return [x or y for x, y in zip(a, b)]


def _realisasi_semua(vals: list[Any]) -> tuple[np.ndarray, list[str | None]]:
    if set(map(type, vals)) <= _JENIS_ANGKA:
        return np.array(vals, dtype=float), []
    hasil = [_realisasi_sel(v) for v in vals]
    return np.array([h[0] for h in hasil], dtype=float), [h[1] for h in hasil]


@_fungsi_excel(capaian="Sel atau kolom capaian IKU/NSS/NKO (%).")
def STATUS_CAPAIAN(capaian):
    """Status capaian: >= 100 Memenuhi Ekspektasi (hijau), 80 sampai < 100 Belum Memenuhi Ekspektasi (kuning), < 80 Tidak Memenuhi Ekspektasi (merah); n/a bila capaian n/a."""
    vals, b = _ratakan(capaian)
    x, _ = _angka(vals, "capaian")
    return _bentukkan(np.atleast_1d(status_capaian(x)).tolist(), b)


@_fungsi_excel(
    teks="Sel atau kolom berisi angka dalam notasi Indonesia, mis. 1.148.800, 88,46, 2,7 – 3, 3 dari 4, 80%, Rp 21.389.786.184,00.",
    bagian="Opsional: nilai (bawaan; batas bawah untuk rentang), bawah, atas, atau skala.",
)
def NILAI_ANGKA(teks, bagian=None):
    """Membaca angka notasi Indonesia (titik ribuan, koma desimal, rentang, 'x dari y', persen, Rp, tanda * proyeksi). Kosong/n/a menghasilkan n/a; teks salah menghasilkan pesan #."""
    pilihan = str(bagian or "nilai").strip().lower()
    if pilihan not in ("nilai", "bawah", "atas", "skala"):
        raise ValueError(f"bagian '{bagian}' tidak dikenal (nilai, bawah, atas, skala)")
    vals, b = _ratakan(teks)
    return _bentukkan([_bagian_nilai(v, pilihan) for v in vals], b)


def _bagian_nilai(v: Any, bagian: str) -> Any:
    try:
        n = baca_nilai(v)
    except NotasiError as e:
        return _pesan(f"{e.alasan} ('{v}')")
    if not n.tersedia:
        return NA
    x = {"nilai": n.tunggal(), "bawah": n.bawah if n.jenis is Jenis.RENTANG else n.tunggal(),
         "atas": n.atas if n.jenis is Jenis.RENTANG else n.tunggal(), "skala": n.skala}[bagian]
    return NA if x is None else float(x)


# ------------------------------------------------------------------ NSS and NKO

def _teks_daftar(x: Any, n: int | None = None) -> list[str]:
    vals, _ = _ratakan(x)
    out = ["" if v is None else str(v).strip() for v in vals]
    if n is not None and len(out) != n:
        raise ValueError(f"jumlah kode ({len(out)}) tidak sama dengan jumlah capaian ({n})")
    return out


@_fungsi_excel(
    capaian="Kolom capaian IKU (%). Sel n/a atau pesan # tidak dihitung.",
    kode_ss_iku="Opsional: kolom kode SS setiap IKU (sejajar dengan capaian).",
    kode_ss="Opsional: satu kode SS atau kolom kode SS yang dihitung NSS-nya.",
    batas="Opsional: batas atas NSS (kosong = tanpa batas).",
)
def NSS(capaian, kode_ss_iku=None, kode_ss=None, batas=None):
    """Nilai Sasaran Strategis: rata-rata capaian IKU dalam satu SS, IKU n/a tidak dihitung. Dengan kode SS: satu NSS per kode."""
    vals, _ = _ratakan(capaian)
    x, _ = _angka(vals, "capaian")
    cap = _satu(batas, "batas", math.inf)
    if kode_ss_iku is None or kode_ss is None:
        return _sel_nilai(min(agregasi.nss(x), cap))
    kelompok = _teks_daftar(kode_ss_iku, len(vals))
    per = agregasi.nilai_per_kelompok(list(x), kelompok)
    kode, b = _ratakan(kode_ss)
    return _bentukkan([_sel_nilai(min(per.get(str(k).strip(), math.nan), cap)) for k in kode], b)


def _sel_nilai(x: float) -> Any:
    return NA if x is None or math.isnan(x) else float(x)


@_fungsi_excel(
    capaian_iku="Kolom capaian seluruh IKU (%).",
    kode_ss_iku="Kolom kode SS setiap IKU (sejajar dengan capaian).",
    kode_ss="Kolom kode SS pada tabel SS.",
    perspektif_ss="Kolom perspektif setiap SS (sejajar dengan kode SS).",
    metode="rata_nss, rata_perspektif, atau rata_iku (kosong = rata_nss).",
    batas="Batas atas NKO (mis. 100); kosong = tanpa batas.",
    batas_nss="Opsional: batas atas setiap NSS sebelum dikonsolidasi.",
)
def NKO(capaian_iku, kode_ss_iku, kode_ss, perspektif_ss, metode=None, batas=None, batas_nss=None):
    """Nilai Kinerja Organisasi: konsolidasi NSS (atau perspektif / seluruh IKU) menurut metode dan batas yang ditetapkan pada lembar PK."""
    vals, _ = _ratakan(capaian_iku)
    x, _ = _angka(vals, "capaian")
    ss_iku = _teks_daftar(kode_ss_iku, len(vals))
    kode, persp = _teks_daftar(kode_ss), _teks_daftar(perspektif_ss)
    if len(kode) != len(persp):
        raise ValueError("jumlah kode SS dan perspektif harus sama")
    peta = dict(zip(kode, persp))
    for k in ss_iku:
        peta.setdefault(k, "(tanpa perspektif)")
    m = agregasi.MetodeNKO(str(metode or "rata_nss").strip(), _opsional(batas), _opsional(batas_nss))
    _, _, h = agregasi.hitung_nko(list(x), ss_iku, peta, m)
    return _sel_nilai(h.nilai)


def _opsional(x: Any) -> float | None:
    f, g = _angka_sel(_ratakan(x)[0][0], "batas")
    if g:
        raise ValueError(g.lstrip("#"))
    return None if math.isnan(f) else f


# ------------------------------------------------------------------ calculators

@_fungsi_excel(skor="Sel atau kolom skor 0-100 (atau persentase survei).")
def INDEKS_KATEGORI(skor):
    """Indeks kategori 1-4 dari skor 0-100: >= 85 = 4 (Sangat Baik), >= 75 = 3 (Baik), >= 65 = 2 (Cukup), lainnya 1."""
    return _elemen(lambda s: kalkulator.indeks_kategori(s), skor, nama="skor")


@_fungsi_excel(skor="Sel atau kolom skor.", skor_maks="Opsional: skor maksimum (kosong = 100).")
def INDEKS_SKALA4(skor, skor_maks=None):
    """Konversi linear skor ke skala 1-4: skor / skor maksimum x 4 (99,21 menjadi 3,97)."""
    maks = _satu(skor_maks, "skor_maks", 100.0)
    return _elemen(lambda s: kalkulator.indeks_skala4(s, maks), skor, nama="skor")


@_fungsi_excel(tahap="Rentang tahap tiap isu/kebijakan (angka 1-4). Sel kosong diabaikan.")
def KEBERHASILAN_KSP(tahap):
    """Persentase keberhasilan koordinasi, sinkronisasi dan pengendalian: rata-rata (Tahap x 25%) seluruh isu."""
    return kalkulator.keberhasilan_ksp(_angka_daftar(tahap, "tahap"))


@_fungsi_excel(jawaban="Rentang jawaban responden (1-4). Sel kosong diabaikan.", skala="Opsional: nilai tertinggi skala (kosong = 4).")
def RATA_LIKERT(jawaban, skala=None):
    """Rata-rata jawaban survei skala Likert 1-4 (indeks kepuasan); jawaban di luar skala menghasilkan pesan #."""
    return kalkulator.rata_likert(_angka_daftar(jawaban, "jawaban"), int(_satu(skala, "skala", 4.0)))


@_fungsi_excel(sekarang="Sel atau kolom nilai tahun n.", sebelumnya="Sel atau kolom nilai tahun n-1.")
def PERTUMBUHAN(sekarang, sebelumnya):
    """Pertumbuhan (%): (nilai tahun n - nilai tahun n-1) / nilai tahun n-1 x 100."""
    def f(a: np.ndarray, c: np.ndarray) -> np.ndarray:
        return np.where(c != 0, (a - c) / c * 100.0, np.nan)
    return _elemen(f, sekarang, (sebelumnya, "sebelumnya"), nama="sekarang")


@_fungsi_excel(triwulan_terakhir="Nilai triwulan terakhir yang sudah ada (mis. TW III).",
               pertumbuhan="Rentang pertumbuhan tahunan (%) tahun-tahun sebelumnya.")
def PROYEKSI_TRIWULAN(triwulan_terakhir, pertumbuhan):
    """Proyeksi triwulan berikutnya: nilai triwulan terakhir x (1 + rata-rata pertumbuhan tahunan / 100)."""
    return kalkulator.proyeksi_triwulan(_satu(triwulan_terakhir, "triwulan_terakhir"), _angka_daftar(pertumbuhan, "pertumbuhan"))


def _tiga_kolom(r: Any, t: Any, w: Any) -> tuple[list[float], list[float], list[float]]:
    """Parallel ranges of an aggregate; rows that are empty in all three are skipped."""
    a, b, c = (_ratakan(v)[0] for v in (r, t, w))
    if not (len(a) == len(b) == len(c)):
        raise ValueError("rentang realisasi, target dan bobot harus sama ukurannya")
    keluar: tuple[list[float], list[float], list[float]] = ([], [], [])
    for baris in zip(a, b, c):
        if all(v is None for v in baris):
            continue
        for daftar, v, nama in zip(keluar, baris, ("realisasi", "target", "bobot")):
            daftar.append(_satu(v, nama))
    return keluar


@_fungsi_excel(realisasi="Rentang realisasi tiap komponen.", target="Rentang target tiap komponen.",
               bobot="Rentang bobot tiap komponen.", desimal_rasio="Opsional: bulatkan tiap rasio ke sekian desimal dulu.")
def KOMPOSIT(realisasi, target, bobot, desimal_rasio=None):
    """Komposit rasio berbobot: jumlah (realisasi / target x bobot), mis. 11/13 x 75 + 5/5 x 25 = 88,46."""
    r, t, w = _tiga_kolom(realisasi, target, bobot)
    d = _opsional(desimal_rasio)
    return kalkulator.komposit(r, t, w, None if d is None else int(d))


@_fungsi_excel(nilai="Nilai SAKIP.", target="Target nilai SAKIP.", bobot="Opsional: bobot (kosong = 30).")
def TATA_KELOLA_SAKIP(nilai, target, bobot=None):
    """Sub-indikator 1 Indeks Tata Kelola: nilai SAKIP / target x 30 (83,47 / 85,5 x 30 = 29,29)."""
    return tata_kelola.sub_sakip(_satu(nilai, "nilai"), _satu(target, "target"), _satu(bobot, "bobot", 30.0))


@_fungsi_excel(dilaksanakan="Jumlah renaksi RB yang dilaksanakan.", dirumuskan="Jumlah renaksi RB yang dirumuskan.",
               bobot="Opsional: bobot (kosong = 50).")
def TATA_KELOLA_RB(dilaksanakan, dirumuskan, bobot=None):
    """Sub-indikator 2 Indeks Tata Kelola: renaksi RB dilaksanakan / dirumuskan x 50."""
    return tata_kelola.sub_reformasi_birokrasi(_satu(dilaksanakan, "dilaksanakan"), _satu(dirumuskan, "dirumuskan"),
                                               _satu(bobot, "bobot", 50.0))


@_fungsi_excel(realisasi="Realisasi unsur: penyerapan anggaran (%), output, kesesuaian penarikan dana (%).",
               target="Target tiap unsur.", bobot="Opsional: bobot tiap unsur (kosong = 40, 20, 40).",
               desimal_rasio="Opsional: bulatkan tiap rasio ke sekian desimal (laporan 2024: 2).")
def KUALITAS_ANGGARAN(realisasi, target, bobot=None, desimal_rasio=None):
    """Kualitas Pelaksanaan Anggaran (0-100): jumlah (realisasi / target x bobot) dengan bobot 40, 20, 40."""
    r, t = _angka_daftar(realisasi, "realisasi"), _angka_daftar(target, "target")
    w = _angka_daftar(bobot, "bobot") if bobot is not None else list(tata_kelola.BOBOT_KPA)
    d = _opsional(desimal_rasio)
    return tata_kelola.kualitas_pelaksanaan_anggaran(r, t, w, None if d is None else int(d))


@_fungsi_excel(kpa="Nilai Kualitas Pelaksanaan Anggaran (0-100).", persen="Opsional: persentase (kosong = 20).")
def TATA_KELOLA_KPA(kpa, persen=None):
    """Sub-indikator 3 Indeks Tata Kelola: KPA x 20% (99,6 x 20% = 19,92)."""
    return tata_kelola.sub_kpa(_satu(kpa, "kpa"), _satu(persen, "persen", 20.0))


@_fungsi_excel(sub_sakip="Sub-indikator 1 (SAKIP).", sub_rb="Sub-indikator 2 (Reformasi Birokrasi).",
               sub_kpa="Sub-indikator 3 (Kualitas Pelaksanaan Anggaran).", cara="Opsional: linear (bawaan) atau kategori.")
def INDEKS_TATA_KELOLA(sub_sakip, sub_rb, sub_kpa, cara=None):
    """Indeks Tata Kelola skala 1-4 dari jumlah tiga sub-indikator (0-100): linear skor/100 x 4 (99,21 menjadi 3,97) atau kategori 85/75/65."""
    skor = _satu(sub_sakip, "sub_sakip") + _satu(sub_rb, "sub_rb") + _satu(sub_kpa, "sub_kpa")
    return tata_kelola.skala_tata_kelola(skor, str(cara or "linear").strip().lower())


@_fungsi_excel(nilai="Tabel nilai: satu baris per komponen, satu kolom per sub-komponen.",
               bobot="Kolom bobot tiap komponen (harus berjumlah 100).")
def NILAI_SAKIP(nilai, bobot):
    """Nilai evaluasi SAKIP: jumlah seluruh komponen; tiap komponen = jumlah sub-komponennya dan tidak boleh melebihi bobotnya; bobot harus berjumlah 100."""
    vals, b = _ratakan(nilai)
    baris = b.baris if b.jenis == "2d" else len(vals)
    per = max(1, len(vals) // max(1, baris))
    w = _angka_daftar(bobot, "bobot")
    if len(w) != baris:
        raise ValueError(f"jumlah bobot ({len(w)}) harus sama dengan jumlah baris komponen ({baris})")
    komponen = {f"komponen {i + 1}": _angka_daftar(vals[i * per:(i + 1) * per], "nilai") for i in range(baris)}
    return tata_kelola.nilai_sakip(komponen, {f"komponen {i + 1}": x for i, x in enumerate(w)}).total


# ------------------------------------------------------------------ budget

@_fungsi_excel(realisasi="Sel atau kolom realisasi anggaran (Rp).", pagu="Sel atau kolom pagu (Rp).")
def PENYERAPAN(realisasi, pagu):
    """Penyerapan anggaran (%): realisasi / pagu x 100; pagu 0 atau kosong menghasilkan n/a."""
    return _elemen(anggaran.penyerapan, realisasi, (pagu, "pagu"), nama="realisasi")


@_fungsi_excel(realisasi="Sel atau baris realisasi bulanan (Rp).", rpd="Sel atau baris rencana penarikan dana (RPD) bulanan (Rp).")
def DEVIASI_RPD(realisasi, rpd):
    """Deviasi realisasi terhadap RPD halaman III DIPA (%): min(|realisasi - RPD| / RPD x 100; 100); RPD kosong menghasilkan n/a."""
    return _elemen(anggaran.deviasi_rpd, realisasi, (rpd, "rpd"), nama="realisasi")


@_fungsi_excel(realisasi="Baris realisasi bulanan (Rp) pada periode yang dinilai.", rpd="Baris RPD bulanan (Rp) sejajar dengan realisasi.")
def DEVIASI_RPD_RATA(realisasi, rpd):
    """Rata-rata deviasi bulanan realisasi terhadap RPD (%) atas bulan yang realisasi dan RPD-nya terisi; n/a bila belum ada."""
    r, _ = _ratakan(realisasi)
    p = _siarkan(rpd, len(r), "rpd")
    xr, gr = _angka(r, "realisasi")
    xp, gp = _angka(p, "rpd")
    galat = next((g for g in (gr or []) + (gp or []) if g), None)
    if galat:
        raise ValueError(galat.lstrip("#"))
    return _sel_nilai(anggaran.deviasi_rpd_rata(xr, xp))


@_fungsi_excel(rvk="Kolom realisasi volume keluaran (RVK) per kegiatan.", tvk="Kolom target volume keluaran (TVK).",
               rikk="Tabel realisasi indikator keluaran (RIKK): satu baris per kegiatan.",
               tikk="Tabel target indikator keluaran (TIKK), sejajar dengan RIKK.")
def CAPAIAN_KELUARAN(rvk, tvk, rikk, tikk):
    """Capaian Keluaran Kegiatan (PMK 214/2017, %): rata-rata geometrik indikator per keluaran, lalu rata-rata geometrik seluruh keluaran."""
    rv, tv = _angka_daftar(rvk, "RVK"), _angka_daftar(tvk, "TVK")
    baris_r, baris_t = _baris(rikk, len(rv)), _baris(tikk, len(tv))
    ri = [_angka_daftar(b, "RIKK") for b in baris_r]
    ti = [_angka_daftar(b, "TIKK") for b in baris_t]
    return anggaran.capaian_keluaran(rv, tv, ri, ti)


def _baris(x: Any, n: int) -> list[list[Any]]:
    vals, b = _ratakan(x)
    lebar = b.kolom if b.jenis == "2d" else max(1, len(vals) // max(1, n))
    return [vals[i * lebar:(i + 1) * lebar] for i in range(n)]


@_fungsi_excel(pagu="Kolom pagu anggaran keluaran (PAK).", ck="Kolom capaian keluaran (%) tiap keluaran.",
               realisasi="Kolom realisasi anggaran keluaran (RAK).")
def EFISIENSI(pagu, ck, realisasi):
    """Efisiensi (%): jumlah (PAK x CK - RAK) / jumlah (PAK x CK) x 100, CK sebagai pecahan."""
    p, c, r = _tiga_kolom(pagu, ck, realisasi)
    return _sel_nilai(anggaran.efisiensi(p, c, r))


@_fungsi_excel(efisiensi="Sel atau kolom efisiensi (%).")
def NILAI_EFISIENSI(efisiensi):
    """Nilai Efisiensi: 50 + efisiensi / 20 x 50 (efisiensi 0,77% menjadi 51,9)."""
    return _elemen(anggaran.nilai_efisiensi, efisiensi, nama="efisiensi")


def fungsi(nama: str) -> Callable[..., Any]:
    """The Excel function registered under ``nama`` (upper case)."""
    return REGISTRI[nama].fungsi


def daftar_fungsi() -> Sequence[FungsiExcel]:
    """Every registered Excel function, in registration order."""
    return list(REGISTRI.values())

