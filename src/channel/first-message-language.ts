/**
 * The language of a user's first message. Before the user has said anything the bot only
 * assumes a language (the client's locale, else DEFAULT_LANG); the first message decides it
 * when its language is clear: the language identifier is confident, or the message is only a
 * greeting whose words belong to one language ("hello", "bonjour", "xin chào": the recogniser's
 * `greetingLang`, from the greetings of dialogs/nlu/lexicons.yaml). Greetings are too short for
 * the identifier, which rightly treats "hello" as neutral in later messages ("hello ad oi" is
 * Vietnamese).
 */
import type { Lang } from '../kernel/lang';
import type { Recognition } from '../nlu/types';

/** The language a first message makes clear, if any: the identifier's when confident, else a greeting's. */
export function firstMessageLanguage(recognition: Pick<Recognition, 'lang' | 'langConfident' | 'greetingLang'>): Lang | undefined {
  return recognition.langConfident ? recognition.lang : recognition.greetingLang;
}
