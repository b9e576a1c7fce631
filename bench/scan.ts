/**
 * `npm run bench:scan`: time to scan a 2,000-character job ad (target: under 5 ms).
 * Ads of test/scanner/ads.tsv are joined per language and cut at 2,000 characters;
 * prints the rule loading time, ms per scan (mean, p50, p99, max) and scans per second.
 */
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { LANGS } from '../src/kernel/lang';
import { readAdsTsv } from '../src/scanner/read-ads-tsv';
import { locateRulesDir } from '../src/scanner/validate-rules';
import { loadScanner } from '../src/script/load-language';


const AD_LENGTH = 2000;
const ROUNDS = 3000;

/** Value at quantile `q` of sorted numbers. */
function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

const here = dirname(fileURLToPath(import.meta.url));
const ads = readAdsTsv(join(here, '..', 'test', 'scanner', 'ads.tsv'));

const t0 = performance.now();
const scanner = loadScanner(locateRulesDir());
console.log(`load and compile rules: ${(performance.now() - t0).toFixed(1)} ms`);

const samples = LANGS.flatMap((lang) =>
  (['scam', 'legit'] as const).map((label) => {
    const joined = ads.filter((a) => a.lang === lang && a.label === label).map((a) => a.text).join('\n\n');
    return { name: `${lang}/${label}`, text: joined.slice(0, AD_LENGTH) };
  }),
);

for (const s of samples) for (let i = 0; i < 200; i++) scanner.scan(s.text); // warm-up

const times: number[] = [];
const started = performance.now();
for (let i = 0; i < ROUNDS; i++) {
  const s = samples[i % samples.length];
  if (!s) continue;
  const t = performance.now();
  scanner.scan(s.text);
  times.push(performance.now() - t);
}
const total = performance.now() - started;
times.sort((a, b) => a - b);
const mean = times.reduce((a, b) => a + b, 0) / times.length;
console.log(`ad length: ${AD_LENGTH} characters, ${ROUNDS} scans over ${samples.length} ads (vi, fr, en; scam and legit)`);
console.log(`ms per scan: mean ${mean.toFixed(3)}  p50 ${quantile(times, 0.5).toFixed(3)}  p99 ${quantile(times, 0.99).toFixed(3)}  max ${(times[times.length - 1] ?? 0).toFixed(3)}`);
console.log(`scans per second: ${Math.round((ROUNDS / total) * 1000)}`);
console.log(`target: p99 under 5 ms -> ${quantile(times, 0.99) < 5 ? 'met' : 'NOT met'}`);

// Adversarial inputs: long runs that make careless regular expressions backtrack.
const adversarial: Array<[string, string]> = [
  ['100k "@" then letters', '@'.repeat(50_000) + 'a'.repeat(50_000)],
  ['100k digits', '0'.repeat(100_000)],
  ['120k "1 000 "', '1 000 '.repeat(20_000)],
  ['140k "bao ve "', 'bao ve '.repeat(20_000)],
];
for (const [name, text] of adversarial) {
  const t = performance.now();
  scanner.scan(text);
  console.log(`adversarial ${name}: ${(performance.now() - t).toFixed(1)} ms`);
}
