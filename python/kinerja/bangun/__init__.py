"""``kinerja bangun``: the workbook written from a dataset, reproducibly, one module per sheet.

Sheets (order in :func:`~kinerja.buku.tata_letak.urutan_lembar`): Petunjuk, PK (the master:
settings, SS, IKU), TW I..TW IV (realisasi input; capaian, status, NSS, NKO by UDF; traffic lights;
chart), Rincian (the calculators of each IKU with their inputs), the finance sheets, Riwayat
(history and trend), Validasi, xlwings.conf. Every position comes from
:mod:`kinerja.buku.tata_letak`; every formula cell carries its cached value from the same
functions Excel calls (:mod:`kinerja.buku.fungsi`); the VBA project is compiled from text
(:mod:`kinerja.buku.vba`). Same dataset + same sources -> byte-identical file.
"""
from __future__ import annotations

import io
from pathlib import Path

from ..buku import tata_letak as tl
from ..buku.vba import bangun_vba_project, modul_proyek
from ..data.berkas import BerkasError, tolak_sumber, tulis_atomik
from ..data.dataset import Dataset, DatasetError
from ..hitung.penghitung import PENGHITUNG
from .anggaran import tulis_lembar_anggaran
from .dasar import Buku, Letak
from .pendukung import lembar_arsip, lembar_validasi, lembar_xlwings
from .petunjuk import lembar_petunjuk
from .pk import lembar_pk
from .rincian import lembar_rincian
from .riwayat import lembar_riwayat
from .tw import lembar_tw

__all__ = ["bangun_workbook"]


def bangun_workbook(ds: Dataset, keluar: Path | str, folder_vba: Path | None = None, timpa: bool = True,
                    sumber: tuple[Path | str, ...] = ()) -> Path:
    """Write the workbook of ``ds`` to ``keluar`` (a macro workbook: ``.xlsm``) atomically; never onto one of ``sumber``."""
    tolak_sumber(Path(keluar), *sumber)
    if Path(keluar).suffix.lower() != ".xlsm":
        raise BerkasError(f"berkas keluaran '{keluar}' harus berakhiran .xlsm: workbook ini berisi makro (tombol), Excel tidak membuka "
                          "isi .xlsm yang dinamai lain")
    for iku in ds.iku:
        if iku.kalkulator and iku.kalkulator not in PENGHITUNG:
            raise DatasetError(f"IKU {iku.kode}: kalkulator '{iku.kalkulator}' tidak dikenal (pilihan: {', '.join(PENGHITUNG)})")
    vba = bangun_vba_project(modul_proyek(folder_vba))
    with tulis_atomik(keluar, timpa=timpa, sumber=sumber) as sementara:
        _tulis(ds, sementara, vba)
    return Path(keluar)


def _tulis(ds: Dataset, path: Path, vba: bytes) -> None:
    b = Buku(path, ds)
    b.buat_semua(tl.urutan_lembar(ds.anggaran is not None, bool(ds.arsip)))
    t = Letak()
    lembar_petunjuk(b, ds)
    lembar_pk(b, ds, t)
    tulis_lembar_anggaran(b, ds, t)     # before Rincian: IKU 4.1 takes its KPA elements from them
    lembar_rincian(b, ds, t)      # before the TW sheets: TW IV links to its results
    for k in range(4):
        lembar_tw(b, ds, t, k)
    lembar_riwayat(b, ds)
    if ds.arsip:
        lembar_arsip(b, ds)
    lembar_validasi(b, ds)
    lembar_xlwings(b)
    b.lembar[tl.LEMBAR_TW[-1]].activate()
    b.wb.add_vba_project(io.BytesIO(vba), is_stream=True)
    b.wb.close()
