"""Rules of the TW I..IV sheets: realisasi present and plausible, cumulative values that do not fall,
and cached capaian that still match a recomputation."""
from __future__ import annotations

from typing import Any

from ..aturan.periode import JUMLAH, KUMULATIF, RATA, kode_konsolidasi
from ..buku import tata_letak as tl
from ..buku.baca import Posisi
from ..buku.cuplikan import Cuplikan
from ..data.dataset import IKU, Dataset
from ..data.notasi import Jenis, NotasiError, baca_nilai
from .daftar import INFO, PERINGATAN, Kumpulan, Sel, aturan
from .umum import A_ANGKA_NEGATIF, A_NOTASI, SATUAN_CACAH, angka_pesan, baca_sel, besaran, satuan_bertentangan

__all__ = ["periksa_tw"]

A_TRIWULAN_KOSONG = aturan("triwulan-kosong", INFO, "TW", "Lembar TW yang semua realisasinya kosong (bila semua TW diperiksa).")
A_REALISASI_KOSONG = aturan("realisasi-kosong", PERINGATAN, "TW", "Realisasi IKU kumulatif kosong sehingga capaian n/a; info saja bila "
                            "alasannya ditulis di kolom Keterangan, atau bila konsolidasi periodenya menghitung dari triwulan lain.",
                            tingkat_lain=INFO)
A_PERIODE_BOLONG = aturan("periode-bolong", PERINGATAN, "TW", "Triwulan kosong sebelum triwulan yang terisi pada IKU berkonsolidasi jumlah "
                          "atau rata (pada terakhir wajar).")
A_KUMULATIF_TURUN = aturan("kumulatif-turun", PERINGATAN, "TW", "Realisasi IKU kumulatif yang lebih kecil daripada TW sebelumnya.")


def periksa_tw(k: Kumpulan, c: Cuplikan, ds: Dataset, pos: Posisi, tw: int | None) -> None:
    """The TW rules on TW ``tw`` (1-4), or on every TW (an empty one gets one ``triwulan-kosong`` info)."""
    for i in ([tw - 1] if tw else range(4)):
        if tw is None and _tw_kosong(c, ds, pos, i):
            r = min(r for (j, _), r in pos.tw.items() if j == i)
            k.tambah(A_TRIWULAN_KOSONG, (tl.LEMBAR_TW[i], r, tl.TW_REALISASI), f"{tl.LEMBAR_TW[i]} belum diisi: semua realisasi kosong",
                     f"Isi realisasi {tl.LEMBAR_TW[i]} bila sudah tersedia (periksa dengan --tw {i + 1})")
            continue
        _triwulan(k, c, ds, pos, i)


def _triwulan(k: Kumpulan, c: Cuplikan, ds: Dataset, pos: Posisi, i: int) -> None:
    nama = tl.LEMBAR_TW[i]
    if nama not in c.lembar:
        return
    v = c.lembar[nama]
    for iku in ds.iku:
        r = pos.tw.get((i, iku.kode))
        if r is None:
            continue
        sel = (nama, r, tl.TW_REALISASI)
        x = v.v(r, tl.TW_REALISASI)
        if v.f(r, tl.TW_REALISASI) is not None and isinstance(x, str) and x.startswith("#"):
            continue                            # a calculator's error: reported at its input on Rincian
        n = baca_sel(k, sel, x, f"IKU {iku.kode}, realisasi {nama}")
        if n is None:
            continue
        if not n.tersedia:
            _kosong(k, c, v, pos, iku, i, r, sel)
            continue
        if n.jenis is Jenis.RENTANG:
            k.tambah(A_NOTASI, sel, f"IKU {iku.kode}: realisasi '{x}' berupa rentang", "Realisasi harus satu angka")
            continue
        nilai = n.tunggal()
        if nilai < 0 and iku.satuan.strip().lower() in SATUAN_CACAH:
            k.tambah(A_ANGKA_NEGATIF, sel, f"IKU {iku.kode}: realisasi {angka_pesan(nilai)} negatif untuk satuan '{iku.satuan}'",
                     "Jumlah tidak mungkin negatif; periksa angka")
            continue
        skala = _skala_target(iku)
        besaran(k, sel, nilai, iku, f"realisasi {nama}", skala)
        satuan_bertentangan(k, sel, n, iku, f"realisasi {nama}")
        if iku.kumulatif and i > 0:
            _kumulatif(k, v, c, pos, iku, i, nilai, sel)


