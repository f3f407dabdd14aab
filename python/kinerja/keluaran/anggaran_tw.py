"""The budget realisation report of one quarter (``..._TW<n>_anggaran.{xlsx,pdf,csv,json}``)."""
from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

from ..buku import tata_letak as tl
from ..data.dataset import Dataset
from ..hitung.laporan_anggaran import susun_anggaran
from .nilai import angka_csv, bersih

__all__ = ["tabel_anggaran_tw", "tulis_anggaran", "KEPALA_ANGGARAN"]


KEPALA_ANGGARAN = ("Kode", "Kegiatan", "Pagu", "Realisasi s.d. TW", "Penyerapan (%)", "Target (%)", "Capaian target (%)",
                   "Deviasi RPD (%)")


def tabel_anggaran_tw(ds: Dataset, tw: int) -> tuple[list[list[Any]], dict[str, Any]]:
    """The budget realisation report of TW ``tw``: one row per kegiatan and the total, plus the year's figures."""
    ang = susun_anggaran(ds)
    nama = {k.kode: k.nama for k in ang.kegiatan}
    pagu = {k.kode: k.pagu for k in [*ang.kegiatan, ang.total]}
    baris = [[t.kode, nama.get(t.kode, "Total"), pagu[t.kode], t.realisasi, t.penyerapan, t.target, t.capaian_target, t.deviasi_rpd]
             for t in ang.triwulan if t.tw == tw]
    ringkas = {"ckk": ang.ckk, "efisiensi": ang.efisiensi, "nilai_efisiensi": ang.nilai_efisiensi, "kpa": ang.kpa,
               "alasan": ang.alasan or None}
    return baris, ringkas


def tulis_anggaran(path: Path, f: str, ds: Dataset, tw: int, waktu: str, berkas: str) -> None:
    baris, ringkas = tabel_anggaran_tw(ds, tw)
    if f == "csv":
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh, delimiter=";", lineterminator="\r\n")
            w.writerow(KEPALA_ANGGARAN)
            for b in baris:
                w.writerow([angka_csv(x) for x in b])
        return
    if f == "json":
        isi = {"unit": ds.unit, "tahun": ds.tahun, "triwulan": tw, "diekspor": waktu, "berkas": berkas,
               "kegiatan": [dict(zip(("kode", "nama", "pagu", "realisasi", "penyerapan", "target", "capaian_target", "deviasi_rpd"),
                                     map(bersih, b))) for b in baris],
               "tahunan": {k: bersih(v) for k, v in ringkas.items()}}
        path.write_text(json.dumps(isi, ensure_ascii=False, indent=2, allow_nan=False), encoding="utf-8")
        return
    import xlsxwriter
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet(f"Anggaran TW {tl.TRIWULAN[tw - 1]}")
    judul = wb.add_format({"bold": True, "font_size": 13})
    kepala = wb.add_format({"bold": True, "bg_color": "#1F3864", "font_color": "#FFFFFF", "border": 1, "text_wrap": True})
    rp = wb.add_format({"num_format": '[$-421]"Rp "#,##0', "border": 1})
    pc = wb.add_format({"num_format": "[$-421]#,##0.00", "border": 1})
    teks = wb.add_format({"border": 1, "text_wrap": True})
    ws.write(0, 0, f"Realisasi anggaran {ds.unit} — Triwulan {tl.TRIWULAN[tw - 1]} {ds.tahun}", judul)
    ws.write(1, 0, f"Diekspor {waktu} dari {berkas} (nilai saja); n/a: memerlukan realisasi/RPD bulanan yang belum diisi")
    for c, h in enumerate(KEPALA_ANGGARAN):
        ws.write(3, c, h, kepala)
    for i, b in enumerate(baris):
        for c, x in enumerate(b):
            x = bersih(x)
            if x is None:
                ws.write_string(4 + i, c, "n/a", teks)
            elif isinstance(x, str):
                ws.write_string(4 + i, c, x, teks)
            else:
                ws.write_number(4 + i, c, x, rp if c in (2, 3) else pc)
    r = 6 + len(baris)
    for label, kunci in (("Capaian Keluaran Kegiatan (%)", "ckk"), ("Efisiensi (%)", "efisiensi"),
                         ("Nilai Efisiensi", "nilai_efisiensi"), ("Kualitas Pelaksanaan Anggaran", "kpa")):
        ws.write(r, 1, label, teks)
        v = bersih(ringkas[kunci])
        ws.write(r, 2, "n/a" if v is None else v, pc if v is not None else teks)
        r += 1
    for dr, t_ in enumerate((f"Jakarta, {dt.date.today():%d-%m-%Y}", ds.unit, "", "", "(.................................................)", "NIP.")):
        if t_:
            ws.write(r + 1 + dr, 5, t_)
    ws.set_column(0, 0, 10)
    ws.set_column(1, 1, 44)
    ws.set_column(2, 3, 19)
    ws.set_column(4, 7, 13)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_footer("&RHalaman &P dari &N")
    wb.close()
