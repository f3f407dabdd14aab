"""The budget realisation report of one quarter (``..._TW<n>_anggaran.{xlsx,pdf,csv,json}``)."""
from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any, Sequence

from ..buku import tata_letak as tl
from ..data.dataset import Dataset
from ..hitung.laporan_anggaran import susun_anggaran
from .nilai import angka_csv, bersih

__all__ = ["tabel_anggaran_tw", "tulis_anggaran", "KEPALA_ANGGARAN"]


KEPALA_ANGGARAN = ("Kode", "Kegiatan", "Pagu", "Realisasi s.d. TW", "Penyerapan (%)", "Target (%)", "Capaian target (%)",
                   "Deviasi RPD (%)")


def tabel_anggaran_tw(ds: Dataset, tw: int) -> tuple[list[list[Any]], dict[str, Any]]:
    """The budget realisation report of TW ``tw``: one row per kegiatan and the total, plus the year's figures."""
    ang = susun_anggaran(ds)
    nama = {k.kode: k.nama for k in ang.kegiatan}
    pagu = {k.kode: k.pagu for k in [*ang.kegiatan, ang.total]}
    baris = [[t.kode, nama.get(t.kode, "Total"), pagu[t.kode], t.realisasi, t.penyerapan, t.target, t.capaian_target, t.deviasi_rpd]
             for t in ang.triwulan if t.tw == tw]
    ringkas = {"ckk": ang.ckk, "efisiensi": ang.efisiensi, "nilai_efisiensi": ang.nilai_efisiensi, "kpa": ang.kpa,
               "alasan": ang.alasan or None}
    return baris, ringkas


def tulis_anggaran(path: Path, f: str, ds: Dataset, tw: int, waktu: str, berkas: str) -> None:
    """Write the budget report of TW ``tw`` as ``f`` (csv, json, or xlsx: the printable sheet its PDF is made of)."""
    baris, ringkas = tabel_anggaran_tw(ds, tw)
    if f == "csv":
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh, delimiter=";", lineterminator="\r\n")
            w.writerow(KEPALA_ANGGARAN)
            for b in baris:                                  # as the sheet shows them: Rp whole, percentages to 2 places
                w.writerow([angka_csv(x, 0 if j in (2, 3) else 2 if j >= 4 else None) for j, x in enumerate(b)])
        return
    if f == "json":
        isi = {"unit": ds.unit, "tahun": ds.tahun, "triwulan": tw, "diekspor": waktu, "berkas": berkas,
               "kegiatan": [dict(zip(("kode", "nama", "pagu", "realisasi", "penyerapan", "target", "capaian_target", "deviasi_rpd"),
                                     map(bersih, b))) for b in baris],
               "tahunan": {k: bersih(v) for k, v in ringkas.items()}}
        path.write_text(json.dumps(isi, ensure_ascii=False, indent=2, allow_nan=False), encoding="utf-8")
        return
    _tulis_xlsx(path, ds, tw, waktu, berkas, baris, ringkas)


# The printed page (the PDF goes out for signature). Arial, because Excel has it and LibreOffice
# substitutes the metric-compatible Liberation Sans: both then wrap a cell's text alike, so the row
# heights estimated here hold in either. Nothing autofits the rows of a library-written workbook.
HURUF = "Arial"
KOLOM = (10, 44, 19, 19, 13, 13, 13, 13)         # column widths, Excel characters
RINGKAS = (("Capaian Keluaran Kegiatan (%)", "ckk"), ("Efisiensi (%)", "efisiensi"), ("Nilai Efisiensi", "nilai_efisiensi"),
           ("Kualitas Pelaksanaan Anggaran", "kpa"))
KOLOM_TTD = 5                                     # the signature block spans columns F:H
MARGIN = (0.7, 0.7, 0.75, 0.75)                   # left, right, top, bottom, inches (Excel's defaults)
A4_MELINTANG = (841.89, 595.28)                   # points
BARIS_KOSONG = 12.75                              # height of a row left at the default, points


def lebar_pt(c0: int, c1: int) -> float:
    """Printed width in points of columns ``c0``..``c1``: Excel's pixels (7 per character + 5 padding) at 96 dpi."""
    return sum((int(w * 7 + 0.5) + 5) * 0.75 for w in KOLOM[c0:c1 + 1])


def jumlah_baris(teks: str, lebar: float, pt: float = 10, tebal: bool = False) -> int:
    """Lines ``teks`` wraps to in a cell ``lebar`` points wide, greedily by words.

    The average glyph is taken generously (0.56 em, 0.60 bold: Arial's is about 0.48 on these
    names, DejaVu Sans' 0.53, the fallback where Liberation Sans is missing), so the estimate errs
    towards a line too many, never too few; a word longer than a line breaks where it must."""
    muat = max(1, int((lebar - 4) / (pt * (0.60 if tebal else 0.56))))
    n = 0
    for paragraf in str(teks).split("\n"):
        n, isi = n + 1, 0
        for k in paragraf.split():
            if isi and isi + 1 + len(k) <= muat:
                isi += 1 + len(k)
                continue
            lebih = (len(k) - 1) // muat
            n, isi = n + lebih + (1 if isi else 0), len(k) - lebih * muat
    return max(1, n)


def tinggi_baris(baris: int, pt: float = 10) -> float:
    """Row height in points for ``baris`` lines of ``pt``-point text (Excel's 12.75 for Arial 10, plus padding)."""
    return round(baris * pt * 1.275 + 3, 2)


