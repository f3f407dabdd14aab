"""Excel functions of the IKU table: capaian, status, reading notation, NSS and NKO (RUMUS 2-3)."""
from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..aturan import agregasi
from ..aturan.capaian import PREDIKAT_BAWAAN, Predikat, alasan_na, capaian_iku, nama_polarisasi, periksa_predikat, status_capaian
from ..aturan.periode import KONSOLIDASI, kode_konsolidasi, realisasi_periode
from ..data.notasi import Jenis, NotasiError, baca_nilai, galat_excel
from ..hitung.masukan import angka_realisasi, tafsir_target
from .katalog import fungsi_excel
from .sel import (
    JENIS_ANGKA,
    NA,
    angka,
    angka_sel,
    bentukkan,
    bentukkan_angka,
    gabung,
    isi,
    opsional,
    opsional_kolom,
    pesan,
    ratakan,
    satu,
    sel_nilai,
    siarkan,
    teks_daftar,
)

__all__ = ["CAPAIAN_IKU", "STATUS_CAPAIAN", "NILAI_ANGKA", "NSS", "NKO", "REALISASI_PERIODE", "predikat_sel"]


def _target_sel(t: Any, pol: str | None, lo: float, hi: float) -> tuple[float, float, float, str | None, bool]:
    """(target, lower, upper, error message, is a range) of one target cell."""
    if isinstance(t, (int, float)) and not isinstance(t, bool):
        return float(t), lo, hi, None, False
    if t is None:
        return math.nan, lo, hi, None, False
    try:
        n = baca_nilai(t)
    except NotasiError as e:
        return math.nan, lo, hi, pesan(f"target: {e.alasan} ('{t}')"), False
    return (*tafsir_target(n, pol or "", lo, hi), None, n.jenis is Jenis.RENTANG)


def _aturan_rentang(x: Any) -> bool:
    """True for 'posisi' (RUMUS 10); empty or 'bawah' is the 2024 reading."""
    teks = str(ratakan(x)[0][0] or "bawah").strip().lower()
    if teks not in ("bawah", "posisi"):
        raise ValueError(f"aturan rentang '{teks}' tidak dikenal (bawah atau posisi)")
    return teks == "posisi"


def _realisasi_sel(v: Any) -> tuple[float, str | None]:
    """One realisasi cell as the engine reads it (:func:`kinerja.data.notasi.baca_nilai`): ``#N/A`` and n/a texts are
    n/a (R2); another ``#`` text (an Excel error, or an upstream cell's message) travels on with its reason (R4)."""
    if galat_excel(v):
        return math.nan, pesan(f"realisasi: {v.strip()[1:]}")
    if isinstance(v, str):
        try:
            return angka_realisasi(baca_nilai(v)), None
        except (NotasiError, ValueError) as e:
            alasan = e.alasan if isinstance(e, NotasiError) else str(e)
            return math.nan, pesan(f"realisasi: {alasan} ('{v}')")
    return angka_sel(v, "realisasi")


