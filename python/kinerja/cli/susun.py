"""``kinerja susun`` and ``kinerja tahun-baru``: the CLI twins of the PK sheet's Susun Ulang and Tahun Baru buttons,
and ``kinerja bangun --kosong`` (a new unit's blank workbook)."""
from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ..data.berkas import BerkasError

__all__ = ["daftar", "bangun_kosong"]


def _cuplikan(berkas: str):  # noqa: ANN202 - a Cuplikan; imported lazily like the other commands
    from ..buku.cuplikan import dari_berkas
    p = Path(berkas)
    if p.suffix.lower() not in (".xlsx", ".xlsm"):
        raise BerkasError(f"berkas '{berkas}' bukan workbook Excel (.xlsm/.xlsx)")
    return dari_berkas(p)


def _susun(a: argparse.Namespace) -> int:
    from ..bangun.susun import susun_ulang
    h = susun_ulang(_cuplikan(a.berkas), Path(a.keluar), timpa=a.timpa, sumber=(Path(a.berkas),))
    print(f"Workbook disusun ulang: {h.path}")
    for baris in h.catatan:
        print(baris)
    return 0


def _tahun_baru(a: argparse.Namespace) -> int:
    from ..bangun.susun import tahun_baru
    h = tahun_baru(_cuplikan(a.berkas), a.tahun, Path(a.keluar), timpa=a.timpa, sumber=(Path(a.berkas),))
    print(f"Workbook tahun {a.tahun} ditulis: {h.path}")
    for baris in h.catatan:
        print(baris)
    return 0


def bangun_kosong(keluar: Path, tahun: int | None, timpa: bool) -> int:
    """``kinerja bangun --kosong``: the settings and empty SS/IKU tables of a new unit."""
    from ..bangun import bangun_workbook
    from ..bangun.susun import dataset_kosong
    if tahun is not None and not 2000 <= tahun <= 2100:
        raise BerkasError(f"tahun {tahun} di luar 2000-2100")
    bangun_workbook(dataset_kosong(tahun or dt.date.today().year), keluar, timpa=timpa)
    print(f"Workbook kosong ditulis: {keluar}")
    print("Isi pengaturan, tabel Sasaran Strategis dan tabel IKU pada lembar PK, lalu tekan Susun Ulang "
          f"(atau: kinerja susun {keluar} --keluar BARU.xlsm).")
    return 0


def daftar(sub: argparse._SubParsersAction) -> None:
    """Register ``kinerja susun`` and ``kinerja tahun-baru``."""
    s = sub.add_parser("susun", help="susun ulang workbook mengikuti lembar PK (isian dibawa menurut kode IKU/SS)")
    s.add_argument("berkas", metavar="BERKAS", help="workbook .xlsm/.xlsx (hanya dibaca)")
    s.add_argument("--keluar", required=True, help="workbook baru .xlsm (tidak pernah BERKAS itu sendiri)")
    s.add_argument("--timpa", action="store_true", help="ganti berkas lain yang sudah ada")
    s.set_defaults(fungsi=_susun)
    t = sub.add_parser("tahun-baru", help="workbook tahun berikutnya: IKU dan target sama, realisasi dikosongkan, riwayat ditambah")
    t.add_argument("berkas", metavar="BERKAS", help="workbook .xlsm/.xlsx tahun yang ditutup (hanya dibaca)")
    t.add_argument("--tahun", type=int, required=True, help="tahun baru, mis. 2025")
    t.add_argument("--keluar", required=True, help="workbook baru .xlsm")
    t.add_argument("--timpa", action="store_true", help="ganti berkas lain yang sudah ada")
    t.set_defaults(fungsi=_tahun_baru)
