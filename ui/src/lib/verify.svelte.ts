// The verification of the open request: the form the operator fills in, the
// live check of it (debounced; only the latest answer counts), the marks,
// and saving with "unsaved changes" tracking. Components read and edit it;
// the backend decides what is wrong, this only keeps the state coherent.

import { api, toUiError, type UiError } from './api';
import { debounce, latestOnly } from './async';
import type { DocRevision, FieldMark, FormCheck, RevisionReason, VerificationForm } from './bindings';
import { emptyForm, formKey, normalizeForm, removeMember, emptyMember, setValueAt } from './verifyForm';

export const CHECK_DEBOUNCE_MS = 150;

export interface SavedInfo {
  version: number;
  at: number | null;
  operator: string | null;
}

/** Fills in every field the loaded form lacks (older saves, partial JSON). */
function complete(form: Partial<VerificationForm> | null | undefined): VerificationForm {
  const base = emptyForm();
  return {
    ktp: { ...base.ktp, ...form?.ktp },
    kk: { ...base.kk, ...form?.kk, anggota: (form?.kk?.anggota ?? []).map((m) => ({ ...emptyMember(), ...m })) },
    marks: { ...form?.marks },
    revisions: [...(form?.revisions ?? [])],
  };
}

export class Verification {
  form = $state<VerificationForm>(emptyForm());
  check = $state<FormCheck | null>(null);
  checkError = $state<UiError | null>(null);
  saved = $state<SavedInfo>({ version: 0, at: null, operator: null });
  loaded = $state(false);
  loadError = $state<UiError | null>(null);
  saving = $state(false);
  saveError = $state<UiError | null>(null);
  #baseline = $state(formKey(emptyForm()));

  readonly key = $derived(formKey(this.form));
  readonly dirty = $derived(this.loaded && this.key !== this.#baseline);

  readonly regNo: string;
  #latest = latestOnly((form: VerificationForm) => api.verifyCheck(form));
  #soon = debounce(() => void this.runCheck(), CHECK_DEBOUNCE_MS);

  constructor(regNo: string) {
    this.regNo = regNo;
  }

  /**
   * Loads the latest saved form. A form never saved starts with the NIK and
   * KK number of the request (they still have to be checked and marked).
   */
  async load(prefill: { nik: string | null; kk: string | null } = { nik: null, kk: null }): Promise<void> {
    try {
      const s = await api.verifyLoad(this.regNo);
      const form = complete(s.form);
      if (s.version === 0) {
        if (!form.ktp.nik && prefill.nik) form.ktp.nik = prefill.nik;
        if (!form.kk.no_kk && prefill.kk) form.kk.no_kk = prefill.kk;
      }
      this.form = form;
      this.#baseline = formKey(form);
      this.saved = { version: s.version, at: s.at, operator: s.operator };
      this.loadError = null;
      this.loaded = true;
      await this.runCheck();
    } catch (e) {
      this.loadError = toUiError(e);
    }
  }

  /** Asks for a check once the operator pauses. */
  scheduleCheck(): void {
    this.#soon();
  }

  async runCheck(): Promise<void> {
    this.#soon.cancel();
    try {
      const r = await this.#latest(normalizeForm($state.snapshot(this.form) as VerificationForm));
      if (r.stale) return;
      this.check = r.value;
      this.checkError = null;
    } catch (e) {
      this.checkError = toUiError(e);
    }
  }

  /** Saves a new version; false (and `saveError`) when it was refused. */
  async save(): Promise<boolean> {
    if (this.saving || !this.loaded) return false;
    this.saving = true;
    this.saveError = null;
    const sent = normalizeForm($state.snapshot(this.form) as VerificationForm);
    try {
      const s = await api.verifySave(this.regNo, sent);
      this.#baseline = formKey(sent);
      this.saved = { version: s.version, at: s.at, operator: s.operator };
      return true;
    } catch (e) {
      this.saveError = toUiError(e);
      return false;
    } finally {
      this.saving = false;
    }
  }

  dispose(): void {
    this.#soon.cancel();
  }

  setValue(path: string, value: string): void {
    setValueAt(this.form, path, value);
  }

  markOf(path: string): FieldMark | undefined {
    return this.form.marks[path];
  }

  /** "Sesuai"; pressing it again on a field already marked so clears the mark. */
  toggleOk(path: string): void {
    if (this.form.marks[path]?.ok) delete this.form.marks[path];
    else this.form.marks[path] = { ok: true, reason: null };
  }

  setOk(path: string): void {
    this.form.marks[path] = { ok: true, reason: null };
  }

  /** "Tidak sesuai", keeping a reason already written; pressing it again clears the mark. */
  toggleBad(path: string, clearIfBad = true): void {
    const m = this.form.marks[path];
    if (m && !m.ok && clearIfBad) delete this.form.marks[path];
    else this.form.marks[path] = { ok: false, reason: m && !m.ok ? m.reason : '' };
  }

  setReason(path: string, reason: string): void {
    this.form.marks[path] = { ok: false, reason };
  }

  addMember(): number {
    this.form.kk.anggota.push(emptyMember());
    return this.form.kk.anggota.length - 1;
  }

  removeMember(row: number): void {
    removeMember(this.form, row);
  }

  revisionOf(document: 'ktp' | 'kk'): RevisionReason | '' {
    return this.form.revisions.find((r) => r.document === document)?.reason ?? '';
  }

  /** Sets or clears ('') the re-send reason of one document. */
  setRevision(document: 'ktp' | 'kk', reason: RevisionReason | ''): void {
    const rest: DocRevision[] = this.form.revisions.filter((r) => r.document !== document);
    if (reason) rest.push({ document, reason });
    rest.sort((a, b) => (a.document === b.document ? 0 : a.document === 'ktp' ? -1 : 1));
    this.form.revisions = rest;
  }
}
