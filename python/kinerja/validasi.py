"""Validation of a Kinerja workbook: findings with severity, sheet, cell, message and fix.

Rules run on a :class:`~kinerja.cuplikan.Cuplikan` (a file through openpyxl, or the workbook
open in Excel through xlwings) and on the dataset read from it, so the command line and the
Validasi button find the same things. Severity: ``galat`` (the figures are wrong or cannot be
computed; export refuses), ``peringatan`` (probably wrong, or incomplete), ``info`` (worth
knowing: published numbers that disagree with recomputation). Each bad cell is reported once:
a cell whose text cannot be read gets only that finding.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Iterable

from .agregasi import METODE_NKO
from .baca_workbook import Posisi, Sel, baca, blok_rincian
from .bangun import (K_ATAS, K_BAWAH, K_KODE, K_POL, K_SS, K_TARGET, K_TARGET_ANGKA, K_TERBURUK, K_TW1, LEMBAR_TW, TW_CAPAIAN,
                     TW_KETERANGAN, TW_REALISASI, TW_STATUS)
from .capaian import nama_polarisasi
from .cuplikan import Cuplikan, alamat
from .dataset import IKU, Dataset
from .laporan import hitung_capaian, konteks_anggaran, siapkan_iku
from .notasi import Jenis, Nilai, NotasiError, angka_atau_nan, baca_nilai, tulis_angka
from .pembulatan import bulat
from .rekonsiliasi import SESUAI, bandingkan

__all__ = ["Temuan", "validasi", "GALAT", "PERINGATAN", "INFO", "ada_galat"]

GALAT, PERINGATAN, INFO = "galat", "peringatan", "info"
_URUT_TINGKAT = {GALAT: 0, PERINGATAN: 1, INFO: 2}
SATUAN_CACAH = {"orang", "jiwa", "unit", "dokumen", "kegiatan", "laporan", "rekomendasi", "kali", "buah", "paket", "k/l"}
"""Units of counts: a negative value is impossible."""
KALKULATOR_CACAH = {"renaksi_dilaksanakan", "renaksi_dirumuskan"}
KUNCI_HASIL = {"hasil", "rata_pertumbuhan", "proyeksi_triwulan", "sub_sakip", "sub_rb", "kpa", "sub_kpa", "skor", "sakip", "penyerapan"}
"""Rincian rows whose column C must be a formula."""


@dataclass(frozen=True)
class Temuan:
    """One finding: how bad, where (sheet and A1 cell), what, how to fix, and which rule."""

    tingkat: str
    lembar: str
    sel: str
    pesan: str
    saran: str
    aturan: str


class _Kumpulan:
    """Findings, at most one per (cell, rule), and no other rule on a cell whose text is unreadable."""

    def __init__(self) -> None:
        self.temuan: dict[tuple[str, str, str], Temuan] = {}
        self.rusak: set[tuple[str, str]] = set()

    def tambah(self, tingkat: str, sel: Sel, pesan: str, saran: str, aturan: str) -> None:
        lembar, r, c = sel
        a = alamat(r, c)
        if (lembar, a) in self.rusak and aturan != "notasi":
            return
        if aturan == "notasi":
            self.rusak.add((lembar, a))
        self.temuan.setdefault((lembar, a, aturan), Temuan(tingkat, lembar, a, pesan, saran, aturan))

    def hasil(self, urutan_lembar: list[str]) -> list[Temuan]:
        def kunci(t: Temuan) -> tuple:
            kol = "".join(ch for ch in t.sel if ch.isalpha())
            return (_URUT_TINGKAT[t.tingkat], urutan_lembar.index(t.lembar) if t.lembar in urutan_lembar else 99,
                    int("".join(ch for ch in t.sel if ch.isdigit()) or 0), len(kol), kol, t.aturan)
        return sorted(self.temuan.values(), key=kunci)


def _a(x: float) -> str:
    """A number in a message, Indonesian notation, at most 2 decimals (the IKU codes stay '1.2')."""
    return tulis_angka(bulat(x, 2)) if abs(x) < 1e15 else f"{x:g}"


def _teks_angka(x: Any) -> str:
    """A cell value for a message: numbers in Indonesian notation, text as typed."""
    return tulis_angka(x) if isinstance(x, (int, float)) and not isinstance(x, bool) else str(x)


def ada_galat(temuan: Iterable[Temuan]) -> bool:
    return any(t.tingkat == GALAT for t in temuan)


def _baca(k: _Kumpulan, sel: Sel, x: Any, kolom: str) -> Nilai | None:
    """Parse a cell; an unreadable text becomes a 'notasi' finding quoting it."""
    try:
        return baca_nilai(x)
    except NotasiError as e:
        k.tambah(GALAT, sel, f"{kolom}: teks '{x}' tidak dapat dibaca ({e.alasan})",
                 "Tulis angka dengan titik untuk ribuan dan koma untuk desimal, mis. 1.148.800 atau 88,46", "notasi")
        return None


def validasi(c: Cuplikan, tw: int | None = None, dibaca: tuple[Dataset, Posisi] | None = None) -> list[Temuan]:
    """Every finding of the workbook snapshot ``c``; ``tw`` (1-4) limits the TW rules to one sheet.

    ``dibaca``: the dataset and positions already read from ``c`` (so an export reads it once).
    """
    ds, pos = dibaca or baca(c)
    k = _Kumpulan()
    _pengaturan(k, ds, pos)
    _ss_iku(k, ds, pos)
    for i in ([tw - 1] if tw else range(4)):
        if tw is None and _tw_kosong(c, ds, pos, i):
            r = min(r for (j, _), r in pos.tw.items() if j == i)
            k.tambah(INFO, (LEMBAR_TW[i], r, TW_REALISASI), f"{LEMBAR_TW[i]} belum diisi: semua realisasi kosong",
                     f"Isi realisasi {LEMBAR_TW[i]} bila sudah tersedia (periksa dengan --tw {i + 1})", "triwulan-kosong")
            continue
        _triwulan(k, c, ds, pos, i)
    _rumus_tertimpa(k, c, ds, pos, [tw - 1] if tw else list(range(4)))
    _rincian(k, c, ds, pos)
    _riwayat(k, c, ds, pos)
    _anggaran(k, c, ds, pos)
    return k.hasil(list(c.lembar))


# ------------------------------------------------------------------ PK

def _pengaturan(k: _Kumpulan, ds: Dataset, pos: Posisi) -> None:
    p = ds.pengaturan
    sel = pos.pengaturan
    if "NKO_Metode" in sel and str(p.nko_metode or "").strip() not in METODE_NKO:
        k.tambah(GALAT, sel["NKO_Metode"], f"Metode NKO '{p.nko_metode or ''}' tidak dikenal",
                 f"Pilih salah satu: {', '.join(METODE_NKO)}", "metode-nko")
    for nama, x, wajib in (("NKO_Batas", p.nko_batas, False), ("NSS_Batas", p.nss_batas, False), ("Batas_Capaian", p.batas_capaian, True)):
        if nama not in sel:
            continue
        n = _baca(k, sel[nama], x, nama.replace("_", " "))
        if n is None:
            continue
        if (not n.tersedia and wajib) or (n.tersedia and not n.tunggal() > 0):
            k.tambah(GALAT, sel[nama], f"{nama.replace('_', ' ')} '{x if x is not None else ''}' harus angka positif"
                     + ("" if wajib else " atau dikosongkan"), "Isi angka positif, mis. 100 (atau 120 untuk batas capaian)", "batas-nko")
    if "Skala_Tata_Kelola" in sel and str(p.skala_tata_kelola or "").strip() not in ("linear", "kategori"):
        k.tambah(GALAT, sel["Skala_Tata_Kelola"], f"Skala tata kelola '{p.skala_tata_kelola or ''}' tidak dikenal",
                 "Pilih linear atau kategori", "skala-tata-kelola")
    if "Desimal_KPA" in sel and p.desimal_rasio_kpa not in (None, ""):
        n = _baca(k, sel["Desimal_KPA"], p.desimal_rasio_kpa, "Desimal KPA")
        if n is not None and not (n.tersedia and n.tunggal() == int(n.tunggal()) and 0 <= n.tunggal() <= 6):
            k.tambah(GALAT, sel["Desimal_KPA"], f"Desimal KPA '{p.desimal_rasio_kpa}' harus bilangan bulat 0-6 atau kosong",
                     "Isi 2 (seperti laporan) atau kosongkan", "desimal-kpa")
    if "Tahun" in sel and not 2000 <= ds.tahun <= 2100:
        k.tambah(GALAT, sel["Tahun"], "Tahun tidak valid", "Isi tahun PK, mis. 2024", "tahun")


def _ss_iku(k: _Kumpulan, ds: Dataset, pos: Posisi) -> None:
    kode_ss = [s.kode for s in ds.ss]
    for s in ds.ss:
        if kode_ss.count(s.kode) > 1:
            k.tambah(GALAT, pos.ss[s.kode], f"Kode SS '{s.kode}' muncul lebih dari sekali", "Beri kode SS yang unik", "kode-ganda")
        if not any(i.ss == s.kode for i in ds.iku):
            k.tambah(PERINGATAN, pos.ss[s.kode], f"SS {s.kode} tidak memiliki IKU; NSS-nya n/a",
                     "Tambahkan IKU untuk SS ini pada tabel IKU, atau hapus SS", "ss-tanpa-iku")
    kol = pos.iku_kolom
    c_ = lambda judul, bawaan: kol.get(judul, bawaan)  # noqa: E731
    dilihat: set[str] = set()
    for (kode, r), iku in zip(pos.iku_baris, ds.iku):
        sel = lambda judul, bawaan: ("PK", r, c_(judul, bawaan))  # noqa: E731
        if kode in dilihat:
            k.tambah(GALAT, sel("Kode IKU", K_KODE), f"Kode IKU '{kode}' muncul lebih dari sekali", "Beri kode IKU yang unik",
                     "kode-ganda")
        dilihat.add(kode)
        if iku.ss not in kode_ss:
            k.tambah(GALAT, sel("Kode SS", K_SS), f"IKU {kode} merujuk SS '{iku.ss}' yang tidak ada pada tabel Sasaran Strategis",
                     f"Pilih salah satu kode SS: {', '.join(kode_ss)}", "ss-tidak-dikenal")
        _iku_target(k, iku, sel)


def _iku_target(k: _Kumpulan, iku: IKU, sel: Any) -> None:
    pol = nama_polarisasi(iku.polarisasi)
    s_pol, s_t = sel("Polarisasi", K_POL), sel("Target (tertulis)", K_TARGET)
    if pol is None:
        k.tambah(GALAT, s_pol, f"IKU {iku.kode}: polarisasi '{iku.polarisasi or ''}' bukan salah satu dari tiga",
                 "Pilih Maximize, Minimize, atau Stabilize", "polarisasi")
    lain = {}
    for judul, bawaan, x in (("Batas bawah", K_BAWAH, iku.batas_bawah), ("Batas atas", K_ATAS, iku.batas_atas),
                             ("Realisasi terburuk", K_TERBURUK, iku.realisasi_terburuk)):
        lain[judul] = _baca(k, sel(judul, bawaan), x, f"IKU {iku.kode}, {judul.lower()}")
    for j, x in enumerate(iku.target_tw):
        _baca(k, sel(f"Target TW {('I', 'II', 'III', 'IV')[j]}", K_TW1 + j), x, f"IKU {iku.kode}, target TW {j + 1}")
    t = _baca(k, s_t, iku.target, f"IKU {iku.kode}, target")
    if t is None:
        return
    if not t.tersedia:
        if not (pol == "stabilize" and lain["Batas bawah"] and lain["Batas bawah"].tersedia):
            k.tambah(GALAT, s_t, f"IKU {iku.kode}: target belum diisi", "Isi target sesuai Perjanjian Kinerja", "target-kosong")
        return
    _besaran(k, s_t, t.tunggal(), iku, "target")
    ada_band = t.jenis is Jenis.RENTANG or all(lain[j] is not None and lain[j].tersedia for j in ("Batas bawah", "Batas atas"))
    if pol == "stabilize" and not ada_band:
        k.tambah(GALAT, s_t, f"IKU {iku.kode}: polarisasi stabilize tanpa rentang", "Tulis target sebagai rentang (mis. 2,7 – 3) "
                 "atau isi Batas bawah dan Batas atas", "stabilize-tanpa-rentang")
    if t.jenis is not Jenis.RENTANG and t.tunggal() == 0:
        w = lain["Realisasi terburuk"]
        if pol == "maximize":
            k.tambah(GALAT, s_t, f"IKU {iku.kode}: target 0 pada polarisasi maximize tidak dapat dihitung (pembagian dengan nol)",
                     "Perbaiki target; untuk indikator 'semakin kecil semakin baik' gunakan Minimize", "target-nol-maximize")
        elif pol == "minimize" and not (w is not None and w.tersedia):
            k.tambah(GALAT, s_t, f"IKU {iku.kode}: minimize dengan target 0 memerlukan realisasi terburuk",
                     "Isi kolom Realisasi terburuk (nilai yang dianggap capaian 0)", "target-nol-minimize")


def _besaran(k: _Kumpulan, sel: Sel, x: float, iku: IKU, apa: str, skala: float | None = None) -> None:
    """A number whose magnitude does not fit the IKU's unit (-301.087 persons in a 'Juta Orang' IKU)."""
    satuan = iku.satuan.lower()
    if math.isnan(x):
        return
    if skala is not None and (x > skala or x < 0):
        k.tambah(GALAT, sel, f"IKU {iku.kode}: {apa} {_a(x)} di luar skala 0-{_a(skala)}", f"Isi indeks antara 0 dan {_a(skala)}",
                 "di-luar-skala")
        return
    for kata, batas, contoh in (("juta", 1e4, "juta"), ("triliun", 1e6, "triliun"), ("miliar", 1e6, "miliar")):
        if kata in satuan and abs(x) >= batas:
            faktor = {"juta": 1e6, "triliun": 1e12, "miliar": 1e9}[kata]
            k.tambah(PERINGATAN, sel, f"IKU {iku.kode}: {apa} {_a(x)} terlalu besar untuk satuan '{iku.satuan}' "
                     "(kemungkinan ditulis dalam satuan dasar)", f"Tulis dalam {contoh}: {tulis_angka(x / faktor)}", "besaran-satuan")
            return
    if satuan.strip() in ("%", "persen", "persentase") and abs(x) > 1000:
        k.tambah(PERINGATAN, sel, f"IKU {iku.kode}: {apa} {_a(x)}% tidak wajar", "Periksa angka dan satuannya", "besaran-satuan")


