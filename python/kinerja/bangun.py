"""``kinerja bangun``: write ``workbook/Kinerja_D4.xlsm`` from a dataset, reproducibly.

Sheets: Petunjuk, PK (the master: settings, SS, IKU), TW I..TW IV (realisasi input; capaian,
status, NSS, NKO by UDF; traffic lights; chart), Rincian (the calculators of each IKU with their
inputs), Riwayat (2020-2024 with a trend chart), Validasi, xlwings.conf. Every formula cell
carries its cached value, computed in-process by the same functions Excel calls (``kinerja.udf``)
so that viewers and LibreOffice show the right numbers without Python; an independent formula
engine (pycel) re-evaluates the formulas in the tests.

Same dataset + same sources -> byte-identical file (fixed document dates, deterministic VBA).
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import xlsxwriter
from xlsxwriter.utility import quote_sheetname, xl_range_abs, xl_rowcol_to_cell

from . import udf
from .berkas import tulis_atomik
from .dataset import IKU, Dataset
from .notasi import NotasiError, baca_nilai
from .penghitung import PENGHITUNG
from .vba import bangun_vba_project, modul_proyek

__all__ = ["bangun_workbook", "daftar_perintah", "TRIWULAN", "LEMBAR_TW", "urutan_lembar", "WAKTU_DOKUMEN"]

TRIWULAN = ("I", "II", "III", "IV")
LEMBAR_TW = tuple(f"TW {t}" for t in TRIWULAN)
WAKTU_DOKUMEN = dt.datetime(2025, 1, 31, 0, 0, 0)
"""Fixed document dates: the same inputs give a byte-identical file."""
WARNA = {"hijau": ("#C6EFCE", "#006100"), "kuning": ("#FFEB9C", "#9C5700"), "merah": ("#FFC7CE", "#9C0006")}
ANGKA = "[$-421]#,##0.00"
ANGKA0 = "[$-421]#,##0"
UMUM = "[$-421][>=1000]#,##0;General"
RUPIAH = '[$-421]"Rp "#,##0'


def _ref(lembar: str, r: int, c: int, mutlak: bool = True) -> str:
    return f"{quote_sheetname(lembar)}!{xl_rowcol_to_cell(r, c, mutlak, mutlak)}"


def _rentang(lembar: str | None, r0: int, c0: int, r1: int, c1: int) -> str:
    rng = xl_range_abs(r0, c0, r1, c1)
    return f"{quote_sheetname(lembar)}!{rng}" if lembar else rng


def _angka_atau_teks(x: Any) -> Any:
    """A value as staff would type it: numbers as numbers, anything else kept as text."""
    if x is None or isinstance(x, (int, float)):
        return x
    try:
        n = baca_nilai(x)
    except NotasiError:
        return str(x)
    if n.tersedia and n.jenis.value == "angka" and not n.bintang and not n.satuan:
        return n.tunggal()
    return str(x)


@dataclass
class _Gaya:
    """The workbook's cell formats, created once."""

    wb: xlsxwriter.Workbook
    f: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        dasar = {"font_name": "Calibri", "font_size": 10, "valign": "top"}
        tepi = {"border": 1, "border_color": "#BFBFBF"}

        def buat(nama: str, **kw: Any) -> None:
            self.f[nama] = self.wb.add_format({**dasar, **kw})
        buat("judul", bold=True, font_size=14, font_color="#1F3864")
        buat("subjudul", italic=True, font_color="#595959")
        buat("kepala", bold=True, bg_color="#1F3864", font_color="#FFFFFF", text_wrap=True, align="center", valign="vcenter", **tepi)
        buat("bagian", bold=True, font_size=11, font_color="#1F3864", bottom=2, bottom_color="#1F3864")
        buat("teks", text_wrap=True, **tepi)
        buat("teks_kunci", text_wrap=True, bg_color="#F2F2F2", **tepi)
        buat("kunci_kecil", font_color="#808080", font_size=8, **tepi)
        buat("masukan", bg_color="#FFF2CC", locked=False, num_format=UMUM, text_wrap=True, **tepi)
        buat("masukan_teks", bg_color="#FFF2CC", locked=False, num_format="@", text_wrap=True, **tepi)
        buat("masukan_rp", bg_color="#FFF2CC", locked=False, num_format=RUPIAH, **tepi)
        buat("angka", num_format=ANGKA, bg_color="#F2F2F2", **tepi)
        buat("angka0", num_format=ANGKA0, bg_color="#F2F2F2", **tepi)
        buat("umum", num_format=UMUM, bg_color="#F2F2F2", **tepi)
        buat("rupiah", num_format=RUPIAH, bg_color="#F2F2F2", **tepi)
        buat("nko", bold=True, num_format=ANGKA, font_size=12, bg_color="#F2F2F2", **tepi)
        buat("catatan", italic=True, font_color="#595959", text_wrap=True)
        buat("catatan_baris", italic=True, font_color="#595959")
        buat("paragraf", text_wrap=True, valign="top")
        for w, (bg, fg) in WARNA.items():
            self.f[w] = self.wb.add_format({"bg_color": bg, "font_color": fg})

    def __getitem__(self, nama: str) -> Any:
        return self.f[nama]


class _Buku:
    """The workbook under construction: sheets plus every cell value written (for cached results)."""

    def __init__(self, path: Path, ds: Dataset):
        self.wb = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False})
        self.wb.calc_on_load = False     # viewers must show the cached values, not force a recalculation
        self.wb.set_properties({"title": f"Laporan Kinerja {ds.unit} {ds.tahun}", "author": "kinerja",
                                "company": ds.instansi, "created": WAKTU_DOKUMEN, "comments": "Dibangun oleh 'kinerja bangun'"})
        self.wb.set_custom_property("Tahun", str(ds.tahun))
        self.gaya = _Gaya(self.wb)
        self.nilai: dict[tuple[str, int, int], Any] = {}
        self.lembar: dict[str, Any] = {}

    def tambah(self, nama: str) -> Any:
        """The sheet ``nama`` (created in display order by :meth:`buat_semua`)."""
        return self.lembar[nama]

    def buat_semua(self, nama: Sequence[str]) -> None:
        for n in nama:
            ws = self.wb.add_worksheet(n)
            ws.hide_gridlines(2)
            self.lembar[n] = ws

    def tulis(self, lembar: str, r: int, c: int, v: Any, gaya: str | None = None) -> None:
        ws, f = self.lembar[lembar], self.gaya[gaya] if gaya else None
        self.nilai[(lembar, r, c)] = v
        if v is None:
            ws.write_blank(r, c, None, f)
        elif isinstance(v, bool):
            ws.write_boolean(r, c, v, f)
        elif isinstance(v, (int, float)):
            ws.write_number(r, c, v, f)
        else:
            ws.write_string(r, c, str(v), f)

    def rumus(self, lembar: str, r: int, c: int, rumus: str, v: Any, gaya: str | None = None) -> None:
        self.nilai[(lembar, r, c)] = v
        self.lembar[lembar].write_formula(r, c, rumus, self.gaya[gaya] if gaya else None, _cache(v))

    def ambil(self, lembar: str, r: int, c: int) -> Any:
        return self.nilai.get((lembar, r, c))

    def kolom(self, lembar: str, r0: int, r1: int, c: int) -> list[list[Any]]:
        """Cell values of a column range as Excel hands them to a UDF (list of one-cell rows)."""
        return [[self.ambil(lembar, r, c)] for r in range(r0, r1 + 1)]

    def baris(self, lembar: str, r: int, c0: int, c1: int) -> list[list[Any]]:
        return [[self.ambil(lembar, r, c) for c in range(c0, c1 + 1)]]


