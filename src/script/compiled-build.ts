/**
 * Whether this code runs as the compiled bot of `npm run build` (dist/): scripts/build.mjs
 * turns the value to true in the bundle. From src/ (tsx: `npm run dev`, tests) it stays false,
 * so the runtime cache of dist/, trained by the compiled code, is only used by that code.
 */
export const COMPILED_BUILD: boolean = false;
