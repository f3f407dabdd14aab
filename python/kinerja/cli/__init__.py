"""Command line: ``kinerja laporan|anggaran|bangun|susun|tahun-baru|validasi|ekspor|aturan|benchmark``; imported by nothing.

Exit status (all commands): 0 everything computed / clean; 1 the output is complete but something
was n/a (``laporan``, ``anggaran``) or validation found a ``galat`` (``validasi``, ``ekspor``);
2 the input cannot be read (missing, locked, not a workbook) or the arguments are wrong.
"""
from __future__ import annotations

import argparse
import json
import signal
import sys
from pathlib import Path
from typing import Sequence

from ..buku.cuplikan import alamat
from ..data.berkas import BerkasError
from ..data.dataset import Dataset, DatasetError, folder_bawaan, muat_bawaan, muat_folder
from .susun import bangun_kosong
from .susun import daftar as daftar_susun

__all__ = ["main", "muat_berkas"]

KELUAR_OK, KELUAR_NA, KELUAR_TIDAK_TERBACA = 0, 1, 2


def muat_berkas(berkas: str | None) -> Dataset:
    """The dataset of BERKAS: the embedded default when omitted, a dataset folder, or a workbook."""
    return muat_dengan_masalah(berkas)[0]


def muat_dengan_masalah(berkas: str | None) -> tuple[Dataset, list]:
    """The dataset of BERKAS and the structural problems the workbook reader found (none for a folder)."""
    if not berkas:
        return muat_bawaan(), []
    p = Path(berkas)
    if not p.exists():
        raise BerkasError(f"berkas '{berkas}' tidak ditemukan")
    if p.is_dir():
        try:
            return muat_folder(p), []
        except DatasetError as e:
            raise BerkasError(str(e)) from None
    if p.suffix.lower() in (".xlsx", ".xlsm"):
        from ..buku.baca import baca
        from ..buku.cuplikan import dari_berkas
        ds, pos = baca(dari_berkas(p))
        return ds, pos.masalah
    raise BerkasError(f"berkas '{berkas}' bukan workbook Excel (.xlsm/.xlsx) atau folder dataset")


def _cetak_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n")


def _laporan(a: argparse.Namespace) -> int:
    from ..hitung.laporan import susun_laporan
    from ..keluaran.tampilan import laporan_json, laporan_teks
    ds, masalah = muat_dengan_masalah(a.berkas)
    lap = susun_laporan(ds)
    teks_masalah = [f"{m.lembar}!{alamat(m.r, m.c)}: {m.pesan}" for m in masalah]
    if not 2000 <= ds.tahun <= 2100:
        teks_masalah.append("Tahun PK tidak valid (harus tahun 2000-2100): laporan tanpa tahun")
    if a.format == "json":
        _cetak_json({**laporan_json(lap, a.semua), "masalah": teks_masalah})
    else:
        sys.stdout.write(laporan_teks(lap, a.semua))
        if teks_masalah:
            sys.stdout.write("\nMasalah susunan workbook (angka di atas mungkin tidak lengkap):\n" +
                             "".join(f"  - {t}\n" for t in teks_masalah))
    return KELUAR_NA if lap.ada_na or teks_masalah else KELUAR_OK


def _temuan_teks(berkas: str, temuan: list) -> str:
    from ..keluaran.tampilan import tabel
    if not temuan:
        return f"{berkas}: tidak ada temuan.\n"
    hitung = {t: sum(1 for x in temuan if x.tingkat == t) for t in ("galat", "peringatan", "info")}
    ringkas = ", ".join(f"{v} {k}" for k, v in hitung.items() if v)
    baris = [[t.tingkat, t.lembar, t.sel, t.pesan, t.saran, t.aturan] for t in temuan]
    return f"{berkas}: {ringkas}\n" + tabel(["Tingkat", "Lembar", "Sel", "Pesan", "Saran", "Aturan"], baris, set(), lebar_maks=70, bungkus=True) + "\n"


def _temuan_json(berkas: str, temuan: list) -> dict:
    return {"berkas": berkas, "temuan": [{"tingkat": t.tingkat, "lembar": t.lembar, "sel": t.sel, "pesan": t.pesan,
                                          "saran": t.saran, "aturan": t.aturan} for t in temuan]}


def _validasi(a: argparse.Namespace) -> int:
    from ..buku.cuplikan import dari_berkas
    from ..keluaran.temuan import tulis_temuan_xlsx
    from ..periksa import ada_galat, validasi
    if a.laporan:
        from ..data.berkas import tolak_sumber
        tolak_sumber(a.laporan, a.berkas)                  # refused before anything is read or printed
    temuan = validasi(dari_berkas(a.berkas), a.tw)
    if a.format == "json":
        _cetak_json(_temuan_json(a.berkas, temuan))
    else:
        sys.stdout.write(_temuan_teks(a.berkas, temuan))
    if a.laporan:
        tulis_temuan_xlsx(temuan, a.laporan, a.berkas, a.timpa, sumber=(a.berkas,))
        sys.stderr.write(f"Laporan temuan ditulis: {a.laporan}\n")
    return KELUAR_NA if ada_galat(temuan) else KELUAR_OK


