// Every lint finding of a configuration file, errors included (the broker would refuse them), with where they
// are in the file: what `oidc-exchange check --lint` prints (src/cli/commands/check.ts). Its exit status: 0 when
// nothing stops the broker, 1 with an error finding no policy overrides, 2 when the configuration is unusable.
import { readFile } from 'node:fs/promises';
import { describeYamlErrors } from '../config/yaml-errors.js';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { buildConfig, claimNumberSources } from '../config/load.js';
import { ConfigError } from '../errors.js';
import { isBlocking, lintConfig } from './index.js';
import type { LintFinding } from './finding.js';
import type { LocatedFinding } from './sarif.js';
import { printableLine } from '../../client/errors.js';

export interface LintReport {
  file: string;
  findings: LocatedFinding[];
  /** Why the broker would not load the file at all (besides lint errors). */
  problems: string[];
}

/** Lints a configuration file without stopping at errors. Throws ConfigError only when it cannot be read or parsed. */
export async function lintConfigFile(file: string): Promise<LintReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ConfigError(file, [`cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`]);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true, lineCounter });
  if (doc.errors.length > 0) throw new ConfigError(file, [describeYamlErrors(doc.errors)]);
  const raw: unknown = doc.toJS();
  const numberSources = claimNumberSources(doc);
  // The loader lints as it loads (enforceLint: false keeps every finding); only a configuration it refuses for
  // other reasons is linted on its own, so its findings are reported with those problems.
  let findings: LintFinding[];
  let problems: string[] = [];
  try {
    const config = await buildConfig(raw, file, { checkSources: false, enforceLint: false, numberSources });
    findings = config.lintFindings;
    await config.backends.close();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    problems = e.problems;
    findings = lintConfig(raw, numberSources).findings;
  }
  return { file, findings: findings.map((f) => ({ ...f, ...locate(doc, lineCounter, f.path) })), problems };
}

/** Line and column of `policies[0].claims.ref[1]` (or of the nearest enclosing node that exists). */
function locate(doc: Document, lines: LineCounter, path: string): { line?: number; column?: number } {
  const segments: Array<string | number> = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) segments.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  for (let n = segments.length; n > 0; n--) {
    const node = doc.getIn(segments.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) {
      const { line, col } = lines.linePos(node.range[0]);
      return { line, column: col };
    }
  }
  return {};
}

export function formatLintReport(r: LintReport): string {
  const out: string[] = [];
  for (const f of r.findings) {
    const where = `${r.file}${f.line ? `:${f.line}:${f.column ?? 1}` : ''}`;
    const label = f.overridden !== undefined ? `${f.severity} (overridden: ${JSON.stringify(f.overridden)})` : f.severity;
    out.push(`${where}: ${label} ${f.rule}${f.policy ? ` in policy ${f.policy}` : ''} at ${f.path}`);
    out.push(`    why: ${f.message}`);
    out.push(`    fix: ${f.fix}`);
  }
  if (r.problems.length) {
    out.push(`${r.file}: the broker would not load this configuration:`);
    for (const p of r.problems) out.push(`    - ${p}`);
  }
  const errors = r.findings.filter(isBlocking).length;
  const warnings = r.findings.filter((f) => f.severity === 'warning' && f.overridden === undefined).length;
  const overridden = r.findings.filter((f) => f.overridden !== undefined).length;
  out.push(
    r.findings.length === 0 && r.problems.length === 0
      ? `${r.file}: no findings`
      : `${r.file}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${overridden} overridden${r.problems.length ? `, ${r.problems.length} configuration problem${r.problems.length === 1 ? '' : 's'}` : ''}`,
  );
  return out.map(printableLine).join('\n') + '\n';
}

export function exitCodeOf(r: LintReport): number {
  if (r.problems.length > 0) return 2;
  return r.findings.some(isBlocking) ? 1 : 0;
}
