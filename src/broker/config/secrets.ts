// The `secrets` section: one source per secret name (env, file, value, a GitHub App token, or a value kept in
// Vault, AWS Secrets Manager or an age-encrypted file, read through a configured backend). A name the
// clients refuse to export, a backend or app that is not configured, and (for the broker) a source that
// cannot deliver are reported by path.
import { reservedBy } from '../../client/reserved-names.js';
import type { GitHubApp } from '../github/app.js';
import type { AgeBackend } from '../sources/age.js';
import { isBackendSpec, type Backends } from '../sources/backends.js';
import { isGrantSpec } from '../sources/github-app.js';
import { checkSecretSource, createBackendSource, createSecretSource, type SecretSourceSpec } from '../sources/index.js';
import type { SecretSource } from '../sources/source.js';
import { bindBackendSecret } from './backends.js';
import { isObject, pathFrom, type SectionContext } from './section.js';

export interface SecretsDeps {
  backends: Backends;
  githubApps: ReadonlyMap<string, GitHubApp>;
  /** The raw `github_apps` section: when it is malformed the schema reported it, and secrets naming an app add nothing. */
  appsSection: unknown;
}

export async function loadSecrets(raw: unknown, ctx: SectionContext, { backends, githubApps, appsSection }: SecretsDeps): Promise<Map<string, SecretSource>> {
  const secrets = new Map<string, SecretSource>();
  for (const [name, given] of Object.entries(isObject(raw) ? (raw as Record<string, SecretSourceSpec>) : {})) {
    // The clients refuse to export these names (the list they share): a secret under one could never arrive.
    const reserved = ctx.options.acceptReservedNames ? undefined : reservedBy(name);
    if (reserved) ctx.problems.push(`secrets.${name}: the name is reserved (${reserved.why}); the GitHub Action and the GitLab component refuse to export it, so choose another name`);
    if (!isObject(given) || Object.keys(given).length !== 1) continue;
    if (isBackendSpec(given)) {
      const bound = bindBackendSecret(name, given, backends, ctx);
      if ('problem' in bound) {
        ctx.problems.push(bound.problem);
        continue;
      }
      secrets.set(name, createBackendSource(name, bound.backend, bound.spec));
      if (ctx.options.checkSources && 'age' in bound.spec) {
        const p = await (bound.backend as AgeBackend).check(bound.spec.age);
        if (p) ctx.problems.push(`secrets.${name}.age: ${p}`);
      }
      continue;
    }
    // A relative file path is relative to the configuration file, not to wherever the broker was started.
    const spec = 'file' in given ? { file: pathFrom(given.file, ctx) } : given;
    if ('github_app' in spec) {
      // A grant of the wrong shape, or a github_apps section that is not a mapping, is reported by the schema.
      if (!isGrantSpec(spec.github_app)) continue;
      if (!githubApps.has(spec.github_app.app)) {
        const known = [...githubApps.keys()];
        if (appsSection === undefined || isObject(appsSection)) {
          ctx.problems.push(`secrets.${name}.github_app.app: ${JSON.stringify(spec.github_app.app)} is not defined under github_apps${known.length ? ` (known: ${known.join(', ')})` : ''}`);
        }
        continue;
      }
    }
    secrets.set(name, createSecretSource(name, spec, ctx.env, githubApps));
    if (ctx.options.checkSources) {
      const p = await checkSecretSource(spec, ctx.env);
      if (p) ctx.problems.push(`secrets.${name}: ${p}`);
    }
  }
  return secrets;
}
