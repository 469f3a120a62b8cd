import { describe, expect, it } from 'vitest';
import { CAUSES } from '../domain/causes.ts';
import { AGENCIES, INTERVENTIONS } from '../domain/interventions.ts';
import { TARGET_GROUPS } from '../domain/targetGroups.ts';
import { SYNONYMS } from '../domain/synonyms.ts';
import { matchVocabulary, splitCauses, type Vocabulary } from './vocabulary.ts';

const code = (v: Vocabulary, t: string) => {
  const m = matchVocabulary(v, t);
  return m.ok ? m.code : null;
};

describe('vocabulary matcher', () => {
  it('every synonym, code and label of the domain maps back to its own code', () => {
    const lists: [Vocabulary, readonly { code: string; label: { id: string; en: string } }[]][] = [
      ['cause', CAUSES], ['intervention', INTERVENTIONS], ['agency', AGENCIES], ['target_group', TARGET_GROUPS]
    ];
    for (const [v, items] of lists) {
      for (const it of items) for (const t of [it.code, it.label.id, it.label.en]) expect(code(v, t), `${v} ${t}`).toBe(it.code);
      for (const [c, words] of Object.entries(SYNONYMS[v])) for (const w of words) expect(code(v, w), `${v} "${w}"`).toBe(c);
    }
  });

  it('reads causes as people write them: abbreviations, parentheses, word order, short forms, filler words, typos', () => {
    const cases: [string, string][] = [
      ['Kurang energi kronis (KEK)', 'kek'], ['KEK', 'kek'], ['ibu hamil KEK', 'kek'], ['kurang enrgi kronik', 'kek'],
      ['Jarak kelahiran terlalu dekat', 'empat_terlalu'], ['Jarak kelahiran terlalu dekat (< 2 tahun)', 'empat_terlalu'], ['terlalu muda', 'empat_terlalu'], ['4T', 'empat_terlalu'],
      ['Tdk ASI eksklusif', 'asi_tidak_eksklusif'], ['ASI tidak ekslusif', 'asi_tidak_eksklusif'], ['MP-ASI tidak tepat', 'mpasi_tidak_tepat'], ['MPASI kurang', 'mpasi_tidak_tepat'],
      ['Imunisasi dasar tdk lengkap', 'imunisasi_tidak_lengkap'], ['BBLR / Prematur', 'bblr_prematur'], ['Berat badan lahir rendah (BBLR)', 'bblr_prematur'],
      ['Jamban', 'sanitasi'], ['Jamban tidak sehat', 'sanitasi'], ['tidak ada jamban', 'sanitasi'], ['JAMBAN  TIDAK   LAYAK', 'sanitasi'],
      ['Anemia ringan', 'anemia'], ['anemi', 'anemia'], ['Tidak minum TTD', 'ttd_tidak_patuh'], ['Keluarga pra-sejahtera', 'kemiskinan'],
      ['Pola asuhan kurang', 'pola_asuh'], ['Perokok dalam rumah', 'asap_rokok'], ['Tidak punya BPJS', 'tanpa_jaminan_kesehatan'], ['Rumah tidak layak huni (RTLH)', 'rumah_tidak_layak'],
      ['Pemeriksaan kehamilan tidak lengkap', 'anc_tidak_lengkap'], ['Diare berulang', 'penyakit_infeksi'], ['Kawin muda', 'pernikahan_dini'], ['Pënyakit infeksi', 'penyakit_infeksi']
    ];
    for (const [t, c] of cases) expect(code('cause', t), t).toBe(c);
  });

  it('names a cause by several of its own synonyms together, and the everyday words for not using contraception', () => {
    for (const [t, c] of [['Sering sakit diare dan ISPA', 'penyakit_infeksi'], ['Diare, ISPA berulang', 'penyakit_infeksi'], ['Tidak menggunakan alat kontrasepsi', 'tidak_kb'], ['Bukan akseptor KB', 'tidak_kb']] as const) {
      expect(code('cause', t), t).toBe(c);
    }
    // two codes are still two causes, and a word of no cause still counts against the match
    expect(code('cause', 'Diare dan KEK')).toBeNull();
    expect(code('cause', 'Diare karena jantung bawaan dan kelainan genetik')).toBeNull();
  });

  it('never maps a negated, positive, ambiguous or unrelated wording to a cause', () => {
    for (const t of ['Bukan KEK', 'tidak anemia', 'ASI eksklusif', 'Imunisasi lengkap', 'ANC lengkap', 'Jamban sehat', 'Penyakit jantung bawaan', 'gizi buruk', 'Ibu', 'KEK dan anemia', 'Anemia karena tidak minum TTD']) {
      expect(code('cause', t), t).toBeNull();
    }
    expect(matchVocabulary('cause', 'KEK dan anemia')).toEqual({ ok: false, candidates: ['anemia', 'kek'], ambiguous: true });
    expect(matchVocabulary('cause', 'ASI eksklusif')).toEqual({ ok: false, candidates: ['asi_tidak_eksklusif'], ambiguous: false });
  });

  it('reads agencies (OPD) in their many local names, and interventions and target groups', () => {
    for (const t of ['DP3AKB', 'DPPKB', 'DP2KB', 'DPPKBP3A', 'DP3AP2KB', 'Dinas PPKB', 'Dinas Pengendalian Penduduk dan Keluarga Berencana']) expect(code('agency', t), t).toBe('dppkb');
    expect(code('agency', 'DP3A')).toBeNull(); // women & children office without KB
    expect(code('agency', 'UPTD Puskesmas Cibeber')).toBe('dinkes');
    expect(code('agency', 'Dinas Kesehatan Kab. Cianjur')).toBe('dinkes');
    expect(code('agency', 'Kemenag/KUA')).toBe('kemenag');
    expect(code('agency', 'KUA Kec. Cibeber')).toBe('kemenag');
    expect(code('agency', 'Dinsos')).toBe('dinsos');
    expect(code('agency', 'Dinas PUPR')).toBe('pupr');
    expect(code('intervention', 'PMT Bumil KEK')).toBe('pmt_ibu');
    expect(code('intervention', 'PMT balita')).toBe('pmt_balita');
    expect(code('intervention', 'PMT')).toBeNull(); // mother or child: not guessed
    expect(code('intervention', 'Pemberian TTD')).toBe('ttd');
    expect(code('intervention', 'Bantuan jamban sehat')).toBe('jamban_sehat');
    expect(code('target_group', 'Ibu Hamil (Bumil)')).toBe('bumil');
    expect(code('target_group', 'Baduta (0-23 bln)')).toBe('baduta');
    expect(code('target_group', 'Ibu menyusui')).toBe('nifas');
    expect(code('target_group', 'Ibu')).toBeNull();
  });

  it('splits other causes at ";", lines, and commas / "dan" outside parentheses', () => {
    const known = (t: string) => matchVocabulary('cause', t).ok;
    expect(splitCauses('Anemia, Jarak kelahiran terlalu dekat', known)).toEqual(['Anemia', 'Jarak kelahiran terlalu dekat']);
    expect(splitCauses('4 Terlalu (tua, dekat, banyak); BBLR / prematur', known)).toEqual(['4 Terlalu (tua, dekat, banyak)', 'BBLR / prematur']);
    expect(splitCauses('1. KEK\n2. anemia dan diare', known)).toEqual(['KEK', 'anemia', 'diare']);
  });
});
