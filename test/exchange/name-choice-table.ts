// The one table of the names-the-job-chose rule (src/client/name-choice.ts), written by hand: the TypeScript
// rule (name-choice.test.ts, used by the action and the generic client) and the GitLab script's copy
// (test/gitlab/name-choice.dist.test.ts, under dash, BusyBox sh and bash) are both held to it.

/** A list, the opt-in, neither or both. */
export const CHOICES: Array<{ listed: number; exportAll: boolean; allow?: string; ok: boolean; says?: RegExp }> = [
  { listed: 2, exportAll: false, ok: true },
  { listed: 0, exportAll: true, ok: true },
  { listed: 0, exportAll: true, allow: 'APP_*, DB_PASSWORD', ok: true },
  // Patterns without the opt-in narrow nothing: said, not ignored.
  { listed: 2, exportAll: false, allow: 'APP_*', ok: false, says: /only narrows .*with a list, the listed names are the ones exported/ },
  { listed: 2, exportAll: false, allow: ' * ', ok: true },
  { listed: 0, exportAll: false, ok: false, says: /no secret names were chosen, so nothing would be exported/ },
  { listed: 1, exportAll: true, ok: false, says: /names are listed too/ },
];

/** allow-names settings: valid or not. */
export const PATTERNS: Array<{ allow: string; ok: boolean }> = [
  { allow: '*', ok: true },
  { allow: 'APP_*, DB_*', ok: true },
  { allow: 'APP_*\nDB_PASSWORD', ok: true },
  { allow: 'A*B  C', ok: true },
  { allow: 'app_*', ok: false },
  { allow: 'A.B', ok: false },
  { allow: 'A?', ok: false },
  { allow: '[A]*', ok: false },
  { allow: 'APP_* $X', ok: false },
  { allow: '', ok: false },
  { allow: ' , ', ok: false },
  { allow: 'A'.repeat(128), ok: true },
  { allow: 'A'.repeat(129), ok: false },
];

export type Verdict = 'exported' | 'reserved' | 'shape' | 'not-allowed';

/** What happens to a name the broker granted under the opt-in, with these allow patterns. */
export const GRANTED: Array<{ allow: string; name: string; verdict: Verdict }> = [
  { allow: '*', name: 'DB_PASSWORD', verdict: 'exported' },
  { allow: '*', name: 'NODE_AUTH_TOKEN', verdict: 'exported' },
  // The names the review saw exported, and reserved names even when the job allows them by name.
  { allow: '*', name: 'GOCACHEPROG', verdict: 'reserved' },
  { allow: '*', name: 'BAZELISK_BASE_URL', verdict: 'reserved' },
  { allow: '*', name: 'CYPRESS_INSTALL_BINARY', verdict: 'reserved' },
  { allow: '*', name: 'AWS_PAGER', verdict: 'reserved' },
  { allow: '*', name: 'PSQL_PAGER', verdict: 'reserved' },
  { allow: '*', name: 'KUBE_EDITOR', verdict: 'reserved' },
  { allow: 'GOCACHEPROG', name: 'GOCACHEPROG', verdict: 'reserved' },
  { allow: 'PATH', name: 'PATH', verdict: 'reserved' },
  { allow: '*', name: 'db_password', verdict: 'shape' },
  { allow: '*', name: 'P'.repeat(129), verdict: 'shape' },
  { allow: '*', name: 'P'.repeat(128), verdict: 'exported' },
  { allow: 'APP_*', name: 'APP_TOKEN', verdict: 'exported' },
  { allow: 'APP_*', name: 'APP_', verdict: 'exported' },
  { allow: 'APP_*', name: 'DB_PASSWORD', verdict: 'not-allowed' },
  { allow: 'APP_*', name: 'XAPP_TOKEN', verdict: 'not-allowed' },
  { allow: 'APP_* DB_PASSWORD', name: 'DB_PASSWORD', verdict: 'exported' },
  { allow: 'APP_*,DB_*', name: 'DB_USER', verdict: 'exported' },
  { allow: 'DB_PASSWORD', name: 'DB_PASSWORDX', verdict: 'not-allowed' },
  { allow: 'DB_PASSWORD', name: 'XDB_PASSWORD', verdict: 'not-allowed' },
  { allow: '*_TOKEN', name: 'GH_TOKEN', verdict: 'exported' },
  { allow: '*_TOKEN', name: 'GH_TOKEN_2', verdict: 'not-allowed' },
  { allow: 'A*B', name: 'AB', verdict: 'exported' },
  { allow: 'A*B', name: 'AXYB', verdict: 'exported' },
  { allow: 'A*B', name: 'ABC', verdict: 'not-allowed' },
  { allow: 'A**B', name: 'AQB', verdict: 'exported' },
];

/** The verdict a client's message states. */
export function verdictOf(message: string | undefined): Verdict {
  if (message === undefined || message === '') return 'exported';
  if (/is refused: the name is reserved/.test(message)) return 'reserved';
  if (/must be upper case/.test(message)) return 'shape';
  if (/matches none of/.test(message)) return 'not-allowed';
  throw new Error(`a message the table does not know: ${message}`);
}
