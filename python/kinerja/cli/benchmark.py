"""Benchmarks that print ratios measured in one run (never timed tests).

``capaian``: ``capaian_iku`` on 1,000,000 mixed rows (polarisasi per row with aliases, negative and zero targets,
stabilize bands, n/a) against the same rule written as plain vectorised numpy (equal work; goal: within 3x); the
same on 1,000,000 rows whose polarisasi are the exact texts ``maximize``/``minimize``/``stabilize`` mixed, against
plain numpy that compares the texts directly (issue 15 item 8: texts normalised once per distinct value; goal: within
3x); and a per-row Python loop of the maximize rule against the engine on the same maximize rows.
``baca``: validating the workbook with one stray value in XFD1, A1048576 or XFD1048576 against the
clean workbook: time and peak memory (goal: about the same).
``udf``: one range call of the ``CAPAIAN_IKU`` UDF over a 10,000-row column against 10,000
single-cell calls of the same function, in-process (goal: at least 100x faster).
``susun``: ``kinerja susun`` of a synthetic unit's workbook (200 IKU by default) against ``kinerja bangun`` of the same
dataset: time and peak Python memory (goal: susun at most 1.5x bangun).
``skala``: a synthetic unit of N and N/10 IKU: each command's time and peak memory (each in its own process), the
ratio N / (N/10) (goal: at most 12x), ``laporan BERKAS`` against a bare read of the same file (openpyxl read-only
and the project's reader), and the UDF calls a full recalculation of the built workbook makes.
"""
from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Callable

import numpy as np

from ..aturan.capaian import POLARISASI, capaian_iku
from ..buku import tata_letak as tl

__all__ = ["jalankan", "ukur"]


def ukur(f: Callable[[], object], ulang: int = 3) -> float:
    """Best wall time of ``ulang`` runs, in seconds (the minimum is the least disturbed run)."""
    terbaik = float("inf")
    for _ in range(ulang):
        t0 = time.perf_counter()
        f()
        terbaik = min(terbaik, time.perf_counter() - t0)
    return terbaik


def _data(n: int, seed: int = 20241231) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.uniform(0, 150, n), rng.uniform(1, 100, n)


def _loop(r: np.ndarray, t: np.ndarray) -> list[float]:
    out = []
    for ri, ti in zip(r.tolist(), t.tolist()):
        x = (2 - ri / ti) * 100 if ti < 0 else ri / ti * 100
        out.append(min(x, 120.0))
    return out


def _campur(n: int, seed: int = 20241231) -> dict[str, np.ndarray]:
    """Rows as users' data has them: polarisasi typed per row (mixed case, aliases, some unknown), negative and zero
    targets, stabilize bands, a worst value for minimize target 0, and n/a realisasi."""
    rng = np.random.default_rng(seed)
    pol = rng.choice(np.array(["Maximize", "maximize", "Minimize", "min", "Stabilize", "naik"], dtype=object), n,
                     p=[.35, .1, .25, .05, .2, .05])
    t = rng.uniform(1, 100, n)
    t[rng.random(n) < .05] *= -1
    t[rng.random(n) < .02] = 0
    r = rng.uniform(0, 150, n)
    r[rng.random(n) < .05] = np.nan
    lo = rng.uniform(10, 50, n)
    return {"polarisasi": pol, "realisasi": r, "target": t, "batas_bawah": lo, "batas_atas": lo + rng.uniform(0, 30, n),
            "realisasi_terburuk": rng.uniform(100, 200, n)}


def _polos(d: dict[str, np.ndarray]) -> np.ndarray:
    """The same rule (RUMUS 2) written as plain vectorised numpy, independently of the engine."""
    teks, balik = np.unique(d["polarisasi"].astype(str), return_inverse=True)
    alias = {"maximize": 0, "max": 0, "minimize": 1, "min": 1, "stabilize": 2, "stabil": 2}
    k = np.array([alias.get(x.strip().lower(), -1) for x in teks])[balik]
    r, t, lo, hi, w = (d[x] for x in ("realisasi", "target", "batas_bawah", "batas_atas", "realisasi_terburuk"))
    with np.errstate(all="ignore"):
        mx = np.where(t == 0, np.nan, np.where(t < 0, 200 - r / t * 100, r / t * 100))
        mn = np.where(t == 0, (w - r) / (w - t) * 100, 200 - r / t * 100)
        mn = np.maximum(np.where(np.isfinite(mn), mn, np.nan), 0)
        st = np.where(r < lo, r / lo * 100, np.where(r > hi, (2 - r / hi) * 100, 100.0))
        st = np.maximum(np.where(np.isnan(r) | (lo > hi) | ~np.isfinite(st), np.nan, st), 0)
        return np.minimum(np.select([k == 0, k == 1, k == 2], [mx, mn, st], np.nan), 120.0)


