"""The budget realisation report (``kinerja anggaran``): pagu history, realisasi and penyerapan
per kegiatan and in total, the quarter view, CKK, efisiensi and KPA (report l.2810-2897).

Monthly realisasi and RPD are inputs the 2024 report does not publish: every figure that needs
them is n/a with a reason, never 0. The realisasi up to TW IV falls back on the yearly
realisasi of Tabel 3.5.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from ..aturan.anggaran import capaian_keluaran, deviasi_rpd_rata, efisiensi, nilai_efisiensi, penyerapan
from ..aturan.kalkulator import KalkulatorError
from ..aturan.tata_kelola import nilai_sakip
from ..data.dataset import Anggaran, Dataset
from ..data.notasi import angka_atau_nan
from .penghitung import hitung

__all__ = ["BarisKegiatan", "RevisiTerhitung", "Triwulan", "LaporanAnggaran", "susun_anggaran", "konteks_anggaran",
           "realisasi_sampai"]


@dataclass(frozen=True)
class BarisKegiatan:
    """One kegiatan of Tabel 3.5."""

    kode: str
    nama: str
    pagu: float
    realisasi: float
    penyerapan: float


@dataclass(frozen=True)
class RevisiTerhitung:
    """One pagu revision with its change and whether it chains from the previous pagu."""

    tahap: str
    triwulan: str
    sebelum: float
    sesudah: float
    perubahan: float
    bersambung: bool
    alasan: str


@dataclass(frozen=True)
class Triwulan:
    """Quarter view of one kegiatan (or the total): cumulative realisasi, penyerapan, target, deviasi."""

    kode: str
    tw: int
    realisasi: float
    penyerapan: float
    target: float
    capaian_target: float
    deviasi_rpd: float


@dataclass
class LaporanAnggaran:
    """Everything ``kinerja anggaran`` prints."""

    tahun: int
    kegiatan: list[BarisKegiatan]
    total: BarisKegiatan
    revisi: list[RevisiTerhitung]
    triwulan: list[Triwulan]
    ckk: float
    ckk_kegiatan: list[float]
    efisiensi: float
    nilai_efisiensi: float
    kpa: float
    alasan: dict[str, str] = field(default_factory=dict)


def _bulan(xs: tuple[Any, ...]) -> list[float]:
    return [angka_atau_nan(x) for x in (list(xs) + [None] * 12)[:12]]


def realisasi_sampai(bulanan: list[float], tw: int, tahunan: float) -> float:
    """Realisasi up to TW ``tw``: the sum of its months when all are filled; TW IV falls back on the yearly total."""
    bulan = bulanan[: 3 * tw]
    if all(not math.isnan(x) for x in bulan):
        return float(sum(bulan))
    return tahunan if tw == 4 else math.nan


def konteks_anggaran(ds: Dataset) -> dict[str, float]:
    """Quantities an IKU input may refer to with ``@``: the budget totals (KPA of IKU 4.1) and ``@sakip``,
    the total of the latest SAKIP evaluation (its first sub-indicator; the workbook links it)."""
    k: dict[str, float] = {}
    if ds.sakip:
        e = max(ds.sakip, key=lambda x: x.tahun)
        try:
            k["sakip"] = nilai_sakip({n: [angka_atau_nan(x) for x in v.values()] for n, v in e.nilai.items()}, e.bobot).total
        except (KalkulatorError, TypeError, ValueError):
            pass
    a = ds.anggaran
    if a is None:
        return k
    pagu = sum(angka_atau_nan(x.pagu) for x in a.kegiatan)
    real = sum(angka_atau_nan(x.realisasi) for x in a.kegiatan)
    k.update({"penyerapan_anggaran": penyerapan(real, pagu), "pagu_anggaran": pagu, "realisasi_anggaran": real})
    if a.keluaran:
        k["realisasi_output"] = sum(angka_atau_nan(x.rvk) for x in a.keluaran)
        k["target_output"] = sum(angka_atau_nan(x.tvk) for x in a.keluaran)
    return k


def _revisi(a: Anggaran) -> list[RevisiTerhitung]:
    hasil = []
    lalu = math.nan
    for r in a.pagu_revisi:
        sesudah = angka_atau_nan(r.nilai)
        sebelum = angka_atau_nan(r.sebelum) if r.sebelum not in (None, "") else math.nan
        bersambung = math.isnan(lalu) or (not math.isnan(sebelum) and math.isclose(sebelum, lalu, abs_tol=0.5))
        hasil.append(RevisiTerhitung(r.tahap, r.triwulan, sebelum, sesudah, sesudah - sebelum, bersambung, r.alasan))
        lalu = sesudah
    return hasil


def _ckk(a: Anggaran) -> tuple[float, list[float], str | None]:
    if not a.keluaran:
        return math.nan, [], "tabel keluaran kosong"
    rvk = [angka_atau_nan(k.rvk) for k in a.keluaran]
    tvk = [angka_atau_nan(k.tvk) for k in a.keluaran]
    rikk = [[angka_atau_nan(x) for x in k.rikk] for k in a.keluaran]
    tikk = [[angka_atau_nan(x) for x in k.tikk] for k in a.keluaran]
    try:
        per = [capaian_keluaran([r], [t], [ri], [ti]) for r, t, ri, ti in zip(rvk, tvk, rikk, tikk)]
        return capaian_keluaran(rvk, tvk, rikk, tikk), per, None
    except KalkulatorError as e:
        return math.nan, [], str(e)


def _kpa(ds: Dataset, konteks: dict[str, float]) -> tuple[float, str | None]:
    """KPA as IKU 4.1 computes it (the IKU whose calculator is indeks_tata_kelola)."""
    iku = next((i for i in ds.iku if i.kalkulator == "indeks_tata_kelola"), None)
    if iku is None:
        return math.nan, "tidak ada IKU dengan kalkulator indeks_tata_kelola"
    try:
        return hitung(iku.kalkulator, iku.masukan, vars(ds.pengaturan), konteks).rincian["kpa"], None
    except KalkulatorError as e:
        return math.nan, f"IKU {iku.kode}: {e}"


def susun_anggaran(ds: Dataset) -> LaporanAnggaran:
    """The budget report of a dataset."""
    a = ds.anggaran or Anggaran(ds.tahun)
    alasan: dict[str, str] = {}
    keg = []
    for k in a.kegiatan:
        p, r = angka_atau_nan(k.pagu), angka_atau_nan(k.realisasi)
        keg.append(BarisKegiatan(k.kode, k.nama, p, r, penyerapan(r, p)))
    tp, tr = sum(k.pagu for k in keg), sum(k.realisasi for k in keg)
    total = BarisKegiatan("TOTAL", "Total", tp, tr, penyerapan(tr, tp))
    target = [angka_atau_nan(x) for x in (list(a.target_penyerapan_tw) + [None] * 4)[:4]]
    triwulan = []
    bulanan_total_r = [0.0] * 12
    bulanan_total_p = [0.0] * 12
    for k, b in zip(a.kegiatan, keg):
        rb, pb = _bulan(k.realisasi_bulanan), _bulan(k.rpd_bulanan)
        bulanan_total_r = [x + y for x, y in zip(bulanan_total_r, rb)]
        bulanan_total_p = [x + y for x, y in zip(bulanan_total_p, pb)]
        triwulan += _triwulan(b.kode, b.pagu, b.realisasi, rb, pb, target)
    triwulan += _triwulan("TOTAL", tp, tr, bulanan_total_r, bulanan_total_p, target)
    if all(math.isnan(t.deviasi_rpd) for t in triwulan):
        alasan["deviasi_rpd"] = "realisasi dan RPD bulanan belum diisi (laporan 2024 hanya memuat angka tahunan)"
    ckk, ckk_keg, a_ckk = _ckk(a)
    if a_ckk:
        alasan["ckk"] = a_ckk
    e = ne = math.nan
    if a.efisiensi:
        try:
            e = efisiensi([angka_atau_nan(o.pagu) for o in a.efisiensi], [angka_atau_nan(o.ck) for o in a.efisiensi],
                          [angka_atau_nan(o.realisasi) for o in a.efisiensi])
            ne = nilai_efisiensi(e)
        except KalkulatorError as err:
            alasan["efisiensi"] = str(err)
    kpa, a_kpa = _kpa(ds, konteks_anggaran(ds))
    if a_kpa:
        alasan["kpa"] = a_kpa
    return LaporanAnggaran(a.tahun, keg, total, _revisi(a), triwulan, ckk, ckk_keg, e, ne, kpa, alasan)


def _triwulan(kode: str, pagu: float, tahunan: float, rb: list[float], pb: list[float], target: list[float]) -> list[Triwulan]:
    out = []
    for tw in range(1, 5):
        real = realisasi_sampai(rb, tw, tahunan)
        serap = penyerapan(real, pagu)
        t = target[tw - 1]
        cap = min(100.0, serap / t * 100.0) if not (math.isnan(serap) or math.isnan(t) or t == 0) else math.nan
        dev = deviasi_rpd_rata(rb[3 * tw - 3: 3 * tw], pb[3 * tw - 3: 3 * tw])
        out.append(Triwulan(kode, tw, real, serap, t, cap, dev))
    return out
