/**
 * XLIFF 1.2 translation files, as read by CAT tools (OmegaT, Poedit, Trados, Weblate).
 * One trans-unit per key; the target `state` carries the status:
 * missing = needs-translation, changed = needs-review-translation, done = translated.
 * `maxwidth` (with `size-unit="char"`) carries the longest the translation may be.
 */
import { escapeHtml as escapeXml } from '../../kernel/escape-html';
import type { Catalogue, TranslationStatus } from './catalogue';
import { fileError, type ImportFile, type ImportRow } from './exchange-file';

const STATE_OF: Record<TranslationStatus, string> = {
  missing: 'needs-translation',
  changed: 'needs-review-translation',
  done: 'translated',
};

/** Decodes the five XML entities and numeric references; refuses inline markup. */
function unescapeXml(text: string, file: string, line: number): string {
  if (/<[^>]*>/.test(text)) throw fileError(file, line, 'inline tags (<g>, <x/>, …) are not supported: keep the text plain.');
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, ref: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (ref[0] !== '#') return named[ref.toLowerCase()] ?? '';
    return String.fromCodePoint(ref[1]?.toLowerCase() === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
  });
}

/** Formats a catalogue as an XLIFF 1.2 document. */
export function formatXliff(catalogue: Catalogue): string {
  const units = catalogue.rows.map((r) =>
    [
      `      <trans-unit id="${escapeXml(r.key)}"${r.maxLength === undefined ? '' : ` maxwidth="${r.maxLength}" size-unit="char"`} xml:space="preserve">`,
      `        <source>${escapeXml(r.source)}</source>`,
      `        <target state="${STATE_OF[r.status]}">${escapeXml(r.translation)}</target>`,
      '      </trans-unit>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
    `  <file original="thinkfirst" datatype="plaintext" source-language="${catalogue.sourceLang}" target-language="${catalogue.targetLang}">`,
    '    <body>',
    ...units,
    '    </body>',
    '  </file>',
    '</xliff>',
    '',
  ].join('\n');
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function readAttr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

function readStatus(state: string | undefined): TranslationStatus | undefined {
  if (state === undefined) return undefined;
  if (state === 'needs-translation' || state === 'new') return 'missing';
  if (state.startsWith('needs-')) return 'changed';
  return ['translated', 'final', 'signed-off'].includes(state) ? 'done' : undefined;
}

/** Reads an XLIFF 1.2 document written by {@link formatXliff} (possibly edited by a CAT tool). */
export function parseXliff(text: string, file: string): ImportFile {
  const fileTag = /<file\b[^>]*>/.exec(text)?.[0];
  const sourceLang = fileTag && readAttr(fileTag, 'source-language');
  const targetLang = fileTag && readAttr(fileTag, 'target-language');
  if (!sourceLang || !targetLang) throw fileError(file, 1, '<file> must have source-language and target-language attributes.');
  const rows: ImportRow[] = [];
  for (const unit of text.matchAll(/<trans-unit\b([^>]*)>([\s\S]*?)<\/trans-unit>/g)) {
    const line = lineAt(text, unit.index);
    const attrs = unit[1] ?? '';
    const body = unit[2] ?? '';
    const id = readAttr(attrs, 'id');
    const source = /<source\b[^>]*>([\s\S]*?)<\/source>/.exec(body);
    const target = /<target\b([^>]*)>([\s\S]*?)<\/target>|<target\b([^>]*)\/>/.exec(body);
    if (!id || !source) throw fileError(file, line, 'a <trans-unit> without id or <source>.');
    rows.push({
      key: unescapeXml(id, file, line),
      source: unescapeXml(source[1] ?? '', file, line),
      translation: target ? unescapeXml(target[2] ?? '', file, line) : '',
      status: readStatus(target ? readAttr(target[1] ?? target[3] ?? '', 'state') : undefined),
      line,
    });
  }
  // CAT tools often write regional codes (fr-FR): the bot's languages are the primary subtags.
  const primary = (code: string) => code.split(/[-_]/)[0]?.toLowerCase() ?? code;
  return { sourceLang: primary(sourceLang), targetLang: primary(targetLang), rows };
}
