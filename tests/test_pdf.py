"""The exported PDFs as they go out for signature: no text printed over other text, no text clipped
at a cell or page edge, every header and kegiatan name whole in its own cell.

pdfplumber reads the words and the cell borders. A word that LibreOffice clips is still in the PDF's
text (only a clip path hides it), so each page is also rendered and every word must leave ink.
Every PDF of ``kinerja ekspor --tw 4`` gets these checks; the budget report also its table read
back cell by cell, and once more with longer names than 2024's (written through ``tulis_anggaran``).
"""
from __future__ import annotations

import dataclasses
import itertools
import shutil
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest

from kinerja.keluaran.anggaran_tw import KEPALA_ANGGARAN, tabel_anggaran_tw, tulis_anggaran
from kinerja.keluaran.pdf import ke_pdf

AKAR = Path(__file__).resolve().parents[1]
WORKBOOK = AKAR / "workbook" / "Kinerja_D4.xlsm"
TOL = 0.6           # points: glyph boxes may touch, and a border may graze a box, by this much
DPI = 150
TINTA = 0.02        # a drawn word darkens (or, on a dark fill, lightens) at least 2% of its box

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice tidak terpasang")


def _potong(a: dict, b: dict) -> tuple[float, float]:
    """Overlap of two boxes along x and along y (negative: a gap)."""
    return min(a["x1"], b["x1"]) - max(a["x0"], b["x0"]), min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])


def _tumpang(w: dict, bbox: tuple) -> bool:
    """Whether a word's box overlaps a rectangle (x0, top, x1, bottom) by more than the tolerance."""
    dx, dy = _potong(w, dict(zip(("x0", "top", "x1", "bottom"), bbox)))
    return dx > TOL and dy > TOL


def _tinta(gambar, w: dict) -> float:
    """Share of the word's box that differs from the box's background colour in the rendered page."""
    s = DPI / 72
    kotak = gambar.crop((int(w["x0"] * s), int(w["top"] * s), int(w["x1"] * s) + 1, int(w["bottom"] * s) + 1))
    h = kotak.histogram()
    latar = max(range(256), key=h.__getitem__)
    return sum(n for i, n in enumerate(h) if abs(i - latar) > 80) / max(1, sum(h))


def cacat(path: Path) -> list[str]:
    """Every word printed over another word, cut by a cell border, outside the page, or not drawn at all."""
    hasil = []
    with pdfplumber.open(path) as pdf:
        for n, hal in enumerate(pdf.pages, 1):
            kata = hal.extract_words(x_tolerance=1.5)
            for a, b in itertools.combinations(kata, 2):
                dx, dy = _potong(a, b)
                if dx > TOL and dy > TOL:
                    hasil.append(f"hal {n}: {a['text']!r} tertimpa {b['text']!r}")
            tanda = sorted((c for c in hal.chars if c["text"].strip()), key=lambda c: c["top"])
            for i, a in enumerate(tanda):           # glyphs of two texts printed over each other (one merged "word")
                for b in itertools.takewhile(lambda b: b["top"] < a["bottom"] - TOL, tanda[i + 1:]):
                    dx, dy = _potong(a, b)
                    if dx > TOL and dy > TOL:
                        hasil.append(f"hal {n}: huruf {a['text']!r} tertimpa {b['text']!r} pada ({a['x0']:.0f}, {a['top']:.0f})")
            for c in hal.chars:
                if c["text"].strip() and not (-TOL <= c["x0"] and c["x1"] <= hal.width + TOL and -TOL <= c["top"]
                                              and c["bottom"] <= hal.height + TOL):
                    hasil.append(f"hal {n}: {c['text']!r} di luar halaman")
                for e in hal.edges:
                    h = e["orientation"] == "h"
                    lintas = (c["top"] + TOL < e["top"] < c["bottom"] - TOL) if h else (c["x0"] + TOL < e["x0"] < c["x1"] - TOL)
                    if c["text"].strip() and lintas and _potong(c, e)[0 if h else 1] > TOL:
                        hasil.append(f"hal {n}: garis sel memotong {c['text']!r} pada ({c['x0']:.0f}, {c['top']:.0f})")
                        break
            gambar = hal.to_image(resolution=DPI).original.convert("L")
            hasil += [f"hal {n}: {w['text']!r} tidak tercetak (terpotong)" for w in kata if _tinta(gambar, w) < TINTA]
    return hasil


def _teks(t: str | None) -> str:
    return " ".join((t or "").split())


