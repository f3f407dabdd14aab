"""Rules of the finance sheets: revisions that chain, kegiatan pagu summing to the current pagu,
realisasi within pagu, RPD summing to the pagu, monthly realisasi matching the year, no negative amounts."""
from __future__ import annotations

import math
from typing import Any

from ..buku import tata_letak as tl
from ..buku.baca import Posisi
from ..buku.cuplikan import Cuplikan
from ..data.dataset import Dataset
from ..data.notasi import angka_atau_nan
from .daftar import GALAT, PERINGATAN, Kumpulan, aturan
from .umum import rp, uang

__all__ = ["periksa_anggaran"]

A_REVISI_PAGU = aturan("revisi-pagu", GALAT, tl.PAGU, "Revisi pagu yang tidak berangkat dari pagu hasil revisi sebelumnya.")
A_PAGU_TIDAK_BERJUMLAH = aturan("pagu-tidak-berjumlah", GALAT, tl.PAGU, "Pagu per kegiatan yang tidak berjumlah sama dengan pagu terkini.")
A_REALISASI_MELEBIHI_PAGU = aturan("realisasi-melebihi-pagu", GALAT, tl.REALISASI, "Realisasi kegiatan di atas pagunya.")
A_RPD_TIDAK_SAMA_PAGU = aturan("rpd-tidak-sama-pagu", GALAT, tl.REALISASI, "RPD bulanan (halaman III DIPA) yang tidak berjumlah sama "
                               "dengan pagu kegiatan.")
A_REALISASI_BULANAN_BERBEDA = aturan("realisasi-bulanan-berbeda", PERINGATAN, tl.REALISASI, "Realisasi bulanan (12 bulan terisi) yang "
                                     "berjumlah lain daripada realisasi tahunan.")


def periksa_anggaran(k: Kumpulan, c: Cuplikan, ds: Dataset, pos: Posisi) -> None:
    """Finance rules: revisions chain, kegiatan pagu sum to the current pagu, realisasi within pagu,
    RPD sums to the pagu, no negative amounts, readable amounts."""
    a = ds.anggaran
    if a is None or tl.PAGU not in c.lembar:
        return
    sesudah_lalu = math.nan
    for i, rev in enumerate(a.pagu_revisi):
        r = pos.anggaran[("revisi", i)]
        seb = uang(k, (tl.PAGU, r, tl.REV_SEBELUM), rev.sebelum, f"Revisi pagu '{rev.tahap}', pagu sebelum")
        ses = uang(k, (tl.PAGU, r, tl.REV_SESUDAH), rev.nilai, f"Revisi pagu '{rev.tahap}', pagu sesudah")
        if i > 0 and not math.isnan(sesudah_lalu) and (math.isnan(seb) or abs(seb - sesudah_lalu) > 0.5):
            k.tambah(A_REVISI_PAGU, (tl.PAGU, r, tl.REV_SEBELUM), f"Revisi pagu '{rev.tahap}' berangkat dari "
                     f"{rp(seb) if not math.isnan(seb) else 'kosong'}, "
                     f"padahal pagu sesudah revisi sebelumnya {rp(sesudah_lalu)}", "Isi Pagu sebelum sesuai pagu hasil revisi sebelumnya "
                     "(atau tambahkan revisi yang terlewat)")
        sesudah_lalu = ses
    jumlah = 0.0
    for keg in a.kegiatan:
        r = pos.anggaran.get(("pagu", keg.kode))
        if r is not None:
            jumlah += uang(k, (tl.PAGU, r, tl.PK_KEG_PAGU), keg.pagu, f"Pagu kegiatan {keg.kode}")
    r_j = pos.anggaran.get(("pagu_jumlah",))
    if r_j is not None and not math.isnan(jumlah) and not math.isnan(sesudah_lalu) and abs(jumlah - sesudah_lalu) > 0.5:
        k.tambah(A_PAGU_TIDAK_BERJUMLAH, (tl.PAGU, r_j, tl.PK_KEG_PAGU), f"Jumlah pagu kegiatan {rp(jumlah)} tidak sama dengan pagu terkini "
                 f"{rp(sesudah_lalu)} "
                 f"(selisih {rp(jumlah - sesudah_lalu)})", "Sesuaikan pagu per kegiatan dengan revisi pagu terakhir")
    for keg in a.kegiatan:
        _kegiatan(k, keg, pos)
    for i, o in enumerate(a.keluaran):
        r = pos.anggaran[("keluaran", i)]
        for col, x, apa in ((tl.KL_TVK, o.tvk, "TVK"), (tl.KL_RVK, o.rvk, "RVK"), (tl.KL_TIKK, (list(o.tikk) or [None])[0], "TIKK"),
                            (tl.KL_RIKK, (list(o.rikk) or [None])[0], "RIKK")):
            uang(k, (tl.KELUARAN, r, col), x, f"Keluaran {i + 1}, {apa}")
    for i, o in enumerate(a.efisiensi):
        r = pos.anggaran[("efisiensi", i)]
        for col, x, apa in ((tl.EF_PAGU, o.pagu, "pagu (PAK)"), (tl.EF_CK, o.ck, "capaian keluaran (CK)"),
                            (tl.EF_REALISASI, o.realisasi, "realisasi (RAK)")):
            uang(k, (tl.EFISIENSI, r, col), x, f"Efisiensi keluaran {i + 1}, {apa}")