def _cache(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, float) and math.isnan(v):
        return udf.NA
    return v


# ------------------------------------------------------------------ the sheets

@dataclass
class _TataLetak:
    """Where the PK tables are, so the other sheets can refer to them."""

    pengaturan: dict[str, tuple[int, int]] = field(default_factory=dict)
    ss_awal: int = 0
    iku_awal: int = 0
    n_ss: int = 0
    n_iku: int = 0
    rincian_hasil: dict[str, tuple[int, int]] = field(default_factory=dict)
    nama_nilai: dict[str, Any] = field(default_factory=dict)          # defined name -> cached value
    pagu_kegiatan_baris0: int = 0
    realisasi_total_baris: int = 0
    bulan_baris0: int = 0
    rpd_baris0: int = 0


PK_KOLOM = ("Kode IKU", "Kode SS", "Indikator Kinerja Utama", "Satuan", "Polarisasi", "Target (tertulis)", "Target (angka)",
            "Batas bawah", "Batas atas", "Realisasi terburuk", "Target TW I", "Target TW II", "Target TW III", "Target TW IV",
            "Kalkulator", "Kumulatif", "Sumber data", "Catatan")
(K_KODE, K_SS, K_NAMA, K_SATUAN, K_POL, K_TARGET, K_TARGET_ANGKA, K_BAWAH, K_ATAS, K_TERBURUK, K_TW1, K_TW2, K_TW3, K_TW4,
 K_KALK, K_KUMULATIF, K_SUMBER, K_CATATAN) = range(len(PK_KOLOM))

PENGATURAN = (
    ("Unit", "unit", "Nama unit kerja (kop laporan, header halaman)."),
    ("Unit_Singkat", "unit_singkat", "Nama singkat untuk nama berkas ekspor."),
    ("Instansi", "instansi", "Kementerian/lembaga."),
    ("Tahun", "tahun", "Tahun Perjanjian Kinerja."),
    ("Periode", "periode", "Periode laporan tahunan (triwulan terakhir)."),
    ("NKO_Metode", "nko_metode", "rata_nss | rata_perspektif | rata_iku (konsolidasi NKO, l.819-837)."),
    ("NKO_Batas", "nko_batas", "Batas atas NKO; 100 mereproduksi NKO 2024 yang diterbitkan (109,8 tanpa batas). Kosong = tanpa batas."),
    ("NSS_Batas", "nss_batas", "Batas atas setiap NSS sebelum konsolidasi (kosong = tanpa batas)."),
    ("Batas_Capaian", "batas_capaian", "Batas atas capaian IKU: 'dapat dikonversi menjadi 120' (l.837)."),
    ("Skala_Tata_Kelola", "skala_tata_kelola", "Konversi IKU 4.1 ke skala 1-4: linear (2024: 99,21 -> 3,97) atau kategori (2023: 4)."),
    ("Desimal_KPA", "desimal_rasio_kpa", "Pembulatan rasio KPA: 2 seperti laporan (19,92); kosong = tanpa pembulatan (19,94)."),
)


SS_KODE, SS_NAMA, SS_PERSPEKTIF = 0, 2, 3
"""Columns of the SS table on PK: Kode SS (A), Sasaran Strategis (C), Perspektif (D:E)."""
PENGATURAN_KOLOM = 2
"""Column of the settings values on PK (C); labels in A:B, notes from D."""


def _lembar_pk(b: _Buku, ds: Dataset, t: _TataLetak) -> None:
    nama = "PK"
    ws = b.tambah(nama)
    g = b.gaya
    ws.write(0, 0, "Perjanjian Kinerja (PK) — lembar induk", g["judul"])
    ws.write(1, 0, "Sel kuning adalah masukan. Lembar TW, Rincian dan Riwayat mengambil data dari sini.", g["subjudul"])
    ws.write(3, 0, "Pengaturan", g["bagian"])
    nilai_peng = {**vars(ds.pengaturan), "unit": ds.unit, "unit_singkat": ds.unit_singkat, "instansi": ds.instansi,
                  "tahun": ds.tahun, "periode": ds.periode}
    c = PENGATURAN_KOLOM
    for i, (nama_def, kunci, ket) in enumerate(PENGATURAN):
        r = 4 + i
        ws.merge_range(r, 0, r, 1, None, g["teks_kunci"])
        b.tulis(nama, r, 0, nama_def.replace("_", " "), "teks_kunci")
        v = nilai_peng.get(kunci)
        teks = kunci in ("unit", "unit_singkat", "instansi", "periode", "nko_metode", "skala_tata_kelola")
        b.tulis(nama, r, c, v if teks else _angka_atau_teks(v), "masukan_teks" if teks else "masukan")
        ws.write(r, c + 1, ket, g["catatan_baris"])
        _tinggi(ws, r, str(v or ""), 46)
        b.wb.define_name(nama_def, f"={_ref(nama, r, c)}")
        t.pengaturan[nama_def] = (r, c)
    r_m, r_s = t.pengaturan["NKO_Metode"][0], t.pengaturan["Skala_Tata_Kelola"][0]
    ws.data_validation(r_m, c, r_m, c, {"validate": "list", "source": ["rata_nss", "rata_perspektif", "rata_iku"],
                                        "error_title": "Metode NKO", "error_message": "Pilih rata_nss, rata_perspektif, atau rata_iku."})
    ws.data_validation(r_s, c, r_s, c, {"validate": "list", "source": ["linear", "kategori"],
                                        "error_title": "Skala tata kelola", "error_message": "Pilih linear atau kategori."})

    t.ss_awal = 4 + len(PENGATURAN) + 3
    ws.write(t.ss_awal - 2, 0, "Sasaran Strategis", g["bagian"])
    ws.write(t.ss_awal - 1, SS_KODE, "Kode SS", g["kepala"])
    ws.write(t.ss_awal - 1, 1, "", g["kepala"])
    ws.write(t.ss_awal - 1, SS_NAMA, "Sasaran Strategis", g["kepala"])
    ws.merge_range(t.ss_awal - 1, SS_PERSPEKTIF, t.ss_awal - 1, SS_PERSPEKTIF + 1, "Perspektif", g["kepala"])
    for i, s_ in enumerate(ds.ss):
        r = t.ss_awal + i
        b.tulis(nama, r, SS_KODE, s_.kode, "masukan_teks")
        b.tulis(nama, r, SS_NAMA, s_.nama, "masukan_teks")
        ws.merge_range(r, SS_PERSPEKTIF, r, SS_PERSPEKTIF + 1, None, g["masukan_teks"])
        b.tulis(nama, r, SS_PERSPEKTIF, s_.perspektif, "masukan_teks")
        _tinggi(ws, r, s_.nama, 46)
    t.n_ss = len(ds.ss)
    ss_akhir = t.ss_awal + t.n_ss - 1
    b.wb.define_name("PK_SS_Kode", f"={_rentang(nama, t.ss_awal, SS_KODE, ss_akhir, SS_KODE)}")
    b.wb.define_name("PK_SS_Perspektif", f"={_rentang(nama, t.ss_awal, SS_PERSPEKTIF, ss_akhir, SS_PERSPEKTIF)}")

    t.iku_awal = ss_akhir + 4
    ws.write(t.iku_awal - 2, 0, "Indikator Kinerja Utama", g["bagian"])
    for c2, h in enumerate(PK_KOLOM):
        ws.write(t.iku_awal - 1, c2, h, g["kepala"])
    t.n_iku = len(ds.iku)
    for i, k in enumerate(ds.iku):
        r = t.iku_awal + i
        _baris_pk(b, nama, r, k)
        b.rumus(nama, r, K_TARGET_ANGKA, f"=NILAI_ANGKA({xl_rowcol_to_cell(r, K_TARGET)})",
                udf.NILAI_ANGKA(b.ambil(nama, r, K_TARGET)), "umum")
        _tinggi(ws, r, k.nama, 46)
    akhir = t.iku_awal + t.n_iku - 1
    for nama_def, c2 in (("PK_IKU_Kode", K_KODE), ("PK_IKU_SS", K_SS), ("PK_Polarisasi", K_POL), ("PK_Target", K_TARGET),
                         ("PK_Batas_Bawah", K_BAWAH), ("PK_Batas_Atas", K_ATAS), ("PK_Realisasi_Terburuk", K_TERBURUK)):
        b.wb.define_name(nama_def, f"={_rentang(nama, t.iku_awal, c2, akhir, c2)}")
    ws.data_validation(t.iku_awal, K_POL, akhir + 50, K_POL, {
        "validate": "list", "source": ["Maximize", "Minimize", "Stabilize"], "error_title": "Polarisasi",
        "error_message": "Pilih Maximize, Minimize, atau Stabilize (RUMUS bagian 2)."})
    ws.data_validation(t.iku_awal, K_SS, akhir + 50, K_SS, {
        "validate": "list", "source": f"={_rentang(nama, t.ss_awal, SS_KODE, ss_akhir, SS_KODE)}", "error_title": "Kode SS",
        "error_message": "Kode SS harus ada pada tabel Sasaran Strategis di atas."})
    ws.data_validation(t.iku_awal, K_KALK, akhir + 50, K_KALK, {
        "validate": "list", "source": [p for p in PENGHITUNG if p != "jumlah"], "ignore_blank": True,
        "error_type": "warning", "error_title": "Kalkulator", "error_message": "Nama kalkulator tidak dikenal."})
    ws.data_validation(t.iku_awal, K_KUMULATIF, akhir + 50, K_KUMULATIF, {"validate": "list", "source": ["Ya", "Tidak"]})
    for c2, w in enumerate((9, 8, 46, 14, 11, 18, 11, 9, 9, 10, 10, 10, 10, 10, 17, 9, 36, 36)):
        ws.set_column(c2, c2, w)
    ws.freeze_panes(t.iku_awal, 3)
    ws.protect("", {"format_columns": True, "format_rows": True, "insert_rows": True, "sort": True, "autofilter": True})
    _cetak(ws, ds, "PK", akhir, len(PK_KOLOM) - 1, t.iku_awal - 1)


