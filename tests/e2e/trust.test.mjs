// Accounts, the access log and the window's limits on the real app: nothing
// of the desk before a PIN, a wrong PIN refused, the page unable to call a
// command it was not granted, an operator refused a supervisor's setting,
// a document view logged with its operator, switching user with Ctrl+L, the
// supervisor reading the log and checking its chain, and the screen locking
// itself after the idle minutes.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freshDataDir, startDriver, screenshot, until, cli, fixtures, type, addAccount, login, PINS } from './harness.mjs';

const dataDir = freshDataDir();
addAccount(dataDir, 'Sari Supervisor', 'supervisor');
addAccount(dataDir, 'Rina Operator', 'operator', 'Sari Supervisor');
const reg = cli(dataDir, ['request', 'new', '--name', 'Siti Aminah', '--phone', '081234567890', '--nik', '3516024512900003']);
cli(dataDir, ['doc', 'add', reg, '--kind', 'ktp', join(fixtures, 'ktp_ibu.webp')]);
const driver = await startDriver(dataDir);
after(() => driver.stop());

/** Calls a command straight from the page, as injected script could; resolves to the outcome. */
const invokeFromPage = async (browser, cmd, args) =>
  JSON.parse(
    await browser.execute(
      (c, a) =>
        window.__TAURI_INTERNALS__.invoke(c, a).then(
          (v) => JSON.stringify({ ok: true, value: v ?? null }),
          (e) => JSON.stringify({ ok: false, error: e }),
        ),
      cmd,
      args,
    ),
  );

