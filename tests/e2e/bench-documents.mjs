// Benchmark (prints numbers, asserts nothing): on the real app, the time
// from a drop of one 12-megapixel camera JPEG to the photo shown in the
// viewer, and the memory of all the app's processes (Pss: shared pages
// counted once) with ten such photos added and each viewed. Run by
// scripts/bench.sh with LOKET_APP pointing at the release binary; needs
// DISPLAY. The ten photos are the five camera fixtures, each also copied
// with a byte appended after the JPEG end marker so it is stored anew.
import { copyFileSync, appendFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { freshDataDir, startDriver, cli, fixtures, addAccount, login } from './harness.mjs';

const manifest = JSON.parse(readFileSync(join(fixtures, 'manifest.json'), 'utf8'));
const cameraEntries = manifest.filter((e) => e.variant === 'camera');
const camera = cameraEntries.map((e) => join(fixtures, e.file));
// Each photo's kind as the operator sets it (camera photos are 4:3, so
// Loket cannot guess them); in this order the list reads the same both ways.
const kinds = cameraEntries.flatMap((e) => [e.kind, e.kind]);
const work = freshDataDir('loket-bench-docs-');
const photos = [];
camera.forEach((src, i) => {
  photos.push(src);
  const copy = join(work, `copy-${i}.jpg`);
  copyFileSync(src, copy);
  appendFileSync(copy, Buffer.from([0]));
  photos.push(copy);
});

const dataDir = freshDataDir();
addAccount(dataDir, 'Rina Operator', 'supervisor');
const reg = cli(dataDir, ['request', 'new', '--name', 'Uji Kinerja', '--phone', '081234567890']);
const driver = await startDriver(dataDir);

function pss(pid) {
  try {
    const m = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+) kB/m);
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function appProcesses() {
  const out = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let cmd = '';
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0];
    } catch {
      continue;
    }
    if (/\/loket$/.test(cmd) || /WebKit(Web|Network|GPU)Process/.test(cmd)) out.push({ pid, cmd: cmd.split('/').pop(), kb: pss(pid) });
  }
  return out;
}

const browser = await driver.session();
await login(browser, 'Rina Operator');
try {
  const row = await browser.$(`[data-testid=queue-row][data-reg="${reg}"]`);
  await row.waitForDisplayed({ timeout: 15000 });
  await browser.keys(['Enter']);
  await (await browser.$('[data-testid=dropzone]')).waitForDisplayed();
  await new Promise((r) => setTimeout(r, 1500));
  const baseline = appProcesses();
  const baselineMb = baseline.reduce((s, p) => s + p.kb, 0) / 1024;
  const times = [];
  for (const path of photos) {
    const ms = await browser.executeAsync((p, done) => {
      const viewer = () => document.querySelector('[data-testid=viewer]');
      const before = viewer()?.getAttribute('data-doc-id') ?? '';
      const t0 = performance.now();
      window.__TAURI_INTERNALS__.invoke('plugin:event|emit', {
        event: 'tauri://drag-drop',
        payload: { paths: [p], position: { x: 300, y: 300 } },
      });
      const poll = async () => {
        const v = viewer();
        const img = document.querySelector('[data-testid=viewer-image]');
        if (v && v.getAttribute('data-doc-id') !== before && img && img.complete && img.naturalWidth > 0) {
          await img.decode().catch(() => {});
          requestAnimationFrame(() => done(performance.now() - t0));
        } else if (performance.now() - t0 > 20000) {
          done(-1);
        } else {
          setTimeout(poll, 5);
        }
      };
      poll();
    }, path);
    times.push(Math.round(ms));
  }
  // View each of the ten once more, as an operator going back and forth,
  // saying which is the KTP and which the KK.
  const items = await browser.$$('[data-testid=doc-item]');
  for (const [i, item] of items.entries()) {
    await item.click();
    await (await item.$('[data-testid=doc-kind]')).selectByAttribute('value', kinds[i]);
  }
  // The first KTP and KK are read (OCR) in the background: measure once
  // those readings are over, the state the operator works in.
  const started = Date.now();
  await browser.waitUntil(
    async () => {
      const states = await browser.execute(() =>
        [...document.querySelectorAll('[data-testid=ocr-status]')].map((e) => e.getAttribute('data-status')),
      );
      return states.length > 0 && !states.includes('reading');
    },
    { timeout: 300000, interval: 500, timeoutMsg: 'the photo readings did not end' },
  );
  const readings = await browser.execute(() =>
    [...document.querySelectorAll('[data-testid=ocr-status]')].map((e) => `${e.getAttribute('data-section')}: ${e.getAttribute('data-status')}`),
  );
  console.log(`photo readings (OCR) over ${((Date.now() - started) / 1000).toFixed(1)} s after the last view: ${readings.join(', ')}`);
  await new Promise((r) => setTimeout(r, 1500));
  const procs = appProcesses();
  const total = procs.reduce((s, p) => s + p.kb, 0);
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`drop to photo shown, 12 MP camera JPEG, ms per photo: ${times.join(' ')}`);
  console.log(`  median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted.at(-1)} ms (target < 300 ms)`);
  console.log(`documents in the request: ${items.length}`);
  console.log(`reference: memory of the same processes with the request open and no document: ${baselineMb.toFixed(0)} MB`);
  for (const p of baseline) console.log(`  ${p.cmd} [${p.pid}]: ${(p.kb / 1024).toFixed(0)} MB`);
  console.log(`memory with ${items.length} photos added and viewed (Pss, all processes): ${(total / 1024).toFixed(0)} MB (target < 300 MB; ${(total / 1024 / baselineMb).toFixed(2)}x the reference)`);
  for (const p of procs) console.log(`  ${p.cmd} [${p.pid}]: ${(p.kb / 1024).toFixed(0)} MB`);
} finally {
  await browser.deleteSession();
  await driver.stop();
}
