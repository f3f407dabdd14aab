"""Export of one quarter (``kinerja ekspor``) and the findings workbook (``kinerja validasi --laporan``).

For the chosen TW: a values-only .xlsx (same layout and formats as the TW sheet, traffic-light
colours baked in, no formulas, no macros, a header with unit, year, TW and export time, and a
signature block), a PDF of it (LibreOffice headless here; Excel's own PDF export from the
button), a CSV that Indonesian Excel opens as numbers, and JSON for systems. Names:
``Kinerja_<unit>_<tahun>_TW<n>.<ext>``.

CSV: separator ``;`` and decimal comma, because Indonesian-locale Excel uses ``,`` as the
decimal mark and ``;`` as the list separator; encoding UTF-8 with BOM, because Excel reads a
CSV without BOM in the ANSI code page. Text that starts with ``= + - @``, tab or CR is
prefixed with ``'`` so the file cannot run a formula when opened; numbers are written as
numbers, so negative values stay intact.

Export refuses when validation finds a ``galat`` (unless forced), never overwrites (unless
asked), and writes every file atomically. The source workbook is only read.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from ..buku.baca import baca
from ..buku.cuplikan import dari_berkas
from ..data.berkas import BerkasError, transaksi
from ..data.dataset import Dataset
from ..periksa import GALAT, Temuan, ada_galat, validasi
from .anggaran_tw import tulis_anggaran
from .pdf import ke_pdf
from .tabel_tw import TabelTW, isi_json, tabel_tw, tulis_csv, tulis_xlsx

__all__ = ["FORMAT", "EksporDitolak", "ekspor", "nama_berkas", "Bahan", "berkas_tujuan", "sudah_ada", "tulis_berkas"]

FORMAT = ("xlsx", "pdf", "csv", "json")


class EksporDitolak(Exception):
    """Validation found a galat; the findings are attached."""

    def __init__(self, temuan: list[Temuan]):
        self.temuan = temuan
        n = sum(1 for t in temuan if t.tingkat == GALAT)
        super().__init__(f"ekspor ditolak: validasi menemukan {n} galat (perbaiki dulu, atau gunakan --paksa)")


def nama_berkas(ds: Dataset, tw: int, ext: str, akhiran: str = "") -> str:
    """``Kinerja_<unit>_<tahun>_TW<n>[akhiran].<ext>`` with a file-system-safe unit name."""
    unit = re.sub(r"[^A-Za-z0-9]+", "_", ds.unit_singkat or "Unit").strip("_")[:40].strip("_") or "Unit"
    return f"Kinerja_{unit}_{ds.tahun}_TW{tw}{akhiran}.{ext}"


@dataclass(frozen=True)
class Bahan:
    """What the exported files are written from: one TW of one workbook, at one moment."""

    ds: Dataset
    tabel: TabelTW
    tw: int
    waktu: str
    berkas: str
    xlsx: Path | None = None               # values-only TW sheet, also the source of its PDF
    xlsx_anggaran: Path | None = None      # budget report workbook, also the source of its PDF


def berkas_tujuan(ds: Dataset, tw: int, ke: Path, format: Sequence[str], anggaran: bool = True) -> dict[tuple[str, str], Path]:
    """Every file an export writes, by (report, format): report ``tw`` and, with a budget, ``anggaran``."""
    tujuan = {("tw", f): ke / nama_berkas(ds, tw, f) for f in format}
    if anggaran and ds.anggaran is not None:
        tujuan.update({("anggaran", f): ke / nama_berkas(ds, tw, f, "_anggaran") for f in format})
    return tujuan


def sudah_ada(tujuan: dict[tuple[str, str], Path]) -> list[Path]:
    """The target files that exist already (never overwritten unless asked)."""
    return [p for p in tujuan.values() if p.exists()]


def tulis_berkas(laporan: str, f: str, path: Path, b: Bahan) -> None:
    """Write one exported file (``laporan`` 'tw' or 'anggaran', format ``f``) to ``path``."""
    xlsx = b.xlsx_anggaran if laporan == "anggaran" else b.xlsx
    if f == "xlsx":
        shutil.copyfile(xlsx, path)
    elif f == "pdf":
        ke_pdf(xlsx, path)
    elif laporan == "anggaran":
        tulis_anggaran(path, f, b.ds, b.tw, b.waktu, b.berkas)
    elif f == "csv":
        tulis_csv(path, b.tabel)
    else:
        path.write_text(json.dumps(isi_json(b.ds, b.tabel, b.tw, b.waktu, b.berkas), ensure_ascii=False, indent=2, allow_nan=False),
                        encoding="utf-8")


def ekspor(sumber: Path | str, tw: int, ke: Path | str, format: Sequence[str] = FORMAT, paksa: bool = False,
           timpa: bool = False) -> tuple[list[Path], list[Temuan]]:
    """Export TW ``tw`` (1-4) of workbook ``sumber`` into folder ``ke``; returns the files written and the findings.

    Every number is recomputed from the workbook's inputs. A ``galat`` refuses the export unless
    ``paksa``; forced, the export header says how many cells disagreed. All files or none.
    """
    if tw not in (1, 2, 3, 4):
        raise BerkasError(f"triwulan '{tw}' tidak dikenal: pilih 1, 2, 3 atau 4")
    salah = [f for f in format if f not in FORMAT]
    if salah:
        raise BerkasError(f"format '{', '.join(salah)}' tidak dikenal: pilih dari {', '.join(FORMAT)}")
    sumber = Path(sumber)
    c = dari_berkas(sumber)
    ds, pos = baca(c)
    temuan = validasi(c, tw, (ds, pos))
    if ada_galat(temuan) and not paksa:
        raise EksporDitolak(temuan)
    n = sum(1 for t in temuan if t.tingkat == GALAT)
    catatan = f"dipaksa walaupun ada {n} galat validasi (lihat 'kinerja validasi')" if n else ""
    tujuan = berkas_tujuan(ds, tw, Path(ke), format)
    b = Bahan(ds, tabel_tw(c, pos, ds, tw, catatan), tw, dt.datetime.now().strftime("%Y-%m-%d %H:%M"), sumber.name)
    with transaksi(Path(ke), list(tujuan.values()), timpa, (sumber,)) as tmp:
        if {"xlsx", "pdf"} & set(format):
            b = dataclasses.replace(b, xlsx=tmp / ("_" + nama_berkas(ds, tw, "xlsx")),
                                    xlsx_anggaran=tmp / ("_" + nama_berkas(ds, tw, "xlsx", "_anggaran")))
            tulis_xlsx(b.xlsx, sumber, ds, b.tabel, tw, b.waktu)
            if ds.anggaran is not None:
                tulis_anggaran(b.xlsx_anggaran, "xlsx", ds, tw, b.waktu, sumber.name)
        for (laporan, f), p in tujuan.items():
            tulis_berkas(laporan, f, tmp / p.name, b)
    return list(tujuan.values()), temuan
