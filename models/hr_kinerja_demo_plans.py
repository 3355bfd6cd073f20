"""Result plans (RHK) of the demo agency's generated SKPs, by kind of position.

Each plan is (RHK wording, [(indicator, yearly target, unit), ...]); ``{unit}`` in a
leader's wording is the unit led. Targets are whole numbers; the realisations are
cumulative, so every indicator here is a count (or a share reached step by step).
Demo data only (hr.kinerja.demo.loader)."""

# Heads of a unit (JPT, administrators, supervisors, and the JF heading a health
# centre or a school), by the unit's field.
LEADER_PLANS = {
    "health": [
        (
            "Meningkatnya cakupan pelayanan kesehatan masyarakat di wilayah {unit}",
            [
                ("Jumlah kunjungan pelayanan kesehatan dasar", 6000, "orang"),
                ("Jumlah desa yang mendapat pembinaan Posyandu", 24, "desa"),
            ],
        ),
        (
            "Terlaksananya pembinaan dan pengendalian kinerja pegawai {unit}",
            [("Jumlah laporan evaluasi kinerja bulanan yang disusun", 12, "laporan")],
        ),
        (
            "Tersedianya data dan laporan program kesehatan {unit} yang tepat waktu",
            [("Jumlah laporan program kesehatan yang disampaikan", 48, "laporan")],
        ),
    ],
    "school": [
        (
            "Meningkatnya mutu pembelajaran di {unit}",
            [
                ("Jumlah kegiatan supervisi pembelajaran", 24, "kegiatan"),
                ("Jumlah modul ajar guru yang ditelaah", 48, "dokumen"),
            ],
        ),
        (
            "Terlaksananya pembinaan dan pengendalian kinerja pendidik dan tenaga "
            "kependidikan {unit}",
            [("Jumlah laporan evaluasi kinerja bulanan yang disusun", 12, "laporan")],
        ),
        (
            "Terkelolanya data pokok pendidikan dan rapor pendidikan {unit}",
            [("Jumlah pemutakhiran data pokok pendidikan", 12, "dokumen")],
        ),
    ],
    "finance": [
        (
            "Terwujudnya pengelolaan keuangan yang tertib dan akuntabel di {unit}",
            [
                ("Jumlah laporan realisasi anggaran yang disusun tepat waktu", 12, "laporan"),
                ("Jumlah dokumen pertanggungjawaban yang diverifikasi", 600, "dokumen"),
            ],
        ),
        (
            "Tersusunnya dokumen perencanaan dan penganggaran {unit}",
            [("Jumlah dokumen perencanaan yang disusun", 12, "dokumen")],
        ),
        (
            "Terlaksananya pembinaan dan pengendalian kinerja pegawai {unit}",
            [("Jumlah laporan evaluasi kinerja bulanan yang disusun", 12, "laporan")],
        ),
    ],
    "hr": [
        (
            "Meningkatnya kualitas layanan manajemen ASN oleh {unit}",
            [
                ("Jumlah layanan kepegawaian yang diselesaikan", 600, "dokumen"),
                ("Jumlah ASN yang mengikuti pengembangan kompetensi", 240, "orang"),
            ],
        ),
        (
            "Terlaksananya pembinaan dan pengendalian kinerja pegawai {unit}",
            [("Jumlah laporan evaluasi kinerja bulanan yang disusun", 12, "laporan")],
        ),
        (
            "Tersedianya data kepegawaian yang mutakhir di {unit}",
            [("Jumlah pemutakhiran data kepegawaian yang diverifikasi", 360, "dokumen")],
        ),
    ],
    "organisation": [
        (
            "Tersusunnya kebijakan kelembagaan dan tata laksana perangkat daerah oleh {unit}",
            [
                ("Jumlah rancangan peraturan kepala daerah yang disusun", 12, "dokumen"),
                ("Jumlah perangkat daerah yang dievaluasi kelembagaannya", 24, "dokumen"),
            ],
        ),
        (
            "Meningkatnya kualitas pelayanan publik perangkat daerah yang dibina {unit}",
            [("Jumlah kegiatan pembinaan pelayanan publik", 24, "kegiatan")],
        ),
        (
            "Terlaksananya pembinaan dan pengendalian kinerja pegawai {unit}",
            [("Jumlah laporan evaluasi kinerja bulanan yang disusun", 12, "laporan")],
        ),
    ],
}

