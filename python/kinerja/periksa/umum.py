"""What every concern's rules share: reading a cell (an unreadable text is a ``notasi`` finding),
numbers in messages, and the rules that apply on several sheets (negative counts and amounts,
magnitudes that do not fit the unit, indices outside their scale).
"""
from __future__ import annotations

import math
from typing import Any

from ..aturan.pembulatan import bulat
from ..data.dataset import IKU
from ..data.notasi import Nilai, NotasiError, baca_nilai, tulis_angka
from .daftar import GALAT, NOTASI, PERINGATAN, Kumpulan, Sel, aturan

__all__ = ["satuan_bertentangan", "A_SATUAN_BERTENTANGAN", "angka_pesan", "teks_angka", "baca_sel", "besaran", "rp", "uang",
           "A_ANGKA_NEGATIF", "A_BESARAN_SATUAN", "A_NOTASI", "SATUAN_CACAH"]

A_ANGKA_NEGATIF = aturan("angka-negatif", GALAT, "PK, TW, Rincian, anggaran", "Jumlah yang tidak mungkin negatif: target dan "
                         "realisasi IKU bersatuan cacah (orang, dokumen, kegiatan, ...), masukan cacah pada Rincian, dan setiap jumlah rupiah.")
A_BESARAN_SATUAN = aturan("besaran-satuan", PERINGATAN, "PK, TW, Riwayat", "Angka yang besarnya tidak cocok dengan satuan IKU "
                          "(mis. -301.087 orang pada IKU bersatuan Juta Orang, atau persen di atas 1.000).")
A_DI_LUAR_SKALA = aturan("di-luar-skala", GALAT, "TW, Riwayat", "Realisasi indeks di luar skala targetnya (mis. di luar 0-4 untuk "
                         "target '3 dari 4').")
A_SATUAN_BERTENTANGAN = aturan("satuan-bertentangan", PERINGATAN, "PK, TW", "Satuan yang ditulis pada angka bertentangan dengan "
                               "satuan IKU (mis. '537 T' atau '80%' pada IKU bersatuan Orang).")
A_NOTASI = NOTASI
BESARAN = {"t": "triliun", "triliun": "triliun", "m": "miliar", "miliar": "miliar", "jt": "juta", "juta": "juta", "rb": "ribu",
           "ribu": "ribu"}
"""Magnitude words a value may carry after its number, by the word an IKU's satuan must then contain."""
SATUAN_CACAH = {"orang", "jiwa", "unit", "dokumen", "kegiatan", "laporan", "rekomendasi", "kali", "buah", "paket", "k/l"}
"""Units of counts: a negative value is impossible."""


def angka_pesan(x: float) -> str:
    """A number in a message, Indonesian notation, at most 2 decimals (the IKU codes stay '1.2')."""
    return tulis_angka(bulat(x, 2)) if abs(x) < 1e15 else f"{x:g}"


def teks_angka(x: Any) -> str:
    """A cell value for a message: numbers in Indonesian notation, text as typed."""
    return tulis_angka(x) if isinstance(x, (int, float)) and not isinstance(x, bool) else str(x)


def baca_sel(k: Kumpulan, sel: Sel, x: Any, kolom: str) -> Nilai | None:
    """Parse a cell; an unreadable text becomes a 'notasi' finding quoting it."""
    try:
        return baca_nilai(x)
    except NotasiError as e:
        k.tambah(A_NOTASI, sel, f"{kolom}: teks '{x}' tidak dapat dibaca ({e.alasan})",
                 "Tulis angka dengan titik untuk ribuan dan koma untuk desimal, mis. 1.148.800 atau 88,46")
        return None


def besaran(k: Kumpulan, sel: Sel, x: float, iku: IKU, apa: str, skala: float | None = None) -> None:
    """A number whose magnitude does not fit the IKU's unit (-301.087 persons in a 'Juta Orang' IKU)."""
    satuan = iku.satuan.lower()
    if math.isnan(x):
        return
    if skala is not None and (x > skala or x < 0):
        k.tambah(A_DI_LUAR_SKALA, sel, f"IKU {iku.kode}: {apa} {angka_pesan(x)} di luar skala 0-{angka_pesan(skala)}", f"Isi indeks antara 0 dan {angka_pesan(skala)}")
        return
    for kata, batas, contoh in (("juta", 1e4, "juta"), ("triliun", 1e6, "triliun"), ("miliar", 1e6, "miliar")):
        if kata in satuan and abs(x) >= batas:
            faktor = {"juta": 1e6, "triliun": 1e12, "miliar": 1e9}[kata]
            k.tambah(A_BESARAN_SATUAN, sel, f"IKU {iku.kode}: {apa} {angka_pesan(x)} terlalu besar untuk satuan '{iku.satuan}' "
                     "(kemungkinan ditulis dalam satuan dasar)", f"Tulis dalam {contoh}: {tulis_angka(x / faktor)}")
            return
    if abs(x) >= 1e15:
        k.tambah(A_BESARAN_SATUAN, sel, f"IKU {iku.kode}: {apa} {angka_pesan(x)} tidak wajar untuk satuan '{iku.satuan}'",
                 "Periksa angka dan satuannya")
        return
    if satuan.strip() in ("%", "persen", "persentase") and abs(x) > 1000:
        k.tambah(A_BESARAN_SATUAN, sel, f"IKU {iku.kode}: {apa} {angka_pesan(x)}% tidak wajar", "Periksa angka dan satuannya")


def rp(x: float) -> str:
    return "Rp " + tulis_angka(bulat(x, 0))


def uang(k: Kumpulan, sel: Sel, x: Any, apa: str) -> float:
    """An amount cell: readable (else 'notasi'), not negative (else 'angka-negatif'); NaN when empty."""
    n = baca_sel(k, sel, x, apa)
    if n is None or not n.tersedia:
        return math.nan
    v = n.tunggal()
    if v < 0:
        k.tambah(A_ANGKA_NEGATIF, sel, f"{apa}: jumlah {rp(v)} negatif", "Jumlah rupiah tidak boleh negatif; periksa angka")
    return v


def satuan_bertentangan(k: Kumpulan, sel: Sel, n: Nilai, iku: IKU, apa: str) -> None:
    """A value whose written unit contradicts the IKU's satuan: a magnitude it lacks, or a percent in a non-percent IKU."""
    satuan = iku.satuan.lower()
    kata_iku = set(satuan.replace("%", " % ").split())
    salah = []
    for w in n.satuan.lower().split():
        if w in BESARAN:
            if BESARAN[w] not in satuan:
                salah.append(w)
        elif w in ("persen", "persentase"):
            if not kata_iku & {"%", "persen", "persentase"}:
                salah.append(w)
        elif w not in kata_iku:                     # a noun the IKU does not count ('kegiatan' in an 'Orang' IKU)
            salah.append(w)
    if n.persen and not kata_iku & {"%", "persen", "persentase"}:
        salah.append("%")
    if salah:
        k.tambah(A_SATUAN_BERTENTANGAN, sel, f"IKU {iku.kode}: {apa} '{n.teks}' ditulis dengan '{' '.join(salah)}', padahal satuan IKU "
                 f"'{iku.satuan}'", f"Tulis angka dalam satuan IKU ({iku.satuan}) tanpa '{' '.join(salah)}', atau perbaiki satuan IKU pada PK")
