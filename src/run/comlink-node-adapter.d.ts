// Comlink ships the Node adapter's types beside it as node-adapter.d.ts, which TypeScript does
// not pick up for the .mjs file Node has to import; this points the one at the other.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  export { default } from 'comlink/dist/esm/node-adapter';
}
