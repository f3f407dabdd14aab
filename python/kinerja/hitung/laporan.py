"""The Laporan Kinerja recomputed from a dataset: Tabel 3.4, NSS, NKO, history, reconciliation.

This is where raw values meet the rules. Every IKU's target and realisasi are parsed here; any bad
value (unparsable text, zero or missing target, unknown polarisasi, band missing for stabilize,
a calculator that refuses its inputs) makes that IKU n/a with an ``alasan`` naming the IKU, the
field and the text, and never stops the report.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..aturan.agregasi import MetodeNKO, PengaturanError, hitung_nko
from ..aturan.anggaran import penyerapan
from ..aturan.capaian import PREDIKAT_BAWAAN, Predikat, alasan_na, capaian_iku, periksa_predikat, status_capaian
from ..aturan.kalkulator import KalkulatorError
from ..aturan.rekonsiliasi import BarisRekonsiliasi, IndeksHitungan, urutkan
from ..aturan.tata_kelola import nilai_sakip
from ..data.dataset import IKU, BarisRiwayat, Dataset, EvaluasiSakip, Pengaturan
from ..data.notasi import NotasiError, angka_atau_nan, baca_nilai
from .laporan_anggaran import konteks_anggaran, susun_anggaran
from .masukan import MasukanError, MasukanIKU, realisasi_riwayat, siapkan_iku
from .penghitung import hitung
from .terbit import bandingkan_teks

__all__ = ["HasilIKU", "HasilSS", "HasilRiwayat", "NKOLaporan", "Laporan", "susun_laporan", "siapkan_iku", "MasukanIKU", "nilai_iku",
           "konsolidasi", "hitung_capaian", "hitung_riwayat", "predikat", "MasukanError"]


@dataclass(frozen=True)
class HasilIKU:
    """One row of Tabel 3.4 as recomputed."""

    kode: str
    ss: str
    nama: str
    satuan: str
    polarisasi: str
    target_teks: str
    target: float
    realisasi: float
    capaian: float
    capaian_tanpa_batas: float
    status: str
    alasan: str | None
    proyeksi: bool
    rincian: dict[str, float]


@dataclass(frozen=True)
class HasilSS:
    """NSS of one Sasaran Strategis."""

    kode: str
    perspektif: str
    nama: str
    nilai: float
    status: str


@dataclass(frozen=True)
class NKOLaporan:
    """NKO with the method and cap that produced it, the uncapped value, and why if n/a."""

    nilai: float
    tanpa_batas: float
    metode: str
    batas: float | None
    status: str
    alasan: str | None = None


@dataclass(frozen=True)
class HasilRiwayat:
    """One IKU-year of the history table recomputed."""

    kode: str
    nama: str
    tahun: int
    target: float
    realisasi: float
    capaian: float
    capaian_terbit: Any
    alasan: str | None
    baris: int | None
    catatan: str = ""


@dataclass(frozen=True)
class Laporan:
    """Everything ``kinerja laporan`` prints."""

    unit: str
    unit_singkat: str
    tahun: int
    periode: str
    iku: list[HasilIKU]
    nss: list[HasilSS]
    perspektif: dict[str, float]
    nko: NKOLaporan
    riwayat: list[HasilRiwayat]
    hitungan: dict[str, float]
    rekonsiliasi: list[BarisRekonsiliasi]

    @property
    def ada_na(self) -> bool:
        """True when any IKU, or the NKO, is n/a."""
        return any(i.alasan for i in self.iku) or self.nko.alasan is not None


def _batas_capaian(p: Pengaturan) -> float | None:
    """The cap of every capaian (RUMUS 2: 'dapat dikonversi menjadi 120'); empty means 120 and 0 means no cap
    (None), as in the cell (rule R7 of issue 15: CAPAIAN_IKU's help says "isi 0 untuk tanpa batas")."""
    if p.batas_capaian in (None, ""):
        return 120.0                               # what CAPAIAN_IKU does with an empty cap (the validator flags it)
    n = baca_nilai(p.batas_capaian)
    if not n.tersedia:
        return 120.0                               # '-' or 'n/a' is not given, as empty (rule R2), in the cell too
    if n.tunggal() < 0:
        raise PengaturanError(f"pengaturan batas_capaian '{p.batas_capaian}' harus angka positif, atau 0 untuk tanpa batas")
    return None if n.tunggal() == 0 else n.tunggal()


def hitung_capaian(masukan: list[MasukanIKU], batas: float | None) -> tuple[np.ndarray, np.ndarray]:
    """Capaian of many IKU in one vectorised call: capped and uncapped."""
    kol = {f: np.array([getattr(m, f) for m in masukan], dtype=float)
           for f in ("realisasi", "target", "batas_bawah", "batas_atas", "realisasi_terburuk")}
    pol = [m.polarisasi if m.alasan is None else "" for m in masukan]
    args = dict(batas_bawah=kol["batas_bawah"], batas_atas=kol["batas_atas"], realisasi_terburuk=kol["realisasi_terburuk"],
                rentang_posisi=np.array([m.rentang_posisi for m in masukan], dtype=bool))
    mentah = capaian_iku(kol["realisasi"], kol["target"], pol, batas_maks=None, **args)
    return (np.minimum(mentah, batas) if batas is not None else mentah), mentah


def _alasan_baris(iku: IKU, m: MasukanIKU, capaian: float) -> str | None:
    if m.alasan:
        return m.alasan
    if not math.isnan(capaian):
        return None
    if m.rentang_posisi and m.batas_bawah > m.batas_atas:
        return f"IKU {iku.kode}: batas bawah lebih besar dari batas atas"
    a = alasan_na(m.realisasi, m.target, m.polarisasi, batas_bawah=m.batas_bawah, batas_atas=m.batas_atas,
                  realisasi_terburuk=m.realisasi_terburuk)
    return f"IKU {iku.kode}: {a or 'capaian tidak dapat dihitung'}"


def susun_laporan(ds: Dataset) -> Laporan:
    """Recompute the whole Laporan Kinerja of a dataset (Tabel 3.4, NSS, NKO, history, reconciliation)."""
    peng = vars(ds.pengaturan)
    konteks = konteks_anggaran(ds)
    masukan = [siapkan_iku(i, peng, konteks) for i in ds.iku]
    iku, batas = nilai_iku(ds, masukan)
    nss, perspektif, nko = konsolidasi(ds, iku)
    riwayat = [_riwayat(b, batas, ds.pengaturan) for b in ds.riwayat]
    hitungan = _hitungan(ds, iku, nss, nko, riwayat)
    rek = _rekonsiliasi(ds, hitungan, riwayat, peng, konteks)
    return Laporan(ds.unit, ds.unit_singkat, ds.tahun, ds.periode, iku, nss, perspektif, nko, riwayat, hitungan, rek)


def nilai_iku(ds: Dataset, masukan: list[MasukanIKU]) -> tuple[list[HasilIKU], float | None]:
    """Capaian, status and alasan of every IKU from its parsed inputs (one vectorised call), and the cap used.

    A bad cap setting makes every IKU n/a with the reason. An IKU whose SS is not in the SS table keeps the
    capaian its cell computes but carries the reason (the report is then not complete: exit 1).
    """
    batas: float | None = 120.0                   # the history's cap when the setting is unusable (as before)
    try:
        batas = _batas_capaian(ds.pengaturan)
        capaian, mentah = hitung_capaian(masukan, batas)
        alasan_umum = None
    except (PengaturanError, NotasiError) as e:
        capaian = mentah = np.full(len(masukan), np.nan)
        alasan_umum = str(e)
    kode_ss = {s.kode for s in ds.ss}
    pita = predikat(ds.pengaturan)
    hasil = []
    for i, m, c, u in zip(ds.iku, masukan, capaian, mentah):
        ss_hilang = f"IKU {i.kode}: SS '{i.ss}' tidak ada pada tabel Sasaran Strategis" if i.ss not in kode_ss else None
        hasil.append(_hasil_iku(i, m, c, u, alasan_umum or ss_hilang, pita))
    return hasil, batas


def predikat(p: Pengaturan) -> Predikat | None:
    """The predicate bands of the settings (the report's when the table is empty); None when the table is unusable."""
    if not p.predikat:
        return PREDIKAT_BAWAAN
    try:
        return periksa_predikat((None if b in (None, "") else angka_atau_nan(b), n, None) for b, n, _ in p.predikat)   # colours: display only
    except ValueError:
        return None


def _status(x: float, pita: Predikat | None) -> str:
    return str(status_capaian(x, pita)) if pita is not None else "n/a"


def _hasil_iku(i: IKU, m: MasukanIKU, c: float, u: float, alasan_umum: str | None, pita: Predikat | None) -> HasilIKU:
    alasan = alasan_umum or _alasan_baris(i, m, c)
    return HasilIKU(i.kode, i.ss, i.nama, i.satuan, m.polarisasi, "" if i.target is None else str(i.target),
                    m.target if not math.isnan(m.target) else m.batas_bawah, m.realisasi, float(c), float(u),
                    _status(c, pita), alasan, m.proyeksi, m.rincian)


def konsolidasi(ds: Dataset, iku: list[HasilIKU]) -> tuple[list[HasilSS], dict[str, float], NKOLaporan]:
    """NSS per SS, perspektif values and the NKO (method and caps from the settings; RUMUS 3)."""
    p = ds.pengaturan
    persp = {s.kode: s.perspektif for s in ds.ss}
    for i in iku:
        persp.setdefault(i.ss, "(tanpa perspektif)")
    pita = predikat(p)
    bobot_iku, salah_bobot = _bobot_iku(ds) if len(ds.iku) == len(iku) else (None, None)
    try:
        if salah_bobot:                              # the cells refuse it too: every NSS and the NKO are n/a
            raise PengaturanError(salah_bobot)
        metode = MetodeNKO(str(p.nko_metode or ""), _opsional(p.nko_batas, "nko_batas"), _opsional(p.nss_batas, "nss_batas"))
        nilai_ss, perspektif, h = hitung_nko([i.capaian for i in iku], [i.ss for i in iku], persp, metode, bobot_iku,
                                             bobot_perspektif(p))
        nko = NKOLaporan(h.nilai, h.tanpa_batas, h.metode, h.batas, _status(h.nilai, pita),
                         None if not math.isnan(h.nilai) else "NKO: tidak ada capaian IKU yang dapat dihitung")
    except PengaturanError as e:
        nilai_ss, perspektif, _ = hitung_nko([i.capaian for i in iku], [i.ss for i in iku], persp, MetodeNKO(), bobot_iku)
        if salah_bobot:
            nilai_ss, perspektif = {k: math.nan for k in nilai_ss}, {k: math.nan for k in perspektif}
        nko = NKOLaporan(math.nan, _tanpa_batas(p, iku, persp, bobot_iku), str(p.nko_metode), None, "n/a", f"NKO: {e}")
    nama = {s.kode: s.nama for s in ds.ss}
    nss = [HasilSS(k, persp[k], nama.get(k, ""), v, _status(v, pita)) for k, v in nilai_ss.items()]
    return nss, perspektif, nko


def _bobot_iku(ds: Dataset) -> tuple[list[float], str | None]:
    """The IKU weights (NaN = none) and, when one is not a non-negative number, why (the NSS cells refuse it as well)."""
    w = [angka_atau_nan(i.bobot) for i in ds.iku]
    salah = next((i for i, x in zip(ds.iku, w) if i.bobot not in (None, "") and (math.isnan(x) or x < 0)), None)
    return w, (f"bobot IKU {salah.kode} '{salah.bobot}' bukan angka tidak negatif" if salah else None)


def bobot_perspektif(p: Pengaturan) -> dict[str, float] | None:
    """Perspektif -> weight (%) of the settings table, None when it is empty; a weight that is not a number is refused."""
    if not p.bobot_perspektif:
        return None
    out = {}
    for nama, b in p.bobot_perspektif:
        x = angka_atau_nan(b)
        if math.isnan(x) or x < 0:
            raise PengaturanError(f"bobot perspektif '{nama}' harus angka tidak negatif (tertulis '{b}')")
        out[str(nama).strip()] = x
    return out


def _tanpa_batas(p: Pengaturan, iku: list[HasilIKU], persp: dict[str, str], bobot_iku: list[float] | None) -> float:
    """The uncapped NKO when only a cap setting is bad (what the workbook's 'NKO tanpa batas' cell computes)."""
    try:
        return hitung_nko([i.capaian for i in iku], [i.ss for i in iku], persp, MetodeNKO(str(p.nko_metode or "")), bobot_iku,
                          bobot_perspektif(p))[2].nilai
    except PengaturanError:
        return math.nan


def _opsional(x: Any, nama: str) -> float | None:
    if x in (None, ""):
        return None
    try:
        n = baca_nilai(x)
    except NotasiError as e:
        raise PengaturanError(f"pengaturan {nama}: {e}") from None
    return n.tunggal() if n.tersedia else None


def hitung_riwayat(ds: Dataset) -> list[HasilRiwayat]:
    """The history rows recomputed with the dataset's cap (without the rest of the report)."""
    try:
        batas: float | None = _batas_capaian(ds.pengaturan)
    except (PengaturanError, NotasiError):
        batas = 120.0
    return [_riwayat(b, batas, ds.pengaturan) for b in ds.riwayat]


def _riwayat(b: BarisRiwayat, batas: float | None, p: Pengaturan) -> HasilRiwayat:
    iku = IKU(b.kode, "", b.nama, b.satuan, b.polarisasi, b.target, realisasi_riwayat(b.realisasi, b.realisasi_koreksi))
    m = siapkan_iku(iku, {"aturan_rentang": p.aturan_rentang}, {})
    c = float(capaian_iku(m.realisasi, m.target, m.polarisasi, batas_bawah=m.batas_bawah, batas_atas=m.batas_atas,
                          realisasi_terburuk=m.realisasi_terburuk, batas_maks=batas,
                          rentang_posisi=m.rentang_posisi)) if m.alasan is None else math.nan
    alasan = _alasan_baris(iku, m, c)
    return HasilRiwayat(b.kode, b.nama, b.tahun, m.target, m.realisasi, c, b.capaian_terbit, alasan, b.baris, b.catatan)


def _hitungan(ds: Dataset, iku: list[HasilIKU], nss: list[HasilSS], nko: NKOLaporan,
              riwayat: list[HasilRiwayat]) -> dict[str, float]:
    """Every recomputed quantity under the key published numbers refer to (``capaian:1.1``, ...)."""
    h: dict[str, float] = {}
    for r in riwayat:
        h[f"realisasi:{r.kode}:{r.tahun}"] = r.realisasi
        h[f"capaian:{r.kode}:{r.tahun}"] = r.capaian
    for i in iku:
        h[f"realisasi:{i.kode}"] = i.realisasi
        h[f"capaian:{i.kode}"] = i.capaian
        h[f"capaian_tanpa_batas:{i.kode}"] = i.capaian_tanpa_batas
        for k, v in i.rincian.items():
            h[f"rincian:{i.kode}:{k}"] = v
    for s in nss:
        h[f"nss:{s.kode}"] = s.nilai
    h["nko"], h["nko_tanpa_batas"] = nko.nilai, nko.tanpa_batas
    h.update(_hitungan_anggaran(ds))
    for e in ds.sakip:
        h.update(_hitungan_sakip(e))
    _kenaikan_sakip(ds.sakip, h)
    return h


def _hitungan_anggaran(ds: Dataset) -> dict[str, float]:
    """Budget quantities published numbers refer to (``penyerapan:2024``, ``nilai_efisiensi:2024``, ...)."""
    a = ds.anggaran
    if a is None:
        return {}
    lap = susun_anggaran(ds)
    th = a.tahun
    h = {f"penyerapan:{th}": lap.total.penyerapan, f"pagu:{th}": lap.total.pagu, f"realisasi_anggaran:{th}": lap.total.realisasi,
         f"ckk:{th}": lap.ckk, f"efisiensi:{th}": lap.efisiensi, f"nilai_efisiensi:{th}": lap.nilai_efisiensi, f"kpa:{th}": lap.kpa}
    for k in lap.kegiatan:
        h[f"penyerapan:{th}:{k.kode}"] = k.penyerapan
    for i, r in enumerate(lap.revisi):
        h[f"pagu_revisi:{th}:{i + 1}"] = r.sesudah
    lalu = a.tahun_lalu
    if lalu:
        real = angka_atau_nan(lalu.get("realisasi"))
        if math.isnan(real):
            real = angka_atau_nan(lalu.get("realisasi_koreksi"))
        h[f"penyerapan:{lalu['tahun']}"] = penyerapan(real, angka_atau_nan(lalu.get("pagu")))
    return h


def _hitungan_sakip(e: EvaluasiSakip) -> dict[str, float]:
    h: dict[str, float] = {}
    sub = {k: [angka_atau_nan(x) for x in v.values()] for k, v in e.nilai.items()}
    for komp, nilai in e.nilai.items():
        for nama, x in nilai.items():
            h[f"sakip:{e.tahun}:{komp}:{nama}"] = angka_atau_nan(x)
    try:
        hasil = nilai_sakip(sub, e.bobot)
    except KalkulatorError:
        return h
    h[f"sakip:{e.tahun}"] = hasil.total
    for komp, v in hasil.komponen.items():
        h[f"sakip:{e.tahun}:{komp}"] = v
        h[f"sakip_proporsi:{e.tahun}:{komp}"] = v / float(e.bobot[komp]) * 100.0
    return h


def _kenaikan_sakip(evaluasi: tuple[EvaluasiSakip, ...], h: dict[str, float]) -> None:
    tahun = sorted(e.tahun for e in evaluasi)
    for a, b in zip(tahun, tahun[1:]):
        for komp in {k.split(":")[2] for k in h if k.startswith(f"sakip:{b}:") and k.count(":") == 2}:
            if f"sakip:{a}:{komp}" in h:
                h[f"sakip_kenaikan:{b}:{komp}"] = h[f"sakip:{b}:{komp}"] - h[f"sakip:{a}:{komp}"]


def _rekonsiliasi(ds: Dataset, hitungan: dict[str, float], riwayat: list[HasilRiwayat],
                  peng: dict[str, Any], konteks: dict[str, float]) -> list[BarisRekonsiliasi]:
    out: list[BarisRekonsiliasi | None] = []
    indeks = IndeksHitungan(hitungan)
    for r in riwayat:
        if r.capaian_terbit is not None:
            out.append(bandingkan_teks(f"Tabel 3.1, IKU {r.kode} {r.nama[:40]} ({r.tahun}) capaian", r.baris,
                                  f"capaian:{r.kode}:{r.tahun}", r.capaian_terbit, r.capaian, indeks, r.catatan))
    for t in ds.terbit:
        out.append(bandingkan_teks(t.lokasi, t.baris, t.kunci, t.nilai, hitungan.get(t.kunci, math.nan), indeks, t.catatan))
    for k in ds.klaim:
        try:
            nilai = hitung(k.rumus, k.masukan, peng, konteks).nilai
        except KalkulatorError:
            continue
        out.append(bandingkan_teks(k.lokasi, k.baris, f"klaim:{k.rumus}", k.nilai, nilai, None, k.catatan))
    return urutkan(b for b in out if b is not None)
