"""Indonesian notation: read what staff type or paste, and write numbers back the same way.

The report writes numbers the Indonesian way (RUMUS section 2, last paragraph): a dot groups
thousands (``1.148.800``), a comma separates decimals (``88,46``). Targets arrive as ranges
(``2,7 – 3 Juta``), as an index on a scale (``3 dari 4``), as percentages (``80%``), with a unit
(``600 T``) and with footnote stars (``4,79*`` = projection). Amounts come with ``Rp`` and, because
the report mixes both conventions, sometimes with English grouping (``10,028,079,164``, Tabel 3.5).

The locale number part is Babel's strict parser (``locale='id'``), which rejects malformed
grouping such as ``28.382.400.00,00`` (l.2796) instead of guessing. Everything else here is
the shape around the number. Every failure raises :class:`NotasiError` whose message, in
Bahasa Indonesia, quotes the text and says what is expected.

The one reading of a cell (issue 15; the cell functions and the engine both read through :func:`baca_nilai` and
:func:`baca_daftar`):

* R1 empty (None, blank text, NaN) is ``KOSONG``: n/a, never 0.
* R2 an n/a text (``-``, ``n/a``, ``#N/A`` typed or Excel's #N/A error as xlwings hands it) is ``NA``: not available.
* R3 a list (tahap KSP, Likert answers, growth, komposit rows): empty cells are skipped (ranges are drawn longer than
  the list); an n/a text inside it makes the result n/a (:class:`DaftarNA`, the engine's alasan names the position:
  ``tahap ke-2``); an Excel error inside it is refused with its position.
* R4 an Excel error text other than #N/A (``#DIV/0!``, ``#VALUE!``, ``#REF!``) is refused naming the error.
* bools are refused; a date or time is refused (Excel turned ``1/2`` typed into a date: type it as text).
* R6 0 is a number like any other.
"""
from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import Enum

from babel.numbers import NumberFormatError, parse_decimal

from ..aturan.pembulatan import bulat

__all__ = ["Jenis", "Nilai", "NotasiError", "DaftarNA", "baca_nilai", "baca_daftar", "galat_excel", "kosong", "baca_angka", "angka_atau_nan", "tulis_angka", "tulis_nilai"]

CONTOH = "contoh yang benar: 1.148.800 | 88,46 | 2,7 – 3 | 3 dari 4 | 80% | Rp 21.389.786.184,00"
_NA_TEXTS = {"n/a", "na", "n.a", "n.a.", "-", "#n/a", "nan", "tidak tersedia", "belum tersedia"}
_DASHES = str.maketrans({"\u2212": "-", "\u2013": "–", "\u2014": "–", "\u00a0": " ", "\u202f": " "})
_NUM = r"-?\s?\d[\d.,]*"
_RANGE = re.compile(rf"^(?P<a>{_NUM})\s*(?:–|-|s\.?\s?d\.?|s/d|sampai)\s*(?P<b>{_NUM})(?P<rest>.*)$", re.I)
_SCALE = re.compile(rf"^(?P<a>{_NUM})\s*dari\s*(?P<b>{_NUM})(?P<rest>.*)$", re.I)
_SINGLE = re.compile(rf"^(?P<a>{_NUM})(?P<rest>.*)$")
_ATTACHED_UNITS = {"t", "m", "jt", "rb"}
_UNIT = re.compile(r"^[A-Za-z][A-Za-z /.]*$")
_EN_GROUPED = re.compile(r"^-?\d{1,3}(,\d{3}){2,}(\.\d+)?$|^-?\d{1,3}(,\d{3})+\.\d+$")


class Jenis(str, Enum):
    """What kind of value a cell holds."""

    ANGKA = "angka"
    RENTANG = "rentang"
    SKALA = "skala"
    KOSONG = "kosong"
    NA = "na"


class NotasiError(ValueError):
    """A text that is not a number in Indonesian notation; the message is for staff."""

    def __init__(self, teks: object, alasan: str):
        self.teks = teks
        self.alasan = alasan
        super().__init__(f"teks '{teks}' tidak dapat dibaca sebagai angka: {alasan} ({CONTOH})")


class DaftarNA(NotasiError):
    """A list holding an n/a (rule R3): the result is n/a, in the cell and the engine; ``alasan`` names the position."""


