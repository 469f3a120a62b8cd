import { describe, expect, it } from 'vitest';
import { parseInteger, parseNumber } from './numbers.ts';
import { fromExcelSerial, parseDate } from './dates.ts';
import { cellText, normKey } from './text.ts';
import { parseFlag, parseSemester, lookupAgency, lookupCause, lookupIntervention, lookupStage, lookupStatus, lookupTargetGroup } from './codes.ts';
import { detectDelimiter, looksLikeCsv, parseCsvText } from './csv.ts';
import { safeCell, reportCsv } from './report.ts';
import { pseudonymCaseId, sha256Hex } from './sha256.ts';

describe('numbers', () => {
  it('reads decimal commas, dots and the minus sign', () => {
    expect(parseNumber('-2,31')).toEqual({ ok: true, value: -2.31 });
    expect(parseNumber('-2.31')).toEqual({ ok: true, value: -2.31 });
    expect(parseNumber('\u22122,5')).toEqual({ ok: true, value: -2.5 });
    expect(parseNumber(' 21,5 ')).toEqual({ ok: true, value: 21.5 });
    expect(parseNumber(3)).toEqual({ ok: true, value: 3 });
    expect(parseNumber('1.234,5')).toEqual({ ok: true, value: 1234.5 });
    expect(parseNumber('1,234.5')).toEqual({ ok: true, value: 1234.5 });
  });
  it('reads thousands separators only where the field is a grouped whole quantity', () => {
    expect(parseNumber('2.450', { grouped: true })).toEqual({ ok: true, value: 2450 });
    expect(parseNumber('2,450', { grouped: true })).toEqual({ ok: true, value: 2450 });
    expect(parseNumber('2 450', { grouped: true })).toEqual({ ok: true, value: 2450 });
    expect(parseNumber('2.450')).toEqual({ ok: true, value: 2.45 });
  });
  it('rejects text and formulas', () => {
    for (const v of ['abc', '=1+1', '', '1,2,3', '2..4', null, true]) expect(parseNumber(v).ok).toBe(false);
    expect(parseInteger('24.5').ok).toBe(false);
    expect(parseInteger('24,0')).toEqual({ ok: true, value: 24 });
  });
});

describe('dates', () => {
  it('reads the forms officers type, all as ISO', () => {
    for (const v of ['23/05/2023', '2023-05-23', '23-05-2023', '23.05.2023', '23 Mei 2023', '23 May 2023', '23-Mei-2023', '23 mei 2023', '2023-05-23T00:00:00.000Z']) {
      expect(parseDate(v), v).toEqual({ ok: true, value: '2023-05-23' });
    }
    expect(parseDate('1 Agustus 2023')).toEqual({ ok: true, value: '2023-08-01' });
    expect(parseDate('5 Okt 2023')).toEqual({ ok: true, value: '2023-10-05' });
  });
  it('reads Excel serials and Date objects', () => {
    expect(fromExcelSerial(45069)).toEqual({ ok: true, value: '2023-05-23' });
    expect(parseDate(45069)).toEqual({ ok: true, value: '2023-05-23' });
    expect(parseDate('45069')).toEqual({ ok: true, value: '2023-05-23' });
    expect(parseDate(new Date(Date.UTC(2023, 4, 23)))).toEqual({ ok: true, value: '2023-05-23' });
  });
  it('rejects impossible, month-first, two-digit-year and out-of-range dates', () => {
    for (const v of ['31/02/2023', '29/02/2023', '05/23/2023', '23/05/23', '32/01/2023', '23 Foo 2023', 'kemarin', '1899-12-31', 5]) {
      expect(parseDate(v).ok, String(v)).toBe(false);
    }
    expect(parseDate('29/02/2024')).toEqual({ ok: true, value: '2024-02-29' });
  });
});

