"""Scale: the synthetic unit, charts that never exceed what a reader (or Excel) can take, the size guard."""
from __future__ import annotations

import re
import warnings
import zipfile

from kinerja.bangun import bangun_workbook
from kinerja.bangun.riwayat import SERI_MAKS
from kinerja.data.berkas import BATAS_UKURAN_ISI, periksa_workbook
from kinerja.data.sintetis import unit_sintetis
from kinerja.hitung.laporan import susun_laporan


def test_unit_sintetis_tetap_dan_campuran():
    a, b = unit_sintetis(60), unit_sintetis(60)
    assert a == b and len(a.iku) == 60 and len(a.ss) == 6 and len({i.kode for i in a.iku}) == 60
    lap = susun_laporan(a)
    assert {i.polarisasi for i in lap.iku} == {"maximize", "minimize", "stabilize"}
    assert {i.konsolidasi for i in a.iku} == {None, "jumlah", "rata", "terakhir"}
    assert sum(1 for i in lap.iku if i.alasan) == 6                      # one n/a IKU per SS, with its reason


def test_grafik_tren_tidak_melebihi_batas_dan_mengatakannya(tmp_path):
    p = tmp_path / "s.xlsm"
    with warnings.catch_warnings():
        warnings.simplefilter("error")                                   # XlsxWriter warns when it drops series
        bangun_workbook(unit_sintetis(300), p)
    with zipfile.ZipFile(p) as z:
        grafik = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
        total = sum(i.file_size for i in z.infolist())
    tren = [g for g in grafik if "Tren capaian" in g]
    assert len(tren) == 1 and tren[0].count("<c:ser>") == SERI_MAKS
    assert re.search(r"10 terendah dan 10 tertinggi dari 300 IKU", tren[0])
    assert periksa_workbook(p) == p and total < BATAS_UKURAN_ISI / 100       # 300 IKU: far below the guard


def test_panggilan_udf_hitung_ulang_penuh_sama_dengan_pycel(monkeypatch):
    """The benchmark reads the UDF calls of a full recalculation off the formulas; pycel, recomputing every formula
    cell of the workbook, makes exactly that many calls of our functions."""
    import sys
    import types
    from collections import Counter
    from pathlib import Path

    import openpyxl

    from kinerja.buku.fungsi import REGISTRI
    from kinerja.cli.benchmark import panggilan_udf
    from kinerja.excel.evaluasi import kompilator

    workbook = Path(__file__).resolve().parents[1] / "workbook" / "Kinerja_D4.xlsm"
    hitung: Counter[str] = Counter()

    def penghitung(nama, f):
        def g(*a, **k):
            hitung[nama] += 1
            return f(*a, **k)
        return g
    modul = types.ModuleType("kinerja_uji_panggilan")
    for nama, f in REGISTRI.items():
        setattr(modul, nama.lower(), penghitung(nama, f.fungsi))
    monkeypatch.setitem(sys.modules, modul.__name__, modul)
    xl = kompilator(str(workbook), modul.__name__)
    wb = openpyxl.load_workbook(workbook)
    alamat = [f"{ws.title}!{c.coordinate}" for ws in wb.worksheets for baris in ws.iter_rows(max_col=64) for c in baris
              if isinstance(c.value, str) and c.value.startswith("=")]
    for a in alamat:                                   # pycel first takes the cached values ...
        xl.evaluate(a)
    hitung.clear()
    xl.recalculate()                                   # ... then recomputes every cell it has seen, each once
    udf, sel = panggilan_udf(workbook)
    assert sel == len(alamat) and sum(hitung.values()) == udf > 0