def satu_halaman(tinggi: Sequence[float]) -> bool:
    """Whether rows this high (points) print on one landscape A4 page, scaled down to fit its width.

    The scale is Excel's (LibreOffice measures the columns a little wider, so it scales further
    down), and 5% is kept in reserve: when this says yes, no page break falls in the report."""
    lebar = A4_MELINTANG[0] - (MARGIN[0] + MARGIN[1]) * 72
    muat = A4_MELINTANG[1] - (MARGIN[2] + MARGIN[3]) * 72
    return sum(tinggi) * min(1.0, lebar / lebar_pt(0, len(KOLOM) - 1)) <= 0.95 * muat


def _tulis_xlsx(path: Path, ds: Dataset, tw: int, waktu: str, berkas: str, baris: list[list[Any]], ringkas: dict[str, Any]) -> None:
    import xlsxwriter
    # Arial 10 as the workbook's default font too: column widths are counted in its digits, which
    # are 7 pixels wide in Excel, as Calibri 11's (so KOLOM prints as before) and about as wide in
    # Liberation Sans; with Calibri, LibreOffice sized the columns by its fallback font instead.
    wb = xlsxwriter.Workbook(str(path), {"default_format_properties": {"font_name": HURUF, "font_size": 10},
                                         "default_row_height": 17})
    ws = wb.add_worksheet(f"Anggaran TW {tl.TRIWULAN[tw - 1]}")
    dasar = {"valign": "vcenter"}
    sel = {**dasar, "border": 1}

    def gaya(**kw: Any) -> Any:
        return wb.add_format({**sel, **kw})

    judul = wb.add_format({**dasar, "bold": True, "font_size": 13, "text_wrap": True})
    sub = wb.add_format({**dasar, "bold": True, "font_size": 11, "text_wrap": True})
    catatan = wb.add_format({**dasar, "italic": True, "font_size": 9, "text_wrap": True})
    kepala = gaya(bold=True, bg_color="#1F3864", font_color="#FFFFFF", text_wrap=True, align="center")
    ttd = wb.add_format({**dasar, "text_wrap": True, "align": "center"})
    g = {tebal: {"teks": gaya(text_wrap=True, bold=tebal), "na": gaya(align="right", bold=tebal),
                 "rp": gaya(num_format='[$-421]"Rp "#,##0', align="right", bold=tebal),
                 "pc": gaya(num_format="[$-421]#,##0.00", align="right", bold=tebal)} for tebal in (False, True)}
    akhir = len(KOLOM) - 1
    lebar = lebar_pt(0, akhir)
    tinggi: dict[int, float] = {}

    def set_tinggi(r: int, h: float) -> None:
        tinggi[r] = h
        ws.set_row(r, h)

    r = 0
    for teks, f, pt, tebal in ((f"Realisasi anggaran — Triwulan {tl.TRIWULAN[tw - 1]} {ds.tahun}", judul, 13, True),
                               (ds.unit, sub, 11, True),
                               (f"Diekspor {waktu} dari {berkas} (nilai saja); n/a: memerlukan realisasi/RPD bulanan yang belum diisi",
                                catatan, 9, False)):
        ws.merge_range(r, 0, r, akhir, teks, f)
        set_tinggi(r, tinggi_baris(jumlah_baris(teks, lebar, pt, tebal), pt))
        r += 1
    r += 1
    set_tinggi(r, tinggi_baris(max(jumlah_baris(h, lebar_pt(c, c), tebal=True) for c, h in enumerate(KEPALA_ANGGARAN))))
    ws.write_row(r, 0, KEPALA_ANGGARAN, kepala)
    for b in baris:
        r += 1
        t = g[b[0] == "TOTAL"]
        for c, x in enumerate(b):
            x = bersih(x)
            if isinstance(x, str):
                ws.write_string(r, c, x, t["teks"])
            else:
                ws.write(r, c, "n/a" if x is None else x, t["na"] if x is None else t["rp"] if c in (2, 3) else t["pc"])
        set_tinggi(r, tinggi_baris(max(jumlah_baris(str(x), lebar_pt(c, c)) for c, x in enumerate(b[:2]))))
    r += 1
    blok = r + 1                                  # the year's figures and the signature: printed together
    for label, kunci in RINGKAS:
        r += 1
        v = bersih(ringkas[kunci])
        ws.write_string(r, 1, label, g[False]["teks"])
        ws.write(r, 2, "n/a" if v is None else v, g[False]["na"] if v is None else g[False]["pc"])
        set_tinggi(r, tinggi_baris(jumlah_baris(label, lebar_pt(1, 1))))
    r += 1
    for t_ in (f"Jakarta, {dt.date.today():%d-%m-%Y}", ds.unit, "", "(.................................................)", "NIP."):
        r += 1
        ws.merge_range(r, KOLOM_TTD, r, akhir, t_, ttd)
        set_tinggi(r, tinggi_baris(jumlah_baris(t_, lebar_pt(KOLOM_TTD, akhir))) if t_ else 48)
    if not satu_halaman([tinggi.get(i, BARIS_KOSONG) for i in range(r + 1)]):
        ws.set_h_pagebreaks([blok])               # never a page break inside the signature block
    for c, w in enumerate(KOLOM):
        ws.set_column(c, c, w)
    ws.print_area(0, 0, r, akhir)
    ws.set_landscape()
    ws.set_paper(9)
    ws.set_margins(*MARGIN)
    ws.center_horizontally()
    ws.fit_to_pages(1, 0)
    ws.set_footer("&RHalaman &P dari &N")
    wb.close()
