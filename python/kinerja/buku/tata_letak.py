"""The workbook's layout: every sheet name, table, header, column, row, defined name and settings key.

The builder writes at these positions; the reader finds each growing table (SS, IKU, kegiatan,
history) by its header text and reads only the columns named here; the validator and the exporter
name cells with them. Rows and columns are 0-based, as XlsxWriter counts (row 5 here is Excel's 6).
Nothing else in the package defines a position of its own.
"""
from __future__ import annotations

from ..aturan.agregasi import METODE_NKO
from ..aturan.capaian import ATURAN_RENTANG, PREDIKAT_BAWAAN, WARNA_PREDIKAT
from ..aturan.periode import KONSOLIDASI
from ..aturan.tata_kelola import SKALA_TATA_KELOLA

# ------------------------------------------------------------------ sheets

TRIWULAN = ("I", "II", "III", "IV")
LEMBAR_TW = tuple(f"TW {t}" for t in TRIWULAN)
PETUNJUK, PK, RINCIAN, RIWAYAT, VALIDASI, XLWINGS_CONF = "Petunjuk", "PK", "Rincian", "Riwayat", "Validasi", "xlwings.conf"
PAGU, REALISASI, KELUARAN, EFISIENSI, ANGGARAN_TW = "Pagu", "Realisasi", "Keluaran", "Efisiensi", "Anggaran TW"
LEMBAR_ANGGARAN = (PAGU, REALISASI, KELUARAN, EFISIENSI, ANGGARAN_TW)
ARSIP = "Arsip"


KOLOM_BACA = 64
"""Columns A..BL: every table of the layout lies within them, and nothing right of them is read (a stray
value in XFD1 costs nothing)."""


def urutan_lembar(ada_anggaran: bool, ada_arsip: bool = False) -> tuple[str, ...]:
    """The sheets in display order (the finance sheets only with a budget, Arsip only when Susun Ulang archived values).
    The last two (Validasi, xlwings.conf) are the ones a workbook may lack without losing a number."""
    return (PETUNJUK, PK, *LEMBAR_TW, RINCIAN, *(LEMBAR_ANGGARAN if ada_anggaran else ()), RIWAYAT,
            *((ARSIP,) if ada_arsip else ()), VALIDASI, XLWINGS_CONF)


# ------------------------------------------------------------------ PK: settings, SS table, IKU table

PENGATURAN = (
    ("Unit", "unit", "Nama unit kerja (kop laporan, header halaman)."),
    ("Unit_Singkat", "unit_singkat", "Nama singkat untuk nama berkas ekspor."),
    ("Instansi", "instansi", "Kementerian/lembaga."),
    ("Tahun", "tahun", "Tahun Perjanjian Kinerja."),
    ("Periode", "periode", "Periode laporan tahunan (triwulan terakhir)."),
    ("NKO_Metode", "nko_metode", "rata_nss | rata_perspektif | rata_iku (konsolidasi NKO, l.819-837)."),
    ("NKO_Batas", "nko_batas", "Batas atas NKO; 100 mereproduksi NKO 2024 yang diterbitkan (109,8 tanpa batas). Kosong = tanpa batas."),
    ("NSS_Batas", "nss_batas", "Batas atas setiap NSS sebelum konsolidasi (kosong = tanpa batas)."),
    ("Batas_Capaian", "batas_capaian", "Batas atas capaian IKU: 'dapat dikonversi menjadi 120' (l.837)."),
    ("Skala_Tata_Kelola", "skala_tata_kelola", "Konversi IKU 4.1 ke skala 1-4: linear (2024: 99,21 -> 3,97) atau kategori (2023: 4)."),
    ("Desimal_KPA", "desimal_rasio_kpa", "Pembulatan rasio KPA: 2 seperti laporan (19,92); kosong = tanpa pembulatan (19,94)."),
    ("Aturan_Rentang", "aturan_rentang", "Target rentang: bawah (2024: maximize pada batas bawah, minimize pada batas atas) atau posisi "
     "(PermenPAN-RB: di bawah rentang terhadap batas bawah, di atas terhadap batas atas, di dalamnya 100)."),
)
"""Settings on PK: (defined name = label with '_' for ' ', dataset key, note)."""
(N_UNIT, N_UNIT_SINGKAT, N_INSTANSI, N_TAHUN, N_PERIODE, N_NKO_METODE, N_NKO_BATAS, N_NSS_BATAS, N_BATAS_CAPAIAN, N_SKALA,
 N_DESIMAL_KPA, N_ATURAN_RENTANG) = (nama for nama, _, _ in PENGATURAN)