# Functional positions, by a word of the job title (the first that matches).
JF_PLANS = [
    (
        "dokter",
        [
            (
                "Terlaksananya pelayanan medik dasar bagi pasien rawat jalan sesuai standar",
                [
                    ("Jumlah pasien yang mendapat pelayanan medik", 1440, "orang"),
                    ("Jumlah rekam medis yang dilengkapi", 1440, "dokumen"),
                ],
            ),
            (
                "Terlaksananya penyuluhan dan skrining penyakit tidak menular",
                [("Jumlah kegiatan penyuluhan dan skrining", 24, "kegiatan")],
            ),
            (
                "Tersusunnya laporan surveilans penyakit di wilayah kerja",
                [("Jumlah laporan surveilans", 12, "laporan")],
            ),
        ],
    ),
    (
        "perawat",
        [
            (
                "Terlaksananya asuhan keperawatan bagi pasien sesuai standar",
                [
                    ("Jumlah pasien yang mendapat asuhan keperawatan", 960, "orang"),
                    ("Jumlah dokumen asuhan keperawatan yang lengkap", 960, "dokumen"),
                ],
            ),
            (
                "Terlaksananya perawatan kesehatan masyarakat (kunjungan rumah)",
                [("Jumlah keluarga rawan yang dikunjungi", 120, "orang")],
            ),
            (
                "Tersusunnya laporan pelayanan keperawatan",
                [("Jumlah laporan pelayanan keperawatan", 12, "laporan")],
            ),
        ],
    ),
    (
        "bidan",
        [
            (
                "Terlaksananya pelayanan antenatal terpadu bagi ibu hamil",
                [("Jumlah ibu hamil yang mendapat pelayanan antenatal", 240, "orang")],
            ),
            (
                "Terlaksananya pelayanan keluarga berencana",
                [("Jumlah akseptor KB yang dilayani", 180, "orang")],
            ),
            (
                "Tersusunnya laporan kesehatan ibu dan anak",
                [("Jumlah laporan KIA yang disampaikan", 12, "laporan")],
            ),
        ],
    ),
    (
        "laboratorium",
        [
            (
                "Terlaksananya pemeriksaan laboratorium klinik sesuai standar",
                [("Jumlah sampel yang diperiksa", 1200, "sampel")],
            ),
            (
                "Terpeliharanya peralatan laboratorium Puskesmas",
                [("Jumlah kegiatan pemeliharaan dan kalibrasi alat", 48, "kegiatan")],
            ),
        ],
    ),
    (
        "epidemiolog",
        [
            (
                "Terlaksananya surveilans epidemiologi penyakit menular",
                [("Jumlah laporan mingguan wabah yang dianalisis", 48, "laporan")],
            ),
            (
                "Terlaksananya penyelidikan epidemiologi kejadian penyakit",
                [("Jumlah penyelidikan epidemiologi", 12, "kegiatan")],
            ),
        ],
    ),
    (
        "pengawas sekolah",
        [
            (
                "Terlaksananya supervisi akademik dan manajerial di sekolah binaan",
                [
                    ("Jumlah kunjungan supervisi ke sekolah binaan", 24, "kegiatan"),
                    ("Jumlah laporan hasil supervisi", 24, "laporan"),
                ],
            ),
            (
                "Terlaksananya pendampingan perencanaan berbasis data di sekolah binaan",
                [("Jumlah kepala sekolah yang didampingi", 12, "orang")],
            ),
        ],
    ),
    (
        "guru",
        [
            (
                "Terlaksananya pembelajaran yang berpusat pada murid sesuai Kurikulum Merdeka",
                [
                    ("Jumlah modul ajar yang disusun", 24, "dokumen"),
                    ("Jumlah jam pelajaran yang dilaksanakan", 912, "jam pelajaran"),
                ],
            ),
            (
                "Terlaksananya asesmen dan pelaporan hasil belajar murid",
                [("Jumlah laporan hasil asesmen", 12, "laporan")],
            ),
            (
                "Terlaksananya pengembangan keprofesian berkelanjutan",
                [("Jumlah kegiatan pengembangan diri yang diikuti", 12, "kegiatan")],
            ),
        ],
    ),
    (
        "keuangan",
        [
            (
                "Tersusunnya analisis realisasi anggaran yang tepat waktu",
                [("Jumlah laporan analisis realisasi anggaran", 12, "laporan")],
            ),
            (
                "Terlaksananya verifikasi dokumen pertanggungjawaban belanja",
                [("Jumlah dokumen SPJ yang diverifikasi", 480, "dokumen")],
            ),
        ],
    ),
    (
        "pranata komputer",
        [
            (
                "Tersedianya layanan sistem informasi kepegawaian yang andal",
                [
                    ("Jumlah permintaan layanan TI yang diselesaikan", 240, "dokumen"),
                    ("Jumlah laporan pemeliharaan sistem", 12, "laporan"),
                ],
            ),
            (
                "Termutakhirkannya data ASN pada SIASN",
                [("Jumlah data ASN yang dimutakhirkan", 600, "orang")],
            ),
        ],
    ),
    (
        "organisasi",
        [
            (
                "Tersusunnya analisis jabatan dan beban kerja perangkat daerah",
                [("Jumlah dokumen analisis jabatan yang disusun", 36, "dokumen")],
            ),
            (
                "Tersusunnya evaluasi kelembagaan perangkat daerah",
                [("Jumlah laporan evaluasi kelembagaan", 12, "laporan")],
            ),
        ],
    ),
    (
        "kebijakan",
        [
            (
                "Tersusunnya rekomendasi kebijakan reformasi birokrasi daerah",
                [("Jumlah kajian kebijakan yang disusun", 12, "dokumen")],
            ),
            (
                "Terlaksananya advokasi kebijakan kepada perangkat daerah",
                [("Jumlah kegiatan advokasi kebijakan", 12, "kegiatan")],
            ),
        ],
    ),
    (
        "sdm",
        [
            (
                "Tersusunnya analisis kebutuhan pengembangan kompetensi ASN",
                [
                    ("Jumlah dokumen analisis kebutuhan pengembangan kompetensi", 12, "dokumen"),
                    ("Jumlah ASN yang dipetakan kompetensinya", 240, "orang"),
                ],
            ),
            (
                "Terlaksananya evaluasi pasca pengembangan kompetensi",
                [("Jumlah laporan evaluasi pasca pelatihan", 12, "laporan")],
            ),
        ],
    ),
]

