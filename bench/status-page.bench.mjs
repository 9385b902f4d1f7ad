// The status page's cost (issue 19): exchange throughput of one broker while an operator's status page is
// open and polled every second, as a ratio to the same broker's throughput with nobody watching, in the same
// run. The broker is the bundled dist/cli.js with an admin section; 50 refused exchanges fill the page's
// refusal list first, so each poll renders a full page. Rounds with and without polling alternate (ABBA), so
// drift of the machine (other engineers' tests share its two cores) falls on both sides alike. Target: >= 0.95.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { fmt, runLoad, startBroker, startIssuer } from './load.mjs';

const ROUND = Number(process.env.BENCH_STATUS_ROUND ?? 3000);
const ROUNDS = Number(process.env.BENCH_STATUS_ROUNDS ?? 10);
const CONCURRENCY = 32;
const AUDIENCE = 'https://broker.bench.local';
const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';

/** CPU time (user + system) a process has used so far, in ms (Linux /proc; clock ticks of 10 ms). */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** GET /-/status with the admin token every second until stopped: what an open page costs. */
function poll(url) {
  const polls = { count: 0, failures: 0, bytes: 0, ms: 0 };
  let stopped = false;
  const once = async () => {
    const t0 = process.hrtime.bigint();
    try {
      const res = await request(`${url}/-/status`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}`, accept: 'text/html' } });
      const text = await res.body.text();
      if (res.statusCode !== 200) polls.failures++;
      polls.bytes = text.length;
    } catch {
      polls.failures++;
    }
    polls.ms += Number(process.hrtime.bigint() - t0) / 1e6;
    polls.count++;
  };
  void once();
  const timer = setInterval(() => !stopped && void once(), 1000);
  return {
    polls,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}

export default async function statusPageBench() {
  const dir = mkdtempSync(join(tmpdir(), 'oidc-exchange-bench-status-'));
  const issuer = await startIssuer(AUDIENCE, { sub: 'repo:octo-org/octo-repo:environment:production', repository: 'octo-org/octo-repo', ref: 'refs/heads/main', environment: 'production' });
  let broker;
  try {
    writeFileSync(join(dir, 'broker.yaml'), [
      `audience: ${AUDIENCE}`,
      'issuers:',
      `  - { id: bench, issuer: "${issuer.url}", kind: github }`,
      'secrets:',
      '  DB_PASSWORD: { value: bench-db-password }',
      'policies:',
      '  - { name: bench, issuer: bench, claims: { repository: octo-org/*, ref: refs/heads/main, environment: production }, secrets: [DB_PASSWORD] }',
      'admin: { token_env: BENCH_ADMIN_TOKEN }',
      '',
    ].join('\n'));
    const warm = 2000;
    const tokens = Array.from({ length: warm + ROUND * ROUNDS * 2 }, issuer.mint);
    let url;
    ({ child: broker, url } = await startBroker({ dir, config: join(dir, 'broker.yaml'), env: { BENCH_ADMIN_TOKEN: ADMIN_TOKEN } }));

    let offset = 0;
    const exchanges = (n) => {
      const base = offset;
      offset += n;
      return runLoad({
        targets: [url],
        concurrency: CONCURRENCY,
        total: n,
        request: (i) => ({ path: '/v1/exchange', headers: { authorization: `Bearer ${tokens[base + i]}` } }),
        check: (_i, status) => (status === 200 ? undefined : `status ${status}`),
      });
    };
    await exchanges(warm);
    // 50 refusals (a token replayed), so the page lists a full refusal log.
    await runLoad({ targets: [url], concurrency: 4, total: 50, request: () => ({ path: '/v1/exchange', headers: { authorization: `Bearer ${tokens[0]}` } }), check: (_i, s) => (s === 401 ? undefined : `status ${s}`) });

    const quiet = { n: 0, seconds: 0, problems: 0 };
    const watched = { n: 0, seconds: 0, problems: 0 };
    const polled = { count: 0, failures: 0, bytes: 0, ms: 0 };
    const quietRound = async () => {
      const q = await exchanges(ROUND);
      quiet.n += ROUND;
      quiet.seconds += ROUND / q.rps;
      quiet.problems += q.problemCount;
      return q.rps;
    };
    const watchedRound = async () => {
      const p = poll(url);
      const w = await exchanges(ROUND);
      p.stop();
      watched.n += ROUND;
      watched.seconds += ROUND / w.rps;
      watched.problems += w.problemCount;
      for (const k of ['count', 'failures', 'ms']) polled[k] += p.polls[k];
      polled.bytes = p.polls.bytes;
      return w.rps;
    };
    // ABBA order: a machine that speeds up or slows down through the run weighs on both sides alike.
    // Each pair's ratio too: its median shrugs off a burst of another engineer's tests inside one round.
    const pairs = [];
    for (let r = 0; r < ROUNDS; r++) {
      if (r % 2 === 0) {
        const q = await quietRound();
        pairs.push((await watchedRound()) / q);
      } else {
        const w = await watchedRound();
        pairs.push(w / (await quietRound()));
      }
    }
    pairs.sort((a, b) => a - b);
    const medianPair = pairs.length % 2 ? pairs[(pairs.length - 1) / 2] : (pairs[pairs.length / 2 - 1] + pairs[pairs.length / 2]) / 2;

    // What one poll costs the broker, on its own: CPU time of the broker process over 100 polls, idle otherwise.
    const before = cpuMs(broker.pid);
    for (let i = 0; i < 100; i++) {
      const res = await request(`${url}/-/status`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}`, accept: 'text/html' } });
      await res.body.text();
    }
    const perPollMs = (cpuMs(broker.pid) - before) / 100;
    const quietRps = quiet.n / quiet.seconds;
    const watchedRps = watched.n / watched.seconds;
    console.log(`${ROUNDS} alternating rounds of ${ROUND} exchanges at ${CONCURRENCY} concurrent connections (after ${warm} warm-up exchanges)\n`);
    console.log('| status page | exchanges/s | page polls | poll ms (mean) | page bytes |');
    console.log('|---|---|---|---|---|');
    console.log(`| closed | ${fmt(quietRps, 0)} | 0 | - | - |`);
    console.log(`| open, polled every second | ${fmt(watchedRps, 0)} | ${polled.count} (${polled.failures} failed) | ${fmt(polled.ms / Math.max(polled.count, 1), 1)} | ${polled.bytes} |`);
    console.log(`\nwatched / quiet throughput: ${fmt(watchedRps / quietRps, 3)} over all rounds, ${fmt(medianPair, 3)} median of ${pairs.length} pairs (target >= 0.95)`);
    console.log(`one poll costs the broker ${fmt(perPollMs, 1)} ms of CPU (idle, 100 polls): ${fmt(perPollMs / 10, 2)}% of a core at one poll a second`);
    if (quiet.problems || watched.problems || polled.failures) throw new Error('errors during the load run');
  } finally {
    broker?.kill('SIGTERM');
    await issuer.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