def _ekspor(a: argparse.Namespace) -> int:
    from ..keluaran.ekspor import EksporDitolak, ekspor
    format_ = [f.strip() for f in a.format.split(",") if f.strip()]
    try:
        ditulis, temuan = ekspor(a.berkas, a.tw, a.ke, format_, a.paksa, a.timpa)
    except EksporDitolak as e:
        sys.stdout.write(_temuan_teks(a.berkas, [t for t in e.temuan if t.tingkat == "galat"]))
        sys.stderr.write(f"kinerja: {e}\n")
        return KELUAR_NA
    for p in ditulis:
        print(f"Ditulis: {p}")
    return KELUAR_OK


def _anggaran(a: argparse.Namespace) -> int:
    import math

    from ..hitung.laporan import susun_laporan
    from ..hitung.laporan_anggaran import susun_anggaran
    from ..keluaran.tampilan import anggaran_json, anggaran_teks
    ds = muat_berkas(a.berkas)
    if ds.anggaran is None:
        raise BerkasError("dataset tidak memuat data anggaran (lembar Pagu/Realisasi atau anggaran.toml)")
    ang, lap = susun_anggaran(ds), susun_laporan(ds)
    if a.format == "json":
        _cetak_json(anggaran_json(ang, lap))
    else:
        sys.stdout.write(anggaran_teks(ang, lap))
    utama = [ang.total.penyerapan, ang.ckk, ang.efisiensi, ang.nilai_efisiensi, ang.kpa, *(k.penyerapan for k in ang.kegiatan)]
    return KELUAR_NA if any(math.isnan(x) for x in utama) else KELUAR_OK


def _aturan(a: argparse.Namespace) -> int:
    from ..keluaran.tampilan import tabel
    from ..periksa import daftar_baris, daftar_markdown
    if a.format == "markdown":
        sys.stdout.write(daftar_markdown())
    else:
        sys.stdout.write(tabel(["Aturan", "Tingkat", "Lembar", "Yang diperiksa"], [list(b) for b in daftar_baris()], set(), lebar_maks=160)
                         + "\n")
    return KELUAR_OK


def _benchmark(a: argparse.Namespace) -> int:
    from .benchmark import jalankan
    sys.stdout.write(jalankan(a.jenis, a.baris))
    return KELUAR_OK


def _bangun(a: argparse.Namespace) -> int:
    from ..bangun import bangun_workbook
    if a.kosong:
        if a.dataset:
            raise BerkasError("--kosong tidak dapat digabung dengan --dataset")
        return bangun_kosong(Path(a.keluar), a.tahun, a.timpa)
    ds = muat_berkas(a.dataset)
    keluar = Path(a.keluar)
    folder = Path(a.dataset) if a.dataset else folder_bawaan()
    masukan = [folder] if folder.is_file() else [p for p in folder.iterdir() if p.is_file()]
    bangun_workbook(ds, keluar, timpa=a.timpa, sumber=tuple(masukan))
    print(f"Workbook ditulis: {keluar}")
    return 0


