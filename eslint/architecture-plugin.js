// Local ESLint rules for the architecture (docs/ARCHITECTURE.md): which folder may import which,
// and no import cycles. Resolves both relative imports and the package "imports" aliases (#core/*…).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const SRC = resolve(import.meta.dirname, '..', 'src');

/** Layer → the layers it may import (itself included). */
const ALLOWED = {
  contracts: ['contracts'],
  db: ['db'],
  config: ['config'],
  core: ['core', 'db', 'contracts'],
  'core/time': ['core/time'],
  api: ['api', 'core', 'core/time', 'db', 'contracts'],
  cli: ['cli', 'api', 'core', 'core/time', 'db', 'contracts', 'config'],
  server: ['server', 'api', 'core', 'core/time', 'db', 'contracts', 'config'],
  jobs: ['jobs', 'core', 'core/time', 'db', 'contracts', 'config'],
  web: ['web', 'contracts'],
  test: null, // the test harness may reach everything
};

const FORBIDDEN_PACKAGES = {
  core: /^(fastify|@fastify\/|react|react-dom|commander|@clack\/)/,
  api: /^(fastify|@fastify\/|react|react-dom|commander|@clack\/)/,
  db: /^(fastify|@fastify\/|react|commander)/,
  contracts: /^(fastify|@fastify\/|react|commander|kysely|better-sqlite3|pg)$/,
  // The browser bundle: nothing that only runs on the server.
  web: /^(fastify|@fastify\/|kysely|better-sqlite3|pg|commander|@clack\/|node:)/,
};

function layerOf(file) {
  const rel = relative(SRC, file).split(sep);
  if (rel[0] === '..' || rel.length < 2) return null;
  if (rel[0] === 'core' && rel[1] === 'time') return 'core/time';
  return rel[0];
}

/** The source file an import specifier points at, or null for a package. */
function resolveSpecifier(fromFile, spec) {
  let target;
  if (spec.startsWith('#')) {
    const m = /^#([a-z]+)\/(.*)$/.exec(spec);
    if (!m) return null;
    target = join(SRC, m[1], m[2]);
  } else if (spec.startsWith('.')) {
    target = resolve(dirname(fromFile), spec);
  } else {
    return null;
  }
  const ts = target.replace(/\.js$/, '.ts');
  // The web app's components are .tsx, imported as .js like every other module.
  const tsx = `${ts}x`;
  return !existsSync(ts) && existsSync(tsx) ? tsx : ts;
}

function sameLayerFamily(from, to) {
  // core/time is part of core for everyone else; core may use it freely.
  if (from === 'core' && to === 'core/time') return true;
  return false;
}

const layers = {
  meta: { type: 'problem', docs: { description: 'Enforce the dependency rule between source folders' }, schema: [] },
  create(context) {
    const file = context.filename;
    const from = layerOf(file);
    if (!from || ALLOWED[from] === undefined) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      const target = resolveSpecifier(file, spec);
      if (target === null) {
        const banned = FORBIDDEN_PACKAGES[from === 'core/time' ? 'core' : from];
        if (banned && banned.test(spec)) context.report({ node, message: `${from} must not import the package "${spec}" (see docs/ARCHITECTURE.md).` });
        return;
      }
      const to = layerOf(target);
      const allowed = ALLOWED[from];
      if (!to || allowed === null || allowed.includes(to) || sameLayerFamily(from, to)) return;
      // A test beside the code may use the test harness (which itself reaches every layer).
      if (to === 'test' && file.endsWith('.test.ts')) return;
      context.report({ node, message: `${from} must not import ${to} ("${spec}"); allowed: ${allowed.join(', ')} (see docs/ARCHITECTURE.md).` });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

// ---- cycles ---------------------------------------------------------------------------------

const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
let graphCache = null;

function listSources(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) listSources(path, out);
    else if (/\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path) && !path.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Strongly connected components of the runtime import graph (type-only imports excluded). */
function cyclicFiles() {
  if (graphCache) return graphCache;
  const edges = new Map();
  for (const file of listSources(SRC)) {
    const text = readFileSync(file, 'utf8');
    const targets = [];
    for (const m of text.matchAll(STATIC_IMPORT)) {
      const target = resolveSpecifier(file, m[1]);
      if (target && existsSync(target)) targets.push(target);
    }
    edges.set(file, targets);
  }
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const inCycle = new Map();
  const strong = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) for (const f of component) inCycle.set(f, component.map((c) => relative(SRC, c)));
    }
  };
  for (const v of edges.keys()) if (!idx.has(v)) strong(v);
  graphCache = inCycle;
  return inCycle;
}

const noCycle = {
  meta: { type: 'problem', docs: { description: 'Forbid runtime import cycles between source files' }, schema: [] },
  create(context) {
    return {
      Program(node) {
        const cycle = cyclicFiles().get(context.filename);
        if (cycle) context.report({ node, message: `Import cycle: ${cycle.join(' → ')}. Move the shared piece into its own module.` });
      },
    };
  },
};

export default { meta: { name: 'smallwins-architecture' }, rules: { layers, 'no-cycle': noCycle } };
