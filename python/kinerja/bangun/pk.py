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
    ws.write(1, 0, "Sel kuning adalah masukan. Lembar TW, Rincian dan Riwayat mengambil data dari sini; setelah menambah, "
             "menghapus atau mengurutkan IKU/SS tekan Susun Ulang.", g["subjudul"])
    for r, c, makro, label in tl.TOMBOL_PK:
        ws.insert_button(r, c, {"macro": makro, "caption": label, "width": 110, "height": 30})
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
    r_r = t.pengaturan[tl.N_ATURAN_RENTANG][0]
    ws.data_validation(r_r, c, r_r, c, {"validate": "list", "source": list(tl.RENTANG_PILIHAN),
                                        "error_title": "Aturan rentang", "error_message": "Pilih bawah atau posisi."})
    r = _tabel_bobot(b, ds, t, tl.PENGATURAN_BARIS0 + len(tl.PENGATURAN) + 1)
    r = _tabel_predikat(b, ds, t, r + 1)

    t.ss_awal = r + tl.SS_JARAK
    ws.write(t.ss_awal - 2, 0, tl.JUDUL_SS, g["bagian"])
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
    for r in range(t.ss_awal + t.n_ss, t.ss_awal + (0 if ds.ss else tl.BARIS_KOSONG_SS)):   # a new unit: rows to type into
        for c2 in (tl.SS_KODE, tl.SS_NAMA):
            b.tulis(nama, r, c2, None, "masukan_teks")
        ws.merge_range(r, tl.SS_PERSPEKTIF, r, tl.SS_PERSPEKTIF + 1, None, g["masukan_teks"])
    ss_akhir = t.ss_awal + max(t.n_ss, 0 if ds.ss else tl.BARIS_KOSONG_SS) - 1
    for nama_def, c2 in tl.NAMA_SS:
        b.wb.define_name(nama_def, f"={rentang(nama, t.ss_awal, c2, ss_akhir, c2)}")

    t.iku_awal = ss_akhir + tl.IKU_JARAK
    ws.write(t.iku_awal - 2, 0, tl.IKU_JUDUL, g["bagian"])
    for c2, h in enumerate(tl.PK_KOLOM):
        ws.write(t.iku_awal - 1, c2, h, g["kepala"])
    t.n_iku = len(ds.iku)
    t.larik = t.n_iku >= tl.IKU_LARIK
    for i, k in enumerate(ds.iku):
        r = t.iku_awal + i
        _baris_pk(b, nama, r, k)
        b.rumus(nama, r, tl.K_TARGET_ANGKA, f"=NILAI_ANGKA({xl_rowcol_to_cell(r, tl.K_TARGET)})",
                fungsi.NILAI_ANGKA(b.ambil(nama, r, tl.K_TARGET)), "umum")
        tinggi(ws, r, k.nama, 46)
    for r in range(t.iku_awal + t.n_iku, t.iku_awal + (0 if ds.iku else tl.BARIS_KOSONG_IKU)):
        for c2 in range(len(tl.PK_KOLOM)):
            if c2 != tl.K_TARGET_ANGKA:
                b.tulis(nama, r, c2, None, "masukan_teks")
    akhir = t.iku_awal + max(t.n_iku, 0 if ds.iku else tl.BARIS_KOSONG_IKU) - 1
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
    ws.data_validation(t.iku_awal, tl.K_KONSOLIDASI, akhir + tl.BARIS_CADANGAN, tl.K_KONSOLIDASI, {
        "validate": "list", "source": list(tl.KONSOLIDASI_PILIHAN), "error_title": "Konsolidasi periode",
        "error_message": "Pilih kumulatif, jumlah, rata, atau terakhir (RUMUS bagian 10)."})
    for c2, w in enumerate((9, 8, 46, 14, 11, 18, 11, 9, 9, 10, 10, 10, 10, 10, 17, 9, 12, 8, 36, 36)):
        ws.set_column(c2, c2, w)
    ws.freeze_panes(t.iku_awal, 3)
    ws.protect("", tl.PROTEKSI[nama])
    cetak(ws, ds, tl.PK, akhir, len(tl.PK_KOLOM) - 1, t.iku_awal - 1)


