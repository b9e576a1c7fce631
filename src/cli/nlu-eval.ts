/**
 * `npm run nlu:eval -- --data FILE [--json] [--errors] [--user-lang same|other|vi|fr|en] [--intents DIR]`
 * Evaluates the recogniser on a labelled TSV file (columns lang, intent, text; header line optional).
 * With `--json`, stdout is one JSON object (see EvalReport); problems go to stderr with exit code 1.
 */
import { evaluate, readLabelledRows, type UserLangMode } from '../nlu/evaluate';
import { formatReport } from '../nlu/format-report';
import { runCommand, runIfMain, type CliIo } from '../command/cli-command';
import { readArgs, readChoice, UsageError } from '../util/read-args';
import { loadRecogniser } from '../script/load-language';

const USAGE = 'usage: npm run nlu:eval -- --data test/nlu/dev.tsv [--json] [--errors] [--user-lang same|other|vi|fr|en] [--intents dialogs/intents]';
const USER_LANG_MODES: readonly UserLangMode[] = ['same', 'other', 'vi', 'fr', 'en'];

/** Evaluates the recogniser on the labelled file and prints the report. */
export function run(argv: string[], io: CliIo): Promise<number> {
  return runCommand('nlu:eval', USAGE, argv, io, () => {
    const { values } = readArgs('nlu:eval', {
      options: {
        data: { type: 'string' },
        json: { type: 'boolean', default: false },
        errors: { type: 'boolean', default: false },
        'user-lang': { type: 'string', default: 'same' },
        intents: { type: 'string', default: 'dialogs/intents' },
      },
    }, argv);
    const mode = readChoice('nlu:eval', '--user-lang', values['user-lang'], USER_LANG_MODES);
    if (!values.data) throw new UsageError('nlu:eval', '--data FILE is required (e.g. --data test/nlu/dev.tsv)');
    // A bad data or training file throws a message naming file:line and the fix.
    const report = evaluate(loadRecogniser(values.intents), readLabelledRows(values.data), mode);
    io.stdout.write(`${values.json ? JSON.stringify(report) : formatReport(report, values.errors)}\n`);
    return 0;
  });
}

runIfMain(import.meta.url, run);
