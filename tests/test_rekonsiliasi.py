"""The reconciliation's 'equals another value' hint: only the same quantity of another year, found by an index."""
from __future__ import annotations

import math

from kinerja.aturan.rekonsiliasi import SELISIH, IndeksHitungan, bandingkan

HITUNGAN = {"penyerapan:2024": 99.2262, "penyerapan:2023": 99.5355, "capaian:1.2:2024": 116.67, "capaian:1.2:2023": 44.6667,
            "capaian:1.3:2024": 104.07, "capaian:1.3": 104.07, "nss:SS.1": 44.67}


def test_sama_dengan_tahun_lain_disebut():
    b = bandingkan("Tabel 3.5", 1, "penyerapan:2024", teks="99,54", terbit=99.54, desimal=2, hitung=99.2262, hitungan=HITUNGAN)
    assert b.kelas == SELISIH and b.catatan == "sama dengan nilai 'penyerapan:2023'"


def test_nilai_iku_lain_yang_kebetulan_sama_tidak_disebut():
    # 44,67 is also NSS SS.1 and IKU 1.2 in 2023; for IKU 1.3 only its own other years are candidates: no note
    b = bandingkan("Tabel 3.1", 2, "capaian:1.3:2024", teks="44,67", terbit=44.67, desimal=2, hitung=104.07, hitungan=HITUNGAN)
    assert b.kelas == SELISIH and b.catatan == ""
    c = bandingkan("Tabel 3.1", 3, "capaian:1.2:2024", teks="44,67", terbit=44.67, desimal=2, hitung=116.67, hitungan=HITUNGAN)
    assert c.catatan == "sama dengan nilai 'capaian:1.2:2023'"


def test_indeks_tanpa_tahun_dan_tanpa_diri_sendiri():
    i = IndeksHitungan(HITUNGAN)
    assert sorted(i.kandidat("capaian:1.3:2024")) == ["capaian:1.3"]
    assert i.kandidat("nss:SS.1") == [] and i.kandidat("penyerapan:2023") == ["penyerapan:2024"]
    assert not math.isnan(HITUNGAN[i.kandidat("penyerapan:2024")[0]])
