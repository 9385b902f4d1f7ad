// The component's template as GitLab reads it: the script's source is shellcheck-clean, the spec's inputs are
// typed and described, and inputs are checked the way GitLab checks them when a pipeline is created. GitLab's
// schema and header rules: ci-schema.test.ts; the built template (the embedded script is the source byte for
// byte, with the reserved-name checks generated from src/client/reserved-names.ts): template.dist.test.ts.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { promisify } from 'node:util';
import { componentTemplatePath, GitLabConfigError, loadHiddenJob, parseComponent, resolveInputs } from '../../src/harness/gitlab/job.js';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const source = join(root, 'gitlab-component', 'src', 'oidc-exchange.sh');
const required = { broker_url: 'https://broker.example.com', audience: 'https://broker.example.com' };

it('the script is shellcheck-clean as POSIX sh', async () => {
  const { stdout } = await run('shellcheck', ['-s', 'sh', '-f', 'gcc', source]);
  expect(stdout).toBe('');
});

it('follows the catalog conventions: described inputs, one hidden job named by an input, no global keywords', async () => {
  const component = parseComponent(await readFile(componentTemplatePath(), 'utf8'));
  for (const [name, spec] of Object.entries(component.inputs)) expect([name, typeof spec.description]).toEqual([name, 'string']);
  const withoutDefault = Object.entries(component.inputs).filter(([, s]) => s.default === undefined).map(([n]) => n);
  expect(withoutDefault.sort()).toEqual(['audience', 'broker_url']);
  expect(Object.keys(component.body)).toEqual(['.$[[ inputs.job_name ]]']);
  const { name, job } = await loadHiddenJob(componentTemplatePath(), { ...required, job_name: 'secrets', stage: 'deploy', token_variable: 'MY_ID_TOKEN' });
  expect(name).toBe('.secrets');
  expect(job.stage).toBe('deploy');
  expect(job.id_tokens).toEqual({ MY_ID_TOKEN: { aud: 'https://broker.example.com' } });
  expect((job.variables as Record<string, string>).OIDC_EXCHANGE_TOKEN_VARIABLE).toBe('MY_ID_TOKEN');
  expect((job.before_script as string[])[1]).toBe("oidc_exchange_main allow_debug_trace=false revoke=true debug_claims=false timeout_seconds=30 export_all=false allow_names='*' broker_url='https://broker.example.com' github_api_url='https://api.github.com' token_variable=MY_ID_TOKEN || exit 1");
});

describe('inputs are checked as GitLab checks them', () => {
  const spec = async () => parseComponent(await readFile(componentTemplatePath(), 'utf8')).inputs;
  it.each([
    [{ audience: 'x' }, '`broker_url` input: required value has not been provided'],
    [{ broker_url: 'https://b' }, '`audience` input: required value has not been provided'],
    [{ ...required, export: 'stdout' }, '`export` input: `stdout` cannot be used because it is not in the list of allowed options'],
    [{ ...required, broker_url: 'ftp://b' }, '`broker_url` input: `ftp://b` does not match required regex'],
    [{ ...required, timeout_seconds: '30' }, '`timeout_seconds` input: provided value is not a number'],
    [{ ...required, allow_debug_trace: 'yes' }, '`allow_debug_trace` input: provided value is not a boolean'],
    [{ ...required, token_variable: 'my-token' }, '`token_variable` input: `my-token` does not match required regex'],
    [{ ...required, brokerurl: 'x' }, 'unknown input name provided: `brokerurl`'],
    // Written into the script between single quotes (pinned, see the component README): a quote cannot be one.
    [{ ...required, broker_url: "https://b/'x" }, "`broker_url` input: `https://b/'x` does not match required regex"],
    [{ ...required, allow_names: 'APP_*; id' }, '`allow_names` input: `APP_*; id` does not match required regex'],
  ])('%j', async (given, message) => {
    const s = await spec();
    expect(() => resolveInputs(s, given as Record<string, string>)).toThrow(GitLabConfigError);
    expect(() => resolveInputs(s, given as Record<string, string>)).toThrow(message);
  });
});
