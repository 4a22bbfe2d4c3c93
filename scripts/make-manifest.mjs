// Writes the web app manifest `manifest.json` and its icons into a release folder, so a
// learner can add Trygg to a tablet's or phone's home screen: the words and addresses from
// `web/manifest.json` (relative `start_url` and `scope`, so any sub-path works), the theme
// colours from `styles/main.css` (the light theme's `--accent` and `--bg`), and PNG icons
// drawn from `web/favicon.svg` in the sizes browsers ask for: 192 and 512 pixels, a maskable
// 512 whose shield stays inside the circle Android may cut it to, and Safari's 180.
// Usage: node scripts/make-manifest.mjs DIR
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = {
  manifest: path.join(root, 'web/manifest.json'),
  icon: path.join(root, 'web/favicon.svg'),
  styles: path.join(root, 'styles/main.css'),
};

/** A colour custom property of the stylesheet's first `:root` rule (the light theme). */
export function themeColour(css, name) {
  const rule = /:root\s*\{([^}]*)\}/.exec(css);
  const value = rule && new RegExp(`--${name}\\s*:\\s*(#[0-9a-fA-F]{3,8})\\s*;`).exec(rule[1]);
  if (!value) throw new Error(`${SOURCES.styles}: no colour --${name} in the first :root rule`);
  return value[1];
}

/** An SVG of `size` pixels square with the icon drawn centred in `share` of it, over
 *  `background` (none: transparent). */
export function iconSvg(svg, size, { share = 1, background = null } = {}) {
  const viewBox = /viewBox="([^"]+)"/.exec(svg);
  const body = /<svg[^>]*>([\s\S]*)<\/svg>\s*$/.exec(svg);
  if (!viewBox || !body) throw new Error(`${SOURCES.icon}: needs a viewBox and one <svg> element`);
  const [x, y, width, height] = viewBox[1].trim().split(/[\s,]+/).map(Number);
  const scale = (size * share) / Math.max(width, height);
  const left = (size - width * scale) / 2 - x * scale;
  const top = (size - height * scale) / 2 - y * scale;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">` +
    (background ? `<rect width="${size}" height="${size}" fill="${background}"/>` : '') +
    `<g transform="translate(${left} ${top}) scale(${scale})">${body[1]}</g></svg>`;
}

async function main(dir) {
  const [manifestText, svg, css] = await Promise.all(Object.values(SOURCES).map((file) => readFile(file, 'utf8')));
  let manifest;
  try {
    manifest = JSON.parse(manifestText);
  } catch (error) {
    throw new Error(`${SOURCES.manifest}: not valid JSON (${error.message})`);
  }
  const background = themeColour(css, 'bg');
  // Maskable: the safe zone is the circle of 80 % of the width; 60 % keeps the shield inside.
  const icons = [
    { file: 'icons/icon-192.png', size: 192, purpose: 'any' },
    { file: 'icons/icon-512.png', size: 512, purpose: 'any' },
    { file: 'icons/icon-maskable-512.png', size: 512, purpose: 'maskable', share: 0.6, background },
    { file: 'icons/apple-touch-icon.png', size: 180, share: 0.8, background },
  ];
  await mkdir(path.join(dir, 'icons'), { recursive: true });
  for (const icon of icons) {
    const png = new Resvg(iconSvg(svg, icon.size, icon)).render().asPng();
    await writeFile(path.join(dir, icon.file), png);
  }
  const out = {
    ...manifest,
    theme_color: themeColour(css, 'accent'),
    background_color: background,
    icons: icons.filter((icon) => icon.purpose).map((icon) => ({
      src: icon.file, sizes: `${icon.size}x${icon.size}`, type: 'image/png', purpose: icon.purpose,
    })),
  };
  await writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log(`make-manifest: ${dir}/manifest.json and ${icons.length} icons`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/make-manifest.mjs DIR');
    process.exit(2);
  }
  main(dir).catch((error) => {
    console.error(`make-manifest: ${error.message}`);
    process.exit(1);
  });
}
