Attribute VB_Name = "Kinerja"
' Tombol lembar TW I..IV: Validasi dan Ekspor triwulan aktif. Tombol lembar PK: Susun Ulang (workbook baru
' mengikuti PK) dan Tahun Baru (workbook tahun berikutnya); keduanya menulis berkas baru di samping workbook ini,
' yang tidak diubah, lalu membukanya.
' Pekerjaannya dilakukan Python (paket kinerja, modul kinerja.excel.makro) melalui RunPython xlwings;
' aturan yang sama berjalan dari baris perintah: kinerja validasi / ekspor / susun / tahun-baru.
'
' Failures reach staff as an Indonesian MsgBox, never as an English xlwings pop-up or the VBA debug dialog:
' * PythonSiap checks the interpreter setting first (xlwings itself would show "Could not find Interpreter!");
' * the sheet xlwings.conf sets SHOW_ERROR_POPUPS = False, so xlwings writes a failed run's stderr (a Python
'   traceback, or cmd's "'python' is not recognized ...") to a new sheet "Error" instead of its pop-up;
'   LaporHasil reads it, deletes the sheet and explains;
' * VBA errors raised inside RunPython (70 "Permission denied" when Defender blocks cmd.exe, 429 when
'   WScript.Shell cannot be created, ...) land in each button's On Error handler.
Option Explicit

Private Const LEMBAR_GALAT As String = "Error"
Private Const NAMA_TAHUN As String = "Tahun"       ' defined name of the PK year
Private Const TAHUN_MIN As Long = 2000
Private Const TAHUN_MAKS As Long = 2100

Public Sub ValidasiTriwulan()
    Const JUDUL As String = "Validasi Kinerja"
    Dim lama As Boolean, asal As Object
    On Error GoTo gagal
    If Not PythonSiap(JUDUL) Then Exit Sub
    Set asal = ActiveSheet
    lama = SiapkanLembarGalat()
    RunPython "import kinerja.excel.makro; kinerja.excel.makro.validasi()"
    LaporHasil JUDUL, lama, asal, 0, ""
    Exit Sub
gagal:
    LaporHasil JUDUL, lama, asal, Err.Number, Err.Description
End Sub

Public Sub EksporTriwulan()
    Const JUDUL As String = "Ekspor Kinerja"
    Dim lama As Boolean, asal As Object
    On Error GoTo gagal
    If Not PythonSiap(JUDUL) Then Exit Sub
    Set asal = ActiveSheet
    lama = SiapkanLembarGalat()
    RunPython "import kinerja.excel.makro; kinerja.excel.makro.ekspor()"
    LaporHasil JUDUL, lama, asal, 0, ""
    Exit Sub
gagal:
    LaporHasil JUDUL, lama, asal, Err.Number, Err.Description
End Sub

Public Sub SusunUlang()
    Const JUDUL As String = "Susun Ulang"
    Dim lama As Boolean, asal As Object
    On Error GoTo gagal
    If Not PythonSiap(JUDUL) Then Exit Sub
    Set asal = ActiveSheet
    lama = SiapkanLembarGalat()
    RunPython "import kinerja.excel.makro; kinerja.excel.makro.susun_ulang()"
    LaporHasil JUDUL, lama, asal, 0, ""
    Exit Sub
gagal:
    LaporHasil JUDUL, lama, asal, Err.Number, Err.Description
End Sub

' The year is asked before anything is touched: Cancel (or an empty answer) does nothing, a bad year is refused.
Public Sub TahunBaru()
    Const JUDUL As String = "Tahun Baru"
    Dim lama As Boolean, asal As Object, tahun As Long
    On Error GoTo gagal
    If Not PythonSiap(JUDUL) Then Exit Sub
    tahun = TanyaTahun(JUDUL)
    If tahun = 0 Then Exit Sub
    Set asal = ActiveSheet
    lama = SiapkanLembarGalat()
    RunPython "import kinerja.excel.makro; kinerja.excel.makro.tahun_baru(" & CStr(tahun) & ")"
    LaporHasil JUDUL, lama, asal, 0, ""
    Exit Sub
gagal:
    LaporHasil JUDUL, lama, asal, Err.Number, Err.Description
End Sub

