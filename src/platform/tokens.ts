// What GitHub App installation tokens look like, in the one place every part asks. GitHub issues two forms
// (platform-facts.md; GitHub changelog 2026-05-15 "installation tokens per-request override header"):
//  - classic (stateful): `ghs_` + 36 alphanumerics, opaque; still issued by GHES and on request;
//  - stateless: `ghs_<APPID>_<JWT>`, about 520 characters, variable length, two dots, `-` and `_` inside.
// GitHub asks integrators to treat both as opaque strings: this module tells them apart only so tests and
// messages can name the form; nothing may depend on a length or read the JWT's claims.

export type InstallationTokenForm = 'classic' | 'stateless';

export const INSTALLATION_TOKEN_PREFIX = 'ghs_';

/** GitHub's promise for both forms: the prefix and at least 36 characters after it. */
export const INSTALLATION_TOKEN_MIN_BODY = 36;

/** Characters either form may hold after the prefix (base64url for the JWT segments, `.` between them). */
const BODY_CHAR = '[A-Za-z0-9_-]';

const CLASSIC = /^ghs_[A-Za-z0-9]{36}$/;
const STATELESS = new RegExp(`^ghs_[0-9]+_${BODY_CHAR}+\\.${BODY_CHAR}+\\.${BODY_CHAR}+$`);
// A token inside surrounding text: segments joined by single dots, at most two of them (a JWT has two), so a
// sentence's closing period or the next word after it is not taken for part of the token.
const IN_TEXT = new RegExp(`ghs_${BODY_CHAR}+(?:\\.${BODY_CHAR}+){0,2}`, 'g');

/** Which form a whole string is, or undefined when it is no installation token. */
export function installationTokenForm(value: string): InstallationTokenForm | undefined {
  if (CLASSIC.test(value)) return 'classic';
  if (STATELESS.test(value)) return 'stateless';
  return undefined;
}

/**
 * Whether a whole string can be an installation token: either form, or any `ghs_` string of GitHub's
 * alphabet at least 36 long (GitHub may change what is inside; the prefix and alphabet are its promise).
 */
export function isInstallationToken(value: string): boolean {
  if (installationTokenForm(value)) return true;
  const body = value.slice(INSTALLATION_TOKEN_PREFIX.length);
  return value.startsWith(INSTALLATION_TOKEN_PREFIX) && body.length >= INSTALLATION_TOKEN_MIN_BODY && new RegExp(`^${BODY_CHAR}+(?:\\.${BODY_CHAR}+){0,2}$`).test(body);
}

/**
 * The installation tokens inside a text (a line of code, a log excerpt, a secret-detection finding), whole:
 * never cut at a dot, a dash or an underscore.
 */
export function installationTokensIn(text: string): string[] {
  const found: string[] = [];
  const long = (t: string) => t.length - INSTALLATION_TOKEN_PREFIX.length >= INSTALLATION_TOKEN_MIN_BODY;
  for (const m of text.matchAll(IN_TEXT)) {
    if (long(m[0])) found.push(m[0]);
    // `ghs_<classic>.Next` is a classic token and a word after a period, not a stateless one: offer both readings.
    const head = m[0].split('.')[0]!;
    if (head !== m[0] && !STATELESS.test(m[0]) && long(head)) found.push(head);
  }
  return found;
}

/**
 * The request header GitHub reads on `POST /app/installations/{id}/access_tokens` to force a form for one
 * request: `enabled` gives a stateless token, `disabled` a classic one, any other value is ignored.
 */
export const STATELESS_TOKEN_OVERRIDE_HEADER = 'x-github-stateless-s2s-token';