test('login, refusals, the access log and the idle lock', async () => {
  const browser = await driver.session();
  try {
    const screen = await browser.$('[data-testid=login]');
    await screen.waitForDisplayed({ timeout: 15000 });
    assert.equal((await browser.$$('[data-testid=login-account]')).length, 2, 'both accounts are offered');
    assert.equal(await browser.$('[data-testid=queue]').isExisting(), false, 'no queue before a PIN');
    await screenshot(browser, '40-login');

    // The backend refuses data to a page nobody has logged into.
    const early = await invokeFromPage(browser, 'list_requests', {
      query: { search: null, status: null, view: 'active', limit: 10 },
    });
    assert.equal(early.ok, false);
    assert.equal(early.error.code, 'belum_masuk');

    // A wrong PIN (Rina is chosen: the first by name).
    await until(browser, async () => (await browser.execute(() => document.activeElement?.id)) === 'login-pin', 'PIN focus');
    await type(browser, '999999');
    await browser.keys(['Enter']);
    const err = await browser.$('[data-testid=login-error]');
    await err.waitForDisplayed();
    assert.equal(await err.getAttribute('data-code'), 'pin_salah');
    await screenshot(browser, '41-login-wrong-pin');

    await login(browser, 'Rina Operator');
    assert.equal(await browser.$('[data-testid=session-name]').getText(), 'Rina Operator');

    // Hardening: a plugin command the window was not granted is refused, as
    // is a command that does not exist; the operator's role is checked too.
    const opener = await invokeFromPage(browser, 'plugin:opener|open_url', { url: 'https://example.com' });
    assert.equal(opener.ok, false, 'the page may not open addresses itself');
    assert.match(String(opener.error), /not allowed|denied/i, String(opener.error));
    const save = await invokeFromPage(browser, 'plugin:dialog|save', { options: {} });
    assert.equal(save.ok, false, 'no save dialog (only open is granted)');
    const title = await invokeFromPage(browser, 'plugin:window|set_title', { label: 'main', value: 'x' });
    assert.equal(title.ok, false, 'no window API for the page');
    const gone = await invokeFromPage(browser, 'set_operator', { name: 'Siapa Saja' });
    assert.equal(gone.ok, false);
    const idle = await invokeFromPage(browser, 'settings_save_idle', { minutes: 200 });
    assert.equal(idle.ok, false);
    assert.equal(idle.error.code, 'khusus_supervisor', 'an operator cannot change the lock');

    // The operator opens the request: the document view is logged.
    const row = await browser.$(`[data-testid=queue-row][data-reg="${reg}"]`);
    await row.waitForDisplayed({ timeout: 10000 });
    await until(browser, async () => (await row.getAttribute('aria-selected')) === 'true', 'the request highlighted');
    await browser.keys(['Enter']);
    await (await browser.$('[data-testid=detail]')).waitForDisplayed({ timeout: 10000 });
    await (await browser.$('[data-testid=viewer] img')).waitForDisplayed({ timeout: 10000 });
    await browser.keys(['F9']);
    await (await browser.$('[data-testid=settings]')).waitForDisplayed();
    assert.equal(await browser.$('#tab-audit').isExisting(), false, 'no access log for an operator');
    assert.equal(await browser.$('#tab-accounts').getText(), 'PIN saya');

    // Switch user: Ctrl+L, ↓ to the supervisor, PIN, Enter.
    await browser.keys(['Control', 'l']);
    await (await browser.$('[data-testid=login]')).waitForDisplayed();
    await until(browser, async () => (await browser.execute(() => document.activeElement?.id)) === 'login-pin', 'PIN focus');
    await browser.keys(['ArrowDown']);
    await type(browser, PINS['Sari Supervisor']);
    await browser.keys(['Enter']);
    await (await browser.$('[data-testid=queue]')).waitForDisplayed({ timeout: 10000 });
    assert.equal(await browser.$('[data-testid=session-name]').getText(), 'Sari Supervisor');

    // The supervisor reads the request's log and checks the chain.
    await browser.keys(['F9']);
    await (await browser.$('#tab-audit')).click();
    await (await browser.$('#audit-reg')).setValue(reg);
    await (await browser.$('#audit-search')).click();
    await until(
      browser,
      async () => (await browser.$$('[data-testid=audit-row][data-action=dokumen_dilihat]')).length > 0,
      'the document view in the log',
    );
    const viewRow = await browser.$('[data-testid=audit-row][data-action=dokumen_dilihat]');
    assert.match(await viewRow.getText(), /Rina Operator/);
    await (await browser.$('#audit-verify')).click();
    const chain = await browser.$('[data-testid=audit-chain]');
    await chain.waitForDisplayed();
    assert.equal(await chain.getAttribute('data-intact'), 'true', await chain.getText());
    await screenshot(browser, '42-access-log');

    // A backup to the folder the supervisor picked (the dialog's answer is
    // passed as the command gets it), checked afterwards by loket-cli.
    await (await browser.$('#tab-data')).click();
    await (await browser.$('[data-testid=retention-plan]')).waitForDisplayed();
    await screenshot(browser, '45-data-backup');
    const usb = join(dataDir, 'usb');
    mkdirSync(usb);
    const made = await invokeFromPage(browser, 'backup_create', { dest: usb });
    assert.equal(made.ok, true, JSON.stringify(made.error));
    assert.equal(made.value.requests, 1);
    const check = cli(dataDir, ['backup', '--check', made.value.dir]);
    assert.match(check, /^Cadangan baik/, check);
    const period = await invokeFromPage(browser, 'settings_save_retention', { days: 45 });
    assert.equal(period.ok, true, JSON.stringify(period.error));

    // Prints the page makes itself are logged before the dialog opens.
    const printed = await invokeFromPage(browser, 'audit_printed', { kind: 'rekap', detail: '2026-11-26_2026-11-26' });
    assert.equal(printed.ok, true);
    const odd = await invokeFromPage(browser, 'audit_printed', { kind: 'apa-saja', detail: '' });
    assert.equal(odd.error?.code, 'masukan_tidak_valid');

    // The supervisor sets the idle lock to one minute; after a minute
    // without input the screen locks and data is refused again.
    await (await browser.$('#tab-accounts')).click();
    const minutes = await browser.$('#idle-minutes');
    await minutes.waitForDisplayed();
    await screenshot(browser, '43-accounts');
    await minutes.setValue('1');
    await browser.keys(['Enter']);
    await browser.keys(['Control', 'l']);
    await login(browser, 'Sari Supervisor');
    await (await browser.$('[data-testid=login]')).waitForDisplayed({ timeout: 90000, interval: 1000 });
    const locked = await invokeFromPage(browser, 'get_request', { regNo: reg });
    assert.equal(locked.error?.code, 'belum_masuk', 'locked after the idle minute');
    await screenshot(browser, '44-idle-locked');
  } finally {
    await browser.deleteSession();
  }
  // The CLI reads the log as the supervisor, with her PIN.
  const sari = { LOKET_SUPERVISOR: 'Sari Supervisor', LOKET_SUPERVISOR_PIN: PINS['Sari Supervisor'] };
  const verify = cli(dataDir, ['audit', 'verify'], sari);
  assert.match(verify, /utuh/);
  const log = cli(dataDir, ['audit', 'list', '--by', 'Rina Operator'], sari);
  assert.match(log, /PIN salah/);
  assert.match(log, /Dokumen dilihat/);
  const supervisorLog = cli(dataDir, ['audit', 'list', '--by', 'Sari Supervisor'], sari);
  assert.match(supervisorLog, /Rekap dicetak/);
  assert.match(supervisorLog, /Cadangan dibuat/);

  // The same actions taken from the CLI leave the same entries as in the
  // app: the same action, account and wording, marked cli instead of app.
  const usb = join(dataDir, 'usb');
  cli(dataDir, ['backup', '--to', usb], sari);
  cli(dataDir, ['retention', 'days', '46'], sari);
  const rows = JSON.parse(cli(dataDir, ['audit', 'list', '--json', '--limit', '1000'], sari));
  const shape = (detail) => detail.replace(/\d+/g, 'N').replace(/loket-cadangan-[N-]+/, 'loket-cadangan-X');
  for (const [action, about] of [['cadangan_dibuat', /loket-cadangan-/], ['pengaturan_diubah', /^masa retensi foto/]]) {
    const of = (origin) => rows.find((r) => r.action === action && r.origin === origin && about.test(r.detail));
    const app = of('app');
    const fromCli = of('cli');
    assert.ok(app && fromCli, `${action} from the app and from the CLI: ${JSON.stringify(rows.filter((r) => r.action === action))}`);
    assert.equal(fromCli.operator, app.operator, `${action}: the same account`);
    assert.equal(shape(fromCli.detail), shape(app.detail), `${action}: the same wording`);
  }
  const reading = rows.find((r) => r.action === 'log_dibaca');
  assert.equal(reading.origin, 'cli', 'reading the log from the CLI is logged as the CLI');
});
