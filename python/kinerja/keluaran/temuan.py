"""Findings leaving the program: a new workbook (``kinerja validasi --laporan``)."""
from __future__ import annotations

from pathlib import Path

from ..data.berkas import tulis_atomik
from ..periksa import GALAT, Temuan
from .nilai import aman_csv

__all__ = ["tulis_temuan_xlsx"]


def tulis_temuan_xlsx(temuan: list[Temuan], tujuan: Path | str, berkas: str, timpa: bool = False,
                      sumber: tuple[Path | str, ...] = ()) -> Path:
    """Findings as a new workbook (``kinerja validasi --laporan``), atomically."""
    import xlsxwriter
    with tulis_atomik(tujuan, timpa=timpa, sumber=sumber) as sementara:
        wb = xlsxwriter.Workbook(str(sementara))
        ws = wb.add_worksheet("Validasi")
        kepala = wb.add_format({"bold": True, "bg_color": "#1F3864", "font_color": "#FFFFFF", "border": 1})
        teks = wb.add_format({"text_wrap": True, "valign": "top", "border": 1})
        warna = {GALAT: wb.add_format({"bg_color": "#FFC7CE", "border": 1, "valign": "top"}),
                 "peringatan": wb.add_format({"bg_color": "#FFEB9C", "border": 1, "valign": "top"}),
                 "info": wb.add_format({"bg_color": "#DDEBF7", "border": 1, "valign": "top"})}
        ws.write(0, 0, f"Temuan validasi: {berkas}", wb.add_format({"bold": True, "font_size": 13}))
        for c, (h, w) in enumerate((("Tingkat", 11), ("Lembar", 10), ("Sel", 8), ("Pesan", 70), ("Saran", 60), ("Aturan", 22))):
            ws.write(2, c, h, kepala)
            ws.set_column(c, c, w)
        for i, t in enumerate(temuan):
            ws.write(3 + i, 0, t.tingkat, warna[t.tingkat])
            for c, v in enumerate((aman_csv(t.lembar), t.sel, aman_csv(t.pesan), aman_csv(t.saran), t.aturan), 1):
                ws.write_string(3 + i, c, v, teks)
        ws.freeze_panes(3, 0)
        ws.autofilter(2, 0, 2 + max(1, len(temuan)), 5)
        wb.close()
    return Path(tujuan)


