"""The rules of the Laporan Kinerja, pure: numbers in, numbers out (numpy and the standard library only).

Capaian IKU by polarisasi (RUMUS 2), NSS and NKO (RUMUS 3), the Indeks Tata Kelola and the SAKIP
score (RUMUS 5), the budget figures (penyerapan, CKK, efisiensi, deviasi RPD), the generic
calculators, rounding as the report rounds, and the reconciliation classes (RUMUS 8). Nothing here
reads a file, parses Indonesian text or knows a workbook; this layer imports nothing of the package
outside itself.
"""
