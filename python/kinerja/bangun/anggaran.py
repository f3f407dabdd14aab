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

from ..buku import fungsi
from ..buku.tata_letak import (ANGGARAN_TW, BULAN, BULAN_JUMLAH, BULAN_KOLOM0, EF_CK, EF_KELUARAN, EF_NO, EF_PAGU, EF_PAKCK,
                               EF_REALISASI, EF_SISA, EFISIENSI, EFISIENSI_KOLOM, KEG_BARIS0, KELUARAN, KELUARAN_KOLOM, KL_CKK,
                               KL_KEGIATAN, KL_NO, KL_RIKK, KL_RVK, KL_TIKK, KL_TVK, PAGU, PAGU_KEGIATAN_KOLOM, PAGU_TERKINI,
                               PK_KEG_KODE, PK_KEG_NAMA, PK_KEG_PAGU, REALISASI, REALISASI_KOLOM, REV_ALASAN, REV_NO,
                               REV_PERUBAHAN, REV_SEBELUM, REV_SESUDAH, REV_TAHAP, REV_TW, REVISI_BARIS0, REVISI_KOLOM, RL_KODE,
                               RL_NAMA, RL_PAGU, RL_PENYERAPAN, RL_REALISASI, TOTAL, TOTAL_REALISASI, TRIWULAN,
                               TW_ANGGARAN_BARIS0, TW_ANGGARAN_TARGET_BARIS, tw_anggaran_kolom)
from ..data.dataset import Dataset
from ..data.notasi import angka_atau_nan
from .dasar import Buku, Letak, angka_atau_teks, angka_excel, cetak, jumlah, ref, rentang, tinggi

__all__ = ["tulis_lembar_anggaran"]


def _judul(b: Buku, nama: str, judul: str, sub: str) -> Any:
    ws = b.tambah(nama)
    ws.write(0, 0, judul, b.gaya["judul"])
    ws.write(1, 0, sub, b.gaya["subjudul"])
    return ws


def _kepala(b: Buku, nama: str, r: int, judul: tuple[str, ...], c0: int = 0) -> None:
    for c, h in enumerate(judul):
        b.lembar[nama].write(r, c0 + c, h, b.gaya["kepala"])


def _selesai(ws: Any, ds: Dataset, nama: str, lebar: tuple[int, ...], r_akhir: int, c_akhir: int, r_kepala: int) -> None:
    """Column widths, protection (inputs stay unlocked) and print setup of a finance sheet."""
    for c, w in enumerate(lebar):
        ws.set_column(c, c, w)
    ws.protect("", {"format_columns": True, "format_rows": True})
    cetak(ws, ds, nama, r_akhir, c_akhir, r_kepala)


def tulis_lembar_anggaran(b: Buku, ds: Dataset, t: Letak) -> None:
    """Write the five finance sheets (no-op without budget data)."""
    if ds.anggaran is None:
        return
    _pagu(b, ds, t)
    _realisasi(b, ds, t)
    _keluaran(b, ds, t)
    _efisiensi(b, ds, t)
    _anggaran_tw(b, ds, t)


