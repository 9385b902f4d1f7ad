#!/usr/bin/env node
// Publishes the broker configuration's JSON Schema (src/broker/config/schema.ts, the one the broker validates
// with) as dist/broker-config.schema.json, for editors: `# yaml-language-server: $schema=<path or URL>` at
// the top of a broker.yaml gives completion and checks as you type. Generated at build time, committed, and
// checked fresh in CI with the rest of dist/. config-schema.ts has no imports, so it is transpiled on its own.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = readFileSync(join(root, 'src/broker/config/schema.ts'), 'utf8');
const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
const dir = mkdtempSync(join(tmpdir(), 'oidcx-schema-'));
try {
  const file = join(dir, 'config-schema.mjs');
  writeFileSync(file, outputText);
  const { configSchema } = await import(pathToFileURL(file).href);
  const published = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'oidc-exchange broker configuration',
    description: 'The YAML file given to `oidc-exchange broker --config`. Generated from src/broker/config/schema.ts; see docs/policies.md and docs/deploy.md.',
    ...configSchema,
  };
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist/broker-config.schema.json'), JSON.stringify(published, null, 2) + '\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
