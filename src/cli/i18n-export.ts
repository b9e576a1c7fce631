/**
 * `npm run i18n:export -- --format csv|xliff [--source en] [--out DIR] [--lang fr]`:
 * one file per target language with key, source text, current translation and status.
 */
import { join, relative } from 'node:path';
import { exportTranslations, parseFormat } from '../tools/i18n/export-translations';
import { runCommand, runIfMain, type CliIo } from '../command/cli-command';
import { readArgs } from '../util/read-args';

const USAGE = 'usage: npm run i18n:export -- --format csv|xliff [--source en] [--out DIR] [--lang fr] [--root DIR]\nOne file per target language with key, source text, current translation and status.';

/** Writes one translation file per language and says what is left to do in each. */
export function run(argv: string[], io: CliIo): Promise<number> {
  return runCommand('i18n:export', USAGE, argv, io, () => {
    const { values } = readArgs('i18n:export', {
      options: {
        format: { type: 'string', default: 'csv' },
        source: { type: 'string', default: 'en' },
        out: { type: 'string', default: 'translations' },
        lang: { type: 'string', multiple: true },
        root: { type: 'string' },
      },
    }, argv);
    const root = values.root ?? process.cwd();
    const files = exportTranslations(join(root, 'locales'), {
      format: parseFormat(values.format),
      sourceLang: values.source,
      outDir: values.out,
      langs: values.lang,
    });
    for (const f of files) {
      const { missing, changed, done } = f.counts;
      io.stdout.write(`${relative(process.cwd(), f.path)}: ${done} done, ${missing} missing, ${changed} changed since translated\n`);
    }
    io.stdout.write('Send each file to its translator; bring it back with: npm run i18n:import -- <file>\n');
    return 0;
  });
}

runIfMain(import.meta.url, run);
