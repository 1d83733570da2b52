import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../preload/contract';
import { ensureBuilt, projectRoot } from './ensure-built';

// zod 4 decides when a schema is built whether to compile its parser with `new Function`, which
// the app page's CSP refuses. These checks run on the built bundles, as the app loads them.
const JITLESS_SET = /jitless:\s*(!0|true)/;
const ZOD_CORE_INIT = /\.__zod_globalConfig\s*\?\?\s*\(/;

beforeAll(ensureBuilt, 120_000);

/** Loads the built preload in a fresh context whose `Function` constructor counts its calls. */
function loadPreloadCounting() {
  const context = createContext({ console, setTimeout, clearTimeout, queueMicrotask, URL, TextEncoder, TextDecoder });
  runInContext(
    `globalThis.__constructions = 0;
     const Original = Function;
     globalThis.Function = new Proxy(Original, {
       construct(target, args) { globalThis.__constructions += 1; return Reflect.construct(target, args); },
       apply(target, self, args) { globalThis.__constructions += 1; return Reflect.apply(target, self, args); },
     });`,
    context,
  );
  const exposed: Record<string, unknown> = {};
  const ipcRenderer = {
    // Every call answers with a value the output schema refuses, so the bridge really parses it.
    invoke: async () => ({ ok: true, value: { unexpected: 'shape' } }),
    on: () => ipcRenderer,
    removeListener: () => ipcRenderer,
  };
  const electron = { contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) }, ipcRenderer };
  const module = { exports: {} };
  const source = readFileSync(join(projectRoot, 'out/preload/index.cjs'), 'utf8');
  const run = runInContext(`(function (require, module, exports) {\n${source}\n})`, context) as (...args: unknown[]) => void;
  run((id: string) => (id === 'electron' ? electron : undefined), module, module.exports);
  return {
    bridge: exposed.roomdesk as Record<string, (input?: unknown) => Promise<unknown>>,
    constructions: () => runInContext('__constructions', context) as number,
    context,
  };
}

describe('zod runs without eval in the preload', () => {
  it('the counter sees a Function construction (so a zero below means something)', () => {
    const { constructions, context } = loadPreloadCounting();
    const before = constructions();
    runInContext("new Function('return 1')", context);
    expect(constructions() - before).toBe(1);
  });

  it('builds no function while loading and on the first call of every bridge method', async () => {
    const { bridge, constructions } = loadPreloadCounting();
    expect(constructions()).toBe(0);
    for (const method of methodNames) await bridge[method]!({}).catch(() => undefined);
    expect(Object.keys(bridge)).toEqual(expect.arrayContaining([...methodNames]));
    expect(constructions()).toBe(0);
  });

  it('sets jitless before zod itself runs in the bundle', () => {
    const source = readFileSync(join(projectRoot, 'out/preload/index.cjs'), 'utf8');
    const jitless = source.search(JITLESS_SET);
    const zodCore = source.search(ZOD_CORE_INIT);
    expect(jitless).toBeGreaterThanOrEqual(0);
    expect(zodCore).toBeGreaterThan(jitless);
  });
});

/** The order in which the browser evaluates the entry's static module graph (dependencies first). */
function evaluationOrder(dir: string, entry: string): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(join(dir, file), 'utf8');
    for (const match of source.matchAll(/(?:^|[;\s}])import\s*(?:[\w${}\s,*]+from\s*)?["']\.\/([^"']+)["']/g)) visit(match[1]!);
    order.push(file);
  };
  visit(entry);
  return order;
}

describe('zod runs without eval in the renderer', () => {
  it('the built entry sets jitless before any chunk that starts zod is evaluated', () => {
    const html = readFileSync(join(projectRoot, 'out/renderer/index.html'), 'utf8');
    const entry = /<script type="module"[^>]*src="\.\/assets\/([^"]+)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    const assets = join(projectRoot, 'out/renderer/assets');
    const order = evaluationOrder(assets, entry!);
    const sourceOf = (file: string) => readFileSync(join(assets, file), 'utf8');
    const jitlessChunk = order.findIndex((file) => JITLESS_SET.test(sourceOf(file)));
    expect(jitlessChunk).toBeGreaterThanOrEqual(0);
    // No chunk evaluated before the one that sets jitless may start zod…
    const before = order.slice(0, jitlessChunk).filter((file) => ZOD_CORE_INIT.test(sourceOf(file)));
    expect(before).toEqual([]);
    // …and within that chunk, zod (if there) comes after the jitless line.
    const jitlessSource = sourceOf(order[jitlessChunk]!);
    const zodInChunk = jitlessSource.search(ZOD_CORE_INIT);
    if (zodInChunk >= 0) expect(zodInChunk).toBeGreaterThan(jitlessSource.search(JITLESS_SET));
  });

  it('the jitless module is the first import of the renderer entry source', () => {
    const source = readFileSync(join(projectRoot, 'renderer/src/main.tsx'), 'utf8');
    expect(/^import\s+['"]([^'"]+)['"]/m.exec(source)?.[1]).toBe('../../common/zod-jitless');
    expect(source.indexOf("'../../common/zod-jitless'")).toBeLessThan(source.indexOf('import {'));
  });
});