describe('text, codes and flags', () => {
  it('normalises headers', () => {
    expect(normKey('TB/U (z)')).toBe('tbuz');
    expect(normKey(' Kab/Kota ')).toBe('kabkota');
    expect(normKey('kabupaten_kota')).toBe('kabupatenkota');
    expect(cellText(new Date(Date.UTC(2023, 0, 2)))).toBe('2023-01-02');
  });
  it('maps codes, Indonesian and English labels case-insensitively', () => {
    expect(lookupTargetGroup('Ibu hamil')).toBe('bumil');
    expect(lookupTargetGroup('PREGNANT WOMAN')).toBe('bumil');
    expect(lookupTargetGroup('baduta')).toBe('baduta');
    expect(lookupCause('BBLR / prematur')).toBe('bblr_prematur');
    expect(lookupCause('Chronic energy deficiency')).toBe('kek');
    expect(lookupIntervention('Tata laksana gizi & rujukan')).toBe('tata_laksana_gizi');
    expect(lookupIntervention('Catch-up immunisation')).toBe('imunisasi_kejar');
    expect(lookupAgency('Dinas Kesehatan')).toBe('dinkes');
    expect(lookupAgency('Puskesmas')).toBe('dinkes');
    expect(lookupStatus('Ditindaklanjuti')).toBe('followed_up');
    expect(lookupStatus('Followed up')).toBe('followed_up');
    expect(lookupStage('Kajian tim pakar')).toBe('kajian');
    expect(lookupStage('3')).toBeNull();
    expect(lookupCause('nonsense')).toBeNull();
  });
  it('reads ya/tidak flags and semesters', () => {
    expect([parseFlag('Ya'), parseFlag('tidak'), parseFlag(true), parseFlag(0), parseFlag('mungkin')]).toEqual([true, false, true, false, null]);
    expect([parseSemester('I'), parseSemester('Semester II'), parseSemester(2), parseSemester('3'), parseSemester('10')]).toEqual([1, 2, 2, null, null]);
  });
});

describe('csv', () => {
  it('takes the delimiter from the header line, not from decimal commas', () => {
    expect(detectDelimiter('a;b;c\n1;-2,31;"x;y"')).toBe(';');
    expect(parseCsvText('\uFEFFa;b;c\r\n1;-2,31;"x;y"\r\n\r\n')).toEqual([['a', 'b', 'c'], ['1', '-2,31', 'x;y']]);
  });
  it('looks past a title block for the delimiter: a title of one cell, or with a comma, decides nothing', () => {
    expect(detectDelimiter('AUDIT KASUS STUNTING\nKabupaten Sumedang, Semester II Tahun 2024\n\nNo;Kode Kasus;Sasaran\n1;A;Baduta')).toBe(';');
    expect(detectDelimiter('DATA HASIL AUDIT KASUS STUNTING\n\nNo,Kode Kasus,Sasaran,Penyebab lain\n1,A,Baduta,KEK; anemia')).toBe(',');
    expect(looksLikeCsv('DATA HASIL AUDIT\nKOTA BANDUNG\n\nNo,Kode Kasus\n1,A')).toBe(true);
    expect(looksLikeCsv('just a note\nwithout any table')).toBe(false);
  });
});

describe('report', () => {
  it('neutralises formula injection in text but not in numbers', () => {
    expect(safeCell('=1+1')).toBe("'=1+1");
    expect(safeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeCell('+62 812')).toBe("'+62 812");
    expect(safeCell('-2.31')).toBe('-2.31');
    expect(safeCell('-2,31')).toBe('-2,31');
    expect(reportCsv([{ file: 'a.csv', row: 3, column: 'HAZ', value: '=1+1', code: 'invalid_number' }])).toBe(
      "file,sheet,row,column,value,reason\r\na.csv,,3,HAZ,'=1+1,not a number\r\n"
    );
  });
});

describe('sha256 / pseudonym', () => {
  it('matches the FIPS test vectors', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    expect(sha256Hex('a'.repeat(1000))).toBe('41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3');
  });
  it('gives a stable W-prefixed id per regency and worksheet id', () => {
    const id = pseudonymCaseId('32.03', 'A1');
    expect(id).toMatch(/^W[0-9a-f]{12}$/);
    expect(pseudonymCaseId('32.03', ' A1 ')).toBe(id);
    expect(pseudonymCaseId('32.04', 'A1')).not.toBe(id);
    expect(pseudonymCaseId('32.03', 'A1', 'secret')).not.toBe(id);
  });
});
