"""The finance sheets of the workbook: Pagu, Realisasi, Keluaran, Efisiensi and Anggaran TW.

Filled with the 2024 figures of the report (l.2810-2897); monthly realisasi and RPD stay empty
inputs (the report gives yearly totals only) and everything that needs them shows n/a. The
totals feed IKU 4.1 through defined names (``Penyerapan_Anggaran``, ``Output_Realisasi``,
``Output_Target``). As everywhere in the workbook, every formula cell carries the value the
same functions compute.
"""
from __future__ import annotations

from typing import Any

from xlsxwriter.utility import xl_rowcol_to_cell

from . import udf
from .bangun import TRIWULAN, _angka_atau_teks, _Buku, _cetak, _jumlah, _ref, _rentang, _TataLetak, _tinggi
from .dataset import Dataset
from .notasi import angka_atau_nan

__all__ = ["LEMBAR_ANGGARAN", "tulis_lembar_anggaran", "BULAN", "REVISI_BARIS0", "KEG_BARIS0", "TW_ANGGARAN_BARIS0"]

LEMBAR_ANGGARAN = ("Pagu", "Realisasi", "Keluaran", "Efisiensi", "Anggaran TW")
BULAN = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
REVISI_BARIS0 = 4
"""First revision row (0-based) on Pagu; columns: No, Tahap, TW, Pagu sebelum, Pagu sesudah, Perubahan, Alasan."""
KEG_BARIS0 = 4
"""First kegiatan row (0-based) on Realisasi, Keluaran and Efisiensi."""
TW_ANGGARAN_BARIS0 = 6
"""First kegiatan row (0-based) on Anggaran TW."""


