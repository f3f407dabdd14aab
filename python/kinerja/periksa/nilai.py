"""Cached formula results against the recomputation: what the sheet shows must be what is published.

The figures are recomputed from the workbook's inputs (:mod:`kinerja.hitung.triwulan`,
:mod:`kinerja.hitung.laporan`); every cached capaian, status, NSS, NKO, calculator link and
history capaian is only compared with them. A stored value that differs is ``nilai-basi``; an
error value (``#NAME?``, what Excel keeps after recalculating without Python, or an xlwings / DLL
message) or a missing one is ``nilai-galat``; a file in which no formula carries a cached value
at all (saved by a library) gets a single ``tanpa-nilai-tersimpan``. The first two are ``galat``: export
refuses unless forced, and then publishes the recomputation. The last is a ``peringatan`` (issue 15 item 7): the
export publishes the recomputation from the inputs anyway, so nothing wrong is published; what is lost is only what
the sheet shows without Python, and ``kinerja susun`` writes it back without Excel.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from ..buku import tata_letak as tl
from ..buku.baca import Posisi
from ..buku.cuplikan import Cuplikan, LembarSel
from ..data.dataset import Dataset
from ..buku.tabel import cari_baris
from ..hitung.laporan import hitung_riwayat
from ..hitung.laporan_anggaran import susun_anggaran
from ..hitung.triwulan import susun_triwulan
from .daftar import GALAT, NOTASI, PERINGATAN, Kumpulan, Sel, aturan
from .umum import angka_pesan

__all__ = ["periksa_nilai", "GALAT_EXCEL", "jenis_tersimpan"]

A_NILAI_BASI = aturan("nilai-basi", GALAT, "TW, Riwayat, anggaran", "Nilai tersimpan sel rumus (capaian, status, NSS, NKO, hasil "
                      "kalkulator, penyerapan, CKK) "
                      "yang berbeda dengan hitung ulang dari masukan: berkas disimpan tanpa menghitung ulang.")
A_NILAI_GALAT = aturan("nilai-galat", GALAT, "TW, Riwayat, anggaran", "Sel rumus yang menyimpan galat Excel (galat nama bila Excel menghitung "
                       "tanpa Python, galat nilai) atau pesan xlwings/DLL, atau tidak menyimpan nilai (lihat PANDUAN).")
A_TANPA_NILAI = aturan("tanpa-nilai-tersimpan", PERINGATAN, "semua", "Tidak satu pun sel rumus menyimpan nilai (berkas disimpan oleh "
                       "program, bukan Excel): angka yang tampil tanpa Python kosong; laporan dan ekspor tetap menghitung ulang dari masukan, "
                       "dan kinerja susun menulis nilainya kembali tanpa Excel.")
GALAT_EXCEL = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!",
               "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!")
"""Excel's error values: a cell that caches one shows no number."""
SARAN = "Buka di Excel dengan Python aktif, tekan Ctrl+Alt+F9, lalu simpan (lihat PANDUAN bila sel menampilkan #NAME?)"


def jenis_tersimpan(x: Any) -> str:
    """What a cached formula result is: ``angka``, ``na`` (n/a or one of our #-messages), ``teks``, ``galat`` or ``kosong``."""
    if x is None:
        return "kosong"
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        return "angka" if not math.isnan(x) else "na"
    s = str(x).strip()
    if s in GALAT_EXCEL or s.upper().startswith("#N/A") and s != "n/a":
        return "galat"
    if s == "n/a" or s.startswith("#"):
        return "na"
    return "teks"