"""The settings' defined names, for code and formulas that refer to one setting."""
PENGATURAN_OPSIONAL = (N_ATURAN_RENTANG,)
"""Settings that workbooks built before them lack: read as their default, no problem (Susun Ulang adds them)."""
PENGATURAN_TEKS = ("unit", "unit_singkat", "instansi", "periode", "nko_metode", "skala_tata_kelola", "aturan_rentang")
"""Settings kept as text (the others are numbers as staff type them)."""
PENGATURAN_BARIS0 = 4
"""Row of the first setting on PK; labels in A:B, the value in C, the note from D."""
PENGATURAN_KOLOM = 2
METODE_NKO_PILIHAN = tuple(METODE_NKO)
SKALA_PILIHAN = SKALA_TATA_KELOLA
RENTANG_PILIHAN = ATURAN_RENTANG
KONSOLIDASI_PILIHAN = KONSOLIDASI
WARNA_PILIHAN = WARNA_PREDIKAT
"""The drop-down choices of NKO_Metode, Skala_Tata_Kelola, Aturan_Rentang, Konsolidasi periode, Warna: the rules' own lists."""

BOBOT_JUDUL = "Bobot Perspektif"
"""Section title (column A) of the perspektif weights table on PK (used by NKO_Metode rata_perspektif)."""
BOBOT_KEPALA = ("Perspektif", "Bobot (%)")
"""Its header row (columns A, C): the perspektif as the SS table spells it, its weight; all empty = plain mean."""
BOBOT_PERSPEKTIF, BOBOT_NILAI = 0, 2
BOBOT_BARIS_MIN = 4
"""Rows the builder leaves for weights (at least; one per perspektif of the SS table)."""
PREDIKAT_JUDUL = "Predikat Capaian"
"""Section title of the predicate bands table on PK: status of every IKU, NSS and NKO."""
PREDIKAT_KEPALA = ("Batas bawah (%)", "Predikat", "Warna")
"""Its header row (columns A, C, D): bands from the highest; the last band's bound empty (everything below)."""
PREDIKAT_BATAS, PREDIKAT_NAMA, PREDIKAT_WARNA = 0, 2, 3
PREDIKAT_DEFAULT = PREDIKAT_BAWAAN
NAMA_BOBOT = (("Bobot_Perspektif_Nama", BOBOT_PERSPEKTIF), ("Bobot_Perspektif_Nilai", BOBOT_NILAI))
NAMA_PREDIKAT = (("Predikat_Batas", PREDIKAT_BATAS), ("Predikat_Nama", PREDIKAT_NAMA), ("Predikat_Warna", PREDIKAT_WARNA))
"""Defined names over the two tables' columns (the formulas' arguments)."""
JUDUL_SS = "Sasaran Strategis"
"""Section title above the SS table; it ends the tables above it."""
TOMBOL_PK = ((0, 5, "SusunUlang", "Susun Ulang"), (0, 7, "TahunBaru", "Tahun Baru"))
"""The buttons of PK: (row, column, macro, caption)."""

SS_KEPALA = "Kode SS"
"""Header text of the SS table on PK (column A): the reader finds the table by it."""
SS_KODE, SS_NAMA, SS_PERSPEKTIF = 0, 2, 3
"""Columns of the SS table on PK: Kode SS (A), Sasaran Strategis (C), Perspektif (D:E)."""
SS_JARAK = 3
"""Rows between the last setting and the SS table's first row (title and header between)."""