def _num(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _judul(b: _Buku, nama: str, judul: str, sub: str) -> Any:
    ws = b.tambah(nama)
    ws.write(0, 0, judul, b.gaya["judul"])
    ws.write(1, 0, sub, b.gaya["subjudul"])
    return ws


def _kepala(b: _Buku, nama: str, r: int, judul: tuple[str, ...], c0: int = 0) -> None:
    for c, h in enumerate(judul):
        b.lembar[nama].write(r, c0 + c, h, b.gaya["kepala"])


def _selesai(ws: Any, ds: Dataset, nama: str, lebar: tuple[int, ...], r_akhir: int, c_akhir: int, r_kepala: int) -> None:
    """Column widths, protection (inputs stay unlocked) and print setup of a finance sheet."""
    for c, w in enumerate(lebar):
        ws.set_column(c, c, w)
    ws.protect("", {"format_columns": True, "format_rows": True})
    _cetak(ws, ds, nama, r_akhir, c_akhir, r_kepala)


def tulis_lembar_anggaran(b: _Buku, ds: Dataset, t: _TataLetak) -> None:
    """Write the five finance sheets (no-op without budget data)."""
    if ds.anggaran is None:
        return
    _pagu(b, ds, t)
    _realisasi(b, ds, t)
    _keluaran(b, ds, t)
    _efisiensi(b, ds, t)
    _anggaran_tw(b, ds, t)


def _pagu(b: _Buku, ds: Dataset, t: _TataLetak) -> None:
    nama, a = "Pagu", ds.anggaran
    ws = _judul(b, nama, f"Pagu anggaran {a.tahun}", "Riwayat revisi pagu (setiap revisi berangkat dari pagu sebelumnya) dan pagu per kegiatan.")
    _kepala(b, nama, REVISI_BARIS0 - 1, ("No", "Tahap", "Triwulan", "Pagu sebelum", "Pagu sesudah", "Perubahan", "Alasan"))
    r = REVISI_BARIS0
    for i, rev in enumerate(a.pagu_revisi):
        b.tulis(nama, r, 0, i + 1, "umum")
        b.tulis(nama, r, 1, rev.tahap, "masukan_teks")
        b.tulis(nama, r, 2, rev.triwulan, "masukan_teks")
        b.tulis(nama, r, 3, _angka_atau_teks(rev.sebelum), "masukan_rp")
        b.tulis(nama, r, 4, _angka_atau_teks(rev.nilai), "masukan_rp")
        seb, ses = b.ambil(nama, r, 3), b.ambil(nama, r, 4)
        b.rumus(nama, r, 5, f'=IF({xl_rowcol_to_cell(r, 3)}="","",{xl_rowcol_to_cell(r, 4)}-{xl_rowcol_to_cell(r, 3)})',
                ses - seb if _num(seb) and _num(ses) else "", "rupiah")
        b.tulis(nama, r, 6, rev.alasan, "masukan_teks")
        r += 1
    terakhir = r - 1
    ws.merge_range(r, 0, r, 3, "Pagu terkini (revisi terakhir)", b.gaya["teks_kunci"])
    b.rumus(nama, r, 4, f"={xl_rowcol_to_cell(terakhir, 4)}", b.ambil(nama, terakhir, 4), "rupiah")
    b.wb.define_name("Pagu_Terkini", f"={_ref(nama, r, 4)}")
    t.nama_nilai["Pagu_Terkini"] = b.ambil(nama, r, 4)

    r0 = r + 3
    ws.write(r0 - 2, 0, "Pagu per kegiatan (Tabel 3.5)", b.gaya["bagian"])
    _kepala(b, nama, r0 - 1, ("Kode", "Kegiatan", "Pagu"))
    t.pagu_kegiatan_baris0 = r0
    for i, k in enumerate(a.kegiatan):
        b.tulis(nama, r0 + i, 0, k.kode, "masukan_teks")
        b.tulis(nama, r0 + i, 1, k.nama, "masukan_teks")
        b.tulis(nama, r0 + i, 2, _angka_atau_teks(k.pagu), "masukan_rp")
    akhir = r0 + len(a.kegiatan) - 1
    r = akhir + 1
    b.tulis(nama, r, 1, "Jumlah pagu kegiatan", "teks_kunci")
    jumlah = _jumlah([b.ambil(nama, x, 2) for x in range(r0, akhir + 1)])
    b.rumus(nama, r, 2, f"=SUM({_rentang(None, r0, 2, akhir, 2)})", jumlah, "rupiah")
    b.tulis(nama, r + 1, 1, "Selisih terhadap pagu terkini", "teks_kunci")
    terkini = t.nama_nilai["Pagu_Terkini"]
    b.rumus(nama, r + 1, 2, f"={xl_rowcol_to_cell(r, 2)}-Pagu_Terkini", jumlah - terkini if _num(terkini) else "#VALUE!", "rupiah")
    _selesai(ws, ds, nama, (10, 40, 10, 20, 20, 20, 50), r + 2, 6, REVISI_BARIS0 - 1)


def _realisasi(b: _Buku, ds: Dataset, t: _TataLetak) -> None:
    nama, a = "Realisasi", ds.anggaran
    ws = _judul(b, nama, f"Realisasi anggaran {a.tahun} per kegiatan", "Realisasi tahunan (Tabel 3.5); isi realisasi dan RPD bulanan "
                "bila tersedia: tanpa data bulanan, angka triwulan dan deviasi RPD bernilai n/a.")
    _kepala(b, nama, KEG_BARIS0 - 1, ("Kode", "Kegiatan", "Pagu", "Realisasi", "Penyerapan (%)"))
    n = len(a.kegiatan)
    for i, k in enumerate(a.kegiatan):
        r, rp = KEG_BARIS0 + i, t.pagu_kegiatan_baris0 + i
        b.rumus(nama, r, 0, f"={_ref('Pagu', rp, 0)}", b.ambil("Pagu", rp, 0), "teks")
        b.rumus(nama, r, 1, f"={_ref('Pagu', rp, 1)}", b.ambil("Pagu", rp, 1), "teks")
        b.rumus(nama, r, 2, f"={_ref('Pagu', rp, 2)}", b.ambil("Pagu", rp, 2), "rupiah")
        b.tulis(nama, r, 3, _angka_atau_teks(k.realisasi), "masukan_rp")
        b.rumus(nama, r, 4, f"=PENYERAPAN({xl_rowcol_to_cell(r, 3)},{xl_rowcol_to_cell(r, 2)})",
                udf.PENYERAPAN(b.ambil(nama, r, 3), b.ambil(nama, r, 2)), "angka")
        _tinggi(ws, r, k.nama, 40)
    akhir = KEG_BARIS0 + n - 1
    r = akhir + 1
    b.tulis(nama, r, 0, "TOTAL", "teks_kunci")
    b.tulis(nama, r, 1, "Total", "teks_kunci")
    for c in (2, 3):
        b.rumus(nama, r, c, f"=SUM({_rentang(None, KEG_BARIS0, c, akhir, c)})",
                _jumlah([b.ambil(nama, x, c) for x in range(KEG_BARIS0, akhir + 1)]), "rupiah")
    pen = udf.PENYERAPAN(b.ambil(nama, r, 3), b.ambil(nama, r, 2))
    b.rumus(nama, r, 4, f"=PENYERAPAN({xl_rowcol_to_cell(r, 3)},{xl_rowcol_to_cell(r, 2)})", pen, "angka")
    for nm, c in (("Pagu_Total", 2), ("Realisasi_Total", 3), ("Penyerapan_Anggaran", 4)):
        b.wb.define_name(nm, f"={_ref(nama, r, c)}")
        t.nama_nilai[nm] = b.ambil(nama, r, c)
    t.realisasi_total_baris = r
    t.bulan_baris0 = _bulanan(b, nama, r + 4, "Realisasi bulanan", [k.realisasi_bulanan for k in a.kegiatan], "realisasi")
    t.rpd_baris0 = _bulanan(b, nama, t.bulan_baris0 + n + 5, "Rencana Penarikan Dana (RPD) bulanan, halaman III DIPA",
                            [k.rpd_bulanan for k in a.kegiatan], "rpd")
    for c, w in enumerate((10, 40, 18, 18, 14) + (14,) * 11):
        ws.set_column(c, c, w)
    ws.freeze_panes(KEG_BARIS0, 2)
    ws.protect("", {"format_columns": True, "format_rows": True})
    _cetak(ws, ds, nama, t.rpd_baris0 + n + 2, 14, KEG_BARIS0 - 1)


def _bulanan(b: _Buku, nama: str, r0: int, judul: str, isi: list[tuple[Any, ...]], jenis: str) -> int:
    """A kegiatan x month table (inputs) with row sums and a row of complete-month totals."""
    ws = b.lembar[nama]
    ws.write(r0 - 2, 0, judul, b.gaya["bagian"])
    _kepala(b, nama, r0 - 1, ("Kode", "Kegiatan", *BULAN, "Jumlah"))
    for i, bulan in enumerate(isi):
        r = r0 + i
        b.rumus(nama, r, 0, f"={xl_rowcol_to_cell(KEG_BARIS0 + i, 0)}", b.ambil(nama, KEG_BARIS0 + i, 0), "teks")
        b.rumus(nama, r, 1, f"={xl_rowcol_to_cell(KEG_BARIS0 + i, 1)}", b.ambil(nama, KEG_BARIS0 + i, 1), "teks")
        _tinggi(ws, r, str(b.ambil(nama, r, 1) or ""), 40)
        for j, x in enumerate((list(bulan) + [None] * 12)[:12]):
            b.tulis(nama, r, 2 + j, _angka_atau_teks(x), "masukan_rp")
        vals = [b.ambil(nama, r, 2 + j) for j in range(12)]
        rng = _rentang(None, r, 2, r, 13)
        b.rumus(nama, r, 14, f'=IF(COUNT({rng})=0,"n/a",SUM({rng}))', _jumlah(vals) if any(_num(v) for v in vals) else "n/a", "rupiah")
    akhir = r0 + len(isi) - 1
    r = akhir + 1
    b.tulis(nama, r, 1, f"Total {jenis} (bulan lengkap)", "teks_kunci")
    for j in range(12):
        kol = [b.ambil(nama, x, 2 + j) for x in range(r0, akhir + 1)]
        rng = _rentang(None, r0, 2 + j, akhir, 2 + j)
        b.rumus(nama, r, 2 + j, f'=IF(COUNT({rng})={len(isi)},SUM({rng}),"")', _jumlah(kol) if all(_num(v) for v in kol) else "", "rupiah")
    return r0


def _keluaran(b: _Buku, ds: Dataset, t: _TataLetak) -> None:
    nama, a = "Keluaran", ds.anggaran
    ws = _judul(b, nama, f"Capaian Keluaran Kegiatan {a.tahun}", "PMK 214/PMK.02/2017: CKK = rata-rata geometrik indikator per "
                "keluaran, lalu rata-rata geometrik seluruh keluaran.")
    _kepala(b, nama, KEG_BARIS0 - 1, ("No", "Kegiatan", "TVK", "RVK", "TIKK", "RIKK", "CKK (%)"))
    for i, k in enumerate(a.keluaran):
        r = KEG_BARIS0 + i
        b.tulis(nama, r, 0, i + 1, "umum")
        b.tulis(nama, r, 1, k.kegiatan, "masukan_teks")
        for c, x in ((2, k.tvk), (3, k.rvk), (4, (list(k.tikk) or [None])[0]), (5, (list(k.rikk) or [None])[0])):
            b.tulis(nama, r, c, _angka_atau_teks(x), "masukan")
        c = lambda j: xl_rowcol_to_cell(r, j)  # noqa: E731
        b.rumus(nama, r, 6, f"=CAPAIAN_KELUARAN({c(3)},{c(2)},{c(5)},{c(4)})",
                udf.CAPAIAN_KELUARAN(b.ambil(nama, r, 3), b.ambil(nama, r, 2), b.ambil(nama, r, 5), b.ambil(nama, r, 4)), "angka")
        _tinggi(ws, r, k.kegiatan, 40)
    akhir = KEG_BARIS0 + len(a.keluaran) - 1
    r = akhir + 1
    b.tulis(nama, r, 1, "Total", "teks_kunci")
    for c in (2, 3, 4, 5):
        b.rumus(nama, r, c, f"=SUM({_rentang(None, KEG_BARIS0, c, akhir, c)})",
                _jumlah([b.ambil(nama, x, c) for x in range(KEG_BARIS0, akhir + 1)]), "umum")
    kol = lambda j: [[b.ambil(nama, x, j)] for x in range(KEG_BARIS0, akhir + 1)]  # noqa: E731
    rng = lambda j: _rentang(None, KEG_BARIS0, j, akhir, j)  # noqa: E731
    b.rumus(nama, r, 6, f"=CAPAIAN_KELUARAN({rng(3)},{rng(2)},{rng(5)},{rng(4)})",
            udf.CAPAIAN_KELUARAN(kol(3), kol(2), kol(5), kol(4)), "angka")
    for nm, c in (("Output_Target", 2), ("Output_Realisasi", 3), ("CKK_Total", 6)):
        b.wb.define_name(nm, f"={_ref(nama, r, c)}")
        t.nama_nilai[nm] = b.ambil(nama, r, c)
    _selesai(ws, ds, nama, (5, 50, 9, 9, 9, 9, 11), r, 6, KEG_BARIS0 - 1)


def _efisiensi(b: _Buku, ds: Dataset, t: _TataLetak) -> None:
    nama, a = "Efisiensi", ds.anggaran
    ws = _judul(b, nama, f"Efisiensi penggunaan anggaran {a.tahun}", "E = jumlah (PAK x CK - RAK) / jumlah (PAK x CK) x 100; "
                "Nilai Efisiensi = 50 + E / 20 x 50 (PMK 214/2017).")
    _kepala(b, nama, KEG_BARIS0 - 1, ("No", "Keluaran", "Pagu (PAK)", "CK (%)", "Realisasi (RAK)", "PAK x CK", "PAK x CK - RAK"))
    for i, o in enumerate(a.efisiensi):
        r = KEG_BARIS0 + i
        b.tulis(nama, r, 0, i + 1, "umum")
        b.tulis(nama, r, 1, o.keluaran, "masukan_teks")
        b.tulis(nama, r, 2, _angka_atau_teks(o.pagu), "masukan_rp")
        b.tulis(nama, r, 3, angka_atau_nan(o.ck), "masukan")
        b.tulis(nama, r, 4, _angka_atau_teks(o.realisasi), "masukan_rp")
        p, ck, rak = (b.ambil(nama, r, c) for c in (2, 3, 4))
        pc = p * ck / 100 if _num(p) and _num(ck) else "#VALUE!"
        b.rumus(nama, r, 5, f"={xl_rowcol_to_cell(r, 2)}*{xl_rowcol_to_cell(r, 3)}/100", pc, "rupiah")
        b.rumus(nama, r, 6, f"={xl_rowcol_to_cell(r, 5)}-{xl_rowcol_to_cell(r, 4)}", pc - rak if _num(pc) and _num(rak) else "#VALUE!", "rupiah")
        _tinggi(ws, r, o.keluaran, 44)
    akhir = KEG_BARIS0 + len(a.efisiensi) - 1
    r = akhir + 1
    b.tulis(nama, r, 1, "Total", "teks_kunci")
    for c in (2, 4, 5, 6):
        b.rumus(nama, r, c, f"=SUM({_rentang(None, KEG_BARIS0, c, akhir, c)})",
                _jumlah([b.ambil(nama, x, c) for x in range(KEG_BARIS0, akhir + 1)]), "rupiah")
    kol = lambda j: [[b.ambil(nama, x, j)] for x in range(KEG_BARIS0, akhir + 1)]  # noqa: E731
    rng = lambda j: _rentang(None, KEG_BARIS0, j, akhir, j)  # noqa: E731
    e = udf.EFISIENSI(kol(2), kol(3), kol(4))
    b.tulis(nama, r + 2, 1, "Efisiensi E (%)", "teks_kunci")
    b.rumus(nama, r + 2, 2, f"=EFISIENSI({rng(2)},{rng(3)},{rng(4)})", e, "angka")
    b.tulis(nama, r + 3, 1, "Nilai Efisiensi", "teks_kunci")
    b.rumus(nama, r + 3, 2, f"=NILAI_EFISIENSI({xl_rowcol_to_cell(r + 2, 2)})", udf.NILAI_EFISIENSI(e), "angka")
    for nm, rr in (("Efisiensi_Persen", r + 2), ("Efisiensi_Nilai", r + 3)):      # never a function's name
        b.wb.define_name(nm, f"={_ref(nama, rr, 2)}")
    _selesai(ws, ds, nama, (5, 50, 20, 9, 20, 20, 20), r + 3, 6, KEG_BARIS0 - 1)


def _anggaran_tw(b: _Buku, ds: Dataset, t: _TataLetak) -> None:
    nama, a = "Anggaran TW", ds.anggaran
    ws = _judul(b, nama, f"Penyerapan anggaran per triwulan {a.tahun}", "Realisasi kumulatif dan penyerapan terhadap target lintasan, "
                "dan deviasi realisasi terhadap RPD (PER-5/PB/2024). Tanpa data bulanan: n/a (TW IV memakai realisasi tahunan).")
    n = len(a.kegiatan)
    target = (list(a.target_penyerapan_tw) + [None] * 4)[:4]
    ws.write(3, 1, "Target penyerapan kumulatif (%) - contoh; sesuaikan dengan target IKPA yang berlaku", b.gaya["teks_kunci"])
    for k in range(4):
        c0 = 3 + 4 * k
        ws.merge_range(4, c0, 4, c0 + 3, f"TW {TRIWULAN[k]}", b.gaya["kepala"])
        b.tulis(nama, 3, c0 + 1, angka_atau_nan(target[k]), "masukan")
    _kepala(b, nama, TW_ANGGARAN_BARIS0 - 1, ("Kode", "Kegiatan", "Pagu"))
    for k in range(4):
        _kepala(b, nama, TW_ANGGARAN_BARIS0 - 1, ("Realisasi s.d.", "Penyerapan (%)", "Capaian target (%)", "Deviasi RPD (%)"), 3 + 4 * k)
    real = "Realisasi"
    for i in range(n + 1):
        r = TW_ANGGARAN_BARIS0 + i
        rr = KEG_BARIS0 + i if i < n else t.realisasi_total_baris
        rb = t.bulan_baris0 + i
        rp = t.rpd_baris0 + i
        for c, src in ((0, 0), (1, 1), (2, 2)):
            b.rumus(nama, r, c, f"={_ref(real, rr, src)}", b.ambil(real, rr, src), "rupiah" if c == 2 else "teks")
        pagu = b.ambil(nama, r, 2)
        for k in range(4):
            c0 = 3 + 4 * k
            bulan = [b.ambil(real, rb, 2 + j) for j in range(3 * (k + 1))]
            rng_b = _rentang(real, rb, 2, rb, 1 + 3 * (k + 1))
            tahunan = _ref(real, rr, 3)
            lengkap = all(_num(x) for x in bulan)
            if k == 3:
                rumus = f"=IF(COUNT({rng_b})=12,SUM({rng_b}),{tahunan})"
                nilai = _jumlah(bulan) if lengkap else b.ambil(real, rr, 3)
            else:
                rumus = f'=IF(COUNT({rng_b})={3 * (k + 1)},SUM({rng_b}),"n/a")'
                nilai = _jumlah(bulan) if lengkap else "n/a"
            b.rumus(nama, r, c0, rumus, nilai, "rupiah")
            pen = udf.PENYERAPAN(nilai, pagu)
            b.rumus(nama, r, c0 + 1, f"=PENYERAPAN({xl_rowcol_to_cell(r, c0)},{xl_rowcol_to_cell(r, 2)})", pen, "angka")
            tgt = b.ambil(nama, 3, c0 + 1)
            sel_p, sel_t = xl_rowcol_to_cell(r, c0 + 1), xl_rowcol_to_cell(3, c0 + 1, True, True)
            cap = min(100.0, pen / tgt * 100) if _num(pen) and _num(tgt) and tgt else "n/a"
            b.rumus(nama, r, c0 + 2, f'=IF(AND(ISNUMBER({sel_p}),ISNUMBER({sel_t})),MIN(100,{sel_p}/{sel_t}*100),"n/a")', cap, "angka")
            rng_r = _rentang(real, rb, 2 + 3 * k, rb, 4 + 3 * k)
            rng_p = _rentang(real, rp, 2 + 3 * k, rp, 4 + 3 * k)
            dev = udf.DEVIASI_RPD_RATA([[b.ambil(real, rb, 2 + 3 * k + j) for j in range(3)]],
                                       [[b.ambil(real, rp, 2 + 3 * k + j) for j in range(3)]])
            b.rumus(nama, r, c0 + 3, f"=DEVIASI_RPD_RATA({rng_r},{rng_p})", dev, "angka")
    ws.set_column(0, 0, 10)
    ws.set_column(1, 1, 34)
    ws.set_column(2, 2, 18)
    for k in range(4):
        ws.set_column(3 + 4 * k, 3 + 4 * k, 18)
        ws.set_column(4 + 4 * k, 6 + 4 * k, 12)
    ws.set_row(TW_ANGGARAN_BARIS0 - 1, 30)
    for i, keg in enumerate(a.kegiatan):
        _tinggi(ws, TW_ANGGARAN_BARIS0 + i, keg.nama, 34)
    ws.freeze_panes(TW_ANGGARAN_BARIS0, 2)
    ws.protect("", {"format_columns": True, "format_rows": True})
    _cetak(ws, ds, nama, TW_ANGGARAN_BARIS0 + n, 18, TW_ANGGARAN_BARIS0 - 1)
