// Module hook: `electron` (from the built main and from electron-store) resolves to the stand-in.
const standin = new URL('./electron.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: standin, shortCircuit: true };
  return nextResolve(specifier, context);
}