def _daftar_bangun(sub: argparse._SubParsersAction) -> None:
    """Register ``kinerja bangun``: the output path is always explicit (never inside the installed package)."""
    p = sub.add_parser("bangun", help="bangun workbook .xlsm dari dataset (mis. --keluar workbook/Kinerja_D4.xlsm --timpa)")
    p.add_argument("--keluar", required=True, help="berkas keluaran .xlsm (wajib; tidak pernah menimpa tanpa --timpa)")
    p.add_argument("--dataset", default=None, help="folder dataset (bawaan: data 2024 tertanam)")
    p.add_argument("--timpa", action="store_true", help="ganti berkas lain yang sudah ada")
    p.add_argument("--kosong", action="store_true", help="workbook kosong untuk unit baru (pengaturan, tabel SS/IKU kosong)")
    p.add_argument("--tahun", type=int, default=None, help="tahun PK workbook kosong (bawaan: tahun ini)")
    p.set_defaults(fungsi=_bangun)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="kinerja",
        description="Mesin perhitungan Laporan Kinerja (capaian IKU, NSS, NKO, Indeks Tata Kelola, anggaran).",
        epilog="Kode keluar: 0 lengkap; 1 ada nilai n/a atau temuan galat; 2 berkas tidak dapat dibaca / argumen salah. "
               "--debug: tampilkan traceback bila terjadi galat tak terduga.",
    )
    sub = p.add_subparsers(dest="perintah", required=True)
    lap = sub.add_parser("laporan", help="Tabel 3.4, NSS, NKO dan rekonsiliasi (tanpa BERKAS: data bawaan 2024)")
    lap.add_argument("berkas", nargs="?", metavar="BERKAS", help="workbook .xlsm/.xlsx atau folder dataset")
    lap.add_argument("--format", choices=("teks", "json"), default="teks")
    lap.add_argument("--semua", action="store_true", help="tampilkan juga angka terbit yang sesuai")
    lap.set_defaults(fungsi=_laporan)
    b = sub.add_parser("benchmark", help="ukur kecepatan (rasio dalam satu kali jalan)")
    b.add_argument("jenis", choices=("capaian", "udf", "baca", "susun", "skala"), nargs="?", default="capaian")
    b.add_argument("--baris", "--iku", type=int, default=None,
                   help="jumlah baris/IKU (bawaan: 1.000.000 capaian, 10.000 udf, 200 IKU susun, 1.000 IKU skala)")
    b.set_defaults(fungsi=_benchmark)
    _daftar_bangun(sub)
    daftar_susun(sub)
    g = sub.add_parser("anggaran", help="realisasi anggaran: pagu, penyerapan, triwulan, CKK, efisiensi, KPA, rekonsiliasi",
                       epilog="Kode keluar: 0 lengkap; 1 angka utama n/a; 2 berkas tidak dapat dibaca.")
    g.add_argument("berkas", nargs="?", metavar="BERKAS", help="workbook .xlsm/.xlsx atau folder dataset (bawaan: data 2024)")
    g.add_argument("--format", choices=("teks", "json"), default="teks")
    g.set_defaults(fungsi=_anggaran)
    v = sub.add_parser("validasi", help="periksa workbook: temuan galat/peringatan/info dengan lembar dan sel",
                       epilog="Kode keluar: 0 tanpa galat; 1 ada galat; 2 berkas tidak dapat dibaca.")
    v.add_argument("berkas", metavar="BERKAS", help="workbook .xlsm/.xlsx (hanya dibaca)")
    v.add_argument("--tw", type=int, choices=(1, 2, 3, 4), help="periksa hanya lembar TW ini")
    v.add_argument("--format", choices=("teks", "json"), default="teks")
    v.add_argument("--laporan", metavar="BERKAS_XLSX", help="tulis temuan ke workbook baru")
    v.add_argument("--timpa", action="store_true", help="izinkan mengganti berkas --laporan yang sudah ada")
    v.set_defaults(fungsi=_validasi)
    e = sub.add_parser("ekspor", help="ekspor satu triwulan: xlsx (nilai saja), pdf, csv, json",
                       epilog="Kode keluar: 0 berhasil; 1 ditolak karena galat validasi; 2 berkas tidak dapat dibaca/ditulis.")
    e.add_argument("berkas", metavar="BERKAS", help="workbook .xlsm/.xlsx (hanya dibaca)")
    e.add_argument("--tw", type=int, choices=(1, 2, 3, 4), required=True)
    e.add_argument("--ke", default="ekspor", help="folder tujuan (bawaan: ./ekspor)")
    e.add_argument("--format", default="xlsx,pdf,csv,json", help="daftar dipisah koma dari xlsx,pdf,csv,json")
    e.add_argument("--paksa", action="store_true", help="ekspor walaupun validasi menemukan galat")
    e.add_argument("--timpa", action="store_true", help="izinkan mengganti berkas yang sudah ada")
    e.set_defaults(fungsi=_ekspor)
    r = sub.add_parser("aturan", help="daftar aturan validasi (nama, tingkat, lembar, yang diperiksa)")
    r.add_argument("--format", choices=("teks", "markdown"), default="teks")
    r.set_defaults(fungsi=_aturan)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``kinerja`` console script: a message and exit 2 for anything that goes wrong (``--debug``: traceback)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    a = _parser().parse_args([x for x in argv if x != "--debug"])
    if not debug:
        sys.unraisablehook = lambda _: None          # a library's cleanup after a failed write prints no traceback
    signal.signal(signal.SIGTERM, _henti)              # stopped: clean up (temporary files, LibreOffice) like Ctrl+C
    try:
        return int(a.fungsi(a))
    except Exception as e:  # the last resort: never a traceback for staff (--debug shows it)
        if debug:
            raise
        sys.stderr.write(f"kinerja: {_pesan(e)}\n")
    except KeyboardInterrupt:
        sys.stderr.write("kinerja: dihentikan\n")
    return KELUAR_TIDAK_TERBACA


def _henti(*_: object) -> None:
    raise KeyboardInterrupt


def _pesan(e: Exception) -> str:
    """One line for staff: our own messages as they are, a file error with its file, anything else named."""
    if isinstance(e, (BerkasError, DatasetError)):
        return str(e)
    asal = e if isinstance(e, OSError) else next((x for x in e.args if isinstance(x, OSError)), None)
    if asal is not None:
        return f"{asal.filename or ''}: {asal.strerror or asal}".lstrip(": ")
    return f"galat tak terduga ({type(e).__name__}: {e}); ulangi dengan --debug untuk rinciannya"


if __name__ == "__main__":
    raise SystemExit(main())
