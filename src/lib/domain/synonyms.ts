/**
 * What people write in worksheets for each code of the vocabularies (causes, interventions, agencies
 * (OPD), target groups): abbreviations, common wording and spelling variants. The one source of truth
 * for the import's matcher (src/lib/ingest/vocabulary.ts), which also accepts the codes and the labels
 * of causes.ts / interventions.ts / targetGroups.ts, folds case, punctuation, spacing and diacritics,
 * ignores word order and filler words ("ibu", "anak", "yang"...), expands short forms ("tdk", "blm")
 * and tolerates small typos. Write synonyms as plain phrases; a phrase must name its code on its own
 * (it is matched as a set of words that must all be present). Negated meanings need the negation
 * ("tidak ada jamban"), so "ASI eksklusif" or "imunisasi lengkap" never match a cause. Pure.
 */

export type Vocabulary = 'cause' | 'intervention' | 'agency' | 'target_group';

export const CAUSE_SYNONYMS: Record<string, readonly string[]> = {
  asupan_gizi: ['asupan gizi kurang', 'asupan kurang', 'asupan makanan kurang', 'kurang asupan gizi', 'gizi kurang', 'kurang gizi', 'asupan tidak adekuat', 'asupan gizi tidak cukup', 'makan kurang', 'pola makan tidak baik', 'pola makan kurang', 'pola makan salah', 'kekurangan gizi', 'inadequate intake', 'poor diet'],
  kek: ['kek', 'kurang energi kronik', 'kurang energi kronis', 'kekurangan energi kronik', 'kekurangan energi kronis', 'lila kurang', 'lila rendah', 'lila < 23,5', 'chronic energy deficiency'],
  anemia: ['anemia', 'anaemia', 'anemi', 'kurang darah', 'hb rendah', 'kadar hb rendah', 'hb kurang', 'remaja putri anemia', 'anemia remaja', 'anemia remaja putri', 'anemia catin'],
  ttd_tidak_patuh: ['tidak patuh minum ttd', 'tidak patuh ttd', 'tidak minum ttd', 'ttd tidak diminum', 'ttd tidak rutin', 'tidak konsumsi ttd', 'tidak mengonsumsi ttd', 'tidak mengkonsumsi ttd', 'kepatuhan ttd rendah', 'kepatuhan minum ttd kurang', 'tidak minum tablet tambah darah', 'tidak patuh tablet tambah darah', 'tablet tambah darah tidak diminum'],
  anc_tidak_lengkap: ['anc tidak lengkap', 'anc kurang', 'anc kurang dari 6 kali', 'anc tidak teratur', 'pemeriksaan kehamilan tidak lengkap', 'periksa hamil tidak lengkap', 'pemeriksaan kehamilan kurang', 'tidak periksa kehamilan', 'tidak anc', 'k4 tidak tercapai', 'k6 tidak tercapai', 'incomplete antenatal care'],
  bblr_prematur: ['bblr', 'prematur', 'premature', 'bayi prematur', 'lahir prematur', 'berat badan lahir rendah', 'berat lahir rendah', 'bayi berat lahir rendah', 'riwayat bblr', 'lbw', 'low birth weight'],
  asi_tidak_eksklusif: ['asi tidak eksklusif', 'tidak asi eksklusif', 'tidak diberi asi eksklusif', 'tidak mendapat asi eksklusif', 'asi eksklusif tidak', 'gagal asi eksklusif', 'tidak menyusui eksklusif', 'tidak asi', 'tidak menyusui', 'asi tidak lancar', 'not exclusively breastfed'],
  mpasi_tidak_tepat: ['mpasi', 'mpasi tidak tepat', 'mpasi kurang', 'mpasi tidak sesuai', 'mpasi kurang tepat', 'mpasi dini', 'mpasi terlalu dini', 'pemberian mpasi tidak tepat', 'makanan pendamping asi tidak tepat', 'makanan pendamping asi kurang', 'complementary feeding'],
  penyakit_infeksi: ['penyakit infeksi', 'infeksi', 'infeksi berulang', 'penyakit infeksi berulang', 'sering sakit', 'diare', 'diare berulang', 'ispa', 'ispa berulang', 'tbc', 'tb paru', 'cacingan', 'kecacingan', 'recurrent infection', 'infeksi saluran pernapasan', 'infeksi saluran pernafasan', 'infeksi saluran pernapasan akut', 'pneumonia', 'campak'],
  imunisasi_tidak_lengkap: ['imunisasi tidak lengkap', 'imunisasi dasar tidak lengkap', 'tidak imunisasi', 'belum imunisasi', 'imunisasi belum lengkap', 'imunisasi dasar belum lengkap', 'tidak diimunisasi', 'idl tidak lengkap', 'incomplete immunisation'],
  tidak_dipantau: ['pertumbuhan tidak dipantau', 'tidak dipantau', 'tidak ke posyandu', 'tidak datang ke posyandu', 'jarang ke posyandu', 'tidak rutin posyandu', 'tidak ditimbang', 'tidak rutin ditimbang', 'tumbuh kembang tidak dipantau', 'growth not monitored'],
  air_minum: ['air minum tidak layak', 'air minum', 'air bersih', 'air bersih tidak layak', 'tidak ada air bersih', 'tidak akses air bersih', 'tidak akses air minum', 'akses air bersih kurang', 'akses air minum kurang', 'sumber air tidak layak', 'sumber air minum tidak layak', 'air minum tidak aman', 'air tidak layak', 'no safe drinking water', 'unsafe water'],
  sanitasi: ['sanitasi', 'jamban', 'sanitasi tidak layak', 'sanitasi buruk', 'sanitasi kurang', 'jamban tidak layak', 'jamban tidak sehat', 'tidak ada jamban', 'tidak punya jamban', 'tidak memiliki jamban', 'tidak mempunyai jamban', 'jamban tidak ada', 'babs', 'bab sembarangan', 'buang air besar sembarangan', 'lingkungan tidak sehat', 'no proper sanitation', 'poor sanitation'],
  rumah_tidak_layak: ['rumah tidak layak huni', 'rtlh', 'rumah tidak layak', 'rumah tidak sehat', 'hunian tidak layak', 'inadequate housing'],
  kemiskinan: ['kemiskinan', 'miskin', 'keluarga miskin', 'prasejahtera', 'keluarga prasejahtera', 'ekonomi rendah', 'ekonomi kurang', 'ekonomi lemah', 'faktor ekonomi', 'masalah ekonomi', 'penghasilan rendah', 'pendapatan rendah', 'tidak mampu', 'keluarga tidak mampu', 'miskin ekstrem', 'poverty', 'poor household'],
  pola_asuh: ['pola asuh', 'pola asuh kurang tepat', 'pola asuh tidak tepat', 'pola asuh kurang', 'pola asuh salah', 'pola asuh buruk', 'pola asuhan', 'pengasuhan kurang', 'pengasuhan tidak tepat', 'inadequate caregiving'],
  pengetahuan_rendah: ['pengetahuan gizi rendah', 'pengetahuan rendah', 'pengetahuan kurang', 'pengetahuan gizi kurang', 'kurang pengetahuan', 'kurang pengetahuan gizi', 'pendidikan rendah', 'pemahaman kurang', 'kurang informasi', 'low nutrition knowledge', 'kurangnya pengetahuan', 'kurangnya pengetahuan gizi', 'pengetahuan ibu kurang', 'pengetahuan orang tua kurang'],
  pernikahan_dini: ['pernikahan usia anak', 'pernikahan dini', 'nikah dini', 'menikah dini', 'kawin dini', 'perkawinan dini', 'perkawinan usia anak', 'menikah usia muda', 'nikah muda', 'kawin muda', 'early marriage', 'child marriage'],
  empat_terlalu: ['4 terlalu', '4t', 'empat terlalu', 'terlalu muda', 'terlalu tua', 'terlalu dekat', 'terlalu banyak', 'jarak kelahiran terlalu dekat', 'jarak kelahiran dekat', 'jarak kehamilan terlalu dekat', 'jarak kehamilan dekat', 'jarak lahir dekat', 'anak terlalu banyak', 'usia terlalu muda', 'usia terlalu tua', 'hamil terlalu muda', 'hamil terlalu tua', 'usia ibu < 20 tahun', 'usia ibu > 35 tahun', 'four toos', 'jarak kehamilan < 2 tahun', 'jarak kelahiran < 2 tahun', 'jarak kehamilan kurang dari 2 tahun', 'jarak kelahiran kurang dari 2 tahun'],
  tidak_kb: ['tidak ber-kb pascapersalinan', 'tidak kb', 'tidak ber kb', 'tidak ikut kb', 'tidak memakai kb', 'tidak menggunakan kb', 'tidak kb pascapersalinan', 'belum kb', 'tidak menggunakan kontrasepsi', 'tidak menggunakan alat kontrasepsi', 'tidak memakai kontrasepsi', 'tidak memakai alat kontrasepsi', 'tidak pakai kontrasepsi', 'tidak ada kontrasepsi', 'bukan akseptor kb', 'bukan peserta kb', 'unmet need', 'unmet need kb', 'no family planning'],
  asap_rokok: ['paparan asap rokok', 'asap rokok', 'perokok', 'perokok di rumah', 'ada perokok', 'merokok', 'keluarga merokok', 'suami merokok', 'ayah merokok', 'anggota keluarga merokok', 'perokok pasif', 'tobacco smoke', 'smoker'],
  tanpa_jaminan_kesehatan: ['tanpa jaminan kesehatan', 'tidak punya jaminan kesehatan', 'tidak ada jaminan kesehatan', 'tidak punya bpjs', 'tidak ada bpjs', 'tidak memiliki bpjs', 'belum punya bpjs', 'tidak punya jkn', 'tidak memiliki jkn', 'belum jkn', 'tidak ada jkn', 'bpjs tidak aktif', 'jkn tidak aktif', 'no health insurance']
};

