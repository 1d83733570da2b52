// Imported first by the preload and renderer entries, before any module that builds a zod schema:
// zod decides at construction whether to compile parsers with `new Function`, which the app's CSP
// forbids. Merged into an existing config rather than replacing it, in case zod was loaded first.
const scope = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
scope.__zod_globalConfig = Object.assign(scope.__zod_globalConfig ?? {}, { jitless: true });

export {};
