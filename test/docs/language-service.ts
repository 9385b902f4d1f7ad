// GitHub's own language service for workflows (@actions/languageservice, the engine of the VS Code extension),
// run on a workflow text with OUR action.yml as the action metadata: it reports a `with:` key action.yml does
// not declare, a missing required input, and expressions in values that use an unknown context or function.
// The service fetches action metadata through a provider hook; here that hook reads action.yml from this
// repository instead of the network:
//  - `<owner>/oidc-exchange@<ref>` (how the docs write this action) and `uses: ./` get the root action.yml;
//  - `uses: ./<path>` (a local action, like .github/ci/after-cleanup) gets `<path>/action.yml`. The service
//    skips local references, so the text is handed to it with each `./<path>` spelled as a repository
//    reference to this repository, `this-repository/oidc-exchange/<path>@local`;
//  - any other action (actions/checkout, ...) gets metadata without inputs, which the service reads as "not
//    checked here": its inputs are beyond this machine's reach (actionlint knows the popular ones).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate, type ActionsMetadataProvider } from '@actions/languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from 'yaml';
import { repoRoot } from '../helpers/docs.js';

const THIS_REPOSITORY = 'this-repository/oidc-exchange';

type Metadata = NonNullable<Awaited<ReturnType<ActionsMetadataProvider['fetchActionMetadata']>>>;

/** An action.yml as the service's ActionMetadata: name, description, inputs (with required, default, deprecationMessage), outputs. */
export function actionMetadata(actionYml: string): Metadata {
  const raw = parse(readFileSync(actionYml, 'utf8')) as Record<string, unknown>;
  const inputs: NonNullable<Metadata['inputs']> = {};
  for (const [name, spec] of Object.entries((raw.inputs ?? {}) as Record<string, Record<string, unknown>>)) {
    inputs[name] = {
      description: String(spec.description ?? ''),
      ...(spec.required !== undefined ? { required: spec.required === true || spec.required === 'true' } : {}),
      ...(spec.default !== undefined ? { default: String(spec.default) } : {}),
      ...(spec.deprecationMessage !== undefined ? { deprecationMessage: String(spec.deprecationMessage) } : {}),
    };
  }
  return { name: String(raw.name ?? ''), description: String(raw.description ?? ''), inputs, outputs: (raw.outputs ?? {}) as Metadata['outputs'] };
}

/** The hook: this repository's action.yml files, read from disk; other actions unchecked (see the top). */
export const metadataFromThisRepository: ActionsMetadataProvider = {
  async fetchActionMetadata(ref) {
    if (ref.name !== 'oidc-exchange') return { name: `${ref.owner}/${ref.name}`, description: 'not checked here' };
    const file = join(repoRoot, ref.path ?? '', 'action.yml');
    return existsSync(file) ? actionMetadata(file) : undefined;
  },
};

/** `uses: ./x` as `uses: this-repository/oidc-exchange/x@local`, and `uses: ./` as the root action. */
export function localActionsAsReferences(text: string): string {
  return text.replace(/(\buses:\s*)\.\/([^\s#'"]*)/g, (_m, key: string, path: string) => `${key}${THIS_REPOSITORY}${path ? `/${path.replace(/\/+$/, '')}` : ''}@local`);
}

let documents = 0;

/**
 * The service's findings for one workflow text, as `line:col message` (1-based). Each call gets its own
 * document URI: the service caches what it parsed by URI.
 */
export async function languageServiceFindings(text: string, name: string): Promise<string[]> {
  const uri = `file:///language-service/${++documents}/.github/workflows/${name.replace(/[^\w.-]+/g, '_')}.yml`;
  const found = await validate(TextDocument.create(uri, 'yaml', 1, localActionsAsReferences(text)), { actionsMetadataProvider: metadataFromThisRepository });
  return found.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}

/** The service's findings for an action.yml (its own schema: runs, branding, inputs). */
export async function actionFileFindings(path: string): Promise<string[]> {
  const uri = `file:///language-service/${++documents}/${path}`;
  const found = await validate(TextDocument.create(uri, 'yaml', 1, readFileSync(join(repoRoot, path), 'utf8')));
  return found.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}
