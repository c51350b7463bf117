// Drives the real Loket debug binary: one tauri-driver (over WebKitWebDriver)
// per data folder, WebDriver sessions that start and stop the app, and
// screenshots under target/screenshots/. Needs DISPLAY (Xvfb) — see
// scripts/e2e.sh, which starts it.
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { remote } from 'webdriverio';

const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, '..', '..');
export const appBinary = process.env.LOKET_APP ?? join(root, 'target', 'debug', 'loket');
export const cliBinary = process.env.LOKET_CLI ?? join(root, 'target', 'debug', 'loket-cli');
export const shotsDir = join(root, 'target', 'screenshots');

function freePort() {
  return new Promise((ok, fail) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
    srv.on('error', fail);
  });
}

async function waitForPort(port, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const up = await new Promise((ok) => {
      const s = net.connect(port, '127.0.0.1', () => { s.end(); ok(true); });
      s.on('error', () => ok(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tauri-driver did not listen on ${port} within ${ms} ms`);
}

/** A fresh data folder in the system temp dir. */
export function freshDataDir(prefix = 'loket-e2e-') {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Starts tauri-driver whose app instances use `dataDir`.
 * Returns { session(), stop() }.
 */
export async function startDriver(dataDir, extraEnv = {}) {
  const port = await freePort();
  const nativePort = await freePort();
  const driver = spawn(
    'tauri-driver',
    ['--port', String(port), '--native-port', String(nativePort), '--native-driver', '/usr/bin/WebKitWebDriver'],
    {
      env: { ...process.env, LOKET_DATA_DIR: dataDir, ...extraEnv },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  await waitForPort(port, 15000);
  // tauri-driver starts WebKitWebDriver itself; a session requested before
  // that one listens is refused ("Connection refused"), so wait for both.
  await waitForPort(nativePort, 15000);
  return {
    async session() {
      return remote({
        hostname: '127.0.0.1',
        port,
        logLevel: 'warn',
        connectionRetryCount: 0,
        capabilities: {
          browserName: 'wry',
          'tauri:options': { application: appBinary },
          'wdio:enforceWebDriverClassic': true,
        },
      });
    },
    async stop() {
      driver.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
      try { process.kill(driver.pid, 'SIGKILL'); } catch { /* already gone */ }
      // An app whose close was held (its form had unsaved work when the
      // session ended) outlives the driver and would keep this test file's
      // output pipe open: end every app process of this data folder.
      for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
        try {
          const env = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
          if (Number(pid) !== process.pid && env.includes(`LOKET_DATA_DIR=${dataDir}`)) process.kill(Number(pid), "SIGKILL");
        } catch { /* gone or not ours */ }
      }
    },
  };
}

export async function screenshot(browser, name) {
  mkdirSync(shotsDir, { recursive: true });
  // The app draws its page without GPU compositing (less memory); in that
  // mode WebKitGTK's snapshot waits for the next repaint, which a still
  // page never makes. One corner pixel, all but transparent, changes
  // colour for the second the snapshot needs.
  await browser.execute(() => {
    const dot = document.createElement('div');
    dot.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;z-index:2147483647;pointer-events:none';
    document.body.append(dot);
    let n = 0;
    const tick = setInterval(() => {
      dot.style.background = n % 2 ? 'rgba(0,0,0,0.004)' : 'rgba(255,255,255,0.004)';
      if (++n > 20) {
        clearInterval(tick);
        dot.remove();
      }
    }, 50);
  });
  await browser.saveScreenshot(join(shotsDir, `${name}.png`));
}

/** Waits until `fn` returns a truthy value; fails with `what` after `ms`. */
export async function until(browser, fn, what, ms = 10000) {
  await browser.waitUntil(fn, { timeout: ms, interval: 100, timeoutMsg: `timed out waiting for ${what}` });
}

/** Runs loket-cli on a data folder; returns stdout. */
export function cli(dataDir, args, env = {}) {
  return execFileSync(cliBinary, ['--data-dir', dataDir, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LOKET_OPERATOR: 'Rina Operator', ...env },
  }).trim();
}

/** The test accounts' PINs (synthetic, test-only). */
export const PINS = { 'Rina Operator': '274913', 'Sari Supervisor': 'kopi-tubruk', 'Budi Operator': '805317' };

/**
 * Adds an account with loket-cli: the first one must be a supervisor; later
 * ones are authorised by `supervisor` (its PIN from PINS).
 */
export function addAccount(dataDir, name, role, supervisor = null) {
  const args = ['account', 'add', name, '--role', role];
  const env = { LOKET_PIN: PINS[name] };
  if (supervisor) {
    args.push('--supervisor', supervisor);
    env.LOKET_SUPERVISOR_PIN = PINS[supervisor];
  }
  return cli(dataDir, args, env);
}

/** Logs in on the login screen: picks `name`, types its PIN, Enter; waits for the queue. */
export async function login(browser, name, pin = PINS[name]) {
  const screen = await browser.$('[data-testid=login]');
  await screen.waitForDisplayed({ timeout: 15000 });
  const accounts = await browser.$$('[data-testid=login-account]');
  for (const a of accounts) {
    if ((await a.getText()).includes(name)) {
      await a.click();
      break;
    }
  }
  await until(browser, async () => (await browser.execute(() => document.activeElement?.id)) === 'login-pin', 'focus in the PIN field');
  await type(browser, pin);
  await browser.keys(['Enter']);
  await (await browser.$('[data-testid=queue]')).waitForDisplayed({ timeout: 10000 });
}

/** The synthetic document fixtures of the repository (tests/fixtures/documents). */
export const fixtures = resolve(root, 'tests', 'fixtures', 'documents');

/** Types text into the focused element (WebDriver Element Send Keys). */
export async function type(browser, text) {
  const active = await browser.getActiveElement();
  const id = typeof active === 'string' ? active : Object.values(active ?? {})[0];
  if (typeof id !== 'string') throw new Error(`no active element: ${JSON.stringify(active)}`);
  await browser.elementSendKeys(id, text);
}

/**
 * The system URL opener (xdg-open) replaced by a recorder: the app hands
 * wa.me links to it and nothing opens a browser during a test. Returns the
 * environment to start the driver with and the file the links land in.
 */
export function fakeOpener(dataDir) {
  const fakeBin = join(dataDir, 'fake-bin');
  const opened = join(dataDir, 'opened-urls.txt');
  mkdirSync(fakeBin, { recursive: true });
  writeFileSync(join(fakeBin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$1" >> '${opened}'\n`);
  chmodSync(join(fakeBin, 'xdg-open'), 0o755);
  return { env: { PATH: `${fakeBin}:${process.env.PATH}` }, opened };
}

/** The screen scripts/e2e.sh gives Xvfb: the office PCs' common 1366×768. */
export const SCREEN = { width: 1366, height: 768 };

/**
 * What of the current screen the operator cannot see: every visible control,
 * heading, cell and paragraph is scrolled into view (through every box that
 * scrolls) and must then show: whole within every box that clips without a
 * scroll bar (overflow hidden or clip), and as much as fits within every box
 * that scrolls and the window; no cell's or button's text may run over its
 * neighbour. Returns one line per element cut off (empty
 * when all is reachable); scroll positions are put back afterwards.
 */
export async function cutOff(browser) {
  return browser.execute(() => {
    const scrolls = (v) => v === 'auto' || v === 'scroll';
    const scrolled = new Map();
    for (const el of document.querySelectorAll('*')) {
      if (el.scrollTop || el.scrollLeft) scrolled.set(el, [el.scrollLeft, el.scrollTop]);
    }
    const root = document.scrollingElement;
    const sel = 'button, input:not([type=hidden]):not([type=file]), select, textarea, a[href], label, h1, h2, h3, th, td, p, li, summary';
    const bad = [];
    for (const el of document.querySelectorAll(sel)) {
      const style = getComputedStyle(el);
      if (style.visibility !== 'visible' || el.closest('[hidden], [aria-hidden=true]')) continue;
      if (el.getClientRects().length === 0) continue;
      const before = el.getBoundingClientRect();
      if (before.width < 2 || before.height < 2) continue;
      // Boxes without a scroll bar: where they are now is all the operator sees.
      const fixed = [];
      for (let a = el.parentElement; a && a !== root; a = a.parentElement) {
        const s = getComputedStyle(a);
        if ((s.overflowX !== 'visible' && !scrolls(s.overflowX)) || (s.overflowY !== 'visible' && !scrolls(s.overflowY))) {
          fixed.push([a, a.scrollLeft, a.scrollTop]);
        }
      }
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      for (const [a, left, top] of fixed) {
        a.scrollLeft = left;
        a.scrollTop = top;
      }
      const r = el.getBoundingClientRect();
      let soft = { top: 0, left: 0, bottom: window.innerHeight, right: window.innerWidth };
      let hard = { top: -Infinity, left: -Infinity, bottom: Infinity, right: Infinity };
      for (let a = el.parentElement; a && a !== root; a = a.parentElement) {
        const s = getComputedStyle(a);
        const ar = a.getBoundingClientRect();
        for (const [axis, lo, hi] of [['overflowY', 'top', 'bottom'], ['overflowX', 'left', 'right']]) {
          if (s[axis] === 'visible') continue;
          const box = scrolls(s[axis]) ? soft : hard;
          box[lo] = Math.max(box[lo], ar[lo]);
          box[hi] = Math.min(box[hi], ar[hi]);
        }
      }
      const shownH = Math.min(r.bottom, soft.bottom) - Math.max(r.top, soft.top);
      const shownW = Math.min(r.right, soft.right) - Math.max(r.left, soft.left);
      const clipped = r.top < hard.top - 2 || r.bottom > hard.bottom + 2 || r.left < hard.left - 2 || r.right > hard.right + 2;
      const short = shownH < Math.min(r.height, soft.bottom - soft.top) - 2 || shownW < Math.min(r.width, soft.right - soft.left) - 2;
      // Text wider than its table cell or button runs over its neighbour.
      const spills = el.matches('td, th, button') && style.overflowX === 'visible' && el.scrollWidth > el.clientWidth + 2;
      if (clipped || short || spills) {
        const name = el.id ? `#${el.id}` : el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : el.tagName.toLowerCase();
        const text = (el.textContent || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 40);
        bad.push(`${name} "${text}": ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)} shows ${Math.round(shownW)}×${Math.round(shownH)}${clipped ? ', clipped' : ''}${spills ? `, its text ${el.scrollWidth} px wide` : ''}`);
      }
    }
    for (const el of document.querySelectorAll('*')) {
      const [left, top] = scrolled.get(el) ?? [0, 0];
      if (el.scrollLeft !== left) el.scrollLeft = left;
      if (el.scrollTop !== top) el.scrollTop = top;
    }
    return bad;
  });
}
