/**
 * Explores every conversation a script allows, by driving the real engine: from each
 * entry point (a new conversation, every interruption and trigger intent from idle), it
 * taps every choice of every waiting step, sends an answer nobody understands until the
 * retries run out, fires every interruption once per step, and pastes an offer at steps
 * that expect one. States are deduplicated, so the result is the full state graph.
 */
import { FLAG_IDS, type Risk, type ScanResult } from '../../../src/kernel/scan-result';
import { INTENTS, type Intent } from '../../../src/kernel/intent';
import { computeCounterCaps, computeRelevantVars, type CounterCaps, type RelevantVars } from './relevant-vars';
import type { AdvanceResult, Content, ConversationState, EngineInput, EngineOutput } from '../../../src/engine/types';

/** The engine entry point, passed in so the explorer stays independent of its module. */
export type AdvanceFn = (content: Content, state: ConversationState | undefined, input: EngineInput) => AdvanceResult;

/** One reachable conversation state. */
export interface CrawlNode {
  id: number;
  state: ConversationState;
  /** How this state was first reached: the parent node and the input label, for messages. */
  parent?: number;
  via: string;
  /** Nodes reached from here by tapping a button (the edges of the no-trap proof). */
  next: number[];
  /** Idle (every dialog ended) or back at the menu's first step. */
  terminal: boolean;
}

/** What the exploration found. */
export interface CrawlResult {
  nodes: CrawlNode[];
  /** Problems found while exploring (engine errors, a waiting step without buttons). */
  problems: string[];
  /** Every output the engine produced, deduplicated by key or label set and variable names. */
  outputs: EngineOutput[];
  /**
   * One reply (the outputs of one input) per distinct sequence of texts and buttons, with
   * the inputs that led to it: what the message-count check renders in every language.
   */
  replies: { path: string; outputs: EngineOutput[] }[];
  /** `dialog.step` reached, and `dialog.step.choice` taken. */
  stepsReached: Set<string>;
  choicesTaken: Set<string>;
}

/** Stops runaway scripts: a content that needs more states than this is reported. */
export const MAX_NODES = Number(process.env.CRAWL_MAX_NODES ?? 400_000);

const GARBAGE: EngineInput = { type: 'text', text: 'qqq zzz', folded: 'qqq zzz', intent: 'unknown', score: 0, entities: { places: [] } };

/** A message with partial evidence of danger that otherwise asks for `intent` (the safety question). */
function possibleDanger(intent: Intent): EngineInput {
  return { type: 'text', text: 'so scared', folded: 'so scared', intent, score: 0.6, entities: { places: [] }, possibleDanger: true };
}

/** How many flags the pasted offers have: every flag (every flag text is rendered), a few, none. */
const PASTED_FLAG_COUNTS = [FLAG_IDS.length, 2, 0];

/** A pasted offer scanned at `risk`, with the first `count` flags. */
function pastedOffer(risk: Risk, count: number): EngineInput {
  const scan: ScanResult = {
    lang: 'en', risk, looksLikeAd: true,
    flags: FLAG_IDS.slice(0, count).map((id) => ({ id, evidence: `evidence of ${id}`, start: 0, end: 1 })),
  };
  const text = 'Easy job in Cambodia, 2000 USD a month, no experience, we pay your ticket. Contact Telegram.';
  return { type: 'text', text, folded: text.toLowerCase(), intent: 'check_offer', score: 1, entities: { places: ['cambodia'] }, scan };
}

/**
 * The part of a state that decides what can happen next: frames with their relevant
 * variables only, growing counters capped where no condition can tell them apart.
 */
function stateKey(state: ConversationState, relevant: RelevantVars, caps: CounterCaps): string {
  const stack = state.stack.map((f) => {
    const names = relevant.get(`${f.dialog}.${f.step}`) ?? new Set<string>();
    const capOf = caps.get(f.dialog);
    const vars = Object.fromEntries(
      Object.entries(f.vars)
        .filter(([k]) => names.has(k))
        .map(([k, v]) => {
          const cap = capOf?.get(k);
          return [k, typeof v === 'number' && cap !== undefined ? Math.min(v, cap) : v];
        }),
    );
    return { dialog: f.dialog, step: f.step, retries: f.retries, resume: f.resume, vars };
  });
  return stableKey({ stack, scan: state.scan });
}

