"""A second unit that is not in the 2024 report (issue 8: any unit, any year), from tests/data/unit_kedua.

22 IKU over 5 SS (two SS share the perspektif Internal Business Process): every polarisasi, range targets read
``posisi`` and ``bawah`` (two datasets differing only in that setting), each konsolidasi periode with TW values
and gaps, a negative target, a minimize target 0 with a worst value, an n/a, IKU weights inside SS.1, perspektif
weights under ``rata_perspektif`` and the five-band predicate table of RUMUS section 10.

Every expected capaian, NSS and NKO below is worked out by hand from RUMUS sections 2, 3 and 10 (the arithmetic
is written out), never taken from the program. The workbook is edited the way Excel saves it (sheet XML rewritten
on a copy, every other cached value kept: :mod:`pembangkit_pk`), then Susun Ulang, Tahun Baru and the validator
run through the command line.
"""
from __future__ import annotations

import dataclasses
import json
import math
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

import pembangkit as pb
import pembangkit_pk as pp
from kinerja.bangun.susun import tahun_baru
from kinerja.buku import tata_letak as tl
from kinerja.buku.baca import baca_dataset
from kinerja.buku.cuplikan import dari_berkas
from kinerja.data.dataset import muat_folder
from kinerja.excel.evaluasi import kompilator
from kinerja.hitung.laporan import susun_laporan

AKAR = Path(__file__).resolve().parents[1]
DATA = AKAR / "tests" / "data" / "unit_kedua"
WORKBOOK = AKAR / "workbook" / "Kinerja_D4.xlsm"
NA = None
"""An n/a capaian: JSON null, the text 'n/a' in a cell."""

# ------------------------------------------------------------------ hand values, TW IV = the year (Aturan Rentang: posisi)
# (realisasi s.d. TW IV, capaian, predicate). Predicates of the 5-band table: >= 110 Sangat Baik, >= 100 Baik,
# >= 90 Cukup, >= 80 Kurang, below Buruk. Every capaian is capped at 120.
TW4 = {
    # maximize, kumulatif: 92 against 80
    "1.1": (92, 92 / 80 * 100, "Sangat Baik"),
    # maximize, negative target: (1 + (1 - R/T)) * 100 = (2 - (-2,5)/(-2)) * 100 = 75
    "1.2": (-2.5, (2 - (-2.5) / (-2)) * 100, "Buruk"),
    # minimize: (2 - 4,5/5) * 100 = 110
    "1.3": (4.5, (2 - 4.5 / 5) * 100, "Sangat Baik"),
    # no realisasi at all: n/a (left out of NSS.1 with its weight 20)
    "1.4": (NA, NA, "n/a"),
    # stabilize 3-5, rata: (1 + 3 + 6 + 6) / 4 = 4 lies inside the band -> 100
    "2.1": ((1 + 3 + 6 + 6) / 4, 100, "Baik"),
    # stabilize 10-12 (explicit bounds), 15 above: (2 - 15/12) * 100 = 75
    "2.2": (15, (2 - 15 / 12) * 100, "Buruk"),
    # stabilize 1-2, 5 above: (2 - 5/2) * 100 = -50, floored at 0
    "2.3": (5, 0, "Buruk"),
    # maximize "3 dari 4": 3,9 / 3 * 100 = 130, capped at 120
    "2.4": (3.9, 120, "Sangat Baik"),
    # maximize range 80-90, 95 above the range: posisi -> against the upper bound, 95/90
    "3.1": (95, 95 / 90 * 100, "Baik"),
    # maximize range 80-90, 85 inside: posisi -> 100
    "3.2": (85, 100, "Baik"),
    # maximize range 80-90, 70 below: against the lower bound, 70/80 (RUMUS 10: 87,5)
    "3.3": (70, 70 / 80 * 100, "Kurang"),
    # minimize range 7-8, 6,5 below: posisi -> against 7, (2 - 6,5/7) * 100 = 107,14 (RUMUS 10)
    "3.4": (6.5, (2 - 6.5 / 7) * 100, "Baik"),
    # minimize range 7-8, 9 above: against 8, (2 - 9/8) * 100 = 87,5 (RUMUS 10)
    "3.5": (9, (2 - 9 / 8) * 100, "Kurang"),
    # maximize, jumlah with TW II empty: 200 + 300 + 350 = 850 against 1.000
    "4.1": (200 + 300 + 350, (200 + 300 + 350) / 1000 * 100, "Kurang"),
    # maximize, terakhir with TW II and TW IV empty: the last value is TW III's 58, against 60
    "4.2": (58, 58 / 60 * 100, "Cukup"),
    # minimize, rata: (24 + 18 + 15 + 19) / 4 = 19 against 20: (2 - 19/20) * 100 = 105
    "4.3": ((24 + 18 + 15 + 19) / 4, (2 - 19 / 20) * 100, "Baik"),
    # minimize target 0, jumlah 1 + 0 + 2 + 1 = 4, worst 10: (10 - 4) / (10 - 0) * 100 = 60
    "4.4": (1 + 0 + 2 + 1, (10 - 4) / (10 - 0) * 100, "Buruk"),
    # maximize, kumulatif written out: 55 against "50 %"
    "4.5": (55, 55 / 50 * 100, "Sangat Baik"),
    # minimize: (2 - 6/5) * 100 = 80
    "5.1": (6, (2 - 6 / 5) * 100, "Kurang"),
    # maximize: 3/4
    "5.2": (3, 3 / 4 * 100, "Buruk"),
    # maximize: 99/90 = 110
    "5.3": (99, 99 / 90 * 100, "Sangat Baik"),
    # maximize, rata with TW II empty: (90 + 110 + 120) / 3 against 100
    "5.4": ((90 + 110 + 120) / 3, (90 + 110 + 120) / 3 / 100 * 100, "Baik"),
}
KODE = list(TW4)


