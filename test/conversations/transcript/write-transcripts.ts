/**
 * Writes docs/transcripts/<lang>.md: one example conversation per language, played on
 * the real engine with the shipped content and rendered with i18next (no fallback
 * language), so the transcripts show exactly what users read.
 *
 * Run: npx tsx test/conversations/transcript/write-transcripts.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { advance } from '../../../src/engine/advance';
import type { Content, ConversationState, EngineInput, EngineOutput } from '../../../src/engine/types';
import { LANGS, type Lang } from '../../../src/kernel/lang';
import { formatDiagnostic } from '../../../src/kernel/diagnostic';
import { loadContent } from '../../../src/script/load-content';
import { createStrictRenderer, type StrictRenderer } from '../crawl/render-check';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** The example: button taps (choice ids) after the welcome, with a heading (key of PAGE.headings) before some. */
const SCRIPT: { tap: string; heading?: string }[] = [
  { tap: '$lang', heading: 'menu' },
  { tap: 'warning_signs', heading: 'warning' },
  { tap: 'next' },
  { tap: 'menu' },
  { tap: 'check_offer', heading: 'check' },
  { tap: 'questions' },
  { tap: 'yes' }, // salary far above normal pay
  { tap: 'yes' }, // no experience needed
  { tap: 'yes' }, // Cambodia, Myanmar, Laos, a border area, a special economic zone or a casino
  { tap: 'no' }, // through another country, then by road
  { tap: 'unsure' }, // leaving without a work visa
  { tap: 'yes' }, // travel paid or visa arranged
  { tap: 'no' }, // on the official list of licensed companies
  { tap: 'no' }, // written contract before leaving
  { tap: 'yes' }, // contact only online
  { tap: 'person' }, // money asked by a person or online
  { tap: 'no' }, // asked to keep it secret
  { tap: 'yes' }, // referred by a friend, a relative or a former colleague
  { tap: 'why' },
  { tap: 'help', heading: 'help' },
  { tap: 'done' },
];

/** The words of the transcript page itself (not of the bot), per language. */
const PAGE: Record<Lang, { title: string; note: string; you: string; bot: string; headings: Record<string, string> }> = {
  vi: {
    title: 'Hội thoại mẫu (tiếng Việt)',
    note: 'Tạo từ nội dung thật bằng `npx tsx test/conversations/transcript/write-transcripts.ts`. Người dùng bấm nút; lựa chọn của họ được in đậm.',
    you: 'Bạn:', bot: 'ThinkFirst:',
    headings: { welcome: 'Chào mừng', menu: 'Menu', warning: 'Dấu hiệu cảnh báo (trích)', check: 'Kiểm tra lời mời: rủi ro cao', help: 'Tìm trợ giúp' },
  },
  fr: {
    title: 'Exemple de conversation (français)',
    note: 'Produit à partir du contenu réel par `npx tsx test/conversations/transcript/write-transcripts.ts`. L’utilisateur touche des boutons ; son choix est en gras.',
    you: 'Vous\u00a0:', bot: 'ThinkFirst\u00a0:',
    headings: { welcome: 'Accueil', menu: 'Menu', warning: 'Signaux d’alerte (extrait)', check: 'Vérifier mon offre : risque élevé', help: 'Obtenir de l’aide' },
  },
  en: {
    title: 'Example conversation (English)',
    note: 'Generated from the real content by `npx tsx test/conversations/transcript/write-transcripts.ts`. The user taps buttons; their choice is in bold.',
    you: 'You:', bot: 'ThinkFirst:',
    headings: { welcome: 'Welcome', menu: 'Menu', warning: 'Warning signs (excerpt)', check: 'Check my offer: high risk', help: 'Get help' },
  },
};

function quote(text: string): string {
  return text.split('\n').map((l) => `> ${l}`).join('\n');
}

function renderOutputs(outputs: EngineOutput[], render: StrictRenderer, bot: string, lines: string[]): void {
  for (const o of outputs) {
    if (o.type === 'say') lines.push(`**${bot}**\n${quote(render.render(o.key, o.vars).text)}`, '');
    if (o.type === 'choices') lines.push(o.options.map((c) => `\`${render.render(c.label, o.vars).text}\``).join(' · '), '');
  }
}

/** Plays SCRIPT in `lang` and returns the Markdown transcript. */
export function writeTranscript(content: Content, lang: Lang): string {
  const render = createStrictRenderer(content, lang);
  const page = PAGE[lang];
  const lines = [`# ${page.title}`, '', page.note, '', `## ${page.headings.welcome}`, ''];
  let result = advance(content, undefined, { type: 'start' });
  renderOutputs(result.outputs, render, page.bot, lines);
  let state: ConversationState = result.state;
  let labels = result.outputs.filter((o) => o.type === 'choices').at(-1);
  for (const { tap, heading } of SCRIPT) {
    const id = tap === '$lang' ? lang : tap;
    const option = labels?.type === 'choices' ? labels.options.find((c) => c.id === id) : undefined;
    if (!option || labels?.type !== 'choices') throw new Error(`transcript ${lang}: no button '${id}' at this point of the conversation; update SCRIPT`);
    if (heading) lines.push(`## ${page.headings[heading]}`, '');
    lines.push(`**${page.you}** **[${render.render(option.label, labels.vars).text}]**`, '');
    const input: EngineInput = { type: 'choice', id };
    result = advance(content, state, input);
    state = result.state;
    renderOutputs(result.outputs, render, page.bot, lines);
    labels = result.outputs.filter((o) => o.type === 'choices').at(-1);
  }
  return lines.join('\n').replace(/\n+$/, '\n');
}

const loaded = loadContent(ROOT);
if (!loaded.content) throw new Error(`content does not load:\n${loaded.diagnostics.map(formatDiagnostic).join('\n')}`);
mkdirSync(path.join(ROOT, 'docs/transcripts'), { recursive: true });
for (const lang of LANGS) {
  const file = path.join(ROOT, 'docs/transcripts', `${lang}.md`);
  writeFileSync(file, writeTranscript(loaded.content, lang));
  console.log(`wrote ${path.relative(ROOT, file)}`);
}
