// The queue's search, view, filter and highlighted row, kept outside the
// Queue component so they survive opening a request and coming back.

import type { QueueView, Status } from './bindings';

export const queueState = $state<{
  search: string;
  view: QueueView;
  status: Status | null;
  highlightReg: string | null;
}>({
  search: '',
  view: 'active',
  status: null,
  highlightReg: null,
});
