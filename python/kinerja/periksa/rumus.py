"""The rule on formula cells: a grey cell whose formula was overwritten by a typed value."""
from __future__ import annotations

from ..buku import tata_letak as tl
from ..buku.baca import Posisi
from ..buku.cuplikan import Cuplikan
from ..data.dataset import Dataset
from .daftar import GALAT, PERINGATAN, Kumpulan, Sel, aturan

__all__ = ["periksa_rumus"]

RUMUS_ANGGARAN = {"realisasi": (tl.REALISASI, (tl.RL_KODE, tl.RL_NAMA, tl.RL_PAGU, tl.RL_PENYERAPAN)), "keluaran": (tl.KELUARAN, (tl.KL_CKK,)),
                  "efisiensi": (tl.EFISIENSI, (tl.EF_PAKCK, tl.EF_SISA)), "revisi": (tl.PAGU, (tl.REV_PERUBAHAN,))}
"""Formula columns of the finance rows the reader found: row kind -> (sheet, columns)."""

A_RUMUS_TERTIMPA = aturan("rumus-tertimpa", GALAT, "semua", "Sel rumus (abu-abu) yang tertimpa angka atau teks; peringatan saja bila "
                          "yang tertimpa adalah realisasi TW IV yang mengambil hasil kalkulator Rincian.", tingkat_lain=PERINGATAN)


def periksa_rumus(k: Kumpulan, c: Cuplikan, ds: Dataset, pos: Posisi, triwulan: list[int]) -> None:
    """Cells that must hold a formula but hold a typed value (TW rules only on the TWs ``triwulan``, 0-3)."""
    harus: list[tuple[Sel, str, str]] = []
    kal = {i.kode: i for i in ds.iku}
    for kode, r in pos.iku_baris:
        harus.append(((tl.PK, r, pos.iku_kolom.get(tl.PK_KOLOM[tl.K_TARGET_ANGKA], tl.K_TARGET_ANGKA)), GALAT, f"Target (angka) IKU {kode}"))
    for i in triwulan:
        nama = tl.LEMBAR_TW[i]
        for (j, kode), r in pos.tw.items():
            if j != i:
                continue
            for col, apa in ((tl.TW_SS, "Kode SS"), (tl.TW_POL, "Polarisasi"), (tl.TW_TARGET, "Target"),
                             (tl.TW_SD, "Realisasi s.d. TW"), (tl.TW_CAPAIAN, "Capaian"),
                             (tl.TW_STATUS, "Status")):
                harus.append(((nama, r, col), GALAT, f"{apa} IKU {kode}"))
            iku = kal.get(kode)
            if i == 3 and iku is not None and _pk_kalkulator(c, pos, kode):
                harus.append(((nama, r, tl.TW_REALISASI), PERINGATAN, f"Realisasi IKU {kode} (hasil kalkulator di lembar Rincian)"))
        if i in pos.tw_blok:
            baris_nss, baris_nko = pos.tw_blok[i]
            for s, r in zip(ds.ss, baris_nss):
                harus += [((nama, r, kol), GALAT, f"NSS {s.kode} ({nama})") for kol in (tl.TW_NSS_KODE, tl.TW_CAPAIAN, tl.TW_STATUS)]
            harus += [((nama, r, tl.TW_CAPAIAN), GALAT, f"{label} ({nama})") for r, label in zip(baris_nko, tl.NKO_LABEL)]
    for (penanda, kunci), (r, _) in pos.rincian.items():
        if kunci in tl.KUNCI_HASIL:
            harus.append(((tl.RINCIAN, r, tl.RINCIAN_NILAI0), GALAT, f"{kunci} ({penanda})"))
    for r in pos.riwayat:
        harus.append(((tl.RIWAYAT, r, tl.RW_CAPAIAN), GALAT, f"Capaian Riwayat baris {r + 1}"))
    for kunci, r in pos.anggaran.items():
        kolom = RUMUS_ANGGARAN.get(kunci[0])
        if kolom:
            for col in kolom[1]:
                harus.append(((kolom[0], r, col), GALAT, f"{kolom[0]} {kunci[1]}"))
    for (lembar, r, col), tingkat, apa in harus:
        if lembar not in c.lembar:
            continue
        v = c.lembar[lembar]
        if v.f(r, col) is None and v.v(r, col) not in (None, ""):
            k.tambah(A_RUMUS_TERTIMPA, (lembar, r, col), f"{apa}: sel rumus tertimpa angka/teks '{v.v(r, col)}'",
                     "Kembalikan rumusnya (salin dari baris di atas/bawah, atau bangun ulang workbook); jangan mengetik di sel abu-abu",
                     tingkat=tingkat)


def _pk_kalkulator(c: Cuplikan, pos: Posisi, kode: str) -> bool:
    r = pos.iku.get(kode)
    col = pos.iku_kolom.get(tl.PK_KOLOM[tl.K_KALK])
    return r is not None and col is not None and str(c.lembar[tl.PK].v(r, col) or "").strip() != ""
