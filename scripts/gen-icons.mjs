// Writes the app's install icons (static/icons/): the favicon's mark as SVG and as 192/512 px PNGs
// (drawn here with pngjs: no external tool or service). Run once: node scripts/gen-icons.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { PNG } from 'pngjs';

const out = new URL('../static/icons/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const GREEN = [0x1b, 0x6e, 0x5a], WHITE = [255, 255, 255];
// the favicon's mountain path in a 32-unit box: M8 22 l5-10 5 6 3-4 4 8 z
const poly = [[8, 22], [13, 12], [18, 18], [21, 14], [25, 22]];
const inside = (x, y) => {
  let c = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i], [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
};
for (const size of [192, 512]) {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const u = ((x + 0.5) / size) * 32, v = ((y + 0.5) / size) * 32;
      const [r, g, b] = inside(u, v) ? WHITE : GREEN; // full-bleed square: "maskable" safe
      const i = (y * size + x) * 4;
      png.data[i] = r; png.data[i + 1] = g; png.data[i + 2] = b; png.data[i + 3] = 255;
    }
  writeFileSync(`${out}icon-${size}.png`, PNG.sync.write(png));
}
writeFileSync(`${out}icon.svg`, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#1b6e5a"/><path d="M8 22l5-10 5 6 3-4 4 8z" fill="#fff"/></svg>\n');
console.log('wrote static/icons/icon.svg, icon-192.png, icon-512.png');
