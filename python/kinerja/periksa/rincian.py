"""Rules of the Rincian sheet: the calculators' inputs (tahap, Likert answers, counts, KPA weights) and
the SAKIP evaluation (components within their weights, weights summing to 100)."""
from __future__ import annotations

import math
from typing import Any

from ..buku import tata_letak as tl
from ..buku.baca import Posisi, blok_rincian
from ..buku.cuplikan import Cuplikan
from ..data.dataset import Dataset
from ..data.notasi import NotasiError, baca_nilai
from .daftar import GALAT, PERINGATAN, Kumpulan, aturan
from .umum import A_ANGKA_NEGATIF, angka_pesan, baca_sel

__all__ = ["periksa_rincian"]

A_TAHAP = aturan("tahap", GALAT, tl.RINCIAN, "Tahap isu KSP di luar Tahap 1-4.")
A_LIKERT = aturan("likert", GALAT, tl.RINCIAN, "Jawaban survei Likert di luar 1-4.")
A_BOBOT_KPA = aturan("bobot-kpa", PERINGATAN, tl.RINCIAN, "Bobot unsur Kualitas Pelaksanaan Anggaran yang tidak berjumlah 100.")
A_NILAI_SAKIP = aturan("nilai-sakip", GALAT, tl.RINCIAN, "Komponen SAKIP yang nilainya melebihi bobotnya.")
A_BOBOT_SAKIP = aturan("bobot-sakip", GALAT, tl.RINCIAN, "Bobot komponen SAKIP yang tidak berjumlah 100.")
KALKULATOR_CACAH = {"renaksi_dilaksanakan", "renaksi_dirumuskan"}
"""Calculator inputs that are counts (never negative)."""
C = tl.RINCIAN_NILAI0
"""The column of a Rincian row's first value."""


def periksa_rincian(k: Kumpulan, c: Cuplikan, ds: Dataset, pos: Posisi) -> None:
    """Every input of every Rincian block, and the SAKIP block's weights."""
    if tl.RINCIAN not in c.lembar:
        return
    for penanda, baris in blok_rincian(c).items():
        for kunci, nilai in baris:
            r, _ = pos.rincian.get((penanda, kunci), (None, 0))
            if r is None or kunci in tl.KUNCI_HASIL or kunci == "isu":
                continue
            angka = []
            rincian = c.lembar[tl.RINCIAN]
            for j, x in enumerate(nilai):
                if rincian.f(r, C + j) is not None:          # a link to another result: checked where it is computed
                    angka.append(x if isinstance(x, (int, float)) and not isinstance(x, bool) else math.nan)
                    continue
                sel = (tl.RINCIAN, r, C + j)
                n = baca_sel(k, sel, x, f"{penanda}, {kunci}")
                angka.append(n.tunggal() if n is not None and n.tersedia else math.nan)
                if n is None or not n.tersedia:
                    continue
                v = n.tunggal()
                if kunci == "tahap" and v not in (1, 2, 3, 4):
                    k.tambah(A_TAHAP, sel, f"{penanda}: tahap {angka_pesan(v)} di luar Tahap 1-4", "Isi 1, 2, 3 atau 4")
                elif kunci == "jawaban" and (v not in (1, 2, 3, 4)):
                    k.tambah(A_LIKERT, sel, f"{penanda}: jawaban Likert {angka_pesan(v)} di luar 1-4",
                             "Isi 1 (sangat tidak puas) sampai 4 (sangat puas)")
                elif v < 0 and (kunci in KALKULATOR_CACAH or kunci in ("realisasi", "target") and penanda.startswith(tl.RINCIAN_PENANDA[0])
                                or kunci in ("pagu",)):
                    k.tambah(A_ANGKA_NEGATIF, sel, f"{penanda}: {kunci} {angka_pesan(v)} negatif", "Jumlah tidak mungkin negatif")
            if kunci == "kpa_bobot" and angka and not any(math.isnan(a) for a in angka) and not math.isclose(sum(angka), 100):
                k.tambah(A_BOBOT_KPA, (tl.RINCIAN, r, C), f"{penanda}: bobot unsur KPA berjumlah {angka_pesan(sum(angka))}, bukan 100",
                         "Bobot KPA 2024: 40, 20, 40")
        if penanda.startswith(tl.RINCIAN_PENANDA[1]):
            _sakip(k, penanda, baris, pos)


def _sakip(k: Kumpulan, penanda: str, baris: list[tuple[str, list[Any]]], pos: Posisi) -> None:
    """A SAKIP block: no component above its weight, weights summing to 100."""
    bobot = []
    pertama = None
    for kunci, isi in baris:
        if not kunci.startswith(tl.SAKIP_KUNCI) or not isi:
            continue
        r = pos.rincian[(penanda, kunci)][0]
        pertama = pertama if pertama is not None else r
        try:
            w = baca_nilai(isi[0]).tunggal()
            sub = [baca_nilai(x).tunggal() for x in isi[1:4] if x is not None]
        except NotasiError:
            continue
        bobot.append(w)
        if sum(sub) > w + 1e-9:
            k.tambah(A_NILAI_SAKIP, (tl.RINCIAN, r, C + 1), f"{penanda}: komponen {kunci[len(tl.SAKIP_KUNCI):]} bernilai {angka_pesan(sum(sub))}, "
                     f"melebihi bobotnya {angka_pesan(w)}", "Periksa nilai sub-komponen")
    if bobot and not math.isclose(sum(bobot), 100.0, abs_tol=1e-9):
        k.tambah(A_BOBOT_SAKIP, (tl.RINCIAN, pertama, C), f"{penanda}: bobot komponen SAKIP berjumlah {angka_pesan(sum(bobot))}, "
                 "seharusnya 100", "Sesuaikan bobot (2023: 30, 30, 20, 20)")
