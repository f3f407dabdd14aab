"""Rules of the PK sheet: the settings, the SS table and the IKU table (codes, polarisasi, targets)."""
from __future__ import annotations

from collections import Counter
from typing import Any

from ..aturan.agregasi import METODE_NKO
from ..aturan.capaian import nama_polarisasi
from ..buku import tata_letak as tl
from ..buku.baca import Posisi
from ..data.dataset import IKU, Dataset
from ..data.notasi import Jenis
from .daftar import GALAT, PERINGATAN, Kumpulan, aturan
from .umum import A_ANGKA_NEGATIF, SATUAN_CACAH, angka_pesan, baca_sel, besaran, satuan_bertentangan

__all__ = ["periksa_pengaturan", "periksa_ss_iku"]

A_METODE_NKO = aturan("metode-nko", GALAT, tl.PK, "Metode NKO bukan rata_nss, rata_perspektif atau rata_iku.")
A_BATAS_NKO = aturan("batas-nko", GALAT, tl.PK, "Batas NKO, batas NSS atau batas capaian bukan angka positif (batas capaian wajib diisi).")
A_SKALA_TATA_KELOLA = aturan("skala-tata-kelola", GALAT, tl.PK, "Skala tata kelola bukan linear atau kategori.")
A_DESIMAL_KPA = aturan("desimal-kpa", GALAT, tl.PK, "Desimal KPA bukan bilangan bulat 0-6 (atau kosong).")
A_TAHUN = aturan("tahun", GALAT, tl.PK, "Tahun PK di luar 2000-2100.")
A_KODE_GANDA = aturan("kode-ganda", GALAT, tl.PK, "Kode SS atau kode IKU yang muncul lebih dari sekali.")
A_SS_TANPA_IKU = aturan("ss-tanpa-iku", PERINGATAN, tl.PK, "Sasaran Strategis tanpa IKU (NSS-nya n/a).")
A_SS_TIDAK_DIKENAL = aturan("ss-tidak-dikenal", GALAT, tl.PK, "IKU yang merujuk kode SS yang tidak ada pada tabel Sasaran Strategis.")
A_POLARISASI = aturan("polarisasi", GALAT, tl.PK, "Polarisasi bukan Maximize, Minimize atau Stabilize.")
A_IKU_KOSONG = aturan("iku-kosong", GALAT, tl.PK, "Tabel IKU pada lembar PK yang belum diisi (workbook awal unit baru).")
A_TARGET_KOSONG = aturan("target-kosong", GALAT, tl.PK, "Target IKU belum diisi (kecuali stabilize yang batas bawahnya terisi).")
A_STABILIZE_TANPA_RENTANG = aturan("stabilize-tanpa-rentang", GALAT, tl.PK, "Polarisasi stabilize tanpa target rentang, atau tanpa "
                                   "batas bawah dan batas atas.")
A_TARGET_NOL_MAXIMIZE = aturan("target-nol-maximize", GALAT, tl.PK, "Target 0 pada polarisasi maximize (pembagian dengan nol).")
A_TARGET_NOL_MINIMIZE = aturan("target-nol-minimize", GALAT, tl.PK, "Minimize dengan target 0 tanpa realisasi terburuk (nilai yang "
                               "dianggap capaian 0).")


def periksa_pengaturan(k: Kumpulan, ds: Dataset, pos: Posisi) -> None:
    """The settings on PK: NKO method and caps, capaian cap, scale, KPA decimals, year."""
    p = ds.pengaturan
    sel = pos.pengaturan
    if tl.N_NKO_METODE in sel and str(p.nko_metode or "").strip() not in METODE_NKO:
        k.tambah(A_METODE_NKO, sel[tl.N_NKO_METODE], f"Metode NKO '{p.nko_metode or ''}' tidak dikenal",
                 f"Pilih salah satu: {', '.join(METODE_NKO)}")
    for nama, x, wajib in ((tl.N_NKO_BATAS, p.nko_batas, False), (tl.N_NSS_BATAS, p.nss_batas, False), (tl.N_BATAS_CAPAIAN, p.batas_capaian, True)):
        if nama not in sel:
            continue
        n = baca_sel(k, sel[nama], x, nama.replace("_", " "))
        if n is None:
            continue
        if (not n.tersedia and wajib) or (n.tersedia and not n.tunggal() > 0):
            k.tambah(A_BATAS_NKO, sel[nama], f"{nama.replace('_', ' ')} '{x if x is not None else ''}' harus angka positif"
                     + ("" if wajib else " atau dikosongkan"), "Isi angka positif, mis. 100 (atau 120 untuk batas capaian)")
    if tl.N_SKALA in sel and str(p.skala_tata_kelola or "").strip() not in tl.SKALA_PILIHAN:
        k.tambah(A_SKALA_TATA_KELOLA, sel[tl.N_SKALA], f"Skala tata kelola '{p.skala_tata_kelola or ''}' tidak dikenal",
                 "Pilih linear atau kategori")
    if tl.N_DESIMAL_KPA in sel and p.desimal_rasio_kpa not in (None, ""):
        n = baca_sel(k, sel[tl.N_DESIMAL_KPA], p.desimal_rasio_kpa, "Desimal KPA")
        if n is not None and not (n.tersedia and n.tunggal() == int(n.tunggal()) and 0 <= n.tunggal() <= 6):
            k.tambah(A_DESIMAL_KPA, sel[tl.N_DESIMAL_KPA], f"Desimal KPA '{p.desimal_rasio_kpa}' harus bilangan bulat 0-6 atau kosong",
                     "Isi 2 (seperti laporan) atau kosongkan")
    if tl.N_TAHUN in sel and not 2000 <= ds.tahun <= 2100:
        k.tambah(A_TAHUN, sel[tl.N_TAHUN], "Tahun tidak valid", "Isi tahun PK, mis. 2024")


