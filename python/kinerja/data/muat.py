"""Reading a dataset folder's files safely; every problem is a :class:`DatasetError` naming the file.

Only regular files are read: a FIFO, a device, a folder, or a symlink to one is refused before it
is opened (``os.stat``), and again after (``os.fstat``), so nothing blocks or reads without end.
CSV is read as Excel writes it: UTF-8 with or without BOM (tried strictly first), else cp1252; the
separator ``,`` or ``;`` is the one that splits the header line into the known column names. A
row's error names the file, its line and its column. TOML values are reached through
:class:`Tabel`, which checks each value's type and names its key path (``pk.toml: iku[3].kode``;
array indices count from 1, as staff count ``[[iku]]`` blocks). Nothing is parsed here: values keep
the type they were written with (text stays text).
"""
from __future__ import annotations

import csv
import datetime
import errno
import io
import os
import re
import stat
import tomllib
from pathlib import Path
from typing import Any, Iterable

__all__ = ["DatasetError", "Tabel", "BarisCsv", "baca_toml", "baca_csv", "jenis_nilai", "BATAS_UKURAN", "WAJIB"]

BATAS_UKURAN = 20 * 2**20
"""Largest dataset file read (the embedded files are a few kB each)."""
WAJIB: Any = object()
"""Default of :class:`Tabel`'s getters meaning the key must be present."""

_ALASAN = {errno.EACCES: "izin ditolak", errno.EPERM: "izin ditolak", errno.ELOOP: "tautan simbolik melingkar",
           errno.EIO: "galat baca perangkat", errno.ENAMETOOLONG: "nama terlalu panjang"}
_BOM_UTF16 = (b"\xff\xfe", b"\xfe\xff")


class DatasetError(ValueError):
    """A dataset file cannot be read or does not fit the model (message for staff)."""


def _alasan(e: OSError) -> str:
    return _ALASAN.get(e.errno or 0) or e.strerror or str(e)


