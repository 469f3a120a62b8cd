// Writes a concrete copy of deploy/nginx.conf: the PETA_AKS_ROOT and PETA_AKS_LISTEN lines replaced,
// and the brotli lines dropped when the nginx brotli modules are not installed.
//
//   node deploy/render-nginx.mjs --root /var/www/peta-aks [--listen 8080] [--no-brotli] > peta-aks.conf
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const TEMPLATE = join(dirname(fileURLToPath(import.meta.url)), 'nginx.conf');
/** Where Debian's libnginx-mod-http-brotli-{filter,static} install their modules. */
export const BROTLI_MODULES = ['/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so', '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so'];
export const brotliInstalled = () => BROTLI_MODULES.every((m) => existsSync(m));

/** Quotes a path for nginx when it contains spaces or special characters. */
const nginxValue = (v) => (/^[A-Za-z0-9_./:@-]+$/.test(v) ? v : `"${v.replace(/["\\]/g, '\\$&')}"`);

/**
 * @param {string} text  the template (deploy/nginx.conf)
 * @param {{root: string, listen?: string|number, brotli?: boolean}} opts
 */
export function renderServerConfig(text, { root, listen, brotli = true }) {
  let out = text;
  const replaceOnce = (re, line, what) => {
    if (!re.test(out)) throw new Error(`nginx.conf: no ${what} line to replace`);
    out = out.replace(re, line);
  };
  replaceOnce(/^(\s*)root\s+[^;]+;.*$/m, `$1root ${nginxValue(resolve(root))};`, 'root');
  if (listen !== undefined) replaceOnce(/^(\s*)listen\s+[^;]+;.*$/m, `$1listen ${listen};`, 'listen');
  if (!brotli) out = out.replace(/^\s*brotli\w*\s[^\n]*;\n/gm, '');
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { root: { type: 'string' }, listen: { type: 'string' }, 'no-brotli': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }
  });
  if (values.help || !values.root) {
    console.error('usage: node deploy/render-nginx.mjs --root DIR [--listen [ADDR:]PORT] [--no-brotli]');
    process.exit(values.help ? 0 : 1);
  }
  const brotli = values['no-brotli'] ? false : true;
  process.stdout.write(renderServerConfig(readFileSync(TEMPLATE, 'utf8'), { root: values.root, listen: values.listen, brotli }));
}
