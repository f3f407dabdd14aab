"""The TW I..IV sheets: realisasi (input), capaian and status per IKU, NSS and NKO blocks, chart."""
from __future__ import annotations

from xlsxwriter.utility import xl_rowcol_to_cell

from ..buku import fungsi
from ..buku import tata_letak as tl
from ..data.dataset import IKU, Dataset
from ..hitung.masukan import realisasi_tahunan
from .dasar import Buku, Letak, angka_atau_teks, cetak, kolom_hasil, lampu_predikat, ref, rentang, tinggi

__all__ = ["lembar_tw"]

SS_KODE, SS_PERSPEKTIF = (nama for nama, _ in tl.NAMA_SS)
"""The defined names over the SS table's codes and perspektif (the NKO formula's arguments)."""
BOBOT_IKU = dict((c, n) for n, c in tl.NAMA_IKU)[tl.K_BOBOT]
BOBOT_NAMA, BOBOT_NILAI = (nama for nama, _ in tl.NAMA_BOBOT)
PREDIKAT_BATAS, PREDIKAT_NAMA, _ = (nama for nama, _ in tl.NAMA_PREDIKAT)
PREDIKAT = f"{PREDIKAT_BATAS},{PREDIKAT_NAMA}"
"""The STATUS_CAPAIAN arguments that name the PK's predicate bands."""


