// Unit tests for the action's pure parts: the secrets input, inputs, masking plan, backoff, proxy choice,
// the job's details, the runner protocol (both the action's writing and the fake runner's reading) and log
// masking.
import { InputError, parseCaCertificate } from '../../src/action/inputs.js';
import { describeJob, jobContext } from '../../src/action/job-context.js';
import { jsonLeaves, planMasks } from '../../src/action/mask.js';
import { exportNameProblem, parseSecretSpecs, SecretSpecError } from '../../src/action/secret-spec.js';
import { parseRetryAfter, retryDelayMs } from '../../src/client/backoff.js';
import { decodeClaims, describeClaims } from '../../src/client/claims.js';
import { proxyFor } from '../../src/client/proxy-env.js';
import { withRetries } from '../../src/client/retry.js';
import { parseCommand, parseFileCommands, processLog } from '../../src/harness/fakes/runner.js';
import { readFromVault } from '../../src/action/providers/vault.js';
import { readInputsFrom } from '../helpers/action.js';

describe('secrets input', () => {
  it('parses names, renames, files, comments and blank lines', () => {
    expect(parseSecretSpecs('# comment\nDB_PASSWORD\n\n  API_KEY | MY_KEY  \nTLS_KEY | file:TLS_KEY_PATH\n', 'oidc-exchange')).toEqual([
      { line: 2, source: 'DB_PASSWORD', exportName: 'DB_PASSWORD', asFile: false },
      { line: 4, source: 'API_KEY', exportName: 'MY_KEY', asFile: false },
      { line: 5, source: 'TLS_KEY', exportName: 'TLS_KEY_PATH', asFile: true },
    ]);
  });

  it('parses Vault lines, with the field upper-cased as the default name', () => {
    expect(parseSecretSpecs('secret/data/ci/db password | DB_PASSWORD\nkv/app api-key', 'vault')).toEqual([
      { line: 1, source: 'password', vaultPath: 'secret/data/ci/db', exportName: 'DB_PASSWORD', asFile: false },
      { line: 2, source: 'api-key', vaultPath: 'kv/app', exportName: 'API_KEY', asFile: false },
    ]);
  });

  it('reports every problem with its line number', () => {
    let err: SecretSpecError | undefined;
    try {
      parseSecretSpecs('OK\nBAD-NAME\nX | Y | Z\nA |\nB | PATH\nC | LD_PRELOAD\nD | OK', 'oidc-exchange');
    } catch (e) {
      err = e as SecretSpecError;
    }
    expect(err?.code).toBe('secrets_invalid');
    expect(err?.problems).toEqual([
      expect.stringMatching(/^line 2: "BAD-NAME" is not a secret name/),
      expect.stringMatching(/^line 3: more than one "\|"/),
      expect.stringMatching(/^line 4: nothing after "\|"/),
      expect.stringMatching(/^line 5: PATH is refused/),
      expect.stringMatching(/^line 6: LD_PRELOAD is refused/),
      expect.stringMatching(/^line 7: OK is already exported by line 1/),
    ]);
  });

  it.each(['PATH', 'path', 'NODE_OPTIONS', 'BASH_ENV', 'ENV', 'LD_PRELOAD', 'LD_LIBRARY_PATH', 'DYLD_INSERT_LIBRARIES', 'GITHUB_TOKEN', 'GITHUB_PATH', 'RUNNER_TEMP', 'ACTIONS_RUNTIME_TOKEN', 'INPUT_X', 'STATE_X', 'GIT_CONFIG_COUNT', 'JAVA_TOOL_OPTIONS', 'HTTPS_PROXY', 'PYTHONPATH'])(
    'refuses %s',
    (name) => expect(exportNameProblem(name)).toMatch(/is refused/),
  );

  it.each(['DB_PASSWORD', '_X', 'GH_TOKEN', 'PATHS_FILE', 'MY_PATH', 'MY_NODE_SECRET'])('accepts %s', (name) => expect(exportNameProblem(name)).toBeUndefined());

  it('refuses invalid variable names', () => {
    for (const n of ['1X', 'A-B', 'A B', '', 'Ä']) expect(exportNameProblem(n)).toMatch(/not a valid variable name/);
  });

  it('vault mode needs at least one line and a key on each', () => {
    expect(() => parseSecretSpecs('', 'vault')).toThrow(/at least one/);
    expect(() => parseSecretSpecs('secret/data/x', 'vault')).toThrow(/line 1: expected "path key \| ENV_NAME"/);
    expect(() => parseSecretSpecs('../etc/passwd key', 'vault')).toThrow(/not a Vault path/);
  });
});

