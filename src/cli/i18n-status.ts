/**
 * `npm run i18n:status [-- --source en] [--list] [--mark-reviewed LANG|all]`: completeness of
 * each language (done / missing / needs review). `--mark-reviewed` records the current
 * translations as checked against today's source texts (and starts tracking new ones).
 */
import { join } from 'node:path';
import { listLangs } from '../tools/i18n/locale-files';
import { formatStatus, markReviewed, summariseStatus } from '../tools/i18n/translation-status';
import { exitOnClosedOutput } from '../util/exit-on-closed-output';
import { readArgs } from '../util/read-args';

const USAGE = 'usage: npm run i18n:status [-- --source en] [--list] [--mark-reviewed LANG] [--root DIR]\nCompleteness of each language against the source language.';

exitOnClosedOutput(process.stdout);

const { values } = readArgs('i18n:status', USAGE, {
  options: {
    source: { type: 'string', default: 'en' },
    list: { type: 'boolean', default: false },
    'mark-reviewed': { type: 'string' },
    root: { type: 'string' },
  },
});

try {
  const localesDir = join(values.root ?? process.cwd(), 'locales');
  const chosen = values['mark-reviewed'];
  if (chosen) {
    const langs = chosen === 'all' ? listLangs(localesDir).filter((l) => l !== values.source) : [chosen];
    for (const lang of langs) {
      const n = markReviewed(localesDir, values.source, lang);
      console.log(`${lang}: ${n} translation(s) marked as reviewed against the current ${values.source} texts.`);
    }
  }
  const statuses = summariseStatus(localesDir, values.source);
  process.stdout.write(formatStatus(statuses, values.source, values.list));
  if (!values.list && statuses.some((s) => s.todo.length)) console.log('\nAdd --list to see which texts are missing or need review.');
} catch (err) {
  console.error(`i18n:status: ${(err as Error).message}`);
  process.exit(1);
}
