/**
 * `npm run i18n:status [-- --source en] [--list] [--mark-reviewed LANG]`: completeness of
 * each language (done / missing / needs review).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatStatus, markReviewed, summariseStatus } from '../tools/i18n/translation-status';

const { values } = parseArgs({
  options: {
    source: { type: 'string', default: 'en' },
    list: { type: 'boolean', default: false },
    'mark-reviewed': { type: 'string' },
    root: { type: 'string' },
  },
});

try {
  const localesDir = join(values.root ?? process.cwd(), 'locales');
  const lang = values['mark-reviewed'];
  if (lang) {
    const n = markReviewed(localesDir, values.source, lang);
    console.log(`${lang}: ${n} translation(s) marked as reviewed against the current ${values.source} texts.`);
  }
  const statuses = summariseStatus(localesDir, values.source);
  process.stdout.write(formatStatus(statuses, values.source, values.list));
  if (!values.list && statuses.some((s) => s.todo.length)) console.log('\nAdd --list to see which texts are missing or need review.');
} catch (err) {
  console.error(`i18n:status: ${(err as Error).message}`);
  process.exit(1);
}
