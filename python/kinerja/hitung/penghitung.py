"""The registry of IKU calculators: named inputs (as typed) -> realisasi and its intermediates.

The PK says which calculator an IKU uses (``kalkulator = "keberhasilan_ksp"``) and gives its
inputs by name (``masukan``). This module parses those inputs (Indonesian notation; a value
``"@nama"`` refers to a quantity computed elsewhere in the dataset, e.g. the budget's
``@penyerapan_anggaran``), calls the generic calculator and returns the result with every
intermediate (``rincian``) so that a sheet can show, and reconciliation can check, each step.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from ..aturan import kalkulator as k
from ..aturan.kalkulator import KalkulatorError, MasukanKosong
from ..aturan.pembulatan import tanpa_derau
from ..aturan.tata_kelola import BOBOT_KPA, indeks_tata_kelola
from ..data.notasi import DaftarNA, NotasiError, baca_daftar, baca_nilai, kosong

__all__ = ["Masukan", "Penghitung", "PENGHITUNG", "Hasil", "hitung", "angka_masukan"]


@dataclass(frozen=True)
class Masukan:
    """One named input of a calculator: a number or a list of numbers, with help text."""

    nama: str
    keterangan: str
    daftar: bool = False
    wajib: bool = True


@dataclass(frozen=True)
class Hasil:
    """Result of a calculator: the realisasi and its named intermediates."""

    nilai: float
    rincian: dict[str, float]


@dataclass(frozen=True)
class Penghitung:
    """A calculator the PK can name: its inputs, its rule (for the Rincian sheet) and its function."""

    nama: str
    rumus: str
    masukan: tuple[Masukan, ...]
    fungsi: Callable[[dict[str, Any], Mapping[str, Any]], Hasil]


def angka_masukan(nama: str, x: Any, konteks: Mapping[str, float]) -> float:
    """Parse one input: a number, Indonesian text, or ``@name`` from the dataset's computed values."""
    if isinstance(x, str) and x.strip().startswith("@"):
        ref = x.strip()[1:]
        if ref not in konteks or konteks[ref] is None or math.isnan(konteks[ref]):
            raise KalkulatorError(f"masukan '{nama}' merujuk '{x}' yang tidak tersedia")
        return float(konteks[ref])
    try:
        n = baca_nilai(x)
    except NotasiError as e:
        raise KalkulatorError(f"masukan '{nama}': {e}") from None
    if not n.tersedia:
        raise MasukanKosong(f"masukan '{nama}' belum diisi")
    return n.tunggal()


