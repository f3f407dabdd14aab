"""The embedded dataset is what the report prints: every published number sits on its cited line."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "LKj_Deputi4_2024.txt"


@pytest.mark.skipif(not SEED.exists(), reason="seed report not present next to the checkout (../shared/seeds)")
def test_angka_terbit_ada_pada_baris_yang_dirujuk(dataset_bawaan):
    baris = SEED.read_text(encoding="utf-8").split("\n")
    hilang = []
    for t in [*dataset_bawaan.terbit, *dataset_bawaan.klaim]:
        angka = re.match(r"-?[\d.,]+", str(t.nilai).replace(" ", "")).group(0)
        pola = re.compile(r"(?<![\d,.])" + re.escape(angka) + r"(?!\d)")
        if t.baris and not pola.search(baris[int(t.baris) - 1]) and "titik desimal" not in t.catatan:
            hilang.append((t.lokasi, t.baris, angka))
    assert hilang == []


def test_data_bawaan_lengkap(dataset_bawaan):
    assert dataset_bawaan.tahun == 2024 and len(dataset_bawaan.ss) == 4 and len(dataset_bawaan.iku) == 14
    assert {s.perspektif for s in dataset_bawaan.ss} == {"Stakeholder", "Customer", "Internal Business Process", "Learning and Growth"}
    assert [i.kode for i in dataset_bawaan.iku] == ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2",
                                                    "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "4.1"]
    assert {r.tahun for r in dataset_bawaan.riwayat} == {2020, 2021, 2022, 2023, 2024}
