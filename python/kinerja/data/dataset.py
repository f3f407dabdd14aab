"""The dataset: a unit's Perjanjian Kinerja, inputs and published numbers, as plain data.

Any unit and any year is data, never code. The embedded default (Deputi IV, 2024) lives in
``kinerja/data/deputi4_2024/`` as TOML and CSV files; a workbook's PK sheet yields the same
structures. Values stay as typed or printed (text in Indonesian notation, or numbers from Excel):
they are parsed where they are used, so that a bad value becomes an n/a with a reason naming the
field, instead of a crash while loading. What loading does check (the file is readable, its syntax,
the required keys and columns, each value's type, unique codes) is a :class:`DatasetError` naming
the file and the key or line; the reading itself is :mod:`kinerja.data.muat`.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Any

from .muat import WAJIB, BarisCsv, DatasetError, Tabel, baca_csv, baca_toml

__all__ = [
    "SS", "IKU", "Pengaturan", "BarisRiwayat", "Terbit", "Klaim", "Kegiatan", "Keluaran", "OutputEfisiensi",
    "RevisiPagu", "Anggaran", "EvaluasiSakip", "BarisArsip", "Dataset", "muat_bawaan", "muat_folder", "folder_bawaan", "DatasetError",
]

Mentah = Any
"""A value as typed: str in Indonesian notation, a number, or None for an empty cell."""


@dataclass(frozen=True)
class SS:
    """Sasaran Strategis: code, perspektif and name."""

    kode: str
    perspektif: str
    nama: str


@dataclass(frozen=True)
class IKU:
    """One indicator of the PK: what it measures, its target and how its realisasi is obtained."""

    kode: str
    ss: str
    nama: str
    satuan: str
    polarisasi: Mentah
    target: Mentah
    realisasi: Mentah = None
    kalkulator: str | None = None
    masukan: dict[str, Any] = field(default_factory=dict)
    batas_bawah: Mentah = None
    batas_atas: Mentah = None
    realisasi_terburuk: Mentah = None
    kumulatif: bool = False
    target_tw: tuple[Mentah, ...] = (None, None, None, None)
    realisasi_tw: tuple[Mentah, ...] = (None, None, None, None)
    sumber_data: str = ""
    catatan: str = ""
    konsolidasi: Mentah = None                  # kumulatif (empty) | jumlah | rata | terakhir (RUMUS 10)
    bobot: Mentah = None                        # weight inside its SS (empty = plain mean)
    keterangan_tw: tuple[Mentah, ...] = (None, None, None, None)


@dataclass(frozen=True)
class Pengaturan:
    """Settings of the dataset (raw, validated where used): NKO method and caps, conversions."""

    nko_metode: Mentah = "rata_nss"
    nko_batas: Mentah = None
    nss_batas: Mentah = None
    batas_capaian: Mentah = 120
    skala_tata_kelola: Mentah = "linear"
    desimal_rasio_kpa: Mentah = None
    aturan_rentang: Mentah = "bawah"
    bobot_perspektif: tuple[tuple[str, Mentah], ...] = ()            # (perspektif, weight %); empty = plain mean
    predikat: tuple[tuple[Mentah, str, str], ...] = ()               # (lower bound %, name, colour); empty = 2024 bands


@dataclass(frozen=True)
class BarisRiwayat:
    """One IKU-year of the history table (Tabel 3.1) with the capaian it published."""

    kode: str
    nama: str
    satuan: str
    polarisasi: str
    tahun: int
    target: Mentah
    realisasi: Mentah
    capaian_terbit: Mentah
    baris: int | None = None
    realisasi_koreksi: Mentah = None
    catatan: str = ""


@dataclass(frozen=True)
class Terbit:
    """A number the report published, where, and which computed quantity it claims to be."""

    lokasi: str
    baris: int | None
    kunci: str
    nilai: Mentah
    catatan: str = ""


@dataclass(frozen=True)
class Klaim:
    """A calculation the report prints with its own inputs (recomputed with a named calculator)."""

    lokasi: str
    baris: int | None
    rumus: str
    masukan: dict[str, Any]
    nilai: Mentah
    catatan: str = ""


@dataclass(frozen=True)
class Kegiatan:
    """A kegiatan of Tabel 3.5: code, name, pagu, realisasi, and optional monthly columns."""

    kode: str
    nama: str
    pagu: Mentah
    realisasi: Mentah
    realisasi_bulanan: tuple[Mentah, ...] = (None,) * 12
    rpd_bulanan: tuple[Mentah, ...] = (None,) * 12


@dataclass(frozen=True)
class Keluaran:
    """Output volume and indicators of one kegiatan (CKK, PMK 214/2017)."""

    kegiatan: str
    tvk: Mentah
    rvk: Mentah
    tikk: tuple[Mentah, ...]
    rikk: tuple[Mentah, ...]


@dataclass(frozen=True)
class OutputEfisiensi:
    """Pagu, capaian keluaran and realisasi of one output (efisiensi table)."""

    keluaran: str
    pagu: Mentah
    ck: Mentah
    realisasi: Mentah


@dataclass(frozen=True)
class RevisiPagu:
    """One step of the pagu history: stage, quarter, pagu before (as the letter says), new pagu, reason."""

    tahap: str
    triwulan: str
    nilai: Mentah
    alasan: str = ""
    sebelum: Mentah = None


@dataclass(frozen=True)
class Anggaran:
    """The budget of the year and the previous year's totals as quoted."""

    tahun: int
    pagu_revisi: tuple[RevisiPagu, ...] = ()
    kegiatan: tuple[Kegiatan, ...] = ()
    keluaran: tuple[Keluaran, ...] = ()
    efisiensi: tuple[OutputEfisiensi, ...] = ()
    tahun_lalu: dict[str, Any] = field(default_factory=dict)
    target_penyerapan_tw: tuple[Mentah, ...] = (None, None, None, None)


