// The demo's GitHub App steps, in process against the same context `npm run demo` builds: a scoped token, a
// refused widening, revocation through the API as GitLab calls it, and the token dead at the fake GitHub.
import { describe, expect, it } from '@jest/globals';
import { runDemo } from '../../src/harness/demo/run.js';
import { githubAppSteps } from '../../src/harness/demo/steps-github-app.js';

describe('demo: broker-minted GitHub tokens', () => {
  it('every step behaves as expected and the report holds no token', async () => {
    const lines: string[] = [];
    const ok = await runDemo(githubAppSteps, (l) => lines.push(l));
    const report = lines.join('\n');
    expect(report).toContain('5 of 5 steps behaved as expected');
    expect(ok).toBe(true);
    expect(report).not.toMatch(/ghs_[A-Za-z0-9]/);
  });
});
