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

/** How the words of a message relate to the training vocabulary. */
export interface WordCounts {
  /** Words of one or a few intents, met exactly or with one typo. */
  content: number;
  /** Words met in many intents. */
  functional: number;
  /** Words never met, not even with one typo. */
  unseen: number;
}

/** The training vocabulary: for each word, the intents whose phrases use it. */
export class Vocabulary {
  private readonly spread = new Map<string, number>();
  /** Content words with one letter removed ("thank" for "thanks"): a message word missing a letter. */
  private readonly deletions = new Set<string>();
  /** The same, keyed by the position of the removed letter: a message word with one letter replaced. */
  private readonly substitutions = new Set<string>();

  /**
   * @param phrases training phrases as intent words (already folded and tokenised)
   * @param ignored intents whose words do not count (`unknown`: its phrases are off-topic on purpose)
   */
  constructor(phrases: readonly { intent: string; words: readonly string[] }[], ignored: readonly string[] = ['unknown']) {
    const intentsOf = new Map<string, Set<string>>();
    for (const { intent, words } of phrases) {
      if (ignored.includes(intent)) continue;
      for (const w of words) {
        let set = intentsOf.get(w);
        if (!set) intentsOf.set(w, (set = new Set()));
        set.add(intent);
      }
    }
    for (const [word, intents] of intentsOf) {
      this.spread.set(word, intents.size);
      if (intents.size >= FUNCTION_WORD_SPREAD || word.length < MIN_FUZZY_LENGTH - 1) continue;
      for (let i = 0; i < word.length; i++) {
        const deleted = deleteAt(word, i);
        this.deletions.add(deleted);
        this.substitutions.add(`${i}:${deleted}`);
      }
    }
  }

  /** Counts content, function and unseen words of a message. */
  countWords(words: readonly string[]): WordCounts {
    const counts: WordCounts = { content: 0, functional: 0, unseen: 0 };
    for (const w of words) {
      const spread = this.spread.get(w);
      if (spread !== undefined) {
        if (spread >= FUNCTION_WORD_SPREAD) counts.functional++;
        else counts.content++;
      } else if (this.hasNearWord(w)) counts.content++;
      else counts.unseen++;
    }
    return counts;
  }

  /**
   * True when the message rests on words never seen in training: more unseen words than content
   * words plus half the function words. Nonsense ("qqq zzz") and other topics ("la tarte aux
   * pommes") are; a question made of common words and one new word ("bạn là ai vậy") is not.
   */
  isOffTopic(words: readonly string[]): boolean {
    const { content, functional, unseen } = this.countWords(words);
    return unseen > content + functional / 2;
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