def periksa_nilai(k: Kumpulan, c: Cuplikan, ds: Dataset, pos: Posisi, tw: int | None) -> None:
    """Compare the cached results of TW ``tw`` (or every TW) and of Riwayat with the recomputation.

    Run after the other rules: while an input cannot be read (a ``notasi`` finding), the
    recomputation is n/a where the sheet computed around it, so only error values are reported
    (each bad cell once; export refuses on the notasi galat anyway).
    """
    p = _Pembanding(k, basi=not any(t.aturan == NOTASI.nama for t in k.temuan.values()))
    if not any(v.ada_nilai_tersimpan() for v in c.lembar.values()):
        lembar = tl.LEMBAR_TW[(tw or 4) - 1]
        r = min((r for (j, _), r in pos.tw.items() if j == (tw or 4) - 1), default=tl.TW_BARIS0)
        k.tambah(A_TANPA_NILAI, (lembar, r, tl.TW_CAPAIAN), "tidak ada sel rumus yang menyimpan nilai (berkas tidak disimpan oleh "
                 "Excel); sel rumus tampil kosong tanpa Python, tetapi laporan dan ekspor tetap menghitung ulang dari masukan",
                 f"Tanpa Excel: kinerja susun {c.nama_berkas} --keluar BARU.xlsm (menulis nilai setiap rumus); atau buka di "
                 "Excel dengan Python aktif, hitung ulang (Ctrl+Alt+F9), simpan")
        return
    for t in ([tw] if tw else [1, 2, 3, 4]):
        if tl.LEMBAR_TW[t - 1] in c.lembar:
            _triwulan(p, c.lembar[tl.LEMBAR_TW[t - 1]], ds, pos, t)
    if ds.anggaran is not None and tl.REALISASI in c.lembar:
        _anggaran(p, c, ds, pos)
    if tl.RIWAYAT in c.lembar:
        v = c.lembar[tl.RIWAYAT]
        for h, r in zip(hitung_riwayat(ds), pos.riwayat):
            p.angka(v, (tl.RIWAYAT, r, tl.RW_CAPAIAN), h.capaian, f"Riwayat {h.kode} {h.tahun}, capaian")


def _triwulan(p: "_Pembanding", v: LembarSel, ds: Dataset, pos: Posisi, tw: int) -> None:
    nama, i = tl.LEMBAR_TW[tw - 1], tw - 1
    lap = susun_triwulan(ds, tw)
    for iku, b in zip(ds.iku, lap.iku):
        r = pos.tw.get((i, iku.kode))
        if r is None:
            continue
        p.angka(v, (nama, r, tl.TW_SD), b.hasil.realisasi, f"IKU {iku.kode}, realisasi s.d. {nama}")
        p.angka(v, (nama, r, tl.TW_CAPAIAN), b.hasil.capaian, f"IKU {iku.kode}, capaian")
        p.teks(v, (nama, r, tl.TW_STATUS), b.hasil.status, f"IKU {iku.kode}, status")
        if v.f(r, tl.TW_REALISASI) is not None and b.dihitung:          # TW IV: the link to the calculator's result
            p.angka(v, (nama, r, tl.TW_REALISASI), b.realisasi, f"IKU {iku.kode}, realisasi (hasil kalkulator)")
    if i not in pos.tw_blok:                       # no NSS/NKO block: the reader reported it (struktur)
        return
    nss = {s.kode: s for s in lap.nss}
    baris_nss, baris_nko = pos.tw_blok[i]
    for j, (s, r) in enumerate(zip(ds.ss, baris_nss)):
        p.teks(v, (nama, r, tl.TW_NSS_KODE), s.kode, f"NSS, kode SS ke-{j + 1}")
        x = nss[s.kode] if s.kode in nss else None
        p.angka(v, (nama, r, tl.TW_CAPAIAN), x.nilai if x else math.nan, f"NSS {s.kode}")
        p.teks(v, (nama, r, tl.TW_STATUS), x.status if x else "n/a", f"NSS {s.kode}, status")
    p.angka(v, (nama, baris_nko[0], tl.TW_CAPAIAN), lap.nko.nilai, tl.NKO_LABEL[0])
    p.teks(v, (nama, baris_nko[0], tl.TW_STATUS), lap.nko.status, "NKO, status")
    p.angka(v, (nama, baris_nko[1], tl.TW_CAPAIAN), lap.nko.tanpa_batas, tl.NKO_LABEL[1])


