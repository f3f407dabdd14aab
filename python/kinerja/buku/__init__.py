"""The workbook as the program sees it: where everything sits, what its formulas call, and how it reads.

:mod:`tata_letak` owns every sheet name, table, header, column, defined name and settings key: the
builder, the reader, the validator and the exporter ask it and define no position of their own.
:mod:`fungsi` is the catalogue of the Excel functions (``=CAPAIAN_IKU(...)`` and its siblings) as
plain Python on cell values (:mod:`sel` normalises what Excel hands over); :mod:`cuplikan` is a
snapshot of a workbook (values and formulas) from a file; :mod:`baca` turns a snapshot into a
dataset and remembers where each value sits; :mod:`vba` compiles the VBA project. Nothing here
writes a user's file. May import :mod:`kinerja.hitung`, :mod:`kinerja.data`, :mod:`kinerja.aturan`.
"""
