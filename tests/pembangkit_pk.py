"""Edits of a built workbook's PK sheet made the way Excel saves them, for the Susun Ulang tests.

Excel inserts, deletes and sorts rows by rewriting the sheet XML: the rows below move, every reference to
them (in other sheets' formulas, in defined names, in the sheet's own formulas, merged ranges and data
validations) follows, a reference to a deleted row becomes ``#REF!``, and every other cached value stays as it
was. These helpers do the same on a copy of a ``.xlsm`` (the source is never written): no openpyxl round trip,
which would drop the VBA project, the buttons and the cached values.

Rows are 1-based here, as Excel numbers them.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Callable
from xml.sax.saxutils import escape

__all__ = ["baris_kode", "nilai_sel", "sisip_baris", "hapus_baris", "tukar_baris", "huruf"]

PK = "PK"
_REF = re.compile(r"(?<![A-Za-z0-9_.$])(?:(?P<lembar>'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?"
                  r"(?P<c1>\$?[A-Z]{1,3})(?P<r1>\$?\d+)(?::(?P<c2>\$?[A-Z]{1,3})(?P<r2>\$?\d+))?(?![A-Za-z0-9_(])")
_BARIS_PENUH = re.compile(r"(?P<lembar>(?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)(?P<r1>\$?\d+):(?P<r2>\$?\d+)")


def huruf(kolom: int) -> str:
    """Column letters of a 0-based column index (0 -> A)."""
    s = ""
    kolom += 1
    while kolom:
        kolom, sisa = divmod(kolom - 1, 26)
        s = chr(65 + sisa) + s
    return s


# ------------------------------------------------------------------ the package as a dict of parts

def _baca(sumber: Path) -> tuple[dict[str, bytes], list[zipfile.ZipInfo]]:
    with zipfile.ZipFile(sumber) as z:
        return {i.filename: z.read(i.filename) for i in z.infolist()}, z.infolist()


def _tulis(tujuan: Path, isi: dict[str, bytes], info: list[zipfile.ZipInfo]) -> Path:
    with zipfile.ZipFile(tujuan, "w") as z:
        for i in info:
            z.writestr(i, isi[i.filename])
    return tujuan


def _bagian_lembar(isi: dict[str, bytes]) -> dict[str, str]:
    """Sheet name -> its part (xl/worksheets/sheetN.xml)."""
    wb = isi["xl/workbook.xml"].decode()
    rels = isi["xl/_rels/workbook.xml.rels"].decode()
    target = {}
    for m in re.finditer(r"<Relationship\b([^>]*)/>", rels):
        a = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        target[a["Id"]] = "xl/" + a["Target"].lstrip("/").removeprefix("xl/")
    out = {}
    for m in re.finditer(r"<sheet\b([^>]*)/>", wb):
        nama = re.search(r'name="([^"]*)"', m.group(1)).group(1)
        rid = re.search(r'r:id="([^"]*)"', m.group(1)).group(1)
        out[_buka_xml(nama)] = target[rid]
    return out


def _buka_xml(s: str) -> str:
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")


def _string_bersama(isi: dict[str, bytes]) -> list[str]:
    xml = isi.get("xl/sharedStrings.xml", b"").decode()
    return ["".join(_buka_xml(t) for t in re.findall(r"<t[^>]*>(.*?)</t>", si, re.S)) for si in re.findall(r"<si>(.*?)</si>", xml, re.S)]


def _nilai(sel_xml: str, ss: list[str]) -> str | float | None:
    """The value a cell shows (its cached value for a formula)."""
    t = re.search(r'\st="(\w+)"', sel_xml.split(">", 1)[0])
    jenis = t.group(1) if t else "n"
    if jenis == "inlineStr":
        return "".join(_buka_xml(x) for x in re.findall(r"<t[^>]*>(.*?)</t>", sel_xml, re.S))
    v = re.search(r"<v>(.*?)</v>", sel_xml, re.S)
    if v is None:
        return None
    if jenis == "s":
        return ss[int(v.group(1))]
    if jenis in ("str", "e"):
        return _buka_xml(v.group(1))
    return float(v.group(1))


def _sel_sel(xml: str) -> dict[str, str]:
    """Cell address -> the cell's XML, for one sheet."""
    return {m.group(1): m.group(0) for m in re.finditer(r'<c r="([A-Z]+\d+)"[^>]*?(?:/>|>.*?</c>)', xml, re.S)}