def _c(tabel: dict, kode: str) -> float:
    return tabel[kode][1]


def _nss(c: dict) -> dict[str, float]:
    """NSS by hand: SS.1 weighted 40/24/16 (1.4's weight 20 drops out with its n/a: the rest renormalised), the others plain means."""
    return {
        "SS.1": (_c(c, "1.1") * 40 + _c(c, "1.2") * 24 + _c(c, "1.3") * 16) / (40 + 24 + 16),
        "SS.2": (_c(c, "2.1") + _c(c, "2.2") + _c(c, "2.3") + _c(c, "2.4")) / 4,
        "SS.3": (_c(c, "3.1") + _c(c, "3.2") + _c(c, "3.3") + _c(c, "3.4") + _c(c, "3.5")) / 5,
        "SS.4": (_c(c, "4.1") + _c(c, "4.2") + _c(c, "4.3") + _c(c, "4.4") + _c(c, "4.5")) / 5,
        "SS.5": (_c(c, "5.1") + _c(c, "5.2") + _c(c, "5.3") + _c(c, "5.4")) / 4,
    }


def _nko(nss: dict[str, float]) -> float:
    """rata_perspektif: Stakeholder 40, Customer 20, Internal Business Process 25 (the mean of SS.3 and SS.4),
    Learning and Growth 15."""
    return (nss["SS.1"] * 40 + nss["SS.2"] * 20 + (nss["SS.3"] + nss["SS.4"]) / 2 * 25 + nss["SS.5"] * 15) / (40 + 20 + 25 + 15)


NSS4 = _nss(TW4)
NKO4 = _nko(NSS4)
STATUS_NSS4 = {"SS.1": "Baik", "SS.2": "Buruk", "SS.3": "Cukup", "SS.4": "Cukup", "SS.5": "Cukup"}
# 102; 73,75; 97,54; 91,33; 92,92 -> NKO 93,10 (Cukup)
assert round(NSS4["SS.1"], 9) == 102 and round(NSS4["SS.2"], 9) == 73.75 and round(NKO4, 2) == 93.10   # the arithmetic above

# Aturan Rentang = bawah (the 2024 reading): a maximize range at its lower bound, a minimize range at its upper bound.
TW4_BAWAH = {**TW4,
             "3.1": (95, 95 / 80 * 100, "Sangat Baik"),        # 118,75
             "3.2": (85, 85 / 80 * 100, "Baik"),               # 106,25 (inside no longer means 100)
             "3.4": (6.5, (2 - 6.5 / 8) * 100, "Sangat Baik"),  # 118,75 (against 8, not 7)
             }                                                  # 3.3 (70/80) and 3.5 ((2 - 9/8)) read the same bound
NSS4_BAWAH = _nss(TW4_BAWAH)
NKO4_BAWAH = _nko(NSS4_BAWAH)
assert round(NSS4_BAWAH["SS.3"], 9) == (118.75 + 106.25 + 87.5 + 118.75 + 87.5) / 5 == 103.75

