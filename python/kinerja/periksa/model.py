"""Rules of the wider model's settings on PK (RUMUS section 10): konsolidasi periode, range rule, weights, predicate bands."""
from __future__ import annotations

import math
from collections import defaultdict

from ..aturan.capaian import ATURAN_RENTANG, periksa_predikat
from ..aturan.periode import KONSOLIDASI, kode_konsolidasi
from ..buku import tata_letak as tl
from ..buku.baca import Posisi
from ..data.dataset import Dataset
from ..data.notasi import angka_atau_nan
from .daftar import GALAT, Kumpulan, aturan
from .umum import angka_pesan

__all__ = ["periksa_model"]

A_KONSOLIDASI = aturan("konsolidasi", GALAT, tl.PK, "Konsolidasi periode IKU bukan kumulatif, jumlah, rata atau terakhir.")
A_ATURAN_RENTANG = aturan("aturan-rentang", GALAT, tl.PK, "Aturan Rentang bukan bawah atau posisi.")
A_BOBOT = aturan("bobot", GALAT, tl.PK, "Bobot IKU dalam satu SS, atau bobot perspektif, yang bukan angka tidak negatif atau "
                 "jumlahnya bukan 100; perspektif berbobot yang tidak ada pada tabel SS.")
A_PREDIKAT = aturan("predikat", GALAT, tl.PK, "Tabel Predikat Capaian yang tidak dapat dipakai: nama kosong, batas tidak menurun, "
                    "batas kosong selain pada baris terakhir, atau warna di luar pilihan.")


def periksa_model(k: Kumpulan, ds: Dataset, pos: Posisi) -> None:
    """Konsolidasi per IKU, Aturan Rentang, IKU and perspektif weights, predicate bands."""
    kol = lambda kunci: pos.iku_kolom.get(tl.PK_KOLOM[kunci], kunci)  # noqa: E731
    for i in ds.iku:
        if kode_konsolidasi(i.konsolidasi) == -1 and i.kode in pos.iku:
            k.tambah(A_KONSOLIDASI, (tl.PK, pos.iku[i.kode], kol(tl.K_KONSOLIDASI)), f"IKU {i.kode}: konsolidasi periode "
                     f"'{i.konsolidasi}' tidak dikenal", f"Pilih salah satu: {', '.join(KONSOLIDASI)}")
    rentang = str(ds.pengaturan.aturan_rentang or "bawah").strip().lower()
    if rentang not in ATURAN_RENTANG and tl.N_ATURAN_RENTANG in pos.pengaturan:
        k.tambah(A_ATURAN_RENTANG, pos.pengaturan[tl.N_ATURAN_RENTANG], f"Aturan Rentang '{ds.pengaturan.aturan_rentang}' tidak dikenal",
                 "Pilih bawah (2024) atau posisi (PermenPAN-RB)")
    _bobot_iku(k, ds, pos, kol(tl.K_BOBOT))
    _bobot_perspektif(k, ds, pos)
    _predikat(k, ds, pos)


def _bobot_iku(k: Kumpulan, ds: Dataset, pos: Posisi, kol: int) -> None:
    per_ss: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for i in ds.iku:
        x = angka_atau_nan(i.bobot)
        if i.bobot not in (None, "") and (math.isnan(x) or x < 0):
            k.tambah(A_BOBOT, (tl.PK, pos.iku.get(i.kode, 0), kol), f"IKU {i.kode}: bobot '{i.bobot}' bukan angka tidak negatif",
                     "Tulis bobot dalam persen (mis. 25), atau kosongkan semua bobot SS itu")
            continue
        per_ss[i.ss].append((i.kode, x))
    for ss, daftar in per_ss.items():
        ada = [b for _, b in daftar if not math.isnan(b)]
        if ada and not math.isclose(sum(ada), 100, abs_tol=1e-6):
            kode = next(kd for kd, b in daftar if not math.isnan(b))
            kosong = [kd for kd, b in daftar if math.isnan(b)]
            k.tambah(A_BOBOT, (tl.PK, pos.iku.get(kode, 0), kol), f"bobot IKU dalam {ss} berjumlah {angka_pesan(sum(ada))}, bukan 100"
                     + (f" (tanpa bobot: {', '.join(kosong)})" if kosong else ""),
                     "Isi bobot setiap IKU SS itu sehingga jumlahnya 100, atau kosongkan semuanya (rata-rata biasa)")


def _bobot_perspektif(k: Kumpulan, ds: Dataset, pos: Posisi) -> None:
    isi = list(zip(ds.pengaturan.bobot_perspektif, pos.bobot))
    if not isi:
        return
    dikenal = {s.perspektif for s in ds.ss}
    total = 0.0
    for (nama, b), r in isi:
        x = angka_atau_nan(b)
        if math.isnan(x) or x < 0:
            k.tambah(A_BOBOT, (tl.PK, r, tl.BOBOT_NILAI), f"bobot perspektif '{nama}' = '{b}' bukan angka tidak negatif",
                     "Tulis bobot dalam persen (mis. 40)")
            return
        if nama not in dikenal:
            k.tambah(A_BOBOT, (tl.PK, r, tl.BOBOT_PERSPEKTIF), f"perspektif '{nama}' tidak ada pada tabel Sasaran Strategis",
                     f"Tulis nama perspektif persis seperti tabel SS: {', '.join(sorted(dikenal))}")
        total += x
    if not math.isclose(total, 100, abs_tol=1e-6):
        k.tambah(A_BOBOT, (tl.PK, isi[0][1], tl.BOBOT_NILAI), f"bobot perspektif berjumlah {angka_pesan(total)}, bukan 100",
                 "Sesuaikan bobot sehingga jumlahnya 100, atau kosongkan semuanya (rata-rata biasa)")


def _predikat(k: Kumpulan, ds: Dataset, pos: Posisi) -> None:
    if not ds.pengaturan.predikat or not pos.predikat:
        return
    pita = [(None if b in (None, "") else angka_atau_nan(b), n, w) for b, n, w in ds.pengaturan.predikat]
    try:
        periksa_predikat(pita)
    except ValueError as e:
        k.tambah(A_PREDIKAT, (tl.PK, pos.predikat[0], tl.PREDIKAT_BATAS), f"tabel Predikat Capaian: {e}",
                 "Perbaiki tabel: dari batas tertinggi ke terendah, baris terakhir tanpa batas, warna dari daftar pilihan")
