"""``kinerja.makro``: the name the buttons of workbooks built before the layers call
(``RunPython "import kinerja.makro; kinerja.makro.validasi()"``); everything is :mod:`kinerja.excel.makro`."""
from __future__ import annotations

from .excel.makro import ekspor, validasi  # noqa: F401

__all__ = ["validasi", "ekspor"]
