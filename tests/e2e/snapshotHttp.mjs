// HTTP checks of how a server hands the snapshot database to DuckDB-WASM, shared by the nginx test
// (deploy.test.mjs) and the `npm start` test (start.test.mjs): HEAD answers with Accept-Ranges and the
// length, every range (also the `bytes=0-0` probe) is a 206 with the right Content-Range and length,
// and nothing is compressed even when the browser offers gzip/br.
import assert from 'node:assert/strict';
import { request } from 'node:http';

/** Raw HTTP (no automatic decompression): status, headers and the number of body bytes. */
export function rawRequest(url, { method = 'GET', headers = {} } = {}) {
  return new Promise((ok, fail) => {
    const req = request(url, { method, headers }, (res) => {
      let bytes = 0;
      res.on('data', (d) => (bytes += d.length));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, bytes }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** Asserts the snapshot at `url` (of `size` bytes) is served for range reads. */
export async function checkSnapshotHttp(url, size) {
  const enc = { 'accept-encoding': 'gzip, deflate, br' };
  const head = await rawRequest(url, { method: 'HEAD', headers: enc });
  assert.equal(head.status, 200);
  assert.equal(head.headers['accept-ranges'], 'bytes', 'HEAD says ranges are accepted');
  assert.equal(Number(head.headers['content-length']), size, 'HEAD gives the length');
  assert.equal(head.headers['content-type'], 'application/octet-stream');
  assert.equal(head.headers['content-encoding'], undefined);

  const probe = await rawRequest(url, { method: 'HEAD', headers: { ...enc, range: 'bytes=0-' } });
  assert.equal(probe.status, 206, 'HEAD with Range: bytes=0- (DuckDB-WASM) is a 206');
  assert.equal(probe.headers['content-range'], `bytes 0-${size - 1}/${size}`);

  for (const [range, start, end] of [
    ['bytes=0-0', 0, 0],
    ['bytes=0-4095', 0, 4095],
    ['bytes=4096-8191', 4096, 8191],
    [`bytes=${size - 10}-${size + 100}`, size - 10, size - 1],
    ['bytes=-16', size - 16, size - 1]
  ]) {
    const r = await rawRequest(url, { headers: { ...enc, range } });
    assert.equal(r.status, 206, `${range} is answered with 206`);
    assert.equal(r.headers['content-range'], `bytes ${start}-${end}/${size}`, `${range}: Content-Range`);
    assert.equal(r.bytes, end - start + 1, `${range}: only the range is sent`);
    assert.equal(Number(r.headers['content-length']), end - start + 1);
    assert.equal(r.headers['content-encoding'], undefined, `${range}: never compressed`);
    assert.equal(r.headers['content-type'], 'application/octet-stream');
  }
  const past = await rawRequest(url, { headers: { range: `bytes=${size}-` } });
  assert.equal(past.status, 416, 'a range past the end is 416');
  const whole = await rawRequest(url, { headers: enc });
  assert.equal(whole.status, 200);
  assert.equal(whole.bytes, size);
  assert.equal(whole.headers['content-encoding'], undefined, 'the whole file is not compressed either');
}
