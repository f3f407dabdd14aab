"""Opening a user's workbook safely, and writing outputs without ever damaging anything.

Reading: a workbook open in Excel (its ``~$`` lock file exists), password-protected (an
encrypted OLE container, not a zip), not a zip, or a zip that would expand beyond a sane size
is refused with a clear message before any parser touches it. XML is parsed by openpyxl with
defusedxml (installed as a dependency; openpyxl uses it when present).

Writing: outputs go to new files, atomically (a temporary file in the target folder, then
rename), and an existing file is never replaced unless asked. The source workbook is only ever
read.
"""
from __future__ import annotations

import os
import tempfile
import zipfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

__all__ = ["BerkasError", "periksa_workbook", "tulis_atomik", "BATAS_UKURAN_ISI", "BATAS_RASIO"]

BATAS_UKURAN_ISI = 200 * 1024 * 1024
"""Largest total uncompressed size accepted (a real workbook of this kind is well under 5 MB)."""
BATAS_RASIO = 200
"""Largest compression ratio of any member (zip bombs compress thousands to one)."""
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class BerkasError(Exception):
    """A file that cannot be read or written as asked; the message says why and what to do."""


def periksa_workbook(path: Path | str) -> Path:
    """Check that ``path`` is a readable, closed, unencrypted, sane .xlsx/.xlsm; return it."""
    p = Path(path)
    if not p.exists():
        raise BerkasError(f"berkas '{p}' tidak ditemukan")
    if p.is_dir():
        raise BerkasError(f"'{p}' adalah folder, bukan workbook")
    kunci = p.with_name("~$" + p.name)
    if kunci.exists():
        raise BerkasError(f"workbook '{p.name}' sedang dibuka di Excel (ada berkas kunci '{kunci.name}'); "
                          "tutup dulu di Excel lalu ulangi")
    try:
        with p.open("rb") as f:
            kepala = f.read(8)
    except OSError as e:
        raise BerkasError(f"berkas '{p}' tidak dapat dibaca: {e.strerror}") from None
    if kepala == _OLE:
        raise BerkasError(f"workbook '{p.name}' dilindungi kata sandi (terenkripsi) atau berformat .xls lama; "
                          "buka di Excel, hapus kata sandi, simpan sebagai .xlsm, lalu ulangi")
    if not zipfile.is_zipfile(p):
        raise BerkasError(f"berkas '{p.name}' bukan workbook Excel (.xlsx/.xlsm): isinya bukan arsip zip")
    try:
        with zipfile.ZipFile(p) as z:
            isi = z.infolist()
            total = sum(i.file_size for i in isi)
            if total > BATAS_UKURAN_ISI:
                raise BerkasError(f"workbook '{p.name}' mengembang menjadi {total // 2**20} MB (batas "
                                  f"{BATAS_UKURAN_ISI // 2**20} MB): ditolak demi keamanan")
            for i in isi:
                if i.compress_size and i.file_size / i.compress_size > BATAS_RASIO and i.file_size > 2**20:
                    raise BerkasError(f"workbook '{p.name}' berisi bagian '{i.filename}' dengan rasio kompresi tidak wajar: "
                                      "ditolak demi keamanan")
            if "xl/workbook.xml" not in {i.filename for i in isi}:
                raise BerkasError(f"berkas '{p.name}' adalah zip tetapi bukan workbook Excel (tidak ada xl/workbook.xml)")
    except zipfile.BadZipFile as e:
        raise BerkasError(f"workbook '{p.name}' rusak: {e}") from None
    return p


@contextmanager
def tulis_atomik(tujuan: Path | str, timpa: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``tujuan``; on success rename it into place.

    Refuses when ``tujuan`` exists and ``timpa`` is false. On any error the temporary file is
    removed and ``tujuan`` is untouched.
    """
    tujuan = Path(tujuan)
    if tujuan.exists() and not timpa:
        raise BerkasError(f"berkas '{tujuan}' sudah ada; tidak ditimpa (gunakan --timpa untuk menggantinya)")
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    fd, sementara = tempfile.mkstemp(prefix=f".{tujuan.stem}-", suffix=tujuan.suffix, dir=tujuan.parent)
    os.close(fd)
    try:
        yield Path(sementara)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(sementara, 0o666 & ~umask)
        os.replace(sementara, tujuan)
    finally:
        if os.path.exists(sementara):
            os.unlink(sementara)
