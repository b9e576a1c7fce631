/**
 * `npm run i18n:status [-- --source en] [--list] [--mark-reviewed LANG|all]`: completeness of
 * each language (done / missing / needs review). `--mark-reviewed` records the current
 * translations as checked against today's source texts (and starts tracking new ones).
 */
import { join } from 'node:path';
import { listLangs } from '../tools/i18n/locale-files';
import { formatStatus, markReviewed, summariseStatus } from '../tools/i18n/translation-status';
import { runCommand, runIfMain, type CliIo } from '../command/cli-command';
import { readArgs } from '../util/read-args';

const USAGE = 'usage: npm run i18n:status [-- --source en] [--list] [--mark-reviewed LANG|all] [--root DIR]\nCompleteness of each language against the source language.';

/** Prints the completeness of each language (after marking reviews when asked). */
export function run(argv: string[], io: CliIo): Promise<number> {
  return runCommand('i18n:status', USAGE, argv, io, () => {
    const { values } = readArgs('i18n:status', {
      options: {
        source: { type: 'string', default: 'en' },
        list: { type: 'boolean', default: false },
        'mark-reviewed': { type: 'string' },
        root: { type: 'string' },
      },
    }, argv);
    const localesDir = join(values.root ?? process.cwd(), 'locales');
    const chosen = values['mark-reviewed'];
    if (chosen) {
      const langs = chosen === 'all' ? listLangs(localesDir).filter((l) => l !== values.source) : [chosen];
      for (const lang of langs) {
        const n = markReviewed(localesDir, values.source, lang);
        io.stdout.write(`${lang}: ${n} translation(s) marked as reviewed against the current ${values.source} texts.\n`);
      }
    }
    const statuses = summariseStatus(localesDir, values.source);
    io.stdout.write(formatStatus(statuses, values.source, values.list));
    if (!values.list && statuses.some((s) => s.todo.length)) io.stdout.write('\nAdd --list to see which texts are missing or need review.\n');
    return 0;
  });
}

runIfMain(import.meta.url, run);