def _kegiatan(k: Kumpulan, keg: Any, pos: Posisi) -> None:
    """One kegiatan: realisasi within pagu, its RPD summing to the pagu, its months matching the year."""
    pagu = angka_atau_nan(keg.pagu)
    r = pos.anggaran.get(("realisasi", keg.kode))
    if r is not None:
        real = uang(k, (tl.REALISASI, r, tl.RL_REALISASI), keg.realisasi, f"Realisasi kegiatan {keg.kode}")
        if not math.isnan(real) and not math.isnan(pagu) and real > pagu + 0.5:
            k.tambah(A_REALISASI_MELEBIHI_PAGU, (tl.REALISASI, r, tl.RL_REALISASI),
                     f"Realisasi kegiatan {keg.kode} {rp(real)} melebihi pagu {rp(pagu)}",
                     "Periksa realisasi (SP2D) atau pagu kegiatan pada lembar Pagu")
    for jenis, isi in (("bulan", keg.realisasi_bulanan), ("rpd", keg.rpd_bulanan)):
        rb = pos.anggaran.get((jenis, keg.kode))
        if rb is None:
            continue
        nilai = [uang(k, (tl.REALISASI, rb, tl.BULAN_KOLOM0 + m), x, f"{'Realisasi' if jenis == 'bulan' else 'RPD'} {keg.kode} bulan {m + 1}")
                 for m, x in enumerate((list(isi) + [None] * 12)[:12])]
        ada = [x for x in nilai if not math.isnan(x)]
        if jenis == "rpd" and ada and not math.isnan(pagu) and abs(sum(ada) - pagu) > 0.5:
            k.tambah(A_RPD_TIDAK_SAMA_PAGU, (tl.REALISASI, rb, tl.BULAN_JUMLAH), f"RPD kegiatan {keg.kode} berjumlah {rp(sum(ada))}, tidak sama "
                     f"dengan pagu {rp(pagu)}",
                     "RPD (halaman III DIPA) setahun harus berjumlah sama dengan pagu kegiatan")
        real = angka_atau_nan(keg.realisasi)
        if jenis == "bulan" and len(ada) == 12 and not math.isnan(real) and abs(sum(ada) - real) > 0.5:
            k.tambah(A_REALISASI_BULANAN_BERBEDA, (tl.REALISASI, rb, tl.BULAN_JUMLAH), f"Realisasi bulanan {keg.kode} berjumlah {rp(sum(ada))}, "
                     "berbeda dengan realisasi "
                     f"tahunan {rp(real)}", "Samakan realisasi bulanan dengan realisasi tahunan (SP2D)")
