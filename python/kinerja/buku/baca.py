"""Read a Kinerja workbook back into a :class:`~kinerja.data.dataset.Dataset` (never writing to it).

The PK sheet is the master: settings by their defined names (or, when a name is broken, by their
label), the SS and IKU tables by their header rows, each table up to the marker that ends it
(:mod:`~kinerja.buku.tabel`), never "until the first blank". Realisasi come from the TW sheets
(TW IV is the year); an IKU whose TW IV realisasi is a formula takes its value from its
calculator, whose inputs are the rows of its Rincian block (keys in column A); an input that is a
link is read as the reference it is (``@penyerapan_anggaran``, ``@sakip``), not as its cached
value. Riwayat rows become the history. Every position comes from :mod:`~kinerja.buku.tata_letak`.
:class:`Posisi` remembers where each value came from and every structural problem found, so that
validation can name the cell.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..data.berkas import BerkasError
from ..data.dataset import IKU, BarisArsip, BarisRiwayat, Dataset, EvaluasiSakip, Pengaturan
from ..hitung.penghitung import PENGHITUNG
from . import tata_letak as tl
from .baca_anggaran import baca_anggaran
from .baca_pk import baca_bobot, baca_pengaturan, baca_predikat, baca_ss
from .cuplikan import Cuplikan, dari_berkas
from .tabel import Masalah, baris_tabel, cari_baris, rujuk, teks

__all__ = ["baca_dataset", "baca", "Posisi", "Masalah", "blok_rincian"]

Sel = tuple[str, int, int]
"""(sheet, 0-based row, 0-based column)."""
_NAMA = re.compile(r"^=\s*([A-Za-z_][A-Za-z0-9_.]*)\s*$")
_SEL = re.compile(r"^=\s*(?:'?([^'!]+)'?!)?\$?([A-Z]{1,3})\$?(\d+)\s*$")
REFERENSI_BALIK = {nama: kunci for kunci, nama in tl.REFERENSI.items()}


@dataclass
class Posisi:
    """Where each value of the dataset sits in the workbook, and what is wrong with its structure."""

    pengaturan: dict[str, Sel] = field(default_factory=dict)
    ss: dict[str, Sel] = field(default_factory=dict)                  # kode SS -> its cell
    iku: dict[str, int] = field(default_factory=dict)                 # kode IKU -> PK row
    iku_kolom: dict[str, int] = field(default_factory=dict)           # PK header -> column
    iku_baris: list[tuple[str, int]] = field(default_factory=list)    # every PK IKU row (duplicates kept)
    tw: dict[tuple[int, str], int] = field(default_factory=dict)      # (TW index, kode IKU) -> row
    keterangan: dict[tuple[int, str], Any] = field(default_factory=dict)   # (TW index, kode IKU) -> Keterangan as typed
    tw_judul: dict[int, int] = field(default_factory=dict)            # TW index -> row of the NSS/NKO block's title
    tw_blok: dict[int, tuple[list[int], list[int]]] = field(default_factory=dict)   # TW index -> (NSS rows, NKO rows)
    tw_ganda: list[tuple[int, str, int]] = field(default_factory=list)  # (TW index, kode, row) of a code seen twice on a TW
    bobot: list[int] = field(default_factory=list)                    # PK rows of the perspektif weights that are filled
    predikat: list[int] = field(default_factory=list)                 # PK rows of the predicate bands
    tw_pk: dict[tuple[int, str], int | None] = field(default_factory=dict)  # (TW index, kode IKU) -> the PK row its links show
    tw_realisasi: dict[tuple[int, str], Any] = field(default_factory=dict)  # (TW index, kode IKU) -> Realisasi as typed (formula: None)
    tw_tanpa_kode: list[tuple[int, int, Any, Any]] = field(default_factory=list)  # (TW index, row, realisasi, keterangan) without a code
    rincian: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)   # (block, key) -> (row, n values)
    riwayat: list[int] = field(default_factory=list)                  # row of each history entry
    anggaran: dict[tuple, int] = field(default_factory=dict)          # finance rows: ("revisi", i), ("realisasi", i), ...
    iku_kepala: int | None = None                                     # PK row of the IKU table's header (None: not found)
    masalah: list[Masalah] = field(default_factory=list)              # structural problems, each at a cell


def baca_dataset(path: Path | str) -> Dataset:
    """The dataset of a Kinerja workbook file."""
    return baca(dari_berkas(path))[0]


def baca(c: Cuplikan) -> tuple[Dataset, Posisi]:
    """The dataset of a snapshot and the position of its values."""
    pos = Posisi()
    if tl.PK not in c.lembar:
        raise BerkasError(f"workbook '{c.nama_berkas}' tidak memiliki lembar '{tl.PK}': bukan workbook Kinerja")
    for nama in tl.urutan_lembar(tl.PAGU in c.lembar)[:-2]:
        if nama not in c.lembar:
            pos.masalah.append(Masalah(tl.PK, 0, 0, f"lembar '{nama}' tidak ada", "Kembalikan lembarnya (salin dari workbook "
                                       "bawaan) atau susun ulang workbook; tanpa lembar itu angkanya tidak dapat diperiksa"))
    peng = baca_pengaturan(c, pos.masalah, pos.pengaturan)
    peng.update(bobot_perspektif=baca_bobot(c, pos.masalah, pos.bobot), predikat=baca_predikat(c, pos.masalah, pos.predikat))
    iku = _baca_iku(c, pos)
    if pos.iku_kepala is None:                         # an empty table is a finding (a new unit's start); no table: not Kinerja
        raise BerkasError(f"workbook '{c.nama_berkas}': tabel IKU pada lembar PK tidak ditemukan "
                          f"(judul kolom '{tl.IKU_KEPALA}' di kolom A)")
    tahun = _tahun(peng.pop("tahun"))                  # 0 when not a year: the validator's 'tahun' rule names the cell
    ds = Dataset(
        unit=teks(peng.pop("unit")), unit_singkat=teks(peng.pop("unit_singkat")) or "Unit", instansi=teks(peng.pop("instansi")),
        tahun=tahun, periode=teks(peng.pop("periode")), sumber=c.nama_berkas,
        pengaturan=Pengaturan(**{k: v for k, v in peng.items() if k not in ("aturan_rentang",) or v not in (None, "")}),
        ss=tuple(baca_ss(c, pos.masalah, pos.ss)), iku=tuple(iku), riwayat=tuple(_baca_riwayat(c, pos)),
        anggaran=baca_anggaran(c, tahun, pos.anggaran, pos.masalah), sakip=tuple(_baca_sakip(c)), arsip=tuple(_baca_arsip(c)),
    )
    if iku:
        _lengkapi_tw(c, ds, pos)
    else:                                              # a new unit's start: Susun Ulang lays the TW sheets out from the PK
        pos.masalah = [m for m in pos.masalah if m.lembar not in tl.LEMBAR_TW]
    return ds, pos


def _lengkapi_tw(c: Cuplikan, ds: Dataset, pos: Posisi) -> None:
    """Every PK IKU must have its row on every TW sheet, once; the NSS/NKO block sits at the layout's rows below its title."""
    kode_pk = Counter(i.kode for i in ds.iku)
    kode_di_baris = {r: x for x, r in pos.iku_baris}
    for k, kode, r in pos.tw_ganda:
        if kode_pk[kode] < 2:                   # a code twice on PK is reported there (kode-ganda)
            pos.masalah.append(Masalah(tl.LEMBAR_TW[k], r, tl.TW_KODE, f"kode IKU '{kode}' muncul lebih dari sekali pada "
                                       f"{tl.LEMBAR_TW[k]}", "Setiap IKU PK satu baris pada lembar TW; perbaiki kode baris ini "
                                       "(isinya tidak dibaca)", menghalangi=True))
    for k, nama in enumerate(tl.LEMBAR_TW):
        if nama not in c.lembar or not any(j == k for j, _ in pos.tw):
            continue
        for kode_tw, r_pk in ((x, r) for (j, x), r in pos.tw_pk.items() if j == k and r is not None):
            kode_baris = kode_di_baris.get(r_pk)
            if kode_baris is not None and kode_baris != kode_tw:
                pos.masalah.append(Masalah(nama, pos.tw[(k, kode_tw)], tl.TW_NAMA, f"baris IKU {kode_tw} pada {nama} menampilkan baris PK "
                                           f"{r_pk + 1} yang kini berisi IKU {kode_baris} (PK diubah)",
                                           "Tekan Susun Ulang pada lembar PK: lembar TW disusun lagi mengikuti PK"))
        for (j, kode_tw), r in pos.tw.items():
            if j == k and kode_tw not in kode_pk:
                pos.masalah.append(Masalah(nama, r, tl.TW_KODE, f"IKU {kode_tw} pada {nama} tidak ada lagi pada PK: realisasinya tidak "
                                           "dipakai", "Tekan Susun Ulang pada lembar PK: isian IKU itu dipindah ke lembar Arsip"))
        for i, iku in enumerate(ds.iku):
            if (k, iku.kode) not in pos.tw:
                pos.masalah.append(Masalah(nama, tl.TW_BARIS0 + i, tl.TW_KODE, f"IKU {iku.kode} dari PK tidak ada pada tabel IKU {nama}: "
                                           "realisasinya tidak terbaca", "Susun ulang workbook atau kembalikan baris IKU itu"))
        if k in pos.tw_judul:
            _blok_nss_nko(c.lembar[nama], nama, pos.tw_judul[k], len(ds.ss), k, pos)