# ------------------------------------------------------------------ hand values, TW II (against Target TW II, else the year's)
TW2 = {
    "1.1": (50, 120, "Sangat Baik"),                   # 50 against Target TW II 40 = 125, capped at 120
    "1.2": (-2.8, (2 - (-2.8) / (-2)) * 100, "Buruk"),  # 60
    "1.3": (5.5, (2 - 5.5 / 5) * 100, "Cukup"),         # 90
    "1.4": (NA, NA, "n/a"),
    "2.1": ((1 + 3) / 2, 2 / 3 * 100, "Buruk"),         # rata 2, below the band 3-5: 2/3
    "2.2": (8, 8 / 10 * 100, "Kurang"),                 # below 10
    "2.3": (1.8, 100, "Baik"),                          # inside 1-2
    "2.4": (3.3, 3.3 / 3 * 100, "Sangat Baik"),         # 110
    "3.1": (82, 100, "Baik"),                           # inside 80-90 (posisi)
    "3.2": (78, 78 / 80 * 100, "Cukup"),                # below: 97,5
    "3.3": (65, 65 / 80 * 100, "Kurang"),               # 81,25
    "3.4": (7.5, 100, "Baik"),                          # inside 7-8 (posisi)
    "3.5": (8.2, (2 - 8.2 / 8) * 100, "Cukup"),         # above 8: 97,5
    "4.1": (200, 200 / 500 * 100, "Buruk"),             # jumlah of 200 and an empty TW II, against Target TW II 500
    "4.2": (50, 50 / 60 * 100, "Kurang"),               # terakhir: TW II empty -> TW I's 50
    "4.3": ((24 + 18) / 2, (2 - 21 / 20) * 100, "Cukup"),  # rata 21 -> 95
    "4.4": (1 + 0, (10 - 1) / (10 - 0) * 100, "Cukup"),   # jumlah 1 (a typed 0 counts) -> 90
    "4.5": (25, 25 / 25 * 100, "Baik"),                 # against Target TW II 25
    "5.1": (6.5, (2 - 6.5 / 5) * 100, "Buruk"),         # 70
    "5.2": (2, 2 / 4 * 100, "Buruk"),                   # 50
    "5.3": (60, 120, "Sangat Baik"),                    # 60 against Target TW II 50 = 120
    "5.4": (90, 90 / 100 * 100, "Cukup"),               # rata of 90 and an empty TW II
}
TARGET_TW2 = {"1.1": "40", "4.1": "500", "4.5": "25", "5.3": "50"}
NSS2 = _nss(TW2)
NKO2 = _nko(NSS2)
STATUS_NSS2 = {"SS.1": "Cukup", "SS.2": "Kurang", "SS.3": "Cukup", "SS.4": "Kurang", "SS.5": "Kurang"}
assert round(NSS2["SS.1"], 9) == (120 * 40 + 60 * 24 + 90 * 16) / 80 == 96


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kinerja.cli", *args], capture_output=True, text=True, timeout=300, cwd=AKAR)


def _json(*args: str) -> tuple[int, dict]:
    p = _cli(*args, "--format", "json")
    assert "Traceback" not in p.stderr and p.stdout.strip(), f"kinerja {' '.join(args)}: {p.stderr}"
    return p.returncode, json.loads(p.stdout)


def _sama(a, b) -> bool:
    """A cell or JSON value equals a hand value (None = n/a, given as 'n/a' in a cell)."""
    if b is None:
        return a in (None, "n/a")
    if isinstance(a, (int, float)) and not isinstance(a, bool):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return a == b


def _cek_laporan(d: dict, tw4: dict, nss: dict, status_nss: dict, nko: float, status_nko: str, kode: list[str]) -> list[str]:
    """Differences between a `kinerja laporan` JSON and the hand values (empty when all agree)."""
    beda = []
    if [i["kode"] for i in d["iku"]] != kode:
        beda.append(f"urutan IKU {[i['kode'] for i in d['iku']]} != {kode}")
    for i in d["iku"]:
        if i["kode"] not in tw4:
            beda.append(f"IKU {i['kode']} tidak diharapkan")
            continue
        real, cap, status = tw4[i["kode"]]
        if not (_sama(i["realisasi"], real) and _sama(i["capaian"], cap) and i["status"] == status):
            beda.append(f"IKU {i['kode']}: realisasi {i['realisasi']}, capaian {i['capaian']}, {i['status']}; "
                        f"dengan tangan {real}, {cap}, {status}")
        if (cap is None) != (i["alasan"] is not None):
            beda.append(f"IKU {i['kode']}: alasan {i['alasan']!r}")
    got = {s["kode"]: (s["nilai"], s["status"]) for s in d["nss"]}
    for k, v in nss.items():
        if k not in got or not (_sama(got[k][0], v) and got[k][1] == status_nss[k]):
            beda.append(f"NSS {k}: {got.get(k)}; dengan tangan {v}, {status_nss[k]}")
    n = d["nko"]
    if not (_sama(n["nilai"], nko) and _sama(n["tanpa_batas"], nko) and n["status"] == status_nko and n["metode"] == "rata_perspektif"):
        beda.append(f"NKO {n}; dengan tangan {nko}, {status_nko}")
    return beda


