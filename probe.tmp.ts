import { createRecogniser } from './src/nlu/create-recogniser';
const r = createRecogniser('dialogs/intents');
for (const t of process.argv.slice(2)) { const x = r.recognise(t, 'en'); console.log(JSON.stringify(t), x.lang, x.intent, x.score.toFixed(2), JSON.stringify(x.danger ?? null)); }
