/**
 * Writes the worksheet templates and the example worksheet from the definitions below:
 *   npx tsx data/templates/generate.ts
 * Headers come from src/lib/ingest/headers.ts (FIELDS), so the template always matches the importer.
 * The example CSVs use ";" and decimal commas, as Excel in an Indonesian locale saves them; the
 * example .xlsx stores real numbers and dates.
 */
import writeXlsxFile from 'write-excel-file/node';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FIELDS } from '../../src/lib/ingest/headers.ts';
import type { SheetKind } from '../../src/lib/ingest/types.ts';

const DIR = fileURLToPath(new URL('./', import.meta.url));
const KINDS: SheetKind[] = ['kasus', 'rekomendasi', 'kalender'];
const headers = (k: SheetKind) => FIELDS[k].map((f) => f.header);

/** Example rows in the template's column order (text as an officer would type it). */
export const EXAMPLE: Record<SheetKind, string[][]> = {
  kasus: [
    ['CJR-001', 'Kabupaten Cianjur', '2023', '1', 'Baduta', 'e-PPGBM', '15/03/2023', '', '', '14', 'L', '-2,45', '-1,10', '2.350', '', '', 'tidak', 'tidak', 'ya', 'ya', 'ya', 'ya', 'BBLR / prematur', 'sanitasi; asap_rokok'],
    ['CJR-002', 'Kabupaten Cianjur', '2023', '1', 'Ibu hamil', 'Elsimil', '15/03/2023', '17', '2', '', '', '', '', '', '22,5', '10,2', 'tidak', 'tidak', 'tidak', 'ya', 'ya', 'tidak', 'KEK', 'anemia; pernikahan_dini'],
    ['CJR-003', 'Kabupaten Cianjur', '2023', '1', 'balita', 'PK', '16/03/2023', '', '', '38', 'P', '-3,20', '-0,80', '2.900', '', '', 'ya', 'ya', 'ya', 'tidak', 'ya', 'ya', 'Asupan gizi kurang', 'penyakit_infeksi; kemiskinan'],
    ['CJR-004', 'Kabupaten Cianjur', '2023', '1', 'catin', 'Elsimil', '16/03/2023', '19', '', '', '', '', '', '', '23,0', '11,8', '', '', 'tidak', 'tidak', 'tidak', 'tidak', 'Pernikahan usia anak', 'kek'],
    ['KDI-001', 'Kota Kendari', '2023', '1', 'nifas', 'posyandu', '20/04/2023', '36', '', '', '', '', '', '2.400', '24,1', '10,6', 'ya', 'ya', 'tidak', 'tidak', 'ya', 'tidak', 'ASI tidak eksklusif', 'empat_terlalu; tidak_kb']
  ],
  rekomendasi: [
    ['CJR-001', 'Kabupaten Cianjur', 'Tata laksana gizi & rujukan', 'Dinas Kesehatan', 'bblr_prematur', 'Ditindaklanjuti', '15/03/2023', '29/03/2023', '22/03/2023', '20/04/2023'],
    ['CJR-001', 'Kabupaten Cianjur', 'jamban_sehat', 'perkim', 'sanitasi', 'Direncanakan', '15/03/2023', '13/06/2023', '', ''],
    ['CJR-002', 'Kabupaten Cianjur', 'pmt_ibu', 'dinkes', 'kek', 'Diberikan', '15/03/2023', '14/04/2023', '01/04/2023', ''],
    ['CJR-002', 'Kabupaten Cianjur', 'ttd', 'dinkes', 'anemia', 'Diberikan', '15/03/2023', '', '20/03/2023', ''],
    ['CJR-003', 'Kabupaten Cianjur', 'PMT balita', '', 'asupan_gizi', 'followed_up', '16/03/2023', '15/04/2023', '25/03/2023', '25/04/2023'],
    ['CJR-003', 'Kabupaten Cianjur', 'bansos', 'Dinas Sosial', 'kemiskinan', 'planned', '16/03/2023', '15/05/2023', '', ''],
    ['CJR-004', 'Kabupaten Cianjur', 'pendampingan_catin', 'KUA', 'pernikahan_dini', 'delivered', '16/03/2023', '15/05/2023', '10/04/2023', ''],
    ['KDI-001', 'Kota Kendari', 'KB pascapersalinan', 'dppkb', 'empat_terlalu', 'followed_up', '20/04/2023', '01/06/2023', '05/05/2023', '05/06/2023']
  ],
  kalender: [
    ['Kabupaten Cianjur', '2023', '1', 'tim', '31/01/2023', '25/01/2023'],
    ['Kabupaten Cianjur', '2023', '1', 'seleksi', '15/03/2023', '10/03/2023'],
    ['Kabupaten Cianjur', '2023', '1', 'Kajian tim pakar', '30/04/2023', '16/03/2023'],
    ['Kabupaten Cianjur', '2023', '1', 'diseminasi', '15/06/2023', ''],
    ['Kota Kendari', '2023', '1', 'tim', '15/02/2023', '18/02/2023'],
    ['Kota Kendari', '2023', '1', 'seleksi', '31/03/2023', '']
  ]
};

const csvCell = (s: string) => (/[;"\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const csv = (rows: string[][]) => rows.map((r) => r.map(csvCell).join(';')).join('\r\n') + '\r\n';

/** Text -> the cell type Excel would store: dates as Dates, decimal-comma and plain numbers as numbers. */
function xlsxCell(s: string): unknown {
  if (s === '') return null;
  const d = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
  if (d) return { value: new Date(Date.UTC(+d[3], +d[2] - 1, +d[1])), format: 'dd/mm/yyyy' };
  if (/^-?\d+(,\d+)?$/.test(s) && !/^0\d/.test(s)) return Number(s.replace(',', '.'));
  if (/^\d\.\d{3}$/.test(s)) return Number(s.replace('.', ''));
  return s;
}

const PETUNJUK = [
  ['Petunjuk pengisian / How to fill in'],
  ['Satu baris per kasus (lembar kasus), per rekomendasi (lembar rekomendasi), per tahap (lembar kalender).'],
  ['Jangan menulis nama, NIK, alamat atau tanggal lahir: kolom seperti itu tidak akan dimuat.'],
  ['Kode dan label: lihat data/templates/README.md.']
];

async function main() {
  for (const k of KINDS) {
    writeFileSync(`${DIR}aks-worksheet-template-${k}.csv`, csv([headers(k)]));
    writeFileSync(`${DIR}aks-worksheet-example-${k}.csv`, csv([headers(k), ...EXAMPLE[k]]));
  }
  const sheet = (name: string, data: unknown[][]) => ({ sheet: name, data: data as never, stickyRowsCount: 1 });
  await writeXlsxFile([sheet('petunjuk', PETUNJUK), ...KINDS.map((k) => sheet(k, [headers(k)]))]).toFile(`${DIR}aks-worksheet-template.xlsx`);
  await writeXlsxFile([sheet('petunjuk', PETUNJUK), ...KINDS.map((k) => sheet(k, [headers(k), ...EXAMPLE[k].map((r) => r.map(xlsxCell))]))]).toFile(
    `${DIR}aks-worksheet-example.xlsx`
  );
  console.log(`written to ${DIR}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
