/** How the deployer talks to the user: lines on stderr, and a spinner (ora) for long waits on a terminal. */
export interface Reporter {
  info(line: string): void;
  /** Transient progress (stack events); shown under a spinner on a TTY, as lines otherwise. */
  progress(text: string): void;
  done(): void;
  /** Ask a yes/no question on a terminal; undefined when nobody can answer (CI). */
  confirm(question: string): Promise<boolean | undefined>;
  /** Ask for a typed answer on a terminal (a typed confirmation); undefined when nobody can answer. */
  ask(question: string): Promise<string | undefined>;
}

/** The stream the reporter writes to: stderr, or a stand-in in tests. */
export interface Output {
  write(text: string): boolean | void;
  isTTY?: boolean;
  columns?: number;
}

/**
 * Whether a spinner can be drawn: a terminal that reports a width. A terminal of width 0 (some
 * CI runners, `script` without a parent terminal, a detached pane) makes ora redraw forever,
 * so there progress degrades to plain lines.
 */
export const canSpin = (stream: Output) => Boolean(stream.isTTY) && (stream.columns ?? 0) > 0;

/**
 * `interactive`: someone may answer questions (stdin and stderr are terminals). The spinner
 * also needs a terminal with a width; otherwise progress is printed as plain lines.
 */
export async function consoleReporter(
  interactive: boolean,
  stream: Output = process.stderr,
  input: NodeJS.ReadableStream = process.stdin,
): Promise<Reporter> {
  const ora = interactive && canSpin(stream) ? (await import('ora')).default : undefined;
  let spinner: ReturnType<NonNullable<typeof ora>> | undefined;
  const stop = () => {
    spinner?.stop();
    spinner = undefined;
  };
  const question = async (text: string): Promise<string | undefined> => {
    if (!interactive) return undefined;
    stop();
    const { createInterface } = await import('node:readline/promises');
    const rl = createInterface({ input, output: stream as NodeJS.WritableStream });
    // On a terminal, Ctrl-C reaches readline as a key, not as a signal: pass it on as SIGINT.
    // (Emitted directly: a signal sent to ourselves could arrive after the event loop ran dry.)
    rl.on('SIGINT', () => {
      rl.close();
      if (process.listenerCount('SIGINT') > 0) process.emit('SIGINT', 'SIGINT');
      else process.exit(130);
    });
    try {
      return await rl.question(text);
    } finally {
      rl.close();
    }
  };
  return {
    info: (line) => {
      stop();
      stream.write(line + '\n');
    },
    progress: (text) => {
      if (!ora) {
        stream.write(`  ${text}\n`);
        return;
      }
      spinner ??= ora({ stream: stream as NodeJS.WritableStream }).start();
      // One line, never wider than the terminal: a wrapped spinner line cannot be redrawn in place.
      const width = Math.max(10, (stream.columns ?? 80) - 3);
      spinner.text = text.length > width ? `${text.slice(0, width - 1)}…` : text;
    },
    done: stop,
    confirm: async (text) => {
      const answer = await question(`${text} [y/N] `);
      return answer === undefined ? undefined : /^y(es)?$/i.test(answer.trim());
    },
    ask: question,
  };
}