@dataclass(frozen=True)
class EvaluasiSakip:
    """One year's SAKIP evaluation: weights, sub-weights and sub-component scores."""

    tahun: int
    bobot: dict[str, float]
    bobot_sub: dict[str, dict[str, float]]
    nilai: dict[str, dict[str, Mentah]]
    sumber: str = ""


@dataclass(frozen=True)
class BarisArsip:
    """A value staff entered for an IKU that is no longer in the PK, kept by Susun Ulang (nothing is lost)."""

    kode: str
    lembar: str
    sel: str
    apa: str
    nilai: Mentah
    catatan: str = ""


@dataclass(frozen=True)
class Dataset:
    """Everything the engine computes a Laporan Kinerja from."""

    unit: str
    unit_singkat: str
    instansi: str
    tahun: int
    periode: str
    sumber: str
    pengaturan: Pengaturan
    ss: tuple[SS, ...]
    iku: tuple[IKU, ...]
    riwayat: tuple[BarisRiwayat, ...] = ()
    terbit: tuple[Terbit, ...] = ()
    klaim: tuple[Klaim, ...] = ()
    anggaran: Anggaran | None = None
    sakip: tuple[EvaluasiSakip, ...] = ()
    arsip: tuple[BarisArsip, ...] = ()


def _unik(daftar: list[Tabel], apa: str) -> None:
    """Refuse a code used twice (codes are compared without surrounding spaces)."""
    dilihat: dict[str, str] = {}
    for t in daftar:
        kode = t.teks("kode", isi_wajib=True).strip()
        if kode in dilihat:
            raise t.galat("kode", f"kode {apa} '{kode}' ganda (sudah dipakai di {dilihat[kode]})")
        dilihat[kode] = t.jalur