' The year of the new workbook (default: the PK year + 1); 0 when staff cancel or type no year in range (told why).
Private Function TanyaTahun(ByVal judul As String) As Long
    Dim teks As String, usul As Long, tahun As Long
    usul = TahunPK()
    If usul = 0 Then usul = Year(Date) Else usul = usul + 1
    teks = Trim$(InputBox("Tahun workbook baru (" & TAHUN_MIN & "-" & TAHUN_MAKS & "):" & vbLf & vbLf & _
                          "SS, IKU dan target dibawa (periksa targetnya), realisasi dikosongkan, Riwayat ditambah tahun ini. " & _
                          "Workbook baru ditulis di samping workbook ini; workbook ini tidak diubah.", judul, CStr(usul)))
    If Len(teks) = 0 Then Exit Function
    If teks Like "*[!0-9]*" Then
        MsgBox "'" & teks & "' bukan tahun. Tulis tahun dengan angka saja, mis. " & usul & ".", vbExclamation, judul
        Exit Function
    End If
    If Len(teks) <= 4 Then tahun = CLng(teks)
    If tahun < TAHUN_MIN Or tahun > TAHUN_MAKS Then
        MsgBox "Tahun " & teks & " di luar rentang " & TAHUN_MIN & "-" & TAHUN_MAKS & ". Tulis tahun workbook baru, mis. " & _
               usul & ".", vbExclamation, judul
        Exit Function
    End If
    TanyaTahun = tahun
End Function

' The PK year (defined name Tahun), 0 when the name is missing or holds no year in range.
Private Function TahunPK() As Long
    Dim v As Variant
    On Error Resume Next
    v = ThisWorkbook.Names(NAMA_TAHUN).RefersToRange.Value
    If IsEmpty(v) Or Not IsNumeric(v) Then Exit Function
    If CDbl(v) >= TAHUN_MIN And CDbl(v) <= TAHUN_MAKS Then TahunPK = CLng(v)
End Function

' Dipanggil Workbook_Open: bantuan fungsi (Function Wizard) dalam kategori Kinerja.
' Kegagalan (mis. Excel lama) tidak boleh menghentikan pembukaan workbook.
Public Sub PasangBantuanFungsi()
    Dim tersimpan As Boolean
    On Error Resume Next
    tersimpan = ThisWorkbook.Saved
    KinerjaFungsi.DaftarkanFungsi
    ThisWorkbook.Saved = tersimpan      ' registering help is no change staff should be asked to save
    On Error GoTo 0
End Sub

' The interpreter RunPython will use (same lookup as xlwings' RunPython): a path must exist and hold no quotes.
' "python"/"pythonw" (nothing configured) is found by cmd.exe through PATH; if it is not, cmd's message comes back
' through the Error sheet.
Private Function PythonSiap(ByVal judul As String) As Boolean
#If Mac Then
    PythonSiap = True
