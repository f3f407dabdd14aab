"""The Rincian sheet: one block per IKU calculator (inputs, intermediate results, the realisasi that
TW IV links to) and the SAKIP evaluation block whose total feeds IKU 4.1."""
from __future__ import annotations

from typing import Any, Sequence

from xlsxwriter.utility import xl_rowcol_to_cell

from ..buku import fungsi
from ..buku import tata_letak as tl
from ..data.dataset import IKU, Dataset
from ..hitung.penghitung import PENGHITUNG
from .dasar import Buku, Letak, angka_atau_teks, cetak, ref, rentang

__all__ = ["lembar_rincian"]

C = tl.RINCIAN_NILAI0
"""The column of a block's (first) value and of its results."""


def lembar_rincian(b: Buku, ds: Dataset, t: Letak) -> None:
    """Write Rincian; record in ``t`` where each result landed (``t.rincian_hasil``)."""
    nama = tl.RINCIAN
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
    ws.set_column(tl.RINCIAN_KUNCI, tl.RINCIAN_KUNCI, 20)
    ws.set_column(tl.RINCIAN_LABEL, tl.RINCIAN_LABEL, 44)
    ws.set_column(C, 8, 16)
    ws.protect("", tl.PROTEKSI[nama])
    cetak(ws, ds, nama, r, 8, 0)


def _judul_blok(b: Buku, nama: str, r: int, kunci: str, judul: str, rumus: str) -> None:
    b.tulis(nama, r, tl.RINCIAN_KUNCI, kunci, "bagian")
    b.lembar[nama].write(r, tl.RINCIAN_LABEL, judul, b.gaya["bagian"])
    b.lembar[nama].write(r, 3, rumus, b.gaya["catatan_baris"])


def _baris_masukan(b: Buku, nama: str, r: int, kunci: str, label: str, nilai: Sequence[Any], teks: bool = False) -> None:
    """A row of inputs (``teks``: kept as typed, else numbers written as numbers); the cells are Text-formatted so Excel
    keeps what staff type (80%, 1/2, 4,79*: rule R8)."""
    b.tulis(nama, r, tl.RINCIAN_KUNCI, kunci, "kunci_kecil")
    b.tulis(nama, r, tl.RINCIAN_LABEL, label, "teks")
    for j, v in enumerate(nilai):
        if isinstance(v, tuple):               # (formula, cached value)
            b.rumus(nama, r, C + j, v[0], v[1], "angka")
        else:
            b.tulis(nama, r, C + j, v if teks else angka_atau_teks(v), "masukan_teks")


def _baris_hasil(b: Buku, nama: str, r: int, kunci: str, label: str, rumus: str, v: Any) -> None:
    b.tulis(nama, r, tl.RINCIAN_KUNCI, kunci, "kunci_kecil")
    b.tulis(nama, r, tl.RINCIAN_LABEL, label, "teks_kunci")
    b.rumus(nama, r, C, rumus, v, "angka")


def _blok_kalkulator(b: Buku, ds: Dataset, iku: IKU, r: int, t: Letak) -> int:
    nama = tl.RINCIAN
    p = PENGHITUNG[iku.kalkulator]
    _judul_blok(b, nama, r, f"IKU {iku.kode}", f"IKU {iku.kode} {iku.nama}"[:90], f"{iku.kalkulator}: {p.rumus}")
    r += 1
    baris: dict[str, tuple[int, int]] = {}
    m = iku.masukan
    for ms in p.masukan:
        if ms.nama not in m and not ms.wajib:
            continue
        v = m.get(ms.nama)                          # a required input not given (a new IKU, Tahun Baru): an empty row to fill
        nilai = [_referensi(x, t) for x in (list(v) if isinstance(v, (list, tuple)) else [v])] or [None]
        if ms.nama == "nilai_sakip" and "sakip" in t.rincian_hasil:
            nilai = [(f"={ref(nama, *t.rincian_hasil['sakip'])}", b.ambil(nama, *t.rincian_hasil["sakip"]))]
        _baris_masukan(b, nama, r, ms.nama, ms.keterangan, nilai)
        baris[ms.nama] = (r, len(nilai))
        r += 1
    if "isu" in m:
        _baris_masukan(b, nama, r, "isu", "isu / kebijakan (keterangan)", list(m["isu"]), teks=True)
        b.lembar[nama].set_row(r, 60)
        r += 1
    r = _hasil_kalkulator(b, iku, baris, r, t)
    return r + 2


def _referensi(x: Any, t: Letak) -> Any:
    """An input ``@penyerapan_anggaran`` becomes a formula on its defined name, with its cached value."""
    if isinstance(x, str) and x.startswith("@") and tl.REFERENSI.get(x[1:]) in t.nama_nilai:
        nama = tl.REFERENSI[x[1:]]
        return (f"={nama}", t.nama_nilai[nama])
    return x


