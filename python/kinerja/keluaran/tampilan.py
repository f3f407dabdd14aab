"""Rendering a Laporan for people (a terminal table) and for systems (JSON of a fixed shape)."""
from __future__ import annotations

import math
import textwrap
from typing import Any

from ..aturan.agregasi import METODE_NKO
from ..aturan.pembulatan import bulat
from ..aturan.rekonsiliasi import SESUAI
from ..data.notasi import tulis_angka
from ..hitung.laporan import Laporan

__all__ = ["laporan_json", "laporan_teks", "angka_teks", "tabel"]


def _json_angka(x: float | None) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


def laporan_json(lap: Laporan, semua: bool = False) -> dict[str, Any]:
    """The JSON shape of ``kinerja laporan --format json`` (floats unrounded, n/a as null)."""
    rek = [r for r in lap.rekonsiliasi if semua or r.kelas != SESUAI]
    return {
        "unit": lap.unit,
        "tahun": lap.tahun,
        "periode": lap.periode,
        "iku": [{
            "kode": i.kode, "ss": i.ss, "nama": i.nama, "satuan": i.satuan, "polarisasi": i.polarisasi,
            "target": _json_angka(i.target), "realisasi": _json_angka(i.realisasi), "capaian": _json_angka(i.capaian),
            "status": i.status, "alasan": i.alasan,
        } for i in lap.iku],
        "nss": [{"kode": s.kode, "perspektif": s.perspektif, "nilai": _json_angka(s.nilai), "status": s.status}
                for s in lap.nss],
        "nko": {"nilai": _json_angka(lap.nko.nilai), "tanpa_batas": _json_angka(lap.nko.tanpa_batas),
                "metode": lap.nko.metode, "batas": lap.nko.batas, "status": lap.nko.status, "alasan": lap.nko.alasan},
        "rekonsiliasi": [{
            "lokasi": r.lokasi, "baris": r.baris, "kunci": r.kunci, "terbit": r.terbit, "hitung": r.hitung,
            "selisih": r.selisih, "kelas": r.kelas, "catatan": r.catatan or None,
        } for r in rek],
        "rekonsiliasi_sesuai": sum(1 for r in lap.rekonsiliasi if r.kelas == SESUAI),
    }