def _baris_pk(b: _Buku, nama: str, r: int, k: IKU) -> None:
    tw = list(k.target_tw) + [None] * (4 - len(k.target_tw))
    isi = {K_KODE: k.kode, K_SS: k.ss, K_NAMA: k.nama, K_SATUAN: k.satuan, K_POL: k.polarisasi, K_TARGET: k.target,
           K_BAWAH: _angka_atau_teks(k.batas_bawah), K_ATAS: _angka_atau_teks(k.batas_atas),
           K_TERBURUK: _angka_atau_teks(k.realisasi_terburuk), K_TW1: tw[0], K_TW2: tw[1], K_TW3: tw[2], K_TW4: tw[3],
           K_KALK: k.kalkulator, K_KUMULATIF: "Ya" if k.kumulatif else "Tidak", K_SUMBER: k.sumber_data, K_CATATAN: k.catatan}
    for c, v in isi.items():
        teks = c in (K_KODE, K_SS, K_NAMA, K_SATUAN, K_POL, K_TARGET, K_TW1, K_TW2, K_TW3, K_TW4, K_KALK, K_KUMULATIF, K_SUMBER, K_CATATAN)
        b.tulis(nama, r, c, v, "masukan_teks" if teks else "masukan")


def _cetak(ws: Any, ds: Dataset, judul: str, r_akhir: int, c_akhir: int, r_kepala: int) -> None:
    """A4 landscape, fit to width, header/footer with unit, year and sheet, header row repeated."""
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.7, bottom=0.6)
    ws.print_area(0, 0, r_akhir, c_akhir)
    ws.repeat_rows(r_kepala)
    unit = ds.unit.replace("&", "&&")
    ws.set_header(f'&L&8{unit}&C&"Calibri,Bold"&10Laporan Kinerja {ds.tahun} — {judul}&R&8&D')
    ws.set_footer(f"&L&8{ds.instansi.replace('&', '&&')}&R&8Halaman &P dari &N")