describe('inputs', () => {
  const env = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));

  it('reads defaults', () => {
    const i = readInputsFrom(env({ 'broker-url': 'https://broker.example' }));
    expect(i).toMatchObject({ brokerUrl: 'https://broker.example', audience: 'https://broker.example', broker: 'oidc-exchange', exportEnv: true, debugClaims: false, revoke: true, timeoutSeconds: 60, vaultAuthPath: 'jwt' });
  });

  it('parses booleans strictly and reports every problem at once', () => {
    expect(readInputsFrom(env({ 'broker-url': 'https://b', 'export-env': 'False', revoke: 'TRUE' }))).toMatchObject({ exportEnv: false, revoke: true });
    try {
      readInputsFrom(env({ 'broker-url': 'ftp://x', 'export-env': 'yes', 'timeout-seconds': '-3', broker: 'consul', 'debug-claims': '1' }));
      throw new Error('expected an InputError');
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).problems).toEqual([
        expect.stringMatching(/^broker-url: expected an https:\/\//),
        expect.stringMatching(/^broker: expected oidc-exchange or vault/),
        expect.stringMatching(/^timeout-seconds: expected a number/),
        expect.stringMatching(/^export-env: expected true or false, got "yes"/),
        expect.stringMatching(/^debug-claims: expected true or false, got "1"/),
      ]);
    }
  });

  it('requires broker-url, and vault-role in vault mode', () => {
    expect(() => readInputsFrom({})).toThrow(/broker-url is required/);
    expect(() => readInputsFrom(env({ 'broker-url': 'https://v', broker: 'vault' }))).toThrow(/vault-role is required/);
  });

  it('accepts a CA as PEM or base64 PEM and rejects anything else', () => {
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    expect(parseCaCertificate(pem)).toBe(pem);
    expect(parseCaCertificate(Buffer.from(pem).toString('base64'))).toBe(pem);
    expect(() => parseCaCertificate('not a cert')).toThrow(/ca-certificate: expected a PEM/);
  });
});

describe('masking plan', () => {
  it('registers the value, each line, and JSON string leaves; skips structure; warns on short ones', () => {
    const json = JSON.stringify({ user: 'admin-user', pw: 'abc', nested: { token: 'tok-12345' } }, null, 2);
    const plan = planMasks([
      { name: 'KEY', value: '-----BEGIN KEY-----\nAAAABBBB\n-----END KEY-----\n' },
      { name: 'J', value: json },
      { name: 'SHORT', value: 'xy' },
      { name: 'EMPTY', value: '' },
    ]);
    expect(plan.values).toEqual(expect.arrayContaining(['-----BEGIN KEY-----', 'AAAABBBB', '-----END KEY-----', 'admin-user', 'tok-12345', json]));
    expect(plan.values).not.toContain('{');
    expect(plan.values).not.toContain('}');
    expect(plan.values).not.toContain('abc');
    expect(plan.tooShort.sort()).toEqual(['J', 'SHORT']);
    // Longest first, so a value is masked before a fragment of it.
    expect([...plan.values].sort((a, b) => b.length - a.length)).toEqual(plan.values);
  });

  it('masks number leaves as written, warns about booleans instead of masking every true/false in the log', () => {
    const plan = planMasks([{ name: 'PIN', value: '{"pin": 48213377, "big": 12345678901234567890, "price": 1.50, "on": true, "code": 12}' }]);
    expect(plan.values).toEqual(expect.arrayContaining(['48213377', '12345678901234567890', '1.50']));
    expect(plan.values).not.toContain('true');
    expect(plan.values).not.toContain('12');
    expect(plan.tooShort).toEqual(['PIN']);
  });

  it('finds leaves in arrays and multi-line leaves', () => {
    expect(jsonLeaves('[{"a":"one\\ntwo"}, "three", 4]')).toEqual(['one\ntwo', 'one', 'two', 'three', '4']);
    expect(jsonLeaves('not json {')).toEqual([]);
  });
});