PK_KOLOM = ("Kode IKU", "Kode SS", "Indikator Kinerja Utama", "Satuan", "Polarisasi", "Target (tertulis)", "Target (angka)",
            "Batas bawah", "Batas atas", "Realisasi terburuk", "Target TW I", "Target TW II", "Target TW III", "Target TW IV",
            "Kalkulator", "Kumulatif", "Konsolidasi periode", "Bobot", "Sumber data", "Catatan")
"""Headers of the IKU table on PK, in column order; the reader maps columns by these texts."""
(K_KODE, K_SS, K_NAMA, K_SATUAN, K_POL, K_TARGET, K_TARGET_ANGKA, K_BAWAH, K_ATAS, K_TERBURUK, K_TW1, K_TW2, K_TW3, K_TW4,
 K_KALK, K_KUMULATIF, K_KONSOLIDASI, K_BOBOT, K_SUMBER, K_CATATAN) = range(len(PK_KOLOM))
K_TW = (K_TW1, K_TW2, K_TW3, K_TW4)
IKU_KEPALA = PK_KOLOM[K_KODE]
IKU_JUDUL = "Indikator Kinerja Utama"
"""The section title (column A) above the IKU table's header; it also ends the SS table."""
PK_WAJIB = (K_KODE, K_SS, K_NAMA, K_SATUAN, K_POL, K_TARGET, K_BAWAH, K_ATAS, K_TERBURUK)
"""IKU table headers the reader requires (a renamed one is a finding; its column is then taken from the layout)."""
IKU_JARAK = 4
"""Rows between the last SS row and the IKU table's first row."""
POLARISASI_PILIHAN = ("Maximize", "Minimize", "Stabilize")
BARIS_KOSONG_SS, BARIS_KOSONG_IKU = 5, 20
"""Empty input rows a new unit's PK gets (``kinerja bangun --kosong``): staff type into them, then press Susun Ulang."""
BARIS_CADANGAN = 50
"""Rows below the last IKU that keep the PK's drop-down lists (for IKU staff add)."""

NAMA_SS = (("PK_SS_Kode", SS_KODE), ("PK_SS_Perspektif", SS_PERSPEKTIF))
NAMA_IKU = (("PK_IKU_Kode", K_KODE), ("PK_IKU_SS", K_SS), ("PK_Polarisasi", K_POL), ("PK_Target", K_TARGET),
            ("PK_Batas_Bawah", K_BAWAH), ("PK_Batas_Atas", K_ATAS), ("PK_Realisasi_Terburuk", K_TERBURUK),
            ("PK_Konsolidasi", K_KONSOLIDASI), ("PK_Bobot", K_BOBOT))
"""Defined names over the PK columns: (name, column)."""

# ------------------------------------------------------------------ TW I..IV

TW_KOLOM = ("No", "Kode SS", "Kode IKU", "Indikator Kinerja Utama", "Satuan", "Polarisasi", "Target", "Realisasi",
            "Realisasi s.d. TW", "Capaian (%)", "Status", "Keterangan / alasan n/a", "", "Garis 100")
(TW_NO, TW_SS, TW_KODE, TW_NAMA, TW_SATUAN, TW_POL, TW_TARGET, TW_REALISASI, TW_SD, TW_CAPAIAN, TW_STATUS, TW_KETERANGAN, _,
 TW_GARIS) = range(len(TW_KOLOM))
