"""What Excel calls: the xlwings UDFs (:mod:`udf`, also importable as ``kinerja.udf``, the name in the
workbook's ``UDF Modules``), the Validasi/Ekspor buttons (:mod:`makro`), and the plug-in through which
the independent formula engine pycel evaluates our functions (:mod:`evaluasi`).

The only code that talks to Excel. Thin: each piece hands over to the layers below and adds only
what Excel needs (xlwings decorators, reading the open workbook, writing the Validasi sheet).
"""
