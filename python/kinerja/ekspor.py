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

import csv
import dataclasses
import datetime as dt
import json
import math
import re
import shutil
import subprocess
import tempfile
from copy import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from .baca_workbook import Posisi, baca
from .bangun import LEMBAR_TW, TW_CAPAIAN, TW_STATUS, TRIWULAN, WARNA
from .berkas import BerkasError, tulis_atomik
from .cuplikan import Cuplikan, dari_berkas
from .dataset import Dataset
from .notasi import tulis_angka
from .validasi import GALAT, Temuan, ada_galat, validasi

__all__ = ["FORMAT", "EksporDitolak", "ekspor", "nama_berkas", "aman_csv", "tulis_temuan_xlsx", "tabel_tw", "TabelTW",
           "tulis_csv", "isi_json", "ke_pdf", "Bahan", "berkas_tujuan", "sudah_ada", "tulis_berkas"]

FORMAT = ("xlsx", "pdf", "csv", "json")
KOLOM_EKSPOR = 11
"""Columns A..K of a TW sheet (No .. Keterangan); the hidden chart helper is left out."""
_BAHAYA = ("=", "+", "-", "@", "\t", "\r")
_STATUS_WARNA = {"Memenuhi Ekspektasi": "hijau", "Belum Memenuhi Ekspektasi": "kuning", "Tidak Memenuhi Ekspektasi": "merah"}


class EksporDitolak(Exception):
    """Validation found a galat; the findings are attached."""

    def __init__(self, temuan: list[Temuan]):
        self.temuan = temuan
        n = sum(1 for t in temuan if t.tingkat == GALAT)
        super().__init__(f"ekspor ditolak: validasi menemukan {n} galat (perbaiki dulu, atau gunakan --paksa)")


@dataclass(frozen=True)
class TabelTW:
    """The visible table of a TW sheet as values: header row, IKU rows, NSS rows, NKO rows."""

    kepala: list[Any]
    iku: list[list[Any]]
    nss: list[list[Any]]
    nko: list[tuple[str, Any]]
    baris_awal: int
    baris_akhir: int


def nama_berkas(ds: Dataset, tw: int, ext: str, akhiran: str = "") -> str:
    """``Kinerja_<unit>_<tahun>_TW<n>[akhiran].<ext>`` with a file-system-safe unit name."""
    unit = re.sub(r"[^A-Za-z0-9]+", "_", ds.unit_singkat or "Unit").strip("_") or "Unit"
    return f"Kinerja_{unit}_{ds.tahun}_TW{tw}{akhiran}.{ext}"


def aman_csv(x: Any) -> Any:
    """Neutralise text that a spreadsheet would run as a formula (CSV injection); numbers pass."""
    if isinstance(x, str) and x.startswith(_BAHAYA):
        return "'" + x
    return x


def tabel_tw(c: Cuplikan, pos: Posisi, ds: Dataset, tw: int) -> TabelTW:
    nama = LEMBAR_TW[tw - 1]
    v = c.ambil(nama)
    baris = sorted(r for (k, _), r in pos.tw.items() if k == tw - 1)
    if not baris:
        raise BerkasError(f"lembar {nama} tidak berisi tabel IKU")
    kepala = [v.v(baris[0] - 1, j) for j in range(KOLOM_EKSPOR)]
    iku = [[v.v(r, j) for j in range(KOLOM_EKSPOR)] for r in baris]
    kode_ss = {s.kode for s in ds.ss}
    nss, nko = [], []
    akhir = baris[-1]
    for r in range(baris[-1] + 1, v.baris):
        b = v.v(r, 1)
        if b in kode_ss and v.v(r, 2) is None:
            nss.append([b, v.v(r, 3), v.v(r, 4), v.v(r, TW_CAPAIAN), v.v(r, TW_STATUS)])
            akhir = r
        elif isinstance(b, str) and (b.startswith("NKO") or b in ("Metode NKO", "Batas NKO")):
            nko.append((b, v.v(r, TW_CAPAIAN)))
            akhir = r
    return TabelTW(kepala, iku, nss, nko, baris[0] - 1, akhir)


def _angka_csv(x: Any) -> Any:
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return aman_csv("" if x is None else x)
    if math.isnan(x):
        return "n/a"
    return tulis_angka(x).replace(".", "")        # decimal comma, no grouping: Indonesian Excel reads a number


def _json_nilai(x: Any) -> Any:
    if isinstance(x, float) and math.isnan(x):
        return None
    if isinstance(x, str) and (x == "n/a" or x.startswith("#")):
        return None
    return x


