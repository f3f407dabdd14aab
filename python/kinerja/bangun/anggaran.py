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
from ..buku import tata_letak as tl
from ..data.dataset import Dataset
from ..data.notasi import angka_atau_nan
from .dasar import Buku, Letak, angka_atau_teks, angka_excel, cetak, jumlah, kali, ref, rentang, tambah, tinggi

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
    ws.protect("", tl.PROTEKSI[nama])
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
    nama, a = tl.PAGU, ds.anggaran
    ws = _judul(b, nama, f"Pagu anggaran {a.tahun}", "Riwayat revisi pagu (setiap revisi berangkat dari pagu sebelumnya) dan pagu per kegiatan.")
    _kepala(b, nama, tl.REVISI_BARIS0 - 1, tl.REVISI_KOLOM)
    r = tl.REVISI_BARIS0
    for i, rev in enumerate(a.pagu_revisi):
        b.tulis(nama, r, tl.REV_NO, i + 1, "umum")
        b.tulis(nama, r, tl.REV_TAHAP, rev.tahap, "masukan_teks")
        b.tulis(nama, r, tl.REV_TW, rev.triwulan, "masukan_teks")
        b.tulis(nama, r, tl.REV_SEBELUM, angka_atau_teks(rev.sebelum), "masukan_rp")
        b.tulis(nama, r, tl.REV_SESUDAH, angka_atau_teks(rev.nilai), "masukan_rp")
        seb, ses = b.ambil(nama, r, tl.REV_SEBELUM), b.ambil(nama, r, tl.REV_SESUDAH)
        a1, a2 = xl_rowcol_to_cell(r, tl.REV_SEBELUM), xl_rowcol_to_cell(r, tl.REV_SESUDAH)
        b.rumus(nama, r, tl.REV_PERUBAHAN, f'=IF({a1}="","",{a2}-{a1})', ses - seb if angka_excel(seb) and angka_excel(ses) else "", "rupiah")
        b.tulis(nama, r, tl.REV_ALASAN, rev.alasan, "masukan_teks")
        r += 1
    terakhir = r - 1
    ws.merge_range(r, tl.REV_NO, r, tl.REV_SEBELUM, tl.PAGU_TERKINI, b.gaya["teks_kunci"])
    b.rumus(nama, r, tl.REV_SESUDAH, f"={xl_rowcol_to_cell(terakhir, tl.REV_SESUDAH)}", b.ambil(nama, terakhir, tl.REV_SESUDAH), "rupiah")
    b.wb.define_name(tl.NAMA_PAGU_TERKINI, f"={ref(nama, r, tl.REV_SESUDAH)}")
    t.nama_nilai[tl.NAMA_PAGU_TERKINI] = b.ambil(nama, r, tl.REV_SESUDAH)

    r0 = r + 3
    ws.write(r0 - 2, 0, "Pagu per kegiatan (Tabel 3.5)", b.gaya["bagian"])
    _kepala(b, nama, r0 - 1, tl.PAGU_KEGIATAN_KOLOM)
    t.pagu_kegiatan_baris0 = r0
    for i, k in enumerate(a.kegiatan):
        b.tulis(nama, r0 + i, tl.PK_KEG_KODE, k.kode, "masukan_teks")
        b.tulis(nama, r0 + i, tl.PK_KEG_NAMA, k.nama, "masukan_teks")
        b.tulis(nama, r0 + i, tl.PK_KEG_PAGU, angka_atau_teks(k.pagu), "masukan_rp")
    akhir = r0 + len(a.kegiatan) - 1
    r = akhir + 1
    b.tulis(nama, r, tl.PK_KEG_NAMA, tl.PAGU_JUMLAH, "teks_kunci")
    total = jumlah([b.ambil(nama, x, tl.PK_KEG_PAGU) for x in range(r0, akhir + 1)])
    b.rumus(nama, r, tl.PK_KEG_PAGU, f"=SUM({rentang(None, r0, tl.PK_KEG_PAGU, akhir, tl.PK_KEG_PAGU)})", total, "rupiah")
    b.tulis(nama, r + 1, tl.PK_KEG_NAMA, "Selisih terhadap pagu terkini", "teks_kunci")
    terkini = t.nama_nilai[tl.NAMA_PAGU_TERKINI]
    b.rumus(nama, r + 1, tl.PK_KEG_PAGU, f"={xl_rowcol_to_cell(r, tl.PK_KEG_PAGU)}-{tl.NAMA_PAGU_TERKINI}",
            total - terkini if angka_excel(terkini) else "#VALUE!",
            "rupiah")
    _selesai(ws, ds, nama, (10, 40, 10, 20, 20, 20, 50), r + 2, tl.REV_ALASAN, tl.REVISI_BARIS0 - 1)


