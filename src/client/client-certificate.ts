// The client certificate a client presents to a broker behind mutual TLS (`listen.tls.client_auth`), shared
// by the action (inputs client-certificate / client-key) and the CLI (--client-cert / --client-key). Each is
// PEM text or a file path. Everything is checked before the job's token is requested, so a wrong setting
// fails at once with what to fix rather than as a TLS reset from the broker: both halves given, files
// readable, PEM, the key belonging to the certificate (X509Certificate#checkPrivateKey) and the certificate
// within its validity period. An expired certificate is refused, not warned about: the broker refuses it in
// the handshake anyway, and its refusal reaches the client as a bare connection reset.
// The key never appears in a message; callers register it with their masker (keyMaskParts) before reading.
import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** A certificate and key ready for TLS, bound to the one origin (the broker's) they may be presented to. */
export interface ClientCertificate {
  /** `scheme://host:port` of the broker: the certificate is offered to this origin only. */
  origin: string;
  cert: string;
  key: string;
  passphrase?: string;
  /** The certificate's subject and expiry, for a line in the log (both public). */
  subject: string;
  notAfter: Date;
}

export type ClientCertificateErrorCode =
  /** Only one of certificate and key was given. */
  | 'client_certificate_incomplete'
  /** A file named for the certificate or the key cannot be read. */
  | 'client_certificate_unreadable'
  /** The certificate or the key is not PEM of the right kind. */
  | 'client_certificate_not_pem'
  /** The key is encrypted and no (or a wrong) passphrase was given. */
  | 'client_key_passphrase'
  /** The key does not belong to the certificate. */
  | 'client_key_mismatch'
  /** The certificate is expired or not valid yet. */
  | 'client_certificate_expired';

export class ClientCertificateError extends Error {
  readonly code: ClientCertificateErrorCode;
  constructor(code: ClientCertificateErrorCode, message: string) {
    // The code is part of the message: docs/troubleshooting.md is indexed by it.
    super(`${message} (${code})`);
    this.name = 'ClientCertificateError';
    this.code = code;
  }
}

/** What each client calls the settings, for messages that say what to change. */
export interface ClientCertificateNames {
  cert: string;
  key: string;
  passphrase?: string;
}

export interface ClientCertificateSpec {
  /** PEM text or a file path ('' or undefined: not given). */
  cert?: string;
  key?: string;
  passphrase?: string;
  /** The broker URL the certificate is for. */
  brokerUrl: string;
  names: ClientCertificateNames;
  /** The clock, for the validity check (tests). */
  now?: () => number;
}

/** Whether a setting holds PEM text (otherwise it names a file). */
export function isPemText(value: string): boolean {
  return value.includes('-----BEGIN ');
}

/** Only one of the two given: the problem, in words naming both settings; undefined when both or neither. */
export function incompleteProblem(cert: string | undefined, key: string | undefined, names: ClientCertificateNames): string | undefined {
  const hasCert = !!cert?.trim();
  const hasKey = !!key?.trim();
  if (hasCert === hasKey) return undefined;
  return hasCert
    ? `${names.cert} is set but ${names.key} is not: mutual TLS needs the certificate's private key too`
    : `${names.key} is set but ${names.cert} is not: mutual TLS needs the certificate the key belongs to`;
}

/**
 * The lines of a PEM key to register with a masker: the base64 body lines (and the whole text), not the
 * `-----BEGIN/END ... PRIVATE KEY-----` armour, which is public and would star out every PEM header in the log.
 */
export function keyMaskParts(pem: string): string[] {
  const text = pem.replace(/\\n/g, '\n');
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length >= 4 && !/^-----(BEGIN|END) /.test(l) && !/^[A-Za-z-]+: /.test(l));
  return [text.trim(), ...lines].filter((v) => v !== '');
}

