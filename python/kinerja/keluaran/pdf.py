"""PDF of a values-only workbook, by LibreOffice headless (Excel's own PDF export is the button's)."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..data.berkas import BerkasError

__all__ = ["ke_pdf"]


def ke_pdf(xlsx: Path, tujuan: Path) -> None:
    """PDF of a values-only workbook with LibreOffice headless (private profile, hard timeout)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise BerkasError("format pdf memerlukan LibreOffice (soffice) yang tidak ditemukan; pilih format lain")
    with tempfile.TemporaryDirectory() as tmp:
        profil = Path(tmp) / "profil"
        keluar = Path(tmp) / "keluar"
        perintah = ["timeout", "-s", "KILL", "170", soffice, f"-env:UserInstallation=file://{profil}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(keluar), str(xlsx)]
        p = subprocess.run(perintah, capture_output=True, text=True, timeout=180)
        hasil = keluar / (xlsx.stem + ".pdf")
        if p.returncode != 0 or not hasil.exists():
            raise BerkasError(f"LibreOffice gagal membuat PDF: {p.stderr.strip() or p.stdout.strip()}")
        shutil.copyfile(hasil, tujuan)