def _realisasi(b: Buku, ds: Dataset, t: Letak) -> None:
    nama, a = tl.REALISASI, ds.anggaran
    ws = _judul(b, nama, f"Realisasi anggaran {a.tahun} per kegiatan", "Realisasi tahunan (Tabel 3.5); isi realisasi dan RPD bulanan "
                "bila tersedia: tanpa data bulanan, angka triwulan dan deviasi RPD bernilai n/a.")
    _kepala(b, nama, tl.KEG_BARIS0 - 1, tl.REALISASI_KOLOM)
    n = len(a.kegiatan)
    for i, k in enumerate(a.kegiatan):
        r, rp = tl.KEG_BARIS0 + i, t.pagu_kegiatan_baris0 + i
        for c, cp, gaya in ((tl.RL_KODE, tl.PK_KEG_KODE, "teks"), (tl.RL_NAMA, tl.PK_KEG_NAMA, "teks"), (tl.RL_PAGU, tl.PK_KEG_PAGU, "rupiah")):
            b.rumus(nama, r, c, f"={ref(tl.PAGU, rp, cp)}", b.ambil(tl.PAGU, rp, cp), gaya)
        b.tulis(nama, r, tl.RL_REALISASI, angka_atau_teks(k.realisasi), "masukan_rp")
        _penyerapan(b, nama, r)
        tinggi(ws, r, k.nama, 40)
    akhir = tl.KEG_BARIS0 + n - 1
    r = akhir + 1
    b.tulis(nama, r, tl.RL_KODE, tl.TOTAL_REALISASI, "teks_kunci")
    b.tulis(nama, r, tl.RL_NAMA, tl.TOTAL, "teks_kunci")
    _total(b, nama, r, akhir, (tl.RL_PAGU, tl.RL_REALISASI), "rupiah")
    _penyerapan(b, nama, r)
    for nm, c in tl.NAMA_REALISASI:
        b.wb.define_name(nm, f"={ref(nama, r, c)}")
        t.nama_nilai[nm] = b.ambil(nama, r, c)
    t.realisasi_total_baris = r
    t.bulan_baris0 = _bulanan(b, nama, r + 4, "Realisasi bulanan", [k.realisasi_bulanan for k in a.kegiatan], "realisasi")
    t.rpd_baris0 = _bulanan(b, nama, t.bulan_baris0 + n + 5, "Rencana Penarikan Dana (RPD) bulanan, halaman III DIPA",
                            [k.rpd_bulanan for k in a.kegiatan], "rpd")
    for c, w in enumerate((10, 40, 18, 18, 14) + (14,) * 11):
        ws.set_column(c, c, w)
    ws.freeze_panes(tl.KEG_BARIS0, tl.RL_PAGU)
    ws.protect("", tl.PROTEKSI[nama])
    cetak(ws, ds, nama, t.rpd_baris0 + n + 2, tl.BULAN_JUMLAH, tl.KEG_BARIS0 - 1)


