/**
 * The CLI's file edge: what a file is before any adapter parses it, and how output reaches the
 * disk.
 *
 * - `checkWorkbookFile` looks at the bytes (magic numbers, the zip's central directory, the
 *   prolog of each XML part) and refuses, with one line naming the file and what to do: an empty
 *   file, a CSV or other text file, a legacy `.xls` or a password-protected workbook (both OLE2
 *   compound files; an encrypted `.xlsx` is an OLE2 file holding an `EncryptedPackage` stream),
 *   an OpenDocument spreadsheet, a truncated or damaged zip, an encrypted zip, a zip bomb (caps
 *   on the declared uncompressed size and the compression ratio), part names or relationship
 *   targets that climb out of the package (`../`), and XML with a DOCTYPE (no DTD, no entity
 *   expansion). These checks are cheap: nothing is inflated but the first bytes of each XML part
 *   and the (small) relationship parts.
 * - `writeFileAtomic` writes beside the target and renames, so a failed or interrupted write
 *   leaves an earlier file whole.
 * - `sameFile` tells whether `-o` names the input (through symbolic or hard links too).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";

/** A file the CLI cannot use: exit 1 with this one-line message. */
export class InputFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = "InputFileError";
  }
}

/** Caps against zip bombs: the declared uncompressed total, and the ratio of a large part. */
export const ZIP_LIMITS = {
  /** total uncompressed bytes of all parts */
  maxTotalBytes: 1024 * 2 ** 20,
  /** uncompressed ÷ compressed of one part larger than `ratioFloorBytes` */
  maxRatio: 200,
  ratioFloorBytes: 2 ** 20,
  /** number of parts */
  maxEntries: 100_000,
};

const SAVE_AS_XLSX = "open it in Excel or LibreOffice and save it as Excel Workbook (.xlsx)";

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/**
 * Refuses a file that is not a plain, readable .xlsx/.xlsm package; returns quietly otherwise.
 * The adapter still parses the package; this only turns the common wrong files into clear words.
 */
