// The import table of docs/ARCHITECTURE.md §2 as one ESLint rule: resolve each relative
// import, find the layer of both files, and refuse what the table forbids.
import { builtinModules } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

function layerOf(file) {
  const rel = path.relative(root, file).split(path.sep).join('/');
  if (rel.startsWith('shared/')) return { layer: 'shared' };
  if (rel.startsWith('electron/core/')) return { layer: 'core' };
  if (rel.startsWith('electron/main/')) return { layer: 'main' };
  if (rel.startsWith('electron/preload/')) return { layer: 'preload' };
  if (rel.startsWith('electron/')) return { layer: 'electron-entry' }; // cli.ts, server.ts, cli/
  const feature = /^renderer\/features\/([^/]+)\//.exec(rel);
  if (feature) return { layer: 'renderer', part: 'features', feature: feature[1] };
  const part = /^renderer\/([^/]+)\//.exec(rel);
  if (part) return { layer: 'renderer', part: part[1] };
  return { layer: 'other' };
}

// which layers each layer may import (by relative path)
const allowed = {
  shared: ['shared'],
  core: ['shared', 'core'],
  main: ['shared', 'core', 'main'],
  preload: ['preload'],
  'electron-entry': ['shared', 'core', 'electron-entry'],
  renderer: ['shared', 'renderer'],
};

function check(context, node, source) {
  const from = layerOf(context.filename);
  if (from.layer === 'other') return;
  const report = (message) => context.report({ node, message });

  if (!source.startsWith('.')) {
    if ((from.layer === 'core' || from.layer === 'shared') && (source === 'electron' || source.startsWith('electron/')))
      return report(`${from.layer === 'core' ? 'electron/core' : 'shared'} runs in plain Node and must not import 'electron'.`);
    const isTest = /\.test\.tsx?$/.test(context.filename);
    if (from.layer === 'shared' && source !== 'zod' && !(isTest && source === 'vitest'))
      return report(`shared/ imports zod only, not '${source}'.`);
    if (from.layer === 'renderer' && (nodeBuiltins.has(source) || source === 'pg' || source === 'electron' || source.startsWith('pg-')))
      return report(`renderer reaches the core only through the contract; '${source}' is not available there.`);
    return;
  }
  const target = layerOf(path.resolve(path.dirname(context.filename), source));
  if (target.layer === 'other') return;
  if (!allowed[from.layer].includes(target.layer)) return report(`${from.layer} may not import ${target.layer} (${source}).`);
  if (from.layer === 'renderer' && target.layer === 'renderer') {
    const order = { app: 3, features: 2, components: 1, lib: 1 };
    if (from.part === 'features' && target.part === 'features' && from.feature !== target.feature)
      return report(`features/${from.feature} may not import features/${target.feature}: share through components/ or lib/.`);
    if ((order[target.part] ?? 0) > (order[from.part] ?? 3) || (from.part !== 'app' && target.part === 'app'))
      return report(`renderer/${from.part} may not import renderer/${target.part} (app → features → components/lib).`);
  }
}

export default {
  rules: {
    boundaries: {
      meta: { type: 'problem', docs: { description: 'Import rules between shared, electron/core, electron/main, preload and renderer' } },
      create(context) {
        return {
          ImportDeclaration: (node) => check(context, node, node.source.value),
          ExportNamedDeclaration: (node) => node.source && check(context, node, node.source.value),
          ExportAllDeclaration: (node) => check(context, node, node.source.value),
          ImportExpression: (node) => node.source.type === 'Literal' && check(context, node, node.source.value),
          CallExpression: (node) => {
            if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal')
              check(context, node, node.arguments[0].value);
          },
        };
      },
    },
  },
};
