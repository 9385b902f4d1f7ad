// Fenced code blocks of README.md, docs/ and gitlab-component/README.md, as a newcomer copies them. Tests
// that hold the docs to the platforms (GitHub's workflow parser, GitLab's schema, the broker's config loader,
// a real shell) take their blocks from here, so a block nobody tests is a block the coverage test names.
//
// A block says what it is in its info string, after the language (Markdown renderers show only the first
// word): ```yaml github-workflow. The kinds:
//   github-workflow   a workflow file; with `fragment`, steps or a job the test wraps (and says so)
//   gitlab-ci         a .gitlab-ci.yml; with `fragment`, a part of one
//   broker-config     a broker configuration file; with `fragment`, a part of one
//   sh / bash / shell commands a newcomer runs, run as printed by test/docs/commands.dist.test.ts; tags such as
//                     `background`, `needs-platform` or `setup` say how, and are listed at the top of that test
//   output            what a command prints or a server answers: illustration, not run
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface DocBlock {
  /** Path relative to the repository root. */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The first word of the info string (`yaml`, `sh`, ...), '' when absent. */
  lang: string;
  /** The remaining words of the info string. */
  tags: string[];
  /** The block's text, its fence's indentation removed, ending with a newline. */
  text: string;
}

/** Every Markdown file whose snippets users copy. */
export function docFiles(): string[] {
  const docs = readdirSync(join(repoRoot, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => join('docs', f));
  return ['README.md', ...docs, 'gitlab-component/README.md'];
}

export function blocksOf(file: string): DocBlock[] {
  const lines = readFileSync(join(repoRoot, file), 'utf8').split('\n');
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, info] = open as unknown as [string, string, string, string];
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      // A closing fence: only the opening fence's character, at least as many of them.
      const t = l.trim();
      if (t.length >= fence.length && t === fence[0]!.repeat(t.length)) break;
      body.push(l.startsWith(indent) ? l.slice(indent.length) : l.trimStart());
    }
    const [lang = '', ...tags] = info.trim().split(/\s+/).filter(Boolean);
    blocks.push({ file: relative(repoRoot, join(repoRoot, file)), line: i + 1, lang, tags, text: body.join('\n') + '\n' });
    i = j;
  }
  return blocks;
}

/** Every block of every doc file, in file order. */
export function docBlocks(): DocBlock[] {
  return docFiles().flatMap(blocksOf);
}

/** `file:line`, for test names and failure messages. */
export function where(b: DocBlock): string {
  return `${b.file}:${b.line}`;
}
