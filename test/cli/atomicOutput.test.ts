/**
 * Atomic output (issue 12): the CLI writes a temporary file beside the target and renames it, so
 * a failed write (here: a full disk injected into fs.writeSync, and a failing rename) leaves the
 * earlier output whole, removes the temporary file, and exits 1 with one line.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { writeFileAtomic, OutputFileError } from "../../src/cli/files";
import { io } from "./cliIo";

// The module object itself (not the import wrapper), so a spy is seen by src/cli/files.ts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const realFs: typeof fs = require("node:fs");

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-atomic-"));
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

function diskFull(): void {
  let calls = 0;
  const original = realFs.writeSync;
  jest.spyOn(realFs, "writeSync").mockImplementation(((fd: number, data: Uint8Array, offset?: number) => {
    // write a first piece, then fail as a full disk does part way through
    if (calls++ === 0) return original(fd, data, offset ?? 0, Math.min(1024, data.length - (offset ?? 0)));
    throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
  }) as typeof fs.writeSync);
}

describe("atomic output", () => {
  it("a full disk during plan leaves the earlier output whole (exit 1, one line, no temporary file)", async () => {
    const input = path.join(dir, "in.xlsx");
    const output = path.join(dir, "out.xlsx");
    await main(["template", input], io());
    fs.writeFileSync(output, "an earlier plan"); // what the failed run must leave alone
    const earlier = fs.readFileSync(output);
    diskFull();
    const run = io();
    expect(await main(["plan", input, "-o", output, "--strategy", "level"], run)).toBe(1);
    expect(run.err.filter((l) => !l.startsWith("…"))).toEqual([
      `sop-planner: Could not write ${output}: the disk is full (ENOSPC). Nothing was written; the earlier ${output} is unchanged.`,
    ]);
    expect(fs.readFileSync(output).equals(earlier)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(["in.xlsx", "out.xlsx"]);
  }, 120_000);

  it("a full disk during template leaves no file at all", async () => {
    const target = path.join(dir, "t.xlsx");
    diskFull();
    expect(await main(["template", target], io())).toBe(1);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("a failing rename keeps the earlier file and removes the temporary one", () => {
    const target = path.join(dir, "x.bin");
    fs.writeFileSync(target, "earlier");
    jest.spyOn(realFs, "renameSync").mockImplementation(() => {
      throw Object.assign(new Error("EXDEV: cross-device link not permitted"), { code: "EXDEV" });
    });
    expect(() => writeFileAtomic(target, Buffer.from("later"))).toThrow(OutputFileError);
    expect(fs.readFileSync(target, "utf8")).toBe("earlier");
    expect(fs.readdirSync(dir)).toEqual(["x.bin"]);
  });

  it("replaces the file whole and keeps its permissions", () => {
    const target = path.join(dir, "x.bin");
    fs.writeFileSync(target, "earlier, longer content");
    fs.chmodSync(target, 0o640);
    writeFileAtomic(target, Buffer.from("later"));
    expect(fs.readFileSync(target, "utf8")).toBe("later");
    expect(fs.statSync(target).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(dir)).toEqual(["x.bin"]);
  });
});
