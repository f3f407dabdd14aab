"""Excel functions of the calculators, the Indeks Tata Kelola and the budget (RUMUS 4-6, PMK 214/2017)."""
from __future__ import annotations

from typing import Any

import numpy as np

from ..aturan import anggaran, kalkulator, tata_kelola
from ..hitung.penghitung import hitung
from .katalog import fungsi_excel
from .sel import angka, angka_daftar, baris, elemen, opsional, ratakan, satu, sel_nilai, siarkan, tiga_kolom

__all__ = ["INDEKS_KATEGORI", "INDEKS_SKALA4", "KEBERHASILAN_KSP", "RATA_LIKERT", "PERTUMBUHAN", "PROYEKSI_TRIWULAN", "PROYEKSI_TAHUNAN",
           "SELISIH_LEVEL", "JUMLAH_NILAI", "RATA_NILAI", "SKOR_TATA_KELOLA", "KOMPOSIT",
           "TATA_KELOLA_SAKIP", "TATA_KELOLA_RB", "KUALITAS_ANGGARAN", "TATA_KELOLA_KPA", "INDEKS_TATA_KELOLA", "NILAI_SAKIP",
           "PENYERAPAN", "DEVIASI_RPD", "DEVIASI_RPD_RATA", "CAPAIAN_KELUARAN", "EFISIENSI", "NILAI_EFISIENSI"]


@fungsi_excel(skor="Sel atau kolom skor 0-100 (atau persentase survei).")
def INDEKS_KATEGORI(skor):
    """Indeks kategori 1-4 dari skor 0-100: >= 85 = 4 (Sangat Baik), >= 75 = 3 (Baik), >= 65 = 2 (Cukup), lainnya 1."""
    return elemen(lambda s: kalkulator.indeks_kategori(s), skor, nama="skor")


@fungsi_excel(skor="Sel atau kolom skor.", skor_maks="Opsional: skor maksimum (kosong = 100).")
def INDEKS_SKALA4(skor, skor_maks=None):
    """Konversi linear skor ke skala 1-4: skor / skor maksimum x 4 (99,21 menjadi 3,97)."""
    maks = satu(skor_maks, "skor_maks", 100.0)
    return elemen(lambda s: kalkulator.indeks_skala4(s, maks), skor, nama="skor")


@fungsi_excel(tahap="Rentang tahap tiap isu/kebijakan (angka 1-4). Sel kosong diabaikan.")
def KEBERHASILAN_KSP(tahap):
    """Persentase keberhasilan koordinasi, sinkronisasi dan pengendalian: rata-rata (Tahap x 25%) seluruh isu."""
    return kalkulator.keberhasilan_ksp(angka_daftar(tahap, "tahap"))


@fungsi_excel(jawaban="Rentang jawaban responden (1-4). Sel kosong diabaikan.", skala="Opsional: nilai tertinggi skala (kosong = 4).")
def RATA_LIKERT(jawaban, skala=None):
    """Rata-rata jawaban survei skala Likert 1-4 (indeks kepuasan); jawaban di luar skala menghasilkan pesan #."""
    return kalkulator.rata_likert(angka_daftar(jawaban, "jawaban"), int(satu(skala, "skala", 4.0)))


@fungsi_excel(sekarang="Sel atau kolom nilai tahun n.", sebelumnya="Sel atau kolom nilai tahun n-1.")
def PERTUMBUHAN(sekarang, sebelumnya):
    """Pertumbuhan (%): (nilai tahun n - nilai tahun n-1) / nilai tahun n-1 x 100."""
    def f(a: np.ndarray, c: np.ndarray) -> np.ndarray:
        return np.where(c != 0, (a - c) / c * 100.0, np.nan)
    return elemen(f, sekarang, (sebelumnya, "sebelumnya"), nama="sekarang")


@fungsi_excel(triwulan_terakhir="Nilai triwulan terakhir yang sudah ada (mis. TW III).",
               pertumbuhan="Rentang pertumbuhan tahunan (%) tahun-tahun sebelumnya.")