@fungsi_excel(
    realisasi="Sel atau kolom realisasi (angka atau teks seperti 88,46 / 4,79*). Kosong = belum tersedia (n/a).",
    target="Target: angka, teks seperti 600 T, 80%, 3 dari 4, atau rentang 2,7 – 3.",
    polarisasi="maximize, minimize, atau stabilize (boleh max/min/stabil). Kosong = maximize. Satu sel atau satu kolom.",
    batas_bawah="Batas bawah rentang untuk stabilize (opsional; bila target berupa rentang, diambil dari target).",
    batas_atas="Batas atas rentang untuk stabilize (opsional).",
    realisasi_terburuk="Nilai realisasi terburuk, wajib untuk minimize dengan target 0.",
    batas_maks="Batas atas capaian; kosong = 120, isi 0 untuk tanpa batas.",
    aturan_rentang="Opsional: bawah (bawaan, 2024) atau posisi: target rentang diukur terhadap batas bawah bila realisasi di bawahnya, "
                   "batas atas bila di atasnya, 100 di dalamnya.",
)
def CAPAIAN_IKU(realisasi, target, polarisasi=None, batas_bawah=None, batas_atas=None, realisasi_terburuk=None, batas_maks=None,
                aturan_rentang=None):
    """Capaian IKU (%) menurut polarisasi: maximize R/T*100, minimize (2-R/T)*100, stabilize terhadap rentang; dibatasi 120. Realisasi kosong menghasilkan n/a."""
    vals, b = ratakan(realisasi)
    n = len(vals)
    maks = satu(batas_maks, "batas_maks", 120.0)
    r, galat = _realisasi_semua(vals)
    pol_teks = _polarisasi(polarisasi, n)
    pol_nama = pol_teks if isinstance(pol_teks, str) else None
    lo, hi, w = (opsional_kolom(x, n, nama, galat) for x, nama in
                 ((batas_bawah, "batas bawah"), (batas_atas, "batas atas"), (realisasi_terburuk, "realisasi terburuk")))
    posisi = _aturan_rentang(aturan_rentang)
    t_mentah = siarkan(target, n, "target")
    rentang: Any = False
    if set(map(type, t_mentah)) <= JENIS_ANGKA:
        t = np.array(t_mentah, dtype=float)
    else:
        per = [nama_polarisasi(pol_nama)] * n if pol_nama is not None else [nama_polarisasi(p) for p in pol_teks]
        tt = [_target_sel(v, p, a, c) for v, p, a, c in zip(t_mentah, per, np.broadcast_to(lo, n), np.broadcast_to(hi, n))]
        t, lo, hi = (np.array([x[k] for x in tt]) for k in range(3))
        galat = gabung(galat, [x[3] for x in tt], n)
        rentang = posisi and np.array([x[4] for x in tt], dtype=bool)
    x = np.atleast_1d(capaian_iku(r, t, pol_teks, batas_bawah=lo, batas_atas=hi, realisasi_terburuk=w,
                                  batas_maks=None if maks <= 0 else maks, rentang_posisi=rentang))
    kosong = np.flatnonzero(np.isnan(x))
    if not galat and not kosong.size:
        return bentukkan_angka(x, b)
    keluar = isi(x, galat)
    for i in kosong:
        if not (galat and galat[i]) and not math.isnan(r[i]):
            p = pol_teks if pol_nama else pol_teks[i]
            a = alasan_na(r[i], t[i], p, batas_bawah=np.broadcast_to(lo, n)[i], batas_atas=np.broadcast_to(hi, n)[i],
                          realisasi_terburuk=np.broadcast_to(w, n)[i])
            keluar[i] = pesan(a or "capaian tidak dapat dihitung")
    return bentukkan(keluar, b)



def _polarisasi(x: Any, n: int) -> str | list[str]:
    """One polarisasi for all rows (fast) or one per row; empty means maximize."""
    vals, _ = ratakan(x)
    vals = ["maximize" if v in (None, "") else str(v) for v in vals]
    if len(set(vals)) == 1:
        return vals[0]
    return siarkan(vals, n, "polarisasi")


def predikat_sel(batas: Any, nama: Any) -> Predikat:
    """The predicate bands of two parallel columns (bound, name); rows without a name are skipped; none = the report's."""
    if batas is None and nama is None:
        return PREDIKAT_BAWAAN
    b, n = ratakan(batas)[0], ratakan(nama)[0]
    if len(b) != len(n):
        raise ValueError("kolom batas dan nama predikat harus sama panjang")
    pita = []
    for x, nm in zip(b, n):
        if str(nm or "").strip():
            f, g = angka_sel(x, "batas predikat")
            if g:
                raise ValueError(g.lstrip("#"))
            pita.append((None if math.isnan(f) else f, str(nm), None))
    return periksa_predikat(pita) if pita else PREDIKAT_BAWAAN


@fungsi_excel(capaian="Sel atau kolom capaian IKU/NSS/NKO (%).",
              predikat_batas="Opsional: kolom batas bawah (%) setiap predikat, dari yang tertinggi; batas terakhir kosong.",
              predikat_nama="Opsional: kolom nama predikat, sejajar dengan batasnya.")
def STATUS_CAPAIAN(capaian, predikat_batas=None, predikat_nama=None):
    """Status (predikat) capaian menurut tabel predikat; bawaan: >= 100 Memenuhi Ekspektasi, 80 sampai < 100 Belum Memenuhi Ekspektasi, < 80 Tidak Memenuhi Ekspektasi; n/a bila capaian n/a."""
    pita = predikat_sel(predikat_batas, predikat_nama)
    vals, b = ratakan(capaian)
    x, _ = angka(vals, "capaian")
    return bentukkan(np.atleast_1d(status_capaian(x, pita)).tolist(), b)


