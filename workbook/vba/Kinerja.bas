Attribute VB_Name = "Kinerja"
' Tombol lembar TW I..IV: Validasi dan Ekspor triwulan aktif.
' Pekerjaannya dilakukan Python (paket kinerja, modul kinerja.excel.makro) melalui RunPython xlwings;
' aturan yang sama berjalan dari baris perintah: kinerja validasi / kinerja ekspor.
Option Explicit

Public Sub ValidasiTriwulan()
    RunPython "import kinerja.excel.makro; kinerja.excel.makro.validasi()"
End Sub

Public Sub EksporTriwulan()
    RunPython "import kinerja.excel.makro; kinerja.excel.makro.ekspor()"
End Sub

' Dipanggil Workbook_Open: bantuan fungsi (Function Wizard) dalam kategori Kinerja.
' Kegagalan (mis. Excel lama) tidak boleh menghentikan pembukaan workbook.
Public Sub PasangBantuanFungsi()
    On Error Resume Next
    KinerjaFungsi.DaftarkanFungsi
    On Error GoTo 0
End Sub