def _tautan_rincian(rumus: str | None) -> bool:
    """True for a link to a cell of Rincian (``=Rincian!$C$19``): TW IV's realisasi made by a calculator."""
    m = _SEL.match(rumus or "")
    return bool(m) and m.group(1) == tl.RINCIAN


def _baris_pk(rumus: str | None) -> int | None:
    """The PK row a TW cell's link shows (``=PK!$D$26`` -> 25), or None."""
    m = _SEL.match(rumus or "")
    return int(m.group(3)) - 1 if m and m.group(1) == tl.PK else None


def _baca_arsip(c: Cuplikan) -> list[BarisArsip]:
    """The rows of the Arsip sheet (values of IKU no longer in PK), kept by every Susun Ulang."""
    v = c.lembar.get(tl.ARSIP)
    if v is None:
        return []
    kol = tuple(range(len(tl.ARSIP_KOLOM)))
    return [BarisArsip(teks(v.v(r, tl.AR_KODE)), teks(v.v(r, tl.AR_LEMBAR)), teks(v.v(r, tl.AR_SEL)), teks(v.v(r, tl.AR_APA)),
                       v.v(r, tl.AR_NILAI), teks(v.v(r, tl.AR_CATATAN)))
            for r in v.baris_terisi(tl.ARSIP_BARIS0) if any(teks(v.v(r, k)) for k in kol)]