def lembar_tw(b: Buku, ds: Dataset, t: Letak, k: int) -> None:
    """Write the sheet of quarter ``k`` (0-3); TW IV holds the year."""
    nama, tw = tl.LEMBAR_TW[k], tl.TRIWULAN[k]
    ws = b.tambah(nama)
    g = b.gaya
    b.rumus(nama, 0, 0, f'="Pengukuran Kinerja Triwulan {tw} Tahun "&{tl.N_TAHUN}', f"Pengukuran Kinerja Triwulan {tw} Tahun {ds.tahun}", "judul")
    b.rumus(nama, 1, 0, f'="Unit: "&{tl.N_UNIT}', f"Unit: {ds.unit}", "subjudul")
    ws.write(tl.TW_CATATAN_BARIS, 0, "Isi kolom Realisasi (sel kuning), lalu tekan Validasi; Ekspor menulis berkas untuk dikirim.",
             g["catatan_baris"])
    for r, c, makro, label in tl.TOMBOL:
        ws.insert_button(r, c, {"macro": makro, "caption": label, "width": 110, "height": 30})
    for c, h in enumerate(tl.TW_KOLOM):
        if h:
            ws.write(tl.TW_BARIS0 - 1, c, h, g["kepala"])
    ws.set_row(tl.TW_BARIS0 - 1, 27)                  # two lines: "Realisasi s.d. TW", "Keterangan / alasan n/a"
    pk, n = tl.PK, t.n_iku
    akhir = tl.TW_BARIS0 + n - 1
    if n == 0 or t.n_ss == 0:
        _tanpa_iku(b, ds, nama)
        return
    kolom_target = tl.K_TW[k]
    peng = {k2: b.ambil(pk, *rc) for k2, rc in t.pengaturan.items()}
    pita = _pita(b, t)
    for i, iku in enumerate(ds.iku):                  # the inputs and links of every row first
        r, rp = tl.TW_BARIS0 + i, t.iku_awal + i
        b.tulis(nama, r, tl.TW_NO, i + 1, "umum")
        b.tulis(nama, r, tl.TW_KODE, iku.kode, "teks")
        for c, kp in tl.TW_DARI_PK:
            b.rumus(nama, r, c, f"={ref(pk, rp, kp)}", b.ambil(pk, rp, kp), "teks")
        t_tw, t_th = b.ambil(pk, rp, kolom_target), b.ambil(pk, rp, tl.K_TARGET)
        b.rumus(nama, r, tl.TW_TARGET, f'=IF({ref(pk, rp, kolom_target)}="",{ref(pk, rp, tl.K_TARGET)},{ref(pk, rp, kolom_target)})',
                t_th if t_tw in (None, "") else t_tw, "teks")
        _realisasi_tw(b, nama, r, iku, k, t)
        ket = iku.keterangan_tw[k] if k < len(iku.keterangan_tw) else None
        b.tulis(nama, r, tl.TW_KETERANGAN, None if ket in (None, "") else str(ket), "masukan_teks")
        b.tulis(nama, r, tl.TW_GARIS, 100, "umum")
        tinggi(ws, r, iku.nama, 46)
    _hasil_baris(b, t, k, peng, pita)
    lampu_predikat(ws, g, tl.TW_BARIS0, tl.TW_CAPAIAN, akhir, tl.TW_STATUS)
    rng = lambda c: rentang(None, tl.TW_BARIS0, c, akhir, c)  # noqa: E731
    capaian_kolom = b.kolom(nama, tl.TW_BARIS0, akhir, tl.TW_CAPAIAN)
    ss_iku = b.kolom(nama, tl.TW_BARIS0, akhir, tl.TW_SS)
    bobot = b.kolom(pk, t.iku_awal, t.iku_awal + n - 1, tl.K_BOBOT)

    r_judul = akhir + tl.NSS_JARAK
    baris_nss, baris_nko = tl.baris_nss_nko(r_judul, t.n_ss)
    ws.write(r_judul, 0, tl.NSS_JUDUL, g["bagian"])
    for c, h in tl.NSS_KEPALA:
        ws.write(r_judul + 1, c, h, g["kepala"])
    ws.merge_range(r_judul + 1, tl.TW_NSS_PERSPEKTIF, r_judul + 1, tl.TW_CAPAIAN - 1, "Perspektif", g["kepala"])
    r_nss = r_judul + 2
    for j, r in enumerate(baris_nss):
        rp = t.ss_awal + j
        b.rumus(nama, r, tl.TW_NSS_KODE, f"={ref(pk, rp, tl.SS_KODE)}", b.ambil(pk, rp, tl.SS_KODE), "teks")
        b.rumus(nama, r, tl.TW_NSS_NAMA, f"={ref(pk, rp, tl.SS_NAMA)}", b.ambil(pk, rp, tl.SS_NAMA), "teks")
        ws.merge_range(r, tl.TW_NSS_PERSPEKTIF, r, tl.TW_CAPAIAN - 1, None, g["teks"])
        b.rumus(nama, r, tl.TW_NSS_PERSPEKTIF, f"={ref(pk, rp, tl.SS_PERSPEKTIF)}", b.ambil(pk, rp, tl.SS_PERSPEKTIF), "teks")
        tinggi(ws, r, str(b.ambil(nama, r, tl.TW_NSS_NAMA)), 46)
    if t.larik:
        kode_blok = b.kolom(nama, baris_nss[0], baris_nss[-1], tl.TW_NSS_KODE)
        nss = kolom_hasil(fungsi.NSS(capaian_kolom, ss_iku, kode_blok, peng[tl.N_NSS_BATAS], bobot), t.n_ss)
        blok = lambda c: rentang(None, baris_nss[0], c, baris_nss[-1], c)  # noqa: E731
        b.rumus_larik(nama, baris_nss[0], tl.TW_CAPAIAN, f"=NSS({rng(tl.TW_CAPAIAN)},{rng(tl.TW_SS)},{blok(tl.TW_NSS_KODE)},"
                      f"{tl.N_NSS_BATAS},{BOBOT_IKU})", [x[0] for x in nss], "angka")
        status_nss = kolom_hasil(fungsi.STATUS_CAPAIAN(nss, *pita), t.n_ss)
        b.rumus_larik(nama, baris_nss[0], tl.TW_STATUS, f"=STATUS_CAPAIAN({blok(tl.TW_CAPAIAN)},{PREDIKAT})", [x[0] for x in status_nss],
                      "teks")
    else:
        _nss_per_sel(b, ds, t, nama, baris_nss, capaian_kolom, ss_iku, bobot, peng, pita)
    nss_akhir = r_nss + t.n_ss - 1
    lampu_predikat(ws, g, r_nss, tl.TW_CAPAIAN, nss_akhir, tl.TW_STATUS)

    r_nko = baris_nko[0]
    ss_pk = (b.kolom(pk, t.ss_awal, t.ss_awal + t.n_ss - 1, tl.SS_KODE), b.kolom(pk, t.ss_awal, t.ss_awal + t.n_ss - 1, tl.SS_PERSPEKTIF))
    r_b, n_b = t.bobot
    persp_bobot = (b.kolom(pk, r_b, r_b + n_b - 1, tl.BOBOT_PERSPEKTIF), b.kolom(pk, r_b, r_b + n_b - 1, tl.BOBOT_NILAI))
    nko = fungsi.NKO(capaian_kolom, ss_iku, *ss_pk, peng[tl.N_NKO_METODE], peng[tl.N_NKO_BATAS], peng[tl.N_NSS_BATAS], bobot, *persp_bobot)
    nko_mentah = fungsi.NKO(capaian_kolom, ss_iku, *ss_pk, peng[tl.N_NKO_METODE], None, None, bobot, *persp_bobot)
    batas = peng[tl.N_NKO_BATAS]
    bobot_args = f"{BOBOT_IKU},{BOBOT_NAMA},{BOBOT_NILAI}"
    for dr, (rumus, v, gaya) in enumerate((
            (f"=NKO({rng(tl.TW_CAPAIAN)},{rng(tl.TW_SS)},{SS_KODE},{SS_PERSPEKTIF},{tl.N_NKO_METODE},{tl.N_NKO_BATAS},{tl.N_NSS_BATAS},"
             f"{bobot_args})", nko, "nko"),
            (f'=NKO({rng(tl.TW_CAPAIAN)},{rng(tl.TW_SS)},{SS_KODE},{SS_PERSPEKTIF},{tl.N_NKO_METODE},"","",{bobot_args})', nko_mentah, "angka"),
            (f"={tl.N_NKO_METODE}", peng[tl.N_NKO_METODE], "teks"),
            (f'=IF({tl.N_NKO_BATAS}="","tanpa batas",{tl.N_NKO_BATAS})', "tanpa batas" if batas in (None, "") else batas, "umum"))):
        ws.merge_range(r_nko + dr, tl.TW_SS, r_nko + dr, tl.TW_CAPAIAN - 1, tl.NKO_LABEL[dr], g["teks_kunci"])
        b.rumus(nama, r_nko + dr, tl.TW_CAPAIAN, rumus, v, gaya)
    b.rumus(nama, r_nko, tl.TW_STATUS, f"=STATUS_CAPAIAN({xl_rowcol_to_cell(r_nko, tl.TW_CAPAIAN)},{PREDIKAT})",
            fungsi.STATUS_CAPAIAN(nko, *pita), "teks")
    lampu_predikat(ws, g, r_nko, tl.TW_CAPAIAN, r_nko, tl.TW_STATUS)
    r_akhir = r_nko + 5
    ws.write(r_akhir, tl.TW_SS, "Status menurut tabel Predikat Capaian pada lembar PK (bawaan: hijau >= 100 Memenuhi Ekspektasi; kuning 80 "
                         "sampai < 100 Belum Memenuhi Ekspektasi; merah < 80 Tidak Memenuhi Ekspektasi, Tabel 3.1/3.2 laporan).",
             g["catatan_baris"])
    _grafik_tw(b, nama, tl.TW_BARIS0, akhir, r_akhir + 2)
    for c, w in enumerate((4, 7, 7, 46, 12, 10, 14, 12, 13, 11, 22, 20, 2, 9)):
        ws.set_column(c, c, w)
    ws.set_column(tl.TW_GARIS, tl.TW_GARIS, 9, None, {"hidden": True})
    ws.freeze_panes(tl.TW_BARIS0, tl.TW_NAMA + 1)
    ws.protect("", tl.PROTEKSI[nama])
    cetak(ws, ds, f"{nama} {ds.tahun}", r_akhir + 20, tl.TW_KETERANGAN, tl.TW_BARIS0 - 1)


