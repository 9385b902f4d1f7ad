// The `age` secret backend: secrets kept encrypted with age (https://age-encryption.org) in files next to the
// configuration, so they can live in the configuration's repository. Decrypted with `age-encryption`, the
// TypeScript implementation by age's author (no crypto of our own); files made with the `age` command line
// (`age -r age1... -a -o db.age`) or any other age implementation work. A file holds one value, or a YAML/JSON
// mapping of values picked by `field`. Files are read again after `cache_seconds`, so a rotated file is
// picked up without a restart; the library is loaded only when a configuration uses this backend.
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { backendUnavailable, fieldOf, type BackendEvents, type SecretBackend } from './backend.js';
import { TtlCache } from './cache.js';

export interface AgeSettings {
  name: string;
  /** `AGE-SECRET-KEY-1...` lines (comments and blank lines dropped); undefined when they could not be read. */
  identities?: string[];
  identityOrigin: string;
  cacheSeconds: number;
}

export interface AgeSecretSpec {
  backend?: string;
  /** Absolute after loading (relative paths are relative to the configuration file). */
  file: string;
  field?: string;
}

const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';

/** The identities in an age identity file's text (what `age-keygen` writes), or a problem. */
export function parseIdentities(text: string): string[] {
  const keys = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (keys.length === 0) throw new Error('holds no identity (expected a line AGE-SECRET-KEY-1..., as age-keygen writes)');
  const bad = keys.findIndex((k) => !/^AGE-SECRET-KEY-1[0-9A-Z]+$/.test(k));
  if (bad >= 0) throw new Error(`line ${bad + 1} of the identities is not an age secret key (AGE-SECRET-KEY-1...)`);
  return keys;
}

export class AgeBackend implements SecretBackend {
  readonly kind = 'age' as const;
  readonly name: string;
  readonly origin: string;
  private readonly cache: TtlCache<string>;
  private events: BackendEvents = {};

  constructor(
    private readonly settings: AgeSettings,
    now: () => number = Date.now,
  ) {
    this.name = settings.name;
    this.origin = `identity from ${settings.identityOrigin}`;
    this.cache = new TtlCache(settings.cacheSeconds * 1000, now);
  }

  observe(events: BackendEvents): void {
    this.events = events;
  }

  async warm(): Promise<string | undefined> {
    return this.settings.identities ? undefined : `no identity loaded (${this.settings.identityOrigin})`;
  }

  async resolve(secret: string, spec: AgeSecretSpec): Promise<string> {
    let text: string;
    try {
      text = await this.cache.get(spec.file, () => this.decryptFile(spec.file), (hit) => hit && this.events.onFetch?.('age', this.name, 'hit'));
    } catch (e) {
      this.events.onFetch?.('age', this.name, 'error');
      throw backendUnavailable(secret, `age ${this.name}: ${spec.file}: ${(e as Error).message}`);
    }
    try {
      return valueOf(text, spec, this.name);
    } catch (e) {
      throw backendUnavailable(secret, (e as Error).message);
    }
  }

  /** Start-up check of one secret: the file decrypts and holds the field. */
  async check(spec: AgeSecretSpec): Promise<string | undefined> {
    try {
      valueOf(await this.decryptFile(spec.file), spec, this.name);
      return undefined;
    } catch (e) {
      const msg = (e as Error).message;
      return msg.startsWith('age ') ? msg : `age ${this.name}: ${spec.file}: ${msg}`;
    }
  }

  async close(): Promise<void> {
    this.cache.clear();
  }

  private async decryptFile(path: string): Promise<string> {
    const started = performance.now();
    if (!this.settings.identities) throw new Error(`no identity loaded (${this.settings.identityOrigin})`);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (e) {
      throw new Error(`cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const { Decrypter, armor } = await import('age-encryption');
    const d = new Decrypter();
    for (const id of this.settings.identities) d.addIdentity(id);
    let body: Uint8Array = bytes;
    const head = bytes.subarray(0, 64).toString('latin1').trimStart();
    if (head.startsWith(ARMOR_BEGIN)) {
      try {
        body = armor.decode(bytes.toString('latin1'));
      } catch (e) {
        throw new Error(`is not a valid armored age file (${(e as Error).message})`);
      }
    }
    try {
      const text = await d.decrypt(body, 'text');
      this.events.onFetch?.('age', this.name, 'fetched', (performance.now() - started) / 1000);
      return text;
    } catch (e) {
      // The library's messages name the failure (no identity matched, a bad header), never key material.
      throw new Error(`cannot be decrypted with the configured identity (${(e as Error).message})`);
    }
  }
}

function valueOf(text: string, spec: AgeSecretSpec, backend: string): string {
  if (spec.field === undefined) return text;
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch {
    throw new Error(`age ${backend}: ${spec.file} is not a YAML or JSON mapping, so it has no field ${JSON.stringify(spec.field)}`);
  }
  return fieldOf(doc, spec.field, `age ${backend}: ${spec.file}`);
}
