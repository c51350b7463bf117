// Closing the window with unsaved verification work: the close (as a window
// manager sends it for the x or Alt+F4) is held and the operator asked;
// "stay" keeps everything typed, "close without saving" closes the app.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freshDataDir, startDriver, until, cli, addAccount, login, screenshot } from './harness.mjs';

const dataDir = freshDataDir();
addAccount(dataDir, 'Rina Operator', 'supervisor');
const reg = cli(dataDir, ['request', 'new', '--name', 'Pemohon Tutup', '--phone', '081234567890']);
const driver = await startDriver(dataDir);
after(() => driver.stop());

const askToClose = () =>
  execFileSync('python3', [fileURLToPath(new URL('./wm-close.py', import.meta.url)), 'Loket'], { env: process.env });

test('closing the window with an unsaved form asks first', async () => {
  const browser = await driver.session();
  await login(browser, 'Rina Operator');
  let closed = false;
  try {
    const row = await browser.$(`[data-testid=queue-row][data-reg="${reg}"]`);
    await row.waitForDisplayed({ timeout: 15000 });
    await until(browser, async () => (await row.getAttribute('aria-selected')) === 'true', 'the request highlighted');
    await browser.keys(['Enter']);
    const name = await browser.$('#v-ktp-nama');
    await name.waitForDisplayed({ timeout: 15000 });
    await name.setValue('SITI AMINAH');
    const form = await browser.$('[data-testid=verify]');
    await until(browser, async () => (await form.getAttribute('data-dirty')) === 'true', 'the form unsaved');
    await new Promise((r) => setTimeout(r, 300)); // the guard reaches the shell

    askToClose();
    const dialog = await browser.$('[data-testid=leave-dialog]');
    await dialog.waitForDisplayed({ timeout: 10000 });
    assert.match(await dialog.getText(), /Tutup Loket\?/);
    await screenshot(browser, '62-close-with-unsaved-form');
    await browser.keys(['Escape']);
    await dialog.waitForDisplayed({ reverse: true });
    assert.equal(await name.getValue(), 'SITI AMINAH', 'staying keeps what was typed');

    askToClose();
    await dialog.waitForDisplayed({ timeout: 10000 });
    // The window goes away under the click, so the click itself may error.
    await (await browser.$('#leave-discard')).click().catch(() => {});
    await browser.waitUntil(
      async () => {
        try {
          await browser.getTitle();
          return false;
        } catch {
          return true;
        }
      },
      { timeout: 10000, timeoutMsg: 'the window did not close' },
    );
    closed = true;
  } finally {
    if (!closed) await browser.deleteSession();
  }
});
