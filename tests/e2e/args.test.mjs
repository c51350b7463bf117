// The app's own arguments on the real binary: a mistyped flag stops the
// start with exit code 2 and a message naming the flag it meant, before any
// data folder is opened or made (here: the default one under a fresh home);
// --help answers and exits 0; the PDF worker flag still makes a worker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { appBinary, freshDataDir } from './harness.mjs';

/** Runs the app with `args` under a fresh home and no LOKET_DATA_DIR. */
function run(args, input) {
  const home = freshDataDir('loket-args-');
  const env = { ...process.env, HOME: home, XDG_DATA_HOME: join(home, 'data'), APPDATA: join(home, 'data') };
  delete env.LOKET_DATA_DIR;
  delete env.LOKET_DEMO;
  // Were the flag ignored, the window would open: the timeout ends it and the test fails.
  const out = spawnSync(appBinary, args, { env, input, encoding: 'utf8', timeout: 15000 });
  return { ...out, home };
}

test('a mistyped --datadir is refused before any data folder is opened', () => {
  const { status, stderr, home, signal } = run(['--datadir', 'D:/Loket Uji']);
  assert.equal(signal, null, 'the app did not start');
  assert.equal(status, 2, stderr);
  assert.match(stderr, /Loket tidak dijalankan: argumen '--datadir' tidak dikenal/);
  assert.match(stderr, /Maksudnya '--data-dir'\?/);
  assert.deepEqual(readdirSync(home), [], 'nothing made under the home folder');
  assert.equal(existsSync('D:/Loket Uji'), false);
});

test('a stray argument is refused; --help answers', () => {
  assert.equal(run(['laporan.pdf']).status, 2);
  const help = run(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--data-dir <DIR>/);
});

test('the PDF worker flag still makes a PDF worker', () => {
  // Not a PDF: the worker answers with its refusal on stdout and exits 0.
  const { status, stdout, stderr } = run(['--loket-pdf-worker'], 'bukan pdf');
  assert.equal(status, 0, stderr);
  assert.ok(stdout.length > 0, 'a reply on stdout');
});
