import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const assets = path.join('dist', 'renderer', 'assets');

test('no renderer script is over 1.5 MB, and what the first paint needs is a fraction of Monaco', () => {
  const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const sizes = Object.fromEntries(scripts.map((f) => [f, statSync(path.join(assets, f)).size]));
  expect(Object.entries(sizes).filter(([, size]) => size > 1.5 * 1024 * 1024)).toEqual([]);
  // What index.html makes the browser fetch and parse before anything is drawn.
  const html = readFileSync(path.join('dist', 'renderer', 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const initialBytes = initial.reduce((sum, f) => sum + (sizes[f] ?? 0), 0);
  expect(initialBytes).toBeLessThan(600 * 1024);
});
