/**
 * Asking for values: on a terminal, one question at a time on stderr (secrets without echo); when stdin
 * is a pipe, one answer per line in the order asked, so scripts can pipe secrets instead of putting
 * them on the command line where `ps` and shell history would see them.
 */
import type { Io } from "./context.js";
import { UsageError } from "./errors.js";

export class Prompter {
  readonly #io: Io;
  #lines: string[] | undefined;

  constructor(io: Io) {
    this.#io = io;
  }

  get interactive(): boolean {
    return this.#io.stdin.isTTY === true;
  }

  async ask(question: string, options: { secret?: boolean } = {}): Promise<string> {
    const answer = this.interactive
      ? await this.#askTerminal(question, options.secret ?? false)
      : await this.#nextLine(question);
    return answer.trim();
  }

  async #nextLine(question: string): Promise<string> {
    if (!this.#lines) {
      const chunks: Buffer[] = [];
      for await (const chunk of this.#io.stdin) chunks.push(Buffer.from(chunk as Buffer));
      this.#lines = Buffer.concat(chunks).toString("utf8").split(/\r?\n/);
    }
    const line = this.#lines.shift();
    if (line === undefined || line.trim() === "") {
      throw new UsageError(
        `Missing value for "${question.replace(/:\s*$/, "")}": stdin has no more lines.`,
        "Pass it as a flag, or pipe one value per line on stdin.",
      );
    }
    return line;
  }

  #askTerminal(question: string, secret: boolean): Promise<string> {
    const { stdin, stderr } = this.#io;
    stderr.write(question);
    return new Promise((resolve, reject) => {
      let value = "";
      const raw = secret && typeof stdin.setRawMode === "function";
      if (raw) stdin.setRawMode!(true);
      stdin.resume();
      const done = (error?: Error) => {
        stdin.off("data", onData);
        if (raw) stdin.setRawMode!(false);
        stdin.pause();
        stderr.write("\n");
        if (error) reject(error);
        else resolve(value);
      };
      const onData = (chunk: Buffer | string) => {
        for (const ch of chunk.toString("utf8")) {
          if (ch === "\r" || ch === "\n") return done();
          if (ch === "\u0003") return done(new UsageError("Cancelled."));
          // Raw mode echoes nothing, which is the point for secrets; a cooked terminal echoes by itself.
          if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
          else value += ch;
        }
      };
      stdin.on("data", onData);
    });
  }
}