# ------------------------------------------------------------------ TW sheets

def _triwulan(k: _Kumpulan, c: Cuplikan, ds: Dataset, pos: Posisi, i: int) -> None:
    nama = LEMBAR_TW[i]
    if nama not in c.lembar:
        return
    v = c.lembar[nama]
    for iku in ds.iku:
        r = pos.tw.get((i, iku.kode))
        if r is None:
            continue
        sel = (nama, r, TW_REALISASI)
        x = v.v(r, TW_REALISASI)
        if v.f(r, TW_REALISASI) is not None and isinstance(x, str) and x.startswith("#"):
            continue                            # a calculator's error: reported at its input on Rincian
        n = _baca(k, sel, x, f"IKU {iku.kode}, realisasi {nama}")
        if n is None:
            continue
        if not n.tersedia:
            ada_ket = str(v.v(r, TW_KETERANGAN) or "").strip() != ""
            k.tambah(INFO if ada_ket else PERINGATAN, sel, f"IKU {iku.kode}: realisasi {nama} kosong; capaian n/a",
                     "Isi realisasi bila sudah tersedia" + ("" if ada_ket else ", atau tulis alasannya di kolom Keterangan (l.835)"),
                     "realisasi-kosong")
            continue
        if n.jenis is Jenis.RENTANG:
            k.tambah(GALAT, sel, f"IKU {iku.kode}: realisasi '{x}' berupa rentang", "Realisasi harus satu angka", "notasi")
            continue
        nilai = n.tunggal()
        if nilai < 0 and iku.satuan.strip().lower() in SATUAN_CACAH:
            k.tambah(GALAT, sel, f"IKU {iku.kode}: realisasi {_a(nilai)} negatif untuk satuan '{iku.satuan}'",
                     "Jumlah tidak mungkin negatif; periksa angka", "angka-negatif")
            continue
        skala = _skala_target(iku)
        _besaran(k, sel, nilai, iku, f"realisasi {nama}", skala)
        if iku.kumulatif and i > 0:
            _kumulatif(k, v, c, pos, iku, i, nilai, sel)
    _nilai_basi(k, c, ds, pos, i)


