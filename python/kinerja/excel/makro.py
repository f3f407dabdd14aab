"""Python side of the workbook's buttons (``RunPython`` from ``Kinerja.ValidasiTriwulan``,
``Kinerja.EksporTriwulan``, ``Kinerja.SusunUlang`` and ``Kinerja.TahunBaru``): a thin adapter between the
live workbook (``xw.Book.caller()``) and the rules, which are the same as ``kinerja validasi`` /
``kinerja ekspor`` / ``kinerja susun`` / ``kinerja tahun-baru`` on a file.

What this module does with Excel: read every sheet's values and formulas into a
:class:`~kinerja.cuplikan.Cuplikan`, bounded like the file reader (columns A..``tl.KOLOM_BACA``, empty row
blocks skipped after one ``CountA`` each); write the findings into the ``Validasi`` sheet with a
link to each cell; mark the cells with a note (removed at the next run); export with Excel's
own means (a values-only copy of the sheet saved as .xlsx, Excel's PDF export); restructure the
workbook or start the next year into a new file beside it, which it then opens. It never saves
the workbook itself. A refusal (a galat, a PK the builder cannot follow, an unsaved workbook) is told
with ``app.alert``; anything else is a traceback, which xlwings writes to the sheet the VBA explains.
"""
from __future__ import annotations

import datetime as dt
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable

from ..bangun import susun as penyusun
from ..buku import tata_letak as tl
from ..buku.baca import baca
from ..buku.cuplikan import Cuplikan, LembarSel, format_persen, teks_persen
from ..data.berkas import BerkasError, tulis_atomik
from ..data.dataset import DatasetError
from ..keluaran.ekspor import FORMAT, Bahan, berkas_tujuan, sudah_ada, tulis_berkas
from ..keluaran.tabel_tw import tabel_tw
from ..periksa import GALAT, Temuan, ada_galat
from ..periksa import validasi as periksa_validasi

__all__ = ["validasi", "ekspor", "susun_ulang", "tahun_baru", "berkas_buku", "berkas_baru", "pesan_hasil", "cuplikan_excel",
           "blok_terisi", "tulis_temuan", "triwulan_aktif", "argumen_proteksi"]

PENANDA_CATATAN = "Validasi Kinerja"
BLOK_BARIS = 2000
"""Rows read per call in Excel mode; a larger span is halved while it holds something (an empty half costs one
``CountA``), so a stray value in row 1048576 costs a few dozen counts and one block instead of a million rows."""

_IZIN_EXCEL = {"format_cells": "AllowFormattingCells", "format_columns": "AllowFormattingColumns",
               "format_rows": "AllowFormattingRows", "insert_columns": "AllowInsertingColumns",
               "insert_rows": "AllowInsertingRows", "insert_hyperlinks": "AllowInsertingHyperlinks",
               "delete_columns": "AllowDeletingColumns", "delete_rows": "AllowDeletingRows", "sort": "AllowSorting",
               "autofilter": "AllowFiltering", "pivot_tables": "AllowUsingPivotTables"}
"""XlsxWriter ``protect`` option (True = staff may) -> Excel ``Worksheet.Protect`` keyword of the same meaning."""
_TANPA_BATAS, _SEL_TERBUKA, _TANPA_PILIH = 0, 1, -4142
"""``Worksheet.EnableSelection``: xlNoRestrictions, xlUnlockedCells, xlNoSelection."""


def _buku(book: Any = None) -> Any:
    if book is not None:
        return book
    import xlwings as xw
    return xw.Book.caller()