def PROYEKSI_TRIWULAN(triwulan_terakhir, pertumbuhan):
    """Proyeksi triwulan berikutnya: nilai triwulan terakhir x (1 + rata-rata pertumbuhan tahunan / 100)."""
    return kalkulator.proyeksi_triwulan(satu(triwulan_terakhir, "triwulan_terakhir"), angka_daftar(pertumbuhan, "pertumbuhan"))


def _kalkulator(nama: str, **masukan: Any) -> float:
    """A calculator of the PK run by the engine itself (:func:`kinerja.hitung.penghitung.hitung`) on the cells as
    they are: a scalar input is its cell, a list input its cells in order (rule R3: empty skipped). One reading of
    the inputs in the cell and in ``laporan`` (issue 15 item 1)."""
    sel = {k: ratakan(v)[0] if k in _DAFTAR else ratakan(v)[0][0] for k, v in masukan.items()}
    return hitung(nama, sel).nilai


_DAFTAR = {"pertumbuhan", "nilai"}
"""Calculator inputs that are lists (the others are one cell)."""


@fungsi_excel(kumulatif="Jumlah triwulan yang sudah ada (X1+X2+X3).", triwulan_terakhir="Nilai triwulan terakhir (X3).",
               pertumbuhan="Rentang pertumbuhan tahunan (%) tahun-tahun sebelumnya. Sel kosong diabaikan.")
def PROYEKSI_TAHUNAN(kumulatif, triwulan_terakhir, pertumbuhan):
    """Realisasi setahun dengan proyeksi (RUMUS 4): kumulatif + triwulan terakhir x (1 + rata-rata pertumbuhan / 100); masukan kosong = n/a."""
    return _kalkulator("proyeksi_tahunan", kumulatif=kumulatif, triwulan_terakhir=triwulan_terakhir, pertumbuhan=pertumbuhan)


@fungsi_excel(sekarang="Nilai periode n (teks seperti 144,64 Juta boleh).", sebelumnya="Nilai periode n-1.")
def SELISIH_LEVEL(sekarang, sebelumnya):
    """Selisih dua level (RUMUS 4): nilai periode n - nilai periode n-1; salah satu kosong = n/a (bukan 0)."""
    return _kalkulator("selisih_level", sekarang=sekarang, sebelumnya=sebelumnya)


@fungsi_excel(nilai="Rentang nilai (angka atau teks seperti 20 orang). Sel kosong diabaikan; n/a menghasilkan n/a; galat Excel ditolak.")
def JUMLAH_NILAI(nilai):
    """Jumlah nilai seperti mesin membacanya: teks dibaca sebagai angka (20 orang = 20); semua kosong atau n/a di tengah daftar = n/a."""
    return _kalkulator("jumlah", nilai=nilai)


@fungsi_excel(nilai="Rentang nilai (angka atau teks). Sel kosong diabaikan; n/a menghasilkan n/a; galat Excel ditolak.")
def RATA_NILAI(nilai):
    """Rata-rata nilai seperti mesin membacanya (mis. rata-rata pertumbuhan pada proyeksi); semua kosong = n/a."""
    x = angka_daftar(nilai, "nilai")
    if not x:
        raise kalkulator.MasukanKosong("nilai belum diisi")
    return float(np.mean(x))


@fungsi_excel(sub_sakip="Sub-indikator 1 (SAKIP).", sub_rb="Sub-indikator 2 (renaksi RB).", sub_kpa="Sub-indikator 3 (KPA).")
def SKOR_TATA_KELOLA(sub_sakip, sub_rb, sub_kpa):
    """Skor Indeks Tata Kelola 0-100 (RUMUS 5): jumlah tiga sub-indikator; salah satu kosong atau n/a = n/a."""
    return satu(sub_sakip, "sub_sakip") + satu(sub_rb, "sub_rb") + satu(sub_kpa, "sub_kpa")


@fungsi_excel(realisasi="Rentang realisasi tiap komponen.", target="Rentang target tiap komponen.",
               bobot="Rentang bobot tiap komponen.", desimal_rasio="Opsional: bulatkan tiap rasio ke sekian desimal dulu.")
def KOMPOSIT(realisasi, target, bobot, desimal_rasio=None):
    """Komposit rasio berbobot: jumlah (realisasi / target x bobot), mis. 11/13 x 75 + 5/5 x 25 = 88,46."""
    r, t, w = tiga_kolom(realisasi, target, bobot)
    d = opsional(desimal_rasio)
    return kalkulator.komposit(r, t, w, None if d is None else int(d))