@fungsi_excel(
    teks="Sel atau kolom berisi angka dalam notasi Indonesia, mis. 1.148.800, 88,46, 2,7 – 3, 3 dari 4, 80%, Rp 21.389.786.184,00.",
    bagian="Opsional: nilai (bawaan; batas bawah untuk rentang), bawah, atas, atau skala.",
)
def NILAI_ANGKA(teks, bagian=None):
    """Membaca angka notasi Indonesia (titik ribuan, koma desimal, rentang, 'x dari y', persen, Rp, tanda * proyeksi). Kosong/n/a menghasilkan n/a; teks salah menghasilkan pesan #."""
    pilihan = str(bagian or "nilai").strip().lower()
    if pilihan not in ("nilai", "bawah", "atas", "skala"):
        raise ValueError(f"bagian '{bagian}' tidak dikenal (nilai, bawah, atas, skala)")
    vals, b = ratakan(teks)
    return bentukkan([_bagian_nilai(v, pilihan) for v in vals], b)


def _bagian_nilai(v: Any, bagian: str) -> Any:
    try:
        n = baca_nilai(v)
    except NotasiError as e:
        return pesan(f"{e.alasan} ('{v}')")
    if not n.tersedia:
        return NA
    x = {"nilai": n.tunggal(), "bawah": n.bawah if n.jenis is Jenis.RENTANG else n.tunggal(),
         "atas": n.atas if n.jenis is Jenis.RENTANG else n.tunggal(), "skala": n.skala}[bagian]
    return NA if x is None else float(x)


@fungsi_excel(
    capaian="Kolom capaian IKU (%). Sel n/a atau pesan # tidak dihitung.",
    kode_ss_iku="Opsional: kolom kode SS setiap IKU (sejajar dengan capaian).",
    kode_ss="Opsional: satu kode SS atau kolom kode SS yang dihitung NSS-nya.",
    batas="Opsional: batas atas NSS (kosong = tanpa batas).",
    bobot_iku="Opsional: kolom bobot setiap IKU dalam SS-nya (sejajar dengan capaian); kosong semua = rata-rata biasa.",
)
def NSS(capaian, kode_ss_iku=None, kode_ss=None, batas=None, bobot_iku=None):
    """Nilai Sasaran Strategis: rata-rata (berbobot bila bobot IKU diisi) capaian IKU dalam satu SS, IKU n/a tidak dihitung. Dengan kode SS: satu NSS per kode."""
    vals, _ = ratakan(capaian)
    x, _ = angka(vals, "capaian")
    cap = satu(batas, "batas", math.inf)
    bobot = _bobot(bobot_iku, len(vals))
    if kode_ss_iku is None or kode_ss is None:
        return sel_nilai(min(agregasi.nilai_per_kelompok(list(x), [""] * len(vals), bobot).get("", math.nan), cap))
    kelompok = teks_daftar(kode_ss_iku, len(vals))
    per = agregasi.nilai_per_kelompok(list(x), kelompok, bobot)
    kode, b = ratakan(kode_ss)
    return bentukkan([sel_nilai(min(per.get(str(k).strip(), math.nan), cap)) for k in kode], b)



@fungsi_excel(
    capaian_iku="Kolom capaian seluruh IKU (%).",
    kode_ss_iku="Kolom kode SS setiap IKU (sejajar dengan capaian).",
    kode_ss="Kolom kode SS pada tabel SS.",
    perspektif_ss="Kolom perspektif setiap SS (sejajar dengan kode SS).",
    metode="rata_nss, rata_perspektif, atau rata_iku (kosong = rata_nss).",
    batas="Batas atas NKO (mis. 100); kosong = tanpa batas.",
    batas_nss="Opsional: batas atas setiap NSS sebelum dikonsolidasi.",
    bobot_iku="Opsional: kolom bobot setiap IKU dalam SS-nya (sejajar dengan capaian).",
    perspektif_bobot="Opsional: kolom nama perspektif pada tabel Bobot Perspektif.",
    bobot_perspektif="Opsional: kolom bobot (%) setiap perspektif (metode rata_perspektif); kosong semua = rata-rata biasa.",
)
def NKO(capaian_iku, kode_ss_iku, kode_ss, perspektif_ss, metode=None, batas=None, batas_nss=None, bobot_iku=None,
        perspektif_bobot=None, bobot_perspektif=None):
    """Nilai Kinerja Organisasi: konsolidasi NSS (atau perspektif berbobot / seluruh IKU) menurut metode, batas dan bobot pada lembar PK."""
    vals, _ = ratakan(capaian_iku)
    x, _ = angka(vals, "capaian")
    ss_iku = teks_daftar(kode_ss_iku, len(vals))
    kode, persp = teks_daftar(kode_ss), teks_daftar(perspektif_ss)
    if len(kode) != len(persp):
        raise ValueError("jumlah kode SS dan perspektif harus sama")
    peta = dict(zip(kode, persp))
    for k in ss_iku:
        peta.setdefault(k, "(tanpa perspektif)")
    m = agregasi.MetodeNKO(str(metode or "rata_nss").strip(), opsional(batas), opsional(batas_nss))
    _, _, h = agregasi.hitung_nko(list(x), ss_iku, peta, m, _bobot(bobot_iku, len(vals)), _bobot_perspektif(perspektif_bobot, bobot_perspektif))
    return sel_nilai(h.nilai)


