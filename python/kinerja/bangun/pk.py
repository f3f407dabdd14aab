"""The PK sheet, the master: settings (each a defined name), the SS table and the IKU table."""
from __future__ import annotations

from typing import Any

from xlsxwriter.utility import xl_rowcol_to_cell

from ..buku import fungsi
from ..buku.tata_letak import (BARIS_CADANGAN, IKU_JARAK, K_ATAS, K_BAWAH, K_CATATAN, K_KALK, K_KODE, K_KUMULATIF, K_NAMA, K_POL,
                               K_SATUAN, K_SS, K_SUMBER, K_TARGET, K_TARGET_ANGKA, K_TERBURUK, K_TW, METODE_NKO_PILIHAN, NAMA_IKU,
                               NAMA_SS, PENGATURAN, PENGATURAN_BARIS0, PENGATURAN_KOLOM, PENGATURAN_TEKS, PK, PK_KOLOM,
                               POLARISASI_PILIHAN, SKALA_PILIHAN, SS_JARAK, SS_KEPALA, SS_KODE, SS_NAMA, SS_PERSPEKTIF)
from ..data.dataset import IKU, Dataset
from ..hitung.penghitung import PENGHITUNG
from .dasar import Buku, Letak, angka_atau_teks, cetak, ref, rentang, tinggi

__all__ = ["lembar_pk"]