@fungsi_excel(nilai="Nilai SAKIP.", target="Target nilai SAKIP.", bobot="Opsional: bobot (kosong = 30).")
def TATA_KELOLA_SAKIP(nilai, target, bobot=None):
    """Sub-indikator 1 Indeks Tata Kelola: nilai SAKIP / target x 30 (83,47 / 85,5 x 30 = 29,29)."""
    return tata_kelola.sub_sakip(satu(nilai, "nilai"), satu(target, "target"), satu(bobot, "bobot", 30.0))


@fungsi_excel(dilaksanakan="Jumlah renaksi RB yang dilaksanakan.", dirumuskan="Jumlah renaksi RB yang dirumuskan.",
               bobot="Opsional: bobot (kosong = 50).")
def TATA_KELOLA_RB(dilaksanakan, dirumuskan, bobot=None):
    """Sub-indikator 2 Indeks Tata Kelola: renaksi RB dilaksanakan / dirumuskan x 50."""
    return tata_kelola.sub_reformasi_birokrasi(satu(dilaksanakan, "dilaksanakan"), satu(dirumuskan, "dirumuskan"),
                                               satu(bobot, "bobot", 50.0))


@fungsi_excel(realisasi="Realisasi unsur: penyerapan anggaran (%), output, kesesuaian penarikan dana (%).",
               target="Target tiap unsur.", bobot="Opsional: bobot tiap unsur (kosong = 40, 20, 40).",
               desimal_rasio="Opsional: bulatkan tiap rasio ke sekian desimal (laporan 2024: 2).")
def KUALITAS_ANGGARAN(realisasi, target, bobot=None, desimal_rasio=None):
    """Kualitas Pelaksanaan Anggaran (0-100): jumlah (realisasi / target x bobot) dengan bobot 40, 20, 40."""
    r, t = angka_daftar(realisasi, "realisasi"), angka_daftar(target, "target")
    w = angka_daftar(bobot, "bobot") if bobot is not None else list(tata_kelola.BOBOT_KPA)
    d = opsional(desimal_rasio)
    return tata_kelola.kualitas_pelaksanaan_anggaran(r, t, w, None if d is None else int(d))


@fungsi_excel(kpa="Nilai Kualitas Pelaksanaan Anggaran (0-100).", persen="Opsional: persentase (kosong = 20).")
def TATA_KELOLA_KPA(kpa, persen=None):
    """Sub-indikator 3 Indeks Tata Kelola: KPA x 20% (99,6 x 20% = 19,92)."""
    return tata_kelola.sub_kpa(satu(kpa, "kpa"), satu(persen, "persen", 20.0))


@fungsi_excel(sub_sakip="Sub-indikator 1 (SAKIP).", sub_rb="Sub-indikator 2 (Reformasi Birokrasi).",
               sub_kpa="Sub-indikator 3 (Kualitas Pelaksanaan Anggaran).", cara="Opsional: linear (bawaan) atau kategori.")
def INDEKS_TATA_KELOLA(sub_sakip, sub_rb, sub_kpa, cara=None):
    """Indeks Tata Kelola skala 1-4 dari jumlah tiga sub-indikator (0-100): linear skor/100 x 4 (99,21 menjadi 3,97) atau kategori 85/75/65."""
    skor = satu(sub_sakip, "sub_sakip") + satu(sub_rb, "sub_rb") + satu(sub_kpa, "sub_kpa")
    return tata_kelola.skala_tata_kelola(skor, str(cara or "linear").strip().lower())


@fungsi_excel(nilai="Tabel nilai: satu baris per komponen, satu kolom per sub-komponen.",
               bobot="Kolom bobot tiap komponen (harus berjumlah 100).")