def _anggaran(p: "_Pembanding", c: Cuplikan, ds: Dataset, pos: Posisi) -> None:
    """The finance results the budget report publishes: penyerapan per kegiatan and in total, CKK per keluaran and in total."""
    ang = susun_anggaran(ds)
    rl = c.lembar[tl.REALISASI]
    for keg in ang.kegiatan:
        r = pos.anggaran.get(("realisasi", keg.kode))
        if r is not None:
            p.angka(rl, (tl.REALISASI, r, tl.RL_PENYERAPAN), keg.penyerapan, f"Penyerapan kegiatan {keg.kode}")
    r = cari_baris(rl, tl.RL_KODE, tl.TOTAL_REALISASI, tl.KEG_BARIS0)
    if r is not None:
        p.angka(rl, (tl.REALISASI, r, tl.RL_PENYERAPAN), ang.total.penyerapan, "Penyerapan total")
    kl = c.lembar.get(tl.KELUARAN)
    if kl is None:
        return
    for i, x in enumerate(ang.ckk_kegiatan):
        r = pos.anggaran.get(("keluaran", i))
        if r is not None:
            p.angka(kl, (tl.KELUARAN, r, tl.KL_CKK), x, f"CKK keluaran {i + 1}")
    r = cari_baris(kl, tl.KL_KEGIATAN, tl.TOTAL, tl.KEG_BARIS0)
    if r is not None:
        p.angka(kl, (tl.KELUARAN, r, tl.KL_CKK), ang.ckk, "CKK total")


def _tampil(x: float) -> str:
    return "n/a" if math.isnan(x) else angka_pesan(x)


@dataclass
class _Pembanding:
    """Compares cached cells with the recomputation into ``k``; ``basi`` off while an input is unreadable (then
    only error and missing values are findings)."""

    k: Kumpulan
    basi: bool

    def angka(self, v: LembarSel, sel: Sel, x: float, apa: str) -> None:
        """A numeric result: the cached value must be the recomputed number (or n/a where it is n/a)."""
        _, r, c = sel
        if v.f(r, c) is None:                       # a typed value in a formula cell: the rumus-tertimpa rule says so
            return
        tersimpan = v.v(r, c)
        jenis = jenis_tersimpan(tersimpan)
        if jenis in ("galat", "kosong", "teks"):
            self.k.tambah(A_NILAI_GALAT, sel, f"{apa}: sel menyimpan {repr(tersimpan) if jenis != 'kosong' else 'tidak ada nilai'}; hitung ulang "
                     f"= {_tampil(x)}", SARAN)
        elif not self.basi:
            return
        elif jenis == "na" and not math.isnan(x):
            self.k.tambah(A_NILAI_BASI, sel, f"{apa}: tersimpan '{tersimpan}', hitung ulang = {_tampil(x)}", SARAN)
        elif jenis == "angka" and (math.isnan(x) or not math.isclose(float(tersimpan), x, rel_tol=1e-6, abs_tol=1e-6)):
            self.k.tambah(A_NILAI_BASI, sel, f"{apa}: tersimpan {angka_pesan(float(tersimpan))}, hitung ulang = {_tampil(x)}", SARAN)

    def teks(self, v: LembarSel, sel: Sel, x: str, apa: str) -> None:
        """A text result (status): the cached text must be the recomputed one."""
        _, r, c = sel
        if v.f(r, c) is None:
            return
        tersimpan = v.v(r, c)
        if jenis_tersimpan(tersimpan) in ("galat", "kosong"):
            self.k.tambah(A_NILAI_GALAT, sel, f"{apa}: sel menyimpan {repr(tersimpan) if tersimpan is not None else 'tidak ada nilai'}; "
                     f"hitung ulang = '{x}'", SARAN)
        elif self.basi and str(tersimpan).strip() != x:
            self.k.tambah(A_NILAI_BASI, sel, f"{apa}: tersimpan '{tersimpan}', hitung ulang = '{x}'", SARAN)
