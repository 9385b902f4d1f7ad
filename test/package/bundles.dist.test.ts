// What the build put in each bundle: the action's (dist/action/, committed, what every `uses:` step downloads)
// holds none of the CLI, broker or harness, and in the CLI's (dist/cli/) the AWS SDK and the age library are
// chunks of their own, loaded only when a configuration uses them.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/docs.js';

/** The files of a bundle folder holding `needle`. */
function holding(folder: string, needle: string): string[] {
  const files = readdirSync(join(repoRoot, folder)).filter((f) => f.endsWith('.js'));
  return files.filter((f) => readFileSync(join(repoRoot, folder, f), 'utf8').includes(needle));
}

describe('lazy loading', () => {
  it('the AWS SDK and the age library are chunks of their own in the bundle, loaded only when a configuration uses them', () => {
    const brokerChunks = holding('dist/cli', 'async function brokerCommand');
    expect(brokerChunks.length).toBe(1);
    for (const library of ['SecretsManagerServiceException', 'class Decrypter']) {
      const chunks = holding('dist/cli', library);
      expect(chunks).toHaveLength(1);
      expect(['index.js', ...brokerChunks]).not.toContain(chunks[0]);
    }
  });
});

describe("the action's bundle", () => {
  it('holds none of the broker, the CLI or the harness', () => {
    for (const needle of ['async function brokerCommand', 'fastify', 'SecretsManagerServiceException', 'class Decrypter', 'startFakeIssuer']) {
      expect({ needle, files: holding('dist/action', needle) }).toEqual({ needle, files: [] });
    }
  });
});
