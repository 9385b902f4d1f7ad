// Reads the broker's YAML, validates it against the JSON Schema, then builds the configuration section by
// section, each loader checking what a schema cannot say (references between sections, regexes that compile,
// issuer URLs, readable files). Every problem is reported by its path in the file, all at once, so an
// operator fixes the file in one pass.
import { readFile } from 'node:fs/promises';
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { ConfigError } from '../errors.js';
import { describeYamlErrors } from './yaml-errors.js';
import { githubApiHostProblems } from './github-api-host.js';
import type { GitHubApp } from '../github/app.js';
import type { ListenSettings } from '../http/server.js';
import type { LintFinding } from '../lint/finding.js';
import type { Policy } from '../policy/policy.js';
import type { RevocationSettings } from '../revocation.js';
import type { SharedTokens } from '../shared-secret.js';
import type { Backends } from '../sources/backends.js';
import type { SecretSource } from '../sources/source.js';
import type { StoreSpec } from '../store/index.js';
import type { IssuerSettings } from '../verify/issuer-keys.js';
import { loadAdmin } from './admin.js';
import { loadBackends } from './backends.js';
import { loadGitHubApps } from './github-apps.js';
import { loadIssuers } from './issuers.js';
import { lintPolicies } from './lint.js';
import { loadListen } from './listen.js';
import { loadPolicies } from './policies.js';
import { loadRevocation } from './revocation.js';
import { loadSecrets } from './secrets.js';
import { isObject, sectionContext, type LoadOptions } from './section.js';
import { loadStore } from './store.js';
import { schemaProblems } from './validate.js';

export type { LoadOptions } from './section.js';
export type { ListenSettings } from '../http/server.js';
export type { IssuerSettings } from '../verify/issuer-keys.js';
export { plainListenProblem } from './listen.js';

export interface BrokerConfig {
  listen: ListenSettings;
  audience: string;
  issuers: IssuerSettings[];
  secrets: Map<string, SecretSource>;
  policies: Policy[];
  store: StoreSpec;
  /** How long start-up waits for the store before listening anyway (unready until it is reachable). */
  storeStartupWaitSeconds: number;
  /** Vault servers, AWS Secrets Manager regions and age identities that secrets are read through. */
  backends: Backends;
  /** The admin API (POST /-/reload) and its pre-shared tokens (absent: not offered). */
  admin?: SharedTokens;
  /** GitHub Apps the `github_app` secrets mint with, by name. */
  githubApps: Map<string, GitHubApp>;
  /** GitLab's Token Revocation API (absent: not offered). */
  revocation?: RevocationSettings;
  /**
   * What the trust-policy linter found and the configuration still loads with: warnings, and errors a policy
   * overrides with a reason. Errors without an override make the load fail. Logged at start-up and reload.
   */
  lintFindings: LintFinding[];
}

export async function loadConfigFile(file: string, opts: LoadOptions = {}): Promise<BrokerConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ConfigError(file, [`cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`]);
  }
  return parseConfig(text, file, opts);
}

export async function parseConfig(text: string, file: string, opts: LoadOptions = {}): Promise<BrokerConfig> {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(file, [describeYamlErrors(doc.errors)]);
  }
  const raw: unknown = doc.toJS();
  return buildConfig(raw, file, { numberSources: claimNumberSources(doc), ...opts });
}

/**
 * How the file wrote each number in a claim condition (`policies[0].claims.repository_id` -> `9007199254740993`):
 * by the time the YAML is JavaScript, `9007199254740993` is 9007199254740992 and `0x10` is 16, so only the
 * source text can tell the operator which ID they wrote.
 */
export function claimNumberSources(doc: Document): Map<string, string> {
  const out = new Map<string, string>();
  const policies = doc.get('policies', true);
  if (!isSeq(policies)) return out;
  policies.items.forEach((p, n) => {
    const claims = isMap(p) ? p.get('claims', true) : undefined;
    if (!isMap(claims)) return;
    for (const pair of claims.items) {
      const claim = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (claim === undefined) continue;
      const at = `policies[${n}].claims.${claim}`;
      const record = (node: unknown, path: string) => {
        if (isScalar(node) && typeof node.value === 'number' && typeof node.source === 'string') out.set(path, node.source);
      };
      if (isSeq(pair.value)) pair.value.items.forEach((item, k) => record(item, `${at}[${k}]`));
      else record(pair.value, at);
    }
  });
  return out;
}

export async function buildConfig(raw: unknown, file: string, opts: LoadOptions = {}): Promise<BrokerConfig> {
  try {
    return await buildCheckedConfig(raw, file, opts);
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    // The section loaders look only at entries of the right shape, but one they missed must not surface as a
    // JavaScript error: when the schema refused the file, its findings (each with a path) say what to fix. A
    // crash on a file the schema accepts is a bug, and stays one.
    const shape = schemaProblems(raw);
    if (shape.length > 0) throw new ConfigError(file, shape);
    throw e;
  }
}

async function buildCheckedConfig(raw: unknown, file: string, opts: LoadOptions): Promise<BrokerConfig> {
  // Schema problems and cross-reference problems are reported together, so one pass fixes the file. The
  // section loaders therefore look only at entries that have the right shape (the schema reports the rest).
  const problems = schemaProblems(raw);
  if (!isObject(raw)) throw new ConfigError(file, problems.length ? problems : ['(top level): must be a mapping']);
  const ctx = sectionContext(file, problems, opts);

  // In the order their problems are reported; a loader may use what an earlier one built.
  const issuers = loadIssuers(raw.issuers, ctx);
  const githubApps = await loadGitHubApps(raw.github_apps, ctx);
  const revocation = await loadRevocation(raw.revocation, ctx);
  problems.push(...githubApiHostProblems(raw));
  const backends = await loadBackends(raw.backends, ctx);
  const admin = await loadAdmin(raw.admin, ctx);
  const secrets = await loadSecrets(raw.secrets, ctx, { backends, githubApps, appsSection: raw.github_apps });
  const policies = loadPolicies(raw.policies, ctx, { issuers, secretsSection: raw.secrets });
  const store = await loadStore(raw.store, ctx);
  const lintFindings = lintPolicies(raw, ctx);
  const listen = await loadListen(raw.listen, ctx);

  if (problems.length > 0) {
    await backends.close();
    throw new ConfigError(file, problems);
  }
  return {
    listen,
    audience: raw.audience as string,
    issuers,
    secrets,
    policies,
    store: store.spec,
    storeStartupWaitSeconds: store.startupWaitSeconds,
    backends,
    admin,
    githubApps,
    revocation,
    lintFindings,
  };
}
