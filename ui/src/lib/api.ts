// Typed wrappers of the Tauri commands. Every rejection is turned into a
// `UiError` with a stable `code`, so screens branch on the code and never on
// the message text. Argument names are camelCase as Tauri expects.

import { invoke, type InvokeArgs, type InvokeOptions } from '@tauri-apps/api/core';
import type {
  Account,
  BackupReport,
  PurgeItem,
  RetentionReport,
  Promises,
  ServicesOverview,
  Complaint,
  Delivery,
  DeliveryDetail,
  DeliveryQuery,
  MoveDetails,
  NewComplaint,
  NewDelivery,
  Step,
  Village,
  AppInfo,
  ChainReport,
  LogFilter,
  LogRow,
  Role,
  CreatedRequest,
  DocAddResult,
  DocKind,
  DocRevision,
  DocumentView,
  Reading,
  DuplicateMatch,
  ErrorCode,
  FormCheck,
  IdCheck,
  ListQuery,
  LoketError,
  NewRequest,
  OfficeProfile,
  Preferences,
  Recap,
  RecapFile,
  RecapOptions,
  ReceiptFile,
  ReceiptFormat,
  ReceiptOptions,
  ReceiptPrint,
  Reply,
  ReplyTemplate,
  SlaSettings,
  Outcome,
  RequestDetail,
  QueuePage,
  ResendResult,
  SavedVerification,
  Sex,
  Status,
  VerificationForm,
} from './bindings';

/** The backend's codes plus one for anything that is not a LoketError. */
export type UiErrorCode = ErrorCode | 'galat_tak_terduga';

export interface UiError {
  code: UiErrorCode;
  message: string;
}

/** True for a `{code, message}` error as the backend sends it. */
export function isLoketError(e: unknown): e is LoketError {
  if (typeof e !== 'object' || e === null) return false;
  const r = e as Record<string, unknown>;
  return typeof r.code === 'string' && r.code !== '' && typeof r.message === 'string';
}

/** Any rejection as a `UiError`. */
export function toUiError(e: unknown): UiError {
  if (isLoketError(e)) return { code: e.code, message: e.message };
  return { code: 'galat_tak_terduga', message: e instanceof Error ? e.message : String(e) };
}

/** Errors of the data folder: nothing can be done in the app, and nothing was changed. */
export function isFatalCode(code: UiErrorCode): boolean {
  return code === 'basis_data_versi_baru' || code === 'basis_data_rusak' || code === 'folder_data_tidak_bisa_dipakai';
}

let onLoggedOut: (() => void) | null = null;

/** Called when a command is refused because nobody is logged in any more
 *  (the screen was locked): the app shows the login screen. */
export function whenLoggedOut(handler: (() => void) | null): void {
  onLoggedOut = handler;
}

async function call<T>(cmd: string, args?: InvokeArgs, options?: InvokeOptions): Promise<T> {
  try {
    return await (options ? invoke<T>(cmd, args, options) : invoke<T>(cmd, args));
  } catch (e) {
    const err = toUiError(e);
    if (err.code === 'belum_masuk') onLoggedOut?.();
    throw err;
  }
}

