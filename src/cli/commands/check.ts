// `oidc-exchange check`: which policy of a broker configuration a token's claims match, and why the others do
// not (src/broker/policy/check.ts decides); with --lint, the trust-policy lint findings of the configuration
// (src/broker/lint/report.ts). Claims come from a claims file, filled in as every command fills them in
// (src/cli/claims-file.ts), or from a token that is decoded, not verified.
import { DEFAULT_CLOCK_SKEW_SECONDS } from '../../broker/config/issuers.js';
import { loadConfigFile, type BrokerConfig } from '../../broker/config/load.js';
import { ConfigError } from '../../broker/errors.js';
import type { LintReport } from '../../broker/lint/report.js';
import { checkClaims, checkGivenClaims, evaluationsJson, formatReport, tokenIdentity, type CheckReport } from '../../broker/policy/check.js';
import type { Claims } from '../../broker/policy/policy.js';
import { tokenExpiry, type Expiry } from '../../broker/verify/expiry.js';
import { TokenVerifier } from '../../broker/verify/token.js';
import { ClaimsError } from '../../platform/completion.js';
import { describeCompletion, readGivenClaims, unknownClaims, type Completed } from '../claims-file.js';
import type { CommandIo } from '../io.js';
import { runCommand, UsageError, type CommandSpec, type Values } from '../options.js';
import { version } from '../version.js';

export const checkSpec = {
  name: 'check',
  synopsis: '--config FILE (--claims FILE | --token JWT) [--json]\n--lint --config FILE [--json] [--sarif FILE]',
  description: `Says which policy of a broker configuration a token's claims match and, for every other policy, which
condition failed. Reads the configuration like the broker (without its secrets) and runs the same matcher; it
makes no network request and does not verify the token's signature (it is about the policy).`,
  options: {
    config: { type: 'string', short: 'c', arg: 'FILE', help: 'the broker configuration' },
    claims: { type: 'string', arg: 'FILE', help: "a JSON file of the token's claims, as the platform emits them" },
    token: { type: 'string', arg: 'JWT', help: 'read the claims from this token instead (not verified)' },
    json: { type: 'boolean', help: 'print the result as JSON' },
    lint: { type: 'boolean', help: 'apply the trust-policy lint rules to the configuration instead (docs/policies.md, "Safe policies")' },
    sarif: { type: 'string', arg: 'FILE', help: 'with --lint: also write the findings as SARIF 2.1.0 to FILE' },
  },
  epilog: `Claims left out of --claims are filled in as try-action, token and gitlab-job fill them in: iss (the issuer with
id github or gitlab), aud (the broker's audience), sub and the other derived claims from the parts, the rest from
a typical job; the report says which. Exit status: 0 a policy matches, 1 none does, 2 bad usage or configuration. With --lint: 0 nothing would stop the
broker, 1 an error finding would, 2 the configuration is unusable for another reason.`,
} satisfies CommandSpec;

export async function checkCommand(args: string[], io?: Partial<CommandIo>): Promise<number> {
  return runCommand(checkSpec, args, io, check);
}

