// Draws the app icon and writes every file the installers take: build/icons/<N>x<N>.png (Linux), build/icon.png
// (512 px), build/icon.ico (Windows, PNG-compressed entries) and build/icon.icns (macOS, PNG entries).
// Plain Node, no image tools: the icon is a few shapes drawn with signed distance functions, antialiased.
// Run: node build/make-icons.mjs (the output is committed; rerun after changing the drawing).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));

// ---- drawing, in a unit square (0..1, y down) -------------------------------------------------------------
const TOP = [20, 94, 112]; // teal
const BOTTOM = [22, 36, 64]; // navy
const TICKET = [250, 248, 242];
const INK = [20, 94, 112];

function roundedBox(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
const rotate = (x, y, a) => [
  0.5 + (x - 0.5) * Math.cos(a) - (y - 0.5) * Math.sin(a),
  0.5 + (x - 0.5) * Math.sin(a) + (y - 0.5) * Math.cos(a),
];

/** Colour and alpha at a point; `px` is one pixel in unit coordinates (for antialiasing). */
function shade(x, y, px) {
  const cover = (d) => Math.min(1, Math.max(0, 0.5 - d / px));
  const background = cover(roundedBox(x, y, 0.5, 0.5, 0.46, 0.46, 0.2));
  if (background === 0) return [0, 0, 0, 0];
  const t = y;
  let rgb = TOP.map((c, i) => c + (BOTTOM[i] - c) * t);
  // The ticket, tilted: a rounded card with a notch on each side and a perforation.
  const [u, v] = rotate(x, y, 0.21);
  const card = Math.max(roundedBox(u, v, 0.5, 0.5, 0.3, 0.19, 0.04), -circle(u, v, 0.2, 0.5, 0.045), -circle(u, v, 0.8, 0.5, 0.045));
  const perforation = Math.abs(u - 0.62) < 0.009 && Math.abs(((v - 0.5) / 0.05) % 1) < 0.5;
  const ticket = cover(card) * (perforation ? 0 : 1);
  rgb = rgb.map((c, i) => c + (TICKET[i] - c) * ticket);
  // Three rows of a table on the stub's left: what the console shows.
  const rows = Math.max(...[0.42, 0.5, 0.58].map((ry, k) => cover(roundedBox(u, v, 0.41, ry, 0.13 - k * 0.025, 0.018, 0.018))));
  rgb = rgb.map((c, i) => c + (INK[i] - c) * rows * ticket);
  // A check mark on the stub: scanned, exactly once.
  const check = Math.min(segment(u, v, 0.665, 0.5, 0.69, 0.535), segment(u, v, 0.69, 0.535, 0.735, 0.46)) - 0.016;
  rgb = rgb.map((c, i) => c + (INK[i] - c) * cover(check) * ticket);
  return [...rgb, background * 255];
}

function segment(x, y, ax, ay, bx, by) {
  const [dx, dy] = [bx - ax, by - ay];
  const h = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - dx * h, y - ay - dy * h);
}

// ---- PNG ------------------------------------------------------------------------------------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function png(size) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  // 4×4 supersampling on small sizes keeps the thin shapes readable at 16 px.
  const samples = size <= 64 ? 4 : 2;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const [r, g, b, a] = shade((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size, 1 / size / samples);
          sum[0] += r * a;
          sum[1] += g * a;
          sum[2] += b * a;
          sum[3] += a;
        }
      const offset = y * (size * 4 + 1) + 1 + x * 4;
      const alpha = sum[3] / samples / samples;
      for (let i = 0; i < 3; i++) raw[offset + i] = sum[3] ? Math.round(sum[i] / sum[3]) : 0;
      raw[offset + 3] = Math.round(alpha);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- ICO (PNG entries, Windows Vista+) and ICNS (PNG entries, macOS 10.7+) ---------------------------------
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const entry = 6 + 16 * i;
    header[entry] = size >= 256 ? 0 : size;
    header[entry + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.data)]);
}
function icns(entries) {
  const blocks = entries.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + blocks.reduce((n, b) => n + b.length, 0), 4);
  return Buffer.concat([head, ...blocks]);
}

const sizes = [16, 32, 48, 64, 128, 256, 512, 1024];
const pngs = Object.fromEntries(sizes.map((size) => [size, png(size)]));
mkdirSync(path.join(here, 'icons'), { recursive: true });
for (const size of sizes.filter((s) => s <= 512)) writeFileSync(path.join(here, 'icons', `${size}x${size}.png`), pngs[size]);
writeFileSync(path.join(here, 'icon.png'), pngs[512]);
writeFileSync(path.join(here, 'icon.ico'), ico([16, 32, 48, 64, 128, 256].map((size) => ({ size, data: pngs[size] }))));
writeFileSync(
  path.join(here, 'icon.icns'),
  icns([
    { type: 'icp4', data: pngs[16] },
    { type: 'icp5', data: pngs[32] },
    { type: 'icp6', data: pngs[64] },
    { type: 'ic07', data: pngs[128] },
    { type: 'ic08', data: pngs[256] },
    { type: 'ic09', data: pngs[512] },
    { type: 'ic10', data: pngs[1024] },
  ]),
);
console.log(`Wrote build/icons/*.png, build/icon.png, build/icon.ico and build/icon.icns (${sizes.join(', ')} px).`);
