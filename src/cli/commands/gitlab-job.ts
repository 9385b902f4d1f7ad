// `oidc-exchange gitlab-job`: runs the GitLab component's job here against a broker, as a shell runner would
// (src/harness/gitlab/job.ts), with an id token minted by a running fake GitLab issuer (`oidc-exchange
// issuers`) or given with --token, and prints the job log. Inputs are checked against the component's spec:
// a misspelt one is refused with the closest name.
import { readFile } from 'node:fs/promises';
import { componentTemplatePath, loadHiddenJob, parseComponent, runGitLabJob, type InputValue } from '../../harness/gitlab/job.js';
import { closest } from '../../text/suggest.js';
import type { CommandIo } from '../io.js';
import { keyValues, runCommand, UsageError, type CommandSpec, type Values } from '../options.js';

export const gitlabJobSpec = {
  name: 'gitlab-job',
  synopsis: `--input broker_url=URL --input audience=AUD [--input NAME=VALUE ...]
             (--issuer-url URL [--claims FILE] [--set CLAIM=VALUE ...] | --token JWT)
             [--script CMD ...] [--shell PATH] [--variable NAME=VALUE ...]`,
  description: `Runs the GitLab component's job here, as a GitLab runner with a shell executor would: the template's inputs
checked and interpolated, the id token from a running fake GitLab issuer (oidc-exchange issuers) or --token,
before_script and your script in one shell, after_script in another. Prints the job log; exits with the job's status.`,
  options: {
    input: { type: 'string', multiple: true, arg: 'NAME=VALUE', help: "the component's inputs, as in include: component: inputs:" },
    'issuer-url': { type: 'string', arg: 'URL', help: 'the fake GitLab issuer that signs the id token' },
    claims: { type: 'string', arg: 'FILE', help: "the id token's claims, as GitLab emits them (filled in like check does)" },
    set: { type: 'string', multiple: true, arg: 'CLAIM=VALUE', help: 'one claim (must agree with --claims)' },
    token: { type: 'string', arg: 'JWT', help: 'use this id token instead of minting one' },
    script: { type: 'string', multiple: true, arg: 'CMD', help: "the job's script lines" },
    shell: { type: 'string', arg: 'PATH', help: 'the shell the runner uses (default /bin/sh)' },
    variable: { type: 'string', multiple: true, arg: 'NAME=VALUE', help: 'a CI/CD variable of the job (e.g. CI_DEBUG_TRACE=true)' },
  },
} satisfies CommandSpec;

export async function gitlabJobCommand(args: string[], io?: Partial<CommandIo>): Promise<number> {
  return runCommand(gitlabJobSpec, args, io, gitlabJob);
}

async function gitlabJob(values: Values<typeof gitlabJobSpec.options>, io: CommandIo): Promise<number> {
  if (!values.token === !values['issuer-url']) throw new UsageError('gitlab-job', 'give the id token with exactly one of --issuer-url URL (a fake GitLab issuer mints it) or --token JWT');
  if (values.token && (values.claims !== undefined || values.set?.length)) {
    throw new UsageError('gitlab-job', '--claims and --set shape a token the fake issuer mints; with --token they would do nothing: drop one or the other');
  }
  // Inputs come as text; the spec's types decide what they become, as GitLab's include: inputs would.
  const templatePath = componentTemplatePath();
  const spec = parseComponent(await readFile(templatePath, 'utf8')).inputs;
  const given = keyValues('gitlab-job', 'input', values.input);
  const inputs: Record<string, InputValue> = {};
  for (const [k, v] of Object.entries(given)) {
    if (!Object.hasOwn(spec, k)) {
      const guess = closest(k, Object.keys(spec));
      throw new UsageError('gitlab-job', `--input ${k}: the component has no input ${JSON.stringify(k)}${guess ? `; did you mean ${guess}?` : ''} (its inputs: ${Object.keys(spec).join(', ')})`);
    }
    const type = spec[k]?.type ?? 'string';
    inputs[k] = type === 'number' ? Number(v) : type === 'boolean' ? v === 'true' : type === 'array' ? (JSON.parse(v) as string[]) : v;
  }
  const variables = keyValues('gitlab-job', 'variable', values.variable);
  let token = values.token;
  if (!token) {
    const { readGivenClaims, mustAgree, completeClaims, describeCompletion } = await import('../claims-file.js');
    const issuerUrl = values['issuer-url']!.replace(/\/+$/, '');
    const claims = await readGivenClaims('gitlab-job', values.claims, values.set);
    if (inputs.audience !== undefined) mustAgree('gitlab-job', claims, 'aud', String(inputs.audience), 'the audience input');
    else if (claims.claims.aud !== undefined) inputs.audience = String(claims.claims.aud);
    const completed = completeClaims('gitlab-job', claims, { platform: 'gitlab', signedBy: issuerUrl });
    if (completed.platform !== 'gitlab') throw new UsageError('gitlab-job', 'the claims are GitHub claims; gitlab-job runs the GitLab component (for the GitHub Action, use oidc-exchange try-action)');
    for (const line of describeCompletion(completed, values.claims ?? '--set')) io.stderr.write(`oidc-exchange gitlab-job: ${line}\n`);
    const { mintAt } = await import('../../harness/fakes/running-issuer.js');
    const hidden = await loadHiddenJob(templatePath, inputs);
    const aud = Object.values((hidden.job.id_tokens ?? {}) as Record<string, { aud?: string }>)[0]?.aud;
    delete completed.claims.aud;
    const res = await mintAt(issuerUrl, { claims: completed.claims, audience: aud });
    const body = JSON.parse(res.text) as { value?: string; message?: string };
    if (res.status !== 200 || !body.value) throw new Error(`the issuer answered ${res.status}: ${body.message ?? ''}`);
    token = body.value;
  }
  const { withScratch } = await import('../../harness/scratch.js');
  return withScratch('oidc-exchange-gitlab-job-', async () => {
    const result = await runGitLabJob({
      inputs,
      token,
      script: values.script ?? [],
      shell: values.shell ? [values.shell] : undefined,
      path: io.env.PATH,
      variables,
      templatePath,
    });
    try {
      io.stdout.write(result.log);
      return result.exitCode;
    } finally {
      await result.cleanup();
    }
  });
}