async function check(values: Values<typeof checkSpec.options>, io: CommandIo): Promise<number> {
  if (!values.config) throw new UsageError('check', '--config FILE is required');
  if (values.lint) {
    if (values.claims !== undefined || values.token !== undefined) throw new UsageError('check', '--lint reads only the configuration: leave out --claims and --token');
    return lint({ config: values.config, json: values.json, sarif: values.sarif }, io);
  }
  if (values.sarif !== undefined) throw new UsageError('check', '--sarif FILE goes with --lint');
  if ((values.claims === undefined) === (values.token === undefined)) throw new UsageError('check', 'give the claims with exactly one of --claims FILE or --token JWT');
  let config: BrokerConfig;
  try {
    config = await loadConfigFile(values.config, { checkSources: false, env: io.env });
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
  let claims: Claims;
  let completed: Completed | undefined;
  let expiry: Expiry | undefined;
  let report: CheckReport;
  if (values.token) {
    const peeked = TokenVerifier.peek(values.token.trim());
    if (!peeked) throw new UsageError('check', '--token is not a decodable JWT');
    claims = peeked;
    // A real token's lifetime is the broker's first question: an expired one never reaches the policies.
    const iss = typeof claims.iss === 'string' ? claims.iss.replace(/\/+$/, '') : undefined;
    const skew = config.issuers.find((i) => i.issuer === iss)?.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS;
    expiry = tokenExpiry(claims, Date.now(), skew);
    report = checkClaims(config, claims, expiry.problem ? [expiry.problem] : []);
  } else {
    const given = await readGivenClaims('check', values.claims);
    // The path the status page's playground takes too; the platform's refusals are this command's usage errors.
    let checked: ReturnType<typeof checkGivenClaims>;
    try {
      checked = checkGivenClaims(config, given);
    } catch (e) {
      if (e instanceof ClaimsError) throw new UsageError('check', e.message);
      throw e;
    }
    completed = { ...checked.completed, unknown: unknownClaims(given, checked.completed.platform) };
    claims = completed.claims;
    report = checked.report;
  }
  if (values.json) {
    io.stdout.write(
      JSON.stringify(
        {
          matched: report.matched ?? null,
          identity: tokenIdentity(claims) ?? null,
          ...(expiry ? { expires_at: expiry.expiresAt ?? null, seconds_left: expiry.secondsLeft ?? null } : {}),
          ...(completed ? { filled_in: { derived: completed.derived, defaults: completed.defaults, warnings: completed.unknown } } : {}),
          problems: report.problems,
          policies: evaluationsJson(report),
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    if (completed) io.stdout.write(describeCompletion(completed, values.claims!).map((l) => `claims: ${l}\n`).join(''));
    if (expiry) io.stdout.write(`${expiry.line}\n`);
    io.stdout.write(formatReport(report, claims));
    // A match that rests on a claim the file did not give is worth a second look.
    const decided = report.evaluations.find((e) => e.policy.name === report.matched)?.policy;
    const assumed = decided?.conditions.map((c) => c.claim).filter((c) => completed?.defaults.includes(c)) ?? [];
    if (assumed.length) io.stdout.write(`note: ${report.matched} matched on ${assumed.join(', ')} from the typical job, not from ${values.claims}: put your job's own values there\n`);
  }
  return report.matched ? 0 : 1;
}

/** `check --lint`: every finding, errors included, printed as text or JSON, and as SARIF when asked. */
async function lint(opts: { config: string; json?: boolean; sarif?: string }, io: CommandIo): Promise<number> {
  // The linter's own modules are loaded only for --lint.
  const { exitCodeOf, formatLintReport, lintConfigFile } = await import('../../broker/lint/report.js');
  const { isBlocking } = await import('../../broker/lint/index.js');
  let report: LintReport;
  try {
    report = await lintConfigFile(opts.config);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.stderr.write(`${e.message}\n`);
    return 2;
  }
  if (opts.sarif) {
    const { toSarif } = await import('../../broker/lint/sarif.js');
    // Written to a fresh name (O_EXCL|O_NOFOLLOW) and renamed over the path: a link planted at FILE by a reviewed
    // change is replaced, never followed to overwrite a file outside the checkout.
    const { writePrivateFile } = await import('../../client/secret-files.js');
    await writePrivateFile(opts.sarif, JSON.stringify(toSarif(opts.config, report.findings, report.problems, version()), null, 2) + '\n');
  }
  if (opts.json) {
    const errors = report.findings.filter(isBlocking).length;
    io.stdout.write(JSON.stringify({ file: report.file, errors, findings: report.findings, problems: report.problems, exit_code: exitCodeOf(report) }, null, 2) + '\n');
  } else {
    io.stdout.write(formatLintReport(report));
  }
  return exitCodeOf(report);
}
