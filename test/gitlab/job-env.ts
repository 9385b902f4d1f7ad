// What the GitLab component's tests share: secret values that break naive shell code, PATH folders that
// expose exactly the programs a job image would have, and the leak scan.
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** 64 KB of printable text with newlines inside and at the end: byte-exactness at size. */
function bigValue(): string {
  const chunk = randomBytes(48 * 1024).toString('base64'); // 65536 characters
  return chunk.slice(0, 20_000) + '\n' + chunk.slice(20_000, 65_534) + '\n';
}

/** Every value the test broker hands out, by secret name. */
export const VALUES: Record<string, string> = {
  SPACES: 'sp4ces  inside and\ttab ',
  QUOTES: `quote-9e1: it's "double" and 'single'`,
  DOLLAR: 'dollar-5b2 $HOME ${PATH} $(id -u) $((6*7)) $',
  BACKTICK: 'backtick-0c7 `id -u` `echo pwned`',
  BACKSLASH: 'backslash-4d8 \\ \\n \\\\ \\t end\\',
  NEWLINES: 'first-line-7f3a\nsecond-line-9c2e\n\nfourth-line-1b5d',
  TRAILING: 'trailing-newlines-3e6a\n\n\n',
  NONASCII: 'non-ascii-8f1 héllo wörld ✓ 日本語 🙂',
  DASH: '-n -e --dash-6a0',
  BIG: bigValue(),
};

export const NAMES = Object.keys(VALUES);

/** The strings whose presence in output would be a leak: each value, and each line of multi-line ones. */
export function needles(values: string[] = Object.values(VALUES)): string[] {
  const out = new Set<string>();
  for (const v of values) {
    out.add(v);
    for (const line of v.split('\n')) if (line.length >= 8) out.add(line);
  }
  return [...out];
}

export function leaked(output: string, values?: string[]): string[] {
  return needles(values).filter((n) => output.includes(n)).map((n) => (n.length > 24 ? `${n.slice(0, 6)}…(${n.length} chars)` : `${n.slice(0, 4)}…`));
}

const TOOLS = ['sh', 'base64', 'cat', 'sed', 'awk', 'tr', 'head', 'tail', 'cut', 'sort', 'uniq', 'mktemp', 'chmod', 'mkdir', 'rmdir', 'rm', 'mv', 'cp', 'date', 'sleep', 'grep', 'mkfifo', 'wc', 'stat', 'env', 'ls'];

function which(program: string): string {
  return execFileSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).trim();
}

/**
 * A folder to use as the job's whole PATH: the basic tools plus the chosen HTTP clients (and jq), nothing
 * else, so "curl only" really has no wget and the reverse. `userland: 'busybox'` takes every basic tool from
 * BusyBox, as in an Alpine image (awk, sed, ls, mktemp, base64 ... with BusyBox's options and output).
 */
export function toolPath(clients: Array<'curl' | 'wget' | 'busybox-wget' | 'jq'>, opts: { userland?: 'gnu' | 'busybox' } = {}): { path: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'oidc-exchange-path-'));
  const busybox = which('busybox');
  for (const t of TOOLS) symlinkSync(opts.userland === 'busybox' ? busybox : which(t), join(dir, t));
  for (const c of clients) {
    if (c === 'busybox-wget') symlinkSync(which('busybox'), join(dir, 'wget'));
    else symlinkSync(which(c), join(dir, c));
  }
  return { path: dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The job script lines that write each variable's bytes (and its file's) into the project dir. */
export function dumpScript(names: string[], opts: { env?: boolean; files?: boolean } = { env: true, files: true }): string[] {
  const lines: string[] = [];
  for (const n of names) {
    if (opts.env) lines.push(`printf %s "$${n}" > "$CI_PROJECT_DIR/env-${n}"`);
    if (opts.files) lines.push(`cp "$${n}_FILE" "$CI_PROJECT_DIR/file-${n}"`, `stat -c %a "$${n}_FILE" > "$CI_PROJECT_DIR/mode-${n}"`);
  }
  if (opts.files) lines.push('stat -c %a "$OIDC_EXCHANGE_DIR" > "$CI_PROJECT_DIR/mode-dir"');
  return lines;
}

export const SHELLS: Array<[string, string[]]> = [
  ['dash', ['/bin/dash']],
  ['busybox sh', ['/bin/busybox', 'sh']],
  ['bash', ['/bin/bash']],
];
