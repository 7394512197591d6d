#!/usr/bin/env node
/**
 * Draws the product icon at 16, 32, 64 and 80 px into assets/ (run: node scripts/draw-icons.js).
 * The icon: a green rounded square holding three rising bars (the plan) under a white curve
 * (the forecast) — drawn with 4×4 supersampling and written as PNG with zlib, no dependencies.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const BRAND = [16, 124, 65]; // Excel green
const BAR = [255, 255, 255];
const CURVE = [255, 214, 102];

function crc32(buf) {
  let c;
  const table = [];
  for (let n = 0; n < 256; n++) {
    c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  let crc = 0xffffffff;
  for (const b of buf) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Colour of the icon at (u, v) in unit coordinates, or null for transparent. */
function shade(u, v) {
  const r = 0.18;
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return null;
  // forecast curve: a rising arc above the bars
  const curveY = 0.62 - 0.42 * Math.sin(u * Math.PI * 0.55);
  if (u > 0.14 && u < 0.88 && Math.abs(v - curveY) < 0.055) return CURVE;
  const bars = [
    [0.2, 0.36, 0.62],
    [0.42, 0.58, 0.48],
    [0.64, 0.8, 0.34],
  ];
  for (const [x0, x1, top] of bars) if (u >= x0 && u <= x1 && v >= top + 0.1 && v <= 0.84) return BAR;
  return BRAND;
}

function draw(size) {
  const ss = 4;
  const out = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let rs = 0,
        gs = 0,
        bs = 0,
        as = 0;
      for (let j = 0; j < ss; j++) {
        for (let i = 0; i < ss; i++) {
          const c = shade((x + (i + 0.5) / ss) / size, (y + (j + 0.5) / ss) / size);
          if (c) {
            rs += c[0];
            gs += c[1];
            bs += c[2];
            as += 1;
          }
        }
      }
      const o = (y * size + x) * 4;
      if (as > 0) {
        out[o] = Math.round(rs / as);
        out[o + 1] = Math.round(gs / as);
        out[o + 2] = Math.round(bs / as);
      }
      out[o + 3] = Math.round((255 * as) / (ss * ss));
    }
  }
  return png(size, out);
}

for (const size of [16, 32, 64, 80]) {
  fs.writeFileSync(path.join(__dirname, "..", "assets", `icon-${size}.png`), draw(size));
}
console.log("wrote assets/icon-{16,32,64,80}.png");
