"""One IKU's fields parsed into the numbers of the capaian rule (RUMUS sections 2 and 10), shared by the
report engine and the Excel functions so that a cell and ``kinerja laporan`` read text alike.

Any bad value (unparsable text, missing target, unknown polarisasi or konsolidasi, a calculator that
refuses its inputs) becomes a :class:`MasukanIKU` with an ``alasan`` naming the IKU, the field and the text.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from ..aturan.capaian import nama_polarisasi
from ..aturan.kalkulator import KalkulatorError
from ..aturan.periode import KONSOLIDASI, KUMULATIF, kode_konsolidasi, realisasi_periode
from ..data.dataset import IKU
from ..data.notasi import Jenis, Nilai, NotasiError, baca_nilai
from .penghitung import hitung

__all__ = ["tafsir_target", "angka_realisasi", "MasukanError", "MasukanIKU", "siapkan_iku", "realisasi_tahunan", "realisasi_riwayat"]


def tafsir_target(n: Nilai, polarisasi: str, bawah: float = math.nan, atas: float = math.nan) -> tuple[float, float, float]:
    """(target, batas_bawah, batas_atas) from a parsed target.

    A range target (``2,7 – 3``) is measured against its lower bound for maximize (IKU 1.5,
    l.1768-1775), its upper bound for minimize, and is the band for stabilize; explicit bounds
    win over the range. An index on a scale (``3 dari 4``) is its index. Empty / n/a -> NaN.
    """
    if n.jenis is Jenis.RENTANG:
        lo = n.bawah if math.isnan(bawah) else bawah
        hi = n.atas if math.isnan(atas) else atas
        t = {"maximize": n.bawah, "minimize": n.atas}.get(polarisasi, math.nan)
        return float(t), float(lo), float(hi)  # type: ignore[arg-type]
    return n.tunggal(), bawah, atas


def angka_realisasi(n: Nilai) -> float:
    """The realisasi number of a parsed cell; a range is refused (realisasi is one number)."""
    if n.jenis is Jenis.RENTANG:
        raise ValueError(f"teks '{n.teks}' berupa rentang; realisasi harus satu angka")
    return n.tunggal()


class MasukanError(ValueError):
    """A field of an IKU that cannot be used; the message names IKU, field and text."""


@dataclass(frozen=True)
class MasukanIKU:
    """The numbers the capaian rule needs, parsed from one IKU's fields."""

    polarisasi: str
    target: float = math.nan
    batas_bawah: float = math.nan
    batas_atas: float = math.nan
    realisasi_terburuk: float = math.nan
    realisasi: float = math.nan
    proyeksi: bool = False
    rincian: dict[str, float] = field(default_factory=dict)
    alasan: str | None = None
    rentang_posisi: bool = False                # a range target read by where the realisasi lies (RUMUS 10)
    sendiri: float = math.nan                   # the quarter's own value (``realisasi`` is the year-to-date one)


def _baca(kode: str, kolom: str, x: Any) -> Nilai:
    try:
        return baca_nilai(x)
    except NotasiError as e:
        raise MasukanError(f"IKU {kode}, kolom {kolom}: {e}") from None


def _angka_opsional(kode: str, kolom: str, x: Any) -> float:
    n = _baca(kode, kolom, x)
    return n.tunggal() if n.tersedia else math.nan


def siapkan_iku(iku: IKU, pengaturan: dict[str, Any], konteks: dict[str, float],
                target: Any = None, realisasi: Any = None, pakai_kalkulator: bool = True, tw: int = 3) -> MasukanIKU:
    """Parse one IKU's fields into the numbers of the capaian rule (or an alasan).

    ``realisasi`` is the value typed for quarter ``tw`` (0-3; None: the year's); the realisasi the rule uses is the
    year-to-date value by the IKU's konsolidasi periode (RUMUS 10) over the quarters up to ``tw``.
    """
    pol = nama_polarisasi(iku.polarisasi)
    alasan = None if pol is not None else (f"IKU {iku.kode}, kolom polarisasi: '{iku.polarisasi or ''}' tidak dikenal "
                                           "(gunakan maximize, minimize, atau stabilize)")
    t = lo = hi = w = math.nan
    posisi = False
    if pol is not None:
        try:
            rentang = _aturan_rentang(pengaturan)
            t, lo, hi, adalah_rentang = _target(iku, pol, iku.target if target is None else target)
            w = _angka_opsional(iku.kode, "realisasi terburuk", iku.realisasi_terburuk)
            posisi = adalah_rentang and rentang == "posisi"
        except MasukanError as e:
            alasan = str(e)
    try:                                   # the realisasi is read even when the target is unusable (the sheet shows it)
        sendiri, proyeksi, rincian = _realisasi(iku, pengaturan, konteks, realisasi, pakai_kalkulator)
        r = _sd_triwulan(iku, sendiri, tw)
    except MasukanError as e:
        return MasukanIKU(pol or str(iku.polarisasi or ""), alasan=alasan or str(e))
    if alasan:
        return MasukanIKU(pol or str(iku.polarisasi or ""), realisasi=r, proyeksi=proyeksi, rincian=rincian, alasan=alasan, sendiri=sendiri)
    return MasukanIKU(pol, t, lo, hi, w, r, proyeksi, rincian, rentang_posisi=posisi, sendiri=sendiri)


