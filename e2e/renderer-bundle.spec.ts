import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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
  // zod validates at the process boundary, in the core; none of it belongs before the first paint
  // (a runtime import of a contract file from the shell pulled in all of it, ~25% of the entry).
  // (the build's source maps name each module; the tiniest chunks have none)
  const initialSources = initial.flatMap((f) => {
    const map = path.join(assets, `${f}.map`);
    return existsSync(map) ? (JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] }).sources : [];
  });
  expect(initialSources.some((s) => s.includes('node_modules/react-dom/'))).toBe(true);
  expect(initialSources.filter((s) => s.includes('node_modules/zod/'))).toEqual([]);
});
