#!/usr/bin/env node
// Embeds gitlab-component/src/oidc-exchange.sh into the component's template, between the marker lines, as
// the body of the YAML block the before_script (and, through an anchor, the after_script) runs. The template
// is committed with the script in it: the catalog serves that file as is, and .ci/run fails when it differs
// from what this step generates.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const scriptPath = join(root, 'gitlab-component/src/oidc-exchange.sh');
const templatePath = join(root, 'gitlab-component/templates/secrets.yml');

function embed(template, script) {
  // GitLab interpolates $[[ ... ]] anywhere in the file, so the script must never contain it.
  if (script.includes('$[[')) throw new Error('oidc-exchange.sh contains "$[[", which GitLab would interpolate as an input');
  const lines = template.split('\n');
  const start = lines.findIndex((l) => l.includes('# >>> oidc-exchange.sh'));
  const end = lines.findIndex((l) => l.includes('# <<< oidc-exchange.sh'));
  if (start < 0 || end < start) throw new Error(`${templatePath}: the marker lines "# >>> oidc-exchange.sh" and "# <<< oidc-exchange.sh" are missing`);
  const indent = /^\s*/.exec(lines[start])[0];
  const body = script
    .replace(/\n+$/, '')
    .split('\n')
    // Blank lines stay empty (no trailing spaces); YAML keeps them inside the block.
    .map((l) => (l === '' ? '' : indent + l));
  return [...lines.slice(0, start + 1), ...body, ...lines.slice(end)].join('\n');
}

const script = readFileSync(scriptPath, 'utf8');
const template = readFileSync(templatePath, 'utf8');
const next = embed(template, script);
// --check: exit 1 when the committed template does not hold the current script (the tests use it).
if (process.argv.includes('--check')) {
  if (next !== template) {
    console.error('gitlab-component/templates/secrets.yml does not embed the current oidc-exchange.sh: run npm run build');
    process.exit(1);
  }
} else if (next !== template) {
  writeFileSync(templatePath, next);
}