@dataclass(frozen=True)
class Nilai:
    """A parsed value: a number, a range, an index on a scale, or empty / n/a, with its flags."""

    teks: str
    jenis: Jenis
    angka: float | None = None
    bawah: float | None = None
    atas: float | None = None
    skala: float | None = None
    persen: bool = False
    satuan: str = ""
    bintang: int = 0

    @property
    def tersedia(self) -> bool:
        """True when the value carries a number (not empty, not n/a)."""
        return self.jenis in (Jenis.ANGKA, Jenis.RENTANG, Jenis.SKALA)

    @property
    def proyeksi(self) -> bool:
        """A footnote star marks a projection (Tabel 3.4: ``*Data Proyeksi``)."""
        return self.bintang > 0

    def tunggal(self) -> float:
        """The single number of the value: the lower bound of a range (RUMUS section 2)."""
        if self.jenis is Jenis.RENTANG:
            return float(self.bawah)  # type: ignore[arg-type]
        if self.angka is None:
            return math.nan
        return float(self.angka)


def baca_angka(teks: str) -> float:
    """Parse only the number part: Indonesian grouping, or English grouping when unambiguous.

    ``10,028,079,164`` (two or more comma groups, or comma groups before a dot) is English, as
    Tabel 3.5 prints realisasi; any other text is read with Babel's strict ``id`` parser.
    """
    s = teks.replace(" ", "")
    if not s or not re.fullmatch(r"-?[\d.,]+", s) or not re.search(r"\d", s):
        raise NotasiError(teks, "hanya angka, titik (ribuan) dan koma (desimal) yang diizinkan")
    if _EN_GROUPED.fullmatch(s):
        return _terhingga(teks, float(s.replace(",", "")))
    try:
        return _terhingga(teks, float(parse_decimal(s, locale="id", strict=True)))
    except (NumberFormatError, InvalidOperation, ValueError):
        pass
    if s.count(".") == 1 and "," not in s and not re.fullmatch(r"-?\d{1,3}\.\d{3}", s):
        raise NotasiError(teks, "titik adalah pemisah ribuan; untuk desimal gunakan koma (mis. 2,5)")
    raise NotasiError(teks, "pengelompokan ribuan tidak sah (titik setiap 3 angka, koma untuk desimal)")


def _terhingga(teks: str, x: float) -> float:
    if not math.isfinite(x):
        raise NotasiError(teks, "angka terlalu besar")
    return x


def galat_excel(x: object) -> str | None:
    """The Excel error a cell holds (``#DIV/0!``, ``#VALUE!``...; rule R4), or None; ``#N/A`` is n/a (R2), not an error."""
    if isinstance(x, str):
        s = x.strip()
        if s.startswith("#") and s.lower() not in _NA_TEXTS:
            return s
    return None


def kosong(x: object) -> bool:
    """True for an empty cell (rule R1): None, blank text, NaN."""
    return x is None or (isinstance(x, str) and not x.strip()) or (isinstance(x, float) and math.isnan(x))


def baca_nilai(teks: object) -> Nilai:
    """Parse one cell as staff type it (rules R1, R2, R4 of the module doc); numbers from Excel pass through,
    bools, dates and Excel error texts are refused."""
    if teks is None:
        return Nilai("", Jenis.KOSONG)
    if isinstance(teks, bool):
        raise NotasiError(teks, "nilai logika (TRUE/FALSE) bukan angka")
    if isinstance(teks, (_dt.date, _dt.time, _dt.timedelta)):
        raise NotasiError(teks, "berupa tanggal/waktu (Excel mengubah ketikan seperti 1/2 menjadi tanggal); "
                                "format sel sebagai Teks lalu ketik ulang")
    if galat_excel(teks):
        raise NotasiError(teks, f"sel berisi galat Excel {galat_excel(teks)}; perbaiki rumus atau sel sumbernya")
    if isinstance(teks, (int, float)):
        x = float(teks)
        if math.isnan(x):
            return Nilai("", Jenis.KOSONG)
        if math.isinf(x):
            raise NotasiError(teks, "nilai tak hingga")
        return Nilai(str(teks), Jenis.ANGKA, angka=x)
    if not isinstance(teks, str):
        raise NotasiError(teks, f"jenis data {type(teks).__name__} tidak dikenal")
    return _baca_teks(teks)


def baca_daftar(nilai: Iterable[object], nama: str) -> list[object]:
    """A list input by rule R3: empty cells skipped, every other cell kept as it is; an n/a text or an Excel error
    is refused naming its position (``tahap ke-2``). The cells kept are read by the caller (numbers or ``@name``)."""
    keluar = []
    for i, v in enumerate(nilai, 1):
        if kosong(v):
            continue
        if galat_excel(v):
            raise NotasiError(v, f"{nama} ke-{i} berisi galat Excel {galat_excel(v)}")
        if isinstance(v, str) and v.translate(_DASHES).strip().lower() in _NA_TEXTS:
            raise DaftarNA(v, f"{nama} ke-{i} bernilai n/a; isi angkanya, atau kosongkan sel bila tidak dipakai")
        keluar.append(v)
    return keluar


