// A fake GitHub Actions runner, faithful to what the action can observe. It runs an action the way the
// runner does, from its action.yml: `runs.using` picks the Node runtime, `runs.main` runs, then `runs.post`
// when `runs.post-if` holds; every input the workflow's `with:` omits gets its `default` as INPUT_<NAME>,
// inputs action.yml does not declare get the runner's "Unexpected input(s)" warning, and (as on GitHub) a
// missing `required` input is not enforced by the runner: it is reported, and the action must say so itself.
// Around the steps: the OIDC token service (ACTIONS_ID_TOKEN_REQUEST_URL with its `?api-version=` query, the
// bearer ACTIONS_ID_TOKEN_REQUEST_TOKEN, `&audience=`, `{"value": jwt}`), the job's GITHUB_* variables and
// event file, the GITHUB_ENV / GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files in the runner's
// `name<<DELIMITER` format, and the post step started with the saved state as STATE_* and the exported
// variables. Each step is a separate process running the bundled dist/.
//
// The step's standard output is read line by line as the runner reads it: a line that starts with `::` after
// spaces, or holds `##[` anywhere, is a workflow command (`add-mask`, `warning`, `error`, `debug`, the
// deprecated but still honoured `set-output` and `save-state`, `stop-commands` until its token). The captured
// log is masked the way the runner does it (secret-masker.ts): `::add-mask::` registers the value and each of
// its lines, with the encoded forms the runner masks too (base64 at three offsets, JSON, URI and XML escapes,
// ...), and every later line has them replaced by ***. It also records any registered form that had already
// been printed before its registration, so tests can prove the ordering.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inputVariable, readActionManifest, type ActionManifest } from './action-manifest.js';
import { addMaskValues, BLANK_MASK_WARNING, RunnerSecretMasker } from './secret-masker.js';

export interface TokenRequest {
  audience: string | undefined;
  apiVersion: string | undefined;
  authorized: boolean;
}

export interface StepResult {
  exitCode: number | null;
  /** The log as the runner shows it: commands interpreted, registered values replaced by ***. */
  log: string;
  /** Everything the process wrote, unmasked. Tests scan it; never print it. */
  raw: string;
  /** Variables the step exported through GITHUB_ENV, byte for byte. */
  env: Record<string, string>;
  /** Outputs (GITHUB_OUTPUT, and `::set-output` lines, which the runner still honours). */
  outputs: Record<string, string>;
  /** State for the post step (GITHUB_STATE, and `::save-state` lines). */
  state: Record<string, string>;
  /** Workflow commands the step's output issued, by name, in order (`add-mask` data not kept). */
  commands: string[];
  summary: string;
  /** Values registered (`::add-mask::` data and its trimmed lines, a long stop-commands token), without the encoded forms. */
  masks: Set<string>;
  /** Registered values, or encoded forms of them, that an earlier log line had already printed in the clear. */
  printedBeforeMask: string[];
  /** ::warning:: / ::error:: messages, masked. */
  warnings: string[];
  errors: string[];
  durationMs: number;
  /** Peak resident set size in KiB, with measureRss. */
  peakRssKb?: number;
}

export interface JobResult {
  main: StepResult;
  /** Absent when the post step did not run (`post: false`, or `post-if` did not hold). */
  post?: StepResult;
  /** Inputs action.yml marks `required` that the workflow did not give (the runner does not enforce them). */
  missingRequired: string[];
  /** The runner's warning about `with:` keys action.yml does not declare, if any. */
  unexpectedInputs?: string;
}

export interface JobOptions {
  /** Action inputs by their action.yml names (`broker-url`), as `with:` would give them. */
  inputs: Record<string, string>;
  /** Extra variables for both steps (e.g. HTTPS_PROXY). */
  env?: Record<string, string>;
  /** false: the job lacks `permissions: id-token: write` (no token variables). Default true. */
  idToken?: boolean;
  /** Run the post step too (default true). */
  post?: boolean;
  /** Node binary for both steps (default: the one `runs.using` names in `runtimes`, else this process's). */
  node?: string;
  /** Called after the main step, before the post step (e.g. to look at files the main step wrote). */
  betweenSteps?: (main: StepResult, runnerTemp: string) => Promise<void>;
  /** Record each step's peak RSS (adds a tiny --import hook to the step, so do not time such runs). */
  measureRss?: boolean;
  /** Kill a step after this long (default 60 s). */
  stepTimeoutMs?: number;
  /**
   * State handed to the post step on top of what the main step saved, as if the main step had saved it: lets
   * a test show what the post step does with state it did not write.
   */
  postState?: Record<string, string>;
}

