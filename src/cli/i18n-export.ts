/**
 * `npm run i18n:export -- --format csv|xliff [--source en] [--out DIR] [--lang fr]`:
 * one file per target language with key, source text, current translation and status.
 */
import { join, relative } from 'node:path';
import { exportTranslations, parseFormat } from '../tools/i18n/export-translations';
import { exitOnClosedOutput } from '../util/exit-on-closed-output';
import { readArgs } from '../util/read-args';

const USAGE = 'usage: npm run i18n:export -- --format csv|xliff [--source en] [--out DIR] [--lang fr] [--root DIR]\nOne file per target language with key, source text, current translation and status.';

exitOnClosedOutput(process.stdout);

const { values } = readArgs('i18n:export', USAGE, {
  options: {
    format: { type: 'string', default: 'csv' },
    source: { type: 'string', default: 'en' },
    out: { type: 'string', default: 'translations' },
    lang: { type: 'string', multiple: true },
    root: { type: 'string' },
  },
});

try {
  const root = values.root ?? process.cwd();
  const files = exportTranslations(join(root, 'locales'), {
    format: parseFormat(values.format),
    sourceLang: values.source,
    outDir: values.out,
    langs: values.lang,
  });
  for (const f of files) {
    const { missing, changed, done } = f.counts;
    console.log(`${relative(process.cwd(), f.path)}: ${done} done, ${missing} missing, ${changed} changed since translated`);
  }
  console.log('Send each file to its translator; bring it back with: npm run i18n:import -- <file>');
} catch (err) {
  console.error(`i18n:export: ${(err as Error).message}`);
  process.exit(1);
}
