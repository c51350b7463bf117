// Documents and side-by-side verification on the real app: files arrive the
// way a drop does (the same `tauri://drag-drop` event the window emits), a
// decompression bomb among them is refused with its code while the others
// are added, the viewer rotates and zooms the upright display copy, and the
// operator fills the fields, where a planted birth-date mismatch between the
// KTP and the KK is caught and then fixed, and the check is saved.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { freshDataDir, startDriver, screenshot, until, cli, fixtures, addAccount, login } from './harness.mjs';

const manifest = JSON.parse(readFileSync(join(fixtures, 'manifest.json'), 'utf8'));
const ktp = manifest.find((e) => e.kind === 'ktp' && e.applicant_id === 'D01');
const kk = manifest.find((e) => e.kind === 'kk' && e.applicant_id === 'D01');
const holder = kk.anggota.find((m) => m.nik === ktp.nik);

const dataDir = freshDataDir();
addAccount(dataDir, 'Rina Operator', 'supervisor');
const reg = cli(dataDir, ['request', 'new', '--name', ktp.nama, '--phone', '081234567890', '--nik', ktp.nik, '--kk', kk.no_kk, '--category', 'bpjs']);
const driver = await startDriver(dataDir);
after(() => driver.stop());

const ddmmyyyy = (iso) => iso.split('-').reverse().join('-');

async function fill(browser, selector, value) {
  const el = await browser.$(selector);
  await el.waitForDisplayed();
  await el.setValue(value);
}