"""Realisasi is the quarter's own value as typed; Realisasi s.d. TW the year-to-date value by the IKU's konsolidasi
periode (the capaian is computed from it). The Kode IKU is a value, not a link: a TW row keeps its IKU when PK
rows are inserted, deleted or sorted (Susun Ulang then rebuilds the sheets)."""
TW_BARIS0 = 5
"""First IKU row of a TW sheet: row 6 in Excel (the header is the row above)."""
TW_CATATAN_BARIS = 2
"""The line under the title of a TW sheet: an instruction in the workbook, the export stamp in an export."""
TW_DARI_PK = ((TW_SS, K_SS), (TW_NAMA, K_NAMA), (TW_SATUAN, K_SATUAN), (TW_POL, K_POL))
"""TW columns that are links to the IKU's PK row: (TW column, PK column)."""
TW_KOLOM_EKSPOR = TW_KETERANGAN + 1
"""Columns A..K (No .. Keterangan) are exported; the hidden chart helper is left out."""
TW_NSS_KODE, TW_NSS_NAMA, TW_NSS_PERSPEKTIF = TW_SS, 3, 4
"""The NSS block below the IKU rows: Kode SS (B), name (D), perspektif (E:H); NSS in the Capaian column."""
NKO_LABEL = ("NKO (%)", "NKO tanpa batas (%)", "Metode NKO", "Batas NKO")
"""Labels (column B) of the NKO rows below the NSS block; each value in the Capaian column."""
TW_WAJIB = (TW_KODE, TW_REALISASI, TW_CAPAIAN)
"""TW headers the reader requires: Kode IKU, Realisasi, Capaian (%)."""
NSS_JUDUL = "Nilai Sasaran Strategis (NSS) dan Nilai Kinerja Organisasi (NKO)"
"""The section title (column A) below a TW sheet's IKU rows: it ends the IKU table and anchors the NSS/NKO block."""
NSS_JARAK = 2
"""Rows from the last IKU row of a TW sheet to the NSS section title."""
NSS_KEPALA = ((TW_NSS_KODE, "Kode SS"), (TW_NSS_NAMA, "Sasaran Strategis"), (TW_NSS_PERSPEKTIF, "Perspektif"), (TW_CAPAIAN, "NSS (%)"),
              (TW_STATUS, "Status"))
"""The header row of the NSS block (the row after its title)."""


def baris_nss_nko(r_judul: int, n_ss: int) -> tuple[list[int], list[int]]:
    """Rows of the NSS block (one per SS of PK, in order, after its header) and of the four NKO rows, from the title's row."""
    nss = [r_judul + 2 + j for j in range(n_ss)]
    r_nko = r_judul + 2 + n_ss + 1
    return nss, [r_nko + d for d in range(len(NKO_LABEL))]
TOMBOL = ((0, 9, "ValidasiTriwulan", "Validasi"), (0, 10, "EksporTriwulan", "Ekspor"))

"""The buttons of a TW sheet: (row, column, macro, caption)."""
IKU_LARIK = 200
"""From this many IKU on, the TW sheets' computed columns (Realisasi s.d. TW, Capaian, Status, NSS) and Riwayat's capaian
are array formulas: one UDF call per column when Excel recalculates, instead of one per cell. Below it every cell has its
own formula, because LibreOffice recomputes array formulas on load and, without Python, shows #NAME? in them
(PANDUAN: Kinerja); Excel shows the cached values of both."""

# ------------------------------------------------------------------ Rincian

RINCIAN_KUNCI, RINCIAN_LABEL, RINCIAN_NILAI0 = 0, 1, 2
"""Rincian rows: the key in A (what the reader reads), a label in B, values from C."""
RINCIAN_PENANDA = ("IKU ", "SAKIP ")
"""A block starts with a marker in column A: 'IKU <kode>' or 'SAKIP <tahun>'."""
RINCIAN_BLOK_LAIN = ("anggaran",)
"""Other block markers (exact text): the 'anggaran' block of workbooks built before the finance sheets."""
SAKIP_KUNCI = "sakip:"
"""Prefix of the key of a SAKIP component row ('sakip:perencanaan_kinerja')."""
KUNCI_HASIL = ("hasil", "rata_pertumbuhan", "proyeksi_triwulan", "sub_sakip", "sub_rb", "kpa", "sub_kpa", "skor", "sakip",
               "penyerapan")
"""Rincian rows whose column C is a formula (a calculator's result)."""
SAKIP_SUB = ("keberadaan", "kualitas", "pemanfaatan")
"""Sub-components of a SAKIP row, in column order after the weight."""

# ------------------------------------------------------------------ Riwayat

RIWAYAT_KOLOM = ("Kode", "Indikator Kinerja Utama", "Satuan", "Polarisasi", "Tahun", "Target", "Realisasi (terbit)",
                 "Realisasi (koreksi)", "Realisasi dipakai", "Capaian (%)", "Capaian terbit (%)", "Selisih", "Catatan")
