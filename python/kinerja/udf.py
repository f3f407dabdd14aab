"""``kinerja.udf``: the name the workbook's ``UDF Modules`` and VBA wrappers use for the Excel functions.

Everything is :mod:`kinerja.excel.udf`; this module only keeps the name the built workbooks call.
"""
from __future__ import annotations

from .excel.udf import *  # noqa: F401,F403
from .excel.udf import __all__  # noqa: F401