def _tabel_bobot(b: Buku, ds: Dataset, t: Letak, r: int) -> int:
    """The perspektif weights table (one row per perspektif of the SS table, at least four); returns its last row."""
    ws, g = b.lembar[tl.PK], b.gaya
    ws.write(r, 0, tl.BOBOT_JUDUL, g["bagian"])
    ws.write(r, 3, "Dipakai metode NKO rata_perspektif; kosong semua = rata-rata biasa. Jumlahnya 100.", g["catatan_baris"])
    _kepala(b, r + 1, ((tl.BOBOT_PERSPEKTIF, tl.BOBOT_KEPALA[0]), (tl.BOBOT_NILAI, tl.BOBOT_KEPALA[1])))
    isi = dict(ds.pengaturan.bobot_perspektif)
    for s_ in ds.ss:
        isi.setdefault(s_.perspektif, None)
    baris = list(isi.items()) + [("", None)] * max(0, tl.BOBOT_BARIS_MIN - len(isi))
    r0 = r + 2
    for i, (nama, w) in enumerate(baris):
        ws.merge_range(r0 + i, 0, r0 + i, 1, None, g["masukan_teks"])
        b.tulis(tl.PK, r0 + i, tl.BOBOT_PERSPEKTIF, nama or None, "masukan_teks")
        b.tulis(tl.PK, r0 + i, tl.BOBOT_NILAI, angka_atau_teks(w), "masukan")
    for nama_def, c in tl.NAMA_BOBOT:
        b.wb.define_name(nama_def, f"={rentang(tl.PK, r0, c, r0 + len(baris) - 1, c)}")
    t.bobot = (r0, len(baris))
    return r0 + len(baris) - 1


def _tabel_predikat(b: Buku, ds: Dataset, t: Letak, r: int) -> int:
    """The predicate bands table (the report's bands by default); returns its last row."""
    ws, g = b.lembar[tl.PK], b.gaya
    ws.write(r, 0, tl.PREDIKAT_JUDUL, g["bagian"])
    ws.write(r, 4, "Status IKU, NSS dan NKO; dari batas tertinggi, batas terakhir kosong (di bawah semua batas).", g["catatan_baris"])
    _kepala(b, r + 1, ((tl.PREDIKAT_BATAS, tl.PREDIKAT_KEPALA[0]), (tl.PREDIKAT_NAMA, tl.PREDIKAT_KEPALA[1]),
                       (tl.PREDIKAT_WARNA, tl.PREDIKAT_KEPALA[2])))
    pita = ds.pengaturan.predikat or tl.PREDIKAT_DEFAULT
    r0 = r + 2
    for i, (batas, nama, warna) in enumerate(pita):
        ws.merge_range(r0 + i, 0, r0 + i, 1, None, g["masukan"])
        b.tulis(tl.PK, r0 + i, tl.PREDIKAT_BATAS, angka_atau_teks(batas), "masukan")
        b.tulis(tl.PK, r0 + i, tl.PREDIKAT_NAMA, nama, "masukan_teks")
        b.tulis(tl.PK, r0 + i, tl.PREDIKAT_WARNA, warna, "masukan_teks")
    akhir = r0 + len(pita) - 1
    ws.data_validation(r0, tl.PREDIKAT_WARNA, akhir, tl.PREDIKAT_WARNA, {
        "validate": "list", "source": list(tl.WARNA_PILIHAN), "error_title": "Warna predikat",
        "error_message": "Pilih " + ", ".join(tl.WARNA_PILIHAN) + "."})
    for nama_def, c in tl.NAMA_PREDIKAT:
        b.wb.define_name(nama_def, f"={rentang(tl.PK, r0, c, akhir, c)}")
    t.predikat = (r0, len(pita))
    return akhir


def _kepala(b: Buku, r: int, kepala: tuple[tuple[int, str], ...]) -> None:
    for c, h in kepala:
        if c == 0:
            b.lembar[tl.PK].merge_range(r, 0, r, 1, h, b.gaya["kepala"])
        else:
            b.lembar[tl.PK].write(r, c, h, b.gaya["kepala"])


def _baris_pk(b: Buku, nama: str, r: int, k: IKU) -> None:
    tw = list(k.target_tw) + [None] * (4 - len(k.target_tw))
    teks: dict[int, Any] = {tl.K_KODE: k.kode, tl.K_SS: k.ss, tl.K_NAMA: k.nama, tl.K_SATUAN: k.satuan, tl.K_POL: k.polarisasi, tl.K_TARGET: k.target,
                            **dict(zip(tl.K_TW, tw)), tl.K_KALK: k.kalkulator, tl.K_KUMULATIF: "Ya" if k.kumulatif else "Tidak",
                            tl.K_KONSOLIDASI: k.konsolidasi or tl.KONSOLIDASI_PILIHAN[0], tl.K_SUMBER: k.sumber_data, tl.K_CATATAN: k.catatan}
    angka = {tl.K_BAWAH: k.batas_bawah, tl.K_ATAS: k.batas_atas, tl.K_TERBURUK: k.realisasi_terburuk, tl.K_BOBOT: k.bobot}
    for c in range(len(tl.PK_KOLOM)):
        if c in teks:
            b.tulis(nama, r, c, teks[c], "masukan_teks")
        elif c in angka:
            b.tulis(nama, r, c, angka_atau_teks(angka[c]), "masukan_teks")    # Text: 80% stays 80% (R8)