test('documents are added, viewed and verified field by field', async () => {
  const browser = await driver.session();
  await login(browser, 'Rina Operator');
  try {
    const row = await browser.$(`[data-testid=queue-row][data-reg="${reg}"]`);
    await row.waitForDisplayed({ timeout: 15000 });
    await until(browser, async () => (await row.getAttribute('aria-selected')) === 'true', 'the request highlighted');
    await browser.keys(['Enter']);
    const detail = await browser.$('[data-testid=detail]');
    await detail.waitForDisplayed();

    // A drop of three files: the KTP, the KK (camera photo, EXIF 6) and a bomb.
    const paths = [join(fixtures, ktp.file), join(fixtures, kk.file), join(fixtures, 'bad', 'bomb_30000x30000.png')];
    await browser.execute(
      (p) => window.__TAURI_INTERNALS__.invoke('plugin:event|emit', {
        event: 'tauri://drag-drop',
        payload: { paths: p, position: { x: 300, y: 300 } },
      }),
      paths,
    );
    const list = await browser.$('[data-testid=doc-list]');
    await until(browser, async () => (await list.getAttribute('data-count')) === '2', 'two documents added', 20000);
    const err = await browser.$('[data-testid=doc-error]');
    await err.waitForDisplayed();
    assert.equal(await err.getAttribute('data-code'), 'gambar_terlalu_besar', 'the bomb is refused with its code');

    // The operator corrects a wrong guess of the kind, if any.
    const items = await browser.$$('[data-testid=doc-item]');
    const kinds = [];
    for (const [i, want] of [[0, 'ktp'], [1, 'kk']]) {
      if ((await items[i].getAttribute('data-kind')) !== want) {
        await (await items[i].$('[data-testid=doc-kind]')).selectByAttribute('value', want);
        await until(browser, async () => (await items[i].getAttribute('data-kind')) === want, `kind ${want}`);
      }
      kinds.push(await items[i].getAttribute('data-kind'));
    }
    assert.deepEqual(kinds, ['ktp', 'kk']);

    // The viewer shows the KK's display copy upright (the photo is stored sideways).
    const viewer = await browser.$('[data-testid=viewer]');
    await viewer.waitForDisplayed();
    await browser.execute(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
    const kkId = await items[1].getAttribute('data-doc-id');
    if ((await viewer.getAttribute('data-doc-id')) !== kkId) await browser.keys(['F6']);
    await until(browser, async () => (await viewer.getAttribute('data-doc-id')) === kkId, 'the viewer on the KK');
    const img = await browser.$('[data-testid=viewer-image]');
    await until(browser, () => browser.execute((el) => el.complete && el.naturalWidth > 0, img), 'the KK image loaded');
    const [w, h] = await browser.execute((el) => [el.naturalWidth, el.naturalHeight], img);
    assert.ok(Math.max(w, h) <= 2000, `the display copy is bounded: ${w}x${h}`);
    assert.equal(w > h, kk.display_width > kk.display_height, 'the display copy is upright (EXIF applied)');

    await browser.keys(['r']);
    await until(browser, async () => (await viewer.getAttribute('data-rotation')) === '90', 'rotated 90°');
    await (await browser.$('#viewer-zoom-in')).click();
    await until(browser, async () => Number(await viewer.getAttribute('data-zoom')) > 1, 'zoomed in');
    await screenshot(browser, '10-viewer-kk');
    await (await browser.$('#viewer-fit-page')).click();
    await (await browser.$('#viewer-rotate')).click();
    await (await browser.$('#viewer-rotate')).click();
    await (await browser.$('#viewer-rotate')).click();
    await until(browser, async () => (await viewer.getAttribute('data-rotation')) === '0', 'back upright');

    // The fields, as the operator reads them off the photos.
    await fill(browser, '#v-ktp-nama', ktp.nama);
    await fill(browser, '#v-ktp-tempat_lahir', ktp.tempat_lahir);
    await fill(browser, '#v-ktp-tanggal_lahir', ddmmyyyy(ktp.tanggal_lahir));
    await (await browser.$('#v-ktp-jenis_kelamin')).selectByAttribute('value', 'L');
    await fill(browser, '#v-ktp-alamat', ktp.alamat);
    await fill(browser, '#v-ktp-rt_rw', ktp.rt_rw);
    await fill(browser, '#v-ktp-kel_desa', ktp.kel_desa);
    await fill(browser, '#v-ktp-kecamatan', ktp.kecamatan);
    await fill(browser, '#v-kk-kepala_keluarga', kk.kepala_keluarga);
    await fill(browser, '#v-kk-alamat', kk.alamat);
    await fill(browser, '#v-kk-rt_rw', '5/1');
    await fill(browser, '#v-kk-desa_kelurahan', kk.desa_kelurahan);
    await fill(browser, '#v-kk-kecamatan', kk.kecamatan);
    await (await browser.$('#v-add-member')).click();
    await fill(browser, '#v-kk-anggota-0-nama', holder.nama);
    await fill(browser, '#v-kk-anggota-0-nik', holder.nik);
    await (await browser.$('#v-kk-anggota-0-jenis_kelamin')).selectByAttribute('value', 'L');
    await fill(browser, '#v-kk-anggota-0-tempat_lahir', holder.tempat_lahir);
    // The planted mismatch: one day off on the KK row.
    await fill(browser, '#v-kk-anggota-0-tanggal_lahir', '11-07-1985');
    await fill(browser, '#v-kk-anggota-0-hubungan', holder.hubungan);

    const problem = await browser.$('[data-testid=problem][data-code=tanggal_lahir_berbeda_dengan_kk]');
    await problem.waitForDisplayed({ timeout: 5000 });
    const finding = await browser.$('[data-testid=finding][data-field="ktp.tanggal_lahir"][data-code=tanggal_lahir_berbeda_dengan_kk]');
    assert.ok(await finding.isDisplayed(), 'the mismatch is shown at the KTP field too');
    const problems = await browser.$('[data-testid=problems]');
    assert.ok(Number(await problems.getAttribute('data-count')) >= 1);
    await screenshot(browser, '11-verify-mismatch');

    // Fix it: the problem goes away and the holder's row is recognised.
    await fill(browser, '#v-kk-anggota-0-tanggal_lahir', ddmmyyyy(holder.tanggal_lahir));
    await until(browser, async () => !(await problem.isExisting()), 'the mismatch cleared');
    await until(browser, async () => (await (await browser.$('[data-testid=member-row][data-index="0"]')).getAttribute('data-holder')) === 'true', 'the holder row marked');

    // Mark two fields and save with Ctrl+S.
    await (await browser.$('[data-testid=mark-ok][data-field="ktp.nik"]')).click();
    await (await browser.$('[data-testid=mark-bad][data-field="ktp.alamat"]')).click();
    await fill(browser, '[data-testid=mark-reason][data-field="ktp.alamat"]', 'Alamat terpotong di foto');
    const counts = await browser.$('[data-testid=v-counts]');
    await until(browser, async () => (await counts.getAttribute('data-mismatched')) === '1', 'one field marked tidak sesuai');
    await browser.keys(['Control', 's']);
    const saved = await browser.$('[data-testid=v-saved]');
    await until(browser, async () => (await saved.getAttribute('data-version')) === '1', 'saved as version 1');
    await screenshot(browser, '12-verify-saved');
  } catch (e) {
    await screenshot(browser, 'failure-documents').catch(() => {});
    throw e;
  } finally {
    await browser.deleteSession();
  }
  // What was checked is in the database, readable by the core.
  const saved = JSON.parse(cli(dataDir, ['doc', 'list', reg, '--json']));
  assert.equal(saved.length, 2, 'two documents stored for the request');
});