def cuplikan_excel(book: Any) -> Cuplikan:
    """Snapshot of the open workbook: values and formulas of each sheet (bounded, sparse), defined names."""
    try:
        countA = book.app.api.WorksheetFunction.CountA
    except Exception:  # no worksheet functions through this bridge (macOS): every block is read
        countA = None
    lembar = {}
    for sh in book.sheets:
        akhir = sh.used_range.last_cell
        kolom = max(1, min(akhir.column, tl.KOLOM_BACA))

        def terisi(a: int, b: int, sh: Any = sh, kolom: int = kolom) -> bool:
            return countA is None or bool(countA(sh.range((a + 1, 1), (b + 1, kolom)).api))
        nilai: dict[int, dict[int, Any]] = {}
        rumus: dict[int, dict[int, Any]] = {}
        persen: dict[tuple[int, int], float] = {}
        for a, b in blok_terisi(terisi, 0, max(akhir.row, 1) - 1):
            area = sh.range((a + 1, 1), (b + 1, kolom))
            for isi, tabel, ada in ((nilai, area.options(ndim=2).value, _ada_nilai),
                                    (rumus, _dua_dimensi(area.formula), _ada_rumus)):
                for i, baris in enumerate(tabel):
                    d = {c: x for c, x in enumerate(baris) if ada(x)}
                    if d:
                        isi[a + i] = d
            persen.update(_ketik_persen(sh, a, b, nilai, rumus))
        for (r, c), x in persen.items():
            nilai[r][c] = teks_persen(x)
        lembar[sh.name] = LembarSel(nilai, rumus)
        lembar[sh.name].persen = persen
    nama = {}
    for n in book.names:
        try:
            rng = n.refers_to_range
        except Exception:  # a name that is not a range (constant, formula)
            continue
        nama[n.name.split("!")[-1]] = (rng.sheet.name, rng.row - 1, rng.column - 1)
    return Cuplikan(book.name, lembar, nama)


