"""The Riwayat sheet: the history of Tabel 3.1 recomputed beside the published capaian, and the trend."""
from __future__ import annotations

from xlsxwriter.utility import xl_rowcol_to_cell

from ..buku import fungsi
from ..buku import tata_letak as tl
from ..data.dataset import Dataset
from .dasar import Buku, angka_atau_teks, cetak, kolom_hasil, lampu_predikat, ref, rentang, tinggi

__all__ = ["lembar_riwayat"]


def lembar_riwayat(b: Buku, ds: Dataset) -> None:
    """Write Riwayat: one row per IKU-year, capaian recomputed, difference to the published one."""
    nama = tl.RIWAYAT
    ws = b.tambah(nama)
    g = b.gaya
    tahun = sorted({h.tahun for h in ds.riwayat})
    rentang_tahun = f" {tahun[0]}-{tahun[-1]}" if tahun else ""
    ws.write(0, 0, f"Riwayat capaian{rentang_tahun} (Tabel 3.1) dihitung ulang", g["judul"])
    ws.write(1, 0, "Capaian dihitung ulang dari target dan realisasi; kolom 'Capaian terbit' adalah angka laporan. "
                   "Koreksi diisi bila angka terbit jelas salah satuan/cetak (alasan di Catatan).", g["subjudul"])
    R0 = tl.RIWAYAT_BARIS0
    for c, h in enumerate(tl.RIWAYAT_KOLOM):
        ws.write(R0 - 1, c, h, g["kepala"])
    for i, h in enumerate(ds.riwayat):
        r = R0 + i
        for c, v, gaya in ((tl.RW_KODE, h.kode, "masukan_teks"), (tl.RW_NAMA, h.nama, "masukan_teks"), (tl.RW_SATUAN, h.satuan, "masukan_teks"),
                           (tl.RW_POL, h.polarisasi, "masukan_teks"), (tl.RW_TAHUN, h.tahun, "masukan"), (tl.RW_TARGET, h.target, "masukan_teks"),
                           (tl.RW_REALISASI, angka_atau_teks(h.realisasi), "masukan"),
                           (tl.RW_KOREKSI, angka_atau_teks(h.realisasi_koreksi), "masukan"),
                           (tl.RW_TERBIT, angka_atau_teks(h.capaian_terbit), "masukan"), (tl.RW_CATATAN, h.catatan or None, "masukan_teks")):
            b.tulis(nama, r, c, v, gaya)
        g_, k_ = b.ambil(nama, r, tl.RW_REALISASI), b.ambil(nama, r, tl.RW_KOREKSI)
        a, k = xl_rowcol_to_cell(r, tl.RW_REALISASI), xl_rowcol_to_cell(r, tl.RW_KOREKSI)
        b.rumus(nama, r, tl.RW_DIPAKAI, f'=IF({k}="",{a},{k})', g_ if k_ in (None, "") else k_, "umum")
    akhir = R0 + len(ds.riwayat) - 1
    batas, rentang_ = ds.pengaturan.batas_capaian, ds.pengaturan.aturan_rentang
    kolom = [b.kolom(nama, R0, akhir, c) for c in (tl.RW_DIPAKAI, tl.RW_TARGET, tl.RW_POL)]
    capaian = kolom_hasil(fungsi.CAPAIAN_IKU(*kolom, "", "", "", batas, rentang_), len(ds.riwayat)) if ds.riwayat else []
    if ds.riwayat and len(ds.iku) >= tl.IKU_LARIK:    # a large workbook: one array formula, one call for the column
        kol = lambda c: rentang(None, R0, c, akhir, c)  # noqa: E731
        b.rumus_larik(nama, R0, tl.RW_CAPAIAN, f'=CAPAIAN_IKU({kol(tl.RW_DIPAKAI)},{kol(tl.RW_TARGET)},{kol(tl.RW_POL)},"","","",'
                      f"{tl.N_BATAS_CAPAIAN},{tl.N_ATURAN_RENTANG})", [x[0] for x in capaian], "angka")
    for i in range(len(ds.riwayat)):
        r = R0 + i
        sel = lambda c: xl_rowcol_to_cell(r, c)  # noqa: E731
        if len(ds.iku) < tl.IKU_LARIK:
            b.rumus(nama, r, tl.RW_CAPAIAN, f'=CAPAIAN_IKU({sel(tl.RW_DIPAKAI)},{sel(tl.RW_TARGET)},{sel(tl.RW_POL)},"","","",'
                    f"{tl.N_BATAS_CAPAIAN},{tl.N_ATURAN_RENTANG})", capaian[i][0], "angka")
        tinggi(ws, r, ds.riwayat[i].nama, 46)
    for i in range(len(ds.riwayat)):
        r = R0 + i
        c_, t_ = b.ambil(nama, r, tl.RW_CAPAIAN), b.ambil(nama, r, tl.RW_TERBIT)
        ada = isinstance(c_, float) and isinstance(t_, (int, float)) and not isinstance(t_, bool)
        j, k = xl_rowcol_to_cell(r, tl.RW_CAPAIAN), xl_rowcol_to_cell(r, tl.RW_TERBIT)
        b.rumus(nama, r, tl.RW_SELISIH, f'=IF(AND(ISNUMBER({j}),ISNUMBER({k})),{k}-{j},"")', (t_ - c_) if ada else "", "angka")
    lampu_predikat(ws, g, R0, tl.RW_CAPAIAN, akhir, tl.RW_CAPAIAN)
    _tren(b, ds, nama, R0, akhir)
    for c, w in enumerate((6, 46, 11, 10, 7, 11, 12, 12, 12, 11, 12, 10, 40)):
        ws.set_column(c, c, w)
    ws.freeze_panes(R0, tl.RW_NAMA + 1)
    ws.protect("", tl.PROTEKSI[nama])
    cetak(ws, ds, nama, akhir, len(tl.RIWAYAT_KOLOM) - 1, R0 - 1)


