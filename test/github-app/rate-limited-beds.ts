// The setup the GitHub rate-limit tests share (github-quota, github-pool): beds whose fake GitHub keeps its rate
// limits on a clock the test moves, an exchange that remembers every token minted, and after each test a check
// that none of those tokens reached the broker's log before the bed closes.
import { afterEach, expect } from '@jest/globals';
import { exchangeOver, leaks } from '../helpers/broker.js';
import { jobToken, startGitHubBed, type GitHubBed, type GitHubBedOptions } from './bed.js';

export type RateLimitedBedOptions = GitHubBedOptions & { limits: NonNullable<GitHubBedOptions['api']>['limits'] };

/** Call inside a describe: registers the afterEach that checks and closes the beds `start` opened. */
export function rateLimitedBeds() {
  const beds: GitHubBed[] = [];
  const minted: string[] = [];
  afterEach(async () => {
    for (const bed of beds.splice(0)) {
      expect(leaks(bed.log.join(''), minted)).toEqual([]);
      await bed.close();
    }
  });
  return {
    /** The tokens the exchanges minted, in order. */
    minted,
    /** A bed whose fake GitHub's clock is real time plus `clock.offset` (ms), moved by the test. */
    async start(opts: RateLimitedBedOptions, clock = { offset: 0 }): Promise<GitHubBed> {
      const bed = await startGitHubBed({ ...opts, api: { ...opts.api, limits: opts.limits, now: () => Date.now() + clock.offset } });
      beds.push(bed);
      return bed;
    },
    /** One exchange with a fresh job token (or `token`); a minted GH_TOKEN is remembered. */
    async exchange(bed: GitHubBed, token?: string) {
      const a = await exchangeOver(bed.url, { token: token ?? (await jobToken(bed)) });
      const t = (a.json.secrets as Record<string, string> | undefined)?.GH_TOKEN;
      if (t) minted.push(t);
      return a;
    },
  };
}
