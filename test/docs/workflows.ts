// The GitHub workflow snippets of README.md and docs/ (```yaml github-workflow blocks), as a user would copy them,
// and the steps in them that use this action: read by github-workflows.test.ts (GitHub's parser, actionlint,
// action.yml's inputs and outputs) and github-workflows.dist.test.ts (each step run through the fake runner).
import { docBlocks, type DocBlock } from '../helpers/docs.js';

export const ACTION = /^[\w.-]+\/oidc-exchange@/;
export const blocks = docBlocks().filter((b) => b.lang === 'yaml' && b.tags.includes('github-workflow'));

export interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
export interface Job {
  environment?: string | { name: string };
  steps?: Step[];
}
export interface Workflow {
  on?: { push?: { branches?: string[] } } | string | string[];
  jobs?: Record<string, Job>;
}

/** The workflow as GitHub would get it: a fragment is wrapped into the smallest workflow around it. */
export function workflowText(b: DocBlock): string {
  if (!b.tags.includes('fragment')) return b.text;
  return `name: wrapped fragment\non: push\n${b.text}jobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ok\n`;
}

export function ourSteps(w: Workflow): Array<{ job: string; step: Step }> {
  return Object.entries(w.jobs ?? {}).flatMap(([job, j]) => (j.steps ?? []).filter((s) => ACTION.test(s.uses ?? '')).map((step) => ({ job, step })));
}

