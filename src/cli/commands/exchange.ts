// `oidc-exchange exchange`: the generic client, for any CI that can hand a job an OIDC token (Buildkite,
// CircleCI, Jenkins with an OIDC plugin, a GitLab job without the component). It trades the token with the
// broker and writes the values where the job asks: one 0600 file per secret in a private folder, a 0600 env
// file to source, or `export` lines for `eval`. It never prints a value on its own: standard output carries
// values only when the caller asked for shell lines (and captures them with `eval "$(...)"`).
//
// With --shell, a failure of any kind still prints one line on standard output, a command that fails
// (`false`), so `eval "$(oidc-exchange exchange ... --shell)"` fails too and `set -e` stops the script instead
// of going on with the variables unset.
import { readFile } from 'node:fs/promises';
import { CLI_WORDS, DEFAULT_ALLOW_NAMES, grantedNameProblem, nameChoiceProblem, parseAllowNames } from '../../client/name-choice.js';
import { exportNameProblem } from '../../client/reserved-names.js';
import { exchangeWithBroker, type ExchangeResult } from '../../client/broker.js';
import { describeClaims } from '../../client/claims.js';
import { ClientCertificateError, isPemText, loadClientCertificate, type ClientCertificate } from '../../client/client-certificate.js';
import { ExchangeError, printableLine } from '../../client/errors.js';
import { createHttpClient } from '../../client/http.js';
import { cleartextProblem } from '../../client/url.js';
import { abandonOutDir, prepareDotenv, prepareOutDir, UnsafeDestinationError, writePrivateFile, writeSecretFiles } from '../../client/secret-files.js';
import { commandIo, type CommandIo, type Output } from '../io.js';
import { runCommand, UsageError, type CommandSpec, type Values } from '../options.js';

export const exchangeSpec = {
  name: 'exchange',
  synopsis: `--broker-url URL (--token-env VAR | --token-file FILE)
             (--out-dir DIR | --dotenv FILE | --shell) (--secret NAME ... | --export-all [--allow-names PATTERNS])
             [--timeout-seconds N] [--ca-certificate FILE] [--client-cert FILE --client-key FILE]`,
  description: "Trades this job's OIDC token for the secrets a broker's policy grants, and puts them where the job asks.",
  options: {
    'broker-url': { type: 'string', arg: 'URL', help: "the broker's https:// address (http:// only on loopback)" },
    'token-env': { type: 'string', arg: 'VAR', help: 'the environment variable holding the OIDC token' },
    'token-file': { type: 'string', arg: 'FILE', help: 'a file holding the OIDC token' },
    secret: { type: 'string', multiple: true, arg: 'NAME', help: 'ask for this secret (repeat for each); a list or --export-all is required' },
    'export-all': { type: 'boolean', help: 'instead of --secret: write every name the policy grants, each matching --allow-names and none reserved' },
    'allow-names': { type: 'string', arg: 'PATTERNS', help: 'with --export-all, the names allowed: patterns of A-Z, 0-9, _ and * (any run), separated by spaces or commas (default *)' },
    'out-dir': { type: 'string', arg: 'DIR', help: 'one 0600 file per secret in DIR: DIR must not exist (it is created 0700) or be an empty 0700 folder of yours' },
    dotenv: { type: 'string', arg: 'FILE', help: `NAME='value' lines in a 0600 FILE, for: set -a; . ./FILE; set +a` },
    shell: { type: 'boolean', help: `export lines on standard output, for: eval "$(oidc-exchange exchange ... --shell)" (a failure prints "false")` },
    'timeout-seconds': { type: 'string', arg: 'N', help: 'total time for the exchange, retries included (default 30)' },
    'ca-certificate': { type: 'string', arg: 'FILE', help: "a PEM file of a private CA to trust for the broker, on top of the system's" },
    'client-cert': { type: 'string', arg: 'FILE', help: 'a PEM client certificate to present to the broker (mutual TLS; needs --client-key); sent to no other host' },
    'client-key': { type: 'string', arg: 'FILE', help: "the PEM private key of --client-cert (unencrypted); never printed" },
  },
  epilog: `Exit status: 0 done, 1 the exchange failed (the broker's code and the token's claims are on stderr), 2 bad usage
or a destination that is not private. Nothing but names is printed, except the export lines of --shell.`,
} satisfies CommandSpec;

/** What --shell prints after any failure, so that `eval` fails as well: a fixed text, never a peer's. */
export const SHELL_FAILURE_LINE = "echo 'oidc-exchange: the exchange failed (see above); no secret was set' >&2; false\n";