def angka_teks(x: float | None, desimal: int = 2, ringkas: bool = False) -> str:
    """A number for people: Indonesian notation, ``desimal`` places (``ringkas``: at most), ``n/a`` for NaN."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    if ringkas:
        return tulis_angka(bulat(x, desimal))
    return tulis_angka(x, desimal)


def tabel(judul: list[str], baris: list[list[str]], kanan: set[int], lebar_maks: int | None = None, bungkus: bool = False) -> str:
    """A plain-text table; cells longer than ``lebar_maks`` are shortened, or with ``bungkus`` wrapped onto
    continuation lines (nothing of a message is lost)."""
    if lebar_maks and bungkus:
        baris = [b for x in baris for b in _bungkus(x, lebar_maks)]
    elif lebar_maks:
        baris = [[_ringkas(str(x), lebar_maks) for x in b] for b in baris]
    lebar = [max(len(judul[i]), *(len(b[i]) for b in baris)) if baris else len(judul[i]) for i in range(len(judul))]

    def fmt(b: list[str]) -> str:
        return "  ".join(s.rjust(lebar[i]) if i in kanan else s.ljust(lebar[i]) for i, s in enumerate(b)).rstrip()

    garis = "  ".join("-" * w for w in lebar)
    return "\n".join([fmt(judul), garis, *(fmt(b) for b in baris)])


def _bungkus(b: list[str], n: int) -> list[list[str]]:
    """One table row as lines: every cell wrapped at ``n`` characters, the other cells blank on continuation lines."""
    import textwrap
    potong = [textwrap.wrap(str(x), n, break_long_words=True) or [""] for x in b]
    tinggi = max(map(len, potong))
    return [[p[i] if i < len(p) else "" for p in potong] for i in range(tinggi)]


def _ringkas(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def laporan_teks(lap: Laporan, semua: bool = False) -> str:
    """The report as a readable terminal text: Tabel 3.4, NSS, NKO, n/a reasons, reconciliation."""
    out = [f"LAPORAN KINERJA {lap.tahun} — {lap.unit}", f"Periode: {lap.periode}", ""]
    out.append("Tabel 3.4 Hasil Pengukuran Kinerja (capaian dihitung ulang dari aturan)")
    baris = [[i.kode, _ringkas(i.nama, 44), _ringkas(i.satuan, 14), i.target_teks, angka_teks(i.realisasi, ringkas=True) + ("*" if i.proyeksi else ""),
              angka_teks(i.capaian), i.status] for i in lap.iku]
    out.append(tabel(["Kode", "Indikator Kinerja Utama", "Satuan", "Target", "Realisasi", "Capaian %", "Status"], baris, {4, 5}))
    if any(i.proyeksi for i in lap.iku):
        out.append("* nilai proyeksi")
    out += ["", "Nilai Sasaran Strategis (NSS)"]
    out.append(tabel(["SS", "Perspektif", "NSS %", "Status"],
                      [[s.kode, s.perspektif, angka_teks(s.nilai), s.status] for s in lap.nss], {2}))
    n = lap.nko
    out += ["", f"NKO: {angka_teks(n.nilai)} % ({n.status})"]
    metode = METODE_NKO.get(n.metode, n.metode)
    batas = f"dibatasi {angka_teks(n.batas, 0)}" if n.batas is not None else "tanpa batas"
    out.append(f"     metode: {metode}, {batas}; nilai tanpa batas: {angka_teks(n.tanpa_batas)} %")
    na = [i.alasan for i in lap.iku if i.alasan] + ([n.alasan] if n.alasan else [])
    if na:
        out += ["", "Tidak dapat dihitung (n/a):"] + [textwrap.fill(a, 100, initial_indent="  - ", subsequent_indent="    ") for a in na]
    out += ["", _rekonsiliasi_teks(lap, semua)]
    return "\n".join(out) + "\n"


def _rekonsiliasi_teks(lap: Laporan, semua: bool) -> str:
    hitung: dict[str, int] = {}
    for r in lap.rekonsiliasi:
        hitung[r.kelas] = hitung.get(r.kelas, 0) + 1
    ringkas = ", ".join(f"{v} {k}" for k, v in sorted(hitung.items()))
    judul = f"Rekonsiliasi angka terbit dengan hasil hitung ulang: {ringkas}"
    rek = [r for r in lap.rekonsiliasi if semua or r.kelas != SESUAI]
    baris = [[str(r.baris or ""), _ringkas(r.lokasi, 58), r.terbit_teks, angka_teks(r.hitung, 4), angka_teks(r.selisih, 4),
              r.kelas, _ringkas(r.catatan, 60)] for r in rek]
    return judul + "\n" + tabel(["Baris", "Lokasi", "Terbit", "Hitung", "Selisih", "Kelas", "Catatan"], baris, {0, 3, 4})


_KUNCI_ANGGARAN = ("penyerapan", "pagu", "pagu_revisi", "realisasi_anggaran", "ckk", "efisiensi", "nilai_efisiensi", "kpa")


def rekonsiliasi_anggaran(lap: Laporan) -> list:
    """The reconciliation rows about the budget (Tabel 3.5, efisiensi, KPA, the 99,54 %)."""
    return [r for r in lap.rekonsiliasi
            if r.kunci.split(":")[0] in _KUNCI_ANGGARAN or r.lokasi.startswith(("Efisiensi", "Anggaran"))]


def anggaran_json(ang, lap: Laporan) -> dict[str, Any]:
    """The JSON shape of ``kinerja anggaran --format json``."""
    j = _json_angka
    return {
        "tahun": ang.tahun,
        "kegiatan": [{"kode": k.kode, "nama": k.nama, "pagu": j(k.pagu), "realisasi": j(k.realisasi), "penyerapan": j(k.penyerapan)}
                     for k in ang.kegiatan],
        "total": {"pagu": j(ang.total.pagu), "realisasi": j(ang.total.realisasi), "penyerapan": j(ang.total.penyerapan)},
        "revisi_pagu": [{"tahap": r.tahap, "triwulan": r.triwulan, "sebelum": j(r.sebelum), "sesudah": j(r.sesudah),
                         "perubahan": j(r.perubahan), "bersambung": r.bersambung, "alasan": r.alasan} for r in ang.revisi],
        "triwulan": [{"kode": t.kode, "tw": t.tw, "realisasi": j(t.realisasi), "penyerapan": j(t.penyerapan), "target": j(t.target),
                      "capaian_target": j(t.capaian_target), "deviasi_rpd": j(t.deviasi_rpd)} for t in ang.triwulan],
        "ckk": j(ang.ckk), "efisiensi": j(ang.efisiensi), "nilai_efisiensi": j(ang.nilai_efisiensi), "kpa": j(ang.kpa),
        "alasan": ang.alasan or None,
        "rekonsiliasi": [{"lokasi": r.lokasi, "baris": r.baris, "kunci": r.kunci, "terbit": r.terbit, "hitung": r.hitung,
                          "selisih": r.selisih, "kelas": r.kelas, "catatan": r.catatan or None} for r in rekonsiliasi_anggaran(lap)],
    }


def anggaran_teks(ang, lap: Laporan) -> str:
    """The budget report for a terminal."""
    rp = lambda x: "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else "Rp " + tulis_angka(x, 0)  # noqa: E731
    out = [f"REALISASI ANGGARAN {ang.tahun} — {lap.unit}", "", "Riwayat pagu"]
    out.append(tabel(["Tahap", "TW", "Pagu sebelum", "Pagu sesudah", "Perubahan", "Bersambung"],
                     [[r.tahap, r.triwulan, rp(r.sebelum), rp(r.sesudah), rp(r.perubahan), "ya" if r.bersambung else "TIDAK"]
                      for r in ang.revisi], {2, 3, 4}))
    out += ["", "Realisasi per kegiatan (Tabel 3.5)"]
    baris = [[k.kode, _ringkas(k.nama, 50), rp(k.pagu), rp(k.realisasi), angka_teks(k.penyerapan)] for k in ang.kegiatan]
    baris.append(["TOTAL", "", rp(ang.total.pagu), rp(ang.total.realisasi), angka_teks(ang.total.penyerapan)])
    out.append(tabel(["Kode", "Kegiatan", "Pagu", "Realisasi", "Penyerapan %"], baris, {2, 3, 4}))
    out += ["", "Penyerapan kumulatif per triwulan (total)"]
    out.append(tabel(["TW", "Realisasi s.d.", "Penyerapan %", "Target %", "Capaian target %", "Deviasi RPD %"],
                     [[TRIWULAN_TEKS[t.tw - 1], rp(t.realisasi), angka_teks(t.penyerapan), angka_teks(t.target),
                       angka_teks(t.capaian_target), angka_teks(t.deviasi_rpd)] for t in ang.triwulan if t.kode == "TOTAL"],
                     {1, 2, 3, 4, 5}))
    out += ["", f"Capaian Keluaran Kegiatan (CKK): {angka_teks(ang.ckk)} %",
            f"Efisiensi (E): {angka_teks(ang.efisiensi)} %   Nilai Efisiensi: {angka_teks(ang.nilai_efisiensi)}",
            f"Kualitas Pelaksanaan Anggaran (KPA): {angka_teks(ang.kpa)}"]
    if ang.alasan:
        out += ["", "Tidak dapat dihitung (n/a):"] + [f"  - {k}: {v}" for k, v in ang.alasan.items()]
    rek = rekonsiliasi_anggaran(lap)
    out += ["", "Rekonsiliasi dengan angka terbit"]
    out.append(tabel(["Baris", "Lokasi", "Terbit", "Hitung", "Selisih", "Kelas", "Catatan"],
                     [[str(r.baris or ""), _ringkas(r.lokasi, 58), r.terbit_teks, angka_teks(r.hitung, 4), angka_teks(r.selisih, 4),
                       r.kelas, _ringkas(r.catatan, 50)] for r in rek], {0, 3, 4}))
    return "\n".join(out) + "\n"


TRIWULAN_TEKS = ("TW I", "TW II", "TW III", "TW IV")