def _blok_nss_nko(v: Any, nama: str, r_judul: int, n_ss: int, k: int, pos: Posisi) -> None:
    """The NSS/NKO block at the layout's rows below its title, if its header and NKO labels are where the layout puts them."""
    baris_nss, baris_nko = tl.baris_nss_nko(r_judul, n_ss)
    salah = [(r_judul + 1, c, h) for c, h in tl.NSS_KEPALA if teks(v.v(r_judul + 1, c)) != h]
    salah += [(r, tl.TW_NSS_KODE, h) for r, h in zip(baris_nko, tl.NKO_LABEL) if teks(v.v(r, tl.TW_NSS_KODE)) != h]
    antara = [r for r in v.baris_terisi(baris_nss[-1] + 1 if baris_nss else r_judul + 2, baris_nko[0])
              if any(v.v(r, c) not in (None, "") or v.f(r, c) for c in range(tl.TW_KOLOM_EKSPOR))]
    if salah or antara:
        r, c, h = salah[0] if salah else (antara[0], tl.TW_NSS_KODE, "(baris kosong)")
        pos.masalah.append(Masalah(nama, r, c, f"blok NSS/NKO {nama} tidak tersusun seperti dibangun ({n_ss} SS pada PK): "
                                   f"di sini seharusnya '{h}', tertulis '{teks(v.v(r, c))}'; nilainya tidak dapat diperiksa",
                                   "Susun ulang workbook (baris disisipkan/dihapus di blok NSS/NKO, atau jumlah SS pada PK berubah)"))
        return
    pos.tw_blok[k] = (baris_nss, baris_nko)


def _tahun(x: Any) -> int:
    """The PK's year, 2000-2100 (0 when the cell holds none)."""
    if isinstance(x, bool):
        return 0
    try:
        f = float(str(x).strip()) if isinstance(x, str) else float(x)
    except (TypeError, ValueError):
        return 0
    return int(f) if 2000 <= f <= 2100 and f == int(f) else 0


