/** `npm run staff -- add|remove|list`: staff accounts; see src/staff/staff-cli.ts. */
import { run } from '../staff/staff-cli';
import { runIfMain } from '../command/cli-command';

export { run };

runIfMain(import.meta.url, run);