export interface ExchangeCliOptions {
  brokerUrl: string;
  token: string;
  secretNames?: string[];
  timeoutSeconds: number;
  ca?: string;
  /** A client certificate for a broker behind mutual TLS (loadClientCertificate). */
  clientCertificate?: ClientCertificate;
  /** Where the proxy settings are read (HTTPS_PROXY, NO_PROXY). */
  env?: NodeJS.ProcessEnv;
}

/**
 * Text from the broker (policy name, expiry, revoke URL, error message) on one line, control characters escaped:
 * a hostile broker cannot start a line of its own (a workflow command on GitHub) or drive the terminal.
 */
function oneLine(text: string, max = 500): string {
  const escaped = printableLine(text);
  return escaped.length > max ? `${escaped.slice(0, max)}...` : escaped;
}

/** POSIX shell single-quoting: safe for any bytes, newlines included. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export async function exchangeCommand(args: string[], given?: Partial<CommandIo>): Promise<number> {
  const io = commandIo(given);
  // Decided from the raw arguments, so that even a usage error makes `eval` fail.
  const shellMode = args.includes('--shell');
  let code: number;
  try {
    code = await runCommand(exchangeSpec, args, io, run);
  } catch (e) {
    io.stderr.write(`oidc-exchange exchange: ${(e as Error)?.message ?? String(e)}\n`);
    code = 1;
  }
  if (shellMode && code !== 0) io.stdout.write(SHELL_FAILURE_LINE);
  return code;
}

function usage(message: string): never {
  throw new UsageError('exchange', message);
}

async function run(values: Values<typeof exchangeSpec.options>, io: CommandIo): Promise<number> {
  // 1. What was asked: a broker, one token source, one destination.
  const brokerUrl = values['broker-url'] ?? usage('--broker-url is required');
  const urlProblem = cleartextProblem(brokerUrl, '--broker-url');
  if (urlProblem) usage(urlProblem);
  const destinations = [values['out-dir'], values.dotenv, values.shell].filter((d) => d !== undefined && d !== false).length;
  if (destinations !== 1) usage('say where the secrets go with exactly one of --out-dir DIR, --dotenv FILE or --shell');
  if ((values['token-env'] === undefined) === (values['token-file'] === undefined)) usage('give the OIDC token with exactly one of --token-env VAR or --token-file FILE');
  const timeoutSeconds = values['timeout-seconds'] === undefined ? 30 : Number(values['timeout-seconds']);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) usage(`--timeout-seconds must be a positive number, got ${JSON.stringify(values['timeout-seconds'])}`);
  for (const n of values.secret ?? []) {
    const problem = exportNameProblem(n);
    if (problem) usage(problem.replace(/; (export the secret under another name|list the secrets you want).*$/, ''));
  }
  // The names are the job's choice (name-choice.ts): a list, or the explicit opt-in to everything granted.
  const exportAll = values['export-all'] === true;
  const choiceProblem = nameChoiceProblem({ listed: values.secret?.length ?? 0, exportAll }, CLI_WORDS);
  if (choiceProblem) usage(choiceProblem);
  if (values['allow-names'] !== undefined && !exportAll) usage('--allow-names narrows --export-all; with --secret the listed names are the ones written');
  const allow = parseAllowNames(values['allow-names'] ?? DEFAULT_ALLOW_NAMES, CLI_WORDS);
  if (allow.problems.length) usage(allow.problems.join('; '));

  // 2. The token, the CA and the client certificate (checked whole: both halves, PEM, the key its own, valid).
  let token: string;
  if (values['token-env'] !== undefined) {
    token = (io.env[values['token-env']] ?? '').trim();
    if (!token) usage(`the environment variable ${values['token-env']} is empty or not set; it should hold the job's OIDC token`);
  } else {
    token = (await readFile(values['token-file']!, 'utf8').catch((e: NodeJS.ErrnoException) => usage(`cannot read --token-file ${values['token-file']}: ${e.code ?? e.message}`))).trim();
    if (!token) usage(`--token-file ${values['token-file']} is empty`);
  }
  const ca = values['ca-certificate'] === undefined
    ? undefined
    : await readFile(values['ca-certificate'], 'utf8').catch((e: NodeJS.ErrnoException) => usage(`cannot read --ca-certificate ${values['ca-certificate']}: ${e.code ?? e.message}`));
  let clientCertificate: ClientCertificate | undefined;
  try {
    // Files only: a key on the command line would be visible to every user of the machine (ps).
    if (isPemText(values['client-key'] ?? '')) usage('--client-key takes the path of a file, not the key itself: a command line is visible to every user of the machine');
    clientCertificate = await loadClientCertificate({
      cert: values['client-cert'],
      key: values['client-key'],
      brokerUrl,
      names: { cert: '--client-cert', key: '--client-key' },
    });
  } catch (e) {
    if (e instanceof ClientCertificateError) usage(e.message);
    throw e;
  }

  // 3. The destination is checked (and the folder made) before the exchange: a single-use token is not spent
  //    on a destination refused afterwards.
  let outDir: { dir: string; created: boolean } | undefined;
  let dotenv: string | undefined;
  try {
    if (values['out-dir'] !== undefined) outDir = await prepareOutDir(values['out-dir']);
    if (values.dotenv !== undefined) dotenv = await prepareDotenv(values.dotenv);
  } catch (e) {
    if (e instanceof UnsafeDestinationError) usage(e.message);
    throw e;
  }

  // 4. The exchange.
  let result: ExchangeResult;
  try {
    result = await exchange({ brokerUrl, token, secretNames: values.secret, timeoutSeconds, ca, clientCertificate, env: io.env }, io.stderr);
  } catch (e) {
    if (outDir?.created) await abandonOutDir(outDir.dir);
    if (!(e instanceof ExchangeError)) throw e;
    io.stderr.write(`oidc-exchange exchange: ${oneLine(e.message, 2000)}\n`);
    if ((e.status === 401 || e.status === 403) && e.claims) {
      io.stderr.write(`the token's claims (compare them with the broker's policy):\n${describeClaims(e.claims).map((l) => `  ${oneLine(l)}`).join('\n')}\n`);
    }
    return 1;
  }

  // 5. What is written is what the job chose: with --secret the listed names only (each must be in the
  //    answer; anything else the broker sent is dropped), with --export-all every granted name, each checked as
  //    a broker's choice that must also match --allow-names. Any problem writes nothing.
  const listed = values.secret ?? [];
  const missing = exportAll ? [] : listed.filter((n) => !(n in result.secrets));
  const names = exportAll ? Object.keys(result.secrets) : [...new Set(listed)].filter((n) => n in result.secrets);
  const problems = missing.length ? [`its answer lacks ${missing.join(', ')}`] : [];
  for (const n of names) {
    const problem = exportAll ? grantedNameProblem(n, allow.patterns, CLI_WORDS) : exportNameProblem(n);
    if (problem) problems.push(problem.replace(/; export the secret under another name.*$/, ''));
  }
  if (problems.length) {
    if (outDir?.created) await abandonOutDir(outDir.dir);
    io.stderr.write(`oidc-exchange exchange: nothing was written, the broker's answer has a problem: ${problems.join('; ')}\n`);
    return 1;
  }
  const chosen = Object.fromEntries(names.map((n) => [n, result.secrets[n]!]));

  // 6. The values, where they were asked for.
  if (outDir) await writeSecretFiles(outDir.dir, chosen);
  else if (dotenv) await writePrivateFile(dotenv, names.map((n) => `${n}=${shellQuote(chosen[n]!)}\n`).join(''));
  else io.stdout.write(names.map((n) => `export ${n}=${shellQuote(chosen[n]!)}\n`).join(''));

  const where = outDir ? ` in ${outDir.dir}` : dotenv ? ` in ${dotenv}` : '';
  io.stderr.write(`oidc-exchange: ${names.length} secret(s) from policy ${oneLine(result.policy, 200)}${where}: ${names.join(', ')}${result.expiresAt ? `; they expire at ${oneLine(result.expiresAt, 100)}` : ''}\n`);
  for (const r of result.revoke.filter((e) => e.name in chosen)) {
    io.stderr.write(`oidc-exchange: revoke ${r.name} at the end of the job: ${oneLine(r.method, 20)} ${oneLine(r.url)} with "Authorization: Bearer $${r.name}"\n`);
  }
  return 0;
}

/** One exchange with the broker. The token is fixed (the caller has one), so a retry re-sends it. */
export function exchange(opts: ExchangeCliOptions, stderr: Output = process.stderr): Promise<ExchangeResult> {
  const deadlineMs = opts.timeoutSeconds * 1000;
  return exchangeWithBroker({
    brokerUrl: opts.brokerUrl,
    getToken: async () => opts.token,
    secretNames: opts.secretNames,
    http: createHttpClient({ ca: opts.ca, ...(opts.clientCertificate ? { clientCertificate: opts.clientCertificate } : {}), ...(opts.env ? { env: opts.env } : {}) }),
    retry: {
      deadlineMs,
      attemptTimeoutMs: Math.min(deadlineMs, 15_000),
      onRetry: ({ reason, delayMs }) => stderr.write(`oidc-exchange: ${reason}; retrying in ${(delayMs / 1000).toFixed(1)} s\n`),
    },
  });
}
