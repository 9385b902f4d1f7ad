// The `sub` claims GitHub and GitLab build, taken apart: which repository or project a subject names, and
// with which immutable IDs. `check` shows them; the policy linter reads owners and contexts from them.
//
// GitHub's default subject is `repo:OWNER/REPO:CONTEXT`, where CONTEXT is `environment:NAME`, `pull_request`,
// `ref:REF`; customized subjects (`include_claim_keys`) chain `key:value` pairs and escape a `:` inside a value
// as `%3A`. Since mid-2026 GitHub writes the repository part with immutable IDs, `repo:OWNER@ID/REPO@ID:...`
// (the default for repositories created or renamed from 15 July 2026 on). GitLab's is always
// `project_path:GROUP/PROJECT:ref_type:branch|tag:ref:REF`.

export interface GitHubRepoPart {
  owner: string;
  /** `repository_owner_id`, when the subject is in the immutable form. */
  ownerId?: string;
  name: string;
  /** `repository_id`, when the subject is in the immutable form. */
  repoId?: string;
}

export interface GitHubSubject {
  /** The `key:value` pairs in order; `pull_request` (a context without a value) has the value ''. */
  parts: Array<[key: string, value: string]>;
  repo?: GitHubRepoPart;
}

const GITHUB_REPO = /^([^/@:]+)(?:@([0-9]+))?\/([^/@:]+)(?:@([0-9]+))?$/;

/** `octo-org@9919/octo-repo@690210123` or `octo-org/octo-repo`. */
export function parseGitHubRepoPart(value: string): GitHubRepoPart | undefined {
  const m = GITHUB_REPO.exec(value);
  if (!m) return undefined;
  return { owner: m[1]!, ...(m[2] ? { ownerId: m[2] } : {}), name: m[3]!, ...(m[4] ? { repoId: m[4] } : {}) };
}

export function parseGitHubSubject(sub: string): GitHubSubject | undefined {
  const tokens = sub.split(':');
  const parts: GitHubSubject['parts'] = [];
  for (let i = 0; i < tokens.length; ) {
    const key = tokens[i]!;
    if (key === 'pull_request') {
      parts.push([key, '']);
      i += 1;
      continue;
    }
    if (i + 1 >= tokens.length || key === '') return undefined;
    parts.push([key, tokens[i + 1]!.replace(/%3A/gi, ':')]);
    i += 2;
  }
  const repoValue = parts.find(([k]) => k === 'repo')?.[1];
  const repo = repoValue === undefined ? undefined : parseGitHubRepoPart(repoValue);
  return { parts, ...(repo ? { repo } : {}) };
}

export interface GitLabSubject {
  projectPath: string;
  /** The top-level group: the owner of everything below it. */
  topGroup: string;
  refType: string;
  ref: string;
}

export function parseGitLabSubject(sub: string): GitLabSubject | undefined {
  const m = /^project_path:([^:]+\/[^:]+):ref_type:([a-z]+):ref:(.*)$/s.exec(sub);
  if (!m) return undefined;
  return { projectPath: m[1]!, topGroup: m[1]!.split('/')[0]!, refType: m[2]!, ref: m[3]! };
}
