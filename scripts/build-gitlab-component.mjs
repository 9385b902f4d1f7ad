#!/usr/bin/env node
// Builds the GitLab component's files from their sources, in two steps, both committed:
//   1. the reserved-name checks of gitlab-component/src/oidc-exchange.sh (between "# >>> reserved names" and
//      "# <<< reserved names") are generated from src/client/reserved-names.ts, the one list the action, the
//      client and the broker use, so the shell can never allow a name they refuse (or the reverse);
//   2. the script is embedded into gitlab-component/templates/secrets.yml, between its marker lines, as the
//      body of the YAML block the before_script (and, through an anchor, the after_script) runs: the catalog
//      serves that file as is.
// --check: change nothing, exit 1 when either committed file differs from what this step generates.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const paths = {
  reservedNames: join(root, 'src/client/reserved-names.ts'),
  script: join(root, 'gitlab-component/src/oidc-exchange.sh'),
  template: join(root, 'gitlab-component/templates/secrets.yml'),
};

/** Loads reserved-names.ts (it has no imports) through TypeScript's own transpiler, as an ES module. */
export async function loadReservedNames(file = paths.reservedNames) {
  const ts = (await import('typescript')).default;
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
    fileName: file,
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`);
}

/** Single-quoted for the shell. */
function shq(s) {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The characters of a regex bracket expression's body ("A-Za-z0-9_"), spelled out. */
function expandSet(body, where) {
  const out = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' || c === '[' || c === ']' || (c === '^' && i === 0)) throw new Error(`${where}: the generator reads plain sets like [A-Za-z0-9_], not "[${body}]"`);
    if (body[i + 1] === '-' && i + 2 < body.length) {
      const from = c.charCodeAt(0);
      const to = body.charCodeAt(i + 2);
      if (to < from) throw new Error(`${where}: bad range ${c}-${body[i + 2]}`);
      for (let x = from; x <= to; x++) out.push(String.fromCharCode(x));
      i += 2;
    } else out.push(c);
  }
  for (const c of out) if (c < ' ' || c > '~') throw new Error(`${where}: only printable ASCII is supported in names`);
  return [...new Set(out)].sort().join('');
}

/**
 * A name regex of the shape ^[FIRST][REST]* or ^[FIRST][REST]{0,N}$ as shell case patterns. Any other shape
 * stops the build with a message, rather than producing a check that means something else.
 */
function nameShape(re, what) {
  const m = /^\^\[([^\]]+)\]\[([^\]]+)\](\*|\{0,(\d+)\})\$$/.exec(re.source);
  if (!m || re.flags.replace(/[gy]/g, '') !== '') {
    throw new Error(`reserved-names.ts: ${what} is /${re.source}/${re.flags}; scripts/build-gitlab-component.mjs can only translate ^[set][set]* or ^[set][set]{0,N}$. Extend the generator.`);
  }
  const first = expandSet(m[1], what);
  const rest = expandSet(m[2], what);
  return { bad: `[!${shq(first)}]* | ?*[!${shq(rest)}]*`, max: m[4] === undefined ? undefined : Number(m[4]) + 1 };
}

/** An exact name as a case pattern that ignores case, as reservedBy compares names upper-cased. */
function anyCase(text, what) {
  if (!/^[A-Za-z0-9_]+$/.test(text)) throw new Error(`reserved-names.ts: ${what} "${text}" holds characters a variable name cannot`);
  return [...text].map((c) => (/[A-Za-z]/.test(c) ? `[${c.toUpperCase()}${c.toLowerCase()}]` : c)).join('');
}

/** exportNameProblem's message for `probe`, as shell words with `expr` in place of the probe. */
function messageAround(message, probe, expr, what) {
  const at = message?.indexOf(probe) ?? -1;
  if (!message || at < 0) throw new Error(`reserved-names.ts: cannot find how exportNameProblem words ${what} (probe ${JSON.stringify(probe)} gave ${JSON.stringify(message)})`);
  const before = message.slice(0, at);
  const after = message.slice(at + probe.length);
  return `${before ? shq(before) : ''}${expr}${after ? shq(after) : ''}`;
}

/** Wraps case patterns joined by | at about 110 columns. */
function patternLines(patterns, indent) {
  const lines = [];
  let line = '';
  for (const p of patterns) {
    const piece = line ? ` | ${p}` : p;
    if (line && indent.length + line.length + piece.length > 110) {
      lines.push(`${line} | \\`);
      line = p;
    } else line += piece;
  }
  lines.push(line);
  return lines.map((l) => indent + l);
}

const KNOWN_GROUP_KEYS = new Set(['why', 'names', 'prefixes', 'suffixes']);

/** The shell functions _oe_ident_ok and _oe_name_ok, equivalent to exportNameProblem. */
export function reservedNamesShell(mod) {
  const { VARIABLE_NAME, BROKER_CHOSEN_NAME, RESERVED, exportNameProblem, reservedBy } = mod;
  const credentials = mod.CREDENTIAL_NAMES ?? [];
  for (const [name, v] of Object.entries({ VARIABLE_NAME, BROKER_CHOSEN_NAME, RESERVED, exportNameProblem, reservedBy })) {
    if (v === undefined) throw new Error(`reserved-names.ts no longer exports ${name}: update scripts/build-gitlab-component.mjs`);
  }
  const ident = nameShape(VARIABLE_NAME, 'VARIABLE_NAME');
  const broker = nameShape(BROKER_CHOSEN_NAME, 'BROKER_CHOSEN_NAME');

  const invalidProbe = ['9probe-name', 'probe-name', '-'].find((p) => !VARIABLE_NAME.test(p));
  const invalidMsg = messageAround(exportNameProblem(invalidProbe), invalidProbe, '"$_oe_sh"', 'an invalid name');
  const shapeProbe = ['probe_name', 'pRobe'].find((p) => VARIABLE_NAME.test(p) && !BROKER_CHOSEN_NAME.test(p) && !reservedBy(p));
  const shapeMsg = messageAround(exportNameProblem(shapeProbe, 'broker'), shapeProbe, '"$1"', 'a broker-chosen name of the wrong shape');
  let longMsg;
  if (broker.max !== undefined) {
    const longProbe = 'P'.repeat(broker.max + 1);
    longMsg = messageAround(exportNameProblem(longProbe, 'broker'), longProbe, '"$1"', 'a broker-chosen name that is too long');
  }

  const out = [];
  out.push('# >>> reserved names: generated by scripts/build-gitlab-component.mjs from src/client/reserved-names.ts (edit that file, then npm run build)');
  out.push('# _oe_ident_ok NAME: NAME is a portable shell variable name (VARIABLE_NAME).');
  out.push('_oe_ident_ok() {');
  out.push('  case $1 in');
  out.push(`    '' | ${ident.bad})`);
  out.push('      _oe_shown "$1"');
  out.push(`      _oe_fail ${invalidMsg}`);
  out.push('      return 1 ;;');
  out.push('  esac');
  out.push('}');
  out.push('# _oe_name_ok NAME [broker]: a secret may be exported as NAME (exportNameProblem); `broker` when the broker');
  out.push('# chose the name (no secrets list named it). Names are compared ignoring case, as reservedBy does.');
  out.push('_oe_name_ok() {');
  out.push('  _oe_ident_ok "$1" || return 1');
  out.push('  if [ "${2:-}" = broker ]; then');
  out.push(`    case $1 in ${broker.bad}) _oe_fail ${shapeMsg}; return 1 ;; esac`);
  if (broker.max !== undefined) out.push(`    if [ "\${#1}" -gt ${broker.max} ]; then _oe_fail ${longMsg}; return 1; fi`);
  out.push('  fi');
  if (credentials.length) {
    out.push('  case $1 in');
    out.push('    # credentials under a reserved prefix (CREDENTIAL_NAMES)');
    out.push(...patternLines(credentials.map((n) => anyCase(n, 'CREDENTIAL_NAMES')), '    '));
    out[out.length - 1] += ') return 0 ;;';
    out.push('  esac');
  }
  out.push('  case $1 in');
  RESERVED.forEach((group, i) => {
    const unknown = Object.keys(group).filter((k) => !KNOWN_GROUP_KEYS.has(k));
    if (unknown.length) throw new Error(`reserved-names.ts: RESERVED[${i}] has ${unknown.join(', ')}, which scripts/build-gitlab-component.mjs does not translate: extend the generator`);
    const patterns = [
      ...(group.names ?? []).map((n) => anyCase(n, `RESERVED[${i}].names`)),
      ...(group.prefixes ?? []).map((p) => `${anyCase(p, `RESERVED[${i}].prefixes`)}*`),
      ...(group.suffixes ?? []).map((s) => `*${anyCase(s, `RESERVED[${i}].suffixes`)}`),
    ];
    if (patterns.length === 0) return;
    const candidates = [...(group.names ?? []), ...(group.prefixes ?? []).map((p) => `${p}PROBE`), ...(group.suffixes ?? []).map((s) => `PROBE${s}`)];
    const probe = candidates.find((c) => VARIABLE_NAME.test(c) && reservedBy(c) === group);
    if (probe === undefined) return; // every name of this group is taken by an earlier group or is a credential
    out.push(`    # ${group.why}`);
    out.push(...patternLines(patterns, '    '));
    out[out.length - 1] += ')';
    out.push(`      _oe_fail ${messageAround(exportNameProblem(probe), probe, '"$1"', `RESERVED[${i}]`)}`);
    out.push('      return 1 ;;');
  });
  out.push('  esac');
  out.push('  return 0');
  out.push('}');
  out.push('# <<< reserved names');
  return out.join('\n');
}

