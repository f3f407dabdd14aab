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


def test_workbook_besar_memakai_rumus_larik_satu_panggilan_per_kolom(tmp_path, monkeypatch):
    """From tl.IKU_LARIK IKU on, the TW columns, NSS and Riwayat's capaian are array formulas: a full recalculation makes
    O(columns) UDF calls (plus one per IKU for PK's Target (angka), where an array would stop staff inserting rows); the
    cached values are what pycel computes, validation finds nothing, and Susun Ulang gives the same bytes."""
    import openpyxl

    from kinerja.bangun.susun import susun_ulang
    from kinerja.buku import tata_letak as tl
    from kinerja.buku.cuplikan import dari_berkas
    from kinerja.cli.benchmark import panggilan_udf
    from kinerja.excel.evaluasi import kompilator
    from kinerja.periksa import validasi

    ds = unit_sintetis(30)
    kecil = bangun_workbook(ds, tmp_path / "sel.xlsm")
    monkeypatch.setattr(tl, "IKU_LARIK", 20)
    besar = bangun_workbook(ds, tmp_path / "larik.xlsm")
    udf_sel, _ = panggilan_udf(kecil)
    udf_larik, _ = panggilan_udf(besar)
    assert udf_sel >= 30 * 12 and udf_larik <= 30 + 4 * 7 + 1 + 10          # per cell vs per column (+ PK per IKU)
    c = dari_berkas(besar)
    assert len(c.lembar["TW IV"].anggota_larik) == 3 * 29 + 2 * 2                 # 3 columns of 30 IKU, NSS/status of 3 SS
    assert [t for t in validasi(c) if t.aturan in ("struktur", "rumus-tertimpa", "nilai-basi", "nilai-galat")] == []
    h = susun_ulang(c, tmp_path / "susun.xlsm", sumber=(besar,))
    assert h.path.read_bytes() == besar.read_bytes()
    wb = openpyxl.load_workbook(besar, data_only=True)
    xl = kompilator(str(besar))
    alamat = [f"{n}!{openpyxl.utils.get_column_letter(k + 1)}{r + 1}" for n in tl.LEMBAR_TW
              for (r, k) in sorted(dari_berkas(besar).lembar[n].anggota_larik)]
    for a in alamat:
        xl.evaluate(a)
    xl.recalculate()
    beda = []
    for a in alamat:
        n, sel = a.split("!")
        x, y = xl.evaluate(a), wb[n][sel].value
        if not (x == y or (isinstance(x, float) and isinstance(y, (int, float)) and abs(x - y) < 1e-9)):
            beda.append((a, x, y))
    assert beda == []


def test_ekspor_memuat_gaya_dari_satu_lembar_saja():
    """The export's second (style) load reads the one TW sheet it copies the look of, not the whole workbook."""
    import zipfile
    from pathlib import Path

    import openpyxl

    from kinerja.keluaran.tabel_tw import lembar_saja

    workbook = Path(__file__).resolve().parents[1] / "workbook" / "Kinerja_D4.xlsm"
    isi = lembar_saja(workbook, "TW IV")
    with zipfile.ZipFile(isi) as z:
        bagian = z.namelist()
    assert [n for n in bagian if n.startswith("xl/worksheets/") and n.endswith(".xml")] == ["xl/worksheets/sheet6.xml"]
    assert not any(n.startswith(("xl/vbaProject", "xl/charts/", "xl/drawings/")) for n in bagian)
    isi.seek(0)
    wb = openpyxl.load_workbook(isi)
    asli = openpyxl.load_workbook(workbook)["TW IV"]
    assert wb.sheetnames == ["TW IV"] and wb["TW IV"].freeze_panes == asli.freeze_panes
    assert wb["TW IV"]["J6"].fill.fgColor.rgb == asli["J6"].fill.fgColor.rgb and wb["TW IV"]["J6"].number_format == asli["J6"].number_format