# Executors (pelaksana), by a word of the job title; then by the unit's field.
PELAKSANA_PLANS = [
    (
        "pengemudi",
        [
            (
                "Terlaksananya layanan angkutan dinas pimpinan yang aman dan tepat waktu",
                [
                    ("Jumlah perjalanan dinas yang dilayani", 240, "kegiatan"),
                    ("Jumlah laporan penggunaan kendaraan dinas", 12, "laporan"),
                ],
            ),
            (
                "Terpeliharanya kendaraan dinas operasional",
                [("Jumlah kegiatan pemeliharaan kendaraan", 24, "kegiatan")],
            ),
        ],
    ),
    (
        "bendahara",
        [
            (
                "Terlaksananya penatausahaan keuangan yang tertib",
                [
                    ("Jumlah SPP dan SPM yang diproses", 360, "dokumen"),
                    ("Jumlah laporan pertanggungjawaban bendahara", 12, "laporan"),
                ],
            ),
            (
                "Tersetornya pajak atas belanja tepat waktu",
                [("Jumlah bukti setor pajak yang diterbitkan", 120, "dokumen")],
            ),
        ],
    ),
]
PELAKSANA_FIELD_PLANS = {
    "health": [
        (
            "Tertibnya administrasi program dan pelayanan kesehatan",
            [("Jumlah dokumen administrasi yang diselesaikan", 240, "dokumen")],
        ),
        (
            "Tersusunnya rekapitulasi data program kesehatan",
            [("Jumlah laporan rekapitulasi data", 12, "laporan")],
        ),
        (
            "Terlaksananya dukungan kegiatan lapangan program kesehatan",
            [("Jumlah kegiatan lapangan yang didukung", 24, "kegiatan")],
        ),
    ],
    "school": [
        (
            "Tersedianya data pokok pendidikan yang mutakhir",
            [("Jumlah data murid dan guru yang dimutakhirkan", 360, "orang")],
        ),
        (
            "Tertibnya administrasi persuratan dan kepegawaian sekolah",
            [("Jumlah dokumen administrasi yang diselesaikan", 240, "dokumen")],
        ),
        (
            "Tersusunnya laporan penggunaan dana BOS",
            [("Jumlah laporan dana BOS", 12, "laporan")],
        ),
    ],
    "finance": [
        (
            "Tertibnya administrasi keuangan dan dokumen pertanggungjawaban",
            [("Jumlah dokumen SPJ yang diadministrasikan", 480, "dokumen")],
        ),
        (
            "Tersusunnya rekapitulasi realisasi belanja",
            [("Jumlah laporan rekapitulasi belanja", 12, "laporan")],
        ),
    ],
    "hr": [
        (
            "Terlaksananya layanan administrasi kepegawaian yang tepat waktu",
            [
                ("Jumlah usulan layanan kepegawaian yang diproses", 360, "dokumen"),
                ("Jumlah ASN yang dilayani", 240, "orang"),
            ],
        ),
        (
            "Tersedianya arsip kepegawaian yang tertata",
            [("Jumlah berkas kepegawaian yang diarsipkan", 480, "dokumen")],
        ),
        (
            "Tersusunnya laporan layanan kepegawaian",
            [("Jumlah laporan layanan", 12, "laporan")],
        ),
    ],
    "organisation": [
        (
            "Tersedianya data kelembagaan dan jabatan yang mutakhir",
            [("Jumlah data jabatan yang dimutakhirkan", 240, "dokumen")],
        ),
        (
            "Tertibnya administrasi persuratan dan rapat koordinasi",
            [
                ("Jumlah surat yang diadministrasikan", 360, "dokumen"),
                ("Jumlah rapat koordinasi yang difasilitasi", 24, "kegiatan"),
            ],
        ),
        (
            "Tersusunnya laporan kegiatan bulanan",
            [("Jumlah laporan kegiatan", 12, "laporan")],
        ),
    ],
}


