// Rewrites the generated schema block of data/README.md from src/lib/domain/schema.ts.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { withSchemaDoc } from '../src/lib/domain/schemaDoc.ts';

const path = new URL('../data/README.md', import.meta.url);
const before = existsSync(path) ? readFileSync(path, 'utf8') : '# Snapshot data\n';
writeFileSync(path, withSchemaDoc(before));
console.log('data/README.md: schema section updated');
