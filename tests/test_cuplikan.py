"""The snapshot reads each sheet once: values and formulas as openpyxl's full reader gives them, shared formulas
(as Excel writes a filled-down column) translated to each cell."""
from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pembangkit as pb

from kinerja.buku.cuplikan import dari_berkas

WORKBOOK = Path(__file__).resolve().parents[1] / "workbook" / "Kinerja_D4.xlsm"


def _sama_dengan_openpyxl(p: Path) -> list[tuple]:
    c = dari_berkas(p)
    wv, wf = openpyxl.load_workbook(p, data_only=True), openpyxl.load_workbook(p)
    beda = []
    for ws in wv.worksheets:
        lembar = c.lembar[ws.title]
        for baris in ws.iter_rows(max_col=64):
            beda += [("v", ws.title, x.coordinate) for x in baris if x.value is not None and lembar.v(x.row - 1, x.column - 1) != x.value]
        for baris in wf[ws.title].iter_rows(max_col=64):
            for x in baris:
                if x.data_type == "f" and lembar.f(x.row - 1, x.column - 1) != "=" + str(getattr(x.value, "text", x.value)).lstrip("="):
                    beda.append(("f", ws.title, x.coordinate))
    return beda


def test_sekali_baca_sama_dengan_pembaca_penuh():
    assert _sama_dengan_openpyxl(WORKBOOK) == []


def _bagi_rumus(xml: str) -> str:
    """TW IV's Status column K6:K19 as Excel saves a filled-down formula: the master has the text, the rest point at it."""
    def ganti(m: re.Match) -> str:
        r, gaya, teks = int(m.group(1)), m.group(2), m.group(3)
        f = f'<f t="shared" ref="K6:K19" si="0">{teks}</f>' if r == 6 else '<f t="shared" si="0"/>'
        return f'<c r="K{r}"{gaya}>{f}'
    return re.sub(r'<c r="K(\d+)"([^>]*)><f>(STATUS_CAPAIAN\(J\d+,[^<]*)</f>', ganti, xml)


def test_rumus_bersama_diterjemahkan_ke_setiap_sel(tmp_path):
    p = pb.ubah_xml(WORKBOOK, tmp_path / "bersama.xlsm", "TW IV", _bagi_rumus)
    lembar = dari_berkas(p).lembar["TW IV"]
    assert [lembar.f(r, 10) for r in (5, 6, 18)] == [f"=STATUS_CAPAIAN(J{r + 1},Predikat_Batas,Predikat_Nama)" for r in (5, 6, 18)]
    assert _sama_dengan_openpyxl(p) == []
