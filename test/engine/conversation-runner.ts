/**
 * Plays a scripted conversation (docs/conversation-tests.md) against the engine, with the
 * real recogniser for free text, and reports the first turn whose outputs differ.
 * Shared by test/conversations/run-conversations.test.ts and the engine's own tests.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { advance } from '../../src/engine/advance';
import type { Content, ConversationState, EngineInput, EngineOutput } from '../../src/engine/types';
import { LANGS, type Lang } from '../../src/kernel/lang';
import type { Recogniser } from '../../src/nlu/types';

const langText = z.object({ vi: z.string().optional(), fr: z.string().optional(), en: z.string().optional() }).strict();
const userSchema = z.union([
  z.literal('start'),
  z.string(),
  z.object({ choice: z.string() }).strict(),
  z.object({ intent: z.string() }).strict(),
  langText,
]);
const expected = z.union([
  z.string(),
  z.object({ choices: z.array(z.union([z.string(), z.boolean()]).transform(String)) }).strict(),
  /** Buttons that must be among those shown (others may be added to the content without breaking the test). */
  z.object({ choices_include: z.array(z.union([z.string(), z.boolean()]).transform(String)) }).strict(),
  z.object({ set_language: z.enum(LANGS) }).strict(),
]);
const turnSchema = z.union([
  z.object({ user: userSchema, bot: z.array(expected).optional(), bot_includes: z.array(expected).optional() }).strict(),
  /** Replaces the content mid-conversation (an edit by a campaign manager); path relative to the file. */
  z.object({ reload: z.string() }).strict(),
]);
const fileSchema = z.object({ name: z.string(), langs: z.array(z.enum(LANGS)).optional(), turns: z.array(turnSchema).min(1) }).strict();

export type ConversationFile = z.infer<typeof fileSchema> & { path: string };
export type Expected = z.infer<typeof expected>;

/** Reads and checks one conversation file. */
export function readConversation(path: string): ConversationFile {
  const parsed = fileSchema.safeParse(parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: not a conversation test: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return { ...parsed.data, path };
}

/** What the runner needs besides the conversation. */
export interface RunnerDeps {
  content: Content;
  recogniser: Recogniser;
  /**
   * Turns free text into an engine input the way the channel does (recognition, and the
   * offer scan where the channel scans). Default: the recogniser alone, no scan.
   */
  buildTextInput?: (text: string, userLang: Lang, state: ConversationState | undefined, content: Content) => EngineInput;
  /** Loads the content of another folder, for `reload` turns. */
  loadContentAt: (dir: string) => Content;
}

/** Outputs of one turn, written the way conversation files write them. */
export function describeOutputs(outputs: EngineOutput[]): Expected[] {
  return outputs.map((o): Expected => {
    switch (o.type) {
      case 'say': return o.key;
      case 'choices': return { choices: o.options.map((x) => x.id) };
      case 'set_language': return { set_language: o.lang };
      case 'delete_data': return 'delete_data';
      case 'handoff_request': return 'handoff_request';
      case 'end': return 'end';
    }
  });
}

interface InputContext {
  lang: Lang;
  userLang: Lang;
  state: ConversationState | undefined;
  content: Content;
  where: string;
}

function buildInput(user: z.infer<typeof userSchema>, deps: RunnerDeps, ctx: InputContext): EngineInput {
  const { lang, userLang, where } = ctx;
  if (user === 'start') return { type: 'start' };
  if (typeof user === 'object' && 'choice' in user) return { type: 'choice', id: user.choice };
  if (typeof user === 'object' && 'intent' in user) return { type: 'intent', intent: user.intent as never };
  const text = typeof user === 'string' ? user : user[lang];
  if (text === undefined) throw new Error(`${where}: no text for language ${lang}`);
  if (deps.buildTextInput) return deps.buildTextInput(text, userLang, ctx.state, ctx.content);
  const r = deps.recogniser.recognise(text, userLang);
  return { type: 'text', text: r.text, folded: r.folded, intent: r.intent, score: r.score, entities: r.entities, ...(r.answer ? { answer: r.answer } : {}) };
}

/** True when every key said exists as a text in `lang`. */
function missingKeys(content: Content, outputs: EngineOutput[], lang: Lang): string[] {
  const keys = outputs.flatMap((o) => (o.type === 'say' ? [o.key] : o.type === 'choices' ? o.options.map((x) => x.label) : []));
  return keys.filter((key) => {
    const [ns, path] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    let cur: unknown = content.locales[lang][ns];
    for (const seg of path.split('.')) cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
    return typeof cur !== 'string';
  });
}

/** True when output `got` is what `wanted` describes (`choices_include`: those buttons among others). */
function matches(wanted: Expected, got: Expected): boolean {
  if (typeof wanted === 'object' && 'choices_include' in wanted) {
    return typeof got === 'object' && 'choices' in got && wanted.choices_include.every((id) => got.choices.includes(id));
  }
  return JSON.stringify(got) === JSON.stringify(wanted);
}

function isSubsequence(wanted: Expected[], got: Expected[]): boolean {
  let i = 0;
  for (const g of got) if (i < wanted.length && matches(wanted[i]!, g)) i++;
  return i === wanted.length;
}

/**
 * Plays `file` in `lang`. Returns null when every turn matched, else a message naming
 * the file, the turn, what was expected and what the bot did.
 */
export function playConversation(file: ConversationFile, lang: Lang, deps: RunnerDeps): string | null {
  let content = deps.content;
  let state: ConversationState | undefined;
  let userLang: Lang = lang;
  for (const [i, turn] of file.turns.entries()) {
    const where = `${file.path} [${lang}] turn ${i + 1}`;
    if ('reload' in turn) {
      content = deps.loadContentAt(resolve(dirname(file.path), turn.reload));
      continue;
    }
    const result = advance(content, state, buildInput(turn.user, deps, { lang, userLang, state, content, where }));
    state = JSON.parse(JSON.stringify(result.state)) as ConversationState;
    for (const o of result.outputs) if (o.type === 'set_language') userLang = o.lang;
    const got = describeOutputs(result.outputs);
    const missing = missingKeys(content, result.outputs, userLang);
    if (missing.length) return `${where}: missing ${userLang} text for ${missing.join(', ')}`;
    if (turn.bot && (got.length !== turn.bot.length || !turn.bot.every((w, k) => matches(w, got[k]!)))) {
      return `${where}: user ${JSON.stringify(turn.user)}\n  expected ${JSON.stringify(turn.bot)}\n  got      ${JSON.stringify(got)}`;
    }
    if (turn.bot_includes && !isSubsequence(turn.bot_includes, got)) {
      return `${where}: user ${JSON.stringify(turn.user)}\n  expected to include ${JSON.stringify(turn.bot_includes)}\n  got ${JSON.stringify(got)}`;
    }
  }
  return null;
}

/** Languages a file runs in (default: all three). */
export function languagesOf(file: ConversationFile): Lang[] {
  return file.langs ?? [...LANGS];
}