SERI_MAKS = 20
"""Most lines one trend chart shows (Excel allows 255; beyond about 20 a line chart cannot be read)."""


def _seri_grafik(b: Buku, nama: str, seri: list, tahun: list[int]) -> tuple[set[int], str]:
    """Which trend rows get a line: all up to :data:`SERI_MAKS`, else the lowest and highest half by the latest capaian,
    and the title says so (never a silent truncation)."""
    if len(seri) <= SERI_MAKS:
        return set(range(len(seri))), ""
    def akhir(i: int) -> float:
        baris = seri[i][1]
        v = b.ambil(nama, baris[max(baris)], tl.RW_CAPAIAN)
        return v if isinstance(v, (int, float)) and not isinstance(v, bool) and v == v else float("inf")
    urut = sorted(range(len(seri)), key=lambda i: (akhir(i), i))
    separuh = SERI_MAKS // 2
    ada = [i for i in urut if akhir(i) != float("inf")]
    pilih = set(ada[:separuh]) | set(ada[-separuh:])
    return pilih, f": {separuh} terendah dan {separuh} tertinggi dari {len(seri)} IKU (tabel memuat semuanya)"


def _tren(b: Buku, ds: Dataset, nama: str, r0: int, r1: int) -> None:
    """Capaian per year of the IKU present in at least three years, and their trend chart."""
    tahun = sorted({h.tahun for h in ds.riwayat})
    per: dict[tuple[str, str], dict[int, int]] = {}
    for i, h in enumerate(ds.riwayat):
        per.setdefault((h.kode, h.nama), {})[h.tahun] = r0 + i
    seri = [(k, v) for k, v in per.items() if len(v) >= 3]
    grafik, judul = _seri_grafik(b, nama, seri, tahun)
    rt = r1 + 3
    ws = b.lembar[nama]
    ws.write(rt, 0, tl.TREN_JUDUL, b.gaya["bagian"])
    ws.write(rt + 1, tl.RW_KODE, "Kode", b.gaya["kepala"])
    ws.write(rt + 1, tl.RW_NAMA, "Indikator", b.gaya["kepala"])
    for j, th in enumerate(tahun):
        ws.write(rt + 1, tl.TREN_KOLOM0 + j, th, b.gaya["kepala"])
    ch = b.wb.add_chart({"type": "line"})
    for i, ((kode, ind), baris) in enumerate(seri):
        r = rt + 2 + i
        b.tulis(nama, r, tl.RW_KODE, kode, "teks")
        b.tulis(nama, r, tl.RW_NAMA, ind, "teks")
        for j, th in enumerate(tahun):
            if th in baris:
                b.rumus(nama, r, tl.TREN_KOLOM0 + j, f"={xl_rowcol_to_cell(baris[th], tl.RW_CAPAIAN)}", b.ambil(nama, baris[th], tl.RW_CAPAIAN),
                        "angka")
            else:
                b.tulis(nama, r, tl.TREN_KOLOM0 + j, None, "angka")
        c0, c1 = tl.TREN_KOLOM0, tl.TREN_KOLOM0 + len(tahun) - 1
        if i not in grafik:
            continue
        ch.add_series({"name": f"={ref(nama, r, tl.RW_KODE)}", "categories": f"={rentang(nama, rt + 1, c0, rt + 1, c1)}",
                       "values": f"={rentang(nama, r, c0, r, c1)}", "marker": {"type": "circle", "size": 5}})
    if not seri:
        return
    ch.set_title({"name": f"Tren capaian IKU {tahun[0]}-{tahun[-1]}{judul}", "name_font": {"size": 11}})
    ch.set_y_axis({"min": 0, "max": 130, "major_unit": 20})
    ch.set_legend({"position": "right"})
    ch.set_size({"width": 720, "height": 320})
    ws.insert_chart(rt + 3 + len(seri), 1, ch)

