"""The PK sheet, the master: settings (each a defined name), the SS table and the IKU table."""
from __future__ import annotations

from typing import Any

from xlsxwriter.utility import xl_rowcol_to_cell

from ..buku import fungsi
from ..buku import tata_letak as tl
from ..data.dataset import IKU, Dataset
from ..hitung.penghitung import PENGHITUNG
from .dasar import Buku, Letak, angka_atau_teks, cetak, ref, rentang, tinggi

__all__ = ["lembar_pk"]


def lembar_pk(b: Buku, ds: Dataset, t: Letak) -> None:
    """Write PK and record in ``t`` where its settings and tables landed."""
    nama = tl.PK
    ws = b.tambah(nama)
    g = b.gaya
    ws.write(0, 0, "Perjanjian Kinerja (PK) — lembar induk", g["judul"])
    ws.write(1, 0, "Sel kuning adalah masukan. Lembar TW, Rincian dan Riwayat mengambil data dari sini.", g["subjudul"])
    ws.write(3, 0, "Pengaturan", g["bagian"])
    nilai_peng = {**vars(ds.pengaturan), "unit": ds.unit, "unit_singkat": ds.unit_singkat, "instansi": ds.instansi,
                  "tahun": ds.tahun, "periode": ds.periode}
    c = tl.PENGATURAN_KOLOM
    for i, (nama_def, kunci, ket) in enumerate(tl.PENGATURAN):
        r = tl.PENGATURAN_BARIS0 + i
        ws.merge_range(r, 0, r, 1, None, g["teks_kunci"])
        b.tulis(nama, r, 0, nama_def.replace("_", " "), "teks_kunci")
        v = nilai_peng.get(kunci)
        teks = kunci in tl.PENGATURAN_TEKS
        b.tulis(nama, r, c, v if teks else angka_atau_teks(v), "masukan_teks" if teks else "masukan")
        ws.write(r, c + 1, ket, g["catatan_baris"])
        tinggi(ws, r, str(v or ""), 46)
        b.wb.define_name(nama_def, f"={ref(nama, r, c)}")
        t.pengaturan[nama_def] = (r, c)
    r_m, r_s = t.pengaturan[tl.N_NKO_METODE][0], t.pengaturan[tl.N_SKALA][0]
    ws.data_validation(r_m, c, r_m, c, {"validate": "list", "source": list(tl.METODE_NKO_PILIHAN),
                                        "error_title": "Metode NKO", "error_message": "Pilih rata_nss, rata_perspektif, atau rata_iku."})
    ws.data_validation(r_s, c, r_s, c, {"validate": "list", "source": list(tl.SKALA_PILIHAN),
                                        "error_title": "Skala tata kelola", "error_message": "Pilih linear atau kategori."})

    t.ss_awal = tl.PENGATURAN_BARIS0 + len(tl.PENGATURAN) + tl.SS_JARAK
    ws.write(t.ss_awal - 2, 0, "Sasaran Strategis", g["bagian"])
    ws.write(t.ss_awal - 1, tl.SS_KODE, tl.SS_KEPALA, g["kepala"])
    ws.write(t.ss_awal - 1, 1, "", g["kepala"])
    ws.write(t.ss_awal - 1, tl.SS_NAMA, "Sasaran Strategis", g["kepala"])
    ws.merge_range(t.ss_awal - 1, tl.SS_PERSPEKTIF, t.ss_awal - 1, tl.SS_PERSPEKTIF + 1, "Perspektif", g["kepala"])
    for i, s_ in enumerate(ds.ss):
        r = t.ss_awal + i
        b.tulis(nama, r, tl.SS_KODE, s_.kode, "masukan_teks")
        b.tulis(nama, r, tl.SS_NAMA, s_.nama, "masukan_teks")
        ws.merge_range(r, tl.SS_PERSPEKTIF, r, tl.SS_PERSPEKTIF + 1, None, g["masukan_teks"])
        b.tulis(nama, r, tl.SS_PERSPEKTIF, s_.perspektif, "masukan_teks")
        tinggi(ws, r, s_.nama, 46)
    t.n_ss = len(ds.ss)
    ss_akhir = t.ss_awal + t.n_ss - 1
    for nama_def, c2 in tl.NAMA_SS:
        b.wb.define_name(nama_def, f"={rentang(nama, t.ss_awal, c2, ss_akhir, c2)}")

    t.iku_awal = ss_akhir + tl.IKU_JARAK
    ws.write(t.iku_awal - 2, 0, tl.IKU_JUDUL, g["bagian"])
    for c2, h in enumerate(tl.PK_KOLOM):
        ws.write(t.iku_awal - 1, c2, h, g["kepala"])
    t.n_iku = len(ds.iku)
    for i, k in enumerate(ds.iku):
        r = t.iku_awal + i
        _baris_pk(b, nama, r, k)
        b.rumus(nama, r, tl.K_TARGET_ANGKA, f"=NILAI_ANGKA({xl_rowcol_to_cell(r, tl.K_TARGET)})",
                fungsi.NILAI_ANGKA(b.ambil(nama, r, tl.K_TARGET)), "umum")
        tinggi(ws, r, k.nama, 46)
    akhir = t.iku_awal + t.n_iku - 1
    for nama_def, c2 in tl.NAMA_IKU:
        b.wb.define_name(nama_def, f"={rentang(nama, t.iku_awal, c2, akhir, c2)}")
    ws.data_validation(t.iku_awal, tl.K_POL, akhir + tl.BARIS_CADANGAN, tl.K_POL, {
        "validate": "list", "source": list(tl.POLARISASI_PILIHAN), "error_title": "Polarisasi",
        "error_message": "Pilih Maximize, Minimize, atau Stabilize (RUMUS bagian 2)."})
    ws.data_validation(t.iku_awal, tl.K_SS, akhir + tl.BARIS_CADANGAN, tl.K_SS, {
        "validate": "list", "source": f"={rentang(nama, t.ss_awal, tl.SS_KODE, ss_akhir, tl.SS_KODE)}", "error_title": "Kode SS",
        "error_message": "Kode SS harus ada pada tabel Sasaran Strategis di atas."})
    ws.data_validation(t.iku_awal, tl.K_KALK, akhir + tl.BARIS_CADANGAN, tl.K_KALK, {
        "validate": "list", "source": [p for p in PENGHITUNG if p != "jumlah"], "ignore_blank": True,
        "error_type": "warning", "error_title": "Kalkulator", "error_message": "Nama kalkulator tidak dikenal."})
    ws.data_validation(t.iku_awal, tl.K_KUMULATIF, akhir + tl.BARIS_CADANGAN, tl.K_KUMULATIF, {"validate": "list", "source": ["Ya", "Tidak"]})
    for c2, w in enumerate((9, 8, 46, 14, 11, 18, 11, 9, 9, 10, 10, 10, 10, 10, 17, 9, 36, 36)):
        ws.set_column(c2, c2, w)
    ws.freeze_panes(t.iku_awal, 3)
    ws.protect("", tl.PROTEKSI[nama])
    cetak(ws, ds, tl.PK, akhir, len(tl.PK_KOLOM) - 1, t.iku_awal - 1)


def _baris_pk(b: Buku, nama: str, r: int, k: IKU) -> None:
    tw = list(k.target_tw) + [None] * (4 - len(k.target_tw))
    teks: dict[int, Any] = {tl.K_KODE: k.kode, tl.K_SS: k.ss, tl.K_NAMA: k.nama, tl.K_SATUAN: k.satuan, tl.K_POL: k.polarisasi, tl.K_TARGET: k.target,
                            **dict(zip(tl.K_TW, tw)), tl.K_KALK: k.kalkulator, tl.K_KUMULATIF: "Ya" if k.kumulatif else "Tidak",
                            tl.K_SUMBER: k.sumber_data, tl.K_CATATAN: k.catatan}
    angka = {tl.K_BAWAH: k.batas_bawah, tl.K_ATAS: k.batas_atas, tl.K_TERBURUK: k.realisasi_terburuk}
    for c in range(len(tl.PK_KOLOM)):
        if c in teks:
            b.tulis(nama, r, c, teks[c], "masukan_teks")
        elif c in angka:
            b.tulis(nama, r, c, angka_atau_teks(angka[c]), "masukan")