export const api = {
  appInfo: (): Promise<AppInfo> => call('app_info'),
  accountSetupFirst: (name: string, pin: string): Promise<AppInfo> => call('account_setup_first', { name, pin }),
  sessionLogin: (name: string, pin: string): Promise<AppInfo> => call('session_login', { name, pin }),
  sessionLock: (idle: boolean): Promise<AppInfo> => call('session_lock', { idle }),
  accountList: (): Promise<Account[]> => call('account_list'),
  accountCreate: (name: string, role: Role, pin: string): Promise<Account> =>
    call('account_create', { name, role, pin }),
  accountSetPin: (name: string, oldPin: string | null, newPin: string): Promise<null> =>
    call('account_set_pin', { name, oldPin, newPin }),
  accountDisable: (name: string): Promise<null> => call('account_disable', { name }),
  settingsSaveIdle: (minutes: number): Promise<number> => call('settings_save_idle', { minutes }),
  auditList: (filter: LogFilter): Promise<LogRow[]> => call('audit_list', { filter }),
  auditVerify: (): Promise<ChainReport> => call('audit_verify'),
  auditPrinted: (kind: 'rekap' | 'serah_terima', detail: string): Promise<null> =>
    call('audit_printed', { kind, detail }),
  deliveryList: (query: DeliveryQuery): Promise<Delivery[]> => call('delivery_list', { query }),
  deliveryGet: (regNo: string): Promise<DeliveryDetail> => call('delivery_get', { regNo }),
  deliveryCreate: (input: NewDelivery): Promise<DeliveryDetail> => call('delivery_create', { input }),
  deliveryMove: (regNo: string, to: Step, details: MoveDetails): Promise<DeliveryDetail> =>
    call('delivery_move', { regNo, to, details }),
  deliveryHandover: (day: string): Promise<Delivery[]> => call('delivery_handover', { day }),
  villageList: (): Promise<Village[]> => call('village_list'),
  complaintList: (openOnly: boolean): Promise<Complaint[]> => call('complaint_list', { openOnly }),
  complaintAbout: (regNo: string): Promise<Complaint[]> => call('complaint_about', { regNo }),
  complaintCreate: (input: NewComplaint): Promise<Complaint> => call('complaint_create', { input }),
  complaintAnswer: (regNo: string, text: string): Promise<Complaint> => call('complaint_answer', { regNo, text }),
  complaintClose: (regNo: string): Promise<Complaint> => call('complaint_close', { regNo }),
  servicesOverview: (): Promise<ServicesOverview> => call('services_overview'),
  settingsSaveServices: (promises: Promises, complaintMinutes: number): Promise<null> =>
    call('settings_save_services', { promises, complaintMinutes }),
  backupCreate: (dest: string): Promise<BackupReport> => call('backup_create', { dest }),
  retentionPlan: (): Promise<PurgeItem[]> => call('retention_plan'),
  retentionRun: (): Promise<RetentionReport> => call('retention_run'),
  settingsSaveRetention: (days: number): Promise<number> => call('settings_save_retention', { days }),
  deliveryReplyOpen: (regNo: string): Promise<Reply> => call('delivery_reply_open', { regNo }),
  complaintReplyOpen: (regNo: string): Promise<Reply> => call('complaint_reply_open', { regNo }),
  receiptPrinted: (regNo: string, options: ReceiptOptions): Promise<null> =>
    call('receipt_printed', { regNo, options }),
  checkNik: (nik: string, dob: string | null = null, sex: Sex | null = null): Promise<IdCheck> =>
    call('check_nik', { nik, dob, sex }),
  checkKk: (kk: string): Promise<IdCheck> => call('check_kk', { kk }),
  checkPhone: (phone: string): Promise<string> => call('check_phone', { phone }),
  /** The new request's fields plus the open or recent requests it may re-send. */
  createRequest: (input: NewRequest): Promise<CreatedRequest> => call('create_request', { input }),
  requestDuplicates: (regNo: string): Promise<DuplicateMatch[]> => call('request_duplicates', { regNo }),
  requestMerge: (regNo: string, into: string): Promise<RequestDetail> => call('request_merge', { regNo, into }),
  requestKeep: (regNo: string, other: string, reason: string): Promise<DuplicateMatch[]> =>
    call('request_keep', { regNo, other, reason }),
  /** The queue page; each item is a request with its time-promise clock. */
  listRequests: (query: ListQuery): Promise<QueuePage> => call('list_requests', { query }),
  getRequest: (regNo: string): Promise<RequestDetail> => call('get_request', { regNo }),
  moveRequest: (regNo: string, to: Status, outcome: Outcome | null, note: string | null): Promise<RequestDetail> =>
    call('move_request', { regNo, to, outcome, note }),
  appReady: (): Promise<number> => call('app_ready'),

  // Documents (the photos and PDFs of a request). `kind: null` lets the backend guess.
  docAddPaths: (regNo: string, paths: string[], kind: DocKind | null): Promise<DocAddResult[]> =>
    call('doc_add_paths', { regNo, paths, kind }),
  /** A pasted picture: the bytes are the raw request body, the rest travels in headers. */
  docAddBytes: (regNo: string, name: string, kind: DocKind | null, bytes: Uint8Array): Promise<DocAddResult> =>
    call('doc_add_bytes', bytes, {
      headers: { 'x-reg-no': regNo, 'x-file-name': encodeURIComponent(name), 'x-kind': kind ?? '' },
    }),
  /** Holds a window close (asks the page first) while the form has unsaved work. */
  windowGuard: (unsaved: boolean): Promise<void> => call('window_guard', { unsaved }),
  windowClose: (): Promise<void> => call('window_close'),
  ocrRead: (docId: number, page: number): Promise<Reading> => call('ocr_read', { docId, page }),
  docList: (regNo: string): Promise<DocumentView[]> => call('doc_list', { regNo }),
  docRemove: (docId: number, reason: string): Promise<DocumentView[]> => call('doc_remove', { docId, reason }),
  docSetKind: (docId: number, kind: DocKind): Promise<DocumentView> => call('doc_set_kind', { docId, kind }),

  // Field-by-field verification against the documents.
  verifyLoad: (regNo: string): Promise<SavedVerification> => call('verify_load', { regNo }),
  verifyCheck: (form: VerificationForm): Promise<FormCheck> => call('verify_check', { form }),
  verifySave: (regNo: string, form: VerificationForm): Promise<SavedVerification> =>
    call('verify_save', { regNo, form }),
  verifyResend: (regNo: string, revisions: DocRevision[]): Promise<ResendResult> =>
    call('verify_resend', { regNo, revisions }),

  // Settings and WhatsApp replies. `replyOpen` opens the citizen's chat (wa.me) from the Rust side.
  settingsLoad: (): Promise<Preferences> => call('settings_load'),
  settingsSaveOffice: (office: OfficeProfile): Promise<OfficeProfile> => call('settings_save_office', { office }),
  settingsSaveSla: (sla: SlaSettings): Promise<SlaSettings> => call('settings_save_sla', { sla }),
  replyTemplateSave: (key: string, text: string): Promise<ReplyTemplate> => call('reply_template_save', { key, text }),
  replyCompose: (regNo: string): Promise<Reply> => call('reply_compose', { regNo }),
  replyOpen: (regNo: string): Promise<Reply> => call('reply_open', { regNo }),

  // Receipts: the drawing to print, and PNG/PDF files saved to the export folder.
  receiptForPrint: (regNo: string, options: ReceiptOptions): Promise<ReceiptPrint> =>
    call('receipt_for_print', { regNo, options }),
  receiptSave: (regNo: string, options: ReceiptOptions, format: ReceiptFormat): Promise<ReceiptFile> =>
    call('receipt_save', { regNo, options, format }),

  // The daily recap of WIB days `from..=to` (YYYY-MM-DD) and its CSV/XLSX export.
  recapDaily: (from: string, to: string, options: RecapOptions): Promise<Recap> =>
    call('recap_daily', { from, to, options }),
  recapExport: (from: string, to: string, options: RecapOptions, format: 'csv' | 'xlsx'): Promise<RecapFile> =>
    call('recap_export', { from, to, options, format }),
};