export function checkWorkbookFile(file: string, bytes: Uint8Array): void {
  const fail = (what: string): never => {
    throw new InputFileError(file, `${file} ${what}`);
  };
  if (bytes.length === 0) fail(`is empty: ${SAVE_AS_XLSX}, or create one with "sop-planner template".`);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (containsUtf16(bytes, "EncryptedPackage"))
      fail(
        "is password-protected (an encrypted workbook): open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it), save, and run again.",
      );
    fail(`is a legacy Excel 97-2003 file (.xls), not an .xlsx workbook: ${SAVE_AS_XLSX}.`);
  }
  if (!startsWith(bytes, [0x50, 0x4b])) {
    const text = textKind(bytes);
    if (text === "csv") fail(`is a CSV text file, not an .xlsx workbook: ${SAVE_AS_XLSX}.`);
    if (text === "markup")
      fail(`is an HTML or XML text file (perhaps a web page saved as .xls), not an .xlsx workbook: ${SAVE_AS_XLSX}.`);
    if (text === "text") fail(`is a text file, not an .xlsx workbook: ${SAVE_AS_XLSX}.`);
    fail(`is not an .xlsx workbook (not a zip package): ${SAVE_AS_XLSX}.`);
  }
  const entries = readCentralDirectory(bytes, fail);
  const names = new Set(entries.map((e) => e.name));
  for (const entry of entries) {
    if (climbs(entry.name)) fail(`has a part named "${entry.name}" that points outside the package; it is refused.`);
  }
  if (names.has("mimetype") && !names.has("[Content_Types].xml"))
    fail(`is an OpenDocument file (.ods), not an .xlsx workbook: ${SAVE_AS_XLSX}.`);
  if (!names.has("[Content_Types].xml") || ![...names].some((n) => /^xl\/workbook[^/]*\.xml$/i.test(n)))
    fail(`is a zip file but not an Excel workbook (no xl/workbook.xml): ${SAVE_AS_XLSX}.`);
  let total = 0;
  for (const entry of entries) {
    if (entry.flags & 1)
      fail(`is an encrypted zip ("${entry.name}"): save the workbook again without zip encryption and run again.`);
    total += entry.size;
    const large = entry.size > ZIP_LIMITS.ratioFloorBytes;
    if (
      total > ZIP_LIMITS.maxTotalBytes ||
      (large && entry.size > ZIP_LIMITS.maxRatio * Math.max(1, entry.compressedSize))
    )
      fail(
        `expands to more than the limit (${large && total <= ZIP_LIMITS.maxTotalBytes ? `"${entry.name}" is compressed over ${ZIP_LIMITS.maxRatio}:1` : `${ZIP_LIMITS.maxTotalBytes / 2 ** 20} MB uncompressed`}); it looks like a zip bomb and is refused. If it is a real workbook, remove unused sheets and save it again.`,
      );
  }
  for (const entry of entries) {
    if (!/\.(xml|rels|vml)$/i.test(entry.name)) continue;
    const data = partBytes(bytes, entry, fail, entry.name.endsWith(".rels") ? undefined : 4096);
    const text = decodeXml(data);
    const root = /<[A-Za-z_]/.exec(text);
    const prolog = root ? text.slice(0, root.index) : text;
    if (/<!DOCTYPE|<!ENTITY/i.test(prolog))
      fail(
        `has XML with a DOCTYPE or entity declarations in "${entry.name}", which a workbook never needs; it is refused. Save the workbook again from Excel or LibreOffice.`,
      );
    if (entry.name.endsWith(".rels")) {
      const source = relsSource(entry.name);
      for (const rel of text.matchAll(/<Relationship\b[^>]*>/g)) {
        const attrs = rel[0];
        if (/TargetMode\s*=\s*["']External["']/.test(attrs)) continue;
        const target = /Target\s*=\s*(["'])(.*?)\1/.exec(attrs)?.[2];
        if (target !== undefined && resolvesOutside(source, target))
          fail(`has a relationship in "${entry.name}" to "${target}", outside the package; it is refused.`);
      }
    }
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Whether an OLE2 file holds a stream with this name (directory entries are UTF-16LE). */
function containsUtf16(bytes: Uint8Array, name: string): boolean {
  const needle = Buffer.from(name, "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/** What kind of text file the first bytes look like, or null for binary. */
function textKind(bytes: Uint8Array): "csv" | "markup" | "text" | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8192));
  if (head.includes(0)) return null;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, cutUtf8(head)));
  } catch {
    text = head.toString("latin1");
  }
  text = text.replace(/^\uFEFF/, "");
  if (/[\x00-\x08\x0e-\x1f]/.test(text)) return null;
  if (/^\s*</.test(text)) return "markup";
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const delimited = lines.slice(0, 20).filter((l) => /[,;\t|]/.test(l)).length;
  if (lines.length > 0 && delimited >= Math.ceil(Math.min(lines.length, 20) / 2)) return "csv";
  return "text";
}

/** The length of the longest prefix that ends on a whole UTF-8 character. */
function cutUtf8(head: Buffer): number {
  const end = head.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = head[end - back];
    if ((byte & 0xc0) === 0x80) continue;
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? end - back : end;
  }
  return end;
}

function readCentralDirectory(bytes: Uint8Array, fail: (what: string) => never): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const truncated = () =>
    fail("is truncated or damaged (the zip package is incomplete): copy or download it again, or use a backup.");
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) truncated();
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  const locator = eocd - 20;
  if (locator >= 0 && view.getUint32(locator, true) === 0x07064b50) {
    const zip64 = Number(view.getBigUint64(locator + 8, true));
    if (zip64 + 56 > bytes.length || view.getUint32(zip64, true) !== 0x06064b50) truncated();
    count = Number(view.getBigUint64(zip64 + 32, true));
    cdSize = Number(view.getBigUint64(zip64 + 40, true));
    cdOffset = Number(view.getBigUint64(zip64 + 48, true));
  }
  if (count > ZIP_LIMITS.maxEntries)
    fail(
      `has ${count} parts, more than the ${ZIP_LIMITS.maxEntries} allowed; it looks like a zip bomb and is refused.`,
    );
  if (cdOffset + cdSize > eocd) truncated();
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== 0x02014b50) truncated();
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const entry: ZipEntry = {
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      offset: view.getUint32(p + 42, true),
      name: Buffer.from(bytes.buffer, bytes.byteOffset + p + 46, nameLength).toString("utf8"),
    };
    // ZIP64 extended information: the 0xFFFFFFFF fields, in order, as 8-byte values.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = view.getUint16(e, true);
      const length = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        const next = () => {
          const value = q + 8 <= e + 4 + length ? Number(view.getBigUint64(q, true)) : 0;
          q += 8;
          return value;
        };
        if (entry.size === 0xffffffff) entry.size = next();
        if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
        if (entry.offset === 0xffffffff) entry.offset = next();
      }
      e += 4 + length;
    }
    entries.push(entry);
    p = extraEnd + commentLength;
  }
  for (const entry of entries) {
    const o = entry.offset;
    if (o + 30 > bytes.length || view.getUint32(o, true) !== 0x04034b50) truncated();
    const dataStart = o + 30 + view.getUint16(o + 26, true) + view.getUint16(o + 28, true);
    if (dataStart + entry.compressedSize > cdOffset) truncated();
  }
  return entries;
}