def nilai_sel(berkas: Path, lembar: str, sel: str) -> str | float | None:
    """What cell ``lembar!sel`` of the saved file shows (the cached value of a formula)."""
    isi, _ = _baca(berkas)
    xml = isi[_bagian_lembar(isi)[lembar]].decode()
    return _nilai(_sel_sel(xml).get(sel, "<c/>"), _string_bersama(isi))


def baris_kode(berkas: Path, lembar: str, kolom: str, kode: str) -> int:
    """The Excel row whose cell in ``kolom`` shows ``kode`` (the only one); AssertionError if none or several."""
    isi, _ = _baca(berkas)
    xml = isi[_bagian_lembar(isi)[lembar]].decode()
    ss = _string_bersama(isi)
    baris = [int(a[len(kolom):]) for a, c in _sel_sel(xml).items()
             if re.fullmatch(rf"{kolom}\d+", a) and _nilai(c, ss) == kode]
    assert len(baris) == 1, f"{lembar}!{kolom}: kode {kode} pada baris {baris}"
    return baris[0]


# ------------------------------------------------------------------ references

def _nama_lembar(teks: str | None) -> str | None:
    if teks is None:
        return None
    return teks[1:-1].replace("''", "'") if teks.startswith("'") else teks


def _geser_ref(rumus: str, lembar_rumus: str, baris_baru: Callable[[int], int | None]) -> str:
    """``rumus`` with every reference to a PK row passed through ``baris_baru`` (None: the row is gone -> #REF!).

    A reference without a sheet refers to ``lembar_rumus``. Strings inside the formula are left alone.
    """
    bagian = re.split(r'("(?:[^"]|"")*")', rumus)
    for i in range(0, len(bagian), 2):
        bagian[i] = _REF.sub(lambda m: _ganti(m, lembar_rumus, baris_baru), bagian[i])
        bagian[i] = _BARIS_PENUH.sub(lambda m: _ganti_baris_penuh(m, baris_baru), bagian[i])
    return "".join(bagian)


def _angka(r: str) -> tuple[str, int]:
    return ("$", int(r[1:])) if r.startswith("$") else ("", int(r))


def _ganti(m: re.Match, lembar_rumus: str, baris_baru: Callable[[int], int | None]) -> str:
    lembar = _nama_lembar(m.group("lembar")) or lembar_rumus
    if lembar != PK:
        return m.group(0)
    awalan = m.group(0)[:m.start("c1") - m.start(0)]
    d1, r1 = _angka(m.group("r1"))
    if m.group("c2") is None:
        b = baris_baru(r1)
        return f"{awalan}#REF!" if b is None else f"{awalan}{m.group('c1')}{d1}{b}"
    d2, r2 = _angka(m.group("r2"))
    b1, b2 = _rentang(r1, r2, baris_baru)
    if b1 is None:
        return f"{awalan}#REF!"
    return f"{awalan}{m.group('c1')}{d1}{b1}:{m.group('c2')}{d2}{b2}"


def _ganti_baris_penuh(m: re.Match, baris_baru: Callable[[int], int | None]) -> str:
    if _nama_lembar(m.group("lembar")[:-1]) != PK:
        return m.group(0)
    d1, r1 = _angka(m.group("r1"))
    d2, r2 = _angka(m.group("r2"))
    b1, b2 = _rentang(r1, r2, baris_baru)
    return f"{m.group('lembar')}#REF!" if b1 is None else f"{m.group('lembar')}{d1}{b1}:{d2}{b2}"


def _rentang(r1: int, r2: int, baris_baru: Callable[[int], int | None]) -> tuple[int | None, int | None]:
    """A range r1:r2 after the edit: its surviving rows' first and last new numbers (None, None when all are gone)."""
    hidup = [b for b in (baris_baru(r) for r in range(r1, r2 + 1)) if b is not None]
    return (min(hidup), max(hidup)) if hidup else (None, None)


# ------------------------------------------------------------------ one edit of PK rows, through every part

