// The broker the generic client's tests exchange against: three values that break naive quoting (quotes,
// newlines with shell syntax, non-ASCII), one GitLab policy for acme/platform/api, and a scratch folder.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestBed, type TestBed } from '../helpers/broker.js';

export const VALUES: Record<string, string> = {
  QUOTES: `it's "quoted" and 'single' 7c2e`,
  MULTILINE: 'line-one-4f1a\nline-two $HOME `id`\n\ntrailing\n',
  UNICODE: 'pässwörd ✓ 日本 9b3d',
};

export async function startClientBed(): Promise<{ bed: TestBed; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'oidc-exchange-client-'));
  const bed = await startTestBed({
    env: Object.fromEntries(Object.entries(VALUES).map(([n, v]) => [`V_${n}`, v])),
    config: () => ({
      secrets: Object.fromEntries(Object.keys(VALUES).map((n) => [n, { env: `V_${n}` }])),
      policies: [{ name: 'ci', issuer: 'gitlab', claims: { project_path: 'acme/platform/api' }, secrets: Object.keys(VALUES) }],
    }),
  });
  return { bed, dir };
}

export async function closeClientBed(bed: TestBed | undefined, dir: string | undefined): Promise<void> {
  await bed?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
}

/** A GitLab token for the bed's issuer: the typical job's claims, with `claims` over them. */
export function mintFor(bed: TestBed, claims: Record<string, unknown> = {}): Promise<string> {
  return bed.gitlab.mint({ ...bed.gitlab.claimsFor(), ...claims });
}