def _jenis_berkas(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "sebuah folder"
    if stat.S_ISFIFO(mode):
        return "sebuah FIFO (pipa bernama)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "sebuah perangkat"
    if stat.S_ISSOCK(mode):
        return "sebuah soket"
    return "bukan berkas biasa"


def _bita(folder: Path, nama: str) -> bytes | None:
    """The bytes of ``folder/nama``; None when it does not exist. Only a regular file is opened."""
    p = folder / nama
    try:
        st = os.stat(p)
    except FileNotFoundError:
        if os.path.lexists(p):
            raise DatasetError(f"{nama}: tautan simbolik rusak (tujuannya tidak ada)") from None
        return None
    except OSError as e:
        raise DatasetError(f"{nama} tidak dapat dibaca: {_alasan(e)}") from None
    if not stat.S_ISREG(st.st_mode):
        lewat = ", lewat tautan simbolik" if os.path.islink(p) else ""
        raise DatasetError(f"{nama} bukan berkas biasa: {_jenis_berkas(st.st_mode)}{lewat}; hanya berkas biasa yang dibaca")
    if st.st_size > BATAS_UKURAN:
        raise DatasetError(f"{nama}: ukuran {st.st_size // 2**20} MB melebihi batas {BATAS_UKURAN // 2**20} MB")
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as f:
            mode = os.fstat(f.fileno()).st_mode
            if not stat.S_ISREG(mode):  # replaced between the two checks
                raise DatasetError(f"{nama} bukan berkas biasa: {_jenis_berkas(mode)}; hanya berkas biasa yang dibaca")
            data = f.read(BATAS_UKURAN + 1)
    except OSError as e:
        raise DatasetError(f"{nama} tidak dapat dibaca: {_alasan(e)}") from None
    if len(data) > BATAS_UKURAN:
        raise DatasetError(f"{nama}: ukuran melebihi batas {BATAS_UKURAN // 2**20} MB")
    return data


def _utf16(data: bytes, nama: str) -> None:
    if data.startswith(_BOM_UTF16):
        raise DatasetError(f"{nama}: berkas UTF-16 (Excel 'Unicode Text'); simpan ulang sebagai CSV UTF-8 atau CSV biasa")


def _kutip(x: str, n: int = 40) -> str:
    return repr(x if len(x) <= n else x[:n] + "…")


def jenis_nilai(x: Any) -> str:
    """How a value reads in a message: ``teks 'dua ribu'``, ``angka 3``, ``daftar``, ``tabel``."""
    if isinstance(x, bool):
        return f"nilai logika {str(x).lower()}"
    if isinstance(x, str):
        return f"teks {_kutip(x)}"
    if isinstance(x, (int, float)):
        return f"angka {x!r}"
    if isinstance(x, list):
        return "daftar"
    if isinstance(x, dict):
        return "tabel"
    if isinstance(x, (datetime.date, datetime.time)):
        return f"tanggal/waktu {x}"
    return type(x).__name__


def _bulat(x: Any) -> int | None:
    """An integer as typed: a TOML integer or the digits of a text; None otherwise."""
    if isinstance(x, int) and not isinstance(x, bool):
        return x
    if isinstance(x, str) and re.fullmatch(r"\s*[+-]?\d{1,18}\s*", x):
        return int(x)
    return None


def _mentah(x: Any) -> bool:
    return isinstance(x, (str, int, float)) and not isinstance(x, bool)


def _angka(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


class Tabel:
    """A TOML table of file ``berkas`` at key path ``jalur``; getters check the type and name the key."""

    def __init__(self, berkas: str, isi: dict[str, Any], jalur: str = "") -> None:
        self.berkas, self.isi, self.jalur = berkas, isi, jalur

    def __contains__(self, kunci: str) -> bool:
        return kunci in self.isi

    def kunci(self) -> list[str]:
        return list(self.isi)

    def jalur_kunci(self, kunci: str) -> str:
        return f"{self.jalur}.{kunci}" if self.jalur else kunci

    def galat(self, kunci: str, pesan: str) -> DatasetError:
        return DatasetError(f"{self.berkas}: {self.jalur_kunci(kunci)}: {pesan}")

    def _salah_jenis(self, kunci: str, harus: str, x: Any) -> DatasetError:
        saran = " (tulis dalam tanda kutip)" if harus == "teks" and _angka(x) else ""
        return self.galat(kunci, f"harus {harus}, bukan {jenis_nilai(x)}{saran}")

    def _ada(self, kunci: str, bawaan: Any) -> bool:
        if kunci in self.isi:
            return True
        if bawaan is WAJIB:
            raise self.galat(kunci, "tidak ada (wajib diisi)")
        return False

    def teks(self, kunci: str, bawaan: Any = WAJIB, isi_wajib: bool = False) -> Any:
        """A text value; ``isi_wajib``: not blank either."""
        if not self._ada(kunci, bawaan):
            return bawaan
        x = self.isi[kunci]
        if not isinstance(x, str):
            raise self._salah_jenis(kunci, "teks", x)
        if isi_wajib and not x.strip():
            raise self.galat(kunci, "tidak boleh kosong")
        return x

    def bulat(self, kunci: str, bawaan: Any = WAJIB) -> Any:
        """An integer (a TOML integer, or a text of digits as the old files had)."""
        if not self._ada(kunci, bawaan):
            return bawaan
        n = _bulat(self.isi[kunci])
        if n is None:
            raise self._salah_jenis(kunci, "bilangan bulat", self.isi[kunci])
        return n

    def logika(self, kunci: str, bawaan: bool = False) -> bool:
        if not self._ada(kunci, bawaan):
            return bawaan
        x = self.isi[kunci]
        if not isinstance(x, bool):
            raise self._salah_jenis(kunci, "true atau false", x)
        return x

    def mentah(self, kunci: str, bawaan: Any = None) -> Any:
        """A value as typed: text (Indonesian notation) or a number; parsed where it is used."""
        if not self._ada(kunci, bawaan):
            return bawaan
        x = self.isi[kunci]
        if not _mentah(x):
            raise self._salah_jenis(kunci, "teks atau angka", x)
        return x

    def daftar(self, kunci: str, panjang_maks: int | None = None, bawaan: Any = WAJIB) -> Any:
        """A list of values as typed, at most ``panjang_maks`` long; a tuple."""
        if not self._ada(kunci, bawaan):
            return bawaan
        x = self.isi[kunci]
        if not isinstance(x, list):
            raise self._salah_jenis(kunci, "daftar [..]", x)
        if panjang_maks is not None and len(x) > panjang_maks:
            raise self.galat(kunci, f"paling banyak {panjang_maks} nilai, bukan {len(x)}")
        for i, v in enumerate(x, 1):
            if not _mentah(v):
                raise self._salah_jenis(f"{kunci}[{i}]", "teks atau angka", v)
        return tuple(x)

    def tabel(self, kunci: str, wajib: bool = False) -> Tabel | None:
        """A sub-table (``[a.b]`` or ``b = { .. }``); None when absent and not ``wajib``."""
        if not self._ada(kunci, WAJIB if wajib else None):
            return None
        x = self.isi[kunci]
        if not isinstance(x, dict):
            raise self._salah_jenis(kunci, "tabel", x)
        return Tabel(self.berkas, x, self.jalur_kunci(kunci))

    def tabel_tabel(self, kunci: str) -> list[Tabel]:
        """The tables of an array of tables (``[[kunci]]``); empty when absent."""
        if kunci not in self.isi:
            return []
        x = self.isi[kunci]
        if not isinstance(x, list):
            raise self._salah_jenis(kunci, f"daftar tabel [[{kunci}]]", x)
        out = []
        for i, t in enumerate(x, 1):
            if not isinstance(t, dict):
                raise self._salah_jenis(f"{kunci}[{i}]", "tabel", t)
            out.append(Tabel(self.berkas, t, self.jalur_kunci(f"{kunci}[{i}]")))
        return out

    def masukan(self, kunci: str) -> dict[str, Any]:
        """A table of named inputs: each a value as typed or a list of them."""
        t = self.tabel(kunci)
        if t is None:
            return {}
        return {k: list(t.daftar(k)) if isinstance(t.isi[k], list) else t.mentah(k) for k in t.kunci()}

    def angka_per_kunci(self, kunci: str, wajib: bool = False) -> dict[str, int | float]:
        """A table of numbers (weights)."""
        t = self.tabel(kunci, wajib)
        if t is None:
            return {}
        for k, x in t.isi.items():
            if not _angka(x):
                raise t._salah_jenis(k, "angka", x)
        return dict(t.isi)

    def hanya_kunci(self, dikenal: Iterable[str]) -> None:
        """Refuse a key outside ``dikenal`` (a misspelt setting would be silently ignored)."""
        dikenal = list(dikenal)
        for k in self.isi:
            if k not in dikenal:
                raise self.galat(k, f"kunci tidak dikenal; yang dikenal: {', '.join(dikenal)}")


def baca_toml(folder: Path, nama: str) -> Tabel | None:
    """The top table of TOML file ``folder/nama``; None when the file does not exist."""
    data = _bita(folder, nama)
    if data is None:
        return None
    _utf16(data, nama)
    try:
        teks = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        baris = data[:e.start].count(b"\n") + 1
        raise DatasetError(f"{nama} baris {baris}: bukan teks UTF-8; simpan ulang berkas sebagai UTF-8") from None
    try:
        return Tabel(nama, tomllib.loads(teks))
    except tomllib.TOMLDecodeError as e:
        pesan = str(e)
        m = re.search(r"\s*\(at line (\d+), column (\d+)\)$", pesan)
        if m:
            raise DatasetError(f"{nama} baris {m[1]}, kolom {m[2]}: sintaks TOML tidak sah ({pesan[:m.start()]})") from None
        raise DatasetError(f"{nama}: sintaks TOML tidak sah ({pesan})") from None
    except RecursionError:
        raise DatasetError(f"{nama}: sintaks TOML bersarang terlalu dalam") from None


class BarisCsv:
    """One data row of a CSV file: its values by column name and its line (for messages)."""

    def __init__(self, berkas: str, baris: int, nilai: dict[str, str]) -> None:
        self.berkas, self.baris, self.nilai = berkas, baris, nilai

    def galat(self, kolom: str, pesan: str) -> DatasetError:
        return DatasetError(f"{self.berkas} baris {self.baris}, kolom {kolom}: {pesan}")

    def teks(self, kolom: str) -> str:
        return self.nilai.get(kolom, "")

    def mentah(self, kolom: str) -> str | None:
        """The text as written; None for an empty cell."""
        return self.nilai.get(kolom) or None

    def bulat(self, kolom: str, wajib: bool = True) -> int | None:
        x = self.nilai.get(kolom, "")
        if not x.strip():
            if wajib:
                raise self.galat(kolom, "tidak boleh kosong")
            return None
        n = _bulat(x)
        if n is None:
            raise self.galat(kolom, f"harus bilangan bulat, bukan {_kutip(x)}")
        return n


def _dekode_csv(data: bytes, nama: str) -> str:
    _utf16(data, nama)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as e:
        baris = data[:e.start].count(b"\n") + 1
        raise DatasetError(f"{nama} baris {baris}: bukan teks UTF-8 maupun Windows-1252; simpan ulang sebagai 'CSV UTF-8'") from None


def _kepala(teks: str, pemisah: str) -> list[str]:
    try:
        return [k.strip().lower() for k in next(csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah), [])]
    except csv.Error:
        return []


def baca_csv(folder: Path, nama: str, wajib: tuple[str, ...], opsional: tuple[str, ...] = ()) -> list[BarisCsv] | None:
    """The data rows of CSV file ``folder/nama``; None when the file does not exist.

    Column names are matched without case or surrounding spaces; other columns are ignored. Rows
    of empty cells are skipped; a row shorter than the header has empty trailing cells.
    """
    data = _bita(folder, nama)
    if data is None:
        return None
    teks = _dekode_csv(data, nama)
    dikenal = set(wajib) | set(opsional)
    pemisah = max(",;", key=lambda p: len(set(_kepala(teks, p)) & dikenal))
    kepala = _kepala(teks, pemisah)
    hilang = [k for k in wajib if k not in kepala]
    if hilang:
        raise DatasetError(f"{nama} baris 1: kolom wajib tidak ada: {', '.join(hilang)} (kepala harus berisi "
                           f"{', '.join(wajib)}, dipisah ',' atau ';')")
    ganda = sorted({k for k in kepala if k and kepala.count(k) > 1})
    if ganda:
        raise DatasetError(f"{nama} baris 1: kolom ganda: {', '.join(ganda)}")
    pembaca = csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah)
    out, akhir = [], 0
    try:
        next(pembaca)
        akhir = pembaca.line_num
        for sel in pembaca:
            baris, akhir = akhir + 1, pembaca.line_num
            if not any(s.strip() for s in sel):
                continue
            if any(s.strip() for s in sel[len(kepala):]):
                raise DatasetError(f"{nama} baris {baris}: {len(sel)} nilai, kepala hanya {len(kepala)} kolom "
                                   f"(pemisah '{pemisah}'; nilai yang memuat '{pemisah}' harus diberi tanda kutip)")
            out.append(BarisCsv(nama, baris, {k: (sel[i] if i < len(sel) else "") for i, k in enumerate(kepala) if k in dikenal}))
    except csv.Error as e:
        raise DatasetError(f"{nama} baris {akhir + 1}: CSV tidak sah ({e})") from None
    return out