def _ubah_baris(sumber: Path, tujuan: Path, baris_baru: Callable[[int], int | None],
                ubah_pk: Callable[[list[tuple[int, str]]], list[tuple[int, str]]]) -> Path:
    """Renumber PK rows by ``baris_baru`` (None = deleted) everywhere, then let ``ubah_pk`` edit PK's row list."""
    isi, info = _baca(sumber)
    lembar = _bagian_lembar(isi)
    for nama, bagian in lembar.items():
        xml = isi[bagian].decode()
        if nama == PK:
            xml = _pk(xml, baris_baru, ubah_pk)
        else:
            xml = _rumus_lembar(xml, nama, baris_baru)
        isi[bagian] = xml.encode()
    wb = isi["xl/workbook.xml"].decode()
    wb = re.sub(r"(<definedName\b[^>]*>)(.*?)(</definedName>)",
                lambda m: m.group(1) + escape(_geser_ref(_buka_xml(m.group(2)), "", baris_baru)) + m.group(3), wb)
    isi["xl/workbook.xml"] = wb.encode()
    return _tulis(tujuan, isi, info)


def _rumus_lembar(xml: str, nama: str, baris_baru: Callable[[int], int | None]) -> str:
    """Formulas of another sheet: PK references follow; a formula left with #REF! caches #REF! (Excel recalculates it)."""
    def sel(m: re.Match) -> str:
        c = m.group(0)
        f = re.search(r"<f>(.*?)</f>", c, re.S)
        if f is None:
            return c
        baru = escape(_geser_ref(_buka_xml(f.group(1)), nama, baris_baru))
        if baru == f.group(1):
            return c
        if "#REF!" in baru:
            kepala = re.sub(r'\st="\w+"', "", c.split(">", 1)[0].rstrip("/"))
            return f'{kepala} t="e"><f>{baru}</f><v>#REF!</v></c>'
        return c.replace(f.group(0), f"<f>{baru}</f>")
    xml = re.sub(r'<c r="[A-Z]+\d+"[^>]*?(?:/>|>.*?</c>)', sel, xml, flags=re.S)
    return re.sub(r"(<formula1?>)(.*?)(</formula1?>)",
                  lambda m: m.group(1) + escape(_geser_ref(_buka_xml(m.group(2)), nama, baris_baru)) + m.group(3), xml)


def _nomor_ulang(baris_xml: str, lama: int, baru: int) -> str:
    """A row's XML moved from row ``lama`` to row ``baru`` (its cells' addresses)."""
    baris_xml = re.sub(rf'^<row r="{lama}"', f'<row r="{baru}"', baris_xml)
    return re.sub(rf'(<c r="[A-Z]+){lama}"', rf'\g<1>{baru}"', baris_xml)


def _pk(xml: str, baris_baru: Callable[[int], int | None],
        ubah_pk: Callable[[list[tuple[int, str]]], list[tuple[int, str]]]) -> str:
    awal, isi_data = xml.index("<sheetData>") + len("<sheetData>"), xml.index("</sheetData>")
    baris = [(int(m.group(1)), m.group(0)) for m in re.finditer(r'<row r="(\d+)"[^>]*?(?:/>|>.*?</row>)', xml[awal:isi_data], re.S)]
    hasil = []
    for r, bx in baris:
        b = baris_baru(r)
        if b is not None:
            bx = re.sub(r"<f>(.*?)</f>", lambda m: f"<f>{escape(_geser_ref(_buka_xml(m.group(1)), PK, baris_baru))}</f>", bx,
                        flags=re.S)
            hasil.append((b, _nomor_ulang(bx, r, b)))
    data = "".join(bx for _, bx in sorted(ubah_pk(hasil), key=lambda x: x[0]))
    kepala, ekor = xml[:awal], xml[isi_data:]
    geser = lambda s: " ".join(_geser_ref(x, PK, baris_baru) for x in s.split())  # noqa: E731
    kepala = re.sub(r'(<dimension ref=")([^"]*)"', lambda m: f'{m.group(1)}{geser(m.group(2))}"', kepala)
    ekor = re.sub(r'<mergeCell ref="([^"]*)"/>', lambda m: "" if "#REF!" in geser(m.group(1)) else m.group(0), ekor)   # Excel drops it
    ekor = re.sub(r'<mergeCells count="\d+">(.*?)</mergeCells>',
                  lambda m: f'<mergeCells count="{m.group(1).count("<mergeCell ")}">{m.group(1)}</mergeCells>' if "<mergeCell " in m.group(1)
                  else "", ekor, flags=re.S)
    ekor = re.sub(r'((?:sqref|ref)=")([^"]*)"', lambda m: f'{m.group(1)}{geser(m.group(2))}"', ekor)
    ekor = re.sub(r"(<formula1?>)(.*?)(</formula1?>)",
                  lambda m: m.group(1) + escape(_geser_ref(_buka_xml(m.group(2)), PK, baris_baru)) + m.group(3), ekor)
    return kepala + data + ekor