def periksa_anggaran(path: Path, ds, tw: int) -> list[str]:
    """The budget report: headers and kegiatan whole in their cells, numbers right-aligned, title and
    signature block no wider than the table, nothing written over a table, the signature block whole
    on one page below the tables."""
    baris, _ = tabel_anggaran_tw(ds, tw)
    hasil = []
    with pdfplumber.open(path) as pdf:
        tabel = [hal.find_tables() for hal in pdf.pages]
        utama = [t for t in tabel[0] if [_teks(x) for x in t.extract()[0]] == list(KEPALA_ANGGARAN)]
        if len(utama) != 1:
            return [f"kepala tabel tidak utuh: {[[_teks(x) for x in t.extract()[0]] for t in tabel[0]]}"]
        t = utama[0]
        if [[_teks(r[0]), _teks(r[1])] for r in t.extract()[1:]] != [[b[0], b[1]] for b in baris]:
            hasil.append(f"kode/kegiatan tidak utuh: {[r[:2] for r in t.extract()[1:]]}")
        for r in t.rows[1:]:
            for sel in r.cells[2:]:
                kata = pdf.pages[0].crop(sel).extract_words(x_tolerance=1.5)
                if kata and sel[2] - kata[-1]["x1"] > 4:
                    hasil.append(f"angka tidak rata kanan: {kata[-1]['text']!r} ({sel[2] - kata[-1]['x1']:.1f} pt dari tepi)")
        ttd = []
        for hal, tab in zip(pdf.pages, tabel):
            kata = hal.extract_words(x_tolerance=1.5)
            for w in kata:
                if w["top"] < hal.height - 54 and (w["x0"] < t.bbox[0] - TOL or w["x1"] > t.bbox[2] + TOL):  # footer aside
                    hasil.append(f"{w['text']!r} melewati lebar tabel")
                if any(_tumpang(w, u.bbox) for u in tab) and not any(_tumpang(w, s) for u in tab for s in u.cells if s):
                    hasil.append(f"{w['text']!r} menimpa tabel")
            bawah = max((u.bbox[3] for u in tab), default=0)
            ttd += [(hal.page_number, w["text"], w["top"] > bawah) for w in kata if w["text"] in ("Jakarta,", "NIP.")]
        if len(ttd) != 2 or ttd[0][0] != ttd[1][0] or not all(x[2] for x in ttd):
            hasil.append(f"blok tanda tangan tidak utuh di bawah tabel: {ttd}")
    return hasil


@pytest.fixture(scope="module")
def ekspor_pdf(tmp_path_factory) -> Path:
    ke = tmp_path_factory.mktemp("pdf")
    p = subprocess.run([sys.executable, "-m", "kinerja.cli", "ekspor", str(WORKBOOK), "--tw", "4", "--ke", str(ke),
                        "--format", "pdf,xlsx"], capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    return ke


PDF = ("Kinerja_Deputi4_2024_TW4.pdf", "Kinerja_Deputi4_2024_TW4_anggaran.pdf")


def test_pdf_yang_diekspor(ekspor_pdf):
    assert sorted(p.name for p in ekspor_pdf.glob("*.pdf")) == sorted(PDF)


@pytest.mark.parametrize("nama", PDF)
def test_tidak_ada_teks_tertimpa_atau_terpotong(ekspor_pdf, nama):
    assert cacat(ekspor_pdf / nama) == []


def test_laporan_anggaran_utuh(ekspor_pdf, dataset_bawaan):
    assert periksa_anggaran(ekspor_pdf / PDF[1], dataset_bawaan, 4) == []


def test_laporan_anggaran_nama_panjang(tmp_path, dataset_bawaan):
    """Longer kegiatan names and a longer unit than the 2024 report's still print whole, in their rows."""
    a = dataset_bawaan.anggaran
    tambahan = (" pada Kementerian Koordinator Bidang Perekonomian Republik Indonesia", "", " (Lanjutan)" * 6)
    keg = tuple(dataclasses.replace(k, nama=k.nama + tambahan[i % 3]) for i, k in enumerate(a.kegiatan))
    ds = dataclasses.replace(dataset_bawaan, unit=dataset_bawaan.unit + " Kementerian Koordinator Bidang Perekonomian",
                             anggaran=dataclasses.replace(a, kegiatan=keg))
    xlsx, pdf = tmp_path / "anggaran.xlsx", tmp_path / "anggaran.pdf"
    tulis_anggaran(xlsx, "xlsx", ds, 4, "2025-01-01 00:00", "Kinerja_D4.xlsm")
    ke_pdf(xlsx, pdf)
    assert cacat(pdf) == []
    assert periksa_anggaran(pdf, ds, 4) == []
