/**
 * `npm run validate [-- --root DIR]`: prints every content problem as
 * `file:line:col  severity path: message`, then `N errors, M warnings`; exits 1 on errors.
 */
import { resolve } from 'node:path';
import { formatDiagnostic } from '../script/diagnostic';
import { validateProject } from '../script/validate-project';
import { exitOnClosedOutput } from '../util/exit-on-closed-output';
import { answerHelp, refuseArgs } from '../util/read-args';

const USAGE = 'usage: npm run validate [-- --root DIR]\nChecks dialogs/, locales/, training phrases and scanner rules; prints file:line:col problems, exits 1 on errors.';

exitOnClosedOutput(process.stdout);

/** Reads `--root DIR` (default: the current directory). */
function parseRoot(argv: string[]): string {
  answerHelp(argv, USAGE);
  const unknown = argv.find((arg, i) => arg.startsWith('-') && arg !== '--root' && argv[i - 1] !== '--root');
  if (unknown) refuseArgs('validate', `unknown option '${unknown}'`);
  const i = argv.indexOf('--root');
  if (i >= 0) {
    const dir = argv[i + 1];
    if (!dir) throw new Error('validate: --root needs a folder, e.g. npm run validate -- --root ./content');
    return resolve(dir);
  }
  return process.cwd();
}

/** Runs the validation and returns the process exit code. */
export function runValidate(argv: string[]): number {
  const diagnostics = validateProject(parseRoot(argv));
  for (const d of diagnostics) console.log(formatDiagnostic(d));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  console.log(`${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  return errors > 0 ? 1 : 0;
}

process.exitCode = runValidate(process.argv.slice(2));
