// Every .gitlab-ci.yml snippet in the docs (```yaml gitlab-ci blocks in README.md, docs/ and
// gitlab-component/README.md), and the catalog project's own .gitlab-ci.yml, held to GitLab's rules: GitLab's
// ci.json schema, the component's inputs checked and interpolated as GitLab does, the merged configuration valid
// too, every `extends:` and `!reference` pointing at something that exists, and the component pinned to the
// version this package releases. A block tagged `fragment` is a job that goes with its file's usage snippet: the
// test adds that snippet's `include:` to it. test/gitlab/gitlab-ci-local.dist.test.ts also runs the usage snippets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { componentTemplatePath, interpolate, parseComponent, resolveInputs, type InputValue } from '../../src/harness/gitlab/component.js';
import { blocksOf, docBlocks, repoRoot, where, type DocBlock } from '../helpers/docs.js';
import { isReference, parseGitLabYaml, schemaErrors } from '../gitlab/gitlab-schema.js';

const VERSION = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const COMPONENT = /^\$CI_SERVER_FQDN\/(?:[\w.-]+\/)+secrets@(.+)$/;
// Keys of a .gitlab-ci.yml that are not jobs.
const GLOBAL = new Set(['include', 'stages', 'variables', 'default', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'spec']);

type Config = Record<string, unknown>;

const gitlabBlocks = docBlocks().filter((b) => b.lang === 'yaml' && b.tags[0] === 'gitlab-ci');

/** The block's configuration, a fragment completed with its file's usage snippet's include:. */
function configOf(block: DocBlock, opts: { markReferences?: boolean } = {}): Config {
  const doc = parseGitLabYaml(block.text, opts)[0] as Config;
  if (!block.tags.includes('fragment')) return doc;
  const usage = blocksOf(block.file).find((b) => b.lang === 'yaml' && b.tags[0] === 'gitlab-ci' && !b.tags.includes('fragment') && b.text.includes('component:'));
  if (!usage) throw new Error(`${where(block)}: a fragment needs a usage snippet with include: component: in the same file`);
  return { include: (parseGitLabYaml(usage.text)[0] as Config).include, ...doc };
}

interface ComponentInclude {
  component: string;
  inputs?: Record<string, InputValue>;
}

function componentIncludes(config: Config): ComponentInclude[] {
  const include = config.include;
  const list = Array.isArray(include) ? include : include === undefined ? [] : [include];
  return list.filter((i): i is ComponentInclude => typeof i === 'object' && i !== null && 'component' in i);
}

/** The configuration GitLab builds: the component's jobs, interpolated with the given inputs, then the file's own. */
function merged(config: Config): Config {
  const component = parseComponent(readFileSync(componentTemplatePath(), 'utf8'));
  let out: Config = {};
  for (const inc of componentIncludes(config)) out = { ...out, ...(interpolate(component.body, resolveInputs(component.inputs, inc.inputs ?? {})) as Config) };
  const own = { ...config };
  delete own.include;
  return { ...out, ...own };
}

/** Every `!reference [job, key, ...]` in a configuration parsed with markReferences. */
function references(node: unknown, out: string[][] = []): string[][] {
  if (isReference(node)) out.push(node['!reference']);
  else if (Array.isArray(node)) node.forEach((n) => references(n, out));
  else if (node && typeof node === 'object') Object.values(node).forEach((n) => references(n, out));
  return out;
}

it('the docs have the GitLab CI snippets this test is about', () => {
  expect(gitlabBlocks.map(where).length).toBeGreaterThanOrEqual(4);
  expect(gitlabBlocks.filter((b) => b.file === 'README.md')).toHaveLength(1);
  // Every yaml block of the component's README says what it is.
  for (const b of blocksOf('gitlab-component/README.md').filter((x) => x.lang === 'yaml')) expect([where(b), b.tags[0]]).toEqual([where(b), 'gitlab-ci']);
});

describe.each(gitlabBlocks.map((b) => [where(b), b] as const))('%s', (_w, block) => {
  it("passes GitLab's ci.json schema", () => {
    expect(schemaErrors(configOf(block))).toEqual([]);
  });

  it('includes the component pinned to the released version, with inputs the component accepts', () => {
    const includes = componentIncludes(configOf(block));
    const component = parseComponent(readFileSync(componentTemplatePath(), 'utf8'));
    for (const inc of includes) {
      const m = COMPONENT.exec(inc.component);
      expect([inc.component, m?.[1]]).toEqual([inc.component, VERSION]);
      expect(() => resolveInputs(component.inputs, inc.inputs ?? {})).not.toThrow();
    }
    if (!block.text.includes('secrets:\n    DB_PASSWORD:')) expect(includes).toHaveLength(1); // all but the Premium example use it
  });

  it('once merged with the component: valid, and every extends and !reference points at something that exists', () => {
    const config = merged(configOf(block));
    expect(schemaErrors(config)).toEqual([]);
    const marked = merged(configOf(block, { markReferences: true }));
    for (const [name, job] of Object.entries(config)) {
      if (GLOBAL.has(name) || typeof job !== 'object' || job === null) continue;
      const ext = (job as { extends?: string | string[] }).extends;
      for (const target of ext === undefined ? [] : Array.isArray(ext) ? ext : [ext]) expect([name, target, target in config]).toEqual([name, target, true]);
    }
    for (const path of references(marked)) {
      let node: unknown = config;
      for (const key of path) node = (node as Config | undefined)?.[key];
      expect([path, node !== undefined]).toEqual([path, true]);
    }
  });
});

describe("the catalog project's .gitlab-ci.yml", () => {
  const file = join(repoRoot, 'gitlab-component', '.gitlab-ci.yml');
  it('passes the schema and includes the component from its own commit', () => {
    const config = parseGitLabYaml(readFileSync(file, 'utf8'))[0] as Config;
    expect(schemaErrors(config)).toEqual([]);
    expect(componentIncludes(config).map((i) => i.component)).toEqual(['$CI_SERVER_FQDN/$CI_PROJECT_PATH/secrets@$CI_COMMIT_SHA']);
    const all = merged(config);
    expect(schemaErrors(all)).toEqual([]);
    const marked = merged(parseGitLabYaml(readFileSync(file, 'utf8'), { markReferences: true })[0] as Config);
    expect(references(marked)).toEqual([['.oidc-exchange', 'after_script']]);
  });

  it('creates the release only for a semantic-version tag, as the CI/CD Catalog expects', () => {
    const config = parseGitLabYaml(readFileSync(file, 'utf8'))[0] as Config;
    const job = config['create-release'] as { rules: Array<{ if: string }>; release: { tag_name: string } };
    expect(job.release.tag_name).toBe('$CI_COMMIT_TAG');
    expect(job.rules).toEqual([{ if: '$CI_COMMIT_TAG =~ /^\\d+\\.\\d+\\.\\d+$/' }]);
  });
});