/** The certificate and key the settings name, checked; undefined when neither is given. */
export async function loadClientCertificate(spec: ClientCertificateSpec): Promise<ClientCertificate | undefined> {
  const { names } = spec;
  const incomplete = incompleteProblem(spec.cert, spec.key, names);
  if (incomplete) throw new ClientCertificateError('client_certificate_incomplete', incomplete);
  if (!spec.cert?.trim() || !spec.key?.trim()) return undefined;

  const certText = await pemOrFile(spec.cert, names.cert, 'certificate');
  const keyText = await pemOrFile(spec.key, names.key, 'key');

  let cert: X509Certificate;
  try {
    if (!certText.includes('-----BEGIN CERTIFICATE-----')) throw new Error('no certificate');
    cert = new X509Certificate(certText);
  } catch {
    throw new ClientCertificateError('client_certificate_not_pem', `${names.cert}: expected a PEM certificate (-----BEGIN CERTIFICATE-----), as PEM text or the path of a file holding one`);
  }
  if (!/-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/.test(keyText)) {
    throw new ClientCertificateError('client_certificate_not_pem', `${names.key}: expected a PEM private key (-----BEGIN PRIVATE KEY-----, or RSA/EC/ENCRYPTED PRIVATE KEY), as PEM text or the path of a file holding one`);
  }
  const key = privateKey(keyText, spec.passphrase, names);
  if (!cert.checkPrivateKey(key)) {
    throw new ClientCertificateError('client_key_mismatch', `${names.key} is not the private key of the certificate in ${names.cert} (subject ${cert.subject.replace(/\n/g, ', ')}): give the key that was made with that certificate`);
  }
  const now = (spec.now ?? Date.now)();
  const notBefore = new Date(cert.validFrom);
  const notAfter = new Date(cert.validTo);
  if (notAfter.getTime() < now) {
    throw new ClientCertificateError('client_certificate_expired', `${names.cert}: the certificate expired on ${notAfter.toISOString()}; the broker would refuse it. Renew it with your CA`);
  }
  if (notBefore.getTime() > now) {
    throw new ClientCertificateError('client_certificate_expired', `${names.cert}: the certificate is not valid before ${notBefore.toISOString()}; the broker would refuse it. Check the machine's clock or the certificate`);
  }
  return {
    origin: new URL(spec.brokerUrl).origin,
    cert: certText,
    key: keyText,
    ...(spec.passphrase ? { passphrase: spec.passphrase } : {}),
    subject: cert.subject.replace(/\n/g, ', '),
    notAfter,
  };
}

/** A setting's PEM: the text itself (`\n` written as two characters accepted, as in a one-line secret), or the file it names. */
async function pemOrFile(value: string, name: string, what: string): Promise<string> {
  if (isPemText(value)) return value.replace(/\\n/g, '\n');
  const path = value.trim();
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    const shown = what === 'key' && !looksLikePath(path) ? '(not shown: it does not look like a path, and may be the key itself)' : JSON.stringify(path);
    throw new ClientCertificateError('client_certificate_unreadable', `${name}: cannot read the ${what} file ${shown} (${code}); give a readable file, or the PEM text itself`);
  }
}

/**
 * Whether a key setting that is not PEM text is shown in an error as a file name: only when it has a path's
 * shape (path characters only, with a separator or an extension). Anything else may be the key itself, its
 * armour lost (a bare base64 body has `+` or `=` almost surely, and never a path's shape otherwise).
 */
function looksLikePath(value: string): boolean {
  return /^[\w.~:\\/ -]{1,1024}$/.test(value) && /[\\/]|\.\w+$/.test(value);
}

function privateKey(pem: string, passphrase: string | undefined, names: ClientCertificateNames): KeyObject {
  const encrypted = /ENCRYPTED/.test(pem);
  try {
    return createPrivateKey(passphrase ? { key: pem, passphrase } : { key: pem });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (encrypted || code === 'ERR_MISSING_PASSPHRASE') {
      const how = names.passphrase ? `give its passphrase in ${names.passphrase}` : 'give the key unencrypted (openssl pkey -in key.pem -out plain.pem)';
      throw new ClientCertificateError('client_key_passphrase', passphrase ? `${names.key}: the passphrase does not decrypt the key` : `${names.key}: the key is encrypted; ${how}`);
    }
    throw new ClientCertificateError('client_certificate_not_pem', `${names.key}: the private key cannot be read (${code || 'invalid PEM'})`);
  }
}