# ------------------------------------------------------------------ the three edits staff make

def sisip_baris(sumber: Path, tujuan: Path, baris: int, isi: dict[str, str | float | tuple[str, float]]) -> Path:
    """Insert a row at ``baris`` of PK (the rows from ``baris`` down move one down), then type ``isi`` into it.

    ``isi``: column letter -> text (an inline string), a number, or ``("=RUMUS(..)", cached)`` for a formula.
    Each new cell takes the style of the cell above it, as Excel's Insert does.
    """
    def ubah(daftar: list[tuple[int, str]]) -> list[tuple[int, str]]:
        atas = dict(daftar)[baris - 1]
        gaya = dict(re.findall(r'<c r="([A-Z]+)\d+"( s="\d+")?', atas))
        kolom = sorted(set(gaya) | set(isi), key=lambda k: (len(k), k))
        sel = []
        for k in kolom:
            a, s, v = f"{k}{baris}", gaya.get(k, ""), isi.get(k)
            if v is None:
                sel.append(f'<c r="{a}"{s}/>')
            elif isinstance(v, tuple):
                sel.append(f"<c r=\"{a}\"{s}><f>{escape(v[0].lstrip('='))}</f><v>{v[1]}</v></c>")
            elif isinstance(v, str):
                sel.append(f'<c r="{a}"{s} t="inlineStr"><is><t>{escape(v)}</t></is></c>')
            else:
                sel.append(f'<c r="{a}"{s}><v>{v}</v></c>')
        spans = re.search(r'\sspans="[^"]*"', atas)
        return daftar + [(baris, f'<row r="{baris}"{spans.group(0) if spans else ""}>{"".join(sel)}</row>')]
    return _ubah_baris(sumber, tujuan, lambda r: r + 1 if r >= baris else r, ubah)


def hapus_baris(sumber: Path, tujuan: Path, baris: int) -> Path:
    """Delete row ``baris`` of PK: the rows below move one up, references to it become #REF!."""
    return _ubah_baris(sumber, tujuan, lambda r: None if r == baris else r - 1 if r > baris else r, lambda d: d)


def tukar_baris(sumber: Path, tujuan: Path, a: int, b: int) -> Path:
    """Swap the contents of PK rows ``a`` and ``b`` (what a sort does to two rows): values, formulas and styles move,
    relative row references inside the moved formulas follow, the rows' heights and every other reference stay."""
    def isi_baris(bx: str, r: int, ke: int) -> dict[str, str]:
        out = {}
        for m in re.finditer(r'<c r="([A-Z]+)\d+"([^>]*?)(/>|>(.*?)</c>)', bx, re.S):
            dalam = m.group(4)
            if dalam is not None:
                dalam = re.sub(r"<f>(.*?)</f>", lambda f: "<f>" + escape(_geser_relatif(_buka_xml(f.group(1)), r, ke)) + "</f>", dalam,
                               flags=re.S)
            out[m.group(1)] = f'<c r="{m.group(1)}{ke}"{m.group(2)}' + ("/>" if dalam is None else f">{dalam}</c>")
        return out

    def ubah(daftar: list[tuple[int, str]]) -> list[tuple[int, str]]:
        peta = dict(daftar)
        sel_a, sel_b = isi_baris(peta[a], a, b), isi_baris(peta[b], b, a)
        assert set(sel_a) == set(sel_b), "baris yang ditukar harus punya sel yang sama"
        urut = sorted(sel_a, key=lambda k: (len(k), k))
        kepala = lambda bx: re.match(r"<row\b[^>]*>", bx).group(0)  # noqa: E731
        peta[a] = kepala(peta[a]) + "".join(sel_b[k] for k in urut) + "</row>"
        peta[b] = kepala(peta[b]) + "".join(sel_a[k] for k in urut) + "</row>"
        return list(peta.items())
    return _ubah_baris(sumber, tujuan, lambda r: r, ubah)


def _geser_relatif(rumus: str, dari: int, ke: int) -> str:
    """A formula moved from row ``dari`` to row ``ke``: its relative row references shift by the same amount."""
    def ganti(m: re.Match) -> str:
        if m.group("lembar") or m.group("c2"):
            return m.group(0)
        d, r = _angka(m.group("r1"))
        return m.group(0) if d else f"{m.group('c1')}{r + ke - dari}"
    return _REF.sub(ganti, rumus)
