"""Read a Kinerja workbook back into a :class:`~kinerja.dataset.Dataset` (never writing to it).

The PK sheet is the master: settings by their defined names, the SS and IKU tables by their
header rows. Realisasi come from the TW sheets (TW IV is the year); an IKU whose TW IV realisasi
is a formula takes its value from its calculator, whose inputs are the rows of its Rincian block
(keys in column A). Riwayat rows become the history. Values are read as Excel stored them
(cached results for formula cells), so a workbook saved by Excel or built by ``kinerja bangun``
reads alike.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl

from .bangun import K_BAWAH, K_ATAS, LEMBAR_TW, PENGATURAN, PK_KOLOM, RIWAYAT_KOLOM, SS_KODE, SS_NAMA, SS_PERSPEKTIF, TW_REALISASI
from .berkas import BerkasError, periksa_workbook
from .dataset import IKU, SS, Anggaran, BarisRiwayat, Dataset, EvaluasiSakip, Kegiatan, Pengaturan
from .penghitung import PENGHITUNG

__all__ = ["baca_dataset", "Workbook", "buka"]


@dataclass
class Workbook:
    """A workbook opened twice by openpyxl: formulas (``f``) and cached values (``v``)."""

    path: Path
    f: Any
    v: Any

    def lembar(self, nama: str) -> tuple[Any, Any]:
        if nama not in self.f.sheetnames:
            raise BerkasError(f"workbook '{self.path.name}' tidak memiliki lembar '{nama}'")
        return self.f[nama], self.v[nama]


def buka(path: Path | str) -> Workbook:
    """Check and open a workbook read-only in memory (the file itself is never written)."""
    p = periksa_workbook(path)
    try:
        return Workbook(p, openpyxl.load_workbook(p, data_only=False), openpyxl.load_workbook(p, data_only=True))
    except Exception as e:  # openpyxl raises many kinds on a damaged file
        raise BerkasError(f"workbook '{p.name}' tidak dapat dibaca: {e}") from None


def _nama_tetap(wb: Workbook, nama: str) -> Any:
    d = wb.v.defined_names.get(nama)
    if d is None:
        return None
    for lembar, sel in d.destinations:
        return wb.v[lembar][sel.replace("$", "")].value
    return None


def _cari_baris(ws: Any, kolom: int, teks: str, mulai: int = 1) -> int | None:
    for r in range(mulai, ws.max_row + 1):
        if ws.cell(r, kolom + 1).value == teks:
            return r
    return None


def _teks(x: Any) -> str:
    return "" if x is None else str(x).strip()


def baca_dataset(path: Path | str) -> Dataset:
    """The dataset of a Kinerja workbook."""
    wb = buka(path)
    peng = {kunci: _nama_tetap(wb, nama) for nama, kunci, _ in PENGATURAN}
    ss = _baca_ss(wb)
    iku = _baca_iku(wb)
    if not iku:
        raise BerkasError(f"workbook '{wb.path.name}': tabel IKU pada lembar PK kosong atau tidak ditemukan")
    return Dataset(
        unit=_teks(peng.pop("unit")), unit_singkat=_teks(peng.pop("unit_singkat")) or "Unit", instansi=_teks(peng.pop("instansi")),
        tahun=int(peng.pop("tahun") or 0), periode=_teks(peng.pop("periode")), sumber=str(wb.path),
        pengaturan=Pengaturan(**peng), ss=tuple(ss), iku=tuple(iku), riwayat=tuple(_baca_riwayat(wb)),
        anggaran=_baca_anggaran(wb, peng), sakip=tuple(_baca_sakip(wb)),
    )


def _baca_ss(wb: Workbook) -> list[SS]:
    _, v = wb.lembar("PK")
    r0 = _cari_baris(v, SS_KODE, "Kode SS")
    hasil = []
    r = (r0 or v.max_row) + 1
    while r0 and _teks(v.cell(r, SS_KODE + 1).value):
        hasil.append(SS(_teks(v.cell(r, SS_KODE + 1).value), _teks(v.cell(r, SS_PERSPEKTIF + 1).value),
                        _teks(v.cell(r, SS_NAMA + 1).value)))
        r += 1
    return hasil


def _realisasi_tw(wb: Workbook) -> dict[str, list[tuple[Any, bool]]]:
    """Per IKU code: (value, is_formula) of the Realisasi cell of TW I..IV."""
    out: dict[str, list[tuple[Any, bool]]] = {}
    for k, nama in enumerate(LEMBAR_TW):
        f, v = wb.lembar(nama)
        r0 = _cari_baris(v, 2, "Kode IKU")
        r = (r0 or v.max_row) + 1
        while r0 and _teks(v.cell(r, 3).value):
            kode = _teks(v.cell(r, 3).value)
            rumus = f.cell(r, TW_REALISASI + 1).value
            out.setdefault(kode, [(None, False)] * 4)[k] = (v.cell(r, TW_REALISASI + 1).value,
                                                            isinstance(rumus, str) and rumus.startswith("="))
            r += 1
    return out


def _baca_iku(wb: Workbook) -> list[IKU]:
    _, v = wb.lembar("PK")
    r0 = _cari_baris(v, 0, "Kode IKU")
    if r0 is None:
        return []
    kol = {_teks(v.cell(r0, c + 1).value): c for c in range(len(PK_KOLOM) + 5)}
    sel = lambda r, judul: v.cell(r, kol[judul] + 1).value if judul in kol else None  # noqa: E731
    tw = _realisasi_tw(wb)
    masukan = _baca_rincian(wb)
    hasil = []
    r = r0 + 1
    while _teks(v.cell(r, 1).value):
        kode = _teks(sel(r, "Kode IKU"))
        real = tw.get(kode, [(None, False)] * 4)
        kalk = _teks(sel(r, "Kalkulator")) or None
        tahunan, rumus = real[3]
        pakai_kalk = kalk is not None and (rumus or tahunan is None) and kode in masukan
        hasil.append(IKU(
            kode=kode, ss=_teks(sel(r, "Kode SS")), nama=_teks(sel(r, "Indikator Kinerja Utama")), satuan=_teks(sel(r, "Satuan")),
            polarisasi=sel(r, "Polarisasi"), target=sel(r, "Target (tertulis)"),
            realisasi=None if pakai_kalk else tahunan, kalkulator=kalk if pakai_kalk else None,
            masukan=masukan.get(kode, {}), batas_bawah=v.cell(r, K_BAWAH + 1).value, batas_atas=v.cell(r, K_ATAS + 1).value,
            realisasi_terburuk=sel(r, "Realisasi terburuk"), kumulatif=_teks(sel(r, "Kumulatif")).lower() == "ya",
            target_tw=tuple(sel(r, f"Target TW {t}") for t in ("I", "II", "III", "IV")),
            realisasi_tw=tuple(x[0] for x in real), sumber_data=_teks(sel(r, "Sumber data")), catatan=_teks(sel(r, "Catatan")),
        ))
        r += 1
    return hasil


def _blok_rincian(wb: Workbook) -> dict[str, list[tuple[str, list[Any]]]]:
    """Rincian blocks by their marker in column A ("IKU 1.1", "SAKIP 2023", "anggaran")."""
    if "Rincian" not in wb.v.sheetnames:
        return {}
    v = wb.v["Rincian"]
    blok: dict[str, list[tuple[str, list[Any]]]] = {}
    aktif: list[tuple[str, list[Any]]] | None = None
    for r in range(1, v.max_row + 1):
        a = _teks(v.cell(r, 1).value)
        if a.startswith(("IKU ", "SAKIP ")) or a == "anggaran":
            aktif = blok.setdefault(a, [])
            continue
        if not a:
            aktif = None if not any(v.cell(r, c).value is not None for c in range(2, 12)) else aktif
            continue
        if aktif is not None:
            nilai = [v.cell(r, c).value for c in range(3, 40)]
            while nilai and nilai[-1] is None:
                nilai.pop()
            aktif.append((a, nilai))
    return blok


def _baca_rincian(wb: Workbook) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for penanda, baris in _blok_rincian(wb).items():
        if not penanda.startswith("IKU "):
            continue
        m: dict[str, Any] = {}
        for kunci, nilai in baris:
            if kunci == "isu" or any(kunci == x.nama and x.daftar for p in PENGHITUNG.values() for x in p.masukan):
                m[kunci] = nilai
            elif nilai:
                m[kunci] = nilai[0]
        out[penanda[4:]] = m
    return out


def _baca_sakip(wb: Workbook) -> list[EvaluasiSakip]:
    hasil = []
    for penanda, baris in _blok_rincian(wb).items():
        if not penanda.startswith("SAKIP "):
            continue
        bobot, nilai = {}, {}
        for kunci, isi in baris:
            if kunci.startswith("sakip:") and isi:
                komp = kunci.split(":", 1)[1]
                bobot[komp] = isi[0]
                nilai[komp] = {s: x for s, x in zip(("keberadaan", "kualitas", "pemanfaatan"), isi[1:4])}
        if bobot:
            hasil.append(EvaluasiSakip(int(penanda.split()[1]), bobot, {}, nilai, "lembar Rincian"))
    return hasil


def _baca_anggaran(wb: Workbook, peng: dict[str, Any]) -> Anggaran | None:
    baris = dict(_blok_rincian(wb).get("anggaran", []))
    if "pagu" not in baris:
        return None
    pagu, real = (baris.get("pagu") or [None])[0], (baris.get("realisasi") or [None])[0]
    tahun = _nama_tetap(wb, "Tahun")
    return Anggaran(int(tahun or 0), kegiatan=(Kegiatan("TOTAL", "Total", pagu, real),))


def _baca_riwayat(wb: Workbook) -> list[BarisRiwayat]:
    if "Riwayat" not in wb.v.sheetnames:
        return []
    v = wb.v["Riwayat"]
    r0 = _cari_baris(v, 0, RIWAYAT_KOLOM[0])
    hasil = []
    r = (r0 or v.max_row) + 1
    while r0 and _teks(v.cell(r, 1).value) and v.cell(r, 5).value is not None:
        c = lambda i: v.cell(r, i + 1).value  # noqa: E731
        try:
            tahun = int(c(4))
        except (TypeError, ValueError):
            tahun = 0
        hasil.append(BarisRiwayat(_teks(c(0)), _teks(c(1)), _teks(c(2)), _teks(c(3)), tahun, c(5), c(6), c(10), None,
                                  c(7), _teks(c(12))))
        r += 1
    return hasil
