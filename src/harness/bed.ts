// One test bed: the reference broker on loopback with the harness's doubles around it (fake GitHub and GitLab
// OIDC issuers and, when asked for, the fake GitHub API, the Vault double and the AWS Secrets Manager double),
// its log kept line by line so a caller can scan it for values. The tests, the benchmarks and the harness start
// a broker through here, so each says only what its broker is made of; close() stops what the bed started, the
// broker first.
import { Writable } from 'node:stream';
import { buildConfig, loadConfigFile, type BrokerConfig, type LoadOptions } from '../broker/config/load.js';
import { buildBroker, type Broker, type BrokerOptions } from '../broker/http/app.js';
import { startFakeSecretsManager, type FakeSecretsManager, type FakeSecretsManagerOptions } from './fakes/aws-secrets-manager.js';
import { startFakeGitHubApi, type FakeGitHubApi, type FakeGitHubApiOptions } from './fakes/github-api.js';
import { startFakeIssuer, type FakeIssuer } from './fakes/issuer.js';
import { startFakeVault, type FakeVault, type FakeVaultOptions } from './fakes/vault.js';

/** The audience of a bed's broker and the default audience of its issuers' tokens. */
export const AUDIENCE = 'https://broker.test.oidc-exchange.dev';

export interface Issuers {
  github: FakeIssuer;
  gitlab: FakeIssuer;
  close(): Promise<void>;
}

/** A fake GitHub and a fake GitLab issuer whose tokens are for `audience` unless a mint says otherwise. */
export async function startIssuers(audience = AUDIENCE): Promise<Issuers> {
  const [github, gitlab] = await Promise.all([startFakeIssuer({ kind: 'github', audience }), startFakeIssuer({ kind: 'gitlab', audience })]);
  return { github, gitlab, close: async () => void (await Promise.all([github.close(), gitlab.close()])) };
}

/** What the broker's configuration can point at. */
export interface Doubles {
  github: FakeIssuer;
  gitlab: FakeIssuer;
  /** With `githubApi`. */
  api?: FakeGitHubApi;
  /** With `vault`. */
  vault?: FakeVault;
  /** With `aws`. */
  aws?: FakeSecretsManager;
}

type Given<T> = T | ((doubles: Doubles) => T);

export interface BedOptions {
  /** The broker's audience, and the default audience of the issuers the bed starts (default AUDIENCE). */
  audience?: string;
  /** Issuers started by the caller, shared by several beds; the caller closes them. */
  issuers?: Pick<Issuers, 'github' | 'gitlab'>;
  /** Start the fake GitHub API (with these options). */
  githubApi?: true | FakeGitHubApiOptions;
  /** Start the Vault double with these options. */
  vault?: FakeVaultOptions;
  /** Start the AWS Secrets Manager double with these options. */
  aws?: FakeSecretsManagerOptions;
  /**
   * The configuration: its top-level keys replace the default's (the audience, and the two issuers as `github`
   * and `gitlab`), as a whole broker.yaml section would.
   */
  config?: Given<Record<string, unknown>>;
  /** The file the configuration says it came from: relative file references resolve from its folder. */
  configPath?: string;
  /**
   * Read the configuration from this file as the CLI does, at start and at every reload (`config` and
   * `configPath` are not used then).
   */
  configFile?: string;
  /** A configuration loaded already (parseConfig, loadConfigFile): served as it is. */
  loaded?: BrokerConfig;
  /** The environment the configuration's env references read (default: empty). */
  env?: Given<NodeJS.ProcessEnv>;
  /** How the configuration loads (default: checkSources, as the broker starts). */
  load?: Omit<LoadOptions, 'env'>;
  /** buildBroker's options (the clock, process metrics, a reload loader); the log goes to the bed. */
  broker?: Omit<BrokerOptions, 'logStream'>;
  /** Connect the store, fetch the issuers' keys and log in to the backends before listening, as the CLI does. */
  prepare?: boolean;
}

export interface Bed extends Doubles {
  broker: Broker;
  /** The broker's base URL (http, or https when the configuration's listen.tls says so). */
  url: string;
  /** Everything the broker logged, as written. */
  log: string[];
  /** Stops the broker (after the requests in flight), then every double the bed started. */
  close(): Promise<void>;
}

/** The broker with its doubles, listening on a free loopback port. */
export async function startBed(opts: BedOptions = {}): Promise<Bed> {
  const audience = opts.audience ?? AUDIENCE;
  const owned: Array<{ close(): Promise<void> }> = [];
  try {
    const issuers = opts.issuers ?? (await startIssuers(audience));
    if (!opts.issuers) owned.push(issuers as Issuers);
    const [api, vault, aws] = await Promise.all([
      opts.githubApi ? startFakeGitHubApi(opts.githubApi === true ? {} : opts.githubApi) : undefined,
      opts.vault ? startFakeVault(opts.vault) : undefined,
      opts.aws ? startFakeSecretsManager(opts.aws) : undefined,
    ]);
    for (const d of [api, vault, aws]) if (d) owned.push(d);
    const doubles: Doubles = { github: issuers.github, gitlab: issuers.gitlab, api, vault, aws };
    const given = <T>(v: Given<T> | undefined): T | undefined => (typeof v === 'function' ? (v as (d: Doubles) => T)(doubles) : v);

    // GitHub Apps read rate-limit resets on the fake GitHub's clock, which may run faster than real time.
    const loadOptions: LoadOptions = { checkSources: true, ...(api ? { now: api.clock } : {}), ...opts.load, env: given(opts.env) ?? {} };
    const file = opts.configFile;
    let config: BrokerConfig;
    if (opts.loaded) config = opts.loaded;
    else if (file) config = await loadConfigFile(file, loadOptions);
    else {
      const raw = {
        audience,
        issuers: [
          { id: 'github', issuer: issuers.github.url, kind: 'github' },
          { id: 'gitlab', issuer: issuers.gitlab.url, kind: 'gitlab', jwks_uri: issuers.gitlab.jwksUri },
        ],
        ...given(opts.config),
      };
      config = await buildConfig(raw, opts.configPath ?? '/test/broker.yaml', loadOptions);
    }

    const log: string[] = [];
    const broker = buildBroker(config, {
      ...(file ? { loadConfig: () => loadConfigFile(file, loadOptions) } : {}),
      ...opts.broker,
      logStream: new Writable({
        write(chunk: Buffer, _encoding, cb) {
          log.push(chunk.toString('utf8'));
          cb();
        },
      }),
    });
    try {
      if (opts.prepare) await broker.prepare();
      const url = await broker.app.listen({ host: '127.0.0.1', port: 0 });
      return {
        ...doubles,
        broker,
        url,
        log,
        async close() {
          await broker.shutdown();
          await Promise.all(owned.map((d) => d.close()));
        },
      };
    } catch (e) {
      await broker.shutdown();
      throw e;
    }
  } catch (e) {
    // Leave nothing listening behind a configuration error: the caller has no bed to close.
    await Promise.all(owned.map((d) => d.close()));
    throw e;
  }
}
