"""The architecture (ARCHITECTURE.md) holds: layers import only downward (import-linter's contract in
setup.cfg), no import cycle between modules, nothing imports the command line, no private name
crosses a module, no module over 400 lines, and no workbook position outside the layout module."""
from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

AKAR = Path(__file__).resolve().parents[1]
PAKET = AKAR / "python" / "kinerja"
LAPISAN = ("aturan", "data", "hitung", "buku", "periksa", "bangun", "keluaran", "excel", "cli")


def _lint(akar: Path, paket: Path) -> subprocess.CompletedProcess:
    """import-linter on the package under ``paket``'s parent, with the contract of ``akar``/setup.cfg."""
    env = {**os.environ, "PYTHONPATH": str(paket.parent)}
    return subprocess.run([sys.executable, "-c", "import sys; from importlinter.cli import lint_imports; "
                           "sys.exit(lint_imports(config_filename=sys.argv[1], no_cache=True))", str(akar / "setup.cfg")],
                          cwd=akar, env=env, capture_output=True, text=True, timeout=120)


def test_kontrak_impor_dipatuhi():
    hasil = _lint(AKAR, PAKET)
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert "4 kept, 0 broken" in hasil.stdout


@pytest.mark.parametrize("berkas, impor", [
    ("aturan/capaian.py", "from ..data.notasi import baca_nilai"),        # the rules reaching up to notation
    ("buku/baca.py", "from ..periksa import validasi"),                   # the reader reaching up to validation
    ("keluaran/ekspor.py", "from ..bangun import bangun_workbook"),       # siblings are independent
    ("hitung/laporan.py", "import openpyxl"),                             # the engine knowing a workbook library
])
def test_kontrak_menolak_impor_ke_atas(tmp_path, berkas, impor):
    """The contract is not vacuous: one upward import in a copy of the package breaks it."""
    salinan = tmp_path / "python" / "kinerja"
    shutil.copytree(PAKET, salinan, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(AKAR / "setup.cfg", tmp_path / "setup.cfg")
    p = salinan / berkas
    teks = p.read_text(encoding="utf-8")
    p.write_text(teks.replace("from __future__ import annotations\n", f"from __future__ import annotations\n\n{impor}\n", 1),
                 encoding="utf-8")
    hasil = _lint(tmp_path, salinan)
    assert hasil.returncode == 1 and "BROKEN" in hasil.stdout, hasil.stdout + hasil.stderr


@pytest.fixture(scope="module")
def graf():
    return grimp.build_graph("kinerja", cache_dir=None)


def _komponen_kuat(simpul: set[str], ke: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected components (Tarjan, iterative): a component of two or more modules is a cycle."""
    indeks: dict[str, int] = {}
    rendah: dict[str, int] = {}
    tumpukan: list[str] = []
    di_tumpukan: set[str] = set()
    hasil: list[set[str]] = []
    for awal in sorted(simpul):
        if awal in indeks:
            continue
        kerja = [(awal, iter(sorted(ke[awal])))]
        indeks[awal] = rendah[awal] = len(indeks)
        tumpukan.append(awal)
        di_tumpukan.add(awal)
        while kerja:
            v, anak = kerja[-1]
            w = next(anak, None)
            if w is not None:
                if w not in indeks:
                    indeks[w] = rendah[w] = len(indeks)
                    tumpukan.append(w)
                    di_tumpukan.add(w)
                    kerja.append((w, iter(sorted(ke[w]))))
                elif w in di_tumpukan:
                    rendah[v] = min(rendah[v], indeks[w])
                continue
            kerja.pop()
            if kerja:
                rendah[kerja[-1][0]] = min(rendah[kerja[-1][0]], rendah[v])
            if rendah[v] == indeks[v]:
                komp = set()
                while True:
                    w = tumpukan.pop()
                    di_tumpukan.discard(w)
                    komp.add(w)
                    if w == v:
                        break
                hasil.append(komp)
    return hasil


def test_komponen_kuat_menemukan_siklus():
    """The cycle finder itself finds a cycle (so the next test can fail)."""
    ke = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert sorted(map(sorted, (k for k in _komponen_kuat(set(ke), ke) if len(k) > 1))) == [["a", "b", "c"]]


def test_tanpa_siklus_impor(graf):
    modul = set(graf.modules)
    ke = {m: graf.find_modules_directly_imported_by(m) & modul for m in modul}
    siklus = [sorted(k) for k in _komponen_kuat(modul, ke) if len(k) > 1]
    assert siklus == []


def test_tidak_ada_yang_mengimpor_cli(graf):
    pengimpor = {m for c in graf.find_descendants("kinerja.cli") | {"kinerja.cli"}
                 for m in graf.find_modules_that_directly_import(c)}
    assert {m for m in pengimpor if not m.startswith("kinerja.cli")} == set()


def test_lapisan_ada_sebagai_subpaket():
    for lapisan in LAPISAN:
        init = PAKET / lapisan / "__init__.py"
        assert init.exists(), lapisan
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc) > 100, f"kinerja.{lapisan}: docstring satu paragraf"


def _modul() -> list[Path]:
    return sorted(p for p in PAKET.rglob("*.py") if "__pycache__" not in p.parts)


def test_modul_paling_400_baris():
    panjang = {str(p.relative_to(PAKET)): len(p.read_text(encoding="utf-8").splitlines()) for p in _modul()}
    assert {p: n for p, n in panjang.items() if n > 400} == {}


def test_tanpa_nama_privat_lintas_modul():
    """``from .x import _y`` would tie a module to another's internals."""
    pelanggaran = []
    for p in _modul():
        for n in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(n, ast.ImportFrom) and (n.level > 0 or (n.module or "").startswith("kinerja")):
                pelanggaran += [f"{p.relative_to(PAKET)}: {a.name}" for a in n.names
                                if a.name.startswith("_") and not a.name.startswith("__")]
    assert pelanggaran == []


def _nama_lembar_tertulis(p: Path, lembar: set[str]) -> list[str]:
    """String constants equal to a sheet name, outside f-strings (words of a message are no position)."""
    pohon = ast.parse(p.read_text(encoding="utf-8"))
    dalam_pesan = {id(x) for n in ast.walk(pohon) if isinstance(n, ast.JoinedStr) for x in ast.walk(n)}
    return [f"{p.relative_to(PAKET)}:{n.lineno} {n.value!r}" for n in ast.walk(pohon)
            if isinstance(n, ast.Constant) and n.value in lembar and id(n) not in dalam_pesan]


def test_nama_lembar_hanya_di_tata_letak():
    """The builder, reader, validator, exporter and macros name sheets through kinerja.buku.tata_letak only."""
    from kinerja.buku import tata_letak as tl
    lembar = {*tl.urutan_lembar(True)}
    berkas = [p for lapisan in ("buku", "periksa", "bangun", "excel") for p in sorted((PAKET / lapisan).rglob("*.py"))
              if p.name != "tata_letak.py"] + [PAKET / "keluaran" / n for n in ("ekspor.py", "tabel_tw.py")]
    assert [x for p in berkas for x in _nama_lembar_tertulis(p, lembar)] == []


def test_udf_lama_tetap_dapat_diimpor():
    """The workbook's ``UDF Modules`` says kinerja.udf: every catalogue function is there, xlwings-ready."""
    import kinerja.udf as udf
    from kinerja.buku.fungsi import REGISTRI
    assert set(REGISTRI) <= set(dir(udf))
    for nama, f in REGISTRI.items():
        assert getattr(udf, nama).__wrapped__ is f.fungsi


def test_setiap_subpaket_ada_di_kontrak_dan_arsitektur():
    """A new layer cannot slip past the contract or the architecture document."""
    import configparser
    cfg = configparser.ConfigParser()
    cfg.read(AKAR / "setup.cfg", encoding="utf-8")
    lapisan = {x.strip() for baris in cfg["importlinter:contract:lapisan"]["layers"].split("\n") for x in baris.split("|") if x.strip()}
    subpaket = {f"kinerja.{p.parent.name}" for p in PAKET.glob("*/__init__.py")}
    assert lapisan == subpaket == {f"kinerja.{x}" for x in LAPISAN}
    dokumen = (AKAR / "ARCHITECTURE.md").read_text(encoding="utf-8")
    assert all(f"`{x}`" in dokumen for x in subpaket)


def test_nama_lama_untuk_workbook_yang_sudah_dibagikan():
    """Workbooks handed out earlier call kinerja.makro from their buttons and kinerja.udf from their cells."""
    import importlib
    makro = importlib.import_module("kinerja.makro")
    assert callable(makro.validasi) and callable(makro.ekspor)
    from kinerja.excel import makro as baru
    assert makro.validasi is baru.validasi and makro.ekspor is baru.ekspor