def _tw_kosong(c: Cuplikan, ds: Dataset, pos: Posisi, i: int) -> bool:
    baris = [r for (j, _), r in pos.tw.items() if j == i]
    v = c.lembar.get(LEMBAR_TW[i])
    return bool(baris) and v is not None and all(v.v(r, TW_REALISASI) in (None, "") for r in baris)


def _skala_target(iku: IKU) -> float | None:
    try:
        t = baca_nilai(iku.target)
    except NotasiError:
        return None
    return t.skala if t.jenis is Jenis.SKALA else None


def _kumulatif(k: _Kumpulan, v: Any, c: Cuplikan, pos: Posisi, iku: IKU, i: int, nilai: float, sel: Sel) -> None:
    for j in range(i - 1, -1, -1):
        r = pos.tw.get((j, iku.kode))
        if r is None or LEMBAR_TW[j] not in c.lembar:
            continue
        try:
            sebelum = baca_nilai(c.lembar[LEMBAR_TW[j]].v(r, TW_REALISASI))
        except NotasiError:
            return
        if sebelum.tersedia:
            if nilai < sebelum.tunggal():
                k.tambah(PERINGATAN, sel, f"IKU {iku.kode} bersifat kumulatif tetapi realisasi {LEMBAR_TW[i]} ({_a(nilai)}) lebih kecil "
                         f"dari {LEMBAR_TW[j]} ({_a(sebelum.tunggal())})",
                         "Realisasi kumulatif tidak boleh turun; periksa angka atau kolom Kumulatif pada PK", "kumulatif-turun")
            return


