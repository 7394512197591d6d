import type { CliIo } from "../../src/cli/main";

/** A CLI io that records what the command prints, with a fixed clock (2026-01-15). */
export function io(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    now: () => new Date(Date.UTC(2026, 0, 15)),
  };
}