def _sel(baris: dict[str, tuple[int, int]], kunci: str) -> str:
    return xl_rowcol_to_cell(baris[kunci][0], C)


def _rentang_baris(b: Buku, baris: dict[str, tuple[int, int]], kunci: str) -> tuple[str, list[list[Any]]]:
    """A list input written across a row: its A1 range and its values as Excel hands them over."""
    r, n = baris[kunci]
    return rentang(None, r, C, r, C - 1 + n), b.baris(tl.RINCIAN, r, C, C - 1 + n)


def _hasil_kalkulator(b: Buku, iku: IKU, baris: dict[str, tuple[int, int]], r: int, t: Letak) -> int:
    """The formulas of each calculator, with their cached values from the same functions."""
    nama = tl.RINCIAN
    v = lambda k: b.ambil(nama, baris[k][0], C)  # noqa: E731
    kalk = iku.kalkulator
    if kalk == "proyeksi_tahunan":
        rg, val = _rentang_baris(b, baris, "pertumbuhan")
        _baris_hasil(b, nama, r, "rata_pertumbuhan", "Rata-rata pertumbuhan (%)", f"=RATA_NILAI({rg})", fungsi.RATA_NILAI(val))
        x4 = fungsi.PROYEKSI_TRIWULAN(v("triwulan_terakhir"), val)
        _baris_hasil(b, nama, r + 1, "proyeksi_triwulan", "Proyeksi triwulan berikutnya",
                     f"=PROYEKSI_TRIWULAN({_sel(baris, 'triwulan_terakhir')},{rg})", x4)
        _baris_hasil(b, nama, r + 2, "hasil", "Realisasi (kumulatif + proyeksi)",
                     f"=PROYEKSI_TAHUNAN({_sel(baris, 'kumulatif')},{_sel(baris, 'triwulan_terakhir')},{rg})",
                     fungsi.PROYEKSI_TAHUNAN(v("kumulatif"), v("triwulan_terakhir"), val))
        r += 2
    elif kalk == "pertumbuhan":
        _baris_hasil(b, nama, r, "hasil", "Realisasi: pertumbuhan (%)", f"=PERTUMBUHAN({_sel(baris, 'sekarang')},{_sel(baris, 'sebelumnya')})",
                     fungsi.PERTUMBUHAN(v("sekarang"), v("sebelumnya")))
    elif kalk == "selisih_level":
        _baris_hasil(b, nama, r, "hasil", "Realisasi: selisih", f"=SELISIH_LEVEL({_sel(baris, 'sekarang')},{_sel(baris, 'sebelumnya')})",
                     fungsi.SELISIH_LEVEL(v("sekarang"), v("sebelumnya")))
    elif kalk == "komposit":
        (a, va), (c, vc), (d, vd) = (_rentang_baris(b, baris, k) for k in ("realisasi", "target", "bobot"))
        _baris_hasil(b, nama, r, "hasil", "Realisasi: komposit", f"=KOMPOSIT({a},{c},{d})", fungsi.KOMPOSIT(va, vc, vd))
    elif kalk == "indeks_persen":
        _baris_hasil(b, nama, r, "hasil", "Realisasi: indeks kategori", f"=INDEKS_KATEGORI({_sel(baris, 'persen')})",
                     fungsi.INDEKS_KATEGORI(v("persen")))
    elif kalk == "keberhasilan_ksp":
        a, va = _rentang_baris(b, baris, "tahap")
        _baris_hasil(b, nama, r, "hasil", "Realisasi: keberhasilan KSP (%)", f"=KEBERHASILAN_KSP({a})", fungsi.KEBERHASILAN_KSP(va))
    elif kalk == "rata_likert":
        a, va = _rentang_baris(b, baris, "jawaban")
        _baris_hasil(b, nama, r, "hasil", "Realisasi: rata-rata Likert", f"=RATA_LIKERT({a})", fungsi.RATA_LIKERT(va))
    elif kalk == "indeks_tata_kelola":
        r = _hasil_tata_kelola(b, baris, r, t)
    elif kalk == "jumlah":
        a, va = _rentang_baris(b, baris, "nilai")
        _baris_hasil(b, nama, r, "hasil", "Jumlah", f"=JUMLAH_NILAI({a})", fungsi.JUMLAH_NILAI(va))
    t.rincian_hasil[iku.kode] = (r, C)
    return r + 1