def _aturan_rentang(pengaturan: dict[str, Any]) -> str:
    x = str(pengaturan.get("aturan_rentang") or "bawah").strip().lower()
    if x not in ("bawah", "posisi"):
        raise MasukanError(f"pengaturan Aturan Rentang '{pengaturan.get('aturan_rentang')}' tidak dikenal (pilih bawah atau posisi)")
    return x


def _target(iku: IKU, pol: str, teks: Any) -> tuple[float, float, float, bool]:
    n = _baca(iku.kode, "target", teks)
    lo = _angka_opsional(iku.kode, "batas bawah", iku.batas_bawah)
    hi = _angka_opsional(iku.kode, "batas atas", iku.batas_atas)
    if not n.tersedia and pol != "stabilize":
        raise MasukanError(f"IKU {iku.kode}, kolom target: target belum diisi")
    return (*tafsir_target(n, pol, lo, hi), n.jenis.value == "rentang")


def _sd_triwulan(iku: IKU, sekarang: float, tw: int) -> float:
    """The year-to-date realisasi at quarter ``tw`` from the quarters' own values (konsolidasi periode)."""
    kode = kode_konsolidasi(iku.konsolidasi)
    if kode == -1:
        raise MasukanError(f"IKU {iku.kode}, kolom konsolidasi periode: '{iku.konsolidasi}' tidak dikenal "
                           f"(pilih {', '.join(KONSOLIDASI)})")
    if kode == KUMULATIF:
        return sekarang
    sebelum = [_angka_tw(iku, j) for j in range(tw)]
    return float(realisasi_periode([[*sebelum, sekarang]], KONSOLIDASI[kode])[0])


def _angka_tw(iku: IKU, j: int) -> float:
    x = iku.realisasi_tw[j] if j < len(iku.realisasi_tw) else None
    n = _baca(iku.kode, f"realisasi TW {j + 1}", x)
    try:
        return angka_realisasi(n)
    except ValueError as e:
        raise MasukanError(f"IKU {iku.kode}, kolom realisasi TW {j + 1}: {e}") from None


def _realisasi(iku: IKU, pengaturan: dict[str, Any], konteks: dict[str, float], teks: Any,
               pakai_kalkulator: bool) -> tuple[float, bool, dict[str, float]]:
    tahunan = realisasi_tahunan(iku)
    if pakai_kalkulator and iku.kalkulator and teks is None and tahunan in (None, ""):   # a typed year value overrides it
        try:
            h = hitung(iku.kalkulator, iku.masukan, pengaturan, konteks)
        except KalkulatorError as e:
            raise MasukanError(f"IKU {iku.kode}, kalkulator {iku.kalkulator}: {e}") from None
        return h.nilai, iku.kalkulator == "proyeksi_tahunan", h.rincian
    n = _baca(iku.kode, "realisasi", tahunan if teks is None else teks)
    try:
        return angka_realisasi(n), n.proyeksi, {}
    except ValueError as e:
        raise MasukanError(f"IKU {iku.kode}, kolom realisasi: {e}") from None


def realisasi_tahunan(iku: IKU) -> Any:
    """The year's realisasi as typed: ``realisasi``, else the TW IV value; None when neither (a calculator then decides)."""
    if iku.realisasi not in (None, ""):
        return iku.realisasi
    return iku.realisasi_tw[3] if len(iku.realisasi_tw) > 3 else None


def realisasi_riwayat(realisasi: Any, koreksi: Any) -> Any:
    """The realisasi a Riwayat row uses: the correction when one is typed, else the realisasi (the sheet's
    ``=IF(koreksi="",realisasi,koreksi)``). Rule R6 of issue 15: 0 is a value, so a correction of 0 is used."""
    return realisasi if koreksi is None or koreksi == "" else koreksi
