/** `npm run staff -- add|remove|list`: see src/staff/staff-cli.ts. */
import { readEnvironment } from '../config';
import { run } from '../staff/staff-cli';

process.exitCode = await run(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: readEnvironment() });