#Else
    Dim juru As String
    juru = Trim$(CStr(GetConfig("INTERPRETER_WIN", "")))       ' GetConfig, FileExists: module xlwings
    If juru = "" Then juru = Trim$(CStr(GetConfig("INTERPRETER", "python")))
    If InStr(juru, """") > 0 Then
        MsgBox "Pengaturan Interpreter_Win berisi tanda kutip:" & vbLf & juru & vbLf & vbLf & _
               "Tulis path python.exe tanpa tanda kutip, juga bila path mengandung spasi, " & _
               "mis. C:\Program Files\Python311\python.exe (lembar xlwings.conf atau berkas xlwings.conf TI).", _
               vbExclamation, judul
        Exit Function
    End If
    Select Case LCase$(juru)
    Case "python", "pythonw"
    Case Else
        If Not FileExists(juru) Then
            MsgBox "Python tidak ditemukan di:" & vbLf & juru & vbLf & vbLf & _
                   "Periksa pengaturan Interpreter_Win (path lengkap ke python.exe, tanpa tanda kutip) " & _
                   "atau minta TI memasang Python. Setelah memasang, tutup semua jendela Excel lalu buka lagi.", _
                   vbExclamation, judul
            Exit Function
        End If
    End Select
    PythonSiap = True
#End If
End Function

' True when a sheet "Error" exists before the run (left in place, its A1 emptied so that only a new message counts).
Private Function SiapkanLembarGalat() As Boolean
    Dim sh As Object
    On Error Resume Next
    Set sh = ThisWorkbook.Worksheets(LEMBAR_GALAT)
    If Not sh Is Nothing Then
        sh.Range("A1").ClearContents
        SiapkanLembarGalat = True
    End If
End Function

' After RunPython (nomor = 0) or in a button's error handler: the message xlwings left on the Error sheet wins,
' else the VBA error. The Error sheet made by xlwings is deleted and the sheet of the button activated again.
Private Sub LaporHasil(ByVal judul As String, ByVal lama As Boolean, ByVal asal As Object, _
                       ByVal nomor As Long, ByVal uraian As String)
    Dim teks As String
    teks = AmbilGalatXlwings(lama, asal)
    If Len(teks) > 0 Then
        MsgBox PesanGalatPython(teks), vbExclamation, judul
    ElseIf nomor <> 0 Then
        MsgBox PesanGalatVBA(nomor, uraian), vbCritical, judul
    End If
End Sub

Private Function AmbilGalatXlwings(ByVal lama As Boolean, ByVal asal As Object) As String
    Dim sh As Object, tampil As Boolean
    On Error Resume Next
    Set sh = ThisWorkbook.Worksheets(LEMBAR_GALAT)
    If sh Is Nothing Then Exit Function
    AmbilGalatXlwings = Trim$(CStr(sh.Range("A1").Value))
    If Not lama Then
        tampil = Application.DisplayAlerts
        Application.DisplayAlerts = False
        sh.Delete
        Application.DisplayAlerts = tampil
    End If
    If Not asal Is Nothing Then asal.Activate
End Function

Private Function PesanGalatPython(ByVal teks As String) As String
    Dim akhir As String
    akhir = BarisTerakhir(teks)
    If InStr(1, teks, "No module named 'kinerja", vbTextCompare) > 0 Then
        PesanGalatPython = "Paket Python 'kinerja' belum terpasang (atau versinya lama) pada Python yang dipakai Excel." & _
            vbLf & vbLf & "Minta TI memasangnya untuk Python yang sama dengan pengaturan Interpreter_Win " & _
            "(Panduan bagian 1), lalu tutup semua jendela Excel dan buka lagi workbook ini."
    ElseIf InStr(1, teks, "No module named 'xlwings", vbTextCompare) > 0 _
        Or InStr(1, teks, "No module named 'win32", vbTextCompare) > 0 _
        Or InStr(1, teks, "No module named 'pywintypes", vbTextCompare) > 0 Then
        PesanGalatPython = "Paket Python 'xlwings' (atau pywin32) belum terpasang pada Python yang dipakai Excel." & _
            vbLf & vbLf & "Minta TI memasang paket kinerja beserta xlwings (Panduan bagian 1), " & _
            "lalu tutup semua jendela Excel dan buka lagi workbook ini."
    ElseIf InStr(1, teks, "python", vbTextCompare) > 0 And (InStr(1, teks, "not recognized", vbTextCompare) > 0 _
        Or InStr(1, teks, "tidak dikenali", vbTextCompare) > 0 Or InStr(1, teks, "Microsoft Store", vbTextCompare) > 0 _
        Or InStr(1, teks, "was not found", vbTextCompare) > 0) Then
        PesanGalatPython = "Python tidak ditemukan oleh Windows." & vbLf & vbLf & _
            "Minta TI memasang Python (centang 'Add python.exe to PATH') atau mengisi Interpreter_Win dengan " & _
            "path lengkap python.exe, lalu tutup semua jendela Excel dan buka lagi workbook ini." & vbLf & vbLf & _
            "Pesan Windows: " & Left$(akhir, 300)
    Else
        PesanGalatPython = "Python berhenti karena galat:" & vbLf & Left$(akhir, 500) & vbLf & vbLf & _
            "Periksa isian yang disebut pesan itu lalu coba lagi. Bila berulang, kirim pesan ini ke TI " & _
            "(Ctrl+C menyalin isi jendela ini)."
    End If
End Function

Private Function PesanGalatVBA(ByVal nomor As Long, ByVal uraian As String) As String
    Select Case nomor
    Case 70
        PesanGalatVBA = "Windows menolak Excel menjalankan Python (izin ditolak)." & vbLf & vbLf & _
            "Biasanya karena aturan Microsoft Defender 'Block all Office applications from creating child processes' " & _
            "(attack surface reduction). Hubungi TI (Panduan bagian 8)."
    Case 429
        PesanGalatVBA = "Excel tidak dapat membuat objek Windows (WScript.Shell / Scripting.Dictionary) yang dipakai " & _
            "untuk menjalankan Python. Hubungi TI: kebijakan keamanan mungkin memblokirnya."
    Case Else
        PesanGalatVBA = "Tombol gagal dijalankan (galat " & nomor & ": " & uraian & ")." & vbLf & vbLf & _
            "Pastikan Python dan paket kinerja terpasang (Panduan bagian 1 dan 8), lalu coba lagi. " & _
            "Bila berulang, kirim pesan ini ke TI."
    End Select
End Function

Private Function BarisTerakhir(ByVal teks As String) As String
    Dim baris As Variant, i As Long, b As String
    baris = Split(Replace(teks, vbCr, vbLf), vbLf)
    For i = UBound(baris) To LBound(baris) Step -1
        b = Trim$(CStr(baris(i)))
        If Len(b) > 0 Then
            BarisTerakhir = b
            Exit Function
        End If
    Next i
End Function
