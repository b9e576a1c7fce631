/**
 * Drives a chat session from a stream of lines: a terminal (with a `you> ` prompt) or a
 * pipe (each line is echoed after `you> ` so the output reads as a conversation). Stops at
 * `/quit` or at the end of the input.
 */
import { createInterface } from 'node:readline';
import { createChatSession, type ChatSessionOptions } from './chat-session';

export interface TerminalOptions extends ChatSessionOptions {
  input: NodeJS.ReadableStream;
  /** Where the conversation is printed (a terminal's stream when `interactive`). */
  output: { write(text: string): unknown };
  /** True for a terminal: prompt and let readline echo the typing (`output` is then the terminal). */
  interactive: boolean;
}

const PROMPT = 'you> ';

/** Runs the conversation until `/quit` or end of input. */
export async function runTerminalChat(options: TerminalOptions): Promise<void> {
  const { input, output, interactive } = options;
  const print = (lines: string[]) => {
    if (lines.length > 0) output.write(`${lines.join('\n')}\n`);
  };
  const session = createChatSession(options);
  const rl = createInterface({ input, ...(interactive ? { output: output as NodeJS.WritableStream, terminal: true } : { terminal: false }) });
  rl.setPrompt(PROMPT);
  print(await session.start());
  if (interactive) rl.prompt();
  try {
    for await (const line of rl) {
      if (!interactive && line.trim() !== '') print([`${PROMPT}${line}`]);
      const step = await session.handleLine(line);
      print(step.lines);
      if (step.quit) break;
      if (interactive) rl.prompt();
    }
  } finally {
    rl.close();
  }
}
