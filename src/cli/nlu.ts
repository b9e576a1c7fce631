/**
 * `npm run nlu -- "some text" [--lang vi|fr|en]`: prints the language, intent, score, answer and
 * entities the recogniser finds in one message.
 */
import { LANGS } from '../kernel/lang';
import { runCommand, runIfMain, type CliIo } from '../command/cli-command';
import { readArgs, readChoice, UsageError } from '../util/read-args';
import { loadRecogniser } from '../script/load-language';
import type { Recognition } from '../nlu/types';

const USAGE = 'usage: npm run nlu -- "some text" [--lang vi|fr|en] [--intents DIR]   (--lang: the user\'s current language, default vi)';

/** How the danger detector read the message: clear (with its categories), the safety question, or nothing. */
function dangerLine(danger: Recognition['danger']): string {
  if (!danger) return '-';
  if (danger.level === 'possible') return 'possible: the bot asks the safety question first';
  return `clear${danger.categories.length ? `: ${danger.categories.join(', ')}` : ' (read by the classifier)'}`;
}

/** Recognises one message and prints the result. */
export function run(argv: string[], io: CliIo): Promise<number> {
  return runCommand('nlu', USAGE, argv, io, () => {
    const { values, positionals } = readArgs('nlu', {
      allowPositionals: true,
      options: { lang: { type: 'string', default: 'vi' }, intents: { type: 'string', default: 'dialogs/intents' } },
    }, argv);
    const lang = readChoice('nlu', '--lang', values.lang, LANGS);
    const text = positionals.join(' ');
    if (text.trim() === '') throw new UsageError('nlu', 'give the text to recognise: npm run nlu -- "some text"');
    const r = loadRecogniser(values.intents).recognise(text, lang);
    const lines = [
      `language: ${r.lang}${r.langConfident ? '' : ' (kept: too short to tell)'}`,
      `intent:   ${r.intent}`,
      `score:    ${r.score.toFixed(3)}`,
      `danger:   ${dangerLine(r.danger)}`,
      ...(r.answer ? [`answer:   ${r.answer}`] : []),
      ...(r.entities.language ? [`target language: ${r.entities.language}`] : []),
      `places:   ${r.entities.places.length ? r.entities.places.join(', ') : '-'}`,
      `folded:   ${r.folded}`,
    ];
    io.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  });
}

runIfMain(import.meta.url, run);