def _pagu(b: Buku, ds: Dataset, t: Letak) -> None:
    nama, a = PAGU, ds.anggaran
    ws = _judul(b, nama, f"Pagu anggaran {a.tahun}", "Riwayat revisi pagu (setiap revisi berangkat dari pagu sebelumnya) dan pagu per kegiatan.")
    _kepala(b, nama, REVISI_BARIS0 - 1, REVISI_KOLOM)
    r = REVISI_BARIS0
    for i, rev in enumerate(a.pagu_revisi):
        b.tulis(nama, r, REV_NO, i + 1, "umum")
        b.tulis(nama, r, REV_TAHAP, rev.tahap, "masukan_teks")
        b.tulis(nama, r, REV_TW, rev.triwulan, "masukan_teks")
        b.tulis(nama, r, REV_SEBELUM, angka_atau_teks(rev.sebelum), "masukan_rp")
        b.tulis(nama, r, REV_SESUDAH, angka_atau_teks(rev.nilai), "masukan_rp")
        seb, ses = b.ambil(nama, r, REV_SEBELUM), b.ambil(nama, r, REV_SESUDAH)
        a1, a2 = xl_rowcol_to_cell(r, REV_SEBELUM), xl_rowcol_to_cell(r, REV_SESUDAH)
        b.rumus(nama, r, REV_PERUBAHAN, f'=IF({a1}="","",{a2}-{a1})', ses - seb if angka_excel(seb) and angka_excel(ses) else "", "rupiah")
        b.tulis(nama, r, REV_ALASAN, rev.alasan, "masukan_teks")
        r += 1
    terakhir = r - 1
    ws.merge_range(r, REV_NO, r, REV_SEBELUM, PAGU_TERKINI, b.gaya["teks_kunci"])
    b.rumus(nama, r, REV_SESUDAH, f"={xl_rowcol_to_cell(terakhir, REV_SESUDAH)}", b.ambil(nama, terakhir, REV_SESUDAH), "rupiah")
    b.wb.define_name("Pagu_Terkini", f"={ref(nama, r, REV_SESUDAH)}")
    t.nama_nilai["Pagu_Terkini"] = b.ambil(nama, r, REV_SESUDAH)

    r0 = r + 3
    ws.write(r0 - 2, 0, "Pagu per kegiatan (Tabel 3.5)", b.gaya["bagian"])
    _kepala(b, nama, r0 - 1, PAGU_KEGIATAN_KOLOM)
    t.pagu_kegiatan_baris0 = r0
    for i, k in enumerate(a.kegiatan):
        b.tulis(nama, r0 + i, PK_KEG_KODE, k.kode, "masukan_teks")
        b.tulis(nama, r0 + i, PK_KEG_NAMA, k.nama, "masukan_teks")
        b.tulis(nama, r0 + i, PK_KEG_PAGU, angka_atau_teks(k.pagu), "masukan_rp")
    akhir = r0 + len(a.kegiatan) - 1
    r = akhir + 1
    b.tulis(nama, r, PK_KEG_NAMA, "Jumlah pagu kegiatan", "teks_kunci")
    total = jumlah([b.ambil(nama, x, PK_KEG_PAGU) for x in range(r0, akhir + 1)])
    b.rumus(nama, r, PK_KEG_PAGU, f"=SUM({rentang(None, r0, PK_KEG_PAGU, akhir, PK_KEG_PAGU)})", total, "rupiah")
    b.tulis(nama, r + 1, PK_KEG_NAMA, "Selisih terhadap pagu terkini", "teks_kunci")
    terkini = t.nama_nilai["Pagu_Terkini"]
    b.rumus(nama, r + 1, PK_KEG_PAGU, f"={xl_rowcol_to_cell(r, PK_KEG_PAGU)}-Pagu_Terkini", total - terkini if angka_excel(terkini) else "#VALUE!",
            "rupiah")
    _selesai(ws, ds, nama, (10, 40, 10, 20, 20, 20, 50), r + 2, REV_ALASAN, REVISI_BARIS0 - 1)


