// SQL files are imported as text: Vite/Vitest understand `?raw`, and the esbuild config has a plugin for it.
declare module '*.sql?raw' {
  const text: string;
  export default text;
}