# ------------------------------------------------------------------ fixtures: the datasets and the built workbook

@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> dict[str, Path]:
    """The dataset (posisi) and a copy differing only in Aturan Rentang (bawah)."""
    bawah = tmp_path_factory.mktemp("unit_kedua_bawah")
    teks = (DATA / "pk.toml").read_text(encoding="utf-8")
    assert teks.count('aturan_rentang = "posisi"') == 1
    (bawah / "pk.toml").write_text(teks.replace('aturan_rentang = "posisi"', 'aturan_rentang = "bawah"'), encoding="utf-8")
    return {"posisi": DATA, "bawah": bawah}


@pytest.fixture(scope="module")
def dibangun(tmp_path_factory) -> Path:
    x = tmp_path_factory.mktemp("bangun") / "x.xlsm"
    p = _cli("bangun", "--dataset", str(DATA), "--keluar", str(x))
    assert p.returncode == 0 and x.is_file(), p.stderr
    return x


def _baris_tw(ws) -> dict[str, int]:
    """Kode IKU -> Excel row on a TW sheet (from the header row down to the NSS block's title)."""
    out = {}
    for r in range(tl.TW_BARIS0 + 1, ws.max_row + 1):
        if ws.cell(r, 1).value == tl.NSS_JUDUL:
            break
        kode = ws.cell(r, tl.TW_KODE + 1).value
        if kode not in (None, ""):
            out[str(kode)] = r
    return out


def _blok_nss(ws, n_ss: int) -> tuple[dict[str, int], int]:
    """Kode SS -> Excel row of its NSS, and the Excel row of 'NKO (%)', by the layout below the block's title."""
    r_judul = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == tl.NSS_JUDUL) - 1
    baris_nss, baris_nko = tl.baris_nss_nko(r_judul, n_ss)
    return {ws.cell(r + 1, tl.TW_NSS_KODE + 1).value: r + 1 for r in baris_nss}, baris_nko[0] + 1


# ------------------------------------------------------------------ 1. kinerja laporan on the dataset folder

@pytest.mark.parametrize("aturan, tw4, nss, status_ss3, nko", [
    ("posisi", TW4, NSS4, "Cukup", NKO4),
    ("bawah", TW4_BAWAH, NSS4_BAWAH, "Baik", NKO4_BAWAH),       # SS.3 = 103,75 under bawah
], ids=["posisi", "bawah"])
def test_laporan_dataset_sama_dengan_hitungan_tangan(folder, aturan, tw4, nss, status_ss3, nko):
    rc, d = _json("laporan", str(folder[aturan]))
    assert _cek_laporan(d, tw4, nss, {**STATUS_NSS4, "SS.3": status_ss3}, nko, "Cukup", KODE) == []
    assert d["masalah"] == [] and rc == 1                       # exit 1: IKU 1.4 is n/a
    assert "1.4" in next(i["alasan"] for i in d["iku"] if i["kode"] == "1.4")


def test_realisasi_tw_iv_dalam_realisasi_tw_sama_dengan_realisasi():
    """The TW IV value written as realisasi_tw[3] (``realisasi`` left out) is the same input as ``realisasi``: the
    builder writes either into the TW IV cell, so the report from the folder must not differ from the workbook's."""
    ds = muat_folder(DATA)
    tw = dataclasses.replace(ds, iku=tuple(dataclasses.replace(i, realisasi_tw=(tuple(i.realisasi_tw) + (None,) * 3)[:3] + (i.realisasi,),
                                                               realisasi=None) for i in ds.iku))
    beda = [(a.kode, a.capaian, b.capaian) for a, b in zip(susun_laporan(ds).iku, susun_laporan(tw).iku)
            if not (math.isnan(a.capaian) and math.isnan(b.capaian)) and not _sama(b.capaian, a.capaian)]
    assert beda == []
    assert [round(i.capaian, 6) for i in susun_laporan(tw).iku[:3]] == [round(92 / 80 * 100, 6), 75.0, 110.0]


# ------------------------------------------------------------------ 2. the built workbook: cached values and pycel

@pytest.fixture(scope="module")
def nilai_bangun(dibangun):
    return openpyxl.load_workbook(dibangun, data_only=True)


