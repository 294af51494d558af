import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Feature CSS is global: every stylesheet ends up in one bundle, so a rule in one feature styles
 * any element anywhere that carries its class. Each rule of renderer/features/<name>/**.css must
 * therefore be scoped by a class of that feature (its first compound selector carries a class
 * starting with `<name>-`, or the singular `<nam>-`), keyframes likewise; and a class is defined
 * (leads a rule) in one stylesheet only — shared ones in renderer/styles.css or renderer/components.
 */
const renderer = path.resolve(import.meta.dirname, '../renderer');
const cssUnder = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(path.join(renderer, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.css'))
      .map((f) => [path.posix.join(dir, f.split(path.sep).join('/')), readFileSync(path.join(renderer, dir, f), 'utf8')]),
  );
const featureCss = cssUnder('features');
const sharedCss = { 'styles.css': readFileSync(path.join(renderer, 'styles.css'), 'utf8'), ...cssUnder('components') };

interface Sheet {
  selectors: string[];
  keyframes: string[];
}

/** Selectors and keyframe names of a stylesheet; @media/@supports blocks are read through. */
function readSheet(css: string): Sheet {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const sheet: Sheet = { selectors: [], keyframes: [] };
  const blockEnd = (from: number) => {
    let depth = 0;
    for (let i = from; i < text.length; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}' && --depth === 0) return i;
    }
    throw new Error('unbalanced braces');
  };
  const walk = (from: number, to: number) => {
    let i = from;
    while (i < to) {
      const open = text.indexOf('{', i);
      if (open < 0 || open >= to) return;
      const prelude = text.slice(i, open).replace(/[{};]/g, ' ').trim();
      const close = blockEnd(open);
      const keyframes = /^@(?:-webkit-)?keyframes\s+([\w-]+)/.exec(prelude);
      if (keyframes) sheet.keyframes.push(keyframes[1]!);
      else if (/^@(media|supports|container|layer)\b/.test(prelude)) walk(open + 1, close);
      else if (!prelude.startsWith('@')) sheet.selectors.push(...splitTopLevel(prelude));
      i = close + 1;
    }
  };
  walk(0, text.length);
  return sheet;
}

function splitTopLevel(selectorList: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < selectorList.length; i++) {
    const c = selectorList[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(selectorList.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(selectorList.slice(start).trim());
  return out.filter(Boolean);
}

/** Class names of the first compound selector (before any combinator), outside :not(…) and […]. */
function leadingClasses(selector: string): string[] {
  let depth = 0;
  let end = selector.length;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i]!;
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && /[\s>+~]/.test(c)) {
      end = i;
      break;
    }
  }
  const compound = selector.slice(0, end).replace(/\([^)]*\)|\[[^\]]*\]/g, '');
  return [...compound.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]!);
}

const featureOf = (file: string) => file.split('/')[1]!;
const prefixesOf = (feature: string) => [`${feature}-`, ...(feature.endsWith('s') ? [`${feature.slice(0, -1)}-`] : [])];
const features = [...new Set(Object.keys(featureCss).map(featureOf))];

describe('feature stylesheets', () => {
  it('are found', () => {
    expect(Object.keys(featureCss).length).toBeGreaterThan(5);
    expect(Object.keys(sharedCss).length).toBeGreaterThan(2);
  });

  it('scope every rule and keyframes by a class of their own feature', () => {
    const unscoped: string[] = [];
    for (const [file, css] of Object.entries(featureCss)) {
      const prefixes = prefixesOf(featureOf(file));
      const own = (name: string) => prefixes.some((p) => name.startsWith(p));
      const sheet = readSheet(css);
      for (const selector of sheet.selectors) if (!leadingClasses(selector).some(own)) unscoped.push(`${file}: ${selector}`);
      for (const name of sheet.keyframes) if (!own(name)) unscoped.push(`${file}: @keyframes ${name}`);
    }
    expect(unscoped).toEqual([]);
  });

  it('never style the classes of another feature', () => {
    const foreign: string[] = [];
    for (const [file, css] of Object.entries(featureCss)) {
      const mine = prefixesOf(featureOf(file));
      const others = features.filter((f) => f !== featureOf(file)).flatMap(prefixesOf);
      for (const selector of readSheet(css).selectors)
        for (const [, name] of selector.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g))
          if (others.some((p) => name!.startsWith(p)) && !mine.some((p) => name!.startsWith(p)))
            foreign.push(`${file}: .${name} in ${selector}`);
    }
    expect(foreign).toEqual([]);
  });

  it('define each class in one stylesheet only (shared ones in styles.css or components/)', () => {
    const definedIn = new Map<string, Set<string>>();
    for (const [file, css] of [...Object.entries(sharedCss), ...Object.entries(featureCss)])
      for (const selector of readSheet(css).selectors) {
        const lead = leadingClasses(selector)[0];
        if (lead) definedIn.set(lead, (definedIn.get(lead) ?? new Set()).add(file));
      }
    const twice = [...definedIn].filter(([, files]) => files.size > 1).map(([name, files]) => `.${name}: ${[...files].join(', ')}`);
    expect(twice).toEqual([]);
  });
});

describe('the stylesheet reader', () => {
  it('reads selectors through @media, keyframe names, and the classes of the first compound', () => {
    const sheet = readSheet(`/* a, .b { } */
.x-a, .x-b > .c { color: red; }
@media (width > 1px) { tr.x-c:not(.d) .e { top: 0; } }
@keyframes x-spin { from { opacity: 0; } to { opacity: 1; } }
input[type='search'].x-f { width: 1px; }`);
    expect(sheet.selectors).toEqual(['.x-a', '.x-b > .c', 'tr.x-c:not(.d) .e', "input[type='search'].x-f"]);
    expect(sheet.keyframes).toEqual(['x-spin']);
    expect(sheet.selectors.map(leadingClasses)).toEqual([['x-a'], ['x-b'], ['x-c'], ['x-f']]);
  });
});
