// A GitHub App authenticates as itself with a short RS256 JWT signed by its private key (seed 004):
// `iat` 60 s in the past (GitHub's clocks may lag ours), `exp` at most 10 minutes after `iat`'s real time,
// `iss` the app ID or its client ID. The key GitHub hands out is PKCS#1 PEM (`BEGIN RSA PRIVATE KEY`), which
// jose cannot import from text; node:crypto reads both PKCS#1 and PKCS#8 into a KeyObject, which jose signs with.
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';

/** How far back `iat` is set: GitHub's own recommendation against clock drift. */
export const IAT_BACKDATE_SECONDS = 60;
/**
 * How far ahead `exp` is set. GitHub refuses more than 10 minutes; a full 10 fails whenever our clock runs a
 * second ahead of GitHub's, so stay a minute short of it.
 */
export const EXP_AHEAD_SECONDS = 9 * 60;
/** A cached JWT is replaced this long before it expires, so a request never carries one about to lapse. */
export const REFRESH_BEFORE_SECONDS = 60;

/**
 * Reads an app's private key from PEM text. Throws with a message that says what is wrong with it (never the
 * key itself).
 */
export function parseAppKey(pem: string): KeyObject {
  if (!/-----BEGIN (RSA )?PRIVATE KEY-----/.test(pem)) {
    if (/-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(pem)) {
      throw new Error('is an encrypted private key; download the key from the GitHub App settings page and use it as is (unencrypted)');
    }
    if (/-----BEGIN (RSA )?PUBLIC KEY-----/.test(pem)) throw new Error('is a public key; the broker needs the app\'s private key');
    throw new Error('is not a PEM private key (expected "-----BEGIN RSA PRIVATE KEY-----" as GitHub downloads it, or PKCS#8 "-----BEGIN PRIVATE KEY-----")');
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch (e) {
    throw new Error(`cannot be read as a private key (${(e as NodeJS.ErrnoException).code ?? 'invalid PEM'})`);
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new Error(`is an ${key.asymmetricKeyType?.toUpperCase() ?? 'unknown'} key; GitHub App keys are RSA (RS256)`);
  }
  return key;
}

/**
 * The key's fingerprint as GitHub's app settings page shows it: SHA-256 of the DER SubjectPublicKeyInfo, in
 * base64, the same as `openssl rsa -in KEY -pubout -outform DER | openssl sha256 -binary | openssl base64`.
 */
export function keyFingerprint(key: KeyObject): string {
  const der = createPublicKey(key).export({ type: 'spki', format: 'der' });
  return `SHA256:${createHash('sha256').update(der).digest('base64')}`;
}

/** Signs the app's JWTs and reuses one until shortly before it expires. */
export class AppJwt {
  private cached?: { jwt: string; exp: number };

  constructor(
    /** The app ID or the client ID: GitHub accepts either as `iss`. */
    private readonly issuer: string,
    private readonly key: KeyObject,
    private readonly now: () => number = Date.now,
  ) {}

  async token(): Promise<string> {
    const t = Math.floor(this.now() / 1000);
    if (this.cached && t < this.cached.exp - REFRESH_BEFORE_SECONDS) return this.cached.jwt;
    const iat = t - IAT_BACKDATE_SECONDS;
    const exp = t + EXP_AHEAD_SECONDS;
    const jwt = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuer(this.issuer)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(this.key);
    this.cached = { jwt, exp };
    return jwt;
  }

  /** Forget the cached JWT (after GitHub refused it, a fresh one is worth one more try). */
  reset(): void {
    this.cached = undefined;
  }
}
