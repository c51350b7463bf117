// Printing one part of the window through the system print dialog
// (WebView2's preview on Windows, GTK's dialog on Linux). The page size of
// the receipt or recap is set with an @page rule added through the CSSOM
// (sizes like `80mm 143mm` vary per receipt; `80mm auto` is invalid CSS),
// and a class on <body> hides everything but the part while printing.

let pageRule: { sheet: CSSStyleSheet; index: number } | null = null;

/** `@page { size: 80mm 143.2mm; margin: 0 }` for the next print. */
export function pageSizeRule(widthMm: number, heightMm: number, marginMm = 0): string {
  const mm = (n: number): string => `${Math.round(n * 10) / 10}mm`;
  return `@page { size: ${mm(widthMm)} ${mm(heightMm)}; margin: ${mm(marginMm)}; }`;
}

function setPageRule(rule: string): void {
  clearPageRule();
  const el = document.createElement('style');
  document.head.appendChild(el);
  const sheet = el.sheet;
  if (!sheet) return;
  pageRule = { sheet, index: sheet.insertRule(rule) };
}

function clearPageRule(): void {
  if (!pageRule) return;
  const owner = pageRule.sheet.ownerNode;
  owner?.parentNode?.removeChild(owner);
  pageRule = null;
}

/**
 * Prints only the elements marked `data-print` inside the page, on paper of
 * the given rule. Resolves when the dialog closes.
 */
export function printPart(rule: string): void {
  setPageRule(rule);
  document.body.classList.add('printing-part');
  const done = (): void => {
    document.body.classList.remove('printing-part');
    clearPageRule();
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
  // WebKitGTK may not fire afterprint; print() blocks until the dialog closes.
  setTimeout(done, 0);
}
