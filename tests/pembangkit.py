"""Generator of deliberately broken copies of the workbook, for the validation and export tests.

Two ways: build the workbook from a changed dataset (what staff would type into the cells), or
rewrite one cell inside the saved file's XML (a formula overwritten by a typed value, a cached
value left stale). Both produce real .xlsm files in a temporary folder; the committed workbook
is never touched.
"""
from __future__ import annotations

import dataclasses
import re
import zipfile
from pathlib import Path
from typing import Any

from kinerja.bangun import bangun_workbook
from kinerja.data.dataset import IKU, SS, Dataset


def ganti_iku(ds: Dataset, kode_iku: str, **ubah: Any) -> Dataset:
    return dataclasses.replace(ds, iku=tuple(dataclasses.replace(i, **ubah) if i.kode == kode_iku else i for i in ds.iku))


def ganti_pengaturan(ds: Dataset, **ubah: Any) -> Dataset:
    return dataclasses.replace(ds, pengaturan=dataclasses.replace(ds.pengaturan, **ubah))


def tambah_iku(ds: Dataset, iku: IKU) -> Dataset:
    return dataclasses.replace(ds, iku=ds.iku + (iku,))


def tambah_ss(ds: Dataset, ss: SS) -> Dataset:
    return dataclasses.replace(ds, ss=ds.ss + (ss,))


def ganti_riwayat(ds: Dataset, kode: str, tahun: int, **ubah: Any) -> Dataset:
    return dataclasses.replace(ds, riwayat=tuple(dataclasses.replace(r, **ubah) if (r.kode, r.tahun) == (kode, tahun) else r
                                                 for r in ds.riwayat))


def ganti_bobot_sakip(ds: Dataset, tahun: int, komponen: str, bobot: float) -> Dataset:
    return dataclasses.replace(ds, sakip=tuple(dataclasses.replace(e, bobot={**e.bobot, komponen: bobot}) if e.tahun == tahun else e
                                               for e in ds.sakip))


def bangun(ds: Dataset, folder: Path, nama: str = "rusak.xlsm") -> Path:
    return bangun_workbook(ds, folder / nama)


def _xml_lembar(z: zipfile.ZipFile, lembar: str) -> str:
    wb = z.read("xl/workbook.xml").decode()
    rid = re.search(rf'<sheet name="{re.escape(lembar)}" sheetId="\d+" r:id="(rId\d+)"', wb).group(1)
    rels = z.read("xl/_rels/workbook.xml.rels").decode()
    target = re.search(rf'Id="{rid}"[^>]*Target="([^"]+)"', rels) or re.search(rf'Target="([^"]+)"[^>]*Id="{rid}"', rels)
    return "xl/" + target.group(1).lstrip("/").removeprefix("xl/")


def _baca_zip(sumber: Path) -> tuple[dict[str, bytes], dict[str, zipfile.ZipInfo]]:
    with zipfile.ZipFile(sumber) as z:
        return {i.filename: z.read(i.filename) for i in z.infolist()}, {i.filename: i for i in z.infolist()}


def _tulis_zip(tujuan: Path, isi: dict[str, bytes], info: dict[str, zipfile.ZipInfo]) -> Path:
    with zipfile.ZipFile(tujuan, "w") as z:
        for n, data in isi.items():
            z.writestr(info[n], data)
    return tujuan


def ubah_xml(sumber: Path, tujuan: Path, bagian: str, ubah: Any) -> Path:
    """Copy ``sumber`` to ``tujuan`` with the XML part ``bagian`` (e.g. xl/workbook.xml, or a sheet name) passed through ``ubah``."""
    isi, info = _baca_zip(sumber)
    if not bagian.startswith("xl/"):
        with zipfile.ZipFile(sumber) as z:
            bagian = _xml_lembar(z, bagian)
    baru = ubah(isi[bagian].decode())
    assert baru != isi[bagian].decode(), f"{bagian} tidak berubah"
    isi[bagian] = baru.encode()
    return _tulis_zip(tujuan, isi, info)