def _kolom(v: Any, lembar: str, r0: int, kepala: tuple[str, ...], wajib: tuple[int, ...], pos: Posisi) -> dict[str, int]:
    """Header text -> column on header row ``r0``; a required header not found is a problem (its layout column is used)."""
    kol = {teks(v.v(r0, k)): k for k in range(tl.KOLOM_BACA) if teks(v.v(r0, k))}
    for k in wajib:
        if kepala[k] not in kol:
            pos.masalah.append(Masalah(lembar, r0, k, f"judul kolom '{kepala[k]}' tidak ditemukan (tertulis '{teks(v.v(r0, k))}')",
                                       f"Kembalikan judul kolom '{kepala[k]}'"))
            kol[kepala[k]] = k
    return kol


def _realisasi_tw(c: Cuplikan, pos: Posisi) -> dict[str, list[tuple[Any, bool]]]:
    """Per IKU code: (value, is a link to Rincian) of the Realisasi cell of TW I..IV. A formula staff typed (``=7/2``)
    counts by its cached value; only TW IV's link to a calculator's result means "the calculator decides"."""
    out: dict[str, list[tuple[Any, bool]]] = {}
    for k, nama in enumerate(tl.LEMBAR_TW):
        v = c.lembar.get(nama)
        r0 = cari_baris(v, tl.TW_KODE, tl.IKU_KEPALA) if v is not None else None
        if v is None or r0 is None:
            if v is not None:
                pos.masalah.append(Masalah(nama, tl.TW_BARIS0 - 1, tl.TW_KODE, f"tabel IKU {nama} tidak ditemukan (judul kolom "
                                           f"'{tl.IKU_KEPALA}')", "Kembalikan baris judul tabel pada lembar TW"))
            continue
        kol = _kolom(v, nama, r0, tl.TW_KOLOM, tl.TW_WAJIB, pos)
        c_real, c_ket = kol[tl.TW_KOLOM[tl.TW_REALISASI]], kol.get(tl.TW_KOLOM[tl.TW_KETERANGAN], tl.TW_KETERANGAN)
        akhir = cari_baris(v, 0, tl.NSS_JUDUL, r0 + 1)
        if akhir is None:
            pos.masalah.append(Masalah(nama, r0, 0, f"judul blok NSS/NKO ('{tl.NSS_JUDUL}') tidak ditemukan di kolom A",
                                       "Kembalikan judul blok NSS/NKO di bawah tabel IKU (salin dari workbook bawaan)"))
        else:
            pos.tw_judul[k] = akhir
        terisi = [r for r in v.baris_terisi(r0 + 1, akhir) if any(v.v(r, x) not in (None, "") or v.f(r, x)
                                                                  for x in range(tl.TW_KOLOM_EKSPOR))]
        for i, r in enumerate(terisi):
            if i and r > terisi[i - 1] + 1:
                pos.masalah.append(Masalah(nama, terisi[i - 1] + 1, tl.TW_KODE, f"baris kosong di tengah tabel IKU {nama}",
                                           "Kembalikan baris IKU yang terhapus (susun ulang workbook); baris sesudahnya tetap dibaca"))
            kode = teks(rujuk(c, nama, r, tl.TW_KODE))
            if kode in ("", "0"):
                if v.f(r, c_real) is None and (v.v(r, c_real) not in (None, "") or v.v(r, c_ket) not in (None, "")):
                    pos.tw_tanpa_kode.append((k, r, v.v(r, c_real), v.v(r, c_ket)))
                pos.masalah.append(Masalah(nama, r, tl.TW_KODE, f"tabel IKU {nama}: kode IKU kosong pada baris yang berisi",
                                           "Kembalikan rumus kode IKU (salin dari baris lain) atau susun ulang workbook"))
                continue
            if (k, kode) in pos.tw:
                pos.tw_ganda.append((k, kode, r))
                continue
            out.setdefault(kode, [(None, False)] * 4)[k] = (v.v(r, c_real), _tautan_rincian(v.f(r, c_real)))
            pos.tw[(k, kode)] = r
            pos.tw_pk[(k, kode)] = _baris_pk(v.f(r, tl.TW_NAMA))
            pos.tw_realisasi[(k, kode)] = None if _tautan_rincian(v.f(r, c_real)) else v.v(r, c_real)
            if v.f(r, c_real) and not _tautan_rincian(v.f(r, c_real)) and v.v(r, c_real) is None:
                pos.masalah.append(Masalah(nama, r, c_real, f"realisasi IKU {kode} berupa rumus '{v.f(r, c_real)}' tanpa nilai tersimpan",
                                           "Buka di Excel, hitung ulang (Ctrl+Alt+F9) lalu simpan, atau ketik angkanya", menghalangi=True))
            pos.keterangan[(k, kode)] = v.v(r, c_ket)
    return out


