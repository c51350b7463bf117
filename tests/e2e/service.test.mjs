// The NIK-validation loop on the real app, the way an operator runs it:
// office hours set in Settings, a request with its documents already added,
// verification paused while waiting on the citizen (the queue shows the
// clock paused), an outcome, the WhatsApp reply opened with one key (the
// wa.me link reaches the system's URL opener, replaced here by a recorder
// on PATH), then "replied". Counts the operator's actions from opening the
// request to the reply.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshDataDir, startDriver, screenshot, until, cli, fixtures, type, addAccount, login, fakeOpener } from './harness.mjs';

const dataDir = freshDataDir();
addAccount(dataDir, 'Rina Operator', 'supervisor');
const NIK = '3516024512900003';
const reg = cli(dataDir, ['request', 'new', '--name', 'Siti Aminah', '--phone', '081234567890', '--nik', NIK]);
cli(dataDir, ['doc', 'add', reg, '--kind', 'ktp', join(fixtures, 'ktp_ibu.webp')]);

// The system URL opener replaced by a recorder: the app must hand it the
// citizen's wa.me link; nothing opens a browser during the test.
const { env: openerEnv, opened } = fakeOpener(dataDir);
const exportDir = join(dataDir, 'exports');
const driver = await startDriver(dataDir, { ...openerEnv, LOKET_EXPORT_DIR: exportDir });
after(() => driver.stop());

const statusOf = (browser) => browser.$('[data-testid=detail]').getAttribute('data-status');

