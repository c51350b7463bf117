// The foundation path on the real app: create the first (supervisor) account, create a request
// with the keyboard alone, see it in the queue, move it through verifying to
// done, close the app, start it again and find it unchanged.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshDataDir, startDriver, screenshot, until, type, login, PINS } from './harness.mjs';

const dataDir = freshDataDir();
const driver = await startDriver(dataDir);
after(() => driver.stop());

const NIK = '3516024512900003'; // synthetic: Kec. 351602, woman born 05-12-1990
const KK = '3516032003240061';

test('request from keyboard entry to done survives a restart', async () => {
  let browser = await driver.session();
  let reg;
  try {
    // First start: the supervisor's account is created on the first screen.
    const opName = await browser.$('#login-name');
    await opName.waitForDisplayed({ timeout: 15000 });
    await screenshot(browser, '01-first-supervisor');
    await opName.click();
    await type(browser, 'Rina Operator');
    await browser.keys(['Tab']);
    await type(browser, PINS['Rina Operator']);
    await browser.keys(['Tab']);
    await type(browser, PINS['Rina Operator']);
    await browser.keys(['Enter']);

    const queue = await browser.$('[data-testid=queue]');
    await queue.waitForDisplayed({ timeout: 10000 });
    await screenshot(browser, '02-queue-empty');

    // New request with the keyboard: F2, fields by Tab, Ctrl+Enter.
    await browser.keys(['F2']);
    const name = await browser.$('#f-name');
    await name.waitForDisplayed();
    await until(browser, async () => (await browser.execute(() => document.activeElement?.id)) === 'f-name', 'focus in the name field');
    await type(browser, 'Siti Aminah');
    await browser.keys(['Tab']);
    await type(browser, '0812-3456-789x'); // a typo the form must refuse
    await browser.keys(['Tab']);
    await type(browser, '3516 0245 1290 0003');
    const nikCheck = await browser.$('[data-testid=nik-check]');
    await until(browser, async () => (await nikCheck.getAttribute('data-valid')) === 'true', 'the live NIK check');
    const nikText = await nikCheck.getText();
    assert.match(nikText, /Mojokerto/i, 'the NIK check names the region');
    assert.match(nikText, /05-12-1990/, 'the NIK check shows the birth date dd-mm-yyyy');
    assert.match(nikText, /Perempuan/i, 'day + 40 means a woman');
    await browser.keys(['Tab']);
    await type(browser, KK);
    const kkCheck = await browser.$('[data-testid=kk-check]');
    await until(browser, async () => (await kkCheck.getAttribute('data-valid')) === 'true', 'the live KK check');
    await screenshot(browser, '03-new-request');

    await browser.keys(['Control', 'Enter']);
    const formError = await browser.$('[data-testid=form-error]');
    await formError.waitForDisplayed();
    assert.equal(await formError.getAttribute('data-code'), 'nomor_wa_tidak_valid', 'a bad phone number is refused with its code');
    assert.equal(await browser.execute(() => document.activeElement?.id), 'f-phone', 'focus goes to the field to fix');
    await browser.keys(['Control', 'a']);
    await type(browser, '0812-3456-7890');
    await browser.keys(['Control', 'Enter']);

    const detail = await browser.$('[data-testid=detail]');
    await detail.waitForDisplayed();
    reg = await detail.getAttribute('data-reg');
    assert.match(reg, /^VN-\d{6}-0001$/, 'the first request of the day is number 0001');
    assert.equal(await detail.getAttribute('data-status'), 'received');
    await screenshot(browser, '04-detail-received');

    // Move: received -> verifying with the keyboard (first move button has focus).
    await browser.keys(['Enter']);
    await until(browser, async () => (await detail.getAttribute('data-status')) === 'verifying', 'status verifying');

    // verifying -> done with an outcome.
    await (await browser.$('#outcome')).selectByAttribute('value', 'updated');
    const doneBtn = await browser.$('[data-testid=move-done]');
    await until(browser, () => doneBtn.isEnabled(), 'the done button to enable');
    await doneBtn.click();
    await until(browser, async () => (await detail.getAttribute('data-status')) === 'done', 'status done');
    const events = await browser.$$('[data-testid=event]');
    assert.equal(events.length, 3, 'received, verifying and done are in the history');
    await screenshot(browser, '05-detail-done');

    // Back to the queue: the active view no longer lists it; "Semua" does.
    await browser.keys(['Escape']);
    await queue.waitForDisplayed();
    await (await browser.$('[data-testid=view-all]')).click();
    const row = await browser.$(`[data-testid=queue-row][data-reg="${reg}"]`);
    await row.waitForDisplayed();
    assert.match(await row.getText(), /SITI AMINAH/, 'the queue shows the name');
    await screenshot(browser, '06-queue-all');
  } catch (e) {
    await screenshot(browser, 'failure-first-run').catch(() => {});
    throw e;
  } finally {
    await browser.deleteSession();
  }

  // Start the app again on the same data folder: nothing shows before the PIN.
  browser = await driver.session();
  try {
    await login(browser, 'Rina Operator');
    const queue = await browser.$('[data-testid=queue]');
    await queue.waitForDisplayed({ timeout: 15000 });
    // Find it by the start of its NIK, with the keyboard: Ctrl+F, type, Enter.
    await browser.keys(['Control', 'f']);
    await until(browser, async () => (await browser.execute(() => document.activeElement?.id)) === 'search', 'focus in the search box');
    await type(browser, NIK.slice(0, 10));
    const row = await browser.$(`[data-testid=queue-row][data-reg="${reg}"]`);
    await row.waitForDisplayed();
    await until(browser, async () => (await row.getAttribute('aria-selected')) === 'true', 'the found row to be highlighted');
    await browser.keys(['Enter']);
    const detail = await browser.$('[data-testid=detail]');
    await detail.waitForDisplayed();
    assert.equal(await detail.getAttribute('data-reg'), reg);
    assert.equal(await detail.getAttribute('data-status'), 'done', 'the status survived the restart');
    assert.equal((await browser.$$('[data-testid=event]')).length, 3, 'the history survived the restart');
    await screenshot(browser, '07-after-restart');
  } finally {
    await browser.deleteSession();
  }
});

test('the log in the data folder has codes, not the citizen\'s data', () => {
  const dir = join(dataDir, 'log');
  const files = readdirSync(dir).filter((f) => /^loket\.\d{4}-\d{2}-\d{2}\.log$/.test(f));
  assert.equal(files.length, 1, `one file a day: ${readdirSync(dir)}`);
  const text = readFileSync(join(dir, files[0]), 'utf8');
  assert.equal(text.match(/Loket dimulai/g)?.length, 2, 'both starts are logged');
  assert.match(text, /command="requests::create_request" code=nomor_wa_tidak_valid/, 'the refused phone number, by its code');
  for (const secret of [NIK, NIK.slice(0, 10), KK, 'Siti', 'SITI', 'Aminah', 'AMINAH', '3456', '789x']) {
    assert.ok(!text.includes(secret), `the log holds "${secret}"`);
  }
});