def _iku(t: Tabel) -> IKU:
    return IKU(
        kode=t.teks("kode", isi_wajib=True), ss=t.teks("ss"), nama=t.teks("nama", ""), satuan=t.teks("satuan", ""),
        polarisasi=t.mentah("polarisasi"), target=t.mentah("target"), realisasi=t.mentah("realisasi"),
        kalkulator=t.teks("kalkulator", None), masukan=t.masukan("masukan"),
        batas_bawah=t.mentah("batas_bawah"), batas_atas=t.mentah("batas_atas"),
        realisasi_terburuk=t.mentah("realisasi_terburuk"), kumulatif=t.logika("kumulatif"),
        target_tw=t.daftar("target_tw", 4, (None,) * 4), realisasi_tw=t.daftar("realisasi_tw", 4, (None,) * 4),
        sumber_data=t.teks("sumber_data", ""), catatan=t.teks("catatan", ""),
        konsolidasi=t.mentah("konsolidasi"), bobot=t.mentah("bobot"),
        keterangan_tw=t.daftar("keterangan_tw", 4, (None,) * 4),
    )


def _pengaturan(pk: Tabel) -> Pengaturan:
    t = pk.tabel("pengaturan")
    if t is None:
        return Pengaturan()
    t.hanya_kunci(f.name for f in fields(Pengaturan))
    isi = {k: t.mentah(k) for k in t.kunci() if k not in ("bobot_perspektif", "predikat")}
    bobot = t.tabel("bobot_perspektif")
    if bobot is not None:
        isi["bobot_perspektif"] = tuple((k, bobot.mentah(k)) for k in bobot.kunci())
    if "predikat" in t:
        isi["predikat"] = tuple((p.mentah("batas"), p.teks("nama", isi_wajib=True), p.teks("warna", isi_wajib=True))
                                for p in t.tabel_tabel("predikat"))
    return Pengaturan(**isi)


def _tahun_lalu(a: Tabel) -> dict[str, Any]:
    t = a.tabel("tahun_lalu")
    if t is None or not t.kunci():
        return {}
    tahun = t.bulat("tahun")
    return {k: tahun if k == "tahun" else t.mentah(k) if k in ("pagu", "realisasi", "realisasi_koreksi") else v
            for k, v in t.isi.items()}


def _anggaran(a: Tabel | None) -> Anggaran | None:
    if a is None or not a.kunci():
        return None
    bulan = (None,) * 12
    return Anggaran(
        tahun=a.bulat("tahun"),
        pagu_revisi=tuple(RevisiPagu(r.teks("tahap"), r.teks("triwulan", ""), r.mentah("nilai", WAJIB), r.teks("alasan", ""),
                                     r.mentah("sebelum")) for r in a.tabel_tabel("pagu_revisi")),
        kegiatan=tuple(Kegiatan(k.teks("kode"), k.teks("nama"), k.mentah("pagu", WAJIB), k.mentah("realisasi"),
                                k.daftar("realisasi_bulanan", 12, bulan), k.daftar("rpd_bulanan", 12, bulan))
                       for k in a.tabel_tabel("kegiatan")),
        keluaran=tuple(Keluaran(k.teks("kegiatan"), k.mentah("tvk", WAJIB), k.mentah("rvk", WAJIB), k.daftar("tikk"), k.daftar("rikk"))
                       for k in a.tabel_tabel("keluaran")),
        efisiensi=tuple(OutputEfisiensi(k.teks("keluaran"), k.mentah("pagu", WAJIB), k.mentah("ck", WAJIB), k.mentah("realisasi", WAJIB))
                        for k in a.tabel_tabel("efisiensi")),
        tahun_lalu=_tahun_lalu(a),
        target_penyerapan_tw=a.daftar("target_penyerapan_tw", 4, (None,) * 4),
    )