export interface FakeRunner {
  /** Every request the token service received. */
  tokenRequests: TokenRequest[];
  /** Tokens handed out, in order. Tests compare them; never print them. */
  tokensIssued: string[];
  runJob(opts: JobOptions): Promise<JobResult>;
  /** Wall time of `node -e 0` spawned exactly like a step (the baseline for start-up measurements). */
  timeBareNode(node?: string): Promise<number>;
  close(): Promise<void>;
}

export interface FakeRunnerOptions {
  /** The action's folder, holding action.yml (default: the parent of distDir). */
  actionDir?: string;
  /** Folder holding the bundled action; only used to find actionDir when that is not given. */
  distDir?: string;
  /** Mints the job's OIDC token for an audience (the fake GitHub issuer). */
  mint: (audience: string) => Promise<string>;
  /** Node binaries by `runs.using` (`node20`, `node24`); a missing one falls back to this process's Node. */
  runtimes?: Record<string, string>;
  /** The job's repository, for GITHUB_REPOSITORY and the event (default octo-org/octo-repo). */
  repository?: string;
}

/** The runtimes GitHub runs JavaScript actions on today. */
const NODE_RUNTIMES = new Set(['node20', 'node24']);

export async function startFakeRunner(opts: FakeRunnerOptions): Promise<FakeRunner> {
  const actionDir = opts.actionDir ?? (opts.distDir ? dirname(opts.distDir) : undefined);
  if (!actionDir) throw new Error('startFakeRunner: give actionDir (the folder holding action.yml)');
  const manifest = await readActionManifest(join(actionDir, 'action.yml'));
  if (!NODE_RUNTIMES.has(manifest.runs?.using)) throw new Error(`action.yml: runs.using ${JSON.stringify(manifest.runs?.using)} is not a JavaScript runtime the runner has (${[...NODE_RUNTIMES].join(', ')})`);
  const repository = opts.repository ?? 'octo-org/octo-repo';
  const requestToken = randomBytes(24).toString('base64url');
  const tokenRequests: TokenRequest[] = [];
  const tokensIssued: string[] = [];
  const tokenPath = `/_apis/distributedtask/hubs/Actions/plans/${randomBytes(8).toString('hex')}/jobs/${randomBytes(8).toString('hex')}/idtoken`;
  // One token per audience is signed ahead of time, so a step measures the action and not the fake
  // issuer's RSA signing (GitHub's token service answers from its own, separate machines).
  const ahead = new Map<string, Promise<string>>();
  const nextToken = (audience: string): Promise<string> => {
    const token = ahead.get(audience) ?? opts.mint(audience);
    const refill = opts.mint(audience);
    refill.catch(() => ahead.delete(audience));
    ahead.set(audience, refill);
    return token;
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://runner');
    const authorized = req.headers.authorization === `Bearer ${requestToken}`;
    const entry: TokenRequest = { audience: url.searchParams.get('audience') ?? undefined, apiVersion: url.searchParams.get('api-version') ?? undefined, authorized };
    tokenRequests.push(entry);
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET' || url.pathname !== tokenPath) return reply(404, { message: 'not found' });
    if (!authorized) return reply(401, { message: 'invalid bearer token' });
    if (!entry.apiVersion) return reply(400, { message: 'api-version is required' });
    nextToken(entry.audience ?? 'https://github.com/octo-org').then(
      (jwt) => {
        tokensIssued.push(jwt);
        reply(200, { value: jwt });
      },
      (e: Error) => reply(500, { message: e.message }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const tokenUrl = `http://127.0.0.1:${port}${tokenPath}?api-version=2.0`;

  async function runStep(script: string, workdir: string, step: string, env: Record<string, string>, jobOpts: JobOptions, preface: string[] = []): Promise<StepResult> {
    const files = {
      GITHUB_ENV: join(workdir, `${step}-env`),
      GITHUB_OUTPUT: join(workdir, `${step}-output`),
      GITHUB_STATE: join(workdir, `${step}-state`),
      GITHUB_STEP_SUMMARY: join(workdir, `${step}-summary`),
    };
    for (const f of Object.values(files)) await writeFile(f, '');
    const rssFile = join(workdir, `${step}-rss`);
    const args = jobOpts.measureRss ? [`--import=data:text/javascript,${encodeURIComponent(RSS_HOOK)}`, script] : [script];
    const started = process.hrtime.bigint();
    const node = jobOpts.node ?? opts.runtimes?.[manifest.runs.using] ?? process.execPath;
    const { code, stdout, stderr } = await spawnStep(node, args, { ...env, ...files, ...(jobOpts.measureRss ? { HARNESS_RSS_FILE: rssFile } : {}) }, jobOpts.stepTimeoutMs ?? 60_000);
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    const peakRssKb = jobOpts.measureRss ? Number(await readFile(rssFile, 'utf8').catch(() => 'NaN')) : undefined;
    const logged = processLog(stdout, stderr, preface);
    // The runner applies the files after the step ends, so they win over commands printed during it.
    return {
      exitCode: code,
      ...logged,
      env: parseFileCommands(await readFile(files.GITHUB_ENV, 'utf8')),
      outputs: { ...logged.printedOutputs, ...parseFileCommands(await readFile(files.GITHUB_OUTPUT, 'utf8')) },
      state: { ...logged.printedState, ...parseFileCommands(await readFile(files.GITHUB_STATE, 'utf8')) },
      summary: await readFile(files.GITHUB_STEP_SUMMARY, 'utf8'),
      durationMs,
      ...(peakRssKb !== undefined ? { peakRssKb } : {}),
    };
  }

  return {
    tokenRequests,
    tokensIssued,
    async runJob(jobOpts) {
      const workdir = await mkdtemp(join(tmpdir(), 'fake-runner-'));
      const runnerTemp = join(workdir, 'runner-temp');
      await mkdir(runnerTemp);
      try {
        const { variables, missingRequired, unexpected } = actionInputs(manifest, jobOpts.inputs);
        const eventPath = join(workdir, 'event.json');
        await writeFile(eventPath, JSON.stringify({ ref: 'refs/heads/main', repository: { full_name: repository, name: repository.split('/')[1], owner: { login: repository.split('/')[0] } } }));
        const runId = String(1_000_000 + Math.floor(Math.random() * 1_000_000));
        const base: Record<string, string> = {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          HOME: workdir,
          CI: 'true',
          GITHUB_ACTIONS: 'true',
          RUNNER_TEMP: runnerTemp,
          RUNNER_OS: 'Linux',
          RUNNER_ARCH: 'X64',
          GITHUB_WORKSPACE: workdir,
          GITHUB_REPOSITORY: repository,
          GITHUB_REPOSITORY_OWNER: repository.split('/')[0]!,
          GITHUB_RUN_ID: runId,
          GITHUB_RUN_NUMBER: '1',
          GITHUB_RUN_ATTEMPT: '1',
          GITHUB_SERVER_URL: 'https://github.com',
          GITHUB_API_URL: 'https://api.github.com',
          GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
          GITHUB_EVENT_NAME: 'push',
          GITHUB_EVENT_PATH: eventPath,
          GITHUB_REF: 'refs/heads/main',
          GITHUB_WORKFLOW: 'ci',
          GITHUB_JOB: 'deploy',
          GITHUB_ACTOR: 'octocat',
          ...(jobOpts.idToken === false ? {} : { ACTIONS_ID_TOKEN_REQUEST_URL: tokenUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken }),
          ...variables,
          ...(jobOpts.env ?? {}),
        };
        // The runner's own warning comes before the step's output.
        const preface = unexpected ? [`##[warning]${unexpected}`] : [];
        const main = await runStep(join(actionDir, manifest.runs.main), workdir, 'main', base, jobOpts, preface);
        if (unexpected) main.warnings.unshift(unexpected);
        await jobOpts.betweenSteps?.(main, runnerTemp);
        const result: JobResult = { main, missingRequired, ...(unexpected ? { unexpectedInputs: unexpected } : {}) };
        if (jobOpts.post === false || !manifest.runs.post || !postIfHolds(manifest.runs['post-if'] ?? 'always()', main.exitCode === 0)) return result;
        // The post step sees what the main step exported and its saved state.
        const stateVars = Object.fromEntries(Object.entries({ ...main.state, ...jobOpts.postState }).map(([k, v]) => [`STATE_${k}`, v]));
        result.post = await runStep(join(actionDir, manifest.runs.post), workdir, 'post', { ...base, ...main.env, ...stateVars }, jobOpts);
        return result;
      } finally {
        await rm(workdir, { recursive: true, force: true });
      }
    },
    async timeBareNode(node) {
      const started = process.hrtime.bigint();
      await spawnStep(node ?? process.execPath, ['-e', '0'], { PATH: process.env.PATH ?? '/usr/bin:/bin' }, 60_000);
      return Number(process.hrtime.bigint() - started) / 1e6;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const RSS_HOOK = "import{writeFileSync}from'node:fs';process.on('exit',()=>writeFileSync(process.env.HARNESS_RSS_FILE,String(process.resourceUsage().maxRSS)));";

/** `with: { broker-url: x }` becomes INPUT_BROKER-URL (upper case, spaces to _, dashes kept). */
export function inputVariables(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputVariable(k), v]));
}

/**
 * The INPUT_* variables the runner sets for a step: the `with:` values, plus each declared input's default
 * where `with:` omits it. Input names compare case-insensitively, as the runner's do. Defaults that are
 * expressions (`${{ github.token }}`) are not evaluated here: this action has none, and a test says so.
 */
export function actionInputs(manifest: ActionManifest, given: Record<string, string>): { variables: Record<string, string>; missingRequired: string[]; unexpected?: string } {
  const declared = Object.keys(manifest.inputs);
  const lower = new Map(declared.map((n) => [n.toLowerCase(), n]));
  const variables: Record<string, string> = {};
  const unexpectedNames = Object.keys(given).filter((k) => !lower.has(k.toLowerCase()));
  for (const [k, v] of Object.entries(given)) variables[inputVariable(k)] = v;
  const missingRequired: string[] = [];
  for (const [name, spec] of Object.entries(manifest.inputs)) {
    if (Object.keys(given).some((k) => k.toLowerCase() === name.toLowerCase())) continue;
    if (spec.default !== undefined) {
      if (spec.default.includes('${{')) throw new Error(`action.yml: the default of ${name} is an expression, which the fake runner does not evaluate`);
      variables[inputVariable(name)] = spec.default;
    } else if (spec.required) missingRequired.push(name);
  }
  const unexpected = unexpectedNames.length
    ? `Unexpected input(s) ${unexpectedNames.map((n) => `'${n}'`).join(', ')}, valid inputs are [${declared.map((n) => `'${n}'`).join(', ')}]`
    : undefined;
  return { variables, missingRequired, ...(unexpected ? { unexpected } : {}) };
}

/** `runs.post-if`, for the status functions the runner offers there (the default is always()). */
export function postIfHolds(condition: string, mainSucceeded: boolean): boolean {
  const c = condition.replace(/^\$\{\{\s*|\s*\}\}$/g, '').trim();
  const values: Record<string, boolean> = {
    'always()': true,
    'success()': mainSucceeded,
    'failure()': !mainSucceeded,
    'cancelled()': false,
    '!cancelled()': true,
  };
  if (!(c in values)) throw new Error(`action.yml: post-if ${JSON.stringify(condition)} is not one of ${Object.keys(values).join(', ')}`);
  return values[c]!;
}

function spawnStep(node: string, args: string[], env: Record<string, string>, timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** The operating systems of GitHub's runners, as RUNNER_OS names them. */
export type RunnerOs = 'Linux' | 'macOS' | 'Windows';

/**
 * The runner's reading of GITHUB_ENV/OUTPUT/STATE (actions/runner, src/Runner.Worker/FileCommandManager.cs,
 * EnvFileKeyValuePairs): `name=value` lines, or `name<<DELIMITER` followed by the value's lines up to a line
 * that is exactly the delimiter; the line break before the closing delimiter is not part of the value, the
 * others are kept as they were written. What ends a line depends on the runner's build: LF on Linux and
 * macOS, where a CR before it stays in the line (so a value's final CR survives); CRLF or LF on Windows, where
 * @actions/core writes os.EOL (CRLF) after the value, and a value's own final CR survives there too.
 */
export function parseFileCommands(text: string, os: RunnerOs = 'Linux'): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  const readLine = (): { line: string; nl: string } | undefined => {
    if (i >= text.length) return undefined;
    const lf = text.indexOf('\n', i);
    if (lf < 0) {
      const line = text.slice(i);
      i = text.length;
      return { line, nl: '' };
    }
    const crlf = os === 'Windows' && lf > i && text[lf - 1] === '\r';
    const line = text.slice(i, crlf ? lf - 1 : lf);
    i = lf + 1;
    return { line, nl: crlf ? '\r\n' : '\n' };
  };
  for (let l = readLine(); l; l = readLine()) {
    if (l.line === '') continue;
    const heredoc = l.line.indexOf('<<');
    const eq = l.line.indexOf('=');
    if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
      const name = l.line.slice(0, heredoc);
      const delimiter = l.line.slice(heredoc + 2);
      if (delimiter === '') throw new Error(`invalid file command: empty delimiter for ${name}`);
      let value = '';
      let pendingNl = '';
      let closed = false;
      for (let v = readLine(); v; v = readLine()) {
        if (v.line === delimiter) {
          closed = true;
          break;
        }
        value += pendingNl + v.line;
        pendingNl = v.nl;
      }
      if (!closed) throw new Error(`invalid file command: ${name} has no closing delimiter`);
      out[name] = value;
    } else if (eq > 0) {
      out[l.line.slice(0, eq)] = l.line.slice(eq + 1);
    } else {
      throw new Error(`invalid file command line: ${JSON.stringify(l.line.slice(0, 40))}`);
    }
  }
  return out;
}

/** The commands the runner knows (ActionCommandManager); a line naming any other is plain output. */
const COMMANDS = new Set([
  'add-mask', 'warning', 'error', 'notice', 'debug', 'group', 'endgroup', 'echo', 'set-output', 'save-state',
  'set-env', 'add-path', 'add-matcher', 'remove-matcher', 'stop-commands',
]);

interface Command {
  name: string;
  properties: Record<string, string>;
  data: string;
}

/**
 * One line as the runner's parser reads it (ActionCommand.TryParseV2, then TryParse): `::name k=v,k=v::data`
 * at the start of the line after leading spaces, else `##[name k=v;k=v]data` anywhere in it. Names compare
 * case-insensitively; `registered` adds the resume token of stop-commands.
 */
export function parseCommand(line: string, registered: Set<string> = COMMANDS): Command | undefined {
  const v2 = line.trimStart();
  if (v2.startsWith('::')) {
    const end = v2.indexOf('::', 2);
    if (end >= 0) {
      const info = v2.slice(2, end);
      const space = info.indexOf(' ');
      const name = space < 0 ? info : info.slice(0, space);
      if (registered.has(name.toLowerCase())) {
        return { name: name.toLowerCase(), properties: properties(space < 0 ? '' : info.slice(space + 1), ',', unescapeProperty), data: unescapeData(v2.slice(end + 2)) };
      }
    }
  }
  const at = line.indexOf('##[');
  if (at < 0) return undefined;
  const rb = line.indexOf(']', at);
  if (rb < 0) return undefined;
  const info = line.slice(at + 3, rb);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  if (!registered.has(name.toLowerCase())) return undefined;
  return { name: name.toLowerCase(), properties: properties(space < 0 ? '' : info.slice(space + 1), ';', unescapeV1), data: unescapeV1(line.slice(rb + 1)) };
}

function properties(text: string, separator: string, unescape: (s: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.trim().split(separator)) {
    const eq = pair.indexOf('=');
    if (eq > 0 && eq < pair.length - 1) out[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
  }
  return out;
}

/** The runner's unescaping of command data: %0D, %0A, then %25 (in that order, as ActionCommand does). */
export function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

function unescapeV1(s: string): string {
  return s.replace(/%3B/g, ';').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%5D/g, ']').replace(/%25/g, '%');
}

/**
 * A step's output as the runner reads it: .NET's StreamReader.ReadLine (actions/runner
 * src/Runner.Sdk/ProcessInvoker.cs) ends a line at LF, CRLF or a lone CR, so `a\rb` is two log lines, each
 * parsed and masked on its own.
 */
export function outputLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

type LogResult = Pick<StepResult, 'log' | 'raw' | 'masks' | 'printedBeforeMask' | 'warnings' | 'errors' | 'commands'> & {
  printedOutputs: Record<string, string>;
  printedState: Record<string, string>;
};

/**
 * Interprets the step's output like the runner: commands (including the deprecated `set-output` and
 * `save-state`, still honoured, and `stop-commands`), mask registration, then masking of each line.
 * `preface` is what the runner itself printed before the step (its own warnings).
 */
export function processLog(stdout: string, stderr: string, preface: string[] = []): LogResult {
  const masker = new RunnerSecretMasker();
  const printedBeforeMask: string[] = [];
  const shownRaw: string[] = [];
  const shown: string[] = [];
  const warnings: string[] = [];
  const errors: string[] = [];
  const commands: string[] = [];
  const printedOutputs: Record<string, string> = {};
  const printedState: Record<string, string> = {};
  const registered = new Set(COMMANDS);
  let stopToken: string | undefined;
  const mask = (line: string) => masker.mask(line);
  const register = (value: string) => {
    for (const form of masker.addValue(value)) if (shownRaw.some((l) => l.includes(form))) printedBeforeMask.push(form);
  };
  const plain = (line: string) => {
    shownRaw.push(line);
    shown.push(mask(line));
  };
  for (const line of preface) plain(line);
  for (const line of outputLines(stdout)) {
    const cmd = parseCommand(line, registered);
    if (!cmd) {
      plain(line);
      continue;
    }
    if (stopToken !== undefined) {
      // Stopped: only the resume token counts; everything else is plain output.
      if (cmd.name === stopToken.toLowerCase()) {
        registered.delete(cmd.name);
        stopToken = undefined;
        commands.push('resume-commands');
      }
      plain(line);
      continue;
    }
    commands.push(cmd.name);
    switch (cmd.name) {
      case 'add-mask': {
        const values = addMaskValues(cmd.data);
        if (values.length === 0) {
          warnings.push(BLANK_MASK_WARNING);
          shown.push(`Warning: ${BLANK_MASK_WARNING}`);
        }
        for (const v of values) register(v);
        break;
      }
      case 'stop-commands':
        stopToken = cmd.data;
        registered.add(cmd.data.toLowerCase());
        // The runner masks a token longer than 6 characters before it echoes the line.
        if (cmd.data.length > 6) register(cmd.data);
        plain(line);
        break;
      case 'set-output':
        if (cmd.properties.name) printedOutputs[cmd.properties.name] = cmd.data;
        break;
      case 'save-state':
        if (cmd.properties.name) printedState[cmd.properties.name] = cmd.data;
        break;
      case 'set-env':
      case 'add-path': {
        const text = `Unable to process command '${line}' successfully. The \`${cmd.name}\` command is disabled.`;
        errors.push(mask(text));
        shown.push(`Error: ${mask(text)}`);
        break;
      }
      case 'warning':
      case 'error':
      case 'notice':
      case 'debug': {
        shownRaw.push(cmd.data);
        const text = mask(cmd.data);
        if (cmd.name === 'warning') warnings.push(text);
        if (cmd.name === 'error') errors.push(text);
        shown.push(`${cmd.name === 'debug' ? '##[debug]' : `${cmd.name[0]!.toUpperCase()}${cmd.name.slice(1)}: `}${text}`);
        break;
      }
      default:
        plain(cmd.data);
    }
  }
  for (const line of outputLines(stderr)) {
    if (line === '') continue;
    plain(line);
  }
  return { log: shown.join('\n'), raw: `${stdout}\n${stderr}`, masks: new Set(masker.values), printedBeforeMask, warnings, errors, commands, printedOutputs, printedState };
}
