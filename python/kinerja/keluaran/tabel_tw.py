"""The table of one TW sheet as values, and its CSV, JSON and values-only xlsx (same layout and formats,
traffic lights baked in, export header, signature block, no formulas, no macros)."""
from __future__ import annotations

import csv
import datetime as dt
from copy import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..buku import tata_letak as tl
from ..buku.baca import Posisi
from ..buku.cuplikan import Cuplikan
from ..data.berkas import BerkasError
from ..data.dataset import Dataset
from .nilai import aman_csv, angka_csv, json_nilai

__all__ = ["TabelTW", "tabel_tw", "isi_json", "tulis_csv", "tulis_xlsx"]

STATUS_WARNA = {"Memenuhi Ekspektasi": "hijau", "Belum Memenuhi Ekspektasi": "kuning", "Tidak Memenuhi Ekspektasi": "merah"}


@dataclass(frozen=True)
class TabelTW:
    """The visible table of a TW sheet as values: header row, IKU rows, NSS rows, NKO rows."""

    kepala: list[Any]
    iku: list[list[Any]]
    nss: list[list[Any]]
    nko: list[tuple[str, Any]]
    baris_awal: int
    baris_akhir: int


def tabel_tw(c: Cuplikan, pos: Posisi, ds: Dataset, tw: int) -> TabelTW:
    """The IKU rows the reader found on TW ``tw``, and the NSS and NKO rows below them."""
    nama = tl.LEMBAR_TW[tw - 1]
    v = c.ambil(nama)
    baris = sorted(r for (k, _), r in pos.tw.items() if k == tw - 1)
    if not baris:
        raise BerkasError(f"lembar {nama} tidak berisi tabel IKU")
    kepala = [v.v(baris[0] - 1, j) for j in range(tl.TW_KOLOM_EKSPOR)]
    iku = [[v.v(r, j) for j in range(tl.TW_KOLOM_EKSPOR)] for r in baris]
    kode_ss = {s.kode for s in ds.ss}
    nss, nko = [], []
    akhir = baris[-1]
    for r in range(baris[-1] + 1, v.baris):
        b = v.v(r, tl.TW_NSS_KODE)
        if b in kode_ss and v.v(r, tl.TW_KODE) is None:
            nss.append([b, v.v(r, tl.TW_NSS_NAMA), v.v(r, tl.TW_NSS_PERSPEKTIF), v.v(r, tl.TW_CAPAIAN), v.v(r, tl.TW_STATUS)])
            akhir = r
        elif tl.baris_nko(b):
            nko.append((b, v.v(r, tl.TW_CAPAIAN)))
            akhir = r
    return TabelTW(kepala, iku, nss, nko, baris[0] - 1, akhir)


def isi_json(ds: Dataset, t: TabelTW, tw: int, waktu: str, berkas: str) -> dict[str, Any]:
    """The JSON of one TW export (n/a and # messages as null; the message also as ``alasan``)."""
    nko = dict(t.nko)
    return {
        "unit": ds.unit, "unit_singkat": ds.unit_singkat, "tahun": ds.tahun, "triwulan": tw, "diekspor": waktu, "berkas": berkas,
        "iku": [{"kode": b[tl.TW_KODE], "ss": b[tl.TW_SS], "nama": b[tl.TW_NAMA], "satuan": b[tl.TW_SATUAN], "polarisasi": b[tl.TW_POL],
                 "target": b[tl.TW_TARGET], "realisasi": json_nilai(b[tl.TW_REALISASI]), "capaian": json_nilai(b[tl.TW_CAPAIAN]),
                 "status": b[tl.TW_STATUS],
                 "alasan": b[tl.TW_CAPAIAN] if isinstance(b[tl.TW_CAPAIAN], str) and b[tl.TW_CAPAIAN].startswith("#") else None,
                 "keterangan": b[tl.TW_KETERANGAN]} for b in t.iku],
        "nss": [{"kode": b[0], "nama": b[1], "perspektif": b[2], "nilai": json_nilai(b[3]), "status": b[4]} for b in t.nss],
        "nko": {"nilai": json_nilai(nko.get(tl.NKO_LABEL[0])), "tanpa_batas": json_nilai(nko.get(tl.NKO_LABEL[1])),
                "metode": nko.get(tl.NKO_LABEL[2]), "batas": nko.get(tl.NKO_LABEL[3])},
    }


