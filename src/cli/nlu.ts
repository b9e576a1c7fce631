/**
 * `npm run nlu -- "some text" [--lang vi|fr|en]`: prints the language, intent, score, answer and
 * entities the recogniser finds in one message.
 */

import { LANGS, type Lang } from '../kernel/lang';
import { exitOnClosedOutput } from '../util/exit-on-closed-output';
import { readArgs } from '../util/read-args';
import { loadRecogniser } from '../script/load-language';

const USAGE = 'usage: npm run nlu -- "some text" [--lang vi|fr|en] [--intents DIR]   (--lang: the user\'s current language, default vi)';

exitOnClosedOutput(process.stdout);

/** Parses arguments, recognises the message and prints the result; exits 2 on bad usage. */
function main(): void {
  const { values, positionals } = readArgs('nlu', USAGE, {
    allowPositionals: true,
    options: { lang: { type: 'string', default: 'vi' }, intents: { type: 'string', default: 'dialogs/intents' } },
  });
  const text = positionals.join(' ');
  if (text.trim() === '' || !LANGS.includes(values.lang as Lang)) {
    console.error('usage: npm run nlu -- "some text" [--lang vi|fr|en]   (--lang: the user\'s current language, default vi)');
    process.exit(2);
  }
  const r = loadRecogniser(values.intents).recognise(text, values.lang as Lang);
  console.log(`language: ${r.lang}${r.langConfident ? '' : ' (kept: too short to tell)'}`);
  console.log(`intent:   ${r.intent}`);
  console.log(`score:    ${r.score.toFixed(3)}`);
  if (r.answer) console.log(`answer:   ${r.answer}`);
  if (r.entities.language) console.log(`target language: ${r.entities.language}`);
  console.log(`places:   ${r.entities.places.length ? r.entities.places.join(', ') : '-'}`);
  console.log(`folded:   ${r.folded}`);
}

main();
