// Smoke test of the path the deploy engine uses: ssh2 (from the project's
// node_modules) -> sshd of each testbed host -> direct-streamlocal channel to
// that host's Docker socket -> HTTP GET /_ping, expecting "OK".
// Usage: node testbed/check-ssh2.mjs [STATE_DIR/testbed.json]
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import ssh2 from 'ssh2';

const file = process.argv[2] ?? '/tmp/stackdraft-testbed/testbed.json';
const tb = JSON.parse(readFileSync(file, 'utf8'));
const privateKey = readFileSync(tb.identityFile);

// Same format as `ssh-keygen -lf`: SHA256: + unpadded base64 of sha256(key blob).
const fingerprint = (key) =>
  'SHA256:' + createHash('sha256').update(key).digest('base64').replace(/=+$/, '');

function checkHost(h) {
  return new Promise((resolve, reject) => {
    const conn = new ssh2.Client();
    const timer = setTimeout(() => {
      conn.end();
      reject(new Error(`${h.name}: timed out`));
    }, 10_000);
    const fail = (err) => {
      clearTimeout(timer);
      conn.end();
      reject(new Error(`${h.name}: ${err.message ?? err}`));
    };
    conn.on('error', fail);
    conn.on('ready', () => {
      const req = http.request(
        {
          path: '/_ping',
          method: 'GET',
          // One channel per request; the engine pools them in an http.Agent.
          createConnection: (_opts, cb) => {
            conn.openssh_forwardOutStreamLocal(h.dockerSocket, (err, stream) => {
              if (err) return cb(err);
              for (const m of ['setKeepAlive', 'setNoDelay', 'setTimeout', 'ref', 'unref']) {
                stream[m] ??= () => stream;
              }
              cb(null, stream);
            });
          },
        },
        (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => {
            clearTimeout(timer);
            conn.end();
            if (res.statusCode === 200 && body === 'OK') resolve(`${h.name}: /_ping OK`);
            else reject(new Error(`${h.name}: /_ping gave ${res.statusCode} ${body}`));
          });
        },
      );
      req.on('error', fail);
      req.end();
    });
    conn.connect({
      host: h.address,
      port: h.port,
      username: h.user,
      privateKey,
      readyTimeout: 8_000,
      hostVerifier: (key) => fingerprint(key) === h.hostKeyFingerprint,
    });
  });
}

const results = await Promise.allSettled(tb.hosts.map(checkHost));
let failed = 0;
for (const r of results) {
  if (r.status === 'fulfilled') console.log(r.value);
  else {
    failed++;
    console.error(r.reason.message);
  }
}
process.exit(failed ? 1 : 0);