def _nilai_basi(k: _Kumpulan, c: Cuplikan, ds: Dataset, pos: Posisi, i: int) -> None:
    """Cached capaian that differ from a recomputation: the file was saved without recalculating."""
    nama = LEMBAR_TW[i]
    v = c.lembar[nama]
    konteks = konteks_anggaran(ds)
    peng = vars(ds.pengaturan)
    masukan = [siapkan_iku(iku, peng, konteks, realisasi=_atau_kosong(iku.realisasi_tw[i]), pakai_kalkulator=False,
                           target=_target_tw(iku, i)) for iku in ds.iku]
    try:
        batas = baca_nilai(ds.pengaturan.batas_capaian).tunggal()
    except (NotasiError, TypeError):
        return
    capaian, _ = hitung_capaian(masukan, batas)
    for iku, x in zip(ds.iku, capaian):
        r = pos.tw.get((i, iku.kode))
        if r is None:
            continue
        tersimpan = v.v(r, TW_CAPAIAN)
        if isinstance(tersimpan, (int, float)) and not isinstance(tersimpan, bool):
            if math.isnan(x) or not math.isclose(tersimpan, x, rel_tol=1e-6, abs_tol=1e-6):
                k.tambah(PERINGATAN, (nama, r, TW_CAPAIAN), f"IKU {iku.kode}: capaian tersimpan {_a(tersimpan)} berbeda dengan hitung ulang "
                         f"{'n/a' if math.isnan(x) else _a(x)}", "Buka di Excel dengan Python aktif, tekan Ctrl+Alt+F9, lalu simpan",
                         "nilai-basi")