def blok_terisi(terisi: Callable[[int, int], bool], r0: int, r1: int, blok: int = BLOK_BARIS) -> list[tuple[int, int]]:
    """Blocks (first, last row; 0-based, inclusive) of at most ``blok`` rows within [r0, r1], in order, that
    ``terisi(first, last)`` says hold something: a span that holds something is halved until it fits a block."""
    keluar, tumpuk = [], [(r0, r1)]
    while tumpuk:
        a, b = tumpuk.pop()
        if a > b or not terisi(a, b):
            continue
        if b - a < blok:
            keluar.append((a, b))
        else:
            m = a + max(1, (b - a + 1) // (2 * blok)) * blok - 1   # halves on block boundaries
            tumpuk += [(m + 1, b), (a, m)]
    return keluar


def _ketik_persen(sh: Any, a: int, b: int, nilai: dict[int, dict[int, Any]], rumus: dict[int, dict[int, Any]]) -> dict[tuple[int, int], float]:
    """Rule R8 in Excel, as :func:`kinerja.buku.cuplikan.dari_berkas` reads a file: typed numbers (no formula) of rows
    ``a..b`` whose cell shows a percent. One number-format read per column of the block; cell by cell only where a
    column mixes formats (Excel then answers None)."""
    calon: dict[int, list[int]] = {}
    for r in range(a, b + 1):
        for c, x in nilai.get(r, {}).items():
            if type(x) in (int, float) and c not in rumus.get(r, {}):
                calon.setdefault(c, []).append(r)
    keluar = {}
    for c, baris in calon.items():
        fmt = sh.range((a + 1, c + 1), (b + 1, c + 1)).number_format
        for r in baris:
            if format_persen(fmt if fmt is not None else sh.range((r + 1, c + 1)).number_format):
                keluar[(r, c)] = float(nilai[r][c])
    return keluar


def _ada_nilai(x: Any) -> bool:
    return x is not None


def _ada_rumus(x: Any) -> bool:
    return isinstance(x, str) and x.startswith("=")


def _dua_dimensi(x: Any) -> list[list[Any]]:
    if not isinstance(x, (list, tuple)):
        return [[x]]
    if x and not isinstance(x[0], (list, tuple)):
        return [list(x)]
    return [list(b) for b in x]


def triwulan_aktif(book: Any) -> int | None:
    """1-4 for the active TW sheet; elsewhere the TW chosen on the Validasi sheet; None = every TW."""
    nama = book.sheets.active.name
    if nama not in tl.LEMBAR_TW:
        pilihan = next((n for n in book.names if n.name.split("!")[-1] == tl.NAMA_TRIWULAN_VALIDASI), None)
        nama = str(pilihan.refers_to_range.value or "") if pilihan is not None else ""
    return tl.LEMBAR_TW.index(nama) + 1 if nama in tl.LEMBAR_TW else None


def argumen_proteksi(opsi: dict[str, bool]) -> tuple[dict[str, bool], int]:
    """Excel's ``Protect`` keyword arguments and ``EnableSelection`` for XlsxWriter ``protect`` options (its
    defaults where an option is absent), so a re-protected sheet allows exactly what the builder allowed."""
    o = {"sheet": True, "objects": False, "scenarios": False, "select_locked_cells": True, "select_unlocked_cells": True,
         **opsi}
    tidak_dikenal = set(o) - set(_IZIN_EXCEL) - {"sheet", "objects", "scenarios", "select_locked_cells", "select_unlocked_cells"}
    if tidak_dikenal:
        raise ValueError(f"opsi proteksi tanpa padanan Excel: {sorted(tidak_dikenal)}")
    kw = {"DrawingObjects": not o["objects"], "Contents": bool(o["sheet"]), "Scenarios": not o["scenarios"],
          **{excel: bool(o.get(x, False)) for x, excel in _IZIN_EXCEL.items()}}
    pilih = (_TANPA_BATAS if o["select_locked_cells"] else _SEL_TERBUKA) if o["select_unlocked_cells"] else _TANPA_PILIH
    return kw, pilih


@contextmanager
def _tanpa_proteksi(sheet: Any):
    """Notes cannot be added to a protected sheet: lift the (password-less) protection meanwhile, then protect
    it again with the builder's permissions (``tl.PROTEKSI``; XlsxWriter's defaults for a sheet not listed)."""
    terlindung = bool(sheet.api.ProtectContents)
    if terlindung:
        sheet.api.Unprotect()
    try:
        yield sheet
    finally:
        if terlindung:
            kw, pilih = argumen_proteksi(tl.PROTEKSI.get(sheet.name, {}))
            sheet.api.Protect(**kw)
            sheet.api.EnableSelection = pilih


def tulis_temuan(book: Any, temuan: list[Temuan]) -> None:
    """Fill the Validasi sheet (a link per cell) and mark the cells with a note; old marks go first."""
    ws = book.sheets[tl.VALIDASI]
    nama_lembar = [s.name for s in book.sheets]
    lama = ws.range((tl.BARIS_TEMUAN + 1, tl.KOLOM_TANDA + 1), (tl.BARIS_TEMUAN + 2000, tl.KOLOM_TANDA + 1)).value or []
    per_lembar: dict[str, list[str]] = {}
    for a in (x for x in lama if x):
        lembar, sel = str(a).split("!", 1)
        if lembar in nama_lembar:
            per_lembar.setdefault(lembar, []).append(sel)
    for lembar, sel_lama in per_lembar.items():
        with _tanpa_proteksi(book.sheets[lembar]) as sh:
            for sel in sel_lama:
                rng = sh.range(sel)
                if rng.note is not None and str(rng.note.text).startswith(PENANDA_CATATAN):
                    rng.note.delete()
    ws.range((tl.BARIS_TEMUAN + 1, 1), (tl.BARIS_TEMUAN + 2000, tl.KOLOM_TANDA + 1)).clear_contents()
    if not temuan:
        ws.range((tl.BARIS_TEMUAN + 1, 1)).value = f"Tidak ada temuan ({dt.datetime.now():%Y-%m-%d %H:%M})."
        return
    tandai = [t for t in temuan if t.tingkat != "info"]
    ws.range((tl.BARIS_TEMUAN + 1, 1)).value = [[t.tingkat, t.lembar, t.sel, t.pesan, t.saran, t.aturan,
                                              f"{t.lembar}!{t.sel}" if t in tandai else None] for t in temuan]
    for i, t in enumerate(temuan):
        ws.range((tl.BARIS_TEMUAN + 1 + i, 3)).add_hyperlink(f"#'{t.lembar}'!{t.sel}", t.sel, t.pesan[:250])
    for lembar in dict.fromkeys(t.lembar for t in tandai):
        with _tanpa_proteksi(book.sheets[lembar]) as sh:
            for t in (x for x in tandai if x.lembar == lembar):
                rng = sh.range(t.sel)
                if rng.note is None:
                    rng.add_note(f"{PENANDA_CATATAN} ({t.tingkat}): {t.pesan}. {t.saran}"[:1000])


def _ringkas(temuan: list[Temuan]) -> str:
    if not temuan:
        return "Tidak ada temuan."
    n = {t: sum(1 for x in temuan if x.tingkat == t) for t in ("galat", "peringatan", "info")}
    return f"{n['galat']} galat, {n['peringatan']} peringatan, {n['info']} info. Lihat lembar Validasi."


def validasi(book: Any = None) -> list[Temuan]:
    """Button Validasi: check the active TW (or every TW), fill the Validasi sheet, tell the result."""
    book = _buku(book)
    temuan = periksa_validasi(cuplikan_excel(book), triwulan_aktif(book))
    tulis_temuan(book, temuan)
    book.app.alert(_ringkas(temuan), title="Validasi Kinerja")
    return temuan


def ekspor(book: Any = None) -> list[Path]:
    """Button Ekspor: validate the active TW; without galat write xlsx, pdf, csv and json beside the workbook."""
    book = _buku(book)
    tw = triwulan_aktif(book)
    if tw is None:
        book.app.alert("Pilih lembar TW I, TW II, TW III atau TW IV lalu tekan Ekspor.", title="Ekspor Kinerja")
        return []
    c = cuplikan_excel(book)
    ds, pos = baca(c)
    temuan = periksa_validasi(c, tw, (ds, pos))
    if ada_galat(temuan):
        tulis_temuan(book, temuan)
        n = sum(1 for t in temuan if t.tingkat == GALAT)
        book.app.alert(f"Ekspor dibatalkan: {n} galat. Perbaiki dulu (lihat lembar Validasi).", title="Ekspor Kinerja")
        return []
    folder = Path(book.fullname).parent / "ekspor"
    tujuan = berkas_tujuan(ds, tw, folder, FORMAT, anggaran=False)
    ada = [p.name for p in sudah_ada(tujuan)]
    timpa = bool(ada) and book.app.alert(f"Berkas sudah ada: {', '.join(ada)}. Timpa?", title="Ekspor Kinerja",
                                         buttons="yes_no") == "yes"
    if ada and not timpa:
        return []
    b = Bahan(ds, tabel_tw(c, pos, ds, tw), tw, f"{dt.datetime.now():%Y-%m-%d %H:%M}", book.name)
    for f in ("csv", "json"):
        with tulis_atomik(tujuan[("tw", f)], timpa) as p:
            tulis_berkas("tw", f, p, b)
    _xlsx_dan_pdf(book, tl.LEMBAR_TW[tw - 1], tujuan[("tw", "xlsx")], tujuan[("tw", "pdf")], timpa)
    book.app.alert(f"Ekspor selesai ke folder {folder}.", title="Ekspor Kinerja")
    return list(tujuan.values())


def _xlsx_dan_pdf(book: Any, nama_lembar: str, xlsx: Path, pdf: Path, timpa: bool) -> None:
    """Excel's own copy of the sheet as values (buttons removed) saved as .xlsx, and Excel's PDF."""
    app = book.app
    sumber = book.sheets[nama_lembar]
    sumber.api.Copy()                        # a new workbook holding a copy of the sheet
    salinan = app.books.active
    try:
        ws = salinan.sheets[0]
        ws.api.Unprotect()
        rng = ws.used_range
        rng.value = rng.value                # formulas -> values
        for s in list(ws.shapes):
            s.delete()
        with tulis_atomik(xlsx, timpa) as p:
            salinan.save(str(p.with_suffix(".tmp.xlsx")))
            os.replace(p.with_suffix(".tmp.xlsx"), p)
        with tulis_atomik(pdf, timpa) as p:
            ws.to_pdf(str(p.with_suffix(".tmp.pdf")))
            os.replace(p.with_suffix(".tmp.pdf"), p)
    finally:
        salinan.close()


# ------------------------------------------------------------------ Susun Ulang and Tahun Baru (buttons of PK)

JUDUL_SUSUN, JUDUL_TAHUN = "Susun Ulang", "Tahun Baru"
CATATAN_MAKS = 12
"""Lines of the builder's notes shown in the message (the rest are counted)."""


def berkas_buku(book: Any) -> Path | None:
    """The open workbook's file; None when it was never saved ("Book1") or lives at a web address that is no folder
    here (OneDrive/SharePoint without a synced folder: xlwings' ``fullname`` then raises)."""
    try:
        p = Path(str(book.fullname or ""))
    except Exception:
        return None
    return p if p.is_absolute() and p.parent.is_dir() else None


def berkas_baru(asal: Path, akhiran: str) -> Path:
    """``<stem>_<akhiran>.xlsm`` beside ``asal``, else ``_2``, ``_3``, ...: the first name nothing holds."""
    n = 1
    while True:
        p = asal.with_name(f"{asal.stem}_{akhiran}{'' if n == 1 else f'_{n}'}.xlsm")
        if not os.path.lexists(p):
            return p
        n += 1


def susun_ulang(book: Any = None) -> penyusun.HasilSusun | None:
    """Button Susun Ulang (PK): a new workbook beside this one that follows the PK as staff left it; opened."""
    return _tulis_baru(_buku(book), JUDUL_SUSUN, "susun",
                       lambda c, p, asal: penyusun.susun_ulang(c, p, timpa=False, sumber=asal))


def tahun_baru(tahun: int, book: Any = None) -> penyusun.HasilSusun | None:
    """Button Tahun Baru (PK; the VBA asks the year): next year's workbook beside this one; opened."""
    tahun = int(tahun)
    return _tulis_baru(_buku(book), JUDUL_TAHUN, str(tahun),
                       lambda c, p, asal: penyusun.tahun_baru(c, tahun, p, timpa=False, sumber=asal))


def _tulis_baru(book: Any, judul: str, akhiran: str,
                tulis: Callable[[Cuplikan, Path, tuple[Path, ...]], penyusun.HasilSusun]) -> penyusun.HasilSusun | None:
    """Snapshot the open workbook (unsaved edits included), write the new file beside it, open it, tell staff."""
    asal = berkas_buku(book)
    if asal is None:
        book.app.alert(f"Simpan dulu workbook ini di folder komputer atau jaringan kantor (File > Save As), lalu tekan "
                       f"lagi {judul}: workbook baru ditulis di folder yang sama. Workbook yang belum pernah disimpan, atau "
                       "yang dibuka dari OneDrive/SharePoint tanpa folder sinkron di komputer ini, tidak punya folder itu.",
                       title=judul)
        return None
    c = cuplikan_excel(book)
    try:
        hasil = tulis(c, berkas_baru(asal, akhiran), (asal,))
    except (DatasetError, BerkasError) as e:     # SusunError is a DatasetError: the PK cell to fix is named
        book.app.alert(f"{judul} dibatalkan; workbook ini tidak diubah.\n\n{e}", title=judul)
        return None
    try:
        book.app.books.open(str(hasil.path))
        dibuka = True
    except Exception:   # e.g. a workbook of the same name is already open in Excel
        dibuka = False
    book.app.alert(pesan_hasil(hasil, judul, dibuka), title=judul)
    return hasil


def pesan_hasil(hasil: penyusun.HasilSusun, judul: str, dibuka: bool) -> str:
    """What staff read after Susun Ulang / Tahun Baru: where the new workbook is, what it holds and what was archived
    (the builder's notes say it; without notes, the counts), what to do next."""
    ringkas = list(hasil.catatan[:CATATAN_MAKS]) or [f"{hasil.n_ss} Sasaran Strategis dan {hasil.n_iku} IKU."]
    if len(hasil.catatan) > CATATAN_MAKS:
        ringkas.append(f"... dan {len(hasil.catatan) - CATATAN_MAKS} catatan lain.")
    if hasil.diarsipkan and not any(tl.ARSIP in x for x in ringkas):
        ringkas.append(f"{hasil.diarsipkan} isian IKU yang tidak lagi ada pada PK dipindah ke lembar {tl.ARSIP}.")
    if judul == JUDUL_TAHUN:
        ringkas.append("Realisasi, keterangan, masukan Rincian dan isian anggaran dikosongkan; target dibawa dari tahun "
                       "lalu: periksa dan sesuaikan dengan PK yang baru.")
    return "\n".join([f"Workbook baru {'dibuat dan dibuka' if dibuka else 'dibuat (bukalah sendiri)'}:", str(hasil.path), "",
                      *ringkas, "", "Workbook ini tidak diubah; lanjutkan pekerjaan di workbook baru."])
