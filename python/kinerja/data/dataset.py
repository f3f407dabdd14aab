"""The dataset: a unit's Perjanjian Kinerja, inputs and published numbers, as plain data.

Any unit and any year is data, never code. The embedded default (Deputi IV, 2024) lives in
``kinerja/data/deputi4_2024/`` as TOML and CSV files; a workbook's PK sheet yields the same
structures. Values stay as typed or printed (text in Indonesian notation, or numbers from Excel):
they are parsed where they are used, so that a bad value becomes an n/a with a reason naming the
field, instead of a crash while loading.
"""
from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = [
    "SS", "IKU", "Pengaturan", "BarisRiwayat", "Terbit", "Klaim", "Kegiatan", "Keluaran", "OutputEfisiensi",
    "RevisiPagu", "Anggaran", "EvaluasiSakip", "Dataset", "muat_bawaan", "muat_folder", "DatasetError",
]

Mentah = Any
"""A value as typed: str in Indonesian notation, a number, or None for an empty cell."""


class DatasetError(ValueError):
    """The dataset files cannot be read at all (message for staff)."""


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


@dataclass(frozen=True)
class Pengaturan:
    """Settings of the dataset (raw, validated where used): NKO method and caps, conversions."""

    nko_metode: Mentah = "rata_nss"
    nko_batas: Mentah = None
    nss_batas: Mentah = None
    batas_capaian: Mentah = 120
    skala_tata_kelola: Mentah = "linear"
    desimal_rasio_kpa: Mentah = None


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


def _toml(folder: Path, nama: str) -> dict[str, Any]:
    p = folder / nama
    if not p.exists():
        return {}
    try:
        return tomllib.loads(p.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise DatasetError(f"berkas {p.name} tidak dapat dibaca: {e}") from None


def _csv(folder: Path, nama: str) -> list[dict[str, str]]:
    p = folder / nama
    if not p.exists():
        return []
    with p.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _int(x: str | int | None) -> int | None:
    return int(x) if x not in (None, "") else None


def _kosong(x: Any) -> Any:
    return None if x == "" else x


def _iku(d: dict[str, Any]) -> IKU:
    return IKU(
        kode=str(d["kode"]), ss=str(d["ss"]), nama=d.get("nama", ""), satuan=d.get("satuan", ""),
        polarisasi=d.get("polarisasi"), target=d.get("target"), realisasi=d.get("realisasi"),
        kalkulator=d.get("kalkulator"), masukan=dict(d.get("masukan", {})),
        batas_bawah=d.get("batas_bawah"), batas_atas=d.get("batas_atas"),
        realisasi_terburuk=d.get("realisasi_terburuk"), kumulatif=bool(d.get("kumulatif", False)),
        target_tw=tuple(d.get("target_tw", (None,) * 4)), realisasi_tw=tuple(d.get("realisasi_tw", (None,) * 4)),
        sumber_data=d.get("sumber_data", ""), catatan=d.get("catatan", ""),
    )


def _anggaran(d: dict[str, Any]) -> Anggaran | None:
    if not d:
        return None
    return Anggaran(
        tahun=int(d["tahun"]),
        pagu_revisi=tuple(RevisiPagu(r["tahap"], r.get("triwulan", ""), r["nilai"], r.get("alasan", ""), r.get("sebelum"))
                          for r in d.get("pagu_revisi", [])),
        kegiatan=tuple(Kegiatan(k["kode"], k["nama"], k["pagu"], k.get("realisasi"),
                                tuple(k.get("realisasi_bulanan", (None,) * 12)), tuple(k.get("rpd_bulanan", (None,) * 12)))
                       for k in d.get("kegiatan", [])),
        keluaran=tuple(Keluaran(k["kegiatan"], k["tvk"], k["rvk"], tuple(k["tikk"]), tuple(k["rikk"]))
                       for k in d.get("keluaran", [])),
        efisiensi=tuple(OutputEfisiensi(k["keluaran"], k["pagu"], k["ck"], k["realisasi"]) for k in d.get("efisiensi", [])),
        tahun_lalu=dict(d.get("tahun_lalu", {})),
        target_penyerapan_tw=tuple(d.get("target_penyerapan_tw", (None,) * 4)),
    )


def muat_folder(folder: Path | str) -> Dataset:
    """Load a dataset folder (pk.toml, riwayat.csv, terbit.csv, klaim.toml, anggaran.toml, sakip.toml)."""
    folder = Path(folder)
    pk = _toml(folder, "pk.toml")
    if not pk:
        raise DatasetError(f"folder {folder} tidak berisi pk.toml")
    peng = pk.get("pengaturan", {})
    return Dataset(
        unit=pk["unit"], unit_singkat=pk.get("unit_singkat", pk["unit"]), instansi=pk.get("instansi", ""),
        tahun=int(pk["tahun"]), periode=pk.get("periode", ""), sumber=pk.get("sumber", ""),
        pengaturan=Pengaturan(**{k: peng[k] for k in Pengaturan.__dataclass_fields__ if k in peng}),
        ss=tuple(SS(s["kode"], s["perspektif"], s["nama"]) for s in pk.get("ss", [])),
        iku=tuple(_iku(d) for d in pk.get("iku", [])),
        riwayat=tuple(
            BarisRiwayat(r["kode"], r["nama"], r["satuan"], r["polarisasi"], int(r["tahun"]), _kosong(r["target"]),
                         _kosong(r["realisasi"]), _kosong(r["capaian_terbit"]), _int(r.get("baris")),
                         _kosong(r.get("realisasi_koreksi", "")), r.get("catatan", ""))
            for r in _csv(folder, "riwayat.csv")),
        terbit=tuple(Terbit(r["lokasi"], _int(r.get("baris")), r["kunci"], r["nilai"], r.get("catatan", ""))
                     for r in _csv(folder, "terbit.csv")),
        klaim=tuple(Klaim(k["lokasi"], k.get("baris"), k["rumus"], dict(k.get("masukan", {})), k["nilai"], k.get("catatan", ""))
                    for k in _toml(folder, "klaim.toml").get("klaim", [])),
        anggaran=_anggaran(_toml(folder, "anggaran.toml")),
        sakip=tuple(EvaluasiSakip(int(e["tahun"]), dict(e["bobot"]), {k: dict(v) for k, v in e.get("bobot_sub", {}).items()},
                                  {k: dict(v) for k, v in e["nilai"].items()}, e.get("sumber", ""))
                    for e in _toml(folder, "sakip.toml").get("evaluasi", [])),
    )


def folder_bawaan() -> Path:
    """Folder of the embedded default dataset (Deputi IV, 2024)."""
    return Path(str(resources.files("kinerja") / "data" / "deputi4_2024"))


def muat_bawaan() -> Dataset:
    """The embedded default: the 2024 Laporan Kinerja of Deputi IV, the golden test set."""
    return muat_folder(folder_bawaan())