def _atau_kosong(x: Any) -> Any:
    return "" if x is None else x


def _target_tw(iku: IKU, i: int) -> Any:
    t = iku.target_tw[i] if i < len(iku.target_tw) else None
    return iku.target if t in (None, "") else t


def _rumus_tertimpa(k: _Kumpulan, c: Cuplikan, ds: Dataset, pos: Posisi, triwulan: list[int]) -> None:
    """Cells that must hold a formula but hold a typed value."""
    harus: list[tuple[Sel, str, str]] = []
    kal = {i.kode: i for i in ds.iku}
    for kode, r in pos.iku_baris:
        harus.append((("PK", r, pos.iku_kolom.get("Target (angka)", K_TARGET_ANGKA)), GALAT, f"Target (angka) IKU {kode}"))
    for i in triwulan:
        nama = LEMBAR_TW[i]
        for (j, kode), r in pos.tw.items():
            if j != i:
                continue
            for col, apa in ((1, "Kode SS"), (2, "Kode IKU"), (5, "Polarisasi"), (6, "Target"), (TW_CAPAIAN, "Capaian"), (TW_STATUS, "Status")):
                harus.append(((nama, r, col), GALAT, f"{apa} IKU {kode}"))
            iku = kal.get(kode)
            if i == 3 and iku is not None and _pk_kalkulator(c, pos, kode):
                harus.append(((nama, r, TW_REALISASI), PERINGATAN, f"Realisasi IKU {kode} (hasil kalkulator di lembar Rincian)"))
        if nama in c.lembar:
            v = c.lembar[nama]
            for r in range(v.baris):
                label = str(v.v(r, 1) or "")
                if label.startswith("NKO") or (label in {s.kode for s in ds.ss} and v.f(r, 1) is not None):
                    harus.append(((nama, r, TW_CAPAIAN), GALAT, f"{label} ({nama})"))
    for (penanda, kunci), (r, _) in pos.rincian.items():
        if kunci in KUNCI_HASIL:
            harus.append((("Rincian", r, 2), GALAT, f"{kunci} ({penanda})"))
    for r in pos.riwayat:
        harus.append((("Riwayat", r, 9), GALAT, f"Capaian Riwayat baris {r + 1}"))
    for kunci, r in pos.anggaran.items():
        kolom = {"realisasi": ("Realisasi", (0, 1, 2, 4)), "keluaran": ("Keluaran", (6,)), "efisiensi": ("Efisiensi", (5, 6)),
                 "revisi": ("Pagu", (5,))}.get(kunci[0])
        if kolom:
            for col in kolom[1]:
                harus.append(((kolom[0], r, col), GALAT, f"{kolom[0]} {kunci[1]}"))
    for (lembar, r, col), tingkat, apa in harus:
        if lembar not in c.lembar:
            continue
        v = c.lembar[lembar]
        if v.f(r, col) is None and v.v(r, col) not in (None, ""):
            k.tambah(tingkat, (lembar, r, col), f"{apa}: sel rumus tertimpa angka/teks '{v.v(r, col)}'",
                     "Kembalikan rumusnya (salin dari baris di atas/bawah, atau bangun ulang workbook); jangan mengetik di sel abu-abu",
                     "rumus-tertimpa")


