/**
 * The Content-Security-Policy every page of the site satisfies: scripts, styles, images and data only
 * from the site itself; no inline script or style, no eval. 'wasm-unsafe-eval' lets the search page
 * compile Pagefind's WebAssembly and nothing else. No frame-ancestors here: chart embed pages must be
 * framable by any site (see static-host-headers.ts for how other pages are kept from being framed).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");
