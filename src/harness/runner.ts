// A fake GitHub Actions runner, faithful to what the action can observe: the OIDC token service
// (ACTIONS_ID_TOKEN_REQUEST_URL with its `?api-version=` query, the bearer ACTIONS_ID_TOKEN_REQUEST_TOKEN,
// `&audience=`, `{"value": jwt}`), the GITHUB_ENV / GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files
// in the runner's `name<<DELIMITER` format, INPUT_* variables, the main step then the post step (with the
// saved state as STATE_* and the exported variables), each a separate process running the bundled dist/.
// The captured log is masked the way the runner does it: `::add-mask::` registers the value and each of its
// lines, and every later line has registered values replaced by ***. It also records any registered value
// that had already been printed before its registration, so tests can prove the ordering.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unescapeData } from '../action/core.js';

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
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  /** Values registered with ::add-mask:: (and their lines). */
  masks: Set<string>;
  /** Registered values that an earlier log line had already printed in the clear. */
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
  post?: StepResult;
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
  /** Node binary (default: this process's). */
  node?: string;
  /** Called after the main step, before the post step (e.g. to look at files the main step wrote). */
  betweenSteps?: (main: StepResult, runnerTemp: string) => Promise<void>;
  /** Record each step's peak RSS (adds a tiny --import hook to the step, so do not time such runs). */
  measureRss?: boolean;
  /** Kill a step after this long (default 60 s). */
  stepTimeoutMs?: number;
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
  /** Folder holding the bundled action (index.js, post.js). */
  distDir: string;
  /** Mints the job's OIDC token for an audience (the fake GitHub issuer). */
  mint: (audience: string) => Promise<string>;
}

export async function startFakeRunner(opts: FakeRunnerOptions): Promise<FakeRunner> {
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

  async function runStep(script: string, workdir: string, step: string, env: Record<string, string>, jobOpts: JobOptions): Promise<StepResult> {
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
    const { code, stdout, stderr } = await spawnStep(jobOpts.node ?? process.execPath, args, { ...env, ...files, ...(jobOpts.measureRss ? { HARNESS_RSS_FILE: rssFile } : {}) }, jobOpts.stepTimeoutMs ?? 60_000);
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    const peakRssKb = jobOpts.measureRss ? Number(await readFile(rssFile, 'utf8').catch(() => 'NaN')) : undefined;
    const logged = processLog(stdout, stderr);
    return {
      exitCode: code,
      ...logged,
      env: parseFileCommands(await readFile(files.GITHUB_ENV, 'utf8')),
      outputs: parseFileCommands(await readFile(files.GITHUB_OUTPUT, 'utf8')),
      state: parseFileCommands(await readFile(files.GITHUB_STATE, 'utf8')),
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
        const base: Record<string, string> = {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          HOME: workdir,
          CI: 'true',
          GITHUB_ACTIONS: 'true',
          RUNNER_TEMP: runnerTemp,
          RUNNER_OS: 'Linux',
          GITHUB_WORKSPACE: workdir,
          ...(jobOpts.idToken === false ? {} : { ACTIONS_ID_TOKEN_REQUEST_URL: tokenUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken }),
          ...inputVariables(jobOpts.inputs),
          ...(jobOpts.env ?? {}),
        };
        const main = await runStep(join(opts.distDir, 'index.js'), workdir, 'main', base, jobOpts);
        await jobOpts.betweenSteps?.(main, runnerTemp);
        if (jobOpts.post === false) return { main };
        // The post step sees what the main step exported and its saved state.
        const stateVars = Object.fromEntries(Object.entries(main.state).map(([k, v]) => [`STATE_${k}`, v]));
        const post = await runStep(join(opts.distDir, 'post.js'), workdir, 'post', { ...base, ...main.env, ...stateVars }, jobOpts);
        return { main, post };
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
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]));
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

/**
 * The runner's reading of GITHUB_ENV/OUTPUT/STATE: `name=value` lines, or `name<<DELIMITER` followed by the
 * value's lines up to a line that is exactly the delimiter. Lines end with LF or CRLF; the line break before
 * the closing delimiter is not part of the value, the others are kept as they were written.
 */
export function parseFileCommands(text: string): Record<string, string> {
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
    const crlf = lf > i && text[lf - 1] === '\r';
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

/** Interprets the step's output like the runner: commands, mask registration, then masking of each line. */
export function processLog(stdout: string, stderr: string): Pick<StepResult, 'log' | 'raw' | 'masks' | 'printedBeforeMask' | 'warnings' | 'errors'> {
  const masks = new Set<string>();
  const printedBeforeMask: string[] = [];
  const shownRaw: string[] = [];
  const shown: string[] = [];
  const warnings: string[] = [];
  const errors: string[] = [];
  let sorted: string[] = [];
  const mask = (line: string) => {
    let out = line;
    for (const m of sorted) if (out.includes(m)) out = out.split(m).join('***');
    return out;
  };
  const register = (value: string) => {
    for (const v of [value, ...value.split(/\r?\n/)]) {
      if (v.trim() === '' || masks.has(v)) continue;
      if (shownRaw.some((l) => l.includes(v))) printedBeforeMask.push(v);
      masks.add(v);
    }
    sorted = [...masks].sort((a, b) => b.length - a.length);
  };
  const lines = stdout.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    const m = /^::([a-z-]+)(?: [^:]*)?::(.*)$/s.exec(line);
    if (m && m[1] === 'add-mask') {
      register(unescapeData(m[2]!));
      continue;
    }
    shownRaw.push(m ? unescapeData(m[2]!) : line);
    if (m && (m[1] === 'warning' || m[1] === 'error' || m[1] === 'debug' || m[1] === 'notice')) {
      const text = mask(unescapeData(m[2]!));
      if (m[1] === 'warning') warnings.push(text);
      if (m[1] === 'error') errors.push(text);
      shown.push(`${m[1] === 'debug' ? '##[debug]' : `${m[1]![0]!.toUpperCase()}${m[1]!.slice(1)}: `}${text}`);
    } else {
      shown.push(mask(line));
    }
  }
  for (const line of stderr.split('\n')) {
    if (line === '') continue;
    shownRaw.push(line);
    shown.push(mask(line));
  }
  return { log: shown.join('\n'), raw: `${stdout}\n${stderr}`, masks, printedBeforeMask, warnings, errors };
}