def unit_field(names):
    """The field of a unit from its name and its parents' names (innermost first)."""
    text = " ".join(names).lower()
    for field, words in (
        ("finance", ("keuangan",)),
        ("health", ("kesehatan", "puskesmas")),
        ("school", ("pendidikan", "sekolah", "sd negeri")),
        ("hr", ("kepegawaian", "bkpsdm", "kompetensi", "penilaian")),
    ):
        if any(word in names[0].lower() for word in words):
            return field
    for field, words in (
        ("health", ("kesehatan", "puskesmas")),
        ("school", ("pendidikan", "sekolah", "sd negeri")),
        ("hr", ("kepegawaian", "bkpsdm")),
    ):
        if any(word in text for word in words):
            return field
    return "organisation"


def plans_for(kind, field, job_title):
    """The plans of a position: ``kind`` is leader, fungsional or pelaksana."""
    title = (job_title or "").lower()
    if kind == "leader":
        return LEADER_PLANS[field]
    keyed = JF_PLANS if kind == "fungsional" else PELAKSANA_PLANS
    for word, plans in keyed:
        if word in title:
            return plans
    if kind == "fungsional":
        for word, plans in JF_PLANS:
            if word == {"health": "perawat", "school": "guru", "finance": "keuangan"}.get(
                field, "sdm"
            ):
                return plans
    return PELAKSANA_FIELD_PLANS[field]