def sel_jauh(sumber: Path, tujuan: Path, lembar: str, sel: str, teks: str = "x") -> Path:
    """A stray typed text far away (e.g. XFD1048576), as a last row of the sheet's data."""
    baris = int("".join(ch for ch in sel if ch.isdigit()))
    return ubah_xml(sumber, tujuan, lembar, lambda x: x.replace(
        "</sheetData>", f'<row r="{baris}"><c r="{sel}" t="inlineStr"><is><t>{teks}</t></is></c></row></sheetData>', 1))


def _kolom(sel: str) -> int:
    n = 0
    for ch in re.match(r"[A-Z]+", sel).group(0):
        n = n * 26 + ord(ch) - 64
    return n


def _sel_baru(xml: str, sel: str) -> str:
    """The sheet XML with an empty cell ``sel`` inserted in column order into its row (the row created if absent)."""
    baris = int(re.search(r"\d+", sel).group(0))
    kosong = f'<c r="{sel}"/>'
    m = re.search(rf'<row r="{baris}"[^>]*?(/>|>(.*?)</row>)', xml, re.S)
    if m is None:
        sesudah = next((x for x in re.finditer(r'<row r="(\d+)"', xml) if int(x.group(1)) > baris), None)
        i = sesudah.start() if sesudah else xml.index("</sheetData>")
        return xml[:i] + f'<row r="{baris}">{kosong}</row>' + xml[i:]
    if m.group(1) == "/>":
        return xml[:m.start()] + m.group(0)[:-2] + f">{kosong}</row>" + xml[m.end():]
    isi = m.group(2)
    sel_sel = list(re.finditer(r'<c r="([A-Z]+)\d+"', isi))
    sesudah = next((x for x in sel_sel if _kolom(x.group(1)) > _kolom(sel)), None)
    pos = m.start(2) + (sesudah.start() if sesudah else len(isi))
    return xml[:pos] + kosong + xml[pos:]


def ubah_sel(sumber: Path, tujuan: Path, lembar: str, sel: str, *, nilai: float | None = None, teks: str | None = None,
             cache: float | None = None, galat: str | None = None, kosong: bool = False) -> Path:
    """Copy ``sumber`` to ``tujuan`` with one cell of ``lembar`` rewritten in the XML; every other cached value stays.

    ``nilai``/``teks``: the cell becomes a typed number/text (its formula is gone);
    ``cache``: the formula stays but its cached value becomes ``cache`` (stale);
    ``galat``: the formula stays and caches an error value (``#NAME?``, as Excel does without Python);
    ``kosong``: the cell is cleared (its style stays).
    """
    isi, info = _baca_zip(sumber)
    with zipfile.ZipFile(sumber) as z:
        nama = _xml_lembar(z, lembar)
    xml = isi[nama].decode()
    pola = re.compile(rf'<c r="{sel}"( s="\d+")?( t="\w+")?(/>|>.*?</c>)', re.S)
    m = pola.search(xml)
    if m is None:                              # an empty cell Excel did not write: add it to its row, as Excel would
        xml = _sel_baru(xml, sel)
        m = pola.search(xml)
    assert m, f"sel {lembar}!{sel} tidak ditemukan"
    gaya = m.group(1) or ""
    if cache is not None:
        lama = m.group(0)
        baru = re.sub(r"<v>.*?</v>", f"<v>{cache}</v>", lama.replace(' t="str"', ""))
    elif galat is not None:
        rumus = re.search(r"<f>.*?</f>", m.group(0)).group(0)
        baru = f'<c r="{sel}"{gaya} t="e">{rumus}<v>{galat}</v></c>'
    elif kosong:
        baru = f'<c r="{sel}"{gaya}/>'
    elif teks is not None:
        baru = f'<c r="{sel}"{gaya} t="inlineStr"><is><t>{teks}</t></is></c>'
    else:
        baru = f'<c r="{sel}"{gaya}><v>{nilai}</v></c>'
    isi[nama] = (xml[:m.start()] + baru + xml[m.end():]).encode()
    return _tulis_zip(tujuan, isi, info)
