/**
 * On an embed page inside an iframe: tells the host page how tall the page is, so that the host's script
 * (public/_plotline/embed.js) can make the iframe exactly that tall. It posts on load, whenever the height
 * changes (a narrower frame wraps text onto more lines, a reader opens the data table), and when the host
 * asks, which its script does when it loads after the frame. The height is no secret, so any host may
 * read it; the host's script checks that the message comes from the frame it sizes.
 */
const HEIGHT = "plotline:height";
const REQUEST = "plotline:request-height";

const root = document.documentElement;
const id = root.dataset["plotlineEmbed"] ?? "";
let posted = -1;

function postHeight(always: boolean): void {
  // The root's own box is as tall as the content, whatever the frame's height (unlike scrollHeight).
  const height = Math.ceil(root.getBoundingClientRect().height);
  if (height === posted && !always) return;
  posted = height;
  window.parent.postMessage({ type: HEIGHT, id, height }, "*");
}

if (window.parent !== window) {
  new ResizeObserver(() => postHeight(false)).observe(root);
  window.addEventListener("load", () => postHeight(true));
  window.addEventListener("message", (event: MessageEvent<unknown>) => {
    const data = event.data as { type?: unknown } | null;
    if (event.source === window.parent && data?.type === REQUEST) postHeight(true);
  });
}