def periksa_ss_iku(k: Kumpulan, ds: Dataset, pos: Posisi) -> None:
    """The SS and IKU tables: unique codes, known SS, every SS with an IKU, each IKU's polarisasi and target."""
    if not ds.iku and pos.iku_kepala is not None:
        k.tambah(A_IKU_KOSONG, (tl.PK, pos.iku_kepala + 1, tl.K_KODE), "tabel IKU pada lembar PK belum diisi: belum ada yang "
                 "dapat diukur", "Isi tabel Sasaran Strategis dan IKU, lalu tekan Susun Ulang (atau: kinerja susun BERKAS --keluar BARU.xlsm)")
    kode_ss = [s.kode for s in ds.ss]
    jumlah_ss, dipakai = Counter(kode_ss), {i.ss for i in ds.iku}          # sets: linear in SS and IKU
    for s in ds.ss:
        if jumlah_ss[s.kode] > 1:
            k.tambah(A_KODE_GANDA, pos.ss[s.kode], f"Kode SS '{s.kode}' muncul lebih dari sekali", "Beri kode SS yang unik")
        if s.kode not in dipakai:
            k.tambah(A_SS_TANPA_IKU, pos.ss[s.kode], f"SS {s.kode} tidak memiliki IKU; NSS-nya n/a",
                     "Tambahkan IKU untuk SS ini pada tabel IKU, atau hapus SS")
    kol = pos.iku_kolom
    dilihat: set[str] = set()
    for (kode, r), iku in zip(pos.iku_baris, ds.iku):
        sel = lambda c, r=r: (tl.PK, r, kol.get(tl.PK_KOLOM[c], c))  # noqa: E731  (the column where staff left the header)
        if kode in dilihat:
            k.tambah(A_KODE_GANDA, sel(tl.K_KODE), f"Kode IKU '{kode}' muncul lebih dari sekali", "Beri kode IKU yang unik")
        dilihat.add(kode)
        if iku.ss not in jumlah_ss:
            k.tambah(A_SS_TIDAK_DIKENAL, sel(tl.K_SS), f"IKU {kode} merujuk SS '{iku.ss}' yang tidak ada pada tabel Sasaran Strategis",
                     f"Pilih salah satu kode SS: {', '.join(kode_ss)}")
        _iku_target(k, iku, sel)


def _iku_target(k: Kumpulan, iku: IKU, sel: Any) -> None:
    pol = nama_polarisasi(iku.polarisasi)
    s_pol, s_t = sel(tl.K_POL), sel(tl.K_TARGET)
    if pol is None:
        k.tambah(A_POLARISASI, s_pol, f"IKU {iku.kode}: polarisasi '{iku.polarisasi or ''}' bukan salah satu dari tiga",
                 "Pilih Maximize, Minimize, atau Stabilize")
    lain = {}
    for kolom, x in ((tl.K_BAWAH, iku.batas_bawah), (tl.K_ATAS, iku.batas_atas), (tl.K_TERBURUK, iku.realisasi_terburuk)):
        lain[kolom] = baca_sel(k, sel(kolom), x, f"IKU {iku.kode}, {tl.PK_KOLOM[kolom].lower()}")
    for j, x in enumerate(iku.target_tw):
        baca_sel(k, sel(tl.K_TW[j]), x, f"IKU {iku.kode}, target TW {j + 1}")
    t = baca_sel(k, s_t, iku.target, f"IKU {iku.kode}, target")
    if t is None:
        return
    if not t.tersedia:
        if not (pol == "stabilize" and lain[tl.K_BAWAH] and lain[tl.K_BAWAH].tersedia):
            k.tambah(A_TARGET_KOSONG, s_t, f"IKU {iku.kode}: target belum diisi", "Isi target sesuai Perjanjian Kinerja")
        return
    besaran(k, s_t, t.tunggal(), iku, "target")
    satuan_bertentangan(k, s_t, t, iku, "target")
    if t.tunggal() < 0 and iku.satuan.strip().lower() in SATUAN_CACAH:
        k.tambah(A_ANGKA_NEGATIF, s_t, f"IKU {iku.kode}: target {angka_pesan(t.tunggal())} negatif untuk satuan '{iku.satuan}'",
                 "Jumlah tidak mungkin negatif; periksa target")
    ada_band = t.jenis is Jenis.RENTANG or all(lain[j] is not None and lain[j].tersedia for j in (tl.K_BAWAH, tl.K_ATAS))
    if pol == "stabilize" and not ada_band:
        k.tambah(A_STABILIZE_TANPA_RENTANG, s_t, f"IKU {iku.kode}: polarisasi stabilize tanpa rentang", "Tulis target sebagai rentang (mis. 2,7 – 3) "
                 "atau isi Batas bawah dan Batas atas")
    if t.jenis is not Jenis.RENTANG and t.tunggal() == 0:
        w = lain[tl.K_TERBURUK]
        if pol == "maximize":
            k.tambah(A_TARGET_NOL_MAXIMIZE, s_t, f"IKU {iku.kode}: target 0 pada polarisasi maximize tidak dapat dihitung (pembagian dengan nol)",
                     "Perbaiki target; untuk indikator 'semakin kecil semakin baik' gunakan Minimize")
        elif pol == "minimize" and not (w is not None and w.tersedia):
            k.tambah(A_TARGET_NOL_MINIMIZE, s_t, f"IKU {iku.kode}: minimize dengan target 0 memerlukan realisasi terburuk",
                     "Isi kolom Realisasi terburuk (nilai yang dianggap capaian 0)")