@pytest.mark.parametrize("lembar, tw, nss, status_nss, nko", [
    ("TW IV", TW4, NSS4, STATUS_NSS4, NKO4),
    ("TW II", TW2, NSS2, STATUS_NSS2, NKO2),
], ids=["TW IV", "TW II"])
def test_nilai_tersimpan_sama_dengan_hitungan_tangan(nilai_bangun, lembar, tw, nss, status_nss, nko):
    ws = nilai_bangun[lembar]
    baris = _baris_tw(ws)
    assert list(baris) == KODE
    beda = []
    for kode, (real, cap, status) in tw.items():
        r = baris[kode]
        sd, c, s = (ws.cell(r, k + 1).value for k in (tl.TW_SD, tl.TW_CAPAIAN, tl.TW_STATUS))
        if not (_sama(sd, real) and _sama(c, cap) and s == status):
            beda.append((lembar, kode, sd, c, s, "dengan tangan", real, cap, status))
    assert beda == []
    if lembar == "TW II":                                       # the quarter's target where PK gives one, else the year's
        target = {k: ws.cell(r, tl.TW_TARGET + 1).value for k, r in baris.items()}
        assert {k: target[k] for k in TARGET_TW2} == TARGET_TW2 and target["1.2"] == "-2" and target["3.1"] == "80 - 90"
    r_nss, r_nko = _blok_nss(ws, 5)
    assert {k: (ws.cell(r, tl.TW_CAPAIAN + 1).value, ws.cell(r, tl.TW_STATUS + 1).value) for k, r in r_nss.items()} == \
        {k: (pytest.approx(v, rel=1e-9), status_nss[k]) for k, v in nss.items()}
    assert ws.cell(r_nko, tl.TW_CAPAIAN + 1).value == pytest.approx(nko, rel=1e-9)
    assert ws.cell(r_nko + 1, tl.TW_CAPAIAN + 1).value == pytest.approx(nko, rel=1e-9)      # no NKO cap set
    assert ws.cell(r_nko, tl.TW_STATUS + 1).value == "Cukup"


def _sama_sel(a, b) -> bool:
    a = None if a == "" else a
    b = None if b == "" else b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return a == b


def test_pycel_menghitung_ulang_setiap_rumus_tw(dibangun, nilai_bangun):
    """Every formula cell of TW I..IV recomputed by pycel (through our functions) equals its cached value."""
    rumus = openpyxl.load_workbook(dibangun)
    alamat = [f"{n}!{c.coordinate}" for n in tl.LEMBAR_TW for row in rumus[n].iter_rows() for c in row
              if isinstance(c.value, str) and c.value.startswith("=")]
    assert len(alamat) > 4 * 22 * 8
    xl = kompilator(str(dibangun))
    for a in alamat:
        xl.evaluate(a)
    xl.recalculate()                                            # pycel starts from the cached values: force its own
    beda = [(a, v, nilai_bangun[a.split("!")[0]][a.split("!")[1]].value) for a in alamat
            if not _sama_sel(v := xl.evaluate(a), nilai_bangun[a.split("!")[0]][a.split("!")[1]].value)]
    assert beda == []
    # pycel really computes: TW I of IKU 4.1 typed 700 makes TW IV's jumlah 700 + 300 + 350 = 1.350 -> 135 -> 120
    r = _baris_tw(nilai_bangun["TW IV"])["4.1"]
    xl.set_value(f"TW I!{pp.huruf(tl.TW_REALISASI)}{r}", 700)
    assert xl.evaluate(f"TW IV!{pp.huruf(tl.TW_SD)}{r}") == 700 + 300 + 350
    assert xl.evaluate(f"TW IV!{pp.huruf(tl.TW_CAPAIAN)}{r}") == 120


# ------------------------------------------------------------------ 3. PK edited as Excel saves it, then Susun Ulang

KET_52 = "Data BKN terlambat"
KET_34 = "Rapat pleno ditunda"
BARU = {"A": "2.5", "B": "SS.2", "C": "Jumlah forum konsultasi publik (IKU baru)", "D": "Kegiatan", "E": "Maximize", "F": "8",
        "P": "Tidak", "Q": "jumlah"}
KODE_BARU = ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.5", "2.4", "3.4", "3.2", "3.3", "3.1", "3.5",
             "4.1", "4.2", "4.3", "4.4", "4.5", "5.1", "5.3", "5.4"]
"""The PK after the edits: 2.5 inserted above 2.4, 3.1 and 3.4 swapped, 5.2 deleted."""