def _realisasi(b: Buku, ds: Dataset, t: Letak) -> None:
    nama, a = REALISASI, ds.anggaran
    ws = _judul(b, nama, f"Realisasi anggaran {a.tahun} per kegiatan", "Realisasi tahunan (Tabel 3.5); isi realisasi dan RPD bulanan "
                "bila tersedia: tanpa data bulanan, angka triwulan dan deviasi RPD bernilai n/a.")
    _kepala(b, nama, KEG_BARIS0 - 1, REALISASI_KOLOM)
    n = len(a.kegiatan)
    for i, k in enumerate(a.kegiatan):
        r, rp = KEG_BARIS0 + i, t.pagu_kegiatan_baris0 + i
        for c, cp, gaya in ((RL_KODE, PK_KEG_KODE, "teks"), (RL_NAMA, PK_KEG_NAMA, "teks"), (RL_PAGU, PK_KEG_PAGU, "rupiah")):
            b.rumus(nama, r, c, f"={ref(PAGU, rp, cp)}", b.ambil(PAGU, rp, cp), gaya)
        b.tulis(nama, r, RL_REALISASI, angka_atau_teks(k.realisasi), "masukan_rp")
        _penyerapan(b, nama, r)
        tinggi(ws, r, k.nama, 40)
    akhir = KEG_BARIS0 + n - 1
    r = akhir + 1
    b.tulis(nama, r, RL_KODE, TOTAL_REALISASI, "teks_kunci")
    b.tulis(nama, r, RL_NAMA, TOTAL, "teks_kunci")
    _total(b, nama, r, akhir, (RL_PAGU, RL_REALISASI), "rupiah")
    _penyerapan(b, nama, r)
    for nm, c in (("Pagu_Total", RL_PAGU), ("Realisasi_Total", RL_REALISASI), ("Penyerapan_Anggaran", RL_PENYERAPAN)):
        b.wb.define_name(nm, f"={ref(nama, r, c)}")
        t.nama_nilai[nm] = b.ambil(nama, r, c)
    t.realisasi_total_baris = r
    t.bulan_baris0 = _bulanan(b, nama, r + 4, "Realisasi bulanan", [k.realisasi_bulanan for k in a.kegiatan], "realisasi")
    t.rpd_baris0 = _bulanan(b, nama, t.bulan_baris0 + n + 5, "Rencana Penarikan Dana (RPD) bulanan, halaman III DIPA",
                            [k.rpd_bulanan for k in a.kegiatan], "rpd")
    for c, w in enumerate((10, 40, 18, 18, 14) + (14,) * 11):
        ws.set_column(c, c, w)
    ws.freeze_panes(KEG_BARIS0, RL_PAGU)
    ws.protect("", {"format_columns": True, "format_rows": True})
    cetak(ws, ds, nama, t.rpd_baris0 + n + 2, BULAN_JUMLAH, KEG_BARIS0 - 1)


def _penyerapan(b: Buku, nama: str, r: int) -> None:
    """Penyerapan of a Realisasi row: ``=PENYERAPAN(realisasi, pagu)``."""
    real, pagu = xl_rowcol_to_cell(r, RL_REALISASI), xl_rowcol_to_cell(r, RL_PAGU)
    b.rumus(nama, r, RL_PENYERAPAN, f"=PENYERAPAN({real},{pagu})",
            fungsi.PENYERAPAN(b.ambil(nama, r, RL_REALISASI), b.ambil(nama, r, RL_PAGU)), "angka")


def _total(b: Buku, nama: str, r: int, akhir: int, kolom: tuple[int, ...], gaya: str) -> None:
    """``=SUM`` of the kegiatan rows of each column in ``kolom``, on row ``r``."""
    for c in kolom:
        b.rumus(nama, r, c, f"=SUM({rentang(None, KEG_BARIS0, c, akhir, c)})",
                jumlah([b.ambil(nama, x, c) for x in range(KEG_BARIS0, akhir + 1)]), gaya)


def _bulanan(b: Buku, nama: str, r0: int, judul: str, isi: list[tuple[Any, ...]], jenis: str) -> int:
    """A kegiatan x month table (inputs) with row sums and a row of complete-month totals."""
    ws = b.lembar[nama]
    ws.write(r0 - 2, 0, judul, b.gaya["bagian"])
    _kepala(b, nama, r0 - 1, ("Kode", "Kegiatan", *BULAN, "Jumlah"))
    for i, bulan in enumerate(isi):
        r = r0 + i
        for c in (RL_KODE, RL_NAMA):
            b.rumus(nama, r, c, f"={xl_rowcol_to_cell(KEG_BARIS0 + i, c)}", b.ambil(nama, KEG_BARIS0 + i, c), "teks")
        tinggi(ws, r, str(b.ambil(nama, r, RL_NAMA) or ""), 40)
        for j, x in enumerate((list(bulan) + [None] * 12)[:12]):
            b.tulis(nama, r, BULAN_KOLOM0 + j, angka_atau_teks(x), "masukan_rp")
        vals = [b.ambil(nama, r, BULAN_KOLOM0 + j) for j in range(12)]
        rng = rentang(None, r, BULAN_KOLOM0, r, BULAN_JUMLAH - 1)
        b.rumus(nama, r, BULAN_JUMLAH, f'=IF(COUNT({rng})=0,"n/a",SUM({rng}))', jumlah(vals) if any(angka_excel(v) for v in vals) else "n/a",
                "rupiah")
    akhir = r0 + len(isi) - 1
    r = akhir + 1
    b.tulis(nama, r, RL_NAMA, f"Total {jenis} (bulan lengkap)", "teks_kunci")
    for j in range(12):
        c = BULAN_KOLOM0 + j
        kol = [b.ambil(nama, x, c) for x in range(r0, akhir + 1)]
        rng = rentang(None, r0, c, akhir, c)
        b.rumus(nama, r, c, f'=IF(COUNT({rng})={len(isi)},SUM({rng}),"")', jumlah(kol) if all(angka_excel(v) for v in kol) else "", "rupiah")
    return r0


