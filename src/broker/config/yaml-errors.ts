// A YAML syntax error as one message an operator can act on. The parser reports one error per line it could
// not read after the first mistake (a tab-indented block gave six, each ending in a dangling colon); the first
// is the one to fix, with its line and column, and for tabs the reason in plain words.
import type { YAMLError } from 'yaml';

export function describeYamlErrors(errors: readonly YAMLError[]): string {
  const first = errors[0]!;
  const at = first.linePos?.[0];
  const text = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?\s*$/, '').replace(/:\s*$/, '');
  const hint = first.code === 'TAB_AS_INDENT' || /\btab/i.test(text) ? ': indent with spaces, not tabs (YAML does not allow tabs in indentation)' : '';
  const more = errors.length > 1 ? ` (${errors.length - 1} more after it, most likely caused by this one)` : '';
  return `YAML: ${at ? `line ${at.line}, column ${at.col}: ` : ''}${text}${hint}${more}`;
}
