import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { renderSchemaDoc } from './schemaDoc.ts';

it('data/README.md documents the current schema (run `npm run data:schema-doc`)', () => {
  const readme = readFileSync(new URL('../../../data/README.md', import.meta.url), 'utf8');
  expect(readme).toContain(renderSchemaDoc());
});