@pytest.fixture(scope="module")
def disunting(dibangun, tmp_path_factory) -> Path:
    """Staff typed two Keterangan, then on PK: swapped rows 3.1 and 3.4, deleted 5.2, inserted 2.5 above 2.4."""
    p = tmp_path_factory.mktemp("sunting") / "disunting.xlsm"
    ket = pp.huruf(tl.TW_KETERANGAN)
    pb.ubah_sel(dibangun, p, "TW IV", f"{ket}{pp.baris_kode(dibangun, 'TW IV', 'C', '5.2')}", teks=KET_52)
    pb.ubah_sel(p, p, "TW II", f"{ket}{pp.baris_kode(dibangun, 'TW II', 'C', '3.4')}", teks=KET_34)
    pp.tukar_baris(p, p, pp.baris_kode(p, "PK", "A", "3.1"), pp.baris_kode(p, "PK", "A", "3.4"))
    pp.hapus_baris(p, p, pp.baris_kode(p, "PK", "A", "5.2"))
    r = pp.baris_kode(p, "PK", "A", "2.4")
    pp.sisip_baris(p, p, r, {**BARU, "G": (f"=NILAI_ANGKA(F{r})", 8)})
    assert [i.kode for i in baca_dataset(p).iku] == KODE_BARU   # the edit is what we meant
    assert pp.nilai_sel(p, "PK", f"A{r + 1}") == "2.4"
    return p


@pytest.fixture(scope="module")
def disusun(disunting) -> Path:
    baru = disunting.parent / "disusun.xlsm"
    p = _cli("susun", str(disunting), "--keluar", str(baru))
    assert p.returncode == 0 and baru.is_file(), p.stdout + p.stderr
    assert "5.2" in p.stdout and tl.ARSIP in p.stdout
    return baru


def _tw_awal() -> dict[str, list]:
    """What the dataset typed per IKU, TW I..IV (empty = None)."""
    out = {}
    for i in muat_folder(DATA).iku:
        tw = (list(i.realisasi_tw) + [None] * 3)[:3] + [i.realisasi]
        out[i.kode] = [None if x in (None, "") else float(str(x).replace(",", ".")) for x in tw]
    return out


def test_susun_mengikuti_pk_dan_membawa_isian_menurut_kode(disusun):
    wb = openpyxl.load_workbook(disusun, data_only=True)
    awal = _tw_awal()
    h, ket = tl.TW_REALISASI + 1, tl.TW_KETERANGAN + 1
    keterangan = {}
    for k, nama in enumerate(tl.LEMBAR_TW):
        ws = wb[nama]
        baris = _baris_tw(ws)
        assert list(baris) == KODE_BARU, nama                   # the TW rows follow the new PK order
        for kode, r in baris.items():
            v = ws.cell(r, h).value
            harap = None if kode == "2.5" else awal[kode][k]     # the new IKU starts empty
            assert (v in (None, "") if harap is None else v == pytest.approx(harap)), (nama, kode, v, harap)
            if ws.cell(r, ket).value not in (None, ""):
                keterangan[(nama, kode)] = ws.cell(r, ket).value
    # the moved IKU by code, not by row: 3.4 (minimize 7-8) now sits where 3.1 was, with its own values
    assert wb["TW IV"].cell(_baris_tw(wb["TW IV"])["3.4"], h).value == 6.5
    assert wb["TW II"].cell(_baris_tw(wb["TW II"])["3.1"], h).value == 82
    assert [s.kode for s in baca_dataset(disusun).ss] == ["SS.1", "SS.2", "SS.3", "SS.4", "SS.5"]
    # the Keterangan typed on TW II for 3.4 moves with it (and nothing else has one)
    assert keterangan == {("TW II", "3.4"): KET_34}


def test_iku_dihapus_pindah_ke_arsip(disusun):
    wb = openpyxl.load_workbook(disusun, data_only=True)
    assert tl.ARSIP in wb.sheetnames
    ws = wb[tl.ARSIP]
    baris = [[ws.cell(r, c + 1).value for c in range(len(tl.ARSIP_KOLOM))] for r in range(tl.ARSIP_BARIS0 + 1, ws.max_row + 1)]
    baris = [b for b in baris if any(x not in (None, "") for x in b)]
    apa = lambda x: "Realisasi" if str(x).startswith("Realisasi") else "Keterangan" if str(x).startswith("Keterangan") else x  # noqa: E731
    isi = {(b[tl.AR_LEMBAR], apa(b[tl.AR_APA])): b[tl.AR_NILAI] for b in baris}
    assert {b[tl.AR_KODE] for b in baris} == {"5.2"} and len(baris) == len(isi) == 5
    assert {k: (float(v) if k[1] == "Realisasi" else v) for k, v in isi.items()} == {
        ("TW I", "Realisasi"): 1.0, ("TW II", "Realisasi"): 2.0, ("TW III", "Realisasi"): 2.0, ("TW IV", "Realisasi"): 3.0,
        ("TW IV", "Keterangan"): KET_52}
    assert all("5.2" not in str(ws2.cell(r, tl.TW_KODE + 1).value) for n in tl.LEMBAR_TW for ws2 in [wb[n]]
               for r in range(1, ws2.max_row + 1))


