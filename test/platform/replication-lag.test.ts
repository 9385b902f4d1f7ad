// When a GitHub answer to a young installation token is worth asking again: the schedule GitHub's own SDK uses
// for replication lag (octokit/auth-app.js: 1 s, 2 s, 4 s after a 401 in the token's first seconds; 403 too,
// since #589), written out by hand.
import { describe, expect, it } from '@jest/globals';
import { replicationRetryDelay } from '../../src/platform/replication-lag.js';

const MINTED = Date.parse('2026-12-05T12:00:00Z');

describe('replicationRetryDelay', () => {
  it.each([
    // [status, ms after minting, retries so far, delay, why]
    [401, 200, 0, 1000, 'a 401 right after minting: GitHub may not know the token yet'],
    [401, 1500, 1, 2000, 'the second retry waits longer'],
    [401, 3600, 2, 4000, 'the third retry waits longer again'],
    [401, 7700, 3, undefined, 'after three retries the answer stands'],
    [403, 100, 0, 1000, 'a 403: the token is known but its permissions are not yet'],
    [404, 100, 0, 1000, 'a 404: GitHub hides some refusals as not found'],
    [401, 9999, 0, 1000, 'still inside the first ten seconds'],
    [401, 10_000, 0, undefined, 'ten seconds after minting a 401 means the token is dead'],
    [401, 3_600_000, 0, undefined, 'an hour-old token is never retried'],
    [500, 100, 0, undefined, "a server error is not replication lag (the caller's own retry handles it)"],
    [422, 100, 0, undefined, 'a refusal of the request itself is not lag'],
    [204, 100, 0, undefined, 'success'],
  ])('%i at %i ms, %i retries so far: %p (%s)', (status, after, retries, delay, _why) => {
    expect(replicationRetryDelay(status, MINTED, MINTED + after, retries)).toBe(delay);
  });

  it('no retry when the minting time is unknown (a state saved by an older version)', () => {
    expect(replicationRetryDelay(401, undefined, MINTED, 0)).toBeUndefined();
    expect(replicationRetryDelay(401, Number.NaN, MINTED, 0)).toBeUndefined();
  });

  it('at most 7 s of waiting in all, well inside the post step and the revocation API deadlines', () => {
    let waited = 0;
    for (let retries = 0; ; retries++) {
      const d = replicationRetryDelay(401, MINTED, MINTED + waited, retries);
      if (d === undefined) break;
      waited += d;
    }
    expect(waited).toBe(7000);
  });
});