def _persis(n: int, seed: int = 20241231) -> dict[str, np.ndarray]:
    """Rows whose polarisasi are the three exact texts, mixed row by row."""
    d = _campur(n, seed)
    rng = np.random.default_rng(seed + 1)
    d["polarisasi"] = rng.choice(np.array(list(POLARISASI), dtype=object), n)
    return d


def _polos_persis(d: dict[str, np.ndarray]) -> np.ndarray:
    """RUMUS 2 in plain numpy for exact polarisasi texts: the texts compared as they are, no normalisation."""
    p, r, t, lo, hi, w = (d[x] for x in ("polarisasi", "realisasi", "target", "batas_bawah", "batas_atas", "realisasi_terburuk"))
    with np.errstate(all="ignore"):
        mx = np.where(t == 0, np.nan, np.where(t < 0, 200 - r / t * 100, r / t * 100))
        mn = np.where(t == 0, (w - r) / (w - t) * 100, 200 - r / t * 100)
        mn = np.maximum(np.where(np.isfinite(mn), mn, np.nan), 0)
        st = np.where(r < lo, r / lo * 100, np.where(r > hi, (2 - r / hi) * 100, 100.0))
        st = np.maximum(np.where(np.isnan(r) | (lo > hi) | ~np.isfinite(st), np.nan, st), 0)
        return np.minimum(np.select([p == "maximize", p == "minimize", p == "stabilize"], [mx, mn, st], np.nan), 120.0)


def _rasio_persis(n: int) -> str:
    d = _persis(n)
    mesin = lambda: capaian_iku(d["realisasi"], d["target"], d["polarisasi"], batas_bawah=d["batas_bawah"],  # noqa: E731
                                batas_atas=d["batas_atas"], realisasi_terburuk=d["realisasi_terburuk"])
    if not np.allclose(mesin(), _polos_persis(d), equal_nan=True):
        raise AssertionError("capaian_iku berbeda dari aturan yang sama dalam numpy polos (polarisasi persis)")
    t_api, t_np = ukur(mesin, ulang=5), ukur(lambda: _polos_persis(d), ulang=5)
    return (f"capaian_iku, {n:,} baris dengan teks polarisasi persis (maximize/minimize/stabilize bercampur):\n"
            f"  capaian_iku (mesin)               : {t_api * 1e3:9.2f} ms\n"
            f"  numpy polos (teks dibandingkan)   : {t_np * 1e3:9.2f} ms\n"
            f"  rasio mesin / numpy polos         : {t_api / t_np:6.2f}x  (sasaran <= 3)\n")


def benchmark_capaian(n: int = 1_000_000) -> str:
    """The engine on mixed rows against the same rule in plain numpy (equal work), and a per-row Python loop."""
    d = _campur(n)
    mesin = lambda: capaian_iku(d["realisasi"], d["target"], d["polarisasi"], batas_bawah=d["batas_bawah"],  # noqa: E731
                                batas_atas=d["batas_atas"], realisasi_terburuk=d["realisasi_terburuk"])
    if not np.allclose(mesin(), _polos(d), equal_nan=True):
        raise AssertionError("capaian_iku berbeda dari aturan yang sama dalam numpy polos")
    t_api = ukur(mesin, ulang=5)
    t_np = ukur(lambda: _polos(d), ulang=5)
    r, t = _data(min(n, 200_000))
    t_loop = ukur(lambda: _loop(r, t), ulang=1) * n / len(r)
    t_max = ukur(lambda: capaian_iku(r, t), ulang=5) * n / len(r)
    return (
        f"capaian_iku, {n:,} baris campuran (polarisasi per baris dengan alias dan yang tidak dikenal, target negatif dan 0,\n"
        f"  rentang stabilize, realisasi terburuk, realisasi n/a), satu kali jalan:\n"
        f"  capaian_iku (mesin)               : {t_api * 1e3:9.2f} ms\n"
        f"  aturan yang sama dalam numpy polos: {t_np * 1e3:9.2f} ms\n"
        f"  rasio mesin / numpy polos         : {t_api / t_np:6.2f}x  (sasaran <= 3)\n"
        f"  loop Python per baris (maximize saja, diskalakan ke {n:,}): {t_loop * 1e3:9.2f} ms; "
        f"rasio loop / mesin (maximize saja) {t_loop / t_max:6.1f}x\n"
    ) + _rasio_persis(n)


