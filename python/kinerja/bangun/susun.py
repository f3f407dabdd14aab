"""Susun Ulang, Tahun Baru and a blank start: the PK sheet is the master and the workbook follows it (issue 8).

* :func:`susun_ulang` reads a workbook as staff left it (PK rows inserted, deleted, reordered, cleared at the
  end; SS added) and writes a new workbook whose TW sheets, Rincian blocks, NSS/NKO blocks and Riwayat follow
  the PK. Every value staff entered is carried **by IKU/SS code, never by row**: realisasi and Keterangan per TW,
  Rincian inputs, the finance sheets, Riwayat, settings. Values of IKU no longer in the PK go to the Arsip sheet.
* :func:`tahun_baru` writes next year's workbook: same unit, SS and IKU (targets kept, marked to be reviewed),
  realisasi, Keterangan, Rincian inputs and finance entries emptied, the closing year's realisasi and capaian
  appended to Riwayat, the pagu revision log started afresh.
* :func:`dataset_kosong` is a new unit's start: the settings and empty SS/IKU tables.

The input is a snapshot (:mod:`kinerja.buku.cuplikan`): a file, or the open workbook through the buttons; it is
never written. The output is written atomically and never onto an input.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..buku import tata_letak as tl
from ..buku.baca import Posisi, baca, blok_rincian
from ..buku.cuplikan import Cuplikan, alamat
from ..data.dataset import (IKU, Anggaran, BarisArsip, BarisRiwayat, Dataset, DatasetError, Kegiatan, Keluaran, OutputEfisiensi,
                            Pengaturan)
from ..hitung.laporan import susun_laporan
from ..hitung.penghitung import PENGHITUNG
from . import bangun_workbook

__all__ = ["HasilSusun", "SusunError", "susun_ulang", "tahun_baru", "dataset_kosong", "dataset_susun", "dataset_tahun_baru"]


REALISASI, KETERANGAN = tl.TW_KOLOM[tl.TW_REALISASI], tl.TW_KOLOM[tl.TW_KETERANGAN]
"""What an archived TW value was (the TW header it sat under)."""


class SusunError(DatasetError):
    """The PK cannot be built from (a code missing or used twice, an IKU's SS not in the SS table): names the cells."""


@dataclass(frozen=True)
class HasilSusun:
    """What a Susun Ulang / Tahun Baru wrote."""

    path: Path
    n_ss: int
    n_iku: int
    diarsipkan: int
    catatan: tuple[str, ...]


def susun_ulang(c: Cuplikan, keluar: Path | str, *, timpa: bool = False, sumber: tuple[Path | str, ...] = ()) -> HasilSusun:
    """Rebuild the workbook of snapshot ``c`` so that every sheet follows its PK; values carried by code."""
    ds, arsip_baru = dataset_susun(c)
    path = bangun_workbook(ds, keluar, timpa=timpa, sumber=sumber)
    catatan = [f"{len(ds.ss)} SS dan {len(ds.iku)} IKU disusun dari lembar PK."]
    if arsip_baru:
        kode = sorted({a.kode or "?" for a in arsip_baru})
        catatan.append(f"{len(arsip_baru)} isian yang tidak lagi dipakai (IKU {', '.join(kode)}: tidak lagi pada PK, tanpa kalkulator, "
                       f"atau kunci Rincian yang tidak dikenal) dipindah ke lembar {tl.ARSIP}.")
    return HasilSusun(Path(path), len(ds.ss), len(ds.iku), len(arsip_baru), tuple(catatan))


def tahun_baru(c: Cuplikan, tahun: int, keluar: Path | str, *, timpa: bool = False,
               sumber: tuple[Path | str, ...] = ()) -> HasilSusun:
    """Write next year's workbook of snapshot ``c`` (see module doc)."""
    ds, _ = dataset_susun(c)
    baru, catatan = dataset_tahun_baru(ds, tahun)
    path = bangun_workbook(baru, keluar, timpa=timpa, sumber=sumber)
    return HasilSusun(Path(path), len(baru.ss), len(baru.iku), 0, tuple(catatan))


def dataset_susun(c: Cuplikan) -> tuple[Dataset, list[BarisArsip]]:
    """The dataset a Susun Ulang builds (the PK as master, values by code) and the values newly archived."""
    ds, pos = baca(c)
    _periksa_pk(ds, pos)
    arsip = _arsip_tw(ds, pos) + _arsip_rincian(c, ds)
    return replace(ds, arsip=ds.arsip + tuple(arsip)), arsip


def _periksa_pk(ds: Dataset, pos: Posisi) -> None:
    """Refuse what the new workbook could not carry, naming every cell to fix: a row without its key on any table
    (a PK code, a Riwayat code or year, a revision's stage, an output's name), a code used twice, an IKU's SS not in
    the SS table, a TW row duplicated, a PK table whose title is gone, a PK year that is not a year."""
    salah = [f"{m.lembar}!{alamat(m.r, m.c)}: {m.pesan}" for m in pos.masalah if m.menghalangi]
    ganda = [k for k, n in Counter(k for k, _ in pos.iku_baris).items() if n > 1]
    for k in ganda:
        baris = ", ".join(str(r + 1) for x, r in pos.iku_baris if x == k)
        salah.append(f"{tl.PK}: kode IKU '{k}' dipakai lebih dari sekali (baris {baris}); setiap IKU satu kode")
    ss_ganda = [k for k, n in Counter(s.kode for s in ds.ss).items() if n > 1]
    salah += [f"{tl.PK}: kode SS '{k}' dipakai lebih dari sekali pada tabel Sasaran Strategis" for k in ss_ganda]
    kode_ss = {s.kode for s in ds.ss}
    for i in ds.iku:
        if i.ss not in kode_ss:
            r = pos.iku.get(i.kode, 0)
            salah.append(f"{tl.PK}!{alamat(r, pos.iku_kolom.get(tl.PK_KOLOM[tl.K_SS], tl.K_SS))}: IKU {i.kode} memakai kode SS "
                         f"'{i.ss}' yang tidak ada pada tabel Sasaran Strategis")
    if not ds.ss:
        salah.append(f"{tl.PK}: tabel Sasaran Strategis kosong; isi sedikitnya satu SS")
    if not ds.tahun:
        lembar, r, c = pos.pengaturan.get(tl.N_TAHUN, (tl.PK, tl.PENGATURAN_BARIS0, tl.PENGATURAN_KOLOM))
        salah.append(f"{lembar}!{alamat(r, c)}: Tahun PK bukan tahun 2000-2100")
    if salah:
        raise SusunError("Workbook belum dapat disusun ulang (tidak ada isian yang boleh hilang):\n- " + "\n- ".join(salah))


def _arsip_tw(ds: Dataset, pos: Posisi) -> list[BarisArsip]:
    """Realisasi and Keterangan typed on TW rows whose IKU is no longer in the PK (or whose code is unreadable)."""
    kode_pk = {i.kode for i in ds.iku}
    out = []
    for (k, kode), r in sorted(pos.tw.items(), key=lambda x: (x[0][0], x[1])):
        if kode in kode_pk:
            continue
        for apa, c, nilai in ((REALISASI, tl.TW_REALISASI, pos.tw_realisasi.get((k, kode))),
                              (KETERANGAN, tl.TW_KETERANGAN, pos.keterangan.get((k, kode)))):
            if nilai not in (None, ""):
                out.append(BarisArsip(kode, tl.LEMBAR_TW[k], alamat(r, c), apa, nilai, f"tahun {ds.tahun}"))
    for k, r, realisasi, ket in pos.tw_tanpa_kode:
        for apa, c, nilai in ((REALISASI, tl.TW_REALISASI, realisasi), (KETERANGAN, tl.TW_KETERANGAN, ket)):
            if nilai not in (None, ""):
                out.append(BarisArsip("", tl.LEMBAR_TW[k], alamat(r, c), apa, nilai, f"tahun {ds.tahun}; kode IKU baris ini tidak terbaca"))
    return out


def _arsip_rincian(c: Cuplikan, ds: Dataset) -> list[BarisArsip]:
    """Rincian entries the new workbook would not hold: whole blocks of IKU no longer in the PK or without a calculator,
    and, in blocks still used, rows whose key the calculator does not know and values beyond a single-value input."""
    kalk = {i.kode: PENGHITUNG[i.kalkulator] for i in ds.iku if i.kalkulator in PENGHITUNG}
    kode_pk = {i.kode for i in ds.iku}
    out = []
    for penanda, baris in blok_rincian(c).items():
        kode = penanda[len(tl.RINCIAN_PENANDA[0]):]
        if not penanda.startswith(tl.RINCIAN_PENANDA[0]):
            continue
        p = kalk.get(kode)
        sebab = "IKU tidak lagi ada pada PK" if kode not in kode_pk else "IKU tidak lagi memakai kalkulator"
        dikenal = {m.nama: m.daftar for m in p.masukan} if p else {}
        for kunci, nilai in baris:
            if kunci in tl.KUNCI_HASIL or kunci == "isu" or not any(v not in (None, "") for v in nilai):
                continue
            if p is None or kunci not in dikenal:
                out.append(BarisArsip(kode, tl.RINCIAN, penanda, kunci, _teks_nilai(nilai),
                                      f"tahun {ds.tahun}; {sebab if p is None else 'kunci tidak dikenal kalkulator ' + p.nama}"))
            elif not dikenal[kunci] and len(nilai) > 1 and any(v not in (None, "") for v in nilai[1:]):
                out.append(BarisArsip(kode, tl.RINCIAN, penanda, kunci, _teks_nilai(nilai[1:]),
                                      f"tahun {ds.tahun}; nilai sesudah yang pertama (masukan ini satu nilai)"))
    return out


def _teks_nilai(nilai: list[Any]) -> Any:
    return nilai[0] if len(nilai) == 1 else "; ".join("" if v is None else str(v) for v in nilai)


def dataset_tahun_baru(ds: Dataset, tahun: int) -> tuple[Dataset, list[str]]:
    """Next year's dataset (module doc) and lines for staff."""
    if not 2000 <= tahun <= 2100:
        raise SusunError(f"tahun {tahun} di luar 2000-2100")
    if tahun <= ds.tahun:
        raise SusunError(f"tahun baru {tahun} harus sesudah tahun PK ({ds.tahun})")
    lap = susun_laporan(ds)
    ada = {(r.kode, r.tahun) for r in ds.riwayat}
    tambahan = tuple(_baris_riwayat(i, h, ds.tahun) for i, h in zip(ds.iku, lap.iku) if (i.kode, ds.tahun) not in ada)
    iku = tuple(_iku_kosong(i, ds.tahun) for i in ds.iku)
    baru = replace(ds, tahun=tahun, iku=iku, riwayat=ds.riwayat + tambahan, anggaran=_anggaran_baru(ds.anggaran, tahun),
                   terbit=(), klaim=())
    catatan = [f"Workbook {tahun}: {len(ds.ss)} SS dan {len(iku)} IKU dari PK {ds.tahun}; target disalin untuk ditinjau.",
               f"{len(tambahan)} baris capaian {ds.tahun} ditambahkan ke lembar {tl.RIWAYAT}"
               + (f" ({len(ds.iku) - len(tambahan)} IKU sudah punya baris {ds.tahun})." if len(tambahan) < len(ds.iku) else ".")]
    return baru, catatan


def _baris_riwayat(i: IKU, h: Any, tahun: int) -> BarisRiwayat:
    """The closing year's row of one IKU: its realisasi (the year-to-date value) and capaian as computed."""
    real = None if math.isnan(h.realisasi) else h.realisasi
    capaian = None if math.isnan(h.capaian) else round(h.capaian, 2)
    return BarisRiwayat(i.kode, i.nama, i.satuan, str(i.polarisasi or ""), tahun, i.target, real, capaian,
                        catatan=f"Ditutup dari {tl.LEMBAR_TW[-1]} {tahun} (Tahun Baru)" + (f"; n/a: {h.alasan}" if h.alasan else ""))


def _iku_kosong(i: IKU, tahun_lama: int) -> IKU:
    """The IKU with every realisasi, Keterangan and Rincian input emptied; its target kept and marked to be reviewed."""
    tanda = f"Target disalin dari PK {tahun_lama}: tinjau."
    masukan = {k: _kosongkan(v) for k, v in i.masukan.items()}
    return replace(i, realisasi=None, realisasi_tw=(None,) * 4, keterangan_tw=(None,) * 4, masukan=masukan,
                   catatan=f"{tanda} {i.catatan}".strip() if tanda not in i.catatan else i.catatan)


def _kosongkan(v: Any) -> Any:
    """An input emptied: links to other sheets (``@name``) kept, lists keep their length."""
    if isinstance(v, str) and v.startswith("@"):
        return v
    if isinstance(v, (list, tuple)):
        return [_kosongkan(x) for x in v]
    return None


def _anggaran_baru(a: Anggaran | None, tahun: int) -> Anggaran | None:
    """Kegiatan, outputs and targets kept by name; every amount emptied; the revision log afresh."""
    if a is None:
        return None
    return Anggaran(
        tahun=tahun, pagu_revisi=(),
        kegiatan=tuple(Kegiatan(k.kode, k.nama, None, None) for k in a.kegiatan),
        keluaran=tuple(Keluaran(k.kegiatan, None, None, (None,) * len(k.tikk), (None,) * len(k.rikk)) for k in a.keluaran),
        efisiensi=tuple(OutputEfisiensi(e.keluaran, None, None, None) for e in a.efisiensi),
        target_penyerapan_tw=a.target_penyerapan_tw,
    )


def dataset_kosong(tahun: int, unit: str = "", instansi: str = "Kementerian Koordinator Bidang Perekonomian") -> Dataset:
    """A new unit's start: the settings (2024 defaults), empty SS/IKU tables for staff to fill before Susun Ulang, and
    the finance sheets with empty tables (issue 15 item 3: finance staff start on the same file)."""
    return Dataset(unit=unit, unit_singkat="Unit", instansi=instansi, tahun=tahun, periode=tl.LEMBAR_TW[-1], sumber="kinerja bangun --kosong",
                   pengaturan=Pengaturan(), ss=(), iku=(), anggaran=Anggaran(tahun))
