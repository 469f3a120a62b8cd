// Runs Debian's nginx with deploy/nginx.conf over a build directory, as an unprivileged, self-contained
// instance: its own prefix, pid, logs and temp paths in a temporary directory, `daemon off`, listening
// on 127.0.0.1 only. Used by tests/e2e/deploy.test.mjs; also a quick way to try the configuration:
//
//   node deploy/nginx-local.mjs [build] [--port 8080]      (Ctrl-C stops it)
//
// The access log is JSON lines (status, bytes sent, Range header, Content-Encoding) for the tests.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BROTLI_MODULES, TEMPLATE, brotliInstalled, renderServerConfig } from './render-nginx.mjs';

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

export async function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

/** The main nginx.conf of the standalone instance around the rendered server block. */
export function mainConfig({ dir, serverConf, brotli }) {
  const modules = brotli ? BROTLI_MODULES.map((m) => `load_module ${m};`).join('\n') : '';
  const asRoot = process.getuid?.() === 0 ? 'user root;' : '';
  return `${modules}
${asRoot}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  sendfile on;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  log_format peta_json escape=json '{"uri":"$request_uri","method":"$request_method","status":$status,"bytes":$body_bytes_sent,"range":"$http_range","encoding":"$sent_http_content_encoding"}';
  access_log ${dir}/access.log peta_json;
  include ${dir}/peta-aks.conf;
}
`;
}

/**
 * Starts nginx over `root` on 127.0.0.1:`port` (a free one by default). Resolves with
 * { url, port, dir, accessLog(), stop() } once it answers.
 */
export async function startNginx({ root, port, brotli = brotliInstalled() } = {}) {
  port ??= await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'peta-nginx-'));
  mkdirSync(join(dir, 'tmp'));
  mkdirSync(join(dir, 'logs'));
  const serverConf = renderServerConfig(readFileSync(TEMPLATE, 'utf8'), { root, listen: `127.0.0.1:${port}`, brotli });
  writeFileSync(join(dir, 'peta-aks.conf'), serverConf);
  writeFileSync(join(dir, 'nginx.conf'), mainConfig({ dir, serverConf, brotli }));
  const args = ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')];
  const check = spawnSync(NGINX, [...args, '-t'], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}`);
  const proc = spawn(NGINX, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout.on('data', (d) => (log += d));
  proc.stderr.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  let exited = false;
  const gone = new Promise((ok) => proc.on('exit', () => ((exited = true), ok())));
  // never leave nginx running when this process ends without stop() (a crash, an uncaught error)
  const killOnExit = () => {
    if (!exited) proc.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    if (!exited) proc.kill('SIGQUIT');
    await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
    if (!exited) proc.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  const accessLog = () =>
    readFileSync(join(dir, 'access.log'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
  for (let i = 0; i < 100 && !exited; i++) {
    try {
      const r = await fetch(url + '/');
      if (r.ok) return { url, port, dir, accessLog, stop };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`nginx did not start on ${url}:\n${log}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { port: { type: 'string' } } });
  const root = resolve(positionals[0] ?? 'build');
  const srv = await startNginx({ root, port: values.port ? Number(values.port) : undefined });
  console.log(`nginx serving ${root} on ${srv.url} (config and logs in ${srv.dir}); Ctrl-C stops it`);
  const quit = () => srv.stop().then(() => process.exit(0));
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}
