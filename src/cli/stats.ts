/**
 * `npm run stats -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--lang vi|fr|en|other] [--include-test] [--store URL] [--json]`:
 * funnels, risk levels, quiz results, languages, not-understood counts, hand-offs and A/B results from the
 * anonymous daily analytics records (default store: STORAGE_URL, else the SQLite file).
 */
import { formatReport } from '../analytics/format-report';
import { loadReport } from '../analytics/load-report';
import { loadExperiments } from '../script/load-experiments';
import { loadContent } from '../script/load-content';
import { openStatsStore } from '../analytics/open-stats-store';
import { loadConfig } from '../config';
import { runCommand, runIfMain, type CliIo } from '../command/cli-command';
import { readArgs } from '../util/read-args';

const USAGE = 'usage: npm run stats -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--lang vi|fr|en|other] [--include-test] [--store URL] [--json] [--root DIR]\nFunnels, risk levels, quiz results, languages, not-understood counts, hand-offs and A/B results\nfrom the anonymous daily records (default store: STORAGE_URL, else the SQLite file).';

/** Reads the daily records and prints the report. */
export function run(argv: string[], io: CliIo): Promise<number> {
  return runCommand('stats', USAGE, argv, io, async () => {
    const { values } = readArgs('stats', {
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        store: { type: 'string' },
        json: { type: 'boolean', default: false },
        lang: { type: 'string' },
        'include-test': { type: 'boolean', default: false },
        root: { type: 'string' },
      },
    }, argv);
    const config = loadConfig(io.env, []);
    const store = await openStatsStore(values.store ?? config.storage.url, { stateTtlMs: config.retention.stateTtlMs, ...config.redis });
    try {
      const root = values.root ?? process.cwd();
      const { content } = loadContent(root);
      const experiments = content ? loadExperiments(root, content).experiments : [];
      const report = await loadReport(store, {
        from: values.from, to: values.to, content, experiments, minCount: config.stats.minCount,
        ...(values.lang ? { lang: values.lang } : {}), includeTest: values['include-test'],
      });
      io.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    } finally {
      await store.close();
    }
    return 0;
  });
}

runIfMain(import.meta.url, run);