def isi_json(ds: Dataset, t: TabelTW, tw: int, waktu: str, berkas: str) -> dict[str, Any]:
    nko = dict(t.nko)
    return {
        "unit": ds.unit, "unit_singkat": ds.unit_singkat, "tahun": ds.tahun, "triwulan": tw, "diekspor": waktu, "berkas": berkas,
        "iku": [{"kode": b[2], "ss": b[1], "nama": b[3], "satuan": b[4], "polarisasi": b[5], "target": b[6],
                 "realisasi": _json_nilai(b[7]), "capaian": _json_nilai(b[8]), "status": b[9],
                 "alasan": b[8] if isinstance(b[8], str) and b[8].startswith("#") else None, "keterangan": b[10]} for b in t.iku],
        "nss": [{"kode": b[0], "nama": b[1], "perspektif": b[2], "nilai": _json_nilai(b[3]), "status": b[4]} for b in t.nss],
        "nko": {"nilai": _json_nilai(nko.get("NKO (%)")), "tanpa_batas": _json_nilai(nko.get("NKO tanpa batas (%)")),
                "metode": nko.get("Metode NKO"), "batas": nko.get("Batas NKO")},
    }


def tulis_csv(path: Path, t: TabelTW) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        w.writerow([aman_csv(h) for h in t.kepala])
        for b in t.iku:
            w.writerow([_angka_csv(x) for x in b])
        w.writerow([])
        w.writerow(["Kode SS", "Sasaran Strategis", "Perspektif", "NSS (%)", "Status"])
        for b in t.nss:
            w.writerow([_angka_csv(x) for x in b])
        w.writerow([])
        for label, x in t.nko:
            w.writerow([aman_csv(label), _angka_csv(x)])


def _salin_gaya(src: Any, dst: Any) -> None:
    if src.has_style:
        dst.font, dst.border, dst.fill = copy(src.font), copy(src.border), copy(src.fill)
        dst.number_format, dst.alignment = src.number_format, copy(src.alignment)


def _tulis_xlsx(path: Path, sumber: Path, ds: Dataset, t: TabelTW, tw: int, waktu: str) -> None:
    """Values-only copy of the TW sheet with the source's styles, widths, merges and print setup."""
    import openpyxl
    from openpyxl.styles import Font, PatternFill
    nama = LEMBAR_TW[tw - 1]
    f_src = openpyxl.load_workbook(sumber, data_only=True)[nama]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = nama
    for r in range(1, t.baris_akhir + 2):
        for c in range(1, KOLOM_EKSPOR + 1):
            s, d = f_src.cell(r, c), ws.cell(r, c)
            d.value = s.value
            _salin_gaya(s, d)
        if f_src.row_dimensions[r].height:
            ws.row_dimensions[r].height = f_src.row_dimensions[r].height
    for c in range(1, KOLOM_EKSPOR + 1):
        huruf = openpyxl.utils.get_column_letter(c)
        ws.column_dimensions[huruf].width = f_src.column_dimensions[huruf].width
    for m in f_src.merged_cells.ranges:
        if m.max_col <= KOLOM_EKSPOR:
            ws.merge_cells(str(m))
    for r in range(1, t.baris_akhir + 2):          # traffic lights baked in: no conditional formats in a values file
        for c in (TW_CAPAIAN + 1, TW_STATUS + 1):
            status = ws.cell(r, TW_STATUS + 1).value
            if status in _STATUS_WARNA:
                bg, fg = WARNA[_STATUS_WARNA[status]]
                ws.cell(r, c).fill = PatternFill("solid", fgColor=bg.lstrip("#"))
                ws.cell(r, c).font = Font(name="Calibri", size=10, color=fg.lstrip("#"))
    ws.cell(3, 1).value = f"Tahun {ds.tahun} · Triwulan {TRIWULAN[tw - 1]} · diekspor {waktu} dari {sumber.name} (nilai saja, tanpa rumus)"
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
    ws.oddHeader.center.text = f"Laporan Kinerja {ds.tahun} — TW {TRIWULAN[tw - 1]}"
    ws.oddFooter.right.text = "Halaman &P dari &N"
    wb.properties.creator = "kinerja ekspor"
    wb.save(path)


