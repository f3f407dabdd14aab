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
import stat
import tempfile
import zipfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

__all__ = ["BerkasError", "periksa_workbook", "tulis_atomik", "transaksi", "tolak_sumber", "sama", "BATAS_UKURAN_ISI", "BATAS_RASIO"]

BATAS_UKURAN_ISI = 1024 * 1024 * 1024
"""Largest total uncompressed size accepted: the product's own workbook of 25,000 IKU (synthetic unit, array formulas)
was measured at 165 MB; a zip bomb is caught by :data:`BATAS_RASIO`."""
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
    try:
        biasa = stat.S_ISREG(p.stat().st_mode)
    except OSError as e:
        raise BerkasError(f"berkas '{p}' tidak dapat dibaca: {e.strerror}") from None
    if not biasa:
        raise BerkasError(f"'{p}' bukan berkas biasa (mis. pipa atau perangkat): hanya berkas workbook yang dibaca")
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


def sama(a: Path | str, b: Path | str) -> bool:
    """True when two paths are one file: the same real path, or the same file through a hard or symbolic link."""
    a, b = Path(a), Path(b)
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


def tolak_sumber(tujuan: Path | str, *sumber: Path | str | None) -> None:
    """Refuse an output path that is one of the inputs, or that exists and is not a regular file (a device, a folder)."""
    for s in sumber:
        if s is not None and sama(tujuan, s):
            raise BerkasError(f"berkas keluaran '{tujuan}' adalah berkas masukan '{s}': tidak pernah ditimpa; pilih nama lain")
    p = Path(tujuan)
    if p.exists() and not p.is_file() or p.is_symlink() and not p.exists():
        raise BerkasError(f"'{tujuan}' sudah ada dan bukan berkas biasa (folder, perangkat atau tautan rusak): tidak ditimpa")
    if p.exists() and not stat.S_ISREG(p.stat().st_mode):
        raise BerkasError(f"'{tujuan}' bukan berkas biasa: tidak ditimpa")


def _pindah(sementara: Path, tujuan: Path, timpa: bool) -> None:
    """Move a finished file into place: with ``timpa`` replacing, else only if nothing is there (atomic no-replace)."""
    if timpa:
        os.replace(sementara, tujuan)
        return
    try:
        os.link(sementara, tujuan)              # fails if tujuan exists, even if it appeared a moment ago
    except FileExistsError:
        raise BerkasError(f"berkas '{tujuan}' sudah ada; tidak ditimpa (gunakan --timpa untuk menggantinya)") from None
    except OSError:                             # a file system without hard links: check, then rename
        if tujuan.exists():
            raise BerkasError(f"berkas '{tujuan}' sudah ada; tidak ditimpa (gunakan --timpa untuk menggantinya)") from None
        os.replace(sementara, tujuan)
        return
    os.unlink(sementara)