def _realisasi_tw(b: Buku, nama: str, r: int, iku: IKU, k: int, t: Letak) -> None:
    """TW IV: the year's realisasi (a link to Rincian when a calculator makes it); TW I-III: input."""
    tahunan = realisasi_tahunan(iku)
    if k == 3 and iku.kode in t.rincian_hasil and tahunan in (None, ""):     # a typed TW IV value overrides the calculator
        rr, rc = t.rincian_hasil[iku.kode]
        b.rumus(nama, r, tl.TW_REALISASI, f"={ref(tl.RINCIAN, rr, rc)}", b.ambil(tl.RINCIAN, rr, rc), "angka")
        return
    tw = list(iku.realisasi_tw) + [None] * (4 - len(iku.realisasi_tw))
    v = tw[k] if tw[k] is not None else (iku.realisasi if k == 3 else None)
    b.tulis(nama, r, tl.TW_REALISASI, angka_atau_teks(v), "masukan_teks")    # Text: Excel keeps 80%, 1/2, 4,79* as typed (R8)


def _tanpa_iku(b: Buku, ds: Dataset, nama: str) -> None:
    """A TW sheet of a workbook whose PK has no SS or IKU yet (a new unit): the header and what to do."""
    ws = b.lembar[nama]
    ws.write(tl.TW_BARIS0, tl.TW_NAMA, "Belum ada IKU: isi tabel SS dan IKU pada lembar PK, lalu tekan Susun Ulang.", b.gaya["catatan_baris"])
    for c, w in enumerate((4, 7, 7, 46, 12, 10, 14, 12, 13, 11, 22, 20, 2, 9)):
        ws.set_column(c, c, w)
    ws.protect("", tl.PROTEKSI[nama])
    cetak(ws, ds, f"{nama} {ds.tahun}", tl.TW_BARIS0 + 1, tl.TW_KETERANGAN, tl.TW_BARIS0 - 1)


