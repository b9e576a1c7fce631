#!/usr/bin/env node
/**
 * `npm run build`: compiles src/ to dist/ (one ES module per entry: the bot and each CLI,
 * shared chunks loaded on demand), then validates dialogs/ and locales/ with the compiled
 * validator and fails on content errors. Production runs `node dist/index.js`: no TypeScript
 * tooling in the bot's process.
 *
 * The content is then written, validated and ready to run (recogniser trained, scanner rules
 * read), to dist/runtime-cache.bin, keyed by a hash of dialogs/ and locales/: the bot starts
 * from it when the content did not change since the build (src/script/runtime-cache.ts).
 *
 * `--if-stale`: does nothing when dist/ is newer than every file under src/ and the build
 * inputs, else compiles and writes the runtime cache when the content is valid, without
 * failing on content errors (used by `npm start` and the `npm run` CLIs, so a fresh clone or
 * an edited source is built once, without an extra command; the bot reports content errors).
 * `--quiet`: no progress lines.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.build-stamp');
const args = new Set(process.argv.slice(2));
const quiet = args.has('--quiet');
const say = (line) => quiet || process.stderr.write(`build: ${line}\n`);

/** Newest modification time of the build's inputs (src/, this script, package files). */
function newestInput() {
  let newest = 0;
  const visit = (path) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const input of ['src', 'scripts/build.mjs', 'package.json', 'package-lock.json']) {
    if (existsSync(join(ROOT, input))) visit(join(ROOT, input));
  }
  return newest;
}

if (args.has('--if-stale') && existsSync(STAMP) && statSync(STAMP).mtimeMs >= newestInput()) process.exit(0);

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  process.stderr.write('build: esbuild is not installed. Run `npm install` (or `npm ci`) first: it is a dependency of the build.\n');
  process.exit(1);
}

const requireFromRoot = createRequire(join(ROOT, 'package.json'));

/**
 * Packages stay outside the bundle (native modules, large SDKs). Node's ES module loader does
 * not complete deep paths (`natural/lib/natural/tokenizers`), so those are rewritten to the
 * file they resolve to.
 */
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      const parts = args.path.split('/');
      const nameLength = args.path.startsWith('@') ? 2 : 1;
      if (parts.length <= nameLength) return { path: args.path, external: true };
      const packageName = parts.slice(0, nameLength).join('/');
      const packageJson = requireFromRoot.resolve(`${packageName}/package.json`);
      const manifest = JSON.parse(readFileSync(packageJson, 'utf8'));
      if (manifest.exports) return { path: args.path, external: true };
      const file = requireFromRoot.resolve(args.path);
      return { path: `${packageName}/${relative(dirname(packageJson), file).split(sep).join('/')}`, external: true };
    });
  },
};

/**
 * Source files find their assets next to themselves (`import.meta.dirname`); in the bundle
 * that would be dist/. Each use is rewritten to the source file's own folder, found from the
 * project root at run time (dist/ sits in it), so dist/ keeps working wherever the project is.
 */
const sourceLocations = {
  name: 'source-locations',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      const rel = relative(ROOT, args.path).split(sep).join('/');
      if (rel === 'src/script/compiled-build.ts') text = text.replace('COMPILED_BUILD: boolean = false', 'COMPILED_BUILD: boolean = true');
      if (text.includes('import.meta.')) {
        text = text.replaceAll('import.meta.dirname', `__tfSourcePath(${JSON.stringify(rel.slice(0, rel.lastIndexOf('/')))})`);
        // Entry points keep their own URL ("am I the main module?" checks compare it with argv[1]).
        if (!rel.startsWith('src/cli/')) text = text.replaceAll('import.meta.url', `__tfSourceUrl(${JSON.stringify(rel)})`);
      }
      return { contents: text, loader: 'ts' };
    });
  },
};

const banner = [
  "import { join as __tfJoin } from 'node:path';",
  "import { pathToFileURL as __tfPathToFileURL } from 'node:url';",
  "const __tfRoot = import.meta.dirname.slice(0, (import.meta.dirname + '/').lastIndexOf('/dist/'));",
  'const __tfSourcePath = (rel) => __tfJoin(__tfRoot, rel);',
  'const __tfSourceUrl = (rel) => __tfPathToFileURL(__tfJoin(__tfRoot, rel)).href;',
].join('\n');

const started = performance.now();
rmSync(DIST, { recursive: true, force: true });
const cliEntries = readdirSync(join(ROOT, 'src', 'cli')).filter((name) => name.endsWith('.ts')).map((name) => join('src', 'cli', name));
await esbuild.build({
  absWorkingDir: ROOT,
  entryPoints: ['src/index.ts', ...cliEntries],
  outbase: 'src',
  outdir: 'dist',
  entryNames: '[dir]/[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  banner: { js: banner },
  plugins: [externalPackages, sourceLocations],
});
say(`compiled src/ to dist/ in ${Math.round(performance.now() - started)} ms`);

// `npm run build` validates the content too: a build never ships dialogs/ or locales/ the bot
// would refuse. (The automatic build of `npm start` and the CLIs does not fail on it: the bot
// checks the content at start, and `npm run validate` must be able to report errors itself.)
const CACHE = join(DIST, 'runtime-cache.bin');
const validate = spawnSync(process.execPath, [join(DIST, 'cli', 'validate.js'), '--write-runtime-cache', CACHE], { cwd: ROOT, encoding: 'utf8' });
if (args.has('--if-stale')) {
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  say(existsSync(CACHE) ? 'content cached by hash in dist/runtime-cache.bin' : 'content has errors: not cached (the bot reports them at start)');
  process.exit(0);
}
if (validate.status !== 0) {
  process.stderr.write(validate.stdout + validate.stderr);
  process.stderr.write('build: the content in dialogs/ and locales/ has errors (above); fix them, then build again.\n');
  process.exit(1);
}
writeFileSync(STAMP, `${new Date().toISOString()}\n`);
say('content of dialogs/ and locales/ is valid; runtime cached by content hash in dist/runtime-cache.bin');
