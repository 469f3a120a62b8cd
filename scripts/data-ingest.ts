/**
 * npm run data:ingest -- FILE... [--out data/snapshots/<name>] [--name imported] [--report path.csv]
 *                                [--lang en|id] [--salt SECRET] [--period 2023-1] [--mapping map.json]
 *                                [--publish [--publish-dir static/data]] [--force]
 * Imports filled AKS worksheets (CSV, XLSX or Parquet, see data/templates/README.md) into a snapshot.
 * --period: the period of rows that have none (no Tahun/Semester, none in the title, no date).
 * --mapping: which template column each unrecognised column of the files holds (src/lib/ingest/mapping.ts).
 * The snapshot is written atomically (a killed run leaves the previous one); without --force, a
 * snapshot with no cases or fewer cases than the one in --out (or the published one) is refused.
 * Exit codes: 0 snapshot written (even with rejected values); 1 bad usage or no usable file at all;
 * 2 snapshot written but some file was unreadable, empty or of an unknown format; 3 refused (no cases
 * or fewer cases than the snapshot it would replace): the previous snapshot and publication are kept.
 */
import { writeFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ingestFilesToSnapshot } from '../src/lib/snapshot/ingestSnapshot.ts';
import { reportCsv, summaryLines, issueReason } from '../src/lib/ingest/report.ts';
import { FILE_LEVEL_CODES, type IngestOptions } from '../src/lib/ingest/validate.ts';
import { parsePeriodOption } from '../src/lib/ingest/period.ts';
import { mappingProblems, type ColumnMapping } from '../src/lib/ingest/mapping.ts';

/** --period and --mapping as ingest options; throws with a plain message. */
export function ingestOptions(opts: Record<string, string | boolean>): Pick<IngestOptions, 'period' | 'mapping'> {
  const out: Pick<IngestOptions, 'period' | 'mapping'> = {};
  if (typeof opts.period === 'string') {
    const p = parsePeriodOption(opts.period);
    if (!p) throw new Error(`--period ${opts.period}: write the year and semester, e.g. 2023-1 or 2023-2`);
    out.period = p;
  }
  if (typeof opts.mapping === 'string') {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(opts.mapping, 'utf8'));
    } catch (e) {
      throw new Error(`--mapping ${opts.mapping}: not a readable JSON file (${(e as Error).message})`);
    }
    const problems = mappingProblems(json);
    if (problems.length) throw new Error(`--mapping ${opts.mapping}: ${problems.join('; ')}`);
    out.mapping = json as ColumnMapping;
  }
  return out;
}
import { publishSnapshot } from '../src/lib/snapshot/publish.ts';
import { SnapshotRefused } from '../src/lib/snapshot/safeWrite.ts';

function parseArgs(argv: string[]) {
  const files: string[] = [];
  const opts: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--publish' || a === '--force' || a === '--help' || a === '-h') opts[a.replace(/^-+/, '')] = true;
    else if (a.startsWith('--')) {
      const [k, v] = a.includes('=') ? a.slice(2).split(/=(.*)/s) : [a.slice(2), argv[++i]];
      if (v === undefined) throw new Error(`${a} needs a value`);
      opts[k] = v;
    } else files.push(a);
  }
  return { files, opts };
}

async function main(): Promise<number> {
  const { files, opts } = parseArgs(process.argv.slice(2));
  if (opts.help || files.length === 0) {
    console.error('usage: npm run data:ingest -- FILE... [--out DIR] [--name NAME] [--report rejects.csv] [--lang en|id] [--salt SECRET] [--period 2023-1] [--mapping map.json] [--publish [--publish-dir DIR]] [--force]');
    return files.length === 0 && !opts.help ? 1 : 0;
  }
  const missing = files.filter((f) => !existsSync(f));
  const present = files.filter((f) => existsSync(f));
  for (const f of missing) console.error(`error: ${f}: file not found`);
  const name = String(opts.name ?? 'imported');
  const outDir = resolve(String(opts.out ?? join('data', 'snapshots', name)));
  const lang = opts.lang === 'id' ? 'id' : 'en';
  const salt = typeof opts.salt === 'string' ? opts.salt : (process.env.AKS_INGEST_SALT ?? '');
  if (!salt) console.warn('warning: no --salt (or AKS_INGEST_SALT): short worksheet ids can be found again from their pseudonyms');
  const options = ingestOptions(opts);
  let run;
  try {
    run = await ingestFilesToSnapshot(present, outDir, { name }, { salt, ...options }, { force: !!opts.force });
  } catch (e) {
    if (!(e instanceof SnapshotRefused)) throw e;
    console.error(`error: ${e.message}`);
    return 3;
  }
  const { result, manifest } = run;

  for (const line of summaryLines(result)) console.log(line);
  const fileErrors = result.issues.filter((i) => FILE_LEVEL_CODES.has(i.code));
  for (const i of fileErrors) console.error(`error: ${i.file}${i.sheet ? ` [${i.sheet}]` : ''}${i.column ? ` column "${i.column}"` : ''}: ${issueReason(i, lang)}`);

  // The report goes beside the snapshot; with no snapshot, only where --report asks for it.
  if (manifest || opts.report) {
    const reportPath = resolve(String(opts.report ?? join(outDir, 'rejects.csv')));
    mkdirSync(dirname(reportPath), { recursive: true });
    writeFileSync(reportPath, reportCsv(result.issues, lang));
    console.log(`Rejects report: ${reportPath} (${result.issues.length} entries)`);
  }
  if (!manifest) {
    console.error('error: no usable worksheet: no snapshot written');
    return 1;
  }
  console.log(`Snapshot: ${outDir} (version ${manifest.version})`);

  if (opts.publish) {
    try {
      const r = publishSnapshot(outDir, String(opts['publish-dir'] ?? 'static/data'), { force: !!opts.force });
      console.log(`Published: ${r.file} (current.json -> ${r.url})${r.removed.length ? `, removed ${r.removed.join(', ')}` : ''}`);
    } catch (e) {
      if (!(e instanceof SnapshotRefused)) throw e;
      console.error(`error: --publish: ${e.message}`);
      return 3;
    }
  }
  return missing.length > 0 || fileErrors.length > 0 ? 2 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(`error: ${(e as Error).message}`);
      process.exit(1);
    }
  );
}