(RW_KODE, RW_NAMA, RW_SATUAN, RW_POL, RW_TAHUN, RW_TARGET, RW_REALISASI, RW_KOREKSI, RW_DIPAKAI, RW_CAPAIAN, RW_TERBIT,
 RW_SELISIH, RW_CATATAN) = range(len(RIWAYAT_KOLOM))
RIWAYAT_BARIS0 = 4
"""First history row (the header is the row above)."""
TREN_JUDUL = "Tren capaian (%)"
"""The section title (column A) below the history rows: it ends the history table."""
TREN_KOLOM0 = 4
"""First year column of the trend table below the history."""

# ------------------------------------------------------------------ finance sheets

BULAN = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
REVISI_KOLOM = ("No", "Tahap", "Triwulan", "Pagu sebelum", "Pagu sesudah", "Perubahan", "Alasan")
REV_NO, REV_TAHAP, REV_TW, REV_SEBELUM, REV_SESUDAH, REV_PERUBAHAN, REV_ALASAN = range(len(REVISI_KOLOM))
REVISI_BARIS0 = 4
"""First revision row on Pagu."""
PAGU_TERKINI = "Pagu terkini (revisi terakhir)"
"""Label (column A) of the row below the revisions."""
PAGU_KEGIATAN_KOLOM = ("Kode", "Kegiatan", "Pagu")
PAGU_JUMLAH = "Jumlah pagu kegiatan"
"""Label (Kegiatan column) of the row that ends the pagu-per-kegiatan table."""
PK_KEG_KODE, PK_KEG_NAMA, PK_KEG_PAGU = range(3)
"""Pagu per kegiatan on Pagu, below the revisions, found by its header."""
KEG_BARIS0 = 4
"""First kegiatan row on Realisasi, Keluaran and Efisiensi."""
REALISASI_KOLOM = ("Kode", "Kegiatan", "Pagu", "Realisasi", "Penyerapan (%)")
RL_KODE, RL_NAMA, RL_PAGU, RL_REALISASI, RL_PENYERAPAN = range(len(REALISASI_KOLOM))
TOTAL_REALISASI = "TOTAL"
"""Column A of the total row on Realisasi; on Keluaran/Efisiensi column B reads 'Total'."""
TOTAL = "Total"
BULAN_KOLOM0 = 2
BULAN_JUMLAH = BULAN_KOLOM0 + len(BULAN)
"""Monthly tables on Realisasi: months from C, the row sum after December; found by 'Jan' in C."""
KELUARAN_KOLOM = ("No", "Kegiatan", "TVK", "RVK", "TIKK", "RIKK", "CKK (%)")
KL_NO, KL_KEGIATAN, KL_TVK, KL_RVK, KL_TIKK, KL_RIKK, KL_CKK = range(len(KELUARAN_KOLOM))
EFISIENSI_KOLOM = ("No", "Keluaran", "Pagu (PAK)", "CK (%)", "Realisasi (RAK)", "PAK x CK", "PAK x CK - RAK")
EF_NO, EF_KELUARAN, EF_PAGU, EF_CK, EF_REALISASI, EF_PAKCK, EF_SISA = range(len(EFISIENSI_KOLOM))
TW_ANGGARAN_BARIS0 = 6
"""First kegiatan row on Anggaran TW."""
TW_ANGGARAN_TARGET_BARIS = 3
"""Row of the penyerapan targets on Anggaran TW (one per quarter block)."""


def tw_anggaran_kolom(k: int) -> int:
    """First column of quarter ``k`` (0-3) on Anggaran TW: realisasi, penyerapan, capaian target, deviasi."""
    return 3 + 4 * k


NAMA_PAGU_TERKINI = "Pagu_Terkini"
"""Defined name of the current pagu on Pagu (the last revision's result)."""
NAMA_REALISASI = (("Pagu_Total", RL_PAGU), ("Realisasi_Total", RL_REALISASI), ("Penyerapan_Anggaran", RL_PENYERAPAN))
NAMA_KELUARAN = (("Output_Target", KL_TVK), ("Output_Realisasi", KL_RVK), ("CKK_Total", KL_CKK))
NAMA_EFISIENSI = ("Efisiensi_Persen", "Efisiensi_Nilai")
"""Defined names of the finance totals: (name, column of the total row); never a function's name (LibreOffice
shows Err:509 for a name that is also a function)."""
REFERENSI = {"penyerapan_anggaran": "Penyerapan_Anggaran", "realisasi_output": "Output_Realisasi", "target_output": "Output_Target",
             "pagu_anggaran": "Pagu_Total", "realisasi_anggaran": "Realisasi_Total"}