test('settings, pause while waiting, outcome, WhatsApp reply, replied', async () => {
  const browser = await driver.session();
  await login(browser, 'Rina Operator');
  let actions = 0;
  /** One operator action (a key chord, a click, or typing into one field). */
  const act = async (fn) => {
    actions += 1;
    await fn();
  };
  try {
    const queue = await browser.$('[data-testid=queue]');
    await queue.waitForDisplayed({ timeout: 15000 });

    // Settings: open all day, every day, so the clock runs whenever CI does.
    await browser.keys(['F9']);
    const hours = await browser.$('[data-testid=settings-hours]');
    await hours.waitForDisplayed();
    for (const day of ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']) {
      const input = await browser.$(`#hours-${day}`);
      await input.click();
      await browser.keys(['Control', 'a']);
      await type(browser, '00:00-24:00');
    }
    const target = await browser.$('#sla-target');
    await target.click();
    await browser.keys(['Control', 'a']);
    await type(browser, '45');
    await screenshot(browser, '30-settings-hours');
    await (await browser.$('#hours-save')).click();
    await until(browser, async () => (await browser.$('#hours-monday').getValue()) === '00:00-24:00', 'hours saved');
    // A bad line is refused, naming the day.
    await (await browser.$('#hours-sunday')).click();
    await browser.keys(['Control', 'a']);
    await type(browser, '8-17');
    await (await browser.$('#hours-save')).click();
    const hoursError = await browser.$('[data-testid=hours-error]');
    await hoursError.waitForDisplayed();
    assert.match(await hoursError.getText(), /Minggu/, 'the refusal names the day');
    await (await browser.$('#tab-templates')).click();
    await (await browser.$('[data-testid=template][data-key="hasil.updated"]')).waitForDisplayed();
    await screenshot(browser, '31-settings-templates');
    await browser.keys(['Escape']);
    await queue.waitForDisplayed();

    // From the queue with the chat open: find the request and open it.
    await act(() => browser.keys(['Control', 'f']));
    await act(() => type(browser, reg));
    const row = await browser.$(`[data-testid=queue-row][data-reg="${reg}"]`);
    await row.waitForDisplayed();
    await until(browser, async () => (await row.getAttribute('aria-selected')) === 'true', 'the row highlighted');
    await act(() => browser.keys(['Enter']));
    const detail = await browser.$(`[data-testid=detail][data-reg="${reg}"]`);
    await detail.waitForDisplayed();
    await (await browser.$('[data-testid=doc-item]')).waitForDisplayed();

    // Start verifying (the first step has the cursor).
    await act(() => browser.keys(['Enter']));
    await until(browser, async () => (await statusOf(browser)) === 'verifying', 'verifying');

    // The KTP photo is blurry: ask for a re-send, the clock pauses.
    await (await browser.$('#rev-ktp')).selectByAttribute('value', 'blurry');
    await (await browser.$('#v-resend')).click();
    await until(browser, async () => (await statusOf(browser)) === 'waiting_citizen', 'waiting on the citizen');
    const resendText = await (await browser.$('[data-testid=resend-message]')).getValue();
    assert.match(resendText, /KTP-el: foto buram atau gelap/, 'the re-send message names the reason');
    await browser.keys(['Escape']);
    await queue.waitForDisplayed();
    const sla = await (await browser.$(`[data-testid=queue-row][data-reg="${reg}"]`)).$('[data-testid=queue-sla]');
    await until(browser, async () => (await sla.getAttribute('data-sla-level')) === 'paused', 'the clock paused');
    assert.match(await sla.getText(), /Dijeda/, 'the queue says the clock is paused');
    await screenshot(browser, '32-queue-clock-paused');

    // The citizen re-sent the photo: back to verifying, then the outcome.
    actions = 0; // count the normal loop: open → verify → outcome → reply → replied
    await act(() => browser.keys(['Control', 'f']));
    await act(() => type(browser, reg));
    await until(browser, async () => (await browser.$(`[data-testid=queue-row][data-reg="${reg}"]`).getAttribute('aria-selected')) === 'true', 'highlighted');
    await act(() => browser.keys(['Enter']));
    await detail.waitForDisplayed();
    await act(() => browser.keys(['Enter'])); // "Lanjutkan verifikasi" has the cursor
    await until(browser, async () => (await statusOf(browser)) === 'verifying', 'verifying again');
    await act(() => browser.$('#outcome').selectByAttribute('value', 'updated'));
    const done = await browser.$('[data-testid=move-done]');
    await until(browser, () => done.isEnabled(), 'done enabled');
    await act(() => done.click());
    await until(browser, async () => (await statusOf(browser)) === 'done', 'done');

    // The reply: B (balas) opens the chat with the text and copies it.
    const reply = await browser.$('[data-testid=reply-text]');
    await reply.waitForDisplayed();
    const text = await reply.getValue();
    assert.match(text, /351602\*{6}0003/, 'the reply masks the NIK');
    assert.ok(!text.includes(NIK), 'never the full NIK in a reply');
    await screenshot(browser, '33-reply');
    await act(() => browser.keys(['b']));
    await until(browser, () => existsSync(opened), 'the wa.me link handed to the system opener');
    const url = readFileSync(opened, 'utf8').trim();
    assert.ok(url.startsWith('https://wa.me/6281234567890?text='), `the citizen's chat: ${url}`);
    assert.equal(decodeURIComponent(url.split('?text=')[1]), text, 'the chat opens with the same text');

    // Mark replied: the next step has the cursor.
    await until(browser, async () => (await browser.execute(() => document.activeElement?.getAttribute('data-testid'))) === 'move-replied', 'cursor on "replied"');
    await act(() => browser.keys(['Enter']));
    await until(browser, async () => (await statusOf(browser)) === 'replied', 'replied');
    const history = await browser.execute(() =>
      [...document.querySelectorAll('[data-testid=event]')].map((e) => e.textContent ?? '').join('\n'),
    );
    assert.match(history, /Menunggu pemohon/, 'the pause is in the history');
    await screenshot(browser, '34-replied');
    const toReplied = actions;

    // The receipt: P opens it, ready to print (Enter / Ctrl+P opens the
    // system's modal print dialog, which a test must not do: that last
    // action is counted, not pressed).
    await act(() => browser.keys(['p']));
    const preview = await browser.$('[data-testid=receipt-preview]');
    await preview.waitForDisplayed();
    assert.equal(await preview.getAttribute('data-layout'), 'roll80', 'the 80 mm roll by default');
    assert.equal(Number(await preview.getAttribute('data-width-mm')), 80);
    assert.ok(Number(await preview.getAttribute('data-height-mm')) > 80, 'as long as its content');
    assert.ok((await preview.$$('svg *')).length > 20, 'the drawing is on screen (text as paths, QR)');
    assert.equal(await browser.execute(() => document.activeElement?.id), 'receipt-print', 'Enter would print');
    actions += 1; // Enter: print
    await screenshot(browser, '35-receipt-roll80');
    await (await browser.$('input[name=layout][value=a5]')).click();
    await until(browser, async () => (await browser.$('[data-testid=receipt-preview]').getAttribute('data-layout')) === 'a5', 'the A5 layout');
    assert.equal(Number(await browser.$('[data-testid=receipt-preview]').getAttribute('data-height-mm')), 210);
    await screenshot(browser, '36-receipt-a5');
    await (await browser.$('#receipt-save-png')).click();
    const savedNote = await browser.$('[data-testid=receipt-saved]');
    await savedNote.waitForDisplayed();
    const png = readFileSync(await savedNote.getAttribute('data-file'));
    assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG to drag into the chat');
    console.log(`operator actions from the queue to "replied": ${toReplied}; to the printed receipt: ${actions}`);
    assert.ok(actions <= 12, `at most 12 operator actions (${actions})`);
    await browser.keys(['Escape']);
    await (await browser.$('[data-testid=receipt-dialog]')).waitForExist({ reverse: true });

    // The daily recap lists it, finished in time; the CSV export holds it.
    await browser.keys(['F8']);
    const recap = await browser.$('[data-testid=recap]');
    await recap.waitForDisplayed();
    const recapRow = await browser.$(`[data-testid=recap-row][data-reg="${reg}"]`);
    await recapRow.waitForDisplayed();
    assert.match(await recapRow.getText(), /NIK sudah diperbarui/);
    assert.match(await recapRow.getText(), /351602\*{6}0003/, 'masked in the recap');
    assert.equal(await (await browser.$('[data-testid=recap-share]')).getText(), '100%', 'in time: the pause did not count');
    await screenshot(browser, '37-recap');
    await (await browser.$('#recap-csv')).click();
    const recapSaved = await browser.$('[data-testid=recap-saved]');
    await recapSaved.waitForDisplayed();
    const csv = readFileSync(await recapSaved.getAttribute('data-file'), 'utf8');
    assert.ok(csv.includes(reg) && csv.includes('\r\n'), 'the CSV holds the request, Windows line ends');
    assert.ok(!csv.includes(NIK), 'the CSV masks the NIK');
  } catch (e) {
    await screenshot(browser, 'failure-service').catch(() => {});
    throw e;
  } finally {
    await browser.deleteSession();
  }
});
