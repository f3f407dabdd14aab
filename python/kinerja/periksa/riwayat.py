"""Rules of the Riwayat sheet: readable history, plausible magnitudes, and published capaian that
disagree with their recomputation (information for the report, never a reason to refuse)."""
from __future__ import annotations

from ..aturan.rekonsiliasi import SESUAI
from ..buku import tata_letak as tl
from ..buku.baca import Posisi
from ..buku.cuplikan import Cuplikan, alamat
from ..data.dataset import IKU, Dataset
from ..data.notasi import Jenis
from ..hitung.terbit import bandingkan_teks
from .daftar import INFO, Kumpulan, Temuan, aturan
from .umum import A_BESARAN_SATUAN, angka_pesan, baca_sel, besaran, teks_angka

__all__ = ["periksa_riwayat"]

A_ANGKA_TERBIT = aturan("angka-terbit", INFO, tl.RIWAYAT, "Capaian terbit yang berbeda dengan hitung ulang menurut aturan "
                        "(pembulatan atau selisih).")


def periksa_riwayat(k: Kumpulan, c: Cuplikan, ds: Dataset, pos: Posisi) -> None:
    """Every history row: readable, plausible, and its published capaian against the cached recomputation."""
    if tl.RIWAYAT not in c.lembar:
        return
    v = c.lembar[tl.RIWAYAT]
    for h, r in zip(ds.riwayat, pos.riwayat):
        iku = IKU(h.kode, "", h.nama, h.satuan, h.polarisasi, h.target)
        t = baca_sel(k, (tl.RIWAYAT, r, tl.RW_TARGET), h.target, f"Riwayat {h.kode} {h.tahun}, target")
        n = baca_sel(k, (tl.RIWAYAT, r, tl.RW_REALISASI), h.realisasi, f"Riwayat {h.kode} {h.tahun}, realisasi")
        baca_sel(k, (tl.RIWAYAT, r, tl.RW_KOREKSI), h.realisasi_koreksi, f"Riwayat {h.kode} {h.tahun}, koreksi")
        if n is not None and n.tersedia:
            skala = t.skala if t is not None and t.jenis is Jenis.SKALA else None
            before = len(k.temuan)
            besaran(k, (tl.RIWAYAT, r, tl.RW_REALISASI), n.tunggal(), iku, f"realisasi {h.tahun}", skala)
            if len(k.temuan) > before and h.realisasi_koreksi not in (None, ""):
                kunci = (tl.RIWAYAT, alamat(r, tl.RW_REALISASI), A_BESARAN_SATUAN.nama)
                if kunci in k.temuan:
                    lama = k.temuan[kunci]
                    k.temuan[kunci] = Temuan(lama.tingkat, lama.lembar, lama.sel,
                                             lama.pesan + f"; dikoreksi menjadi {teks_angka(h.realisasi_koreksi)}", lama.saran, lama.aturan)
        hitung = v.v(r, tl.RW_CAPAIAN)
        if isinstance(hitung, (int, float)) and h.capaian_terbit not in (None, ""):
            b = bandingkan_teks(f"Riwayat {h.kode} {h.tahun}", None, "capaian", h.capaian_terbit, float(hitung))
            if b is not None and b.kelas != SESUAI:
                k.tambah(A_ANGKA_TERBIT, (tl.RIWAYAT, r, tl.RW_TERBIT), f"Capaian terbit {h.kode} {h.tahun} = {teks_angka(h.capaian_terbit)}, "
                         "hitung ulang = "
                         f"{angka_pesan(b.hitung)} ({b.kelas})",
                         "Angka laporan berbeda dengan aturan; gunakan angka hitung ulang dan catat di Catatan")