def _pk_kalkulator(c: Cuplikan, pos: Posisi, kode: str) -> bool:
    r = pos.iku.get(kode)
    col = pos.iku_kolom.get("Kalkulator")
    return r is not None and col is not None and str(c.lembar["PK"].v(r, col) or "").strip() != ""


# ------------------------------------------------------------------ Rincian and Riwayat

def _rincian(k: _Kumpulan, c: Cuplikan, ds: Dataset, pos: Posisi) -> None:
    if "Rincian" not in c.lembar:
        return
    for penanda, baris in blok_rincian(c).items():
        for kunci, nilai in baris:
            r, _ = pos.rincian.get((penanda, kunci), (None, 0))
            if r is None or kunci in KUNCI_HASIL or kunci == "isu":
                continue
            angka = []
            rincian = c.lembar["Rincian"]
            for j, x in enumerate(nilai):
                if rincian.f(r, 2 + j) is not None:          # a link to another result: checked where it is computed
                    angka.append(x if isinstance(x, (int, float)) and not isinstance(x, bool) else math.nan)
                    continue
                n = _baca(k, ("Rincian", r, 2 + j), x, f"{penanda}, {kunci}")
                angka.append(n.tunggal() if n is not None and n.tersedia else math.nan)
                sel = ("Rincian", r, 2 + j)
                if n is None or not n.tersedia:
                    continue
                v = n.tunggal()
                if kunci == "tahap" and v not in (1, 2, 3, 4):
                    k.tambah(GALAT, sel, f"{penanda}: tahap {_a(v)} di luar Tahap 1-4", "Isi 1, 2, 3 atau 4", "tahap")
                elif kunci == "jawaban" and (v not in (1, 2, 3, 4)):
                    k.tambah(GALAT, sel, f"{penanda}: jawaban Likert {_a(v)} di luar 1-4", "Isi 1 (sangat tidak puas) sampai 4 (sangat puas)",
                             "likert")
                elif v < 0 and (kunci in KALKULATOR_CACAH or kunci in ("realisasi", "target") and penanda.startswith("IKU ")
                                or kunci in ("pagu",)):
                    k.tambah(GALAT, sel, f"{penanda}: {kunci} {_a(v)} negatif", "Jumlah tidak mungkin negatif", "angka-negatif")
            if kunci == "kpa_bobot" and angka and not any(math.isnan(a) for a in angka) and not math.isclose(sum(angka), 100):
                k.tambah(PERINGATAN, ("Rincian", r, 2), f"{penanda}: bobot unsur KPA berjumlah {_a(sum(angka))}, bukan 100",
                         "Bobot KPA 2024: 40, 20, 40", "bobot-kpa")
        if penanda.startswith("SAKIP "):
            _sakip(k, penanda, baris, pos)


def _sakip(k: _Kumpulan, penanda: str, baris: list[tuple[str, list[Any]]], pos: Posisi) -> None:
    bobot = []
    pertama = None
    for kunci, isi in baris:
        if not kunci.startswith("sakip:") or not isi:
            continue
        r = pos.rincian[(penanda, kunci)][0]
        pertama = pertama if pertama is not None else r
        try:
            w = baca_nilai(isi[0]).tunggal()
            sub = [baca_nilai(x).tunggal() for x in isi[1:4] if x is not None]
        except NotasiError:
            continue
        bobot.append(w)
        if sum(sub) > w + 1e-9:
            k.tambah(GALAT, ("Rincian", r, 3), f"{penanda}: komponen {kunci[6:]} bernilai {_a(sum(sub))}, melebihi bobotnya {_a(w)}",
                     "Periksa nilai sub-komponen", "nilai-sakip")
    if bobot and not math.isclose(sum(bobot), 100.0, abs_tol=1e-9):
        k.tambah(GALAT, ("Rincian", pertama, 2), f"{penanda}: bobot komponen SAKIP berjumlah {_a(sum(bobot))}, seharusnya 100",
                 "Sesuaikan bobot (2023: 30, 30, 20, 20)", "bobot-sakip")


