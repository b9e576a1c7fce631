/**
 * Baseline for bench/http.ts and bench/start.ts: a bare botbuilder echo bot on the same stack
 * as ThinkFirst (express 5 + CloudAdapter, no authentication on loopback). No NLU, no storage,
 * no lock. Plain JavaScript, run by node as the compiled bot is.
 * Run: PORT=3979 node bench/echo-bot.mjs   (ECHO_REPLIES=2 sends two messages per turn; a
 * fraction spreads the extra messages evenly: 1.25 sends two messages on every fourth turn)
 */
import express from 'express';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';

const port = Number(process.env.PORT ?? 3979);
const replies = Number(process.env.ECHO_REPLIES ?? 1);
let owed = 0;
/** Messages for this turn: the integer part of ECHO_REPLIES, plus one whenever the fractions add up to a whole. */
function repliesThisTurn() {
  owed += replies - Math.floor(replies);
  const extra = owed >= 1 - 1e-9 ? 1 : 0;
  owed -= extra;
  return Math.floor(replies) + extra;
}
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const app = express();
app.use(express.json({ limit: '256kb' }));
app.get('/readyz', (_req, res) => {
  res.status(200).send('ready');
});
app.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, async (context) => {
    const text = context.activity.type === 'message' ? `echo: ${context.activity.text ?? ''}` : 'hello';
    if (context.activity.type !== 'message' && context.activity.type !== 'conversationUpdate') return;
    await context.sendActivities(Array.from({ length: repliesThisTurn() }, (_, i) => ({ type: 'message', text: i === 0 ? text : `${text} (${i + 1})` })));
  });
});
const server = app.listen(port, '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