def _siapkan_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise BerkasError(f"'{folder}' bukan folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise BerkasError(f"folder '{folder}' tidak dapat dibuat: {e.strerror}") from None


@contextmanager
def tulis_atomik(tujuan: Path | str, timpa: bool = False, sumber: tuple[Path | str | None, ...] = ()) -> Iterator[Path]:
    """Yield a temporary path beside ``tujuan``; on success move it into place.

    Refuses when ``tujuan`` is one of ``sumber`` (always) or exists and ``timpa`` is false; the
    existence check and the move are one step (a hard link), so a file that appears meanwhile is
    not replaced either. On any error the temporary file is removed and ``tujuan`` is untouched;
    an ``OSError`` (read-only folder, full disk) becomes a :class:`BerkasError`.
    """
    tujuan = Path(tujuan)
    tolak_sumber(tujuan, *sumber)
    if tujuan.exists() and not timpa:
        raise BerkasError(f"berkas '{tujuan}' sudah ada; tidak ditimpa (gunakan --timpa untuk menggantinya)")
    _siapkan_folder(tujuan.parent)
    try:
        fd, nama = tempfile.mkstemp(prefix=f".{tujuan.stem[:40]}-", suffix=tujuan.suffix, dir=tujuan.parent)
    except OSError as e:
        raise BerkasError(f"tidak dapat menulis di folder '{tujuan.parent}': {e.strerror}") from None
    os.close(fd)
    sementara = Path(nama)
    try:
        yield sementara
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(sementara, 0o666 & ~umask)
        _pindah(sementara, tujuan, timpa)
    except OSError as e:
        raise BerkasError(f"berkas '{tujuan}' tidak dapat ditulis: {e.strerror or e}") from None
    except Exception as e:                      # a writer library's own error around an OSError (disk full)
        asal = next((x for x in (*e.args, e.__cause__, e.__context__) if isinstance(x, OSError)), None)
        if asal is None:
            raise
        raise BerkasError(f"berkas '{tujuan}' tidak dapat ditulis: {asal.strerror or asal}") from None
    finally:
        if sementara.exists():
            sementara.unlink()


PENANDA_SEMENTARA = ".kinerja-ekspor-"
"""Prefix of an export's temporary folder and lock file inside the destination."""


def _hidup(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _bersihkan_sisa(folder: Path) -> None:
    """Remove what a crashed export left in ``folder`` (its process no longer runs)."""
    import shutil
    for p in folder.glob(PENANDA_SEMENTARA + "*"):
        try:
            pid = int(p.name[len(PENANDA_SEMENTARA):].split("-")[0])
        except ValueError:
            continue
        if pid != os.getpid() and not _hidup(pid):
            shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)


@contextmanager
def transaksi(folder: Path | str, tujuan: list[Path], timpa: bool, sumber: tuple[Path | str | None, ...] = ()) -> Iterator[Path]:
    """All or nothing: yield a temporary folder inside ``folder`` to write every file into, then move them all in.

    One export at a time per folder (a lock file; a second exits with a message). Nothing is
    written if any target exists (unless ``timpa``) or is an input. If a move fails, the files
    already moved are taken back. Temporary files never survive the run; those of a crashed run
    are removed by the next.
    """
    import shutil
    folder = Path(folder)
    _siapkan_folder(folder)
    for t in tujuan:
        tolak_sumber(t, *sumber)
    kunci = folder / f"{PENANDA_SEMENTARA}kunci"
    fd = _kunci(kunci, folder)
    sementara = folder / f"{PENANDA_SEMENTARA}{os.getpid()}-{os.urandom(4).hex()}"
    try:
        os.write(fd, str(os.getpid()).encode())
        _bersihkan_sisa(folder)
        ada = [t for t in tujuan if t.exists()]
        if ada and not timpa:
            raise BerkasError(f"berkas sudah ada, tidak ditimpa: {', '.join(map(str, ada))} (gunakan --timpa untuk menggantinya)")
        sementara.mkdir()
        yield sementara
        _pindah_semua(sementara, tujuan, timpa)
    except OSError as e:
        raise BerkasError(f"ekspor ke folder '{folder}' gagal: {e.strerror or e}; tidak ada berkas yang ditulis") from None
    finally:
        shutil.rmtree(sementara, ignore_errors=True)
        kunci.unlink(missing_ok=True)                   # while still holding the lock: a waiting process retries
        os.close(fd)


def _pindah_semua(sementara: Path, tujuan: list[Path], timpa: bool) -> None:
    """Move every finished file in; if one move fails, the ones moved are taken back and replaced files restored."""
    cadangan = sementara / ".lama"
    cadangan.mkdir()
    dipindah: list[tuple[Path, Path | None]] = []
    try:
        for t in tujuan:
            lama = None
            if timpa and t.exists():
                lama = cadangan / t.name
                os.replace(t, lama)                  # keep the old file until every new one is in
            dipindah.append((t, lama))
            _pindah(sementara / t.name, t, False)
    except (OSError, BerkasError):
        for t, lama in reversed(dipindah):
            if lama is not None and lama.exists():
                os.replace(lama, t)
            elif lama is None and t.exists() and not (sementara / t.name).exists():
                t.unlink()
        raise


def _kunci(kunci: Path, folder: Path) -> int:
    """Take the folder's export lock: an OS lock where there is one (released by the OS if the process dies,
    so a crashed run never blocks the next), else an exclusive file whose dead owner makes it stale."""
    sibuk = BerkasError(f"ekspor lain sedang menulis ke folder '{folder}'; tunggu sampai selesai lalu ulangi")
    try:
        import fcntl
    except ImportError:                                # Windows: no flock
        _bersihkan_kunci(kunci)
        try:
            return os.open(kunci, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o644)
        except FileExistsError:
            raise sibuk from None
        except OSError as e:
            raise BerkasError(f"tidak dapat menulis di folder '{folder}': {e.strerror}") from None
    while True:
        try:
            fd = os.open(kunci, os.O_CREAT | os.O_RDWR, 0o644)
        except OSError as e:
            raise BerkasError(f"tidak dapat menulis di folder '{folder}': {e.strerror}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise sibuk from None
        try:
            if os.fstat(fd).st_ino == os.stat(kunci).st_ino:   # still the lock file, not one a finishing run removed
                os.ftruncate(fd, 0)
                return fd
        except FileNotFoundError:
            pass
        os.close(fd)


def _bersihkan_kunci(kunci: Path) -> None:
    """A lock whose process no longer runs is stale: remove it."""
    try:
        pid = int(kunci.read_text(encoding="ascii").strip() or "0")
    except (OSError, ValueError):
        return
    if pid and not _hidup(pid):
        kunci.unlink(missing_ok=True)
