// Peer text (the broker's policy name, its expiry) in the job summary, which GitHub renders from Markdown to
// HTML: every character that could start inline markup, HTML, a link (autolinks included), a table cell or a
// line break is written as an HTML entity, so the text shows as it is and cannot add links, images or rows.
// It is never at the start of a line, so `#`, `-` and `>` cannot start a heading, list or quote.
import { MAX_PEER_TEXT } from '../client/errors.js';

/** `text` as inline Markdown/HTML text: no markup, no line break, no link, capped like peerText(). */
export function summaryText(text: string, max = MAX_PEER_TEXT): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return cut
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    // Markup, HTML, table cells, and what GitHub turns into links on its own (`https:`, `a@b`, `www.`).
    .replace(/[&<>"'`\\*_[\]()|~:@]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/(www)\./gi, '$1&#46;');
}
