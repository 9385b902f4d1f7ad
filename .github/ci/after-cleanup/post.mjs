// Runs after oidc-exchange's post step: every token the job received is revoked and its secret file is gone.
import { existsSync } from 'node:fs';

const input = (name) => process.env[`INPUT_${name.toUpperCase()}`] ?? '';
const problems = [];

const variable = input('file-variable');
const file = process.env[variable];
if (!file) problems.push(`$${variable} is not set: the oidc-exchange step did not export the file secret`);
else if (existsSync(file)) problems.push(`the secret file in $${variable} is still there`);

const res = await fetch(input('tokens-url'));
const { minted, alive } = await res.json();
if (minted < 1) problems.push('the stand-in GitHub API minted no token: the exchange did not ask for GH_TOKEN');
if (alive !== 0) problems.push(`${alive} of ${minted} GitHub token(s) were not revoked by the post step`);

if (problems.length) {
  for (const p of problems) console.log(`::error title=oidc-exchange cleanup::${p}`);
  process.exit(1);
}
console.log(`oidc-exchange's post step removed the secret file and revoked ${minted} GitHub token(s)`);
