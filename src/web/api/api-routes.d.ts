// The endpoint table vite.config.ts builds from src/contracts/api at build time.
declare module 'virtual:api-routes' {
  const routes: Record<
    string,
    { id: string; method: string; path: string; scope: string; list: boolean }
  >;
  export default routes;
}
