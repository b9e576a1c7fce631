/**
 * `npm run nlu:eval -- --data FILE [--json] [--errors] [--user-lang same|other|vi|fr|en] [--intents DIR]`
 * Evaluates the recogniser on a labelled TSV file (columns lang, intent, text; header line optional).
 * With `--json`, stdout is one JSON object (see EvalReport); problems go to stderr with exit code 1.
 */

import { evaluate, readLabelledRows, type UserLangMode } from '../nlu/evaluate';
import { formatReport } from '../nlu/format-report';
import { exitOnClosedOutput } from '../util/exit-on-closed-output';
import { readArgs } from '../util/read-args';
import { loadRecogniser } from '../script/load-language';

exitOnClosedOutput(process.stdout);

const USAGE = 'usage: npm run nlu:eval -- --data test/nlu/dev.tsv [--json] [--errors] [--user-lang same|other|vi|fr|en] [--intents dialogs/intents]';

/** Parses arguments, evaluates and prints; exits 2 on bad usage. */
function main(): void {
  const { values } = readArgs('nlu:eval', USAGE, {
    options: {
      data: { type: 'string' },
      json: { type: 'boolean', default: false },
      errors: { type: 'boolean', default: false },
      'user-lang': { type: 'string', default: 'same' },
      intents: { type: 'string', default: 'dialogs/intents' },
    },
  });
  const mode = values['user-lang'];
  if (!values.data || !['other', 'same', 'vi', 'fr', 'en'].includes(mode)) {
    console.error(USAGE);
    process.exit(2);
  }
  const report = evaluate(loadRecogniser(values.intents), readLabelledRows(values.data), mode as UserLangMode);
  console.log(values.json ? JSON.stringify(report) : formatReport(report, values.errors));
}

try {
  main();
} catch (err) {
  // A bad data or training file: its message names file:line and the fix; a stack trace adds nothing.
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
