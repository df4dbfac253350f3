// Renders the app icons (public/icon-192.png, icon-512.png, maskable-512.png, apple-touch-icon.png)
// from the SVG mark with the same Chromium the browser tests use. Run once after changing the mark:
//   node scripts/make-icons.mjs
// The PNGs are committed; the build only copies them.
import { chromium } from '@playwright/test';
import { writeFile } from 'node:fs/promises';

const mark = (inset) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
  <rect width="32" height="32" rx="${inset ? 0 : 7}" fill="#1f6feb"/>
  <g transform="${inset ? 'translate(3.2 3.2) scale(0.8)' : ''}">
    <path d="M7 10h18M7 16h12M7 22h16" stroke="#fff" stroke-width="3" stroke-linecap="round"/>
  </g></svg>`;

const icons = [
  { file: 'public/icon-192.png', size: 192, maskable: false },
  { file: 'public/icon-512.png', size: 512, maskable: false },
  { file: 'public/maskable-512.png', size: 512, maskable: true },
  { file: 'public/apple-touch-icon.png', size: 180, maskable: true },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--disable-gpu'] });
try {
  const page = await browser.newPage();
  for (const { file, size, maskable } of icons) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${mark(maskable)}`);
    await writeFile(file, await page.screenshot({ omitBackground: true }));
    console.log(`wrote ${file}`);
  }
} finally {
  await browser.close();
}
