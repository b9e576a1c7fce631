/**
 * `npm run bench:nlu`: training time, classifications per second and memory of the recogniser,
 * side by side with a plain natural BayesClassifier trained on the raw phrases (the baseline).
 * Messages are the rows of test/nlu/dev.tsv; accuracy on them is printed too.
 */
import { loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { BayesClassifier } from 'natural/lib/natural/classifiers';
import { loadNluContent, loadTrainingPhrases } from '../src/nlu/create-recogniser';
import { buildLanguageTools } from '../src/script/load-language';
import { readLabelledRows } from '../src/nlu/evaluate';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Figures {
  trainMs: number;
  trainCpuMs: number;
  perSecond: number;
  perCpuSecond: number;
  heapMb: number;
  rssMb: number;
  accuracy: number;
  longAd: string;
}

const mb = (bytes: number): number => bytes / 1024 / 1024;

/** CPU time (user + system) of this process in ms: robust when other processes share the cores. */
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Memory before and after building a model, and the wall-clock and CPU time it took. */
function measureBuild<T>(build: () => T): { model: T; ms: number; cpu: number; heapMb: number; rssMb: number } {
  gc();
  const before = process.memoryUsage();
  const t0 = performance.now();
  const c0 = cpuMs();
  const model = build();
  const cpu = cpuMs() - c0;
  const ms = performance.now() - t0;
  gc();
  const after = process.memoryUsage();
  return { model, ms, cpu, heapMb: mb(after.heapUsed - before.heapUsed), rssMb: mb(after.rss - before.rss) };
}

/** Classifications per wall-clock second and per CPU second over the messages, for at least `minMs`. */
function measureThroughput(classify: (text: string) => unknown, texts: readonly string[], minMs = 2000): { wall: number; cpu: number } {
  for (const t of texts) classify(t); // warm-up: let the JIT compile the hot paths first
  let n = 0;
  const t0 = performance.now();
  const c0 = cpuMs();
  while (performance.now() - t0 < minMs) {
    for (const t of texts) classify(t);
    n += texts.length;
  }
  return { wall: n / ((performance.now() - t0) / 1000), cpu: n / ((cpuMs() - c0) / 1000) };
}

const rows = readLabelledRows('test/nlu/dev.tsv');
const texts = rows.map((r) => r.text);
const longAd = 'TUYỂN GẤP nhân viên chăm sóc khách hàng tại Sihanoukville, lương 1500 USD, bao ăn ở, bao vé máy bay, không cần kinh nghiệm, liên hệ Zalo. '.repeat(25).slice(0, 3000);

// Ours: loading the YAML files is part of start-up, so it is inside the timing.
const ours = measureBuild(() => buildLanguageTools(loadNluContent('dialogs/intents'), 'dialogs/scanner').recogniser);
const oursAd = ours.model.recognise(longAd, 'vi');
const oursSpeed = measureThroughput((t) => ours.model.recognise(t, 'vi'), texts);
const oursFigures: Figures = {
  trainMs: ours.ms,
  trainCpuMs: ours.cpu,
  perSecond: oursSpeed.wall,
  perCpuSecond: oursSpeed.cpu,
  heapMb: ours.heapMb,
  rssMb: ours.rssMb,
  accuracy: rows.filter((r) => ours.model.recognise(r.text, r.lang).intent === r.intent).length / rows.length,
  longAd: `${oursAd.intent} ${oursAd.score.toFixed(3)}`,
};

// Baseline: natural's BayesClassifier on the raw phrases (its own tokenizer and stemmer).
const base = measureBuild(() => {
  const c = new BayesClassifier();
  for (const p of loadTrainingPhrases('dialogs/intents')) c.addDocument(p.text, p.intent);
  c.train();
  return c;
});
const baseAd = base.model.getClassifications(longAd)[0];
const baseSpeed = measureThroughput((t) => base.model.classify(t), texts);
const baseFigures: Figures = {
  trainMs: base.ms,
  trainCpuMs: base.cpu,
  perSecond: baseSpeed.wall,
  perCpuSecond: baseSpeed.cpu,
  heapMb: base.heapMb,
  rssMb: base.rssMb,
  accuracy: rows.filter((r) => base.model.classify(r.text) === r.intent).length / rows.length,
  longAd: `${baseAd?.label ?? '-'} ${(baseAd?.value ?? 0).toPrecision(3)}`,
};

const line = (name: string, f: (x: Figures) => string): string =>
  `${name.padEnd(30)}${f(oursFigures).padStart(22)}${f(baseFigures).padStart(26)}`;
console.log(`${''.padEnd(30)}${'ThinkFirst recogniser'.padStart(22)}${'natural BayesClassifier'.padStart(26)}`);
console.log(line('load + train, wall (ms)', (x) => x.trainMs.toFixed(0)));
console.log(line('load + train, CPU (ms)', (x) => x.trainCpuMs.toFixed(0)));
console.log(line('classifications / wall s', (x) => x.perSecond.toFixed(0)));
console.log(line('classifications / CPU s', (x) => x.perCpuSecond.toFixed(0)));
console.log(line('heapUsed delta (MB)', (x) => x.heapMb.toFixed(1)));
console.log(line('RSS delta (MB)', (x) => x.rssMb.toFixed(1)));
console.log(line('accuracy on dev.tsv', (x) => `${(100 * x.accuracy).toFixed(1)}%`));
console.log(line('3,000-char ad: top, score', (x) => x.longAd));
console.log(`(${rows.length} dev messages, single thread; load average ${(loadavg()[0] ?? 0).toFixed(1)}: wall-clock figures suffer when other processes share the cores; Node ${process.version})`);