def tulis_csv(path: Path, t: TabelTW) -> None:
    """CSV for Indonesian Excel: ';', decimal comma, UTF-8 with BOM, formula-like text neutralised."""
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        w.writerow([aman_csv(h) for h in t.kepala])
        for b in t.iku:
            w.writerow([angka_csv(x) for x in b])
        w.writerow([])
        w.writerow(["Kode SS", "Sasaran Strategis", "Perspektif", "NSS (%)", "Status"])
        for b in t.nss:
            w.writerow([angka_csv(x) for x in b])
        w.writerow([])
        for label, x in t.nko:
            w.writerow([aman_csv(label), angka_csv(x)])


def _salin_gaya(src: Any, dst: Any) -> None:
    if src.has_style:
        dst.font, dst.border, dst.fill = copy(src.font), copy(src.border), copy(src.fill)
        dst.number_format, dst.alignment = src.number_format, copy(src.alignment)


def tulis_xlsx(path: Path, sumber: Path, ds: Dataset, t: TabelTW, tw: int, waktu: str) -> None:
    """Values-only copy of the TW sheet with the source's styles, widths, merges and print setup."""
    import openpyxl
    from openpyxl.styles import Font, PatternFill
    nama = tl.LEMBAR_TW[tw - 1]
    f_src = openpyxl.load_workbook(sumber, data_only=True)[nama]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = nama
    for r in range(1, t.baris_akhir + 2):
        for c in range(1, tl.TW_KOLOM_EKSPOR + 1):
            s, d = f_src.cell(r, c), ws.cell(r, c)
            d.value = s.value
            _salin_gaya(s, d)
        if f_src.row_dimensions[r].height:
            ws.row_dimensions[r].height = f_src.row_dimensions[r].height
    for c in range(1, tl.TW_KOLOM_EKSPOR + 1):
        huruf = openpyxl.utils.get_column_letter(c)
        ws.column_dimensions[huruf].width = f_src.column_dimensions[huruf].width
    for m in f_src.merged_cells.ranges:
        if m.max_col <= tl.TW_KOLOM_EKSPOR:
            ws.merge_cells(str(m))
    for r in range(1, t.baris_akhir + 2):          # traffic lights baked in: no conditional formats in a values file
        for c in (tl.TW_CAPAIAN + 1, tl.TW_STATUS + 1):
            status = ws.cell(r, tl.TW_STATUS + 1).value
            if status in STATUS_WARNA:
                bg, fg = tl.WARNA[STATUS_WARNA[status]]
                ws.cell(r, c).fill = PatternFill("solid", fgColor=bg.lstrip("#"))
                ws.cell(r, c).font = Font(name="Calibri", size=10, color=fg.lstrip("#"))
    ws.cell(tl.TW_CATATAN_BARIS + 1, 1).value = (f"Tahun {ds.tahun} · Triwulan {tl.TRIWULAN[tw - 1]} · diekspor {waktu} dari {sumber.name} "
                                                 "(nilai saja, tanpa rumus)")
    r = t.baris_akhir + 4
    for teks, tebal in ((f"Jakarta, {dt.date.today():%d-%m-%Y}", False), (ds.unit, True), ("", False), ("", False), ("", False),
                        ("(.................................................)", False), ("NIP.", False)):
        ws.cell(r, 9).value = teks or None
        ws.cell(r, 9).font = Font(name="Calibri", size=10, bold=tebal)
        r += 1
    ws.freeze_panes = f_src.freeze_panes
    ws.page_setup.orientation, ws.page_setup.paperSize = "landscape", 9
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.print_title_rows = f"{t.baris_awal + 1}:{t.baris_awal + 1}"
    ws.oddHeader.left.text = ds.unit.replace("&", "&&")
    ws.oddHeader.center.text = f"Laporan Kinerja {ds.tahun} — TW {tl.TRIWULAN[tw - 1]}"
    ws.oddFooter.right.text = "Halaman &P dari &N"
    wb.properties.creator = "kinerja ekspor"
    wb.save(path)