def _hasil_tata_kelola(b: Buku, baris: dict[str, tuple[int, int]], r: int, t: Letak) -> int:
    nama = tl.RINCIAN
    v = lambda k: b.ambil(nama, baris[k][0], C)  # noqa: E731
    s1 = fungsi.TATA_KELOLA_SAKIP(v("nilai_sakip"), v("target_sakip"))
    _baris_hasil(b, nama, r, "sub_sakip", "Sub-indikator 1: SAKIP / target x 30",
                 f"=TATA_KELOLA_SAKIP({_sel(baris, 'nilai_sakip')},{_sel(baris, 'target_sakip')})", s1)
    s2 = fungsi.TATA_KELOLA_RB(v("renaksi_dilaksanakan"), v("renaksi_dirumuskan"))
    _baris_hasil(b, nama, r + 1, "sub_rb", "Sub-indikator 2: renaksi RB x 50",
                 f"=TATA_KELOLA_RB({_sel(baris, 'renaksi_dilaksanakan')},{_sel(baris, 'renaksi_dirumuskan')})", s2)
    (a, va), (c, vc), (d, vd) = (_rentang_baris(b, baris, k) for k in ("kpa_realisasi", "kpa_target", "kpa_bobot"))
    desimal = b.ambil(tl.PK, *t.pengaturan[tl.N_DESIMAL_KPA])
    kpa = fungsi.KUALITAS_ANGGARAN(va, vc, vd, desimal)
    _baris_hasil(b, nama, r + 2, "kpa", "Kualitas Pelaksanaan Anggaran (0-100)", f"=KUALITAS_ANGGARAN({a},{c},{d},{tl.N_DESIMAL_KPA})", kpa)
    s3 = fungsi.TATA_KELOLA_KPA(kpa)
    _baris_hasil(b, nama, r + 3, "sub_kpa", "Sub-indikator 3: KPA x 20%", f"=TATA_KELOLA_KPA({xl_rowcol_to_cell(r + 2, C)})", s3)
    sel = [xl_rowcol_to_cell(r + i, C) for i in (0, 1, 3)]
    _baris_hasil(b, nama, r + 4, "skor", "Skor indeks tata kelola (0-100)", f"=SKOR_TATA_KELOLA({','.join(sel)})",
                 fungsi.SKOR_TATA_KELOLA(s1, s2, s3))
    cara = b.ambil(tl.PK, *t.pengaturan[tl.N_SKALA])
    _baris_hasil(b, nama, r + 5, "hasil", "Realisasi: indeks skala 1-4", f"=INDEKS_TATA_KELOLA({','.join(sel)},{tl.N_SKALA})",
                 fungsi.INDEKS_TATA_KELOLA(s1, s2, s3, cara))
    return r + 5


def _blok_sakip(b: Buku, ds: Dataset, r: int, t: Letak) -> int:
    """Tabel 4.4: the latest SAKIP evaluation, whose total feeds IKU 4.1's first sub-indicator."""
    if not ds.sakip:
        return r
    nama = tl.RINCIAN
    e = max(ds.sakip, key=lambda x: x.tahun)
    _judul_blok(b, nama, r, f"SAKIP {e.tahun}", f"Nilai evaluasi SAKIP {e.tahun} (Tabel 4.4)",
                "jumlah komponen; bobot harus berjumlah 100")
    r += 1
    sub = sorted({s for v in e.nilai.values() for s in v}, key=lambda s: (tl.SAKIP_SUB.index(s) if s in tl.SAKIP_SUB else 99, s))
    for c, h in enumerate(("Komponen", "Bobot", *(s.capitalize() for s in sub), "Jumlah")):
        b.lembar[nama].write(r, tl.RINCIAN_LABEL + c, h, b.gaya["kepala"])
    r += 1
    r0 = r
    for komp, nilai in e.nilai.items():
        b.tulis(nama, r, tl.RINCIAN_KUNCI, f"{tl.SAKIP_KUNCI}{komp}", "kunci_kecil")
        b.tulis(nama, r, tl.RINCIAN_LABEL, komp.replace("_", " ").capitalize(), "teks")
        b.tulis(nama, r, C, float(e.bobot[komp]), "masukan")
        for j, s in enumerate(sub):
            b.tulis(nama, r, C + 1 + j, angka_atau_teks(nilai.get(s)), "masukan")
        vals = [b.ambil(nama, r, C + 1 + j) for j in range(len(sub))]
        b.rumus(nama, r, C + 1 + len(sub), f"=JUMLAH_NILAI({rentang(None, r, C + 1, r, C + len(sub))})", fungsi.JUMLAH_NILAI([vals]), "angka")
        r += 1
    tabel = [[b.ambil(nama, rr, C + 1 + j) for j in range(len(sub))] for rr in range(r0, r)]
    total = fungsi.NILAI_SAKIP(tabel, b.kolom(nama, r0, r - 1, C))
    _baris_hasil(b, nama, r, "sakip", f"Nilai SAKIP {e.tahun}",
                 f"=NILAI_SAKIP({rentang(None, r0, C + 1, r - 1, C + len(sub))},{rentang(None, r0, C, r - 1, C)})", total)
    t.rincian_hasil["sakip"] = (r, C)
    return r + 3

