// What the main step leaves for the post step, in the runner's step state (GITHUB_STATE, handed back as
// STATE_* variables and never printed): the folder of secret files to remove and the tokens to revoke. The
// tokens themselves must be kept: GitHub and Vault both revoke a token by being called with it.
//
// The post step deletes a folder and sends tokens to URLs, so it trusts nothing in the state it cannot check
// again itself: the folder must be one this action creates directly under RUNNER_TEMP, a revocation URL must
// be GitHub's `DELETE <api>/installation/token` on the broker's host or on the job's GitHub API, and the Vault
// URL must be the broker-url input. Anything else is skipped with a warning, whoever wrote it.
import { lstatSync, realpathSync } from 'node:fs';
import * as nodePath from 'node:path';
import { peerText } from '../client/errors.js';
import { cleartextProblem } from '../client/url.js';
import { VARIABLE_NAME } from '../client/reserved-names.js';
import type { ActionCore } from './toolkit.js';

export const STATE_KEY = 'oidc-exchange';

/** The folder name the main step creates for `file:` secrets (mkdtemp adds six characters). */
export const FILE_DIR_PREFIX = 'oidc-exchange-';

export interface RevokeTarget {
  name: string;
  /** The GitHub API base the token is revoked at (`DELETE {base}/installation/token`). */
  apiBase: string;
  token: string;
  /**
   * When the main step received the token (ms since the epoch): for its first seconds GitHub may not know it
   * yet, and the post step asks again rather than take a 401 for "already dead".
   */
  receivedAt?: number;
}

export interface CleanupState {
  fileDir?: string;
  revoke: RevokeTarget[];
  vault?: { url: string; token: string; namespace?: string };
}

/** Where revocation may be sent: the broker's origin, and the job's GitHub API (GITHUB_API_URL). */
export interface TrustedHosts {
  brokerUrl: string;
  githubApiUrl: string;
}

/**
 * What the main step has left for the post step so far, written to the step state each time it grows, so a
 * step that fails later still leaves it behind (a Vault token whose reads then fail is still revoked).
 */
export class PostStepState {
  private readonly state: CleanupState = { revoke: [] };
  constructor(private readonly core: Pick<ActionCore, 'saveState' | 'setSecret'>) {}

  /**
   * Vault's login token. It is a credential the step holds, not one of the values run() masks, so it is
   * registered for masking here, the moment it exists.
   */
  keepVaultToken(vault: NonNullable<CleanupState['vault']>): void {
    this.core.setSecret(vault.token);
    this.state.vault = vault;
    this.save();
  }

  /** Tokens to revoke (already masked: they are among the values). */
  keepRevocable(targets: RevokeTarget[]): void {
    if (targets.length === 0) return;
    this.state.revoke.push(...targets);
    this.save();
  }

  /** The folder of secret files to remove. */
  keepFileDir(dir: string): void {
    this.state.fileDir = dir;
    this.save();
  }

  private save(): void {
    this.core.saveState(STATE_KEY, JSON.stringify(this.state));
  }
}

/**
 * The API base a revoke entry may be sent to, or why not. The revoke contract names a method and a URL; only
 * GitHub's installation-token revocation is called, and only on a host the job already trusts.
 */
export function revocationBase(entry: { method?: unknown; url?: unknown }, trusted: TrustedHosts): { apiBase: string } | { problem: string } {
  if (typeof entry.url !== 'string') return { problem: 'no URL' };
  const shownUrl = peerText(entry.url, 200);
  if ((entry.method ?? 'DELETE') !== 'DELETE') return { problem: `method ${peerText(String(entry.method), 20)} is not DELETE` };
  const insecure = cleartextProblem(entry.url, 'the revocation URL');
  if (insecure) return { problem: `${shownUrl}: ${insecure}` };
  const u = new URL(entry.url);
  if (u.search || u.hash || !u.pathname.endsWith('/installation/token')) return { problem: `${shownUrl} is not a GitHub installation-token URL (…/installation/token)` };
  const apiBase = `${u.origin}${u.pathname.slice(0, -'/installation/token'.length)}`;
  const onBroker = sameOrigin(u, trusted.brokerUrl);
  const onGitHub = apiBase === trusted.githubApiUrl.replace(/\/+$/, '');
  if (!onBroker && !onGitHub) return { problem: `${shownUrl} is neither on the broker's host nor on the job's GitHub API (${trusted.githubApiUrl})` };
  return { apiBase };
}

function sameOrigin(u: URL, other: string): boolean {
  try {
    return new URL(other).origin === u.origin;
  } catch {
    return false;
  }
}

/**
 * The state, with every part checked again (see the top of this file). `skipped` says what was dropped and
 * why, for the post step to warn about.
 */
