// Must-show: bad names fail before any export (GITHUB_ENV untouched), no token permission is explained,
// 503s are retried with a fresh OIDC token each time, a 403 is not retried and shows the job's claims,
// the total deadline holds against a broker that never answers.
import { AUDIENCE } from '../helpers/broker.js';
import { RUNTIMES, leakedNames, sendJson, startActionBed, startFront, type ActionBed } from '../helpers/action.js';

const SECRETS = { DB_PASSWORD: 'db-pa55word-for-failures', API_KEY: 'api-key-for-failures-123' };
let ab: ActionBed;
beforeAll(async () => {
  ab = await startActionBed({
    servesReservedNames: true, // PATH, to show the action refuses it
    env: { DBP: SECRETS.DB_PASSWORD, APIK: SECRETS.API_KEY },
    config: () => ({
      secrets: { DB_PASSWORD: { env: 'DBP' }, API_KEY: { env: 'APIK' }, PATH: { value: 'evil-path-value' }, STAGING_KEY: { value: 'staging-key-not-granted' } },
      policies: [
        { name: 'prod', issuer: 'github', claims: { repository: 'octo-org/octo-repo', environment: 'production' }, secrets: ['DB_PASSWORD', 'API_KEY'] },
        { name: 'hijack', issuer: 'github', claims: { repository: 'octo-org/octo-repo', environment: 'hijack' }, secrets: ['PATH', 'DB_PASSWORD'] },
      ],
    }),
  });
});
afterAll(() => ab?.close());

