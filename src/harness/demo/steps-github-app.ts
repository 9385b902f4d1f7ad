// Demo steps for broker-minted GitHub tokens: a release job gets a GitHub App installation token scoped by its
// policy, cannot widen it, the token "leaks" and GitLab's secret detection reports it to the broker's Token
// Revocation API, and the fake GitHub confirms the token no longer works. Tokens are never printed.
import { request } from 'undici';
import { postExchange, type DemoContext, type DemoStep } from './context.js';

const REVOCATION_TYPE = 'gitleaks_rule_id_github_app_token';
/** The token each demo run received, shared between its steps. */
const received = new WeakMap<DemoContext, string>();

function expect(cond: boolean, what: string): void {
  if (!cond) throw new Error(what);
}

function api(ctx: DemoContext) {
  expect(ctx.githubApi !== undefined && ctx.revocationToken !== undefined, 'the demo context has no fake GitHub API');
  return { github: ctx.githubApi!, revocationToken: ctx.revocationToken! };
}

async function releaseJobToken(ctx: DemoContext): Promise<string> {
  return ctx.github.mint(ctx.github.claimsFor({ environment: 'release' }), { audience: ctx.audience });
}

function tokenOf(ctx: DemoContext): string {
  const t = received.get(ctx);
  expect(t !== undefined, 'no GitHub token was received in an earlier step');
  return t!;
}

async function githubCall(url: string, method: 'GET' | 'POST' | 'DELETE', authorization: string, body?: unknown) {
  const res = await request(url, {
    method,
    headers: { authorization, accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.body.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    /* 204 */
  }
  return { status: res.statusCode, json };
}

export const githubAppSteps: DemoStep[] = [
  {
    title: 'A release job gets a GitHub token scoped by its policy',
    async run(ctx) {
      const { github } = api(ctx);
      const r = await postExchange(ctx, await releaseJobToken(ctx));
      expect(r.status === 200, `expected 200, got ${r.status} ${String(r.body.error ?? '')} ${String(r.body.message ?? '')}`);
      const token = (r.body.secrets as Record<string, string>).GH_TOKEN;
      expect(typeof token === 'string' && token.startsWith('ghs_'), 'expected a ghs_ installation token in GH_TOKEN');
      received.set(ctx, token!);
      ctx.secretValues.push(token!);
      const scope = github.token(token!);
      expect(scope !== undefined && github.isAlive(token!), 'the fake GitHub does not know the token');
      const revoke = r.body.revoke as Array<{ name: string; url: string }> | undefined;
      expect(revoke?.[0]?.name === 'GH_TOKEN', 'expected a revoke entry for GH_TOKEN');
      const perms = Object.entries(scope!.permissions).map(([p, l]) => `${p}: ${l}`).join(', ');
      return `200, policy ${String(r.body.policy)}: GH_TOKEN reaches ${scope!.repositories.join(', ')} with ${perms}, expires ${String(r.body.expires_at)}; revoke with DELETE ${revoke![0]!.url}`;
    },
  },
  {
    title: 'The job asks for a wider GitHub token than its policy grants',
    async run(ctx) {
      const r = await postExchange(ctx, await releaseJobToken(ctx), { body: { github: { GH_TOKEN: { permissions: { contents: 'write' } } } } });
      expect(r.status === 403 && r.body.error === 'github_scope_not_granted', `expected 403 github_scope_not_granted, got ${r.status} ${String(r.body.error ?? '')}`);
      return `403 ${String(r.body.error)}: ${String(r.body.message)}`;
    },
  },
  {
    title: "The token leaks; GitLab's secret detection reports it to the revocation API",
    async run(ctx) {
      const { revocationToken } = api(ctx);
      const token = tokenOf(ctx);
      // As GitLab calls it: the pre-shared token as the raw Authorization value, types first, then the batch.
      const types = await githubCall(`${ctx.brokerUrl}/v1/revocable_token_types`, 'GET', revocationToken);
      expect(types.status === 200 && (types.json.types as string[]).includes(REVOCATION_TYPE), `expected the types list to include ${REVOCATION_TYPE}`);
      const batch = [{ type: REVOCATION_TYPE, token: `export GH_TOKEN=${token}`, location: 'https://gitlab.example.com/acme/app/-/blob/main/deploy.sh#L3' }];
      const first = await githubCall(`${ctx.brokerUrl}/v1/revoke_tokens`, 'POST', revocationToken, batch);
      expect(first.status === 204, `expected 204, got ${first.status}`);
      // GitLab retries whole batches: a repeat is harmless.
      const again = await githubCall(`${ctx.brokerUrl}/v1/revoke_tokens`, 'POST', revocationToken, batch);
      expect(again.status === 204, `expected 204 for the repeated batch, got ${again.status}`);
      return `types ${(types.json.types as string[]).join(', ')}; POST /v1/revoke_tokens answered 204, and 204 again for the retried batch`;
    },
  },
  {
    title: 'The fake GitHub confirms the leaked token no longer works',
    async run(ctx) {
      const { github } = api(ctx);
      const token = tokenOf(ctx);
      const r = await githubCall(`${github.url}/installation/repositories`, 'GET', `Bearer ${token}`);
      expect(r.status === 401, `expected 401 from GET /installation/repositories, got ${r.status}`);
      const deletes = github.requests.filter((q) => q.method === 'DELETE' && q.path === '/installation/token').length;
      expect(deletes === 1, `expected exactly one revocation at GitHub, saw ${deletes}`);
      return `GET /installation/repositories with the token: 401 ${String(r.json.message)}; GitHub saw exactly one DELETE /installation/token`;
    },
  },
];