def benchmark_udf(n: int = 10_000) -> str:
    """One range call of the CAPAIAN_IKU UDF vs n single-cell calls, as Excel would make them."""
    from ..buku.fungsi import CAPAIAN_IKU
    r, t = _data(n)
    kolom_r = [[float(x)] for x in r]
    kolom_t = [[float(x)] for x in t]
    satu = CAPAIAN_IKU(kolom_r, kolom_t, "maximize")
    per_sel = [CAPAIAN_IKU(a[0], b[0], "maximize") for a, b in zip(kolom_r, kolom_t)]
    if [row[0] for row in satu] != per_sel:
        raise AssertionError("panggilan rentang berbeda dari panggilan per sel")
    t_rentang = ukur(lambda: CAPAIAN_IKU(kolom_r, kolom_t, "maximize"), ulang=20)
    t_sel = ukur(lambda: [CAPAIAN_IKU(a[0], b[0], "maximize") for a, b in zip(kolom_r, kolom_t)], ulang=3)
    return (
        f"UDF CAPAIAN_IKU, {n:,} baris (dalam proses, tanpa Excel)\n"
        f"  satu panggilan rentang   : {t_rentang * 1e3:9.2f} ms\n"
        f"  {n:,} panggilan per sel : {t_sel * 1e3:9.2f} ms\n"
        f"  rasio per sel / rentang  : {t_sel / t_rentang:6.1f}x  (sasaran >= 100)\n"
        + _panggilan_workbook()
    )


def _panggilan_workbook() -> str:
    """The UDF calls a full recalculation of the workbook built from the embedded dataset makes (equal to pycel's count:
    tests/test_skala.py)."""
    import tempfile

    from ..bangun import bangun_workbook
    from ..data.dataset import muat_bawaan
    with tempfile.TemporaryDirectory() as d:
        p = bangun_workbook(muat_bawaan(), Path(d) / "k.xlsm")
        udf, sel = panggilan_udf(p)
    n = len(muat_bawaan().iku)
    cara = "satu per kolom" if n >= tl.IKU_LARIK else f"rumus per sel: di bawah {tl.IKU_LARIK} IKU tanpa rumus larik"
    return f"  workbook bawaan ({n} IKU): hitung ulang penuh = {udf:,} panggilan UDF di {sel:,} rumus ({udf / n:.1f} per IKU; {cara})\n"


def _sel_jauh(sumber: Path, tujuan: Path, sel: str) -> Path:
    """A copy of the workbook with one stray typed value at ``sel`` of TW IV (written into the sheet XML)."""
    import re
    import zipfile
    with zipfile.ZipFile(sumber) as z:
        isi = {i.filename: z.read(i.filename) for i in z.infolist()}
        info = {i.filename: i for i in z.infolist()}
    wb = isi["xl/workbook.xml"].decode()
    rid = re.search(r'<sheet name="TW IV" sheetId="\d+" r:id="(rId\d+)"', wb).group(1)
    target = re.search(rf'Id="{rid}"[^>]*Target="([^"]+)"', isi["xl/_rels/workbook.xml.rels"].decode()).group(1)
    nama = "xl/" + target.lstrip("/").removeprefix("xl/")
    baris = "".join(ch for ch in sel if ch.isdigit())
    isi[nama] = isi[nama].decode().replace("</sheetData>", f'<row r="{baris}"><c r="{sel}" t="inlineStr"><is><t>x</t></is></c>'
                                           "</row></sheetData>", 1).encode()
    with zipfile.ZipFile(tujuan, "w") as z:
        for n, data in isi.items():
            z.writestr(info[n], data)
    return tujuan