describe('backoff', () => {
  it('grows exponentially with jitter, capped', () => {
    expect(retryDelayMs(1, undefined, 0)).toBe(500);
    expect(retryDelayMs(1, undefined, 0.999)).toBeLessThanOrEqual(1000);
    expect(retryDelayMs(3, undefined, 0)).toBe(2000);
    expect(retryDelayMs(20, undefined, 1)).toBe(10_000);
  });

  it('honours Retry-After in seconds and as a date; ignores garbage', () => {
    expect(retryDelayMs(1, '3', 0.5)).toBe(3000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-1', now)).toBeUndefined();
  });

  it('withRetries stops at the deadline and on a final failure', async () => {
    let clock = 0;
    const settings = { deadlineMs: 5000, attemptTimeoutMs: 2000, now: () => clock, sleep: async (ms: number) => void (clock += ms), random: () => 0 };
    const timeouts: number[] = [];
    await expect(
      withRetries(settings, async (t) => {
        timeouts.push(t);
        clock += t;
        return { retry: 'timeout' };
      }),
    ).rejects.toMatchObject({ name: 'RetriesExhausted', deadlinePassed: true });
    // Attempts never outlive the deadline.
    expect(clock).toBeLessThanOrEqual(5000);
    expect(timeouts[0]).toBe(2000);
    let calls = 0;
    await expect(withRetries(settings, async () => (calls++, { fail: new Error('403') }))).rejects.toThrow('403');
    expect(calls).toBe(1);
  });
});

describe('proxy choice', () => {
  it('uses HTTPS_PROXY for https, HTTP_PROXY for http, lower case first', () => {
    expect(proxyFor('https://b.example/x', { HTTPS_PROXY: 'http://p:3128' })).toBe('http://p:3128');
    expect(proxyFor('http://b.example/x', { HTTPS_PROXY: 'http://p:3128' })).toBeUndefined();
    expect(proxyFor('https://b.example', { https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:1' })).toBe('http://lower:1');
    expect(proxyFor('https://b.example', { HTTPS_PROXY: 'p:3128' })).toBe('http://p:3128');
  });

  it.each([
    ['*', true],
    ['b.example', true],
    ['.example', true],
    ['example', true],
    ['other.example', false],
    ['b.example:443', true],
    ['b.example:8443', false],
    ['x.org, b.example', true],
  ])('NO_PROXY=%s bypass: %s', (noProxy, bypass) => {
    expect(proxyFor('https://b.example/v1', { HTTPS_PROXY: 'http://p:1', NO_PROXY: noProxy }) === undefined).toBe(bypass);
  });
});

describe("the job's details, from the runner's GITHUB_* variables", () => {
  it('names the repository and links this run, with the attempt on a re-run', () => {
    const job = jobContext({
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
      GITHUB_SERVER_URL: 'https://ghe.example.com',
      GITHUB_API_URL: 'https://ghe.example.com/api/v3',
      GITHUB_RUN_ID: '1234567890',
      GITHUB_RUN_ATTEMPT: '3',
    });
    expect(job).toEqual({
      repository: 'octo-org/octo-repo',
      runUrl: 'https://ghe.example.com/octo-org/octo-repo/actions/runs/1234567890/attempts/3',
      apiUrl: 'https://ghe.example.com/api/v3',
    });
    expect(describeJob(job)).toBe('octo-org/octo-repo, run https://ghe.example.com/octo-org/octo-repo/actions/runs/1234567890/attempts/3');
  });

  it("a first attempt links the run itself; github.com's addresses when the runner names none", () => {
    expect(jobContext({ GITHUB_REPOSITORY: 'octo-org/octo-repo', GITHUB_RUN_ID: '77', GITHUB_RUN_ATTEMPT: '1' })).toEqual({
      repository: 'octo-org/octo-repo',
      runUrl: 'https://github.com/octo-org/octo-repo/actions/runs/77',
      apiUrl: 'https://api.github.com',
    });
  });

  it('outside a runner: no repository, no run, nothing to describe', () => {
    const job = jobContext({});
    expect(job).toEqual({ repository: undefined, runUrl: undefined, apiUrl: 'https://api.github.com' });
    expect(describeJob(job)).toBe('');
  });
});

describe('claims for diagnostics', () => {
  it('decodes the payload and lists only identifying claims', () => {
    const payload = Buffer.from(JSON.stringify({ sub: 'repo:o/r:ref:refs/heads/main', repository: 'o/r', aud: 'x', secret_thing: 'no', exp: 0 })).toString('base64url');
    const claims = decodeClaims(`eyJhbGciOiJSUzI1NiJ9.${payload}.sig`)!;
    expect(describeClaims(claims)).toEqual(['aud: x', 'sub: repo:o/r:ref:refs/heads/main', 'repository: o/r', 'exp: 1970-01-01T00:00:00.000Z']);
    expect(decodeClaims('garbage')).toBeUndefined();
  });
});

/** Command data as the toolkit escapes it (and the runner unescapes it). */
const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** A file command as the toolkit writes it. */
const heredoc = (name: string, value: string, delimiter = 'ghadelimiter_test') => `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
/** The same on Windows, where os.EOL is CRLF. */
const windowsHeredoc = (name: string, value: string, delimiter = 'ghadelimiter_test') => `${name}<<${delimiter}\r\n${value}\r\n${delimiter}\r\n`;

describe("the fake runner's reading of the runner protocol", () => {
  it('file commands round-trip byte for byte through the runner format, CR and CRLF included', () => {
    const values = { A: 'one\ntwo', B: 'x\r\ny\rz', C: '', D: 'a=b<<c', E: '\n\nlead and trail\n\n' };
    const text = Object.entries(values).map(([k, v]) => heredoc(k, v)).join('');
    expect(parseFileCommands(text)).toEqual(values);
    expect(parseFileCommands('SIMPLE=value=with=equals\n')).toEqual({ SIMPLE: 'value=with=equals' });
    expect(() => parseFileCommands('X<<EOF\nvalue\n')).toThrow(/no closing delimiter/);
  });

  // The runner's reader (actions/runner src/Runner.Worker/FileCommandManager.cs, ReadLine) ends a line at LF,
  // and at CRLF only in its Windows build; @actions/core writes os.EOL around the value. So a final CR is kept
  // on every runner. (This test used to say the opposite, from the fake's own reading, not the runner's.)
  it("a value's final CR survives on Linux, macOS and Windows runners", () => {
    expect(parseFileCommands(heredoc('X', 'ends with cr\r')).X).toBe('ends with cr\r');
    expect(parseFileCommands(heredoc('X', 'ends with cr\r'), 'macOS').X).toBe('ends with cr\r');
    expect(parseFileCommands(windowsHeredoc('X', 'ends with cr\r'), 'Windows').X).toBe('ends with cr\r');
    expect(parseFileCommands(windowsHeredoc('X', 'ends with crlf\r\n'), 'Windows').X).toBe('ends with crlf\r\n');
  });

  it('reads CRLF as a line break only on Windows, as the runner does', () => {
    const values = { A: 'one\ntwo', B: 'x\r\ny\rz', C: '', E: '\r\n\nlead and trail\n\r\n' };
    const text = Object.entries(values).map(([k, v]) => windowsHeredoc(k, v)).join('');
    expect(parseFileCommands(text, 'Windows')).toEqual(values);
    // The same bytes on a Linux runner: the delimiter line and the closing line both keep their CR.
    expect(parseFileCommands('X<<D\r\nv\r\nD\r\n', 'Linux')).toEqual({ X: 'v\r' });
    expect(parseFileCommands('X<<D\r\nv\r\nD\r\n', 'Windows')).toEqual({ X: 'v' });
  });

  it('reads commands where the runner does: `::` after leading spaces, `##[` anywhere', () => {
    expect(parseCommand('  ::save-state name=x::v')).toMatchObject({ name: 'save-state', properties: { name: 'x' }, data: 'v' });
    expect(parseCommand('text ##[set-output name=o;]value')).toMatchObject({ name: 'set-output', properties: { name: 'o' }, data: 'value' });
    expect(parseCommand('text ::save-state name=x::v')).toBeUndefined();
    expect(parseCommand('::not-a-command::x')).toBeUndefined();
    expect(parseCommand(`::warning::${esc('100%\r\n%0A done')}`)).toMatchObject({ data: '100%\r\n%0A done' });
  });

  it('honours set-output and save-state printed by the step, and stop-commands until its token', () => {
    const out = processLog(['::set-output name=forged::1', '::save-state name=s::2', '::stop-commands::tok123', '::set-output name=ignored::3', '::tok123::', '::save-state name=t::4'].join('\n') + '\n', '');
    expect(out.printedOutputs).toEqual({ forged: '1' });
    expect(out.printedState).toEqual({ s: '2', t: '4' });
    expect(out.commands).toEqual(['set-output', 'save-state', 'stop-commands', 'resume-commands', 'save-state']);
  });

  it('masks registered values and their lines, and records values printed before registration', () => {
    const out = processLog(['early leak: top-secret-1', `::add-mask::${esc('top-secret-1')}`, `::add-mask::${esc('line-one\nline-two')}`, 'now top-secret-1 and line-two', '::warning::about top-secret-1'].join('\n') + '\n', '');
    expect(out.printedBeforeMask).toEqual(['top-secret-1']);
    expect(out.log).toBe('early leak: top-secret-1\nnow *** and ***\nWarning: about ***');
    expect(out.warnings).toEqual(['about ***']);
    expect(out.masks.has('line-one')).toBe(true);
  });
});