def _penyerapan(b: Buku, nama: str, r: int) -> None:
    """Penyerapan of a Realisasi row: ``=PENYERAPAN(realisasi, pagu)``."""
    real, pagu = xl_rowcol_to_cell(r, tl.RL_REALISASI), xl_rowcol_to_cell(r, tl.RL_PAGU)
    b.rumus(nama, r, tl.RL_PENYERAPAN, f"=PENYERAPAN({real},{pagu})",
            fungsi.PENYERAPAN(b.ambil(nama, r, tl.RL_REALISASI), b.ambil(nama, r, tl.RL_PAGU)), "angka")


def _total(b: Buku, nama: str, r: int, akhir: int, kolom: tuple[int, ...], gaya: str) -> None:
    """``=SUM`` of the kegiatan rows of each column in ``kolom``, on row ``r``."""
    for c in kolom:
        b.rumus(nama, r, c, f"=SUM({rentang(None, tl.KEG_BARIS0, c, akhir, c)})",
                jumlah([b.ambil(nama, x, c) for x in range(tl.KEG_BARIS0, akhir + 1)]), gaya)


def _bulanan(b: Buku, nama: str, r0: int, judul: str, isi: list[tuple[Any, ...]], jenis: str) -> int:
    """A kegiatan x month table (inputs) with row sums and a row of complete-month totals."""
    ws = b.lembar[nama]
    ws.write(r0 - 2, 0, judul, b.gaya["bagian"])
    _kepala(b, nama, r0 - 1, ("Kode", "Kegiatan", *tl.BULAN, "Jumlah"))
    for i, bulan in enumerate(isi):
        r = r0 + i
        for c in (tl.RL_KODE, tl.RL_NAMA):
            b.rumus(nama, r, c, f"={xl_rowcol_to_cell(tl.KEG_BARIS0 + i, c)}", b.ambil(nama, tl.KEG_BARIS0 + i, c), "teks")
        tinggi(ws, r, str(b.ambil(nama, r, tl.RL_NAMA) or ""), 40)
        for j, x in enumerate((list(bulan) + [None] * 12)[:12]):
            b.tulis(nama, r, tl.BULAN_KOLOM0 + j, angka_atau_teks(x), "masukan_rp")
        vals = [b.ambil(nama, r, tl.BULAN_KOLOM0 + j) for j in range(12)]
        rng = rentang(None, r, tl.BULAN_KOLOM0, r, tl.BULAN_JUMLAH - 1)
        b.rumus(nama, r, tl.BULAN_JUMLAH, f'=IF(COUNT({rng})=0,"n/a",SUM({rng}))', jumlah(vals) if any(angka_excel(v) for v in vals) else "n/a",
                "rupiah")
    akhir = r0 + len(isi) - 1
    r = akhir + 1
    b.tulis(nama, r, tl.RL_NAMA, f"Total {jenis} (bulan lengkap)", "teks_kunci")
    for j in range(12):
        c = tl.BULAN_KOLOM0 + j
        kol = [b.ambil(nama, x, c) for x in range(r0, akhir + 1)]
        rng = rentang(None, r0, c, akhir, c)
        b.rumus(nama, r, c, f'=IF(COUNT({rng})={len(isi)},SUM({rng}),"")', jumlah(kol) if all(angka_excel(v) for v in kol) else "", "rupiah")
    return r0


