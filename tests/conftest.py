"""Shared fixtures: the embedded 2024 dataset and its recomputed report (computed once)."""
from __future__ import annotations

import pytest

from kinerja.data.dataset import muat_bawaan
from kinerja.hitung.laporan import susun_laporan


@pytest.fixture(scope="session")
def dataset_bawaan():
    return muat_bawaan()


@pytest.fixture(scope="session")
def laporan_bawaan(dataset_bawaan):
    return susun_laporan(dataset_bawaan)
