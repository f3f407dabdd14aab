"""Read a Kinerja workbook back into a :class:`~kinerja.dataset.Dataset` (never writing to it).

The PK sheet is the master: settings by their defined names, the SS and IKU tables by their
header rows. Realisasi come from the TW sheets (TW IV is the year); an IKU whose TW IV realisasi
is a formula takes its value from its calculator, whose inputs are the rows of its Rincian block
(keys in column A). Riwayat rows become the history. Values are read as Excel stored them
(cached results of formula cells), from a :class:`~kinerja.cuplikan.Cuplikan`, so a file and the
workbook open in Excel read alike. :class:`Posisi` remembers where each value came from, so that
validation can name the cell.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .bangun import (K_ATAS, K_BAWAH, LEMBAR_TW, PENGATURAN, PK_KOLOM, RIWAYAT_KOLOM, SS_KODE, SS_NAMA, SS_PERSPEKTIF,
                     TW_KETERANGAN, TW_REALISASI)
from .cuplikan import Cuplikan, LembarSel, dari_berkas
from .dataset import (IKU, SS, Anggaran, BarisRiwayat, Dataset, EvaluasiSakip, Kegiatan, Keluaran, OutputEfisiensi, Pengaturan,
                      RevisiPagu)
from .penghitung import PENGHITUNG

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
    for nama, kunci, _ in PENGATURAN:
        peng[kunci] = c.nilai_nama(nama)
        if nama in c.nama:
            pos.pengaturan[nama] = c.nama[nama]
    ss = _baca_ss(c, pos)
    iku = _baca_iku(c, pos)
    from .berkas import BerkasError
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
    v = c.ambil("PK")
    r0 = _cari_baris(v, SS_KODE, "Kode SS")
    hasil = []
    r = (r0 if r0 is not None else v.baris) + 1
    while r0 is not None and _teks(v.v(r, SS_KODE)):
        kode = _teks(v.v(r, SS_KODE))
        hasil.append(SS(kode, _teks(v.v(r, SS_PERSPEKTIF)), _teks(v.v(r, SS_NAMA))))
        pos.ss[kode] = ("PK", r, SS_KODE)
        r += 1
    return hasil


def _realisasi_tw(c: Cuplikan, pos: Posisi) -> dict[str, list[tuple[Any, bool, Any]]]:
    """Per IKU code: (value, is_formula, keterangan) of the Realisasi cell of TW I..IV."""
    out: dict[str, list[tuple[Any, bool, Any]]] = {}
    for k, nama in enumerate(LEMBAR_TW):
        if nama not in c.lembar:
            continue
        v = c.lembar[nama]
        r0 = _cari_baris(v, 2, "Kode IKU")
        r = (r0 if r0 is not None else v.baris) + 1
        while r0 is not None and _teks(v.v(r, 2)):
            kode = _teks(v.v(r, 2))
            out.setdefault(kode, [(None, False, None)] * 4)[k] = (v.v(r, TW_REALISASI), v.f(r, TW_REALISASI) is not None,
                                                                 v.v(r, TW_KETERANGAN))
            pos.tw[(k, kode)] = r
            r += 1
    return out


def _baca_iku(c: Cuplikan, pos: Posisi) -> list[IKU]:
    v = c.ambil("PK")
    r0 = _cari_baris(v, 0, "Kode IKU")
    if r0 is None:
        return []
    pos.iku_kolom = {_teks(v.v(r0, k)): k for k in range(len(PK_KOLOM) + 5) if _teks(v.v(r0, k))}
    kol = pos.iku_kolom
    sel = lambda r, judul: v.v(r, kol[judul]) if judul in kol else None  # noqa: E731
    tw = _realisasi_tw(c, pos)
    masukan = _baca_rincian(c, pos)
    hasil = []
    r = r0 + 1
    while _teks(v.v(r, 0)):
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
            masukan=masukan.get(kode, {}), batas_bawah=v.v(r, K_BAWAH), batas_atas=v.v(r, K_ATAS),
            realisasi_terburuk=sel(r, "Realisasi terburuk"), kumulatif=_teks(sel(r, "Kumulatif")).lower() == "ya",
            target_tw=tuple(sel(r, f"Target TW {t}") for t in ("I", "II", "III", "IV")),
            realisasi_tw=tuple(x[0] for x in real), sumber_data=_teks(sel(r, "Sumber data")), catatan=_teks(sel(r, "Catatan")),
        ))
        r += 1
    return hasil


def blok_rincian(c: Cuplikan, pos: Posisi | None = None) -> dict[str, list[tuple[str, list[Any]]]]:
    """Rincian blocks by their marker in column A ("IKU 1.1", "SAKIP 2023", "anggaran")."""
    if "Rincian" not in c.lembar:
        return {}
    v = c.lembar["Rincian"]
    blok: dict[str, list[tuple[str, list[Any]]]] = {}
    aktif: list[tuple[str, list[Any]]] | None = None
    penanda = ""
    for r in range(v.baris):
        a = _teks(v.v(r, 0))
        if a.startswith(("IKU ", "SAKIP ")) or a == "anggaran":
            aktif, penanda = blok.setdefault(a, []), a
            continue
        if not a:
            continue
        if aktif is not None:
            nilai = [v.v(r, k) for k in range(2, 40)]
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
        if not penanda.startswith("IKU "):
            continue
        m: dict[str, Any] = {}
        for kunci, nilai in baris:
            if kunci in daftar:
                m[kunci] = nilai
            elif nilai:
                m[kunci] = nilai[0]
        out[penanda[4:]] = m
    return out


def _baca_sakip(c: Cuplikan) -> list[EvaluasiSakip]:
    hasil = []
    for penanda, baris in blok_rincian(c).items():
        if not penanda.startswith("SAKIP "):
            continue
        bobot, nilai = {}, {}
        for kunci, isi in baris:
            if kunci.startswith("sakip:") and isi:
                komp = kunci.split(":", 1)[1]
                bobot[komp] = isi[0]
                nilai[komp] = {s: x for s, x in zip(("keberadaan", "kualitas", "pemanfaatan"), isi[1:4])}
        try:
            tahun = int(penanda.split()[1])
        except (IndexError, ValueError):
            continue
        if bobot:
            hasil.append(EvaluasiSakip(tahun, bobot, {}, nilai, "lembar Rincian"))
    return hasil


def _baca_anggaran(c: Cuplikan, tahun: int, pos: Posisi) -> Anggaran | None:
    """The finance sheets (Pagu, Realisasi, Keluaran, Efisiensi, Anggaran TW) as an :class:`Anggaran`."""
    from .bangun_anggaran import KEG_BARIS0, REVISI_BARIS0
    if "Pagu" not in c.lembar or "Realisasi" not in c.lembar:
        return None
    pg = c.lembar["Pagu"]
    revisi = []
    r = REVISI_BARIS0
    while _teks(pg.v(r, 1)) and not _teks(pg.v(r, 0)).startswith("Pagu terkini"):
        revisi.append(RevisiPagu(_teks(pg.v(r, 1)), _teks(pg.v(r, 2)), pg.v(r, 4), _teks(pg.v(r, 6)), pg.v(r, 3)))
        pos.anggaran[("revisi", len(revisi) - 1)] = r
        r += 1
    r_keg = next((x for x in range(r, pg.baris) if pg.v(x, 0) == "Kode" and pg.v(x, 2) == "Pagu"), None)
    pagu: dict[str, Any] = {}
    if r_keg is not None:
        x = r_keg + 1
        while _teks(pg.v(x, 0)):
            pagu[_teks(pg.v(x, 0))] = pg.v(x, 2)
            pos.anggaran[("pagu", _teks(pg.v(x, 0)))] = x
            x += 1
        pos.anggaran[("pagu_jumlah",)] = x
    rl = c.lembar["Realisasi"]
    bulan_kepala = [x for x in range(rl.baris) if rl.v(x, 2) == "Jan"]
    kegiatan = []
    i = 0
    while _teks(rl.v(KEG_BARIS0 + i, 0)) and _teks(rl.v(KEG_BARIS0 + i, 0)) != "TOTAL":
        kode, r0 = _teks(rl.v(KEG_BARIS0 + i, 0)), KEG_BARIS0 + i
        pos.anggaran[("realisasi", kode)] = r0
        bulanan = [(), ()]
        for j, kepala in enumerate(bulan_kepala[:2]):
            pos.anggaran[(("bulan", "rpd")[j], kode)] = kepala + 1 + i
            bulanan[j] = tuple(rl.v(kepala + 1 + i, 2 + m) for m in range(12))
        kegiatan.append(Kegiatan(kode, _teks(rl.v(r0, 1)), pagu.get(kode, rl.v(r0, 2)), rl.v(r0, 3), bulanan[0] or (None,) * 12,
                                 bulanan[1] or (None,) * 12))
        i += 1
    return Anggaran(tahun, tuple(revisi), tuple(kegiatan), tuple(_baca_keluaran(c, pos)), tuple(_baca_efisiensi(c, pos)), {},
                    _target_tw(c))


def _baca_keluaran(c: Cuplikan, pos: Posisi) -> list[Keluaran]:
    from .bangun_anggaran import KEG_BARIS0
    v = c.lembar.get("Keluaran")
    hasil = []
    r = KEG_BARIS0
    while v is not None and _teks(v.v(r, 1)) and _teks(v.v(r, 1)) != "Total":
        hasil.append(Keluaran(_teks(v.v(r, 1)), v.v(r, 2), v.v(r, 3), (v.v(r, 4),), (v.v(r, 5),)))
        pos.anggaran[("keluaran", len(hasil) - 1)] = r
        r += 1
    return hasil


def _baca_efisiensi(c: Cuplikan, pos: Posisi) -> list[OutputEfisiensi]:
    from .bangun_anggaran import KEG_BARIS0
    v = c.lembar.get("Efisiensi")
    hasil = []
    r = KEG_BARIS0
    while v is not None and _teks(v.v(r, 1)) and _teks(v.v(r, 1)) != "Total":
        hasil.append(OutputEfisiensi(_teks(v.v(r, 1)), v.v(r, 2), v.v(r, 3), v.v(r, 4)))
        pos.anggaran[("efisiensi", len(hasil) - 1)] = r
        r += 1
    return hasil


def _target_tw(c: Cuplikan) -> tuple[Any, ...]:
    v = c.lembar.get("Anggaran TW")
    return tuple(v.v(3, 4 + 4 * k) for k in range(4)) if v is not None else (None,) * 4


def _baca_riwayat(c: Cuplikan, pos: Posisi) -> list[BarisRiwayat]:
    if "Riwayat" not in c.lembar:
        return []
    v = c.lembar["Riwayat"]
    r0 = _cari_baris(v, 0, RIWAYAT_KOLOM[0])
    hasil = []
    r = (r0 if r0 is not None else v.baris) + 1
    while r0 is not None and _teks(v.v(r, 0)) and v.v(r, 5) is not None:
        x = lambda i: v.v(r, i)  # noqa: E731
        try:
            tahun = int(x(4))
        except (TypeError, ValueError):
            tahun = 0
        hasil.append(BarisRiwayat(_teks(x(0)), _teks(x(1)), _teks(x(2)), _teks(x(3)), tahun, x(5), x(6), x(10), None, x(7), _teks(x(12))))
        pos.riwayat.append(r)
        r += 1
    return hasil