def _lembar_tw(b: _Buku, ds: Dataset, t: _TataLetak, k: int) -> None:
    nama, tw = LEMBAR_TW[k], TRIWULAN[k]
    ws = b.tambah(nama)
    g = b.gaya
    b.rumus(nama, 0, 0, f'="Pengukuran Kinerja Triwulan {tw} Tahun "&Tahun', f"Pengukuran Kinerja Triwulan {tw} Tahun {ds.tahun}", "judul")
    b.rumus(nama, 1, 0, '="Unit: "&Unit', f"Unit: {ds.unit}", "subjudul")
    ws.write(2, 0, "Isi kolom Realisasi (sel kuning), lalu tekan Validasi; Ekspor menulis berkas untuk dikirim.", g["catatan_baris"])
    ws.insert_button(0, 9, {"macro": "ValidasiTriwulan", "caption": "Validasi", "width": 110, "height": 30})
    ws.insert_button(0, 10, {"macro": "EksporTriwulan", "caption": "Ekspor", "width": 110, "height": 30})
    for c, h in enumerate(TW_KOLOM):
        if h:
            ws.write(TW_BARIS0 - 1, c, h, g["kepala"])
    pk, n = "PK", t.n_iku
    akhir = TW_BARIS0 + n - 1
    kolom_target = (K_TW1, K_TW2, K_TW3, K_TW4)[k]
    peng = {k2: b.ambil(pk, *rc) for k2, rc in t.pengaturan.items()}
    for i, iku in enumerate(ds.iku):
        r, rp = TW_BARIS0 + i, t.iku_awal + i
        b.tulis(nama, r, 0, i + 1, "umum")
        for c, kp in ((1, K_SS), (2, K_KODE), (3, K_NAMA), (4, K_SATUAN), (5, K_POL)):
            b.rumus(nama, r, c, f"={_ref(pk, rp, kp)}", b.ambil(pk, rp, kp), "teks")
        t_tw, t_th = b.ambil(pk, rp, kolom_target), b.ambil(pk, rp, K_TARGET)
        b.rumus(nama, r, 6, f'=IF({_ref(pk, rp, kolom_target)}="",{_ref(pk, rp, K_TARGET)},{_ref(pk, rp, kolom_target)})',
                t_th if t_tw in (None, "") else t_tw, "teks")
        _realisasi_tw(b, nama, r, iku, k, t)
        sel = lambda c: xl_rowcol_to_cell(r, c)  # noqa: E731
        pkc = lambda c: _ref(pk, rp, c)  # noqa: E731
        args = [b.ambil(nama, r, 7), b.ambil(nama, r, 6), b.ambil(nama, r, 5), b.ambil(pk, rp, K_BAWAH), b.ambil(pk, rp, K_ATAS),
                b.ambil(pk, rp, K_TERBURUK), peng["Batas_Capaian"]]
        capaian = udf.CAPAIAN_IKU(*args)
        b.rumus(nama, r, 8, f"=CAPAIAN_IKU({sel(7)},{sel(6)},{sel(5)},{pkc(K_BAWAH)},{pkc(K_ATAS)},{pkc(K_TERBURUK)},Batas_Capaian)",
                capaian, "angka")
        b.rumus(nama, r, 9, f"=STATUS_CAPAIAN({sel(8)})", udf.STATUS_CAPAIAN(capaian), "teks")
        b.tulis(nama, r, 10, None, "masukan_teks")
        b.tulis(nama, r, 12, 100, "umum")
        _tinggi(ws, r, iku.nama, 46)
    _lampu(ws, g, TW_BARIS0, 8, akhir, 9)
    rng = lambda c: _rentang(None, TW_BARIS0, c, akhir, c)  # noqa: E731
    capaian_kolom = b.kolom(nama, TW_BARIS0, akhir, 8)
    ss_iku = b.kolom(nama, TW_BARIS0, akhir, 1)

    r_nss = akhir + 3
    ws.write(r_nss - 1, 0, "Nilai Sasaran Strategis (NSS) dan Nilai Kinerja Organisasi (NKO)", g["bagian"])
    for c, h in ((1, "Kode SS"), (3, "Sasaran Strategis"), (4, "Perspektif"), (8, "NSS (%)"), (9, "Status")):
        ws.write(r_nss, c, h, g["kepala"])
    ws.merge_range(r_nss, 4, r_nss, 7, "Perspektif", g["kepala"])
    r_nss += 1
    for j in range(t.n_ss):
        r, rp = r_nss + j, t.ss_awal + j
        b.rumus(nama, r, 1, f"={_ref(pk, rp, SS_KODE)}", b.ambil(pk, rp, SS_KODE), "teks")
        b.rumus(nama, r, 3, f"={_ref(pk, rp, SS_NAMA)}", b.ambil(pk, rp, SS_NAMA), "teks")
        ws.merge_range(r, 4, r, 7, None, g["teks"])
        b.rumus(nama, r, 4, f"={_ref(pk, rp, SS_PERSPEKTIF)}", b.ambil(pk, rp, SS_PERSPEKTIF), "teks")
        nss = udf.NSS(capaian_kolom, ss_iku, b.ambil(nama, r, 1), peng["NSS_Batas"])
        b.rumus(nama, r, 8, f"=NSS({rng(8)},{rng(1)},{xl_rowcol_to_cell(r, 1)},NSS_Batas)", nss, "angka")
        b.rumus(nama, r, 9, f"=STATUS_CAPAIAN({xl_rowcol_to_cell(r, 8)})", udf.STATUS_CAPAIAN(nss), "teks")
        _tinggi(ws, r, str(b.ambil(nama, r, 3)), 46)
    nss_akhir = r_nss + t.n_ss - 1
    _lampu(ws, g, r_nss, 8, nss_akhir, 9)

    r_nko = nss_akhir + 2
    ss_pk = (b.kolom(pk, t.ss_awal, t.ss_awal + t.n_ss - 1, SS_KODE), b.kolom(pk, t.ss_awal, t.ss_awal + t.n_ss - 1, SS_PERSPEKTIF))
    nko = udf.NKO(capaian_kolom, ss_iku, *ss_pk, peng["NKO_Metode"], peng["NKO_Batas"], peng["NSS_Batas"])
    nko_mentah = udf.NKO(capaian_kolom, ss_iku, *ss_pk, peng["NKO_Metode"], None, None)
    batas = peng["NKO_Batas"]
    for dr, (label, rumus, v, gaya) in enumerate((
            ("NKO (%)", f"=NKO({rng(8)},{rng(1)},PK_SS_Kode,PK_SS_Perspektif,NKO_Metode,NKO_Batas,NSS_Batas)", nko, "nko"),
            ("NKO tanpa batas (%)", f'=NKO({rng(8)},{rng(1)},PK_SS_Kode,PK_SS_Perspektif,NKO_Metode,"","")', nko_mentah, "angka"),
            ("Metode NKO", "=NKO_Metode", peng["NKO_Metode"], "teks"),
            ("Batas NKO", '=IF(NKO_Batas="","tanpa batas",NKO_Batas)', "tanpa batas" if batas in (None, "") else batas, "umum"))):
        ws.merge_range(r_nko + dr, 1, r_nko + dr, 7, label, g["teks_kunci"])
        b.rumus(nama, r_nko + dr, 8, rumus, v, gaya)
    b.rumus(nama, r_nko, 9, f"=STATUS_CAPAIAN({xl_rowcol_to_cell(r_nko, 8)})", udf.STATUS_CAPAIAN(nko), "teks")
    _lampu(ws, g, r_nko, 8, r_nko, 9)
    r_akhir = r_nko + 5
    ws.write(r_akhir, 1, "Status: hijau >= 100 Memenuhi Ekspektasi; kuning 80 sampai < 100 Belum Memenuhi Ekspektasi; "
                         "merah < 80 Tidak Memenuhi Ekspektasi (Tabel 3.1/3.2 laporan).", g["catatan_baris"])
    _grafik_tw(b, nama, TW_BARIS0, akhir, r_akhir + 2)
    for c, w in enumerate((4, 7, 7, 46, 12, 10, 16, 12, 11, 24, 28, 2, 9)):
        ws.set_column(c, c, w)
    ws.set_column(12, 12, 9, None, {"hidden": True})
    ws.freeze_panes(TW_BARIS0, 4)
    ws.protect("", {"format_columns": True, "format_rows": True})
    _cetak(ws, ds, f"{nama} {ds.tahun}", r_akhir + 20, 10, TW_BARIS0 - 1)


TW_KOLOM = ("No", "Kode SS", "Kode IKU", "Indikator Kinerja Utama", "Satuan", "Polarisasi", "Target", "Realisasi",
            "Capaian (%)", "Status", "Keterangan / alasan n/a", "", "Garis 100")
TW_BARIS0 = 5
"""First IKU row of a TW sheet (0-based): row 6 in Excel."""
TW_REALISASI, TW_CAPAIAN, TW_STATUS, TW_KETERANGAN = 7, 8, 9, 10


def _tinggi(ws: Any, r: int, teks: str, lebar: int) -> None:
    """Row height for wrapped text (Excel does not autofit rows written by a library)."""
    baris = max(1, math.ceil(len(teks) * 1.05 / lebar))
    if baris > 1:
        ws.set_row(r, 13.5 * baris)


def _realisasi_tw(b: _Buku, nama: str, r: int, iku: IKU, k: int, t: _TataLetak) -> None:
    """TW IV: the year's realisasi (a link to Rincian when a calculator makes it); TW I-III: input."""
    if k == 3 and iku.kode in t.rincian_hasil and iku.realisasi is None:
        rr, rc = t.rincian_hasil[iku.kode]
        b.rumus(nama, r, 7, f"={_ref('Rincian', rr, rc)}", b.ambil("Rincian", rr, rc), "angka")
        return
    tw = list(iku.realisasi_tw) + [None] * (4 - len(iku.realisasi_tw))
    v = tw[k] if tw[k] is not None else (iku.realisasi if k == 3 else None)
    b.tulis(nama, r, 7, _angka_atau_teks(v), "masukan")


def _lampu(ws: Any, g: _Gaya, r0: int, c0: int, r1: int, c1: int) -> None:
    """Traffic lights on a capaian column and its status column (numbers only; n/a stays grey)."""
    sel = xl_rowcol_to_cell(r0, c0, False, True)
    for w, syarat in (("hijau", f"{sel}>=100"), ("kuning", f"AND({sel}>=80,{sel}<100)"), ("merah", f"{sel}<80")):
        ws.conditional_format(r0, c0, r1, c1, {"type": "formula", "criteria": f"=AND(ISNUMBER({sel}),{syarat})", "format": g[w]})