def _riwayat(k: _Kumpulan, c: Cuplikan, ds: Dataset, pos: Posisi) -> None:
    if "Riwayat" not in c.lembar:
        return
    v = c.lembar["Riwayat"]
    for h, r in zip(ds.riwayat, pos.riwayat):
        iku = IKU(h.kode, "", h.nama, h.satuan, h.polarisasi, h.target)
        t = _baca(k, ("Riwayat", r, 5), h.target, f"Riwayat {h.kode} {h.tahun}, target")
        n = _baca(k, ("Riwayat", r, 6), h.realisasi, f"Riwayat {h.kode} {h.tahun}, realisasi")
        _baca(k, ("Riwayat", r, 7), h.realisasi_koreksi, f"Riwayat {h.kode} {h.tahun}, koreksi")
        if n is not None and n.tersedia:
            skala = t.skala if t is not None and t.jenis is Jenis.SKALA else None
            before = len(k.temuan)
            _besaran(k, ("Riwayat", r, 6), n.tunggal(), iku, f"realisasi {h.tahun}", skala)
            if len(k.temuan) > before and h.realisasi_koreksi not in (None, ""):
                kunci = ("Riwayat", alamat(r, 6), "besaran-satuan")
                if kunci in k.temuan:
                    lama = k.temuan[kunci]
                    k.temuan[kunci] = Temuan(lama.tingkat, lama.lembar, lama.sel, lama.pesan + f"; dikoreksi menjadi {_teks_angka(h.realisasi_koreksi)}",
                                             lama.saran, lama.aturan)
        hitung = v.v(r, 9)
        if isinstance(hitung, (int, float)) and h.capaian_terbit not in (None, ""):
            b = bandingkan(f"Riwayat {h.kode} {h.tahun}", None, "capaian", h.capaian_terbit, float(hitung))
            if b is not None and b.kelas != SESUAI:
                k.tambah(INFO, ("Riwayat", r, 10), f"Capaian terbit {h.kode} {h.tahun} = {_teks_angka(h.capaian_terbit)}, hitung ulang = "
                         f"{_a(b.hitung)} ({b.kelas})",
                         "Angka laporan berbeda dengan aturan; gunakan angka hitung ulang dan catat di Catatan", "angka-terbit")


# ------------------------------------------------------------------ finance sheets

def _rp(x: float) -> str:
    return "Rp " + tulis_angka(bulat(x, 0))


def _uang(k: _Kumpulan, sel: Sel, x: Any, apa: str) -> float:
    """An amount cell: readable (else 'notasi'), not negative (else 'angka-negatif'); NaN when empty."""
    n = _baca(k, sel, x, apa)
    if n is None or not n.tersedia:
        return math.nan
    v = n.tunggal()
    if v < 0:
        k.tambah(GALAT, sel, f"{apa}: jumlah {_rp(v)} negatif", "Jumlah rupiah tidak boleh negatif; periksa angka", "angka-negatif")
    return v


