/**
 * The Copy button beside each chart's embed code (see src/engine/chart/publish/embed-snippet-html.ts). It is shown
 * only where the Clipboard API exists; the status beside it then says "Copied" (screen readers announce
 * it). Where the page may not write to the clipboard (inside some iframes) the code is selected instead,
 * for the reader to copy. Without JavaScript the field is there to select by hand.
 */
for (const button of document.querySelectorAll<HTMLButtonElement>("button.plotline-copy")) {
  const panel = button.closest(".plotline-embed");
  const field = panel?.querySelector<HTMLTextAreaElement>("textarea.plotline-embed-code");
  const status = panel?.querySelector<HTMLElement>(".plotline-copy-status");
  if (!field || !status || !navigator.clipboard) continue;
  button.hidden = false;
  let clear: ReturnType<typeof setTimeout> | undefined;
  button.addEventListener("click", () => {
    clearTimeout(clear);
    status.textContent = "";
    navigator.clipboard.writeText(field.value).then(
      () => {
        status.textContent = button.dataset["copied"] ?? "";
        clear = setTimeout(() => (status.textContent = ""), 5000);
      },
      () => {
        field.focus();
        field.select();
        status.textContent = button.dataset["copyFailed"] ?? "";
      },
    );
  });
}
