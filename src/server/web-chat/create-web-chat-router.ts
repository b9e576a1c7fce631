/**
 * `GET /chat`: a test page with Microsoft Web Chat (served from node_modules, no CDN, works
 * offline) connected to the bot's local Direct Line, with a language switch and a
 * "new conversation" button. Its texts come from `locales/<lang>/web-chat.json` and the
 * language names from `system.json`. Mount in local mode only.
 */
import { join } from 'node:path';
import { Router, type RequestHandler } from 'express';
import { findWebChatBundle } from '../../bot-framework/web-chat-bundle';
import type { Runtime } from '../../script/runtime';
import { escapeHtml } from '../../kernel/escape-html';
import { LANGS, type Lang } from '../../kernel/lang';

export interface WebChatOptions {
  /** Current content (for the page's texts), or null while it is not loaded. */
  getRuntime: () => Runtime | null;
  /** Language of the page when the browser's is not vi, fr or en. */
  defaultLang: Lang;
  /** Where the page lives (default `/chat`; the staff preview uses `/preview`). */
  path?: string;
  /** The Direct Line the page talks to (default `/v3/directline`). */
  directLinePath?: string;
  /** Runs before the page (the preview: a signed-in staff member, else the sign-in page). */
  guard?: RequestHandler;
  /** Key of the footer note in web-chat.json (default `note`; the preview's is `note_preview`). */
  noteKey?: 'note' | 'note_preview';
}

/** Keys of `locales/<lang>/web-chat.json` the page shows. */
const PAGE_KEYS = ['title', 'language', 'new_conversation', 'note', 'note_preview'] as const;
const ASSETS = join(import.meta.dirname, 'assets');


function readText(tree: unknown, path: string[]): string {
  let node = tree;
  for (const part of path) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : path.join('.');
}

/** The page's texts in every language, plus each language's own name. */
export function collectPageTexts(runtime: Runtime): Record<Lang, Record<string, string>> {
  const texts = {} as Record<Lang, Record<string, string>>;
  for (const lang of LANGS) {
    const locales = runtime.content.locales[lang] ?? {};
    const page: Record<string, string> = {};
    for (const key of PAGE_KEYS) page[key] = readText(locales['web-chat'], [key]);
    page.language_name = readText(locales.system, ['language_names', lang]);
    texts[lang] = page;
  }
  return texts;
}

/** The page; scripts are files (the page allows no inline script), texts a JSON data block. */
function renderPage(texts: Record<Lang, Record<string, string>>, defaultLang: Lang, path = '/chat', directLinePath = '/v3/directline'): string {
  const json = JSON.stringify(texts).replace(/</g, '\\u003c');
  const languageButtons = LANGS.map((l) => `<button type="button" data-lang="${l}" lang="${l}" aria-pressed="false">${escapeHtml(texts[l].language_name ?? l)}</button>`).join('');
  return `<!doctype html>
<html lang="${defaultLang}" data-default-lang="${defaultLang}" data-direct-line="${escapeHtml(directLinePath)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(texts[defaultLang].title ?? '')}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${path}/chat.css">
</head><body>
<header><h1 id="title"></h1>
<div class="controls"><span id="language-label"></span>${languageButtons}<button type="button" id="new-conversation"></button></div>
</header>
<main id="webchat"></main>
<footer id="note"></footer>
<script type="application/json" id="texts">${json}</script>
<script src="${path}/webchat.js"></script>
<script src="${path}/chat.js"></script>
</body></html>
`;
}

/** The texts with the chosen footer note as `note`. */
function withNote(texts: Record<Lang, Record<string, string>>, key: 'note' | 'note_preview'): Record<Lang, Record<string, string>> {
  const out = {} as Record<Lang, Record<string, string>>;
  for (const lang of LANGS) out[lang] = { ...texts[lang], note: texts[lang][key] ?? '' };
  return out;
}

/** Router serving `/chat`, `/chat/webchat.js`, `/chat/chat.js` and `/chat/chat.css`. */
export function createWebChatRouter(options: WebChatOptions): Router {
  const router = Router();
  const path = options.path ?? '/chat';
  if (options.guard) router.get(path, options.guard);
  router.use(path, (_req, res, next) => {
    res.set('Content-Security-Policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'");
    res.set('X-Content-Type-Options', 'nosniff');
    next();
  });
  router.get(path, (_req, res) => {
    const runtime = options.getRuntime();
    if (!runtime) return void res.status(503).type('text/plain').send('The content is not loaded (see the bot\'s log); fix it, then reload.');
    res.set('Cache-Control', 'no-store').type('html').send(renderPage(withNote(collectPageTexts(runtime), options.noteKey ?? 'note'), options.defaultLang, path, options.directLinePath));
  });
  router.get(`${path}/webchat.js`, (_req, res) => {
    const missing = () => res.status(501).type('text/plain').send('Microsoft Web Chat is not installed: run npm install.');
    let bundle: string;
    try {
      bundle = findWebChatBundle();
    } catch {
      return void missing();
    }
    res.sendFile(bundle, { maxAge: '1h' }, (error) => {
      if (error && !res.headersSent) missing();
    });
  });
  for (const file of ['chat.js', 'chat.css']) {
    router.get(`${path}/${file}`, (_req, res) => res.sendFile(join(ASSETS, file)));
  }
  return router;
}
