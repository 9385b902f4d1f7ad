// Issue 18, finding 5 (GitLab): a plain http:// broker URL on this machine went through http_proxy: the proxy
// saw the job's id token and could answer with secret values of its own. The script now passes curl
// `--noproxy '*'` and GNU wget `--no-proxy` for plain http to a loopback address. A "proxy" that records what
// reaches it and answers like a broker; the real broker beside it.
import { runGitLabJob, type GitLabJobResult } from '../../src/harness/gitlab/job.js';
import { fakeJwt, plainAnswer, startFake, type Fake } from './fake-server.js';
import { toolPath } from './job-env.js';

const curlPath = toolPath(['curl', 'jq']);
const wgetPath = toolPath(['wget', 'jq']);
let broker: Fake;
let proxy: Fake;
const jobs: GitLabJobResult[] = [];

beforeAll(async () => {
  broker = await startFake((_req, res) => plainAnswer(res, { DB_PASSWORD: 'from-the-broker' }));
  proxy = await startFake((_req, res) => plainAnswer(res, { DB_PASSWORD: 'from-the-proxy' }));
});
afterAll(async () => {
  curlPath.remove();
  wgetPath.remove();
  await Promise.all([broker.close(), proxy.close()]);
});
afterEach(async () => {
  for (const j of jobs.splice(0)) await j.cleanup();
});

describe.each([
  ['curl', curlPath],
  ['GNU wget', wgetPath],
])('%s: a loopback http:// broker never through a proxy', (_client, tools) => {
  it('http_proxy and HTTP_PROXY set: the broker answers, the proxy sees nothing', async () => {
    broker.seen.length = 0;
    proxy.seen.length = 0;
    const r = await runGitLabJob({
      token: fakeJwt(),
      shell: ['/bin/dash'],
      path: tools.path,
      script: ['test "$DB_PASSWORD" = from-the-broker && echo "value from the broker"'],
      inputs: { broker_url: broker.url, audience: 'https://broker.test', secrets: 'DB_PASSWORD', timeout_seconds: 10 },
      variables: { http_proxy: proxy.url, HTTP_PROXY: proxy.url, https_proxy: proxy.url, ALL_PROXY: proxy.url },
    });
    jobs.push(r);
    expect(proxy.seen).toEqual([]);
    expect(broker.seen.map((s) => s.path)).toEqual(['/v1/exchange']);
    expect(r.exitCode).toBe(0);
    expect(r.scriptLog).toContain('value from the broker');
  });
});
