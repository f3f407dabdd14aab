"""Loading a dataset folder: CSV as Excel writes it, and every bad input a DatasetError naming the file
and the key (TOML) or line and column (CSV); through the CLI, exit 2 and no traceback."""
from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import fields
from pathlib import Path
from typing import Callable

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from kinerja.data.dataset import DatasetError, Pengaturan, folder_bawaan, muat_bawaan, muat_folder

Ubah = Callable[[Path], None]


def jalankan(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kinerja.cli", *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    f = tmp_path / "data"
    shutil.copytree(folder_bawaan(), f)
    return f


def ganti(berkas: str, lama: str, baru: str) -> Ubah:
    """Replace the first ``lama`` in ``berkas`` (which must contain it) by ``baru``."""
    def ubah(folder: Path) -> None:
        p = folder / berkas
        teks = p.read_text(encoding="utf-8")
        assert lama in teks, (berkas, lama)
        p.write_text(teks.replace(lama, baru, 1), encoding="utf-8")
    return ubah


def tulis(berkas: str, isi: bytes) -> Ubah:
    return lambda folder: (folder / berkas).write_bytes(isi)


def ganti_dengan(berkas: str, buat: Callable[[Path], None]) -> Ubah:
    """Remove ``berkas`` and let ``buat`` create something else at its path."""
    def ubah(folder: Path) -> None:
        (folder / berkas).unlink()
        buat(folder / berkas)
    return ubah


def galat(folder: Path) -> str:
    """The DatasetError message of loading ``folder``; fails (instead of hanging) if loading blocks."""
    hasil: list[BaseException | None] = []

    def muat() -> None:
        try:
            muat_folder(folder)
            hasil.append(None)
        except BaseException as e:  # noqa: BLE001 - handed to the test thread
            hasil.append(e)
    t = threading.Thread(target=muat, daemon=True)
    t.start()
    t.join(30)
    assert hasil, "muat_folder tertahan (membuka FIFO?)"
    assert isinstance(hasil[0], DatasetError), repr(hasil[0])
    return str(hasil[0])


def _pk_iku3() -> Ubah:
    """pk.toml with no [[iku]] block and ``iku = 3`` at the top."""
    def ubah(folder: Path) -> None:
        p = folder / "pk.toml"
        teks = p.read_text(encoding="utf-8")
        teks = teks[:teks.index("[[iku]]")].replace("tahun = 2024\n", "tahun = 2024\niku = 3\n", 1)
        p.write_text(teks, encoding="utf-8")
    return ubah


def _riwayat_baris(i: int, kolom: str, nilai: str) -> Ubah:
    """Set column ``kolom`` of line ``i`` (1 = header) of riwayat.csv."""
    def ubah(folder: Path) -> None:
        p = folder / "riwayat.csv"
        baris = list(csv.reader(io.StringIO(p.read_text(encoding="utf-8"), newline="")))
        baris[i - 1][baris[0].index(kolom)] = nilai
        keluar = io.StringIO(newline="")
        csv.writer(keluar, lineterminator="\r\n").writerows(baris)
        p.write_text(keluar.getvalue(), encoding="utf-8", newline="")
    return ubah


KASUS: list[tuple[str, Ubah, list[str]]] = [
    ("sintaks-toml", ganti("pk.toml", "tahun = 2024", "tahun = 2024 x"), ["pk.toml baris 10, kolom 14: sintaks TOML tidak sah"]),
    ("toml-bukan-utf8", lambda f: (f / "pk.toml").write_bytes((f / "pk.toml").read_bytes().replace(b"TW IV", b"TW\xa0IV", 1)),
     ["pk.toml baris 11: bukan teks UTF-8; simpan ulang berkas sebagai UTF-8"]),
    ("tahun-teks", ganti("pk.toml", "tahun = 2024", 'tahun = "dua ribu"'), ["pk.toml: tahun: harus bilangan bulat, bukan teks 'dua ribu'"]),
    ("tanpa-unit", ganti("pk.toml", 'unit = "Deputi', 'nama_unit = "Deputi'), ["pk.toml: unit: tidak ada (wajib diisi)"]),
    ("tanpa-tahun", ganti("pk.toml", "tahun = 2024", "# tahun"), ["pk.toml: tahun: tidak ada (wajib diisi)"]),
    ("iku-tanpa-kode", ganti("pk.toml", 'kode = "1.3"\n', ""), ["pk.toml: iku[3].kode: tidak ada (wajib diisi)"]),
    ("iku-kode-angka", ganti("pk.toml", 'kode = "1.3"', "kode = 1.3"),
     ["pk.toml: iku[3].kode: harus teks, bukan angka 1.3 (tulis dalam tanda kutip)"]),
    ("iku-bukan-daftar", _pk_iku3(), ["pk.toml: iku: harus daftar tabel [[iku]], bukan angka 3"]),
    ("masukan-bukan-tabel", ganti("pk.toml", 'realisasi = "1.419.298"', 'realisasi = "1.419.298"\nmasukan = "5"'),
     ["pk.toml: iku[4].masukan: harus tabel, bukan teks '5'"]),
    ("masukan-nilai-tabel", ganti("pk.toml", 'sekarang = "4,69"', "sekarang = { a = 1 }"),
     ["pk.toml: iku[2].masukan.sekarang: harus teks atau angka, bukan tabel"]),
    ("target-tw-bukan-daftar", ganti("pk.toml", 'realisasi = "1.419.298"', 'realisasi = "1.419.298"\ntarget_tw = "100"'),
     ["pk.toml: iku[4].target_tw: harus daftar [..], bukan teks '100'"]),
    ("target-tw-lima", ganti("pk.toml", 'realisasi = "1.419.298"', 'realisasi = "1.419.298"\ntarget_tw = ["1", "2", "3", "4", "5"]'),
     ["pk.toml: iku[4].target_tw: paling banyak 4 nilai, bukan 5"]),
    ("target-tw-isi", ganti("pk.toml", 'realisasi = "1.419.298"', 'realisasi = "1.419.298"\ntarget_tw = ["1", true]'),
     ["pk.toml: iku[4].target_tw[2]: harus teks atau angka, bukan nilai logika true"]),
    ("target-tanggal", ganti("pk.toml", 'target = "600 T"', "target = 2024-01-01"),
     ["pk.toml: iku[1].target: harus teks atau angka, bukan tanggal/waktu 2024-01-01"]),
    ("kumulatif-teks", ganti("pk.toml", "kumulatif = true", 'kumulatif = "ya"'),
     ["pk.toml: iku[1].kumulatif: harus true atau false, bukan teks 'ya'"]),
    ("pengaturan-asing", ganti("pk.toml", "nko_batas = 100", "nko_batass = 100"),
     ["pk.toml: pengaturan.nko_batass: kunci tidak dikenal; yang dikenal: " + ", ".join(f.name for f in fields(Pengaturan))]),
    ("pengaturan-daftar", ganti("pk.toml", "nko_batas = 100", "nko_batas = [100]"),
     ["pk.toml: pengaturan.nko_batas: harus teks atau angka, bukan daftar"]),
    ("iku-ganda", ganti("pk.toml", 'kode = "1.3"', 'kode = "1.2 "'),
     ["pk.toml: iku[3].kode: kode IKU '1.2' ganda (sudah dipakai di iku[2])"]),
    ("ss-ganda", ganti("pk.toml", 'kode = "SS.2"', 'kode = "SS.1"'),
     ["pk.toml: ss[2].kode: kode SS 'SS.1' ganda (sudah dipakai di ss[1])"]),
    ("ss-tanpa-nama", ganti("pk.toml", 'perspektif = "Customer"\nnama', 'perspektif = "Customer"\njudul'),
     ["pk.toml: ss[2].nama: tidak ada"]),
    ("klaim-tanpa-rumus", ganti("klaim.toml", 'rumus = "proyeksi_tahunan"', ""), ["klaim.toml: klaim[2].rumus: tidak ada (wajib diisi)"]),
    ("klaim-baris", ganti("klaim.toml", "baris = 1051", 'baris = "l.1051"'),
     ["klaim.toml: klaim[2].baris: harus bilangan bulat, bukan teks 'l.1051'"]),
    ("anggaran-tahun", ganti("anggaran.toml", "tahun = 2024", "tahun = 2024.5"),
     ["anggaran.toml: tahun: harus bilangan bulat, bukan angka 2024.5"]),
    ("anggaran-tanpa-pagu", ganti("anggaran.toml", 'pagu = "10.043.333.000"', ""), ["anggaran.toml: kegiatan[1].pagu: tidak ada"]),
    ("anggaran-tikk", ganti("anggaran.toml", 'tikk = ["2"]', 'tikk = "2"'), ["anggaran.toml: keluaran[1].tikk: harus daftar [..]"]),
    ("anggaran-tahun-lalu", ganti("anggaran.toml", "tahun = 2023", 'tahun = "2023/24"'),
     ["anggaran.toml: tahun_lalu.tahun: harus bilangan bulat"]),
    ("sakip-bobot", ganti("sakip.toml", "perencanaan = 30", 'perencanaan = "tiga puluh"'),
     ["sakip.toml: evaluasi[1].bobot.perencanaan: harus angka, bukan teks 'tiga puluh'"]),
    ("sakip-tanpa-bobot", ganti("sakip.toml", "[evaluasi.bobot]\n", "[evaluasi.bobot_lain]\n"),
     ["sakip.toml: evaluasi[1].bobot: tidak ada (wajib diisi)"]),
    ("sakip-komponen", ganti("sakip.toml", 'pelaporan = { keberadaan = "4"', 'pelaporan_x = { keberadaan = "4"'),
     ["sakip.toml: evaluasi[1].nilai.pelaporan_x: komponen tanpa bobot"]),
    ("csv-kolom-hilang", ganti("riwayat.csv", "polarisasi,tahun,", "polarisasi,thn,"),
     ["riwayat.csv baris 1: kolom wajib tidak ada: tahun"]),
    ("csv-kolom-ganda", ganti("terbit.csv", "lokasi,baris,kunci,nilai,catatan", "lokasi,baris,kunci,nilai,nilai"),
     ["terbit.csv baris 1: kolom ganda: nilai"]),
    ("csv-tahun", _riwayat_baris(3, "tahun", "dua ribu"), ["riwayat.csv baris 3, kolom tahun: harus bilangan bulat, bukan 'dua ribu'"]),
    ("csv-tahun-kosong", _riwayat_baris(5, "tahun", " "), ["riwayat.csv baris 5, kolom tahun: tidak boleh kosong"]),
    ("csv-baris", ganti("terbit.csv", ",210,realisasi:1.1,", ",l.210,realisasi:1.1,"),
     ["terbit.csv baris 2, kolom baris: harus bilangan bulat, bukan 'l.210'"]),
    ("csv-nilai-lebih", ganti("riwayat.csv", "2021,345,401,116,725,,", "2021,345,401,116,725,,,x"),
     ["riwayat.csv baris 3: 12 nilai, kepala hanya 11 kolom"]),
    ("csv-bukan-teks", lambda f: (f / "riwayat.csv").write_bytes((f / "riwayat.csv").read_bytes().replace(b"Maximize", b"Max\x81", 1)),
     ["riwayat.csv baris 2: bukan teks UTF-8 maupun Windows-1252"]),
    ("csv-utf16", lambda f: (f / "riwayat.csv").write_bytes((f / "riwayat.csv").read_text(encoding="utf-8").encode("utf-16")),
     ["riwayat.csv: berkas UTF-16"]),
    ("csv-kosong", tulis("riwayat.csv", b""), ["riwayat.csv baris 1: kolom wajib tidak ada: kode, nama"]),
    ("fifo", ganti_dengan("riwayat.csv", os.mkfifo), ["riwayat.csv bukan berkas biasa: sebuah FIFO (pipa bernama)"]),
    ("tautan-fifo", ganti_dengan("pk.toml", lambda p: (os.mkfifo(p.with_name("pipa")), p.symlink_to("pipa"))),
     ["pk.toml bukan berkas biasa: sebuah FIFO (pipa bernama), lewat tautan simbolik"]),
    ("tautan-perangkat", ganti_dengan("klaim.toml", lambda p: p.symlink_to("/dev/zero")),
     ["klaim.toml bukan berkas biasa: sebuah perangkat, lewat tautan simbolik"]),
    ("folder", ganti_dengan("terbit.csv", Path.mkdir), ["terbit.csv bukan berkas biasa: sebuah folder"]),
    ("tautan-rusak", ganti_dengan("sakip.toml", lambda p: p.symlink_to("tidak-ada.toml")), ["sakip.toml: tautan simbolik rusak"]),
    ("tautan-melingkar", ganti_dengan("anggaran.toml", lambda p: p.symlink_to(p.name)),
     ["anggaran.toml tidak dapat dibaca: tautan simbolik melingkar"]),
    ("tanpa-pk", lambda f: (f / "pk.toml").unlink(), ["tidak berisi pk.toml"]),
]


@pytest.mark.parametrize("ubah, bagian", [pytest.param(u, b, id=n) for n, u, b in KASUS])
def test_masukan_rusak_menjadi_datasetError(folder: Path, ubah: Ubah, bagian: list[str]):
    ubah(folder)
    pesan = galat(folder)
    for b in bagian:
        assert b in pesan, pesan


@pytest.mark.parametrize("ubah, bagian", [pytest.param(u, b, id=n) for n, u, b in KASUS])
def test_cli_keluar_2_tanpa_traceback(folder: Path, ubah: Ubah, bagian: list[str]):
    ubah(folder)
    p = jalankan("laporan", str(folder))
    assert p.returncode == 2, p.stderr
    assert "Traceback" not in p.stderr and p.stdout == ""
    assert p.stderr.startswith("kinerja: ") and all(b in p.stderr for b in bagian), p.stderr


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_berkas_tanpa_izin(folder: Path):
    (folder / "terbit.csv").chmod(0)
    assert galat(folder) == "terbit.csv tidak dapat dibaca: izin ditolak"
    p = jalankan("laporan", str(folder))
    assert p.returncode == 2 and "terbit.csv tidak dapat dibaca: izin ditolak" in p.stderr


def test_oserror_saat_membuka_menjadi_datasetError(folder: Path, monkeypatch):
    buka = os.open

    def os_open(path, *a, **k):
        if Path(path).name == "pk.toml":
            raise PermissionError(13, "Permission denied", str(path))
        return buka(path, *a, **k)
    monkeypatch.setattr(os, "open", os_open)
    assert galat(folder) == "pk.toml tidak dapat dibaca: izin ditolak"


def test_folder_tidak_ada(tmp_path: Path):
    with pytest.raises(DatasetError, match="tidak ditemukan atau bukan folder"):
        muat_folder(tmp_path / "tidak-ada")


# ---------------------------------------------------------------- what loads


def test_bawaan_dimuat_sebagaimana_ditulis():
    ds = muat_bawaan()
    assert len(ds.iku) == 14 and len(ds.ss) == 4 and ds.tahun == 2024 and len(ds.riwayat) == 54 and len(ds.terbit) == 168
    i = {x.kode: x for x in ds.iku}
    assert i["1.1"].target == "600 T" and i["1.5"].target == "2,7 – 3 Juta (orang)" and i["1.1"].kumulatif is True
    assert i["1.1"].masukan["pertumbuhan"] == ["47", "44", "28", "9", "7"] and i["1.4"].realisasi == "1.419.298"
    assert ds.pengaturan.nko_batas == 100 and ds.pengaturan.nss_batas is None and ds.pengaturan.desimal_rasio_kpa == 2
    r = ds.riwayat[1]
    assert (r.kode, r.tahun, r.target, r.realisasi, r.capaian_terbit, r.baris, r.realisasi_koreksi) == (
        "1.1", 2021, "345", "401", "116", 725, None)
    assert ds.anggaran is not None and ds.anggaran.tahun == 2024 and ds.anggaran.tahun_lalu["tahun"] == 2023
    assert ds.anggaran.kegiatan[0].pagu == "10.043.333.000" and ds.anggaran.keluaran[0].tikk == ("2",)
    assert [e.tahun for e in ds.sakip][:2] == [2023, 2022] and ds.sakip[0].bobot["perencanaan"] == 30
    assert ds.klaim[1].baris == 1051 and ds.klaim[1].nilai == "537"


def _tulis_csv(p: Path, baris: list[list[str]], pemisah: str, encoding: str, akhir: str = "\r\n") -> None:
    keluar = io.StringIO(newline="")
    csv.writer(keluar, delimiter=pemisah, lineterminator=akhir).writerows(baris)
    p.write_bytes(keluar.getvalue().encode(encoding))


@pytest.mark.parametrize("pemisah, encoding", [(";", "utf-8"), (",", "utf-8-sig"), (";", "utf-8-sig"), (";", "cp1252"), (",", "cp1252")])
def test_csv_seperti_ditulis_excel(folder: Path, tmp_path: Path, pemisah: str, encoding: str):
    """riwayat.csv and terbit.csv re-saved as Excel does load to the same data as the UTF-8 original."""
    for nama in ("riwayat.csv", "terbit.csv"):
        p = folder / nama
        baris = list(csv.reader(io.StringIO(p.read_text(encoding="utf-8"), newline="")))
        baris[1][-1] = "Catatan é – “kutip”; koma, titik"
        _tulis_csv(p, baris, ",", "utf-8", "\n")
    asli = muat_folder(folder)
    assert asli.riwayat[0].catatan == asli.terbit[0].catatan == "Catatan é – “kutip”; koma, titik"
    salinan = tmp_path / "excel"
    shutil.copytree(folder, salinan)
    for nama in ("riwayat.csv", "terbit.csv"):
        baris = list(csv.reader(io.StringIO((folder / nama).read_text(encoding="utf-8"), newline="")))
        _tulis_csv(salinan / nama, baris, pemisah, encoding)
    assert (salinan / "riwayat.csv").read_bytes().startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
    ds = muat_folder(salinan)
    assert ds.riwayat == asli.riwayat and ds.terbit == asli.terbit and ds == asli
    assert len(ds.riwayat) == 54 and ds.riwayat[1].tahun == 2021


def test_pemisah_dari_kepala_bukan_dari_data(folder: Path):
    """Values full of ';' in a ',' file (and of ',' in a ';' file) do not mislead the separator."""
    p = folder / "terbit.csv"
    baris = list(csv.reader(io.StringIO(p.read_text(encoding="utf-8"), newline="")))
    for b in baris[1:]:
        b[-1] = "a;b;c;d;e;f;g;h;i;j"
    _tulis_csv(p, baris, ",", "utf-8")
    assert {t.catatan for t in muat_folder(folder).terbit} == {"a;b;c;d;e;f;g;h;i;j"}
    for b in baris[1:]:
        b[-1] = "a,b,c,d,e,f,g,h"
    _tulis_csv(p, baris, ";", "utf-8")
    ds = muat_folder(folder)
    assert {t.catatan for t in ds.terbit} == {"a,b,c,d,e,f,g,h"} and ds.terbit[2].nilai == "4,45"


def test_csv_kepala_huruf_besar_kolom_kosong_dan_baris_kosong(folder: Path):
    """Excel's extras: capitalised headers, trailing empty columns, rows of empty cells, a short row."""
    asli = muat_folder(folder).riwayat
    p = folder / "riwayat.csv"
    baris = list(csv.reader(io.StringIO(p.read_text(encoding="utf-8"), newline="")))
    baris[0] = [f" {k.capitalize()} " for k in baris[0]] + ["", ""]
    baris = [b + ["", ""] if i else b for i, b in enumerate(baris)]
    baris.insert(3, [""] * 13)
    baris.append([""] * 13)
    baris[1] = baris[1][:9]                        # realisasi_koreksi and catatan left out: empty
    _tulis_csv(p, baris, ";", "cp1252")
    assert muat_folder(folder).riwayat == asli


def test_kolom_tak_dikenal_diabaikan_dan_kolom_opsional_boleh_hilang(folder: Path):
    p = folder / "terbit.csv"
    baris = list(csv.reader(io.StringIO(p.read_text(encoding="utf-8"), newline="")))
    _tulis_csv(p, [[b[0], b[2], b[3], "x"] for b in baris], ",", "utf-8")
    t = muat_folder(folder).terbit
    assert len(t) == 168 and (t[0].lokasi, t[0].baris, t[0].kunci, t[0].nilai, t[0].catatan) == (
        "Tabel 1.1, IKU 1.1 realisasi", None, "realisasi:1.1", "537*", "")


def test_cli_membaca_salinan_excel_sama_dengan_bawaan(folder: Path):
    p = folder / "riwayat.csv"
    baris = list(csv.reader(io.StringIO(p.read_text(encoding="utf-8"), newline="")))
    _tulis_csv(p, baris, ";", "cp1252")
    bawaan, salinan = jalankan("laporan"), jalankan("laporan", str(folder))
    assert salinan.returncode == bawaan.returncode == 0 and salinan.stdout == bawaan.stdout and "89,52" in salinan.stdout


def test_optional_files_may_be_missing(folder: Path):
    for nama in ("riwayat.csv", "terbit.csv", "klaim.toml", "anggaran.toml", "sakip.toml"):
        (folder / nama).unlink()
    ds = muat_folder(folder)
    assert len(ds.iku) == 14 and ds.riwayat == ds.terbit == ds.klaim == ds.sakip == () and ds.anggaran is None


# ---------------------------------------------------------------- random input

_SETELAN = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
_ASLI = {n: (folder_bawaan() / n).read_bytes() for n in ("riwayat.csv", "pk.toml")}


def _muat_atau_galat(folder: Path, nama: str, isi: bytes) -> None:
    for n, asli in _ASLI.items():
        (folder / n).write_bytes(isi if n == nama else asli)
    try:
        muat_folder(folder)
    except DatasetError as e:
        assert str(e).strip()


@_SETELAN
@given(nama=st.sampled_from(sorted(_ASLI)), isi=st.binary(max_size=400))
def test_bita_acak_hanya_datasetError(folder: Path, nama: str, isi: bytes):
    _muat_atau_galat(folder, nama, isi)


@_SETELAN
@given(nama=st.sampled_from(sorted(_ASLI)), data=st.data())
def test_berkas_asli_diubah_acak_hanya_datasetError(folder: Path, nama: str, data: st.DataObject):
    """The real file with a few bytes replaced or inserted: it loads, or a DatasetError says why."""
    isi = bytearray(_ASLI[nama])
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(isi) - 1))
        b = data.draw(st.binary(min_size=1, max_size=3))
        isi[i:i + data.draw(st.integers(0, 1))] = b
    _muat_atau_galat(folder, nama, bytes(isi))


_NILAI_TOML = st.sampled_from(['3', '-1.5', '"x"', '""', 'true', '[1, "a"]', '[]', '{ a = 1 }', '{}', '1979-05-27',
                               '07:32:00', '[[1]]', '[{ b = "c" }]', 'nan', 'inf'])


@_SETELAN
@given(data=st.data())
def test_nilai_toml_berjenis_acak_hanya_datasetError(folder: Path, data: st.DataObject):
    """Any ``key = value`` line of pk.toml given a value of another TOML type: loads or DatasetError."""
    baris = _ASLI["pk.toml"].decode("utf-8").split("\n")
    kandidat = [i for i, b in enumerate(baris) if " = " in b and not b.lstrip().startswith("#")]
    for _ in range(data.draw(st.integers(1, 3))):
        i = data.draw(st.sampled_from(kandidat))
        baris[i] = baris[i].split(" = ", 1)[0] + " = " + data.draw(_NILAI_TOML)
    _muat_atau_galat(folder, "pk.toml", "\n".join(baris).encode("utf-8"))
