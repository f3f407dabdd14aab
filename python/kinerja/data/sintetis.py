"""A synthetic unit of any size, for benchmarks and tests of scale (never a report's numbers).

Ten IKU per SS over the four perspektif, with what users' data mixes: every polarisasi, numeric, percent and
range targets, a negative target, minimize with target 0 and a worst value, every konsolidasi periode with
quarter values, an n/a every so often, and history rows. Deterministic: the same ``n`` gives the same unit.
"""
from __future__ import annotations

from .dataset import IKU, SS, BarisRiwayat, Dataset, Pengaturan

__all__ = ["unit_sintetis"]

PERSPEKTIF = ("Stakeholder", "Customer", "Internal Business Process", "Learning and Growth")
KONSOLIDASI = (None, "jumlah", "rata", "terakhir")


def _iku(i: int, ss: str) -> IKU:
    """The ``i``-th IKU: its kind cycles through ten patterns."""
    jenis = i % 10
    kode = f"{ss[3:]}.{i % 10 + 1}"
    tw = tuple(str(10 + (i * 7 + k * 3) % 20) for k in range(4))
    dasar = dict(kode=kode, ss=ss, nama=f"IKU sintetis {i + 1}", satuan="%", realisasi_tw=tw)
    pola = (
        dict(polarisasi="Maximize", target="80%"),
        dict(polarisasi="Minimize", target="12"),
        dict(polarisasi="Stabilize", target="10 – 20"),
        dict(polarisasi="Maximize", target="15 – 18"),
        dict(polarisasi="Minimize", target="0", realisasi_terburuk="40"),
        dict(polarisasi="Maximize", target="-5"),
        dict(polarisasi="Maximize", target="1.250", satuan="Orang", konsolidasi="jumlah",
             realisasi_tw=tuple(str(200 + (i * 11 + k * 37) % 150) for k in range(4))),
        dict(polarisasi="Maximize", target="20", konsolidasi="rata"),
        dict(polarisasi="Minimize", target="25", konsolidasi="terakhir", realisasi_tw=(tw[0], None, tw[2], None)),
        dict(polarisasi="Maximize", target="3 dari 4", realisasi_tw=(None, None, None, None)),   # n/a: nothing typed
    )[jenis]
    return IKU(**{**dasar, **pola})


def unit_sintetis(n_iku: int, tahun: int = 2024, tahun_riwayat: int = 4) -> Dataset:
    """A unit of ``n_iku`` IKU (10 per SS) with ``tahun_riwayat`` history years per IKU."""
    n_ss = max(1, -(-n_iku // 10))
    ss = tuple(SS(f"SS.{j + 1}", PERSPEKTIF[j % 4], f"Sasaran sintetis {j + 1}") for j in range(n_ss))
    iku = tuple(_iku(i, ss[i // 10].kode) for i in range(n_iku))
    riwayat = tuple(BarisRiwayat(k.kode, k.nama, k.satuan, k.polarisasi, tahun - 1 - y, k.target, k.realisasi_tw[0] or "10", None)
                    for k in iku for y in range(tahun_riwayat))
    return Dataset(unit=f"Unit sintetis {n_iku} IKU", unit_singkat="Sintetis", instansi="Kementerian Koordinator Bidang Perekonomian",
                   tahun=tahun, periode="TW IV", sumber="kinerja.data.sintetis", pengaturan=Pengaturan(nko_batas=100),
                   ss=ss, iku=iku, riwayat=riwayat)
