/**
 * `npm run i18n:import -- FILE [--dry-run]`: reads a CSV or XLIFF translation file back
 * into locales/<lang>/, after checking every row; reports what changed.
 */
import { join, relative } from 'node:path';
import { readTranslationFile } from '../tools/i18n/export-translations';
import { importTranslations, type ImportReport } from '../tools/i18n/import-translations';
import { runCommand, runIfMain, type CliIo, type TextSink } from '../command/cli-command';
import { readArgs, UsageError } from '../util/read-args';

const USAGE = 'usage: npm run i18n:import -- FILE [--dry-run] [--root DIR]\nImports a translated CSV or XLIFF file into locales/.';

function printList(out: TextSink, title: string, keys: string[]): void {
  if (!keys.length) return;
  out.write(`${title} (${keys.length}):\n`);
  for (const key of keys) out.write(`  ${key}\n`);
}

function printReport(out: TextSink, r: ImportReport, dryRun: boolean): void {
  printList(out, 'Added', r.added);
  printList(out, 'Changed', r.changed);
  printList(out, 'Confirmed as still right', r.confirmed);
  printList(out, 'Left as they were (empty in the file)', r.keptEmpty);
  printList(out, 'Converted to NFC (composed accents)', r.normalised);
  printList(out, `Source text changed since the export: still to review (${r.sourceLang} text is newer)`, r.sourceChanged);
  const verb = dryRun ? 'would change' : 'changed';
  out.write(`${r.targetLang}: ${r.added.length} added, ${r.changed.length} ${verb}, ${r.confirmed.length} confirmed, ${r.unchanged} unchanged.\n`);
  for (const path of r.filesWritten) out.write(`  wrote ${relative(process.cwd(), path)}\n`);
}

/** Imports one translation file; 1 (and nothing written) when a row is wrong. */
export function run(argv: string[], io: CliIo): Promise<number> {
  return runCommand('i18n:import', USAGE, argv, io, () => {
    const { values, positionals } = readArgs('i18n:import', {
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean', default: false }, root: { type: 'string' } },
    }, argv);
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new UsageError('i18n:import', 'give one file: npm run i18n:import -- translations/thinkfirst-fr.csv');
    const root = values.root ?? process.cwd();
    const report = importTranslations(join(root, 'locales'), readTranslationFile(file), file, values['dry-run']);
    if (report.errors.length) {
      for (const e of report.errors) io.stderr.write(`${e}\n`);
      io.stderr.write(`Nothing was imported: fix the ${report.errors.length} problem(s) above in ${file}, then import it again.\n`);
      return 1;
    }
    printReport(io.stdout, report, values['dry-run']);
    if (!values['dry-run'] && report.filesWritten.length) io.stdout.write('Next: npm run validate, then npm test.\n');
    return 0;
  });
}

runIfMain(import.meta.url, run);