def _baca_iku(c: Cuplikan, pos: Posisi) -> list[IKU]:
    v = c.lembar[tl.PK]
    r0 = pos.iku_kepala = cari_baris(v, tl.K_KODE, tl.IKU_KEPALA)
    if r0 is None:
        return []
    kol = pos.iku_kolom = _kolom(v, tl.PK, r0, tl.PK_KOLOM, tl.PK_WAJIB, pos)
    sel = lambda r, k: v.v(r, kol[tl.PK_KOLOM[k]]) if tl.PK_KOLOM[k] in kol else None  # noqa: E731
    tw = _realisasi_tw(c, pos)
    masukan = _baca_rincian(c, pos)
    hasil = []
    for r in baris_tabel(v, tl.PK, r0 + 1, None, kol[tl.IKU_KEPALA], range(len(tl.PK_KOLOM)), "tabel IKU", pos.masalah):
        kode = teks(sel(r, tl.K_KODE))
        pos.iku.setdefault(kode, r)
        pos.iku_baris.append((kode, r))
        real = tw.get(kode, [(None, False)] * 4)
        kalk = teks(sel(r, tl.K_KALK)) or None
        tahunan, tautan = real[3]              # TW IV: a link to the calculator's result on Rincian, or a value
        hasil.append(IKU(
            kode=kode, ss=teks(sel(r, tl.K_SS)), nama=teks(sel(r, tl.K_NAMA)), satuan=teks(sel(r, tl.K_SATUAN)),
            polarisasi=sel(r, tl.K_POL), target=sel(r, tl.K_TARGET),
            realisasi=None if tautan else tahunan, kalkulator=kalk,
            masukan=masukan.get(kode, {}), batas_bawah=sel(r, tl.K_BAWAH), batas_atas=sel(r, tl.K_ATAS),
            realisasi_terburuk=sel(r, tl.K_TERBURUK), kumulatif=teks(sel(r, tl.K_KUMULATIF)).lower() == "ya",
            target_tw=tuple(sel(r, k) for k in tl.K_TW), realisasi_tw=tuple(None if tautan else x for x, tautan in real),
            sumber_data=teks(sel(r, tl.K_SUMBER)), catatan=teks(sel(r, tl.K_CATATAN)),
            konsolidasi=teks(sel(r, tl.K_KONSOLIDASI)) or None, bobot=sel(r, tl.K_BOBOT),
            keterangan_tw=tuple(pos.keterangan.get((k, kode)) for k in range(4)),
        ))
    return hasil


def blok_rincian(c: Cuplikan, pos: Posisi | None = None) -> dict[str, list[tuple[str, list[Any]]]]:
    """Rincian blocks by their marker in column A ("IKU 1.1", "SAKIP 2023"): (key, values as read) per row.

    A value that is a link is read as its reference: ``=Penyerapan_Anggaran`` as ``@penyerapan_anggaran``,
    a link to the SAKIP result as ``@sakip``; any other formula by its cached value.
    """
    if tl.RINCIAN not in c.lembar:
        return {}
    v = c.lembar[tl.RINCIAN]
    sakip = {r for r in v.baris_terisi() if teks(v.v(r, tl.RINCIAN_KUNCI)) == "sakip"}
    blok: dict[str, list[tuple[str, list[Any]]]] = {}
    aktif: list[tuple[str, list[Any]]] | None = None
    penanda = ""
    for r in v.baris_terisi():
        a = teks(v.v(r, tl.RINCIAN_KUNCI))
        if a.startswith(tl.RINCIAN_PENANDA) or a in tl.RINCIAN_BLOK_LAIN:
            aktif, penanda = blok.setdefault(a, []), a
            continue
        if aktif is None:
            continue
        nilai = [_masukan(v.v(r, k), v.f(r, k), sakip) for k in range(tl.RINCIAN_NILAI0, tl.KOLOM_BACA)]
        while nilai and nilai[-1] is None:
            nilai.pop()
        blok_iku = penanda.startswith(tl.RINCIAN_PENANDA[0])          # the SAKIP block has a header row without a key
        if pos is not None and blok_iku and (not a and nilai or a and any(x == a for x, _ in aktif)):
            pos.masalah.append(Masalah(tl.RINCIAN, r, tl.RINCIAN_KUNCI, f"blok {penanda}: " + (
                "baris berisi nilai tanpa kunci di kolom A" if not a else f"kunci '{a}' muncul dua kali"),
                "Kembalikan kunci baris ini (salin dari workbook bawaan), atau kosongkan barisnya", menghalangi=True))
        if not a:
            continue
        aktif.append((a, nilai))
        if pos is not None:
            pos.rincian[(penanda, a)] = (r, len(nilai))
    return blok