def angka_atau_nan(x: object) -> float:
    """The single number of a cell, NaN when empty, n/a or unreadable (for totals and checks)."""
    try:
        n = baca_nilai(x)
    except NotasiError:
        return math.nan
    return n.tunggal() if n.tersedia else math.nan


def _baca_teks(asli: str) -> Nilai:
    s = asli.translate(_DASHES).strip()
    if not s:
        return Nilai(asli, Jenis.KOSONG)
    if s.lower() in _NA_TEXTS:
        return Nilai(asli, Jenis.NA)
    bintang = len(s) - len(s.rstrip("*"))
    s = s.rstrip("*").strip()
    s = re.sub(r"^rp\.?\s*", "", s, flags=re.I)
    persen = False
    if s.endswith("%"):
        persen, s = True, s[:-1].strip()
    for pola, jenis in ((_SCALE, Jenis.SKALA), (_RANGE, Jenis.RENTANG), (_SINGLE, Jenis.ANGKA)):
        m = pola.match(s)
        if m:
            return _susun(asli, jenis, m, persen, bintang)
    raise NotasiError(asli, "tidak diawali angka")


def _susun(asli: str, jenis: Jenis, m: re.Match, persen: bool, bintang: int) -> Nilai:
    satuan, persen2 = _satuan(asli, m.group("rest"))
    persen = persen or persen2
    a = _angka_dari(asli, m.group("a"))
    if jenis is Jenis.ANGKA:
        return Nilai(asli, jenis, angka=a, persen=persen, satuan=satuan, bintang=bintang)
    b = _angka_dari(asli, m.group("b"))
    if jenis is Jenis.SKALA:
        if b <= 0 or a > b:
            raise NotasiError(asli, f"indeks {a:g} harus di antara 0 dan skala {b:g}")
        return Nilai(asli, jenis, angka=a, skala=b, satuan=satuan, bintang=bintang)
    if a > b:
        raise NotasiError(asli, "batas bawah rentang lebih besar dari batas atas")
    return Nilai(asli, jenis, bawah=a, atas=b, persen=persen, satuan=satuan, bintang=bintang)


def _angka_dari(asli: str, bagian: str) -> float:
    """Parse the number part, but report the error against the whole text staff typed."""
    try:
        return baca_angka(bagian)
    except NotasiError as e:
        raise NotasiError(asli, e.alasan) from None


def _satuan(asli: str, rest: str) -> tuple[str, bool]:
    """The unit after the number: words, optionally in parentheses, optionally ending in %."""
    if rest and not rest[0].isspace() and rest[0] not in "(%*" and rest.lower() not in _ATTACHED_UNITS:
        raise NotasiError(asli, f"'{rest}' menempel pada angka; pisahkan satuan dengan spasi")
    r = rest.strip().rstrip("*").strip()
    persen = r.endswith("%")
    r = r.rstrip("%").strip()
    r = re.sub(r"\(([^()]*)\)", r"\1", r).strip()
    if r and not _UNIT.fullmatch(r):
        raise NotasiError(asli, f"bagian '{rest.strip()}' setelah angka bukan satuan")
    return " ".join(r.split()), persen


def tulis_angka(x: float, desimal: int | None = None) -> str:
    """Write a number the Indonesian way: ``1148800.5`` -> ``1.148.800,5``.

    With ``desimal`` the value is rounded half-up to that many places (as the report rounds);
    without, every significant digit of the float is kept so that :func:`baca_angka` reads back
    exactly the same float.
    """
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    d = Decimal(repr(float(x) if desimal is None else bulat(x, desimal)))
    if desimal is not None:
        d = d.quantize(Decimal(1).scaleb(-desimal))
    tanda = "-" if d < 0 else ""
    d = abs(d)
    utuh, _, pecahan = format(d, "f").partition(".")
    kelompok = f"{int(utuh):,}".replace(",", ".")
    if desimal is None:
        pecahan = pecahan.rstrip("0")
    return f"{tanda}{kelompok}" + (f",{pecahan}" if pecahan else "")


def tulis_nilai(n: Nilai) -> str:
    """Write a parsed value back in the notation it came in (number, range, scale, %)."""
    if n.jenis is Jenis.KOSONG:
        return ""
    if n.jenis is Jenis.NA:
        return "n/a"
    if n.jenis is Jenis.SKALA:
        inti = f"{tulis_angka(n.angka)} dari {tulis_angka(n.skala)}"
    elif n.jenis is Jenis.RENTANG:
        inti = f"{tulis_angka(n.bawah)} – {tulis_angka(n.atas)}"
    else:
        inti = tulis_angka(n.angka)
    if n.satuan:
        inti += f" {n.satuan}"
    if n.persen:
        inti += "%"
    return inti + "*" * n.bintang