export const INTERVENTION_SYNONYMS: Record<string, readonly string[]> = {
  pmt_ibu: ['pmt ibu', 'pmt ibu hamil', 'pmt bumil', 'pmt bumil kek', 'pmt ibu hamil kek', 'pmt kek', 'pmt catin', 'pmt ibu nifas', 'makanan tambahan ibu hamil', 'pemberian makanan tambahan ibu hamil', 'pemberian makanan tambahan bumil'],
  ttd: ['ttd', 'tablet tambah darah', 'pemberian ttd', 'pemberian tablet tambah darah', 'tablet fe', 'fe', 'suplementasi ttd', 'pemantauan ttd', 'pendampingan minum ttd'],
  pmt_balita: ['pmt balita', 'pmt baduta', 'pmt anak', 'pmt pemulihan', 'pmt pemulihan balita', 'pmt lokal balita', 'makanan tambahan balita', 'pemberian makanan tambahan balita', 'pemberian makanan tambahan anak'],
  tata_laksana_gizi: ['tata laksana gizi', 'tatalaksana gizi', 'tatalaksana gizi buruk', 'tata laksana gizi buruk', 'rujukan', 'rujuk', 'dirujuk', 'rujuk ke rs', 'rujukan dokter anak', 'rujukan ke rsud', 'penanganan gizi buruk', 'pkmk', 'pemberian pkmk', 'f75', 'f100', 'rujuk ke dokter spesialis anak', 'rujukan dokter spesialis anak', 'rujuk ke dokter anak', 'rujuk dsa', 'rujukan ke dokter spesialis anak'],
  konseling_asi_mpasi: ['konseling asi', 'konseling mpasi', 'konseling asi mpasi', 'konseling pmba', 'pmba', 'edukasi mpasi', 'edukasi asi', 'konseling menyusui', 'kelas mpasi', 'demo mpasi'],
  imunisasi_kejar: ['imunisasi kejar', 'imunisasi', 'imunisasi susulan', 'imunisasi lengkap', 'kejar imunisasi', 'melengkapi imunisasi', 'imunisasi dasar lengkap'],
  pemantauan_tumbuh: ['pemantauan pertumbuhan', 'pemantauan tumbuh kembang', 'penimbangan rutin', 'posyandu rutin', 'timbang rutin', 'rutin ke posyandu', 'pemantauan di posyandu', 'sdidtk', 'monitoring pertumbuhan', 'monitoring tumbuh kembang', 'pemantauan pertumbuhan di posyandu', 'pemantauan berat badan'],
  pengobatan_infeksi: ['pengobatan infeksi', 'pengobatan penyakit infeksi', 'pengobatan', 'pengobatan tbc', 'pengobatan diare', 'pengobatan ispa', 'obat cacing', 'pemberian obat cacing'],
  anc_terpadu: ['anc terpadu', 'anc', 'pemeriksaan kehamilan', 'pemeriksaan kehamilan terpadu', 'anc lengkap', 'anc 6 kali', 'kelas ibu hamil', 'pemeriksaan anc'],
  air_minum_layak: ['air minum layak', 'sambungan air minum', 'sambungan air bersih', 'sambungan pdam', 'pemasangan pdam', 'sambungan rumah pdam', 'bantuan air bersih', 'sumur bor', 'penyediaan air bersih', 'akses air minum', 'spam', 'pamsimas'],
  jamban_sehat: ['jamban sehat', 'jamban', 'bantuan jamban', 'bantuan jamban sehat', 'pembangunan jamban', 'jamban keluarga', 'septic tank', 'septik tank', 'tangki septik', 'stbm', 'sanitasi'],
  bedah_rumah: ['bedah rumah', 'rtlh', 'rehab rtlh', 'rehabilitasi rumah', 'perbaikan rumah', 'rumah layak huni', 'bantuan rtlh', 'bantuan rumah'],
  bansos: ['bansos', 'bantuan sosial', 'pkh', 'program keluarga harapan', 'bpnt', 'sembako', 'bantuan sembako', 'blt', 'bantuan pangan', 'bantuan pangan non tunai'],
  jkn_pbi: ['jkn pbi', 'jkn', 'pbi', 'bpjs pbi', 'bpjs', 'kis', 'pendaftaran jkn', 'pendaftaran bpjs', 'kartu indonesia sehat', 'jamkesda', 'bpjs kesehatan'],
  baas: ['baas', 'bapak asuh', 'bapak asuh anak stunting', 'orang tua asuh', 'dukungan baas', 'bantuan baas'],
  kb_pascapersalinan: ['kb pascapersalinan', 'kb pasca salin', 'kbpp', 'kb', 'pelayanan kb', 'kb mkjp', 'mkjp', 'pemasangan iud', 'iud', 'implan', 'kontrasepsi'],
  pendampingan_catin: ['pendampingan catin', 'pendampingan calon pengantin', 'bimbingan perkawinan', 'bimwin', 'konseling catin', 'penundaan kehamilan', 'tunda kehamilan', 'elsimil', 'pendewasaan usia perkawinan', 'pup'],
  pendampingan_tpk: ['pendampingan tpk', 'pendampingan keluarga', 'pendampingan keluarga tpk', 'pendampingan oleh tpk', 'tpk', 'kunjungan tpk', 'kunjungan rumah tpk', 'pendampingan keluarga berisiko stunting', 'pendampingan krs'],
  kie_pola_asuh: ['kie pola asuh', 'kie', 'bkb', 'bina keluarga balita', 'kelas bkb', 'edukasi pola asuh', 'penyuluhan pola asuh', 'parenting', 'edukasi gizi', 'penyuluhan gizi', 'konseling gizi']
};