def _anggaran(k: _Kumpulan, c: Cuplikan, ds: Dataset, pos: Posisi) -> None:
    """Finance rules: revisions chain, kegiatan pagu sum to the current pagu, realisasi within pagu,
    RPD sums to the pagu, no negative amounts, readable amounts."""
    a = ds.anggaran
    if a is None or "Pagu" not in c.lembar:
        return
    sesudah_lalu = math.nan
    for i, rev in enumerate(a.pagu_revisi):
        r = pos.anggaran[("revisi", i)]
        seb = _uang(k, ("Pagu", r, 3), rev.sebelum, f"Revisi pagu '{rev.tahap}', pagu sebelum")
        ses = _uang(k, ("Pagu", r, 4), rev.nilai, f"Revisi pagu '{rev.tahap}', pagu sesudah")
        if i > 0 and not math.isnan(sesudah_lalu) and (math.isnan(seb) or abs(seb - sesudah_lalu) > 0.5):
            k.tambah(GALAT, ("Pagu", r, 3), f"Revisi pagu '{rev.tahap}' berangkat dari {_rp(seb) if not math.isnan(seb) else 'kosong'}, "
                     f"padahal pagu sesudah revisi sebelumnya {_rp(sesudah_lalu)}", "Isi Pagu sebelum sesuai pagu hasil revisi sebelumnya "
                     "(atau tambahkan revisi yang terlewat)", "revisi-pagu")
        sesudah_lalu = ses
    jumlah = 0.0
    for keg in a.kegiatan:
        r = pos.anggaran.get(("pagu", keg.kode))
        if r is not None:
            jumlah += _uang(k, ("Pagu", r, 2), keg.pagu, f"Pagu kegiatan {keg.kode}")
    r_j = pos.anggaran.get(("pagu_jumlah",))
    if r_j is not None and not math.isnan(jumlah) and not math.isnan(sesudah_lalu) and abs(jumlah - sesudah_lalu) > 0.5:
        k.tambah(GALAT, ("Pagu", r_j, 2), f"Jumlah pagu kegiatan {_rp(jumlah)} tidak sama dengan pagu terkini {_rp(sesudah_lalu)} "
                 f"(selisih {_rp(jumlah - sesudah_lalu)})", "Sesuaikan pagu per kegiatan dengan revisi pagu terakhir", "pagu-tidak-berjumlah")
    for keg in a.kegiatan:
        _kegiatan(k, keg, pos)
    for i, o in enumerate(a.keluaran):
        r = pos.anggaran[("keluaran", i)]
        for col, x, apa in ((2, o.tvk, "TVK"), (3, o.rvk, "RVK"), (4, (list(o.tikk) or [None])[0], "TIKK"), (5, (list(o.rikk) or [None])[0], "RIKK")):
            _uang(k, ("Keluaran", r, col), x, f"Keluaran {i + 1}, {apa}")
    for i, o in enumerate(a.efisiensi):
        r = pos.anggaran[("efisiensi", i)]
        for col, x, apa in ((2, o.pagu, "pagu (PAK)"), (3, o.ck, "capaian keluaran (CK)"), (4, o.realisasi, "realisasi (RAK)")):
            _uang(k, ("Efisiensi", r, col), x, f"Efisiensi keluaran {i + 1}, {apa}")


def _kegiatan(k: _Kumpulan, keg: Any, pos: Posisi) -> None:
    pagu = angka_atau_nan(keg.pagu)
    r = pos.anggaran.get(("realisasi", keg.kode))
    if r is not None:
        real = _uang(k, ("Realisasi", r, 3), keg.realisasi, f"Realisasi kegiatan {keg.kode}")
        if not math.isnan(real) and not math.isnan(pagu) and real > pagu + 0.5:
            k.tambah(GALAT, ("Realisasi", r, 3), f"Realisasi kegiatan {keg.kode} {_rp(real)} melebihi pagu {_rp(pagu)}",
                     "Periksa realisasi (SP2D) atau pagu kegiatan pada lembar Pagu", "realisasi-melebihi-pagu")
    for jenis, isi in (("bulan", keg.realisasi_bulanan), ("rpd", keg.rpd_bulanan)):
        rb = pos.anggaran.get((jenis, keg.kode))
        if rb is None:
            continue
        nilai = [_uang(k, ("Realisasi", rb, 2 + m), x, f"{'Realisasi' if jenis == 'bulan' else 'RPD'} {keg.kode} bulan {m + 1}")
                 for m, x in enumerate((list(isi) + [None] * 12)[:12])]
        ada = [x for x in nilai if not math.isnan(x)]
        if jenis == "rpd" and ada and not math.isnan(pagu) and abs(sum(ada) - pagu) > 0.5:
            k.tambah(GALAT, ("Realisasi", rb, 14), f"RPD kegiatan {keg.kode} berjumlah {_rp(sum(ada))}, tidak sama dengan pagu {_rp(pagu)}",
                     "RPD (halaman III DIPA) setahun harus berjumlah sama dengan pagu kegiatan", "rpd-tidak-sama-pagu")
        real = angka_atau_nan(keg.realisasi)
        if jenis == "bulan" and len(ada) == 12 and not math.isnan(real) and abs(sum(ada) - real) > 0.5:
            k.tambah(PERINGATAN, ("Realisasi", rb, 14), f"Realisasi bulanan {keg.kode} berjumlah {_rp(sum(ada))}, berbeda dengan realisasi "
                     f"tahunan {_rp(real)}", "Samakan realisasi bulanan dengan realisasi tahunan (SP2D)", "realisasi-bulanan-berbeda")