def lembar_pk(b: Buku, ds: Dataset, t: Letak) -> None:
    """Write PK and record in ``t`` where its settings and tables landed."""
    nama = PK
    ws = b.tambah(nama)
    g = b.gaya
    ws.write(0, 0, "Perjanjian Kinerja (PK) — lembar induk", g["judul"])
    ws.write(1, 0, "Sel kuning adalah masukan. Lembar TW, Rincian dan Riwayat mengambil data dari sini.", g["subjudul"])
    ws.write(3, 0, "Pengaturan", g["bagian"])
    nilai_peng = {**vars(ds.pengaturan), "unit": ds.unit, "unit_singkat": ds.unit_singkat, "instansi": ds.instansi,
                  "tahun": ds.tahun, "periode": ds.periode}
    c = PENGATURAN_KOLOM
    for i, (nama_def, kunci, ket) in enumerate(PENGATURAN):
        r = PENGATURAN_BARIS0 + i
        ws.merge_range(r, 0, r, 1, None, g["teks_kunci"])
        b.tulis(nama, r, 0, nama_def.replace("_", " "), "teks_kunci")
        v = nilai_peng.get(kunci)
        teks = kunci in PENGATURAN_TEKS
        b.tulis(nama, r, c, v if teks else angka_atau_teks(v), "masukan_teks" if teks else "masukan")
        ws.write(r, c + 1, ket, g["catatan_baris"])
        tinggi(ws, r, str(v or ""), 46)
        b.wb.define_name(nama_def, f"={ref(nama, r, c)}")
        t.pengaturan[nama_def] = (r, c)
    r_m, r_s = t.pengaturan["NKO_Metode"][0], t.pengaturan["Skala_Tata_Kelola"][0]
    ws.data_validation(r_m, c, r_m, c, {"validate": "list", "source": list(METODE_NKO_PILIHAN),
                                        "error_title": "Metode NKO", "error_message": "Pilih rata_nss, rata_perspektif, atau rata_iku."})
    ws.data_validation(r_s, c, r_s, c, {"validate": "list", "source": list(SKALA_PILIHAN),
                                        "error_title": "Skala tata kelola", "error_message": "Pilih linear atau kategori."})

    t.ss_awal = PENGATURAN_BARIS0 + len(PENGATURAN) + SS_JARAK
    ws.write(t.ss_awal - 2, 0, "Sasaran Strategis", g["bagian"])
    ws.write(t.ss_awal - 1, SS_KODE, SS_KEPALA, g["kepala"])
    ws.write(t.ss_awal - 1, 1, "", g["kepala"])
    ws.write(t.ss_awal - 1, SS_NAMA, "Sasaran Strategis", g["kepala"])
    ws.merge_range(t.ss_awal - 1, SS_PERSPEKTIF, t.ss_awal - 1, SS_PERSPEKTIF + 1, "Perspektif", g["kepala"])
    for i, s_ in enumerate(ds.ss):
        r = t.ss_awal + i
        b.tulis(nama, r, SS_KODE, s_.kode, "masukan_teks")
        b.tulis(nama, r, SS_NAMA, s_.nama, "masukan_teks")
        ws.merge_range(r, SS_PERSPEKTIF, r, SS_PERSPEKTIF + 1, None, g["masukan_teks"])
        b.tulis(nama, r, SS_PERSPEKTIF, s_.perspektif, "masukan_teks")
        tinggi(ws, r, s_.nama, 46)
    t.n_ss = len(ds.ss)
    ss_akhir = t.ss_awal + t.n_ss - 1
    for nama_def, c2 in NAMA_SS:
        b.wb.define_name(nama_def, f"={rentang(nama, t.ss_awal, c2, ss_akhir, c2)}")

    t.iku_awal = ss_akhir + IKU_JARAK
    ws.write(t.iku_awal - 2, 0, "Indikator Kinerja Utama", g["bagian"])
    for c2, h in enumerate(PK_KOLOM):
        ws.write(t.iku_awal - 1, c2, h, g["kepala"])
    t.n_iku = len(ds.iku)
    for i, k in enumerate(ds.iku):
        r = t.iku_awal + i
        _baris_pk(b, nama, r, k)
        b.rumus(nama, r, K_TARGET_ANGKA, f"=NILAI_ANGKA({xl_rowcol_to_cell(r, K_TARGET)})",
                fungsi.NILAI_ANGKA(b.ambil(nama, r, K_TARGET)), "umum")
        tinggi(ws, r, k.nama, 46)
    akhir = t.iku_awal + t.n_iku - 1
    for nama_def, c2 in NAMA_IKU:
        b.wb.define_name(nama_def, f"={rentang(nama, t.iku_awal, c2, akhir, c2)}")
    ws.data_validation(t.iku_awal, K_POL, akhir + BARIS_CADANGAN, K_POL, {
        "validate": "list", "source": list(POLARISASI_PILIHAN), "error_title": "Polarisasi",
        "error_message": "Pilih Maximize, Minimize, atau Stabilize (RUMUS bagian 2)."})
    ws.data_validation(t.iku_awal, K_SS, akhir + BARIS_CADANGAN, K_SS, {
        "validate": "list", "source": f"={rentang(nama, t.ss_awal, SS_KODE, ss_akhir, SS_KODE)}", "error_title": "Kode SS",
        "error_message": "Kode SS harus ada pada tabel Sasaran Strategis di atas."})
    ws.data_validation(t.iku_awal, K_KALK, akhir + BARIS_CADANGAN, K_KALK, {
        "validate": "list", "source": [p for p in PENGHITUNG if p != "jumlah"], "ignore_blank": True,
        "error_type": "warning", "error_title": "Kalkulator", "error_message": "Nama kalkulator tidak dikenal."})
    ws.data_validation(t.iku_awal, K_KUMULATIF, akhir + BARIS_CADANGAN, K_KUMULATIF, {"validate": "list", "source": ["Ya", "Tidak"]})
    for c2, w in enumerate((9, 8, 46, 14, 11, 18, 11, 9, 9, 10, 10, 10, 10, 10, 17, 9, 36, 36)):
        ws.set_column(c2, c2, w)
    ws.freeze_panes(t.iku_awal, 3)
    ws.protect("", {"format_columns": True, "format_rows": True, "insert_rows": True, "sort": True, "autofilter": True})
    cetak(ws, ds, PK, akhir, len(PK_KOLOM) - 1, t.iku_awal - 1)


def _baris_pk(b: Buku, nama: str, r: int, k: IKU) -> None:
    tw = list(k.target_tw) + [None] * (4 - len(k.target_tw))
    teks: dict[int, Any] = {K_KODE: k.kode, K_SS: k.ss, K_NAMA: k.nama, K_SATUAN: k.satuan, K_POL: k.polarisasi, K_TARGET: k.target,
                            **dict(zip(K_TW, tw)), K_KALK: k.kalkulator, K_KUMULATIF: "Ya" if k.kumulatif else "Tidak",
                            K_SUMBER: k.sumber_data, K_CATATAN: k.catatan}
    angka = {K_BAWAH: k.batas_bawah, K_ATAS: k.batas_atas, K_TERBURUK: k.realisasi_terburuk}
    for c in range(len(PK_KOLOM)):
        if c in teks:
            b.tulis(nama, r, c, teks[c], "masukan_teks")
        elif c in angka:
            b.tulis(nama, r, c, angka_atau_teks(angka[c]), "masukan")