export const AGENCY_SYNONYMS: Record<string, readonly string[]> = {
  dinkes: ['dinkes', 'dinas kesehatan', 'kesehatan', 'puskesmas', 'pkm', 'rsud', 'rumah sakit', 'dinas kesehatan puskesmas', 'dinkes puskesmas', 'bidan desa', 'tenaga kesehatan', 'nakes', 'health office'],
  dppkb: ['dppkb', 'dinas ppkb', 'ppkb', 'dinas kb', 'dinas pengendalian penduduk dan keluarga berencana', 'pengendalian penduduk dan kb', 'dalduk kb', 'dinas dalduk kb', 'disdalduk kb', 'dinas p2kb', 'p2kb', 'tpk', 'tim pendamping keluarga', 'pkb', 'plkb', 'penyuluh kb', 'kb', 'family planning office'],
  pupr: ['pupr', 'dinas pupr', 'dpupr', 'dinas pu', 'pu', 'pekerjaan umum', 'dinas pekerjaan umum', 'dinas pekerjaan umum dan penataan ruang', 'pdam', 'perumda air minum', 'perumdam', 'public works'],
  perkim: ['perkim', 'dinas perkim', 'disperkim', 'dperkim', 'dprkp', 'dinas perumahan', 'perumahan', 'dinas perumahan dan kawasan permukiman', 'perumahan dan permukiman', 'dinas perumahan rakyat', 'housing'],
  dinsos: ['dinsos', 'dinas sosial', 'sosial', 'pendamping pkh', 'tksk', 'social affairs'],
  dpmd: ['dpmd', 'dinas pmd', 'pmd', 'dpmpd', 'dispmd', 'dinas pemberdayaan masyarakat desa', 'dinas pemberdayaan masyarakat dan desa', 'pemerintah desa', 'pemdes', 'desa', 'kepala desa', 'dana desa', 'village government'],
  kemenag: ['kemenag', 'kua', 'kementerian agama', 'kantor kementerian agama', 'kantor urusan agama', 'religious affairs'],
  baas: ['baas', 'bapak asuh', 'bapak asuh anak stunting', 'orang tua asuh', 'foster parents']
};

