"""Read the finance sheets (Pagu, Realisasi, Keluaran, Efisiensi, Anggaran TW) into an :class:`Anggaran`.

Each table runs from its first row in the layout to the marker that ends it ('Pagu terkini', the
'Jumlah pagu kegiatan' row, 'TOTAL', 'Total'); blank rows inside are problems, not the end. The
monthly tables are found by their 'Jan' header.
"""
from __future__ import annotations

from typing import Any

from ..data.dataset import Anggaran, Kegiatan, Keluaran, OutputEfisiensi, RevisiPagu
from . import tata_letak as tl
from .cuplikan import Cuplikan
from .tabel import Masalah, baris_tabel, cari_baris, rujuk, teks

__all__ = ["baca_anggaran"]


def baca_anggaran(c: Cuplikan, tahun: int, pos: dict[tuple, int], masalah: list[Masalah]) -> Anggaran | None:
    """The budget of the finance sheets; None when the workbook has none. ``pos`` gets each row found."""
    if tl.PAGU not in c.lembar or tl.REALISASI not in c.lembar:
        return None
    revisi, pagu = _pagu(c, pos, masalah)
    return Anggaran(tahun, tuple(revisi), tuple(_kegiatan(c, pagu, pos, masalah)), tuple(_keluaran(c, pos, masalah)),
                    tuple(_efisiensi(c, pos, masalah)), {}, _target_tw(c))


def _pagu(c: Cuplikan, pos: dict[tuple, int], masalah: list[Masalah]) -> tuple[list[RevisiPagu], dict[str, Any]]:
    """The revision log (up to 'Pagu terkini') and the pagu per kegiatan (up to its sum row)."""
    pg = c.lembar[tl.PAGU]
    akhir = cari_baris(pg, tl.REV_NO, tl.PAGU_TERKINI, tl.REVISI_BARIS0)
    revisi = []
    kolom = (tl.REV_TAHAP, tl.REV_TW, tl.REV_SEBELUM, tl.REV_SESUDAH, tl.REV_ALASAN)
    for r in baris_tabel(pg, tl.PAGU, tl.REVISI_BARIS0, akhir, tl.REV_TAHAP, kolom, "riwayat revisi pagu", masalah, "tahap"):
        revisi.append(RevisiPagu(teks(pg.v(r, tl.REV_TAHAP)), teks(pg.v(r, tl.REV_TW)), pg.v(r, tl.REV_SESUDAH),
                                 teks(pg.v(r, tl.REV_ALASAN)), pg.v(r, tl.REV_SEBELUM)))
        pos[("revisi", len(revisi) - 1)] = r
    kepala = next((r for r in pg.baris_terisi(akhir or 0) if (teks(pg.v(r, tl.PK_KEG_KODE)), teks(pg.v(r, tl.PK_KEG_PAGU)))
                   == (tl.PAGU_KEGIATAN_KOLOM[tl.PK_KEG_KODE], tl.PAGU_KEGIATAN_KOLOM[tl.PK_KEG_PAGU])), None)
    pagu: dict[str, Any] = {}
    if kepala is None:
        return revisi, pagu
    jumlah = cari_baris(pg, tl.PK_KEG_NAMA, tl.PAGU_JUMLAH, kepala + 1)
    kolom = (tl.PK_KEG_KODE, tl.PK_KEG_NAMA, tl.PK_KEG_PAGU)
    for r in baris_tabel(pg, tl.PAGU, kepala + 1, jumlah, tl.PK_KEG_KODE, kolom, "pagu per kegiatan", masalah):
        pagu[teks(pg.v(r, tl.PK_KEG_KODE))] = pg.v(r, tl.PK_KEG_PAGU)
        pos[("pagu", teks(pg.v(r, tl.PK_KEG_KODE)))] = r
    pos[("pagu_jumlah",)] = jumlah if jumlah is not None else kepala + 1 + len(pagu)
    return revisi, pagu


