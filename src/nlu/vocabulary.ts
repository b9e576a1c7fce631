/**
 * The words of the training phrases, to tell a message about the bot's topics from nonsense and
 * off-topic text. The classifier always names its closest intent, and with a few shared character
 * n-grams it can be very sure of it ("purple elephant" -> danger 0.96, "zzzz" -> quiz 1.00); the
 * vocabulary says whether the message's words were ever seen at all.
 */

/** A word met in this many intents or more carries no intent ("ban", "la", "you"). */
export const FUNCTION_WORD_SPREAD = 6;
/** Shortest word matched with one typo ("thankss", "passprt"); shorter words must match exactly. */
const MIN_FUZZY_LENGTH = 4;
/**
 * A domain keyword belongs to at most this many intents and to no off-topic phrase ("visa", "luong",
 * "arnaque", "hotline", "quiz"): on its own it shows the message is about the bot's topics.
 */
export const KEYWORD_SPREAD = 2;
/** A word becomes a domain keyword only when this many training phrases use it (chance words do not count). */
export const MIN_KEYWORD_PHRASES = 3;

/** Shorter words ("ok", "di", "aux", "the") are too ambiguous to be domain keywords learnt from the phrases. */
const MIN_KEYWORD_LENGTH = 4;

/** How the words of a message relate to the training vocabulary. */
export interface WordCounts {
  /** Words of one or a few intents, met exactly or with one typo. */
  content: number;
  /** Words met in many intents. */
  functional: number;
  /** Words never met, not even with one typo. */
  unseen: number;
}

/** A built vocabulary as plain data (runtime cache). */
export interface VocabularySnapshot {
  /** Word and number of intents using it. */
  spread: [string, number][];
  deletions: string[];
  substitutions: string[];
  keywords: string[];
}

/** The training vocabulary: for each word, the intents whose phrases use it. */
export class Vocabulary {
  private readonly spread = new Map<string, number>();
  /** Content words with one letter removed ("thank" for "thanks"): a message word missing a letter. */
  private readonly deletions = new Set<string>();
  /** The same, keyed by the position of the removed letter: a message word with one letter replaced. */
  private readonly substitutions = new Set<string>();
  /** Domain keywords (KEYWORD_SPREAD). */
  private readonly keywords = new Set<string>();

  /**
   * @param phrases training phrases as intent words (already folded and tokenised)
   * @param ignored intents whose words do not count (`unknown`: its phrases are off-topic on purpose)
   * @param domainKeywords built-in domain keywords (one word, or two adjacent words), known even if no phrase uses them
   */
  constructor(phrases: readonly { intent: string; words: readonly string[] }[] | VocabularySnapshot, ignored: readonly string[] = ['unknown'], domainKeywords: readonly string[] = []) {
    if (!Array.isArray(phrases)) {
      const snapshot = phrases as VocabularySnapshot;
      this.spread = new Map(snapshot.spread);
      this.deletions = new Set(snapshot.deletions);
      this.substitutions = new Set(snapshot.substitutions);
      this.keywords = new Set(snapshot.keywords);
      return;
    }
    const intentsOf = new Map<string, Set<string>>();
    const ignoredWords = new Set<string>();
    const phraseCount = new Map<string, number>();
    for (const { intent, words } of phrases as readonly { intent: string; words: readonly string[] }[]) {
      for (const w of new Set(words)) phraseCount.set(w, (phraseCount.get(w) ?? 0) + 1);
      if (ignored.includes(intent)) {
        for (const w of words) ignoredWords.add(w);
        continue;
      }
      for (const w of words) {
        let set = intentsOf.get(w);
        if (!set) intentsOf.set(w, (set = new Set()));
        set.add(intent);
      }
    }
    for (const k of domainKeywords) this.keywords.add(k);
    for (const [word, intents] of intentsOf) {
      this.spread.set(word, intents.size);
      const characteristic = intents.size <= KEYWORD_SPREAD && (phraseCount.get(word) ?? 0) >= MIN_KEYWORD_PHRASES;
      if (characteristic && !ignoredWords.has(word) && word.length >= MIN_KEYWORD_LENGTH) this.keywords.add(word);
      if (intents.size >= FUNCTION_WORD_SPREAD || word.length < MIN_FUZZY_LENGTH - 1) continue;
      for (let i = 0; i < word.length; i++) {
        const deleted = deleteAt(word, i);
        this.deletions.add(deleted);
        this.substitutions.add(`${i}:${deleted}`);
      }
    }
  }

  /** The vocabulary as plain data; `new Vocabulary(snapshot)` restores it. */
  snapshot(): VocabularySnapshot {
    return { spread: [...this.spread], deletions: [...this.deletions], substitutions: [...this.substitutions], keywords: [...this.keywords] };
  }

  /** Counts content, function and unseen words of a message. */
  countWords(words: readonly string[]): WordCounts {
    const counts: WordCounts = { content: 0, functional: 0, unseen: 0 };
    for (const w of words) {
      const spread = this.spread.get(w);
      if (spread !== undefined) {
        if (spread >= FUNCTION_WORD_SPREAD) counts.functional++;
        else counts.content++;
      } else if (this.keywords.has(w) || this.hasNearWord(w)) counts.content++;
      else counts.unseen++;
    }
    return counts;
  }

  /**
   * Number of domain keywords in the message (KEYWORD_SPREAD, or built in), met exactly as a word
   * or as two adjacent words ("ho chieu").
   */
  countKeywords(words: readonly string[]): number {
    let n = 0;
    for (let i = 0; i < words.length; i++) {
      const w = words[i] ?? '';
      if (this.keywords.has(w) || (i + 1 < words.length && this.keywords.has(`${w} ${words[i + 1] ?? ''}`))) n++;
    }
    return n;
  }

  /**
   * True when the message rests on words never seen in training: more unseen words than content
   * words plus half the function words. Nonsense ("qqq zzz") and other topics ("la tarte aux
   * pommes") are; a question made of common words and one new word ("bạn là ai vậy") is not.
   */
  isOffTopic(words: readonly string[], extraKeywords = 0): boolean {
    const { content, functional, unseen } = this.countWords(words);
    return unseen > content + functional / 2 + this.countKeywords(words) + extraKeywords;
  }

  /**
   * A content word at one edit (a letter added, missing, replaced except the first, or two letters swapped) from
   * `word`, found by lookups of its deletions (no scan of the vocabulary).
   */
  private hasNearWord(word: string): boolean {
    if (word.length < MIN_FUZZY_LENGTH) return false;
    if (this.deletions.has(word)) return true;
    for (let i = 0; i < word.length; i++) {
      const deleted = deleteAt(word, i);
      // A replaced first letter is not taken for a typo: it mostly makes another word ("urgent", "argent").
      if (this.isContentWord(deleted) || (i > 0 && this.substitutions.has(`${i}:${deleted}`))) return true;
      if (i + 1 < word.length && this.isContentWord(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2))) return true;
    }
    return false;
  }

  private isContentWord(word: string): boolean {
    const spread = this.spread.get(word);
    return spread !== undefined && spread < FUNCTION_WORD_SPREAD;
  }
}

/** `word` without its letter at `i`. */
function deleteAt(word: string, i: number): string {
  return word.slice(0, i) + word.slice(i + 1);
}
