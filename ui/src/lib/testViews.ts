// Test support (imported only by unit tests): a document as the backend
// lists it, with the few parts a test cares about set.
import type { DocKind, DocumentView } from './bindings';

export function docView(
  id: number,
  { kind = 'ktp', fileName = `f${id}.jpg`, purged = false, display = !purged }: {
    kind?: DocKind;
    fileName?: string;
    purged?: boolean;
    display?: boolean;
  } = {},
): DocumentView {
  return {
    doc: {
      id,
      reg_no: 'VN-1',
      kind,
      sha256: 'ab',
      format: 'jpeg',
      width: 1,
      height: 1,
      pages: 1,
      bytes: 1,
      file_name: fileName,
      added_at: 0,
      operator: 'R',
    },
    display: display ? ['/x.jpg'] : [],
    thumbs: [],
    purged_at: purged ? 1 : null,
  };
}