def _keluaran(b: Buku, ds: Dataset, t: Letak) -> None:
    nama, a = tl.KELUARAN, ds.anggaran
    ws = _judul(b, nama, f"Capaian Keluaran Kegiatan {a.tahun}", "PMK 214/PMK.02/2017: CKK = rata-rata geometrik indikator per "
                "keluaran, lalu rata-rata geometrik seluruh keluaran.")
    _kepala(b, nama, tl.KEG_BARIS0 - 1, tl.KELUARAN_KOLOM)
    urut = (tl.KL_RVK, tl.KL_TVK, tl.KL_RIKK, tl.KL_TIKK)          # the order of CAPAIAN_KELUARAN's arguments
    for i, k in enumerate(a.keluaran):
        r = tl.KEG_BARIS0 + i
        b.tulis(nama, r, tl.KL_NO, i + 1, "umum")
        b.tulis(nama, r, tl.KL_KEGIATAN, k.kegiatan, "masukan_teks")
        for c, x in ((tl.KL_TVK, k.tvk), (tl.KL_RVK, k.rvk), (tl.KL_TIKK, (list(k.tikk) or [None])[0]), (tl.KL_RIKK, (list(k.rikk) or [None])[0])):
            b.tulis(nama, r, c, angka_atau_teks(x), "masukan")
        b.rumus(nama, r, tl.KL_CKK, f"=CAPAIAN_KELUARAN({','.join(xl_rowcol_to_cell(r, j) for j in urut)})",
                fungsi.CAPAIAN_KELUARAN(*(b.ambil(nama, r, j) for j in urut)), "angka")
        tinggi(ws, r, k.kegiatan, 40)
    akhir = tl.KEG_BARIS0 + len(a.keluaran) - 1
    r = akhir + 1
    b.tulis(nama, r, tl.KL_KEGIATAN, tl.TOTAL, "teks_kunci")
    _total(b, nama, r, akhir, (tl.KL_TVK, tl.KL_RVK, tl.KL_TIKK, tl.KL_RIKK), "umum")
    kol = lambda j: [[b.ambil(nama, x, j)] for x in range(tl.KEG_BARIS0, akhir + 1)]  # noqa: E731
    rng = lambda j: rentang(None, tl.KEG_BARIS0, j, akhir, j)  # noqa: E731
    b.rumus(nama, r, tl.KL_CKK, f"=CAPAIAN_KELUARAN({','.join(rng(j) for j in urut)})", fungsi.CAPAIAN_KELUARAN(*(kol(j) for j in urut)),
            "angka")
    for nm, c in tl.NAMA_KELUARAN:
        b.wb.define_name(nm, f"={ref(nama, r, c)}")
        t.nama_nilai[nm] = b.ambil(nama, r, c)
    _selesai(ws, ds, nama, (5, 50, 9, 9, 9, 9, 11), r, tl.KL_CKK, tl.KEG_BARIS0 - 1)