def _keluaran(b: Buku, ds: Dataset, t: Letak) -> None:
    nama, a = KELUARAN, ds.anggaran
    ws = _judul(b, nama, f"Capaian Keluaran Kegiatan {a.tahun}", "PMK 214/PMK.02/2017: CKK = rata-rata geometrik indikator per "
                "keluaran, lalu rata-rata geometrik seluruh keluaran.")
    _kepala(b, nama, KEG_BARIS0 - 1, KELUARAN_KOLOM)
    urut = (KL_RVK, KL_TVK, KL_RIKK, KL_TIKK)          # the order of CAPAIAN_KELUARAN's arguments
    for i, k in enumerate(a.keluaran):
        r = KEG_BARIS0 + i
        b.tulis(nama, r, KL_NO, i + 1, "umum")
        b.tulis(nama, r, KL_KEGIATAN, k.kegiatan, "masukan_teks")
        for c, x in ((KL_TVK, k.tvk), (KL_RVK, k.rvk), (KL_TIKK, (list(k.tikk) or [None])[0]), (KL_RIKK, (list(k.rikk) or [None])[0])):
            b.tulis(nama, r, c, angka_atau_teks(x), "masukan")
        b.rumus(nama, r, KL_CKK, f"=CAPAIAN_KELUARAN({','.join(xl_rowcol_to_cell(r, j) for j in urut)})",
                fungsi.CAPAIAN_KELUARAN(*(b.ambil(nama, r, j) for j in urut)), "angka")
        tinggi(ws, r, k.kegiatan, 40)
    akhir = KEG_BARIS0 + len(a.keluaran) - 1
    r = akhir + 1
    b.tulis(nama, r, KL_KEGIATAN, TOTAL, "teks_kunci")
    _total(b, nama, r, akhir, (KL_TVK, KL_RVK, KL_TIKK, KL_RIKK), "umum")
    kol = lambda j: [[b.ambil(nama, x, j)] for x in range(KEG_BARIS0, akhir + 1)]  # noqa: E731
    rng = lambda j: rentang(None, KEG_BARIS0, j, akhir, j)  # noqa: E731
    b.rumus(nama, r, KL_CKK, f"=CAPAIAN_KELUARAN({','.join(rng(j) for j in urut)})", fungsi.CAPAIAN_KELUARAN(*(kol(j) for j in urut)),
            "angka")
    for nm, c in (("Output_Target", KL_TVK), ("Output_Realisasi", KL_RVK), ("CKK_Total", KL_CKK)):
        b.wb.define_name(nm, f"={ref(nama, r, c)}")
        t.nama_nilai[nm] = b.ambil(nama, r, c)
    _selesai(ws, ds, nama, (5, 50, 9, 9, 9, 9, 11), r, KL_CKK, KEG_BARIS0 - 1)