def ke_pdf(xlsx: Path, tujuan: Path) -> None:
    """PDF of a values-only workbook with LibreOffice headless (private profile, hard timeout)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise BerkasError("format pdf memerlukan LibreOffice (soffice) yang tidak ditemukan; pilih format lain")
    with tempfile.TemporaryDirectory() as tmp:
        profil = Path(tmp) / "profil"
        keluar = Path(tmp) / "keluar"
        perintah = ["timeout", "-s", "KILL", "170", soffice, f"-env:UserInstallation=file://{profil}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(keluar), str(xlsx)]
        p = subprocess.run(perintah, capture_output=True, text=True, timeout=180)
        hasil = keluar / (xlsx.stem + ".pdf")
        if p.returncode != 0 or not hasil.exists():
            raise BerkasError(f"LibreOffice gagal membuat PDF: {p.stderr.strip() or p.stdout.strip()}")
        shutil.copyfile(hasil, tujuan)


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
        _tulis_anggaran(path, f, b.ds, b.tw, b.waktu, b.berkas)
    elif f == "csv":
        tulis_csv(path, b.tabel)
    else:
        path.write_text(json.dumps(isi_json(b.ds, b.tabel, b.tw, b.waktu, b.berkas), ensure_ascii=False, indent=2, allow_nan=False),
                        encoding="utf-8")


def ekspor(sumber: Path | str, tw: int, ke: Path | str, format: Sequence[str] = FORMAT, paksa: bool = False,
           timpa: bool = False) -> tuple[list[Path], list[Temuan]]:
    """Export TW ``tw`` (1-4) of workbook ``sumber`` into folder ``ke``; returns the files written and the findings."""
    if tw not in (1, 2, 3, 4):
        raise BerkasError(f"triwulan '{tw}' tidak dikenal: pilih 1, 2, 3 atau 4")
    salah = [f for f in format if f not in FORMAT]
    if salah:
        raise BerkasError(f"format '{', '.join(salah)}' tidak dikenal: pilih dari {', '.join(FORMAT)}")
    c = dari_berkas(sumber)
    ds, pos = baca(c)
    temuan = validasi(c, tw, (ds, pos))
    if ada_galat(temuan) and not paksa:
        raise EksporDitolak(temuan)
    tujuan = berkas_tujuan(ds, tw, Path(ke), format)
    ada = sudah_ada(tujuan)
    if ada and not timpa:
        raise BerkasError(f"berkas sudah ada, tidak ditimpa: {', '.join(map(str, ada))} (gunakan --timpa untuk menggantinya)")
    nama = Path(sumber).name
    b = Bahan(ds, tabel_tw(c, pos, ds, tw), tw, dt.datetime.now().strftime("%Y-%m-%d %H:%M"), nama)
    ditulis: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        if {"xlsx", "pdf"} & set(format):
            b = dataclasses.replace(b, xlsx=Path(tmp) / nama_berkas(ds, tw, "xlsx"),
                                    xlsx_anggaran=Path(tmp) / nama_berkas(ds, tw, "xlsx", "_anggaran"))
            _tulis_xlsx(b.xlsx, Path(sumber), ds, b.tabel, tw, b.waktu)
            if ds.anggaran is not None:
                _tulis_anggaran(b.xlsx_anggaran, "xlsx", ds, tw, b.waktu, nama)
        for (laporan, f), p in tujuan.items():
            with tulis_atomik(p, timpa=timpa) as sementara:
                tulis_berkas(laporan, f, sementara, b)
            ditulis.append(p)
    return ditulis, temuan


KEPALA_ANGGARAN = ("Kode", "Kegiatan", "Pagu", "Realisasi s.d. TW", "Penyerapan (%)", "Target (%)", "Capaian target (%)",
                   "Deviasi RPD (%)")


def tabel_anggaran_tw(ds: Dataset, tw: int) -> tuple[list[list[Any]], dict[str, Any]]:
    """The budget realisation report of TW ``tw``: one row per kegiatan and the total, plus the year's figures."""
    from .laporan_anggaran import susun_anggaran
    ang = susun_anggaran(ds)
    nama = {k.kode: k.nama for k in ang.kegiatan}
    pagu = {k.kode: k.pagu for k in [*ang.kegiatan, ang.total]}
    baris = [[t.kode, nama.get(t.kode, "Total"), pagu[t.kode], t.realisasi, t.penyerapan, t.target, t.capaian_target, t.deviasi_rpd]
             for t in ang.triwulan if t.tw == tw]
    ringkas = {"ckk": ang.ckk, "efisiensi": ang.efisiensi, "nilai_efisiensi": ang.nilai_efisiensi, "kpa": ang.kpa,
               "alasan": ang.alasan or None}
    return baris, ringkas


def _bersih(x: Any) -> Any:
    return None if isinstance(x, float) and math.isnan(x) else x


