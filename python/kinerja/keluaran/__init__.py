"""What leaves the program: the report rendered for people and systems, and the quarter exports.

:mod:`tampilan` renders a recomputed report as a terminal table or JSON; :mod:`ekspor` writes one
quarter (values-only xlsx, PDF, CSV, JSON, and the budget quarter report) atomically, after
validation; :mod:`temuan` writes findings to a new workbook. Every published number comes from the
layers below; the source workbook is only read. May import everything below it except
:mod:`kinerja.bangun` (its sibling).
"""