def _grafik_tw(b: _Buku, nama: str, r0: int, r1: int, r_grafik: int) -> None:
    ch = b.wb.add_chart({"type": "column"})
    ch.add_series({"name": "Capaian (%)", "categories": f"={_rentang(nama, r0, 2, r1, 2)}",
                   "values": f"={_rentang(nama, r0, 8, r1, 8)}", "fill": {"color": "#2F5597"}, "gap": 60,
                   "data_labels": {"value": True, "num_format": "0.0", "font": {"size": 7}}})
    garis = b.wb.add_chart({"type": "line"})
    garis.add_series({"name": "Batas 100", "categories": f"={_rentang(nama, r0, 2, r1, 2)}",
                      "values": f"={_rentang(nama, r0, 12, r1, 12)}", "line": {"color": "#C00000", "width": 1.5, "dash_type": "dash"}})
    ch.combine(garis)
    ch.show_hidden_data()
    ch.set_title({"name": f"Capaian IKU {nama} terhadap garis 100", "name_font": {"size": 11}})
    ch.set_y_axis({"min": 0, "max": 130, "major_unit": 20, "num_format": "0"})
    ch.set_x_axis({"name": "Kode IKU"})
    ch.set_legend({"position": "bottom"})
    ch.set_size({"width": 760, "height": 300})
    b.lembar[nama].insert_chart(r_grafik, 1, ch)


# ------------------------------------------------------------------ Rincian

def _lembar_rincian(b: _Buku, ds: Dataset, t: _TataLetak) -> None:
    nama = "Rincian"
    ws = b.tambah(nama)
    g = b.gaya
    ws.write(0, 0, "Rincian perhitungan realisasi IKU", g["judul"])
    ws.write(1, 0, "Masukan (sel kuning) setiap kalkulator; hasilnya menjadi realisasi TW IV. Kolom A adalah kunci yang dibaca program.",
             g["subjudul"])
    r = 3
    r = _blok_sakip(b, ds, r, t)
    for iku in ds.iku:
        if iku.kalkulator:
            r = _blok_kalkulator(b, ds, iku, r, t)
    ws.set_column(0, 0, 20)
    ws.set_column(1, 1, 44)
    ws.set_column(2, 8, 16)
    ws.protect("", {"format_columns": True, "format_rows": True})
    _cetak(ws, ds, nama, r, 8, 0)


def _judul_blok(b: _Buku, nama: str, r: int, kunci: str, judul: str, rumus: str) -> None:
    b.tulis(nama, r, 0, kunci, "bagian")
    b.lembar[nama].write(r, 1, judul, b.gaya["bagian"])
    b.lembar[nama].write(r, 3, rumus, b.gaya["catatan_baris"])


def _baris_masukan(b: _Buku, nama: str, r: int, kunci: str, label: str, nilai: Sequence[Any], gaya: str = "masukan") -> None:
    b.tulis(nama, r, 0, kunci, "kunci_kecil")
    b.tulis(nama, r, 1, label, "teks")
    for j, v in enumerate(nilai):
        if isinstance(v, tuple):               # (formula, cached value)
            b.rumus(nama, r, 2 + j, v[0], v[1], "angka")
        else:
            b.tulis(nama, r, 2 + j, _angka_atau_teks(v) if gaya != "masukan_teks" else v, gaya)


def _baris_hasil(b: _Buku, nama: str, r: int, kunci: str, label: str, rumus: str, v: Any) -> None:
    b.tulis(nama, r, 0, kunci, "kunci_kecil")
    b.tulis(nama, r, 1, label, "teks_kunci")
    b.rumus(nama, r, 2, rumus, v, "angka")


def _blok_kalkulator(b: _Buku, ds: Dataset, iku: IKU, r: int, t: _TataLetak) -> int:
    nama = "Rincian"
    p = PENGHITUNG[iku.kalkulator]
    _judul_blok(b, nama, r, f"IKU {iku.kode}", f"IKU {iku.kode} {iku.nama}"[:90], f"{iku.kalkulator}: {p.rumus}")
    r += 1
    baris: dict[str, tuple[int, int]] = {}
    m = iku.masukan
    for ms in p.masukan:
        if ms.nama not in m:
            continue
        v = m[ms.nama]
        nilai = [_referensi(x, t) for x in (list(v) if isinstance(v, (list, tuple)) else [v])]
        if ms.nama == "nilai_sakip" and "sakip" in t.rincian_hasil:
            nilai = [(f"={_ref(nama, *t.rincian_hasil['sakip'])}", b.ambil(nama, *t.rincian_hasil["sakip"]))]
        _baris_masukan(b, nama, r, ms.nama, ms.keterangan, nilai)
        baris[ms.nama] = (r, len(nilai))
        r += 1
    if "isu" in m:
        _baris_masukan(b, nama, r, "isu", "isu / kebijakan (keterangan)", list(m["isu"]), "masukan_teks")
        b.lembar[nama].set_row(r, 60)
        r += 1
    r = _hasil_kalkulator(b, iku, baris, r, t)
    return r + 2