/** A part's bytes (inflated), or only its first bytes when `compressedPrefix` is given. */
function partBytes(
  bytes: Uint8Array,
  entry: ZipEntry,
  fail: (what: string) => never,
  compressedPrefix?: number,
): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
  const length =
    compressedPrefix === undefined ? entry.compressedSize : Math.min(entry.compressedSize, compressedPrefix);
  const data = bytes.subarray(start, start + length);
  if (entry.method === 0) return data;
  if (entry.method !== 8)
    fail(`uses a zip compression method (${entry.method}) that Excel does not write: ${SAVE_AS_XLSX}.`);
  try {
    return zlib.inflateRawSync(data, {
      finishFlush: zlib.constants.Z_SYNC_FLUSH,
      maxOutputLength: Math.max(1, Math.min(entry.size, 64 * 2 ** 20)),
    });
  } catch {
    return fail(`is damaged ("${entry.name}" cannot be decompressed): copy or download it again, or use a backup.`);
  }
}

function decodeXml(data: Uint8Array): string {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.subarray(2).toString("utf16le");
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return Buffer.from(buffer.subarray(2)).swap16().toString("utf16le");
  return buffer.toString("utf8");
}

/** Whether a part name has a `..` segment, a backslash segment climbing out, or a drive/absolute form. */
function climbs(name: string): boolean {
  return name.split(/[\\/]/).some((s) => s === "..") || /^[A-Za-z]:/.test(name) || name.startsWith("\\");
}

/** The folder a relationship part's targets are relative to: `xl/_rels/workbook.xml.rels` → `xl`. */
function relsSource(relsName: string): string[] {
  const parts = relsName.split("/");
  parts.pop(); // the .rels file
  parts.pop(); // _rels
  return parts;
}

function resolvesOutside(source: string[], target: string): boolean {
  const clean = target.replace(/[?#].*$/, "");
  const stack = clean.startsWith("/") ? [] : [...source];
  for (const segment of clean.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (stack.length === 0) return true;
      stack.pop();
    } else stack.push(segment);
  }
  return false;
}

/** Whether two paths name the same file (same device and inode, or the same resolved path). */
export function sameFile(a: string, b: string): boolean {
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return realPath(a) === realPath(b);
  }
}

function realPath(file: string): string {
  const resolved = path.resolve(file);
  try {
    return fs.realpathSync(resolved);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(resolved)), path.basename(resolved));
    } catch {
      return resolved;
    }
  }
}

/** A file that could not be written: exit 1 with this one-line message. */
export class OutputFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = "OutputFileError";
  }
}

/**
 * Writes `data` to `target` atomically: into a temporary file in the same folder, flushed to
 * disk, then renamed over the target. A failed write (full disk, permissions, a crash) leaves
 * any earlier file at `target` whole and removes the temporary file. The new file keeps the
 * permissions of the one it replaces.
 */
export function writeFileAtomic(target: string, data: Uint8Array): void {
  const resolved = path.resolve(target);
  const dir = path.dirname(resolved);
  const temporary = path.join(dir, `.${path.basename(resolved)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | null = null;
  try {
    fs.mkdirSync(dir, { recursive: true });
    fd = fs.openSync(temporary, "wx", 0o666);
    let written = 0;
    while (written < data.length) written += fs.writeSync(fd, data, written, data.length - written);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    try {
      fs.chmodSync(temporary, fs.statSync(resolved).mode & 0o7777);
    } catch {
      // no earlier file: keep the default permissions
    }
    fs.renameSync(temporary, resolved);
  } catch (e) {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(temporary, { force: true });
    const error = e as NodeJS.ErrnoException;
    const reason =
      error.code === "ENOSPC"
        ? "the disk is full"
        : error.code === "EACCES" || error.code === "EPERM"
          ? "permission denied"
          : error.code === "EROFS"
            ? "the file system is read-only"
            : error.message;
    throw new OutputFileError(
      target,
      `Could not write ${target}: ${reason}${error.code ? ` (${error.code})` : ""}. Nothing was written${fs.existsSync(resolved) ? `; the earlier ${target} is unchanged` : ""}.`,
    );
  }
}