/** JSON with sorted object keys, so equal values give equal strings. */
function stableKey(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** Builds the state graph of `content`. */
export function exploreContent(content: Content, advance: AdvanceFn): CrawlResult {
  const nodes: CrawlNode[] = [];
  const byKey = new Map<string, number>();
  const problems: string[] = [];
  const outputKeys = new Set<string>();
  const outputs: EngineOutput[] = [];
  const replies: CrawlResult['replies'] = [];
  const replyKeys = new Set<string>();
  const stepsReached = new Set<string>();
  const choicesTaken = new Set<string>();
  const probedSteps = new Set<string>();
  const queue: number[] = [];
  const menuStart = content.dialogs[content.global.menu]?.start;
  const relevant = computeRelevantVars(content);
  const caps = computeCounterCaps(content);
  const interruptionDialogs = new Set(content.global.interruptions.flatMap((i) => ('dialog' in i.goto ? [i.goto.dialog] : [])));
  if (content.global.on_possible_danger) interruptionDialogs.add(content.global.on_possible_danger);

  const pathOf = (id: number | undefined): string => (id === undefined ? '' : describePath(nodes, nodes[id]!));

  const recordOutputs = (list: EngineOutput[]): void => {
    for (const o of list) {
      if (o.type !== 'say' && o.type !== 'choices') continue;
      const what = o.type === 'say' ? o.key : o.options.map((c) => c.label).join('|');
      const k = `${o.type}:${what}:${Object.keys(o.vars).sort().join(',')}`;
      if (!outputKeys.has(k)) { outputKeys.add(k); outputs.push(o); }
    }
  };

  /** The node of `state`: the existing one, or a new one queued for exploration. */
  const nodeOf = (state: ConversationState, parent: number | undefined, via: string): number => {
    const key = stateKey(state, relevant, caps);
    const known = byKey.get(key);
    if (known !== undefined) return known;
    if (nodes.length >= MAX_NODES) throw new Error(`crawl: more than ${MAX_NODES} states; the content branches too much to prove`);
    const top = state.stack[state.stack.length - 1];
    const terminal = !top || (top.dialog === content.global.menu && top.step === menuStart);
    nodes.push({ id: nodes.length, state, parent, via, next: [], terminal });
    byKey.set(key, nodes.length - 1);
    queue.push(nodes.length - 1);
    return nodes.length - 1;
  };

  /**
   * Runs one input from `from` (undefined = no state yet); returns the node reached.
   * Only button taps (`tap`) count as ways out in the no-trap proof: typing nonsense
   * until the bot gives up, or a global command, must not be the only exit.
   */
  const step = (from: number | undefined, input: EngineInput, via: string, tap = false): number | undefined => {
    let result: AdvanceResult;
    try {
      result = advance(content, from === undefined ? undefined : nodes[from]!.state, input);
    } catch (err) {
      problems.push(`${pathOf(from)} > ${via}: the engine failed: ${(err as Error).message}`);
      return undefined;
    }
    recordOutputs(result.outputs);
    const shape = result.outputs
      .map((o) => (o.type === 'say' ? `${o.key}${o.join ? '+' : ''}` : o.type === 'choices' ? o.options.map((c) => c.label).join('|') : o.type))
      .join(' ');
    if (!replyKeys.has(shape)) {
      replyKeys.add(shape);
      replies.push({ path: `${pathOf(from)} > ${via}`, outputs: result.outputs });
    }
    for (const e of result.events) if (e.type === 'step_reached') stepsReached.add(`${e.dialog}.${e.step}`);
    const state = result.state;
    const top = state.stack[state.stack.length - 1];
    const waitsAtChoices = top !== undefined && !!content.dialogs[top.dialog]?.steps[top.step]?.choices;
    if (top && !waitsAtChoices) problems.push(`${pathOf(from)} > ${via}: dead end: waiting at ${top.dialog}.${top.step}, which has no choices`);
    if (top && !result.outputs.some((o) => o.type === 'choices')) {
      problems.push(`${pathOf(from)} > ${via}: dead end: the user is left at ${top.dialog}.${top.step} with no buttons`);
    }
    const id = nodeOf(state, from, via);
    if (from !== undefined && tap) nodes[from]!.next.push(id);
    return id;
  };

  /** The node of the same innermost frame alone on the stack. */
  const twinOf = (state: ConversationState): number => {
    const { resume: _resume, ...top } = state.stack[state.stack.length - 1]!;
    return nodeOf({ ...state, stack: [top] }, undefined, `${top.dialog}.${top.step} on its own`);
  };

  // Node 0: idle (no dialog open), the starting point of every intent.
  nodeOf({ contentVersion: content.version, stack: [] }, undefined, 'idle');
  step(undefined, { type: 'start' }, 'start');
  const entryIntents = new Set<Intent>([
    ...content.global.interruptions.map((i) => i.intent),
    ...Object.values(content.dialogs).flatMap((d) => d.triggers),
    'unknown',
  ]);
  for (const intent of entryIntents) step(0, { type: 'intent', intent }, `intent ${intent}`);
  // Partial evidence of danger from idle, with every other intent a "no" may go on with.
  if (content.global.on_possible_danger) for (const intent of INTENTS) step(0, possibleDanger(intent), `possible danger, else ${intent}`);

  while (queue.length > 0) {
    const id = queue.shift()!;
    const node = nodes[id]!;
    const top = node.state.stack[node.state.stack.length - 1];
    if (!top) continue;
    // The menu is where every path may end. A menu opened on top of an interrupted
    // question is not explored again: from there on it behaves as the plain menu.
    if (node.terminal && node.state.stack.length > 1) continue;
    // A topic reached on top of an interrupted question (danger > all contacts > check
    // an offer) runs exactly as the same topic on its own until it ends: link this state
    // to that twin, which the crawl explores, instead of exploring the topic again.
    if (node.state.stack.length > 1 && !interruptionDialogs.has(top.dialog)) {
      node.next.push(twinOf(node.state));
      continue;
    }
    const s = content.dialogs[top.dialog]?.steps[top.step];
    if (!s?.choices) continue;
    for (const c of s.choices) {
      choicesTaken.add(`${top.dialog}.${top.step}.${c.id}`);
      step(id, { type: 'choice', id: c.id }, `${top.dialog}.${top.step}[${c.id}]`, true);
    }
    const where = `${top.dialog}.${top.step}`;
    if (probedSteps.has(where)) continue;
    probedSteps.add(where);
    // Once per step: answers nobody understands, until the retries run out.
    let cur: number | undefined = id;
    for (let i = 0; cur !== undefined && i <= (s.otherwise?.retry ?? 0); i++) cur = step(cur, GARBAGE, `${where}[not understood]`);
    // Once per step: every interruption, then (through the queue) its way back.
    for (const it of content.global.interruptions) step(id, { type: 'intent', intent: it.intent }, `${where}[${it.intent}]`);
    if (content.global.on_possible_danger) step(id, possibleDanger('unknown'), `${where}[possible danger]`);
    if (s.expect === 'offer_text') {
      for (const risk of ['low', 'medium', 'high'] as const) {
        for (const n of PASTED_FLAG_COUNTS) step(id, pastedOffer(risk, n), `${where}[pasted offer, ${risk}, ${n} flags]`);
      }
    }
  }
  return { nodes, problems, outputs, replies, stepsReached, choicesTaken };
}

/** Nodes from which no sequence of inputs reaches an end or the menu. */
export function findTraps(nodes: CrawlNode[]): CrawlNode[] {
  const prev = new Map<number, number[]>();
  for (const n of nodes) {
    for (const m of n.next) {
      const list = prev.get(m);
      if (list) list.push(n.id);
      else prev.set(m, [n.id]);
    }
  }
  const ok = new Set<number>(nodes.filter((n) => n.terminal).map((n) => n.id));
  const todo = [...ok];
  while (todo.length > 0) {
    for (const p of prev.get(todo.pop()!) ?? []) if (!ok.has(p)) { ok.add(p); todo.push(p); }
  }
  return nodes.filter((n) => !ok.has(n.id));
}

/** The inputs that lead to `node`, for messages. */
export function describePath(nodes: CrawlNode[], node: CrawlNode): string {
  const parts: string[] = [];
  for (let n: CrawlNode | undefined = node; n; n = n.parent === undefined ? undefined : nodes[n.parent]) parts.unshift(n.via);
  return parts.join(' > ');
}