def _bobot(x: Any, n: int) -> list[float] | None:
    """A weights column parallel to the capaian (None when not given); text that is not a number is refused."""
    if x is None:
        return None
    vals = siarkan(x, n, "bobot")
    w, galat = angka(vals, "bobot")
    salah = next((g for g in galat if g), None)
    if salah or (w < 0).any():
        raise ValueError((salah or "#bobot tidak boleh negatif").lstrip("#"))
    return list(w)


def _bobot_perspektif(nama: Any, bobot: Any) -> dict[str, float] | None:
    """Perspektif -> weight from the Bobot Perspektif table; rows without a name are skipped; no weight at all -> None."""
    if nama is None or bobot is None:
        return None
    n, _ = ratakan(nama)
    w = _bobot(bobot, len(n))
    peta = {str(k).strip(): v for k, v in zip(n, w or []) if str(k or "").strip() and not math.isnan(v)}
    return peta or None


@fungsi_excel(
    konsolidasi="Konsolidasi periode IKU (kolom PK): kumulatif (bawaan), jumlah, rata, atau terakhir. Satu sel atau satu kolom.",
    triwulan="Triwulan yang dihitung: 1-4 (menentukan nilai triwulan mana yang dipakai).",
    realisasi_tw1="Realisasi TW I (nilai triwulan itu sendiri).",
    realisasi_tw2="Opsional: realisasi TW II.",
    realisasi_tw3="Opsional: realisasi TW III.",
    realisasi_tw4="Opsional: realisasi TW IV.",
)
def REALISASI_PERIODE(konsolidasi, triwulan, realisasi_tw1, realisasi_tw2=None, realisasi_tw3=None, realisasi_tw4=None):
    """Realisasi s.d. triwulan menurut konsolidasi periode: kumulatif = nilai triwulan itu, jumlah, rata (triwulan yang terisi), terakhir (triwulan terakhir yang terisi)."""
    k = int(satu(triwulan, "triwulan"))
    if not 1 <= k <= 4:
        raise ValueError(f"triwulan {k} harus 1-4")
    vals, b = ratakan(realisasi_tw1)
    n = len(vals)
    kons = siarkan(konsolidasi, n, "konsolidasi")
    kode = np.asarray(kode_konsolidasi(kons))
    kolom, galat = [], []
    for j, x in enumerate((realisasi_tw1, realisasi_tw2, realisasi_tw3, realisasi_tw4)[:k]):
        r, g = _realisasi_semua(siarkan(x, n, "realisasi"))
        kolom.append(r)
        if g and j < k - 1:                     # an earlier quarter's error only where the konsolidasi reads it
            g = [e if kd != 0 else None for e, kd in zip(g, kode)]
        galat = gabung(galat, g, n)
    x = realisasi_periode(np.column_stack(kolom), kons)
    if (kode == -1).any():
        galat = gabung(galat, [pesan(f"konsolidasi '{kons[i]}' tidak dikenal ({', '.join(KONSOLIDASI)})") if kd == -1 else None
                               for i, kd in enumerate(kode)], n)
    return bentukkan(isi(x, galat), b) if galat or np.isnan(x).any() else bentukkan_angka(x, b)


def _realisasi_semua(vals: list[Any]) -> tuple[np.ndarray, list[str | None]]:
    if set(map(type, vals)) <= JENIS_ANGKA:
        return np.array(vals, dtype=float), []
    hasil = [_realisasi_sel(v) for v in vals]
    return np.array([h[0] for h in hasil], dtype=float), [h[1] for h in hasil]
