"""One quarter of the report recomputed: what a TW sheet should show, from the workbook's inputs.

For TW ``n``: each IKU with the target of that quarter (its ``Target TW n`` or else the year's),
the realisasi typed on that TW sheet (TW IV: the year's, or its calculator's result), the
year-to-date realisasi by its konsolidasi periode (RUMUS 10; ``hasil.realisasi``), the capaian of that against the target,
status and alasan, then NSS and NKO of that quarter (RUMUS 2-3). The export publishes this and the
validator compares the sheet's cached cells with it; nothing here reads a cached formula result.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from ..data.dataset import IKU, Dataset
from .laporan import HasilIKU, HasilSS, NKOLaporan, konsolidasi, nilai_iku, siapkan_iku
from .laporan_anggaran import konteks_anggaran

__all__ = ["BarisTW", "LaporanTW", "susun_triwulan", "target_tw", "realisasi_tw"]


@dataclass(frozen=True)
class BarisTW:
    """One IKU row of a TW sheet as recomputed, with the inputs as staff typed them."""

    hasil: HasilIKU
    target: Any
    realisasi: Any
    keterangan: Any
    dihitung: bool = False          # the realisasi is a calculator's result (TW IV), not typed


@dataclass(frozen=True)
class LaporanTW:
    """A quarter: IKU rows, NSS per SS, NKO."""

    tw: int
    iku: list[BarisTW]
    nss: list[HasilSS]
    nko: NKOLaporan


def target_tw(iku: IKU, i: int) -> Any:
    """The target of quarter ``i`` (0-3) as typed: its own column, or else the year's target."""
    t = iku.target_tw[i] if i < len(iku.target_tw) else None
    return iku.target if t in (None, "") else t


def realisasi_tw(iku: IKU, i: int) -> Any:
    """The realisasi typed for quarter ``i`` (0-3); TW IV falls back on the year's. None when empty."""
    r = iku.realisasi_tw[i] if i < len(iku.realisasi_tw) else None
    return iku.realisasi if (r in (None, "") and i == 3) else r


def susun_triwulan(ds: Dataset, tw: int, keterangan: Mapping[str, Any] | None = None) -> LaporanTW:
    """Recompute TW ``tw`` (1-4) of a dataset; ``keterangan`` (kode IKU -> text) is carried into the rows."""
    i = tw - 1
    peng = vars(ds.pengaturan)
    konteks = konteks_anggaran(ds)
    masukan = []
    for iku in ds.iku:
        kalkulator = i == 3 and iku.kalkulator is not None and realisasi_tw(iku, i) in (None, "")
        r = realisasi_tw(iku, i)
        masukan.append(siapkan_iku(iku, peng, konteks, target=_atau_kosong(target_tw(iku, i)),
                                   realisasi=None if kalkulator else _atau_kosong(r), pakai_kalkulator=kalkulator, tw=i))
    hasil, _ = nilai_iku(ds, masukan)
    nss, _, nko = konsolidasi(ds, hasil)
    ket = keterangan or {}
    baris = []
    for iku, h, m in zip(ds.iku, hasil, masukan):
        dihitung = i == 3 and iku.kalkulator is not None and realisasi_tw(iku, i) in (None, "")
        baris.append(BarisTW(h, target_tw(iku, i), m.sendiri if dihitung else realisasi_tw(iku, i),
                             ket.get(iku.kode, iku.keterangan_tw[i] if i < len(iku.keterangan_tw) else None), dihitung))
    return LaporanTW(tw, baris, nss, nko)


def _atau_kosong(x: Any) -> Any:
    return "" if x is None else x