def _efisiensi(b: Buku, ds: Dataset, t: Letak) -> None:
    nama, a = EFISIENSI, ds.anggaran
    ws = _judul(b, nama, f"Efisiensi penggunaan anggaran {a.tahun}", "E = jumlah (PAK x CK - RAK) / jumlah (PAK x CK) x 100; "
                "Nilai Efisiensi = 50 + E / 20 x 50 (PMK 214/2017).")
    _kepala(b, nama, KEG_BARIS0 - 1, EFISIENSI_KOLOM)
    for i, o in enumerate(a.efisiensi):
        r = KEG_BARIS0 + i
        b.tulis(nama, r, EF_NO, i + 1, "umum")
        b.tulis(nama, r, EF_KELUARAN, o.keluaran, "masukan_teks")
        b.tulis(nama, r, EF_PAGU, angka_atau_teks(o.pagu), "masukan_rp")
        b.tulis(nama, r, EF_CK, angka_atau_nan(o.ck), "masukan")
        b.tulis(nama, r, EF_REALISASI, angka_atau_teks(o.realisasi), "masukan_rp")
        p, ck, rak = (b.ambil(nama, r, c) for c in (EF_PAGU, EF_CK, EF_REALISASI))
        pc = p * ck / 100 if angka_excel(p) and angka_excel(ck) else "#VALUE!"
        sel = lambda c: xl_rowcol_to_cell(r, c)  # noqa: E731
        b.rumus(nama, r, EF_PAKCK, f"={sel(EF_PAGU)}*{sel(EF_CK)}/100", pc, "rupiah")
        b.rumus(nama, r, EF_SISA, f"={sel(EF_PAKCK)}-{sel(EF_REALISASI)}", pc - rak if angka_excel(pc) and angka_excel(rak) else "#VALUE!", "rupiah")
        tinggi(ws, r, o.keluaran, 44)
    akhir = KEG_BARIS0 + len(a.efisiensi) - 1
    r = akhir + 1
    b.tulis(nama, r, EF_KELUARAN, TOTAL, "teks_kunci")
    _total(b, nama, r, akhir, (EF_PAGU, EF_REALISASI, EF_PAKCK, EF_SISA), "rupiah")
    kol = lambda j: [[b.ambil(nama, x, j)] for x in range(KEG_BARIS0, akhir + 1)]  # noqa: E731
    rng = lambda j: rentang(None, KEG_BARIS0, j, akhir, j)  # noqa: E731
    urut = (EF_PAGU, EF_CK, EF_REALISASI)
    e = fungsi.EFISIENSI(*(kol(j) for j in urut))
    b.tulis(nama, r + 2, EF_KELUARAN, "Efisiensi E (%)", "teks_kunci")
    b.rumus(nama, r + 2, EF_PAGU, f"=EFISIENSI({','.join(rng(j) for j in urut)})", e, "angka")
    b.tulis(nama, r + 3, EF_KELUARAN, "Nilai Efisiensi", "teks_kunci")
    b.rumus(nama, r + 3, EF_PAGU, f"=NILAI_EFISIENSI({xl_rowcol_to_cell(r + 2, EF_PAGU)})", fungsi.NILAI_EFISIENSI(e), "angka")
    for nm, rr in (("Efisiensi_Persen", r + 2), ("Efisiensi_Nilai", r + 3)):      # never a function's name
        b.wb.define_name(nm, f"={ref(nama, rr, EF_PAGU)}")
    _selesai(ws, ds, nama, (5, 50, 20, 9, 20, 20, 20), r + 3, EF_SISA, KEG_BARIS0 - 1)