def _validasi_diukur(path: Path) -> tuple[float, float, int]:
    """Wall time (best of 3) and peak Python memory (MB) of validating TW IV, and the number of findings."""
    import tracemalloc
    from ..buku.cuplikan import dari_berkas
    from ..periksa import validasi
    t = ukur(lambda: validasi(dari_berkas(path), 4), ulang=3)
    tracemalloc.start()
    n = len(validasi(dari_berkas(path), 4))
    puncak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return t, puncak, n


def benchmark_baca(berkas: Path | None = None) -> str:
    """Validating the workbook with one stray value far away (XFD1, A1048576, XFD1048576) vs the clean workbook."""
    import tempfile
    sumber = berkas or Path(__file__).resolve().parents[3] / "workbook" / "Kinerja_D4.xlsm"
    t0, m0, n0 = _validasi_diukur(sumber)
    keluar = [f"validasi TW IV: bersih {t0 * 1e3:8.1f} ms, puncak memori Python (tracemalloc) {m0:6.1f} MB, {n0} temuan"]
    with tempfile.TemporaryDirectory() as tmp:
        for sel in ("XFD1", "A1048576", "XFD1048576"):
            p = _sel_jauh(sumber, Path(tmp) / f"{sel}.xlsm", sel)
            t, m, n = _validasi_diukur(p)
            keluar.append(f"  sel liar {sel:>10}: {t * 1e3:8.1f} ms ({t / t0:4.2f}x), puncak {m:6.1f} MB ({m / m0:4.2f}x), {n} temuan")
    return "\n".join(keluar) + "\n"


def _puncak(f: Callable[[], object]) -> float:
    """Peak Python memory of one run of ``f``, in MB (tracemalloc; timed separately, as tracing slows it)."""
    import tracemalloc
    tracemalloc.start()
    try:
        f()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def benchmark_susun(n: int = 200) -> str:
    """Time and peak memory of Susun Ulang against building the same synthetic dataset; print the ratios."""
    import tempfile

    from ..bangun import bangun_workbook
    from ..bangun.susun import susun_ulang
    from ..buku.cuplikan import dari_berkas
    from ..data.sintetis import unit_sintetis
    ds = unit_sintetis(n)
    with tempfile.TemporaryDirectory() as d:
        dibangun, disusun = Path(d) / "bangun.xlsm", Path(d) / "susun.xlsm"
        bangun = lambda: bangun_workbook(ds, dibangun, timpa=True)  # noqa: E731
        susun = lambda: susun_ulang(dari_berkas(dibangun), disusun, timpa=True, sumber=(dibangun,))  # noqa: E731
        t_b, t_s = ukur(bangun, 2), ukur(susun, 2)
        m_b, m_s = _puncak(bangun), _puncak(susun)
        sama = dibangun.read_bytes() == disusun.read_bytes()
    return (f"susun vs bangun, unit sintetis {n} IKU ({len(ds.ss)} SS, {len(ds.riwayat)} baris riwayat), satu kali jalan:\n"
            f"  bangun: {t_b:.2f} s, puncak memori Python {m_b:.0f} MB\n"
            f"  susun (baca workbook + bangun): {t_s:.2f} s, puncak memori Python {m_s:.0f} MB\n"
            f"  rasio waktu susun/bangun = {t_s / t_b:.2f}x (sasaran <= 1,5x); memori {m_s / m_b:.2f}x; "
            f"hasil susun {'identik byte' if sama else 'BERBEDA'} dengan hasil bangun\n")


_PEMBUNGKUS = ("import resource, sys, time; from kinerja.cli import main; t0 = time.perf_counter(); rc = main(sys.argv[1:]); "
              "sys.stderr.write(f'\\nUKUR {time.perf_counter() - t0} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n'); "
              "sys.exit(rc)")
"""Runs one ``kinerja`` command in a fresh process and reports its own time (without interpreter start) and peak RSS."""


def _perintah(*args: str) -> tuple[float, float]:
    """(seconds, peak resident MB) of one command in its own process."""
    import subprocess
    import sys
    p = subprocess.run([sys.executable, "-c", _PEMBUNGKUS, *args], capture_output=True, text=True)
    baris = [x for x in p.stderr.splitlines() if x.startswith("UKUR ")]
    if not baris:
        raise RuntimeError(f"kinerja {' '.join(args)} gagal: {p.stderr[-500:]}")
    _, detik, kb = baris[-1].split()
    return float(detik), int(kb) / 1024