def NILAI_SAKIP(nilai, bobot):
    """Nilai evaluasi SAKIP: jumlah seluruh komponen; tiap komponen = jumlah sub-komponennya dan tidak boleh melebihi bobotnya; bobot harus berjumlah 100."""
    vals, b = ratakan(nilai)
    baris = b.baris if b.jenis == "2d" else len(vals)
    per = max(1, len(vals) // max(1, baris))
    w = angka_daftar(bobot, "bobot")
    if len(w) != baris:
        raise ValueError(f"jumlah bobot ({len(w)}) harus sama dengan jumlah baris komponen ({baris})")
    komponen = {f"komponen {i + 1}": angka_daftar(vals[i * per:(i + 1) * per], "nilai") for i in range(baris)}
    return tata_kelola.nilai_sakip(komponen, {f"komponen {i + 1}": x for i, x in enumerate(w)}).total


# ------------------------------------------------------------------ budget

@fungsi_excel(realisasi="Sel atau kolom realisasi anggaran (Rp).", pagu="Sel atau kolom pagu (Rp).")
def PENYERAPAN(realisasi, pagu):
    """Penyerapan anggaran (%): realisasi / pagu x 100; pagu 0 atau kosong menghasilkan n/a."""
    return elemen(anggaran.penyerapan, realisasi, (pagu, "pagu"), nama="realisasi")


@fungsi_excel(realisasi="Sel atau baris realisasi bulanan (Rp).", rpd="Sel atau baris rencana penarikan dana (RPD) bulanan (Rp).")
def DEVIASI_RPD(realisasi, rpd):
    """Deviasi realisasi terhadap RPD halaman III DIPA (%): min(|realisasi - RPD| / RPD x 100; 100); RPD kosong menghasilkan n/a."""
    return elemen(anggaran.deviasi_rpd, realisasi, (rpd, "rpd"), nama="realisasi")


@fungsi_excel(realisasi="Baris realisasi bulanan (Rp) pada periode yang dinilai.", rpd="Baris RPD bulanan (Rp) sejajar dengan realisasi.")
def DEVIASI_RPD_RATA(realisasi, rpd):
    """Rata-rata deviasi bulanan realisasi terhadap RPD (%) atas bulan yang realisasi dan RPD-nya terisi; n/a bila belum ada."""
    r, _ = ratakan(realisasi)
    p = siarkan(rpd, len(r), "rpd")
    xr, gr = angka(r, "realisasi")
    xp, gp = angka(p, "rpd")
    galat = next((g for g in (gr or []) + (gp or []) if g), None)
    if galat:
        raise ValueError(galat.lstrip("#"))
    return sel_nilai(anggaran.deviasi_rpd_rata(xr, xp))


@fungsi_excel(rvk="Kolom realisasi volume keluaran (RVK) per kegiatan.", tvk="Kolom target volume keluaran (TVK).",
               rikk="Tabel realisasi indikator keluaran (RIKK): satu baris per kegiatan.",
               tikk="Tabel target indikator keluaran (TIKK), sejajar dengan RIKK.")
def CAPAIAN_KELUARAN(rvk, tvk, rikk, tikk):
    """Capaian Keluaran Kegiatan (PMK 214/2017, %): rata-rata geometrik indikator per keluaran, lalu rata-rata geometrik seluruh keluaran."""
    rv, tv = angka_daftar(rvk, "RVK"), angka_daftar(tvk, "TVK")
    baris_r, baris_t = baris(rikk, len(rv)), baris(tikk, len(tv))
    ri = [angka_daftar(b, "RIKK") for b in baris_r]
    ti = [angka_daftar(b, "TIKK") for b in baris_t]
    return anggaran.capaian_keluaran(rv, tv, ri, ti)


@fungsi_excel(pagu="Kolom pagu anggaran keluaran (PAK).", ck="Kolom capaian keluaran (%) tiap keluaran.",
               realisasi="Kolom realisasi anggaran keluaran (RAK).")
def EFISIENSI(pagu, ck, realisasi):
    """Efisiensi (%): jumlah (PAK x CK - RAK) / jumlah (PAK x CK) x 100, CK sebagai pecahan."""
    p, c, r = tiga_kolom(pagu, ck, realisasi)
    return sel_nilai(anggaran.efisiensi(p, c, r))


@fungsi_excel(efisiensi="Sel atau kolom efisiensi (%).")
def NILAI_EFISIENSI(efisiensi):
    """Nilai Efisiensi: 50 + efisiensi / 20 x 50 (efisiensi 0,77% menjadi 51,9)."""
    return elemen(anggaran.nilai_efisiensi, efisiensi, nama="efisiensi")

