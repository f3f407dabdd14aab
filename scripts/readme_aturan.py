"""Rewrite the validation rule table of README.md from the rule registry (kinerja.periksa)."""
from __future__ import annotations

import re
from pathlib import Path

from kinerja.periksa import daftar_markdown

MULAI = "<!-- aturan: mulai (dibangkitkan dari kinerja.periksa; jangan diubah dengan tangan) -->"
SELESAI = "<!-- aturan: selesai -->"


def blok(teks: str) -> str:
    """The table between the two markers of ``teks``."""
    return teks.split(MULAI, 1)[1].split(SELESAI, 1)[0].strip("\n")


def main() -> None:
    p = Path(__file__).resolve().parents[1] / "README.md"
    teks = p.read_text(encoding="utf-8")
    baru = re.sub(re.escape(MULAI) + r".*?" + re.escape(SELESAI), lambda _: f"{MULAI}\n{daftar_markdown()}{SELESAI}", teks, flags=re.S)
    p.write_text(baru, encoding="utf-8")


if __name__ == "__main__":
    main()
