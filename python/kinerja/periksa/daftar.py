"""The registry of validation rules, and the findings they make.

Every rule is registered once, with :func:`aturan`, in the module of its concern: its name (what
a finding's ``aturan`` says), its level, the sheet it looks at, and one Indonesian sentence saying
what it checks. The README's rule list and the Petunjuk sheet are rendered from this registry
(:func:`daftar_markdown`, :func:`daftar_baris`), never retyped. Levels: ``galat`` (the figures are
wrong or cannot be computed; export refuses), ``peringatan`` (probably wrong, or incomplete),
``info`` (worth knowing).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..buku.baca import Sel
from ..buku.cuplikan import alamat

__all__ = ["GALAT", "PERINGATAN", "INFO", "Aturan", "ATURAN", "aturan", "NOTASI", "Temuan", "Kumpulan", "ada_galat", "daftar_baris",
           "daftar_markdown", "Sel"]

GALAT, PERINGATAN, INFO = "galat", "peringatan", "info"
URUT_TINGKAT = {GALAT: 0, PERINGATAN: 1, INFO: 2}


@dataclass(frozen=True)
class Aturan:
    """One validation rule: name, level (and the other level it may use, said in ``uraian``), sheet, what it checks."""

    nama: str
    tingkat: str
    lembar: str
    uraian: str
    tingkat_lain: str | None = None


ATURAN: dict[str, Aturan] = {}
"""Every rule by name, in registration order (the order of the documentation)."""


def aturan(nama: str, tingkat: str, lembar: str, uraian: str, tingkat_lain: str | None = None) -> Aturan:
    """Register a rule once; a second rule with the same name is a programming error."""
    if nama in ATURAN:
        raise ValueError(f"aturan '{nama}' sudah terdaftar")
    if tingkat not in URUT_TINGKAT or (tingkat_lain is not None and tingkat_lain not in URUT_TINGKAT):
        raise ValueError(f"aturan '{nama}': tingkat tidak dikenal")
    a = ATURAN[nama] = Aturan(nama, tingkat, lembar, uraian, tingkat_lain)
    return a


NOTASI = aturan("notasi", GALAT, "semua", "Angka yang tidak dapat dibaca dalam notasi Indonesia (teksnya dikutip; sel itu tidak "
                "diperiksa aturan lain), dan realisasi yang ditulis sebagai rentang.")


@dataclass(frozen=True)
class Temuan:
    """One finding: how bad, where (sheet and A1 cell), what, how to fix, and which rule."""

    tingkat: str
    lembar: str
    sel: str
    pesan: str
    saran: str
    aturan: str


class Kumpulan:
    """Findings, at most one per (cell, rule), and no other rule on a cell whose text is unreadable."""

    def __init__(self) -> None:
        self.temuan: dict[tuple[str, str, str], Temuan] = {}
        self.rusak: set[tuple[str, str]] = set()

    def tambah(self, a: Aturan, sel: Sel, pesan: str, saran: str, tingkat: str | None = None) -> None:
        """Record a finding of rule ``a`` at ``sel``; ``tingkat`` only as the rule's declared other level."""
        if tingkat not in (None, a.tingkat, a.tingkat_lain):
            raise ValueError(f"aturan '{a.nama}' tidak memakai tingkat '{tingkat}'")
        lembar, r, c = sel
        alamat_sel = alamat(r, c)
        if (lembar, alamat_sel) in self.rusak and a is not NOTASI:
            return
        if a is NOTASI:
            self.rusak.add((lembar, alamat_sel))
        self.temuan.setdefault((lembar, alamat_sel, a.nama), Temuan(tingkat or a.tingkat, lembar, alamat_sel, pesan, saran, a.nama))

    def hasil(self, urutan_lembar: list[str]) -> list[Temuan]:
        """The findings by level, then sheet order, then row and column."""
        def kunci(t: Temuan) -> tuple:
            kol = "".join(ch for ch in t.sel if ch.isalpha())
            return (URUT_TINGKAT[t.tingkat], urutan_lembar.index(t.lembar) if t.lembar in urutan_lembar else 99,
                    int("".join(ch for ch in t.sel if ch.isdigit()) or 0), len(kol), kol, t.aturan)
        return sorted(self.temuan.values(), key=kunci)


def ada_galat(temuan: Iterable[Temuan]) -> bool:
    """True when any finding is a ``galat`` (export refuses)."""
    return any(t.tingkat == GALAT for t in temuan)


def _tingkat_teks(a: Aturan) -> str:
    return a.tingkat if a.tingkat_lain is None else f"{a.tingkat} / {a.tingkat_lain}"


def daftar_baris() -> list[tuple[str, str, str, str]]:
    """The registry as rows (rule, level, sheet, what it checks), for the Petunjuk sheet and ``kinerja aturan``."""
    return [(a.nama, _tingkat_teks(a), a.lembar, a.uraian) for a in ATURAN.values()]


def daftar_markdown() -> str:
    """The registry as the README's Markdown table."""
    baris = ["| aturan | tingkat | lembar | yang diperiksa |", "|---|---|---|---|"]
    baris += [f"| `{n}` | {t} | {lb} | {u} |" for n, t, lb, u in daftar_baris()]
    return "\n".join(baris) + "\n"