def _kegiatan(c: Cuplikan, pagu: dict[str, Any], pos: dict[tuple, int], masalah: list[Masalah]) -> list[Kegiatan]:
    """Kegiatan rows of Realisasi (up to TOTAL) with their monthly realisasi and RPD rows."""
    rl = c.lembar[tl.REALISASI]
    akhir = cari_baris(rl, tl.RL_KODE, tl.TOTAL_REALISASI, tl.KEG_BARIS0)
    bulan_kepala = [r for r in rl.baris_terisi() if rl.v(r, tl.BULAN_KOLOM0) == tl.BULAN[0]][:2]
    hasil = []
    kolom = (tl.RL_KODE, tl.RL_NAMA, tl.RL_REALISASI)
    for r in baris_tabel(rl, tl.REALISASI, tl.KEG_BARIS0, akhir, tl.RL_KODE, kolom, "tabel realisasi", masalah):
        kode = teks(rujuk(c, tl.REALISASI, r, tl.RL_KODE))
        pos[("realisasi", kode)] = r
        bulanan: list[tuple[Any, ...]] = [(None,) * 12, (None,) * 12]
        for j, kepala in enumerate(bulan_kepala):
            rb = kepala + 1 + (r - tl.KEG_BARIS0)          # the monthly rows follow the kegiatan rows one to one
            pos[(("bulan", "rpd")[j], kode)] = rb
            bulanan[j] = tuple(rl.v(rb, tl.BULAN_KOLOM0 + m) for m in range(len(tl.BULAN)))
        hasil.append(Kegiatan(kode, teks(rujuk(c, tl.REALISASI, r, tl.RL_NAMA)), pagu.get(kode, rujuk(c, tl.REALISASI, r, tl.RL_PAGU)),
                              rl.v(r, tl.RL_REALISASI),
                              bulanan[0], bulanan[1]))
    return hasil


def _keluaran(c: Cuplikan, pos: dict[tuple, int], masalah: list[Masalah]) -> list[Keluaran]:
    v = c.lembar.get(tl.KELUARAN)
    if v is None:
        return []
    akhir = cari_baris(v, tl.KL_KEGIATAN, tl.TOTAL, tl.KEG_BARIS0)
    hasil = []
    kolom = (tl.KL_KEGIATAN, tl.KL_TVK, tl.KL_RVK, tl.KL_TIKK, tl.KL_RIKK)
    for r in baris_tabel(v, tl.KELUARAN, tl.KEG_BARIS0, akhir, tl.KL_KEGIATAN, kolom, "tabel keluaran", masalah, "nama kegiatan"):
        hasil.append(Keluaran(teks(v.v(r, tl.KL_KEGIATAN)), v.v(r, tl.KL_TVK), v.v(r, tl.KL_RVK), (v.v(r, tl.KL_TIKK),),
                              (v.v(r, tl.KL_RIKK),)))
        pos[("keluaran", len(hasil) - 1)] = r
    return hasil


def _efisiensi(c: Cuplikan, pos: dict[tuple, int], masalah: list[Masalah]) -> list[OutputEfisiensi]:
    v = c.lembar.get(tl.EFISIENSI)
    if v is None:
        return []
    akhir = cari_baris(v, tl.EF_KELUARAN, tl.TOTAL, tl.KEG_BARIS0)
    hasil = []
    kolom = (tl.EF_KELUARAN, tl.EF_PAGU, tl.EF_CK, tl.EF_REALISASI)
    for r in baris_tabel(v, tl.EFISIENSI, tl.KEG_BARIS0, akhir, tl.EF_KELUARAN, kolom, "tabel efisiensi", masalah, "nama keluaran"):
        hasil.append(OutputEfisiensi(teks(v.v(r, tl.EF_KELUARAN)), v.v(r, tl.EF_PAGU), v.v(r, tl.EF_CK), v.v(r, tl.EF_REALISASI)))
        pos[("efisiensi", len(hasil) - 1)] = r
    return hasil


def _target_tw(c: Cuplikan) -> tuple[Any, ...]:
    v = c.lembar.get(tl.ANGGARAN_TW)
    return tuple(v.v(tl.TW_ANGGARAN_TARGET_BARIS, tl.tw_anggaran_kolom(k) + 1) for k in range(4)) if v is not None else (None,) * 4
