/** How the deployer talks to the user: lines on stderr, and a spinner (ora) for long waits on a terminal. */
export interface Reporter {
  info(line: string): void;
  /** Transient progress (stack events); shown under a spinner on a TTY, as lines otherwise. */
  progress(text: string): void;
  done(): void;
  /** Ask a yes/no question on a terminal; undefined when nobody can answer (CI). */
  confirm(question: string): Promise<boolean | undefined>;
}

export async function consoleReporter(interactive: boolean): Promise<Reporter> {
  const ora = interactive ? (await import('ora')).default : undefined;
  let spinner: ReturnType<NonNullable<typeof ora>> | undefined;
  return {
    info: (line) => { spinner?.stop(); spinner = undefined; process.stderr.write(line + '\n'); },
    progress: (text) => {
      if (!ora) { process.stderr.write(`  ${text}\n`); return; }
      spinner ??= ora({ stream: process.stderr }).start();
      spinner.text = text;
    },
    done: () => { spinner?.stop(); spinner = undefined; },
    confirm: async (question) => {
      if (!interactive) return undefined;
      spinner?.stop(); spinner = undefined;
      const { createInterface } = await import('node:readline/promises');
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      const answer = await rl.question(`${question} [y/N] `);
      rl.close();
      return /^y(es)?$/i.test(answer.trim());
    },
  };
}