def _hasil_baris(b: Buku, t: Letak, k: int, peng: dict[str, object], pita: tuple) -> None:
    """Realisasi s.d. TW, capaian and status of every row: one formula per cell, the cached values of each column
    computed in one call of the same function (a column at once: linear, as Excel would with a range)."""
    nama, pk, n = tl.LEMBAR_TW[k], tl.PK, t.n_iku
    r0, p0 = tl.TW_BARIS0, t.iku_awal
    kol = lambda lembar, a, c: b.kolom(lembar, a, a + n - 1, c)  # noqa: E731
    tw = [kol(tl.LEMBAR_TW[j], r0, tl.TW_REALISASI) for j in range(k + 1)]
    sd = kolom_hasil(fungsi.REALISASI_PERIODE(kol(pk, p0, tl.K_KONSOLIDASI), k + 1, *tw), n)
    for i in range(n):
        b.nilai[(nama, r0 + i, tl.TW_SD)] = sd[i][0]
    capaian = kolom_hasil(fungsi.CAPAIAN_IKU(kol(nama, r0, tl.TW_SD), kol(nama, r0, tl.TW_TARGET), kol(nama, r0, tl.TW_POL),
                                             *(kol(pk, p0, c) for c in (tl.K_BAWAH, tl.K_ATAS, tl.K_TERBURUK)),
                                             peng[tl.N_BATAS_CAPAIAN], peng[tl.N_ATURAN_RENTANG]), n)
    status = kolom_hasil(fungsi.STATUS_CAPAIAN(capaian, *pita), n)
    if t.larik:
        _kolom_larik(b, nama, k, n, p0, sd, capaian, status)
        return
    for i in range(n):
        r, rp = r0 + i, p0 + i
        sel = lambda c: xl_rowcol_to_cell(r, c)  # noqa: E731
        pkc = lambda c: ref(pk, rp, c)  # noqa: E731
        tw_ref = [ref(tl.LEMBAR_TW[j], r, tl.TW_REALISASI) for j in range(k)] + [sel(tl.TW_REALISASI)]
        b.rumus(nama, r, tl.TW_SD, f"=REALISASI_PERIODE({pkc(tl.K_KONSOLIDASI)},{k + 1},{','.join(tw_ref)})", sd[i][0], "umum")
        b.rumus(nama, r, tl.TW_CAPAIAN, f"=CAPAIAN_IKU({sel(tl.TW_SD)},{sel(tl.TW_TARGET)},{sel(tl.TW_POL)},"
                f"{pkc(tl.K_BAWAH)},{pkc(tl.K_ATAS)},{pkc(tl.K_TERBURUK)},{tl.N_BATAS_CAPAIAN},{tl.N_ATURAN_RENTANG})", capaian[i][0], "angka")
        b.rumus(nama, r, tl.TW_STATUS, f"=STATUS_CAPAIAN({sel(tl.TW_CAPAIAN)},{PREDIKAT})", status[i][0], "teks")


def _kolom_larik(b: Buku, nama: str, k: int, n: int, p0: int, sd: list, capaian: list, status: list) -> None:
    """The three computed columns as array formulas (a large workbook: one UDF call per column when Excel recalculates)."""
    r0, pk = tl.TW_BARIS0, tl.PK
    kol_tw = lambda c: rentang(None, r0, c, r0 + n - 1, c)  # noqa: E731
    kol_pk = lambda c: rentang(pk, p0, c, p0 + n - 1, c)  # noqa: E731
    tw_ref = [rentang(tl.LEMBAR_TW[j], r0, tl.TW_REALISASI, r0 + n - 1, tl.TW_REALISASI) for j in range(k)] + [kol_tw(tl.TW_REALISASI)]
    b.rumus_larik(nama, r0, tl.TW_SD, f"=REALISASI_PERIODE({kol_pk(tl.K_KONSOLIDASI)},{k + 1},{','.join(tw_ref)})",
                  [x[0] for x in sd], "umum")
    b.rumus_larik(nama, r0, tl.TW_CAPAIAN, f"=CAPAIAN_IKU({kol_tw(tl.TW_SD)},{kol_tw(tl.TW_TARGET)},{kol_tw(tl.TW_POL)},"
                  f"{kol_pk(tl.K_BAWAH)},{kol_pk(tl.K_ATAS)},{kol_pk(tl.K_TERBURUK)},{tl.N_BATAS_CAPAIAN},{tl.N_ATURAN_RENTANG})",
                  [x[0] for x in capaian], "angka")
    b.rumus_larik(nama, r0, tl.TW_STATUS, f"=STATUS_CAPAIAN({kol_tw(tl.TW_CAPAIAN)},{PREDIKAT})", [x[0] for x in status], "teks")


