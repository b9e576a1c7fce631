/**
 * `npm run i18n:import -- FILE [--dry-run]`: reads a CSV or XLIFF translation file back
 * into locales/<lang>/, after checking every row; reports what changed.
 */
import { join, relative } from 'node:path';
import { readTranslationFile } from '../tools/i18n/export-translations';
import { importTranslations, type ImportReport } from '../tools/i18n/import-translations';
import { exitOnClosedOutput } from '../util/exit-on-closed-output';
import { readArgs } from '../util/read-args';

const USAGE = 'usage: npm run i18n:import -- FILE [--dry-run] [--root DIR]\nImports a translated CSV or XLIFF file into locales/.';

exitOnClosedOutput(process.stdout);

function printList(title: string, keys: string[]): void {
  if (!keys.length) return;
  console.log(`${title} (${keys.length}):`);
  for (const key of keys) console.log(`  ${key}`);
}

function printReport(r: ImportReport, dryRun: boolean): void {
  printList('Added', r.added);
  printList('Changed', r.changed);
  printList('Confirmed as still right', r.confirmed);
  printList('Left as they were (empty in the file)', r.keptEmpty);
  printList('Converted to NFC (composed accents)', r.normalised);
  printList(`Source text changed since the export: still to review (${r.sourceLang} text is newer)`, r.sourceChanged);
  const verb = dryRun ? 'would change' : 'changed';
  console.log(`${r.targetLang}: ${r.added.length} added, ${r.changed.length} ${verb}, ${r.confirmed.length} confirmed, ${r.unchanged} unchanged.`);
  for (const path of r.filesWritten) console.log(`  wrote ${relative(process.cwd(), path)}`);
}

const { values, positionals } = readArgs('i18n:import', USAGE, {
  allowPositionals: true,
  options: { 'dry-run': { type: 'boolean', default: false }, root: { type: 'string' } },
});

try {
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new Error('give one file: npm run i18n:import -- translations/thinkfirst-fr.csv');
  const root = values.root ?? process.cwd();
  const report = importTranslations(join(root, 'locales'), readTranslationFile(file), file, values['dry-run']);
  if (report.errors.length) {
    for (const e of report.errors) console.error(e);
    console.error(`Nothing was imported: fix the ${report.errors.length} problem(s) above in ${file}, then import it again.`);
    process.exit(1);
  }
  printReport(report, values['dry-run']);
  if (!values['dry-run'] && report.filesWritten.length) console.log('Next: npm run validate, then npm test.');
} catch (err) {
  console.error(`i18n:import: ${(err as Error).message}`);
  process.exit(1);
}