def _anggaran_tw(b: Buku, ds: Dataset, t: Letak) -> None:
    nama, a = ANGGARAN_TW, ds.anggaran
    ws = _judul(b, nama, f"Penyerapan anggaran per triwulan {a.tahun}", "Realisasi kumulatif dan penyerapan terhadap target lintasan, "
                "dan deviasi realisasi terhadap RPD (PER-5/PB/2024). Tanpa data bulanan: n/a (TW IV memakai realisasi tahunan).")
    n = len(a.kegiatan)
    target = (list(a.target_penyerapan_tw) + [None] * 4)[:4]
    rt = TW_ANGGARAN_TARGET_BARIS
    ws.write(rt, 1, "Target penyerapan kumulatif (%) - contoh; sesuaikan dengan target IKPA yang berlaku", b.gaya["teks_kunci"])
    for k in range(4):
        c0 = tw_anggaran_kolom(k)
        ws.merge_range(rt + 1, c0, rt + 1, c0 + 3, f"TW {TRIWULAN[k]}", b.gaya["kepala"])
        b.tulis(nama, rt, c0 + 1, angka_atau_nan(target[k]), "masukan")
    _kepala(b, nama, TW_ANGGARAN_BARIS0 - 1, REALISASI_KOLOM[:RL_REALISASI])
    for k in range(4):
        _kepala(b, nama, TW_ANGGARAN_BARIS0 - 1, ("Realisasi s.d.", "Penyerapan (%)", "Capaian target (%)", "Deviasi RPD (%)"),
                tw_anggaran_kolom(k))
    real = REALISASI
    for i in range(n + 1):
        r = TW_ANGGARAN_BARIS0 + i
        rr = KEG_BARIS0 + i if i < n else t.realisasi_total_baris
        rb = t.bulan_baris0 + i
        rp = t.rpd_baris0 + i
        for c in (RL_KODE, RL_NAMA, RL_PAGU):
            b.rumus(nama, r, c, f"={ref(real, rr, c)}", b.ambil(real, rr, c), "rupiah" if c == RL_PAGU else "teks")
        pagu = b.ambil(nama, r, RL_PAGU)
        for k in range(4):
            c0 = tw_anggaran_kolom(k)
            bulan = [b.ambil(real, rb, BULAN_KOLOM0 + j) for j in range(3 * (k + 1))]
            rng_b = rentang(real, rb, BULAN_KOLOM0, rb, BULAN_KOLOM0 - 1 + 3 * (k + 1))
            tahunan = ref(real, rr, RL_REALISASI)
            lengkap = all(angka_excel(x) for x in bulan)
            if k == 3:
                rumus = f"=IF(COUNT({rng_b})=12,SUM({rng_b}),{tahunan})"
                nilai = jumlah(bulan) if lengkap else b.ambil(real, rr, RL_REALISASI)
            else:
                rumus = f'=IF(COUNT({rng_b})={3 * (k + 1)},SUM({rng_b}),"n/a")'
                nilai = jumlah(bulan) if lengkap else "n/a"
            b.rumus(nama, r, c0, rumus, nilai, "rupiah")
            pen = fungsi.PENYERAPAN(nilai, pagu)
            b.rumus(nama, r, c0 + 1, f"=PENYERAPAN({xl_rowcol_to_cell(r, c0)},{xl_rowcol_to_cell(r, RL_PAGU)})", pen, "angka")
            tgt = b.ambil(nama, rt, c0 + 1)
            sel_p, sel_t = xl_rowcol_to_cell(r, c0 + 1), xl_rowcol_to_cell(rt, c0 + 1, True, True)
            cap = min(100.0, pen / tgt * 100) if angka_excel(pen) and angka_excel(tgt) and tgt else "n/a"
            b.rumus(nama, r, c0 + 2, f'=IF(AND(ISNUMBER({sel_p}),ISNUMBER({sel_t})),MIN(100,{sel_p}/{sel_t}*100),"n/a")', cap, "angka")
            m0 = BULAN_KOLOM0 + 3 * k
            rng_r, rng_p = rentang(real, rb, m0, rb, m0 + 2), rentang(real, rp, m0, rp, m0 + 2)
            dev = fungsi.DEVIASI_RPD_RATA([[b.ambil(real, rb, m0 + j) for j in range(3)]], [[b.ambil(real, rp, m0 + j) for j in range(3)]])
            b.rumus(nama, r, c0 + 3, f"=DEVIASI_RPD_RATA({rng_r},{rng_p})", dev, "angka")
    ws.set_column(0, 0, 10)
    ws.set_column(1, 1, 34)
    ws.set_column(2, 2, 18)
    for k in range(4):
        c0 = tw_anggaran_kolom(k)
        ws.set_column(c0, c0, 18)
        ws.set_column(c0 + 1, c0 + 3, 12)
    ws.set_row(TW_ANGGARAN_BARIS0 - 1, 30)
    for i, keg in enumerate(a.kegiatan):
        tinggi(ws, TW_ANGGARAN_BARIS0 + i, keg.nama, 34)
    ws.freeze_panes(TW_ANGGARAN_BARIS0, RL_PAGU)
    ws.protect("", {"format_columns": True, "format_rows": True})
    cetak(ws, ds, nama, TW_ANGGARAN_BARIS0 + n, tw_anggaran_kolom(3) + 3, TW_ANGGARAN_BARIS0 - 1)
