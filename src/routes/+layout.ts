// DuckDB-WASM and MapLibre need the browser: render on the client, prerender the empty shell.
export const prerender = true;
export const ssr = false;
export const trailingSlash = 'always';