/** The script with its reserved-names block replaced. */
export function withReservedNames(script, block) {
  const start = script.indexOf('# >>> reserved names');
  const endMarker = '# <<< reserved names';
  const end = script.indexOf(endMarker);
  if (start < 0 || end < start) throw new Error(`${paths.script}: the marker lines "# >>> reserved names" and "# <<< reserved names" are missing`);
  return script.slice(0, start) + block + script.slice(end + endMarker.length);
}

/** The template with the script embedded between its marker lines. */
export function embed(template, script) {
  // GitLab interpolates $[[ ... ]] anywhere in the file, so the script must never contain it.
  if (script.includes('$[[')) throw new Error('oidc-exchange.sh contains "$[[", which GitLab would interpolate as an input');
  const lines = template.split('\n');
  const start = lines.findIndex((l) => l.includes('# >>> oidc-exchange.sh'));
  const end = lines.findIndex((l) => l.includes('# <<< oidc-exchange.sh'));
  if (start < 0 || end < start) throw new Error(`${paths.template}: the marker lines "# >>> oidc-exchange.sh" and "# <<< oidc-exchange.sh" are missing`);
  const indent = /^\s*/.exec(lines[start])[0];
  const body = script
    .replace(/\n+$/, '')
    .split('\n')
    // Blank lines stay empty (no trailing spaces); YAML keeps them inside the block.
    .map((l) => (l === '' ? '' : indent + l));
  return [...lines.slice(0, start + 1), ...body, ...lines.slice(end)].join('\n');
}

/** What the two committed files should hold. */
export async function generate() {
  const script = withReservedNames(readFileSync(paths.script, 'utf8'), reservedNamesShell(await loadReservedNames()));
  const template = embed(readFileSync(paths.template, 'utf8'), script);
  return { script, template };
}

async function main() {
  const next = await generate();
  const stale = [];
  for (const key of ['script', 'template']) {
    if (readFileSync(paths[key], 'utf8') === next[key]) continue;
    if (process.argv.includes('--check')) stale.push(paths[key].slice(root.length + 1));
    else writeFileSync(paths[key], next[key]);
  }
  if (stale.length) {
    console.error(`${stale.join(' and ')} ${stale.length > 1 ? 'are' : 'is'} not what npm run build generates from src/client/reserved-names.ts and gitlab-component/src/oidc-exchange.sh: run npm run build`);
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e) => {
    console.error(`build-gitlab-component: ${e.message}`);
    process.exit(1);
  });
}
