#!/usr/bin/env node
// CHANGELOG.md's section for one version: the release notes (release.yml prints them into the GitHub release)
// and the proof that a version was written up before it is released (release-checks.mjs).
//
//   node scripts/changelog.mjs 1.2.3     prints the section's body; exits 1 when there is none
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A version's heading: `## 1.2.3`, `## [1.2.3]`, optionally followed by a date (` - 2026-12-05`, `(2026-12-05)`). */
function headingOf(line) {
  return /^##\s+\[?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\]?(?:\s+(?:-\s+)?\(?\d{4}-\d{2}-\d{2}\)?)?\s*$/.exec(line)?.[1];
}

/** The body of `version`'s section (up to the next `## ` heading), or undefined when CHANGELOG.md has none. */
export function changelogSection(text, version) {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => headingOf(l) === version);
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => /^##\s/.test(l));
  return (end < 0 ? rest : rest.slice(0, end)).join('\n').trim() + '\n';
}

function main() {
  const version = process.argv[2];
  if (!version || process.argv.length > 3) {
    console.error('usage: node scripts/changelog.mjs X.Y.Z');
    process.exit(2);
  }
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const section = changelogSection(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), version);
  if (section === undefined) {
    console.error(`changelog: CHANGELOG.md has no section "## ${version}"`);
    process.exit(1);
  }
  process.stdout.write(section);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
