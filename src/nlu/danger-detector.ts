/**
 * The danger detector: finds the situations of forced labour and trafficking of
 * `dialogs/nlu/danger.yaml` in a folded message (no diacritics, teencode expanded), before any
 * intent is ranked. Built for recall: a clear match is danger whatever the classifier says; a cue
 * (help, passport, fear) is partial evidence, for the safety question.
 */
import type { DangerRules } from './danger-schema';
import type { Lexicons } from './lexicon-schema';

/** What the detector found in one message. */
export interface DangerFinding {
  /** Categories whose clear patterns matched (confinement, violence...), in file order; empty when none. */
  categories: string[];
  /** True when a cue of partial evidence is present (and not lifted as an ordinary task). */
  cue: boolean;
}

const START = '(?<![a-z0-9])';
/** Laughing emoji and emoticons ("😂", "=)))", ":))"): folding drops them, so they are read on the raw message. */
const LAUGHING = /[\u{1F602}\u{1F923}\u{1F606}\u{1F639}]|[=:]\){2,}/u;

/** One whole-word alternation of `sources` (null for an empty list). */
function alternation(sources: readonly string[], flags = 'u', start = START): RegExp | null {
  return sources.length === 0 ? null : new RegExp(`${start}(?:${sources.join('|')})`, flags);
}

/** A word start not right after a negation: "pas revenue", "chưa về", "never came back" tell no return. */
const START_NOT_NEGATED = `${START}(?<!(?:pas|jamais|plus|chua|khong|not|never|didn t|didnt|hasn t|hasnt|haven t|havent) )`;

/** The names of the places where people are held (`held_places` of danger.yaml), from the lexicons' places. */
export function heldPlaceNames(heldPlaces: readonly string[], places: Lexicons['places']): string[] {
  return heldPlaces.flatMap((id) => places[id] ?? []);
}

/** `{place}` replaced by an alternation of `placeNames`. */
export function expandPlaces(source: string, placeNames: readonly string[]): string {
  return source.includes('{place}') ? source.replaceAll('{place}', `(?:${placeNames.join('|')})`) : source;
}

/** Compiled danger rules. */
export class DangerDetector {
  private readonly categories: { id: string; re: RegExp }[];
  private readonly cues: RegExp | null;
  private readonly pleas: RegExp | null;
  private readonly things: RegExp;
  private readonly returned: RegExp | null;
  private readonly hypothetical: RegExp | null;
  private readonly stories: RegExp | null;
  private readonly askers: RegExp | null;
  private readonly personal: RegExp | null;
  private readonly benign: RegExp | null;
  private readonly helpCues: RegExp | null;
  private readonly present: RegExp | null;
  private readonly past: RegExp | null;
  private readonly beforeLeaving: RegExp | null;
  private readonly conditions: RegExp | null;
  private readonly asksIf: RegExp | null;
  private readonly jokes: RegExp | null;
  private readonly idioms: RegExp | null;
  private readonly otherScams: RegExp | null;

  /**
   * @param places the lexicons' places, for `{place}` in patterns
   * @throws SyntaxError when a pattern is not a valid regular expression (the loader reports it first, with file:line).
   */
  constructor(rules: DangerRules, places: Lexicons['places']) {
    const names = heldPlaceNames(rules.held_places, places);
    this.categories = Object.entries(rules.categories).map(([id, c]) => ({
      id,
      re: alternation([...c.clear.vi, ...c.clear.fr, ...c.clear.en].map((p) => expandPlaces(p, names))) ?? /$^/u,
    }));
    const nd = rules.not_danger;
    this.pleas = alternation([...rules.pleas.vi, ...rules.pleas.fr, ...rules.pleas.en].map((c) => `^(?:${c})$`), 'u', '');
    this.cues = alternation([...rules.cues.vi, ...rules.cues.fr, ...rules.cues.en].map((c) => `(?:${expandPlaces(c, names)})(?![a-z0-9])`));
    this.things = new RegExp(`${START}(?:${nd.things.join('|')})(?: [a-z']+){0,3} (?:est |sont |etait |is |was |bi )?(?:${nd.trapped_words.join('|')})(?![a-z0-9])`, 'gu');
    const withPlaces = (list: readonly string[]) => list.map((p) => expandPlaces(p, names));
    this.returned = alternation(withPlaces(nd.returned), 'gu', START_NOT_NEGATED);
    this.hypothetical = alternation(withPlaces(nd.hypothetical), 'gu');
    this.stories = alternation(withPlaces(nd.story_requests));
    this.askers = alternation(nd.askers.map((a) => `(?:${a})(?![a-z0-9])`), 'gu');
    this.personal = alternation(nd.personal.map((p) => `${p}(?![a-z0-9'])`));
    this.benign = alternation(nd.benign_tasks.map((b) => `${b}(?![a-z0-9])`));
    this.helpCues = alternation(nd.help_cues.map((h) => `${h}(?![a-z0-9])`), 'gu');
    // Whole words: each pattern also ends at a word's end.
    const words = (list: readonly string[], flags = 'u', start = START) => alternation(withPlaces(list).map((p) => `(?:${p})(?![a-z0-9])`), flags, start);
    this.present = words(nd.present);
    this.past = words(nd.past, 'u', START_NOT_NEGATED);
    this.beforeLeaving = words(nd.before_leaving);
    this.conditions = words(nd.conditions);
    this.asksIf = alternation(withPlaces(nd.asks_if));
    this.jokes = words(nd.jokes);
    this.otherScams = alternation(nd.other_scams);
    this.idioms = words(nd.idioms, 'gu');
  }

