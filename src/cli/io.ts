import pc from 'picocolors';

/** Where the CLI reads and writes; replaced in tests to run commands in-process. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** Ask a question on a TTY; null when input is not interactive. */
  ask(question: string): Promise<string | null>;
}

export function processIo(): Io {
  const isTTY = Boolean(process.stdout.isTTY);
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    isTTY,
    env: process.env,
    async ask(question) {
      if (!process.stdin.isTTY || !isTTY) return null;
      const { createInterface } = await import('node:readline/promises');
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      try {
        return (await rl.question(question)).trim();
      } finally {
        rl.close();
      }
    },
  };
}

export type Colors = ReturnType<typeof pc.createColors>;

/** Colour on a terminal (or with FORCE_COLOR=1), never when NO_COLOR is set. */
export function colorsFor(io: Io): Colors {
  const wanted = io.isTTY || io.env.FORCE_COLOR === '1';
  return pc.createColors(wanted && !io.env.NO_COLOR && io.env.TERM !== 'dumb');
}
