/**
 * Baseline for bench/http.ts: a bare botbuilder echo bot on the same stack as ThinkFirst
 * (express 5 + CloudAdapter, no authentication on loopback). No NLU, no storage, no lock.
 * Run: PORT=3979 tsx bench/echo-bot.ts
 */
import express from 'express';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';

const port = Number(process.env.PORT ?? 3979);
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const app = express();
app.use(express.json({ limit: '256kb' }));
app.get('/readyz', (_req, res) => {
  res.status(200).send('ready');
});
app.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, async (context: TurnContext) => {
    if (context.activity.type === 'message') await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
    else if (context.activity.type === 'conversationUpdate') await context.sendActivity('hello');
  });
});
const server = app.listen(port, '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