export const TARGET_GROUP_SYNONYMS: Record<string, readonly string[]> = {
  catin: ['catin', 'calon pengantin', 'calon pengantin wanita', 'calon pengantin perempuan', 'catin perempuan', 'catin wanita', 'wus catin', 'bride to be'],
  bumil: ['bumil', 'ibu hamil', 'hamil', 'ibu hamil bumil', 'pregnant', 'pregnant woman'],
  nifas: ['nifas', 'ibu nifas', 'ibu pasca salin', 'pascasalin', 'pascapersalinan', 'ibu pascapersalinan', 'ibu menyusui', 'busui', 'bufas', 'post partum', 'postpartum'],
  baduta: ['baduta', 'bawah dua tahun', 'anak baduta', 'bayi', 'bayi baduta', 'under two'],
  balita: ['balita', 'bawah lima tahun', 'anak balita', 'under five']
};

/**
 * Agency spellings that follow a pattern rather than a list: the KB office is named after the
 * affairs it merges, in any order (DP3AKB, DPPKB, DP2KB, DPPKBP3A, DP3AP2KB, DPPKBPPPA...). Matched on
 * the folded key (letters and digits only). A bare DP3A (women and children, no KB) is not the KB office.
 */
export const AGENCY_PATTERNS: readonly [RegExp, string][] = [[/^(dinas)?d[pa23]*kb[pa23]*$/, 'dppkb']];

export const SYNONYMS: Record<Vocabulary, Record<string, readonly string[]>> = {
  cause: CAUSE_SYNONYMS,
  intervention: INTERVENTION_SYNONYMS,
  agency: AGENCY_SYNONYMS,
  target_group: TARGET_GROUP_SYNONYMS
};