def _evaluasi(e: Tabel) -> EvaluasiSakip:
    bobot = e.angka_per_kunci("bobot", wajib=True)
    sub = e.tabel("bobot_sub")
    bobot_sub = {k: sub.angka_per_kunci(k, wajib=True) for k in sub.kunci()} if sub else {}
    t = e.tabel("nilai", wajib=True)
    nilai: dict[str, dict[str, Any]] = {}
    for k in t.kunci():
        if k not in bobot:
            raise t.galat(k, f"komponen tanpa bobot (bobot ada untuk: {', '.join(bobot) or '-'})")
        komp = t.tabel(k, wajib=True)
        nilai[k] = {s: komp.mentah(s) for s in komp.kunci()}
    return EvaluasiSakip(e.bulat("tahun"), bobot, bobot_sub, nilai, e.teks("sumber", ""))


def _riwayat(r: BarisCsv) -> BarisRiwayat:
    return BarisRiwayat(r.teks("kode"), r.teks("nama"), r.teks("satuan"), r.teks("polarisasi"), r.bulat("tahun"),
                        r.mentah("target"), r.mentah("realisasi"), r.mentah("capaian_terbit"), r.bulat("baris", wajib=False),
                        r.mentah("realisasi_koreksi"), r.teks("catatan"))


KOLOM_RIWAYAT = ("kode", "nama", "satuan", "polarisasi", "tahun", "target", "realisasi", "capaian_terbit")
KOLOM_TERBIT = ("lokasi", "kunci", "nilai")


def muat_folder(folder: Path | str) -> Dataset:
    """Load a dataset folder (pk.toml, riwayat.csv, terbit.csv, klaim.toml, anggaran.toml, sakip.toml).

    Only pk.toml is required. Any problem is a :class:`DatasetError` naming the file and the key
    (TOML) or the line and column (CSV).
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise DatasetError(f"folder dataset '{folder}' tidak ditemukan atau bukan folder")
    pk = baca_toml(folder, "pk.toml")
    if pk is None:
        raise DatasetError(f"folder {folder} tidak berisi pk.toml")
    unit = pk.teks("unit", isi_wajib=True)
    ss, iku = pk.tabel_tabel("ss"), pk.tabel_tabel("iku")
    _unik(ss, "SS")
    _unik(iku, "IKU")
    riwayat = baca_csv(folder, "riwayat.csv", KOLOM_RIWAYAT, ("baris", "realisasi_koreksi", "catatan")) or []
    terbit = baca_csv(folder, "terbit.csv", KOLOM_TERBIT, ("baris", "catatan")) or []
    klaim = baca_toml(folder, "klaim.toml")
    sakip = baca_toml(folder, "sakip.toml")
    return Dataset(
        unit=unit, unit_singkat=pk.teks("unit_singkat", unit), instansi=pk.teks("instansi", ""),
        tahun=pk.bulat("tahun"), periode=pk.teks("periode", ""), sumber=pk.teks("sumber", ""),
        pengaturan=_pengaturan(pk),
        ss=tuple(SS(s.teks("kode"), s.teks("perspektif"), s.teks("nama")) for s in ss),
        iku=tuple(_iku(d) for d in iku),
        riwayat=tuple(_riwayat(r) for r in riwayat),
        terbit=tuple(Terbit(r.teks("lokasi"), r.bulat("baris", wajib=False), r.teks("kunci"), r.teks("nilai"), r.teks("catatan"))
                     for r in terbit),
        klaim=tuple(Klaim(k.teks("lokasi"), k.bulat("baris", None), k.teks("rumus"), k.masukan("masukan"), k.mentah("nilai", WAJIB),
                          k.teks("catatan", "")) for k in (klaim.tabel_tabel("klaim") if klaim else [])),
        anggaran=_anggaran(baca_toml(folder, "anggaran.toml")),
        sakip=tuple(_evaluasi(e) for e in (sakip.tabel_tabel("evaluasi") if sakip else [])),
    )


def folder_bawaan() -> Path:
    """Folder of the embedded default dataset (Deputi IV, 2024)."""
    return Path(str(resources.files("kinerja") / "data" / "deputi4_2024"))


def muat_bawaan() -> Dataset:
    """The embedded default: the 2024 Laporan Kinerja of Deputi IV, the golden test set."""
    return muat_folder(folder_bawaan())
