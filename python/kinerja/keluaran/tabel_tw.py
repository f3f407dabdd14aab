"""The table of one TW sheet as published, and its CSV, JSON and values-only xlsx.

Every number is the recomputation (:func:`kinerja.hitung.triwulan.susun_triwulan`) from the
workbook's inputs, never a cached formula result; the inputs (target, realisasi, Keterangan) are
as staff typed them. The xlsx keeps the sheet's layout and formats (traffic lights baked in, an
export stamp, a signature block, no formulas, no macros); every text is written as text, so
nothing typed becomes a formula. CSV numbers are what the sheet shows (its number format, half-up).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from xml.sax.saxutils import escape
from copy import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..aturan.capaian import PREDIKAT_BAWAAN, Predikat, status_capaian, warna_status
from ..hitung.laporan import predikat
from ..buku import tata_letak as tl
from ..buku.baca import Posisi
from ..buku.cuplikan import Cuplikan
from ..data.berkas import BerkasError
from ..data.dataset import Dataset
from ..hitung.triwulan import susun_triwulan
from .nilai import aman_csv, angka_csv, bersih, json_nilai, teks_biasa

__all__ = ["TabelTW", "tabel_tw", "isi_json", "tulis_csv", "tulis_xlsx"]

DESIMAL_CSV = {tl.TW_CAPAIAN: 2}
"""Columns whose sheet format has fixed decimals (``#,##0.00``); the others show the general format."""


@dataclass(frozen=True)
class TabelTW:
    """One TW as published: header, IKU rows, NSS rows, NKO rows, the reasons of n/a, and where each row sits."""

    kepala: list[str]
    iku: list[list[Any]]
    alasan: list[str | None]
    nss: list[list[Any]]
    desimal_realisasi: list[int | None]
    nko: list[tuple[str, Any]]
    baris_iku: list[int | None] = field(default_factory=list)
    baris_nss: list[int | None] = field(default_factory=list)
    baris_nko: list[int | None] = field(default_factory=list)
    baris_awal: int = tl.TW_BARIS0 - 1
    baris_akhir: int = tl.TW_BARIS0
    catatan: str = ""


def tabel_tw(c: Cuplikan, pos: Posisi, ds: Dataset, tw: int, catatan: str = "") -> TabelTW:
    """TW ``tw`` recomputed from the dataset, placed at the rows the reader found on its sheet."""
    i = tw - 1
    if tl.LEMBAR_TW[i] not in c.lembar or not any(j == i for j, _ in pos.tw):
        raise BerkasError(f"lembar {tl.LEMBAR_TW[i]} tidak ada atau tidak berisi tabel IKU")
    lap = susun_triwulan(ds, tw, {kode: x for (j, kode), x in pos.keterangan.items() if j == i})
    iku, alasan, baris, desimal = [], [], [], []
    for n, (sumber, b) in enumerate(zip(ds.iku, lap.iku), 1):
        h = b.hasil
        iku.append([n, h.ss, h.kode, h.nama, h.satuan, sumber.polarisasi, b.target, b.realisasi, h.realisasi, h.capaian, h.status,
                    b.keterangan])
        alasan.append(h.alasan)
        baris.append(pos.tw.get((i, h.kode)))
        desimal.append(2 if b.dihitung else None)          # a calculator's result shows as #,##0.00, a typed value as General
    akhir_iku = max(r for r in baris if r is not None)
    baris_nss, baris_nko = pos.tw_blok.get(i, ([], []))
    nss_hasil = {s.kode: s for s in lap.nss}
    nss = [[s.kode, s.nama, s.perspektif, *((nss_hasil[s.kode].nilai, nss_hasil[s.kode].status) if s.kode in nss_hasil else (math.nan, "n/a"))]
           for s in ds.ss]
    nko = [(tl.NKO_LABEL[0], lap.nko.nilai), (tl.NKO_LABEL[1], lap.nko.tanpa_batas), (tl.NKO_LABEL[2], lap.nko.metode),
           (tl.NKO_LABEL[3], "tanpa batas" if lap.nko.batas is None else lap.nko.batas)]
    baris_nss = list(baris_nss) + [None] * (len(nss) - len(baris_nss))
    baris_nko = list(baris_nko) + [None] * (len(nko) - len(baris_nko))
    akhir = max([akhir_iku, *(r for r in baris_nss + baris_nko if r is not None)])
    return TabelTW(list(tl.TW_KOLOM[:tl.TW_KOLOM_EKSPOR]), iku, alasan, nss, desimal, nko, baris, baris_nss, baris_nko,
                   min(r for r in baris if r is not None) - 1, akhir, catatan)


def isi_json(ds: Dataset, t: TabelTW, tw: int, waktu: str, berkas: str) -> dict[str, Any]:
    """The JSON of one TW export: numbers unrounded, n/a as null with its reason, inputs as typed (dates as text)."""
    nko = dict(t.nko)
    return {
        "unit": ds.unit, "unit_singkat": ds.unit_singkat, "tahun": ds.tahun, "triwulan": tw, "diekspor": waktu, "berkas": berkas,
        "catatan": t.catatan or None,
        "iku": [{"kode": b[tl.TW_KODE], "ss": b[tl.TW_SS], "nama": b[tl.TW_NAMA], "satuan": b[tl.TW_SATUAN],
                 "polarisasi": json_nilai(b[tl.TW_POL]), "target": json_nilai(b[tl.TW_TARGET]), "realisasi": json_nilai(b[tl.TW_REALISASI]),
                 "realisasi_sd": json_nilai(b[tl.TW_SD]), "capaian": json_nilai(b[tl.TW_CAPAIAN]), "status": b[tl.TW_STATUS], "alasan": a, "keterangan": json_nilai(b[tl.TW_KETERANGAN])}
                for b, a in zip(t.iku, t.alasan)],
        "nss": [{"kode": b[0], "nama": b[1], "perspektif": b[2], "nilai": json_nilai(b[3]), "status": b[4]} for b in t.nss],
        "nko": {"nilai": json_nilai(nko.get(tl.NKO_LABEL[0])), "tanpa_batas": json_nilai(nko.get(tl.NKO_LABEL[1])),
                "metode": nko.get(tl.NKO_LABEL[2]), "batas": nko.get(tl.NKO_LABEL[3])},
    }


def tulis_csv(path: Path, t: TabelTW) -> None:
    """CSV for Indonesian Excel: ';', decimal comma, UTF-8 with BOM, numbers as the sheet shows them, formula-like text neutralised."""
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        w.writerow([aman_csv(h) for h in t.kepala])
        for b, d in zip(t.iku, t.desimal_realisasi):
            w.writerow([angka_csv(x, d if j == tl.TW_REALISASI else DESIMAL_CSV.get(j)) for j, x in enumerate(b)])
        w.writerow([])
        w.writerow(["Kode SS", "Sasaran Strategis", "Perspektif", "NSS (%)", "Status"])
        for b in t.nss:
            w.writerow([angka_csv(x, 2 if j == 3 else None) for j, x in enumerate(b)])
        w.writerow([])
        for label, x in t.nko:
            w.writerow([aman_csv(label), angka_csv(x, 2 if label in tl.NKO_LABEL[:2] else None)])


def _salin_gaya(src: Any, dst: Any, sudah: dict[tuple[int, ...], Any]) -> None:
    """The source cell's look onto the export cell; each distinct source style is translated once (``sudah``), then
    shared: linear in cells with a handful of style translations, not one font/fill/border copy per cell."""
    if not src.has_style:
        return
    kunci = tuple(src._style)
    if kunci in sudah:
        dst._style = copy(sudah[kunci])
        return
    dst.font, dst.border, dst.fill = copy(src.font), copy(src.border), copy(src.fill)
    dst.number_format, dst.alignment = src.number_format, copy(src.alignment)
    sudah[kunci] = copy(dst._style)


def _isi(sel: Any, x: Any) -> None:
    """A value into a cell of the export: text stays text (never a formula), NaN is 'n/a'."""
    x = "n/a" if isinstance(x, float) and math.isnan(x) else x
    sel.value = x
    if isinstance(x, str):
        sel.data_type = "s"


_REL_LEMBAR = re.compile(r'<Relationship [^>]*Type="[^"]*/(?:worksheet|chartsheet|vbaProject|externalLink|calcChain)"[^>]*/>')


def lembar_saja(sumber: Path, nama: str) -> io.BytesIO:
    """The source workbook reduced to the one sheet whose look the export copies (its styles, widths, merges and print
    setup), so that openpyxl's full load, needed for styles, reads one sheet instead of the whole workbook."""
    import zipfile
    with zipfile.ZipFile(sumber) as z:
        buku = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
        m = re.search(rf'<sheet [^>]*name="{re.escape(escape(nama))}"[^>]*r:id="([^"]+)"[^>]*/>', buku)
        if m is None:
            raise BerkasError(f"lembar {nama} tidak ada")
        rel = re.search(rf'<Relationship [^>]*Id="{m.group(1)}"[^>]*/>', rels).group(0)
        target = "xl/" + re.search(r'Target="/?(?:xl/)?([^"]+)"', rel).group(1)
        buku = re.sub(r"<sheets>.*?</sheets>", "<sheets>" + m.group(0) + "</sheets>", buku, flags=re.S)
        buku = re.sub(r"<definedNames>.*?</definedNames>", "", buku, flags=re.S)
        rels = _REL_LEMBAR.sub("", rels).replace("</Relationships>", rel + "</Relationships>")
        lembar = re.sub(r"<(?:drawing|legacyDrawing|legacyDrawingHF|tableParts)\b[^>]*/>", "", z.read(target).decode())
        keluar = io.BytesIO()
        with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as baru:
            for info in z.infolist():
                n = info.filename
                if n == "xl/workbook.xml":
                    baru.writestr(n, buku)
                elif n == "xl/_rels/workbook.xml.rels":
                    baru.writestr(n, rels)
                elif n == target:
                    baru.writestr(n, lembar)
                elif not n.startswith(("xl/worksheets/", "xl/charts/", "xl/drawings/", "xl/vbaProject", "xl/calcChain", "xl/ctrlProps/")):
                    baru.writestr(info, z.read(n))
    keluar.seek(0)
    return keluar


def tulis_xlsx(path: Path, sumber: Path, ds: Dataset, t: TabelTW, tw: int, waktu: str) -> None:
    """Values-only copy of the TW sheet: the source's styles, widths, merges and print setup; the recomputed values."""
    import openpyxl
    from openpyxl.styles import Font, PatternFill
    nama = tl.LEMBAR_TW[tw - 1]
    wb_src = openpyxl.load_workbook(lembar_saja(sumber, nama), data_only=True, keep_vba=False, keep_links=False)
    f_src = wb_src[nama]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = nama
    sudah: dict[tuple[int, ...], Any] = {}
    for r in range(1, t.baris_akhir + 2):
        for c in range(1, tl.TW_KOLOM_EKSPOR + 1):
            _salin_gaya(f_src.cell(r, c), ws.cell(r, c), sudah)
        if f_src.row_dimensions[r].height:
            ws.row_dimensions[r].height = f_src.row_dimensions[r].height
    for c in range(1, tl.TW_KOLOM_EKSPOR + 1):
        huruf = openpyxl.utils.get_column_letter(c)
        ws.column_dimensions[huruf].width = f_src.column_dimensions[huruf].width
    for m in f_src.merged_cells.ranges:
        if m.max_col <= tl.TW_KOLOM_EKSPOR and m.max_row <= t.baris_akhir + 1:
            ws.merge_cells(str(m))
    _tulis_nilai(ws, f_src, ds, t, tw, waktu, sumber.name)
    pita = tuple((None, str(n).strip(), str(w or "").strip().lower()) for _, n, w in (ds.pengaturan.predikat or PREDIKAT_BAWAAN))
    for r in range(1, t.baris_akhir + 2):          # traffic lights baked in: no conditional formats in a values file
        status = ws.cell(r, tl.TW_STATUS + 1).value
        if r > tl.TW_BARIS0 - 1 and warna_status(status, pita) in tl.WARNA:
            bg, fg = tl.WARNA[warna_status(status, pita)]
            for c in (tl.TW_CAPAIAN + 1, tl.TW_STATUS + 1):
                ws.cell(r, c).fill = PatternFill("solid", fgColor=bg.lstrip("#"))
                ws.cell(r, c).font = Font(name="Calibri", size=10, color=fg.lstrip("#"))
    r = t.baris_akhir + 4
    for teks, tebal in ((f"Jakarta, {dt.date.today():%d-%m-%Y}", False), (ds.unit, True), ("", False), ("", False), ("", False),
                        ("(.................................................)", False), ("NIP.", False)):
        _isi(ws.cell(r, 9), teks or None)
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
    wb_src.close()
    wb.save(path)


def _tulis_nilai(ws: Any, f_src: Any, ds: Dataset, t: TabelTW, tw: int, waktu: str, berkas: str) -> None:
    """The layout's texts (headers, titles, labels) and the recomputed values at their rows; nothing cached or typed
    on the sheet is copied except through the recomputed table."""
    _isi(ws.cell(1, 1), f"Pengukuran Kinerja Triwulan {tl.TRIWULAN[tw - 1]} Tahun {ds.tahun}")
    _isi(ws.cell(2, 1), f"Unit: {ds.unit}")
    _isi(ws.cell(tl.TW_CATATAN_BARIS + 1, 1), f"Tahun {ds.tahun} · Triwulan {tl.TRIWULAN[tw - 1]} · diekspor {waktu} dari {berkas} "
         f"(nilai dihitung ulang, tanpa rumus){'; ' + t.catatan if t.catatan else ''}")
    for c, h in enumerate(t.kepala, 1):
        _isi(ws.cell(t.baris_awal + 1, c), h)
    for b, r in zip(t.iku, t.baris_iku):
        if r is not None:
            for c, x in enumerate(b, 1):
                _isi(ws.cell(r + 1, c), x)
    if t.baris_nss and t.baris_nss[0] is not None:
        _isi(ws.cell(t.baris_nss[0] - 1, 1), tl.NSS_JUDUL)                        # the title row, then the header row
        for c, h in tl.NSS_KEPALA:
            _isi(ws.cell(t.baris_nss[0], c + 1), h)
    for b, r in zip(t.nss, t.baris_nss):
        if r is not None:
            for c, x in zip((tl.TW_NSS_KODE, tl.TW_NSS_NAMA, tl.TW_NSS_PERSPEKTIF, tl.TW_CAPAIAN, tl.TW_STATUS), b):
                _isi(ws.cell(r + 1, c + 1), x)
    for (label, x), r in zip(t.nko, t.baris_nko):
        if r is not None:
            _isi(ws.cell(r + 1, tl.TW_NSS_KODE + 1), label)
            _isi(ws.cell(r + 1, tl.TW_CAPAIAN + 1), bersih(x) if not isinstance(x, str) else teks_biasa(x))
    if t.baris_nko and t.baris_nko[0] is not None:
        _isi(ws.cell(t.baris_nko[0] + 1, tl.TW_STATUS + 1), _status_nko(t, predikat(ds.pengaturan)))


def _status_nko(t: TabelTW, pita: Predikat | None) -> str:
    x = dict(t.nko)[tl.NKO_LABEL[0]]
    return str(status_capaian(x if isinstance(x, (int, float)) else math.nan, pita)) if pita is not None else "n/a"