def test_susun_lalu_isi_iku_baru_laporan_sama_dengan_hitungan_tangan(disusun, tmp_path):
    """Realisasi of the new IKU 2.5 typed into the new workbook (TW I 2, TW IV 5; jumlah): the report follows by hand."""
    h = pp.huruf(tl.TW_REALISASI)
    r = pp.baris_kode(disusun, "TW IV", "C", "2.5")
    assert pp.baris_kode(disusun, "TW I", "C", "2.5") == r
    p = pb.ubah_sel(disusun, tmp_path / "diisi.xlsm", "TW I", f"{h}{r}", nilai=2)
    p = pb.ubah_sel(p, p, "TW IV", f"{h}{r}", nilai=5)
    rc, d = _json("laporan", str(p))
    tw4 = {k: v for k, v in TW4.items() if k != "5.2"}
    tw4["2.5"] = (2 + 5, (2 + 5) / 8 * 100, "Kurang")           # jumlah with TW II and III empty: 7 against 8 = 87,5
    nss = {**NSS4,
           "SS.2": (_c(TW4, "2.1") + _c(TW4, "2.2") + _c(TW4, "2.3") + _c(TW4, "2.4") + (2 + 5) / 8 * 100) / 5,   # 76,5
           "SS.5": (_c(TW4, "5.1") + _c(TW4, "5.3") + _c(TW4, "5.4")) / 3}                                    # 98,89
    assert round(nss["SS.2"], 9) == (100 + 75 + 0 + 120 + 87.5) / 5 == 76.5
    status = {**STATUS_NSS4, "SS.2": "Buruk", "SS.5": "Cukup"}
    assert _cek_laporan(d, tw4, nss, status, _nko(nss), "Cukup", KODE_BARU) == []
    assert d["masalah"] == [] and rc == 1                       # 1.4 still n/a


# ------------------------------------------------------------------ 4. Susun Ulang is reproducible

def test_susun_dua_kali_identik_dan_susun_hasil_bangun_identik(disunting, disusun, dibangun, tmp_path):
    lagi = tmp_path / "lagi.xlsm"
    assert _cli("susun", str(disunting), "--keluar", str(lagi)).returncode == 0
    assert lagi.read_bytes() == disusun.read_bytes()
    ulang = tmp_path / "ulang.xlsm"
    assert _cli("susun", str(dibangun), "--keluar", str(ulang)).returncode == 0
    assert ulang.read_bytes() == dibangun.read_bytes()


# ------------------------------------------------------------------ 5. Tahun Baru on the committed 2024 workbook

@pytest.fixture(scope="module")
def tahun_2025(tmp_path_factory) -> tuple[Path, Path]:
    d = tmp_path_factory.mktemp("tahun_baru")
    hasil = []
    for nama in ("a.xlsm", "b.xlsm"):
        p = _cli("tahun-baru", str(WORKBOOK), "--tahun", "2025", "--keluar", str(d / nama))
        assert p.returncode == 0, p.stdout + p.stderr
        hasil.append(d / nama)
    return hasil[0], hasil[1]


def test_tahun_baru(tahun_2025):
    a, b = tahun_2025
    assert a.read_bytes() == b.read_bytes()                     # run twice: byte-identical
    lama, baru = baca_dataset(WORKBOOK), baca_dataset(a)
    assert lama.tahun == 2024 and baru.tahun == 2025
    assert [(i.kode, i.target) for i in baru.iku] == [(i.kode, i.target) for i in lama.iku]          # targets kept
    assert [i.target_tw for i in baru.iku] == [i.target_tw for i in lama.iku]
    wb = openpyxl.load_workbook(a)
    for nama in tl.LEMBAR_TW:                                   # every typed realisasi and Keterangan empty
        ws = wb[nama]
        for kode, r in _baris_tw(ws).items():
            for k in (tl.TW_REALISASI, tl.TW_KETERANGAN):
                v = ws.cell(r, k + 1).value
                assert v in (None, "") or (k == tl.TW_REALISASI and nama == "TW IV" and str(v).startswith("=")), (nama, kode, v)
    assert all(r in (None, "") for i in baru.iku for r in i.realisasi_tw)
    kode_2024 = [i.kode for i in lama.iku]
    n_lama = {k: sum(1 for r in lama.riwayat if (r.kode, r.tahun) == (k, 2024)) for k in kode_2024}
    n_baru = {k: sum(1 for r in baru.riwayat if (r.kode, r.tahun) == (k, 2024)) for k in kode_2024}
    assert n_baru == dict.fromkeys(kode_2024, 1)               # every 2024 IKU once, none duplicated
    assert len(baru.riwayat) == len(lama.riwayat) + sum(1 for k in kode_2024 if n_lama[k] == 0)
    assert lama.anggaran.pagu_revisi and baru.anggaran.pagu_revisi == ()      # the Pagu revision log starts afresh
    assert baru.anggaran.tahun == 2025
    assert [k.kode for k in baru.anggaran.kegiatan] == [k.kode for k in lama.anggaran.kegiatan]
    assert all(k.pagu in (None, "") and k.realisasi in (None, "") for k in baru.anggaran.kegiatan)


