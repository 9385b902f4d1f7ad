// The picture of the status page in docs/images/status-page.png, made from a real broker built in process:
// `node scripts/status-screenshot.mjs` writes it, test/docs/status-screenshot.test.ts makes it again and
// compares. Everything the page shows is fixed so that two runs draw the same pixels: the broker's clock, its
// configuration and version, the fake issuers' addresses and key ids, the exchanges that fill the refusal
// list (their tokens' times are the fixed clock's), the viewport and the fonts (the page names DejaVu, which
// scripts/system-deps.mjs installs). The store's ping time is shown as "under 1 ms" for the memory store.
import { startBed } from '../../src/harness/bed.js';
import { startFakeIssuer } from '../../src/harness/fakes/issuer.js';
import { launchChromium } from './browser.js';
import { exchangeOver } from './broker.js';

export const SCREENSHOT_FILE = 'docs/images/status-page.png';

const AUDIENCE = 'https://broker.example.com';
const NOW = Date.parse('2026-12-05T12:00:00Z');
const ADMIN_TOKEN = 'screenshot-admin-token-0123456789abcdef';
// An address of the loopback range nothing else here uses, so the fixed ports are free.
const HOST = '127.19.0.1';

export async function statusScreenshot(): Promise<Buffer> {
  const github = await startFakeIssuer({ kind: 'github', audience: AUDIENCE, host: HOST, port: 48019, kid: 'github-2026-11' });
  const gitlab = await startFakeIssuer({ kind: 'gitlab', audience: AUDIENCE, host: HOST, port: 48020, kid: 'gitlab-2026-10' });
  const bed = await startBed({
    audience: AUDIENCE,
    issuers: { github, gitlab },
    env: { ADMIN_TOKEN, DB_PASSWORD: 'screenshot-db-password', DEPLOY_KEY: 'screenshot-deploy-key', REVOCATION_TOKEN: 'screenshot-revocation-token-0123456789' },
    config: {
      secrets: { DB_PASSWORD: { env: 'DB_PASSWORD' }, DEPLOY_KEY: { env: 'DEPLOY_KEY' } },
      policies: [
        { name: 'prod-deploy', issuer: 'github', claims: { repository_owner_id: '9919', repository_id: '690210123', ref: 'refs/heads/main', environment: 'production' }, secrets: ['DB_PASSWORD'] },
        {
          name: 'nightly-load-test',
          issuer: 'github',
          claims: { repository_owner_id: '9919', repository_id: '690210777', ref: 'refs/heads/main' },
          secrets: ['DEPLOY_KEY'],
          single_use: false,
          allow_risky: [{ rule: 'replay-allowed', reason: 'the load test replays one token on purpose' }],
        },
        { name: 'gitlab-release', issuer: 'gitlab', claims: { project_id: '42', namespace_id: '7', ref: 'main', ref_protected: 'true' }, secrets: ['DEPLOY_KEY'] },
      ],
      admin: { token_env: 'ADMIN_TOKEN' },
      revocation: { token_env: 'REVOCATION_TOKEN' },
    },
    broker: { now: () => NOW, version: '1.0.0' },
    prepare: true,
  });
  const browser = await launchChromium();
  try {
    // Tokens live on the broker's fixed clock.
    const times = { iat: NOW / 1000 - 30, nbf: NOW / 1000 - 30, exp: NOW / 1000 + 270 };
    const job = { repository: 'octo-org/octo-repo', repository_id: '690210123', repository_owner_id: '9919', ref: 'refs/heads/main', environment: 'production' };
    const mint = (claims: Record<string, unknown>) => github.mint({ ...github.claimsFor(job), ...times, ...claims });
    await exchangeOver(bed.url, { token: await mint({}) });
    await exchangeOver(bed.url, { token: await mint({ repository: 'octo-org/fork', repository_id: '31337', sub: 'repo:octo-org/fork:ref:refs/heads/main' }) });
    await exchangeOver(bed.url, { token: await mint({ environment: 'staging', sub: 'repo:octo-org/octo-repo:environment:staging' }) });

    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 800, deviceScaleFactor: 1 });
    await page.setExtraHTTPHeaders({ authorization: `Bearer ${ADMIN_TOKEN}` });
    const res = await page.goto(`${bed.url}/-/status`);
    if (res?.status() !== 200) throw new Error(`the status page answered ${res?.status()}`);
    await page.evaluate(() => document.fonts.ready);
    return Buffer.from(await page.screenshot({ type: 'png', fullPage: true }));
  } finally {
    await browser.close();
    await bed.close();
    await Promise.all([github.close(), gitlab.close()]);
  }
}
