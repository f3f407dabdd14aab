"""Read a Kinerja workbook back into a :class:`~kinerja.data.dataset.Dataset` (never writing to it).

The PK sheet is the master: settings by their defined names, the SS and IKU tables by their
header rows. Realisasi come from the TW sheets (TW IV is the year); an IKU whose TW IV realisasi
is a formula takes its value from its calculator, whose inputs are the rows of its Rincian block
(keys in column A). Riwayat rows become the history. Values are read as Excel stored them
(cached results of formula cells), from a :class:`~kinerja.cuplikan.Cuplikan`, so a file and the
workbook open in Excel read alike. Every position comes from :mod:`~kinerja.buku.tata_letak`.
:class:`Posisi` remembers where each value came from, so that validation can name the cell.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..data.berkas import BerkasError
from ..data.dataset import (
    IKU,
    SS,
    Anggaran,
    BarisRiwayat,
    Dataset,
    EvaluasiSakip,
    Kegiatan,
    Keluaran,
    OutputEfisiensi,
    Pengaturan,
    RevisiPagu,
)
from ..hitung.penghitung import PENGHITUNG
from . import tata_letak as tl
from .cuplikan import Cuplikan, LembarSel, dari_berkas

__all__ = ["baca_dataset", "baca", "Posisi"]

Sel = tuple[str, int, int]
"""(sheet, 0-based row, 0-based column)."""


@dataclass
class Posisi:
    """Where each value of the dataset sits in the workbook."""

    pengaturan: dict[str, Sel] = field(default_factory=dict)
    ss: dict[str, Sel] = field(default_factory=dict)                  # kode SS -> its cell
    iku: dict[str, int] = field(default_factory=dict)                 # kode IKU -> PK row
    iku_kolom: dict[str, int] = field(default_factory=dict)           # PK header -> column
    iku_baris: list[tuple[str, int]] = field(default_factory=list)    # every PK IKU row (duplicates kept)
    tw: dict[tuple[int, str], int] = field(default_factory=dict)      # (TW index, kode IKU) -> row
    rincian: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)   # (block, key) -> (row, n values)
    riwayat: list[int] = field(default_factory=list)                  # row of each history entry
    anggaran: dict[tuple, int] = field(default_factory=dict)          # finance rows: ("revisi", i), ("realisasi", i), ...


def _teks(x: Any) -> str:
    return "" if x is None else str(x).strip()


def _cari_baris(ws: LembarSel, kolom: int, teks: str) -> int | None:
    for r in range(ws.baris):
        if ws.v(r, kolom) == teks:
            return r
    return None


def baca_dataset(path: Path | str) -> Dataset:
    """The dataset of a Kinerja workbook file."""
    return baca(dari_berkas(path))[0]


def baca(c: Cuplikan) -> tuple[Dataset, Posisi]:
    """The dataset of a snapshot and the position of its values."""
    pos = Posisi()
    peng = {}
    for nama, kunci, _ in tl.PENGATURAN:
        peng[kunci] = c.nilai_nama(nama)
        if nama in c.nama:
            pos.pengaturan[nama] = c.nama[nama]
    ss = _baca_ss(c, pos)
    iku = _baca_iku(c, pos)
    if not iku:
        raise BerkasError(f"workbook '{c.nama_berkas}': tabel IKU pada lembar PK kosong atau tidak ditemukan")
    try:
        tahun = int(peng.pop("tahun") or 0)
    except (TypeError, ValueError):
        tahun = 0
    ds = Dataset(
        unit=_teks(peng.pop("unit")), unit_singkat=_teks(peng.pop("unit_singkat")) or "Unit", instansi=_teks(peng.pop("instansi")),
        tahun=tahun, periode=_teks(peng.pop("periode")), sumber=c.nama_berkas,
        pengaturan=Pengaturan(**peng), ss=tuple(ss), iku=tuple(iku), riwayat=tuple(_baca_riwayat(c, pos)),
        anggaran=_baca_anggaran(c, tahun, pos), sakip=tuple(_baca_sakip(c)),
    )
    return ds, pos


def _baca_ss(c: Cuplikan, pos: Posisi) -> list[SS]:
    v = c.ambil(tl.PK)
    r0 = _cari_baris(v, tl.SS_KODE, tl.SS_KEPALA)
    hasil = []
    r = (r0 if r0 is not None else v.baris) + 1
    while r0 is not None and _teks(v.v(r, tl.SS_KODE)):
        kode = _teks(v.v(r, tl.SS_KODE))
        hasil.append(SS(kode, _teks(v.v(r, tl.SS_PERSPEKTIF)), _teks(v.v(r, tl.SS_NAMA))))
        pos.ss[kode] = (tl.PK, r, tl.SS_KODE)
        r += 1
    return hasil


def _realisasi_tw(c: Cuplikan, pos: Posisi) -> dict[str, list[tuple[Any, bool, Any]]]:
    """Per IKU code: (value, is_formula, keterangan) of the Realisasi cell of TW I..IV."""
    out: dict[str, list[tuple[Any, bool, Any]]] = {}
    for k, nama in enumerate(tl.LEMBAR_TW):
        if nama not in c.lembar:
            continue
        v = c.lembar[nama]
        r0 = _cari_baris(v, tl.TW_KODE, tl.IKU_KEPALA)
        r = (r0 if r0 is not None else v.baris) + 1
        while r0 is not None and _teks(v.v(r, tl.TW_KODE)):
            kode = _teks(v.v(r, tl.TW_KODE))
            out.setdefault(kode, [(None, False, None)] * 4)[k] = (v.v(r, tl.TW_REALISASI), v.f(r, tl.TW_REALISASI) is not None,
                                                                 v.v(r, tl.TW_KETERANGAN))
            pos.tw[(k, kode)] = r
            r += 1
    return out


def _baca_iku(c: Cuplikan, pos: Posisi) -> list[IKU]:
    v = c.ambil(tl.PK)
    r0 = _cari_baris(v, tl.K_KODE, tl.IKU_KEPALA)
    if r0 is None:
        return []
    pos.iku_kolom = {_teks(v.v(r0, k)): k for k in range(len(tl.PK_KOLOM) + 5) if _teks(v.v(r0, k))}
    kol = pos.iku_kolom
    sel = lambda r, judul: v.v(r, kol[judul]) if judul in kol else None  # noqa: E731
    tw = _realisasi_tw(c, pos)
    masukan = _baca_rincian(c, pos)
    hasil = []
    r = r0 + 1
    while _teks(v.v(r, tl.K_KODE)):
        kode = _teks(sel(r, "Kode IKU"))
        pos.iku.setdefault(kode, r)
        pos.iku_baris.append((kode, r))
        real = tw.get(kode, [(None, False, None)] * 4)
        kalk = _teks(sel(r, "Kalkulator")) or None
        tahunan, rumus, _ = real[3]
        pakai_kalk = kalk is not None and (rumus or tahunan is None) and kode in masukan
        hasil.append(IKU(
            kode=kode, ss=_teks(sel(r, "Kode SS")), nama=_teks(sel(r, "Indikator Kinerja Utama")), satuan=_teks(sel(r, "Satuan")),
            polarisasi=sel(r, "Polarisasi"), target=sel(r, "Target (tertulis)"),
            realisasi=None if pakai_kalk else tahunan, kalkulator=kalk if pakai_kalk else None,
            masukan=masukan.get(kode, {}), batas_bawah=v.v(r, tl.K_BAWAH), batas_atas=v.v(r, tl.K_ATAS),
            realisasi_terburuk=sel(r, "Realisasi terburuk"), kumulatif=_teks(sel(r, "Kumulatif")).lower() == "ya",
            target_tw=tuple(sel(r, f"Target TW {t}") for t in tl.TRIWULAN),
            realisasi_tw=tuple(x[0] for x in real), sumber_data=_teks(sel(r, "Sumber data")), catatan=_teks(sel(r, "Catatan")),
        ))
        r += 1
    return hasil


def blok_rincian(c: Cuplikan, pos: Posisi | None = None) -> dict[str, list[tuple[str, list[Any]]]]:
    """Rincian blocks by their marker in column A ("IKU 1.1", "SAKIP 2023", "anggaran")."""
    if tl.RINCIAN not in c.lembar:
        return {}
    v = c.lembar[tl.RINCIAN]
    blok: dict[str, list[tuple[str, list[Any]]]] = {}
    aktif: list[tuple[str, list[Any]]] | None = None
    penanda = ""
    for r in range(v.baris):
        a = _teks(v.v(r, tl.RINCIAN_KUNCI))
        if a.startswith(tl.RINCIAN_PENANDA):
            aktif, penanda = blok.setdefault(a, []), a
            continue
        if not a:
            continue
        if aktif is not None:
            nilai = [v.v(r, k) for k in range(tl.RINCIAN_NILAI0, tl.RINCIAN_NILAI0 + 38)]
            while nilai and nilai[-1] is None:
                nilai.pop()
            aktif.append((a, nilai))
            if pos is not None:
                pos.rincian[(penanda, a)] = (r, len(nilai))
    return blok


def _baca_rincian(c: Cuplikan, pos: Posisi) -> dict[str, dict[str, Any]]:
    daftar = {x.nama for p in PENGHITUNG.values() for x in p.masukan if x.daftar} | {"isu"}
    out: dict[str, dict[str, Any]] = {}
    for penanda, baris in blok_rincian(c, pos).items():
        if not penanda.startswith(tl.RINCIAN_PENANDA[0]):
            continue
        m: dict[str, Any] = {}
        for kunci, nilai in baris:
            if kunci in daftar:
                m[kunci] = nilai
            elif nilai:
                m[kunci] = nilai[0]
        out[penanda[len(tl.RINCIAN_PENANDA[0]):]] = m
    return out


def _baca_sakip(c: Cuplikan) -> list[EvaluasiSakip]:
    hasil = []
    for penanda, baris in blok_rincian(c).items():
        if not penanda.startswith(tl.RINCIAN_PENANDA[1]):
            continue
        bobot, nilai = {}, {}
        for kunci, isi in baris:
            if kunci.startswith("sakip:") and isi:
                komp = kunci.split(":", 1)[1]
                bobot[komp] = isi[0]
                nilai[komp] = {s: x for s, x in zip(tl.SAKIP_SUB, isi[1:1 + len(tl.SAKIP_SUB)])}
        try:
            tahun = int(penanda.split()[1])
        except (IndexError, ValueError):
            continue
        if bobot:
            hasil.append(EvaluasiSakip(tahun, bobot, {}, nilai, "lembar Rincian"))
    return hasil


def _baca_anggaran(c: Cuplikan, tahun: int, pos: Posisi) -> Anggaran | None:
    """The finance sheets (Pagu, Realisasi, Keluaran, Efisiensi, Anggaran TW) as an :class:`Anggaran`."""
    if tl.PAGU not in c.lembar or tl.REALISASI not in c.lembar:
        return None
    pg = c.lembar[tl.PAGU]
    revisi = []
    r = tl.REVISI_BARIS0
    while _teks(pg.v(r, tl.REV_TAHAP)) and not _teks(pg.v(r, tl.REV_NO)).startswith(tl.PAGU_TERKINI):
        revisi.append(RevisiPagu(_teks(pg.v(r, tl.REV_TAHAP)), _teks(pg.v(r, tl.REV_TW)), pg.v(r, tl.REV_SESUDAH), _teks(pg.v(r, tl.REV_ALASAN)),
                                 pg.v(r, tl.REV_SEBELUM)))
        pos.anggaran[("revisi", len(revisi) - 1)] = r
        r += 1
    kepala_pagu = tl.PAGU_KEGIATAN_KOLOM
    r_keg = next((x for x in range(r, pg.baris) if (pg.v(x, tl.PK_KEG_KODE), pg.v(x, tl.PK_KEG_PAGU)) == (kepala_pagu[0], kepala_pagu[2])),
                 None)
    pagu: dict[str, Any] = {}
    if r_keg is not None:
        x = r_keg + 1
        while _teks(pg.v(x, tl.PK_KEG_KODE)):
            pagu[_teks(pg.v(x, tl.PK_KEG_KODE))] = pg.v(x, tl.PK_KEG_PAGU)
            pos.anggaran[("pagu", _teks(pg.v(x, tl.PK_KEG_KODE)))] = x
            x += 1
        pos.anggaran[("pagu_jumlah",)] = x
    rl = c.lembar[tl.REALISASI]
    bulan_kepala = [x for x in range(rl.baris) if rl.v(x, tl.BULAN_KOLOM0) == tl.BULAN[0]]
    kegiatan = []
    i = 0
    while _teks(rl.v(tl.KEG_BARIS0 + i, tl.RL_KODE)) and _teks(rl.v(tl.KEG_BARIS0 + i, tl.RL_KODE)) != tl.TOTAL_REALISASI:
        kode, r0 = _teks(rl.v(tl.KEG_BARIS0 + i, tl.RL_KODE)), tl.KEG_BARIS0 + i
        pos.anggaran[("realisasi", kode)] = r0
        bulanan = [(), ()]
        for j, kepala in enumerate(bulan_kepala[:2]):
            pos.anggaran[(("bulan", "rpd")[j], kode)] = kepala + 1 + i
            bulanan[j] = tuple(rl.v(kepala + 1 + i, tl.BULAN_KOLOM0 + m) for m in range(len(tl.BULAN)))
        kegiatan.append(Kegiatan(kode, _teks(rl.v(r0, tl.RL_NAMA)), pagu.get(kode, rl.v(r0, tl.RL_PAGU)), rl.v(r0, tl.RL_REALISASI),
                                 bulanan[0] or (None,) * 12, bulanan[1] or (None,) * 12))
        i += 1
    return Anggaran(tahun, tuple(revisi), tuple(kegiatan), tuple(_baca_keluaran(c, pos)), tuple(_baca_efisiensi(c, pos)), {},
                    _target_tw(c))


def _baca_keluaran(c: Cuplikan, pos: Posisi) -> list[Keluaran]:
    v = c.lembar.get(tl.KELUARAN)
    hasil = []
    r = tl.KEG_BARIS0
    while v is not None and _teks(v.v(r, tl.KL_KEGIATAN)) and _teks(v.v(r, tl.KL_KEGIATAN)) != tl.TOTAL:
        hasil.append(Keluaran(_teks(v.v(r, tl.KL_KEGIATAN)), v.v(r, tl.KL_TVK), v.v(r, tl.KL_RVK), (v.v(r, tl.KL_TIKK),), (v.v(r, tl.KL_RIKK),)))
        pos.anggaran[("keluaran", len(hasil) - 1)] = r
        r += 1
    return hasil


def _baca_efisiensi(c: Cuplikan, pos: Posisi) -> list[OutputEfisiensi]:
    v = c.lembar.get(tl.EFISIENSI)
    hasil = []
    r = tl.KEG_BARIS0
    while v is not None and _teks(v.v(r, tl.EF_KELUARAN)) and _teks(v.v(r, tl.EF_KELUARAN)) != tl.TOTAL:
        hasil.append(OutputEfisiensi(_teks(v.v(r, tl.EF_KELUARAN)), v.v(r, tl.EF_PAGU), v.v(r, tl.EF_CK), v.v(r, tl.EF_REALISASI)))
        pos.anggaran[("efisiensi", len(hasil) - 1)] = r
        r += 1
    return hasil


def _target_tw(c: Cuplikan) -> tuple[Any, ...]:
    v = c.lembar.get(tl.ANGGARAN_TW)
    return tuple(v.v(tl.TW_ANGGARAN_TARGET_BARIS, tl.tw_anggaran_kolom(k) + 1) for k in range(4)) if v is not None else (None,) * 4


def _baca_riwayat(c: Cuplikan, pos: Posisi) -> list[BarisRiwayat]:
    if tl.RIWAYAT not in c.lembar:
        return []
    v = c.lembar[tl.RIWAYAT]
    r0 = _cari_baris(v, tl.RW_KODE, tl.RIWAYAT_KOLOM[tl.RW_KODE])
    hasil = []
    r = (r0 if r0 is not None else v.baris) + 1
    while r0 is not None and _teks(v.v(r, tl.RW_KODE)) and v.v(r, tl.RW_TARGET) is not None:
        x = lambda i: v.v(r, i)  # noqa: E731
        try:
            tahun = int(x(tl.RW_TAHUN))
        except (TypeError, ValueError):
            tahun = 0
        hasil.append(BarisRiwayat(_teks(x(tl.RW_KODE)), _teks(x(tl.RW_NAMA)), _teks(x(tl.RW_SATUAN)), _teks(x(tl.RW_POL)), tahun, x(tl.RW_TARGET),
                                  x(tl.RW_REALISASI), x(tl.RW_TERBIT), None, x(tl.RW_KOREKSI), _teks(x(tl.RW_CATATAN))))
        pos.riwayat.append(r)
        r += 1
    return hasil