def test_tahun_baru_unit_kedua_menutup_riwayat(dibangun, tmp_path):
    """The second unit has no history: Tahun Baru appends one 2024 row per IKU with the year-to-date realisasi and
    the capaian worked out above (2 decimals); the n/a IKU keeps both empty."""
    h = tahun_baru(dari_berkas(dibangun), 2025, tmp_path / "2025.xlsm")
    assert h.n_iku == 22
    ds = baca_dataset(h.path)
    assert ds.tahun == 2025 and all(r in (None, "") for i in ds.iku for r in i.realisasi_tw)
    rw = {r.kode: r for r in ds.riwayat if r.tahun == 2024}
    assert list(rw) == KODE and len(ds.riwayat) == 22
    for kode, (real, cap, _) in TW4.items():
        assert _sama(rw[kode].realisasi, real) and _sama(rw[kode].capaian_terbit, None if cap is None else round(cap, 2)), kode


# ------------------------------------------------------------------ 6. the validator before and after Susun Ulang

@pytest.fixture(scope="module")
def temuan(disunting, disusun) -> dict[str, tuple[int, list[dict]]]:
    out = {}
    for nama, p in (("disunting", disunting), ("disusun", disusun)):
        rc, d = _json("validasi", str(p))
        out[nama] = (rc, d["temuan"])
    return out


def _struktur(t: list[dict]) -> list[tuple[str, str, str]]:
    return [(x["lembar"], x["sel"], x["pesan"]) for x in t if x["aturan"] == "struktur"]


def test_validasi_pk_disunting_struktur_lalu_bersih_setelah_susun(temuan):
    rc, t = temuan["disunting"]
    s = _struktur(t)
    assert rc == 1
    for nama in tl.LEMBAR_TW:
        pesan = [p for lembar, _, p in s if lembar == nama]
        assert any("2.5" in p for p in pesan), (nama, pesan)                      # a PK IKU without a TW row
        assert any("3.1" in p and "3.4" in p for p in pesan), (nama, pesan)       # a TW row showing another IKU's PK row
        assert sum(1 for p in pesan if "3.1" in p or "3.4" in p) == 2
    rc2, t2 = temuan["disusun"]
    assert _struktur(t2) == [] and not [x for x in t2 if x["tingkat"] == "galat"] and rc2 == 0


def test_validasi_baris_tw_iku_yang_dihapus_dari_pk(temuan):
    """The TW rows of 5.2, deleted from PK (their links now #REF!), no longer match the PK: their realisasi is read by
    nobody until Susun Ulang, so each TW sheet should say so at that row."""
    s = _struktur(temuan["disunting"][1])
    for nama in tl.LEMBAR_TW:
        assert any(lembar == nama and "5.2" in p for lembar, _, p in s), (nama, [x for x in s if x[0] == nama])


def test_peringatan_realisasi_kosong_tidak_menyebut_na_bila_capaian_ada(temuan):
    """4.1 (jumlah), 4.2 (terakhir) and 5.4 (rata) have an empty TW II but a TW II capaian (40; 83,33; 90) and 4.2 an
    empty TW IV but a year (96,67): a finding there must not say the capaian is n/a."""
    t = temuan["disusun"][1]
    salah = [(x["lembar"], x["sel"], x["pesan"]) for x in t if "capaian n/a" in x["pesan"]
             and any(f"IKU {k}:" in x["pesan"] for k in ("4.1", "4.2", "5.4"))]
    assert salah == []
    assert any("IKU 1.4:" in x["pesan"] for x in t)            # the real n/a is still reported
