/**
 * Engine and loader speed: `npx tsx bench/engine.ts [root]`. Prints the time to load and
 * validate the content, and the time per engine turn over a scripted walk through the menu.
 */
import { performance } from 'node:perf_hooks';
import { advance } from '../src/engine/advance';
import type { ConversationState, EngineInput } from '../src/engine/types';
import { loadContent } from '../src/script/load-content';

const root = process.argv[2] ?? process.cwd();

const loads: number[] = [];
let content = null;
for (let i = 0; i < 10; i++) {
  const t = performance.now();
  content = loadContent(root).content;
  loads.push(performance.now() - t);
}
if (!content) throw new Error(`bench: content in ${root} is invalid; run npm run validate -- --root ${root}`);
loads.sort((a, b) => a - b);
console.log(`loadContent: median ${loads[5]!.toFixed(1)} ms, max ${loads[9]!.toFixed(1)} ms (${Object.keys(content.dialogs).length} dialogs)`);

// A walk: start, then the first choice of every step reached, 20 turns per conversation.
const turns = 20_000;
let state: ConversationState | undefined;
let done = 0;
const t0 = performance.now();
while (done < turns) {
  let input: EngineInput = { type: 'start' };
  for (let i = 0; i < 20 && done < turns; i++, done++) {
    const r = advance(content, state, input);
    state = r.state;
    const choices = r.outputs.find((o) => o.type === 'choices');
    if (!choices || choices.type !== 'choices' || choices.options.length === 0) break;
    input = { type: 'choice', id: choices.options[i % choices.options.length]!.id };
  }
  state = undefined;
}
const ms = performance.now() - t0;
console.log(`advance: ${(ms * 1000 / done).toFixed(1)} µs per turn over ${done} turns (${Math.round(done / (ms / 1000))} turns/s)`);