export function loadCleanupState(
  core: Pick<ActionCore, 'getState'>,
  ctx: TrustedHosts & { runnerTemp: string | undefined },
): { state: CleanupState | undefined; skipped: string[] } {
  const text = core.getState(STATE_KEY);
  if (text === '') return { state: undefined, skipped: [] };
  const skipped: string[] = [];
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
    if (!parsed || typeof parsed !== 'object') throw new Error('not an object');
  } catch {
    return { state: undefined, skipped: ['the saved state is not what the main step writes; nothing was cleaned up'] };
  }
  const state: CleanupState = { revoke: [] };

  if (parsed.fileDir !== undefined) {
    const problem = fileDirProblem(parsed.fileDir, ctx.runnerTemp);
    if (problem) skipped.push(`the secret files folder: ${problem}`);
    else state.fileDir = parsed.fileDir as string;
  }
  for (const raw of Array.isArray(parsed.revoke) ? (parsed.revoke as Array<Record<string, unknown>>) : []) {
    const name = typeof raw?.name === 'string' && VARIABLE_NAME.test(raw.name) ? raw.name : undefined;
    if (!name || typeof raw.token !== 'string' || typeof raw.apiBase !== 'string') {
      skipped.push('a revocation entry without a valid name, token and API base');
      continue;
    }
    const target = revocationBase({ method: 'DELETE', url: `${raw.apiBase}/installation/token` }, ctx);
    if ('problem' in target) skipped.push(`revoking ${name}: ${target.problem}`);
    else state.revoke.push({ name, apiBase: target.apiBase, token: raw.token, ...(Number.isFinite(raw.receivedAt) ? { receivedAt: raw.receivedAt as number } : {}) });
  }
  const vault = parsed.vault as Record<string, unknown> | undefined;
  if (vault !== undefined) {
    if (typeof vault?.token !== 'string' || typeof vault.url !== 'string' || vault.url !== ctx.brokerUrl) {
      skipped.push('the Vault token: its URL is not the broker-url input');
    } else {
      state.vault = { url: vault.url, token: vault.token, ...(typeof vault.namespace === 'string' ? { namespace: vault.namespace } : {}) };
    }
  }
  return { state, skipped };
}

/**
 * Only a folder this action makes: `oidc-exchange-XXXXXX` directly under RUNNER_TEMP, a real directory of ours.
 * What holds on each runner is in docs/runners.md: the owner check needs POSIX uids (Linux, macOS); on Windows
 * the name, place, plain-folder and symlink/junction checks remain.
 */
function fileDirProblem(dir: unknown, runnerTemp: string | undefined): string | undefined {
  if (typeof dir !== 'string' || !runnerTemp) return 'no RUNNER_TEMP, or no folder name';
  try {
    const place = fileDirPlaceProblem(dir, realpathSync(runnerTemp), nodePath);
    if (place) return `${peerText(dir, 200)} ${place}`;
    // lstat: a symbolic link (or, on Windows, a junction, which Node reports as one) is never followed.
    const st = lstatSync(dir);
    if (!st.isDirectory() || st.isSymbolicLink()) return `${peerText(dir, 200)} is not a plain folder`;
    if (typeof process.getuid === 'function' && st.uid !== process.getuid()) return `${peerText(dir, 200)} belongs to another user`;
  } catch (e) {
    return `${peerText(dir, 200)}: ${(e as NodeJS.ErrnoException).code ?? 'cannot be read'}`;
  }
  return undefined;
}

/** The path rules of one platform: node:path's `posix` or `win32` (a test hands `win32` to a Linux run). */
export type PathFlavour = Pick<typeof nodePath.posix, 'basename' | 'dirname' | 'isAbsolute' | 'join' | 'sep'>;

/**
 * Whether a folder named in the state is, by its spelling alone, one the main step makes: an absolute path in
 * the form join() gives it (no `.` or `..`, no doubled, trailing or, on Windows, forward separators: the
 * system would resolve `link\..` through the link, so such spellings are refused rather than tidied), named as
 * mkdtemp names ours, whose parent is RUNNER_TEMP's real path. Windows names compare case-insensitively, as
 * NTFS does (drive letters, UNC server and share included); `\\?\D:\...` is another spelling of D:\... and is
 * refused, as the main step never writes it. POSIX names compare exactly: on macOS's case-insensitive volumes
 * that can only refuse a folder, never admit another one.
 */
export function fileDirPlaceProblem(dir: string, runnerTempReal: string, path: PathFlavour): string | undefined {
  if (!path.isAbsolute(dir) || path.join(path.dirname(dir), path.basename(dir)) !== dir) return 'is not a plain absolute path';
  if (!/^oidc-exchange-[A-Za-z0-9]{6}$/.test(path.basename(dir))) return 'is not a folder this action creates';
  const fold = (p: string) => (path.sep === '\\' ? p.toLowerCase() : p);
  if (fold(path.dirname(dir)) !== fold(runnerTempReal)) return 'is not directly under RUNNER_TEMP';
  return undefined;
}
