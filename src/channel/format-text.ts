/**
 * Campaign text -> the markup a client renders line for line. Campaign texts are plain: a newline
 * is a line break, "2. …" is not a list to renumber, "*" is not emphasis. Clients that read
 * Markdown or HTML get those characters escaped and each newline as a real line break, so
 * lists, bullets and phone numbers stay one per line everywhere.
 */
import { escapeHtml } from '../kernel/escape-html';
import type { TextMarkup } from './channel-profile';

/** Characters with a meaning anywhere in a Markdown line. */
const MARKDOWN_INLINE = /[\\`*_[\]<>#|~]/g;
/** Line starts that Markdown reads as a list, a heading, a quote or a rule: "2. ", "3) ", "- ", "+ ", "> ", "=". */
const MARKDOWN_LINE_START = /^(\s*)(?:(\d+)([.)])|([-+=]))/;
/** CommonMark hard line break: two spaces before the newline. */
const MARKDOWN_BREAK = '  \n';

/**
 * Renders plain campaign text in `markup`: unchanged for `plain`; for `markdown` every Markdown
 * character escaped and every newline a hard line break (a blank line stays a paragraph); for `xml`
 * HTML-escaped with `<br>` for each newline.
 */
export function formatText(text: string, markup: TextMarkup): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (markup === 'plain') return lines.join('\n');
  if (markup === 'xml') return lines.map(escapeHtml).join('<br>');
  return joinMarkdownLines(lines.map(escapeMarkdownLine));
}

/** Escapes one line so Markdown shows it as typed. */
export function escapeMarkdownLine(line: string): string {
  const escaped = line.replace(MARKDOWN_INLINE, (c) => `\\${c}`);
  return escaped.replace(MARKDOWN_LINE_START, (_m, space: string, digits?: string, mark?: string, bullet?: string) =>
    digits !== undefined ? `${space}${digits}\\${mark}` : `${space}\\${bullet}`,
  );
}

/** Joins Markdown lines: a hard break after a line, a paragraph break where the text had a blank line. */
function joinMarkdownLines(lines: string[]): string {
  let out = '';
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (i === 0) {
      out = line;
    } else if (line.trim() === '' || lines[i - 1]!.trim() === '') {
      out += `\n${line}`;
    } else {
      out += `${MARKDOWN_BREAK}${line}`;
    }
  }
  return out;
}