def _efisiensi(b: Buku, ds: Dataset, t: Letak) -> None:
    nama, a = tl.EFISIENSI, ds.anggaran
    ws = _judul(b, nama, f"Efisiensi penggunaan anggaran {a.tahun}", "E = jumlah (PAK x CK - RAK) / jumlah (PAK x CK) x 100; "
                "Nilai Efisiensi = 50 + E / 20 x 50 (PMK 214/2017).")
    _kepala(b, nama, tl.KEG_BARIS0 - 1, tl.EFISIENSI_KOLOM)
    for i, o in enumerate(a.efisiensi):
        r = tl.KEG_BARIS0 + i
        b.tulis(nama, r, tl.EF_NO, i + 1, "umum")
        b.tulis(nama, r, tl.EF_KELUARAN, o.keluaran, "masukan_teks")
        b.tulis(nama, r, tl.EF_PAGU, angka_atau_teks(o.pagu), "masukan_rp")
        b.tulis(nama, r, tl.EF_CK, angka_atau_teks(o.ck), "masukan")
        b.tulis(nama, r, tl.EF_REALISASI, angka_atau_teks(o.realisasi), "masukan_rp")
        p, ck, rak = (b.ambil(nama, r, c) for c in (tl.EF_PAGU, tl.EF_CK, tl.EF_REALISASI))
        pc = kali(p, ck, 100)
        sel = lambda c: xl_rowcol_to_cell(r, c)  # noqa: E731
        b.rumus(nama, r, tl.EF_PAKCK, f"={sel(tl.EF_PAGU)}*{sel(tl.EF_CK)}/100", pc, "rupiah")
        b.rumus(nama, r, tl.EF_SISA, f"={sel(tl.EF_PAKCK)}-{sel(tl.EF_REALISASI)}",
                tambah(pc, rak, -1), "rupiah")
        tinggi(ws, r, o.keluaran, 44)
    akhir = tl.KEG_BARIS0 + len(a.efisiensi) - 1
    r = akhir + 1
    b.tulis(nama, r, tl.EF_KELUARAN, tl.TOTAL, "teks_kunci")
    _total(b, nama, r, akhir, (tl.EF_PAGU, tl.EF_REALISASI, tl.EF_PAKCK, tl.EF_SISA), "rupiah")
    kol = lambda j: [[b.ambil(nama, x, j)] for x in range(tl.KEG_BARIS0, akhir + 1)]  # noqa: E731
    rng = lambda j: rentang(None, tl.KEG_BARIS0, j, akhir, j)  # noqa: E731
    urut = (tl.EF_PAGU, tl.EF_CK, tl.EF_REALISASI)
    e = fungsi.EFISIENSI(*(kol(j) for j in urut))
    b.tulis(nama, r + 2, tl.EF_KELUARAN, "Efisiensi E (%)", "teks_kunci")
    b.rumus(nama, r + 2, tl.EF_PAGU, f"=EFISIENSI({','.join(rng(j) for j in urut)})", e, "angka")
    b.tulis(nama, r + 3, tl.EF_KELUARAN, "Nilai Efisiensi", "teks_kunci")
    b.rumus(nama, r + 3, tl.EF_PAGU, f"=NILAI_EFISIENSI({xl_rowcol_to_cell(r + 2, tl.EF_PAGU)})", fungsi.NILAI_EFISIENSI(e), "angka")
    for nm, rr in zip(tl.NAMA_EFISIENSI, (r + 2, r + 3)):
        b.wb.define_name(nm, f"={ref(nama, rr, tl.EF_PAGU)}")
    _selesai(ws, ds, nama, (5, 50, 20, 9, 20, 20, 20), r + 3, tl.EF_SISA, tl.KEG_BARIS0 - 1)