def _masukan(nilai: Any, rumus: str | None, sakip: set[int]) -> Any:
    """An input cell as the calculator should see it: a link as its reference, anything else as its value."""
    if rumus is None:
        return nilai
    m = _NAMA.match(rumus)
    if m and m.group(1) in REFERENSI_BALIK:
        return "@" + REFERENSI_BALIK[m.group(1)]
    m = _SEL.match(rumus)
    if m and (m.group(1) in (None, tl.RINCIAN)) and int(m.group(3)) - 1 in sakip:
        return "@sakip"
    return nilai


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
            if kunci.startswith(tl.SAKIP_KUNCI) and isi:
                komp = kunci[len(tl.SAKIP_KUNCI):]
                bobot[komp] = isi[0]
                nilai[komp] = {s: x for s, x in zip(tl.SAKIP_SUB, isi[1:1 + len(tl.SAKIP_SUB)])}
        try:
            tahun = int(penanda.split()[1])
        except (IndexError, ValueError):
            continue
        if bobot:
            hasil.append(EvaluasiSakip(tahun, bobot, {}, nilai, "lembar Rincian"))
    return hasil


def _baca_riwayat(c: Cuplikan, pos: Posisi) -> list[BarisRiwayat]:
    v = c.lembar.get(tl.RIWAYAT)
    r0 = cari_baris(v, tl.RW_KODE, tl.RIWAYAT_KOLOM[tl.RW_KODE]) if v is not None else None
    if v is None or r0 is None:
        if v is not None:
            pos.masalah.append(Masalah(tl.RIWAYAT, tl.RIWAYAT_BARIS0 - 1, tl.RW_KODE, "tabel riwayat tidak ditemukan (judul kolom "
                                       f"'{tl.RIWAYAT_KOLOM[tl.RW_KODE]}')", "Kembalikan baris judul tabel pada lembar Riwayat"))
        return []
    akhir = cari_baris(v, 0, tl.TREN_JUDUL, r0 + 1)
    hasil = []
    masukan = (tl.RW_KODE, tl.RW_NAMA, tl.RW_TAHUN, tl.RW_TARGET, tl.RW_REALISASI, tl.RW_KOREKSI, tl.RW_TERBIT)
    for r in baris_tabel(v, tl.RIWAYAT, r0 + 1, akhir, tl.RW_KODE, masukan, "tabel riwayat", pos.masalah):
        x = lambda i: v.v(r, i)  # noqa: E731
        tahun = _tahun(x(tl.RW_TAHUN))
        if not tahun:
            pos.masalah.append(Masalah(tl.RIWAYAT, r, tl.RW_TAHUN, f"tahun riwayat {repr(x(tl.RW_TAHUN)) if x(tl.RW_TAHUN) is not None else 'kosong'}"
                                       " bukan tahun 2000-2100",
                                       "Tulis tahunnya sebagai angka (mis. 2020); catatan lain di kolom Catatan", menghalangi=True))
        hasil.append(BarisRiwayat(teks(x(tl.RW_KODE)), teks(x(tl.RW_NAMA)), teks(x(tl.RW_SATUAN)), teks(x(tl.RW_POL)), tahun,
                                  x(tl.RW_TARGET), x(tl.RW_REALISASI), x(tl.RW_TERBIT), None, x(tl.RW_KOREKSI), teks(x(tl.RW_CATATAN))))
        pos.riwayat.append(r)
    return hasil