def _nss_per_sel(b: Buku, ds: Dataset, t: Letak, nama: str, baris_nss: list[int], capaian_kolom: list, ss_iku: list,
                 bobot: list, peng: dict, pita: tuple) -> None:
    """One NSS formula per SS reading only its SS's rows when they are contiguous (a small workbook)."""
    pk, n = tl.PK, t.n_iku
    blok = _blok_ss(ds)
    for j, r in enumerate(baris_nss):
        a, z = blok.get(ds.ss[j].kode, (0, n - 1))       # the SS's own rows when contiguous, else the whole column
        bobot_ref = BOBOT_IKU if (a, z) == (0, n - 1) else rentang(pk, t.iku_awal + a, tl.K_BOBOT, t.iku_awal + z, tl.K_BOBOT)
        nss = fungsi.NSS(capaian_kolom[a:z + 1], ss_iku[a:z + 1], b.ambil(nama, r, tl.TW_NSS_KODE), peng[tl.N_NSS_BATAS], bobot[a:z + 1])
        baris_ss = lambda c: rentang(None, tl.TW_BARIS0 + a, c, tl.TW_BARIS0 + z, c)  # noqa: E731
        b.rumus(nama, r, tl.TW_CAPAIAN, f"=NSS({baris_ss(tl.TW_CAPAIAN)},{baris_ss(tl.TW_SS)},{xl_rowcol_to_cell(r, tl.TW_NSS_KODE)},"
                f"{tl.N_NSS_BATAS},{bobot_ref})", nss, "angka")
        b.rumus(nama, r, tl.TW_STATUS, f"=STATUS_CAPAIAN({xl_rowcol_to_cell(r, tl.TW_CAPAIAN)},{PREDIKAT})", fungsi.STATUS_CAPAIAN(nss, *pita),
                "teks")


def _blok_ss(ds: Dataset) -> dict[str, tuple[int, int]]:
    """First and last IKU index of each SS whose IKU are contiguous in PK order (each NSS cell then reads only its rows:
    linear in IKU, not IKU x SS); an SS whose IKU are spread out is absent (its NSS reads the whole column)."""
    posisi: dict[str, list[int]] = {}
    for i, iku in enumerate(ds.iku):
        posisi.setdefault(iku.ss, []).append(i)
    return {ss: (x[0], x[-1]) for ss, x in posisi.items() if x[-1] - x[0] + 1 == len(x)}


def _pita(b: Buku, t: Letak) -> tuple[list[list[object]], list[list[object]]]:
    """The predicate table's bound and name columns as the STATUS_CAPAIAN cells receive them."""
    r0, n = t.predikat
    return b.kolom(tl.PK, r0, r0 + n - 1, tl.PREDIKAT_BATAS), b.kolom(tl.PK, r0, r0 + n - 1, tl.PREDIKAT_NAMA)


def _grafik_tw(b: Buku, nama: str, r0: int, r1: int, r_grafik: int) -> None:
    ch = b.wb.add_chart({"type": "column"})
    ch.add_series({"name": "Capaian (%)", "categories": f"={rentang(nama, r0, tl.TW_KODE, r1, tl.TW_KODE)}",
                   "values": f"={rentang(nama, r0, tl.TW_CAPAIAN, r1, tl.TW_CAPAIAN)}", "fill": {"color": "#2F5597"}, "gap": 60,
                   "data_labels": {"value": True, "num_format": "0.0", "font": {"size": 7}}})
    garis = b.wb.add_chart({"type": "line"})
    garis.add_series({"name": "Batas 100", "categories": f"={rentang(nama, r0, tl.TW_KODE, r1, tl.TW_KODE)}",
                      "values": f"={rentang(nama, r0, tl.TW_GARIS, r1, tl.TW_GARIS)}",
                      "line": {"color": "#C00000", "width": 1.5, "dash_type": "dash"}})
    ch.combine(garis)
    ch.show_hidden_data()
    ch.set_title({"name": f"Capaian IKU {nama} terhadap garis 100", "name_font": {"size": 11}})
    ch.set_y_axis({"min": 0, "max": 130, "major_unit": 20, "num_format": "0"})
    ch.set_x_axis({"name": "Kode IKU"})
    ch.set_legend({"position": "bottom"})
    ch.set_size({"width": 760, "height": 300})
    b.lembar[nama].insert_chart(r_grafik, 1, ch)