def _anggaran_tw(b: Buku, ds: Dataset, t: Letak) -> None:
    nama, a = tl.ANGGARAN_TW, ds.anggaran
    ws = _judul(b, nama, f"Penyerapan anggaran per triwulan {a.tahun}", "Realisasi kumulatif dan penyerapan terhadap target lintasan, "
                "dan deviasi realisasi terhadap RPD (PER-5/PB/2024). Tanpa data bulanan: n/a (TW IV memakai realisasi tahunan).")
    n = len(a.kegiatan)
    target = (list(a.target_penyerapan_tw) + [None] * 4)[:4]
    rt = tl.TW_ANGGARAN_TARGET_BARIS
    ws.write(rt, 1, "Target penyerapan kumulatif (%) - contoh; sesuaikan dengan target IKPA yang berlaku", b.gaya["teks_kunci"])
    for k in range(4):
        c0 = tl.tw_anggaran_kolom(k)
        ws.merge_range(rt + 1, c0, rt + 1, c0 + 3, f"TW {tl.TRIWULAN[k]}", b.gaya["kepala"])
        b.tulis(nama, rt, c0 + 1, None if target[k] in (None, "") else angka_atau_nan(target[k]), "masukan")
    _kepala(b, nama, tl.TW_ANGGARAN_BARIS0 - 1, tl.REALISASI_KOLOM[:tl.RL_REALISASI])
    for k in range(4):
        _kepala(b, nama, tl.TW_ANGGARAN_BARIS0 - 1, ("Realisasi s.d.", "Penyerapan (%)", "Capaian target (%)", "Deviasi RPD (%)"),
                tl.tw_anggaran_kolom(k))
    real = tl.REALISASI
    for i in range(n + 1):
        r = tl.TW_ANGGARAN_BARIS0 + i
        rr = tl.KEG_BARIS0 + i if i < n else t.realisasi_total_baris
        rb = t.bulan_baris0 + i
        rp = t.rpd_baris0 + i
        for c in (tl.RL_KODE, tl.RL_NAMA, tl.RL_PAGU):
            b.rumus(nama, r, c, f"={ref(real, rr, c)}", b.ambil(real, rr, c), "rupiah" if c == tl.RL_PAGU else "teks")
        pagu = b.ambil(nama, r, tl.RL_PAGU)
        for k in range(4):
            c0 = tl.tw_anggaran_kolom(k)
            bulan = [b.ambil(real, rb, tl.BULAN_KOLOM0 + j) for j in range(3 * (k + 1))]
            rng_b = rentang(real, rb, tl.BULAN_KOLOM0, rb, tl.BULAN_KOLOM0 - 1 + 3 * (k + 1))
            tahunan = ref(real, rr, tl.RL_REALISASI)
            lengkap = all(angka_excel(x) for x in bulan)
            if k == 3:
                rumus = f"=IF(COUNT({rng_b})=12,SUM({rng_b}),{tahunan})"
                nilai = jumlah(bulan) if lengkap else b.ambil(real, rr, tl.RL_REALISASI)
            else:
                rumus = f'=IF(COUNT({rng_b})={3 * (k + 1)},SUM({rng_b}),"n/a")'
                nilai = jumlah(bulan) if lengkap else "n/a"
            b.rumus(nama, r, c0, rumus, nilai, "rupiah")
            pen = fungsi.PENYERAPAN(nilai, pagu)
            b.rumus(nama, r, c0 + 1, f"=PENYERAPAN({xl_rowcol_to_cell(r, c0)},{xl_rowcol_to_cell(r, tl.RL_PAGU)})", pen, "angka")
            tgt = b.ambil(nama, rt, c0 + 1)
            sel_p, sel_t = xl_rowcol_to_cell(r, c0 + 1), xl_rowcol_to_cell(rt, c0 + 1, True, True)
            cap = min(100.0, pen / tgt * 100) if angka_excel(pen) and angka_excel(tgt) and tgt else "n/a"
            b.rumus(nama, r, c0 + 2, f'=IF(AND(ISNUMBER({sel_p}),ISNUMBER({sel_t})),MIN(100,{sel_p}/{sel_t}*100),"n/a")', cap, "angka")
            m0 = tl.BULAN_KOLOM0 + 3 * k
            rng_r, rng_p = rentang(real, rb, m0, rb, m0 + 2), rentang(real, rp, m0, rp, m0 + 2)
            dev = fungsi.DEVIASI_RPD_RATA([[b.ambil(real, rb, m0 + j) for j in range(3)]], [[b.ambil(real, rp, m0 + j) for j in range(3)]])
            b.rumus(nama, r, c0 + 3, f"=DEVIASI_RPD_RATA({rng_r},{rng_p})", dev, "angka")
    ws.set_column(0, 0, 10)
    ws.set_column(1, 1, 34)
    ws.set_column(2, 2, 18)
    for k in range(4):
        c0 = tl.tw_anggaran_kolom(k)
        ws.set_column(c0, c0, 18)
        ws.set_column(c0 + 1, c0 + 3, 12)
    ws.set_row(tl.TW_ANGGARAN_BARIS0 - 1, 30)
    for i, keg in enumerate(a.kegiatan):
        tinggi(ws, tl.TW_ANGGARAN_BARIS0 + i, keg.nama, 34)
    ws.freeze_panes(tl.TW_ANGGARAN_BARIS0, tl.RL_PAGU)
    ws.protect("", tl.PROTEKSI[nama])
    cetak(ws, ds, nama, tl.TW_ANGGARAN_BARIS0 + n, tl.tw_anggaran_kolom(3) + 3, tl.TW_ANGGARAN_BARIS0 - 1)
