/**
 * UTF-8 bytes written piece by piece into large buffers, for the big parts the adapter writes
 * (a 5,000-item DemandPlan sheet is about 50 MB of XML). Building such a part as JavaScript
 * strings and encoding it at the end made millions of short-lived strings and one giant one; the
 * sink copies each piece's characters straight into bytes (ASCII without a call into the
 * encoder), hands each full buffer to its `drain` (a deflater) and writes on in the same buffer,
 * so the part never exists whole. Fresh memory is dear: on this project's virtual machines the
 * first touch of a page costs about 7 ms per MB, so joining a 60 MB part cost more than writing it.
 */
import { escapeXml } from "./xml";

const CHUNK = 1 << 20;
const encoder = new TextEncoder();

export class Utf8Sink {
  private buffer = new Uint8Array(CHUNK);
  private at = 0;

  /** `drain` takes each full buffer's bytes (valid only during the call); `rest` then gives the last ones. */
  constructor(private readonly drain: (bytes: Uint8Array) => void) {}

  /** Room for `bytes` more bytes in the current buffer. */
  private reserve(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    if (this.at > 0) this.drain(this.buffer.subarray(0, this.at));
    if (bytes > this.buffer.length) this.buffer = new Uint8Array(bytes);
    this.at = 0;
  }

  /** Markup or text that is already escaped. */
  raw(text: string): void {
    const length = text.length;
    this.reserve(length * 3);
    const buffer = this.buffer;
    let at = this.at;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x80) {
        at += encoder.encodeInto(text.slice(i), buffer.subarray(at)).written;
        break;
      }
      buffer[at++] = code;
    }
    this.at = at;
  }

  /** Text for an element or attribute, escaped as `escapeXml` does. */
  text(text: string): void {
    const length = text.length;
    this.reserve(length * 3);
    const buffer = this.buffer;
    const start = this.at;
    let at = start;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      // markup characters, control characters and non-ASCII go the general way
      if (code >= 0x7f || code < 0x20 || code === 38 || code === 60 || code === 62 || code === 34) {
        this.at = start;
        this.raw(escapeXml(text));
        return;
      }
      buffer[at++] = code;
    }
    this.at = at;
  }

  /** The bytes written since the drain last took a buffer (valid until the next write). */
  rest(): Uint8Array {
    return this.buffer.subarray(0, this.at);
  }
}