  /** Categories and cue of a folded message (`raw`, the message before folding, shows laughing emoji). */
  find(folded: string, raw = ''): DangerFinding {
    return { categories: this.clearCategories(folded, raw), cue: this.hasCue(folded) };
  }

  /**
   * Categories that certainly describe someone in danger. Things said to be trapped ("annonce
   * piégée"), a return home ("vừa được giải cứu về") and a situation only imagined before leaving
   * ("nếu lỡ qua đó bị giữ thì...", "what if I go there and...") are set aside first; a request for
   * other people's stories is no report unless it names the writer or someone of theirs. A message
   * told as a joke reports nothing; told as over (back home, escaped, last year) or as a plan before
   * leaving with an "if", it reports nothing unless it also says something is happening now ("still", "đang", "encore").
   *
   * @param raw the message before folding (its laughing emoji mark a joke); may be omitted
   */
  clearCategories(folded: string, raw = ''): string[] {
    // Setting words aside only removes matches: a message that matches no category as it is needs no more work.
    if (!this.categories.some((c) => c.re.test(folded))) return [];
    let text = folded.replace(this.things, ' ');
    if (this.idioms) text = text.replace(this.idioms, ' ');
    if (this.returned) text = text.replace(this.returned, ' ');
    if (this.hypothetical) text = text.replace(this.hypothetical, ' ');
    const found = this.categories.filter((c) => c.re.test(text)).map((c) => c.id);
    if (found.length === 0) return found;
    if (this.isStoryRequest(folded)) return [];
    if (this.isFramedAway(folded, raw)) return [];
    return found;
  }

  /**
   * True when the whole message is a joke, or is told as over or as a plan before leaving with a
   * condition and says nothing is happening now.
   */
  isFramedAway(folded: string, raw = ''): boolean {
    if (this.isJoke(folded, raw)) return true;
    if (this.present?.test(folded)) return false;
    if (matches(this.returned, folded) || this.past?.test(folded)) return true;
    if (this.beforeLeaving?.test(folded) && this.conditions?.test(folded)) return true;
    return this.asksIf?.test(folded) ?? false;
  }

  /** The folded message without its everyday phrases that use a word of danger ("tapé dans l'œil", "à l'aide de"). */
  withoutIdioms(folded: string): string {
    return this.idioms ? folded.replace(this.idioms, ' ').replace(/\s+/g, ' ').trim() : folded;
  }

  /** True when the writer tells of money lost in another scam (an online order, a crypto "investment"). */
  isOtherScam(folded: string): boolean {
    return this.otherScams?.test(folded) ?? false;
  }

  /** True when the whole folded message is a bare plea for help ("help me", "aidez moi svp"): it says nothing of where or why. */
  isBarePlea(folded: string): boolean {
    return this.pleas?.test(folded.trim()) ?? false;
  }

  /** True when the message laughs ("mdr", "haha", "😂", "=)))"): a joke in a group chat, not a report. */
  isJoke(folded: string, raw = ''): boolean {
    return (this.jokes?.test(folded) ?? false) || LAUGHING.test(raw);
  }

  /** True when the message asks for other people's stories or news and names neither the writer nor someone of theirs. */
  isStoryRequest(folded: string): boolean {
    return (this.stories?.test(folded) ?? false) && !this.personal?.test(this.askers ? folded.replace(this.askers, ' ') : folded);
  }

  /** True when the message says someone is back home ("vừa được giải cứu về", "he came back"): support, not rescue. */
  isBackHome(folded: string): boolean {
    return matches(this.returned, folded);
  }

  /** True when the message imagines what could happen after leaving ("nếu lỡ qua đó...", "si je pars et..."): a question, not a report. */
  isHypothetical(folded: string): boolean {
    return matches(this.hypothetical, folded);
  }

  /** True when the message tells of someone back home or of a trip not yet made: support or advice, not a report. */
  isPastOrImagined(folded: string, raw = ''): boolean {
    return this.isBackHome(folded) || this.isHypothetical(folded) || this.isFramedAway(folded, raw);
  }

  /**
   * True when the folded message carries a cue (help, passport, afraid...) outside an everyday
   * phrase ("bị nhốt ngoài cổng", "locked out of the house") and not as a request for an ordinary task.
   */
  hasCue(folded: string): boolean {
    if (!this.cues?.test(folded)) return false;
    const plain = this.withoutIdioms(folded);
    if (plain !== folded && !this.cues.test(plain)) return false;
    if (!this.benign?.test(plain) || !this.helpCues) return true;
    return this.cues.test(plain.replace(this.helpCues, ' '));
  }
}

/** `re.test(text)` for a global regex, from the start of `text` (false when there is no regex). */
function matches(re: RegExp | null, text: string): boolean {
  if (!re) return false;
  re.lastIndex = 0;
  return re.test(text);
}
