// `check --lint --sarif FILE`: the findings as SARIF 2.1.0, so a platform team can run the lint in CI and see
// them where code scanning results go (GitHub's upload-sarif; GitLab's `artifacts:reports:sarif` where the
// instance accepts it). Overridden findings are reported as suppressed, with the operator's reason.
import { createHash } from 'node:crypto';
import { isAbsolute, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LintFinding } from './finding.js';
import { RULES } from './index.js';

export interface LocatedFinding extends LintFinding {
  /** 1-based line and column of the path in the file, when found. */
  line?: number;
  column?: number;
}

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** A relative path stays relative (code scanning resolves it against the repository root). */
function artifactUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(resolve(file)).href;
  return file.split(sep).join('/').split('/').map(encodeURIComponent).join('/');
}

function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
}

/** `toolVersion`: the version of oidc-exchange that ran the lint (the caller knows where it was installed from). */
export function toSarif(file: string, findings: readonly LocatedFinding[], problems: readonly string[], toolVersion: string): object {
  const uri = artifactUri(file);
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'oidc-exchange policy lint',
            // Code scanning compares runs by tool version: a rule that changed meaning shows as such.
            semanticVersion: toolVersion,
            rules: RULES.map((r) => ({
              id: r.id,
              name: ruleName(r.id),
              shortDescription: { text: r.risk.split(':')[0]!.slice(0, 120) },
              fullDescription: { text: r.risk },
              help: { text: `${r.risk}\nFix: ${r.fix}`, markdown: `${r.risk}\n\n**Fix:** ${r.fix}` },
              defaultConfiguration: { level: r.severity },
              properties: { tags: ['security', 'oidc', 'trust-policy'], precision: 'high', 'security-severity': r.severity === 'error' ? '8.5' : '5.0' },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: problems.length === 0,
            toolExecutionNotifications: problems.map((p) => ({ level: 'error', message: { text: `the broker would not load this configuration: ${p}` } })),
          },
        ],
        artifacts: [{ location: { uri } }],
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: index.get(f.rule),
          level: f.severity,
          message: { text: `${f.policy ? `Policy ${f.policy}: ` : ''}${f.message}. Fix: ${f.fix}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri, index: 0 },
                ...(f.line ? { region: { startLine: f.line, ...(f.column ? { startColumn: f.column } : {}) } } : {}),
              },
              logicalLocations: [{ fullyQualifiedName: f.path, ...(f.policy ? { name: f.policy } : {}), kind: 'member' }],
            },
          ],
          // Stable across runs and line moves: the same rule at the same place in the same policy.
          partialFingerprints: { 'oidcExchangeLint/v1': createHash('sha256').update(`${f.rule}\0${f.policy ?? ''}\0${f.path}`).digest('hex').slice(0, 32) },
          ...(f.overridden !== undefined ? { suppressions: [{ kind: 'inSource', status: 'accepted', justification: f.overridden }] } : {}),
        })),
      },
    ],
  };
}