def _kosong(k: Kumpulan, c: Cuplikan, v: Any, pos: Posisi, iku: IKU, i: int, r: int, sel: Sel) -> None:
    """An empty realisasi: n/a under kumulatif; under the other kinds the year-to-date comes from the other quarters,
    and a gap before a later value is a warning under jumlah and rata."""
    nama = tl.LEMBAR_TW[i]
    ada_ket = str(v.v(r, tl.TW_KETERANGAN) or "").strip() != ""
    kode = kode_konsolidasi(iku.konsolidasi)
    if kode == KUMULATIF:
        k.tambah(A_REALISASI_KOSONG, sel, f"IKU {iku.kode}: realisasi {nama} kosong; capaian n/a",
                 "Isi realisasi bila sudah tersedia" + ("" if ada_ket else ", atau tulis alasannya di kolom Keterangan (l.835)"),
                 tingkat=INFO if ada_ket else PERINGATAN)
        return
    sesudah = [j for j in range(i + 1, 4) if _terisi(c, pos, iku.kode, j)]
    if sesudah and kode in (JUMLAH, RATA):
        k.tambah(A_PERIODE_BOLONG, sel, f"IKU {iku.kode} ({iku.konsolidasi}): realisasi {nama} kosong padahal {tl.LEMBAR_TW[sesudah[0]]} "
                 "terisi; realisasi s.d. TW dihitung tanpa triwulan ini", "Isi realisasi triwulan ini (0 bila memang nol)")
    elif not sesudah:
        k.tambah(A_REALISASI_KOSONG, sel, f"IKU {iku.kode}: realisasi {nama} kosong; realisasi s.d. TW dihitung dari triwulan yang terisi "
                 f"({iku.konsolidasi})", "Isi realisasi bila sudah tersedia", tingkat=INFO)


def _terisi(c: Cuplikan, pos: Posisi, kode: str, j: int) -> bool:
    r = pos.tw.get((j, kode))
    v = c.lembar.get(tl.LEMBAR_TW[j])
    return r is not None and v is not None and (v.v(r, tl.TW_REALISASI) not in (None, "") or v.f(r, tl.TW_REALISASI) is not None)


def _tw_kosong(c: Cuplikan, ds: Dataset, pos: Posisi, i: int) -> bool:
    baris = [r for (j, _), r in pos.tw.items() if j == i]
    v = c.lembar.get(tl.LEMBAR_TW[i])
    return bool(baris) and v is not None and all(v.v(r, tl.TW_REALISASI) in (None, "") for r in baris)


def _skala_target(iku: IKU) -> float | None:
    try:
        t = baca_nilai(iku.target)
    except NotasiError:
        return None
    return t.skala if t.jenis is Jenis.SKALA else None


def _kumulatif(k: Kumpulan, v: Any, c: Cuplikan, pos: Posisi, iku: IKU, i: int, nilai: float, sel: Sel) -> None:
    for j in range(i - 1, -1, -1):
        r = pos.tw.get((j, iku.kode))
        if r is None or tl.LEMBAR_TW[j] not in c.lembar:
            continue
        try:
            sebelum = baca_nilai(c.lembar[tl.LEMBAR_TW[j]].v(r, tl.TW_REALISASI))
        except NotasiError:
            return
        if sebelum.tersedia:
            if nilai < sebelum.tunggal():
                k.tambah(A_KUMULATIF_TURUN, sel, f"IKU {iku.kode} bersifat kumulatif tetapi realisasi {tl.LEMBAR_TW[i]} ({angka_pesan(nilai)}) lebih kecil "
                         f"dari {tl.LEMBAR_TW[j]} ({angka_pesan(sebelum.tunggal())})",
                         "Realisasi kumulatif tidak boleh turun; periksa angka atau kolom Kumulatif pada PK")
            return
