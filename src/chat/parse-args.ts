/** Command-line options shared by `npm run chat` and `npm run transcript`. */
import { LANGS, type Lang } from '../kernel/lang';

export interface ChatArgs {
  lang: Lang;
  dialog?: string;
  /** Project folder holding dialogs/ and locales/ (default: the current directory). */
  content: string;
  /** `npm run transcript`: record a terminal-chat session (the only mode today). */
  fromChat: boolean;
  /** `npm run transcript`: file to write (default: stdout). */
  out?: string;
  help: boolean;
  /** `npm run transcript -- --update`: re-record transcripts from their inputs. */
  update: boolean;
  /** With `--update`: show the diff, write nothing. */
  dryRun: boolean;
  /** Arguments that are not options (`npm run transcript -- FILE...`). */
  files: string[];
}

/** Options that take a value. */
const VALUED = new Set(['--lang', '--dialog', '--content', '--out']);

/**
 * Parses `argv` (without node and script).
 * @throws naming the bad option and the accepted values.
 */
export function parseChatArgs(argv: string[]): ChatArgs {
  const args: ChatArgs = { lang: 'en', content: '.', fromChat: false, help: false, update: false, dryRun: false, files: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--from-chat') args.fromChat = true;
    else if (flag === '--update') args.update = true;
    else if (flag === '--dry-run') args.dryRun = true;
    else if (VALUED.has(flag)) {
      const value = inline ?? argv[(i += 1)];
      if (value === undefined || value === '') throw new Error(`${flag} needs a value`);
      if (flag === '--lang') {
        if (!(LANGS as readonly string[]).includes(value)) throw new Error(`--lang must be one of ${LANGS.join(', ')} (got '${value}')`);
        args.lang = value as Lang;
      } else if (flag === '--dialog') args.dialog = value;
      else if (flag === '--content') args.content = value;
      else args.out = value;
    } else if (!flag.startsWith('-')) args.files.push(argv[i]!);
    else throw new Error(`unknown option '${argv[i]}' (known: --lang vi|fr|en, --dialog ID, --content DIR, --from-chat, --out FILE, --update, --dry-run, --help)`);
  }
  return args;
}