describe.each(RUNTIMES)('failures under %s', (_label, node) => {
  it.each([
    ['DB_PASSWORD | PATH', /line 1: PATH is refused/],
    ['DB_PASSWORD\nAPI_KEY | LD_PRELOAD', /line 2: LD_PRELOAD is refused/],
    ['DB_PASSWORD | NODE_OPTIONS', /NODE_OPTIONS is refused/],
    ['API_KEY | GITHUB_TOKEN', /GITHUB_TOKEN is refused/],
    ['DB_PASSWORD | BASH_ENV', /BASH_ENV is refused/],
    ['DB-PASSWORD', /line 1: "DB-PASSWORD" is not a secret name/],
    ['DB_PASSWORD | 9LIVES', /line 1: "9LIVES" is not a valid variable name/],
    ['DB_PASSWORD\nAPI_KEY | DB_PASSWORD', /line 2: DB_PASSWORD is already exported by line 1/],
  ])('%j fails before anything is requested or exported', async (secrets, message) => {
    const before = ab.runner.tokenRequests.length;
    const job = await ab.runner.runJob({ node, inputs: { 'broker-url': ab.bed.url, audience: AUDIENCE, secrets } });
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors.join('\n')).toMatch(message);
    expect(job.main.env).toEqual({});
    expect(job.main.outputs).toEqual({});
    expect(ab.runner.tokenRequests.length).toBe(before);
  });

  it('a dangerous name in the broker answer fails before any export', async () => {
    const runner = await (await import('../../src/harness/fakes/runner.js')).startFakeRunner({
      distDir: (await import('../helpers/action.js')).DIST,
      mint: (audience) => ab.bed.github.mint(ab.bed.github.claimsFor({ environment: 'hijack' }), { audience }),
    });
    try {
      const job = await runner.runJob({ node, inputs: { 'broker-url': ab.bed.url, audience: AUDIENCE, 'export-all': 'true' } });
      expect(job.main.exitCode).toBe(1);
      expect(job.main.errors.join('\n')).toMatch(/from the broker's answer: PATH is refused/);
      expect(job.main.env).toEqual({});
      expect(job.main.outputs).toEqual({});
      expect(leakedNames(job.main.log, { ...SECRETS, PATH: 'evil-path-value' })).toEqual([]);
    } finally {
      await runner.close();
    }
  });

  it('debug-claims: true prints the claims on success; an empty secrets input delivers all the policy grants', async () => {
    const job = await ab.runner.runJob({ node, inputs: { 'broker-url': ab.bed.url, audience: AUDIENCE, 'debug-claims': 'true', 'export-all': 'true' } });
    expect(job.main.exitCode).toBe(0);
    expect(job.main.log).toMatch(/Claims of this job's OIDC token \(debug-claims\):/);
    expect(job.main.log).toMatch(/job_workflow_ref: octo-org\/octo-repo\/\.github\/workflows\/ci\.yml@refs\/heads\/main/);
    expect(Object.keys(job.main.env).sort()).toEqual(['API_KEY', 'DB_PASSWORD']);
    expect(job.main.outputs['secret-names']).toBe('DB_PASSWORD,API_KEY');
    expect(leakedNames(job.main.log + job.main.summary, SECRETS)).toEqual([]);
  });

  it('a typo in a boolean input is an error, not false', async () => {
    const job = await ab.runner.runJob({ node, inputs: { 'broker-url': ab.bed.url, 'export-env': 'flase' } });
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors.join('\n')).toMatch(/export-env: expected true or false, got "flase"/);
  });

  it('without id-token: write the step says what to add', async () => {
    const job = await ab.runner.runJob({ node, idToken: false, inputs: { 'broker-url': ab.bed.url, audience: AUDIENCE, 'export-all': 'true' } });
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors.join('\n')).toMatch(/permissions: id-token: write/);
    expect(job.main.errors.join('\n')).toMatch(/forks/);
  });

  it('503 twice, then success: three attempts with three distinct OIDC tokens', async () => {
    const front = await startFront(ab.bed.url, (n, _req, res) => n <= 2 && sendJson(res, 503, { error: 'upstream_unavailable', message: 'try again' }, { 'retry-after': '0' }));
    try {
      const job = await ab.runner.runJob({ node, inputs: { 'broker-url': front.url, audience: AUDIENCE, secrets: 'DB_PASSWORD' } });
      expect(job.main.exitCode).toBe(0);
      expect(job.main.env.DB_PASSWORD === SECRETS.DB_PASSWORD).toBe(true);
      expect(front.authorizations.length).toBe(3);
      expect(new Set(front.authorizations).size).toBe(3);
      expect(front.authorizations.every((a) => /^Bearer eyJ/.test(a))).toBe(true);
      expect(job.main.warnings.filter((w) => /broker answered 503 upstream_unavailable/.test(w)).length).toBe(2);
      // Each token was registered for masking before use.
      for (const a of front.authorizations) expect(job.main.masks.has(a.slice('Bearer '.length))).toBe(true);
    } finally {
      await front.close();
    }
  });

  it('a 403 is not retried, shows the broker code and the job claims', async () => {
    const front = await startFront(ab.bed.url, () => false);
    try {
      const job = await ab.runner.runJob({ node, inputs: { 'broker-url': front.url, audience: AUDIENCE, secrets: 'DB_PASSWORD\nSTAGING_KEY' } });
      expect(job.main.exitCode).toBe(1);
      expect(front.requests.length).toBe(1);
      expect(job.main.errors.join('\n')).toMatch(/403 secret_not_granted/);
      expect(job.main.log).toMatch(/repository: octo-org\/octo-repo/);
      expect(job.main.log).toMatch(/environment: production/);
      expect(job.main.log).toMatch(/sub: repo:octo-org\/octo-repo:environment:production/);
      expect(job.main.log).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
    } finally {
      await front.close();
    }
  });

  it('401 (wrong audience) shows the token claims next to the broker answer', async () => {
    const job = await ab.runner.runJob({ node, inputs: { 'broker-url': ab.bed.url, audience: 'https://wrong.example', secrets: 'DB_PASSWORD' } });
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors.join('\n')).toMatch(/401 audience_mismatch/);
    expect(job.main.log).toMatch(/aud: https:\/\/wrong\.example/);
  });

  it('the total deadline holds against a broker that never answers', async () => {
    const front = await startFront(undefined, () => true /* never responds */);
    try {
      const started = Date.now();
      const job = await ab.runner.runJob({ node, inputs: { 'broker-url': front.url, audience: AUDIENCE, secrets: 'DB_PASSWORD', 'timeout-seconds': '2' } });
      const took = Date.now() - started;
      expect(job.main.exitCode).toBe(1);
      expect(job.main.errors.join('\n')).toMatch(/no answer from the broker .* within the time limit/);
      expect(took).toBeLessThan(8000);
    } finally {
      await front.close();
    }
  });
});
