"""The supporting sheets: Arsip (values of IKU no longer in PK), Validasi (filled by the Validasi button) and
xlwings.conf (Python settings)."""
from __future__ import annotations

from ..buku import tata_letak as tl
from ..data.dataset import Dataset
from .dasar import Buku, angka_atau_teks, cetak, ref

__all__ = ["lembar_arsip", "lembar_validasi", "lembar_xlwings"]


def lembar_arsip(b: Buku, ds: Dataset) -> None:
    """Write the Arsip sheet: every value Susun Ulang could not place (its IKU left the PK), with where it was."""
    nama = tl.ARSIP
    ws = b.tambah(nama)
    g = b.gaya
    ws.write(0, 0, "Arsip: isian IKU yang tidak lagi ada pada PK", g["judul"])
    ws.write(1, 0, "Ditulis oleh Susun Ulang; tidak ada isian yang hilang. Salin kembali ke lembar TW/Rincian bila IKU-nya "
             "dipakai lagi.", g["subjudul"])
    for c, (h, w) in enumerate(zip(tl.ARSIP_KOLOM, (10, 12, 9, 28, 24, 40))):
        ws.write(tl.ARSIP_BARIS0 - 1, c, h, g["kepala"])
        ws.set_column(c, c, w)
    for i, a in enumerate(ds.arsip):
        r = tl.ARSIP_BARIS0 + i
        for c, v in ((tl.AR_KODE, a.kode), (tl.AR_LEMBAR, a.lembar), (tl.AR_SEL, a.sel), (tl.AR_APA, a.apa), (tl.AR_CATATAN, a.catatan)):
            b.tulis(nama, r, c, v or None, "teks")
        b.tulis(nama, r, tl.AR_NILAI, v if isinstance(v := a.nilai, str) else angka_atau_teks(v), "umum")
    ws.freeze_panes(tl.ARSIP_BARIS0, 0)
    ws.protect("", tl.PROTEKSI[nama])
    cetak(ws, ds, nama, tl.ARSIP_BARIS0 + len(ds.arsip), len(tl.ARSIP_KOLOM) - 1, tl.ARSIP_BARIS0 - 1)


def lembar_validasi(b: Buku, ds: Dataset) -> None:
    """Write the empty Validasi sheet with its TW choice (defined name ``Triwulan_Validasi``)."""
    nama = tl.VALIDASI
    ws = b.tambah(nama)
    g = b.gaya
    ws.write(0, 0, "Temuan validasi", g["judul"])
    ws.write(1, 0, "Diisi oleh tombol Validasi pada lembar TW (atau 'kinerja validasi'). Klik alamat sel untuk menuju sel bermasalah.",
             g["subjudul"])
    r, c = tl.VALIDASI_TRIWULAN
    b.tulis(nama, r, c - 1, "Triwulan", "teks_kunci")
    b.tulis(nama, r, c, "Semua", "masukan_teks")
    ws.write(r, c + 1, "Triwulan yang diperiksa bila tombol ditekan di luar lembar TW", g["catatan_baris"])
    ws.data_validation(r, c, r, c, {"validate": "list", "source": ["Semua", *tl.LEMBAR_TW]})
    b.wb.define_name(tl.NAMA_TRIWULAN_VALIDASI, f"={ref(nama, r, c)}")
    for c, (h, w) in enumerate(tl.VALIDASI_KOLOM):
        ws.write(tl.VALIDASI_KEPALA_BARIS, c, h, g["kepala"])
        ws.set_column(c, c, w)
    ws.freeze_panes(tl.BARIS_TEMUAN, 0)
    cetak(ws, ds, nama, 40, len(tl.VALIDASI_KOLOM) - 1, tl.VALIDASI_KEPALA_BARIS)


CATATAN_INTERPRETER = ("Python (Interpreter_Win) diatur TI di %USERPROFILE%\\.xlwings\\xlwings.conf, baris: "
                       '"INTERPRETER_WIN","C:\\...\\python.exe". Kunci yang ada di lembar ini, walau kosong, mengalahkan '
                       "berkas itu; bila perlu ditulis di sini, tambahkan langsung di bawah tabel, tanpa tanda kutip.")


def lembar_xlwings(b: Buku) -> None:
    """Write xlwings.conf: only keys with a value (an empty key would override IT's user-level xlwings.conf), the
    UDF module first; a note below the table (column C, so xlwings, reading column A, never takes it for a key)."""
    ws = b.tambah(tl.XLWINGS_CONF)
    for r, (k, v, ket) in enumerate(tl.XLWINGS_CONF_ISI):
        if not v:
            raise ValueError(f"xlwings.conf: kunci '{k}' tanpa nilai akan menimpa xlwings.conf pengguna")
        b.tulis(tl.XLWINGS_CONF, r, 0, k)
        b.tulis(tl.XLWINGS_CONF, r, 1, v, "masukan_teks")
        ws.write(r, 2, ket, b.gaya["catatan"])
    ws.write(len(tl.XLWINGS_CONF_ISI) + 1, 2, CATATAN_INTERPRETER, b.gaya["catatan"])
    ws.set_column(0, 0, 30)
    ws.set_column(1, 1, 30)
    ws.set_column(2, 2, 80)