describe('Vault answers that are not JSON', () => {
  // Node's JSON.parse error quotes the text around the fault; a cut-off answer holds the Vault token or the
  // secrets, so the error must say what failed without quoting what was read.
  const TOKEN = 'hvs.cut-off-token-7d1e';
  const VALUE = 'cut-off-secret-value-4b9a';
  const ask = (login: string, read: string) =>
    readFromVault({
      url: 'https://vault.example',
      role: 'ci',
      authPath: 'jwt',
      namespace: '',
      specs: parseSecretSpecs('secret/data/ci db | DB_PASSWORD', 'vault'),
      getToken: async () => 'a.b.c',
      http: async (req) => ({ status: 200, headers: {}, body: req.url.includes('/login') ? login : read }),
      retry: { deadlineMs: 1000, attemptTimeoutMs: 1000 },
      onToken: () => undefined,
    });

  it.each([
    ['the login', `{"auth":{"client_token":"${TOKEN}`, '{}', /Vault answered the login with 200 and a body that is not JSON/],
    ['a read', `{"auth":{"client_token":"${TOKEN}","lease_duration":60}}`, `{"data":{"data":{"db":"${VALUE}`, /Vault answered the read of secret\/data\/ci with 200 and a body that is not JSON/],
  ])('%s: a clear error that quotes nothing it read', async (_what, login, read, message) => {
    const e = await ask(login, read).then(() => undefined, (x: unknown) => x as Error);
    expect(e?.message).toMatch(message);
    expect(e?.message).not.toContain(TOKEN);
    expect(e?.message).not.toContain(VALUE);
  });
});
