// The GitHub runner's secret masker, modelled for the fake runner, so that a test neither misses a leak GitHub
// would show nor reports one GitHub would hide. Read from actions/runner (commit 258d6c8, 2026-08):
//  - src/Sdk/DTLogging/Logging/SecretMasker.cs: AddValue registers the value and what every value encoder makes
//    of it (an empty result is dropped); MaskSecrets finds every occurrence of every registered string (ordinal,
//    overlapping), merges overlapping ranges and writes `***` for each merged range. There is no minimum
//    length: a one-character secret stars out that character everywhere (the Azure Pipelines agent's
//    MinSecretLength does not exist in GitHub's runner).
//  - src/Runner.Common/HostContext.cs: the encoders registered, in this order: Base64StringEscape, its Shift1
//    and Shift2, CommandLineArgumentEscape, ExpressionStringEscape, JsonStringEscape, UriDataEscape,
//    XmlDataEscape, TrimDoubleQuotes, PowerShellPreAmpersandEscape, PowerShellPostAmpersandEscape.
//  - src/Sdk/DTLogging/Logging/ValueEncoders.cs: what each encoder does (described at each function below).
//  - src/Runner.Worker/ActionCommandManager.cs: `::add-mask::` with blank data is refused with a warning;
//    otherwise the data is registered whole and then each of its lines, split at CR or LF, trimmed, empty
//    ones dropped. A stop-commands token longer than 6 characters is registered too.
// Everything else is printed as it is: hex, base64url, base64 of the secret followed by other bytes (unless
// the remainder is a whole number of 3-byte groups), JavaScript's encodeURIComponent (which keeps !'()*), a
// secret split across two lines.

/** One encoder of the runner's masker, by the runner's name, and what it makes of a value ('' = nothing). */
export interface ValueEncoder {
  name: string;
  encode(value: string): string;
}

/**
 * Base64 of the value's UTF-8 bytes, and of those bytes without the first one or two: a secret inside a longer
 * base64-encoded text (`base64("user:" + secret)`) starts at one of three offsets of a 3-byte group. Each form
 * ends with its padding, so it matches only where the secret's bytes end the encoded text, or where the bytes
 * after the offset are a whole number of groups. With no more bytes than the shift, the whole value is used.
 */
function base64Shift(shift: number): (value: string) => string {
  return (value) => {
    const bytes = Buffer.from(value, 'utf8');
    return (bytes.length > shift ? bytes.subarray(shift) : bytes).toString('base64');
  };
}

/**
 * Newtonsoft's JsonConvert.ToString without its quotes: `"` and `\` escaped, the short escapes \b \t \n \f \r,
 * other control characters and U+0085, U+2028, U+2029 as \u with lower-case hex. Unlike JSON.stringify it
 * escapes those three, and it leaves a lone surrogate as it is.
 */
function jsonStringEscape(value: string): string {
  const short: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };
  let out = '';
  for (const c of value) {
    const code = c.codePointAt(0)!;
    if (short[c] !== undefined) out += short[c];
    else if (code < 0x20 || code === 0x85 || code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += c;
  }
  return out;
}

/**
 * .NET's Uri.EscapeDataString (RFC 3986): every UTF-8 byte except the unreserved A-Z a-z 0-9 - . _ ~ as %XX in
 * upper case. encodeURIComponent also keeps ! ' ( ) *, so its form of a secret holding one of those is not
 * masked. (The runner escapes long values in segments of 65519 characters; the result is the same.)
 */