def _angka_excel(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _tambah(a: Any, b: Any, tanda: int = 1) -> Any:
    """What Excel caches for ``=a+b`` (or ``=a-b``): text or an error in either gives #VALUE!."""
    return a + tanda * b if _angka_excel(a) and _angka_excel(b) else "#VALUE!"


def _jumlah(xs: Sequence[Any]) -> float:
    """What Excel caches for ``=SUM(range)``: text and empty cells are ignored."""
    return float(sum(x for x in xs if _angka_excel(x)))


def _rata(xs: Sequence[Any]) -> Any:
    """What Excel caches for ``=AVERAGE(range)``: numbers only; none gives #DIV/0!."""
    angka = [x for x in xs if _angka_excel(x)]
    return sum(angka) / len(angka) if angka else "#DIV/0!"


REFERENSI = {"penyerapan_anggaran": "Penyerapan_Anggaran", "realisasi_output": "Output_Realisasi", "target_output": "Output_Target",
              "pagu_anggaran": "Pagu_Total", "realisasi_anggaran": "Realisasi_Total"}
"""``@name`` inputs of the dataset -> the defined name of the finance sheet cell that holds them."""


def _referensi(x: Any, t: _TataLetak) -> Any:
    """An input ``@penyerapan_anggaran`` becomes a formula on its defined name, with its cached value."""
    if isinstance(x, str) and x.startswith("@") and REFERENSI.get(x[1:]) in t.nama_nilai:
        nama = REFERENSI[x[1:]]
        return (f"={nama}", t.nama_nilai[nama])
    return x


def _sel(baris: dict[str, tuple[int, int]], kunci: str) -> str:
    return xl_rowcol_to_cell(baris[kunci][0], 2)


def _rentang_baris(b: _Buku, baris: dict[str, tuple[int, int]], kunci: str) -> tuple[str, list[list[Any]]]:
    """A list input written across a row: its A1 range and its values as Excel hands them over."""
    r, n = baris[kunci]
    return _rentang(None, r, 2, r, 1 + n), b.baris("Rincian", r, 2, 1 + n)


def _hasil_kalkulator(b: _Buku, iku: IKU, baris: dict[str, tuple[int, int]], r: int, t: _TataLetak) -> int:
    """The formulas of each calculator, with their cached values from the same functions."""
    nama = "Rincian"
    v = lambda k: b.ambil(nama, baris[k][0], 2)  # noqa: E731
    kalk = iku.kalkulator
    if kalk == "proyeksi_tahunan":
        rg, val = _rentang_baris(b, baris, "pertumbuhan")
        rata = _rata(val[0])
        _baris_hasil(b, nama, r, "rata_pertumbuhan", "Rata-rata pertumbuhan (%)", f"=AVERAGE({rg})", rata)
        x4 = udf.PROYEKSI_TRIWULAN(v("triwulan_terakhir"), val)
        _baris_hasil(b, nama, r + 1, "proyeksi_triwulan", "Proyeksi triwulan berikutnya",
                     f"=PROYEKSI_TRIWULAN({_sel(baris, 'triwulan_terakhir')},{rg})", x4)
        _baris_hasil(b, nama, r + 2, "hasil", "Realisasi (kumulatif + proyeksi)",
                     f"={_sel(baris, 'kumulatif')}+{xl_rowcol_to_cell(r + 1, 2)}", _tambah(v("kumulatif"), x4))
        r += 2
    elif kalk == "pertumbuhan":
        _baris_hasil(b, nama, r, "hasil", "Realisasi: pertumbuhan (%)", f"=PERTUMBUHAN({_sel(baris, 'sekarang')},{_sel(baris, 'sebelumnya')})",
                     udf.PERTUMBUHAN(v("sekarang"), v("sebelumnya")))
    elif kalk == "selisih_level":
        _baris_hasil(b, nama, r, "hasil", "Realisasi: selisih", f"={_sel(baris, 'sekarang')}-{_sel(baris, 'sebelumnya')}",
                     _tambah(v("sekarang"), v("sebelumnya"), -1))
    elif kalk == "komposit":
        (a, va), (c, vc), (d, vd) = (_rentang_baris(b, baris, k) for k in ("realisasi", "target", "bobot"))
        _baris_hasil(b, nama, r, "hasil", "Realisasi: komposit", f"=KOMPOSIT({a},{c},{d})", udf.KOMPOSIT(va, vc, vd))
    elif kalk == "indeks_persen":
        _baris_hasil(b, nama, r, "hasil", "Realisasi: indeks kategori", f"=INDEKS_KATEGORI({_sel(baris, 'persen')})",
                     udf.INDEKS_KATEGORI(v("persen")))
    elif kalk == "keberhasilan_ksp":
        a, va = _rentang_baris(b, baris, "tahap")
        _baris_hasil(b, nama, r, "hasil", "Realisasi: keberhasilan KSP (%)", f"=KEBERHASILAN_KSP({a})", udf.KEBERHASILAN_KSP(va))
    elif kalk == "rata_likert":
        a, va = _rentang_baris(b, baris, "jawaban")
        _baris_hasil(b, nama, r, "hasil", "Realisasi: rata-rata Likert", f"=RATA_LIKERT({a})", udf.RATA_LIKERT(va))
    elif kalk == "indeks_tata_kelola":
        r = _hasil_tata_kelola(b, baris, r, t)
    elif kalk == "jumlah":
        a, va = _rentang_baris(b, baris, "nilai")
        _baris_hasil(b, nama, r, "hasil", "Jumlah", f"=SUM({a})", _jumlah(va[0]))
    t.rincian_hasil[iku.kode] = (r, 2)
    return r + 1


def _hasil_tata_kelola(b: _Buku, baris: dict[str, tuple[int, int]], r: int, t: _TataLetak) -> int:
    nama = "Rincian"
    v = lambda k: b.ambil(nama, baris[k][0], 2)  # noqa: E731
    s1 = udf.TATA_KELOLA_SAKIP(v("nilai_sakip"), v("target_sakip"))
    _baris_hasil(b, nama, r, "sub_sakip", "Sub-indikator 1: SAKIP / target x 30",
                 f"=TATA_KELOLA_SAKIP({_sel(baris, 'nilai_sakip')},{_sel(baris, 'target_sakip')})", s1)
    s2 = udf.TATA_KELOLA_RB(v("renaksi_dilaksanakan"), v("renaksi_dirumuskan"))
    _baris_hasil(b, nama, r + 1, "sub_rb", "Sub-indikator 2: renaksi RB x 50",
                 f"=TATA_KELOLA_RB({_sel(baris, 'renaksi_dilaksanakan')},{_sel(baris, 'renaksi_dirumuskan')})", s2)
    (a, va), (c, vc), (d, vd) = (_rentang_baris(b, baris, k) for k in ("kpa_realisasi", "kpa_target", "kpa_bobot"))
    desimal = b.ambil("PK", *t.pengaturan["Desimal_KPA"])
    kpa = udf.KUALITAS_ANGGARAN(va, vc, vd, desimal)
    _baris_hasil(b, nama, r + 2, "kpa", "Kualitas Pelaksanaan Anggaran (0-100)", f"=KUALITAS_ANGGARAN({a},{c},{d},Desimal_KPA)", kpa)
    s3 = udf.TATA_KELOLA_KPA(kpa)
    _baris_hasil(b, nama, r + 3, "sub_kpa", "Sub-indikator 3: KPA x 20%", f"=TATA_KELOLA_KPA({xl_rowcol_to_cell(r + 2, 2)})", s3)
    sel = [xl_rowcol_to_cell(r + i, 2) for i in (0, 1, 3)]
    _baris_hasil(b, nama, r + 4, "skor", "Skor indeks tata kelola (0-100)", f"={'+'.join(sel)}", _tambah(_tambah(s1, s2), s3))
    cara = b.ambil("PK", *t.pengaturan["Skala_Tata_Kelola"])
    _baris_hasil(b, nama, r + 5, "hasil", "Realisasi: indeks skala 1-4", f"=INDEKS_TATA_KELOLA({','.join(sel)},Skala_Tata_Kelola)",
                 udf.INDEKS_TATA_KELOLA(s1, s2, s3, cara))
    return r + 5



def _blok_sakip(b: _Buku, ds: Dataset, r: int, t: _TataLetak) -> int:
    """Tabel 4.4: the latest SAKIP evaluation, whose total feeds IKU 4.1's first sub-indicator."""
    if not ds.sakip:
        return r
    nama = "Rincian"
    e = max(ds.sakip, key=lambda x: x.tahun)
    _judul_blok(b, nama, r, f"SAKIP {e.tahun}", f"Nilai evaluasi SAKIP {e.tahun} (Tabel 4.4)",
                "jumlah komponen; bobot harus berjumlah 100")
    r += 1
    sub = sorted({s for v in e.nilai.values() for s in v}, key=["keberadaan", "kualitas", "pemanfaatan"].index)
    for c, h in enumerate(("Komponen", "Bobot", *(s.capitalize() for s in sub), "Jumlah")):
        b.lembar[nama].write(r, 1 + c, h, b.gaya["kepala"])
    r += 1
    r0 = r
    for komp, nilai in e.nilai.items():
        b.tulis(nama, r, 0, f"sakip:{komp}", "kunci_kecil")
        b.tulis(nama, r, 1, komp.replace("_", " ").capitalize(), "teks")
        b.tulis(nama, r, 2, float(e.bobot[komp]), "masukan")
        for j, s in enumerate(sub):
            b.tulis(nama, r, 3 + j, _angka_atau_teks(nilai.get(s)), "masukan")
        vals = [b.ambil(nama, r, 3 + j) for j in range(len(sub))]
        b.rumus(nama, r, 3 + len(sub), f"=SUM({_rentang(None, r, 3, r, 2 + len(sub))})", _jumlah(vals), "angka")
        r += 1
    tabel = [[b.ambil(nama, rr, 3 + j) for j in range(len(sub))] for rr in range(r0, r)]
    total = udf.NILAI_SAKIP(tabel, b.kolom(nama, r0, r - 1, 2))
    _baris_hasil(b, nama, r, "sakip", f"Nilai SAKIP {e.tahun}",
                 f"=NILAI_SAKIP({_rentang(None, r0, 3, r - 1, 2 + len(sub))},{_rentang(None, r0, 2, r - 1, 2)})", total)
    t.rincian_hasil["sakip"] = (r, 2)
    return r + 3


# ------------------------------------------------------------------ Riwayat, Validasi, Petunjuk, xlwings.conf

RIWAYAT_KOLOM = ("Kode", "Indikator Kinerja Utama", "Satuan", "Polarisasi", "Tahun", "Target", "Realisasi (terbit)",
                 "Realisasi (koreksi)", "Realisasi dipakai", "Capaian (%)", "Capaian terbit (%)", "Selisih", "Catatan")


def _lembar_riwayat(b: _Buku, ds: Dataset) -> None:
    nama = "Riwayat"
    ws = b.tambah(nama)
    g = b.gaya
    ws.write(0, 0, "Riwayat capaian 2020-2024 (Tabel 3.1) dihitung ulang", g["judul"])
    ws.write(1, 0, "Capaian dihitung ulang dari target dan realisasi; kolom 'Capaian terbit' adalah angka laporan. "
                   "Koreksi diisi bila angka terbit jelas salah satuan/cetak (alasan di Catatan).", g["subjudul"])
    R0 = 4
    for c, h in enumerate(RIWAYAT_KOLOM):
        ws.write(R0 - 1, c, h, g["kepala"])
    for i, h in enumerate(ds.riwayat):
        r = R0 + i
        for c, v, gaya in ((0, h.kode, "masukan_teks"), (1, h.nama, "masukan_teks"), (2, h.satuan, "masukan_teks"),
                           (3, h.polarisasi, "masukan_teks"), (4, h.tahun, "masukan"), (5, h.target, "masukan_teks"),
                           (6, _angka_atau_teks(h.realisasi), "masukan"), (7, _angka_atau_teks(h.realisasi_koreksi), "masukan"),
                           (10, _angka_atau_teks(h.capaian_terbit), "masukan"), (12, h.catatan or None, "masukan_teks")):
            b.tulis(nama, r, c, v, gaya)
        g_, k_ = b.ambil(nama, r, 6), b.ambil(nama, r, 7)
        b.rumus(nama, r, 8, f'=IF({xl_rowcol_to_cell(r, 7)}="",{xl_rowcol_to_cell(r, 6)},{xl_rowcol_to_cell(r, 7)})',
                g_ if k_ in (None, "") else k_, "umum")
    akhir = R0 + len(ds.riwayat) - 1
    for i in range(len(ds.riwayat)):
        r = R0 + i
        sel = lambda c: xl_rowcol_to_cell(r, c)  # noqa: E731
        b.rumus(nama, r, 9, f"=CAPAIAN_IKU({sel(8)},{sel(5)},{sel(3)})",
                udf.CAPAIAN_IKU(b.ambil(nama, r, 8), b.ambil(nama, r, 5), b.ambil(nama, r, 3)), "angka")
        _tinggi(ws, r, ds.riwayat[i].nama, 46)
    for i in range(len(ds.riwayat)):
        r = R0 + i
        c_, t_ = b.ambil(nama, r, 9), b.ambil(nama, r, 10)
        ada = isinstance(c_, float) and isinstance(t_, (int, float)) and not isinstance(t_, bool)
        j, k = xl_rowcol_to_cell(r, 9), xl_rowcol_to_cell(r, 10)
        b.rumus(nama, r, 11, f'=IF(AND(ISNUMBER({j}),ISNUMBER({k})),{k}-{j},"")', (t_ - c_) if ada else "", "angka")
    _lampu(ws, g, R0, 9, akhir, 9)
    _tren(b, ds, nama, R0, akhir)
    for c, w in enumerate((6, 46, 11, 10, 7, 11, 12, 12, 12, 11, 12, 10, 40)):
        ws.set_column(c, c, w)
    ws.freeze_panes(R0, 2)
    ws.protect("", {"format_columns": True, "format_rows": True})
    _cetak(ws, ds, nama, akhir, len(RIWAYAT_KOLOM) - 1, R0 - 1)


def _tren(b: _Buku, ds: Dataset, nama: str, r0: int, r1: int) -> None:
    """Capaian per year of the IKU present in at least three years, and their trend chart."""
    tahun = sorted({h.tahun for h in ds.riwayat})
    per: dict[tuple[str, str], dict[int, int]] = {}
    for i, h in enumerate(ds.riwayat):
        per.setdefault((h.kode, h.nama), {})[h.tahun] = r0 + i
    seri = [(k, v) for k, v in per.items() if len(v) >= 3]
    rt = r1 + 3
    ws = b.lembar[nama]
    ws.write(rt, 0, "Tren capaian (%)", b.gaya["bagian"])
    ws.write(rt + 1, 0, "Kode", b.gaya["kepala"])
    ws.write(rt + 1, 1, "Indikator", b.gaya["kepala"])
    for j, th in enumerate(tahun):
        ws.write(rt + 1, 4 + j, th, b.gaya["kepala"])
    ch = b.wb.add_chart({"type": "line"})
    for i, ((kode, ind), baris) in enumerate(seri):
        r = rt + 2 + i
        b.tulis(nama, r, 0, kode, "teks")
        b.tulis(nama, r, 1, ind, "teks")
        for j, th in enumerate(tahun):
            if th in baris:
                b.rumus(nama, r, 4 + j, f"={xl_rowcol_to_cell(baris[th], 9)}", b.ambil(nama, baris[th], 9), "angka")
            else:
                b.tulis(nama, r, 4 + j, None, "angka")
        ch.add_series({"name": f"={_ref(nama, r, 0)}", "categories": f"={_rentang(nama, rt + 1, 4, rt + 1, 3 + len(tahun))}",
                       "values": f"={_rentang(nama, r, 4, r, 3 + len(tahun))}", "marker": {"type": "circle", "size": 5}})
    ch.set_title({"name": "Tren capaian IKU 2020-2024", "name_font": {"size": 11}})
    ch.set_y_axis({"min": 0, "max": 130, "major_unit": 20})
    ch.set_legend({"position": "right"})
    ch.set_size({"width": 720, "height": 320})
    ws.insert_chart(rt + 3 + len(seri), 1, ch)


def _lembar_validasi(b: _Buku, ds: Dataset) -> None:
    nama = "Validasi"
    ws = b.tambah(nama)
    g = b.gaya
    ws.write(0, 0, "Temuan validasi", g["judul"])
    ws.write(1, 0, "Diisi oleh tombol Validasi pada lembar TW (atau 'kinerja validasi'). Klik alamat sel untuk menuju sel bermasalah.",
             g["subjudul"])
    b.tulis(nama, 2, 0, "Triwulan", "teks_kunci")
    b.tulis(nama, 2, 1, "Semua", "masukan_teks")
    ws.write(2, 2, "Triwulan yang diperiksa bila tombol ditekan di luar lembar TW", g["catatan_baris"])
    ws.data_validation(2, 1, 2, 1, {"validate": "list", "source": ["Semua", *LEMBAR_TW]})
    b.wb.define_name("Triwulan_Validasi", f"={_ref(nama, 2, 1)}")
    for c, (h, w) in enumerate((("Tingkat", 11), ("Lembar", 10), ("Sel", 8), ("Pesan", 60), ("Saran", 50), ("Aturan", 22))):
        ws.write(3, c, h, g["kepala"])
        ws.set_column(c, c, w)
    ws.freeze_panes(4, 0)
    _cetak(ws, ds, nama, 40, 5, 3)


PETUNJUK = (
    ("Tentang workbook ini", None),
    ("Workbook ini menghitung capaian IKU, NSS, NKO, Indeks Tata Kelola dan realisasi anggaran dengan fungsi Excel "
     "(kategori 'Kinerja') yang dijalankan oleh Python melalui xlwings. Angka yang tampil tanpa Python adalah hasil "
     "perhitungan saat workbook dibangun.", "paragraf"),
    ("Langkah setiap triwulan", None),
    ("1. Buka lembar TW yang sesuai (TW I sampai TW IV) dan isi kolom Realisasi (sel kuning). Angka boleh ditulis dengan "
     "notasi Indonesia: 1.148.800 / 88,46 / 4,79* (bintang = proyeksi).", "paragraf"),
    ("2. Bila realisasi belum tersedia, biarkan kosong: capaian menjadi n/a (bukan 0) dan tidak dihitung dalam NSS; "
     "tulis alasannya di kolom Keterangan.", "paragraf"),
    ("3. Tekan tombol Validasi. Temuan masuk ke lembar Validasi dengan tautan ke setiap sel.", "paragraf"),
    ("4. Bila tidak ada galat, tekan Ekspor untuk menulis berkas xlsx, pdf, csv dan json triwulan ke folder ekspor.", "paragraf"),
    ("Lembar", None),
    ("PK: pengaturan (tahun, metode dan batas NKO, batas capaian 120, skala tata kelola), tabel Sasaran Strategis dan IKU "
     "dengan polarisasi, target tertulis, batas rentang, target per triwulan dan kalkulator.", "paragraf"),
    ("TW I-TW IV: realisasi, capaian, status (hijau/kuning/merah), NSS, NKO dan grafik capaian terhadap garis 100.", "paragraf"),
    ("Rincian: masukan kalkulator setiap IKU (proyeksi e-commerce, tahapan KSP, komponen tata kelola, SAKIP, penyerapan).", "paragraf"),
    ("Riwayat: capaian 2020-2024 dihitung ulang beserta angka terbit dan selisihnya.", "paragraf"),
    ("Validasi: hasil pemeriksaan terakhir. xlwings.conf: pengaturan Python (diisi TI).", "paragraf"),
    ("Arti isi sel", None),
    ("n/a: realisasi belum tersedia; tidak dihitung dalam NSS/NKO (laporan l.835).", "paragraf"),
    ("#Teks ... tidak dapat dibaca: angka salah tulis. Gunakan titik untuk ribuan dan koma untuk desimal.", "paragraf"),
    ("#Target 0 ...: target 0 tidak dapat dipakai untuk maximize; untuk minimize isi Realisasi terburuk pada lembar PK.", "paragraf"),
    ("#Polarisasi ...: isi Maximize, Minimize atau Stabilize; Stabilize memerlukan batas bawah dan atas (atau target rentang).", "paragraf"),
    ("#Tahap ... di luar Tahap 1-4 / #Bobot ... seharusnya 100: perbaiki masukan pada lembar Rincian.", "paragraf"),
    ("Rumus dan sumber: RUMUS.md (disarikan dari Laporan Kinerja 2024). Panduan lengkap: workbook/PANDUAN.md.", "paragraf"),
)


def _lembar_petunjuk(b: _Buku, ds: Dataset) -> None:
    ws = b.tambah("Petunjuk")
    g = b.gaya
    ws.set_column(0, 0, 110)
    b.rumus("Petunjuk", 0, 0, '="Laporan Kinerja "&Unit&" Tahun "&Tahun', f"Laporan Kinerja {ds.unit} Tahun {ds.tahun}", "judul")
    r = 2
    for teks, gaya in PETUNJUK:
        ws.write(r, 0, teks, g[gaya] if gaya else g["bagian"])
        if gaya:
            ws.set_row(r, 15 * max(1, math.ceil(len(teks) / 120)))
        r += 1
    _cetak(ws, ds, "Petunjuk", r, 0, 0)


XLWINGS_CONF = (
    ("Interpreter_Win", "", "Path python.exe (kosong = python di PATH). Diisi TI."),
    ("Interpreter_Mac", "", "Path python (macOS)."),
    ("PYTHONPATH", "", "Kosong: paket kinerja dipasang dengan pip."),
    ("Conda Path", "", ""),
    ("Conda Env", "", ""),
    ("UDF Modules", "kinerja.udf", "Modul fungsi Excel."),
    ("Debug UDFs", "False", ""),
    ("Use UDF Server", "False", ""),
    ("Show Console", "False", ""),
    ("ADD_WORKBOOK_TO_PYTHONPATH", "False", ""),
)


def _lembar_xlwings(b: _Buku) -> None:
    ws = b.tambah("xlwings.conf")
    for r, (k, v, ket) in enumerate(XLWINGS_CONF):
        b.tulis("xlwings.conf", r, 0, k)
        b.tulis("xlwings.conf", r, 1, v or None, "masukan_teks")
        ws.write(r, 2, ket, b.gaya["catatan"])
    ws.set_column(0, 0, 30)
    ws.set_column(1, 1, 30)
    ws.set_column(2, 2, 50)


# ------------------------------------------------------------------ the whole book

def bangun_workbook(ds: Dataset, keluar: Path | str, folder_vba: Path | None = None, timpa: bool = True) -> Path:
    """Write the workbook of ``ds`` to ``keluar`` atomically (temporary file beside it, then rename)."""
    vba = bangun_vba_project(modul_proyek(folder_vba))
    with tulis_atomik(keluar, timpa=timpa) as sementara:
        _tulis(ds, sementara, vba)
    return Path(keluar)


def _tulis(ds: Dataset, path: Path, vba: bytes) -> None:
    from .bangun_anggaran import tulis_lembar_anggaran
    b = _Buku(path, ds)
    b.buat_semua(urutan_lembar(ds))
    t = _TataLetak()
    _lembar_petunjuk(b, ds)
    _lembar_pk(b, ds, t)
    tulis_lembar_anggaran(b, ds, t)     # before Rincian: IKU 4.1 takes its KPA elements from them
    _lembar_rincian(b, ds, t)      # before the TW sheets: TW IV links to its results
    for k in range(4):
        _lembar_tw(b, ds, t, k)
    _lembar_riwayat(b, ds)
    _lembar_validasi(b, ds)
    _lembar_xlwings(b)
    b.lembar["TW IV"].activate()
    b.wb.add_vba_project(io.BytesIO(vba), is_stream=True)
    b.wb.close()


def urutan_lembar(ds: Dataset) -> tuple[str, ...]:
    """The sheets in display order (the finance sheets only when the dataset has a budget)."""
    from .bangun_anggaran import LEMBAR_ANGGARAN
    return ("Petunjuk", "PK", *LEMBAR_TW, "Rincian", *(LEMBAR_ANGGARAN if ds.anggaran else ()), "Riwayat", "Validasi", "xlwings.conf")


def _bangun(a: argparse.Namespace) -> int:
    from .cli import muat_berkas
    ds = muat_berkas(a.dataset)
    keluar = Path(a.keluar)
    bangun_workbook(ds, keluar, timpa=a.timpa or keluar.resolve() == _bawaan().resolve())
    print(f"Workbook ditulis: {keluar}")
    return 0


def _bawaan() -> Path:
    return Path(__file__).resolve().parents[2] / "workbook" / "Kinerja_D4.xlsm"


def daftar_perintah(sub: argparse._SubParsersAction) -> None:
    """Register ``kinerja bangun``."""
    p = sub.add_parser("bangun", help="bangun workbook .xlsm dari dataset (bawaan: workbook/Kinerja_D4.xlsm)")
    p.add_argument("--keluar", default=str(_bawaan()), help="berkas keluaran (bawaan: workbook/Kinerja_D4.xlsm)")
    p.add_argument("--dataset", default=None, help="folder dataset (bawaan: data 2024 tertanam)")
    p.add_argument("--timpa", action="store_true", help="ganti berkas lain yang sudah ada")
    p.set_defaults(fungsi=_bangun)