def _tulis_anggaran(path: Path, f: str, ds: Dataset, tw: int, waktu: str, berkas: str) -> None:
    baris, ringkas = tabel_anggaran_tw(ds, tw)
    if f == "csv":
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh, delimiter=";", lineterminator="\r\n")
            w.writerow(KEPALA_ANGGARAN)
            for b in baris:
                w.writerow([_angka_csv(x) for x in b])
        return
    if f == "json":
        isi = {"unit": ds.unit, "tahun": ds.tahun, "triwulan": tw, "diekspor": waktu, "berkas": berkas,
               "kegiatan": [dict(zip(("kode", "nama", "pagu", "realisasi", "penyerapan", "target", "capaian_target", "deviasi_rpd"),
                                     map(_bersih, b))) for b in baris],
               "tahunan": {k: _bersih(v) for k, v in ringkas.items()}}
        path.write_text(json.dumps(isi, ensure_ascii=False, indent=2, allow_nan=False), encoding="utf-8")
        return
    import xlsxwriter
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet(f"Anggaran TW {TRIWULAN[tw - 1]}")
    judul = wb.add_format({"bold": True, "font_size": 13})
    kepala = wb.add_format({"bold": True, "bg_color": "#1F3864", "font_color": "#FFFFFF", "border": 1, "text_wrap": True})
    rp = wb.add_format({"num_format": '[$-421]"Rp "#,##0', "border": 1})
    pc = wb.add_format({"num_format": "[$-421]#,##0.00", "border": 1})
    teks = wb.add_format({"border": 1, "text_wrap": True})
    ws.write(0, 0, f"Realisasi anggaran {ds.unit} — Triwulan {TRIWULAN[tw - 1]} {ds.tahun}", judul)
    ws.write(1, 0, f"Diekspor {waktu} dari {berkas} (nilai saja); n/a: memerlukan realisasi/RPD bulanan yang belum diisi")
    for c, h in enumerate(KEPALA_ANGGARAN):
        ws.write(3, c, h, kepala)
    for i, b in enumerate(baris):
        for c, x in enumerate(b):
            x = _bersih(x)
            if x is None:
                ws.write_string(4 + i, c, "n/a", teks)
            elif isinstance(x, str):
                ws.write_string(4 + i, c, x, teks)
            else:
                ws.write_number(4 + i, c, x, rp if c in (2, 3) else pc)
    r = 6 + len(baris)
    for label, kunci in (("Capaian Keluaran Kegiatan (%)", "ckk"), ("Efisiensi (%)", "efisiensi"),
                         ("Nilai Efisiensi", "nilai_efisiensi"), ("Kualitas Pelaksanaan Anggaran", "kpa")):
        ws.write(r, 1, label, teks)
        v = _bersih(ringkas[kunci])
        ws.write(r, 2, "n/a" if v is None else v, pc if v is not None else teks)
        r += 1
    for dr, t_ in enumerate((f"Jakarta, {dt.date.today():%d-%m-%Y}", ds.unit, "", "", "(.................................................)", "NIP.")):
        if t_:
            ws.write(r + 1 + dr, 5, t_)
    ws.set_column(0, 0, 10)
    ws.set_column(1, 1, 44)
    ws.set_column(2, 3, 19)
    ws.set_column(4, 7, 13)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_footer("&RHalaman &P dari &N")
    wb.close()


def tulis_temuan_xlsx(temuan: list[Temuan], tujuan: Path | str, berkas: str, timpa: bool = False) -> Path:
    """Findings as a new workbook (``kinerja validasi --laporan``), atomically."""
    import xlsxwriter
    with tulis_atomik(tujuan, timpa=timpa) as sementara:
        wb = xlsxwriter.Workbook(str(sementara))
        ws = wb.add_worksheet("Validasi")
        kepala = wb.add_format({"bold": True, "bg_color": "#1F3864", "font_color": "#FFFFFF", "border": 1})
        teks = wb.add_format({"text_wrap": True, "valign": "top", "border": 1})
        warna = {GALAT: wb.add_format({"bg_color": "#FFC7CE", "border": 1, "valign": "top"}),
                 "peringatan": wb.add_format({"bg_color": "#FFEB9C", "border": 1, "valign": "top"}),
                 "info": wb.add_format({"bg_color": "#DDEBF7", "border": 1, "valign": "top"})}
        ws.write(0, 0, f"Temuan validasi: {berkas}", wb.add_format({"bold": True, "font_size": 13}))
        for c, (h, w) in enumerate((("Tingkat", 11), ("Lembar", 10), ("Sel", 8), ("Pesan", 70), ("Saran", 60), ("Aturan", 22))):
            ws.write(2, c, h, kepala)
            ws.set_column(c, c, w)
        for i, t in enumerate(temuan):
            ws.write(3 + i, 0, t.tingkat, warna[t.tingkat])
            for c, v in enumerate((aman_csv(t.lembar), t.sel, aman_csv(t.pesan), aman_csv(t.saran), t.aturan), 1):
                ws.write_string(3 + i, c, v, teks)
        ws.freeze_panes(3, 0)
        ws.autofilter(2, 0, 2 + max(1, len(temuan)), 5)
        wb.close()
    return Path(tujuan)

