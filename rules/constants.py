"""The legal vocabularies, as selection keys with their Indonesian names."""

# Ratings of results (hasil kerja) and behaviour (perilaku kerja) - 003 Pasal 23-24.
DI_ATAS = "di_atas"
SESUAI = "sesuai"
DI_BAWAH = "di_bawah"
RATINGS = (DI_ATAS, SESUAI, DI_BAWAH)
RATING_NAMES = {
    DI_ATAS: "Di Atas Ekspektasi",
    SESUAI: "Sesuai Ekspektasi",
    DI_BAWAH: "Di Bawah Ekspektasi",
}

# Employee predicates (predikat kinerja pegawai), best first - 003 section B.3.
SANGAT_BAIK = "sangat_baik"
BAIK = "baik"
BUTUH_PERBAIKAN = "butuh_perbaikan"
KURANG = "kurang"
SANGAT_KURANG = "sangat_kurang"
PREDICATES = (SANGAT_BAIK, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG)
PREDICATE_NAMES = {
    SANGAT_BAIK: "Sangat Baik",
    BAIK: "Baik",
    BUTUH_PERBAIKAN: "Butuh Perbaikan",
    KURANG: "Kurang/Misconduct",
    SANGAT_KURANG: "Sangat Kurang",
}

# Organisation achievement (capaian kinerja organisasi), best first - 002 D.4.a.
ISTIMEWA = "istimewa"
ACHIEVEMENTS = (ISTIMEWA, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG)
ACHIEVEMENT_NAMES = {
    ISTIMEWA: "Istimewa",
    BAIK: "Baik",
    BUTUH_PERBAIKAN: "Butuh Perbaikan",
    KURANG: "Kurang",
    SANGAT_KURANG: "Sangat Kurang",
}

# Jenjang of functional positions (jabatan fungsional) - Permenpan RB 1/2023.
JF_JENJANG_NAMES = {
    "pemula": "Pemula",
    "terampil": "Terampil",
    "mahir": "Mahir",
    "penyelia": "Penyelia",
    "ahli_pertama": "Ahli Pertama",
    "ahli_muda": "Ahli Muda",
    "ahli_madya": "Ahli Madya",
    "ahli_utama": "Ahli Utama",
}

# Aspects of an individual performance indicator (003 Pasal 9).
WAKTU = "waktu"  # rated on its own row, "Ketepatan Waktu" (000 Lampiran 2)
ASPECTS = ("kuantitas", "kualitas", WAKTU, "biaya")
# Aspects where a lower realisation is better by default (time, cost).
LESS_IS_BETTER_ASPECTS = ("waktu", "biaya")