def _baca_polos(path: Path) -> tuple[float, float]:
    """A bare openpyxl read-only pass over every sheet's values, and the project's reader (values and formulas)."""
    import openpyxl

    from ..buku.cuplikan import dari_berkas

    def polos() -> None:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        for ws in wb.worksheets:
            for _ in ws.iter_rows(values_only=True):
                pass
        wb.close()
    return ukur(polos, 1), ukur(lambda: dari_berkas(path), 1)


def panggilan_udf(path: Path) -> tuple[int, int]:
    """(UDF calls, formulas) of a full recalculation: every formula (an array formula once, for all its cells) is evaluated
    once and calls each of our functions it names once (no volatile or iterative formulas): read off the formulas."""
    from ..buku.cuplikan import dari_berkas
    from ..buku.fungsi import REGISTRI
    pola = re.compile(r"\b(" + "|".join(sorted(REGISTRI, key=len, reverse=True)) + r")\(")
    c = dari_berkas(path)
    rumus = [f for v in c.lembar.values() for r, baris in enumerate(v.rumus) for k, f in enumerate(baris)
             if f and (r, k) not in v.anggota_larik]                 # an array formula is evaluated once, in its first cell
    return sum(len(pola.findall(f)) for f in rumus), len(rumus)


def benchmark_skala(n: int = 1000) -> str:
    """Every command at N/10 and N IKU (synthetic unit), their ratio, reading against a bare pass, UDF calls."""
    import tempfile

    from ..bangun import bangun_workbook
    from ..data.sintetis import unit_sintetis
    keluar = [f"skala: unit sintetis, {n // 10:,} dan {n:,} IKU (10 per SS, 4 tahun riwayat), satu kali jalan, setiap perintah "
              "dalam prosesnya sendiri (waktu tanpa start interpreter; memori = puncak RSS proses)"]
    hasil: dict[int, dict[str, tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as d:
        for m in (n // 10, n):
            berkas = Path(d) / f"u{m}.xlsm"
            bangun_workbook(unit_sintetis(m), berkas)
            perintah = {"bangun": ("bangun", "--dataset", str(berkas), "--keluar", str(Path(d) / f"b{m}.xlsm")),
                        "susun": ("susun", str(berkas), "--keluar", str(Path(d) / f"s{m}.xlsm")),
                        "laporan BERKAS": ("laporan", str(berkas), "--format", "json"),
                        "validasi": ("validasi", str(berkas), "--format", "json"),
                        "ekspor xlsx,csv,json": ("ekspor", str(berkas), "--tw", "4", "--ke", str(Path(d) / f"e{m}"),
                                                 "--format", "xlsx,csv,json", "--paksa")}
            hasil[m] = {nama: _perintah(*args) for nama, args in perintah.items()}
            udf, sel = panggilan_udf(berkas)
            polos, pembaca = _baca_polos(berkas)
            keluar.append(f"  {m:>6,} IKU: " + "; ".join(f"{k} {t:.2f} s / {mb:.0f} MB" for k, (t, mb) in hasil[m].items()))
            keluar.append(f"          laporan BERKAS = {hasil[m]['laporan BERKAS'][0] / polos:.2f}x openpyxl read-only polos "
                          f"({polos:.2f} s), {hasil[m]['laporan BERKAS'][0] / pembaca:.2f}x pembaca proyek ({pembaca:.2f} s); "
                          f"hitung ulang penuh: {udf:,} panggilan UDF di {sel:,} rumus")
    kecil, besar = hasil[n // 10], hasil[n]
    keluar.append("  rasio waktu x10 IKU (sasaran <= 12x): " + "; ".join(f"{k} {besar[k][0] / kecil[k][0]:.1f}x" for k in besar))
    return "\n".join(keluar) + "\n"


def jalankan(jenis: str = "capaian", baris: int | None = None) -> str:
    """Run one benchmark and return its printed report."""
    if jenis == "skala":
        return benchmark_skala(baris or 1000)
    if jenis == "susun":
        return benchmark_susun(baris or 200)
    if jenis == "udf":
        return benchmark_udf(baris or 10_000)
    if jenis == "baca":
        return benchmark_baca()
    return benchmark_capaian(baris or 1_000_000)
