"""Data as staff and the report write it: the dataset model, Indonesian notation, file safety, and the
embedded datasets (``deputi4_2024/``, the 2024 report of Deputi IV: the default and the golden set).

Values stay as typed (text in Indonesian notation, or numbers from Excel) until the layer above
parses them where they are used. :mod:`~kinerja.data.berkas` opens a user's file only after it is
checked and writes outputs only atomically. May import :mod:`kinerja.aturan` (rounding).
"""
