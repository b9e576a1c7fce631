/**
 * Reading a staff password: typed in a terminal it is read with echo off (raw mode: nothing
 * typed is shown, Backspace works, Ctrl-C cancels); from a pipe it is the first line.
 */
import { StringDecoder } from 'node:string_decoder';

/** Standard input as the staff CLI sees it (a TTY has `setRawMode`). */
export type PasswordInput = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };

/** Reads the first line of `stdin` (without the line break). */
export async function readFirstLine(stdin: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/** Keys with a meaning while typing a password in raw mode. */
const ENTER = new Set(['\r', '\n', '\u0004']);
const CTRL_C = '\u0003';
const BACKSPACE = new Set(['\u007f', '\b']);

/**
 * Reads a password typed in the terminal without showing it. `prompt` goes to `prompter`
 * (stderr), and a line break once Enter is pressed.
 * @throws when the user presses Ctrl-C (nothing is changed then).
 */
function readHidden(stdin: PasswordInput & { setRawMode: (mode: boolean) => unknown }, prompt: string, prompter: { write(text: string): unknown }): Promise<string> {
  // Raw mode first: what is typed as soon as the prompt shows is not echoed either.
  stdin.setRawMode(true);
  prompter.write(prompt);
  const decoder = new StringDecoder('utf8');
  return new Promise((resolve, reject) => {
    let typed: string[] = [];
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      prompter.write('\n');
    };
    const onData = (chunk: Buffer | string) => {
      for (const key of typeof chunk === 'string' ? chunk : decoder.write(chunk)) {
        if (ENTER.has(key)) {
          finish();
          resolve(typed.join(''));
          return;
        }
        if (key === CTRL_C) {
          finish();
          reject(new Error('cancelled (Ctrl-C): nothing was changed'));
          return;
        }
        if (BACKSPACE.has(key)) typed = typed.slice(0, -1);
        else typed.push(key);
      }
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}

/**
 * The password: typed with echo off when `stdin` is a terminal (after `prompt`), else the
 * first line of `stdin` (`printf '%s\n' 'pass phrase' | npm run staff -- add anna`).
 */
export async function readPassword(stdin: PasswordInput, prompt: string, prompter: { write(text: string): unknown }): Promise<string> {
  const setRawMode = stdin.setRawMode?.bind(stdin);
  if (!stdin.isTTY || !setRawMode) return readFirstLine(stdin);
  return readHidden(Object.assign(stdin, { setRawMode }), prompt, prompter);
}
