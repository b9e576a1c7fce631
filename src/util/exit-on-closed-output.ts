/** Ends the process quietly when the reader of `stream` goes away (`npm run chat | head`): no EPIPE stack trace. */
export function exitOnClosedOutput(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
