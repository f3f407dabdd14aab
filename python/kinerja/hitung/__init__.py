"""The rules applied to one unit's dataset: from values as typed to the figures of the report.

Parses targets and realisasi (:mod:`masukan`), runs the calculator an IKU names in its PK
(:mod:`penghitung`), and recomputes the whole report (:mod:`laporan`: Tabel 3.4, NSS, NKO, history,
reconciliation) and the budget report (:mod:`laporan_anggaran`). A bad value never stops a report:
it becomes n/a with an ``alasan`` naming the IKU, the field and the text. Knows no workbook; may
import :mod:`kinerja.data` and :mod:`kinerja.aturan`.
"""
