/**
 * A chart's "Download image (PNG)", drawn in the reader's browser from the chart's standalone SVG (the
 * file of "Download vector (SVG)"), at twice its size, when the reader asks: the build draws no PNG of
 * its own unless plotline.config.mjs sets `images.chartPng` (see compile-chart.ts). Loaded on the first
 * click only (hydrate-charts.ts). The picture uses the reader's system fonts, as the SVG file does.
 */
const SCALE = 2;

export async function downloadPng(svgUrl: string, name: string): Promise<void> {
  const response = await fetch(svgUrl);
  if (!response.ok) throw new Error(`${svgUrl}: HTTP ${response.status}`);
  const text = await response.text();
  const root = new DOMParser().parseFromString(text, "image/svg+xml").documentElement;
  const image = new Image();
  // A data: address, which the site's Content-Security-Policy allows for pictures (blob: it does not).
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await image.decode();
  const width = Number.parseFloat(root.getAttribute("width") ?? "") || image.naturalWidth;
  const height = Number.parseFloat(root.getAttribute("height") ?? "") || image.naturalHeight;
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * SCALE);
  canvas.height = Math.round(height * SCALE);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("this browser cannot draw on a canvas");
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const png = await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the PNG could not be made"))), "image/png"));
  const link = document.createElement("a");
  link.href = URL.createObjectURL(png);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