def _baca(p: Penghitung, masukan: Mapping[str, Any], konteks: Mapping[str, float]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for m in p.masukan:
        if m.nama not in masukan or masukan[m.nama] in (None, "", []):
            if m.wajib:
                raise MasukanKosong(f"masukan '{m.nama}' ({m.keterangan}) belum diisi")
            continue
        x = masukan[m.nama]
        if m.daftar:
            if isinstance(x, (str, int, float)):
                x = [x]
            try:
                baca_daftar(x, m.nama)                      # rule R3: gaps skipped; n/a -> n/a, an error refused, by position
            except DaftarNA as e:
                raise MasukanKosong(f"masukan {e.alasan}") from None
            except NotasiError as e:
                raise KalkulatorError(f"masukan {e.alasan}") from None
            out[m.nama] = [angka_masukan(f"{m.nama} ke-{i + 1}", v, konteks) for i, v in enumerate(x) if not kosong(v)]
            if not out[m.nama] and m.wajib:
                raise MasukanKosong(f"masukan '{m.nama}' ({m.keterangan}) belum diisi")
        else:
            if isinstance(x, (list, tuple)):
                raise KalkulatorError(f"masukan '{m.nama}' harus satu angka, bukan daftar")
            out[m.nama] = angka_masukan(m.nama, x, konteks)
    return out


def _proyeksi(m: dict[str, Any], _: Mapping[str, Any]) -> Hasil:
    x4 = k.proyeksi_triwulan(m["triwulan_terakhir"], m["pertumbuhan"])
    rata = sum(m["pertumbuhan"]) / len(m["pertumbuhan"])
    return Hasil(m["kumulatif"] + x4, {"rata_pertumbuhan": rata, "proyeksi_triwulan": x4})


def _komposit(m: dict[str, Any], _: Mapping[str, Any]) -> Hasil:
    nilai = k.komposit(m["realisasi"], m["target"], m["bobot"])
    rincian = {}
    for i, (r, t, w) in enumerate(zip(m["realisasi"], m["target"], m["bobot"]), 1):
        rincian[f"rasio_{i}"] = r / t * 100.0
        rincian[f"komponen_{i}"] = r / t * w
    return Hasil(nilai, rincian)


def _ksp(m: dict[str, Any], _: Mapping[str, Any]) -> Hasil:
    nilai = k.keberhasilan_ksp(m["tahap"])
    return Hasil(nilai, {f"nilai_isu_{i}": t * k.NILAI_TAHAP for i, t in enumerate(m["tahap"], 1)})


def desimal_kpa(x: Any) -> int | None:
    """The setting Desimal KPA: empty (no rounding) or a whole number 0-6, else a KalkulatorError naming it."""
    if x in (None, ""):
        return None
    try:
        n = baca_nilai(x)
    except NotasiError as e:
        raise KalkulatorError(f"pengaturan Desimal KPA: {e}") from None
    if not n.tersedia:
        return None
    d = n.tunggal()
    if d != int(d) or not 0 <= d <= 6:
        raise KalkulatorError(f"pengaturan Desimal KPA '{x}' harus bilangan bulat 0-6 atau kosong")
    return int(d)


def _tata_kelola(m: dict[str, Any], pengaturan: Mapping[str, Any]) -> Hasil:
    d = desimal_kpa(pengaturan.get("desimal_rasio_kpa"))
    bobot = m.get("kpa_bobot", BOBOT_KPA)
    h = indeks_tata_kelola(
        m["nilai_sakip"], m["target_sakip"], m["renaksi_dilaksanakan"], m["renaksi_dirumuskan"],
        m["kpa_realisasi"], m["kpa_target"], cara=str(pengaturan.get("skala_tata_kelola") or "linear"),
        desimal_rasio_kpa=d, kpa_bobot=bobot,
    )
    rincian = {"sub_sakip": h.sub_sakip, "sub_rb": h.sub_rb, "kpa": h.kpa, "sub_kpa": h.sub_kpa, "skor": h.skor}
    for i, (r, t, w) in enumerate(zip(m["kpa_realisasi"], m["kpa_target"], bobot), 1):
        rincian[f"kpa_komponen_{i}"] = k.komposit([r], [t], [w], d)
    return Hasil(h.indeks, rincian)


def _satu(fungsi: Callable[..., float], *nama: str) -> Callable[[dict[str, Any], Mapping[str, Any]], Hasil]:
    return lambda m, _: Hasil(float(fungsi(*(m[n] for n in nama if n in m))), {})


PENGHITUNG: dict[str, Penghitung] = {p.nama: p for p in (
    Penghitung("proyeksi_tahunan", "Y = (X1+X2+X3) + X3 x (1 + rata-rata pertumbuhan)",
               (Masukan("kumulatif", "jumlah triwulan yang sudah ada"), Masukan("triwulan_terakhir", "nilai triwulan terakhir"),
                Masukan("pertumbuhan", "pertumbuhan tahunan (%)", daftar=True)), _proyeksi),
    Penghitung("pertumbuhan", "(nilai tahun n - nilai tahun n-1) / nilai tahun n-1 x 100",
               (Masukan("sekarang", "nilai tahun n"), Masukan("sebelumnya", "nilai tahun n-1")),
               _satu(k.pertumbuhan, "sekarang", "sebelumnya")),
    Penghitung("komposit", "jumlah (realisasi / target x bobot)",
               (Masukan("realisasi", "realisasi tiap komponen", daftar=True), Masukan("target", "target tiap komponen", daftar=True),
                Masukan("bobot", "bobot tiap komponen", daftar=True)), _komposit),
    Penghitung("selisih_level", "nilai periode n - nilai periode n-1",
               (Masukan("sekarang", "nilai periode n"), Masukan("sebelumnya", "nilai periode n-1")),
               _satu(k.selisih_level, "sekarang", "sebelumnya")),
    Penghitung("rata_likert", "rata-rata jawaban Likert 1..4",
               (Masukan("jawaban", "jawaban responden (1-4)", daftar=True),), _satu(k.rata_likert, "jawaban")),
    Penghitung("indeks_persen", "persentase survei -> indeks 4/3/2/1 (>=85, >=75, >=65)",
               (Masukan("persen", "hasil survei (%)"),), _satu(k.indeks_kategori, "persen")),
    Penghitung("keberhasilan_ksp", "rata-rata (Tahap x 25%) seluruh isu",
               (Masukan("tahap", "tahap tiap isu (1-4)", daftar=True),), _ksp),
    Penghitung("indeks_tata_kelola", "(SAKIP/target x 30 + RB x 50 + KPA x 20%) -> skala 1-4",
               (Masukan("nilai_sakip", "nilai SAKIP"), Masukan("target_sakip", "target nilai SAKIP"),
                Masukan("renaksi_dilaksanakan", "renaksi RB dilaksanakan"), Masukan("renaksi_dirumuskan", "renaksi RB dirumuskan"),
                Masukan("kpa_realisasi", "realisasi unsur KPA", daftar=True), Masukan("kpa_target", "target unsur KPA", daftar=True),
                Masukan("kpa_bobot", "bobot unsur KPA (40, 20, 40)", daftar=True, wajib=False)),
               _tata_kelola),
    Penghitung("jumlah", "jumlah seluruh nilai", (Masukan("nilai", "nilai yang dijumlahkan", daftar=True),),
               lambda m, _: Hasil(float(sum(m["nilai"])), {})),
)}


def hitung(nama: str, masukan: Mapping[str, Any], pengaturan: Mapping[str, Any] | None = None,
           konteks: Mapping[str, float] | None = None) -> Hasil:
    """Run the calculator ``nama`` on raw inputs; raises KalkulatorError with a message for staff.

    Results lose their binary noise (12 significant digits): 2,7 + 2,09 is 4,79, not 4,789999999999992.
    """
    p = PENGHITUNG.get(str(nama).strip())
    if p is None:
        raise KalkulatorError(f"kalkulator '{nama}' tidak dikenal (pilihan: {', '.join(PENGHITUNG)})")
    h = p.fungsi(_baca(p, masukan, konteks or {}), pengaturan or {})
    return Hasil(tanpa_derau(h.nilai), {k: tanpa_derau(v) for k, v in h.rincian.items()})