"""``@name`` inputs of the dataset -> the defined name of the finance cell that holds them."""

# ------------------------------------------------------------------ Arsip (values of IKU no longer in PK)

ARSIP_KOLOM = ("Kode IKU", "Lembar asal", "Sel asal", "Isi", "Nilai", "Catatan")
(AR_KODE, AR_LEMBAR, AR_SEL, AR_APA, AR_NILAI, AR_CATATAN) = range(len(ARSIP_KOLOM))
ARSIP_BARIS0 = 4
"""First Arsip row (the header is the row above); Susun Ulang appends, never drops a row."""

# ------------------------------------------------------------------ Validasi and xlwings.conf

VALIDASI_TRIWULAN = (2, 1)
"""Cell of the TW the button checks outside a TW sheet (defined name ``Triwulan_Validasi``)."""
NAMA_TRIWULAN_VALIDASI = "Triwulan_Validasi"
VALIDASI_KOLOM = (("Tingkat", 11), ("Lembar", 10), ("Sel", 8), ("Pesan", 60), ("Saran", 50), ("Aturan", 22))
VALIDASI_KEPALA_BARIS = 3
BARIS_TEMUAN = 4
"""First findings row on Validasi; column G (:data:`KOLOM_TANDA`) remembers the marked cells."""
KOLOM_TANDA = 6

XLWINGS_CONF_ISI = (
    ("UDF Modules", "kinerja.udf", "Modul fungsi Excel."),
    ("Debug UDFs", "False", ""),
    ("Use UDF Server", "False", ""),
    ("Show Console", "False", ""),
    ("ADD_WORKBOOK_TO_PYTHONPATH", "False", "Paket kinerja dipasang dengan pip; folder workbook tidak perlu."),
    ("SHOW_ERROR_POPUPS", "False", "Galat Python tidak tampil sebagai jendela xlwings: tombol menampilkan pesannya sendiri."),
)
"""The xlwings.conf sheet: key (A), value (B), note (C); every value non-empty. xlwings takes a key from the sheet
as soon as the sheet has it, even empty (``GetConfig`` in xlwings.bas: sheet, then ``xlwings.conf`` beside the
workbook, then ``%USERPROFILE%\\.xlwings\\xlwings.conf``), so an empty ``Interpreter_Win`` here would hide IT's
central setting: the interpreter is set in the user (or folder) config file, or as a row right below these (xlwings
reads column A from A1 down to the first empty cell). ``SHOW_ERROR_POPUPS = False`` makes xlwings write a failed
RunPython's message to a sheet ``Error`` instead of an English pop-up; the buttons read it and tell staff in
Indonesian."""

# ------------------------------------------------------------------ protection (the builder sets it, the buttons restore it)

PROTEKSI_DASAR = {"format_columns": True, "format_rows": True}
PROTEKSI = {PK: {**PROTEKSI_DASAR, "insert_rows": True, "delete_rows": True, "sort": True, "autofilter": True},
            **{nama: PROTEKSI_DASAR for nama in (*LEMBAR_TW, RINCIAN, RIWAYAT, *LEMBAR_ANGGARAN, ARSIP)}}
"""What staff may still do on each protected sheet (no password; input cells are unlocked), as XlsxWriter's
``protect`` options. A sheet not listed is not protected."""

# ------------------------------------------------------------------ the look the builder and the exporter share

WARNA = {"hijau": ("#C6EFCE", "#006100"), "biru": ("#BDD7EE", "#1F4E79"), "kuning": ("#FFEB9C", "#9C5700"),
         "oranye": ("#F8CBAD", "#833C0B"), "merah": ("#FFC7CE", "#9C0006")}
"""Traffic lights: band colour (:data:`WARNA_PILIHAN`) -> (fill, font)."""