function uriDataEscape(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** SecurityElement.Escape: the five XML special characters as their named entities. */
function xmlDataEscape(value: string): string {
  const entities: Record<string, string> = { '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '&': '&amp;' };
  return value.replace(/[<>"'&]/g, (c) => entities[c]!);
}

/**
 * PowerShell prints a failing command in coloured sections split at `&` (at `&+` the next character is the
 * coloured one). The runner masks the section before (through the last `&`, or through the first `&+`) and
 * the section after (after the last `&`, or after `&+` and one more character), each only when it has at
 * least 6 characters.
 */
function powerShellPre(value: string): string {
  if (!value.includes('&')) return '';
  const section = value.includes('&+') ? value.slice(0, value.indexOf('&+') + 2) : value.slice(0, value.lastIndexOf('&') + 1);
  return section.length >= 6 ? section : '';
}

function powerShellPost(value: string): string {
  if (!value.includes('&')) return '';
  let section = '';
  if (value.includes('&+')) {
    const after = value.indexOf('&+') + 2 + 1;
    if (value.length > after) section = value.slice(after);
  } else section = value.slice(value.lastIndexOf('&') + 1);
  return section.length >= 6 ? section : '';
}

/** The runner's encoders, in the order HostContext registers them. */
export const RUNNER_VALUE_ENCODERS: readonly ValueEncoder[] = [
  { name: 'Base64StringEscape', encode: base64Shift(0) },
  { name: 'Base64StringEscapeShift1', encode: base64Shift(1) },
  { name: 'Base64StringEscapeShift2', encode: base64Shift(2) },
  // Environment variables passed to `docker` on its command line: `"` written as `\"`.
  { name: 'CommandLineArgumentEscape', encode: (v) => v.replaceAll('"', '\\"') },
  // A string inside an expression: `'` doubled.
  { name: 'ExpressionStringEscape', encode: (v) => v.replaceAll("'", "''") },
  { name: 'JsonStringEscape', encode: jsonStringEscape },
  { name: 'UriDataEscape', encode: uriDataEscape },
  { name: 'XmlDataEscape', encode: xmlDataEscape },
  // A value stored with its quotes: the inside, for values longer than 8 characters.
  { name: 'TrimDoubleQuotes', encode: (v) => (v.length > 8 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : '') },
  { name: 'PowerShellPreAmpersandEscape', encode: powerShellPre },
  { name: 'PowerShellPostAmpersandEscape', encode: powerShellPost },
];

/** Every string the runner registers for one AddValue: the value itself, then each non-empty encoding. */
export function maskedForms(value: string): string[] {
  if (value === '') return [];
  return [value, ...RUNNER_VALUE_ENCODERS.map((e) => e.encode(value)).filter((f) => f !== '')];
}

/** What `::add-mask::` registers with AddValue: the data whole, then each line (split at CR or LF), trimmed. */
export function addMaskValues(data: string): string[] {
  if (data.trim() === '') return [];
  const lines = data.split(/[\r\n]/).map((l) => l.trim()).filter((l) => l !== '');
  return [data, ...lines];
}

/** The runner's warning for `::add-mask::` with blank data. */
export const BLANK_MASK_WARNING = "Can't add secret mask for empty string in ##[add-mask] command.";

export class RunnerSecretMasker {
  /** Values given to AddValue (as the runner keeps its "original" values). */
  readonly values = new Set<string>();
  /** Every string masked: the values and their encodings. */
  readonly forms = new Set<string>();

  /** Registers a value and its encodings; returns the strings newly masked. */
  addValue(value: string): string[] {
    if (value === '' || this.values.has(value)) return [];
    this.values.add(value);
    const added: string[] = [];
    for (const f of maskedForms(value)) {
      if (this.forms.has(f)) continue;
      this.forms.add(f);
      added.push(f);
    }
    return added;
  }

  /** The line as the runner writes it to the log: every occurrence of a registered string, merged, as `***`. */
  mask(line: string): string {
    if (line === '' || this.forms.size === 0) return line;
    const ranges: Array<[number, number]> = [];
    for (const form of this.forms) {
      for (let at = line.indexOf(form); at >= 0; at = line.indexOf(form, at + 1)) ranges.push([at, at + form.length]);
    }
    if (ranges.length === 0) return line;
    ranges.sort((a, b) => a[0] - b[0]);
    let out = '';
    let done = 0;
    let current = [...ranges[0]!] as [number, number];
    const flush = () => {
      out += `${line.slice(done, current[0])}***`;
      done = current[1];
    };
    for (const [start, end] of ranges.slice(1)) {
      if (start <= current[1]) current[1] = Math.max(current[1], end);
      else {
        flush();
        current = [start, end];
      }
    }
    flush();
    return out + line.slice(done);
  }
}
