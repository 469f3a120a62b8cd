/** Worksheet import (pure: runs in Node and in a browser Web Worker). See data/templates/README.md. */
export * from './types.ts';
export * from './reasons.ts';
export * from './text.ts';
export * from './numbers.ts';
export * from './dates.ts';
export * from './regionMatch.ts';
export * from './codes.ts';
export * from './headers.ts';
export * from './sha256.ts';
export * from './csv.ts';
export { ingestTables, rowsDropped, FILE_LEVEL_CODES, type IngestOptions } from './validate.ts';
export * from './report.ts';
export * from './notes.ts';
export * from './period.ts';
export * from './headerRow.ts';
export * from './mapping.ts';
export * from './vocabulary.ts';
